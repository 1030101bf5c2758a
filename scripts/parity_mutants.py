#!/usr/bin/env python3
"""Per-rule aggregate of the parity reports of a mutation corpus.

usage: parity_mutants.py [--expected-differences 118,191] [--details N] REPORT.json...

Each REPORT.json is what parity_903.py or parity_cin.py writes with --json for one mutant:
per rule, a status (same, order, differ, crash), the number of rows each tool flags and the
rows only one of them flags. Prints, per rule that fired (flagged something in either tool)
or did not agree in some mutant: in how many mutants it fired, in how many both tools flagged
exactly the same rows, in how many only after the reference ran the rule alone (order; for
the CIN census this also counts "dates": agreeing once the reference reads dates as yyyy-mm-dd), in
how many they differed and in how many the reference crashed; then the rules that never
fired, the first rows of each unexpected difference, and a closing line

  N rules fired in at least one mutant; M of them identical in every mutant; K differ
  (documented: ...; unexpected: ...)

Rules in --expected-differences (documented in docs/validation-differences/) are listed, not
counted as unexpected. A rule the reference raised on (crash) flags nothing there, so it is
not compared; as in parity_903.py it is listed (documented or not), not counted. Exit status 1
when any other rule differs in any mutant.
"""
import argparse
import json
import os
import sys


def main():
    p = argparse.ArgumentParser()
    p.add_argument("reports", nargs="+")
    p.add_argument("--expected-differences", default="")
    p.add_argument("--details", type=int, default=3, help="mutants shown per unexpected rule")
    a = p.parse_args()
    expected = set(filter(None, a.expected_differences.split(",")))
    stats = {}  # code -> {"fired", "same", "order", "differ", "crash", "where": [...]}
    for path in a.reports:
        name = os.path.basename(os.path.dirname(path)) or path
        with open(path, encoding="utf-8") as f:
            report = json.load(f)
        for code, r in report.items():
            s = stats.setdefault(code, {"fired": 0, "same": 0, "order": 0, "differ": 0,
                                        "crash": 0, "where": []})
            # CIN: agrees once the reference reads dates as the schema does; counted with
            # "order" as agreement under a documented condition.
            if r["status"] == "dates":
                r = dict(r, status="order")
            fired = r["reference"] > 0 or r["ours"] > 0
            s["fired"] += fired
            if r["status"] == "same":
                s["same"] += fired
            else:
                s[r["status"]] += 1
            if r["status"] == "differ":
                s["where"].append((name, r))

    def key(c):
        return (0, int(c), c) if c.isdigit() else (1, 0, c)

    shown = [c for c in sorted(stats, key=key)
             if stats[c]["fired"] or stats[c]["order"] or stats[c]["differ"] or stats[c]["crash"]]
    print(f"{'rule':<10} {'fired':>5} {'same':>5} {'order':>5} {'differ':>6} {'crash':>5}")
    for c in shown:
        s = stats[c]
        tag = ""
        if s["differ"] or s["crash"]:
            tag = "  documented" if c in expected else (
                "  UNEXPECTED" if s["differ"] else "  reference crashed (undocumented)")
        print(f"{c:<10} {s['fired']:>5} {s['same']:>5} {s['order']:>5} {s['differ']:>6} "
              f"{s['crash']:>5}{tag}")
    never = [c for c in sorted(stats, key=key) if not stats[c]["fired"]]
    print(f"\nnever fired ({len(never)}): {' '.join(never)}")
    fired = [c for c in stats if stats[c]["fired"]]
    differ = sorted((c for c in stats if stats[c]["differ"]), key=key)
    documented = [c for c in differ if c in expected]
    unexpected = [c for c in differ if c not in expected]
    # identical in every mutant: never a difference or a crash (order counts as agreeing)
    identical = [c for c in fired if not stats[c]["differ"] and not stats[c]["crash"]]
    only_alone = [c for c in identical if stats[c]["order"]]
    crashed = sorted((c for c in stats if stats[c]["crash"]), key=key)
    crashed_new = [c for c in crashed if c not in expected]
    for c in unexpected:
        print(f"\n{c}: differs in {stats[c]['differ']} mutant(s)")
        for name, r in stats[c]["where"][: a.details]:
            print(f"  {name}: reference {r['reference']}, ours {r['ours']}; "
                  f"only reference {r['only_reference'][:5]}; only ours {r['only_ours'][:5]}")
    print(f"\n{len(fired)} rules fired in at least one mutant; {len(identical)} of them identical "
          f"in every mutant ({len(only_alone)} only when the reference runs them alone or reads "
          f"dates strictly: "
          f"{','.join(sorted(only_alone, key=key)) or '-'}); {len(differ)} differ "
          f"(documented: {','.join(documented) or '-'}; unexpected: "
          f"{','.join(unexpected) or '-'}); reference crashed on "
          f"{','.join(crashed) or '-'} (undocumented: {','.join(crashed_new) or '-'})")
    sys.exit(1 if unexpected else 0)


if __name__ == "__main__":
    main()
