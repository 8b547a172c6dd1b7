#!/usr/bin/env bash
# The release bundles (scripts/package.sh) used as a merchant would: unpacked into a fresh
# prefix outside the tree, and nothing from the tree but inputs (the shared vectors' messages,
# the sandbox merchant's test keys, the examples' source), which are copied out first.
#   C     a program built with `pkg-config --cflags --libs paysign` verifies a 99bill notification
#   PHP   `php -d extension=...` runs examples/php/99bill/receive.php
#   Java  `java -cp paysign-V.jar` runs examples/java/Demo
#   .NET  Mono runs examples/dotnet/Demo against the NuGet layout
# then the version in every artifact, and broken bundles (missing native library, a file that
# is not one, the wrong architecture, the wrong PHP API): each refused at load with a message
# naming the file and the reason, and no crash.
# PAYSIGN_DIST=DIR tests bundles already built there. Last line: "bundle: N passed, M failed".
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
here=$root/tests/bundle
passed=0
failed=0
check() { # name ok(0|1) [detail]
  if [ "$2" = 0 ]; then passed=$((passed + 1)); echo "ok   - $1"
  else failed=$((failed + 1)); echo "FAIL - $1"; [ -n "${3:-}" ] && printf '%s\n' "$3" | sed 's/^/       /' | head -n 20; fi
}
finish() { echo "bundle: $passed passed, $failed failed"; [ "$failed" = 0 ] && [ "$passed" -gt 0 ]; exit $?; }
# exit status of a process that was not killed by a signal (a crash is >= 128)
no_crash() { [ "$1" -lt 128 ]; }

version=$(sed -n 's/^version *= *"\(.*\)"/\1/p' "$root/Cargo.toml" | head -n1)
dist=${PAYSIGN_DIST:-}
if [ -z "$dist" ]; then
  "$root/scripts/package.sh" > "$root/target/package.log" 2>&1 || { cat "$root/target/package.log"; check "scripts/package.sh builds the bundles" 1; finish; }
  dist=$root/dist
