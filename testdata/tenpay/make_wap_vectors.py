#!/usr/bin/env python3
"""Tenpay vectors for the WAP interface (tenpay.wap.*) and two published gw.tenpay.com messages.

Published (reproduced here with hashlib before they are written):
  - QQ API iOS demo (code-index files 2828003877, 8301425067), CreatePayID: a wappay_init.cgi URL
    with sign=2CC44AB13B9FD4131240FCC74AD8E988 under Tenpay's demo partner 1900000109 and key
    8934e7d15453e97507ef794cf7b0519d. The URL as printed has sp_billno 190000010949497578; the
    digest is over ...7579 (the demo appends a random 0..9999 tail; of the 10^4 tails only 7579
    gives this digest). Recorded with sp_billno ...7579 and that note.
  - ponfee's Java TenpayService (package code.ponfee.tenpay, code-index file 29841783667): a
    gw.tenpay.com return (sign A5C6B2B3...) and notification (sign 0C14110B...) under the same demo
    partner and key, in its comments.
DERIVED (hashlib by the written rule, docs/specs/tenpay.md section 5): a WAP notification over
the vendor kit's WapNotifyResponseHandler list. Rewrites the tenpay-wap-* and tenpay-gw-*-ponfee
cases of ../vectors/tenpay.json in place.
"""
import hashlib
import json
import os

KEY = "8934e7d15453e97507ef794cf7b0519d"
VECTORS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "vectors", "tenpay.json")
WAP_NOTIFY = ["attach", "bank_billno", "bank_type", "bargainor_id", "charset", "fee_type", "pay_info", "pay_result",
              "purchase_alias", "sp_billno", "time_end", "total_fee", "transaction_id", "ver"]


def sorted_string(pairs):
    d = dict(pairs)
    return "&".join(k + "=" + d[k] for k in sorted(d) if k != "sign" and d[k] != "") + "&key=" + KEY


def listed_string(pairs):
    d = dict(pairs)
    return "&".join(k + "=" + d[k] for k in WAP_NOTIFY if d.get(k, "") != "") + "&key=" + KEY


def md5u(s):
    return hashlib.md5(s.encode("utf-8")).hexdigest().upper()


def changed(pairs, field, value):
    return [[k, value if k == field else v] for k, v in pairs]


INIT = [("attach", "test"), ("bank_type", "0"), ("bargainor_id", "1900000109"), ("callback_url", "http://abc"),
        ("charset", "1"), ("desc", "test"), ("fee_type", "1"), ("notify_url", "http://abc"),
        ("purchaser_id", "583873140"), ("sp_billno", "190000010949497579"), ("total_fee", "1"), ("ver", "2.0")]
GW_COMMON = [("bank_billno", "201608114997530"), ("bank_type", "CMB_FP"), ("discount", "0"), ("fee_type", "1"),
             ("input_charset", "UTF-8")]
GW_TAIL = [("out_trade_no", "TP29025485003870"), ("partner", "1900000109"), ("product_fee", "1"),
           ("sign_type", "MD5"), ("time_end", "20160811173254"), ("total_fee", "1"), ("trade_mode", "1"),
           ("trade_state", "0"), ("transaction_id", "1900000109201608111600315949"), ("transport_fee", "0")]
GW_RETURN = GW_COMMON + [("notify_id", "WE37gwCoFBfnq2bZNEHt9xyMlhQA4cc2ck09oxzHljQXLgPIpL6IxT9wHnoVoOdJ86mYxhj9wDqXwMbaz5yM04yTNG0v_HYA")] + GW_TAIL
GW_NOTIFY = GW_COMMON + [("notify_id", "WE37gwCoFBfnq2bZNEHt9xyMlhQA4cc2ck09oxzHljQXLgPIpL6IxRor3VRSeg4LbBG_CsCjxbTUWn0_SFLz-zC-UUCH7r74")] + GW_TAIL
WAP_PAID = [("attach", "test"), ("bank_billno", "201301011200001"), ("bank_type", "0"), ("bargainor_id", "1900000109"),
            ("charset", "1"), ("fee_type", "1"), ("pay_info", ""), ("pay_result", "0"),
            ("purchase_alias", "583873140"), ("sp_billno", "190000010949497579"), ("time_end", "20130101120005"),
            ("total_fee", "1"), ("transaction_id", "1900000109201301010000000001"), ("ver", "2.0")]

