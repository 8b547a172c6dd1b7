#!/usr/bin/env python3
"""End to end: `paysign simulate` against the repo's own PHP example merchant (examples/php).

Both run for real on 127.0.0.1: the simulator, and examples/php under `php -S` with the paysign
extension, configured through its environment (KQ_GATEWAY, KQ_GATEWAY_CERT, ...) the way a
merchant points its test setup at the simulator. This script plays the payer's browser with
urllib: it loads the merchant's checkout page, posts its form to the simulator, clicks Pay
and follows the redirect back to the merchant. Then the operator API resends duplicate,
tampered, wrong-amount and other-order notifications, and the simulator's record of the
merchant's replies is checked.

Usage: e2e.py PAYSIGN_BINARY PHP_EXTENSION. Last line: "simulate: N passed, M failed".
"""

import html
import html.parser
import json
import os
import signal
import socket
import subprocess
import sys
import shutil
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
passed = 0
failed = 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print(f"ok   - {name}")
    else:
        failed += 1
        print(f"FAIL - {name}" + (f": {detail}" if detail else ""))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def http(method, url, data=None):
    """(status, headers, body text) without following redirects; 10 s bound."""
    req = urllib.request.Request(url, data=data, method=method)
    if data is not None:
        req.add_header("Content-Type", "application/x-www-form-urlencoded")
    try:
        with OPENER.open(req, timeout=10) as r:
            return r.status, r.headers, r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read().decode("utf-8", "replace")


class FormParser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.action = None
        self.fields = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.action = a.get("action")
        elif tag == "input" and a.get("type") == "hidden":
            self.fields.append((a["name"], a.get("value", "")))


def wait_listening(port, proc, what):
    for _ in range(100):
        if proc.poll() is not None:
            return False
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return True
        time.sleep(0.1)
    print(f"{what} did not start listening on {port}")
    return False


def orders(sim):
    return json.loads(http("GET", f"{sim}/_sim/api/orders")[2])["orders"]


def wait_for(pred, seconds=10):
    end = time.time() + seconds
    while time.time() < end:
        if pred():
            return True
        time.sleep(0.1)
    return pred()


def browser_flow(sim, shop, state):
    """The payer in a real headless Chromium: checkout, the simulator's payment page, Pay, back on
    the merchant's page showing "paid"; then a tampered request and its diagnose page.
    PAYSIGN_SCREENSHOTS=DIR keeps screenshots of both pages (docs/simulate-*.png)."""
    from browser import Browser
    chromium = os.environ.get("PAYSIGN_CHROMIUM", "chromium")
    shots = os.environ.get("PAYSIGN_SCREENSHOTS")
    profile = os.path.join(state, "chromium")
    os.makedirs(profile)
    try:
        b = Browser(chromium, profile, free_port())
    except (OSError, RuntimeError) as e:
        check("headless chromium starts", False, str(e))
        return
    try:
        b.call("Page.enable")
        b.navigate(f"{shop}/99bill/send.php")
        at = b.wait_url(f"{sim}/_sim/orders/")
        check("browser: checkout form posted, the simulator's payment page shown", at is not None and at.endswith("/pay"), str(at))
        order_id = b.evaluate("document.getElementById('order-id') && document.getElementById('order-id').textContent")
        if shots:
            b.screenshot(os.path.join(shots, "simulate-payment-page.png"))
        b.evaluate("document.getElementById('pay').click()")
        back = b.wait_url(f"{shop}/99bill/show.php")
        shown = b.evaluate("document.getElementById('status') && document.getElementById('status').textContent")
        check("browser: Pay, notification verified by receive.php, back on the merchant's page showing paid",
              back is not None and f"orderId={order_id}" in back and shown == "paid", f"{back} {shown}")

        # A request the merchant signed, then changed: the diagnose page, in the browser.
        status, _, page = http("GET", f"{shop}/99bill/send.php")
        form = FormParser()
        form.feed(page)
        inputs = "".join(f'<input type="hidden" name="{html.escape(k)}" value="{html.escape("99" if k == "orderAmount" else v)}">'
                         for k, v in form.fields)
        doc = f'<form method="post" action="{form.action}">{inputs}</form><script>document.forms[0].submit()</script>'
        b.navigate("data:text/html;charset=utf-8," + urllib.parse.quote(doc))
        at = b.wait_url(form.action)
        text = b.evaluate("document.body.innerText") or ""
        check("browser: a changed request shows 20001 and diagnose's sign string",
              at is not None and "20001" in text and "orderAmount=99&" in text, text[:300])
        if shots:
            b.screenshot(os.path.join(shots, "simulate-diagnose-page.png"))
    finally:
        b.close()


WX_KEY = "192006250b4c09247ec02edce69f6a2d"  # WeChat's documentation key, the simulator's default


def checkout(url):
    """The shop's checkout page: its form and the form's fields."""
    form = FormParser()
    form.feed(http("GET", url)[2])
    return form, dict(form.fields)


def first_notification(auto, order_id):
    """The --auto simulator's order with this number (a list of at most one) and its first notification."""
    o = [o for o in orders(auto) if o["order_id"] == order_id]
    return o, (o[0]["notifications"][0] if o and o[0]["notifications"] else {})


def delivered(what, o, n, url, method, reply, label, book):
    """Checks that notification n of order o went to url (a prefix if it ends in ?) by method,
    was accepted with reply at the first try, and that the shop's order book has it paid."""
    to = n.get("url", "")
    check(f"{what}: {label}, accepted ({reply}) at the first try",
          bool(n) and (to == url or (url.endswith("?") and to.startswith(url))) and n["method"] == method
          and n["attempts"][0]["accepted"] and n["attempts"][0]["reply"] == reply, json.dumps(o)[:400])
    check(f"{what}: the shop's order book has the order paid", book.get("status") == "paid", json.dumps(book))
    return book


def tampered(auto, o):
    """A tampered copy of order o[0]'s notification, resent: its record."""
    status, _, text = http("POST", f"{auto}/_sim/api/orders/{o[0]['id']}/notify?kind=tampered")
    return json.loads(text)["notifications"][-1] if status == 200 else {}


def wx_sign(fields):
    """WeChat Pay v2's rule, written here from docs/specs/wechatpay.md: non-empty fields but
    sign, sorted by name, joined, &key=KEY, MD5, uppercase."""
    import hashlib
    s = "&".join(f"{k}={v}" for k, v in sorted(fields.items()) if v != "" and k != "sign")
    return hashlib.md5((s + "&key=" + WX_KEY).encode()).hexdigest().upper()


def wx_fields(xml_text):
    import xml.etree.ElementTree as ET
    return {c.tag: (c.text or "") for c in ET.fromstring(xml_text)}


def wechat_flow(sim, shop, state):
    """WeChat Pay v2: the shop's order.php calls /pay/unifiedorder, the payer 'scans' code_url
    in Chromium and pays, notify.php answers the XML notification, query.php sees SUCCESS."""
    from browser import Browser
    b = Browser(os.environ.get("PAYSIGN_CHROMIUM", "chromium"), os.path.join(state, "chromium"), free_port())
    try:
        b.call("Page.enable")
        b.navigate(f"{shop}/wechatpay/order.php")
        b.wait_url(f"{shop}/wechatpay/order.php")
        code = b.evaluate("document.getElementById('code') && document.getElementById('code').textContent")
        check("wechat: order.php's unifiedorder answered with a code_url",
              bool(code) and code.startswith("weixin://wxpay/bizpayurl?pr="), str(b.evaluate("document.body.innerText")))
        b.navigate(f"{sim}/_sim/scan?code_url=" + urllib.parse.quote(code or ""))
        at = b.wait_url(f"{sim}/_sim/orders/")
        b.evaluate("document.getElementById('pay').click()")
        done = b.wait_url(f"{sim}/_sim/orders/") and wait_for(
            lambda: (b.evaluate("document.getElementById('result') && document.getElementById('result').textContent") or "").startswith("The merchant accepted"))
        check("wechat: scanned, paid, notification accepted by notify.php", at is not None and done,
              str(b.evaluate("document.body.innerText"))[:300])
        order_no = None
        for o in orders(sim):
            if o["gateway"] == "wechatpay" and o["status"] == "paid":
                order_no = o["order_id"]
        b.navigate(f"{shop}/wechatpay/query.php?out_trade_no={order_no}")
        b.wait_url(f"{shop}/wechatpay/query.php")
        state_shown = b.evaluate("document.getElementById('state') && document.getElementById('state').textContent")
        check("wechat: query.php's orderquery says SUCCESS", state_shown == "SUCCESS", str(state_shown))
    finally:
        b.close()

    wx = [o for o in orders(sim) if o["gateway"] == "wechatpay" and o["status"] == "paid"][0]
    n = wx["notifications"][0]
    body = wx_fields(n["body"])
    check("wechat: notification was an XML POST to notify_url",
          n["method"] == "POST" and n["url"] == f"{shop}/wechatpay/notify.php" and body["out_trade_no"] == wx["order_id"], json.dumps(n)[:300])
    check("wechat: notification signed by the spec's rule (Python hashlib, not paysign)",
          body["sign"] == wx_sign(body) and body["result_code"] == "SUCCESS" and body["total_fee"] == "1", json.dumps(body))
    book = shop_book(state, wx["order_id"])
    check("wechat: the shop's order book has the order paid, one notification",
          book.get("status") == "paid" and book.get("notifications") == 1, json.dumps(book))

    # The merchant API, signed here by the rule.
    req = {"appid": "wxd930ea5d5a258f4f", "mch_id": "10000100", "nonce_str": "e2e", "out_trade_no": wx["order_id"]}
    req["sign"] = wx_sign(req)
    xml_req = "<xml>" + "".join(f"<{k}>{v}</{k}>" for k, v in req.items()) + "</xml>"
    status, _, text = http("POST", f"{sim}/pay/orderquery", xml_req.encode())
    ans = wx_fields(text)
    check("wechat: orderquery answer signed by the rule, trade_state SUCCESS",
          ans.get("trade_state") == "SUCCESS" and ans.get("sign") == wx_sign(ans), text[:300])
    status, _, text = http("POST", f"{sim}/pay/orderquery", xml_req.replace(wx["order_id"], "nope").encode())
    check("wechat: a request whose sign no longer matches gets FAIL 签名错误",
          wx_fields(text).get("return_code") == "FAIL" and "签名错误" in wx_fields(text).get("return_msg", ""), text[:300])

    api = f"{sim}/_sim/api/orders/{wx['id']}"
    status, _, text = http("POST", f"{api}/notify?kind=tampered")
    t = json.loads(text)["notifications"][-1]
    check("wechat: tampered notification rejected by notify.php with FAIL",
          not t["attempts"][0]["accepted"] and "FAIL" in t["attempts"][0]["reply"], json.dumps(t)[:300])
    status, _, text = http("POST", f"{api}/notify?kind=duplicate")
    d = json.loads(text)["notifications"][-1]
    check("wechat: duplicate accepted", d["attempts"][0]["accepted"], json.dumps(d)[:300])
    book = shop_book(state, wx["order_id"])
    check("wechat: the order book counted the duplicate and kept the order paid (handled once)",
          book.get("status") == "paid" and book.get("notifications") == 2, json.dumps(book))


def rsa2_verified(state, fields, cert, name):
    """Alipay's rule, written here from docs/specs/alipay.md §5: non-empty fields but sign and
    sign_type, sorted, joined; SHA256withRSA checked by the openssl CLI."""
    import base64
    text = "&".join(f"{k}={v}" for k, v in sorted(fields.items()) if v != "" and k not in ("sign", "sign_type"))
    paths = [os.path.join(state, f"{name}.{x}") for x in ("txt", "sig", "pub")]
    open(paths[0], "wb").write(text.encode())
    open(paths[1], "wb").write(base64.b64decode(fields["sign"]))
    subprocess.run(["openssl", "x509", "-in", cert, "-pubkey", "-noout", "-out", paths[2]], check=True, timeout=20)
    r = subprocess.run(["openssl", "dgst", "-sha256", "-verify", paths[2], "-signature", paths[1], paths[0]],
                       capture_output=True, timeout=20)
    return r.returncode == 0


def alipay_flow(sim, shop, state):
    """Alipay OpenAPI page pay: pay.php's form to the simulator in Chromium, Pay, notify.php
    answers `success`, the browser returns to return.php showing "paid"."""
    from browser import Browser
    b = Browser(os.environ.get("PAYSIGN_CHROMIUM", "chromium"), os.path.join(state, "chromium"), free_port())
    try:
        b.call("Page.enable")
        b.navigate(f"{shop}/alipay/pay.php")
        at = b.wait_url(f"{sim}/_sim/orders/")
        check("alipay: pay.php's form verified, payment page shown", at is not None, str(b.evaluate("document.body.innerText"))[:300])
        b.evaluate("document.getElementById('pay').click()")
        back = b.wait_url(f"{shop}/alipay/return.php")
        shown = b.evaluate("document.getElementById('status') && document.getElementById('status').textContent")
        check("alipay: Pay, notify.php accepted, browser back on return.php showing paid (signed return verified)",
              back is not None and shown == "paid", f"{back} {shown}")
    finally:
        b.close()
    ap = [o for o in orders(sim) if o["gateway"] == "alipay"][0]
    n = ap["notifications"][0]
    body = dict(urllib.parse.parse_qsl(n["body"], keep_blank_values=True))
    cert = os.path.join(state, "alipay.cert.pem")
    check("alipay: notification a form POST, RSA2 by the spec's rule (openssl, not paysign)",
          n["method"] == "POST" and body["trade_status"] == "TRADE_SUCCESS" and body["total_amount"] == "0.01"
          and rsa2_verified(state, body, cert, "alipay-notify"), json.dumps(body)[:400])
    api = f"{sim}/_sim/api/orders/{ap['id']}"
    for kind in ("tampered", "wrong_amount", "other_order"):
        status, _, text = http("POST", f"{api}/notify?kind={kind}")
        k = json.loads(text)["notifications"][-1]
        check(f"alipay: {kind} notification rejected by notify.php (fail)",
              not k["attempts"][0]["accepted"] and k["attempts"][0]["reply"] == "fail", json.dumps(k["attempts"])[:300])
    status, _, text = http("POST", f"{api}/notify?kind=duplicate")
    d = json.loads(text)["notifications"][-1]
    book = json.load(open(os.path.join(state, "shop-orders", ap["order_id"].encode().hex() + ".json")))
    check("alipay: duplicate accepted and handled once", d["attempts"][0]["accepted"] and book["status"] == "paid"
          and book["notifications"] == 2, json.dumps(book))
    # A changed form: isv.invalid-signature with diagnose's report.
    status, _, text = http("POST", f"{sim}/gateway.do", b"app_id=9021000122682882&method=alipay.trade.page.pay&sign_type=RSA2&biz_content=%7B%7D&sign=AAAA")
    check("alipay: a bad sign answered isv.invalid-signature", status == 400 and "isv.invalid-signature" in text, text[:300])
    status, _, text = http("POST", f"{sim}/gateway.do", b"app_id=1&method=alipay.trade.page.pay&sign=AAAA")
    check("alipay: an unknown app_id answered isv.invalid-app-id", status == 400 and "isv.invalid-app-id" in text, text[:300])


def wechat_auto(auto, shop, state):
    """--auto pay for a WeChat API order: unifiedorder from the merchant's server, no browser;
    the simulator pays it a moment later and notify.php accepts the notification, whose sign
    is re-checked here by the written rule (hashlib)."""
    fields = {"appid": "wx2421b1c4370ec43b", "mch_id": "10000100", "nonce_str": "autotest0001", "body": "auto",
              "out_trade_no": "WXAUTO" + str(int(time.time())), "total_fee": "1", "spbill_create_ip": "127.0.0.1",
              "notify_url": f"{shop}/wechatpay/notify.php", "trade_type": "NATIVE"}
    fields["sign"] = wx_sign(fields)
    # This order is made here, not by order.php: put it in the shop's book as orders.php would.
    book = os.path.join(state, "shop-orders", fields["out_trade_no"].encode().hex() + ".json")
    with open(book, "w") as f:
        json.dump({"orderId": fields["out_trade_no"], "amount": "1", "status": "pending", "notifications": 0}, f)
    xml = "<xml>" + "".join(f"<{k}>{v}</{k}>" for k, v in fields.items()) + "</xml>"
    status, _, text = http("POST", f"{auto}/pay/unifiedorder", xml.encode())
    answer = wx_fields(text) if text.startswith("<xml>") else {}
    check("--auto pay, WeChat: unifiedorder answered SUCCESS without a browser",
          status == 200 and answer.get("result_code") == "SUCCESS" and answer.get("sign") == wx_sign(answer), text[:300])
    def done():
        o = [o for o in orders(auto) if o["order_id"] == fields["out_trade_no"]]
        return o and o[0]["notifications"] and o[0]["notifications"][0]["attempts"] and o[0]
    o = wait_for(done, 5) and done()
    n = o["notifications"][0] if o else {}
    check("--auto pay, WeChat: order paid and the notification accepted by notify.php",
          bool(o) and o["status"] == "paid" and n["attempts"][0]["accepted"], json.dumps(o)[:400])
    body = wx_fields(n["body"]) if n else {}
    check("--auto pay, WeChat: the notification's sign is right by the written rule (hashlib)",
          body.get("result_code") == "SUCCESS" and body.get("out_trade_no") == fields["out_trade_no"]
          and body.get("sign") == wx_sign(body), json.dumps(body)[:300])
    check("--auto pay, WeChat: the shop's order book has the order paid",
          shop_book(state, fields["out_trade_no"]).get("status") == "paid", json.dumps(shop_book(state, fields["out_trade_no"])))


def chinabank_auto(auto, shop, state):
    """ChinaBank through --auto pay: the shop's pay.php form posted to /PayGate, the notification
    (remark2's [url:=…]) accepted by notify.php, whose order book then has the order paid; its
    v_md5str re-checked by the spec rule (hashlib); a tampered copy rejected."""
    import hashlib
    form, fields = checkout(f"{shop}/chinabank/pay.php")
    status, headers, _ = http("POST", f"{auto}/PayGate", urllib.parse.urlencode(form.fields).encode())
    back = headers.get("Location", "")
    check("ChinaBank --auto pay: the browser sent to v_url with the result",
          status == 302 and back.startswith(f"{shop}/chinabank/return.php?v_oid=") and "v_pstatus=20" in back, f"{status} {back}")
    o = [o for o in orders(auto) if o["order_id"] == fields.get("v_oid")]
    page = http("GET", back)[2] if back.startswith(shop) else ""
    check("ChinaBank: return.php verifies the return and shows paid", 'id="status">paid<' in page, page[:300])
    n = o[0]["notifications"][0] if o and o[0]["notifications"] else {}
    check("ChinaBank: notification POSTed to remark2's URL, accepted by notify.php at the first try",
          bool(n) and n["url"] == f"{shop}/chinabank/notify.php" and n["method"] == "POST" and n["attempts"][0]["accepted"],
          json.dumps(o)[:400])
    book = shop_book(state, fields.get("v_oid", ""))
    check("ChinaBank: the shop's order book has the order paid", book.get("status") == "paid", json.dumps(book))
    got = dict(urllib.parse.parse_qsl(n.get("body") or "", keep_blank_values=True, encoding="gbk"))
    want = hashlib.md5((got.get("v_oid", "") + got.get("v_pstatus", "") + got.get("v_amount", "") + got.get("v_moneytype", "")
                        + "test").encode()).hexdigest().upper()
    check("ChinaBank: v_md5str right by the spec rule (hashlib)",
          got.get("v_md5str") == want and got.get("v_amount") == "0.01" and got.get("v_pstatus") == "20", json.dumps(got))
    if o:
        t = tampered(auto, o)
        check("ChinaBank: a tampered copy rejected by notify.php (error)",
              bool(t) and not t["attempts"][0]["accepted"] and t["attempts"][0]["reply"] == "error", json.dumps(t)[:300])
    bad = urllib.parse.urlencode([(k, "0.02" if k == "v_amount" else v) for k, v in form.fields]).encode()
    status, _, text = http("POST", f"{auto}/PayGate", bad)
    check("ChinaBank: a changed request refused with diagnose's sign string",
          status == 400 and "v_md5info does not verify" in text and "0.02CNY" in text, text[:400])


