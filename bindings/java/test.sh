#!/usr/bin/env bash
# Builds the Java binding (build.sh) and runs its tests:
#   1. JUnit (Debian's junit4): every shared vector case + API/error/robustness tests, in a JVM
#      with -Xcheck:jni (any JNI warning fails the run);
#   2. the loader in separate JVMs: jar extraction (no library path), java.library.path, the
#      paysign.library.path property, a wrong explicit path, and a simulated webapp redeploy;
#   3. examples/java: Demo (its signature is checked against the shared vector) and, when
#      /usr/share/java/servlet-api.jar is present, the 99bill servlets driven without a container.
# Last line: "java: N passed, M failed" (JUnit's tests plus the checks of steps 2-3).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
BUILD="$HERE/build"
EXAMPLES="$ROOT/examples/java"
VECTORS="$ROOT/testdata/vectors"
JUNIT_JAR="${JUNIT_JAR:-/usr/share/java/junit4.jar}"
HAMCREST_JAR="${HAMCREST_JAR:-/usr/share/java/hamcrest-core.jar}"
SERVLET_JAR="${SERVLET_JAR:-/usr/share/java/servlet-api.jar}"
JAVA="${JAVA:-java}"

for f in "$JUNIT_JAR" "$HAMCREST_JAR"; do
    [ -f "$f" ] || { echo "test.sh: $f missing (apt-get install junit4)" >&2; echo "java: 0 passed, 1 failed"; exit 1; }
done

"$HERE/build.sh"

passed=0
failed=0
check() { # check <name> <ok:0|1>
    if [ "$2" = 0 ]; then
        passed=$((passed + 1)); echo "ok   - $1"
    else
        failed=$((failed + 1)); echo "FAIL - $1"
    fi
}

# ---- 1. JUnit ---------------------------------------------------------------------------------
rm -rf "$BUILD/test-classes"
mkdir -p "$BUILD/test-classes"
javac --release 8 -Xlint:all -Xlint:-options -encoding UTF-8 \
    -cp "$BUILD/classes:$JUNIT_JAR:$HAMCREST_JAR" -d "$BUILD/test-classes" \
    $(find "$HERE/src/test/java" -name '*.java')

set +e # from here on every step is a counted check
"$JAVA" -Xcheck:jni -Dpaysign.library.path="$BUILD/native/libpaysign_jni.so" \
    -Dpaysign.vectors="$VECTORS" \
    -cp "$BUILD/classes:$BUILD/test-classes:$JUNIT_JAR:$HAMCREST_JAR" \
    org.junit.runner.JUnitCore com.paysign.VectorTest com.paysign.ApiTest com.paysign.DiagnoseTest \
    com.paysign.PackedParamsTest com.paysign.ResplitTest com.paysign.AlipayTest com.paysign.WechatTest \
    com.paysign.WechatV3Test com.paysign.PaypalTest com.paysign.UnionpayTest com.paysign.StatusConstantsTest \
    > "$BUILD/junit.log" 2>&1
junit_rc=$?
cat "$BUILD/junit.log"

junit_run=0
junit_failed=0
if line="$(grep -E '^OK \([0-9]+ tests?\)' "$BUILD/junit.log" | tail -n1)" && [ -n "$line" ]; then
    junit_run="$(echo "$line" | sed -E 's/^OK \(([0-9]+) tests?\)/\1/')"
elif line="$(grep -E '^Tests run: [0-9]+, +Failures: [0-9]+' "$BUILD/junit.log" | tail -n1)" && [ -n "$line" ]; then
    junit_run="$(echo "$line" | sed -E 's/^Tests run: ([0-9]+),.*/\1/')"
    junit_failed="$(echo "$line" | sed -E 's/.*Failures: ([0-9]+).*/\1/')"
else
    junit_failed=1 # the JVM died before JUnit could report
fi
if [ "$junit_rc" != 0 ] && [ "$junit_failed" = 0 ]; then
    junit_failed=1
fi
passed=$((junit_run - junit_failed))
[ "$passed" -ge 0 ] || passed=0
failed=$junit_failed
echo "junit: $junit_run run, $junit_failed failed"

vector_line="$(grep -oE 'vector cases run: [0-9]+' "$BUILD/junit.log" | tail -n1 || true)"
vectors_ran="$(echo "$vector_line" | sed -E 's/^vector cases run: ([0-9]+).*/\1/')"
[ -n "$vectors_ran" ] && [ "$vectors_ran" -gt 0 ]; check "vector cases ran (${vectors_ran:-0})" $?


# ---- 2. loader ----------------------------------------------------------------------------------
: > "$BUILD/jvm.log"
out="$("$JAVA" -Xcheck:jni -jar "$BUILD/paysign.jar" 2>&1)"; rc=$?
echo "$out" | tee -a "$BUILD/jvm.log"
[ $rc = 0 ] && grep -q '^paysign .*(native library: jar resource /native/' <<<"$out"; check "loader: extracted from the jar (java -jar, no library path)" $?

