#!/usr/bin/env python3
"""Mutation corpus for SSDA903 parity: many small returns built to make the DfE rules fire.

usage: mutate_903.py SRC_CUR SRC_PREV OUT_DIR [--n 30] [--seed 1] [--children 300]
                     [--mutations 40-80]

SRC_CUR and SRC_PREV are a 903 return and the year before it, each a directory of CSVs as
`sightline export 903` writes them (Header.csv, Episodes.csv, ...; every value a string, dates
dd/mm/yyyy). The first --children children (by order in this year's Header, then last
year's) are kept, with all their rows in every table of both years. Each of the N mutants,
OUT_DIR/m001/{cur,prev}, ..., then gets a seeded random number of mutations of the kinds
real data errors take and the DfE rules check: blanked cells, other valid or invalid codes,
shifted, swapped and invalid dates, duplicated and deleted rows, rows moved to another child,
overlapping episodes, episodes ending before they start, impossible dates of birth, reason
codes inconsistent with the placement, short breaks, temporary placements, care leavers, ...
Every file keeps its header exactly. What was done to each mutant is written to its
mutations.txt, one line per mutation (year, table, row number at the time, the change).

Code lists are the values seen in each column of the source plus the codes quoted in the
messages and logic of the rules touching the column (../shared/spec/rules/ssda903_rules.csv
beside the repository), with a few invalid codes.
"""
import argparse
import csv
import datetime as dt
import os
import random
import re
from collections import defaultdict

DATE_COLS = {"DOB", "MC_DOB", "DUC", "DECOM", "DEC", "DATE_INT", "DATE_MATCH", "DATE_PLACED",
             "DATE_PLACED_CEASED", "MIS_START", "MIS_END", "REVIEW", "SW_DECOM", "SW_DEC",
             "DATE_PERM"}
FREE_COLS = {"CHILD", "UPN", "HOME_POST", "PL_POST", "URN", "SW_ID", "SDQ_SCORE"}
# Codes a column may take beyond those seen in the source (rules touching the column quote
# them); used when the catalogue is not beside the repository.
EXTRA_CODES = {
    "RNE": "S P L T U B", "LS": "C1 C2 D1 E1 J1 J2 J3 L1 L2 L3 V2 V3 V4",
    "PLACE": "A3 A4 A5 A6 H5 K1 K2 K3 P1 P2 P3 R1 R2 R3 R5 S1 T0 T1 T2 T3 T4 U1 U2 U3 U4 U5 U6 "
             "Z1 Z11 Z12 Z13 Z14",
    "REC": "E11 E12 E13 E14 E15 E16 E17 E2 E3 E41 E45 E46 E47 E48 E4A E4B E5 E6 E7 E8 E9 X1",
    "REASON_PLACE_CHANGE": "CARPL CLOSE ALLEG STAND APPRR CREQB CREQO CHILD LAREQ PLACE CUSTOD "
                           "OTHER",
    "IN_TOUCH": "YES NO DIED REFU NREQ RHOM", "SEX": "M F U", "MOTHER": "0 1",
    "ACCOM": "0 B1 B2 C1 C2 D1 D2 E1 E2 G1 G2 H1 H2 K1 K2 R1 R2 S1 S2 T1 T2 U1 U2 V1 V2 W1 W2 "
             "X1 X2 Y1 Y2 Z1 Z2",
    "LS_ADOPTR": "L0 L11 L12 L2 L3 L4", "SEX_ADOPTR": "M1 F1 MM FF MF", "NB_ADOPTR": "1 2",
    "FOSTER_CARE": "0 1", "MISSING": "M A", "REVIEW_CODE": "PN0 PN1 PN2 PN3 PN4 PN5 PN6 PN7",
    "REASON_PLACED_CEASED": "RD1 RD2 RD3 RD4", "LA_PERM": "999 201 WAL SCO NUK NIR",
}
JUNK_CODES = ["X", "99", "ZZ9", "N/A", "-", "0"]
BAD_DATES = ["31/02/2025", "2025-01-01", "unknown", "1/1/25", "00/00/0000", "29/02/2025",
             "15/13/2025", "32/01/2026"]
YEAR_START, YEAR_END = dt.date(2025, 4, 1), dt.date(2026, 3, 31)


def pdate(s):
    try:
        return dt.datetime.strptime(s, "%d/%m/%Y").date()
    except (TypeError, ValueError):
        return None


def fdate(d):
    return d.strftime("%d/%m/%Y")


def add_months(d, n):
    m = d.month - 1 + n
    y, m = d.year + m // 12, m % 12 + 1
    for day in (d.day, 30, 29, 28):
        try:
            return dt.date(y, m, day)
        except ValueError:
            continue


def add_years(d, n):
    return add_months(d, 12 * n)


class Table:
    def __init__(self, name, cols, rows):
        self.name, self.cols, self.rows = name, cols, rows  # rows: list of dicts


def read_return(d):
    tables = {}
    for f in sorted(os.listdir(d)):
        if f.lower().endswith(".csv"):
            with open(os.path.join(d, f), newline="", encoding="utf-8") as fh:
                r = csv.DictReader(fh)
                tables[f[:-4]] = Table(f[:-4], list(r.fieldnames), [dict(x) for x in r])
    return tables