def mapi_auto(auto, shop, state, sign_type):
    """Alipay mapi through --auto pay: the shop's pay.php form posted to /gateway.do, the
    notification accepted by notify.php (after its notify_verify check against the simulator),
    the order book paid; the signature re-checked by the spec rule (hashlib for MD5, openssl
    for RSA); a tampered copy rejected; a changed request refused with ILLEGAL_SIGN."""
    import base64
    import hashlib
    what = f"Alipay mapi {sign_type}"
    form, fields = checkout(f"{shop}/alipay_mapi/pay.php?sign_type={sign_type}")
    status, headers, _ = http("POST", f"{auto}/gateway.do", urllib.parse.urlencode(form.fields).encode())
    back = headers.get("Location", "")
    check(f"{what} --auto pay: the browser sent to return_url with is_success=T",
          status == 302 and back.startswith(f"{shop}/alipay_mapi/return.php?") and "is_success=T" in back, f"{status} {back}")
    page = http("GET", back)[2] if back.startswith(shop) else ""
    check(f"{what}: return.php verifies the return and shows paid", 'id="status">paid<' in page, page[:300])
    o, n = first_notification(auto, fields.get("out_trade_no"))
    book = delivered(what, o, n, f"{shop}/alipay_mapi/notify.php", "POST", "success", "notification POSTed to notify_url",
                     shop_book(state, fields.get("out_trade_no", "")))
    got = dict(urllib.parse.parse_qsl(n.get("body") or "", keep_blank_values=True))
    text = "&".join(f"{k}={v}" for k, v in sorted(got.items()) if k not in ("sign", "sign_type") and v != "")
    if sign_type == "MD5":
        right = got.get("sign") == hashlib.md5((text + "hello").encode()).hexdigest()
        how = "hashlib"
    else:
        right = sim_cert_verifies(state, "alipay", text, got.get("sign", ""))
        how = "openssl"
    check(f"{what}: the notification's sign right by the spec rule ({how})",
          right and got.get("sign_type") == sign_type and got.get("total_fee") == "0.01"
          and got.get("trade_status") == "TRADE_SUCCESS", json.dumps(got))
    if o:
        t = tampered(auto, o)
        check(f"{what}: a tampered copy rejected by notify.php (fail)",
              bool(t) and not t["attempts"][0]["accepted"] and t["attempts"][0]["reply"] == "fail", json.dumps(t)[:300])
    status, _, text = http("GET", f"{auto}/gateway.do?service=notify_verify&partner=2088000000000002&notify_id=sim0forged")
    check(f"{what}: notify_verify answers false for a notify_id it never sent", status == 200 and text == "false", text[:100])
    bad = urllib.parse.urlencode([(k, "0.02" if k == "total_fee" else v) for k, v in form.fields]).encode()
    status, _, text = http("POST", f"{auto}/gateway.do", bad)
    check(f"{what}: a changed request refused with ILLEGAL_SIGN and diagnose's sign string",
          status == 400 and 'id="code">ILLEGAL_SIGN<' in text and "total_fee=0.02" in text, text[:600])


DINPAY_FIELDS = ("bank_code", "bank_seq_no", "extra_return_param", "interface_version", "merchant_code", "notify_id",
                 "notify_type", "order_amount", "order_no", "order_time", "trade_no", "trade_status", "trade_time")


def dinpay_auto(auto, shop, state):
    """Dinpay through --auto pay: the shop's pay.php form posted to /gateway, the offline_notify
    accepted by notify.php (order book paid), its sign re-checked by the spec rule (hashlib), the
    browser's page_notify form posted to return.php, a tampered copy rejected."""
    import hashlib
    form, fields = checkout(f"{shop}/dinpay/pay.php")
    status, _, page = http("POST", f"{auto}/gateway", urllib.parse.urlencode(form.fields).encode())
    back = FormParser()
    back.feed(page)
    check("Dinpay --auto pay: the browser gets a page_notify form to return_url",
          status == 200 and back.action == f"{shop}/dinpay/return.php" and dict(back.fields).get("notify_type") == "page_notify",
          f"{status} {page[:300]}")
    page = http("POST", back.action, urllib.parse.urlencode(back.fields).encode())[2] if back.action else ""
    check("Dinpay: return.php verifies the page_notify and shows paid", 'id="status">paid<' in page, page[:300])
    o, n = first_notification(auto, fields.get("order_no"))
    book = delivered("Dinpay", o, n, f"{shop}/dinpay/notify.php", "POST", "SUCCESS", "offline_notify POSTed to notify_url",
                     shop_book(state, fields.get("order_no", "")))
    got = dict(urllib.parse.parse_qsl(n.get("body") or "", keep_blank_values=True))
    text = "&".join(f"{k}={got[k]}" for k in sorted(DINPAY_FIELDS) if got.get(k, "") != "")
    want = hashlib.md5((text + "&key=hfgd_83yt_90hb_gf98n").encode()).hexdigest()
    check("Dinpay: the notification's sign right by the spec rule (hashlib)",
          got.get("sign") == want and got.get("notify_type") == "offline_notify" and got.get("order_amount") == "0.01"
          and got.get("trade_status") == "SUCCESS", json.dumps(got))
    if o:
        t = tampered(auto, o)
        check("Dinpay: a tampered copy rejected by notify.php",
              bool(t) and not t["attempts"][0]["accepted"] and t["attempts"][0]["reply"] != "SUCCESS", json.dumps(t)[:300])
    bad = urllib.parse.urlencode([(k, "0.02" if k == "order_amount" else v) for k, v in form.fields]).encode()
    status, _, text = http("POST", f"{auto}/gateway", bad)
    check("Dinpay: a changed request refused with diagnose's sign string",
          status == 400 and "sign does not verify" in text and "order_amount=0.02" in text, text[:600])


DINPAY_TEST_KEYS = os.path.join(ROOT, "testdata/vectors/keys")  # the self-made RSA-S test key pair of the Dinpay vectors


def dinpay_rsa_sign(state, text):
    """RSA-S by the spec's rule (specs/dinpay.md: MD5withRSA, PKCS#1 v1.5, base64) with the
    openssl CLI and the shop's test private key: the sign."""
    import base64
    with open(os.path.join(state, "dp.txt"), "wb") as f:
        f.write(text.encode("utf-8"))
    r = subprocess.run(["openssl", "dgst", "-md5", "-sign", os.path.join(DINPAY_TEST_KEYS, "dinpay_rsa_s_test_private_pkcs8.pem"),
                        os.path.join(state, "dp.txt")], capture_output=True, timeout=20)
    return base64.b64encode(r.stdout).decode()


def dinpay_rsa_checks(paysign, auto, shop, state):
    """Dinpay RSA-S: `--cert dinpay` prints the simulator's Dinpay public key (a PUBLIC KEY PEM,
    the certificate's key by `openssl x509`); the shop's pay.php?sign_type=RSA-S form (its sign
    re-checked here by openssl with the test public key) through --auto pay; the offline_notify
    signed RSA-S with the simulator's key, checked by `openssl dgst -md5 -verify`, accepted by
    notify.php (order book paid); page_notify to return.php; tampered / wrong-amount /
    other-order copies rejected and their retries scheduled; a duplicate handled once; a
    changed request refused with diagnose's sign string; malformed requests refused; the query
    signed RSA-S both ways."""
    import xml.etree.ElementTree as ET
    pub = os.path.join(state, "dinpay.pub.pem")  # the shop's DINPAY_PUBLIC_KEY
    r = subprocess.run([paysign, "simulate", "--state", state, "--cert", "dinpay"], capture_output=True, timeout=20)
    with open(pub, "wb") as f:
        f.write(r.stdout)
    x = subprocess.run(["openssl", "x509", "-in", os.path.join(state, "dinpay.cert.pem"), "-pubkey", "-noout"],
                       capture_output=True, timeout=20)
    check("Dinpay RSA-S: --cert dinpay prints the simulator's public key as a PUBLIC KEY PEM (openssl x509 agrees)",
          r.returncode == 0 and r.stdout.startswith(b"-----BEGIN PUBLIC KEY-----") and r.stdout.strip() == x.stdout.strip(),
          (r.stdout + r.stderr)[:300])
    test_pub = os.path.join(DINPAY_TEST_KEYS, "dinpay_rsa_s_test_public.pem")
    form, fields = checkout(f"{shop}/dinpay/pay.php?sign_type=RSA-S")
    text = "&".join(f"{k}={v}" for k, v in sorted(fields.items()) if v != "" and k not in ("sign", "sign_type"))
    check("Dinpay RSA-S: pay.php's request signed MD5withRSA by the rule (openssl dgst -md5 -verify, test public key)",
          fields.get("sign_type") == "RSA-S" and openssl_verifies(state, test_pub, text, fields.get("sign", ""), "-md5"),
          json.dumps(fields, ensure_ascii=False)[:400])
    status, _, page = http("POST", f"{auto}/gateway", urllib.parse.urlencode(form.fields).encode())
    back = FormParser()
    back.feed(page)
    check("Dinpay RSA-S --auto pay: the browser gets a page_notify form, sign_type RSA-S",
          status == 200 and back.action == f"{shop}/dinpay/return.php" and dict(back.fields).get("sign_type") == "RSA-S",
          f"{status} {page[:300]}")
    page = http("POST", back.action, urllib.parse.urlencode(back.fields).encode())[2] if back.action else ""
    check("Dinpay RSA-S: return.php verifies the page_notify with the simulator's public key and shows paid",
          'id="status">paid<' in page, page[:300])
    o, n = first_notification(auto, fields.get("order_no"))
    delivered("Dinpay RSA-S", o, n, f"{shop}/dinpay/notify.php", "POST", "SUCCESS", "offline_notify POSTed to notify_url",
              shop_book(state, fields.get("order_no", "")))
    got = dict(urllib.parse.parse_qsl(n.get("body") or "", keep_blank_values=True))
    text = "&".join(f"{k}={got[k]}" for k in sorted(DINPAY_FIELDS) if got.get(k, "") != "")
    check("Dinpay RSA-S: the notification signed MD5withRSA with the simulator's key (openssl dgst -md5 -verify)",
          got.get("sign_type") == "RSA-S" and openssl_verifies(state, pub, text, got.get("sign", ""), "-md5")
          and got.get("order_amount") == "0.01" and got.get("trade_status") == "SUCCESS", json.dumps(got))
    check("Dinpay RSA-S: the test key does not verify it (the simulator's own key signed it)",
          not openssl_verifies(state, test_pub, text, got.get("sign", ""), "-md5"))
    if o:
        for kind in ("tampered", "wrong_amount", "other_order"):
            status, _, body = http("POST", f"{auto}/_sim/api/orders/{o[0]['id']}/notify?kind={kind}")
            k = json.loads(body)["notifications"][-1] if status == 200 else {}
            check(f"Dinpay RSA-S: the {kind} copy rejected by notify.php and its retry scheduled",
                  bool(k) and not k["attempts"][0]["accepted"] and k["attempts"][0]["reply"] != "SUCCESS"
                  and not k["done"] and k["next_at"] is not None, json.dumps(k)[:400])
        status, _, body = http("POST", f"{auto}/_sim/api/orders/{o[0]['id']}/notify?kind=duplicate")
        d = json.loads(body)["notifications"][-1] if status == 200 else {}
        book = shop_book(state, fields.get("order_no", ""))
        check("Dinpay RSA-S: a duplicate accepted and handled once",
              bool(d) and d["attempts"][0]["accepted"] and book.get("status") == "paid" and book.get("notifications") == 2,
              json.dumps(book))
    bad = urllib.parse.urlencode([(k, "0.02" if k == "order_amount" else v) for k, v in form.fields]).encode()
    status, _, page = http("POST", f"{auto}/gateway", bad)
    check("Dinpay RSA-S: a changed request refused with diagnose's sign string",
          status == 400 and "sign does not verify" in page and "order_amount=0.02" in page, page[:600])
    def signed(change):
        f = dict(fields, order_no="R" + fields.get("order_no", ""), **change)
        f.pop("sign", None)
        f["sign"] = dinpay_rsa_sign(state, "&".join(f"{k}={v}" for k, v in sorted(f.items()) if v != "" and k != "sign_type"))
        return urllib.parse.urlencode(f).encode()
    for what, change, expect in (("an amount that is not a number", dict(order_amount="abc"), "order_amount &#39;abc&#39; is not"),
                                 ("sign_type RSA", dict(sign_type="RSA"), "sign_type must be MD5 or RSA-S"),
                                 ("an unknown merchant", dict(merchant_code="1234"), "merchant_code &#39;1234&#39; is not a merchant"),
                                 ("no notify_url", dict(notify_url=""), "notify_url is not")):
        status, _, page = http("POST", f"{auto}/gateway", signed(change))
        check(f"Dinpay RSA-S: {what} refused (400), the simulator still answering",
              status == 400 and expect in page and http("GET", f"{auto}/_sim/api/orders")[0] == 200, page[:400])
    no = fields.get("order_no", "")
    page = http("GET", f"{shop}/dinpay/query.php?order_no={no}&sign_type=RSA-S")[2]
    check("Dinpay RSA-S query: query.php's RSA-S query, the RSA-S answer verified by paysign: SUCCESS, book paid",
          'id="state">SUCCESS<' in page and 'id="status">paid<' in page, page[:300])
    q = {"service_type": "single_trade_query", "merchant_code": "1111130200", "interface_version": "V3.0",
         "sign_type": "RSA-S", "order_no": no}
    q["sign"] = dinpay_rsa_sign(state, "&".join(f"{k}={v}" for k, v in sorted(q.items()) if k != "sign_type"))
    raw = http("POST", f"{auto}/query", urllib.parse.urlencode(q).encode())[2]
    try:
        root = ET.fromstring(raw.encode())
        sign = root.findtext("response/sign") or ""
        sign_type = root.findtext("response/sign_type") or ""
        trade = {e.tag: e.text or "" for e in (root.find("response/trade") or [])}
    except ET.ParseError:
        sign, sign_type, trade = "", "", {}
    text = "&".join(f"{k}={v}" for k, v in sorted(trade.items()) if v != "")
    check("Dinpay RSA-S query: the answer to an RSA-S query signed RSA-S with the simulator's key (openssl)",
          sign_type == "RSA-S" and trade.get("trade_status") == "SUCCESS" and openssl_verifies(state, pub, text, sign, "-md5"),
          raw[:400])
    q["order_no"] = "X" + no
    raw = http("POST", f"{auto}/query", urllib.parse.urlencode(q).encode())[2]
    check("Dinpay RSA-S query: a changed RSA-S query refused (sim.invalid-signature) with diagnose's sign string",
          "<error_code>sim.invalid-signature</error_code>" in raw and f"order_no=X{no}&amp;service_type=single_trade_query" in raw,
          raw[:400])


YEEPAY_KEY = "69cl522AV6q613Ii4W6u8K6XuW8vM1N6bFgyv769220IuYe9u37N4y7rI4Pl"  # the demo merchant's (specs/yeepay.md §3)
YEEPAY_FIELDS = ("p1_MerId", "r0_Cmd", "r1_Code", "r2_TrxId", "r3_Amt", "r4_Cur", "r5_Pid", "r6_Order", "r7_Uid", "r8_MP",
                 "r9_BType")


def yeepay_auto(paysign, auto, shop, state):
    """YeePay through --auto pay: the shop's pay.php form posted (GBK) to /app-merchant-proxy/node,
    the server callback (r9_BType=2, a GBK query GET to p8_Url) accepted by callback.php (order
    book paid), its hmac re-checked by the spec rule (Python's hmac over the field order, UTF-8
    inside, GBK on the wire), the browser sent to p8_Url with r9_BType=1, a tampered copy
    rejected, a changed request refused with diagnose's sign string."""
    import hashlib
    import hmac
    form, fields = checkout(f"{shop}/yeepay/pay.php")
    node = f"{auto}/app-merchant-proxy/node"
    status, headers, _ = http("POST", node, urllib.parse.urlencode(form.fields, encoding="gbk").encode())
    back = headers.get("Location", "")
    check("YeePay --auto pay: the browser sent to p8_Url with r9_BType=1",
          status == 302 and back.startswith(f"{shop}/yeepay/callback.php?p1_MerId=10001126856&") and "r9_BType=1" in back,
          f"{status} {back}")
    page = http("GET", back)[2] if back.startswith(shop) else ""
    check("YeePay: callback.php verifies the browser's callback and shows paid", 'id="status">paid<' in page, page[:300])
    o, n = first_notification(auto, fields.get("p2_Order"))
    book = delivered("YeePay", o, n, f"{shop}/yeepay/callback.php?", "GET", "success", "server callback GET to p8_Url",
                     shop_book(state, fields.get("p2_Order", "")))
    check("YeePay: one server callback in the order book (the browser's does not count)", book.get("notifications") == 1,
          json.dumps(book))
    query = n.get("url", "?").split("?", 1)[1]
    got = dict(urllib.parse.parse_qsl(query, keep_blank_values=True, encoding="gbk"))
    want = hmac.new(YEEPAY_KEY.encode(), "".join(got.get(k, "") for k in YEEPAY_FIELDS).encode("utf-8"),
                    hashlib.md5).hexdigest()
    check("YeePay: the callback's hmac right by the spec rule (Python hmac), Chinese r5_Pid/r8_MP in GBK on the wire",
          got.get("hmac") == want and got.get("r9_BType") == "2" and got.get("r3_Amt") == "0.01" and got.get("r1_Code") == "1"
          and got.get("r4_Cur") == "RMB" and got.get("r5_Pid") == "测试商品" and got.get("r8_MP") == "备注"
          and "%B2%E2%CA%D4" in query, json.dumps(got, ensure_ascii=False))
    if o:
        t = tampered(auto, o)
        check("YeePay: a tampered copy rejected by callback.php (fail)",
              bool(t) and not t["attempts"][0]["accepted"] and t["attempts"][0]["reply"] == "fail", json.dumps(t.get("attempts")))
    # A GET, which YeePay takes too, with pr_NeedResponse=0: the browser comes back, no server callback.
    no = "YG" + fields.get("p2_Order", "")
    q = subprocess.run([paysign, "sign", "yeepay.pay.request", "p0_Cmd=Buy", "p1_MerId=10001126856", f"p2_Order={no}",
                        "p3_Amt=0.10", "p4_Cur=CNY", "p5_Pid=商品", f"p8_Url={shop}/yeepay/callback.php", "pr_NeedResponse=0",
                        "--secret", YEEPAY_KEY, "--output", "form"], capture_output=True, timeout=20)
    status, headers, _ = http("GET", f"{node}?{q.stdout.decode().strip()}")
    back = headers.get("Location", "")
    o, _ = first_notification(auto, no)
    check("YeePay: a GET request with pr_NeedResponse=0 sends the browser back, and no server callback",
          q.returncode == 0 and status == 302 and "r9_BType=1" in back and "r3_Amt=0.10&" in back and bool(o)
          and not o[0]["notifications"], f"{q.stderr} {status} {back} {json.dumps(o)[:300]}")
    bad = urllib.parse.urlencode([(k, "0.02" if k == "p3_Amt" else v) for k, v in form.fields], encoding="gbk").encode()
    status, _, text = http("POST", node, bad)
    check("YeePay: a changed request refused with diagnose's sign string",
          status == 400 and "hmac does not verify" in text and "0.02CNY" in text, text[:600])


