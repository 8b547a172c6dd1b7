#!/usr/bin/env bash
# Load smoke of a 99bill notify receiver under PHP-FPM (or the Java servlet under Jetty 9)
# behind nginx, all started here on 127.0.0.1 with their own config in a temp dir, then wrk
# (mix.lua: valid, tampered, duplicated-name and oversized notifications, each reply checked
# against its own request by a tag nginx echoes; the >1 MiB body by curl). Checks: every reply
# right for its request (every tampered one answered with the failure reply), zero 5xx, no FPM
# worker (or JVM) died, at least LOAD_MIN_REQUESTS requests. Works as root (php-fpm -R, nginx
# workers as root) and as a normal user; every step bounded by a timeout; every server stopped
# on exit. Installs nothing (scripts/setup.sh lists the packages); a missing tool fails, naming
# its Debian package.
#
#   LOAD_RECEIVER  paysign (examples/php/99bill/receive.php, the extension; default) or vendor
#                  (vendor_receive.php, pure PHP, the vendor demo's way) or java
#                  (examples/java/servlet's KuaiqianNotifyServlet in Jetty 9, nginx proxying)
#   LOAD_SECONDS   length of one wrk round (default 3); LOAD_ROUNDS rounds (default 1), the FPM
#                  workers' (or the JVM's) RSS read before the first and after each
#   LOAD_MIN_REQUESTS  fewest requests answered over all rounds (default 1): more rounds, up to
#                  3 * LOAD_ROUNDS, until there are that many (a loaded machine is slower)
#   LOAD_HASH      the notifications' RSA digest: sha256 (default) or sha1 (production 99bill)
#   PAYSIGN_SKIP_CARGO=1 skips the cargo build (target/release as built); KEEP_LOAD=1 keeps the
#   servers running.
# bench/load/full.sh runs the receivers for minutes. One "round" line per round (a table row
# for docs/benchmarks.md); last line: "load-smoke: N passed, M failed" (java: load-smoke-java).
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
secs="${LOAD_SECONDS:-3}" rounds="${LOAD_ROUNDS:-1}" min="${LOAD_MIN_REQUESTS:-1}"
receiver="${LOAD_RECEIVER:-paysign}" hash="${LOAD_HASH:-sha256}"
case "$receiver" in
    paysign) script="$root/examples/php/99bill/receive.php" ;;
    vendor) script="$here/vendor_receive.php" ;;
    java) script="" ;;
    *) echo "smoke.sh: LOAD_RECEIVER is paysign, vendor or java, not '$receiver'" >&2; exit 2 ;;
esac
suite=load-smoke; [ "$receiver" = java ] && suite=load-smoke-java # its own line in the test command
case "$hash" in sha1 | sha256) ;; *) echo "smoke.sh: LOAD_HASH is sha1 or sha256, not '$hash'" >&2; exit 2 ;; esac
passed=0 failed=0
check() { # name condition-result(0/1) [detail]
    if [ "$2" = 0 ]; then passed=$((passed + 1)); echo "ok   $1"; else failed=$((failed + 1)); echo "FAIL $1 ${3:-}"; fi
}
finish() { echo "$suite: $passed passed, $failed failed"; [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]; exit $?; }

missing=0
tools="nginx:nginx-light php-fpm8.2:php8.2-fpm wrk:wrk curl:curl php:php-cli phpize:php-dev"
[ "${PAYSIGN_SKIP_CARGO:-0}" = 1 ] || tools="$tools cargo:cargo"  # skipped: target/release is used as built
jetty_home=/usr/share/jetty9 servlet_jar=/usr/share/java/servlet-api.jar
[ "$receiver" = java ] && tools="$tools java:openjdk-17-jdk-headless javac:openjdk-17-jdk-headless gcc:gcc $jetty_home/start.jar:jetty9 $servlet_jar:libservlet-api-java"
for pair in $tools; do
    tool="${pair%%:*}" pkg="${pair#*:}"
    if ! PATH="$PATH:/usr/sbin" command -v "$tool" >/dev/null && [ ! -f "$tool" ]; then
        check "tool $tool present" 1 "(install the Debian package $pkg)"; missing=1
    fi
