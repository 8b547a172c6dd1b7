#!/usr/bin/env bash
# Builds tests/c/test_wechat.c (WeChat Pay v2 refund decryption, JSAPI paySign) against include/paysign.h and the release static library
# ($CARGO_TARGET_DIR or target/) with -Wall -Wextra -Werror, runs it, then again under valgrind.
# Builds the release library first if needed.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
target=${CARGO_TARGET_DIR:-$root/target}
out=$root/target/ctest
mkdir -p "$out"
# The static library is a cargo build product (cargo test builds only the rlib).
(cd "$root" && cargo build --release --lib --quiet)
cc -std=c11 -Wall -Wextra -Werror -g -I"$root/include" "$root/tests/c/test_wechat.c" \
   "$target/release/libpaysign.a" -lpthread -ldl -lm -o "$out/test_wechat"
"$out/test_wechat" "$root/testdata/wechatpay"
if command -v valgrind >/dev/null; then
  valgrind --quiet --error-exitcode=3 --leak-check=full --errors-for-leak-kinds=definite,indirect \
    --show-leak-kinds=definite,indirect "$out/test_wechat" "$root/testdata/wechatpay" > "$out/valgrind-wechat.out"
  tail -n 1 "$out/valgrind-wechat.out" | sed 's/^c wechat:/c-wechat-valgrind:/'
else
  echo "valgrind not installed" >&2; exit 1
fi