def yeepay_hmac_safe_checks(auto, shop, state):
    """YeePay hmac_safe (Unconfirmed in specs/yeepay.md: one public callback): the --auto
    simulator's server callback carries it, re-computed here with Python's hmac (HMAC-MD5 over
    the non-empty signed values joined with '#', UTF-8); callback.php (YEEPAY_HMAC_SAFE=1, option
    hmac_safe=1) accepts it, and refuses copies whose hmac is right but whose hmac_safe is
    wrong or missing, without touching the order book."""
    import hashlib
    import hmac
    form, fields = checkout(f"{shop}/yeepay/pay.php")
    status, headers, _ = http("POST", f"{auto}/app-merchant-proxy/node", urllib.parse.urlencode(form.fields, encoding="gbk").encode())
    o, n = first_notification(auto, fields.get("p2_Order"))
    delivered("YeePay hmac_safe", o, n, f"{shop}/yeepay/callback.php?", "GET", "success",
              "server callback with hmac_safe, checked by callback.php", shop_book(state, fields.get("p2_Order", "")))
    query = n.get("url", "?").split("?", 1)[1]
    got = dict(urllib.parse.parse_qsl(query, keep_blank_values=True, encoding="gbk"))
    values = [got.get(k, "") for k in YEEPAY_FIELDS]
    want = hmac.new(YEEPAY_KEY.encode(), "#".join(v for v in values if v != "").encode("utf-8"), hashlib.md5).hexdigest()
    plain = hmac.new(YEEPAY_KEY.encode(), "".join(values).encode("utf-8"), hashlib.md5).hexdigest()
    check("YeePay: the callback's hmac_safe right by the spec rule (Python hmac, '#'-joined non-empty values), hmac too",
          got.get("hmac_safe") == want and got.get("hmac") == plain and want != plain, json.dumps(got, ensure_ascii=False))
    pairs = urllib.parse.parse_qsl(query, keep_blank_values=True, encoding="gbk")
    for what, changed in (("a wrong hmac_safe", [(k, "0" * 32 if k == "hmac_safe" else v) for k, v in pairs]),
                          ("no hmac_safe", [(k, v) for k, v in pairs if k != "hmac_safe"])):
        status, _, reply = http("GET", f"{shop}/yeepay/callback.php?" + urllib.parse.urlencode(changed, encoding="gbk"))
        book = shop_book(state, fields.get("p2_Order", ""))
        check(f"YeePay: a callback with the right hmac and {what} refused by callback.php (fail), the book untouched",
              reply == "fail" and book.get("notifications") == 1 and book.get("status") == "paid", f"{reply!r} {json.dumps(book)}")


ALLINPAY_FIELDS = ("merchantId", "version", "language", "signType", "payType", "issuerId", "paymentOrderId", "orderNo",
                   "orderDatetime", "orderAmount", "payDatetime", "payAmount", "ext1", "ext2", "payResult", "errorCode",
                   "returnDatetime")


def allinpay_auto(auto, shop, state, sign_type):
    """Allinpay through --auto pay: the shop's pay.php form (always MD5) posted to
    /gateway/index.do, the notification (signType 0: MD5 with the merchant key; 1: SHA1withRSA
    with the simulator's key) accepted by notify.php (order book paid), its signMsg re-checked
    by the spec rule (hashlib / openssl), the browser's form posted to return.php, a tampered
    copy rejected, a changed request refused with diagnose's sign string."""
    import hashlib
    what = f"Allinpay signType={sign_type}"
    form, fields = checkout(f"{shop}/allinpay/pay.php?signType={sign_type}")
    node = f"{auto}/gateway/index.do"
    status, _, page = http("POST", node, urllib.parse.urlencode(form.fields).encode())
    back = FormParser()
    back.feed(page)
    check(f"{what} --auto pay: the browser gets a form to pickupUrl",
          status == 200 and back.action == f"{shop}/allinpay/return.php" and dict(back.fields).get("payResult") == "1",
          f"{status} {page[:300]}")
    page = http("POST", back.action, urllib.parse.urlencode(back.fields).encode())[2] if back.action else ""
    check(f"{what}: return.php verifies the return and shows paid", 'id="status">paid<' in page, page[:300])
    o, n = first_notification(auto, fields.get("orderNo"))
    book = delivered(what, o, n, f"{shop}/allinpay/notify.php", "POST", "success", "notification POSTed to receiveUrl",
                     shop_book(state, fields.get("orderNo", "")))
    got = dict(urllib.parse.parse_qsl(n.get("body") or "", keep_blank_values=True))
    text = "&".join(f"{k}={got[k]}" for k in ALLINPAY_FIELDS if got.get(k, "") != "")
    if sign_type == "0":
        right = got.get("signMsg") == hashlib.md5((text + "&key=1234567890").encode()).hexdigest().upper()
        how = "hashlib"
    else:
        right = sim_cert_verifies(state, "allinpay", text, got.get("signMsg", ""))
        how = "openssl"
    check(f"{what}: the notification's signMsg right by the spec rule ({how})",
          right and got.get("signType") == sign_type and got.get("payAmount") == "1" and got.get("ext1") == "附加参数1"
          and got.get("payResult") == "1", json.dumps(got, ensure_ascii=False))
    if o:
        t = tampered(auto, o)
        check(f"{what}: a tampered copy rejected by notify.php (fail)",
              bool(t) and not t["attempts"][0]["accepted"] and t["attempts"][0]["reply"] == "fail", json.dumps(t.get("attempts")))
    bad = urllib.parse.urlencode([(k, "2" if k == "orderAmount" else v) for k, v in form.fields]).encode()
    status, _, text = http("POST", node, bad)
    check(f"{what}: a changed request refused with diagnose's sign string",
          status == 400 and "signMsg does not verify" in text and "orderAmount=2&amp;" in text, text[:600])


IPS_CERT = ("GDgLwwdK270Qj1w4xho8lyTpRQZV9Jm5x4NwWOTThUa4fMhEBK9jOXFrKRT6xhlJuU2FEa89ov0ryyjfJuuPkcGz"
            "O5CeVx5ZIrkkt1aBlZV36ySvHOMcNv8rncRiy3DQ")  # demo merchant 000015's (docs/specs/ips.md)


def ips_flow(auto, shop, state):
    """IPS 3.0 through --auto pay: the shop's pay.php form posted (GB2312) to /ipayment.aspx, the
    server notification (a GB2312 query GET to ServerUrl) accepted by server.php (order book
    paid), its signature re-checked by the spec rule (hashlib, §3), the browser sent to
    Merchanturl, a tampered copy rejected and scheduled for a retry, a changed request refused
    with diagnose's sign string."""
    import hashlib
    form, fields = checkout(f"{shop}/ips/pay.php")
    node = f"{auto}/ipayment.aspx"
    status, headers, _ = http("POST", node, urllib.parse.urlencode(form.fields, encoding="gb2312").encode())
    back = headers.get("Location", "")
    check("IPS --auto pay: the browser sent to Merchanturl with the result",
          status == 302 and back.startswith(f"{shop}/ips/return.php?billno=") and "succ=Y" in back, f"{status} {back}")
    page = http("GET", back)[2] if back.startswith(shop) else ""
    check("IPS: return.php verifies the return and shows paid", 'id="status">paid<' in page, page[:300])
    o, n = first_notification(auto, fields.get("Billno"))
    delivered("IPS", o, n, f"{shop}/ips/server.php?", "GET", "ipscheckok", "server notification GET to ServerUrl",
              shop_book(state, fields.get("Billno", "")))
    query = n.get("url", "?").split("?", 1)[1]
    got = dict(urllib.parse.parse_qsl(query, keep_blank_values=True, encoding="gb2312"))
    text = "".join(label + got.get(k, "") for label, k in (
        ("billno", "billno"), ("currencytype", "Currency_type"), ("amount", "amount"), ("date", "date"), ("succ", "succ"),
        ("ipsbillno", "ipsbillno"), ("retencodetype", "retencodetype")))
    want = hashlib.md5((text + IPS_CERT).encode()).hexdigest()
    check("IPS: the notification's signature right by the spec rule (hashlib), Chinese attach in GB2312 on the wire",
          got.get("signature") == want and got.get("amount") == "0.01" and got.get("succ") == "Y"
          and got.get("retencodetype") == "17" and got.get("Currency_type") == "RMB" and got.get("attach") == "备注"
          and "%B1%B8%D7%A2" in query, json.dumps(got, ensure_ascii=False))
    if o:
        t = tampered(auto, o)
        check("IPS: a tampered copy rejected by server.php (ipscheckfail) and scheduled for a retry",
              bool(t) and not t["attempts"][0]["accepted"] and t["attempts"][0]["reply"] == "ipscheckfail"
              and not t["done"] and t["next_at"] is not None, json.dumps(t)[:400])
    bad = urllib.parse.urlencode([(k, "0.02" if k == "Amount" else v) for k, v in form.fields], encoding="gb2312").encode()
    status, _, text = http("POST", node, bad)
    check("IPS: a changed request refused with diagnose's sign string, the certificate not in it",
          status == 400 and "SignMD5 does not verify" in text and "amount0.02date" in text and IPS_CERT[:16] not in text,
          text[:600])


IPS7_MER_CODE, IPS7_CERT = "c5374addd1a3d024c3a026199cb8feaf", "c71530d016b3475579da8af971f7ca6c"  # PayumTW's (docs/specs/ips.md §4)


def ips7_signature(doc, mer_code=IPS7_MER_CODE):
    """IPS 7.0's rule, written here from docs/specs/ips.md §4 (hashlib): md5 of the exact text
    from the first <body> to its </body>, then MerCode, then the certificate, lowercase."""
    import hashlib
    import re
    m = re.search(r"<body>.*?</body>", doc, re.S)
    return hashlib.md5(((m.group(0) if m else "") + mer_code + IPS7_CERT).encode("utf-8")).hexdigest()


def ips7_signed(doc):
    """doc with its <Signature> set by ips7_signature."""
    import re
    return re.sub(r"<Signature>[^<]*</Signature>", "<Signature>" + ips7_signature(doc) + "</Signature>", doc, count=1)


def ips7_checks(auto, shop, state):
    """IPS 7.0 through --auto pay: the shop's pay.php form (pGateWayReq, its Signature re-checked
    by hashlib) posted to /psfp-entry/gateway/payment.do, the server notification (a form POST
    of paymentResult to ServerUrl) accepted by server.php (order book paid), its Signature
    re-checked by hashlib, the browser's form posted to return.php; tampered / wrong-amount /
    other-order copies rejected (ipscheckfail) with their retries scheduled; a duplicate
    handled once; a changed request refused with diagnose's sign string; malformed ones refused."""
    import re
    node = f"{auto}/psfp-entry/gateway/payment.do"
    form, fields = checkout(f"{shop}/ips7/pay.php")
    doc = fields.get("pGateWayReq", "")
    sig = re.search(r"<Signature>([^<]*)</Signature>", doc)
    no = (re.search(r"<MerBillNo>([^<]*)</MerBillNo>", doc) or re.search("()", "")).group(1)
    check("IPS 7.0: pay.php's pGateWayReq signed by the rule (hashlib over <body>…</body> + MerCode + cert)",
          bool(sig) and sig.group(1) == ips7_signature(doc) and no != "", doc[:400])
    status, _, page = http("POST", node, urllib.parse.urlencode(form.fields).encode())
    back = FormParser()
    back.feed(page)
    check("IPS 7.0 --auto pay: the browser gets a form posting paymentResult to Merchanturl",
          status == 200 and back.action == f"{shop}/ips7/return.php" and [k for k, _ in back.fields] == ["paymentResult"],
          f"{status} {page[:300]}")
    page = http("POST", back.action, urllib.parse.urlencode(back.fields).encode())[2] if back.action else ""
    check("IPS 7.0: return.php verifies the paymentResult and shows paid", 'id="status">paid<' in page, page[:300])
    o, n = first_notification(auto, no)
    delivered("IPS 7.0", o, n, f"{shop}/ips7/server.php", "POST", "ipscheckok", "paymentResult POSTed to ServerUrl",
              shop_book(state, no))
    got = dict(urllib.parse.parse_qsl(n.get("body") or "", keep_blank_values=True))
    result = got.get("paymentResult", "")
    sig = re.search(r"<Signature>([^<]*)</Signature>", result)
    check("IPS 7.0: the notification's Signature right by the rule (hashlib), Status Y, the amount asked, no MerCode in it",
          list(got) == ["paymentResult"] and bool(sig) and sig.group(1) == ips7_signature(result)
          and "<Status>Y</Status>" in result and f"<MerBillNo>{no}</MerBillNo>" in result
          and "<Amount>0.01</Amount>" in result and "<RetEncodeType>17</RetEncodeType>" in result and "MerCode" not in result,
          result[:600])
    if o:
        for kind in ("tampered", "wrong_amount", "other_order"):
            status, _, body = http("POST", f"{auto}/_sim/api/orders/{o[0]['id']}/notify?kind={kind}")
            k = json.loads(body)["notifications"][-1] if status == 200 else {}
            check(f"IPS 7.0: the {kind} copy rejected by server.php (ipscheckfail) and its retry scheduled",
                  bool(k) and not k["attempts"][0]["accepted"] and k["attempts"][0]["reply"] == "ipscheckfail"
                  and not k["done"] and k["next_at"] is not None, json.dumps(k)[:400])
        status, _, body = http("POST", f"{auto}/_sim/api/orders/{o[0]['id']}/notify?kind=duplicate")
        d = json.loads(body)["notifications"][-1] if status == 200 else {}
        book = shop_book(state, no)
        check("IPS 7.0: a duplicate accepted and handled once",
              bool(d) and d["attempts"][0]["accepted"] and book.get("status") == "paid" and book.get("notifications") == 2,
              json.dumps(book))
    status, _, page = http("POST", node, urllib.parse.urlencode({"pGateWayReq": doc.replace("<Amount>0.01<", "<Amount>0.02<")}).encode())
    check("IPS 7.0: a changed request refused with diagnose's sign string, the certificate not in it",
          status == 400 and "Signature does not verify" in page and "&lt;Amount&gt;0.02&lt;/Amount&gt;" in page
          and IPS7_CERT not in page, page[:600])
    other = re.sub(r"<MerBillNo>[^<]*</MerBillNo>", f"<MerBillNo>M{no}</MerBillNo>", doc)
    for what, sent, expect in (
            ("no pGateWayReq", {"other": "1"}, "pGateWayReq is missing"),
            ("a pGateWayReq that is not XML", {"pGateWayReq": "<Ips><head>"}, "pGateWayReq:"),
            ("an unknown MerCode", {"pGateWayReq": ips7_signed(other.replace(IPS7_MER_CODE, "nobody"))}, "&#39;nobody&#39; is not a merchant"),
            ("an Amount that is not a number", {"pGateWayReq": ips7_signed(other.replace("<Amount>0.01<", "<Amount>abc<"))},
             "&lt;Amount&gt; &#39;abc&#39; is not an amount"),
            ("RetEncodeType 16", {"pGateWayReq": ips7_signed(other.replace("<RetEncodeType>17<", "<RetEncodeType>16<"))},
             "RetEncodeType&gt; &#39;16&#39; is not 17")):
        status, _, page = http("POST", node, urllib.parse.urlencode(sent).encode())
        check(f"IPS 7.0: {what} refused (400), the simulator still answering",
              status == 400 and expect in page and http("GET", f"{auto}/_sim/api/orders")[0] == 200, page[:400])


TENPAY_KEY = "8934e7d15453e97507ef794cf7b0519d"  # the vendor PHP kit's sample key (testdata/vectors/tenpay.json)


def tenpay_md5(fields, upper=False, encoding="utf-8"):
    """Tenpay's gw rule, written here from docs/specs/tenpay.md §2: every non-empty field but
    sign, sorted by name, joined, &key=KEY, MD5 over the bytes in the message's charset (the
    shop's input_charset UTF-8; GBK for the XML answers)."""
    import hashlib
    text = "&".join(f"{k}={v}" for k, v in sorted(fields.items()) if v != "" and k != "sign")
    digest = hashlib.md5((text + "&key=" + TENPAY_KEY).encode(encoding)).hexdigest()
    return digest.upper() if upper else digest


def tenpay_api(auto, name, fields):
    """A back-end API call signed here by the rule (lowercase, as the vendor kit): the XML
    answer's fields (GBK, values trimmed as the kit does) and whether its sign is right."""
    import xml.etree.ElementTree as ET
    q = dict(fields, sign=tenpay_md5(fields))
    with urllib.request.urlopen(f"{auto}/gateway/{name}?" + urllib.parse.urlencode(q), timeout=10) as r:
        status, raw = r.status, r.read()
    text = raw.decode("gbk", "replace")
    try:
        # expat reads no GBK: parse the decoded text without its declaration
        a = {c.tag: (c.text or "").strip() for c in ET.fromstring(text.split("?>", 1)[-1])}
    except ET.ParseError:
        a = {}
    return status, a, "sign" in a and a["sign"] == tenpay_md5(a, encoding="gbk"), text


