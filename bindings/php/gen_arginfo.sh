#!/usr/bin/env bash
# Regenerate paysign_arginfo.h and paysign_legacy_arginfo.h from paysign.stub.php
# with PHP's own gen_stub.php (shipped in php-dev). Needed only after editing the stub;
# the generated headers are committed.
#
# gen_stub.php wants nikic/PHP-Parser next to itself and downloads it when missing.
# To work offline, this script runs a copy of gen_stub.php in a temporary folder and
# points it at Debian's php-parser package (apt-get install php-parser).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

gen_stub="${GEN_STUB:-}"
if [ -z "$gen_stub" ]; then
    gen_stub="$(php-config --extension-dir 2>/dev/null | sed 's,$,/build/gen_stub.php,')"
    [ -f "$gen_stub" ] || gen_stub="$(find /usr/lib/php /usr/local/lib/php -name gen_stub.php 2>/dev/null | head -n1 || true)"
fi
[ -f "$gen_stub" ] || { echo "gen_stub.php not found (install php-dev, or set GEN_STUB)" >&2; exit 1; }

version="$(sed -n 's/^ *\$version = "\([0-9.]*\)";/\1/p' "$gen_stub" | head -n1)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cp "$gen_stub" "$tmp/gen_stub.php"
if [ -d "$(dirname "$gen_stub")/PHP-Parser-$version" ]; then
    ln -s "$(dirname "$gen_stub")/PHP-Parser-$version" "$tmp/PHP-Parser-$version"
elif [ -d /usr/share/php/PhpParser ]; then
    mkdir -p "$tmp/PHP-Parser-$version/lib"
    ln -s /usr/share/php/PhpParser "$tmp/PHP-Parser-$version/lib/PhpParser"
else
    echo "nikic/PHP-Parser not found: apt-get install php-parser" >&2
    exit 1
fi

cd "$here"
php "$tmp/gen_stub.php" --force-regeneration paysign.stub.php
