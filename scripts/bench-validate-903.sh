#!/usr/bin/env bash
# Times `sightline validate 903` against the DfE reference validator (csc-validator-be-903
# 0.1.17, through its Python API) on the same files, both producing the same outputs: the
# issue list, error summary, child summary and Excel report. Inputs: a generated return of
# ~6,000 children and one of ~100,000 (the generated children copied under new ids).
# Prints the median wall-clock seconds of --runs runs of Sightline and one of the reference
# (the reference at 100,000 children only with --big-reference: it takes most of an hour),
# the peak RSS of each (`/usr/bin/time`), and the ratios.
#
#   scripts/bench-validate-903.sh [--population 430000] [--big 100000] [--dir DIR]
#                                 [--runs 5] [--big-reference] [--ref-timeout 3600]
#
# Sightline is $SIGHTLINE_BIN, else the release build in ${CARGO_TARGET_DIR:-target}; the
# reference runs under $SIGHTLINE_REFCHECK_PYTHON (default /work/refvenv/bin/python, else the
# .refcheck-venv of scripts/parity-903.sh). Both validate 2025-26 with last year's return.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
population=430000 big=100000 dir="bench-validate-903" ref_timeout=3600 runs=5 big_reference=0
while [ $# -gt 0 ]; do
  case "$1" in
    --population) population="$2"; shift 2 ;;
    --big) big="$2"; shift 2 ;;
    --dir) dir="$2"; shift 2 ;;
    --ref-timeout) ref_timeout="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --big-reference) big_reference=1; shift ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
source "$here/lib.sh"
sightline="$(sightline_bin release)"
python="$(reference_python prefer-refvenv)"
mkdir -p "$dir"
db="sqlite://$dir/bench.db"
sl() { "$sightline" --quiet --database "$db" "$@"; }

# The ~6,000-child return: a generated authority, exported for two years.
if [ ! -d "$dir/small/cur" ]; then
  rm -f "$dir/bench.db"
  sl generate --population "$population" --seed 7 --as-at 2026-03-31 --out "$dir/ssd" >/dev/null
  sl import ssd "$dir/ssd" >/dev/null
  sl export 903 --year 2025-26 --out "$dir/small/cur" 2>/dev/null
  sl export 903 --year 2024-25 --out "$dir/small/prev" 2>/dev/null
fi

# The ~100,000-child return: copies of every child (all tables, both years) under new ids.
if [ ! -d "$dir/big/cur" ]; then
  python3 - "$dir/small" "$dir/big" "$big" <<'PY'
import csv, math, os, sys
src, dst, want = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(os.path.join(src, "cur", "Header.csv"), newline="") as f:
    have = sum(1 for _ in csv.DictReader(f))
copies = math.ceil(want / have)
for year in ("cur", "prev"):
    os.makedirs(os.path.join(dst, year), exist_ok=True)
    for name in sorted(os.listdir(os.path.join(src, year))):
        with open(os.path.join(src, year, name), newline="") as f:
            rows = list(csv.reader(f))
        head, body = rows[0], rows[1:]
        c = head.index("CHILD")
        with open(os.path.join(dst, year, name), "w", newline="") as f:
            w = csv.writer(f, lineterminator="\r\n")
            w.writerow(head)
            for k in range(copies):
                for r in body:
                    r2 = list(r)
                    r2[c] = f"{r[c]}C{k}" if k else r[c]
                    w.writerow(r2)
PY
fi

# The reference as the DfE's tool uses it: validate, then build its report and write the same
# outputs Sightline writes (issue list, error summary, child summary, Excel report).
cat > "$dir/reference.py" <<'PY'
import io, logging, os, sys
from contextlib import redirect_stdout, redirect_stderr
logging.disable(logging.CRITICAL)
import lac_validator.lac_validator as lv
from lac_validator.report import Report
from lac_validator.utils import process_uploaded_files
from lac_validator.rules.lac2025_26 import registry
cur, prev, out = sys.argv[1], sys.argv[2], sys.argv[3]
os.makedirs(out, exist_ok=True)
files = lambda d: [os.path.join(d, f) for f in sorted(os.listdir(d)) if f.endswith(".csv")]
sink = io.StringIO()
with redirect_stdout(sink), redirect_stderr(sink):
    v = lv.LacValidator(
        metadata={"collectionYear": "2026", "localAuthority": "E09000027"},
        files=process_uploaded_files({"This year": files(cur), "Prev year": files(prev)}),
        registry=registry, selected_rules=None)
    r = Report(v.ds_results, registry)
    lv.create_issue_df(r.report, r.error_report).to_csv(os.path.join(out, "issues.csv"), index=False)
    r.csv_report("errors", os.path.join(out, "error_summary.csv"))
    r.csv_report("children", os.path.join(out, "child_summary.csv"))
    r.excel_report(os.path.join(out, "report.xlsx"))
