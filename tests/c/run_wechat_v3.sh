#!/usr/bin/env bash
# Builds tests/c/test_wechat_v3.c (WeChat Pay API v3) against include/paysign.h and the release static library
# ($CARGO_TARGET_DIR or target/) with -Wall -Wextra -Werror, runs it, then again under valgrind.
# Builds the release library first if needed.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
target=${CARGO_TARGET_DIR:-$root/target}
out=$root/target/ctest
mkdir -p "$out"
# The static library is a cargo build product (cargo test builds only the rlib).
(cd "$root" && cargo build --release --lib --quiet)
cc -std=c11 -Wall -Wextra -Werror -g -I"$root/include" "$root/tests/c/test_wechat_v3.c" \
   "$target/release/libpaysign.a" -lpthread -ldl -lm -o "$out/test_wechat_v3"
"$out/test_wechat_v3" "$root/testdata/wechat_v3"
if command -v valgrind >/dev/null; then
  valgrind --quiet --error-exitcode=3 --leak-check=full --errors-for-leak-kinds=definite,indirect \
    --show-leak-kinds=definite,indirect "$out/test_wechat_v3" "$root/testdata/wechat_v3" > "$out/valgrind-wechat-v3.out"
  tail -n 1 "$out/valgrind-wechat-v3.out" | sed 's/^c wechat-v3:/c-wechat-v3-valgrind:/'
else
  echo "valgrind not installed" >&2; exit 1
fi
