#!/usr/bin/env bash
# Times `sightline validate cin` against the DfE reference validator (csc-validator-be-cin
# 0.1.13) on the same census XML, both producing the same outputs: the reference reads the
# XML, runs its rules and builds its issue list and user report as its front end does, then
# writes them as CSV; Sightline writes issues.csv, the summaries and report.xlsx. Inputs: the
# census of a generated authority of ~3,000 children in need and one of ~100,000.
# Prints the median wall-clock seconds of --runs runs of Sightline and one of the reference
# (at 100,000 children only with --big-reference: it takes most of an hour), the peak RSS of
# each (`/usr/bin/time`), and the ratios.
#
#   scripts/bench-validate-cin.sh [--dir DIR] [--runs 5] [--big-reference] [--ref-timeout 3600]
#
# Sightline is $SIGHTLINE_BIN, else the release build in ${CARGO_TARGET_DIR:-target}; the
# reference runs under $SIGHTLINE_REFCHECK_PYTHON (default /work/refvenv/bin/python, else the
# .refcheck-venv of scripts/parity-cin.sh).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
dir="bench-validate-cin" ref_timeout=3600 runs=5 big_reference=0
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) dir="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --big-reference) big_reference=1; shift ;;
    --ref-timeout) ref_timeout="$2"; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
source "$here/lib.sh"
sightline="$(sightline_bin release)"
python="$(reference_python prefer-refvenv)"
mkdir -p "$dir"

# Generated authorities whose censuses hold ~3,000 and ~100,000 children (a population of
# about 37 and 12 children per child in the census).
for spec in "small 37000" "big 1240000"; do
  read -r size population <<<"$spec"
  if [ ! -f "$dir/$size.xml" ]; then
    db="sqlite://$dir/$size.db"
    rm -f "$dir/$size.db"
    "$sightline" --quiet --database "$db" generate --population "$population" --seed 11 \
      --as-at 2026-03-31 --out "$dir/$size-ssd" >/dev/null
    "$sightline" --quiet --database "$db" import ssd "$dir/$size-ssd" >/dev/null
    "$sightline" --quiet --database "$db" export cin --year 2025-26 --out "$dir/$size.xml" 2>/dev/null
    rm -rf "$dir/$size-ssd" "$dir/$size.db"
  fi
done

cat > "$dir/reference.py" <<'PY'
import io, logging, os, sys
import xml.etree.ElementTree as ET
from contextlib import redirect_stdout, redirect_stderr
logging.disable(logging.CRITICAL)
from cin_validator import cin_validator as cv
from cin_validator.rules.cin2025_26 import registry
xml, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
sink = io.StringIO()
with redirect_stdout(sink), redirect_stderr(sink):
    data = cv.process_data(cv.convert_data(ET.parse(xml).getroot()))
    v = cv.CinValidator(data, registry)
    v.full_issue_df.to_csv(os.path.join(out, "issues.csv"), index=False)
    v.user_report.to_csv(os.path.join(out, "user_report.csv"), index=False)
    v.multichild_issues.to_csv(os.path.join(out, "la_issues.csv"), index=False)
print(f"reference: {len(v.full_issue_df)} issues", file=sys.stderr)
PY


echo "| census | children | MB | Sightline (median of $runs) | peak RSS | reference | peak RSS | faster | memory |"
echo "|---|---|---|---|---|---|---|---|---|"
for size in small big; do
  xml="$dir/$size.xml"
  children=$(grep -c "<Child>" "$xml")
  mb=$(( $(stat -c %s "$xml") / 1000000 ))
  read -r t m <<<"$(measure "$sightline" --quiet validate cin "$xml" --year 2025-26 --out "$dir/$size-out")"
  if [ "$size" = small ] || [ "$big_reference" = 1 ]; then
    saved=$runs; runs=1
    read -r rt rm <<<"$(measure timeout "$ref_timeout" "$python" "$dir/reference.py" "$xml" "$dir/$size-ref-out")"
    runs=$saved
    echo "| $size | $children | $mb | $t s | $m MiB | $rt s | $rm MiB | $(ratio "$rt" "$t")× | 1/$(ratio "$rm" "$m") |"
  else
    echo "| $size | $children | $mb | $t s | $m MiB | not run | | | |"
  fi
done
