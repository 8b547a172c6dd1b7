#!/usr/bin/env bash
# Build the C# wrapper with Mono against target/release/libpaysign.so and run its NUnit 2.6
# tests (shared vectors, error mapping, the 99bill ASP.NET handler) and the console demo.
# Debian 12: apt-get install mono-mcs mono-devel nunit-console
# Last line: "dotnet: N passed, M failed".
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
BUILD="$HERE/build"
EXAMPLES="$ROOT/examples/dotnet"
LANGVERSION=7.2   # C# 7.3 is the target; Debian's mcs 6.8 accepts at most 7.2

passed=0
failed=0
summary_done=0
summary() {
    if [ "$summary_done" = 0 ]; then
        summary_done=1
        echo "dotnet: $passed passed, $failed failed"
    fi
}
on_exit() {
    local rc=$?
    if [ "$summary_done" = 0 ]; then
        [ "$rc" != 0 ] && [ "$failed" = 0 ] && failed=1
        summary
    fi
    exit "$rc"
}
trap on_exit EXIT

for tool in mcs mono nunit-console; do
    command -v "$tool" >/dev/null || { echo "dotnet: $tool not found (apt-get install mono-mcs mono-devel nunit-console)" >&2; exit 1; }
done

NUNIT=""
for f in /usr/lib/cli/nunit.framework-2.6*/nunit.framework.dll /usr/lib/mono/gac/nunit.framework/2.6*/nunit.framework.dll; do
    if [ -f "$f" ]; then NUNIT="$f"; break; fi
done
[ -n "$NUNIT" ] || { echo "dotnet: nunit.framework.dll (NUnit 2.6) not found" >&2; exit 1; }

if [ "${PAYSIGN_SKIP_CARGO:-0}" != 1 ]; then
    (cd "$ROOT" && cargo build --release --quiet)
fi
NATIVE="${PAYSIGN_NATIVE:-$ROOT/target/release/libpaysign.so}"
[ -f "$NATIVE" ] || { echo "dotnet: $NATIVE missing" >&2; exit 1; }

rm -rf "$BUILD"
mkdir -p "$BUILD"
cp "$NATIVE" "$BUILD/"
cp "$NUNIT" "$BUILD/"
export LD_LIBRARY_PATH="$BUILD${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
export PAYSIGN_VECTORS="$ROOT/testdata/vectors"

MCS=(mcs -langversion:$LANGVERSION -nologo -warnaserror+ -debug)

echo "== build PaySign.dll"
"${MCS[@]}" -target:library -out:"$BUILD/PaySign.dll" "$HERE"/src/*.cs

echo "== build PaySign.Tests.dll (with examples/dotnet/web/App_Code)"
"${MCS[@]}" -target:library -out:"$BUILD/PaySign.Tests.dll" \
    -r:"$BUILD/PaySign.dll" -r:"$BUILD/nunit.framework.dll" \
    -r:System.Web.dll -r:System.Web.Extensions.dll -r:System.Configuration.dll \
    "$HERE"/tests/*.cs "$EXAMPLES"/web/App_Code/*.cs

echo "== build Demo.exe"
"${MCS[@]}" -target:exe -out:"$BUILD/Demo.exe" -r:"$BUILD/PaySign.dll" "$EXAMPLES/Demo.cs"

echo "== nunit-console"
set +e
(cd "$BUILD" && nunit-console -nologo -noshadow -labels -xml="$BUILD/TestResult.xml" "$BUILD/PaySign.Tests.dll") \
    > "$BUILD/nunit.log" 2>&1
nunit_rc=$?
set -e
cat "$BUILD/nunit.log"

line="$(grep -E '^Tests run: [0-9]+' "$BUILD/nunit.log" | tail -n 1 || true)"
if [ -z "$line" ]; then
    echo "dotnet: no NUnit summary (exit code $nunit_rc)" >&2
    failed=$((failed + 1))
else
    num() { printf '%s\n' "$line" | sed -n "s/.*$1: \([0-9][0-9]*\).*/\1/p"; }
    run=$(num 'Tests run'); errors=$(num 'Errors'); failures=$(num 'Failures')
    inconclusive=$(num 'Inconclusive'); inconclusive=${inconclusive:-0}
    notrun_line="$(grep -E '^Not run: [0-9]+' "$BUILD/nunit.log" | tail -n 1 || true)"
    invalid=$(printf '%s\n' "$notrun_line" | sed -n 's/.*Invalid: \([0-9][0-9]*\).*/\1/p'); invalid=${invalid:-0}
    passed=$((passed + run - errors - failures - inconclusive))
    failed=$((failed + errors + failures + invalid))
    if [ "$nunit_rc" != 0 ] && [ $((errors + failures + invalid)) = 0 ]; then
        failed=$((failed + 1))
    fi
fi

vectors=$(grep -o 'name="[^"]*Vector([^"]*)"' "$BUILD/TestResult.xml" 2>/dev/null | wc -l || true)
echo "dotnet: shared vector cases run: $vectors"
if [ "$vectors" -eq 0 ]; then
    echo "dotnet: no shared vector case ran" >&2
    failed=$((failed + 1))
fi

echo "== Demo.exe"
if (cd "$ROOT" && mono "$BUILD/Demo.exe" "$ROOT/testdata/vectors/keys/99bill_10012140356.pfx" 123456) > "$BUILD/demo.out" 2>&1 \
    && grep -q '<input type="hidden" name="signMsg" value="[A-Za-z0-9+/=]\{100,\}" />' "$BUILD/demo.out" \
    && grep -q 'name="payerName" value="张三"' "$BUILD/demo.out"; then
    passed=$((passed + 1))
else
    failed=$((failed + 1))
    echo "dotnet: Demo.exe failed" >&2
fi
cat "$BUILD/demo.out"

summary
[ "$failed" = 0 ]
