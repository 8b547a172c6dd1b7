# DERIVED vectors (python3 cryptography 48), made once and committed; run from this folder.
# A throwaway RSA-2048 "Alipay" key and certificate (issuer in Alipay's form), a cert-mode
# response signed over the exact node text, and an AES-encrypted response signed over the
# quoted ciphertext (docs/specs/alipay-cert.md §2-3).
import base64, datetime, hashlib, json
from cryptography import x509
from cryptography.x509.oid import NameOID
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa, padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
issuer = x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
                    x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Ant Financial test"),
                    x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, "Certification Authority test"),
                    x509.NameAttribute(NameOID.COMMON_NAME, "paysign test Alipay CA")])
subject = x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
                     x509.NameAttribute(NameOID.COMMON_NAME, "paysign test Alipay public key")])
serial = 0x2023060769b99529dc18b16ac12fd695
now = datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)
cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(issuer)
        .public_key(key.public_key()).serial_number(serial)
        .not_valid_before(now).not_valid_after(now + datetime.timedelta(days=3650))
        .sign(key, hashes.SHA256()))
open("derived_alipay_cert.crt", "wb").write(cert.public_bytes(serialization.Encoding.PEM))
open("derived_alipay_key.pem", "wb").write(key.private_bytes(
    serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
dn = ",".join(f"{a.rfc4514_attribute_name}={a.value}" for rdn in reversed(list(cert.issuer.rdns)) for a in rdn)
sn = hashlib.md5((dn + str(cert.serial_number)).encode()).hexdigest()

def sign(text):
    return base64.b64encode(key.sign(text.encode(), padding.PKCS1v15(), hashes.SHA256())).decode()

# Cert-mode response: node text with spaces, a "\/" escape and a \u escape kept verbatim.
node = '{"code":"10000", "msg":"Success","out_trade_no":"T\\/1","subject":"\\u6d4b\\u8bd5","trade_status":"TRADE_SUCCESS"}'
body = '{"alipay_trade_query_response":%s,"alipay_cert_sn":"%s","sign":"%s"}' % (node, sn, sign(node))
open("derived_cert_mode_response.json", "w").write(body)

# Encrypted response: gopay's AES key; the signed text is the ciphertext with its quotes.
aes_key = base64.b64decode("TDftre9FpItr46e9BVNJcw==")
plain = b'{"code":"10000","msg":"Success","mobile":"13247120685"}'
pad = 16 - len(plain) % 16
enc = Cipher(algorithms.AES(aes_key), modes.CBC(b"\0" * 16)).encryptor()
ct = base64.b64encode(enc.update(plain + bytes([pad]) * pad) + enc.finalize()).decode()
quoted = json.dumps(ct)
body = '{"alipay_trade_query_response":%s,"alipay_cert_sn":"%s","sign":"%s"}' % (quoted, sn, sign(quoted))
open("derived_encrypted_response.json", "w").write(body)
open("derived_values.txt", "w").write(f"alipay_cert_sn={sn}\nciphertext={ct}\n")
print(sn, ct)
