#!/usr/bin/env bash
# Builds the release bundles a merchant installs, from this tree, into dist/:
#
#   paysign-V-linux-ARCH.tar.gz            bin/paysign, lib/libpaysign.so (SONAME, links),
#                                          lib/libpaysign.a, include/paysign.h,
#                                          lib/pkgconfig/paysign.pc, LICENSE-*, README, SHA256SUMS
#   paysign-V-php-X.Y-nts|zts-linux-ARCH.tar.gz
#                                          paysign.so for this machine's PHP, paysign.ini, README
#   paysign-V.jar, paysign-V-sources.jar, paysign-V.pom
#                                          the JNI library inside the jar, as bindings/java builds it
#   PaySign.V/ and PaySign.V.nupkg         the NuGet layout: PaySign.nuspec, lib/net45/PaySign.dll
#                                          (+ .dll.config for Mono), runtimes/linux-x64/native/
#   SHA256SUMS                             of everything above
#
# V is Cargo.toml's version. Needs what scripts/setup.sh installs. tests/bundle/run.sh unpacks
# these outside the tree and uses them as a merchant would.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export LC_ALL=C

version=$(sed -n 's/^version *= *"\(.*\)"/\1/p' Cargo.toml | head -n1)
major=${version%%.*}; rest=${version#*.}; minor=${rest%%.*}
if [ "$major" = 0 ]; then abi="0.$minor"; else abi=$major; fi   # the SONAME's suffix (build.rs)
case "$(uname -m)" in
  x86_64|amd64) arch=x86_64; rid=linux-x64 ;;
  aarch64|arm64) arch=aarch64; rid=linux-arm64 ;;
  *) arch=$(uname -m); rid=linux-$arch ;;
esac
dist=$root/dist
stage=$root/target/package
rm -rf "$dist" "$stage"
mkdir -p "$dist" "$stage"

say() { echo "package.sh: $*"; }

# ---- the core: C library, header, CLI ----------------------------------------------------------
cargo build --release --quiet --lib --bin paysign
core=paysign-$version-linux-$arch
c=$stage/$core
mkdir -p "$c/bin" "$c/lib/pkgconfig" "$c/include"
install -m 755 target/release/paysign "$c/bin/paysign"
strip "$c/bin/paysign"
install -m 755 target/release/libpaysign.so "$c/lib/libpaysign.so.$version"
strip --strip-unneeded "$c/lib/libpaysign.so.$version"
ln -s "libpaysign.so.$version" "$c/lib/libpaysign.so.$abi"
ln -s "libpaysign.so.$abi" "$c/lib/libpaysign.so"
install -m 644 target/release/libpaysign.a "$c/lib/libpaysign.a"
install -m 644 include/paysign.h "$c/include/paysign.h"
install -m 644 LICENSE-MIT LICENSE-APACHE "$c/"
cat > "$c/lib/pkgconfig/paysign.pc" <<EOF
# Relocatable: the prefix is found from this file's own place.
prefix=\${pcfiledir}/../..
libdir=\${prefix}/lib
includedir=\${prefix}/include

Name: paysign
Description: Sign strings, signatures and notification checks for Chinese payment gateways
Version: $version
Libs: -L\${libdir} -lpaysign
Libs.private: -lpthread -ldl -lm
Cflags: -I\${includedir}
EOF
cat > "$c/README" <<EOF
paysign $version for Linux $arch (glibc)

Install (here /opt/paysign; any prefix works, the .pc file is relocatable):
  tar -xzf $core.tar.gz && sudo cp -a $core /opt/paysign
  echo /opt/paysign/lib | sudo tee /etc/ld.so.conf.d/paysign.conf && sudo ldconfig

Link:
  cc app.c \$(PKG_CONFIG_PATH=/opt/paysign/lib/pkgconfig pkg-config --cflags --libs paysign)
  static: cc app.c -I/opt/paysign/include /opt/paysign/lib/libpaysign.a -lpthread -ldl -lm

