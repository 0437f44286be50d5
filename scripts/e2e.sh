#!/usr/bin/env bash
# Browser tests: starts the built server on a free port with a fresh database, runs the
# Playwright specs in Chromium (JavaScript on and off), and stops the server.
# Expects `cargo leptos build` to have run (the Makefile's `test` does that).
set -euo pipefail
cd "$(dirname "$0")/.."

. scripts/test_server.sh
work=$(mktemp -d)
port=$(free_port)

pg_db="archguide_e2e_$$"
pg_admin="${ARCHGUIDE_TEST_POSTGRES:-postgres://postgres@127.0.0.1:5432}"
cleanup() {
  for pid in ${server_pid:-} ${pair_pids:-} ${dovecot_pid:-}; do
    kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  done
  [ -n "${pair_pids:-}" ] && psql -q "$pg_admin/postgres" -c "DROP DATABASE IF EXISTS $pg_db" >/dev/null 2>&1 || true
  rm -rf "$work" "${imap_dir:-}"
}
trap cleanup EXIT

export DATABASE_URL="sqlite://$work/archguide.db"
# The staff account the inbox specs log in with.
echo "amber kettle drifts north" | "$bin" user add sales-e2e@example.com --role sales >/dev/null
# The administrator the model spec logs in with.
echo "amber kettle drifts north" | "$bin" user add admin-e2e@example.com --role admin >/dev/null
# One per browser project, for the two-factor spec (it turns the second factor on and off).
for project in js-on js-off; do
  echo "amber kettle drifts north" | "$bin" user add "2fa-$project@example.com" --role sales >/dev/null
done
# Two people who take calls every morning (UTC), for the booking spec: visitors of both browser
# projects who pick the same time at once are each given one of them.
for who in call-a call-b; do
  echo "amber kettle drifts north" | "$bin" user add "$who-e2e@example.com" --role sales >/dev/null
  "$bin" user availability "$who-e2e@example.com" --zone UTC --hours 'mon-sun 08:00-12:00' --languages en,es >/dev/null
done

# The shared mailbox the conversation spec delivers answers into: Dovecot on a free port.
# Its folder of its own: Dovecot's mail processes do not run as the caller.
imap_port=$(free_port)
imap_dir=$(mktemp -d)
tests/tools/dovecot.sh "$imap_dir" "$imap_port" >"$work/dovecot.out" 2>&1 &
dovecot_pid=$!
for _ in $(seq 1 100); do
  python3 -c "import socket; socket.create_connection(('127.0.0.1', $imap_port), 1)" 2>/dev/null && break
  sleep 0.1
done

LEPTOS_SITE_ADDR="127.0.0.1:$port" \
LEPTOS_SITE_ROOT="$PWD/target/site" \
ARCHGUIDE_IMAP_URL="imap://sales:secret@127.0.0.1:$imap_port/INBOX" \
ARCHGUIDE_REPLY_TO="sales@axiomtech.example" \
ARCHGUIDE_IMAP_POLL=1s \
ARCHGUIDE_LOG="${ARCHGUIDE_LOG:-warn}" \
ARCHGUIDE_MIN_FILL_SECONDS=0 \
ARCHGUIDE_CONTACT_RATE_LIMIT=0 \
ARCHGUIDE_SECRET_KEY="$(head -c 32 /dev/urandom | base64)" \
  "$bin" >"$work/server.log" 2>&1 &
server_pid=$!

wait_for "$port" || true

# Two more instances on one fresh PostgreSQL database, for the specs that need several
# instances (a lead sent to one shows up in an inbox open on the other). Without a reachable
# PostgreSQL those specs say so and are skipped.
pair=()
if psql -q "$pg_admin/postgres" -c "CREATE DATABASE $pg_db" >/dev/null 2>&1; then
  pair_env=(
    DATABASE_URL="$pg_admin/$pg_db" LEPTOS_SITE_ROOT="$PWD/target/site" ARCHGUIDE_LOG="${ARCHGUIDE_LOG:-warn}"
    ARCHGUIDE_MIN_FILL_SECONDS=0 ARCHGUIDE_CONTACT_RATE_LIMIT=0 ARCHGUIDE_INBOX_POLL=1s
    # Short enough that a countdown visibly moves from "on track" to "reply soon" in a test.
    ARCHGUIDE_REPLY_WITHIN=75s ARCHGUIDE_REMINDER_BEFORE=60s
  )
  env "${pair_env[@]}" "$bin" migrate >/dev/null
  echo "amber kettle drifts north" | env "${pair_env[@]}" "$bin" user add sales-e2e@example.com --role sales >/dev/null
  for name in a b; do
    p=$(free_port)
    env "${pair_env[@]}" LEPTOS_SITE_ADDR="127.0.0.1:$p" "$bin" >"$work/server-$name.log" 2>&1 &
    pair_pids="${pair_pids:-} $!"
    wait_for "$p" || true
    pair+=("http://127.0.0.1:$p")
  done
else
  echo "e2e: PostgreSQL at $pg_admin is not reachable; the specs that need two instances are skipped"
fi

status=0
(cd end2end && BASE_URL="http://127.0.0.1:$port" BASE_URL_A="${pair[0]:-}" BASE_URL_B="${pair[1]:-}" E2E_IMAP_PORT="$imap_port" \
  npx playwright test "$@") || status=$?
if [ "$status" != 0 ]; then
  for log in "$work"/server*.log; do
    echo "--- $(basename "$log") ---"
    cat "$log"
  done
fi
exit "$status"
