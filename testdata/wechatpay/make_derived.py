#!/usr/bin/env python3
"""Re-creates the DERIVED files of testdata/wechatpay (rules: docs/specs/wechatpay-v2-additions.md §2)
with the openssl CLI only, and checks gopay_refund_req_info.xml against gopay's ciphertext.
Run from this folder: python3 make_derived.py"""
import base64, hashlib, subprocess

def aes_key(api_key):
    # The AES-256 key is the 32 ASCII bytes of the lowercase hex MD5 of the API key.
    return hashlib.md5(api_key.encode()).hexdigest().encode().hex()

def openssl(mode, key, data):
    return subprocess.run(['openssl', 'enc', mode, '-aes-256-ecb', '-K', aes_key(key), '-nosalt'],
                          input=data, capture_output=True, check=True).stdout

def body(req_info, nonce):
    return ('<xml><return_code>SUCCESS</return_code><appid><![CDATA[wx2421b1c4370ec43b]]></appid>'
            '<mch_id><![CDATA[10000100]]></mch_id><nonce_str><![CDATA[' + nonce + ']]></nonce_str>'
            '<req_info><![CDATA[' + req_info + ']]></req_info></xml>')

# go-pay/gopay wechat/payment_api_test.go TestDecryptRefundNotifyReqInfo
GOPAY_KEY = 'ziR0QKsTUfMOuochC9RfCdmfHECorQAP'
GOPAY_REQ_INFO = open('gopay_req_info.txt').read().strip()
plain = openssl('-d', GOPAY_KEY, base64.b64decode(GOPAY_REQ_INFO))
assert plain == open('gopay_refund_req_info.xml', 'rb').read(), 'gopay plaintext differs'
open('derived_refund_notify.xml', 'w').write(body(GOPAY_REQ_INFO, 'TeqClE3i0mvn3DrK'))

# A plaintext of exactly 112 bytes: PKCS#7 adds a whole block of 0x10. Key from gopay's
# wechat/client_test.go.
FULL_KEY = 'GFDS8j98rewnmgl45wHTt980jg543wmg'
full = ('<root><out_refund_no><![CDATA[R1]]></out_refund_no><refund_status><![CDATA[CHANGE]]>'
        '</refund_status></root>')
full = full.replace('<root>', '<root>' + ' ' * (112 - len(full)), 1).encode()
assert len(full) == 112
ct = openssl('-e', FULL_KEY, full)
assert len(ct) == 128 and openssl('-d', FULL_KEY, ct) == full
open('derived_fullpad_notify.xml', 'w').write(body(base64.b64encode(ct).decode(), 'b1ocK5'))
print('ok')
