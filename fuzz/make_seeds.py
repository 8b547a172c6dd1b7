#!/usr/bin/env python3
"""Writes the committed seed corpora (fuzz/seeds/<target>/) from the shared vectors
(testdata/vectors/*.json and testdata/vectors/keys/*) and the WeChat Pay material
(testdata/wechatpay/, testdata/wechat_v3/ with the DERIVED signatures of tests/wechat_v3.rs),
the PayPal IPN bodies (testdata/paypal/*.body) and the UnionPay ACP bodies (testdata/unionpay/).
Mechanical only: bodies and params of the vectors, encoded the way each target reads its input
(see the target's doc comment).

  python3 fuzz/make_seeds.py PAYSIGN_BINARY     # e.g. target/release/paysign

The profile order is taken from `paysign profiles`; the key and option tables must match
fuzz/common/mod.rs.
"""
import base64, glob, hashlib, json, os, re, subprocess, sys, urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VEC = os.path.join(ROOT, 'testdata', 'vectors')
OUT = os.path.join(ROOT, 'fuzz', 'seeds')

SECRETS = ["APPSECRET", "NGAK9BK4XL4HYANB", "hello", "1234567890", "1234", "test",
           "hfgd_83yt_90hb_gf98n", "192006250b4c09247ec02edce69f6a2d", "yansongda",
           "69cl522AV6q613Ii4W6u8K6XuW8vM1N6bFgyv769220IuYe9u37N4y7rI4Pl"]
PUBLIC = ["99bill_10012140356_cert.pem", "huxinghai_99bill-rsa_cert.pem",
          "alipay_omnipay_test_rsa1024_public.pem", "alipay_yansongda_app_public.pem",
          "dinpay_rsa_s_test_public.pem", "allinpay_gateway_public.pem"]
PRIVATE = ["99bill_10012140356.pem", "alipay_omnipay_test_rsa1024_private.pem",
           "alipay_yansongda_app_private_pkcs1.pem", "dinpay_rsa_s_test_private_pkcs8.pem"]
# A .pfx signs like the PEM of the same key.
PRIVATE_ALIAS = {"99bill_10012140356.pfx": "99bill_10012140356.pem"}
OPTIONS = ["", "hash=sha1", "hash=sha256", "hash=md5", "sign_type=MD5", "sign_type=HMAC-SHA256",
           "sign_type=RSA", "hmac_safe=1", "charset=gbk", "query_key=27YKWKBKHT2IZSQ4"]
GBK_PROFILES = ("chinabank.", "yeepay.")


def write(target, data):
    d = os.path.join(OUT, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, hashlib.sha1(data).hexdigest()[:16]), 'wb') as f:
        f.write(data)


def key_index(key, private):
    if not key:
        return 0
    if 'file' in key:
        name = os.path.basename(key['file'])
        if private:
            name = PRIVATE_ALIAS.get(name, name)
            return 1 + len(SECRETS) + len(PUBLIC) + PRIVATE.index(name) if name in PRIVATE else None
        return 1 + len(SECRETS) + PUBLIC.index(name) if name in PUBLIC else None
    return 1 + SECRETS.index(key['secret']) if key.get('secret') in SECRETS else None


def option_index(opts):
    return OPTIONS.index(opts) if opts in OPTIONS else 0


def form(params, charset):
    return '&'.join(urllib.parse.quote(k, safe='', encoding=charset) + '=' +
                    urllib.parse.quote(v, safe='', encoding=charset) for k, v in params).encode('ascii')


def xml(params):
    return ('<xml>' + ''.join('<%s><![CDATA[%s]]></%s>' % (k, v, k) for k, v in params) + '</xml>').encode()


