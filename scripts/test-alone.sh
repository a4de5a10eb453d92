#!/usr/bin/env bash
# The suite in a copy of the project alone — its tracked files, no ../shared beside it — as anyone who
# clones the repository runs it. node_modules is linked from here, so this costs the tests only.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
dir=$(mktemp -d /tmp/juesuan-alone.XXXXXX)
trap 'rm -rf "$dir"' EXIT
git ls-files -z | xargs -0 cp --parents -t "$dir"
ln -s "$root/node_modules" "$dir/node_modules"
cd "$dir"
[ ! -e ../shared ] || { echo "test-alone: $dir/../shared exists; cannot test without it" >&2; exit 1; }
echo "test-alone: the suite in $dir (no ../shared)"
npx tsc -p tsconfig.json --noEmit
npx jest --ci "$@"
