#!/usr/bin/env bash
# Builds tests/c/test_alipay.c (Alipay certificate SNs and responses) against include/paysign.h and the release static library
# ($CARGO_TARGET_DIR or target/) with -Wall -Wextra -Werror, runs it, then again under valgrind.
# Builds the release library first if needed.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
target=${CARGO_TARGET_DIR:-$root/target}
out=$root/target/ctest
mkdir -p "$out"
# The static library is a cargo build product (cargo test builds only the rlib).
(cd "$root" && cargo build --release --lib --quiet)
cc -std=c11 -Wall -Wextra -Werror -g -I"$root/include" "$root/tests/c/test_alipay.c" \
   "$target/release/libpaysign.a" -lpthread -ldl -lm -o "$out/test_alipay"
"$out/test_alipay" "$root/testdata/alipay"
if command -v valgrind >/dev/null; then
  valgrind --quiet --error-exitcode=3 --leak-check=full --errors-for-leak-kinds=definite,indirect \
    --show-leak-kinds=definite,indirect "$out/test_alipay" "$root/testdata/alipay" > "$out/valgrind-alipay.out"
  tail -n 1 "$out/valgrind-alipay.out" | sed 's/^c alipay:/c-alipay-valgrind:/'
else
  echo "valgrind not installed" >&2; exit 1
fi