def der(tag, body):
    n = len(body)
    head = bytes([n]) if n < 128 else bytes([0x80 | ((n.bit_length() + 7) // 8)]) + n.to_bytes((n.bit_length() + 7) // 8, 'big')
    return bytes([tag]) + head + body


def der_seq(*parts):
    return der(0x30, b''.join(parts))


def der_uint(v):
    return der(0x02, v.to_bytes(v.bit_length() // 8 + 1, 'big'))


def der_oid(text):
    p = [int(x) for x in text.split('.')]
    out = bytes([40 * p[0] + p[1]])
    for v in p[2:]:
        enc = [v & 0x7f]
        v >>= 7
        while v:
            enc.append(0x80 | (v & 0x7f))
            v >>= 7
        out += bytes(reversed(enc))
    return der(0x06, out)


def pbkdf2(iterations):
    return der_seq(der_oid('1.2.840.113549.1.5.12'),
                   der_seq(der(0x04, b'\x22' * 8), der_uint(iterations),
                           der_seq(der_oid('1.2.840.113549.2.9'), der(0x05, b''))))


def scrypt(n, r, p):
    return der_seq(der_oid('1.3.6.1.4.1.11591.4.11'),
                   der_seq(der(0x04, b'\x22' * 8), der_uint(n), der_uint(r), der_uint(p)))


def pbes2_key(kdf):
    aes = der_seq(der_oid('2.16.840.1.101.3.4.1.42'), der(0x04, b'\0' * 16))
    return der_seq(der_seq(der_oid('1.2.840.113549.1.5.13'), der_seq(kdf, aes)), der(0x04, b'\x11' * 1232))


def main(binary):
    profiles = [l.split()[0] for l in subprocess.check_output([binary, 'profiles'], text=True).splitlines()]
    cases = []
    encoded = set()
    for f in sorted(glob.glob(os.path.join(VEC, '*.json'))):
        cases.extend(json.load(open(f, encoding='utf-8'))['cases'])
    for c in cases:
        prof = c['profile']
        params = c.get('params') or []
        charset = 'gbk' if prof.startswith(GBK_PROFILES) else 'utf-8'
        body = None
        if c['op'] == 'verify_body':
            body = base64.b64decode(c['body_b64']) if 'body_b64' in c else c['body'].encode()
        # params_parse: selector bits 0-1 format, 2-3 charset (0 utf-8, 1 gbk)
        cs_bits = 4 if charset == 'gbk' else 0
        if body is not None:
            write('params_parse', bytes([{'form': 0, 'xml': 1, 'json': 2}[c.get('format', 'form')]]) + body)
        if params:
            try:
                write('params_parse', bytes([cs_bits]) + form(params, charset))
            except UnicodeEncodeError:
                pass
        # The XML, JSON and packed encodings are the same code for every case: one per gateway
        # keeps the corpus near 300 files.
        if params and prof.split('.')[0] not in encoded:
            encoded.add(prof.split('.')[0])
            write('params_parse', bytes([1]) + xml(params))
            write('params_parse', bytes([2]) + json.dumps(dict(params), ensure_ascii=False).encode())
            # bit 5: the packed buffer of paysign_params_set_all
            write('params_parse', bytes([32]) + b''.join(n.encode() + b'\0' + v.encode() + b'\0' for n, v in params))
        if c['op'] in ('verify', 'verify_body'):
            k = key_index(c.get('key'), private=False)
            if k is None:
                continue
            if body is not None:
                mode = {'form': 0, 'xml': 1, 'json': 2}[c.get('format', 'form')]
            else:
                mode = 0
                try:
                    body = form(params, charset)
                except UnicodeEncodeError:
                    body = form(params, 'utf-8')
            write('verify_body', bytes([profiles.index(prof), k, mode, option_index(c.get('options', ''))]) + body)
        if c['op'] == 'sign':
            k = key_index(c.get('key'), private=True)
            if k is None:
                continue
            write('sign_verify', bytes([profiles.index(prof), k, option_index(c.get('options', ''))]) +
                  form(params, 'utf-8'))

    keys = os.path.join(VEC, 'keys')
    for name in sorted(os.listdir(keys)):
        data = open(os.path.join(keys, name), 'rb').read()
        if name.endswith('.pfx'):
            write('key_load', bytes([1]) + data)
            write('key_load', bytes([3]) + b'123456\0' + data)
            write('key_load', bytes([1]) + data[:len(data) // 2])  # truncated
        else:
            write('key_load', bytes([0]) + data)
        if data.startswith(b'-----BEGIN'):
            body = b''.join(l for l in data.splitlines() if not l.startswith(b'-----'))
            write('key_load', bytes([0]) + body)                       # bare base64
            write('key_load', bytes([0]) + base64.b64decode(body))      # DER

    # PBES2-encrypted PKCS#8 with a PBKDF2 and a scrypt derivation (cheap parameters, junk
    # data): the mutator reaches the cost fields from here.
    for kdf in (pbkdf2(2048), scrypt(1 << 10, 8, 1)):
        write('key_load', bytes([2]) + pbes2_key(kdf))

    for argv in [
        ['sign', '99bill.pay.request', 'signType=1', 'orderId=A1', '--secret-env', 'S', '--explain'],
        ['sign', 'wechatpay.request', '--form', 'f.txt', '--options', 'sign_type=HMAC-SHA256&charset=gbk',
         '--output=xml', '--charset', 'gbk'],
        ['verify', 'wechatpay.notify', '--body', '-', '--format', 'xml', '--secret-file', 's', '--print-params'],
        ['verify', '99bill.query.order', '--key=k.pem', '--options', 'query_key=27YKWKBKHT2IZSQ4&hash=sha256'],
        ['reply', '99bill.pay.notify', '--success', '--url', 'http://m/ok'],
        ['keyinfo', 'k.pfx', '--password-env', 'P', '--', '--x=1'],
        ['sign', 'p', '--secrets=hunter2-secret'],
    ]:
        data = '\0'.join(argv).encode()
        if '--form' in argv:
            data += b'\0\0' + form([('appid', 'wx1'), ('body', '商品')], 'gbk')
        write('cli_input', data)

    wechat_seeds()
    paypal_seeds()
    unionpay_seeds(cases)


def paypal_seeds():
    # paypal: selector bits 0-2 check options (0 none), 3-4 field (0 txn_id), 5-6 host
    # (1 live, 2 sandbox), bit 7 sent NULL; input body\0sent\0answer (the target's tables).
    pp = os.path.join(ROOT, 'testdata', 'paypal')
    for name in sorted(glob.glob(os.path.join(pp, '*.body'))):
        body = open(name, 'rb').read().rstrip(b'\r\n')
        exact = b'cmd=_notify-validate&' + body
        write('paypal', bytes([0]) + body + b'\0' + exact + b'\0VERIFIED')
        # '+' re-encoded as %20, posted to the live host; answered INVALID.
        write('paypal', bytes([1 << 5]) + body + b'\0' + exact.replace(b'+', b'%20') + b'\0INVALID')
        write('paypal', bytes([6 | 1 << 3 | 2 << 5 | 128]) + body)


def unionpay_seeds(cases):
    # unionpay: selector bit 0 profile (0 notify, 1 response), bits 1-2 options
    # (0 now=1509400000&test_cn=1, 1 now=1704441600), bit 4 the 2015 verify certificate, bit 5 cert_id key bytes.
    # (profile bit, body): the 2017 notification verifies at option 0 (October 2017, test owner),
    # the 2020s replies at option 1 (January 2024).
    bodies = [(0, open(os.path.join(ROOT, 'testdata', 'unionpay', 'notify_5.1.0_wtz.txt'), 'rb').read().strip())]
    for c in cases:
        if not c['profile'].startswith('unionpay.acp.') or c['op'] not in ('verify', 'verify_body'):
            continue
        body = c['body'].encode() if 'body' in c else form(c.get('params') or [], 'utf-8')
        bodies.append((int(c['profile'] == 'unionpay.acp.response'), body))
    for response, body in bodies:
        write('unionpay', bytes([response | response << 1 | 16]) + body)
    keys = os.path.join(VEC, 'keys')
    for name in sorted(os.listdir(keys)):
        if name.startswith('unionpay_') and name.endswith('.pem'):
            write('unionpay', bytes([32]) + open(os.path.join(keys, name), 'rb').read())


def wechat_seeds():

    # wechat_refund_decrypt: selector 0 gopay's API key, 1 the fullpad key (the target's table).
    wx = os.path.join(ROOT, 'testdata', 'wechatpay')
    for sel, name in ((0, 'derived_refund_notify.xml'), (1, 'derived_fullpad_notify.xml')):
        body = open(os.path.join(wx, name), 'rb').read()
        write('wechat_refund_decrypt', bytes([sel]) + body)
        write('wechat_refund_decrypt', bytes([2]) + body)  # a wrong key
    # wechat_v3: selector bits 0-1 key (0 the platform certificate), bits 2-3 options (0 now=1700000000).
    v3 = os.path.join(ROOT, 'testdata', 'wechat_v3')
    sigs = dict(re.findall(r'const (\w+_SIG): &str = "([^"]+)";',
                           open(os.path.join(ROOT, 'tests', 'wechat_v3.rs'), encoding='utf-8').read()))
    serial = b'440024045C4A427599D09BB4E3DE0279F2E813FD'

    def v3_seed(sel, ts, nonce, sig, body):
        write('wechat_v3', bytes([sel]) + b'\0'.join([ts, nonce, sig.encode(), serial, body]))

    v3_seed(0, b'1700000000', b'nonce-resp-1', sigs['RESP_SIG'], b'{"code":"SUCCESS"}')
    notify = open(os.path.join(v3, 'notification_body.json'), 'rb').read()
    v3_seed(0, b'1700000000', b'c6a1d9a8d5f14b2f9e0e3a7b6c5d4e3f', sigs['NOTIFY_SIG'], notify)
    for name in ('sdk_certificate_download.json', 'derived_certificate_download.json'):
        v3_seed(0, b'1700000000', b'n', '', open(os.path.join(v3, name), 'rb').read())


if __name__ == '__main__':
    main(sys.argv[1])
