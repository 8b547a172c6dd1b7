#!/usr/bin/env bash
# Builds build/paysign.jar (classes + libpaysign_jni.so for this platform) and
# build/native/libpaysign_jni.so, from the static core library in <root>/target/release.
#
#   ./build.sh            core (cargo build --release, unless PAYSIGN_SKIP_CARGO=1) + JNI + jar
#
# Environment: JAVA_HOME (default: derived from javac), CC (default: gcc),
# PAYSIGN_LIB_DIR (default: <root>/target/release), PAYSIGN_SKIP_CARGO=1,
# PAYSIGN_STRIP=0 (keep the symbol table in libpaysign_jni.so; stripped it is ~1/3 the size).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
BUILD="$HERE/build"
CC="${CC:-gcc}"
LIB_DIR="${PAYSIGN_LIB_DIR:-$ROOT/target/release}"

if [ -z "${JAVA_HOME:-}" ]; then
    JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"
fi
for tool in javac jar; do
    command -v "$tool" >/dev/null || { echo "build.sh: $tool not found (install a JDK)" >&2; exit 1; }
done
[ -f "$JAVA_HOME/include/jni.h" ] || { echo "build.sh: no jni.h under JAVA_HOME=$JAVA_HOME" >&2; exit 1; }

if [ "${PAYSIGN_SKIP_CARGO:-0}" != 1 ]; then
    (cd "$ROOT" && cargo build --release --quiet)
fi
[ -f "$LIB_DIR/libpaysign.a" ] || { echo "build.sh: $LIB_DIR/libpaysign.a missing" >&2; exit 1; }
[ -f "$ROOT/include/paysign.h" ] || { echo "build.sh: $ROOT/include/paysign.h missing" >&2; exit 1; }

OS="$(uname -s | tr '[:upper:]' '[:lower:]')"
case "$(uname -m)" in
    x86_64|amd64) ARCH=x86_64 ;;
    aarch64|arm64) ARCH=aarch64 ;;
    i?86) ARCH=x86 ;;
    *) ARCH="$(uname -m)" ;;
esac
PLATFORM="$OS-$ARCH"

rm -rf "$BUILD/classes" "$BUILD/jni-include" "$BUILD/jar-native"
mkdir -p "$BUILD/classes" "$BUILD/jni-include" "$BUILD/native" "$BUILD/jar-native/native/$PLATFORM"

# 1. Java classes for Java 8, and the JNI header (checks the C prototypes against Native.java).
find "$HERE/src/main/java" -name '*.java' > "$BUILD/sources.txt"
javac --release 8 -Xlint:all -Xlint:-options -encoding UTF-8 \
    -d "$BUILD/classes" -h "$BUILD/jni-include" @"$BUILD/sources.txt"

# 2. The JNI library: the glue plus the whole static core in one self-contained .so that
#    exports only the JNI entry points (the core's paysign_* symbols stay private to it).
STRIP_FLAG=-s
[ "${PAYSIGN_STRIP:-1}" = 1 ] || STRIP_FLAG=
cat > "$BUILD/jni.map" <<'MAP'
{ global: Java_com_paysign_*; JNI_OnLoad; JNI_OnUnload; local: *; };
MAP
"$CC" -shared -fPIC -O2 -std=c99 -Wall -Wextra -Werror \
    -fvisibility=hidden \
    -I"$ROOT/include" -I"$BUILD/jni-include" \
    -I"$JAVA_HOME/include" -I"$JAVA_HOME/include/linux" \
    -o "$BUILD/native/libpaysign_jni.so" \
    "$HERE/native/paysign_jni.c" \
    "$LIB_DIR/libpaysign.a" \
    -Wl,--version-script="$BUILD/jni.map" -Wl,--gc-sections -Wl,-z,defs -Wl,-z,noexecstack $STRIP_FLAG \
    -lpthread -ldl -lm

# 3. The jar: classes + the library as a resource, and a Main-Class that prints the version.
cp "$BUILD/native/libpaysign_jni.so" "$BUILD/jar-native/native/$PLATFORM/"
VERSION="$(sed -n 's/^version *= *"\(.*\)"/\1/p' "$ROOT/Cargo.toml" | head -n1)"
cat > "$BUILD/MANIFEST.MF" <<MF
Main-Class: com.paysign.PaySign
Implementation-Title: paysign
Implementation-Version: $VERSION
Automatic-Module-Name: com.paysign
Enable-Native-Access: ALL-UNNAMED
MF
rm -f "$BUILD/paysign.jar"
jar --create --file "$BUILD/paysign.jar" --manifest "$BUILD/MANIFEST.MF" \
    -C "$BUILD/classes" . -C "$BUILD/jar-native" native
echo "build.sh: built $BUILD/paysign.jar ($PLATFORM, paysign $VERSION)"
