#!/usr/bin/env bash
# The performance budgets, measured on the release build, each beside a baseline from the same
# run; writes BENCHMARKS.md. Run through `make bench` (which installs wrk, nginx and Lighthouse).
#   BENCH_SECONDS=10  how long each wrk run lasts (after a 2 s warm-up)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
seconds="${BENCH_SECONDS:-10}"

step() { printf '\033[1mbench:\033[0m %s\n' "$*"; }

step "building the release binary and site"
cargo leptos build --release
node scripts/precompress.mjs target/site/pkg
target_dir="${CARGO_TARGET_DIR:-$PWD/target}"
bin="$target_dir/release/archguide"
site="$PWD/target/site"

work=$(mktemp -d)
# nginx's workers run as an unprivileged user: they must be able to read the files.
chmod 755 "$work"
results="$work/results.env"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
port=$(free_port)
static_port=$(free_port)
base="http://127.0.0.1:$port"
static="http://127.0.0.1:$static_port"
cleanup() {
  [ -n "${server_pid:-}" ] && kill "$server_pid" 2>/dev/null || true
  [ -n "${nginx_pid:-}" ] && kill "$nginx_pid" 2>/dev/null || true
  [ -n "${scale_pid:-}" ] && kill "$scale_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
record() { echo "$1=$2" >>"$results"; }

# The server as deployed: release build, production mode, its own SQLite file. The contact
# form's anti-spam timing and hourly limit are off: every post below is a real lead.
server_env=(
  LEPTOS_ENV=PROD LEPTOS_SITE_ROOT="$site" LEPTOS_SITE_ADDR="127.0.0.1:$port" ARCHGUIDE_LOG=warn
  ARCHGUIDE_MIN_FILL_SECONDS=0 ARCHGUIDE_CONTACT_RATE_LIMIT=0
)

# nginx serving the same HTML bytes as static files: the ceiling for a dynamic page.
mkdir -p "$work/static" "$work/nginx"
cat >"$work/nginx.conf" <<CONF
daemon off;
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  server {
    listen 127.0.0.1:$static_port;
    root $work/static;
    default_type text/html;
  }
}
CONF
echo ok >"$work/static/ready.html"

step "start-up: process start to first answered request (median of 10)"
startup() { python3 bench/startup.py 10 "$@" | sed -n 's/^STARTUP median_ms=\([0-9.]*\).*/\1/p'; }
record startup_first_ms "$(BENCH_BEFORE_EACH="rm -f $work/startup.db*" startup "$port" / -- env "${server_env[@]}" DATABASE_URL="sqlite://$work/startup.db" "$bin")"
record startup_ms "$(startup "$port" / -- env "${server_env[@]}" DATABASE_URL="sqlite://$work/startup.db" "$bin")"
record startup_nginx_ms "$(startup "$static_port" /ready.html -- /usr/sbin/nginx -c "$work/nginx.conf" -p "$work/nginx")"

# Someone who takes calls, so that the booking page offers times.
echo "amber kettle drifts north" | env "${server_env[@]}" DATABASE_URL="sqlite://$work/bench.db" "$bin" user add calls@example.com --role sales >/dev/null
env "${server_env[@]}" DATABASE_URL="sqlite://$work/bench.db" "$bin" user availability calls@example.com \
  --zone UTC --hours 'mon-sun 08:00-18:00' --languages en,es >/dev/null
env "${server_env[@]}" DATABASE_URL="sqlite://$work/bench.db" "$bin" >"$work/server.log" 2>&1 &
server_pid=$!
/usr/sbin/nginx -c "$work/nginx.conf" -p "$work/nginx" &
nginx_pid=$!
for _ in $(seq 1 100); do
  curl -fsS "$base/healthz" >/dev/null 2>&1 && curl -fsS "$static/ready.html" >/dev/null 2>&1 && break
  sleep 0.1
done