fi
check "scripts/package.sh builds the bundles" 0
out=$("$root/scripts/gen-version.sh" --check 2>&1); check "the version in pom.xml, PaySign.csproj, AssemblyInfo.cs is Cargo.toml's" $? "$out"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/paysign-bundle.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
case "$tmp" in "$root"/*) echo "the scratch folder must be outside the tree" >&2; exit 1 ;; esac

# ---- inputs, copied out of the tree --------------------------------------------------------------
in=$tmp/in
mkdir -p "$in/php" "$in/java" "$in/dotnet"
cp "$here/verify_notify.c" "$in/"
cp -R "$root/examples/php/99bill" "$in/php/"
cp "$root/examples/java/Demo.java" "$in/java/"
cp "$root/examples/dotnet/Demo.cs" "$in/dotnet/"
cp "$root/testdata/vectors/keys/99bill_10012140356.pfx" "$root/testdata/vectors/keys/99bill_10012140356_cert.pem" "$in/"
python3 - "$root/testdata/vectors/99bill.json" "$in" <<'EOF'
# The shared vectors' 99bill notification as the query string 99bill sends, its tampered twin,
# and the signature the Java demo's request must get.
import json, sys, urllib.parse
doc = json.load(open(sys.argv[1]))
case = {c["id"]: c for c in doc["cases"]}
good = case["99bill-md5-callback-midpay"]
bad = case["99bill-md5-callback-midpay-tampered-payamount"]
assert good["expect"] == "ok" and bad["expect"] == "bad_signature"
for name, c in (("notify.txt", good), ("tampered.txt", bad)):
    open(f"{sys.argv[2]}/{name}", "w").write(urllib.parse.urlencode([tuple(p) for p in c["params"]]))
open(f"{sys.argv[2]}/secret.txt", "w").write(good["key"]["secret"])
open(f"{sys.argv[2]}/orderId.txt", "w").write(dict(map(tuple, good["params"]))["orderId"])
open(f"{sys.argv[2]}/java_sig.txt", "w").write(case["99bill-rsa-sha256-request-10012140356-pfx"]["expect_signature"])
EOF
check "inputs: the shared 99bill notification and its tampered twin" $?

# ---- checksums and unpacking -----------------------------------------------------------------------
(cd "$dist" && sha256sum --quiet -c SHA256SUMS) >/dev/null 2>&1; check "dist/SHA256SUMS matches every file" $?
core=paysign-$version-linux-x86_64
prefix=$tmp/prefix
mkdir -p "$prefix" "$tmp/php" "$tmp/java" "$tmp/nuget"
tar -xzf "$dist/$core.tar.gz" -C "$tmp" && mv "$tmp/$core"/* "$prefix/"
(cd "$prefix" && sha256sum --quiet -c SHA256SUMS) >/dev/null 2>&1; check "core bundle: its SHA256SUMS matches" $?
missing=""
for f in bin/paysign lib/libpaysign.so lib/libpaysign.a include/paysign.h lib/pkgconfig/paysign.pc LICENSE-MIT LICENSE-APACHE README; do
  [ -e "$prefix/$f" ] || missing="$missing $f"
done
[ -z "$missing" ]; check "core bundle: bin, lib (.so, .a), include, pkgconfig, licenses, README" $? "missing:$missing"
soname=$(readelf -d "$prefix/lib/libpaysign.so" 2>/dev/null | sed -n 's/.*Library soname: \[\(.*\)\]/\1/p')
[ -n "$soname" ] && [ -e "$prefix/lib/$soname" ]; check "core bundle: libpaysign.so has a SONAME ($soname) and that file is there" $?

php_tar=$(cd "$dist" && ls paysign-"$version"-php-*-linux-x86_64.tar.gz 2>/dev/null | head -n1)
tar -xzf "$dist/$php_tar" -C "$tmp/php" --strip-components=1
(cd "$tmp/php" && sha256sum --quiet -c SHA256SUMS) >/dev/null 2>&1; check "PHP bundle ($php_tar): paysign.so, paysign.ini, SHA256SUMS" $?
cp "$dist/paysign-$version.jar" "$dist/paysign-$version-sources.jar" "$dist/paysign-$version.pom" "$tmp/java/"
nupkg=$tmp/nuget/PaySign.$version
python3 -c "import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])" "$dist/PaySign.$version.nupkg" "$nupkg"
[ -f "$nupkg/PaySign.nuspec" ] && [ -f "$nupkg/lib/net45/PaySign.dll" ] && [ -f "$nupkg/runtimes/linux-x64/native/libpaysign.so" ] \
  && [ -f "$nupkg/[Content_Types].xml" ]
check ".NET package: nuspec, lib/net45/PaySign.dll, runtimes/linux-x64/native/libpaysign.so" $?

# From here on nothing may come from the tree: run in the scratch folder, with a PATH and
# environment that name no tree path.
cd "$tmp"
export PKG_CONFIG_PATH=$prefix/lib/pkgconfig
unset LD_LIBRARY_PATH CLASSPATH MONO_PATH PAYSIGN_VECTORS

# ---- C ---------------------------------------------------------------------------------------------
flags=$(pkg-config --cflags --libs paysign 2>&1); rc=$?
check "C: pkg-config --cflags --libs paysign ($flags)" $rc
cc -std=c11 -Wall -Wextra -Werror -o "$tmp/verify" "$in/verify_notify.c" $flags 2>"$tmp/cc.log"
check "C: verify_notify.c builds with pkg-config's flags alone" $? "$(cat "$tmp/cc.log")"
out=$(LD_LIBRARY_PATH=$prefix/lib "$tmp/verify" 99bill.pay.notify "$in/notify.txt" "$(cat "$in/secret.txt")" 2>&1); rc=$?
[ $rc = 0 ] && grep -qx PAYSIGN_OK <<<"$out" && grep -qx "orderId $(cat "$in/orderId.txt")" <<<"$out"
check "C: the shared 99bill notification verifies (PAYSIGN_OK)" $? "$out"
grep -qx "header $version library $version" <<<"$out"; check "C: PAYSIGN_VERSION and paysign_version() say $version" $? "$out"
out=$(LD_LIBRARY_PATH=$prefix/lib "$tmp/verify" 99bill.pay.notify "$in/tampered.txt" "$(cat "$in/secret.txt")" 2>&1); rc=$?
[ $rc = 1 ] && grep -qx PAYSIGN_BAD_SIGNATURE <<<"$out"; check "C: its tampered twin is PAYSIGN_BAD_SIGNATURE" $? "$out"
grep -q "$soname => $prefix/lib/$soname" <<<"$(LD_LIBRARY_PATH=$prefix/lib ldd "$tmp/verify")"
check "C: the program loads $soname from the bundle" $?
cc -std=c11 -o "$tmp/verify-static" "$in/verify_notify.c" $(pkg-config --cflags paysign) \
   "$prefix/lib/libpaysign.a" $(pkg-config --static --libs-only-l paysign | sed 's/-lpaysign//') 2>"$tmp/cc.log" \
  && "$tmp/verify-static" 99bill.pay.notify "$in/notify.txt" "$(cat "$in/secret.txt")" | grep -x PAYSIGN_OK >/dev/null \
  && ! grep -q libpaysign <<<"$(ldd "$tmp/verify-static" 2>&1)"
check "C: linked with lib/libpaysign.a instead, it verifies too and needs no .so" $? "$(cat "$tmp/cc.log")"
out=$("$prefix/bin/paysign" --version 2>&1); [ "$out" = "paysign $version" ]; check "CLI: bin/paysign --version says $version" $? "$out"
"$prefix/bin/paysign" demo > "$tmp/demo.log" 2>&1; check "CLI: bin/paysign demo" $? "$(tail -n 5 "$tmp/demo.log")"

# ---- PHP ---------------------------------------------------------------------------------------------
php=(php -n -d extension="$tmp/php/paysign.so")
out=$("${php[@]}" -r 'echo phpversion("paysign");' 2>&1); [ "$out" = "$version" ]
check "PHP: phpversion('paysign') says $version" $? "$out"
! grep -q libpaysign <<<"$(ldd "$tmp/php/paysign.so")"; check "PHP: paysign.so needs no libpaysign.so (the core is linked in)" $?
# A notification signed with the sandbox merchant's key by the bundle's CLI (99bill's own key is
# not public), the merchant's own bgUrl query first, as 99bill sends it.
"$prefix/bin/paysign" sign 99bill.pay.notify merchantAcctId=1001214035601 version=v2.0 language=1 signType=4 \
  payType=10 bankId=CMB orderId=KQ20190220134835 orderTime=20190220134835 orderAmount=100 \
  dealId=2706411339 bankDealId=190220999001 dealTime=20190220135012 payAmount=100 fee=1 \
  'ext1=扩展 1+1' payResult=10 --key "$in/99bill_10012140356.pfx" --password 123456 \
  --options hash=sha256 --output form > "$tmp/signed.txt" 2>"$tmp/sign.log"
check "CLI: bin/paysign sign --output form makes a signed notification" $? "$(cat "$tmp/sign.log")"
query="shop=1&orderId=merchant-own-id&$(cat "$tmp/signed.txt")"
receive() { # QUERY_STRING
  QUERY_STRING=$1 KQ_GATEWAY_CERT=$in/99bill_10012140356_cert.pem KQ_HASH=sha256 \
    "${php[@]}" "$in/php/99bill/receive.php" 2>&1
}
out=$(receive "$query"); rc=$?
[ $rc = 0 ] && [ "$out" = "<result>1</result><redirecturl>http://merchant.example/99bill/show.php?msg=success&orderId=KQ20190220134835</redirecturl>" ]
check "PHP: examples/php/99bill/receive.php accepts the notification" $? "$out"
out=$(receive "${query/payAmount=100/payAmount=1000}"); rc=$?
[ $rc = 0 ] && [ "${out#<result>0</result>}" != "$out" ]; check "PHP: receive.php refuses its tampered twin (<result>0</result>)" $? "$out"

# ---- Java --------------------------------------------------------------------------------------------
jar=$tmp/java/paysign-$version.jar
mkdir -p "$tmp/java/classes"
javac --release 8 -encoding UTF-8 -cp "$jar" -d "$tmp/java/classes" "$in/java/Demo.java" 2>"$tmp/javac.log"
check "Java: Demo.java compiles against paysign-$version.jar alone" $? "$(cat "$tmp/javac.log")"
out=$(java -Xcheck:jni -cp "$jar:$tmp/java/classes" Demo "$in/99bill_10012140356.pfx" 123456 2>&1); rc=$?
[ $rc = 0 ] && grep -qxF "signMsg=$(cat "$in/java_sig.txt")" <<<"$out"
check "Java: Demo signs the shared vector's 99bill request (native library from inside the jar)" $? "$out"
grep -q "(native library: jar resource /native/linux-x86_64/" <<<"$(java -jar "$jar" 2>&1)"
check "Java: java -jar paysign-$version.jar loads the native library from the jar" $?
man=$(unzip -p "$jar" META-INF/MANIFEST.MF | tr -d '\r'); props=$(unzip -p "$jar" META-INF/maven/com.paysign/paysign/pom.properties)
grep -qx "Implementation-Version: $version" <<<"$man" && grep -qx "version=$version" <<<"$props" \
  && grep -q "<artifactId>paysign</artifactId>" "$tmp/java/paysign-$version.pom" \
  && grep -q "<version>$version</version>" "$tmp/java/paysign-$version.pom"
check "Java: manifest, pom.properties and the POM say com.paysign:paysign:$version" $? "$man"
grep -qx 'com/paysign/PaySign.java' <<<"$(unzip -Z1 "$tmp/java/paysign-$version-sources.jar")"
check "Java: the sources jar holds com/paysign/PaySign.java" $?

# ---- .NET ----------------------------------------------------------------------------------------------
app=$tmp/dotnet/app
mkdir -p "$app"
mcs -langversion:7.2 -nologo -r:"$nupkg/lib/net45/PaySign.dll" -out:"$app/Demo.exe" "$in/dotnet/Demo.cs" 2>"$tmp/mcs.log"
check ".NET: Demo.cs compiles against lib/net45/PaySign.dll" $? "$(cat "$tmp/mcs.log")"
# The app folder holds Demo.exe only: PaySign.dll comes from the package (MONO_PATH), the native
# library from runtimes/linux-x64/native/ through PaySign.dll.config's dllmap.
out=$(cd "$app" && MONO_PATH=$nupkg/lib/net45 mono Demo.exe "$in/99bill_10012140356.pfx" 123456 2>&1); rc=$?
sig=$(sed -n 's/^signMsg=//p' <<<"$out")
[ $rc = 0 ] && [ ${#sig} -gt 100 ] && grep -q 'name="payerName" value="张三"' <<<"$out"
check ".NET: Demo runs from the NuGet layout" $? "$out"
# The same form, verified by the bundle's CLI (the C core) with the merchant's certificate.
sed -n 's/^  <input type="hidden" name="\([^"]*\)" value="\([^"]*\)" \/>$/\1=\2/p' <<<"$out" \
  | python3 -c "import sys, urllib.parse; print(urllib.parse.urlencode([tuple(l.rstrip('\n').split('=', 1)) for l in sys.stdin]), end='')" > "$tmp/form.txt"
"$prefix/bin/paysign" verify 99bill.pay.request --body "$tmp/form.txt" --key "$in/99bill_10012140356_cert.pem" --options hash=sha1 >/dev/null 2>&1
check ".NET: Demo's signMsg verifies with the merchant certificate (bundle CLI)" $?
av=$(monodis --assembly "$nupkg/lib/net45/PaySign.dll" 2>/dev/null | sed -n 's/^Version: *//p')
nv=$(sed -n 's|.*<version>\(.*\)</version>.*|\1|p' "$nupkg/PaySign.nuspec")
[ "$av" = "$version.0" ] && [ "$nv" = "$version" ]; check ".NET: assembly version $av and nuspec version $nv agree with $version" $?

