#!/usr/bin/env python3
"""DERIVED vectors for NPS VirReceiveMerchantAction.do (nps.vir.request / nps.vir.notify).

No signed example of this interface was found. The digests are made here with hashlib by the
written rule (docs/specs/nps.md section 3):
  request  digestinfo = UPPER(MD5(M_ID MOrderID MOAmount MOCurrency M_URL M_Language S_PostCode
                        S_Telephone S_Email R_PostCode R_Telephone R_Email MODate key)), values
                        only, nothing between them;
  notify   newmd5info = UPPER(MD5(m_id m_orderid m_oamount key m_status)).
The shape of the form (field names, MOCurrency 1, M_Language 1, State 0, MODate from VBScript
`Date`) follows the enchicms 3.0 Payment_nps class; the values are examples. Rewrites the
`nps-vir-*` cases of ../vectors/nps.json in place and leaves its other cases alone.
"""
import hashlib
import json
import os

KEY = "NPS-TEST-KEY-0123456789"
HERE = os.path.dirname(os.path.abspath(__file__))
VECTORS = os.path.join(HERE, "..", "vectors", "nps.json")

SIGNED = ["M_ID", "MOrderID", "MOAmount", "MOCurrency", "M_URL", "M_Language", "S_PostCode", "S_Telephone",
          "S_Email", "R_PostCode", "R_Telephone", "R_Email", "MODate"]
REQUEST = [("M_ID", "10001"), ("MOrderID", "2005428-1301-5188"), ("MOAmount", "100.00"), ("MOCurrency", "1"),
           ("M_URL", "http://shop.example.com/user/Receive.asp"), ("M_Language", "1"), ("S_Name", "张三"),
           ("S_Address", "运城市"), ("S_PostCode", "044000"), ("S_Telephone", "0359-1234567"),
           ("S_Email", "buyer@example.com"), ("R_Name", "张三"), ("R_Address", "运城市"), ("R_PostCode", "044000"),
           ("R_Telephone", "0359-1234567"), ("R_Email", "buyer@example.com"), ("MOComment", "在线支付"),
           ("MODate", "2005-4-28"), ("State", "0")]
# What comes back to M_URL: the order's values under lowercase names, m_status 2 = paid.
NOTIFY = [("m_id", "10001"), ("m_orderid", "2005428-1301-5188"), ("m_oamount", "100.00"), ("m_ocurrency", "1"),
          ("m_url", "http://shop.example.com/user/Receive.asp"), ("m_language", "1"), ("s_name", "张三"),
          ("s_addr", "运城市"), ("s_postcode", "044000"), ("s_tel", "0359-1234567"), ("s_eml", "buyer@example.com"),
          ("r_name", "张三"), ("r_addr", "运城市"), ("r_postcode", "044000"), ("r_tel", "0359-1234567"),
          ("r_eml", "buyer@example.com"), ("m_ocomment", "在线支付"), ("m_status", "2"), ("modate", "2005-4-28")]

SRC_REQ = ("enchicms 3.0 WebPayment_Cls Payment_nps (2005, code-index file id 48132794317); an ASP shop's pay_NPS() "
           "(id 54296823691); cnhww's two NPS pages (ids 22955707055, 22448109494); Dinpay's own demo of the same "
           "interface at payment.dinpay.com (ASP id 13971397494, C# id 43497892681); docs/specs/nps.md section 3")
SRC_NOT = ("enchicms 3.0 Receive_nps (id 48132794317); an ASP NPS receive page (id 53791057219); Dinpay's "
           "DinpayVirReceive demo (C#, id 43896835941); docs/specs/nps.md section 3")


def md5u(s):
    return hashlib.md5(s.encode("gb2312")).hexdigest().upper()


def changed(params, field, value):
    return [[k, value if k == field else v] for k, v in params]


def cases():
    d = dict(REQUEST)
    s = "".join(d[k] for k in SIGNED) + KEY
    sig = md5u(s)
    out = [{"id": "nps-vir-request-md5-derived", "profile": "nps.vir.request", "op": "sign", "options": "",
            "params": [list(p) for p in REQUEST], "key": {"secret": KEY}, "expect_sign_string": s,
            "expect_signature": sig, "expect": "ok", "source": SRC_REQ,
            "note": "DERIVED with Python hashlib by the written rule: digestinfo = UPPER(MD5 of the 13 signed values "
                    "and the key, joined with nothing). S_Name, S_Address, R_Name, R_Address, MOComment and State "
                    "are sent but not signed."}]
    signed = REQUEST + [("digestinfo", sig)]
    out.append({"id": "nps-vir-request-md5-derived-tampered-MOAmount", "profile": "nps.vir.request", "op": "verify",
                "options": "", "params": changed(signed, "MOAmount", "1.00"), "key": {"secret": KEY},
                "expect_signature": sig, "expect": "bad_signature", "source": SRC_REQ,
                "note": "DERIVED, tampered: MOAmount changed after signing."})
    d = dict(NOTIFY)
    s = d["m_id"] + d["m_orderid"] + d["m_oamount"] + KEY + d["m_status"]
    sig = md5u(s)
    signed = NOTIFY + [("newmd5info", sig)]
    base = {"profile": "nps.vir.notify", "op": "verify", "options": "", "key": {"secret": KEY},
            "expect_signature": sig, "source": SRC_NOT}
    out.append(dict(base, id="nps-vir-notify-md5-derived", params=[list(p) for p in signed],
                    expect_sign_string=s, expect="ok",
                    note="DERIVED with Python hashlib by the written rule: newmd5info = UPPER(MD5(m_id m_orderid "
                         "m_oamount key m_status)), the key in the middle. It covers those four fields only."))
    out.append(dict(base, id="nps-vir-notify-md5-derived-lowercase", params=changed(signed, "newmd5info", sig.lower()),
                    expect_sign_string=s, expect_signature=sig.lower(), expect="ok",
                    note="DERIVED: the same notification with newmd5info in lowercase; every source compares "
                         "UCase(computed) with UCase(received)."))
    for field, value in [("m_oamount", "1.00"), ("m_status", "3"), ("m_orderid", "2005428-1301-5189")]:
        out.append(dict(base, id="nps-vir-notify-md5-derived-tampered-" + field, params=changed(signed, field, value),
                        expect="bad_signature", note="DERIVED, tampered: %s changed after signing." % field))
    return out


def main():
    with open(VECTORS, encoding="utf-8") as f:
        doc = json.load(f)
    doc["cases"] = [c for c in doc["cases"] if not c["id"].startswith("nps-vir-")] + cases()
    with open(VECTORS, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
