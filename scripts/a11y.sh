#!/usr/bin/env bash
# End-to-end accessibility check: serves a small synthetic authority, signs in as the admin
# (changing the one-time password), then drives Debian's Chromium through every page at 1280
# and 375 px running axe-core (scripts/a11y/a11y.mjs). Needs `chromium` (apt) and node/npm.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v chromium >/dev/null || { apt-get update -q && apt-get install -y -q --no-install-recommends chromium; }
(cd scripts/a11y && npm install --no-audit --no-fund --silent)
cargo build -q -p sightline
dir=$(mktemp -d); port=${PORT:-18089}
./target/debug/sightline --quiet demo --population 2000 --dir "$dir" --bind "127.0.0.1:$port" >"$dir/out" 2>&1 &
pid=$!; trap 'kill $pid 2>/dev/null; rm -rf "$dir"' EXIT
until curl -sf "127.0.0.1:$port/healthz" | grep -q ready; do sleep 1; done
one=$(grep -o 'one-time password [A-Za-z0-9]*' "$dir/out" | awk '{print $3}')
jar="$dir/jar"; new="accessibility check password"
token() { grep -o 'name="csrf" value="[^"]*"' | head -1 | cut -d'"' -f4; }
csrf=$(curl -s -c "$jar" -b "$jar" "127.0.0.1:$port/login" | token)
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "csrf=$csrf" --data-urlencode username=admin \
  --data-urlencode "password=$one" "127.0.0.1:$port/login"
csrf=$(curl -s -c "$jar" -b "$jar" "127.0.0.1:$port/account/password" | token)
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "csrf=$csrf" --data-urlencode "current=$one" \
  --data-urlencode "new=$new" --data-urlencode "confirm=$new" "127.0.0.1:$port/account/password"
node scripts/a11y/a11y.mjs "http://127.0.0.1:$port" admin "$new"