def tenpay_auto(auto, shop, state):
    """Tenpay gw.tenpay.com through --auto pay: the shop's pay.php form posted to
    /gateway/pay.htm, the notification (a GET to notify_url) accepted by notify.php after its
    verifynotifyid.xml check (order book paid), its sign re-checked by the spec rule (hashlib),
    the browser back on return.php; tampered, wrong-amount and other-order copies rejected and
    rescheduled, a duplicate handled once; the XML APIs; bad and malformed requests refused."""
    form, fields = checkout(f"{shop}/tenpay/pay.php")
    pay = f"{auto}/gateway/pay.htm"
    status, headers, _ = http("POST", pay, urllib.parse.urlencode(form.fields).encode())
    back = headers.get("Location", "")
    check("Tenpay --auto pay: the browser sent to return_url with the signed fields",
          status == 302 and back.startswith(f"{shop}/tenpay/return.php?") and "trade_state=0" in back, f"{status} {back}")
    page = http("GET", back)[2] if back.startswith(shop) else ""
    check("Tenpay: return.php verifies the return (and its notify_id) and shows paid", 'id="status">paid<' in page, page[:300])
    no = fields.get("out_trade_no", "")
    o, n = first_notification(auto, no)
    delivered("Tenpay", o, n, f"{shop}/tenpay/notify.php?", "GET", "success", "notification GET to notify_url",
              shop_book(state, no))
    check("Tenpay: notify.php confirmed the notify_id with verifynotifyid.xml",
          any(c["answer"] == "verifynotifyid.xml: retcode 0" for c in n.get("checks", [])), json.dumps(n)[:400])
    got = dict(urllib.parse.parse_qsl(n.get("url", "?").split("?", 1)[1], keep_blank_values=True))
    check("Tenpay: the notification's sign right by the spec rule (hashlib)",
          got.get("sign") == tenpay_md5(got, upper=True) and got.get("trade_state") == "0" and got.get("total_fee") == "1"
          and got.get("attach") == "附加数据" and got.get("out_trade_no") == no, json.dumps(got, ensure_ascii=False))
    if o:
        api = f"{auto}/_sim/api/orders/{o[0]['id']}"
        for kind in ("tampered", "wrong_amount", "other_order"):
            status, _, text = http("POST", f"{api}/notify?kind={kind}")
            k = json.loads(text)["notifications"][-1] if status == 200 else {}
            check(f"Tenpay: the {kind} copy rejected by notify.php (fail) and its retry scheduled",
                  bool(k) and k["attempts"][0]["reply"] == "fail" and not k["attempts"][0]["accepted"] and not k["done"]
                  and k["next_at"] is not None, json.dumps(k)[:400])
        status, _, text = http("POST", f"{api}/notify?kind=duplicate")
        d = json.loads(text)["notifications"][-1] if status == 200 else {}
        book = shop_book(state, no)
        check("Tenpay: duplicate accepted and handled once", bool(d) and d["attempts"][0]["accepted"]
              and book.get("status") == "paid" and book.get("notifications") == 2, json.dumps(book))
    status, a, signed, raw = tenpay_api(auto, "verifynotifyid.xml", {"partner": "1900000109", "notify_id": "sim0forged"})
    check("Tenpay: verifynotifyid.xml refuses a notify_id it never sent (retcode not 0, unsigned)",
          status == 200 and a.get("retcode") == "sim.unknown-notify-id" and "sign" not in a, raw[:300])
    status, a, signed, raw = tenpay_api(auto, "verifynotifyid.xml", {"partner": "1900000109", "notify_id": got.get("notify_id", "")})
    check("Tenpay: verifynotifyid.xml confirms a notify_id it sent, signed by the rule (hashlib over GBK)",
          a.get("retcode") == "0" and signed and a.get("out_trade_no") == no and a.get("total_fee") == "1"
          and a.get("attach") == "附加数据", raw[:400])
    status, a, signed, raw = tenpay_api(auto, "normalorderquery.xml", {"partner": "1900000109", "out_trade_no": no})
    check("Tenpay: normalorderquery.xml answers the paid order, signed by the rule (hashlib)",
          a.get("retcode") == "0" and signed and a.get("trade_state") == "0" and a.get("transaction_id") == got.get("transaction_id"),
          raw[:400])
    status, a, signed, raw = tenpay_api(auto, "normalorderquery.xml", {"partner": "1900000109", "out_trade_no": "NEVER"})
    check("Tenpay: normalorderquery.xml: an unknown order is an error", a.get("retcode") == "sim.unknown-order", raw[:300])
    q = {"partner": "1900000109", "out_trade_no": no}
    q["sign"] = tenpay_md5(q)
    raw = http("GET", f"{auto}/gateway/normalorderquery.xml?" + urllib.parse.urlencode(dict(q, out_trade_no="X" + no)))[2]
    check("Tenpay: a query whose sign no longer matches gets sim.invalid-signature and diagnose's sign string",
          "sim.invalid-signature" in raw and f"out_trade_no=X{no}&partner=1900000109&key=***" in raw, raw[:500])
    bad = urllib.parse.urlencode([(k, "2" if k == "total_fee" else v) for k, v in form.fields]).encode()
    status, _, text = http("POST", pay, bad)
    check("Tenpay: a changed request refused with diagnose's sign string",
          status == 400 and "sign does not verify" in text and "total_fee=2&amp;" in text, text[:600])
    # Signed right, but malformed: the simulator's checks, never a crash.
    for what, change, expect in (("an amount that is not a number", {"total_fee": "1.5"}, "total_fee &#39;1.5&#39; is not"),
                                 ("no out_trade_no", {"out_trade_no": ""}, "out_trade_no is missing"),
                                 ("an unknown partner", {"partner": "1234"}, "partner &#39;1234&#39; is not a merchant")):
        f = dict(fields, **change)
        f.pop("sign")
        f = {k: v for k, v in f.items() if v != ""}
        f["sign"] = tenpay_md5(f, upper=True)
        status, _, text = http("POST", pay, urllib.parse.urlencode(f).encode())
        check(f"Tenpay: a request with {what} refused", status == 400 and expect in text, text[:400])


def paypal_auto(sim, auto, shop, state):
    """PayPal Buy Now + IPN through --auto pay: the shop's pay.php form posted to /cgi-bin/webscr,
    the IPN (a form POST) answered HTTP 200 by ipn.php, whose postback the simulator answered
    VERIFIED (order book paid), the browser back on `return`; the postback rule re-checked here
    byte for byte; tampered (postback INVALID), wrong-amount and other-order IPNs leave the book
    alone, a duplicate is handled once; an IPN not answered with 200 is re-posted; malformed
    forms refused; Cancel on the payment page goes to cancel_return."""
    what = "PayPal"
    form, fields = checkout(f"{shop}/paypal/pay.php")
    webscr = f"{auto}/cgi-bin/webscr"
    status, headers, _ = http("POST", webscr, urllib.parse.urlencode(form.fields).encode())
    back = headers.get("Location", "")
    invoice = fields.get("invoice", "")
    check(f"{what} --auto pay: the browser sent to `return`", status == 302 and back == fields.get("return"), f"{status} {back}")
    page = http("GET", back)[2] if back.startswith(shop) else ""
    check(f"{what}: return.php shows the order book's paid", 'id="status">paid<' in page, page[:300])
    o, n = first_notification(auto, invoice)
    delivered(what, o, n, f"{shop}/paypal/ipn.php", "POST", "", "IPN POSTed to notify_url, HTTP 200 with an empty body",
              shop_book(state, invoice))
    check(f"{what}: ipn.php posted the IPN back and the simulator answered VERIFIED",
          [c["answer"] for c in n.get("checks", [])] == ["postback: VERIFIED"], json.dumps(n)[:400])
    body = n.get("body") or ""
    got = dict(urllib.parse.parse_qsl(body, keep_blank_values=True))
    check(f"{what}: the IPN carries PayPal's fields",
          got.get("payment_status") == "Completed" and got.get("mc_gross") == "10.00" and got.get("mc_currency") == "USD"
          and got.get("invoice") == invoice and got.get("receiver_email") == "tobi@leetsoft.com" and got.get("test_ipn") == "1"
          and got.get("txn_type") == "web_accept" and len(got.get("txn_id", "")) == 17 and got.get("charset") == "UTF-8",
          json.dumps(got))
    # The postback rule (spec §3), by hand: the IPN's bytes unchanged, prefixed.
    answer = lambda data: http("POST", webscr, data)[2]
    check(f"{what}: the postback of the exact bytes is VERIFIED", answer(b"cmd=_notify-validate&" + body.encode()) == "VERIFIED")
    rebuilt = urllib.parse.urlencode(urllib.parse.parse_qsl(body, keep_blank_values=True), quote_via=urllib.parse.quote)
    check(f"{what}: the same fields re-encoded (spaces as %20) are INVALID",
          rebuilt != body and answer(b"cmd=_notify-validate&" + rebuilt.encode()) == "INVALID", rebuilt[:200])
    check(f"{what}: cmd=_notify-validate appended at the end is INVALID",
          answer(body.encode() + b"&cmd=_notify-validate") == "INVALID")
    if o:
        api = f"{auto}/_sim/api/orders/{o[0]['id']}"
        for kind, verdict in (("tampered", "INVALID"), ("wrong_amount", "VERIFIED"), ("other_order", "VERIFIED")):
            status, _, text = http("POST", f"{api}/notify?kind={kind}")
            k = json.loads(text)["notifications"][-1] if status == 200 else {}
            book = shop_book(state, invoice)
            check(f"{what}: the {kind} IPN: postback {verdict}, the order book untouched, not flagged",
                  bool(k) and k["attempts"][0]["http_status"] == 200 and [c["answer"] for c in k["checks"]] == [f"postback: {verdict}"]
                  and not k["attempts"][0]["merchant_error"] and book.get("notifications") == 1 and book.get("status") == "paid",
                  json.dumps(k)[:400] + json.dumps(book))
        status, _, text = http("POST", f"{api}/notify?kind=duplicate")
        book = shop_book(state, invoice)
        txns = os.listdir(os.path.join(state, "paypal-txn"))
        check(f"{what}: duplicate handled once (book counts it, one txn_id record)",
              status == 200 and book.get("status") == "paid" and book.get("notifications") == 2 and len(txns) == 1,
              json.dumps(book) + str(txns))
    # A listener that does not answer 200 is re-posted; any 200 is enough.
    def buy(tag, **change):
        f = dict(fields, invoice=invoice + tag, **change)
        status, headers, page = http("POST", webscr, urllib.parse.urlencode(f).encode())
        return status, headers, page, first_notification(auto, f["invoice"])
    # On the --fast 1000 simulator, paid on its payment page: the first 8 re-posts (10 s
    # doubled to 1280 s) come within about 2.6 s; all 16 would take 5.6 minutes.
    f = dict(fields, invoice=invoice + "N", notify_url=f"{shop}/paypal/nowhere.php")
    status, headers, _ = http("POST", f"{sim}/cgi-bin/webscr", urllib.parse.urlencode(f).encode())
    status, _, page = http("POST", sim + headers.get("Location", "/x/x").rsplit("/", 1)[0] + "/complete", b"action=pay")
    def reposted():
        o, n = first_notification(sim, f["invoice"])
        return len(n.get("attempts", [])) >= 9 and n
    n = wait_for(reposted) and reposted() or {}
    check(f"{what}: an IPN answered 404 is re-posted on PayPal's schedule (8 re-posts seen, more to come)",
          "Notification not accepted" in page and not n.get("done", True)
          and all(a["http_status"] == 404 and not a["accepted"] for a in n["attempts"]), json.dumps(n)[:400])
    status, _, page, (o, n) = buy("R", notify_url=f"{shop}/paypal/return.php")
    check(f"{what}: any HTTP 200 acknowledges an IPN, whatever the body",
          bool(n) and n["attempts"][0]["accepted"] and "Status:" in n["attempts"][0]["reply"], json.dumps(n)[:400])
    for label, change, expect in (("no amount", {"amount": ""}, "amount &#39;&#39; is not"),
                                  ("an amount that is not a number", {"amount": "ten"}, "amount &#39;ten&#39; is not"),
                                  ("an unknown seller", {"business": "nobody@example.com"}, "is not a seller of this simulator"),
                                  ("no notify_url", {"notify_url": ""}, "notify_url is not an http(s) URL"),
                                  ("another cmd", {"cmd": "_cart"}, "cmd &#39;_cart&#39;")):
        status, _, text = http("POST", webscr, urllib.parse.urlencode(dict(fields, **change)).encode())
        check(f"{what}: a Buy Now with {label} refused", status == 400 and expect in text, text[:400])
    # Cancel on the (non --auto) payment page: back to cancel_return, no IPN.
    status, headers, _ = http("POST", f"{sim}/cgi-bin/webscr", urllib.parse.urlencode(dict(fields, invoice=invoice + "C")).encode())
    pay_page = headers.get("Location", "")
    status, headers, _ = http("POST", sim + pay_page.rsplit("/", 1)[0] + "/complete", b"action=cancel")
    o, _ = first_notification(sim, invoice + "C")
    check(f"{what}: Cancel sends the payer to cancel_return, no IPN",
          status == 302 and headers.get("Location") == fields.get("cancel_return") and bool(o) and not o[0]["notifications"],
          f"{status} {headers.get('Location')}")


def shop_book(state, order_id):
    try:
        return json.load(open(os.path.join(state, "shop-orders", order_id.encode().hex() + ".json")))
    except OSError:
        return {}


QUERY_KEY = "27YKWKBKHT2IZSQ4"  # the sandbox merchant's query key (99bill 2019 kit; specs/99bill.md §8)


def openssl_verifies(state, pub, text, sig_b64, digest="-sha256"):
    """SHA256withRSA (or digest) over text, checked by the openssl CLI (not paysign)."""
    import base64
    with open(os.path.join(state, "q.txt"), "wb") as f:
        f.write(text.encode("utf-8"))
    with open(os.path.join(state, "q.sig"), "wb") as f:
        f.write(base64.b64decode(sig_b64))
    r = subprocess.run(["openssl", "dgst", digest, "-verify", pub, "-signature", os.path.join(state, "q.sig"),
                        os.path.join(state, "q.txt")], capture_output=True, timeout=20)
    return r.returncode == 0 and b"Verified OK" in r.stdout


def sim_cert_verifies(state, gateway, text, sig_b64):
    """SHA1withRSA over text, checked by openssl against the simulator's certificate for gateway."""
    pub = os.path.join(state, f"{gateway}.pub.pem")
    subprocess.run(["openssl", "x509", "-in", os.path.join(state, f"{gateway}.cert.pem"), "-pubkey", "-noout", "-out", pub],
                   capture_output=True, timeout=20)
    return openssl_verifies(state, pub, text, sig_b64, "-sha1")


def query_flow(paysign, sim, state, cert, order_id, order):
    """99bill's order query: a signType=2 request signed by the paysign CLI with the sandbox key
    (query key inside), the answer checked by the spec's rule (specs/99bill.md §3) with openssl."""
    pfx = os.path.join(ROOT, "testdata/vectors/keys/99bill_10012140356.pfx")
    def signed(extra):
        req = ["inputCharset=1", "version=v2.0", "signType=2", "merchantAcctId=1001214035601", "queryMode=1", *extra]
        s = subprocess.run([paysign, "sign", "99bill.query.request", *req, "--key", pfx, "--password", "123456",
                            "--options", f"query_key={QUERY_KEY}", "--output", "json"], capture_output=True, timeout=20)
        return s.stdout.strip()
    status, _, text = http("POST", f"{sim}/gatewayapi/gatewayOrderQuery.do", signed(["queryType=0", f"orderId={order_id}"]))
    try:
        a = json.loads(text)
    except ValueError:
        a = {}
    details = a.get("orderDetail") or [{}]
    d = details[0]
    check("99bill query: the paid order answered", status == 200 and a.get("recordCount") == "1" and len(details) == 1
          and d.get("orderId") == order_id and d.get("payResult") == "10" and d.get("dealId") == order["deal_id"], text[:400])
    pub = os.path.join(state, "pub.pem")
    top = ["version", "signType", "merchantAcctId", "errCode", "currentPage", "pageCount", "pageSize", "recordCount"]
    top_text = "&".join(f"{k}={a[k]}" for k in top if a.get(k)) + "&key=" + QUERY_KEY
    check("99bill query: the answer's signMsg verifies by the spec rule with openssl",
          "signMsg" in a and openssl_verifies(state, pub, top_text, a["signMsg"]), top_text)
    item = ["orderId", "orderAmount", "orderTime", "dealTime", "payResult", "payType", "payAmount", "fee", "dealId"]
    item_text = "&".join(f"{k}={d[k]}" for k in item if d.get(k)) + "&key=" + QUERY_KEY
    check("99bill query: the orderDetail signInfo verifies by the spec rule with openssl",
          "signInfo" in d and openssl_verifies(state, pub, item_text, d["signInfo"]), item_text)
    status, _, text = http("POST", f"{sim}/gatewayapi/gatewayOrderQuery.do", signed(["queryType=0", "orderId=NEVER"]))
    check("99bill query: an unknown order has no record", status == 200 and json.loads(text).get("recordCount") == "0", text[:300])
    bad = signed(["queryType=0", f"orderId={order_id}"]).replace(order_id.encode(), b"X" + order_id.encode()[1:])
    status, _, text = http("POST", f"{sim}/gatewayapi/gatewayOrderQuery.do", bad)
    check("99bill query: a changed request refused", status == 400 and "sim.invalid-signature" in text, text[:300])


ALIPAY_APP_KEY = os.path.join(ROOT, "testdata/vectors/keys/alipay_yansongda_app_private_pkcs1.pem")


def alipay_query(sim, state, biz, app_id="9021000122682882", change=None):
    """alipay.trade.query signed here by Alipay's request rule (docs/specs/alipay.md §5: every
    non-empty field but sign, sorted, sign_type included; SHA256withRSA by `openssl dgst`), the
    fields changed by `change` after signing: (answer text, node text, node, sign or None)."""
    import base64
    f = {"app_id": app_id, "method": "alipay.trade.query", "format": "JSON", "charset": "utf-8", "sign_type": "RSA2",
         "timestamp": time.strftime("%Y-%m-%d %H:%M:%S"), "version": "1.0", "biz_content": biz}
    text = "&".join(f"{k}={v}" for k, v in sorted(f.items()) if v != "")
    path = os.path.join(state, "aq.txt")
    open(path, "wb").write(text.encode())
    sig = subprocess.run(["openssl", "dgst", "-sha256", "-sign", ALIPAY_APP_KEY, path], capture_output=True, timeout=20).stdout
    f["sign"] = base64.b64encode(sig).decode()
    f.update(change or {})
    raw = http("POST", f"{sim}/gateway.do?charset=utf-8", urllib.parse.urlencode(f).encode())[2]
    prefix = '{"alipay_trade_query_response":'
    # The node's exact text: from after its name to the `,"sign"` member the simulator puts last.
    end = raw.rfind(',"sign":"')
    node_text = raw[len(prefix):end if end > 0 else len(raw) - 1] if raw.startswith(prefix) else ""
    try:
        node, sign = json.loads(node_text), json.loads(raw).get("sign")
    except ValueError:
        node, sign = {}, None
    return raw, node_text, node, sign


