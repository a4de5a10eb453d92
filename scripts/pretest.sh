#!/usr/bin/env bash
# `npm test` on a fresh clone: install the pinned npm packages when they are missing or stale,
# then the Debian packages the tests use.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "npm deps: npm ci"
  npm ci --no-audit --no-fund
fi
bash scripts/ensure-system-deps.sh
