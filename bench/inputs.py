#!/usr/bin/env python3
"""Writes the inputs of bench/compare.sh into OUT_DIR, from the shared vectors.

    inputs.py VECTORS_DIR OUT_DIR          request and notification inputs
    inputs.py --tsv FORM_FILE TSV_FILE     a form body as name<TAB>value lines

Files: request.{form,tsv} and sign_string.txt (the 99bill 2019-kit RSA request, 31 fields),
md5_request.{form,tsv}, md5_sign_string.txt and md5_secret.txt (the midpay MD5 request),
notify_unsigned.form (a 99bill signType=4 bgUrl notification, signed by compare.sh with the
paysign CLI into notify.form / notify.tsv), cert.der (the test merchant's certificate as DER).
"""
import base64
import json
import sys
import urllib.parse
from pathlib import Path


def case(vectors, file, cid):
    doc = json.loads((vectors / file).read_text(encoding="utf-8"))
    return next(c for c in doc["cases"] if c["id"] == cid)


def form(pairs):
    return "&".join(
        urllib.parse.quote(n, safe="-_.~*") + "=" + urllib.parse.quote(v, safe="-_.~*") for n, v in pairs
    )


def tsv(pairs):
    for n, v in pairs:
        assert "\t" not in n + v and "\n" not in n + v, n
    return "".join(f"{n}\t{v}\n" for n, v in pairs)


def write(out, name, text):
    (out / name).write_text(text, encoding="utf-8")


def main():
    if sys.argv[1] == "--tsv":
        body = Path(sys.argv[2]).read_text(encoding="ascii").strip()
        pairs = urllib.parse.parse_qsl(body, keep_blank_values=True, encoding="utf-8")
        Path(sys.argv[3]).write_text(tsv(pairs), encoding="utf-8")
        return
    vectors, out = Path(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)

    rsa = case(vectors, "99bill.json", "99bill-rsa-sha256-request-10012140356-pfx")
    pairs = [tuple(p) for p in rsa["params"]]
    write(out, "request.form", form(pairs))
    write(out, "request.tsv", tsv(pairs))
    write(out, "sign_string.txt", rsa["expect_sign_string"])

    md5 = case(vectors, "99bill.json", "99bill-md5-request-midpay")
    pairs = [tuple(p) for p in md5["params"]]
    write(out, "md5_request.form", form(pairs))
    write(out, "md5_request.tsv", tsv(pairs))
    write(out, "md5_sign_string.txt", md5["expect_sign_string"])
    write(out, "md5_secret.txt", md5["key"]["secret"])

    notify = case(vectors, "99bill.json", "99bill-md5-callback-midpay")
    pairs = []
    for n, v in notify["params"]:
        if n == "signMsg":
            continue
        v = {"signType": "4", "merchantAcctId": "1001214035601"}.get(n, v)
        pairs.append((n, v))
    write(out, "notify_unsigned.form", form(pairs))

    pem = (vectors / "keys" / "99bill_10012140356_cert.pem").read_text(encoding="ascii")
    b64 = pem.split("-----BEGIN CERTIFICATE-----")[1].split("-----END CERTIFICATE-----")[0]
    (out / "cert.der").write_bytes(base64.b64decode("".join(b64.split())))


if __name__ == "__main__":
    main()