# A result page, as the guide makes one.
answers="stage=growth&starting_point=monolith&engineers=40&teams=5&load_shape=variable&monthly_requests=300000000"
answers+="&peak_to_average=4&avg_duration_ms=120&memory_mb=1024&longest_task=minutes&latency=moderate"
result=$(curl -fsS -o /dev/null -w '%{redirect_url}' -H 'Sec-Fetch-Site: same-origin' --data "$answers" "$base/guide/result")
result_path="/${result#"$base"/}"
[ "$result_path" != / ] || { echo "bench: the guide made no result" >&2; exit 1; }

# A lead, as the contact form makes one, and the booking page its answer links to.
form_token=$(curl -fsS "$base/contact" | sed -n 's/.*name="token" value="\([^"]*\)".*/\1/p' | head -n 1)
thanks=$(curl -fsS -o /dev/null -w '%{redirect_url}' -H 'Sec-Fetch-Site: same-origin' \
  --data "name=Ada&email=ada%40example.com&message=Let+us+talk.&consent=yes&token=$form_token" "$base/contact")
book_path="/book/${thanks##*book=}"
[ "$book_path" != "/book/$thanks" ] || { echo "bench: the contact form gave no booking link" >&2; exit 1; }

step "what each public page downloads"
node bench/sizes.mjs "$base" / /learn /guide "/guide?stage=growth&step=2" /privacy "$result_path" /contact "$book_path" | tee "$work/sizes.txt" | grep -v '^JSON '
grep '^JSON ' "$work/sizes.txt" | sed 's/^JSON //' >"$work/sizes.jsonl"

step "server rendering under wrk (64 connections, ${seconds} s) against nginx serving the same bytes"
wrk_run() { # name url
  wrk -t2 -c64 -d2s "$2" >/dev/null
  wrk -t2 -c64 -d"${seconds}s" --latency "$2" >"$work/wrk-$1.txt"
  local rps p99
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$work/wrk-$1.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$work/wrk-$1.txt")
  record "${1}_rps" "$rps"
  record "${1}_p99" "$p99"
  record "${1}_errors" "$(awk '/Non-2xx or 3xx responses:/ {n += $5} /Socket errors:/ {n += $4 + $6 + $8 + $10} END {print n + 0}' "$work/wrk-$1.txt")"
  printf '  %-14s %10s req/s  p99 %s\n' "$1" "$rps" "$p99"
}
curl -fsS "$base/learn" >"$work/static/learn.html"
curl -fsS "$base$result_path" >"$work/static/result.html"
record learn_bytes "$(wc -c <"$work/static/learn.html")"
record result_bytes "$(wc -c <"$work/static/result.html")"
wrk_run learn_static "$static/learn.html"
wrk_run learn "$base/learn"
wrk_run result_static "$static/result.html"
wrk_run result "$base$result_path"

