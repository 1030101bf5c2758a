# Shared by the parity and benchmark scripts: `source "$here/lib.sh"` after setting $root.

# The Python that has the DfE reference validators: $SIGHTLINE_REFCHECK_PYTHON, else
# /work/refvenv when present (benchmarks only, with $1 = prefer-refvenv), else a venv at
# $root/.refcheck-venv, created on first use.
reference_python() {
  if [ -n "${SIGHTLINE_REFCHECK_PYTHON:-}" ]; then echo "$SIGHTLINE_REFCHECK_PYTHON"; return; fi
  if [ "${1:-}" = prefer-refvenv ] && [ -x /work/refvenv/bin/python ]; then
    echo /work/refvenv/bin/python; return
  fi
  local venv="$root/.refcheck-venv"
  if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv" >&2
    "$venv/bin/pip" install -q 'numpy<2' csc-validator-be-903==0.1.17 \
      csc-validator-be-cin==0.1.13 >&2
  fi
  echo "$venv/bin/python"
}

# The sightline binary: $SIGHTLINE_BIN, else a build of the given profile (debug or release).
sightline_bin() {
  if [ -n "${SIGHTLINE_BIN:-}" ]; then echo "$SIGHTLINE_BIN"; return; fi
  local profile="${1:-debug}" flag=""
  [ "$profile" = release ] && flag="--release"
  (cd "$root" && cargo build -q $flag -p sightline >&2)
  echo "${CARGO_TARGET_DIR:-$root/target}/$profile/sightline"
}

# Runs a command $runs times; prints the median wall-clock seconds and the largest peak RSS
# (MiB), or "failed" when any run fails or times out.
measure() {
  local t times=() rss=0 r tf
  tf=$(mktemp)
  for _ in $(seq "$runs"); do
    if ! /usr/bin/time -f "%e %M" -o "$tf" "$@" >/dev/null 2>&1; then
      rm -f "$tf"; echo "failed"; return
    fi
    r=$(tail -1 "$tf"); times+=("${r% *}"); if (( ${r#* } > rss )); then rss=${r#* }; fi
  done
  rm -f "$tf"
  t=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  echo "$t $(( rss / 1024 ))"
}

# a / b, rounded, or "-".
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.0f", a / b; else print "-" }'; }
