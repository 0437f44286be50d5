#!/usr/bin/env bash
# Installs the tools the project builds and tests with, from the package registries only.
# Idempotent: each step checks first, so a second run takes a second or two.
#   scripts/setup.sh --run    what building and running need (make run, make dev)
#   scripts/setup.sh          also what testing needs (cargo-fuzz, Schemathesis, Playwright,
#                             Chromium, promtool)
#   scripts/setup.sh --bench  also what `make bench` needs (wrk, nginx, Lighthouse)
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-test}
mode=${mode#--}
case "$mode" in run | test | bench) ;; *) echo "setup: unknown option --$mode (use --run, --bench or nothing)" >&2; exit 2 ;; esac

CARGO_LEPTOS_VERSION=0.3.10
CARGO_FUZZ_VERSION=0.13.2
# The wasm-bindgen CLI must match the crate version in Cargo.lock exactly.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/[^0-9.]/, ""); print; exit}' Cargo.lock)
export PATH="$HOME/.cargo/bin:$PATH"

step() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(cargo leptos --version 2>/dev/null || true)" != "cargo-leptos $CARGO_LEPTOS_VERSION" ]; then
  step "installing cargo-leptos $CARGO_LEPTOS_VERSION (about 10 minutes, once)"
  cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  step "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2 minutes, once)"
  # Without --locked: the CLI's own lock file pins a crate version the registry no longer has.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# npm ci only when the lock file changed since the last install.
npm_ci() {
  local dir=$1 stamp="$1/node_modules/.lock-sha256"
  local want
  want=$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)
  if [ "$(cat "$stamp" 2>/dev/null || true)" != "$want" ]; then
    step "npm ci in ${dir}"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$want" >"$stamp"
  fi
}
# Tailwind and wasm-opt, which the build runs.
npm_ci .

# Running needs nothing more.
[ "$mode" = run ] && exit 0

if [ "$(cargo fuzz --version 2>/dev/null || true)" != "cargo-fuzz $CARGO_FUZZ_VERSION" ]; then
  step "installing cargo-fuzz $CARGO_FUZZ_VERSION (under a minute, once)"
  cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked
fi

# The property-based API tester, in the project's own Python environment.
SCHEMATHESIS_VERSION=4.32.5
if [ "$(.venv/bin/schemathesis --version 2>/dev/null || true)" != "schemathesis, version $SCHEMATHESIS_VERSION" ]; then
  step "installing schemathesis $SCHEMATHESIS_VERSION into .venv (under a minute, once)"
  python3 -m venv .venv
  .venv/bin/pip install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
fi
# The booking tests' outside parts: a calendar parser that reads the invitations and feeds, and
# an SMTP server that receives the emails into a mailbox directory.
ICALENDAR_VERSION=7.3.0
AIOSMTPD_VERSION=1.4.6
if [ "$(.venv/bin/python -c 'import icalendar, aiosmtpd; print(icalendar.__version__, aiosmtpd.__version__)' 2>/dev/null || true)" != "$ICALENDAR_VERSION $AIOSMTPD_VERSION" ]; then
  step "installing icalendar $ICALENDAR_VERSION and aiosmtpd $AIOSMTPD_VERSION into .venv (seconds, once)"
  .venv/bin/pip install --quiet --disable-pip-version-check "icalendar==$ICALENDAR_VERSION" "aiosmtpd==$AIOSMTPD_VERSION"
fi

# Playwright and axe-core for the browser tests.
npm_ci end2end

# Debian packages: Chromium for the browser tests, promtool for the metrics test, Radicale for
# the calendar tests, Dovecot for the shared mailbox's tests; wrk and nginx
# for the benchmarks.
packages=()
[ -x /usr/bin/chromium ] || packages+=(chromium)
# promtool, which checks /metrics in the tests, comes with Prometheus (its recommended
# exporters are not needed).
lean=()
command -v promtool >/dev/null || lean+=(prometheus)
# Radicale, the CalDAV server the booking tests start on a free port (never as a service).
command -v radicale >/dev/null || lean+=(radicale)
# Dovecot, the IMAP server the conversation tests start on a free port (never as a service).
[ -x /usr/sbin/dovecot ] || lean+=(dovecot-imapd)
if [ "$mode" = bench ]; then
  command -v wrk >/dev/null || packages+=(wrk)
  [ -x /usr/sbin/nginx ] || packages+=(nginx)
  npm_ci bench
fi
if [ $((${#packages[@]} + ${#lean[@]})) -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    step "installing ${packages[*]} ${lean[*]} from Debian's packages"
    apt-get update -qq
    if [ ${#packages[@]} -gt 0 ]; then
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
    fi
    if [ ${#lean[@]} -gt 0 ]; then
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${lean[@]}" >/dev/null
    fi
  else
    echo "setup: missing Debian packages; install them with: sudo apt-get install ${packages[*]} ${lean[*]}" >&2
    exit 1
  fi
fi
