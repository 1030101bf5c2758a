"""Runs the DfE reference validators on returns Sightline exported and prints what they flag.

Usage (with the venv scripts/refcheck-returns.sh makes):
  refcheck_returns.py cin FILE.xml --year 2025-26
  refcheck_returns.py 903 DIR --year 2025-26 [--prev DIR]
  add --all-children to list every flagged child per rule, not five examples

Prints one JSON object: {"errors": {code: rows}, "queries": {code: rows}, "crashed": [codes],
"examples": {code: [child ids]}}. Rule types come from spec/rules (the 903 validator does not
record them); a code missing there counts as an error.
"""

import argparse
import csv
import importlib
import io
import json
import logging
import os
import sys
import xml.etree.ElementTree as ET
from contextlib import redirect_stdout

logging.disable(logging.CRITICAL)

EXAMPLES = 5
HERE = os.path.dirname(os.path.abspath(__file__))
RULES = os.path.join(HERE, "..", "..", "shared", "spec", "rules")


def rule_types(name):
    path = os.path.join(RULES, name)
    if not os.path.exists(path):
        return {}
    with open(path, newline="", encoding="utf-8") as f:
        return {r["code"]: r["rule_type"] for r in csv.DictReader(f)}


def ruleset(prefix, year):
    a, b = year.replace("/", "-").split("-")
    return f"{prefix}{a}_{b[-2:]}"


def split(counts, examples, types, crashed):
    out = {"errors": {}, "queries": {}, "crashed": sorted(crashed), "examples": examples}
    for code, n in sorted(counts.items()):
        kind = types.get(code, "query" if code.endswith("Q") else "error")
        out["queries" if kind == "query" else "errors"][code] = n
    return out


def run_cin(path, year):
    from cin_validator import cin_validator as cv

    module = importlib.import_module(f"cin_validator.rules.{ruleset('cin', year)}")
    registry = getattr(module, "registry")
    root = ET.parse(path).getroot()
    with redirect_stdout(io.StringIO()):
        data = cv.process_data(cv.convert_data(root))
        v = cv.CinValidator(data, registry)
    counts, examples = {}, {}
    inst = v.issue_instances
    if len(inst):
        for code, number in zip(inst["code"], inst["number"]):
            counts[str(code)] = counts.get(str(code), 0) + int(number)
    df = v.full_issue_df
    if len(df) and "rule_code" in df.columns:
        id_col = next((c for c in ("child_id", "LAchildID") if c in df.columns), None)
        for code, grp in df.groupby("rule_code"):
            if id_col:
                examples[str(code)] = sorted({str(x) for x in grp[id_col].dropna()})[:EXAMPLES]
    la = getattr(v, "la_rule_issues", None)
    if la is not None and len(la):
        for code in la["rule_code"].unique() if "rule_code" in la.columns else []:
            counts[str(code)] = counts.get(str(code), 0) + 1
    types = {k: v for k, v in rule_types("cin_rules.csv").items()}
    for code, rule in registry.items():
        t = getattr(getattr(rule, "rule_type", None), "name", "")
        if t:
            types[str(code)] = "query" if t.lower().startswith("query") else "error"
    return split(counts, examples, types, [])


def run_903(dirname, year, prev):
    import lac_validator.lac_validator as lv
    from lac_validator.utils import process_uploaded_files

    module = importlib.import_module(f"lac_validator.rules.{ruleset('lac', year)}")
    registry = getattr(module, "registry")

    def csvs(d):
        return [os.path.join(d, f) for f in sorted(os.listdir(d)) if f.lower().endswith(".csv")]

    files = {"This year": csvs(dirname)}
    if prev:
        files["Prev year"] = csvs(prev)
    ending = int(year.replace("/", "-").split("-")[0]) + 1
    metadata = {"collectionYear": str(ending), "localAuthority": "E09000027"}
    with redirect_stdout(io.StringIO()):
        v = lv.LacValidator(metadata=metadata, files=process_uploaded_files(files), registry=registry)
    counts, examples = {}, {}
    for table, df in v.ds_results.items():
        if table == "metadata" or not hasattr(df, "columns"):
            continue
        for col in [c for c in df.columns if str(c).startswith("ERR_")]:
            hit = df[df[col] == True]  # noqa: E712 (pandas mask)
            if len(hit):
                code = col[4:]
                counts[code] = counts.get(code, 0) + len(hit)
                if "CHILD" in hit.columns:
                    examples.setdefault(code, [])
                    found = {str(x) for x in list(hit["CHILD"])[:EXAMPLES]}
                    examples[code] = sorted(set(examples[code]) | found)[:EXAMPLES]
    return split(counts, examples, rule_types("ssda903_rules.csv"), v.fails)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("kind", choices=["cin", "903"])
    p.add_argument("path")
    p.add_argument("--year", default="2025-26")
    p.add_argument("--prev")
    p.add_argument("--all-children", action="store_true")
    a = p.parse_args()
    if a.all_children:
        global EXAMPLES
        EXAMPLES = None
    result = run_cin(a.path, a.year) if a.kind == "cin" else run_903(a.path, a.year, a.prev)
    json.dump(result, sys.stdout, indent=1, sort_keys=True)
    print()


if __name__ == "__main__":
    main()