# ---- broken bundles: each refused at load, naming the file and the reason --------------------------------
# C: the shared library missing, not an ELF file, or built for another architecture.
bad=$tmp/bad-prefix
cp -a "$prefix" "$bad"
rm "$bad/lib/libpaysign.so"*
out=$(LD_LIBRARY_PATH=$bad/lib "$tmp/verify" 99bill.pay.notify "$in/notify.txt" x 2>&1); rc=$?
no_crash $rc && [ $rc != 0 ] && grep -q "$soname: cannot open shared object file" <<<"$out"
check "broken C bundle: missing $soname is named by the loader" $? "$out"
echo "not a library" > "$bad/lib/$soname"
out=$(LD_LIBRARY_PATH=$bad/lib "$tmp/verify" 99bill.pay.notify "$in/notify.txt" x 2>&1); rc=$?
no_crash $rc && [ $rc != 0 ] && grep -q "$soname: \(file too short\|invalid ELF header\)" <<<"$out"
check "broken C bundle: a $soname that is not a library is named, with the reason" $? "$out"

# PHP: the extension missing, not a library, or built for another PHP module API.
out=$(php -n -d extension="$tmp/nowhere/paysign.so" -r 'var_dump(extension_loaded("paysign"));' 2>&1); rc=$?
no_crash $rc && grep -q "Unable to load dynamic library '$tmp/nowhere/paysign.so'" <<<"$out" \
  && grep -q "No such file or directory" <<<"$out" && grep -q "bool(false)" <<<"$out"