done
[ "$missing" = 0 ] || finish
export PATH="$PATH:/usr/sbin"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/paysign-load.XXXXXX")"
# Gone: no such process, or a zombie left for init to reap (daemons are reparented to it).
alive() { [ -d "/proc/$1" ] && ! grep -q '^State:.*Z' "/proc/$1/status" 2>/dev/null; }
cleanup() { # stop both masters and their workers, by the pids they wrote; SIGKILL after 3 s
    local f pids="" p
    for f in nginx fpm jetty; do
        [ -f "$tmp/$f.pid" ] || continue
        p="$(cat "$tmp/$f.pid")"; pids="$pids $p $(pgrep -P "$p" | tr '\n' ' ')"; kill "$p" 2>/dev/null
    done
    for _ in $(seq 30); do
        left=""; for p in $pids; do alive "$p" && left="$left $p"; done
        [ -z "$left" ] && break; sleep 0.1
    done
    [ -n "${left:-}" ] && kill -9 $left 2>/dev/null
    rm -rf "$tmp"
}
if [ "${KEEP_LOAD:-0}" = 1 ]; then echo "kept: $tmp (stop: kill \$(cat $tmp/*.pid))"
else trap cleanup EXIT; trap 'exit 1' INT TERM; fi

# The extension, built in a scratch copy (scripts/build-php-ext.sh, as tests/simulate does).
if [ "${PAYSIGN_SKIP_CARGO:-0}" != 1 ]; then
    (cd "$root" && timeout 600 cargo build --release --lib --quiet) || { check "cargo build" 1; finish; }
fi
so=$("$root/scripts/build-php-ext.sh" "$tmp/ext") || { check "paysign extension builds" 1; finish; }

# Notifications: signed with the sandbox merchant's key (99bill's own key is not public, as in
# bindings/php/tests/examples.inc), receive.php pointed at that merchant's certificate.
keys="$root/testdata/vectors/keys"
LOAD_DIR="$tmp" LOAD_HASH="$hash" timeout 30 php -n -d extension="$so" "$here/notifications.php" "$keys" || { check "notifications signed" 1; finish; }

port=$(( 20000 + RANDOM % 20000 ))
cat >"$tmp/fpm.conf" <<CONF
[global]
pid = $tmp/fpm.pid
error_log = $tmp/fpm.log
daemonize = yes
[load]
listen = 127.0.0.1:$((port + 1))
$([ "$(id -u)" = 0 ] && echo "user = root")
pm = static
pm.max_children = 2
php_admin_value[extension] = $so
env[KQ_GATEWAY_CERT] = $keys/99bill_10012140356_cert.pem
env[KQ_HASH] = $hash
CONF
cat >"$tmp/nginx.conf" <<CONF
daemon on;
$([ "$(id -u)" = 0 ] && echo "user root;")
pid $tmp/nginx.pid;
error_log $tmp/nginx-error.log;
worker_processes 1;
events { worker_connections 256; }
http {
    access_log off;
    client_body_temp_path $tmp/body; fastcgi_temp_path $tmp/fcgi; proxy_temp_path $tmp/proxy;
    uwsgi_temp_path $tmp/uwsgi; scgi_temp_path $tmp/scgi;
    client_max_body_size 1m;
    server {
        listen 127.0.0.1:$port;
        location = /receive.php {
            # mix.lua's per-request tag, echoed so a reply names the request it answers
            add_header X-Load-Id \$http_x_load_id always;
$(if [ "$receiver" = java ]; then
    echo "            proxy_pass http://127.0.0.1:$((port + 1))/99bill/notify;"
else
    echo "            fastcgi_pass 127.0.0.1:$((port + 1));"
    echo "            fastcgi_param QUERY_STRING \$query_string;"
    echo "            fastcgi_param REQUEST_METHOD \$request_method;"
    echo "            fastcgi_param SCRIPT_FILENAME $script;"
fi)
        }
    }
}
CONF
# No php.ini (-n), so nothing of the machine's PHP setup counts; opcache on, as in production.
opcache="$(php-config --extension-dir)/opcache.so"
[ -f "$opcache" ] && opcache_args=(-d zend_extension="$opcache" -d opcache.enable=1) || opcache_args=()
if [ "$receiver" = java ]; then
    . "$here/jetty.sh" # jetty_start: the servlet webapp built and Jetty started, pid in jetty.pid
    jetty_start || finish
else
    timeout 10 php-fpm8.2 -n "${opcache_args[@]}" $([ "$(id -u)" = 0 ] && echo -R) -y "$tmp/fpm.conf" || { check "php-fpm starts" 1; finish; }
fi
timeout 10 nginx -c "$tmp/nginx.conf" -p "$tmp" 2>"$tmp/nginx-start.log" || { cat "$tmp/nginx-start.log"; check "nginx starts" 1; finish; }
for _ in $(seq 50); do curl -s -m 1 -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done

# PHP: the FPM master's children; Java: the one JVM
if [ "$receiver" = java ]; then workers() { alive "$(cat "$tmp/jetty.pid")" && cat "$tmp/jetty.pid"; }
else workers() { pgrep -P "$(cat "$tmp/fpm.pid")" | sort | tr '\n' ' '; }; fi
rss() { local t=0; for p in $(workers); do t=$((t + $(awk '/VmRSS/ {print $2}' "/proc/$p/status"))); done; echo "$t"; }
url="http://127.0.0.1:$port/receive.php"
get() { curl -s -m 10 "$url?$(cat "$tmp/$1.query")"; }
w0="$(workers)" rss0="$(rss)" # at the start, before any request
echo "round | $receiver | start | | | | | | $rss0 kB | $(cut -d' ' -f1-3 /proc/loadavg) |"

