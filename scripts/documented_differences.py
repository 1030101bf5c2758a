#!/usr/bin/env python3
"""The rule codes the validation-differences notes document, comma-separated.

usage: documented_differences.py docs/validation-differences/h*.md

A note lists its codes either in the first cell of a table row (| 118 | ... |,
| SW08STG2, SW17STG2 | ... |) or in the bold lead of a bullet (- **302, 334, 336** (...)).
Ranges such as 503A–503J are expanded. Everything else in those cells (years in brackets,
words) is ignored. The parity scripts pass the result as --expected-differences.
"""
import re
import sys

CODE = re.compile(r"^(\d{3,4}[A-Za-z]{0,2}|SW\d+[a-z]?STG\d|INT\d+|EPI|NoE)$")
RANGE = re.compile(r"^(\d{3,4})([A-Z])[–-]\1([A-Z])$")


def codes_in(cell):
    out = set()
    for tok in re.split(r"[\s,]+", cell.replace("`", "")):
        m = RANGE.match(tok)
        if m:
            out |= {m[1] + chr(c) for c in range(ord(m[2]), ord(m[3]) + 1)}
        elif CODE.match(tok):
            out.add(tok)
    return out


def main():
    found = set()
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("|"):
                    found |= codes_in(line.split("|")[1])
                else:
                    m = re.match(r"^\s*[-*] \*\*(.+?)\*\*", line)
                    if m:
                        found |= codes_in(m[1])
    print(",".join(sorted(found)))


if __name__ == "__main__":
    main()
