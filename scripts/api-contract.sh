#!/usr/bin/env bash
# The API against its own OpenAPI document: starts the built server on a free port with a fresh
# database and lets a property-based API tester generate requests from the document (valid and
# invalid ones, a fixed number per operation and a fixed seed, so every run sends the same), then
# checks every response against it: status codes, content types, response schemas, no server
# errors, invalid input refused and valid input accepted.
# Expects `cargo leptos build` to have run and `scripts/setup.sh` to have installed the tester.
set -euo pipefail
cd "$(dirname "$0")/.."

. scripts/test_server.sh
work=$(mktemp -d)
port=$(free_port)
cleanup() {
  [ -n "${server_pid:-}" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

DATABASE_URL="sqlite://$work/archguide.db" \
LEPTOS_SITE_ADDR="127.0.0.1:$port" \
LEPTOS_SITE_ROOT="$PWD/target/site" \
ARCHGUIDE_LOG="${ARCHGUIDE_LOG:-warn}" \
  "$bin" >"$work/server.log" 2>&1 &
server_pid=$!
wait_for "$port" || { cat "$work/server.log"; exit 1; }

status=0
SCHEMATHESIS_HOOKS=scripts/api_contract_hooks.py \
.venv/bin/schemathesis run "http://127.0.0.1:$port/api/v1/openapi.json" \
  --checks all \
  --max-examples "${API_EXAMPLES:-500}" \
  --seed 20261202 \
  --workers 1 \
  --generation-database none \
  --no-color \
  "$@" || status=$?
if [ "$status" != 0 ]; then
  echo "--- server.log ---"
  cat "$work/server.log"
fi
exit "$status"