case "$(get valid)" in "<result>1</result>"*) r=0 ;; *) r=1 ;; esac; check "valid notification: result 1" $r
case "$(get tampered)" in "<result>0</result>"*) r=0 ;; *) r=1 ;; esac; check "tampered notification: result 0" $r
case "$(get duplicated)" in "<result>0</result>"*) r=0 ;; *) r=1 ;; esac; check "duplicated payAmount (last wins): result 0" $r
case "$(get oversized)" in "<result>0</result>"*) r=0 ;; *) r=1 ;; esac; check "6,000-digit payAmount: result 0" $r
code="$(head -c 1048577 /dev/zero | tr '\0' x | curl -s -m 10 -o /dev/null -w '%{http_code}' --data-binary @- "$url?$(cat "$tmp/valid.query")")"
[ "$code" = 413 ]; check "body > 1 MiB: 413 from nginx" $? "(got $code)"

# Each round: wrk, then the totals, the per-kind counts and the workers' RSS.
rss_start="$rss0" total=0 wrong_all=0 s5_all=0 unanswered_max=0 kinds_bad=""
round=0
while [ "$round" -lt "$rounds" ] || { [ "$total" -lt "$min" ] && [ "$round" -lt $((3 * rounds)) ]; }; do
    round=$((round + 1))
    out="$(LOAD_DIR="$tmp" timeout $((secs + 20)) wrk -t2 -c4 -d"${secs}s" --latency -s "$here/mix.lua" "http://127.0.0.1:$port" 2>&1)"
    echo "$out" | grep -E 'Requests/sec|checked|kinds|latency p|first wrong'
    read -r checked wrong s5 unanswered <<<"$(echo "$out" | sed -n 's/^checked \([0-9]*\) wrong \([0-9]*\) 5xx \([0-9]*\) unanswered \([0-9]*\) .*/\1 \2 \3 \4/p')"
    read -r p50 p99 <<<"$(echo "$out" | sed -n 's/^latency p50 \([0-9]*\) us p99 \([0-9]*\) us/\1 \2/p')"
    rps="$(echo "$out" | sed -n 's/^Requests\/sec: *\([0-9.]*\)/\1/p')"
    # a kind none of whose replies was right, or with fewer right than answered
    kinds_bad="$kinds_bad$(echo "$out" | sed -n 's/^kinds //p' | tr ' ' '\n' | paste - - | awk '{split($2, a, "/"); if (a[1] != a[2] || a[2] == 0) printf " %s", $1 ":" $2}')"
    total=$((total + ${checked:-0})) wrong_all=$((wrong_all + ${wrong:-1})) s5_all=$((s5_all + ${s5:-1}))
    [ "${unanswered:-99}" -gt "$unanswered_max" ] && unanswered_max="${unanswered:-99}"
    rss_now="$(rss)"
    echo "round | $receiver | $round | ${checked:-?} | $total | ${rps:-?} | $(awk "BEGIN {printf \"%.2f\", ${p50:-0} / 1000}") ms | $(awk "BEGIN {printf \"%.2f\", ${p99:-0} / 1000}") ms | $rss_now kB | $(cut -d' ' -f1-3 /proc/loadavg) |"
    rss0="$rss_now"
done
w1="$(workers)"
echo "workers RSS: ${rss_start} kB before, ${rss0} kB after $total requests"
[ "$total" -ge "$min" ] && [ "$total" -gt 0 ]; check "wrk ran requests ($total, at least $min)" $?
[ "$wrong_all" = 0 ]; check "every reply right for its own request under load" $? "($wrong_all wrong)"
[ -z "$kinds_bad" ]; check "every kind answered right (tampered, duplicated, oversized: failure reply)" $? "($kinds_bad)"
# wrk's unsent verification request, plus at most one in flight per connection (-c4) at the stop
[ "$unanswered_max" -le 5 ]; check "every request answered but the in-flight ones" $? "($unanswered_max unanswered in a round)"
[ "$s5_all" = 0 ]; check "zero 5xx under load" $? "($s5_all)"
if [ "$receiver" = java ]; then
    [ -n "$w1" ] && [ "$w0" = "$w1" ] && ! ls "$tmp"/hs_err_* >/dev/null 2>&1; check "the JVM did not die" $? "($w0 / $w1)"
else
    [ "$w0" = "$w1" ] && ! grep -qE 'exited on signal|exited with code' "$tmp/fpm.log"; check "no php-fpm worker died" $? "($w0 / $w1)"
fi
finish