def alipay_query_checks(sim, shop, state):
    """alipay.trade.query on the browser simulator: the shop's query.php (request signed, answer
    verified by paysign) says TRADE_SUCCESS for the paid order; every answer's sign re-checked
    here over the node's exact text with openssl; an order still on its payment page is
    WAIT_BUYER_PAY; an unknown order 40004 ACQ.TRADE_NOT_EXIST; a changed request 40002
    isv.invalid-signature with diagnose's sign string; an unknown app unsigned; malformed ones
    ACQ.INVALID_PARAMETER; a book that missed its notification settled by the query."""
    pub = os.path.join(state, "alipay.pub.pem")
    subprocess.run(["openssl", "x509", "-in", os.path.join(state, "alipay.cert.pem"), "-pubkey", "-noout", "-out", pub],
                   capture_output=True, timeout=20)
    paid = [o for o in orders(sim) if o["gateway"] == "alipay" and o["status"] == "paid"]
    no, deal = (paid[0]["order_id"], paid[0]["deal_id"]) if paid else ("none", "none")
    page = http("GET", f"{shop}/alipay/query.php?out_trade_no={no}")[2]
    check("alipay.trade.query: query.php's signed query, its answer verified by paysign: TRADE_SUCCESS, book paid",
          'id="state">TRADE_SUCCESS<' in page and 'id="status">paid<' in page, page[:300])
    raw, text, node, sign = alipay_query(sim, state, json.dumps({"out_trade_no": no}))
    check("alipay.trade.query: the paid order answered 10000 TRADE_SUCCESS, its sign right over the node's text (openssl)",
          node.get("code") == "10000" and node.get("trade_status") == "TRADE_SUCCESS" and node.get("total_amount") == "0.01"
          and node.get("trade_no") == deal and bool(sign) and openssl_verifies(state, pub, text, sign), raw[:400])
    raw, text, node, sign = alipay_query(sim, state, json.dumps({"trade_no": deal, "out_trade_no": "other"}))
    check("alipay.trade.query: by trade_no (which wins over out_trade_no)",
          node.get("out_trade_no") == no and node.get("trade_status") == "TRADE_SUCCESS", raw[:300])
    # A book that never got the notification (set back to pending here): query.php settles it.
    book_path = os.path.join(state, "shop-orders", no.encode().hex() + ".json")
    book = shop_book(state, no)
    json.dump(dict(book, status="pending"), open(book_path, "w"))
    page = http("GET", f"{shop}/alipay/query.php?out_trade_no={no}")[2]
    check("alipay.trade.query: a pending book entry settled paid by query.php's verified answer",
          'id="status">paid<' in page and shop_book(state, no).get("status") == "paid"
          and shop_book(state, no).get("notifications") == book.get("notifications"), page[:300])
    # An order still on its payment page.
    form, fields = checkout(f"{shop}/alipay/pay.php")
    status, headers, _ = http("POST", f"{sim}/gateway.do?charset=utf-8", urllib.parse.urlencode(form.fields).encode())
    pending = json.loads(fields.get("biz_content", "{}")).get("out_trade_no", "")
    page = http("GET", f"{shop}/alipay/query.php?out_trade_no={pending}")[2]
    check("alipay.trade.query: an order on its payment page is WAIT_BUYER_PAY, the book still pending",
          status == 302 and 'id="state">WAIT_BUYER_PAY<' in page and 'id="status">pending<' in page, page[:300])
    raw, text, node, sign = alipay_query(sim, state, json.dumps({"out_trade_no": pending}))
    check("alipay.trade.query: WAIT_BUYER_PAY signed right (openssl), nothing paid",
          node.get("trade_status") == "WAIT_BUYER_PAY" and node.get("buyer_pay_amount") == "0.00"
          and bool(sign) and openssl_verifies(state, pub, text, sign), raw[:300])
    raw, text, node, sign = alipay_query(sim, state, json.dumps({"out_trade_no": "NEVER"}))
    check("alipay.trade.query: an unknown order is 40004 ACQ.TRADE_NOT_EXIST, signed (openssl)",
          node.get("code") == "40004" and node.get("sub_code") == "ACQ.TRADE_NOT_EXIST" and bool(sign)
          and openssl_verifies(state, pub, text, sign), raw[:300])
    page = http("GET", f"{shop}/alipay/query.php?out_trade_no=NEVER")[2]
    check("alipay.trade.query: query.php shows the verified ACQ.TRADE_NOT_EXIST", 'id="state">ACQ.TRADE_NOT_EXIST<' in page, page[:300])
    raw, text, node, sign = alipay_query(sim, state, json.dumps({"out_trade_no": no}),
                                         change={"biz_content": json.dumps({"out_trade_no": "X" + no})})
    check("alipay.trade.query: a changed request is 40002 isv.invalid-signature with diagnose's sign string, signed",
          node.get("code") == "40002" and node.get("sub_code") == "isv.invalid-signature"
          and "sign string paysign expects: app_id=9021000122682882&biz_content=" in node.get("sub_msg", "")
          and f'"X{no}"' in node.get("sub_msg", "") and bool(sign) and openssl_verifies(state, pub, text, sign), raw[:500])
    raw, text, node, sign = alipay_query(sim, state, json.dumps({"out_trade_no": no}), app_id="2021000000000000")
    check("alipay.trade.query: an unknown app_id is 40002 isv.invalid-app-id, unsigned as Alipay's",
          node.get("sub_code") == "isv.invalid-app-id" and sign is None, raw[:300])
    for what, biz in (("biz_content not JSON", "{out_trade_no"), ("neither out_trade_no nor trade_no", "{}")):
        raw, text, node, sign = alipay_query(sim, state, biz)
        check(f"alipay.trade.query: {what}: 40004 ACQ.INVALID_PARAMETER, signed",
              node.get("code") == "40004" and node.get("sub_code") == "ACQ.INVALID_PARAMETER" and bool(sign), raw[:300])


DINPAY_KEY = "hfgd_83yt_90hb_gf98n"  # the test-suite merchant 1111130200's (specs/dinpay.md §4)


def dinpay_query(node, order_no, change=None, merchant="1111130200"):
    """single_trade_query signed here by the spec's rule (specs/dinpay.md: non-empty fields but
    sign and sign_type, sorted, &key=, MD5 lowercase by hashlib), changed by `change` after
    signing: (answer text, its leaf elements, whether the answer's sign is right by the rule)."""
    import hashlib
    import xml.etree.ElementTree as ET
    f = {"service_type": "single_trade_query", "merchant_code": merchant, "interface_version": "V3.0",
         "sign_type": "MD5", "order_no": order_no}
    text = "&".join(f"{k}={v}" for k, v in sorted(f.items()) if v != "" and k != "sign_type")
    f["sign"] = hashlib.md5((text + "&key=" + DINPAY_KEY).encode()).hexdigest()
    f.update(change or {})
    raw = http("POST", f"{node}/query", urllib.parse.urlencode(f).encode())[2]
    try:
        root = ET.fromstring(raw.encode())
        leaves = {e.tag: e.text or "" for e in root.iter() if len(e) == 0}
        trade = {e.tag: e.text or "" for e in (root.find("response/trade") or [])}
    except ET.ParseError:
        leaves, trade = {}, {}
    signed = "&".join(f"{k}={v}" for k, v in sorted(trade.items()) if v != "")
    right = bool(trade) and leaves.get("sign") == hashlib.md5((signed + "&key=" + DINPAY_KEY).encode()).hexdigest()
    return raw, leaves, right


def dinpay_query_checks(sim, auto, shop, state):
    """Dinpay single_trade_query: the shop's query.php says SUCCESS for the --auto paid order
    (answer verified by paysign); every answer's sign re-checked by the rule (hashlib); an order
    on its payment page UNPAY; an unknown one TRADE_IS_NOT_EXIST; a changed request refused
    with diagnose's sign string; malformed ones refused; a book that missed its notification
    settled by the query."""
    paid = [o for o in orders(auto) if o["gateway"] == "dinpay" and o["status"] == "paid"]
    no, deal = (paid[0]["order_id"], paid[0]["deal_id"]) if paid else ("none", "none")
    page = http("GET", f"{shop}/dinpay/query.php?order_no={no}")[2]
    check("Dinpay query: query.php's signed query, its answer verified by paysign: SUCCESS, book paid",
          'id="state">SUCCESS<' in page and 'id="status">paid<' in page, page[:300])
    raw, a, right = dinpay_query(auto, no)
    check("Dinpay query: the paid order answered is_success T, SUCCESS, its sign right by the rule (hashlib)",
          a.get("is_success") == "T" and a.get("trade_status") == "SUCCESS" and a.get("order_amount") == "0.01"
          and a.get("trade_no") == deal and right, raw[:400])
    book_path = os.path.join(state, "shop-orders", no.encode().hex() + ".json")
    json.dump(dict(shop_book(state, no), status="pending"), open(book_path, "w"))
    page = http("GET", f"{shop}/dinpay/query.php?order_no={no}")[2]
    check("Dinpay query: a pending book entry settled paid by query.php's verified answer",
          'id="status">paid<' in page and shop_book(state, no).get("status") == "paid", page[:300])
    form, fields = checkout(f"{shop}/dinpay/pay.php")
    status, _, _ = http("POST", f"{sim}/gateway", urllib.parse.urlencode(form.fields).encode())
    raw, a, right = dinpay_query(sim, fields.get("order_no", ""))
    check("Dinpay query: an order on its payment page is UNPAY, signed right (hashlib)",
          status == 302 and a.get("trade_status") == "UNPAY" and a.get("trade_no", "") == "" and right, raw[:400])
    raw, a, right = dinpay_query(auto, "NEVER")
    check("Dinpay query: an unknown order is is_success F, TRADE_IS_NOT_EXIST",
          a.get("is_success") == "F" and a.get("error_code") == "TRADE_IS_NOT_EXIST" and "sign" not in a, raw[:300])
    page = http("GET", f"{shop}/dinpay/query.php?order_no=NEVER")[2]
    check("Dinpay query: query.php shows TRADE_IS_NOT_EXIST", 'id="state">TRADE_IS_NOT_EXIST<' in page, page[:300])
    raw, a, right = dinpay_query(auto, no, change={"order_no": "X" + no})
    check("Dinpay query: a changed request refused (sim.invalid-signature) with diagnose's sign string",
          a.get("error_code") == "sim.invalid-signature"
          and f"interface_version=V3.0&merchant_code=1111130200&order_no=X{no}&service_type=single_trade_query&key=***"
          in a.get("error_msg", ""), raw[:600])
    for what, args, expect in (("an unknown merchant", dict(merchant="1234"), "merchant_code '1234' is not a merchant"),
                               ("no order_no", dict(order_no=""), "order_no is missing")):
        raw, a, right = dinpay_query(auto, **dict(dict(order_no=no), **args))
        check(f"Dinpay query: {what} refused", a.get("is_success") == "F" and expect in a.get("error_msg", ""), raw[:300])


def allinpay_query(node, order_no, order_datetime, sign_type="0", change=None, merchant="109065311204094", version="v1.5"):
    """query.do v1.5 signed here by the spec's rule (specs/allinpay.md §A3: the fixed order,
    non-empty pairs, &key=, MD5 upper case by hashlib), changed by `change` after signing: the
    answer text and its pairs."""
    import hashlib
    f = {"merchantId": merchant, "version": version, "signType": sign_type, "orderNo": order_no,
         "orderDatetime": order_datetime, "queryDatetime": time.strftime("%Y%m%d%H%M%S")}
    text = "&".join(f"{k}={v}" for k, v in f.items() if v != "")
    f["signMsg"] = hashlib.md5((text + "&key=1234567890").encode()).hexdigest().upper()
    f.update(change or {})
    raw = http("POST", f"{node}/gateway/query.do", urllib.parse.urlencode(f).encode())[2]
    return raw, dict(urllib.parse.parse_qsl(raw, keep_blank_values=True))


def allinpay_query_checks(sim, auto, shop, state):
    """Allinpay query.do v1.5: the shop's query.php says payResult 1 for the --auto paid orders
    (signType 0 and 1; answer verified by paysign as a notification); every answer's signMsg
    re-checked by the notification rule (hashlib / openssl); an order on its payment page, an
    unknown one and a wrong orderDatetime ERRORCODE=10027; a changed request refused with
    diagnose's sign string; malformed ones refused; a book that missed its notification settled."""
    import hashlib
    paid = [o for o in orders(auto) if o["gateway"] == "allinpay" and o["status"] == "paid"]
    check("Allinpay query: the --auto paid orders to query, signType 0 and 1",
          sorted(shop_book(state, o["order_id"]).get("signType") for o in paid) == ["0", "1"], json.dumps(paid)[:300])
    for o in paid:
        no, when = o["order_id"], shop_book(state, o["order_id"]).get("orderDatetime", "")
        sign_type = shop_book(state, no).get("signType", "")
        what = f"Allinpay query signType={sign_type}"
        page = http("GET", f"{shop}/allinpay/query.php?orderNo={no}")[2]
        check(f"{what}: query.php's signed query, its answer verified by paysign: payResult 1, book paid",
              'id="state">payResult 1<' in page and 'id="status">paid<' in page, page[:300])
        raw, a = allinpay_query(auto, no, when, sign_type)
        text = "&".join(f"{k}={a[k]}" for k in ALLINPAY_FIELDS if a.get(k, "") != "")
        if sign_type == "0":
            right = a.get("signMsg") == hashlib.md5((text + "&key=1234567890").encode()).hexdigest().upper()
        else:
            right = sim_cert_verifies(state, "allinpay", text, a.get("signMsg", ""))
        check(f"{what}: the answer is the payment result, its signMsg right by the notification rule",
              right and a.get("payResult") == "1" and a.get("orderNo") == no and a.get("payAmount") == "1"
              and a.get("paymentOrderId") == o["deal_id"] and a.get("signType") == sign_type, raw[:400])
        book_path = os.path.join(state, "shop-orders", no.encode().hex() + ".json")
        json.dump(dict(shop_book(state, no), status="pending"), open(book_path, "w"))
        page = http("GET", f"{shop}/allinpay/query.php?orderNo={no}")[2]
        check(f"{what}: a pending book entry settled paid by query.php's verified answer",
              'id="status">paid<' in page and shop_book(state, no).get("status") == "paid", page[:300])
        raw, a = allinpay_query(auto, no, "20000101000000", sign_type)
        check(f"{what}: another orderDatetime is ERRORCODE=10027", a.get("ERRORCODE") == "10027", raw[:300])
    form, fields = checkout(f"{shop}/allinpay/pay.php")
    status, _, _ = http("POST", f"{sim}/gateway/index.do", urllib.parse.urlencode(form.fields).encode())
    raw, a = allinpay_query(sim, fields.get("orderNo", ""), fields.get("orderDatetime", ""))
    check("Allinpay query: an order on its payment page has no result: ERRORCODE=10027",
          status == 302 and a.get("ERRORCODE") == "10027" and "signMsg" not in a, raw[:300])
    raw, a = allinpay_query(auto, "NEVER", "20200101000000")
    check("Allinpay query: an unknown order is ERRORCODE=10027", a.get("ERRORCODE") == "10027", raw[:300])
    page = http("GET", f"{shop}/allinpay/query.php?orderNo=NEVER&orderDatetime=20200101000000")[2]
    check("Allinpay query: query.php shows ERRORCODE 10027", 'id="state">ERRORCODE 10027<' in page, page[:300])
    raw, a = allinpay_query(auto, "A1", "20200101000000", change={"orderNo": "A2"})
    check("Allinpay query: a changed request refused (sim.invalid-signature) with diagnose's sign string",
          a.get("ERRORCODE") == "sim.invalid-signature"
          and "merchantId=109065311204094&version=v1.5&signType=0&orderNo=A2&orderDatetime=20200101000000&queryDatetime="
          in a.get("ERRORMSG", ""), raw[:600])
    for what, args, expect in (("an unknown merchant", dict(merchant="1234"), "merchantId '1234' is not a merchant"),
                               ("no orderDatetime", dict(order_datetime=""), "orderDatetime is missing"),
                               ("version v1.0", dict(version="v1.0"), "version 'v1.0' must be v1.5")):
        raw, a = allinpay_query(auto, **dict(dict(order_no="A1", order_datetime="20200101000000"), **args))
        check(f"Allinpay query: {what} refused", expect in a.get("ERRORMSG", ""), raw[:300])


def payment_page_units(sim):
    """The payment page names each gateway's unit: yuan for Alipay and Dinpay, fen for
    Allinpay (the orders left on their payment pages by the query checks)."""
    want = {"alipay": "yuan", "dinpay": "yuan", "allinpay": "fen"}
    seen = {}
    for o in orders(sim):
        if o["status"] == "pending" and o["gateway"] in want:
            page = http("GET", f"{sim}/_sim/orders/{o['id']}/pay")[2]
            seen[o["gateway"]] = f'id="amount">{html.escape(o["amount"])}</b> ({want[o["gateway"]]})' in page
    check("payment page: the amount in the gateway's unit (Alipay, Dinpay yuan; Allinpay fen)",
          seen == {g: True for g in want}, json.dumps(seen))


UNIONPAY_PFX = os.path.join(ROOT, "testdata/vectors/keys/unionpay_acp_test_sign_2021.pfx")  # password 000000, certId 69903319369
UNIONPAY_MER_ID = "777290058167151"


def unionpay_env(sim, shop, auto_port, state):
    """The UnionPay shop's settings: the --auto simulator's endpoints, the main simulator's chain
    (the --auto one has a copy of its state's keys)."""
    auto = f"http://127.0.0.1:{auto_port}"
    return dict(UNIONPAY_GATEWAY=f"{auto}/gateway/api/frontTransReq.do",
                UNIONPAY_QUERY_URL=f"{auto}/gateway/api/queryTrans.do",
                UNIONPAY_ROOT_CERT=os.path.join(state, "unionpay-root.cert.pem"),
                UNIONPAY_MIDDLE_CERT=os.path.join(state, "unionpay-middle.cert.pem"),
                UNIONPAY_VERIFY_CERT=os.path.join(state, "unionpay-sign.cert.pem"),
                UNIONPAY_BACK_URL=f"{shop}/unionpay/back.php",
                UNIONPAY_FRONT_URL=f"{shop}/unionpay/front.php",
                UNIONPAY_ORDER_DIR=os.path.join(state, "shop-orders"))


def acp_sign_text(fields):
    """The ACP sign string (docs/specs/unionpay-acp.md): every field but signature, ASCII-sorted,
    name=value joined by &; its digest's lowercase hex, SHA-256 for 5.1.0 and SHA-1 for 5.0.0
    (hashlib): the text the RSA signature is over."""
    import hashlib
    text = "&".join(f"{k}={v}" for k, v in sorted(fields.items()) if k != "signature")
    digest = hashlib.sha1 if fields.get("version") == "5.0.0" else hashlib.sha256
    return digest(text.encode("utf-8")).hexdigest()


def acp_verifies(state, fields):
    """A message the simulator signed, re-checked outside paysign: 5.1.0 by the certificate in
    signPubKeyCert (openssl verify: it chains to the simulator's root and middle; openssl dgst
    -sha256 over the sign string's SHA-256 hex), 5.0.0 by the simulator's signing certificate,
    the one whose decimal serial (openssl x509 -serial) certId is (openssl dgst -sha1 over the
    SHA-1 hex). (ok, what was found)."""
    sign = os.path.join(state, "unionpay-sign.cert.pem")
    if fields.get("version") == "5.0.0":
        serial = subprocess.run(["openssl", "x509", "-in", sign, "-noout", "-serial"], capture_output=True, timeout=20)
        want = str(int(serial.stdout.decode().strip().split("=", 1)[1], 16)) if serial.returncode == 0 else "?"
        if fields.get("certId") != want or "signPubKeyCert" in fields:
            return False, f"certId {fields.get('certId')} (the signing certificate's serial is {want})"
        leaf = sign
    else:
        cert = fields.get("signPubKeyCert", "")
        leaf = os.path.join(state, "acp-leaf.pem")
        with open(leaf, "w") as f:
            f.write(cert.replace("\r\n", "\n") + "\n")
        chain = subprocess.run(["openssl", "verify", "-CAfile", os.path.join(state, "unionpay-root.cert.pem"), "-untrusted",
                                os.path.join(state, "unionpay-middle.cert.pem"), leaf], capture_output=True, timeout=20)
        subject = subprocess.run(["openssl", "x509", "-in", leaf, "-noout", "-subject", "-nameopt", "utf8,sep_multiline"],
                                 capture_output=True, timeout=20).stdout.decode()
        cn = [line.strip()[3:] for line in subject.splitlines() if line.strip().startswith("CN=")]
        if chain.returncode != 0 or "\r\n" not in cert or not cn or cn[0].split("@")[2:3] != ["中国银联股份有限公司"]:
            return False, f"chain: {chain.stdout.decode()} {chain.stderr.decode()} subject: {subject}"
    pub = os.path.join(state, "acp-leaf.pub.pem")
    subprocess.run(["openssl", "x509", "-in", leaf, "-pubkey", "-noout", "-out", pub], capture_output=True, timeout=20)
    digest = "-sha1" if fields.get("version") == "5.0.0" else "-sha256"
    return openssl_verifies(state, pub, acp_sign_text(fields), fields.get("signature", ""), digest), "signature"


def acp_request(state, base, path, fields, change=None):
    """An ACP request signed here as the merchant (acp_sign_text, then openssl dgst -sign with the
    test PFX's key; certId the PFX certificate's decimal serial), changed by `change` after
    signing (None: the field removed), POSTed: (status, text)."""
    import base64
    key = os.path.join(state, "acp-merchant.key.pem")
    if not os.path.exists(key):
        subprocess.run(["openssl", "pkcs12", "-in", UNIONPAY_PFX, "-passin", "pass:000000", "-nocerts", "-nodes", "-out", key],
                       capture_output=True, timeout=20)
    f = dict(fields, signMethod="01", certId="69903319369")
    with open(os.path.join(state, "acp-req.txt"), "w") as out:
        out.write(acp_sign_text(f))
    s = subprocess.run(["openssl", "dgst", "-sha1" if f.get("version") == "5.0.0" else "-sha256", "-sign", key,
                        os.path.join(state, "acp-req.txt")], capture_output=True, timeout=20)
    f["signature"] = base64.b64encode(s.stdout).decode()
    for k, v in (change or {}).items():
        if v is None:
            f.pop(k, None)
        else:
            f[k] = v
    status, _, text = http("POST", f"{base}{path}", urllib.parse.urlencode(f).encode())
    return status, text