check "broken PHP bundle: a missing paysign.so is named, PHP goes on without it" $? "$out"
head -c 100 "$tmp/php/paysign.so" > "$tmp/php/short.so"
out=$(php -n -d extension="$tmp/php/short.so" -r 'var_dump(extension_loaded("paysign"));' 2>&1); rc=$?
no_crash $rc && grep -q "Unable to load dynamic library '$tmp/php/short.so'" <<<"$out" && grep -q "file too short\|cannot read file data" <<<"$out" \
  && grep -q "bool(false)" <<<"$out"
check "broken PHP bundle: a paysign.so cut inside its headers is named, with the loader's reason" $? "$out"
# Cut further in, the headers pass glibc's checks and PHP's own dlopen dies of SIGBUS on the
# missing pages: nothing in an extension can run before that, so the bundle's SHA256SUMS (its
# README says to check it first) is what catches a partial download.
cp -a "$tmp/php" "$tmp/php-cut" && truncate -s 65536 "$tmp/php-cut/paysign.so"
out=$(cd "$tmp/php-cut" && sha256sum -c SHA256SUMS 2>&1); rc=$?
[ $rc != 0 ] && grep -q "paysign.so: FAILED" <<<"$out"
check "broken PHP bundle: a paysign.so cut short is caught by the bundle's SHA256SUMS" $? "$out"
python3 - "$tmp/php/paysign.so" "$tmp/php/otherapi.so" "$(php-config --phpapi)" <<'EOF'
# The same extension as if built for the previous PHP module API: the zend_api number of its
# zend_module_entry (right after the entry's 2-byte size and padding) one lower.
import struct, sys
data = bytearray(open(sys.argv[1], "rb").read())
api = struct.pack("<I", int(sys.argv[3]))
hits = [i for i in range(len(data)) if data[i:i + 4] == api]
assert len(hits) == 1, hits
data[hits[0]:hits[0] + 4] = struct.pack("<I", int(sys.argv[3]) - 1)
open(sys.argv[2], "wb").write(data)
EOF
out=$(php -n -d extension="$tmp/php/otherapi.so" -r 'var_dump(extension_loaded("paysign"));' 2>&1); rc=$?
no_crash $rc && grep -q "paysign: Unable to initialize module" <<<"$out" \
  && grep -q "Module compiled with module API=$(( $(php-config --phpapi) - 1 ))" <<<"$out" && grep -q "bool(false)" <<<"$out"
