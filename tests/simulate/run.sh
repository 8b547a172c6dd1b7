#!/usr/bin/env bash
# `paysign simulate` end to end (tests/simulate/e2e.py): the simulator and examples/php under
# `php -S` with the extension, both on 127.0.0.1, bounded in time, stopped at the end.
# Last line: "simulate: N passed, M failed".
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/paysign-simulate.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
if ! timeout 900 cargo build --release --quiet --bin paysign --lib; then
    echo "simulate: 0 passed, 1 failed"; exit 1
fi
if ! so=$(scripts/build-php-ext.sh "$tmp/ext"); then
    echo "simulate: 0 passed, 1 failed"; exit 1
fi
timeout 300 python3 tests/simulate/e2e.py "$root/target/release/paysign" "$so"
rc=$?
[ $rc -eq 124 ] && echo "simulate: 0 passed, 1 failed (timed out)"
exit $rc
