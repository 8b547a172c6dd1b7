#!/usr/bin/env bash
# Regenerates include/paysign.h from src/ffi with the pinned cbindgen.
# --check: fail if the committed header differs from a fresh one.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
want=0.29.4
have=$(cbindgen --version 2>/dev/null | awk '{print $2}')
if [ "$have" != "$want" ]; then
  echo "cbindgen $want is needed (found '${have:-none}'): cargo install cbindgen --version $want --locked" >&2
  exit 1
fi
cd "$root"
if [ "${1:-}" = "--check" ]; then
  tmp=$(mktemp)
  cbindgen --config cbindgen.toml --crate paysign --output "$tmp" 2>/dev/null
  if ! diff -u include/paysign.h "$tmp"; then
    echo "include/paysign.h is stale: run scripts/gen-header.sh and commit it" >&2
    rm -f "$tmp"; exit 1
  fi
  rm -f "$tmp"; echo "include/paysign.h is fresh"
else
  mkdir -p include
  cbindgen --config cbindgen.toml --crate paysign --output include/paysign.h 2>/dev/null
fi