check "broken PHP bundle: an extension for another module API is refused, naming both APIs" $? "$out"

# Java: the jar without its native library, with a file that is not one, or for another CPU.
jres=native/linux-x86_64/libpaysign_jni.so
cp "$jar" "$tmp/java/nonative.jar" && zip -q -d "$tmp/java/nonative.jar" "$jres"
out=$(java -cp "$tmp/java/nonative.jar:$tmp/java/classes" Demo "$in/99bill_10012140356.pfx" 123456 2>&1); rc=$?
no_crash $rc && [ $rc != 0 ] && grep -q "jar: no resource /$jres" <<<"$out" && ! ls hs_err_pid* >/dev/null 2>&1
check "broken Java bundle: a jar without its native library says which resource is missing" $? "$out"
mkdir -p "$tmp/java/wrong/native/linux-x86_64" && cp "$jar" "$tmp/java/wrong.jar"
echo "not a library" > "$tmp/java/wrong/$jres" && (cd "$tmp/java/wrong" && zip -q ../wrong.jar "$jres")
out=$(java -cp "$tmp/java/wrong.jar:$tmp/java/classes" Demo "$in/99bill_10012140356.pfx" 123456 2>&1); rc=$?
no_crash $rc && [ $rc != 0 ] && grep -q "libpaysign_jni.so" <<<"$out" && grep -q "invalid ELF header\|too short" <<<"$out"
check "broken Java bundle: a native library that is not one is named, with the loader's reason" $? "$out"
unzip -p "$jar" "$jres" > "$tmp/java/wrong/$jres" && printf '\267\000' | dd of="$tmp/java/wrong/$jres" bs=1 seek=18 conv=notrunc 2>/dev/null
(cd "$tmp/java/wrong" && zip -q ../wrong.jar "$jres")
out=$(java -cp "$tmp/java/wrong.jar:$tmp/java/classes" Demo "$in/99bill_10012140356.pfx" 123456 2>&1); rc=$?
no_crash $rc && [ $rc != 0 ] && grep -q "built for aarch64" <<<"$out"
check "broken Java bundle: a native library for another CPU says which CPU" $? "$out"
unzip -p "$jar" "$jres" > "$tmp/java/whole.so"; head -c 65536 "$tmp/java/whole.so" > "$tmp/java/wrong/$jres" && (cd "$tmp/java/wrong" && zip -q ../wrong.jar "$jres")
out=$(java -cp "$tmp/java/wrong.jar:$tmp/java/classes" Demo "$in/99bill_10012140356.pfx" 123456 2>&1); rc=$?
no_crash $rc && [ $rc != 0 ] && grep -q "libpaysign_jni.*\.so: the file is truncated (65536 bytes; its ELF headers need [0-9]*)" <<<"$out"
check "broken Java bundle: a native library cut short is refused before it is mapped (no SIGBUS)" $? "$out"