def acp_query(state, base, order_id, txn_time, version="5.1.0", change=None):
    """queryTrans.do for order_id (acp_request): the reply's status and pairs."""
    status, text = acp_request(state, base, "/gateway/api/queryTrans.do", {
        "version": version, "encoding": "UTF-8", "txnType": "00", "txnSubType": "00", "bizType": "000000",
        "accessType": "0", "merId": UNIONPAY_MER_ID, "orderId": order_id, "txnTime": txn_time}, change)
    return status, dict(urllib.parse.parse_qsl(text, keep_blank_values=True)), text


def unionpay_checks(paysign, sim, auto, shop, state):
    """UnionPay ACP 5.1.0 and 5.0.0 through --auto pay: the shop's pay.php form (signed with the
    test PFX) posted to frontTransReq.do, the back notification accepted by back.php (order book
    paid) and its signature re-checked outside paysign (acp_verifies), the browser's signed form
    to frontUrl shown paid by front.php; duplicate handled once; tampered, wrong-amount and
    other-order copies rejected (HTTP 400) and scheduled for a retry; query.php and queryTrans.do;
    bad requests answered with their respCode (and diagnose's page for a signature) without a
    crash; --auto fail: the front notification only, no back notification, the query says 01."""
    front = f"{auto}/gateway/api/frontTransReq.do"
    for version in ("5.1.0", "5.0.0"):
        what = f"UnionPay {version}"
        form, fields = checkout(f"{shop}/unionpay/pay.php?version={version}")
        status, _, page = http("POST", front, urllib.parse.urlencode(form.fields).encode())
        back = FormParser()
        back.feed(page)
        got = dict(back.fields)
        check(f"{what} --auto pay: the browser gets a form to frontUrl with respCode 00",
              status == 200 and back.action == f"{shop}/unionpay/front.php" and got.get("respCode") == "00"
              and got.get("version") == version and got.get("orderId") == fields.get("orderId"), f"{status} {page[:300]}")
        ok, why = acp_verifies(state, got)
        check(f"{what}: the front notification's signature right by the spec rule (hashlib, openssl)", ok, why)
        page = http("POST", back.action, urllib.parse.urlencode(back.fields).encode())[2] if back.action else ""
        check(f"{what}: front.php verifies the front notification and shows paid", 'id="status">paid<' in page, page[:300])
        no = fields.get("orderId", "")
        o, n = first_notification(auto, no)
        delivered(what, o, n, f"{shop}/unionpay/back.php", "POST", "ok", "back notification POSTed to backUrl",
                  shop_book(state, no))
        got = dict(urllib.parse.parse_qsl(n.get("body") or "", keep_blank_values=True))
        ok, why = acp_verifies(state, got)
        check(f"{what}: the back notification's signature right by the spec rule (hashlib, openssl), its fields",
              ok and got.get("respCode") == "00" and got.get("txnAmt") == "1" and got.get("orderId") == no
              and got.get("reqReserved") == "附加数据" and got.get("merId") == UNIONPAY_MER_ID and len(got.get("queryId", "")) == 21,
              f"{why} {json.dumps(got, ensure_ascii=False)[:600]}")
        if not o:
            continue
        api = f"{auto}/_sim/api/orders/{o[0]['id']}/notify"
        def resent(kind):
            status, _, text = http("POST", f"{api}?kind={kind}")
            return json.loads(text)["notifications"][-1] if status == 200 else {}
        d = resent("duplicate")
        book = shop_book(state, no)
        check(f"{what}: a duplicate accepted and handled once (book paid, two notifications)",
              bool(d) and d["attempts"][0]["accepted"] and book.get("status") == "paid" and book.get("notifications") == 2,
              f"{json.dumps(d)[:300]} {json.dumps(book)}")
        for kind in ("tampered", "wrong_amount", "other_order"):
            t = resent(kind)
            a = t["attempts"][0] if t and t["attempts"] else {}
            body = dict(urllib.parse.parse_qsl(t.get("body") or "", keep_blank_values=True))
            signed = acp_verifies(state, body)[0]
            check(f"{what}: a {kind} copy ({'badly' if kind == 'tampered' else 'validly'} signed) rejected by back.php "
                  "(HTTP 400) and scheduled for a retry",
                  bool(a) and not a["accepted"] and a["http_status"] == 400 and not t["done"] and t["next_at"] is not None
                  and signed == (kind != "tampered"), json.dumps(t)[:500])
        book = shop_book(state, no)
        check(f"{what}: the rejected copies changed nothing in the book", book.get("status") == "paid"
              and book.get("notifications") == 2, json.dumps(book))
        page = http("GET", f"{shop}/unionpay/query.php?orderId={no}")[2]
        check(f"{what}: query.php's signed queryTrans, its reply verified by paysign: origRespCode 00, book paid",
              'id="state">origRespCode 00<' in page and 'id="status">paid<' in page, page[:300])
        book_path = os.path.join(state, "shop-orders", no.encode().hex() + ".json")
        json.dump(dict(shop_book(state, no), status="pending"), open(book_path, "w"))
        page = http("GET", f"{shop}/unionpay/query.php?orderId={no}")[2]
        check(f"{what}: a pending book entry settled paid by query.php's verified reply",
              'id="status">paid<' in page and shop_book(state, no).get("status") == "paid", page[:300])
        status, a, raw = acp_query(state, auto, no, shop_book(state, no).get("txnTime", ""), version)
        ok, why = acp_verifies(state, a)
        check(f"{what}: queryTrans.do's reply signed (re-checked outside paysign): respCode 00, origRespCode 00",
              status == 200 and ok and a.get("respCode") == "00" and a.get("origRespCode") == "00" and a.get("txnAmt") == "1"
              and a.get("queryId") == got.get("queryId"), f"{why} {raw[:400]}")

    # Bad front requests, from a fresh checkout: each refused with its respCode, never a crash.
    form, fields = checkout(f"{shop}/unionpay/pay.php")
    def refused(label, pairs, code, text):
        status, _, page = http("POST", front, urllib.parse.urlencode(pairs).encode())
        check(f"UnionPay: {label} refused with respCode {code}",
              status == 400 and f'id="code">{code}<' in page and text in page, page[:700])
        return page
    page = refused("a changed request (txnAmt 2)", [(k, "2" if k == "txnAmt" else v) for k, v in form.fields], "11",
                   "signature does not verify")
    check("UnionPay: the bad signature's page shows diagnose's sign string",
          'id="diagnose"' in page and "txnAmt=2&amp;" in page, page[:900])
    page = refused("another certId", [(k, "68759663125" if k == "certId" else v) for k, v in form.fields], "11",
                   "certId &#39;68759663125&#39; is not the certificate")
    check("UnionPay: the certId page says which certId the simulator expected",
          'id="diagnose"' in page and "certId expected: 69903319369" in page, page[:900])
    refused("no txnAmt", [(k, v) for k, v in form.fields if k != "txnAmt"], "13", "field &#39;txnAmt&#39; is missing")
    refused("an unknown merId", [(k, "777290058100000" if k == "merId" else v) for k, v in form.fields], "31",
            "merId &#39;777290058100000&#39; is not a merchant")
    signed = {k: v for k, v in form.fields if k not in ("signature", "certId", "signMethod")}
    status, text = acp_request(state, auto, "/gateway/api/frontTransReq.do", dict(signed, txnAmt="abc"))
    check("UnionPay: txnAmt 'abc', validly signed, refused with respCode 10",
          status == 400 and 'id="code">10<' in text and "txnAmt &#39;abc&#39; is not an amount" in text, text[:600])
    status, text = acp_request(state, auto, "/gateway/api/frontTransReq.do", dict(signed, version="5.2.0"))
    check("UnionPay: version 5.2.0 refused with respCode 10", status == 400 and "version &#39;5.2.0&#39;" in text, text[:600])
    for label, body, text in (("bad percent-encoding", b"version=5.1.0&merId=%ZZ", "bad percent-encoding"),
                              ("a field sent twice", b"merId=1&merId=2", "field &#39;merId&#39; appears more than once"),
                              ("an empty body", b"", "field &#39;version&#39; is missing")):
        status, _, page = http("POST", front, body)
        code = "13" if body == b"" else "10"
        check(f"UnionPay: {label} refused with respCode {code}, the simulator still answers",
              status == 400 and f'id="code">{code}<' in page and text in page
              and http("GET", f"{auto}/_sim/api/orders")[0] == 200, page[:900])
    status, text = acp_request(state, auto, "/gateway/api/frontTransReq.do", dict(signed, orderId="U" + signed["orderId"]))
    status2, text2 = acp_request(state, auto, "/gateway/api/frontTransReq.do", dict(signed, orderId="U" + signed["orderId"]))
    check("UnionPay: a paid orderId sent again refused with respCode 12",
          status == 200 and status2 == 400 and 'id="code">12<' in text2, text2[:400])

    # queryTrans.do: an order on its payment page (05), an unknown one (34), bad requests.
    form, fields = checkout(f"{shop}/unionpay/pay.php")
    status, _, _ = http("POST", f"{sim}/gateway/api/frontTransReq.do", urllib.parse.urlencode(form.fields).encode())
    _, a, raw = acp_query(state, sim, fields.get("orderId", ""), fields.get("txnTime", ""))
    check("UnionPay query: an order on its payment page is origRespCode 05 (signed)",
          status == 302 and a.get("respCode") == "00" and a.get("origRespCode") == "05" and acp_verifies(state, a)[0], raw[:300])
    for label, args, code in (("an unknown order", dict(order_id="NEVER1234"), "34"),
                              ("a changed request", dict(change={"orderId": "NEVER1235"}), "11"),
                              ("no txnTime", dict(change={"txnTime": None}), "13"),
                              ("an unknown merId", dict(change={"merId": "777290058100000"}), "31")):
        _, a, raw = acp_query(state, auto, **dict(dict(order_id="NEVER1234", txn_time="20260101000000"), **args))
        check(f"UnionPay query: {label} answered respCode {code}, signed", a.get("respCode") == code
              and acp_verifies(state, a)[0], raw[:300])
    page = http("GET", f"{shop}/unionpay/query.php?orderId=NEVER1234&txnTime=20260101000000")[2]
    check("UnionPay query: query.php shows the verified respCode 34", 'id="state">respCode 34<' in page, page[:300])

    # --cert: the chain the shop was given.
    for part in ("root", "middle", "sign"):
        r = subprocess.run([paysign, "simulate", "--state", state, "--cert", f"unionpay-{part}"], capture_output=True, timeout=20)
        check(f"UnionPay: --cert unionpay-{part} prints the state's certificate",
              r.returncode == 0 and r.stdout.decode().strip() == open(os.path.join(state, f"unionpay-{part}.cert.pem")).read().strip(),
              r.stderr.decode())
    r = subprocess.run([paysign, "simulate", "--state", state, "--cert", "unionpay-leaf"], capture_output=True, timeout=20)
    check("UnionPay: --cert unionpay-leaf is an error naming the parts",
          r.returncode != 0 and "unionpay-root, unionpay-middle, unionpay-sign" in r.stderr.decode(), r.stderr.decode())

    # --auto fail: a third simulator with a copy of the keys.
    port = free_port()
    failing = subprocess.Popen([paysign, "simulate", "--listen", f"127.0.0.1:{port}", "--state",
                                state_with_keys(state, "fail."), "--auto", "fail"],
                               stdout=open(os.path.join(state, "fail.log"), "w"), stderr=subprocess.STDOUT)
    try:
        listening = wait_listening(port, failing, "--auto fail simulator")
        check("UnionPay: the --auto fail simulator listens", listening)
        if not listening:
            return
        base = f"http://127.0.0.1:{port}"
        for version in ("5.1.0", "5.0.0"):
            what = f"UnionPay {version} --auto fail"
            form, fields = checkout(f"{shop}/unionpay/pay.php?version={version}")
            status, _, page = http("POST", f"{base}/gateway/api/frontTransReq.do", urllib.parse.urlencode(form.fields).encode())
            back = FormParser()
            back.feed(page)
            got = dict(back.fields)
            check(f"{what}: the browser gets a signed form to frontUrl with respCode 01",
                  status == 200 and back.action == f"{shop}/unionpay/front.php" and got.get("respCode") == "01"
                  and acp_verifies(state, got)[0], page[:400])
            page = http("POST", back.action, urllib.parse.urlencode(back.fields).encode())[2] if back.action else ""
            check(f"{what}: front.php shows failed", 'id="status">failed<' in page, page[:300])
            no = fields.get("orderId", "")
            o, _ = first_notification(base, no)
            time.sleep(0.3)
            o, _ = first_notification(base, no)
            check(f"{what}: no back notification, the book still pending",
                  bool(o) and o[0]["status"] == "failed" and not o[0]["notifications"]
                  and shop_book(state, no).get("status") == "pending", json.dumps(o)[:300])
            _, a, raw = acp_query(state, base, no, fields.get("txnTime", ""), version)
            check(f"{what}: queryTrans.do says origRespCode 01 (signed)",
                  a.get("respCode") == "00" and a.get("origRespCode") == "01" and acp_verifies(state, a)[0], raw[:300])
    finally:
        failing.terminate()
        try:
            failing.wait(timeout=5)
        except subprocess.TimeoutExpired:
            failing.kill()


def state_with_keys(state, prefix):
    """A new --state folder inside state with a copy of its simulator keys (the shop trusts their certificates)."""
    folder = tempfile.mkdtemp(prefix=prefix, dir=state)
    for name in os.listdir(state):
        if name.endswith((".key.pem", ".cert.pem")):
            shutil.copy(os.path.join(state, name), folder)
    return folder


def restart_flow(paysign, shop, state):
    """--state: a paid 99bill order and an undelivered notification survive a SIGTERM and a
    restart on the same folder; a corrupt state.json stops the start with an error naming it."""
    folder = state_with_keys(state, "restart.")
    port = free_port()
    sim = f"http://127.0.0.1:{port}"

    def start():
        # No --fast: 99bill's first retry is 5 s after the first try, so it falls after the restart.
        p = subprocess.Popen([paysign, "simulate", "--listen", f"127.0.0.1:{port}", "--state", folder, "--auto", "pay"],
                             stdout=open(os.path.join(folder, "sim.log"), "a"), stderr=subprocess.STDOUT)
        return p, wait_listening(port, p, "restarted simulator")

    def stop(p):
        p.terminate()
        p.wait(timeout=5)

    p, up = start()
    try:
        form, fields = checkout(f"{shop}/99bill/send.php")
        status, headers, _ = http("POST", f"{sim}/gateway/recvMerchantInfoAction.htm", urllib.parse.urlencode(form.fields).encode())
        check("restart: --auto pay paid a 99bill order", up and status == 302, f"{status} {headers.get('Location')}")
        n = tampered(sim, [o for o in orders(sim) if o["order_id"] == fields["orderId"]])
        check("restart: a tampered notification rejected by the shop, its retry due",
              n.get("done") is False and len(n.get("attempts", [])) == 1 and not n["attempts"][0]["accepted"]
              and n["next_at"] is not None, json.dumps(n)[:300])
        before = orders(sim)
    finally:
        stop(p)
    check("restart: state.json written, no temp file left",
          os.path.exists(os.path.join(folder, "state.json")) and not os.path.exists(os.path.join(folder, "state.json.tmp")))
    p, up = start()
    try:
        after = orders(sim) if up else []
        o = after[0] if after else {}
        check("restart: the order is listed again, paid, with its accepted notification",
              len(after) == 1 and o["order_id"] == fields["orderId"] and o["status"] == "paid" and o["id"] == before[0]["id"]
              and o["deal_id"] == before[0]["deal_id"] and o["notifications"][0]["attempts"] == before[0]["notifications"][0]["attempts"],
              json.dumps(after)[:400])
        due = before[0]["notifications"][1]["next_at"]
        retried = wait_for(lambda: len(orders(sim)[0]["notifications"][1]["attempts"]) >= 2, 15)
        tries = orders(sim)[0]["notifications"][1]["attempts"]
        check("restart: the undelivered notification retried once on its stored schedule",
              retried and len(tries) == 2 and tries[1]["at"] >= due and tries[1]["at"] <= due + 3, json.dumps(tries)[:400])
        form, fields = checkout(f"{shop}/99bill/send.php")
        http("POST", f"{sim}/gateway/recvMerchantInfoAction.htm", urllib.parse.urlencode(form.fields).encode())
        ids = [o["id"] for o in orders(sim)]
        check("restart: the next order gets the next id", ids == [before[0]["id"], before[0]["id"] + 1], str(ids))
    finally:
        stop(p)
    with open(os.path.join(folder, "state.json"), "r+b") as f:
        f.seek(0)
        f.write(b"{not json")
    r = subprocess.run([paysign, "simulate", "--listen", f"127.0.0.1:{port}", "--state", folder],
                       capture_output=True, timeout=20)
    err = r.stderr.decode() + r.stdout.decode()
    check("restart: a corrupt state.json: an error naming it, non-zero exit, no panic",
          r.returncode != 0 and os.path.join(folder, "state.json") in err and "panicked" not in err, f"{r.returncode} {err[:300]}")
    with open(os.path.join(folder, "state.json"), "w") as f:
        json.dump({"orders": []}, f)
    r = subprocess.run([paysign, "simulate", "--listen", f"127.0.0.1:{port}", "--state", folder],
                       capture_output=True, timeout=20)
    err = r.stderr.decode() + r.stdout.decode()
    check("restart: a foreign state.json: an error naming it, non-zero exit",
          r.returncode != 0 and "state.json" in err and '"format"' in err, f"{r.returncode} {err[:300]}")


V3_MCHID = "1230000109"  # the v3 documentation's example merchant, the simulator's default
V3_SERIAL = "5F1C72E2A8931B72A2E13AF8DEE92471EB397115"  # the SDK test merchant certificate's
V3_APIV3_KEY = b"a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb"  # the SDK's test APIv3 key (testdata/wechat_v3/SOURCES.md)
V3_MERCHANT_KEY = os.path.join(ROOT, "testdata/wechat_v3/merchant_private_key.pem")


def v3_sign(state, key, msg):
    """SHA256withRSA of msg (bytes) with the openssl CLI, base64: not paysign."""
    import base64
    path = os.path.join(state, "v3.msg")
    with open(path, "wb") as f:
        f.write(msg)
    r = subprocess.run(["openssl", "dgst", "-sha256", "-sign", key, path], capture_output=True, timeout=20, check=True)
    return base64.b64encode(r.stdout).decode()


def v3_verifies(state, cert, msg, sig_b64):
    """SHA256withRSA of msg (bytes) checked by the openssl CLI against cert's public key."""
    import base64
    paths = [os.path.join(state, f"v3v.{x}") for x in ("msg", "sig", "pub")]
    try:
        sig = base64.b64decode(sig_b64, validate=True)
    except ValueError:
        return False
    open(paths[0], "wb").write(msg)
    open(paths[1], "wb").write(sig)
    subprocess.run(["openssl", "x509", "-in", cert, "-pubkey", "-noout", "-out", paths[2]], check=True, timeout=20)
    r = subprocess.run(["openssl", "dgst", "-sha256", "-verify", paths[2], "-signature", paths[1], paths[0]],
                       capture_output=True, timeout=20)
    return r.returncode == 0 and b"Verified OK" in r.stdout


