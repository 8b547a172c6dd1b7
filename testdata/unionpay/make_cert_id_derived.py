#!/usr/bin/env python3
"""DERIVED fixtures for diagnose's `cert_id` cause (issue 14), made with hashlib and the
openssl CLI, not with paysign: sorted `name=value` pairs joined by `&` (signature left out),
H = lowercase hex of SHA-1 (5.0.0), signature = base64 of `openssl dgst -sha1 -sign` over H.
Run from this directory: python3 make_cert_id_derived.py (needs openssl 3 for -legacy)."""
import base64, hashlib, subprocess, tempfile, urllib.parse

KEYS = "../vectors/keys/"

def pfx_key(pfx, legacy):
    args = ["openssl", "pkcs12", "-in", KEYS + pfx, "-passin", "pass:000000", "-nocerts", "-nodes"]
    return subprocess.run(args + (["-legacy"] if legacy else []), check=True, capture_output=True).stdout

def serial(pem_file):
    out = subprocess.run(["openssl", "x509", "-in", KEYS + pem_file, "-noout", "-serial"],
                         check=True, capture_output=True, text=True).stdout
    return str(int(out.strip().split("=")[1], 16))

def signed(fields, key_pem):
    s = "&".join(f"{k}={v}" for k, v in sorted(fields))
    h = hashlib.sha1(s.encode()).hexdigest()
    with tempfile.NamedTemporaryFile() as k:
        k.write(key_pem)
        k.flush()
        sig = subprocess.run(["openssl", "dgst", "-sha1", "-sign", k.name], input=h.encode(),
                             check=True, capture_output=True).stdout
    return "&".join(f"{n}={urllib.parse.quote(v, safe='')}"
                    for n, v in fields + [("signature", base64.b64encode(sig).decode())])

# A 5.0.0 request signed with the 2015 test PFX (serial 68759663125) whose certId is the 2021
# test PFX's (69903319369): a certId copied from another PFX.
request = [("version", "5.0.0"), ("encoding", "UTF-8"), ("certId", "69903319369"),
           ("signMethod", "01"), ("txnType", "01"), ("txnSubType", "01"), ("bizType", "000201"),
           ("accessType", "0"), ("merId", "777290058110048"), ("orderId", "20261207001"),
           ("txnTime", "20261207120000"), ("txnAmt", "100"), ("currencyCode", "156")]
open("request_5.0.0_cert_id_derived.txt", "w").write(signed(request, pfx_key("unionpay_acp_test_sign_2015.pfx", True)) + "\n")

# A 5.0.0 notification whose certId names UnionPay's 2020 test verify certificate, signed with
# the 2021 test PFX's key (UnionPay's private key is not public; this one stands in for it).
notify = [("version", "5.0.0"), ("encoding", "UTF-8"), ("certId", serial("unionpay_acp_test_verify_2020.pem")),
          ("signMethod", "01"), ("txnType", "01"), ("txnSubType", "01"), ("bizType", "000201"),
          ("accessType", "0"), ("merId", "777290058110048"), ("orderId", "20261207001"),
          ("txnTime", "20261207120000"), ("txnAmt", "100"), ("currencyCode", "156"),
          ("queryId", "201612071200001234568"), ("respCode", "00"), ("respMsg", "success")]
open("notify_5.0.0_cert_id_derived.txt", "w").write(signed(notify, pfx_key("unionpay_acp_test_sign_2021.pfx", False)) + "\n")
