#!/usr/bin/env python3
"""Mutation corpus for CIN census parity: many small census files built to make the rules fire.

usage: mutate_cin.py SRC.xml OUT_DIR [--n 30] [--seed 1] [--children 300] [--mutations 40-80]

SRC.xml is a CIN census as `sightline export cin` writes it (dates yyyy-mm-dd). The first
--children <Child> elements are kept. Each of the N mutants, OUT_DIR/m001/census.xml, ...,
then gets a seeded random number of element-level mutations of the kinds real data errors
take and the DfE rules check: dropped and blanked elements, other valid or invalid codes,
shifted, swapped and invalid dates, dates on the census boundaries or at weekends, repeated
or dropped children, CIN episodes, assessments, Section 47s, plans and reviews, changed or
shared LAchildIDs and UPNs, reordered children and episodes, ReferralNFA episodes that carry
plans, closures for reasons that contradict the episode, deaths and unborn children, ...
What was done to each mutant is written to its mutations.txt, one line per mutation.

Valid codes come from the census schema's enumerations
(../shared/spec/schemas/CIN_schema_2026.xsd beside the repository) and the values seen in
the source, with a few invalid ones. The blocks every child must have (ChildIdentifiers,
ChildCharacteristics) are kept, since neither tool can read a child without them.
"""
import argparse
import copy
import datetime as dt
import os
import random
import xml.etree.ElementTree as ET
from collections import defaultdict

DATE_TAGS = {"ReferenceDate", "PersonBirthDate", "ExpectedPersonBirthDate", "PersonDeathDate",
             "CINreferralDate", "CINclosureDate", "DateOfInitialCPC",
             "AssessmentActualStartDate", "AssessmentInternalReviewDate",
             "AssessmentAuthorisationDate", "CINPlanStartDate", "CINPlanEndDate",
             "S47ActualStartDate", "InitialCPCtarget", "CPPstartDate", "CPPendDate",
             "CPPreviewDate"}
ID_TAGS = {"LAchildID", "UPN", "FormerUPN"}
# Repeatable blocks inside a CINdetails, and the leaves a new one starts with.
BLOCKS = ["Assessments", "CINPlanDates", "Section47", "ChildProtectionPlans"]
CODES = {  # used when the schema is not beside the repository
    "Sex": "M F U", "UPNunknown": "UN1 UN2 UN3 UN4 UN5 UN6 UN7", "ReferralNFA": "0 1",
    "ICPCnotRequired": "0 1", "ReasonForClosure": "RC1 RC2 RC3 RC4 RC5 RC6 RC7 RC8 RC9",
    "PrimaryNeedCode": "N0 N1 N2 N3 N4 N5 N6 N7 N8 N9",
    "InitialCategoryOfAbuse": "NEG PHY SAB EMO MUL", "LatestCategoryOfAbuse": "NEG PHY SAB EMO MUL",
    "NumberOfPreviousCPP": "0 1 2 3",
}
JUNK_CODES = ["X", "99", "ZZZ", "N/A", "-1", "true", "false", "RC10", "N10", "2"]
BAD_DATES = ["2025-02-31", "31/01/2025", "unknown", "2025-1-1", "2025-13-01", "20250601",
             "2025-06-01T00:00:00", "01-06-2025"]
REF = dt.date(2026, 3, 31)
START = dt.date(2025, 4, 1)


def pdate(s):
    try:
        return dt.date.fromisoformat(s or "")
    except ValueError:
        return None


def add_months(d, n):
    m = d.month - 1 + n
    y, m = d.year + m // 12, m % 12 + 1
    for day in (d.day, 30, 29, 28):
        try:
            return dt.date(y, m, day)
        except ValueError:
            continue


