#!/usr/bin/env bash
# Issue 15: the .NET 99bill bgUrl handler of examples/dotnet/web (Notify99bill.ashx) under Mono's
# ASP.NET, notified by `paysign simulate --auto pay`, all on 127.0.0.1, bounded in time.
# xsp4 (Debian mono-xsp4) cannot start on this Mono (examples/dotnet/README.md says why), so the
# site runs under tests/simulate/AspNetHost.cs, the same System.Web pipeline behind an
# HttpListener. Checks: the order posted (python urllib, as a browser would) is paid, the
# handler verified the notification with paysign and replied the exact success body, the
# simulator recorded it accepted; a tampered copy (operator API) is refused with result 0.
# Every server runs in its own process group, stopped at the end.
# Last line: "xsp: N passed, M failed".
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/paysign-xsp.XXXXXX")
groups=()
stop() {
    for g in "${groups[@]}"; do kill -TERM -- "-$g" 2>/dev/null; done
    sleep 0.5
    for g in "${groups[@]}"; do kill -KILL -- "-$g" 2>/dev/null; done
    rm -rf "$tmp"
}
trap stop EXIT
fail() { echo "xsp: 0 passed, 1 failed ($1)"; exit 1; }
for tool in mcs mono python3; do
    command -v "$tool" >/dev/null || fail "$tool not found: scripts/setup.sh"
done
timeout 900 cargo build --release --quiet --bin paysign --lib || fail "cargo build"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
sim_port=$(free_port)
shop_port=$(free_port)

