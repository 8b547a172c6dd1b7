#!/usr/bin/env python3
"""DERIVED vectors for Tenpay's back-end XML APIs (tenpay.api.request / tenpay.api.response).

Tenpay published no signed example for these APIs. The field values are the vendor demo kit's
own samples (partner 1900000109, key 8934e7d15453e97507ef794cf7b0519d, the refund sample's
order numbers); the signatures are made here with hashlib by the written rule
(docs/specs/tenpay.md section 3): sorted names, empty values and `sign` left out, each value
trimmed, `&key=` last, MD5, lowercase hex. Prints the cases as JSON; paste them into
testdata/vectors/tenpay.json (check_vectors.py re-checks them).
"""
import base64
import hashlib
import json

KEY = "8934e7d15453e97507ef794cf7b0519d"
KIT = "Tenpay demo kit (PHP) refund.php / normalorderquery samples: partner, key and order numbers"


def sign_string(d):
    pairs = [k + "=" + d[k].strip() for k in sorted(d) if k != "sign" and d[k].strip() != ""]
    return "&".join(pairs) + "&key=" + KEY


def md5(s, charset):
    return hashlib.md5(s.encode(charset)).hexdigest()


def request(cid, params, note):
    d = dict(params)
    s = sign_string(d)
    return {"id": cid, "profile": "tenpay.api.request", "op": "sign", "options": "charset=gbk",
            "params": [list(p) for p in params], "key": {"secret": KEY},
            "expect_sign_string": s, "expect_signature": md5(s, "gbk"), "expect": "ok",
            "source": KIT, "note": "DERIVED: " + note}


def response(cid, fields, note, tamper=None):
    d = dict(fields)
    s = sign_string(d)
    sig = md5(s, "gbk")
    body_fields = list(fields) + [("sign", sig)]
    if tamper:
        body_fields = [(k, tamper[1] if k == tamper[0] else v) for k, v in body_fields]
    # Tenpay answers GBK XML, one element per line.
    xml = '<?xml version="1.0" encoding="GBK"?>\n<root>\n' + "".join(
        "<%s>%s</%s>\n" % (k, v, k) for k, v in body_fields) + "</root>\n"
    case = {"id": cid, "profile": "tenpay.api.response", "op": "verify_body", "options": "charset=gbk",
            "body_b64": base64.b64encode(xml.encode("gbk")).decode(), "format": "xml", "charset": "gbk",
            "key": {"secret": KEY}, "expect": "bad_signature" if tamper else "ok",
            "source": KIT + "; field list of the normalorderquery.xml / refund.xml answer as the kit reads it",
            "note": ("DERIVED, tampered: " if tamper else "DERIVED: ") + note}
    if not tamper:
        case["expect_sign_string"] = s
        case["expect_signature"] = sig
    return case


QUERY = [("partner", "1900000109"), ("out_trade_no", "1033537274"), ("input_charset", "GBK")]
REFUND = [("partner", "1900000109"), ("out_trade_no", "201309170922391065"),
          ("transaction_id", "1900000109201309179356184750"), ("out_refund_no", "2013091700002"),
          ("total_fee", "1"), ("refund_fee", "1"), ("op_user_id", "1900000109"),
          ("op_user_passwd", hashlib.md5(b"111111").hexdigest()), ("service_version", "1.1")]
QUERY_ANSWER = [("attach", ""), ("bank_billno", "201101270026218"), ("bank_type", "CMB"), ("discount", "0"),
                ("fee_type", "1"), ("input_charset", "GBK"), ("is_refund", "false"), ("is_split", "false"),
                ("out_trade_no", "1033537274"), ("partner", "1900000109"), ("product_fee", "1"),
                ("retcode", "0"), ("retmsg", ""), ("sign_type", "MD5"), ("time_end", "20110127154516"),
                ("total_fee", "1"), ("trade_mode", "1"), ("trade_state", "0"),
                ("transaction_id", "1900000109201101270026218385"), ("transport_fee", "0")]
REFUND_ANSWER = [("out_refund_no", "2013091700002"), ("out_trade_no", "201309170922391065"),
                 ("partner", "1900000109"), ("recv_user_id", "1900000109"), ("reccv_user_name", "财付通测试商户"),
                 ("refund_channel", "0"), ("refund_fee", "1"), ("refund_id", "1091900000109201309170000001"),
                 ("refund_status", "4"), ("retcode", "0"), ("retmsg", "  "), ("service_version", "1.1"),
                 ("sign_type", "MD5"), ("transaction_id", "1900000109201309179356184750")]

cases = [
    request("tenpay-api-query-request-derived", QUERY, "normalorderquery.xml request with the kit's query sample."),
    request("tenpay-api-refund-request-derived", REFUND,
            "refund.xml request with the kit's refund sample; op_user_passwd is MD5('111111') as the kit sets it."),
    response("tenpay-api-query-response-derived", QUERY_ANSWER,
             "paid order (trade_state 0); empty attach and retmsg are left out of the sign string."),
    response("tenpay-api-query-response-derived-tampered-total_fee", QUERY_ANSWER,
             "total_fee changed after signing.", tamper=("total_fee", "100")),
    response("tenpay-api-refund-response-derived", REFUND_ANSWER,
             "refund_status 4 (success); a GBK name, and a retmsg of spaces that trims to empty and is left out."),
    response("tenpay-api-refund-response-derived-tampered-refund_fee", REFUND_ANSWER,
             "refund_fee changed after signing.", tamper=("refund_fee", "2")),
]
print(json.dumps(cases, ensure_ascii=False, indent=1))
