#!/usr/bin/env bash
# Build the paysign PHP extension against this tree and run its tests:
#   cargo build --release (libpaysign.a), then in a scratch copy of bindings/php:
#   phpize && ./configure --with-paysign=<repo> && make && make test,
#   then the examples in examples/php.
# Needs the Debian packages php-dev and php-cli (and cargo). No network access.
# The last line is "php: N passed, M failed" (N = .phpt files + example checks).
#
# Environment: PAYSIGN_SKIP_CARGO=1 skips the cargo build; PAYSIGN_TEST_ROOT=DIR builds
# against another tree (include/, target/release/, testdata/, examples/); KEEP_BUILD=1 keeps the
# scratch build folder (its path is printed); PHP_TEST_ARGS adds run-tests.php options.
#
# --valgrind (or PAYSIGN_PHP_VALGRIND=1): the .phpt suite only, each test under valgrind
# memcheck (run-tests.php -m, which sets USE_ZEND_ALLOC=0), failing on any valgrind error and on
# any definite or indirect leak; suppressions only from valgrind.supp beside this script.
# The last line is then "php-valgrind: N passed, M failed".
set -euo pipefail

valgrind_mode="${PAYSIGN_PHP_VALGRIND:-0}"
for arg in "$@"; do
    case "$arg" in
        --valgrind) valgrind_mode=1 ;;
        *) echo "test.sh: unknown argument $arg (only --valgrind)" >&2; exit 2 ;;
    esac
done
label=php
[ "$valgrind_mode" = 1 ] && label=php-valgrind

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="${PAYSIGN_TEST_ROOT:-$(cd "$here/../.." && pwd)}"

finish() { # passed failed
    echo "$label: $1 passed, $2 failed"
    if [ "$2" -ne 0 ] || [ "$1" -eq 0 ]; then exit 1; fi
    exit 0
}

tools="phpize php-config php"
[ "$valgrind_mode" = 1 ] && tools="$tools valgrind"
for tool in $tools; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "test.sh: $tool not found; install the Debian packages php-dev and php-cli (and valgrind)" >&2
        finish 0 1
    fi
done
php_bin="$(php-config --php-binary 2>/dev/null || command -v php)"
[ -x "$php_bin" ] || php_bin="$(command -v php)"

if [ "${PAYSIGN_SKIP_CARGO:-0}" != 1 ]; then
    (cd "$root" && cargo build --release --lib --quiet)
fi
if [ ! -f "$root/include/paysign.h" ] || [ ! -f "$root/target/release/libpaysign.a" ]; then
    echo "test.sh: $root/include/paysign.h or target/release/libpaysign.a is missing" >&2
    finish 0 1
fi

# Build in a scratch copy: phpize writes dozens of files next to the sources.
build="$(mktemp -d "${TMPDIR:-/tmp}/paysign-php.XXXXXX")"
if [ "${KEEP_BUILD:-0}" = 1 ]; then
    echo "build folder: $build"
else
    trap 'rm -rf "$build"' EXIT
fi
cp -R "$here/config.m4" "$here/config.w32" "$here/paysign.c" "$here/php_paysign.h" \
      "$here/paysign_arginfo.h" "$here/paysign_legacy_arginfo.h" "$here/paysign.stub.php" \
      "$here/tests" "$build/"

step() { # name command...: run quietly, show the log on failure
    local name="$1"; shift
    if ! "$@" >"$build/$name.log" 2>&1; then
        cat "$build/$name.log" >&2
        echo "test.sh: $name failed" >&2
        finish 0 1
    fi
}
cd "$build"
echo "php $("$php_bin" -r 'echo PHP_VERSION, PHP_ZTS ? " ZTS" : " NTS";'), phpize $(php-config --phpapi 2>/dev/null || true)"
step phpize phpize
step configure ./configure --with-paysign="$root"
step make make -j"$(nproc 2>/dev/null || echo 2)"
grep -E 'warning:' "$build/make.log" >&2 || true
so="$build/modules/paysign.so"
[ -f "$so" ] || { echo "test.sh: $so was not built" >&2; finish 0 1; }

# One extension file, linked statically: paysign.so must not need libpaysign.so.
if command -v ldd >/dev/null 2>&1 && ldd "$so" | grep -q 'libpaysign'; then
    echo "test.sh: paysign.so links libpaysign.so dynamically" >&2
    finish 0 1
fi

# The .phpt tests, through run-tests.php (make test), non-interactively.
export PAYSIGN_ROOT="$root"
run_args="--show-diff ${PHP_TEST_ARGS:-}"
if [ "$valgrind_mode" = 1 ]; then
    # run-tests.php -m runs `valgrind -q --log-file=X.mem` with USE_ZEND_ALLOC=0 and counts a
    # test whose X.mem is not empty as leaked; these options make definite and indirect leaks
    # show up there. One worker per core: valgrind is slow.
    export VALGRIND_OPTS="--leak-check=full --show-leak-kinds=definite,indirect
        --errors-for-leak-kinds=definite,indirect --num-callers=40 --suppressions=$here/valgrind.supp"
    run_args="$run_args -m -j$(nproc 2>/dev/null || echo 2)"
    echo "valgrind $(valgrind --version)"
fi
rc=0
NO_INTERACTION=1 REPORT_EXIT_STATUS=1 \
    make test TESTS="$run_args $build/tests" >"$build/make-test.log" 2>&1 || rc=$?
# run-tests.php colours its output in PHP 8; strip the escapes before reading it
sed -i 's/\x1b\[[0-9;]*m//g' "$build/make-test.log"
grep -E '^TEST [0-9]+/[0-9]+ ' "$build/make-test.log" | sed 's/^TEST [0-9]*\/[0-9]* \[[^]]*\]//; s/ \[[^]]*\] *$//' || true
sed -n '/^Number of tests/,/^Tests passed/p' "$build/make-test.log"
count() { # the number on run-tests' summary line "Tests <what> : N"
    local n
    n="$(awk -v w="$1" '$1 == "Tests" && $2 == w && $3 == ":" { print $4; exit }' "$build/make-test.log")"
    echo "${n:-0}"
}
phpt_passed="$(count passed)"
phpt_failed=$(( $(count failed) + $(count borked) + $(count leaked) + $(count warned) + $(count skipped) ))
if [ "$rc" -ne 0 ] && [ "$phpt_failed" -eq 0 ]; then
    tail -n 40 "$build/make-test.log" >&2
    phpt_failed=1
fi
if [ "$phpt_failed" -ne 0 ]; then
    for d in "$build"/tests/*.diff "$build"/tests/*.mem; do
        [ -f "$d" ] && { echo "--- $d"; cat "$d"; }
    done
fi
if [ "$valgrind_mode" = 1 ]; then
    finish "$phpt_passed" "$phpt_failed"
fi

# The shared vectors once more on the command line, to show the count.
"$php_bin" -n -d extension="$so" "$build/tests/vectors.inc" | tail -n 1 || true

# The examples (examples/php), run the way php-cli runs them.
ex_out="$("$php_bin" -n -d extension="$so" "$build/tests/examples.inc" "$php_bin" "$so" "$root" 2>&1)" || true
echo "$ex_out"
ex_passed="$(echo "$ex_out" | sed -n 's/^examples: \([0-9]*\) passed, \([0-9]*\) failed$/\1/p')"
ex_failed="$(echo "$ex_out" | sed -n 's/^examples: \([0-9]*\) passed, \([0-9]*\) failed$/\2/p')"
[ -n "$ex_passed" ] || { ex_passed=0; ex_failed=1; }

finish $(( phpt_passed + ex_passed )) $(( phpt_failed + ex_failed ))
