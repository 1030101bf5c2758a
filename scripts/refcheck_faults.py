"""Checks that faults injected by `sightline generate --errors` reach the DfE reference validators.

Usage:
  refcheck_faults.py FAULTS.json CLEAN_CIN.json FAULTY_CIN.json CLEAN_903.json FAULTY_903.json

The four reports are refcheck_returns.py output (with --all-children) for the same authority
generated without and with faults (same seed, so only the faults differ). For each kind of fault
it prints how many children were given that fault, how many of them the validators flag with an
error they did not raise on the clean data, and which rules did so. Faults dated outside the
collection year are not in the return, so not every faulted child can be flagged; but a kind of
fault that is never flagged means the export hides it, and the check fails.
"""

import json
import sys
from collections import defaultdict

# The SSD tables each return is derived from; faults elsewhere do not reach the returns.
RETURN_OF = {
    "ssd_cin_episodes": "cin",
    "ssd_cin_assessments": "cin",
    "ssd_cp_plans": "cin",
    "ssd_s47_enquiry": "cin",
    "ssd_cin_plans": "cin",
    "ssd_cla_episodes": "903",
    "ssd_cla_placement": "903",
}


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def flagged(report):
    """child id -> error rule codes flagging it."""
    out = defaultdict(set)
    errors = set(report["errors"])
    for code, children in report["examples"].items():
        if code in errors:
            for c in children:
                out[c].add(code)
    return out


def main():
    faults_path, clean_cin, faulty_cin, clean_903, faulty_903 = sys.argv[1:6]
    faults = load(faults_path)
    faults = faults["faults"] if isinstance(faults, dict) else faults
    clean = {"cin": flagged(load(clean_cin)), "903": flagged(load(clean_903))}
    faulty = {"cin": flagged(load(faulty_cin)), "903": flagged(load(faulty_903))}
    groups = defaultdict(set)
    for f in faults:
        ret = RETURN_OF.get(f["table"])
        if ret:
            groups[(f["kind"], f["table"], f["column"], ret)].add(f["person_id"])
    failed = False
    print(f"{'fault':<60} {'return':>6} {'faulted':>8} {'flagged':>8}  new error rules")
    for (kind, table, column, ret), people in sorted(groups.items()):
        new = {p: faulty[ret].get(p, set()) - clean[ret].get(p, set()) for p in people}
        hit = {p for p, codes in new.items() if codes}
        codes = sorted({c for p in hit for c in new[p]})
        name = f"{kind} {table}.{column}"
        print(f"{name:<60} {ret:>6} {len(people):>8} {len(hit):>8}  {' '.join(codes)}")
        if people and not hit:
            failed = True
    if failed:
        print("FAIL: a kind of fault that reaches a return is never flagged", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
