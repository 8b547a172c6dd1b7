#!/usr/bin/env bash
# paysign against what it replaces, one run on one machine, ratios printed:
#   Core  every MD5/HMAC sign vector against a bare digest of its sign string
#         (examples/digest_ratio; the target is at most 1.5x);
#   C     RSA-2048 PKCS#1 v1.5 sign/verify (SHA-256, SHA-1) and an MD5 request sign through
#         the C ABI (libpaysign.a) against the OpenSSL library (libcrypto) on the same input;
#   PHP   the paysign extension against vendor-style PHP (string building + md5() /
#         openssl_sign() / openssl_verify());
#   Java  the paysign wrapper against java.security.MessageDigest / Signature;
#   .NET  the paysign wrapper against MD5 / RSACryptoServiceProvider on Mono.
# Then per language the whole request path (issue 12; bench/*/request_path.php, RequestPath.*):
# a checkout page (load the .pfx + build + sign + render) and a notify handler (raw body + load
# the certificate + verify + reply), paysign against the vendor demo's style, per request.
# Every side checks that it computes the same signature as the other before it is timed.
#
#   bench/compare.sh [--no-build] [CARGO FEATURE ARGS...]
#
#   --no-build   use the core in target/release and the wrappers as they are built now
#                (bindings/java/build, bindings/dotnet/build, $PAYSIGN_PHP_EXTENSION). By
#                default the script builds the core (cargo build --release) and then each
#                wrapper with its own script (bindings/php/test.sh with KEEP_BUILD=1,
#                bindings/java/build.sh, bindings/dotnet/test.sh) in a scratch copy under
#                target/bench-compare, so that all of them use the core this run measures and
#                bindings/*/build is left alone.
#   CARGO FEATURE ARGS  passed to cargo build, e.g. --no-default-features for the pure-Rust
#                RSA backend.
#
# Needs cargo, cc, python3 and the OpenSSL headers (Debian: apt-get install libssl-dev).
# A language whose tools or wrapper are missing is skipped, and the script says so.
# Raw output: target/bench-compare/results.txt. Takes about 5 minutes plus wrapper builds.
# CARGO_TARGET_DIR is honoured (the wrappers are then built against $CARGO_TARGET_DIR/release).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
build=1
cargo_args=()
for a in "$@"; do
  case "$a" in
    --no-build) build=0 ;;
    -h|--help) sed -n '2,31p' "$0"; exit 0 ;;
    *) cargo_args+=("$a") ;;
  esac
done
tdir=${CARGO_TARGET_DIR:-$root/target}
lib=$tdir/release
work=$tdir/bench-compare
keys=$root/testdata/vectors/keys
rm -rf "$work"
mkdir -p "$work"
results=$work/results.txt
: > "$results"
say() { echo "$@" | tee -a "$results"; }

say "== machine"
say "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
say "cpu: $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -n1), $(nproc) cores; $(uname -srm)"
say "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
say "rustc: $(rustc --version)"
say "openssl: $(openssl version 2>/dev/null || echo '?')"
say "cargo args: ${cargo_args[*]:-(default features)}"

if [ "$build" = 1 ]; then
  cargo build --release --quiet --lib --bin paysign "${cargo_args[@]}"
fi
[ -f "$lib/libpaysign.a" ] || { echo "compare.sh: $lib/libpaysign.a is missing" >&2; exit 1; }

# Inputs: the shared vectors' 99bill requests, and a notification signed by the paysign CLI.
python3 bench/inputs.py testdata/vectors "$work"
"$lib/paysign" sign 99bill.pay.notify --form "$work/notify_unsigned.form" \
  --key "$keys/99bill_10012140356.pem" --options hash=sha256 --output form > "$work/notify.form"
python3 bench/inputs.py --tsv "$work/notify.form" "$work/notify.tsv"

skip() { say ""; say "== $1: skipped: $2"; }

# ratio NAME BASE_FILE BASE_LABEL PAYSIGN_FILE: one line per operation, "paysign / base".
ratio() {
  say ""
  say "== $1 (ns per operation; ratio = paysign / $3; below 1 means paysign is faster)"
  awk -v base="$3" '
    FNR == NR { b[$1] = $2; next }
    ($1 in b) { printf "%-20s %s %10.0f   paysign %10.0f   ratio %5.2f\n", $1, base, b[$1], $2, $2 / b[$1] }
  ' "$2" "$4" | tee -a "$results"
}

# ---- Core: MD5/HMAC signing against a bare digest of the same sign string ------------------
if [ "$build" = 1 ]; then
  cargo build --release --quiet --example digest_ratio "${cargo_args[@]}"
fi
if [ -x "$lib/examples/digest_ratio" ]; then
  say ""
  say "== Core: every MD5/HMAC sign vector vs a bare digest of its sign string, hex included (target: ratio <= 1.5)"
  "$lib/examples/digest_ratio" | tee -a "$results"
