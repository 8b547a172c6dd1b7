#!/usr/bin/env bash
# run_suite.sh NAME [ARG...]: builds tests/c/test_NAME.c against include/paysign.h and the
# release static library ($CARGO_TARGET_DIR or target/) with -Wall -Wextra -Werror, runs it
# with ARGs, then again under valgrind. The test prints "c LABEL: N passed, M failed" last
# (LABEL = NAME with '_' as '-'); the valgrind run's line is relabelled "c-LABEL-valgrind:".
# Builds the release library first if needed.
set -euo pipefail
name=$1; shift
label=${name//_/-}
root=$(cd "$(dirname "$0")/../.." && pwd)
target=${CARGO_TARGET_DIR:-$root/target}
out=$root/target/ctest
mkdir -p "$out"
# The static library is a cargo build product (cargo test builds only the rlib).
(cd "$root" && cargo build --release --lib --quiet)
cc -std=c11 -Wall -Wextra -Werror -g -I"$root/include" -I"$root/tests/c" "$root/tests/c/test_$name.c" \
   "$target/release/libpaysign.a" -lpthread -ldl -lm -o "$out/test_$name"
"$out/test_$name" "$@"
if command -v valgrind >/dev/null; then
  valgrind --quiet --error-exitcode=3 --leak-check=full --errors-for-leak-kinds=definite,indirect \
    --show-leak-kinds=definite,indirect "$out/test_$name" "$@" > "$out/valgrind-$label.out"
  tail -n 1 "$out/valgrind-$label.out" | sed "s/^c $label:/c-$label-valgrind:/"
else
  echo "valgrind not installed" >&2; exit 1
fi
