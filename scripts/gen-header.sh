#!/usr/bin/env bash
# Regenerates include/paysign.h from src/ffi with the pinned cbindgen, with the version
# macros filled in from Cargo.toml.
# --check: fail if the committed header differs from a fresh one.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
want=0.29.4
have=$(cbindgen --version 2>/dev/null | awk '{print $2}')
if [ "$have" != "$want" ]; then
  echo "cbindgen $want is needed (found '${have:-none}'): scripts/setup.sh ci installs it" >&2
  exit 1
fi
cd "$root"
version=$(sed -n 's/^version *= *"\(.*\)"/\1/p' Cargo.toml | head -n1)
IFS=. read -r major minor patch <<<"${version%%[-+]*}"
generate() { # output file
  cbindgen --config cbindgen.toml --crate paysign --output "$1" 2>/dev/null
  sed -i "s/@VERSION@/$version/; s/@MAJOR@/$major/; s/@MINOR@/$minor/; s/@PATCH@/$patch/" "$1"
}
if [ "${1:-}" = "--check" ]; then
  tmp=$(mktemp)
  generate "$tmp"
  if ! diff -u include/paysign.h "$tmp"; then
    echo "include/paysign.h is stale: run scripts/gen-header.sh and commit it" >&2
    rm -f "$tmp"; exit 1
  fi
  rm -f "$tmp"; echo "include/paysign.h is fresh"
else
  mkdir -p include
  generate include/paysign.h
fi
