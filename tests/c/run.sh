#!/usr/bin/env bash
# Builds tests/c/test_abi.c against include/paysign.h and target/release/libpaysign.a with
# -Wall -Wextra -Werror, runs it on every shared vector, then again under valgrind.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$root/target/ctest
mkdir -p "$out"
# The static library is a cargo build product (cargo test builds only the rlib).
(cd "$root" && cargo build --release --lib --quiet)
python3 "$root/tests/c/vectors_to_lines.py" "$root/testdata/vectors" > "$out/cases.txt"
cc -std=c11 -Wall -Wextra -Werror -g -I"$root/include" -I"$root/tests/c" "$root/tests/c/test_abi.c" \
   "$root/target/release/libpaysign.a" -lpthread -ldl -lm -o "$out/test_abi"
"$out/test_abi" "$out/cases.txt"
if command -v valgrind >/dev/null; then
  valgrind --quiet --error-exitcode=3 --leak-check=full --errors-for-leak-kinds=definite,indirect \
    --show-leak-kinds=definite,indirect "$out/test_abi" "$out/cases.txt" > "$out/valgrind.out"
  tail -n 1 "$out/valgrind.out" | sed 's/^c:/c-valgrind:/'
else
  echo "valgrind not installed" >&2; exit 1
fi