out="$("$JAVA" -Xcheck:jni -Djava.library.path="$BUILD/native" -cp "$BUILD/paysign.jar" com.paysign.PaySign 2>&1)"; rc=$?
echo "$out" | tee -a "$BUILD/jvm.log"
[ $rc = 0 ] && grep -q '(native library: java.library.path)' <<<"$out"; check "loader: java.library.path" $?

out="$("$JAVA" -Xcheck:jni -Dpaysign.library.path="$BUILD/native/libpaysign_jni.so" -Djava.library.path="$BUILD/native" \
    -cp "$BUILD/paysign.jar" com.paysign.PaySign 2>&1)"; rc=$?
echo "$out" | tee -a "$BUILD/jvm.log"
[ $rc = 0 ] && grep -q '(paysign.library.path))' <<<"$out"; check "loader: paysign.library.path wins" $?

out="$("$JAVA" -Dpaysign.library.path=/nonexistent/libpaysign_jni.so -cp "$BUILD/paysign.jar" com.paysign.PaySign 2>&1)"; rc=$?
echo "(expected failure) ${out%%$'\n'*}"
[ $rc != 0 ] && grep -q 'paysign: cannot load /nonexistent/libpaysign_jni.so (system property paysign.library.path)' <<<"$out"
check "loader: a wrong paysign.library.path is an error, not a fallback" $?

out="$("$JAVA" -Xcheck:jni -Djava.library.path="$BUILD/native" -cp "$BUILD/test-classes" \
    com.paysign.RedeployCheck "$BUILD/paysign.jar" 3 2>&1)"; rc=$?
echo "$out" | tee -a "$BUILD/jvm.log"
[ $rc = 0 ] && grep -q '^redeploy ok: 3 loads' <<<"$out" \
    && [ "$(grep -c 'from jar resource' <<<"$out")" = 2 ]
check "loader: three webapp class loaders in one JVM (redeploy)" $?

# ---- 3. examples ----------------------------------------------------------------------------------
rm -rf "$BUILD/examples"
mkdir -p "$BUILD/examples"
javac --release 8 -Xlint:all -Xlint:-options -encoding UTF-8 \
    -cp "$BUILD/paysign.jar" -d "$BUILD/examples" "$EXAMPLES/Demo.java"
check "examples: Demo.java compiles" $?
expected_sig="$(sed -n '/"id": "99bill-rsa-sha256-request-10012140356-pfx"/,/"expect_signature"/p' "$VECTORS/99bill.json" \
    | sed -n 's/.*"expect_signature": "\(.*\)",/\1/p')"
out="$(cd "$ROOT" && "$JAVA" -Xcheck:jni -cp "$BUILD/paysign.jar:$BUILD/examples" Demo \
    testdata/vectors/keys/99bill_10012140356.pfx 123456 2>&1)"; rc=$?
echo "$out" | tee -a "$BUILD/jvm.log"
[ $rc = 0 ] && [ -n "$expected_sig" ] && grep -qxF "signMsg=$expected_sig" <<<"$out"
check "examples: Demo prints the vector's 99bill signMsg" $?

if [ -f "$SERVLET_JAR" ]; then
    javac --release 8 -Xlint:all -Xlint:-options -encoding UTF-8 \
        -cp "$BUILD/paysign.jar:$SERVLET_JAR" -d "$BUILD/examples" \
        $(find "$EXAMPLES/servlet/src" "$EXAMPLES/servlet/test" -name '*.java')
    check "examples: servlets compile against $SERVLET_JAR" $?
    out="$("$JAVA" -Xcheck:jni -cp "$BUILD/paysign.jar:$BUILD/examples:$SERVLET_JAR" \
        example.kuaiqian.ServletSmoke "$VECTORS/keys" 2>&1)"; rc=$?
    echo "$out" | tee -a "$BUILD/jvm.log"
    [ $rc = 0 ] && grep -q '^servlet smoke ok' <<<"$out"
    check "examples: send + notify servlets driven without a container" $?
else
    echo "skip - servlet examples ($SERVLET_JAR not found: apt-get install libservlet-api-java)"
fi

# every JVM above ran with -Xcheck:jni except where a library path variant was the point
jni_warnings="$(cat "$BUILD/junit.log" "$BUILD/jvm.log" \
    | grep -cE 'WARNING in native method|^WARNING: JNI|FATAL ERROR in native method|JNI call made' || true)"
[ "$jni_warnings" = 0 ]; check "no -Xcheck:jni warnings ($jni_warnings)" $?

echo "java: $passed passed, $failed failed"
[ "$failed" = 0 ]