The shared library's SONAME is libpaysign.so.$abi. bin/paysign is the CLI:
  bin/paysign demo; bin/paysign profiles; bin/paysign verify --help
Verify notifications with paysign_verify_body on the raw body; see include/paysign.h.
PHP, Java and .NET packages are separate files beside this one. License: MIT OR Apache-2.0.
EOF
(cd "$c" && find . -type f ! -name SHA256SUMS | sort | sed 's|^\./||' | xargs sha256sum > SHA256SUMS)
tar -C "$stage" --owner=0 --group=0 --numeric-owner -czf "$dist/$core.tar.gz" "$core"
say "built $core.tar.gz"

# ---- PHP: the extension for this machine's PHP ------------------------------------------------
php_ver=$(php -r 'echo PHP_MAJOR_VERSION, ".", PHP_MINOR_VERSION;')
php_ts=$(php -r 'echo PHP_ZTS ? "zts" : "nts";')
php_api=$(php-config --phpapi)
php_pkg=paysign-$version-php-$php_ver-$php_ts-linux-$arch
pb=$stage/php-build
mkdir -p "$pb"
cp bindings/php/config.m4 bindings/php/config.w32 bindings/php/paysign.c bindings/php/php_paysign.h \
   bindings/php/paysign_arginfo.h bindings/php/paysign_legacy_arginfo.h "$pb/"
