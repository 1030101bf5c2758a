#!/usr/bin/env bash
# The web application under load (issue 8): a 60,000-child demo authority served by a release
# build, signed in as the administrator, and wrk from loopback with 32 connections for
# DURATION seconds on each of the dashboard, an indicator page and the work list. Prints
# p50/p95/p99, non-2xx responses and socket errors per page, and the load average (the
# machine may be shared: read the figures with it). Needs `wrk` (apt) and curl.
# Usage: scripts/bench-web.sh [POPULATION] [DURATION]
set -euo pipefail
cd "$(dirname "$0")/.."
population=${1:-60000}; duration=${2:-20}; port=${PORT:-18090}
command -v wrk >/dev/null || { apt-get update -q && apt-get install -y -q --no-install-recommends wrk; }
cargo build -q --release -p sightline
bin="${CARGO_TARGET_DIR:-target}/release/sightline"
dir=$(mktemp -d)
"$bin" --quiet demo --population "$population" --dir "$dir" --no-serve >/dev/null
"$bin" --quiet --database "sqlite://$dir/sightline.db" serve --bind "127.0.0.1:$port" >"$dir/out" 2>&1 &
pid=$!; trap 'kill $pid 2>/dev/null; rm -rf "$dir"' EXIT
base="http://127.0.0.1:$port"
until curl -sf "$base/healthz" | grep -q ready; do sleep 1; done
# Sign in with the one-time password and choose a new one, as a first user must.
one=$(grep -o 'one-time password [A-Za-z0-9]*' "$dir/out" | awk '{print $3}')
jar="$dir/jar"; new="benchmark password of some length"
token() { grep -o 'name="csrf" value="[^"]*"' | head -1 | cut -d'"' -f4; }
csrf=$(curl -s -c "$jar" -b "$jar" "$base/login" | token)
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "csrf=$csrf" --data-urlencode username=admin \
  --data-urlencode "password=$one" "$base/login"
csrf=$(curl -s -c "$jar" -b "$jar" "$base/account/password" | token)
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "csrf=$csrf" --data-urlencode "current=$one" \
  --data-urlencode "new=$new" --data-urlencode "confirm=$new" "$base/account/password"
export BENCH_COOKIE="sl_session=$(awk '$6 == "sl_session" {print $7}' "$jar")"
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $BENCH_COOKIE" "$base/worklists")" = 200 ] \
  || { echo "sign-in failed" >&2; exit 1; }
indicator=$(curl -s -H "Cookie: $BENCH_COOKIE" "$base/" | grep -o 'href="/indicators/[^"]*"' | head -1 | cut -d'"' -f2)
echo "sightline $("$bin" --version | awk '{print $2}'), $population children, 32 connections, ${duration}s per page"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "| page | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | non-2xx | socket errors | load average before |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for path in / "$indicator" /worklists; do
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  line=$(wrk -t2 -c32 -d"${duration}s" --latency -s scripts/bench-web/report.lua "$base$path" | grep '^RESULT')
  v() { echo "$line" | grep -o "$1=[^ ]*" | cut -d= -f2; }
  echo "| \`$path\` | $(v requests) | $(v rps) | $(v p50_ms) | $(v p95_ms) | $(v p99_ms) | $(v max_ms) | $(v non2xx) | $(v socket_errors) | $load |"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
