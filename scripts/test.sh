#!/usr/bin/env bash
# The one command that runs every test (the README's test command, and what .ci/run calls).
# It installs what the tests need when it is absent: Debian's Chromium (browser tests) and
# PostgreSQL (the database tests run against a real server as well as embedded PGlite).
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  echo "test: installing ${need[*]} from Debian's packages"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

[ -d node_modules ] || npm ci
[ -f dist/ee.mjs ] || npm run build

echo "test: lint"; npx biome check .
echo "test: typecheck"; npx tsc --noEmit -p tsconfig.json
echo "test: vitest"; npx vitest run "$@"
