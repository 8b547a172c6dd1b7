#!/usr/bin/env bash
# Runs every cargo-fuzz target of fuzz/ for a bounded time and fails on any crash, hang, leak
# or out-of-memory (issue 5).
#
#   scripts/fuzz.sh [SECONDS]      # per target, default 60
#
# Needs cargo-fuzz (`scripts/setup.sh ci` installs the pinned version) and a
# C++ compiler for libFuzzer. On stable Rust the sanitizer flags need RUSTC_BOOTSTRAP=1, set
# below; PAYSIGN_FUZZ_SANITIZER=none builds without AddressSanitizer (no leak detection).
# The committed seeds (fuzz/seeds/<target>) are read, never written: what libFuzzer finds
# goes to target/fuzz/corpus/<target>, crash inputs to target/fuzz/artifacts/<target>/.
# Reproduce one with: RUSTC_BOOTSTRAP=1 cargo fuzz run -O --fuzz-dir fuzz TARGET FILE
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
seconds=${1:-60}
sanitizer=${PAYSIGN_FUZZ_SANITIZER:-address}
export RUSTC_BOOTSTRAP=1 CARGO_TERM_COLOR=never

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz.sh: cargo-fuzz not found; scripts/setup.sh ci installs it" >&2
  exit 1
fi

targets=$(cargo fuzz list --fuzz-dir fuzz)
cargo fuzz build -O --sanitizer "$sanitizer" --fuzz-dir fuzz

work=$root/target/fuzz
pass=0
fail=0
for t in $targets; do
  mkdir -p "$work/corpus/$t" "$work/artifacts/$t"
  log=$work/$t.log
  echo "=== fuzz $t: ${seconds}s"
  # -timeout: one input over 10 s is a hang; -rss_limit_mb: over 2 GiB is a failure;
  # -detect_leaks (AddressSanitizer builds): a leak is a failure.
  if cargo fuzz run -O --sanitizer "$sanitizer" --fuzz-dir fuzz "$t" "$work/corpus/$t" "fuzz/seeds/$t" -- \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -detect_leaks=1 \
      -artifact_prefix="$work/artifacts/$t/" -print_final_stats=1 > "$log" 2>&1; then
    runs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}')
    echo "fuzz $t: ok, ${runs:-?} runs"
    pass=$((pass + 1))
  else
    echo "fuzz $t: FAILED (log $log, inputs in $work/artifacts/$t/)"
    grep -E 'ERROR|panicked|SUMMARY|Test unit written' "$log" | head -n 20 || true
    fail=$((fail + 1))
  fi
done
echo "fuzz: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