def write_return(tables, d):
    os.makedirs(d, exist_ok=True)
    for t in tables.values():
        with open(os.path.join(d, t.name + ".csv"), "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh, lineterminator="\r\n")
            w.writerow(t.cols)
            for r in t.rows:
                w.writerow([r.get(c, "") for c in t.cols])


def catalogue_codes(path):
    """Codes quoted in the rule messages and logic, by the fields the rules touch."""
    pool = defaultdict(set)
    if not os.path.exists(path):
        return pool
    with open(path, newline="", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            text = r["message"] + " " + r["logic"]
            toks = set(re.findall(r"\b[A-Z]{1,4}\d{1,2}[A-Z]?\b", text))
            for a, lo, hi in re.findall(r"\b([A-Z]{1,4})(\d{1,2})-\1?(\d{1,2})\b", text):
                toks |= {f"{a}{i}" for i in range(int(lo), int(hi) + 1)}
            for f in r["affected_fields"].split(";"):
                pool[f] |= toks
    return pool


class Mutator:
    def __init__(self, cur, prev, catalogue, rng):
        self.y = {"cur": cur, "prev": prev}
        self.rng = rng
        self.log = []
        seen = defaultdict(set)
        for tabs in self.y.values():
            for t in tabs.values():
                for r in t.rows:
                    for c, v in r.items():
                        if v and c not in DATE_COLS and c not in FREE_COLS:
                            seen[c].add(v)
        self.valid = {c: sorted(v | set(EXTRA_CODES.get(c, "").split())) for c, v in seen.items()}
        for c, v in EXTRA_CODES.items():
            self.valid.setdefault(c, sorted(v.split()))
        self.other = {c: sorted(v - set(self.valid.get(c, []))) for c, v in catalogue.items()}

    # ---- helpers -------------------------------------------------------------------------
    def year(self):
        return "cur" if self.rng.random() < 0.75 else "prev"

    def table(self, y, name=None, nonempty=True):
        tabs = self.y[y]
        if name:
            t = tabs.get(name)
            return t if t and (t.rows or not nonempty) else None
        cands = [t for t in tabs.values() if t.rows or not nonempty]
        if not cands:
            return None
        # weight by rows, but give small tables a fair chance
        return self.rng.choices(cands, [1 + len(t.rows) ** 0.5 / 4 for t in cands])[0]

    def column(self, y, want):
        """A (table, column) of the year, uniformly among the columns `want` accepts, so that
        every field of every table gets its share of mutations."""
        cands = [(t, c) for t in self.y[y].values() if t.rows for c in t.cols if want(c)]
        return self.rng.choice(cands) if cands else (None, None)

    def row(self, t):
        i = self.rng.randrange(len(t.rows))
        return i, t.rows[i]

    def note(self, y, t, i, what):
        self.log.append(f"{y} {t.name}[{i}] {what}")
        return True

    def code(self, col, valid_only=False):
        r = self.rng.random()
        if valid_only or r < 0.5:
            pool = self.valid.get(col) or JUNK_CODES
        elif r < 0.75 and self.other.get(col):
            pool = self.other[col]
        else:
            pool = JUNK_CODES + [v.lower() for v in self.valid.get(col, [])[:3]]
        return self.rng.choice(pool)

    def children(self, y):
        return [r["CHILD"] for r in self.y[y]["Header"].rows] if "Header" in self.y[y] else []

    def episodes_of(self, y, child):
        t = self.y[y].get("Episodes")
        return [(i, r) for i, r in enumerate(t.rows) if r["CHILD"] == child] if t else []

    def header_of(self, y, child):
        for r in self.y[y].get("Header", Table("", [], [])).rows:
            if r["CHILD"] == child:
                return r
        return None

    def dob_of(self, child):
        for y in ("cur", "prev"):
            h = self.header_of(y, child)
            if h and pdate(h["DOB"]):
                return pdate(h["DOB"])
        return None

    def episode(self, y=None):
        y = y or self.year()
        t = self.table(y, "Episodes")
        if not t:
            return None
        i, r = self.row(t)
        return y, t, i, r

    def dated_episode(self):
        """An episode with a valid DECOM, and that date: (year, table, index, row, DECOM)."""
        e = self.episode()
        if not e or not pdate(e[3]["DECOM"]):
            return None
        return (*e, pdate(e[3]["DECOM"]))

    def child_with_episode(self, y):
        e = self.episode(y)
        return e[3]["CHILD"] if e else None

    def date_cols(self, t):
        return [c for c in t.cols if c in DATE_COLS]

    # ---- generic mutations ---------------------------------------------------------------
    def blank_cell(self):
        y = self.year()
        t, c = self.column(y, lambda c: c != "CHILD")
        if not t:
            return False
        i, r = self.row(t)
        if not r[c]:
            return False
        r[c] = ""
        return self.note(y, t, i, f"blank {c}")

    def recode(self):
        y = self.year()
        t, c = self.column(y, lambda c: c not in DATE_COLS and c not in FREE_COLS)
        if not t:
            return False
        i, r = self.row(t)
        old, r[c] = r[c], self.code(c)
        return self.note(y, t, i, f"{c} {old!r} -> {r[c]!r}")

    def shift_date(self):
        y = self.year()
        t = self.table(y)
        if not t or not self.date_cols(t):
            return False
        i, r = self.row(t)
        c = self.rng.choice(self.date_cols(t))
        d = pdate(r[c])
        if not d:
            return False
        unit = self.rng.choice(["days", "days", "months", "years"])
        n = self.rng.choice([-1, 1]) * {"days": self.rng.randint(1, 40),
                                        "months": self.rng.randint(1, 12),
                                        "years": self.rng.randint(1, 20)}[unit]
        nd = d + dt.timedelta(days=n) if unit == "days" else (
            add_months(d, n) if unit == "months" else add_years(d, n))
        r[c] = fdate(nd)
        return self.note(y, t, i, f"{c} {fdate(d)} {n:+d} {unit} -> {r[c]}")

    def swap_dates(self):
        y = self.year()
        t = self.table(y)
        if not t:
            return False
        i, r = self.row(t)
        filled = [c for c in self.date_cols(t) if r[c]]
        if len(filled) < 2:
            return False
        a, b = self.rng.sample(filled, 2)
        if r[a] == r[b]:
            return False
        r[a], r[b] = r[b], r[a]
        return self.note(y, t, i, f"swap {a} and {b}")

    def invalid_date(self):
        y = self.year()
        t, c = self.column(y, lambda c: c in DATE_COLS)
        if not t:
            return False
        i, r = self.row(t)
        d = pdate(r[c])
        choices = BAD_DATES + ([d.strftime("%Y-%m-%d"), d.strftime("%d-%m-%Y"),
                                d.strftime("%-d/%-m/%Y")] if d else [])
        old, r[c] = r[c], self.rng.choice(choices)
        return self.note(y, t, i, f"{c} {old!r} -> invalid {r[c]!r}")

    def boundary_date(self):
        """A date on a collection-year boundary or on a birthday that rules test."""
        y = self.year()
        t = self.table(y)
        if not t or not self.date_cols(t):
            return False
        i, r = self.row(t)
        c = self.rng.choice([c for c in self.date_cols(t) if c != "DOB"] or ["DOB"])
        if c not in r:
            return False
        dob = self.dob_of(r["CHILD"])
        fixed = [dt.date(2025, 4, 1), dt.date(2025, 3, 31), dt.date(2026, 3, 31),
                 dt.date(2026, 4, 1), dt.date(2026, 3, 24), dt.date(2024, 4, 1),
                 dt.date(1991, 10, 13), dt.date(2005, 12, 1)]
        if dob and self.rng.random() < 0.6:
            age = self.rng.choice([0, 4, 10, 11, 14, 16, 17, 18, 25])
            d = add_years(dob, age) + dt.timedelta(days=self.rng.choice([-1, 0, 0, 1]))
        else:
            d = self.rng.choice(fixed)
        old, r[c] = r[c], fdate(d)
        return self.note(y, t, i, f"{c} {old!r} -> {r[c]}")

    def duplicate_row(self):
        y = self.year()
        t = self.table(y)
        if not t:
            return False
        i, r = self.row(t)
        t.rows.insert(i + 1, dict(r))
        return self.note(y, t, i, "duplicated")

    def delete_row(self):
        y = self.year()
        t = self.table(y)
        if not t:
            return False
        i, r = self.row(t)
        del t.rows[i]
        return self.note(y, t, i, f"deleted (child {r['CHILD']})")

    def change_child(self):
        y = self.year()
        t = self.table(y)
        if not t:
            return False
        i, r = self.row(t)
        kids = self.children(y)
        old = r["CHILD"]
        r["CHILD"] = "" if self.rng.random() < 0.2 or not kids else self.rng.choice(kids)
        return self.note(y, t, i, f"CHILD {old} -> {r['CHILD']!r}")

    def move_row_to_child(self):
        """Copy a row to another child, with that child's DOB: data the child should not have."""
        y = self.year()
        t = self.table(y)
        kids = self.children(y)
        if not t or not kids:
            return False
        i, r = self.row(t)
        k = self.rng.choice(kids)
        new = dict(r, CHILD=k)
        h = self.header_of(y, k)
        if h and "DOB" in new and t.name != "Header":
            new["DOB"] = h["DOB"]
        if "SEX" in new and h and t.name != "Header":
            new["SEX"] = h["SEX"]
        t.rows.insert(self.rng.randrange(len(t.rows) + 1), new)
        return self.note(y, t, i, f"copied to child {k}")

    def lower_case(self):
        y = self.year()
        t = self.table(y)
        if not t:
            return False
        cols = [c for c in t.cols if c not in DATE_COLS and c not in ("CHILD",)]
        if not cols:
            return False
        i, r = self.row(t)
        c = self.rng.choice(cols)
        if r[c] == r[c].lower():
            return False
        r[c] = r[c].lower()
        return self.note(y, t, i, f"{c} lower-cased -> {r[c]!r}")

    def shuffle_child_rows(self):
        y = self.year()
        t = self.table(y)
        if not t or len(t.rows) < 2:
            return False
        i, r = self.row(t)
        idx = [j for j, x in enumerate(t.rows) if x["CHILD"] == r["CHILD"]]
        if len(idx) < 2:
            return False
        rows = [t.rows[j] for j in idx]
        self.rng.shuffle(rows)
        for j, x in zip(idx, rows):
            t.rows[j] = x
        return self.note(y, t, i, f"rows of {r['CHILD']} reordered")

    def free_field(self):
        y = self.year()
        t = self.table(y)
        cols = [c for c in t.cols if c in FREE_COLS and c != "CHILD"] if t else []
        if not cols:
            return False
        i, r = self.row(t)
        c = self.rng.choice(cols)
        choices = {
            "UPN": ["UN1", "UN2", "UN3", "UN4", "UN5", "A12345", "I999123456789",
                    "A99912345678B", "", self.rng.choice([x.get("UPN", "") for x in t.rows])],
            "HOME_POST": ["", "ZZ9", "NOTAPOSTCODE", r.get("PL_POST", "")],
            "PL_POST": ["", "ZZ9", "NOTAPOSTCODE", r.get("HOME_POST", "")],
            "URN": ["", "XXXXXXX", "SC999999", "123", "XXXXXX"],
            "SW_ID": ["", "AB1234", "SW", "XX12", "sw12345", "SW12"],
            "SDQ_SCORE": ["", "41", "40", "-1", "3.5", "abc", "0"],
        }[c]
        old, r[c] = r[c], self.rng.choice(choices)
        return self.note(y, t, i, f"{c} {old!r} -> {r[c]!r}")

    # ---- episodes ------------------------------------------------------------------------
    def overlap_episode(self):
        e = self.dated_episode()
        if not e:
            return False
        y, t, i, r, s = e
        end = pdate(r["DEC"]) or YEAR_END
        span = max((end - s).days, 2)
        new = dict(r, DECOM=fdate(s + dt.timedelta(days=self.rng.randint(0, span - 1))))
        new["RNE"] = self.rng.choice(["S", "P", "L", "T", "U", "B", r["RNE"]])
        t.rows.insert(i + 1, new)
        return self.note(y, t, i, f"copied overlapping from {new['DECOM']}")

    def dec_before_decom(self):
        e = self.dated_episode()
        if not e:
            return False
        y, t, i, r, s = e
        k = self.rng.choice([0, 1, 5, 60, 400])
        r["DEC"] = fdate(s - dt.timedelta(days=k))
        r["REC"] = r["REC"] or self.code("REC", True)
        return self.note(y, t, i, f"DEC {k} days before DECOM -> {r['DEC']}, REC {r['REC']}")

    def open_or_close(self):
        e = self.episode()
        if not e:
            return False
        y, t, i, r = e
        if r["DEC"]:
            r["DEC"] = ""
            if self.rng.random() < 0.7:
                r["REC"] = ""
            return self.note(y, t, i, f"reopened (REC {r['REC']!r})")
        s = pdate(r["DECOM"]) or YEAR_START
        r["DEC"] = fdate(s + dt.timedelta(days=self.rng.choice([0, 1, 3, 8, 22, 43, 100, 500])))
        r["REC"] = self.code("REC", True) if self.rng.random() < 0.9 else ""
        return self.note(y, t, i, f"closed {r['DEC']} REC {r['REC']!r}")

    def split_episode(self):
        """End an episode part-way and continue it in a new one (RNE P/L/T/U/B or S)."""
        e = self.dated_episode()
        if not e:
            return False
        y, t, i, r, s = e
        end = pdate(r["DEC"]) or (YEAR_END if y == "cur" else dt.date(2025, 3, 31))
        if (end - s).days < 2:
            return False
        mid = s + dt.timedelta(days=self.rng.randint(1, (end - s).days - 1))
        rne = self.rng.choice(["P", "L", "T", "U", "B", "S", "P"])
        new = dict(r, DECOM=fdate(mid), RNE=rne)
        r["DEC"], r["REC"] = fdate(mid), self.rng.choice(["X1", "X1", "X1", self.code("REC", True)])
        r["REASON_PLACE_CHANGE"] = self.rng.choice(["", self.code("REASON_PLACE_CHANGE", True)])
        if rne in ("L", "U", "B") or self.rng.random() < 0.3:
            new["LS"] = self.code("LS", True)
        if rne in ("P", "T", "U", "B") or self.rng.random() < 0.3:
            f = self.rng.choice(["PLACE", "PL_POST", "URN", "PLACE_PROVIDER"])
            new[f] = self.code(f, True) if f in ("PLACE", "PLACE_PROVIDER") else (
                self.rng.choice(["ZZ1 1AA", "", r["HOME_POST"]]) if f == "PL_POST" else
                self.rng.choice(["", "XXXXXXX", "SC123456", "900001"]))
        if self.rng.random() < 0.2:
            new["CIN"] = self.code("CIN", True)
        t.rows.insert(i + 1, new)
        return self.note(y, t, i, f"split at {fdate(mid)}: REC {r['REC']}, next RNE {rne} "
                                  f"LS {new['LS']} PLACE {new['PLACE']}")

    def temporary_placement(self):
        e = self.episode()
        if not e:
            return False
        y, t, i, r = e
        r["PLACE"] = self.rng.choice(["T0", "T1", "T2", "T3", "T4"])
        r["RNE"] = self.rng.choice(["P", "B", "S", r["RNE"]])
        if self.rng.random() < 0.5:
            r["PLACE_PROVIDER"] = ""
        s = pdate(r["DECOM"])
        if s and self.rng.random() < 0.7:  # around the longest stay the placement allows
            limit = {"T1": 42, "T3": 21, "T4": 7}.get(r["PLACE"], 30)
            r["DEC"] = fdate(s + dt.timedelta(days=limit + self.rng.choice([-1, 0, 1, 2, 30])))
            r["REC"] = self.rng.choice(["X1", "X1", "E8", "E13"])
        return self.note(y, t, i, f"temporary placement {r['PLACE']} RNE {r['RNE']} "
                                  f"DEC {r['DEC']!r} REC {r['REC']!r}")

    def short_break(self):
        e = self.episode()
        if not e:
            return False
        y, t, i, r = e
        r["LS"] = self.rng.choice(["V3", "V3", "V4"])
        r["RNE"] = self.rng.choice(["S", "S", "P"])
        s = pdate(r["DECOM"])
        if s and self.rng.random() < 0.7:
            r["DEC"] = fdate(s + dt.timedelta(days=self.rng.choice([1, 5, 17, 18, 40, 80])))
            r["REC"] = self.rng.choice(["E13", "X1", "E8"])
        if self.rng.random() < 0.5:
            r["HOME_POST"] = r["PL_POST"] = r["URN"] = ""
        return self.note(y, t, i, f"short break {r['LS']} RNE {r['RNE']} DEC {r['DEC']!r}")

    def inconsistent_reason(self):
        """A reason, legal status or provider that contradicts the placement."""
        e = self.episode()
        if not e:
            return False
        y, t, i, r = e
        combos = [
            {"REC": "E11"}, {"REC": "E12"}, {"REC": "E45"}, {"REC": "E46"},
            {"PLACE": "A5", "LS": "C2"}, {"PLACE": "A6", "LS": "C1"}, {"PLACE": "A3", "RNE": "P"},
            {"PLACE": "A4"}, {"PLACE": "P1", "LS": "V2"}, {"PLACE": "P1", "PLACE_PROVIDER": "PR4"},
            {"PLACE_PROVIDER": "PR0"}, {"PLACE_PROVIDER": "PR3", "PLACE": "K2"},
            {"PLACE_PROVIDER": "PR1", "PLACE": "R2"}, {"PLACE_PROVIDER": "PR2", "PLACE": "R5"},
            {"PLACE": "Z1", "PLACE_PROVIDER": "PR4"}, {"PLACE": "U1", "LS": "V3"},
            {"PLACE": "K3"}, {"PLACE": "R5"}, {"PLACE": "S1"}, {"PLACE": "P3"},
            {"LS": "J1"}, {"LS": "J2"}, {"LS": "J3"}, {"LS": "D1"}, {"LS": "L1"}, {"LS": "L2"},
            {"LS": "L3"}, {"REC": "E7"}, {"REC": "E17"}, {"REC": "E2"}, {"REC": "E15"},
            {"REC": "E3"}, {"REC": "E8"}, {"REASON_PLACE_CHANGE": "CUSTOD"},
            {"REASON_PLACE_CHANGE": "CARPL", "DEC": "", "REC": ""}, {"URN": "XXXXXXX"},
            {"PLACE": "P2"}, {"PLACE": "H5"}, {"LS": "E1", "DECOM": "01/01/2005"},
            {"PLACE": "R1", "URN": "SC123456"}, {"URN": "XXXXXXX", "PLACE": "K2"},
            {"LS": "V3", "PLACE": "T1"}, {"LS": "V4", "PLACE": "T4"}, {"PLACE_PROVIDER": ""},
            {"PLACE": "A4", "PLACE_PROVIDER": "PR3"}, {"PLACE": "U2", "PLACE_PROVIDER": "PR3"},
            {"PLACE": "P1", "PLACE_PROVIDER": "PR5"}, {"PLACE": "P1", "PLACE_PROVIDER": "PR1"},
        ]
        c = dict(self.rng.choice(combos))
        if "REC" in c and not r["DEC"]:
            s = pdate(r["DECOM"]) or YEAR_START
            c["DEC"] = fdate(min(s + dt.timedelta(days=self.rng.randint(1, 300)), YEAR_END))
        r.update(c)
        return self.note(y, t, i, f"set {c}")

    def change_rne(self):
        e = self.episode()
        if not e:
            return False
        y, t, i, r = e
        old, r["RNE"] = r["RNE"], self.rng.choice(["S", "P", "L", "T", "U", "B"])
        return self.note(y, t, i, f"RNE {old} -> {r['RNE']}")

    def prev_year_link(self):
        """Make last year's final episode disagree with this year's first, or vice versa."""
        child = self.child_with_episode("cur")
        if not child:
            return False
        prev = self.episodes_of("prev", child)
        cur = self.episodes_of("cur", child)
        if not prev or not cur:
            return False
        t = self.y["prev"]["Episodes"]
        i, r = prev[-1]
        choice = self.rng.choice(["open", "field", "decom", "delete"])
        if choice == "open":
            r["DEC"], r["REC"] = "", ""
        elif choice == "field":
            f = self.rng.choice(["RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "URN", "PL_POST"])
            r[f] = self.code(f, True) if f not in ("URN", "PL_POST") else ""
        elif choice == "decom":
            d = pdate(r["DECOM"])
            if not d:
                return False
            r["DECOM"] = fdate(d - dt.timedelta(days=self.rng.randint(1, 30)))
        else:
            for j, _ in reversed(prev):
                del t.rows[j]
        return self.note("prev", t, i, f"last episode of {child}: {choice}")

    # ---- children ------------------------------------------------------------------------
    def impossible_dob(self):
        y = self.year()
        t = self.table(y, "Header")
        if not t:
            return False
        i, r = self.row(t)
        eps = self.episodes_of(y, r["CHILD"])
        first = min((pdate(e["DECOM"]) for _, e in eps if pdate(e["DECOM"])), default=None)
        base = first or YEAR_START
        choice = self.rng.choice(["after_start", "future", "old", "baby", "age10", "age16",
                                  "age18"])
        d = {"after_start": base + dt.timedelta(days=self.rng.randint(1, 200)),
             "future": dt.date(2026, 6, 1), "old": dt.date(1995, 5, 5),
             "baby": dt.date(2025, 10, 1), "age10": add_years(base, -9),
             "age16": add_years(base, -15), "age18": add_years(base, -18)}[choice]
        old, r["DOB"] = r["DOB"], fdate(d)
        everywhere = self.rng.random() < 0.5
        if everywhere:  # the same DOB in the child's other rows, so only age rules see it
            for tt in self.y[y].values():
                for x in tt.rows:
                    if x.get("CHILD") == r["CHILD"] and "DOB" in x:
                        x["DOB"] = r["DOB"]
        return self.note(y, t, i, f"DOB {old} -> {r['DOB']} ({choice}"
                                  f"{', all tables' if everywhere else ''})")

    def header_change(self):
        y = self.year()
        t = self.table(y, "Header")
        if not t:
            return False
        i, r = self.row(t)
        c = self.rng.choice(["SEX", "SEX", "MOTHER", "MOTHER", "MC_DOB", "ETHNIC", "UPN"])
        if c == "SEX":
            v = self.rng.choice(["M", "F", "U", "1", "2", ""])
        elif c == "MOTHER":
            v = self.rng.choice(["1", "0", "", "2"])
            if v == "1" and self.rng.random() < 0.5:
                dob = pdate(r["DOB"]) or dt.date(2008, 1, 1)
                r["MC_DOB"] = fdate(add_years(dob, self.rng.choice([-1, 10, 15, 17, 19])))
        elif c == "MC_DOB":
            v = self.rng.choice(["", fdate(dt.date(2024, 6, 1)), fdate(dt.date(2026, 5, 1)),
                                 "31/02/2025", r["DOB"]])
        elif c == "ETHNIC":
            v = self.code("ETHNIC")
        else:
            v = self.rng.choice(["UN1", "UN2", "UN4", "UN5", "", "", "A12345", "I999123456789",
                                 self.rng.choice([x["UPN"] for x in t.rows])])
        old, r[c] = r[c], v
        return self.note(y, t, i, f"{c} {old!r} -> {v!r}")

    def uasc(self):
        y = self.year()
        t = self.table(y, "UASC", nonempty=False)
        h = self.table(y, "Header")
        if not t or not h:
            return False
        if t.rows and self.rng.random() < 0.5:
            i, r = self.row(t)
            dob = pdate(r["DOB"]) or dt.date(2009, 1, 1)
            choice = self.rng.choice(["", fdate(add_years(dob, 18)), fdate(add_years(dob, 19)),
                                      fdate(dt.date(2025, 1, 1)), fdate(dt.date(2025, 9, 1))])
            old, r["DUC"] = r["DUC"], choice
            return self.note(y, t, i, f"DUC {old!r} -> {choice!r}")
        i, hr = self.row(h)
        dob = pdate(hr["DOB"]) or dt.date(2009, 1, 1)
        new = {c: "" for c in t.cols}
        new.update(CHILD=hr["CHILD"], SEX=hr["SEX"], DOB=hr["DOB"],
                   DUC=self.rng.choice(["", fdate(add_years(dob, 18)), fdate(dt.date(2025, 8, 1))]))
        t.rows.append(new)
        return self.note(y, t, len(t.rows) - 1, f"UASC row added for {hr['CHILD']}")

    # ---- other tables --------------------------------------------------------------------
    def oc3_combo(self):
        y = self.year()
        t = self.table(y, "OC3")
        if not t:
            return False
        i, r = self.row(t)
        c = self.rng.choice([
            {"IN_TOUCH": "DIED"}, {"IN_TOUCH": "RHOM"}, {"IN_TOUCH": "DIED", "ACTIV": "0",
                                                          "ACCOM": "0"},
            {"IN_TOUCH": "YES", "ACTIV": "0"}, {"IN_TOUCH": "YES", "ACCOM": "0"},
            {"ACCOM": "T1"}, {"ACCOM": "Z1"}, {"ACCOM": "Z2"}, {"ACTIV": "", "ACCOM": ""},
            {"IN_TOUCH": "", "ACTIV": "", "ACCOM": ""}])
        r.update(c)
        return self.note(y, t, i, f"set {c}")

    def oc2_combo(self):
        y = self.year()
        t = self.table(y, "OC2")
        if not t:
            return False
        i, r = self.row(t)
        c = self.rng.choice([
            {"SUBSTANCE_MISUSE": "1", "INTERVENTION_RECEIVED": "0", "INTERVENTION_OFFERED": ""},
            {"SUBSTANCE_MISUSE": "1", "INTERVENTION_RECEIVED": ""},
            {"INTERVENTION_RECEIVED": "1", "INTERVENTION_OFFERED": "1"},
            {"SUBSTANCE_MISUSE": "0", "INTERVENTION_RECEIVED": "1"},
            {"CONVICTED": "1", "IMMUNISATIONS": ""}, {"HEALTH_CHECK": "1", "TEETH_CHECK": ""},
            {"HEALTH_CHECK": "1"}, {"HEALTH_CHECK": ""}, {"CONVICTED": ""}, {"CONVICTED": "1"},
            {"SDQ_SCORE": "", "SDQ_REASON": "SDQ1"}, {"SDQ_SCORE": "12", "SDQ_REASON": "SDQ2"},
            {"SDQ_SCORE": "", "SDQ_REASON": ""}, {"IMMUNISATIONS": "2"},
            {"IMMUNISATIONS": "", "TEETH_CHECK": "", "HEALTH_ASSESSMENT": "",
             "SUBSTANCE_MISUSE": ""}])
        r.update(c)
        return self.note(y, t, i, f"set {c}")

    def adoption_combo(self):
        y = self.year()
        t = self.table(y, "AD1") if self.rng.random() < 0.5 else self.table(y, "PlacedAdoption")
        if not t:
            return False
        i, r = self.row(t)
        if t.name == "AD1":
            c = {"LS_ADOPTR": self.code("LS_ADOPTR", True),
                 "SEX_ADOPTR": self.code("SEX_ADOPTR", True),
                 "NB_ADOPTR": self.rng.choice(["1", "2", "3"])}
            if self.rng.random() < 0.3:
                c = {"DATE_MATCH": r["DATE_INT"], "DATE_INT": r["DATE_MATCH"]}
        else:
            d = pdate(r["DATE_PLACED"]) or dt.date(2025, 1, 1)
            c = self.rng.choice([
                {"DATE_PLACED_CEASED": fdate(d + dt.timedelta(days=90)),
                 "REASON_PLACED_CEASED": self.code("REASON_PLACED_CEASED", True)},
                {"DATE_PLACED_CEASED": fdate(d + dt.timedelta(days=90))},
                {"REASON_PLACED_CEASED": "RD1"},
                {"DATE_PLACED_CEASED": fdate(d - dt.timedelta(days=10)),
                 "REASON_PLACED_CEASED": "RD2"},
                {"DATE_PLACED": ""},
                {"DATE_PLACED": "", "DATE_PLACED_CEASED": fdate(d), "REASON_PLACED_CEASED": "RD1"}])
        r.update(c)
        return self.note(y, t, i, f"set {c}")

    def placed_last_year(self):
        """This year's placed-for-adoption decision as last year's return had it, maybe
        changed: ceased last year, moved, or missing."""
        t, tp = self.table("cur", "PlacedAdoption"), self.table("prev", "PlacedAdoption",
                                                                 nonempty=False)
        if not t or tp is None:
            return False
        i, r = self.row(t)
        last = dict(r)
        d = pdate(r["DATE_PLACED"]) or dt.date(2025, 1, 1)
        kind = self.rng.choice(["ceased", "moved", "earlier", "same"])
        if kind == "ceased":
            last["DATE_PLACED_CEASED"], last["REASON_PLACED_CEASED"] = fdate(
                d + dt.timedelta(days=30)), "RD1"
        elif kind == "moved":
            last["DATE_PLACED"] = fdate(d - dt.timedelta(days=self.rng.choice([1, 40])))
        elif kind == "earlier":
            r["DATE_PLACED"] = fdate(dt.date(2024, 12, 1))
            tp.rows = [x for x in tp.rows if x["CHILD"] != r["CHILD"]]
            return self.note("cur", t, i, "DATE_PLACED before the year, not in last year's")
        tp.rows = [x for x in tp.rows if x["CHILD"] != r["CHILD"]] + [last]
        return self.note("cur", t, i, f"last year's PlacedAdoption: {kind}")

    def missing_combo(self):
        y = self.year()
        t = self.table(y, "Missing")
        if not t:
            return False
        i, r = self.row(t)
        s = pdate(r["MIS_START"]) or YEAR_START
        c = self.rng.choice([
            {"MIS_END": ""}, {"MIS_END": fdate(s - dt.timedelta(days=2))},
            {"MISSING": ""}, {"MIS_START": ""},
            {"MIS_START": fdate(dt.date(2026, 4, 2))}, {"MIS_END": fdate(dt.date(2026, 4, 5))},
            {"MIS_START": fdate(s - dt.timedelta(days=400))}])
        if self.rng.random() < 0.3:  # an overlapping second period
            new = dict(r, MIS_START=fdate(s + dt.timedelta(days=1)))
            t.rows.insert(i + 1, new)
            return self.note(y, t, i, "overlapping copy")
        r.update(c)
        return self.note(y, t, i, f"set {c}")

    def sw_combo(self):
        y = self.year()
        t = self.table(y, "SWEpisodes")
        if not t:
            return False
        i, r = self.row(t)
        s = pdate(r["SW_DECOM"]) or YEAR_START
        c = self.rng.choice([
            {"SW_DEC": fdate(s + dt.timedelta(days=1))}, {"SW_DEC": fdate(s)},
            {"SW_DEC": ""}, {"SW_REASON": "FCONTA"}, {"SW_REASON": ""},
            {"SW_DEC": fdate(dt.date(2026, 3, 29))}, {"SW_DECOM": fdate(dt.date(2026, 4, 3))},
            {"SW_DEC": fdate(dt.date(2023, 1, 1))}])
        if self.rng.random() < 0.3:  # a second social worker starting the same day or later
            new = dict(r, SW_ID="SW" + str(self.rng.randint(100000, 999999)),
                       SW_DECOM=fdate(s + dt.timedelta(days=self.rng.choice([0, 10, 30]))))
            t.rows.insert(i + 1, new)
            return self.note(y, t, i, f"second social worker from {new['SW_DECOM']}")
        r.update(c)
        return self.note(y, t, i, f"set {c}")

    def reviews_prevperm(self):
        y = self.year()
        t = self.table(y, self.rng.choice(["Reviews", "PrevPerm"]))
        if not t:
            return False
        i, r = self.row(t)
        if t.name == "Reviews":
            c = self.rng.choice([{"REVIEW_CODE": "PN0"}, {"REVIEW_CODE": "PN1"},
                                 {"REVIEW": ""}, {"REVIEW_CODE": ""}])
        else:
            c = self.rng.choice([{"PREV_PERM": "P1", "LA_PERM": "", "DATE_PERM": ""},
                                 {"PREV_PERM": "", "LA_PERM": "999"},
                                 {"LA_PERM": "XYZ"}, {"DATE_PERM": "zz/zz/2030"},
                                 {"DATE_PERM": "31/02/2020"}, {"PREV_PERM": "P2",
                                                               "DATE_PERM": "01/01/2026"}])
        r.update(c)
        return self.note(y, t, i, f"set {c}")


    # ---- scenarios for rules that need several fields to line up --------------------------
    def set_dob(self, y, child, dob):
        """Give a child this DOB in every table of the year."""
        for t in self.y[y].values():
            for x in t.rows:
                if x.get("CHILD") == child and "DOB" in x:
                    x["DOB"] = fdate(dob)

    def orphan_row(self):
        """A row whose child is not in the Header: a new id, or the Header row deleted."""
        y = self.year()
        t = self.table(y)
        if not t or t.name == "Header":
            return False
        i, r = self.row(t)
        if self.rng.random() < 0.7:
            old, r["CHILD"] = r["CHILD"], f"SYN9{self.rng.randint(0, 999999):06d}"
            return self.note(y, t, i, f"CHILD {old} -> unknown {r['CHILD']}")
        h = self.y[y].get("Header")
        before = len(h.rows)
        h.rows = [x for x in h.rows if x["CHILD"] != r["CHILD"]]
        return before != len(h.rows) and self.note(y, h, -1, f"Header of {r['CHILD']} deleted")

    def age_at_episode(self):
        """A placement, legal status or reason that needs a minimum age, at an age near it."""
        e = self.dated_episode()
        if not e:
            return False
        y, t, i, r, s = e
        field, value, age = self.rng.choice([
            ("PLACE", "K3", 16), ("PLACE", "R5", 10), ("PLACE", "S1", 4), ("PLACE", "P3", 14),
            ("LS", "J1", 10), ("LS", "J2", 10), ("LS", "J3", 10), ("RNE", "S", 18),
            ("REASON_PLACE_CHANGE", "CUSTOD", 10), ("PLACE", "H5", 16)])
        r[field] = value
        if field == "REASON_PLACE_CHANGE" and not r["DEC"]:
            r["DEC"], r["REC"] = fdate(min(s + dt.timedelta(days=30), YEAR_END)), "X1"
        dob = add_years(s, -(age + self.rng.choice([-2, -1, 0, 1]))) + dt.timedelta(
            days=self.rng.choice([-1, 0, 1]))
        self.set_dob(y, r["CHILD"], dob)
        return self.note(y, t, i, f"{field} {value}, DOB {fdate(dob)} (start {r['DECOM']})")

    def age_at_end(self):
        """An episode ending for a reason that depends on age, around that age."""
        e = self.dated_episode()
        if not e:
            return False
        y, t, i, r, s = e
        end = pdate(r["DEC"]) or min(s + dt.timedelta(days=self.rng.randint(1, 200)), YEAR_END)
        rec, age = self.rng.choice([("E11", 18), ("E12", 18), ("E45", 18), ("E46", 18),
                                    ("E47", 18), ("E48", 18), ("E7", 16), ("E17", 18),
                                    ("E15", 18), ("E2", 10)])
        r["DEC"], r["REC"] = fdate(end), rec
        if rec in ("E11", "E12") and self.rng.random() < 0.7:
            r["PLACE"] = self.rng.choice(["A3", "A4", "A5", "A6"])
        dob = add_years(end, -(age + self.rng.choice([-1, 0, 1]))) + dt.timedelta(
            days=self.rng.choice([-1, 0, 1]))
        self.set_dob(y, r["CHILD"], dob)
        return self.note(y, t, i, f"ends {r['DEC']} {rec}, DOB {fdate(dob)}")

    def adoption_scenario(self):
        """A child placed for adoption: A3-A6 episodes, PlacedAdoption and AD1 rows whose dates
        may or may not line up with the episodes."""
        y = "cur" if self.rng.random() < 0.85 else "prev"
        child = self.child_with_episode(y)
        eps = self.episodes_of(y, child) if child else []
        if not eps:
            return False
        i, last = eps[-1]
        s = pdate(last["DECOM"])
        if not s:
            return False
        last["PLACE"] = self.rng.choice(["A3", "A4", "A5", "A6"])
        last["LS"] = self.rng.choice(["E1", "E1", "C2", last["LS"]])
        adopted = self.rng.random() < 0.6
        if adopted:
            end = min(s + dt.timedelta(days=self.rng.randint(1, 300)), YEAR_END)
            last["DEC"], last["REC"] = fdate(end), self.rng.choice(["E11", "E12", "E11", "X1",
                                                                     "E13"])
        tabs = self.y[y]

        def jitter(d):
            return d + dt.timedelta(days=self.rng.choice([-400, -60, -1, 0, 0, 1, 30, 400]))

        dob = self.dob_of(child)
        pa = tabs.get("PlacedAdoption")
        if pa is not None and self.rng.random() < 0.8:
            placed = jitter(s - dt.timedelta(days=90))
            row = {c: "" for c in pa.cols}
            row.update(CHILD=child, DOB=fdate(dob) if dob else "", DATE_PLACED=fdate(placed))
            if self.rng.random() < 0.3:
                row["DATE_PLACED_CEASED"] = fdate(jitter(placed + dt.timedelta(days=60)))
                row["REASON_PLACED_CEASED"] = self.rng.choice(["RD1", "RD2", "RD3", "RD4", ""])
            pa.rows.append(row)
            if self.rng.random() < 0.3:  # a second decision
                pa.rows.append(dict(row, DATE_PLACED=fdate(jitter(placed + dt.timedelta(30)))))
                if self.rng.random() < 0.5:
                    for x in pa.rows[-2:]:
                        x["DATE_PLACED_CEASED"], x["REASON_PLACED_CEASED"] = fdate(s), "RD1"
        ad1 = tabs.get("AD1")
        if ad1 is not None and (adopted or self.rng.random() < 0.3):
            date_int = jitter(s - dt.timedelta(days=120))
            row = {c: "" for c in ad1.cols}
            row.update(CHILD=child, DOB=fdate(dob) if dob else "", DATE_INT=fdate(date_int),
                       DATE_MATCH=fdate(jitter(s - dt.timedelta(days=30))),
                       FOSTER_CARE=self.rng.choice(["0", "1"]),
                       NB_ADOPTR=self.rng.choice(["1", "2"]),
                       SEX_ADOPTR=self.code("SEX_ADOPTR", True),
                       LS_ADOPTR=self.code("LS_ADOPTR", True))
            if self.rng.random() < 0.2:
                row["DATE_MATCH"] = last["DEC"]
            if self.rng.random() < 0.2:
                row[self.rng.choice(["FOSTER_CARE", "NB_ADOPTR", "DATE_MATCH"])] = ""
            ad1.rows.append(row)
        return self.note(y, tabs["Episodes"], i, f"adoption of {child}: {last['PLACE']} "
                                                 f"{last['LS']} DEC {last['DEC']!r} "
                                                 f"REC {last['REC']!r}")

    def episode_pattern(self):
        """Patterns across a child's episodes: V3 and V4, three T3 stays, an A3/A4 after
        residential care, a start before October 1991."""
        y = self.year()
        child = self.child_with_episode(y)
        eps = self.episodes_of(y, child) if child else []
        if not eps:
            return False
        t = self.y[y]["Episodes"]
        kind = self.rng.choice(["v3v4", "t3", "a3after", "early"])
        i, r = eps[-1]
        if kind == "v3v4":
            for j, (_, e) in enumerate(eps):
                e["LS"] = "V3" if j % 2 == 0 else "V4"
            if len(eps) == 1:
                t.rows.insert(i + 1, dict(r, LS="V4", RNE="S"))
        elif kind == "t3":
            s = pdate(r["DECOM"]) or YEAR_START
            for k in range(3):
                d = s + dt.timedelta(days=10 * k)
                t.rows.insert(i + 1 + k, dict(r, PLACE="T3", RNE="P", DECOM=fdate(d),
                                              DEC=fdate(d + dt.timedelta(days=10)), REC="X1"))
        elif kind == "a3after":
            s = pdate(r["DECOM"]) or YEAR_START
            r.update(PLACE="K2", DEC=fdate(s + dt.timedelta(days=20)), REC="X1")
            t.rows.insert(i + 1, dict(r, PLACE=self.rng.choice(["A3", "A4"]), RNE="P",
                                      DECOM=r["DEC"], DEC="", REC=""))
        else:
            eps[0][1]["DECOM"] = "01/06/1991"
        return self.note(y, t, i, f"{kind} for {child}")

    def missing_scenario(self):
        """A missing period still open at the end of last year, or ending on the 18th birthday
        with an episode ending that day."""
        if self.rng.random() < 0.5:
            t = self.table("prev", "Missing")
            if not t:
                return False
            i, r = self.row(t)
            r["MIS_END"] = ""
            return self.note("prev", t, i, "left open")
        e = self.episode("cur")
        t = self.table("cur", "Missing", nonempty=False)
        if not e or t is None:
            return False
        _, et, i, r = e
        dob = self.dob_of(r["CHILD"])
        if not dob:
            return False
        b18 = add_years(dob, 18)
        r["DEC"], r["REC"] = fdate(b18), self.rng.choice(["E8", "E4A", "X1"])
        row = {c: "" for c in t.cols}
        row.update(CHILD=r["CHILD"], DOB=fdate(dob), MISSING="M",
                   MIS_START=fdate(b18 - dt.timedelta(days=2)), MIS_END=fdate(b18))
        t.rows.append(row)
        return self.note("cur", et, i, f"ends on 18th birthday {fdate(b18)} REC {r['REC']} "
                                       "with a missing period ending that day")

    def mother_scenario(self):
        kind = self.rng.choice(["young", "new", "was"])
        h, hp = self.table("cur", "Header"), self.table("prev", "Header")
        if not h or not hp:
            return False
        i, r = self.row(h)
        r["SEX"] = "F"
        if kind == "young":
            dob = pdate(r["DOB"]) or dt.date(2016, 1, 1)
            if dob < dt.date(2014, 1, 1):
                r["DOB"] = fdate(dt.date(2015, self.rng.randint(1, 12), 1))
            r["MOTHER"], r["MC_DOB"] = "1", fdate(dt.date(2025, 6, 1))
        else:
            prev = next((x for x in hp.rows if x["CHILD"] == r["CHILD"]), None)
            if not prev:
                return False
            prev["SEX"] = "F"
            if kind == "new":
                r["MOTHER"], r["MC_DOB"] = "1", self.rng.choice(["01/01/2025", "01/06/2025"])
                prev["MOTHER"], prev["MC_DOB"] = "0", ""
            else:
                prev["MOTHER"], prev["MC_DOB"] = "1", "01/01/2024"
                r["MOTHER"] = self.rng.choice(["0", ""])
        return self.note("cur", h, i, f"mother: {kind}")

    def care_leaver_scenario(self):
        """OC3 rows for young people who died, were transferred, are 17 or 18, are UASC, or
        live with former foster carers, and an UN4 UPN with a late episode."""
        y = "cur"
        oc3 = self.table(y, "OC3", nonempty=False)
        child = self.child_with_episode(y)
        if oc3 is None or not child:
            return False
        eps = self.episodes_of(y, child)
        i, last = eps[-1]
        s = pdate(last["DECOM"]) or YEAR_START
        kind = self.rng.choice(["died", "e3", "17", "18", "uasc", "z1", "un4", "t", "gone"])
        dob = self.dob_of(child) or dt.date(2008, 6, 1)
        if kind in ("died", "e3"):
            last["DEC"] = fdate(min(s + dt.timedelta(days=20), YEAR_END))
            last["REC"] = "E2" if kind == "died" else "E3"
        elif kind in ("17", "18", "z1", "t"):
            age = 18 if kind == "18" else 17
            dob = add_years(dt.date(2025, 10, 1), -age)
            self.set_dob(y, child, dob)
            last["DEC"] = fdate(add_years(dob, age) + dt.timedelta(days=self.rng.choice([0, 5])))
            last["REC"] = self.rng.choice(["E4A", "E8", "E17"])
        elif kind == "uasc":
            u = self.table(y, "UASC", nonempty=False)
            if u is None:
                return False
            row = {c: "" for c in u.cols}
            h = self.header_of(y, child) or {}
            row.update(CHILD=child, SEX=h.get("SEX", "M"), DOB=fdate(dob))
            u.rows.append(row)
            for _, e in eps:  # no episode open in the year
                e["DEC"], e["REC"] = "01/01/2025", "E8"
        elif kind == "gone":  # open at the end of last year, no episodes this year
            prev = self.episodes_of("prev", child)
            if not prev:
                return False
            prev[-1][1]["DEC"], prev[-1][1]["REC"] = "", ""
            t = self.y[y]["Episodes"]
            t.rows = [x for x in t.rows if x["CHILD"] != child]
        elif kind == "un4":
            h = self.header_of(y, child)
            if not h:
                return False
            h["UPN"] = "UN4"
            last["DECOM"] = self.rng.choice(["24/03/2026", "25/03/2026", "23/03/2026"])
            return self.note(y, self.y[y]["Episodes"], i, f"UN4 and late episode for {child}")
        row = {c: "" for c in oc3.cols}
        row.update(CHILD=child, DOB=fdate(dob), IN_TOUCH="YES", ACTIV="F1", ACCOM="D1")
        if kind == "z1":
            row["ACCOM"] = self.rng.choice(["Z1", "Z2"])
        if kind == "t":
            row["ACCOM"] = self.rng.choice(["T", "T1", "T2"])  # 347 tests the bare "T"
        oc3.rows.append(row)
        return self.note(y, oc3, len(oc3.rows) - 1, f"care leaver {kind}: {child}")

    OPS = [  # (weight, method)
        (6, "blank_cell"), (10, "recode"), (6, "shift_date"), (2, "swap_dates"),
        (5, "invalid_date"), (4, "boundary_date"), (3, "duplicate_row"), (3, "delete_row"),
        (2, "change_child"), (3, "move_row_to_child"), (1, "lower_case"),
        (1, "shuffle_child_rows"), (3, "free_field"), (3, "overlap_episode"),
        (2, "dec_before_decom"), (3, "open_or_close"), (5, "split_episode"),
        (2, "temporary_placement"), (2, "short_break"), (6, "inconsistent_reason"),
        (2, "change_rne"), (3, "prev_year_link"), (3, "impossible_dob"), (3, "header_change"),
        (2, "uasc"), (2, "oc3_combo"), (3, "oc2_combo"), (2, "adoption_combo"),
        (2, "missing_combo"), (3, "sw_combo"), (3, "reviews_prevperm"), (2, "orphan_row"),
        (4, "age_at_episode"), (4, "age_at_end"), (4, "adoption_scenario"),
        (2, "episode_pattern"), (2, "missing_scenario"), (2, "mother_scenario"),
        (3, "care_leaver_scenario"), (2, "placed_last_year"),
    ]

    def mutate(self, k):
        weights = [w for w, _ in self.OPS]
        done, tries = 0, 0
        while done < k and tries < 20 * k:
            tries += 1
            op = self.rng.choices(self.OPS, weights)[0][1]
            if getattr(self, op)():
                self.log[-1] = f"{op}: {self.log[-1]}"
                done += 1


def subset(cur, prev, n):
    """The first n children (this year's Header, then last year's) and all their rows."""
    keep = []
    for tabs in (cur, prev):
        for r in tabs.get("Header", Table("", [], [])).rows:
            if r["CHILD"] not in keep:
                keep.append(r["CHILD"])
    keep = set(keep[:n])
    for tabs in (cur, prev):
        for t in tabs.values():
            t.rows = [r for r in t.rows if r["CHILD"] in keep]


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("src_cur")
    p.add_argument("src_prev")
    p.add_argument("out_dir")
    p.add_argument("--n", type=int, default=30)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--children", type=int, default=300)
    p.add_argument("--mutations", default="40-80", help="per mutant: a number or LO-HI")
    a = p.parse_args()
    lo, _, hi = a.mutations.partition("-")
    lo, hi = int(lo), int(hi or lo)
    here = os.path.dirname(os.path.abspath(__file__))
    catalogue = catalogue_codes(os.path.join(here, "..", "..", "shared", "spec", "rules",
                                             "ssda903_rules.csv"))
    for m in range(1, a.n + 1):
        cur, prev = read_return(a.src_cur), read_return(a.src_prev)
        subset(cur, prev, a.children)
        rng = random.Random(f"{a.seed}/{m}")
        mut = Mutator(cur, prev, catalogue, rng)
        mut.mutate(rng.randint(lo, hi))
        d = os.path.join(a.out_dir, f"m{m:03d}")
        write_return(cur, os.path.join(d, "cur"))
        write_return(prev, os.path.join(d, "prev"))
        with open(os.path.join(d, "mutations.txt"), "w", encoding="utf-8") as fh:
            fh.write("\n".join(mut.log) + "\n")
    print(f"wrote {a.n} mutants to {a.out_dir}")


if __name__ == "__main__":
    main()