else
  skip "Core digest ratios" "examples/digest_ratio is not built (cargo build --release --example digest_ratio)"
fi

# ---- C: libcrypto against libpaysign.a -------------------------------------------------------
if [ -f /usr/include/openssl/evp.h ] || pkg-config --exists libcrypto 2>/dev/null; then
  cc -O2 -std=c11 -Wall -Wextra -o "$work/rsa_openssl" bench/rsa_openssl.c -lcrypto
  cc -O2 -std=c11 -Wall -Wextra -Iinclude -o "$work/rsa_paysign" bench/rsa_paysign.c \
    "$lib/libpaysign.a" -lpthread -ldl -lm
  "$work/rsa_openssl" "$work/sign_string.txt" "$work/md5_sign_string.txt" \
    "$keys/99bill_10012140356.pem" "$keys/99bill_10012140356_cert.pem" > "$work/c-openssl.txt"
  "$work/rsa_paysign" "$work/request.form" "$work/md5_request.form" "$(cat "$work/md5_secret.txt")" \
    "$keys/99bill_10012140356.pem" "$keys/99bill_10012140356_cert.pem" > "$work/c-paysign.txt"
  for h in sha256 sha1; do
    if [ "$(grep "^sig-$h " "$work/c-openssl.txt")" != "$(grep "^sig-$h " "$work/c-paysign.txt")" ]; then
      echo "compare.sh: OpenSSL and paysign give different $h signatures" >&2
      exit 1
    fi
  done
  grep -v '^sig-' "$work/c-openssl.txt" > "$work/c-openssl.ns"
  grep -v '^sig-' "$work/c-paysign.txt" > "$work/c-paysign.ns"
  ratio "C: OpenSSL $(openssl version | awk '{print $2}') libcrypto vs paysign C ABI" \
    "$work/c-openssl.ns" openssl "$work/c-paysign.ns"
else
  say ""
  say "== C: skipped: no OpenSSL headers (apt-get install libssl-dev)"
fi

# lang_ratio NAME FILE: lines "<op> vendor|paysign <ns>" to the ratio table.
lang_ratio() {
  awk '$2 == "vendor" { print $1, $3 }' "$2" > "$2.vendor"
  awk '$2 == "paysign" { print $1, $3 }' "$2" > "$2.paysign"
  ratio "$1" "$2.vendor" vendor "$2.paysign"
}

# The wrappers are built by their own scripts in a scratch tree: copies of bindings/*, links
# to everything else, and target/release -> the core built above.
shadow=$work/root
jar=bindings/java/build/paysign.jar
jni=bindings/java/build/native/libpaysign_jni.so
dll=bindings/dotnet/build/PaySign.dll
if [ "$build" = 1 ]; then
  mkdir -p "$shadow/bindings" "$shadow/target"
  for f in Cargo.toml include testdata examples; do ln -s "$root/$f" "$shadow/$f"; done
  ln -s "$lib" "$shadow/target/release"
  for lang in php java dotnet; do
    [ -d "bindings/$lang" ] && cp -R "bindings/$lang" "$shadow/bindings/$lang" && rm -rf "$shadow/bindings/$lang/build"
  done
  jar=$shadow/$jar jni=$shadow/$jni dll=$shadow/$dll
fi

# ---- PHP --------------------------------------------------------------------------------------
php_ext=${PAYSIGN_PHP_EXTENSION:-}
php_build=
if ! command -v php >/dev/null; then
  skip PHP "php not installed (apt-get install php-cli php-dev)"
else
  if [ "$build" = 1 ] && [ -z "$php_ext" ] && [ -x "$shadow/bindings/php/test.sh" ] && command -v phpize >/dev/null; then
    KEEP_BUILD=1 PAYSIGN_SKIP_CARGO=1 "$shadow/bindings/php/test.sh" > "$work/php-build.log" 2>&1 || true
    php_build=$(sed -n 's/^build folder: //p' "$work/php-build.log" | head -n1)
    [ -n "$php_build" ] && [ -f "$php_build/modules/paysign.so" ] && php_ext=$php_build/modules/paysign.so
  fi
  if [ -z "$php_ext" ] || [ ! -f "$php_ext" ]; then
    skip PHP "the extension is not built (bindings/php/test.sh; or set PAYSIGN_PHP_EXTENSION)"
  elif php -d extension="$php_ext" bench/php/bench.php "$work" "$keys" > "$work/php.txt" 2> "$work/php.err"; then
    lang_ratio "PHP $(php -r 'echo PHP_VERSION;'): vendor-style PHP vs the paysign extension" "$work/php.txt"
  else
    skip PHP "bench/php/bench.php failed: $(head -c 300 "$work/php.err")"
  fi
  # OpenSSL 3 reads the sandbox kit's RC2 .pfx only with the legacy provider.
  if [ -n "$php_ext" ] && [ -f "$php_ext" ]; then
    if OPENSSL_CONF="$root/bench/php/openssl-legacy.cnf" php -d extension="$php_ext" \
        bench/php/request_path.php "$work" "$keys" > "$work/php-path.txt" 2> "$work/php-path.err"; then
      lang_ratio "PHP request path: 99bill demo style (openssl_pkcs12_read per request) vs paysign (key cache on; *-nocache: paysign.key_cache=Off)" \
        "$work/php-path.txt"
    else
      skip "PHP request path" "bench/php/request_path.php failed: $(head -c 300 "$work/php-path.err")"
    fi
  fi
  if [ -n "$php_build" ]; then rm -rf "$php_build"; fi
