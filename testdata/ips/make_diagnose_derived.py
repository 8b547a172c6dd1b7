#!/usr/bin/env python3
"""DERIVED fixtures for diagnose's IPS 7.0 variants, made with hashlib and urllib, not paysign.
The documents, MerCode and MerKey are PayumTW/ips tests/ApiTest.php's (testdata/vectors/ips.json
`ips-v7-*`); the rule is docs/specs/ips.md §4: md5(<body>…</body> + MerCode + MerKey), lowercase.
Run from this directory: python3 make_diagnose_derived.py"""
import hashlib, json, re, urllib.parse

cases = {c["id"]: c for c in json.load(open("../vectors/ips.json"))["cases"]}
MERCODE = "c5374addd1a3d024c3a026199cb8feaf"
MERKEY = "c71530d016b3475579da8af971f7ca6c"
req = dict(cases["ips-v7-request-md5-payumtw"]["params"])["pGateWayReq"]
notify = dict(cases["ips-v7-notify-md5-payumtw"]["params"])["paymentResult"]

def body_of(doc):
    return re.search(r"<body>.*</body>", doc, re.S).group(0)

def md5(s):
    return hashlib.md5(s.encode("utf-8")).hexdigest()

def with_sig(doc, sig):
    return re.sub(r"<Signature>[0-9a-fA-F]*</Signature>", "<Signature>%s</Signature>" % sig, doc)

def form(pairs):
    return "&".join("%s=%s" % (n, urllib.parse.quote(v, safe="")) for n, v in pairs) + "\n"

assert md5(body_of(req) + MERCODE + MERKEY) == "527c01c2b04d4f8b198180ba72b0f66e"
assert md5(body_of(notify) + MERCODE + MERKEY) == "598633a6fcae5562ef63355f12a71ee1"

# 1. IPS's notification (its published signature) pretty-printed by the merchant's framework:
#    a newline and two spaces between tags, not inside a text or CDATA value or an empty element.
def pretty_print(doc):
    out = doc[0]
    for i in range(1, len(doc)):
        if doc[i] == "<" and doc[i - 1] == ">":
            before, after = doc[:i], doc[i:]
            opened = re.search(r"<([A-Za-z]+)>$", before)
            leaf = opened and after.startswith("</%s>" % opened.group(1))
            if not (before.endswith("]]>") or after.startswith("<![CDATA[") or leaf):
                out += "\n  "
        out += doc[i]
    return out

pretty = pretty_print(notify)
open("notify_v7_reformatted_derived.txt", "w").write(form([("paymentResult", pretty), ("MerCode", MERCODE)]))

# 2. A request whose <body> the merchant signed with <Attach></Attach> and then sent through an
#    XML library that wrote it as <Attach/>.
signed_req = req.replace("</GoodsName>", "</GoodsName><Attach></Attach>")
sig = md5(body_of(signed_req) + MERCODE + MERKEY)
sent = with_sig(signed_req, sig).replace("<Attach></Attach>", "<Attach/>")
open("request_v7_empty_element_derived.txt", "w").write(form([("pGateWayReq", sent)]))
print("empty element request signature", sig)

# 3. A request signed without MerCode: md5(<body>…</body> + MerKey).
sig = md5(body_of(req) + MERKEY)
open("request_v7_mercode_left_out_derived.txt", "w").write(form([("pGateWayReq", with_sig(req, sig))]))
print("MerCode left out", sig)

# 4. The published request signature in uppercase hex (paysign writes lowercase, as IPS does).
open("request_v7_upper_md5_derived.txt", "w").write(form([("pGateWayReq", with_sig(req, "527c01c2b04d4f8b198180ba72b0f66e".upper()))]))
