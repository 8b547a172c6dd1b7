#!/usr/bin/env bash
# The one test command (README): Rust, C ABI (with valgrind), PHP, Java, .NET, release bundles,
# the notify receivers under load for a few seconds (PHP-FPM and Jetty behind nginx).
# Each suite prints "<suite>: N passed, M failed"; the totals line comes last.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
# What the suites need, installed when missing (or the exact command to run, and exit 1).
scripts/setup.sh || exit 1
status=0
total_pass=0
total_fail=0
summaries=()

count() { # suite-name  log-file: add that suite's "N passed, M failed" line to the totals
  local line
  line=$(grep -E "^$1: [0-9]+ passed, [0-9]+ failed" "$2" | tail -n 1)
  if [ -z "$line" ]; then summaries+=("$1: no summary line"); status=1; return; fi
  summaries+=("$line")
  total_pass=$((total_pass + $(echo "$line" | sed -E 's/.*: ([0-9]+) passed.*/\1/')))
  total_fail=$((total_fail + $(echo "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/')))
}

run() { # suite-name command...
  local name=$1; shift
  local log="$root/target/test-$name.log"
  mkdir -p "$root/target"
  echo "=== $name: $*"
  if "$@" 2>&1 | tee "$log"; then :; else echo "=== $name FAILED"; status=1; fi
}

run rust cargo test --release --all-targets
# cargo prints one "test result:" line per test binary; add them up.
p=$(grep -E '^test result:' "$root/target/test-rust.log" | sed -E 's/.* ([0-9]+) passed; ([0-9]+) failed.*/\1/' | paste -sd+ | bc)
f=$(grep -E '^test result:' "$root/target/test-rust.log" | sed -E 's/.* ([0-9]+) passed; ([0-9]+) failed.*/\2/' | paste -sd+ | bc)
echo "rust: ${p:-0} passed, ${f:-0} failed" >> "$root/target/test-rust.log"
count rust "$root/target/test-rust.log"

run c tests/c/run.sh
count c "$root/target/test-c.log"
count c-valgrind "$root/target/test-c.log"

run c-diagnose tests/c/run_diagnose.sh
count "c diagnose" "$root/target/test-c-diagnose.log"
count c-diagnose-valgrind "$root/target/test-c-diagnose.log"

run c-sanitize tests/c/sanitize.sh
count c-asan "$root/target/test-c-sanitize.log"
count c-hostile "$root/target/test-c-sanitize.log"
count concurrency "$root/target/test-c-sanitize.log"

for lang in php java dotnet; do
  if [ -x "bindings/$lang/test.sh" ]; then
    run "$lang" "bindings/$lang/test.sh"
    count "$lang" "$root/target/test-$lang.log"
  fi
done

# The phpt suite again under valgrind (USE_ZEND_ALLOC=0): zero errors, zero leaks.
run php-valgrind bindings/php/test.sh --valgrind
count php-valgrind "$root/target/test-php-valgrind.log"

run c-alipay tests/c/run_alipay.sh
count "c alipay" "$root/target/test-c-alipay.log"
count c-alipay-valgrind "$root/target/test-c-alipay.log"
run c-unionpay tests/c/run_unionpay.sh
count "c unionpay" "$root/target/test-c-unionpay.log"
count c-unionpay-valgrind "$root/target/test-c-unionpay.log"

run c-paypal tests/c/run_paypal.sh
count "c paypal" "$root/target/test-c-paypal.log"
count c-paypal-valgrind "$root/target/test-c-paypal.log"

run c-wechat tests/c/run_wechat.sh
count "c wechat" "$root/target/test-c-wechat.log"
count c-wechat-valgrind "$root/target/test-c-wechat.log"

run c-wechat-v3 tests/c/run_wechat_v3.sh
count "c wechat-v3" "$root/target/test-c-wechat-v3.log"
count c-wechat-v3-valgrind "$root/target/test-c-wechat-v3.log"

# `paysign simulate` against the PHP example merchant, end to end on loopback.
run simulate tests/simulate/run.sh
count simulate "$root/target/test-simulate.log"

# The .NET 99bill handler (examples/dotnet/web) under Mono's ASP.NET, notified by the simulator.
run xsp tests/simulate/xsp.sh
count xsp "$root/target/test-xsp.log"

# The release bundles (scripts/package.sh) unpacked outside the tree and used as a merchant would.
run bundle tests/bundle/run.sh
count bundle "$root/target/test-bundle.log"

# The 99bill PHP receiver under PHP-FPM behind nginx on loopback, a few seconds of wrk
# (bench/load/full.sh is the long run); the library is the one the rust suite just built.
run load-smoke env PAYSIGN_SKIP_CARGO=1 bench/load/smoke.sh
count load-smoke "$root/target/test-load-smoke.log"
# The 99bill servlet example in Jetty 9 behind the same nginx, same mix (10-40 s: the JVM start).
run load-smoke-java env PAYSIGN_SKIP_CARGO=1 LOAD_RECEIVER=java bench/load/smoke.sh
count load-smoke-java "$root/target/test-load-smoke-java.log"

echo
printf '%s\n' "${summaries[@]}"
echo "all: $total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ] || status=1
exit $status
