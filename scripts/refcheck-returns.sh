#!/usr/bin/env bash
# Runs the DfE reference validators on Sightline's exported returns and prints what they flag.
#
#   scripts/refcheck-returns.sh CIN_XML DIR_903 [YEAR] [PREV_DIR_903]
#
# YEAR defaults to 2025-26. The validators (csc-validator-be-903 0.1.17 and
# csc-validator-be-cin 0.1.13) are installed into a venv at $REFCHECK_VENV (default
# .refcheck-venv) on first use. Prints one JSON report per return: rule codes with the number
# of rows each flags, split into errors and queries (types from ../shared/spec/rules).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
venv="${REFCHECK_VENV:-$here/../.refcheck-venv}"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q 'numpy<2' csc-validator-be-903==0.1.17 csc-validator-be-cin==0.1.13
fi
cin="$1"; dir903="$2"; year="${3:-2025-26}"; prev="${4:-}"
echo "== CIN census: $cin ($year)"
"$venv/bin/python" "$here/refcheck_returns.py" cin "$cin" --year "$year" 2>/dev/null
echo "== SSDA903: $dir903 ($year)"
if [ -n "$prev" ]; then
  "$venv/bin/python" "$here/refcheck_returns.py" 903 "$dir903" --year "$year" --prev "$prev" 2>/dev/null
else
  "$venv/bin/python" "$here/refcheck_returns.py" 903 "$dir903" --year "$year" 2>/dev/null
fi
