#!/usr/bin/env bash
# tests/c/run_fixtures.sh NAME: builds tests/c/test_NAME.c (alipay: certificate SNs and
# responses on testdata/alipay; wechat: refund decryption and JSAPI paySign on
# testdata/wechatpay) against include/paysign.h and the release static library
# ($CARGO_TARGET_DIR or target/) with -Wall -Wextra -Werror, runs it on its folder, then again
# under valgrind. Builds the release library first if needed.
set -euo pipefail
name=${1:?usage: run_fixtures.sh alipay|wechat}
case "$name" in
  alipay) data=alipay ;;
  wechat) data=wechatpay ;;
  *) echo "run_fixtures.sh: unknown test '$name' (alipay or wechat)" >&2; exit 2 ;;
esac
root=$(cd "$(dirname "$0")/../.." && pwd)
target=${CARGO_TARGET_DIR:-$root/target}
out=$root/target/ctest
mkdir -p "$out"
# The static library is a cargo build product (cargo test builds only the rlib).
(cd "$root" && cargo build --release --lib --quiet)
cc -std=c11 -Wall -Wextra -Werror -g -I"$root/include" "$root/tests/c/test_$name.c" \
   "$target/release/libpaysign.a" -lpthread -ldl -lm -o "$out/test_$name"
"$out/test_$name" "$root/testdata/$data"
if command -v valgrind >/dev/null; then
  valgrind --quiet --error-exitcode=3 --leak-check=full --errors-for-leak-kinds=definite,indirect \
    --show-leak-kinds=definite,indirect "$out/test_$name" "$root/testdata/$data" > "$out/valgrind-$name.out"
  tail -n 1 "$out/valgrind-$name.out" | sed "s/^c $name:/c-$name-valgrind:/"
else
  echo "valgrind not installed" >&2; exit 1
fi