def v3_decrypt(resource):
    """The AEAD_AES_256_GCM resource decrypted with Python's `cryptography` (None without it)."""
    import base64
    try:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    except ImportError:
        return None
    return AESGCM(V3_APIV3_KEY).decrypt(resource["nonce"].encode(), base64.b64decode(resource["ciphertext"]),
                                        resource.get("associated_data", "").encode())


def v3_request(state, base, method, url, body=b"", ts=None, signed_body=None, serial=V3_SERIAL, mchid=V3_MCHID, auth=None):
    """A v3 request whose Authorization the openssl CLI signs by the written rule (spec §1):
    METHOD\\nURL\\nTIMESTAMP\\nNONCE\\nBODY\\n. signed_body: sign other bytes than those sent.
    (status, headers, body bytes)."""
    ts = str(ts if ts is not None else int(time.time()))
    nonce = os.urandom(16).hex().upper()
    msg = b"\n".join([method.encode(), url.encode(), ts.encode(), nonce.encode(),
                      body if signed_body is None else signed_body]) + b"\n"
    if auth is None:
        sig = v3_sign(state, V3_MERCHANT_KEY, msg)
        auth = (f'WECHATPAY2-SHA256-RSA2048 mchid="{mchid}",nonce_str="{nonce}",signature="{sig}",'
                f'timestamp="{ts}",serial_no="{serial}"')
    req = urllib.request.Request(base + url, data=body if method == "POST" else None, method=method)
    req.add_header("Authorization", auth)
    req.add_header("Accept", "application/json")
    if method == "POST":
        req.add_header("Content-Type", "application/json")
    try:
        with OPENER.open(req, timeout=10) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


def v3_answer_verifies(state, headers, body):
    """A simulator answer's Wechatpay-* signature over TIMESTAMP\\nNONCE\\nBODY\\n, by openssl."""
    msg = f"{headers.get('Wechatpay-Timestamp')}\n{headers.get('Wechatpay-Nonce')}\n".encode() + body + b"\n"
    return v3_verifies(state, os.path.join(state, "wechatpay.cert.pem"), msg, headers.get("Wechatpay-Signature", ""))


def cert_serial(cert):
    r = subprocess.run(["openssl", "x509", "-in", cert, "-noout", "-serial"], capture_output=True, timeout=20)
    return r.stdout.decode().strip().split("=", 1)[-1].lstrip("0").upper()


class Capture:
    """A notify_url served here: records each request (headers, names in lower case, and body);
    the first is answered 500 with v3's FAIL body, the others 204."""

    def __init__(self):
        import http.server
        import threading
        self.got = []
        capture = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                capture.got.append(({k.lower(): v for k, v in self.headers.items()}, body))
                if len(capture.got) == 1:
                    out = '{"code":"FAIL","message":"失败"}'.encode()
                    self.send_response(500)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(out)))
                    self.end_headers()
                    self.wfile.write(out)
                else:
                    self.send_response(204)
                    self.end_headers()

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/notify"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def v3_to_shop(state, shop, body, ts=None, headers=None):
    """POSTs a notification to the shop's notify.php, signed here with the simulator's platform
    key by openssl (the independent signer); (status, reply)."""
    ts = str(ts if ts is not None else int(time.time()))
    nonce = os.urandom(16).hex()
    if headers is None:
        sig = v3_sign(state, os.path.join(state, "wechatpay.key.pem"), f"{ts}\n{nonce}\n".encode() + body + b"\n")
        headers = {"Wechatpay-Timestamp": ts, "Wechatpay-Nonce": nonce, "Wechatpay-Signature": sig,
                   "Wechatpay-Serial": cert_serial(os.path.join(state, "wechatpay.cert.pem"))}
    req = urllib.request.Request(f"{shop}/wechatpay_v3/notify.php", data=body, method="POST")
    req.add_header("Content-Type", "application/json")
    for k, v in headers.items():
        req.add_header(k, v)
    try:
        with OPENER.open(req, timeout=10) as r:
            return r.status, r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace")


def wechat_v3_checks(sim, auto, shop, state):
    """WeChat Pay API v3. Through the shop and --auto pay: order.php's native order (answer
    verified by the shop), the notification verified, decrypted and settled by notify.php (204),
    query.php, certificates.php, and the copies a merchant must handle. Then, outside paysign
    (requests signed and answers verified by the openssl CLI, resources decrypted by Python's
    `cryptography`), against the --fast simulator: the notification as sent, its retry after a
    500, and the refusals of bad requests; and against the shop: stale, malformed and forged
    notifications."""
    what = "WeChat Pay v3"
    cert = os.path.join(state, "wechatpay.cert.pem")
    status, _, page = http("GET", f"{shop}/wechatpay_v3/order.php")
    code = page.split('id="code" href="', 1)[-1].split('"', 1)[0] if 'id="code"' in page else ""
    no = page.split('id="order">', 1)[-1].split("<", 1)[0] if 'id="order"' in page else ""
    check(f"{what} --auto pay: order.php's native order answered with a code_url, the answer verified by the shop",
          status == 200 and code.startswith("weixin://wxpay/bizpayurl?pr="), page[:400])
    o, n = [], {}
    if wait_for(lambda: bool(first_notification(auto, no)[1].get("attempts")), 10):
        o, n = first_notification(auto, no)
    a0 = (n.get("attempts") or [{}])[0]
    check(f"{what}: the notification a JSON POST to notify_url, accepted with HTTP 204 at the first try",
          bool(o) and o[0]["status"] == "paid" and n["method"] == "POST" and n["url"] == f"{shop}/wechatpay_v3/notify.php"
          and a0.get("accepted") and a0.get("http_status") == 204, json.dumps(o)[:500])
    book = shop_book(state, no)
    check(f"{what}: notify.php verified, decrypted and settled: the order book has it paid, once",
          book.get("status") == "paid" and book.get("notifications") == 1, json.dumps(book))
    body = json.loads(n.get("body") or "{}")
    plain = v3_decrypt(body.get("resource", {})) if body else None
    if plain is None:
        check(f"{what}: (the resource is checked by notify.php only: Python's cryptography is not installed)", True)
    else:
        tx = json.loads(plain)
        check(f"{what}: the resource decrypted by Python's cryptography (AESGCM, APIv3 key) is the paid transaction",
              tx.get("out_trade_no") == no and tx.get("trade_state") == "SUCCESS" and tx.get("mchid") == V3_MCHID
              and tx.get("amount", {}).get("total") == 1 and body.get("event_type") == "TRANSACTION.SUCCESS"
              and body["resource"]["algorithm"] == "AEAD_AES_256_GCM", plain.decode()[:300])
    page = http("GET", f"{shop}/wechatpay_v3/query.php?out_trade_no={no}")[2]
    check(f"{what}: query.php's signed out-trade-no query says SUCCESS", 'id="state">SUCCESS<' in page, page[:300])
    page = http("GET", f"{shop}/wechatpay_v3/certificates.php")[2]
    check(f"{what}: certificates.php downloads, verifies and decrypts the platform certificate it trusts",
          'class="trusted"' in page and cert_serial(cert) in page, page[:300])
    if o:
        api = f"{auto}/_sim/api/orders/{o[0]['id']}"
        for kind in ("tampered", "wrong_amount", "other_order"):
            status, _, text = http("POST", f"{api}/notify?kind={kind}")
            k = json.loads(text)["notifications"][-1] if status == 200 else {}
            a = (k.get("attempts") or [{}])[0]
            check(f"{what}: a {kind} copy rejected by notify.php (HTTP 500, FAIL) and to be retried in 15 s",
                  a.get("http_status") == 500 and not a.get("accepted") and '"FAIL"' in a.get("reply", "")
                  and not k["done"] and k["next_at"] - a["at"] in (15, 16), json.dumps(k)[:400])
        status, _, text = http("POST", f"{api}/notify?kind=duplicate")
        d = json.loads(text)["notifications"][-1] if status == 200 else {}
        book = shop_book(state, no)
        check(f"{what}: a duplicate accepted and handled once", bool(d) and d["attempts"][0]["accepted"]
              and book.get("status") == "paid" and book.get("notifications") == 2, json.dumps(book))

    # The notification as it goes on the wire, to a notify_url served here (first answer 500).
    cap = Capture()
    try:
        order_no = "V3E2E" + str(int(time.time()))
        req = json.dumps({"appid": "wxd678efh567hg6787", "mchid": V3_MCHID, "description": "e2e", "out_trade_no": order_no,
                          "notify_url": cap.url, "amount": {"total": 1, "currency": "CNY"}}, separators=(",", ":")).encode()
        status, headers, answer = v3_request(state, sim, "POST", "/v3/pay/transactions/native", req)
        check(f"{what}: a native order signed by openssl answered 200 code_url, the answer's signature right (openssl)",
              status == 200 and json.loads(answer).get("code_url", "").startswith("weixin://")
              and headers.get("Wechatpay-Serial") == cert_serial(cert) and v3_answer_verifies(state, headers, answer),
              f"{status} {answer[:300]}")
        mine = [x for x in orders(sim) if x["order_id"] == order_no]
        if mine:
            http("POST", f"{sim}/_sim/orders/{mine[0]['id']}/complete", b"action=pay")
        wait_for(lambda: len(cap.got) >= 2, 5)
        rec = [x for x in orders(sim) if x["order_id"] == order_no]
        atts = rec[0]["notifications"][0]["attempts"] if rec and rec[0]["notifications"] else []
        check(f"{what}: a 500 reply retried (15 s / --fast 1000), the 204 then accepted",
              len(atts) == 2 and atts[0]["http_status"] == 500 and atts[0]["why"] == "HTTP status 500, not 200 or 204"
              and atts[1]["accepted"] and atts[1]["http_status"] == 204, json.dumps(atts)[:400])
        sent = [(h, b) for h, b in cap.got]
        ok = len(sent) == 2 and all(
            h.get("content-type") == "application/json" and h.get("wechatpay-serial") == cert_serial(cert)
            and v3_verifies(state, cert, f"{h.get('wechatpay-timestamp')}\n{h.get('wechatpay-nonce')}\n".encode() + b + b"\n",
                            h.get("wechatpay-signature", "")) for h, b in sent)
        check(f"{what}: each attempt's Wechatpay-Signature right over TIMESTAMP\\nNONCE\\nBODY\\n (openssl), signed afresh",
              ok and sent[0][0].get("wechatpay-nonce") != sent[1][0].get("wechatpay-nonce")
              and abs(int(sent[1][0].get("wechatpay-timestamp", "0")) - time.time()) < 60,
              json.dumps([h for h, _ in sent])[:400])
        if sent:
            body = json.loads(sent[-1][1])
            plain = v3_decrypt(body["resource"])
            if plain is not None:
                tx = json.loads(plain)
                check(f"{what}: its resource decrypts (Python cryptography) to the transaction",
                      tx.get("out_trade_no") == order_no and tx["amount"]["total"] == 1 and tx["trade_state"] == "SUCCESS"
                      and body["resource"]["associated_data"] == "transaction", plain.decode()[:300])
            # That notification, sent to the shop: the shop accepts it once it is one of its orders...
            raw = sent[-1][1]
            with open(os.path.join(state, "shop-orders", order_no.encode().hex() + ".json"), "w") as f:
                json.dump({"orderId": order_no, "amount": "1", "status": "pending", "notifications": 0}, f)
            stale = v3_to_shop(state, shop, raw, ts=int(time.time()) - 600)
            check(f"{what}: a copy signed 10 minutes ago rejected by notify.php (500 FAIL), the order untouched",
                  stale[0] == 500 and '"FAIL"' in stale[1] and shop_book(state, order_no).get("status") == "pending", str(stale))
            fresh = v3_to_shop(state, shop, raw)
            check(f"{what}: the same notification signed now by openssl with the platform key: 204, paid",
                  fresh[0] == 204 and shop_book(state, order_no).get("status") == "paid", str(fresh))
            forged = raw.replace(b'"summary":"', b'"summary":"x', 1)
            dup = v3_to_shop(state, shop, raw)  # a duplicate: handled once
            now = str(int(time.time()))
            h = {"Wechatpay-Timestamp": now, "Wechatpay-Nonce": "n", "Wechatpay-Serial": cert_serial(cert),
                 "Wechatpay-Signature": v3_sign(state, os.path.join(state, "wechatpay.key.pem"), f"{now}\nn\n".encode() + raw + b"\n")}
            rejected = [v3_to_shop(state, shop, forged, headers=h), v3_to_shop(state, shop, b"{not json"),
                        v3_to_shop(state, shop, b'{"id":"EV-1"}'), v3_to_shop(state, shop, raw, headers={}),
                        v3_to_shop(state, shop, raw.replace(b"AEAD_AES_256_GCM", b"AEAD_AES_128_GCM"))]
            check(f"{what}: notify.php refuses a body changed after signing, malformed JSON, no resource, no headers, "
                  "another algorithm: 500 FAIL each, no crash",
                  dup[0] == 204 and all(r[0] == 500 and '"FAIL"' in r[1] for r in rejected)
                  and shop_book(state, order_no).get("notifications") == 2, str(rejected)[:600])
    finally:
        cap.close()

    # Bad requests: each answered with v3's error JSON, signed, the simulator running on.
    good = json.dumps({"appid": "wxd678efh567hg6787", "mchid": V3_MCHID, "description": "e2e", "out_trade_no": "V3BAD0001",
                       "notify_url": f"{shop}/wechatpay_v3/notify.php", "amount": {"total": 1}}, separators=(",", ":")).encode()
    def refused(label, status_want, code_want, r, *needles):
        status, headers, text = r
        try:
            j = json.loads(text)
        except ValueError:
            j = {}
        reason = json.dumps(j.get("detail", {}), ensure_ascii=False)
        check(f"{what}: {label}: HTTP {status_want} {code_want}" + (" with diagnose's reason" if needles else ""),
              status == status_want and j.get("code") == code_want and all(x in reason for x in needles)
              and v3_answer_verifies(state, headers, text), f"{status} {text[:500]!r}")
        return j
    native = "/v3/pay/transactions/native"
    j = refused("a body changed after signing", 401, "SIGN_ERROR",
                v3_request(state, sim, "POST", native, good.replace(b'"total":1', b'"total":100'), signed_body=good),
                "does not match", "sign not match")
    check(f"{what}: the SIGN_ERROR shows the sign string expected",
          j.get("detail", {}).get("paysign", {}).get("sign_message_expected", "").startswith("POST\n/v3/pay/transactions/native\n"),
          json.dumps(j)[:400])
    pretty = json.dumps(json.loads(good), indent=2).encode()
    refused("a body signed compact, sent pretty-printed", 401, "SIGN_ERROR",
            v3_request(state, sim, "POST", native, pretty, signed_body=good), "compact JSON")
    refused("a timestamp 10 minutes old", 401, "SIGN_ERROR",
            v3_request(state, sim, "POST", native, good, ts=int(time.time()) - 600), "PAYSIGN_STALE_TIMESTAMP")
    refused("an unknown certificate serial", 401, "SIGN_ERROR",
            v3_request(state, sim, "POST", native, good, serial="0123456789ABCDEF"), "PAYSIGN_KEY_MISMATCH", "serial_no")
    refused("an unknown mchid", 400, "MCH_NOT_EXISTS", v3_request(state, sim, "POST", native, good, mchid="1900000000"))
    refused("a garbled Authorization", 401, "SIGN_ERROR",
            v3_request(state, sim, "POST", native, good, auth="WECHATPAY2-SHA256-RSA2048 mchid=1230000109"), "Authorization.mchid")
    refused("no Authorization scheme", 401, "SIGN_ERROR", v3_request(state, sim, "POST", native, good, auth="Bearer x"), "scheme")
    refused("malformed JSON, validly signed", 400, "PARAM_ERROR", v3_request(state, sim, "POST", native, b'{"appid":'))
    refused("amount.total as a string, validly signed", 400, "PARAM_ERROR",
            v3_request(state, sim, "POST", native, good.replace(b'"total":1', b'"total":"1"')))
    refused("notify_url missing, validly signed", 400, "PARAM_ERROR",
            v3_request(state, sim, "POST", native, good.replace(b'"notify_url"', b'"notify_uri"')))
    status, headers, text = v3_request(state, sim, "GET", f"/v3/pay/transactions/out-trade-no/{order_no}?mchid={V3_MCHID}")
    tx = json.loads(text) if status == 200 else {}
    check(f"{what}: the out-trade-no query (signed by openssl) answers SUCCESS, signature right (openssl)",
          tx.get("trade_state") == "SUCCESS" and tx.get("out_trade_no") == order_no and v3_answer_verifies(state, headers, text),
          f"{status} {text[:300]!r}")
    refused("a query for an order never made", 404, "ORDER_NOT_EXIST",
            v3_request(state, sim, "GET", f"/v3/pay/transactions/out-trade-no/NEVER000?mchid={V3_MCHID}"))
    # JSAPI: a prepay_id; a failed payment: no notification (v3 sends them for success only).
    jsapi = json.loads(good)
    jsapi.update(out_trade_no="V3JSAPI" + str(int(time.time())), payer={"openid": "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"})
    status, headers, text = v3_request(state, sim, "POST", "/v3/pay/transactions/jsapi", json.dumps(jsapi).encode())
    check(f"{what}: a JSAPI order answered with a prepay_id, signed",
          status == 200 and json.loads(text).get("prepay_id", "").startswith("wx") and v3_answer_verifies(state, headers, text),
          f"{status} {text[:300]!r}")
    del jsapi["payer"]
    refused("a JSAPI order without payer.openid", 400, "PARAM_ERROR",
            v3_request(state, sim, "POST", "/v3/pay/transactions/jsapi", json.dumps(jsapi).encode()))
    mine = [x for x in orders(sim) if x["order_id"] == jsapi["out_trade_no"]]
    page = http("POST", f"{sim}/_sim/orders/{mine[0]['id']}/complete", b"action=fail")[2] if mine else ""
    status, headers, text = v3_request(state, sim, "GET", f"/v3/pay/transactions/out-trade-no/{jsapi['out_trade_no']}?mchid={V3_MCHID}")
    failed = [x for x in orders(sim) if x["order_id"] == jsapi["out_trade_no"]]
    check(f"{what}: Fail sends no notification; the query says PAYERROR",
          "no notification" in page and bool(failed) and not failed[0]["notifications"]
          and json.loads(text).get("trade_state") == "PAYERROR", f"{page[:200]} {text[:200]!r}")
    status, headers, text = v3_request(state, sim, "GET", "/v3/certificates")
    entry = (json.loads(text).get("data") or [{}])[0] if status == 200 else {}
    plain = v3_decrypt(entry.get("encrypt_certificate", {})) if entry else None
    check(f"{what}: /v3/certificates: the platform certificate, its serial, AEAD_AES_256_GCM (Python cryptography)"
          if plain is not None else f"{what}: /v3/certificates answered (not decrypted here: no cryptography module)",
          status == 200 and v3_answer_verifies(state, headers, text) and entry.get("serial_no") == cert_serial(cert)
          and (plain is None or plain.decode().strip() == open(cert).read().strip()), f"{status} {text[:300]!r}")