# .NET: the package without its native library, with a file that is not one, or for another CPU.
bn=$tmp/nuget/broken
cp -a "$nupkg" "$bn"
rm "$bn/runtimes/linux-x64/native/libpaysign.so"
out=$(cd "$app" && MONO_PATH=$bn/lib/net45 mono Demo.exe "$in/99bill_10012140356.pfx" 123456 2>&1); rc=$?
no_crash $rc && [ $rc != 0 ] && grep -q "paysign: cannot load the native library libpaysign.so" <<<"$out" \
  && grep -q "$bn/runtimes/linux-x64/native/libpaysign.so: not found" <<<"$out"
check "broken .NET package: a missing native library lists where it was looked for" $? "$out"
echo "not a library" > "$bn/runtimes/linux-x64/native/libpaysign.so"
out=$(cd "$app" && MONO_PATH=$bn/lib/net45 mono Demo.exe "$in/99bill_10012140356.pfx" 123456 2>&1); rc=$?
no_crash $rc && [ $rc != 0 ] && grep -q "runtimes/linux-x64/native/libpaysign.so: .*\(invalid ELF header\|too short\)" <<<"$out"
check "broken .NET package: a native library that is not one is named, with the loader's reason" $? "$out"
cp "$nupkg/runtimes/linux-x64/native/libpaysign.so" "$bn/runtimes/linux-x64/native/libpaysign.so"
printf '\267\000' | dd of="$bn/runtimes/linux-x64/native/libpaysign.so" bs=1 seek=18 conv=notrunc 2>/dev/null
out=$(cd "$app" && MONO_PATH=$bn/lib/net45 mono Demo.exe "$in/99bill_10012140356.pfx" 123456 2>&1); rc=$?
no_crash $rc && [ $rc != 0 ] && grep -q "runtimes/linux-x64/native/libpaysign.so: .*the file is built for aarch64; this process runs on x86_64" <<<"$out"
check "broken .NET package: a native library for another CPU says which CPU" $? "$out"
# A native library cut short: Mono binds a DllImport when it compiles the calling method, before
# any code of PaySign.dll can look at the file, and glibc's loader dies of SIGBUS on the missing
# pages; the package's own checks are what catch a partial download: the .nupkg's zip directory
# and CRCs (what NuGet or unzip checks on install), and SHA256SUMS.
head -c $(( $(stat -c %s "$dist/PaySign.$version.nupkg") / 2 )) "$dist/PaySign.$version.nupkg" > "$tmp/nuget/cut.nupkg"
out=$(unzip -t "$tmp/nuget/cut.nupkg" 2>&1); rc=$?
[ $rc != 0 ] && grep -q "cut.nupkg" <<<"$out"
check "broken .NET package: a .nupkg cut short is refused on install (zip directory missing)" $? "$out"

finish
