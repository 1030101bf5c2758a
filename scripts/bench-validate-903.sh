#!/usr/bin/env bash
# Times `sightline validate 903` against the DfE reference validator (csc-validator-be-903
# 0.1.17, through its Python API as scripts/parity_903.py calls it) on the same files: a
# generated return of ~6,000 children and one of ~100,000 (the generated children copied
# under new ids). Prints wall-clock seconds and peak RSS of each (`/usr/bin/time`).
#
#   scripts/bench-validate-903.sh [--population 430000] [--big 100000] [--dir DIR]
#                                 [--ref-timeout 3600]
#
# Sightline is $SIGHTLINE_BIN, else the release build in ${CARGO_TARGET_DIR:-target}; the
# reference runs under $SIGHTLINE_REFCHECK_PYTHON (default /work/refvenv/bin/python, else the
# .refcheck-venv of scripts/parity-903.sh). Both validate 2025-26 with last year's return.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
population=430000 big=100000 dir="bench-validate-903" ref_timeout=3600
while [ $# -gt 0 ]; do
  case "$1" in
    --population) population="$2"; shift 2 ;;
    --big) big="$2"; shift 2 ;;
    --dir) dir="$2"; shift 2 ;;
    --ref-timeout) ref_timeout="$2"; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
sightline="${SIGHTLINE_BIN:-${CARGO_TARGET_DIR:-$root/target}/release/sightline}"
[ -x "$sightline" ] || { echo "no release binary at $sightline: cargo build --release -p sightline" >&2; exit 2; }
python="${SIGHTLINE_REFCHECK_PYTHON:-}"
if [ -z "$python" ]; then
  if [ -x /work/refvenv/bin/python ]; then python=/work/refvenv/bin/python; else python="$root/.refcheck-venv/bin/python"; fi
fi
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

cat > "$dir/reference.py" <<'PY'
import io, logging, os, sys
from contextlib import redirect_stdout, redirect_stderr
logging.disable(logging.CRITICAL)
import lac_validator.lac_validator as lv
from lac_validator.utils import process_uploaded_files
from lac_validator.rules.lac2025_26 import registry
cur, prev = sys.argv[1], sys.argv[2]
files = lambda d: [os.path.join(d, f) for f in sorted(os.listdir(d)) if f.endswith(".csv")]
sink = io.StringIO()
with redirect_stdout(sink), redirect_stderr(sink):
    v = lv.LacValidator(
        metadata={"collectionYear": "2026", "localAuthority": "E09000027"},
        files=process_uploaded_files({"This year": files(cur), "Prev year": files(prev)}),
        registry=registry, selected_rules=None)
n = sum(int(df[[c for c in df.columns if str(c).startswith("ERR_")]].any(axis=1).sum())
        for t, df in v.ds_results.items() if hasattr(df, "columns"))
print(f"reference: {n} flagged rows, {len(v.fails)} rules crashed", file=sys.stderr)
PY

measure() { # prints "seconds MiB" or "timeout"
  local out
  if out=$( { /usr/bin/time -f "%e %M" "$@" >/dev/null 2>/dev/null; } 2>&1 ); then
    awk '{printf "%.1f s | %d MiB", $1, $2/1024}' <<<"$(tail -1 <<<"$out")"
  else
    echo "failed or timed out | -"
  fi
}

echo "| return | children | rows | Sightline | Sightline peak RSS | reference | reference peak RSS |"
echo "|---|---|---|---|---|---|---|"
for size in small big; do
  cur="$dir/$size/cur" prev="$dir/$size/prev"
  children=$(( $(wc -l < "$cur/Header.csv") - 1 ))
  rows=$(cat "$cur"/*.csv "$prev"/*.csv | wc -l)
  ours=$(measure "$sightline" --quiet validate 903 "$cur" --prev "$prev" --year 2025-26 \
    --la E09000027 --out "$dir/$size/out")
  ref=$(measure timeout "$ref_timeout" "$python" "$dir/reference.py" "$cur" "$prev")
  echo "| $size | $children | $rows | $ours | $ref |"
done