step "lead intake: the contact form posted with 64 connections for ${seconds} s"
DATABASE_URL="sqlite://$work/bench.db" "$bin" form-tokens 400000 >"$work/tokens.txt"
leads() { python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from leads').fetchone()[0])" "$work/bench.db"; }
leads_before=$(leads)
wrk_run healthz "$base/healthz"
( peak=0; while kill -0 "$server_pid" 2>/dev/null; do
    rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$server_pid/status" 2>/dev/null || echo 0)
    [ "${rss:-0}" -gt "$peak" ] && peak=$rss && echo "$peak" >"$work/rss-peak"
    sleep 0.1
  done ) &
sampler_pid=$!
awk '/^VmRSS:/ {print $2}' "/proc/$server_pid/status" >"$work/rss-idle"
wrk -t2 -c64 -d"${seconds}s" --latency -s bench/intake.lua "$base" -- "$work/tokens.txt" 2 | tee "$work/wrk-intake.txt" | grep -E 'Requests/sec|INTAKE'
sleep 0.5
kill "$sampler_pid" 2>/dev/null || true
leads_after=$(leads)
intake=$(grep '^INTAKE' "$work/wrk-intake.txt")
value() { sed -n "s/.*\b$1=\([0-9.]*\).*/\1/p" <<<"$intake"; }
record intake_acknowledged "$(value acknowledged)"
record intake_refused "$(value refused)"
record intake_seconds "$(value seconds)"
record intake_p99_ms "$(value p99_ms)"
record intake_rows "$((leads_after - leads_before))"
record rss_idle_kb "$(cat "$work/rss-idle")"
record rss_peak_kb "$(cat "$work/rss-peak")"
record rss_hwm_kb "$(awk '/^VmHWM:/ {print $2}' "/proc/$server_pid/status")"
grep -q "database is locked\|SQLITE_BUSY" "$work/server.log" && record intake_busy yes || record intake_busy no

step "Lighthouse (mobile) on /, /learn, /guide and a result page"
export CHROME_PATH=/usr/bin/chromium
for page in / /learn /guide "$result_path"; do
  name=$(tr -c 'a-z0-9\n' '_' <<<"${page#/}")
  bench/node_modules/.bin/lighthouse "$base$page" --quiet --output=json --output-path="$work/lighthouse-${name:-home}.json" \
    --only-categories=performance,accessibility,best-practices,seo \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run"
done
python3 - "$work" >>"$results" <<'PY'
import glob, json, sys, urllib.parse
categories = ("performance", "accessibility", "best-practices", "seo")
for path in sorted(glob.glob(sys.argv[1] + "/lighthouse-*.json")):
    report = json.load(open(path))
    page = urllib.parse.urlsplit(report["finalDisplayedUrl"]).path
    scores = ",".join(str(round(report["categories"][c]["score"] * 100)) for c in categories)
    # Not passed: a pass/fail audit that failed, or a metric outside Lighthouse's green (< 0.9).
    def passed(audit):
        score = audit.get("score") or 0
        return score >= (1 if audit.get("scoreDisplayMode") == "binary" else 0.9)
    failed = sorted({
        ref["id"]
        for c in categories
        for ref in report["categories"][c]["auditRefs"]
        if ref["weight"] > 0 and report["audits"][ref["id"]].get("scoreDisplayMode") in ("binary", "numeric")
        and not passed(report["audits"][ref["id"]])
    })
    print(f"lighthouse {page}={scores}")
    print(f"lighthouse-lcp {page}={report['audits']['largest-contentful-paint']['numericValue']:.0f}")
    print(f"lighthouse-failed {page}={' '.join(failed)}")
PY

step "stopping the server"
kill -TERM "$server_pid"; wait "$server_pid" || true; server_pid=

# The inbox at scale: the same pages, the retention job, start-up and lead intake on a database
# holding BENCH_LEADS demo leads, beside a database holding 100, on SQLite and on PostgreSQL.
scale_leads="${BENCH_LEADS:-1000000}"
# A filled database is kept for the next run (in BENCH_CACHE; PostgreSQL keeps it as a template
# database, its fill time in BENCH_CACHE): a million leads take a long time to make. A change to
# what makes the fill (`fill_key`) makes a new one, and the kept ones it replaces are removed.
cache="${BENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/archguide-bench}"
mkdir -p "$cache"
# What makes the fill: the schema, demo data, and the statements that store results, leads and changes.
fill_key=$(cat migrations/*/*.sql src/startup/demo_data.rs src/server/store/{demo,leads,change,results}.rs | sha256sum | cut -c1-12)
pg() { psql -h 127.0.0.1 -U postgres -d postgres -qAtc "$1"; }
for kept in "$cache"/*.seconds "$cache"/*.db "$cache"/*.part; do
  [ -e "$kept" ] && [[ "$kept" != *"-$fill_key-"* || "$kept" == *.part ]] && rm -f "$kept"
done
for kept in $(pg "SELECT datname FROM pg_database WHERE datname LIKE 'archguide_bench_kept_%' AND datname NOT LIKE '%$fill_key%'"); do
  pg "ALTER DATABASE $kept IS_TEMPLATE false" && pg "DROP DATABASE $kept"
done
fill() { # database label url leads: demo data, or a copy of the same fill from an earlier run
  local db=$1 label=$2 url=$3 leads=$4 started kept="$cache/$1-$fill_key-$4.db" template="archguide_bench_kept_$1_${fill_key}_$4"
  local seconds="${kept%.db}.seconds"
  if [ "$db" = sqlite ] && [ -f "$kept" ] && [ -f "$seconds" ]; then
    cp "$kept" "${url#sqlite://}"
  elif [ "$db" = postgres ] && [ -f "$seconds" ] && [ -n "$(pg "SELECT 1 FROM pg_database WHERE datname = '$template'")" ]; then
    pg "DROP DATABASE IF EXISTS archguide_bench_$label" && pg "CREATE DATABASE archguide_bench_$label TEMPLATE $template"
  else
    started=$(date +%s.%N)
    DATABASE_URL="$url" ARCHGUIDE_LOG=warn "$bin" demo-data "$leads"
    if [ "$db" = sqlite ]; then
      # SQLite checkpoints and removes its write-ahead log when the last connection closes; the
      # copy is named only once it is whole.
      cp "${url#sqlite://}" "$kept.part" && mv "$kept.part" "$kept"
    else
      # What autovacuum gives a live database (the planner's statistics, the map that lets an
      # index answer alone), at once: the local server may run without autovacuum.
      psql -h 127.0.0.1 -U postgres -d "archguide_bench_$label" -qc "VACUUM ANALYZE"
      pg "DROP DATABASE IF EXISTS $template"
      pg "CREATE DATABASE $template TEMPLATE archguide_bench_$label IS_TEMPLATE true"
    fi
    python3 -c "import sys; print(round(float(sys.argv[2]) - float(sys.argv[1]), 1))" "$started" "$(date +%s.%N)" >"$seconds"
  fi
  record "fill|$db|$label" "$(cat "$seconds")"
}
scale() { # database label url leads
  local db=$1 label=$2 url=$3 leads=$4 scale_port log="$work/scale-$1-$2.log"
  scale_port=$(free_port)
  step "inbox at scale: $db with $leads leads (demo data)"
  fill "$db" "$label" "$url" "$leads"
  printf 'quiet harbour lantern seventeen\n' | DATABASE_URL="$url" ARCHGUIDE_LOG=warn "$bin" user add bench@example.com --role sales
  printf 'quiet harbour lantern seventeen\n' | DATABASE_URL="$url" ARCHGUIDE_LOG=warn "$bin" user add bench-admin@example.com --role admin
  # A check of a draft model replays every stored result (the demo data spreads them over two years).
  local env_scale=(env "${server_env[@]}" LEPTOS_SITE_ADDR="127.0.0.1:$scale_port" ARCHGUIDE_LOG=info DATABASE_URL="$url" ARCHGUIDE_REPLAY_DAYS=800d)
  record "startup|$db|$label" "$(startup "$scale_port" /healthz -- "${env_scale[@]}" "$bin")"
  "${env_scale[@]}" "$bin" >"$log" 2>&1 &
  scale_pid=$!
  for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$scale_port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
  for _ in $(seq 1 300); do grep -q "retention: nothing was past its time" "$log" && break; sleep 0.1; done
  record "retention|$db|$label" "$(sed -n 's/.*ms=\([0-9]*\).*retention: nothing was past its time.*/\1/p; s/.*retention: nothing was past its time.*ms=\([0-9]*\).*/\1/p' "$log" | head -1)"
  record "rss_idle|$db|$label" "$(awk '/^VmRSS:/ {print $2}' "/proc/$scale_pid/status")"
  python3 bench/scale.py "http://127.0.0.1:$scale_port" bench@example.com "quiet harbour lantern seventeen" "${BENCH_RUNS:-20}" "$scale_pid" | tee "$work/scale.txt"
  while IFS='|' read -r name median p95 status; do
    record "page|$db|$label|${name#SCALE }" "${median#median_ms=}|${p95#p95_ms=}|${status#status=}"
  done < <(grep '^SCALE ' "$work/scale.txt")
  replay=$(python3 bench/replay.py "http://127.0.0.1:$scale_port" bench-admin@example.com "quiet harbour lantern seventeen" | tee -a "$work/scale.txt")
  record "replay|$db|$label" "$(sed 's/.*per_second=\([0-9]*\).*/\1/' <<<"$replay")"
  record "replay_results|$db|$label" "$(sed 's/.*results=\([0-9]*\).*/\1/' <<<"$replay")"
  export_line=$(grep '^EXPORT ' "$work/scale.txt")
  record "export_seconds|$db|$label" "$(sed 's/.*seconds=\([0-9.]*\).*/\1/' <<<"$export_line")"
  record "export_bytes|$db|$label" "$(sed 's/.*bytes=\([0-9]*\).*/\1/' <<<"$export_line")"
  record "export_status|$db|$label" "$(sed 's/.*status=\([0-9]*\).*/\1/' <<<"$export_line")"
  record "rss_before_export|$db|$label" "$(sed 's/.*rss_before_kb=\([0-9]*\).*/\1/' <<<"$export_line")"
  record "rss_export|$db|$label" "$(sed 's/.*rss_peak_kb=\([0-9]*\).*/\1/' <<<"$export_line")"
  DATABASE_URL="$url" ARCHGUIDE_LOG=warn "$bin" form-tokens 100000 >"$work/scale-tokens.txt"
  wrk -t2 -c64 -d"${seconds}s" -s bench/intake.lua "http://127.0.0.1:$scale_port" -- "$work/scale-tokens.txt" 2 >"$work/scale-intake.txt"
  intake=$(grep '^INTAKE' "$work/scale-intake.txt")
  record "intake|$db|$label" "$(python3 -c "import sys; v=dict(p.split('=') for p in sys.argv[1].split()[1:]); print(round(float(v['acknowledged'])/float(v['seconds'])))" "$intake")"
  record "rss_peak|$db|$label" "$(awk '/^VmHWM:/ {print $2}' "/proc/$scale_pid/status")"
  sleep 5
  record "rss_after|$db|$label" "$(awk '/^VmRSS:/ {print $2}' "/proc/$scale_pid/status")"
  kill -TERM "$scale_pid"; wait "$scale_pid" || true; scale_pid=
}
pg_fresh() { # name: an empty PostgreSQL database
  pg "DROP DATABASE IF EXISTS $1" && pg "CREATE DATABASE $1"
  echo "postgres://postgres@127.0.0.1:5432/$1"
}
for db in sqlite postgres; do
  for leads in 100 "$scale_leads"; do
    label=$([ "$leads" = 100 ] && echo small || echo large)
    if [ "$db" = sqlite ]; then url="sqlite://$work/scale-$label.db"; else url=$(pg_fresh "archguide_bench_$label"); fi
    scale "$db" "$label" "$url" "$leads"
    [ "$db" = sqlite ] && record "size|$db|$label" "$(du -sk "$work"/scale-$label.db* | awk '{n += $1} END {print n}')"
    [ "$db" = postgres ] && record "size|$db|$label" "$(psql -h 127.0.0.1 -U postgres -d postgres -Atc "select pg_database_size('archguide_bench_$label') / 1024")"
  done
done
record scale_leads "$scale_leads"

step "the engine: criterion benchmark of recommend and monthly_cost"
cargo bench --bench engine -- --noplot 2>&1 | grep -E '^[a-z].*time:|^ +time:' || true
python3 - "$target_dir/criterion" >>"$results" <<'PY'
import json, pathlib, sys
for estimates in sorted(pathlib.Path(sys.argv[1]).glob("*/new/estimates.json")):
    mean = json.load(open(estimates))["mean"]["point_estimate"]
    name = json.load(open(estimates.parent / "benchmark.json"))["title"]
    print(f"engine {name}={mean / 1000:.2f}")
PY

step "writing BENCHMARKS.md"
# The raw figures stay beside the build (target/bench/), to write the report again from them.
mkdir -p target/bench && cp "$results" "$work/sizes.jsonl" target/bench/
python3 bench/report.py "$results" "$work/sizes.jsonl" "$seconds" >BENCHMARKS.md
cat BENCHMARKS.md
