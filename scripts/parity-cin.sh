#!/usr/bin/env bash
# Per-rule parity of `sightline validate cin` with the DfE reference validator on a synthetic
# authority with injected faults, and on any census XML files given with --xml.
#
#   scripts/parity-cin.sh [--population N] [--seed S] [--year 2025-26] [--errors 0.02]
#                         [--xml FILE]... [--keep DIR] [--mutants N] [--children 300]
#
# Generates an authority (`generate --errors`), imports it and exports its CIN census for the
# year; then, for that file and every --xml file, validates it with Sightline and runs the
# reference (csc-validator-be-cin 0.1.13) on the same file through scripts/parity_cin.py,
# which prints, per rule, the locations only one tool flags. Codes listed in
# docs/validation-differences/cin*.md are expected to differ. Exits non-zero on any other
# difference.
#
# With --mutants N (default 0: none), scripts/mutate_cin.py then writes N mutants of the
# generated census (its first --children children, each mutant with a few dozen seeded
# element-level errors, so that most rules fire), each is compared the same way, and
# scripts/parity_mutants.py prints per rule in how many mutants it fired and agreed, the
# rules that never fired and the unexpected differences (mutant directories, with each
# mutant's mutations.txt and parity log, are kept under --keep DIR).
#
# The reference runs under $SIGHTLINE_REFCHECK_PYTHON when set, else a venv at .refcheck-venv
# (created on first use). The binary is $SIGHTLINE_BIN, else built with cargo (debug).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
population=20000 seed=7 year=2025-26 errors=0.02 keep="" xmls=() mutants=0 children=300
while [ $# -gt 0 ]; do
  case "$1" in
    --population) population="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --year) year="$2"; shift 2 ;;
    --errors) errors="$2"; shift 2 ;;
    --xml) xmls+=("$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"); shift 2 ;;
    --keep) keep="$2"; shift 2 ;;
    --mutants) mutants="$2"; shift 2 ;;
    --children) children="$2"; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
ending=$(( ${year%%-*} + 1 ))

source "$here/lib.sh"
python="$(reference_python)"
sightline="$(sightline_bin debug)"

if [ -n "$keep" ]; then
  work="$keep"; rm -rf "$work"; mkdir -p "$work"
else
  work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
fi
db="sqlite://$work/sightline.db"
sl() { "$sightline" --quiet --database "$db" "$@"; }

sl generate --population "$population" --seed "$seed" --as-at "$(( ending ))-03-31" \
  --errors "$errors" --out "$work/ssd" >/dev/null
sl import ssd "$work/ssd" >/dev/null
sl export cin --year "$year" --out "$work/census.xml" 2>/dev/null

# The codes the CIN differences notes document (table rows and bold bullet leads).
expected="$("$python" "$here/documented_differences.py" "$root"/docs/validation-differences/cin*.md)"
echo "documented differences: ${expected:-none}"

status=0 n=0
for xml in "$work/census.xml" "${xmls[@]}"; do
  n=$(( n + 1 ))
  echo "== $xml"
  sl validate cin "$xml" --year "$year" --out "$work/ours$n"
  "$python" "$here/parity_cin.py" --xml "$xml" --year "$ending" \
    --ours "$work/ours$n/issues.csv" --expected-differences "$expected" \
    --json "$work/parity$n.json" || status=1
done
[ "$mutants" -gt 0 ] || exit $status

echo "== $mutants mutants of the first $children children"
"$python" "$here/mutate_cin.py" "$work/census.xml" "$work/mutants" \
  --n "$mutants" --seed "$seed" --children "$children"
reports=()
for m in "$work"/mutants/m*/; do
  m="${m%/}"
  if ! sl validate cin "$m/census.xml" --year "$year" --out "$m/ours" >"$m/validate.log" 2>&1; then
    echo "$(basename "$m"): sightline could not read it (see $m/validate.log)"; status=1; continue
  fi
  "$python" "$here/parity_cin.py" --xml "$m/census.xml" --year "$ending" \
    --ours "$m/ours/issues.csv" --expected-differences "$expected" \
    --json "$m/parity.json" >"$m/parity.log" 2>&1 || true
  if [ ! -s "$m/parity.json" ]; then  # exit status 1 means a difference, or a traceback
    echo "$(basename "$m"): the comparison failed (see $m/parity.log)"; status=1; continue
  fi
  echo "$(basename "$m"): $(tail -n 1 "$m/parity.log")"
  reports+=("$m/parity.json")
done
"$python" "$here/parity_mutants.py" --expected-differences "$expected" "${reports[@]}" || status=1
exit $status
