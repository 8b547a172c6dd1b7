#!/usr/bin/env bash
# The C ABI tests under AddressSanitizer + UndefinedBehaviorSanitizer (issue 5): test_abi.c on
# every shared vector (the lines file run.sh also generates), hostile.c (hostile input) and
# concurrency.c (8 threads, 100k calls, one shared key), each built with
# -fsanitize=address,undefined -fno-omit-frame-pointer against target/release/libpaysign.a.
# Any sanitizer report, any leak (detect_leaks=1) or any failed check fails the script.
# Prints "c-asan: ...", "c-hostile: ..." and "concurrency: N passed, M failed" (names without
# spaces or parentheses, as scripts/test-all.sh's count() greps them as regular expressions).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$root/target/ctest-asan
mkdir -p "$out"
cd "$root"
cargo build --release --lib --quiet
python3 "$root/tests/c/vectors_to_lines.py" "$root/testdata/vectors" > "$out/cases.txt"

cflags=(-std=c11 -Wall -Wextra -Werror -g -O1 -fsanitize=address,undefined -fno-omit-frame-pointer
        -fno-sanitize-recover=undefined -I"$root/include" -I"$root/tests/c")
libs=("$root/target/release/libpaysign.a" -lpthread -ldl -lm)
for t in test_abi hostile concurrency; do
  cc "${cflags[@]}" "$root/tests/c/$t.c" "${libs[@]}" -o "$out/$t"
done

export ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:abort_on_error=0:exitcode=23:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:exitcode=24
status=0
run() { # name command...: the log keeps the sanitizer's report, the summary line is printed
  local name=$1; shift
  if "$@" > "$out/$name.out" 2> "$out/$name.err"; then :; else
    echo "=== $name failed (exit $?): sanitizer report or failed checks follow" >&2
    cat "$out/$name.err" >&2
    status=1
  fi
  if grep -qE 'ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:' "$out/$name.err"; then
    echo "=== $name: sanitizer report" >&2
    cat "$out/$name.err" >&2
    status=1
  fi
}
run test_abi "$out/test_abi" "$out/cases.txt"
grep -E '^c: [0-9]+ passed' "$out/test_abi.out" | sed "s/^c:/c-asan:/" || { echo "c-asan: 0 passed, 1 failed"; status=1; }
run hostile "$out/hostile" "$root/testdata/vectors/keys"
tail -n 1 "$out/hostile.out"
run concurrency "$out/concurrency" "$root/testdata/vectors/keys"
cat "$out/concurrency.out"
exit $status
