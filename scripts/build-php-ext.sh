#!/usr/bin/env bash
# Builds the PHP extension in a scratch copy of bindings/php (phpize, configure, make), linked
# statically against target/release/libpaysign.a, for the tests that run a real PHP merchant
# (tests/simulate, bench/load). Usage: scripts/build-php-ext.sh DIR; prints the path of paysign.so.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:?usage: build-php-ext.sh DIR}
mkdir -p "$dir"
cp -R "$root"/bindings/php/{config.m4,paysign.c,php_paysign.h,paysign_arginfo.h,paysign_legacy_arginfo.h} "$dir/"
if ! (cd "$dir" && timeout 300 sh -c "phpize && ./configure --with-paysign='$root' && make -j2") >"$dir/build.log" 2>&1; then
    tail -20 "$dir/build.log" >&2
    echo "build-php-ext.sh: the extension did not build (log: $dir/build.log)" >&2
    exit 1
fi
echo "$dir/modules/paysign.so"