def schema_codes(path):
    """Each element's enumerated codes, from the census schema."""
    codes = {}
    if not os.path.exists(path):
        return codes
    xs = "{http://www.w3.org/2001/XMLSchema}"
    root = ET.parse(path).getroot()
    types = {}
    for st in root.iter(xs + "simpleType"):
        vals = [e.get("value") for e in st.iter(xs + "enumeration")]
        if st.get("name") and vals:
            types[st.get("name")] = vals
    for el in root.iter(xs + "element"):
        name, typ = el.get("name"), el.get("type")
        if typ in types:
            codes[name] = types[typ]
        else:
            vals = [e.get("value") for e in el.iter(xs + "enumeration")]
            if vals:
                codes[name] = vals
    return codes


class Mutator:
    def __init__(self, root, codes, rng):
        self.root, self.rng, self.log = root, rng, []
        seen = defaultdict(set)
        for e in root.iter():
            if len(e) == 0 and e.text and e.tag not in DATE_TAGS and e.tag not in ID_TAGS:
                seen[e.tag].add(e.text)
        self.valid = {t: sorted(set(v) | set(codes.get(t, [])) | set(CODES.get(t, "").split()))
                      for t, v in seen.items()}
        for t, v in list(codes.items()) + [(t, v.split()) for t, v in CODES.items()]:
            self.valid.setdefault(t, sorted(v))
        self.valid.pop("LEA", None)

    # ---- helpers -------------------------------------------------------------------------
    def children(self):
        return self.root.find("Children")

    def child(self):
        kids = list(self.children())
        return self.rng.choice(kids) if kids else None

    def cid(self, child):
        e = child.find("ChildIdentifiers/LAchildID")
        return e.text if e is not None else "?"

    def leaves(self, want=lambda e: True, scope=None):
        """(parent, element) pairs of leaf elements, in the whole file or one child."""
        scope = scope if scope is not None else self.children()
        out = []
        for parent in scope.iter():
            for e in parent:
                if len(e) == 0 and want(e):
                    out.append((parent, e))
        return out

    def pick_leaf(self, want):
        """A leaf chosen by tag first (uniformly), then among the leaves with that tag, so
        that rare elements get their share."""
        by_tag = defaultdict(list)
        for p, e in self.leaves(want):
            by_tag[e.tag].append((p, e))
        if not by_tag:
            return None, None
        return self.rng.choice(by_tag[self.rng.choice(sorted(by_tag))])

    def note(self, child, what):
        cid = self.cid(child) if child is not None else "-"
        self.log.append(f"{cid}: {what}")
        return True

    def owner(self, e):
        for c in self.children():
            if any(x is e for x in c.iter()):
                return c
        return None

    def episodes(self, child=None):
        scope = [child] if child is not None else list(self.children())
        return [(c, d) for c in scope for d in c.findall("CINdetails")]

    def episode(self):
        eps = self.episodes()
        return self.rng.choice(eps) if eps else (None, None)

    def set_leaf(self, parent, tag, value, before=None):
        """Set (creating if needed) a leaf; a new one goes before the first of `before` that
        exists, else at the end, so the schema's order is kept where it can be."""
        e = parent.find(tag)
        if e is None:
            e = ET.Element(tag)
            idx = len(parent)
            for b in before or []:
                x = parent.find(b)
                if x is not None:
                    idx = list(parent).index(x)
                    break
            parent.insert(idx, e)
        e.text = value
        return e

    def code(self, tag, valid_only=False):
        if valid_only or self.rng.random() < 0.55:
            return self.rng.choice(self.valid.get(tag) or JUNK_CODES)
        return self.rng.choice(JUNK_CODES + [v.lower() for v in self.valid.get(tag, [])[:2]])

    # ---- generic mutations ---------------------------------------------------------------
    def drop_leaf(self):
        p, e = self.pick_leaf(lambda e: True)
        if e is None:
            return False
        c = self.owner(e)
        p.remove(e)
        return self.note(c, f"dropped {e.tag} ({e.text!r})")

    def blank_leaf(self):
        p, e = self.pick_leaf(lambda e: bool(e.text))
        if e is None:
            return False
        old, e.text = e.text, ""
        return self.note(self.owner(e), f"blanked {e.tag} ({old!r})")

    def recode(self):
        p, e = self.pick_leaf(lambda e: e.tag in self.valid)
        if e is None:
            return False
        old, e.text = e.text, self.code(e.tag)
        return self.note(self.owner(e), f"{e.tag} {old!r} -> {e.text!r}")

    def shift_date(self):
        p, e = self.pick_leaf(lambda e: e.tag in DATE_TAGS and pdate(e.text) is not None)
        if e is None or e.tag == "ReferenceDate":
            return False
        d = pdate(e.text)
        unit = self.rng.choice(["days", "days", "days", "months", "years"])
        n = self.rng.choice([-1, 1]) * {"days": self.rng.randint(1, 40),
                                        "months": self.rng.randint(1, 12),
                                        "years": self.rng.randint(1, 20)}[unit]
        nd = d + dt.timedelta(days=n) if unit == "days" else add_months(
            d, n if unit == "months" else 12 * n)
        e.text = nd.isoformat()
        return self.note(self.owner(e), f"{e.tag} {d} {n:+d} {unit} -> {e.text}")

    def swap_dates(self):
        """Swap two dates of one block, or a block's date with its episode's."""
        c, d = self.episode()
        if d is None:
            return False
        blocks = [d] + [b for b in d if b.tag in BLOCKS]
        b = self.rng.choice(blocks)
        dates = [e for e in b.iter() if e.tag in DATE_TAGS and e.text]
        if b is not d:
            dates += [e for e in d if e.tag in DATE_TAGS and e.text]
        if len(dates) < 2:
            return False
        x, y = self.rng.sample(dates, 2)
        if x.text == y.text:
            return False
        x.text, y.text = y.text, x.text
        return self.note(c, f"swapped {x.tag} and {y.tag}")

    def invalid_date(self):
        p, e = self.pick_leaf(lambda e: e.tag in DATE_TAGS and e.tag != "ReferenceDate")
        if e is None:
            return False
        d = pdate(e.text)
        old = e.text
        e.text = self.rng.choice(BAD_DATES + ([d.strftime("%d/%m/%Y"), d.strftime("%d-%m-%Y")]
                                              if d else []))
        return self.note(self.owner(e), f"{e.tag} {old!r} -> invalid {e.text!r}")

    def boundary_date(self):
        """A date on the census boundaries, at a weekend, or on a birthday the rules test."""
        p, e = self.pick_leaf(lambda e: e.tag in DATE_TAGS and e.tag != "ReferenceDate")
        if e is None:
            return False
        c = self.owner(e)
        dob = pdate(c.findtext("ChildIdentifiers/PersonBirthDate")) if c is not None else None
        r = self.rng.random()
        if r < 0.4:
            d = self.rng.choice([START, START - dt.timedelta(1), REF, REF + dt.timedelta(1),
                                 dt.date(2013, 3, 31), dt.date(2013, 4, 1)])
        elif r < 0.7 or not dob:
            d = (pdate(e.text) or dt.date(2025, 9, 1))
            d += dt.timedelta(days=(5 - d.weekday()) % 7 + self.rng.choice([0, 1]))  # Sat/Sun
        else:
            d = add_months(dob, 12 * self.rng.choice([0, 4, 5, 16, 25])) + dt.timedelta(
                days=self.rng.choice([-281, -1, 0, 1]))
        old, e.text = e.text, d.isoformat()
        return self.note(c, f"{e.tag} {old!r} -> {e.text}")

    def duplicate_block(self):
        """Repeat a child, a CIN episode, or a block in one, right after the original."""
        kind = self.rng.choice(["Child", "CINdetails", "CINdetails", "block", "block",
                                "Disability", "AssessmentFactors", "CPPreviewDate"])
        if kind == "Child":
            c = self.child()
            if c is None:
                return False
            parent, e = self.children(), c
        elif kind == "CINdetails":
            c, e = self.episode()
            parent = c
        elif kind == "block":
            c, d = self.episode()
            blocks = [b for b in d if b.tag in BLOCKS] if d is not None else []
            if not blocks:
                return False
            parent, e = d, self.rng.choice(blocks)
        else:
            pairs = self.leaves(lambda x: x.tag == kind)
            if not pairs:
                return False
            parent, e = self.rng.choice(pairs)
            c = self.owner(e)
        if e is None:
            return False
        parent.insert(list(parent).index(e) + 1, copy.deepcopy(e))
        return self.note(c, f"repeated {e.tag}")

    def drop_block(self):
        kind = self.rng.choice(["Child", "CINdetails", "block", "block", "Disabilities",
                                "FactorsIdentifiedAtAssessment", "Reviews"])
        if kind == "Child":
            c = self.child()
            if c is None:
                return False
            self.children().remove(c)
            return self.note(c, "child dropped")
        if kind == "CINdetails":
            c, d = self.episode()
            if d is None:
                return False
            c.remove(d)
            return self.note(c, "CINdetails dropped")
        c, d = self.episode()
        if d is None:
            return False
        scope = c.find("ChildCharacteristics") if kind == "Disabilities" else d
        if kind == "block":
            blocks = [b for b in d if b.tag in BLOCKS]
        else:
            blocks = [b for b in scope.iter() if b.tag == kind] if scope is not None else []
        if not blocks:
            return False
        b = self.rng.choice(blocks)
        for parent in c.iter():
            if b in list(parent):
                parent.remove(b)
                break
        return self.note(c, f"{b.tag} dropped")

    def reorder(self):
        kind = self.rng.choice(["children", "CINdetails", "blocks"])
        if kind == "children":
            kids = list(self.children())
            i, j = self.rng.randrange(len(kids)), self.rng.randrange(len(kids))
            kids[i], kids[j] = kids[j], kids[i]
            for k in list(self.children()):
                self.children().remove(k)
            self.children().extend(kids)
            return self.note(kids[i], f"swapped places with {self.cid(kids[j])}")
        c = self.child()
        parent = c if kind == "CINdetails" else (self.rng.choice(c.findall("CINdetails"))
                                                 if c.findall("CINdetails") else None)
        if parent is None:
            return False
        tag = "CINdetails" if kind == "CINdetails" else self.rng.choice(BLOCKS)
        items = [x for x in parent if x.tag == tag]
        if len(items) < 2:
            return False
        idx = [list(parent).index(x) for x in items]
        self.rng.shuffle(items)
        for i, x in zip(idx, items):
            parent[i] = x
        return self.note(c, f"{tag} reordered")

    def change_id(self):
        c = self.child()
        if c is None:
            return False
        ids = c.find("ChildIdentifiers")
        tag = self.rng.choice(["LAchildID", "LAchildID", "UPN", "UPN", "FormerUPN",
                               "UPNunknown"])
        other = self.child()
        choices = {
            "LAchildID": ["", other.findtext("ChildIdentifiers/LAchildID") or "",
                          "SYN-0001", "SYN0000000000000000001", "syn 12"],
            "UPN": ["", other.findtext("ChildIdentifiers/UPN") or "", "A99912345678",
                    "Z999123456789", "A12345678901B", "A9991234567X9", "A000123456789",
                    "A99912345678O", "UN1"],
            "FormerUPN": ["A999123456789", "A99912345678", "XYZ", ""],
            "UPNunknown": ["UN1", "UN2", "UN5", "UN7", "UN8", ""],
        }[tag]
        v = self.rng.choice(choices)
        e = ids.find(tag)
        old = e.text if e is not None else None
        self.set_leaf(ids, tag, v, before=["UPNunknown", "PersonBirthDate",
                                           "ExpectedPersonBirthDate", "Sex"]
                      if tag in ("UPN", "FormerUPN") else ["PersonBirthDate",
                                                           "ExpectedPersonBirthDate", "Sex"])
        return self.note(c, f"{tag} {old!r} -> {v!r}")

    # ---- scenarios ------------------------------------------------------------------------
    def nfa_with_work(self):
        """A referral with no further action that still has plans, assessments or a S47."""
        c, d = self.episode()
        if d is None:
            return False
        self.set_leaf(d, "ReferralNFA", self.rng.choice(["1", "true", "1"]))
        if not any(b.tag in BLOCKS for b in d) or self.rng.random() < 0.4:
            self.add_block(d, self.rng.choice(BLOCKS))
        return self.note(c, "ReferralNFA 1 with work")

    def add_block(self, d, tag):
        ref = pdate(d.findtext("CINreferralDate")) or dt.date(2025, 6, 1)
        s = ref + dt.timedelta(days=self.rng.choice([-3, 0, 2, 10, 30]))
        b = ET.Element(tag)
        leaves = {
            "Assessments": [("AssessmentActualStartDate", s),
                            ("AssessmentAuthorisationDate", self.rng.choice(
                                [s + dt.timedelta(20), None, s - dt.timedelta(2)]))],
            "CINPlanDates": [("CINPlanStartDate", s),
                             ("CINPlanEndDate", self.rng.choice([None, s + dt.timedelta(60), s]))],
            "Section47": [("S47ActualStartDate", s),
                          ("InitialCPCtarget", s + dt.timedelta(15)),
                          ("DateOfInitialCPC", self.rng.choice([None, s + dt.timedelta(14)])),
                          ("ICPCnotRequired", self.rng.choice(["0", "1", "false"]))],
            "ChildProtectionPlans": [("CPPstartDate", s),
                                     ("CPPendDate", self.rng.choice([None, s + dt.timedelta(90),
                                                                     s])),
                                     ("InitialCategoryOfAbuse", "NEG"),
                                     ("LatestCategoryOfAbuse", "EMO"),
                                     ("NumberOfPreviousCPP", self.rng.choice(["0", "1", "-1"]))],
        }[tag]
        for name, v in leaves:
            if v is not None:
                ET.SubElement(b, name).text = v if isinstance(v, str) else v.isoformat()
        if tag == "Assessments" and self.rng.random() < 0.5:
            f = ET.SubElement(b, "FactorsIdentifiedAtAssessment")
            for code in self.rng.sample(["21", "1A", "18A", "19A", "3B", "2B", "21"], 2):
                ET.SubElement(f, "AssessmentFactors").text = code
        if tag == "ChildProtectionPlans" and self.rng.random() < 0.5:
            r = ET.SubElement(b, "Reviews")
            ET.SubElement(r, "CPPreviewDate").text = (s + dt.timedelta(
                days=self.rng.choice([-1, 0, 30]))).isoformat()
        # keep the schema's order: blocks before ReferralNFA, plans after it
        nfa = d.find("ReferralNFA")
        if tag == "ChildProtectionPlans" or nfa is None:
            d.append(b)
        else:
            d.insert(list(d).index(nfa), b)
        return b

    def add_work(self):
        c, d = self.episode()
        if d is None:
            return False
        tag = self.rng.choice(BLOCKS)
        self.add_block(d, tag)
        return self.note(c, f"added {tag}")

    def closure(self):
        """Close or reopen an episode, with a reason that may contradict what it holds."""
        c, d = self.episode()
        if d is None:
            return False
        ref = pdate(d.findtext("CINreferralDate")) or START
        r = self.rng.random()
        if r < 0.3 and d.find("CINclosureDate") is not None:
            for tag in self.rng.choice([["CINclosureDate"], ["ReasonForClosure"],
                                        ["CINclosureDate", "ReasonForClosure"]]):
                x = d.find(tag)
                if x is not None:
                    d.remove(x)
            return self.note(c, "episode reopened")
        end = ref + dt.timedelta(days=self.rng.choice([-5, 0, 1, 30, 200, 500]))
        reason = self.rng.choice(["RC8", "RC9", "RC2", "RC1", "RC7", self.code("ReasonForClosure")])
        self.set_leaf(d, "CINclosureDate", end.isoformat(),
                      before=["ReasonForClosure", "DateOfInitialCPC", *BLOCKS, "ReferralNFA"])
        self.set_leaf(d, "ReasonForClosure", reason,
                      before=["DateOfInitialCPC", *BLOCKS, "ReferralNFA"])
        return self.note(c, f"closed {end} {reason}")

    def person(self):
        """Deaths, unborn children, very old children, unknown sex."""
        c = self.child()
        if c is None:
            return False
        ids = c.find("ChildIdentifiers")
        kind = self.rng.choice(["death", "death", "unborn", "expected", "old", "sexU"])
        dob = pdate(ids.findtext("PersonBirthDate")) or dt.date(2015, 1, 1)
        if kind == "death":
            ref = pdate(c.findtext("CINdetails/CINreferralDate")) or START
            d = ref + dt.timedelta(days=self.rng.choice([-30, -1, 0, 20, 400]))
            if self.rng.random() < 0.2:
                d = dob - dt.timedelta(days=3)
            self.set_leaf(ids, "PersonDeathDate", d.isoformat())
        elif kind in ("unborn", "expected"):
            exp = REF + dt.timedelta(days=self.rng.choice([-40, -10, 60, 300]))
            if kind == "unborn":
                pb = ids.find("PersonBirthDate")
                if pb is not None:
                    ids.remove(pb)
                self.set_leaf(ids, "Sex", self.rng.choice(["U", "M"]))
            self.set_leaf(ids, "ExpectedPersonBirthDate", exp.isoformat(), before=["Sex"])
        elif kind == "old":
            self.set_leaf(ids, "PersonBirthDate", dt.date(1999, 6, 1).isoformat(),
                          before=["ExpectedPersonBirthDate", "Sex"])
        else:
            self.set_leaf(ids, "Sex", "U")
        return self.note(c, f"person: {kind}")

    def disabilities(self):
        c = self.child()
        if c is None:
            return False
        ch = c.find("ChildCharacteristics")
        ds = ch.find("Disabilities")
        if ds is None:
            ds = ET.SubElement(ch, "Disabilities")
        v = self.rng.choice(["NONE", "AUT", "HAND", "AUT", "XYZ", "", "none"])
        ET.SubElement(ds, "Disability").text = v
        return self.note(c, f"Disability {v!r} added")

    def factors(self):
        pairs = self.leaves(lambda e: e.tag == "AssessmentFactors")
        if not pairs:
            return False
        p, e = self.rng.choice(pairs)
        v = self.rng.choice(["21", "18A", "19A", "1A", "99", "", "21"])
        ET.SubElement(p, "AssessmentFactors").text = v
        return self.note(self.owner(e), f"AssessmentFactors {v!r} added")

    def section47(self):
        """A Section 47 with an ICPC at a weekend, on the episode's own ICPC date, missing or
        both given and not required; and CIN-level ICPC dates."""
        c, d = self.episode()
        if d is None:
            return False
        s47 = d.find("Section47")
        if s47 is None:
            s47 = self.add_block(d, "Section47")
        s = pdate(s47.findtext("S47ActualStartDate")) or START
        kind = self.rng.choice(["weekend", "same_as_cin", "none_required", "both", "target",
                                "two_open"])
        if kind == "weekend":
            icpc = s + dt.timedelta(days=(5 - s.weekday()) % 7 + 7)
            self.set_leaf(s47, "DateOfInitialCPC", icpc.isoformat(), before=["ICPCnotRequired"])
        elif kind == "same_as_cin":
            v = s47.findtext("DateOfInitialCPC") or (s + dt.timedelta(10)).isoformat()
            self.set_leaf(s47, "DateOfInitialCPC", v, before=["ICPCnotRequired"])
            self.set_leaf(d, "DateOfInitialCPC", v, before=[*BLOCKS, "ReferralNFA"])
        elif kind == "none_required":
            x = s47.find("DateOfInitialCPC")
            if x is not None:
                s47.remove(x)
            self.set_leaf(s47, "ICPCnotRequired", self.rng.choice(["0", "1"]))
        elif kind == "both":
            self.set_leaf(s47, "DateOfInitialCPC", (s + dt.timedelta(5)).isoformat(),
                          before=["ICPCnotRequired"])
            self.set_leaf(s47, "ICPCnotRequired", "1")
        elif kind == "two_open":  # two enquiries still waiting for a conference
            for b in (s47, copy.deepcopy(s47)):
                x = b.find("DateOfInitialCPC")
                if x is not None:
                    b.remove(x)
                self.set_leaf(b, "ICPCnotRequired", "0")
            d.insert(list(d).index(s47) + 1, b)
        else:
            t = s + dt.timedelta(days=(5 - s.weekday()) % 7 + self.rng.choice([0, 1, 2]))
            self.set_leaf(s47, "InitialCPCtarget", t.isoformat(),
                          before=["DateOfInitialCPC", "ICPCnotRequired"])
        return self.note(c, f"Section47: {kind}")

    def return_level(self):
        """Changes to many children at once, for the return-level queries: few NONE
        disabilities, nobody with two disabilities, many with unknown sex, plans without
        conferences."""
        kind = self.rng.choice(["few_none", "single_disability", "sex_unknown", "no_icpc"])
        kids = list(self.children())
        if kind == "few_none":
            for e in self.root.iter("Disability"):
                if e.text == "NONE" and self.rng.random() < 0.97:
                    e.text = "AUT"
        elif kind == "single_disability":
            for ds in self.root.iter("Disabilities"):
                for e in list(ds)[1:]:
                    ds.remove(e)
        elif kind == "sex_unknown":
            for c in self.rng.sample(kids, max(1, len(kids) // 25)):
                self.set_leaf(c.find("ChildIdentifiers"), "Sex", "U")
        else:
            for parent in list(self.children().iter()):
                for x in parent.findall("DateOfInitialCPC"):
                    if self.rng.random() < 0.5:
                        parent.remove(x)
        return self.note(None, f"return level: {kind}")

    def header(self):
        h = self.root.find("Header/CollectionDetails")
        if h is None:
            return False
        e = h.find("ReferenceDate")
        old = e.text if e is not None else None
        v = self.rng.choice(["2026-03-30", "2025-03-31", "", "31/03/2026"])
        self.set_leaf(h, "ReferenceDate", v)
        return self.note(None, f"ReferenceDate {old!r} -> {v!r}")

    OPS = [  # (weight, method)
        (6, "drop_leaf"), (5, "blank_leaf"), (10, "recode"), (8, "shift_date"),
        (3, "swap_dates"), (4, "invalid_date"), (5, "boundary_date"), (5, "duplicate_block"),
        (4, "drop_block"), (2, "reorder"), (5, "change_id"), (3, "nfa_with_work"),
        (5, "add_work"), (4, "closure"), (4, "person"), (2, "disabilities"), (2, "factors"),
        (4, "section47"), (0.6, "return_level"), (0.2, "header"),
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


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("src")
    p.add_argument("out_dir")
    p.add_argument("--n", type=int, default=30)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--children", type=int, default=300)
    p.add_argument("--mutations", default="40-80", help="per mutant: a number or LO-HI")
    a = p.parse_args()
    lo, _, hi = a.mutations.partition("-")
    lo, hi = int(lo), int(hi or lo)
    here = os.path.dirname(os.path.abspath(__file__))
    codes = schema_codes(os.path.join(here, "..", "..", "shared", "spec", "schemas",
                                      "CIN_schema_2026.xsd"))
    for m in range(1, a.n + 1):
        root = ET.parse(a.src).getroot()
        kids = root.find("Children")
        for k in list(kids)[a.children:]:
            kids.remove(k)
        rng = random.Random(f"{a.seed}/{m}")
        mut = Mutator(root, codes, rng)
        mut.mutate(rng.randint(lo, hi))
        for e in root.iter():  # drop the source's layout; indent() lays it out again
            if len(e):
                e.text = None
            e.tail = None
        ET.indent(root)
        d = os.path.join(a.out_dir, f"m{m:03d}")
        os.makedirs(d, exist_ok=True)
        ET.ElementTree(root).write(os.path.join(d, "census.xml"), encoding="UTF-8",
                                   xml_declaration=True)
        with open(os.path.join(d, "mutations.txt"), "w", encoding="utf-8") as fh:
            fh.write("\n".join(mut.log) + "\n")
    print(f"wrote {a.n} mutants to {a.out_dir}")


if __name__ == "__main__":
    main()