print(f"reference: {len(r.child_report)} issues, {len(v.fails)} rules crashed", file=sys.stderr)
PY


# A postcode lookup for the generated (fictional, `ZZ`) postcodes, as a council's own runs have
# the ONS lookup for its real ones: without it, four postcode rules flag every placement.
if [ ! -f "$dir/postcodes.csv" ]; then
  python3 - "$dir" <<'PY'
import csv, glob, os, random, sys
d = sys.argv[1]
codes = set()
for f in glob.glob(os.path.join(d, "*", "*", "Episodes.csv")):
    with open(f, newline="") as fh:
        for r in csv.DictReader(fh):
            codes.update(p for p in (r["HOME_POST"], r["PL_POST"]) if p)
rng = random.Random(7)
others = [f"E090000{n:02d}" for n in range(1, 34) if n != 27]
with open(os.path.join(d, "postcodes.csv"), "w", newline="") as fh:
    w = csv.writer(fh)
    w.writerow(["postcode", "utla", "easting", "northing"])
    for p in sorted(codes):
        la = "E09000027" if rng.random() < 0.8 else rng.choice(others)
        w.writerow([p, la, rng.randint(500000, 560000), rng.randint(150000, 200000)])
PY
fi


# The side by side runs give Sightline a lookup that knows none of the generated postcodes,
# as the reference's packaged ONS data knows none: both then run every rule and flag the same
# rows (every placement, on the postcode rules).
printf 'postcode,utla,easting,northing\n' > "$dir/no-postcodes.csv"

# Distinct (rule, table, row) in an issues.csv whose table column is $2.
flagged() {
  python3 -c 'import csv, sys; print(len({(r["rule_code"], r[sys.argv[2]], r["row_id"]) for r in csv.DictReader(open(sys.argv[1]))}))' "$1" "$2"
}

echo "| return | lookup | children | rows | Sightline (median of $runs) | peak RSS | reference | peak RSS | faster | memory |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for size in small big; do
  cur="$dir/$size/cur" prev="$dir/$size/prev"
  children=$(( $(wc -l < "$cur/Header.csv") - 1 ))
  rows=$(cat "$cur"/*.csv "$prev"/*.csv | wc -l)
  read -r t m <<<"$(measure "$sightline" --quiet validate 903 "$cur" --prev "$prev" --year 2025-26 \
    --la E09000027 --postcodes "$dir/no-postcodes.csv" --out "$dir/$size/out")"
  if [ "$size" = small ] || [ "$big_reference" = 1 ]; then
    saved=$runs; runs=1
    read -r rt rm <<<"$(measure timeout "$ref_timeout" "$python" "$dir/reference.py" "$cur" "$prev" "$dir/$size/ref-out")"
    runs=$saved
    echo "| $size | knows none | $children | $rows | $t s | $m MiB | $rt s | $rm MiB | $(ratio "$rt" "$t")× | 1/$(ratio "$rm" "$m") |"
    # The reference writes a line per flagged row and column, Sightline one per flagged row.
    same_work="$size: flagged (rule, table, row), Sightline $(flagged "$dir/$size/out/issues.csv" table), reference $(flagged "$dir/$size/ref-out/issues.csv" tables_affected)"
  else
    echo "| $size | knows none (every placement flagged) | $children | $rows | $t s | $m MiB | not run | | | |"
  fi
done
# A council's run: its real postcodes in the lookup it gives (here, the generated ones).
read -r t m <<<"$(measure "$sightline" --quiet validate 903 "$dir/big/cur" --prev "$dir/big/prev" \
  --year 2025-26 --la E09000027 --postcodes "$dir/postcodes.csv" --out "$dir/big/out-postcodes")"
echo "| big | knows them | | | $t s | $m MiB | not run | | | |"
# No lookup given: the rules that need one are not run.
read -r t m <<<"$(measure "$sightline" --quiet validate 903 "$dir/big/cur" --prev "$dir/big/prev" \
  --year 2025-26 --la E09000027 --out "$dir/big/out-none")"
echo "| big | none given | | | $t s | $m MiB | not run | | | |"
echo
echo "${same_work:-}"