fi

# ---- Java -------------------------------------------------------------------------------------
if ! command -v javac >/dev/null; then
  skip Java "no JDK (javac) installed"
else
  if [ "$build" = 1 ] && [ -x "$shadow/bindings/java/build.sh" ]; then
    PAYSIGN_SKIP_CARGO=1 "$shadow/bindings/java/build.sh" > "$work/java-build.log" 2>&1 || rm -f "$jar"
  fi
  if [ ! -f "$jar" ] || [ ! -f "$jni" ]; then
    skip Java "the wrapper is not built (bindings/java/build.sh)"
  elif javac -nowarn -cp "$jar" -d "$work/java" bench/java/Bench.java 2> "$work/java.err" \
    && java -cp "$jar:$work/java" -Dpaysign.library.path="$(readlink -f "$jni")" Bench "$work" "$keys" \
      > "$work/java.txt" 2>> "$work/java.err"; then
    lang_ratio "Java $(java -version 2>&1 | head -n1 | cut -d'"' -f2): java.security vs the paysign wrapper" "$work/java.txt"
  else
    skip Java "bench/java/Bench.java failed: $(head -c 300 "$work/java.err")"
  fi
  if [ -f "$work/java/Bench.class" ]; then
    if javac -nowarn -cp "$jar:$work/java" -d "$work/java" bench/java/RequestPath.java 2> "$work/java-path.err" \
      && java -cp "$jar:$work/java" -Dpaysign.library.path="$(readlink -f "$jni")" RequestPath "$work" "$keys" \
        > "$work/java-path.txt" 2>> "$work/java-path.err"; then
      lang_ratio "Java request path: KeyStore PKCS12 + Signature vs paysign (key loaded per request; *-longlived: once, both sides)" \
        "$work/java-path.txt"
    else
      skip "Java request path" "bench/java/RequestPath.java failed: $(head -c 300 "$work/java-path.err")"
    fi
  fi
fi

# ---- .NET (Mono) ------------------------------------------------------------------------------
if ! command -v mcs >/dev/null || ! command -v mono >/dev/null; then
  skip .NET "Mono not installed (apt-get install mono-mcs mono-devel)"
else
  if [ "$build" = 1 ] && [ -x "$shadow/bindings/dotnet/test.sh" ]; then
    PAYSIGN_SKIP_CARGO=1 "$shadow/bindings/dotnet/test.sh" > "$work/dotnet-build.log" 2>&1 || true
  fi
  if [ ! -f "$dll" ]; then
    skip .NET "the wrapper is not built (bindings/dotnet/test.sh)"
  else
    mkdir -p "$work/dotnet"
    cp "$dll" "$lib/libpaysign.so" "$work/dotnet/"
    if mcs -nologo -r:"$work/dotnet/PaySign.dll" -out:"$work/dotnet/Bench.exe" bench/dotnet/Bench.cs \
        > "$work/dotnet.err" 2>&1 \
      && LD_LIBRARY_PATH="$work/dotnet" mono "$work/dotnet/Bench.exe" "$work" "$keys" \
        > "$work/dotnet.txt" 2>> "$work/dotnet.err"; then
      lang_ratio ".NET: Mono $(mono --version | head -n1 | awk '{print $5}') MD5/RSACryptoServiceProvider vs the paysign wrapper" \
        "$work/dotnet.txt"
    else
      skip .NET "bench/dotnet/Bench.cs failed: $(head -c 300 "$work/dotnet.err")"
    fi
    if mcs -nologo -r:"$work/dotnet/PaySign.dll" -r:System.Web.dll -main:RequestPath \
        -out:"$work/dotnet/RequestPath.exe" bench/dotnet/Bench.cs bench/dotnet/RequestPath.cs > "$work/dotnet-path.err" 2>&1 \
      && LD_LIBRARY_PATH="$work/dotnet" mono "$work/dotnet/RequestPath.exe" "$work" "$keys" \
        > "$work/dotnet-path.txt" 2>> "$work/dotnet-path.err"; then
      lang_ratio ".NET request path: X509Certificate2 + RSACryptoServiceProvider vs paysign (key loaded per request; *-longlived: once, both sides)" \
        "$work/dotnet-path.txt"
    else
      skip ".NET request path" "bench/dotnet/RequestPath.cs failed: $(head -c 300 "$work/dotnet-path.err")"
    fi
  fi
fi

say ""
say "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "raw numbers: $results and $work/*.txt"
