#!/usr/bin/env bash
# Memory of paysign, measured: the heap a paysign_key and a parsed notification keep alive
# (cargo bench --bench memory, glibc mallinfo2), and the peak resident size of the CLI for a
# verify and a sign (/usr/bin/time -v; Debian package `time`).
#
#   bench/memory.sh [CARGO FEATURE ARGS...]     e.g. --no-default-features, --features aws-lc
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
tdir=${CARGO_TARGET_DIR:-$root/target}
work=$tdir/bench-memory
keys=$root/testdata/vectors/keys
rm -rf "$work"
mkdir -p "$work"
[ -x /usr/bin/time ] || { echo "memory.sh: /usr/bin/time missing (apt-get install time)" >&2; exit 1; }

cargo build --release --quiet --bin paysign "$@"
cli=$tdir/release/paysign
python3 bench/inputs.py testdata/vectors "$work"
"$cli" sign 99bill.pay.notify --form "$work/notify_unsigned.form" --key "$keys/99bill_10012140356.pem" \
  --options hash=sha256 --output form > "$work/notify.form"
python3 - "$work" <<'PY'
import json, sys, urllib.parse
d = json.load(open("testdata/vectors/99bill.json", encoding="utf-8"))
c = next(c for c in d["cases"] if c["id"] == "99bill-md5-callback-midpay")
q = "&".join(urllib.parse.quote(n, safe="") + "=" + urllib.parse.quote(v, safe="") for n, v in c["params"])
open(sys.argv[1] + "/md5_notify.form", "w").write(q)
w = json.load(open("testdata/vectors/wechatpay.json", encoding="utf-8"))
c = next(c for c in w["cases"] if c["id"] == "wechat-notify-xml-md5-derived")
open(sys.argv[1] + "/wechat.xml", "w", encoding="utf-8").write(c["body"])
PY

peak() { # label command...: the command's maximum resident set size
  local label=$1; shift
  /usr/bin/time -v "$@" > "$work/out.txt" 2> "$work/time.txt" || { cat "$work/time.txt" >&2; exit 1; }
  printf '%-58s %6s KiB\n' "$label" "$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt")"
}
echo "== CLI peak resident set size (cargo args: ${*:-default features})"
peak "verify 99bill RSA-2048 notification, certificate" \
  "$cli" verify 99bill.pay.notify --body "$work/notify.form" --key "$keys/99bill_10012140356_cert.pem"
peak "verify 99bill MD5 notification, secret" \
  "$cli" verify 99bill.pay.notify --body "$work/md5_notify.form" --secret APPSECRET
peak "verify WeChat XML notification, secret" \
  "$cli" verify wechatpay.notify --body "$work/wechat.xml" --format xml --secret 192006250b4c09247ec02edce69f6a2d
peak "sign 99bill RSA-2048 request, PFX" \
  "$cli" sign 99bill.pay.request --form "$work/request.form" --key "$keys/99bill_10012140356.pfx" --password 123456

echo "== heap kept by handles"
cargo bench --quiet --bench memory "$@" 2>/dev/null | grep -v '^$'