# The site as a merchant deploys it: web/ plus bin/PaySign.dll and the native library.
site=$tmp/web
cp -r examples/dotnet/web "$site"
mkdir -p "$site/bin"
mcs -nologo -warnaserror+ -target:library -out:"$site/bin/PaySign.dll" bindings/dotnet/src/*.cs || fail "PaySign.dll"
mcs -nologo -warnaserror+ -r:System.Web.dll -out:"$site/bin/AspNetHost.exe" tests/simulate/AspNetHost.cs || fail "AspNetHost.exe"
cp target/release/libpaysign.so "$site/bin/"

setsid target/release/paysign simulate --listen "127.0.0.1:$sim_port" --state "$tmp/state" --auto pay \
    --fast 1000 --timeout 5 > "$tmp/sim.log" 2>&1 &
groups+=($!)
for _ in $(seq 100); do [ -f "$tmp/state/99bill.cert.pem" ] && break; sleep 0.1; done
[ -f "$tmp/state/99bill.cert.pem" ] || fail "the simulator made no 99bill certificate: $(cat "$tmp/sim.log")"

# Web.config pointed at the simulator's 99bill certificate (test mode) and loopback result pages.
sed -e "s|~/App_Data/99bill.cert.rsa.20340630.cer\" />|$tmp/state/99bill.cert.pem\" />|" \
    -e "s|http://merchant.example/pay/ok|http://127.0.0.1:$shop_port/ok|" \
    -e "s|http://merchant.example/pay/failed|http://127.0.0.1:$shop_port/failed|" \
    examples/dotnet/web/Web.config > "$site/Web.config"
# No LD_LIBRARY_PATH: ASP.NET shadow-copies bin/, and PaySign.dll must find bin/libpaysign.so
# from there itself (NativeLoader.cs), as on a merchant's server.
setsid mono "$site/bin/AspNetHost.exe" "$shop_port" "$site" > "$tmp/shop.log" 2>&1 &
groups+=($!)

timeout 240 python3 - "$root/target/release/paysign" "$sim_port" "$shop_port" "$tmp" <<'PY'
import json, socket, subprocess, sys, time, urllib.error, urllib.parse, urllib.request
paysign, sim_port, shop_port, tmp = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
sim, shop = f"http://127.0.0.1:{sim_port}", f"http://127.0.0.1:{shop_port}"
passed = failed = 0
def check(name, ok, detail=""):
    global passed, failed
    passed, failed = passed + bool(ok), failed + (not ok)
    print(("ok   - " if ok else "FAIL - ") + name + ("" if ok else f": {detail}"))
class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **k):
        return None
opener = urllib.request.build_opener(NoRedirect)
def http(method, url, data=None, t=60):
    req = urllib.request.Request(url, data=data, method=method)
    try:
        with opener.open(req, timeout=t) as r:
            return r.status, r.headers, r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read().decode("utf-8", "replace")
def listening(port):
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", int(port))) == 0
end = time.time() + 30
while time.time() < end and not (listening(sim_port) and listening(shop_port)):
    time.sleep(0.2)
check("simulator and the ASP.NET host listen", listening(sim_port) and listening(shop_port))
# The first request compiles App_Code: a notification without fields is answered result 0.
status, _, text = http("GET", f"{shop}/Notify99bill.ashx", t=120)
check("handler compiled, an empty notification answered <result>0</result>",
      status == 200 and text == f"<result>0</result><redirecturl>{shop}/failed</redirecturl>", f"{status} {text[:500]}")
# The merchant's order form, signed with the test merchant's key (as send.php would), posted.
now = time.strftime("%Y%m%d%H%M%S")
order = [("inputCharset", "1"), ("bgUrl", f"{shop}/Notify99bill.ashx?shop=1"), ("version", "v2.0"), ("language", "1"),
         ("signType", "4"), ("merchantAcctId", "1001214035601"), ("payerName", "张三"), ("orderId", "XSP" + now),
         ("orderAmount", "1"), ("orderTime", now), ("productName", "Apple"), ("productNum", "1"), ("payType", "00"),
         ("redoFlag", "0")]
signed = subprocess.run([paysign, "sign", "99bill.pay.request", *[f"{k}={v}" for k, v in order],
                         "--key", "testdata/vectors/keys/99bill_10012140356.pfx", "--password-env", "PFX_PASSWORD",
                         "--options", "hash=sha256", "--output", "form"],
                        capture_output=True, timeout=30, env={"PFX_PASSWORD": "123456"})
form = signed.stdout.strip()
check("order form signed", signed.returncode == 0 and b"signMsg=" in form, signed.stderr.decode())
status, headers, text = http("POST", f"{sim}/gateway/recvMerchantInfoAction.htm", form)
back = headers.get("Location", "")
check("--auto pay: the browser is sent to the handler's redirecturl",
      status == 302 and back == f"{shop}/ok", f"{status} {back} {text[:300]}")
orders = json.loads(http("GET", f"{sim}/_sim/api/orders")[2])["orders"]
o = [x for x in orders if x["order_id"] == "XSP" + now]
o = o[0] if o else {}
n = (o.get("notifications") or [{}])[0]
a = (n.get("attempts") or [{}])[0]
check("notification went to the .ashx with its own query kept",
      n.get("url", "").startswith(f"{shop}/Notify99bill.ashx?shop=1&merchantAcctId=1001214035601&"), json.dumps(n)[:300])
check("the handler verified it and replied the exact success body",
      a.get("reply") == f"<result>1</result><redirecturl>{shop}/ok</redirecturl>", json.dumps(a)[:300])
check("the simulator records the order paid and notified OK at the first try",
      o.get("status") == "paid" and a.get("accepted") is True and len(n.get("attempts", [])) == 1, json.dumps(o)[:400])
api = f"{sim}/_sim/api/orders/{o.get('id')}"
status, _, text = http("POST", f"{api}/notify?kind=tampered")
t = json.loads(text)["notifications"][-1] if status == 200 else {}
ta = (t.get("attempts") or [{}])[0]
check("a tampered copy is refused: result 0, not accepted",
      t.get("kind") == "tampered" and ta.get("accepted") is False
      and ta.get("reply") == f"<result>0</result><redirecturl>{shop}/failed</redirecturl>", json.dumps(t)[:400])
status, _, text = http("POST", f"{api}/notify?kind=duplicate")
d = json.loads(text)["notifications"][-1] if status == 200 else {}
check("a duplicate is accepted again", ((d.get("attempts") or [{}])[0]).get("accepted") is True, json.dumps(d)[:300])
print(f"xsp: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
rc=$?
if [ $rc -eq 124 ]; then echo "xsp: 0 passed, 1 failed (timed out)"; fi
if [ $rc -ne 0 ]; then tail -n 20 "$tmp/shop.log" "$tmp/sim.log"; fi
exit $rc