(cd "$pb" && phpize >phpize.log 2>&1 && ./configure --with-paysign="$root" >configure.log 2>&1 \
   && make -j"$(nproc)" >make.log 2>&1) || { cat "$pb"/*.log >&2; echo "package.sh: the PHP build failed" >&2; exit 1; }
p=$stage/$php_pkg
mkdir -p "$p"
install -m 755 "$pb/modules/paysign.so" "$p/paysign.so"
strip --strip-unneeded "$p/paysign.so"
cat > "$p/paysign.ini" <<EOF
; paysign $version for PHP $php_ver $php_ts (module API $php_api)
extension=paysign
EOF
cat > "$p/README" <<EOF
paysign $version PHP extension, built for PHP $php_ver ($php_ts, module API $php_api), Linux $arch.
PHP refuses it at startup, naming the API numbers, if yours differs: php -v and php-config --phpapi.

Install (Debian/Ubuntu):
  sudo cp paysign.so "\$(php-config --extension-dir)/"
  sudo cp paysign.ini /etc/php/$php_ver/mods-available/paysign.ini && sudo phpenmod paysign
  php -r 'echo phpversion("paysign"), "\n";'     # $version; then restart php-fpm / apache
Elsewhere: copy paysign.so into the extension directory and add extension=paysign to php.ini.
The core is linked in: nothing else to install. License: MIT OR Apache-2.0.
EOF
install -m 644 LICENSE-MIT LICENSE-APACHE "$p/"
(cd "$p" && sha256sum paysign.so paysign.ini README LICENSE-MIT LICENSE-APACHE > SHA256SUMS)
tar -C "$stage" --owner=0 --group=0 --numeric-owner -czf "$dist/$php_pkg.tar.gz" "$php_pkg"
say "built $php_pkg.tar.gz"

# ---- Java: the jar with the JNI library inside, its sources and POM -----------------------------
PAYSIGN_SKIP_CARGO=1 bindings/java/build.sh >/dev/null
jb=$stage/java
mkdir -p "$jb/meta/META-INF/maven/com.paysign/paysign"
cp bindings/java/pom.xml "$jb/meta/META-INF/maven/com.paysign/paysign/pom.xml"
printf 'groupId=com.paysign\nartifactId=paysign\nversion=%s\n' "$version" \
  > "$jb/meta/META-INF/maven/com.paysign/paysign/pom.properties"
cp bindings/java/build/paysign.jar "$dist/paysign-$version.jar"
jar --update --file "$dist/paysign-$version.jar" -C "$jb/meta" META-INF
jar --create --file "$dist/paysign-$version-sources.jar" -C bindings/java/src/main/java . \
    -C bindings/java native -C "$jb/meta" META-INF
cp bindings/java/pom.xml "$dist/paysign-$version.pom"
say "built paysign-$version.jar, -sources.jar, .pom"

# ---- .NET: the NuGet package layout ---------------------------------------------------------------
# mcs builds against the .NET Framework 4.5 reference assemblies: the DLL runs on .NET Framework
# 4.5+ (IIS) and Mono, so it goes in lib/net45/. A netstandard2.0 build needs the .NET SDK
# (docs/building.md).
n=$stage/PaySign.$version
api=/usr/lib/mono/4.5-api
mkdir -p "$n/lib/net45" "$n/runtimes/$rid/native"
mcs -langversion:7.2 -nologo -warnaserror+ -nowarn:1591 -optimize+ -nostdlib -noconfig \
    -r:$api/mscorlib.dll -r:$api/System.dll -r:$api/System.Core.dll \
    -target:library -doc:"$n/lib/net45/PaySign.xml" -out:"$n/lib/net45/PaySign.dll" bindings/dotnet/src/*.cs
cat > "$n/lib/net45/PaySign.dll.config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<!-- Mono only: where DllImport("paysign") finds the native library inside this package.
     Beside PaySign.dll, or on the library path, it is found without this file. -->
<configuration>
  <dllmap dll="paysign" os="linux" cpu="x86-64" target="../../runtimes/linux-x64/native/libpaysign.so" />
  <dllmap dll="paysign" os="linux" cpu="arm64" target="../../runtimes/linux-arm64/native/libpaysign.so" />
</configuration>
EOF
install -m 755 "$c/lib/libpaysign.so.$version" "$n/runtimes/$rid/native/libpaysign.so"
install -m 644 LICENSE-MIT LICENSE-APACHE "$n/"
cat > "$n/PaySign.nuspec" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
  <metadata>
    <id>PaySign</id>
    <version>$version</version>
    <authors>the paysign developers</authors>
    <license type="expression">MIT OR Apache-2.0</license>
    <description>Signatures, sign strings and notification checks for Chinese payment gateways (99bill, WeChat Pay, Alipay, ChinaBank, Dinpay, Allinpay, YeePay): a P/Invoke wrapper over the paysign native library.</description>
    <tags>payment 99bill wechatpay alipay signature</tags>
  </metadata>
</package>
EOF
python3 - "$n" "$dist/PaySign.$version.nupkg" <<'EOF'
# A .nupkg is a zip (OPC): the nuspec at the root, [Content_Types].xml and _rels/.rels.
import os, sys, zipfile
src, out = sys.argv[1], sys.argv[2]
types = ('<?xml version="1.0" encoding="utf-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml" />'
         '<Default Extension="nuspec" ContentType="application/octet" />'
         '<Default Extension="dll" ContentType="application/octet" /><Default Extension="so" ContentType="application/octet" />'
         '<Default Extension="xml" ContentType="application/octet" /><Default Extension="config" ContentType="application/octet" />'
         '<Override PartName="/LICENSE-MIT" ContentType="application/octet" /><Override PartName="/LICENSE-APACHE" ContentType="application/octet" />'
         '</Types>')
rels = ('<?xml version="1.0" encoding="utf-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Type="http://schemas.microsoft.com/packaging/2010/07/manifest" Target="/PaySign.nuspec" Id="R1" /></Relationships>')
with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('[Content_Types].xml', types)
    z.writestr('_rels/.rels', rels)
    for d, _, files in sorted(os.walk(src)):
        for f in sorted(files):
            p = os.path.join(d, f)
            z.write(p, os.path.relpath(p, src))
EOF
cp -a "$n" "$dist/"
say "built PaySign.$version.nupkg and its layout PaySign.$version/"

(cd "$dist" && find . -maxdepth 1 -type f ! -name SHA256SUMS | sort | sed 's|^\./||' | xargs sha256sum > SHA256SUMS)
say "dist/: $(cd "$dist" && ls | tr '\n' ' ')"
