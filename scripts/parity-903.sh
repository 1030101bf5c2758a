#!/usr/bin/env bash
# Per-rule parity of `sightline validate 903` with the DfE reference validator on a synthetic
# authority with injected faults.
#
#   scripts/parity-903.sh [--population N] [--seed S] [--year 2025-26] [--errors 0.02] [--keep DIR]
#                         [--mutants N] [--children 300]
#
# Generates an authority (`generate --errors`), imports it, exports the 903 return for the
# year and the year before, validates them with Sightline and runs the reference
# (csc-validator-be-903 0.1.17) on the same files through scripts/parity_903.py, which prints,
# per rule, the rows only one tool flags. Codes listed in docs/validation-differences/h*.md are
# expected to differ. Exits non-zero on any other difference.
#
# With --mutants N (default 0: none), scripts/mutate_903.py then writes N mutants of the
# generated return (its first --children children, each mutant with a few dozen seeded
# errors, so that most rules fire), each is compared the same way, and
# scripts/parity_mutants.py prints per rule in how many mutants it fired and agreed, the
# rules that never fired and the unexpected differences (mutant directories, with each
# mutant's mutations.txt and parity log, are kept under --keep DIR).
#
# The reference runs under $SIGHTLINE_REFCHECK_PYTHON when set, else a venv at .refcheck-venv
# (created on first use). The binary is $SIGHTLINE_BIN, else built with cargo (debug).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
population=20000 seed=7 year=2025-26 errors=0.02 keep="" mutants=0 children=300
while [ $# -gt 0 ]; do
  case "$1" in
    --population) population="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --year) year="$2"; shift 2 ;;
    --errors) errors="$2"; shift 2 ;;
    --keep) keep="$2"; shift 2 ;;
    --mutants) mutants="$2"; shift 2 ;;
    --children) children="$2"; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
# 2025-26 -> 2026 (the year the collection ends) and 2024-25 before it.
ending=$(( ${year%%-*} + 1 ))
prev_year="$(( ending - 2 ))-$(printf '%02d' $(( (ending - 1) % 100 )))"

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
sl export 903 --year "$year" --out "$work/current" 2>/dev/null
sl export 903 --year "$prev_year" --out "$work/prev" 2>/dev/null
la=E09000027
# The reference always has its packaged ONS postcodes, none of which is a generated (`ZZ`) or
# mutated postcode; Sightline without --postcodes would not run the rules that need a lookup,
# so it gets one that likewise knows none of them.
printf 'postcode,utla,easting,northing\n' > "$work/postcodes.csv"
sl validate 903 "$work/current" --prev "$work/prev" --year "$year" --la "$la" \
  --postcodes "$work/postcodes.csv" --out "$work/ours"

# The codes the differences notes document (table rows and bold bullet leads).
expected="$("$python" "$here/documented_differences.py" "$root"/docs/validation-differences/h*.md)"
echo "documented differences: ${expected:-none}"
status=0
"$python" "$here/parity_903.py" --current "$work/current" --prev "$work/prev" --year "$ending" \
  --la "$la" --ours "$work/ours/issues.csv" --expected-differences "$expected" \
  --json "$work/parity.json" || status=1
[ "$mutants" -gt 0 ] || exit $status

echo "== $mutants mutants of the first $children children"
"$python" "$here/mutate_903.py" "$work/current" "$work/prev" "$work/mutants" \
  --n "$mutants" --seed "$seed" --children "$children"
reports=()
for m in "$work"/mutants/m*/; do
  m="${m%/}"
  if ! sl validate 903 "$m/cur" --prev "$m/prev" --year "$year" --la "$la" \
    --postcodes "$work/postcodes.csv" --out "$m/ours" \
    >"$m/validate.log" 2>&1; then
    echo "$(basename "$m"): sightline could not read it (see $m/validate.log)"; status=1; continue
  fi
  "$python" "$here/parity_903.py" --current "$m/cur" --prev "$m/prev" --year "$ending" \
    --la "$la" --ours "$m/ours/issues.csv" --expected-differences "$expected" \
    --json "$m/parity.json" >"$m/parity.log" 2>&1 || true
  if [ ! -s "$m/parity.json" ]; then  # exit status 1 means a difference, or a traceback
    echo "$(basename "$m"): the comparison failed (see $m/parity.log)"; status=1; continue
  fi
  echo "$(basename "$m"): $(tail -n 1 "$m/parity.log")"
  reports+=("$m/parity.json")
done
"$python" "$here/parity_mutants.py" --expected-differences "$expected" "${reports[@]}" || status=1
exit $status
