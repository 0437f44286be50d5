#!/usr/bin/env bash
# Coverage-guided fuzzing of the code that reads untrusted input (fuzz/fuzz_targets/).
#
#   scripts/fuzz.sh                  a fixed number of inputs per target (what `make test` runs)
#   FUZZ_SECONDS=900 scripts/fuzz.sh the longer run: that many seconds per target
#   scripts/fuzz.sh lead             one target only
#
# A failure leaves the input that caused it in fuzz/artifacts/<target>/; replay it with
#   cargo fuzz run --sanitizer none <target> fuzz/artifacts/<target>/<file>
# The corpus each run grows is kept beside the build (target/fuzz/corpus) for the next run.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

# The fuzz build uses other compiler flags than the main one: its own target directory.
target_dir="${CARGO_TARGET_DIR:-$PWD/target}/fuzz"
# --sanitizer none: the code under test is safe Rust, and the stable toolchain builds it.
fuzz=(cargo fuzz run --sanitizer none --target-dir "$target_dir")

# Inputs per target in the fixed run: each takes a few seconds to a minute.
declare -A runs=([answers_json]=500000 [answers_form]=200000 [lead]=300000 [inbound_mail]=200000)
# Options per target: question ids and answer values as hints; leads longer than the limits;
# MIME's words as hints for messages.
declare -A options=([answers_json]="-dict=fuzz/answers.dict" [answers_form]="-dict=fuzz/answers.dict" [lead]="-max_len=24000" [inbound_mail]="-dict=fuzz/mail.dict -max_len=16000")

targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(answers_json answers_form lead inbound_mail)

for target in "${targets[@]}"; do
  corpus="$target_dir/corpus/$target"
  mkdir -p "$corpus"
  seeds=()
  [ -d "fuzz/seeds/$target" ] && seeds=("fuzz/seeds/$target")
  if [ -n "${FUZZ_SECONDS:-}" ]; then
    limit="-max_total_time=$FUZZ_SECONDS"
  else
    limit="-runs=${runs[$target]}"
  fi
  printf '\033[1mfuzz:\033[0m %s (%s)\n' "$target" "$limit"
  # libFuzzer prints a status line per new coverage: keep the last few lines unless it fails.
  log="$target_dir/$target.log"
  if ! "${fuzz[@]}" "$target" "$corpus" "${seeds[@]}" -- $limit ${options[$target]} >"$log" 2>&1; then
    tail -n 60 "$log"
    echo "fuzz: $target failed (full log: $log); the input is in fuzz/artifacts/$target/" >&2
    exit 1
  fi
  grep -E '^#[0-9]+[[:space:]]+DONE' "$log" || tail -n 3 "$log"
done
