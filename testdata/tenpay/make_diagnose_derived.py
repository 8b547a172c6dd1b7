#!/usr/bin/env python3
"""DERIVED fixtures for diagnose's Tenpay back-end API cases, made with hashlib, not paysign.
Partner, key and order numbers are the vendor demo kit's samples (as make_api_vectors.py);
the rule is docs/specs/tenpay.md §3: sorted names, empty values and `sign` left out, `&key=`
last, MD5 of the GBK bytes. Run from this directory: python3 make_diagnose_derived.py"""
import hashlib, urllib.parse

KEY = "8934e7d15453e97507ef794cf7b0519d"

def sign_string(pairs, trim):
    t = (lambda v: v.strip()) if trim else (lambda v: v)
    return "&".join(k + "=" + t(v) for k, v in sorted(pairs) if k != "sign" and t(v) != "") + "&key=" + KEY

def md5(s):
    return hashlib.md5(s.encode("gbk")).hexdigest()

# 1. A normalorderquery.xml request whose code writes the digest in uppercase (as Tenpay's Java
#    SDK does for pay.htm); the API's PHP kit, and paysign, write lowercase.
query = [("partner", "1900000109"), ("out_trade_no", "1033537274"), ("input_charset", "GBK")]
sig = md5(sign_string(query, True)).upper()
assert sig == "929F01404FFA8A665EB443BF4A8F0D8C"
open("api_request_upper_md5_derived.txt", "w").write(
    "&".join("%s=%s" % (k, urllib.parse.quote(v)) for k, v in query + [("sign", sig)]) + "\n")

# 2. A query answer whose retmsg and bank_type carry spaces, signed over the untrimmed values (a
#    signer that does not trim; the vendor's handler, and paysign, trim before checking).
answer = [("bank_type", " CMB "), ("fee_type", "1"), ("input_charset", "GBK"), ("out_trade_no", "1033537274"),
          ("partner", "1900000109"), ("retcode", "0"), ("retmsg", " ok "), ("sign_type", "MD5"),
          ("total_fee", "1"), ("trade_state", "0"), ("transaction_id", "1900000109201101270026218385")]
sig = md5(sign_string(answer, False))
xml = '<?xml version="1.0" encoding="GBK"?>\n<root>\n' + "".join(
    "<%s>%s</%s>\n" % (k, v, k) for k, v in answer + [("sign", sig)]) + "</root>\n"
open("api_response_not_trimmed_derived.xml", "wb").write(xml.encode("gbk"))
print("untrimmed answer", sig)
