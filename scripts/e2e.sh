#!/usr/bin/env bash
# Browser tests: starts the built server on a free port with a fresh database, runs the
# Playwright specs in Chromium (JavaScript on and off), and stops the server.
# Expects `cargo leptos build` to have run (the Makefile's `test` does that).
set -euo pipefail
cd "$(dirname "$0")/.."

target_dir=$(cargo metadata --format-version 1 --no-deps | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')
bin="${ARCHGUIDE_BIN:-$target_dir/debug/archguide}"
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

cleanup() {
  [ -n "${server_pid:-}" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

export DATABASE_URL="sqlite://$work/archguide.db"
# The staff account the inbox specs log in with.
echo "amber kettle drifts north" | "$bin" user add sales-e2e@example.com --role sales >/dev/null

LEPTOS_SITE_ADDR="127.0.0.1:$port" \
LEPTOS_SITE_ROOT="$PWD/target/site" \
ARCHGUIDE_LOG="${ARCHGUIDE_LOG:-warn}" \
ARCHGUIDE_MIN_FILL_SECONDS=0 \
ARCHGUIDE_CONTACT_RATE_LIMIT=0 \
  "$bin" >"$work/server.log" 2>&1 &
server_pid=$!

for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  sleep 0.1
done

status=0
(cd end2end && BASE_URL="http://127.0.0.1:$port" npx playwright test "$@") || status=$?
if [ "$status" != 0 ]; then
  echo "--- server log ---"
  cat "$work/server.log"
fi
exit "$status"
