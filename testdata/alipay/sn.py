# Independent check of the Alipay SN rule with python cryptography.
import sys, hashlib
from cryptography import x509
from cryptography.x509.oid import NameOID, SignatureAlgorithmOID as S
SHORT = {NameOID.COMMON_NAME:"CN", NameOID.ORGANIZATIONAL_UNIT_NAME:"OU", NameOID.ORGANIZATION_NAME:"O",
         NameOID.LOCALITY_NAME:"L", NameOID.STATE_OR_PROVINCE_NAME:"ST", NameOID.COUNTRY_NAME:"C"}
def sn(c):
    parts = []
    for rdn in reversed(list(c.issuer.rdns)):
        for a in rdn: parts.append(SHORT[a.oid] + "=" + a.value)
    s = ",".join(parts) + str(c.serial_number)
    return hashlib.md5(s.encode()).hexdigest(), s
for f in sys.argv[1:]:
    certs = x509.load_pem_x509_certificates(open(f,"rb").read())
    for c in certs:
        print(f, c.signature_algorithm_oid._name, *sn(c))
