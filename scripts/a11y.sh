#!/usr/bin/env bash
# End-to-end accessibility check, as CI runs it: installs Debian's Chromium and the pinned npm
# packages (scripts/a11y/package-lock.json), then runs crates/cli/tests/e2e.rs, which serves a
# 2,000-child demo and drives Chromium through every page running axe-core.
# SHOTS=DIR also saves screenshots (docs/screenshots).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v chromium >/dev/null || { apt-get update -q && apt-get install -y -q --no-install-recommends chromium; }
(cd scripts/a11y && npm ci --no-audit --no-fund --silent)
SIGHTLINE_E2E_CHROMIUM="$(command -v chromium)" cargo test -p sightline --test e2e -- --nocapture
