# Sourced by the scripts that test a running server (e2e.sh, api-contract.sh): where the built
# binary is, a free port, and a wait until a server on a port answers.
target_dir=$(cargo metadata --format-version 1 --no-deps | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')
bin="${ARCHGUIDE_BIN:-$target_dir/debug/archguide}"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

wait_for() {
  for _ in $(seq 1 100); do
    curl -fsS "http://127.0.0.1:$1/healthz" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  return 1
}