SRC_INIT = "QQ API iOS demo CreatePayID (code-index files 2828003877, 8301425067): published wappay_init.cgi URL and sign"
SRC_PONFEE = "ponfee TenpayService.java (package code.ponfee.tenpay, code-index file 29841783667), comment of payReturn/payNotify"
SRC_WAPN = ("Tenpay WAP kit WapNotifyResponseHandler (leonliang 2010-10-14; code-index files 749264833, 39001044114) and "
            "its ResponseHandler::isTenpaySign($keyArr) (15213554718); docs/specs/tenpay.md section 5")


def published(cid, profile, op, pairs, want, source, note):
    s = sorted_string(pairs)
    assert md5u(s) == want, (cid, md5u(s))
    case = {"id": cid, "profile": profile, "op": op, "options": "", "key": {"secret": KEY},
            "params": [list(p) for p in pairs] + ([["sign", want]] if op == "verify" else []),
            "expect_sign_string": s, "expect_signature": want, "expect": "ok", "source": source, "note": note}
    return case


def cases():
    out = [published("tenpay-wap-init-request-md5-qqapidemo", "tenpay.wap.request", "sign", INIT,
                     "2CC44AB13B9FD4131240FCC74AD8E988", SRC_INIT,
                     "PUBLISHED signature, reproduced: sorted non-empty pairs, &key=, MD5, uppercase. The printed URL "
                     "shows sp_billno 190000010949497578, but the digest is over 190000010949497579 (the demo's "
                     "random 4-digit tail; only 7579 of 0..9999 gives it).")]
    out.append({"id": "tenpay-wap-init-request-md5-qqapidemo-tampered-total_fee", "profile": "tenpay.wap.request",
                "op": "verify", "options": "", "key": {"secret": KEY},
                "params": changed(INIT + [("sign", "2CC44AB13B9FD4131240FCC74AD8E988")], "total_fee", "100"),
                "expect_signature": "2CC44AB13B9FD4131240FCC74AD8E988", "expect": "bad_signature", "source": SRC_INIT,
                "note": "Derived twin: total_fee changed from 1 to 100 after signing."})
    out.append(published("tenpay-gw-return-md5-ponfee", "tenpay.pay.notify", "verify", GW_RETURN,
                         "A5C6B2B3CDDE7700CCD63844B79D06A8", SRC_PONFEE,
                         "PUBLISHED gw.tenpay.com return (demo partner 1900000109), reproduced with hashlib."))
    out.append(published("tenpay-gw-notify-md5-ponfee", "tenpay.pay.notify", "verify", GW_NOTIFY,
                         "0C14110B55F97EDF63B3A514D8366992", SRC_PONFEE,
                         "PUBLISHED gw.tenpay.com notification (demo partner 1900000109), reproduced with hashlib."))
    out.append({"id": "tenpay-gw-notify-md5-ponfee-tampered-total_fee", "profile": "tenpay.pay.notify", "op": "verify",
                "options": "", "key": {"secret": KEY},
                "params": changed(GW_NOTIFY + [("sign", "0C14110B55F97EDF63B3A514D8366992")], "total_fee", "100"),
                "expect_signature": "0C14110B55F97EDF63B3A514D8366992", "expect": "bad_signature", "source": SRC_PONFEE,
                "note": "Derived twin: total_fee changed from 1 to 100 after signing."})
    s = listed_string(WAP_PAID)
    sig = md5u(s)
    signed = WAP_PAID + [("sign", sig)]
    base = {"profile": "tenpay.wap.notify", "op": "verify", "options": "", "key": {"secret": KEY},
            "expect_signature": sig, "source": SRC_WAPN}
    out.append(dict(base, id="tenpay-wap-notify-md5-derived", params=[list(p) for p in signed], expect_sign_string=s,
                    expect="ok", note="DERIVED with Python hashlib by the written rule: the kit's 14 names in a-z order, "
                                      "empty pay_info left out, &key=, MD5 uppercase. Values in the shape of the QQ "
                                      "demo's order; demo partner and key."))
    for field, value in [("total_fee", "100"), ("pay_result", "1")]:
        out.append(dict(base, id="tenpay-wap-notify-md5-derived-tampered-" + field, params=changed(signed, field, value),
                        expect="bad_signature", note="Derived twin: %s changed after signing." % field))
    return out


def main():
    with open(VECTORS, encoding="utf-8") as f:
        doc = json.load(f)
    mine = cases()
    ids = {c["id"] for c in mine}
    doc["cases"] = [c for c in doc["cases"] if c["id"] not in ids] + mine
    with open(VECTORS, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
