#!/usr/bin/env python3
"""Per-rule parity between Sightline's CIN census validation and the DfE reference validator.

Runs csc-validator-be-cin (cin_validator) on the same XML Sightline read, and compares its
issue locations with Sightline's issues.csv: for every rule, the (table, row_id) pairs only
one tool flags. The reference reports one location per (table, column, row); both sides are
reduced to (rule, table, row). Return-level (LA-level) findings compare as ("LA", -1); Header
findings, which the reference moves to its multichild list, are kept with their row.

usage: parity_cin.py --xml FILE --year 2026 --ours issues.csv [--rules 100,1103]
       [--expected-differences 8870Q] [--json OUT]
A rule that differs is checked again with the reference reading dates as the census schema
defines them (xs:date, yyyy-mm-dd, as Sightline does): the reference reads any date-like text
(30/09/2025, 20250601) with pandas' guesses, month first when ambiguous. A rule that then agrees
is reported as "dates" (documented in docs/validation-differences.md), not as a difference.
Exit status 1 when any rule differs (rules in --expected-differences are listed, not counted).
"""
import argparse
import csv
import importlib
import io
import json
import os
import pickle
import re
import sys
import xml.etree.ElementTree as ET
from contextlib import redirect_stdout, redirect_stderr


def load(xml_path, cv):
    """The reference's tables for an XML file; its reader is slow (minutes for a large
    return), so they are cached beside the file, keyed by its size and mtime."""
    st = os.stat(xml_path)
    cache = f"{xml_path}.refcache.pkl"
    key = (st.st_size, st.st_mtime_ns)
    try:
        with open(cache, "rb") as f:
            k, data = pickle.load(f)
        if k == key:
            return data
    except (OSError, EOFError, pickle.UnpicklingError, ValueError):
        pass
    root = ET.parse(xml_path).getroot()
    data = cv.process_data(cv.convert_data(root))
    try:
        with open(cache, "wb") as f:
            pickle.dump((key, data), f)
    except OSError:
        pass
    return data


ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?\s*$")


def strict_dates(df):
    """The reference's `process_date_columns`, reading only yyyy-mm-dd (with an optional
    time) as a date and anything else as NaT: Sightline's reading."""
    import pandas as pd

    def one(v):
        m = ISO_DATE.match(v) if isinstance(v, str) else None
        if not m:
            return pd.NaT
        try:
            return pd.Timestamp(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return pd.NaT

    for column in df:
        if "date" in column.lower():
            df[column] = pd.to_datetime(df[column].map(one), errors="coerce")
    return df


def reference(xml_path, year, rules, strict=False):
    from cin_validator import cin_validator as cv

    module = importlib.import_module(f"cin_validator.rules.cin{year - 1}_{year % 100:02d}")
    registry = getattr(module, "registry")
    if strict:
        lenient = cv.process_date_columns
        cv.process_date_columns = strict_dates
        try:
            data = cv.process_data(cv.convert_data(ET.parse(xml_path).getroot()))
        finally:
            cv.process_date_columns = lenient
    else:
        data = load(xml_path, cv)
    sink = io.StringIO()
    # Only the rule runs, not the report building: it keeps Header rows and LA-level rules.
    v = cv.CinValidator.__new__(cv.CinValidator)
    v.data_files = data
    v.ruleset_registry = registry
    with redirect_stdout(sink), redirect_stderr(sink):
        v.create_issue_report_df(rules)
    fails = set(re.findall(r"^Error with rule (\S+):", sink.getvalue(), re.M))
    flagged = {}
    df = v.full_issue_df
    for code, table, row in zip(df["rule_code"], df["tables_affected"], df["ROW_ID"]):
        if row != row:  # NaN: a location with no row (8816's cause for a missing LAchildID)
            continue
        flagged.setdefault(str(code), set()).add((str(table), int(row)))
    la = v.la_rule_issues
    if len(la):
        for code in la["rule_code"]:
            flagged.setdefault(str(code), set()).add(("LA", -1))
    codes = sorted(str(c) for c in registry.keys())
    return flagged, fails, codes


def ours(path):
    flagged = {}
    with open(path, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            row = int(r["row_id"]) if r["row_id"] else -1
            flagged.setdefault(r["rule_code"], set()).add((r["table"], row))
    return flagged


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--xml", required=True)
    p.add_argument("--year", type=int, required=True, help="ending year: 2026 for 2025/26")
    p.add_argument("--ours", required=True)
    p.add_argument("--rules", help="comma-separated codes to compare (default: all)")
    p.add_argument("--expected-differences", default="", help="comma-separated codes")
    p.add_argument("--json")
    a = p.parse_args()
    rules = a.rules.split(",") if a.rules else None
    ref, fails, codes = reference(a.xml, a.year, rules)
    mine = ours(a.ours)
    expected = set(filter(None, a.expected_differences.split(",")))
    wanted = set(rules) if rules else set(codes) | set(mine)
    report, differing = {}, []
    for code in sorted(wanted):
        r, m = ref.get(code, set()), mine.get(code, set())
        only_ref, only_ours = sorted(r - m), sorted(m - r)
        status = "crash" if code in fails else ("same" if not (only_ref or only_ours) else "differ")
        if status == "differ":
            strict, _, _ = reference(a.xml, a.year, [code], strict=True)
            if strict.get(code, set()) == m:
                status = "dates"
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
    dates = sorted(c for c, v in report.items() if v["status"] == "dates")
    print(f"{same} of {len(report)} rules flag identical locations; {len(dates)} more do when the "
          f"reference reads dates as yyyy-mm-dd {dates}; {len(differing)} differ unexpectedly; "
          f"reference crashed on {len(fails)}: {sorted(fails)}")
    if a.json:
        with open(a.json, "w") as f:
            json.dump(report, f, indent=1, default=list)
    sys.exit(1 if differing else 0)


if __name__ == "__main__":
    main()
