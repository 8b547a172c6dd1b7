# Sourced by smoke.sh for LOAD_RECEIVER=java (uses its tmp, root, keys, hash, port, check and
# jetty_home, servlet_jar): examples/java/servlet as an exploded webapp in a Jetty 9 base of its
# own, Jetty listening on 127.0.0.1:port+1 behind smoke.sh's nginx.
jetty_start() {
    # The binding, built by its own build.sh in a scratch copy (the tree may be read-only here).
    local j="$tmp/java" app="$tmp/jetty/webapps/ROOT"
    mkdir -p "$j/bindings" "$app/WEB-INF/lib" "$app/WEB-INF/classes"
    cp -R "$root/bindings/java" "$j/bindings/" && rm -rf "$j/bindings/java/build"
    ln -s "$root/include" "$j/include" && cp "$root/Cargo.toml" "$j/"
    if ! PAYSIGN_SKIP_CARGO=1 PAYSIGN_LIB_DIR="$root/target/release" timeout 300 bash "$j/bindings/java/build.sh" >"$tmp/java-build.log" 2>&1; then
        tail -20 "$tmp/java-build.log"; check "Java binding builds" 1; return 1
    fi
    cp "$j/bindings/java/build/paysign.jar" "$app/WEB-INF/lib/"
    if ! timeout 120 javac --release 8 -nowarn -encoding UTF-8 -cp "$app/WEB-INF/lib/paysign.jar:$servlet_jar" \
        -d "$app/WEB-INF/classes" "$root"/examples/java/servlet/src/example/kuaiqian/*.java >"$tmp/javac.log" 2>&1; then
        cat "$tmp/javac.log"; check "servlets compile" 1; return 1
    fi
    # The example's web.xml, its paths pointed at the sandbox merchant's key and certificate.
    sed -e "s|/etc/shop/99bill_10012140356.pfx|$keys/99bill_10012140356.pfx|" \
        -e "s|/etc/shop/99bill.cert.rsa.20340630.cer|$keys/99bill_10012140356_cert.pem|" \
        -e "s|<param-value>sha1</param-value>|<param-value>$hash</param-value>|" \
        "$root/examples/java/servlet/WEB-INF/web.xml" >"$app/WEB-INF/web.xml"
    grep -q "$keys/99bill_10012140356_cert.pem" "$app/WEB-INF/web.xml" || { check "web.xml pointed at the test certificate" 1; return 1; }
    printf '%s\n' --module=http,deploy jetty.http.host=127.0.0.1 "jetty.http.port=$((port + 1))" >"$tmp/jetty/start.ini"
    # The servlet logs every rejected notification with its query (ContextHandler, INFO): under
    # load that is hundreds of MB of log, so the bench keeps WARN and above only.
    (cd "$tmp" && exec java -Xms64m -Xmx256m -XX:ErrorFile="$tmp/hs_err_%p.log" \
        -Dorg.eclipse.jetty.server.handler.ContextHandler.LEVEL=WARN \
        -jar "$jetty_home/start.jar" jetty.home="$jetty_home" jetty.base="$tmp/jetty" \
        >"$tmp/jetty.log" 2>&1) &
    echo $! >"$tmp/jetty.pid"
    local _
    for _ in $(seq 600); do # the JVM starts in 2-20 s on a busy 2-core machine
        curl -s -m 1 -o /dev/null "http://127.0.0.1:$((port + 1))/99bill/notify" && return 0
        alive "$(cat "$tmp/jetty.pid")" || break
        sleep 0.1
    done
    tail -20 "$tmp/jetty.log"; check "Jetty starts and deploys the servlet" 1; return 1
}