def main():
    # `timeout` sends SIGTERM: leave through the finally below, which stops both servers.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(124))
    paysign, ext = sys.argv[1], sys.argv[2]
    state = tempfile.mkdtemp(prefix="paysign-sim.")
    sim_port, shop_port = free_port(), free_port()
    # the --auto simulator's, chosen now: the shop's Alipay mapi notify_verify goes there
    auto_port = free_port()
    sim = f"http://127.0.0.1:{sim_port}"
    shop = f"http://127.0.0.1:{shop_port}"
    procs = []
    try:
        # --fast 1000: 99bill's 5 s retry becomes 5 ms, its 18 hours about a minute.
        simp = subprocess.Popen(
            [paysign, "simulate", "--listen", f"127.0.0.1:{sim_port}", "--state", state, "--fast", "1000", "--timeout", "5"],
            stdout=open(os.path.join(state, "sim.log"), "w"), stderr=subprocess.STDOUT)
        procs.append(simp)
        check("simulator listens", wait_listening(sim_port, simp, "simulator"))
        cert = os.path.join(state, "99bill.cert.pem")
        check("simulator made its 99bill certificate", os.path.exists(cert))
        env = dict(os.environ,
                   KQ_GATEWAY=f"{sim}/gateway/recvMerchantInfoAction.htm",
                   KQ_GATEWAY_CERT=cert,
                   KQ_BG_URL=f"{shop}/99bill/receive.php?shop=1",
                   KQ_SHOW_URL=f"{shop}/99bill/show.php",
                   KQ_ORDER_DIR=os.path.join(state, "shop-orders"),
                   WECHATPAY_GATEWAY=sim,
                   WECHATPAY_NOTIFY_URL=f"{shop}/wechatpay/notify.php",
                   WECHATPAY_ORDER_DIR=os.path.join(state, "shop-orders"),
                   ALIPAY_GATEWAY=f"{sim}/gateway.do",
                   ALIPAY_PUBLIC_KEY=os.path.join(state, "alipay.cert.pem"),
                   ALIPAY_NOTIFY_URL=f"{shop}/alipay/notify.php",
                   ALIPAY_RETURN_URL=f"{shop}/alipay/return.php",
                   ALIPAY_ORDER_DIR=os.path.join(state, "shop-orders"),
                   ALIPAY_MAPI_GATEWAY=f"http://127.0.0.1:{auto_port}/gateway.do",
                   ALIPAY_MAPI_PUBLIC_KEY=os.path.join(state, "alipay.cert.pem"),
                   ALIPAY_MAPI_NOTIFY_URL=f"{shop}/alipay_mapi/notify.php",
                   ALIPAY_MAPI_RETURN_URL=f"{shop}/alipay_mapi/return.php",
                   ALIPAY_MAPI_ORDER_DIR=os.path.join(state, "shop-orders"),
                   DINPAY_NOTIFY_URL=f"{shop}/dinpay/notify.php",
                   DINPAY_RETURN_URL=f"{shop}/dinpay/return.php",
                   DINPAY_ORDER_DIR=os.path.join(state, "shop-orders"),
                   DINPAY_QUERY_URL=f"http://127.0.0.1:{auto_port}/query",
                   DINPAY_PUBLIC_KEY=os.path.join(state, "dinpay.pub.pem"),
                   YEEPAY_CALLBACK_URL=f"{shop}/yeepay/callback.php",
                   YEEPAY_ORDER_DIR=os.path.join(state, "shop-orders"),
                   YEEPAY_HMAC_SAFE="1",
                   ALLINPAY_CERT=os.path.join(state, "allinpay.cert.pem"),
                   ALLINPAY_RECEIVE_URL=f"{shop}/allinpay/notify.php",
                   ALLINPAY_PICKUP_URL=f"{shop}/allinpay/return.php",
                   ALLINPAY_ORDER_DIR=os.path.join(state, "shop-orders"),
                   ALLINPAY_QUERY_URL=f"http://127.0.0.1:{auto_port}/gateway/query.do",
                   CHINABANK_NOTIFY_URL=f"{shop}/chinabank/notify.php",
                   CHINABANK_RETURN_URL=f"{shop}/chinabank/return.php",
                   CHINABANK_ORDER_DIR=os.path.join(state, "shop-orders"),
                   IPS_SERVER_URL=f"{shop}/ips/server.php",
                   IPS_RETURN_URL=f"{shop}/ips/return.php",
                   IPS_ORDER_DIR=os.path.join(state, "shop-orders"),
                   IPS7_SERVER_URL=f"{shop}/ips7/server.php",
                   IPS7_RETURN_URL=f"{shop}/ips7/return.php",
                   IPS7_ORDER_DIR=os.path.join(state, "shop-orders"),
                   TENPAY_GATEWAY=f"http://127.0.0.1:{auto_port}/gateway/pay.htm",
                   TENPAY_API=f"http://127.0.0.1:{auto_port}/gateway",
                   TENPAY_NOTIFY_URL=f"{shop}/tenpay/notify.php",
                   TENPAY_RETURN_URL=f"{shop}/tenpay/return.php",
                   TENPAY_ORDER_DIR=os.path.join(state, "shop-orders"),
                   PAYPAL_WEBSCR=f"http://127.0.0.1:{auto_port}/cgi-bin/webscr",
                   PAYPAL_POSTBACK_URL=f"http://127.0.0.1:{auto_port}/cgi-bin/webscr",
                   PAYPAL_NOTIFY_URL=f"{shop}/paypal/ipn.php",
                   PAYPAL_RETURN_URL=f"{shop}/paypal/return.php",
                   PAYPAL_CANCEL_URL=f"{shop}/paypal/return.php?cancelled=1",
                   PAYPAL_TXN_DIR=os.path.join(state, "paypal-txn"),
                   PAYPAL_ORDER_DIR=os.path.join(state, "shop-orders"),
                   WECHATPAY_V3_GATEWAY=f"http://127.0.0.1:{auto_port}",
                   WECHATPAY_V3_PLATFORM_CERT=os.path.join(state, "wechatpay.cert.pem"),
                   WECHATPAY_V3_NOTIFY_URL=f"{shop}/wechatpay_v3/notify.php",
                   WECHATPAY_V3_ORDER_DIR=os.path.join(state, "shop-orders"),
                   # order.php waits for the simulator while the simulator may notify: two workers.
                   PHP_CLI_SERVER_WORKERS="4")
        env.update(unionpay_env(sim, shop, auto_port, state))
        shopp = subprocess.Popen(
            ["php", "-n", "-d", f"extension={ext}", "-S", f"127.0.0.1:{shop_port}", "-t", os.path.join(ROOT, "examples/php")],
            env=env, stdout=open(os.path.join(state, "shop.log"), "w"), stderr=subprocess.STDOUT,
            # its own process group: PHP_CLI_SERVER_WORKERS forks workers that outlive the parent
            start_new_session=True)
        procs.append(shopp)
        check("merchant (php -S) listens", wait_listening(shop_port, shopp, "php -S"))

        browser_flow(sim, shop, state)
        wechat_flow(sim, shop, state)
        alipay_flow(sim, shop, state)

        # The same with urllib as the browser, to look at every step.
        status, _, page = http("GET", f"{shop}/99bill/send.php")
        form = FormParser()
        form.feed(page)
        check("checkout page has a form to the simulator", status == 200 and form.action == env["KQ_GATEWAY"], f"{status} {form.action}")
        fields = dict(form.fields)
        body = urllib.parse.urlencode(form.fields).encode()

        # A field changed after the merchant signed: 99bill's 20001 and diagnose's report.
        bad = urllib.parse.urlencode([(k, "2" if k == "orderAmount" else v) for k, v in form.fields]).encode()
        status, _, page = http("POST", form.action, bad)
        check("tampered request rejected with 20001", status == 400 and 'id="code">20001<' in page, f"{status} {page[:300]}")
        check("rejection shows the sign string paysign expects",
              "sign string paysign expects: inputCharset=1&amp;bgUrl=" in page and "orderAmount=2&amp;" in page, page[:800])

        status, _, page = http("POST", form.action, urllib.parse.urlencode([(k, v) for k, v in form.fields if k != "merchantAcctId"]).encode())
        check("request without merchantAcctId rejected", status == 400 and "is not a merchant of this simulator" in page, page[:300])

        status, headers, _ = http("POST", form.action, body)
        pay_page = headers.get("Location", "")
        check("verified request goes to the payment page", status == 302 and pay_page.startswith("/_sim/orders/"), f"{status} {pay_page}")
        oid = int(pay_page.split("/")[3])
        status, _, page = http("GET", sim + pay_page)
        check("payment page shows the order", status == 200 and fields["orderId"] in page and 'id="pay"' in page, page[:300])

        # Pay: the notification goes to receive.php, which verifies it and replies; the browser
        # is sent to the reply's redirecturl.
        order_url = sim + pay_page.rsplit("/", 1)[0]
        status, headers, _ = http("POST", order_url + "/complete", b"action=pay")
        back = headers.get("Location", "")
        check("Pay sends the browser to the merchant's redirecturl",
              status == 302 and back == f"{shop}/99bill/show.php?msg=success&orderId={fields['orderId']}", f"{status} {back}")
        o = orders(sim)[oid]
        n = o["notifications"][0]
        check("order paid, one notification, accepted at the first try",
              o["status"] == "paid" and n["kind"] == "normal" and len(n["attempts"]) == 1 and n["attempts"][0]["accepted"], json.dumps(o)[:500])
        check("notification went to bgUrl with its own query kept",
              n["url"].startswith(f"{shop}/99bill/receive.php?shop=1&merchantAcctId=1001214035601&"), n["url"][:200])
        # The notification itself, verified independently by the paysign CLI with the certificate.
        query = n["url"].split("?", 1)[1]
        v = subprocess.run([paysign, "verify", "99bill.pay.notify", "--key", cert, "--options", "hash=sha256", "--print-params"],
                           input=query.encode(), capture_output=True, timeout=20)
        out = v.stdout.decode()
        check("notification verifies with the simulator's certificate (paysign verify)",
              v.returncode == 0 and "payResult=10" in out and f"orderId={fields['orderId']}" in out and "payAmount=1\n" in out, out + v.stderr.decode())
        # And by the written rule, outside paysign: the fields in 99bill's notification order,
        # empty ones left out, SHA256withRSA checked by the openssl CLI.
        got = urllib.parse.parse_qsl(query, keep_blank_values=True)
        got = [(k, v) for k, v in got if k != "shop"]
        order = ["merchantAcctId", "version", "language", "signType", "payType", "bankId", "orderId", "orderTime",
                 "orderAmount", "bindCard", "bindMobile", "dealId", "bankDealId", "dealTime", "payAmount", "fee",
                 "ext1", "ext2", "payResult", "aggregatePay", "errCode"]
        values = dict(got)
        sign_string = "&".join(f"{k}={values[k]}" for k in order if values.get(k))
        import base64
        with open(os.path.join(state, "ss"), "wb") as f:
            f.write(sign_string.encode("utf-8"))
        with open(os.path.join(state, "sig"), "wb") as f:
            f.write(base64.b64decode(values["signMsg"]))
        subprocess.run(["openssl", "x509", "-in", cert, "-pubkey", "-noout", "-out", os.path.join(state, "pub.pem")], check=True, timeout=20)
        o_ssl = subprocess.run(["openssl", "dgst", "-sha256", "-verify", os.path.join(state, "pub.pem"), "-signature",
                                os.path.join(state, "sig"), os.path.join(state, "ss")], capture_output=True, timeout=20)
        check("notification verifies by the spec's rule with openssl (not paysign)",
              o_ssl.returncode == 0 and b"Verified OK" in o_ssl.stdout, sign_string + o_ssl.stdout.decode() + o_ssl.stderr.decode())
        check("order closed after Pay", http("POST", order_url + "/complete", b"action=pay")[0] == 409)
        query_flow(paysign, sim, state, cert, fields["orderId"], o)

        api = order_url.replace("/_sim/orders/", "/_sim/api/orders/")
        def notified(kind):
            status, _, text = http("POST", f"{api}/notify?kind={kind}")
            if status != 200:
                return None
            return json.loads(text)["notifications"][-1]

        d = notified("duplicate")
        check("duplicate accepted by the merchant", d and d["kind"] == "duplicate" and d["attempts"][0]["accepted"], json.dumps(d))
        book = json.load(open(os.path.join(env["KQ_ORDER_DIR"], fields["orderId"].encode().hex() + ".json")))
        check("duplicate handled once: the order book has it paid, two notifications seen",
              book["status"] == "paid" and book["notifications"] == 2, json.dumps(book))

        t = notified("tampered")
        check("tampered copy rejected by the merchant (its failure reply)",
              t and not t["attempts"][0]["accepted"] and t["attempts"][0]["reply"].startswith("<result>0</result>"), json.dumps(t))
        # Retried on the schedule (13 retries, at --fast 1000 about 65 s in all): the first
        # four come within 50 ms.
        idx = len(o["notifications"]) + 1
        check("tampered copy retried on the schedule",
              wait_for(lambda: len(orders(sim)[oid]["notifications"][idx]["attempts"]) >= 4),
              json.dumps(orders(sim)[oid]["notifications"][idx])[:400])
        check("no tampered attempt accepted",
              not any(a["accepted"] for a in orders(sim)[oid]["notifications"][idx]["attempts"]))

        # The example's order book (orders.php) knows the amount and its own orders.
        w = notified("wrong_amount")
        check("wrong amount: validly signed, rejected by the merchant",
              w and "payAmount=2&" in w["url"] and not w["attempts"][0]["accepted"]
              and w["attempts"][0]["reply"].startswith("<result>0</result>"), json.dumps(w))
        x = notified("other_order")
        check("other order: validly signed, rejected by the merchant",
              x and f"orderId={fields['orderId']}X&" in x["url"] and not x["attempts"][0]["accepted"], json.dumps(x))
        check("unknown kind answered 400", http("POST", f"{api}/notify?kind=forged")[0] == 400)

        # Fail: a second order, payResult=11.
        status, headers, _ = http("POST", form.action, body.replace(fields["orderId"].encode(), b"F" + fields["orderId"].encode()))
        # (the orderId changed, so the merchant's signature no longer matches)
        check("changed orderId rejected", status == 400)
        status, _, page2 = http("GET", f"{shop}/99bill/send.php")
        form2 = FormParser()
        form2.feed(page2)
        status, headers, _ = http("POST", form2.action, urllib.parse.urlencode(form2.fields).encode())
        second = sim + headers.get("Location", "/x/x").rsplit("/", 1)[0]
        status, headers, _ = http("POST", second + "/complete", b"action=fail")
        check("Fail notifies payResult=11 and the merchant answers it",
              status == 302 and "msg=failed" in headers.get("Location", ""), f"{status} {headers.get('Location')}")

        # Operator page.
        status, _, page = http("GET", f"{sim}/_sim/")
        check("operator page lists the orders, their retries, and no merchant error",
              status == 200 and fields["orderId"] in page and "retrying" in page and "ACCEPTED BY THE MERCHANT" not in page, page[:300])

        # Unreachable notify URL: a request signed by the paysign CLI with the sandbox key, its
        # bgUrl on a closed port. The payer sees "not accepted"; the retries go on.
        closed = free_port()
        req = [f"{k}={v}" for k, v in form.fields if k not in ("signMsg", "bgUrl", "orderId")]
        req += [f"bgUrl=http://127.0.0.1:{closed}/gone", "orderId=U" + fields["orderId"]]
        s = subprocess.run([paysign, "sign", "99bill.pay.request", *req, "--key",
                            os.path.join(ROOT, "testdata/vectors/keys/99bill_10012140356.pfx"), "--password", "123456",
                            "--options", "hash=sha256", "--output", "form"], capture_output=True, timeout=20)
        status, headers, _ = http("POST", form.action, s.stdout.strip())
        third = sim + headers.get("Location", "/x/x").rsplit("/", 1)[0]
        status, _, page = http("POST", third + "/complete", b"action=pay")
        check("unreachable notify URL: the payer is told, the simulator keeps going",
              s.returncode == 0 and status == 200 and "notify URL not reached" in page, f"{s.stderr} {status} {page[:400]}")
        check("unreachable notify URL retried",
              wait_for(lambda: len(orders(sim)[-1]["notifications"][0]["attempts"]) >= 3), json.dumps(orders(sim)[-1])[:400])
        check("simulator still running", simp.poll() is None)

        # --auto pay, for CI: a second simulator on the same state folder (so the same key),
        # the request completed and the browser sent straight back.
        # Its own state.json (two simulators must not share one), with the same keys.
        auto_state = state_with_keys(state, "auto.")
        autop = subprocess.Popen(
            [paysign, "simulate", "--listen", f"127.0.0.1:{auto_port}", "--state", auto_state, "--auto", "pay"],
            stdout=open(os.path.join(state, "auto.log"), "w"), stderr=subprocess.STDOUT)
        procs.append(autop)
        check("--auto simulator listens", wait_listening(auto_port, autop, "--auto simulator"))
        status, _, page3 = http("GET", f"{shop}/99bill/send.php")
        form3 = FormParser()
        form3.feed(page3)
        status, headers, _ = http("POST", f"http://127.0.0.1:{auto_port}/gateway/recvMerchantInfoAction.htm",
                                  urllib.parse.urlencode(form3.fields).encode())
        check("--auto pay: request answered with the merchant's redirecturl",
              status == 302 and headers.get("Location", "").startswith(f"{shop}/99bill/show.php?msg=success"), f"{status} {headers.get('Location')}")
        wechat_auto(f"http://127.0.0.1:{auto_port}", shop, state)
        chinabank_auto(f"http://127.0.0.1:{auto_port}", shop, state)
        mapi_auto(f"http://127.0.0.1:{auto_port}", shop, state, "MD5")
        mapi_auto(f"http://127.0.0.1:{auto_port}", shop, state, "RSA")
        dinpay_auto(f"http://127.0.0.1:{auto_port}", shop, state)
        ips_flow(f"http://127.0.0.1:{auto_port}", shop, state)
        yeepay_auto(paysign, f"http://127.0.0.1:{auto_port}", shop, state)
        allinpay_auto(f"http://127.0.0.1:{auto_port}", shop, state, "0")
        allinpay_auto(f"http://127.0.0.1:{auto_port}", shop, state, "1")
        tenpay_auto(f"http://127.0.0.1:{auto_port}", shop, state)
        paypal_auto(sim, f"http://127.0.0.1:{auto_port}", shop, state)
        wechat_v3_checks(sim, f"http://127.0.0.1:{auto_port}", shop, state)
        alipay_query_checks(sim, shop, state)
        dinpay_query_checks(sim, f"http://127.0.0.1:{auto_port}", shop, state)
        allinpay_query_checks(sim, f"http://127.0.0.1:{auto_port}", shop, state)
        payment_page_units(sim)
        unionpay_checks(paysign, sim, f"http://127.0.0.1:{auto_port}", shop, state)
        dinpay_rsa_checks(paysign, f"http://127.0.0.1:{auto_port}", shop, state)
        ips7_checks(f"http://127.0.0.1:{auto_port}", shop, state)
        yeepay_hmac_safe_checks(f"http://127.0.0.1:{auto_port}", shop, state)
        restart_flow(paysign, shop, state)
    finally:
        for p in procs:
            p.terminate()
        try:
            os.killpg(shopp.pid, signal.SIGTERM)  # php -S and its workers
        except (NameError, ProcessLookupError):
            pass
        for p in procs:
            try:
                p.wait(timeout=5)
            except subprocess.TimeoutExpired:
                p.kill()
        if failed:
            for log in ("sim.log", "shop.log"):
                path = os.path.join(state, log)
                if os.path.exists(path):
                    print(f"--- {log}")
                    print(open(path).read()[-3000:])
    print(f"simulate: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
