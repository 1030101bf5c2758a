#!/usr/bin/env bash
# Per-rule parity of `sightline validate cin` with the DfE reference validator on a synthetic
# authority with injected faults, and on any census XML files given with --xml.
#
#   scripts/parity-cin.sh [--population N] [--seed S] [--year 2025-26] [--errors 0.02]
#                         [--xml FILE]... [--keep DIR]
#
# Generates an authority (`generate --errors`), imports it and exports its CIN census for the
# year; then, for that file and every --xml file, validates it with Sightline and runs the
# reference (csc-validator-be-cin 0.1.13) on the same file through scripts/parity_cin.py,
# which prints, per rule, the locations only one tool flags. Codes listed in
# docs/validation-differences/cin*.md are expected to differ. Exits non-zero on any other
# difference.
#
# The reference runs under $SIGHTLINE_REFCHECK_PYTHON when set, else a venv at .refcheck-venv
# (created on first use). The binary is $SIGHTLINE_BIN, else built with cargo (debug).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
population=20000 seed=7 year=2025-26 errors=0.02 keep="" xmls=()
while [ $# -gt 0 ]; do
  case "$1" in
    --population) population="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --year) year="$2"; shift 2 ;;
    --errors) errors="$2"; shift 2 ;;
    --xml) xmls+=("$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"); shift 2 ;;
    --keep) keep="$2"; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
ending=$(( ${year%%-*} + 1 ))

python="${SIGHTLINE_REFCHECK_PYTHON:-}"
if [ -z "$python" ]; then
  venv="$root/.refcheck-venv"
  if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q 'numpy<2' csc-validator-be-903==0.1.17 csc-validator-be-cin==0.1.13
  fi
  python="$venv/bin/python"
fi

sightline="${SIGHTLINE_BIN:-}"
if [ -z "$sightline" ]; then
  (cd "$root" && cargo build -q -p sightline)
  sightline="${CARGO_TARGET_DIR:-$root/target}/debug/sightline"
fi

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

# The first cell of each table row in the CIN differences notes: one or more rule codes.
expected="$(grep -h '^|' "$root"/docs/validation-differences/cin*.md 2>/dev/null | cut -d'|' -f2 \
  | tr -d '`' | tr ',' ' ' | tr -s ' ' '\n' | grep -E '^[0-9][0-9A-Za-z]*$' | sort -u | paste -sd, -)"
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
exit $status
