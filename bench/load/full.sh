#!/usr/bin/env bash
# The long run of bench/load (issue 12 §3; figures in docs/benchmarks.md): smoke.sh for the
# paysign receiver and for the vendor-style pure-PHP one, in the order LOAD_ORDER (default
# paysign vendor vendor paysign, so a change in the machine's load over the run falls on both
# alike, then java: the servlet under Jetty 9). Each run: fresh workers, LOAD_ROUNDS (default 2)
# wrk rounds of LOAD_SECONDS (default 25) s, at least LOAD_MIN_REQUESTS (default 100,000)
# requests, notifications signed SHA1withRSA as under 99bill's production certificate
# (LOAD_HASH=sha256 for the CFCA kits), all of smoke.sh's checks. Prints a markdown row at the
# start and after each round (RSS: both FPM workers or the JVM then; load: /proc/loadavg then,
# as other jobs on the machine change the figures) and keeps each log in target/bench-load/.
# PAYSIGN_SKIP_CARGO=1 skips the cargo build. Exit 1 when a check failed in any run.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
logs="$here/../../target/bench-load"
rm -rf "$logs" && mkdir -p "$logs"
export LOAD_SECONDS="${LOAD_SECONDS:-25}" LOAD_ROUNDS="${LOAD_ROUNDS:-2}"
export LOAD_MIN_REQUESTS="${LOAD_MIN_REQUESTS:-100000}" LOAD_HASH="${LOAD_HASH:-sha1}"
status=0
echo "start $(date -u '+%F %T') UTC, load $(cut -d' ' -f1-3 /proc/loadavg)"
run=0
for receiver in ${LOAD_ORDER:-paysign vendor vendor paysign java}; do
    run=$((run + 1)) log="$logs/run$run-$receiver.log"
    LOAD_RECEIVER="$receiver" bash "$here/smoke.sh" >"$log" 2>&1 || status=1
    grep -E '^(FAIL|workers RSS|load-smoke[a-z-]*:)' "$log" | sed "s/^/run $run $receiver: /"
    export PAYSIGN_SKIP_CARGO=1 # built once is enough
done
echo "end $(date -u '+%F %T') UTC, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| run | receiver | round | requests | requests so far | requests/s | p50 | p99 | RSS (both FPM workers, or the JVM) | load avg (1, 5, 15 min) |"
echo "|---|---|---|---:|---:|---:|---:|---:|---:|---|"
for i in $(seq "$run"); do sed -n "s/^round | /| $i | /p" "$logs"/run"$i"-*.log; done
exit $status
