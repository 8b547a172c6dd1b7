//! UnionPay ACP sensitive fields: encryptCertId, PKCS#1 v1.5 encryption, customerInfo, and
//! the notification's signMethod. PKCS#1 v1.5 encryption is randomised and UnionPay publishes
//! no private key for its encryption certificate, so round trips use a key pair of our own
//! made with the openssl CLI here (OUR OWN PAIR, not UnionPay's), decrypted by openssl.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{case, key_path, params_of};
use paysign::unionpay::{self, encrypt};
use paysign::{Options, Params, Status};

fn testdata(name: &str) -> Vec<u8> {
    std::fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("testdata/unionpay")
            .join(name),
    )
    .unwrap()
}

fn enc_cert() -> Vec<u8> {
    testdata("acp_test_enc.pem")
}

fn openssl(args: &[&str], dir: &Path) -> Vec<u8> {
    let o = Command::new("openssl").args(args).current_dir(dir).output().unwrap();
    assert!(
        o.status.success(),
        "openssl {args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    o.stdout
}

/// Our own key pair's directory, removed when dropped.
struct OwnPair(PathBuf);

impl std::ops::Deref for OwnPair {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl Drop for OwnPair {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A fresh directory holding our own 2048-bit key pair: key.pem and its self-signed cert.pem.
fn own_pair(tag: &str) -> OwnPair {
    let dir = std::env::temp_dir().join(format!("paysign-acpenc-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let dir = OwnPair(dir);
    openssl(
        &[
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            "key.pem",
            "-out",
            "cert.pem",
            "-days",
            "1",
            "-subj",
            "/CN=paysign test encryption",
        ],
        &dir,
    );
    dir
}

/// `openssl pkeyutl -decrypt` (PKCS#1 v1.5) of base64 `sealed` with our own key in `dir`.
fn openssl_decrypt(dir: &Path, sealed: &str) -> Vec<u8> {
    std::fs::write(dir.join("sealed.bin"), base64_decode(sealed)).unwrap();
    openssl(
        &[
            "pkeyutl",
            "-decrypt",
            "-inkey",
            "key.pem",
            "-pkeyopt",
            "rsa_padding_mode:pkcs1",
            "-in",
            "sealed.bin",
        ],
        dir,
    )
}

fn base64_decode(s: &str) -> Vec<u8> {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.decode(s).unwrap()
}

#[test]
fn encrypt_cert_id_of_the_public_test_certificate() {
    // Published: ACP test request logs send encryptCertId=68759622183 with acp_test_enc.cer.
    assert_eq!(encrypt::encrypt_cert_id(&enc_cert()).unwrap(), "68759622183");
    // Independently: openssl's hex serial, in decimal.
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("testdata/unionpay");
    let out = openssl(&["x509", "-in", "acp_test_enc.pem", "-noout", "-serial"], &dir);
    let hex = String::from_utf8(out)
        .unwrap()
        .trim()
        .strip_prefix("serial=")
        .unwrap()
        .to_string();
    assert_eq!(u128::from_str_radix(&hex, 16).unwrap().to_string(), "68759622183");
    // DER works as well as PEM.
    let own = own_pair("der");
    openssl(
        &["x509", "-in", "cert.pem", "-outform", "DER", "-out", "cert.der"],
        &own,
    );
    let pem_id = encrypt::encrypt_cert_id(&std::fs::read(own.join("cert.pem")).unwrap()).unwrap();
    let der_id = encrypt::encrypt_cert_id(&std::fs::read(own.join("cert.der")).unwrap()).unwrap();
    assert_eq!(pem_id, der_id);
}

#[test]
fn only_a_certificate_is_an_encryption_certificate() {
    let pfx = std::fs::read(key_path("unionpay_acp_test_sign_2021.pfx")).unwrap();
    let own = own_pair("notcert");
    let spki = openssl(&["pkey", "-in", "key.pem", "-pubout"], &own);
    for bad in [pfx, spki, b"not a certificate".to_vec(), Vec::new()] {
        let e = encrypt::encrypt_cert_id(&bad).unwrap_err();
        assert_eq!(e.status, Status::PAYSIGN_KEY_ERROR);
        assert_eq!(e.message, "encryption certificate: not a PEM or DER X.509 certificate");
    }
}

#[test]
fn encryption_under_the_test_certificate_has_the_published_form() {
    let key = encrypt::encryption_cert(&enc_cert()).unwrap();
    let a = encrypt::encrypt(&key, b"6226388000000095", "accNo").unwrap();
    let b = encrypt::encrypt(&key, b"6226388000000095", "accNo").unwrap();
    // 2048-bit key: 256 bytes, 344 base64 characters; random padding makes each call new.
    assert_eq!((a.len(), base64_decode(&a).len()), (344, 256));
    assert_ne!(a, b);
}

#[test]
fn round_trip_through_openssl_with_our_own_pair() {
    let own = own_pair("roundtrip");
    let key = encrypt::encryption_cert(&std::fs::read(own.join("cert.pem")).unwrap()).unwrap();
    let sealed = encrypt::encrypt(&key, "6226388000000095 张三".as_bytes(), "accNo").unwrap();
    assert_eq!(openssl_decrypt(&own, &sealed), "6226388000000095 张三".as_bytes());
    // k - 11 = 245 bytes is the most the key takes.
    assert!(encrypt::encrypt(&key, &[b'1'; 245], "accNo").is_ok());
    let e = encrypt::encrypt(&key, &[b'1'; 246], "accNo").unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_INVALID_FIELD);
    assert_eq!(
        e.message,
        "field 'accNo': 246 bytes, the encryption key takes at most 245"
    );
    let e = encrypt::encrypt(&key, b"", "accNo").unwrap_err();
    assert_eq!(e.message, "field 'accNo': is empty: nothing to encrypt");
}

fn sample_fields() -> Params {
    Params::from_pairs([
        ("certifTp", "01"),
        ("certifId", "510265790128303"),
        ("customerNm", "张三"),
        ("phoneNo", "18100000000"),
        ("cvn2", "248"),
        ("expired", "1711"),
    ])
}

#[test]
fn customer_info_5_0_0_is_plain() {
    // DERIVED: Python base64.b64encode of "{certifTp=01&certifId=510265790128303&
    // customerNm=张三&phoneNo=18100000000&cvn2=248&expired=1711}" (UTF-8).
    assert_eq!(
        encrypt::customer_info("5.0.0", &sample_fields(), None, None).unwrap(),
        "e2NlcnRpZlRwPTAxJmNlcnRpZklkPTUxMDI2NTc5MDEyODMwMyZjdXN0b21lck5tPeW8oOS4iSZwaG9uZU5vPTE4MTAwMDAwMDAwJmN2bjI9MjQ4JmV4cGlyZWQ9MTcxMX0="
    );
}

#[test]
fn customer_info_5_1_0_gathers_encrypted_info() {
    let own = own_pair("custinfo");
    let key = encrypt::encryption_cert(&std::fs::read(own.join("cert.pem")).unwrap()).unwrap();
    let info = encrypt::customer_info("5.1.0", &sample_fields(), Some(&key), None).unwrap();
    let text = String::from_utf8(base64_decode(&info)).unwrap();
    let prefix = "{certifTp=01&certifId=510265790128303&customerNm=张三&encryptedInfo=";
    assert!(text.starts_with(prefix) && text.ends_with('}'), "{text}");
    let sealed = &text[prefix.len()..text.len() - 1];
    assert_eq!(sealed.len(), 344);
    assert_eq!(
        openssl_decrypt(&own, sealed),
        b"phoneNo=18100000000&cvn2=248&expired=1711"
    );
    // Without any of the three there is no encryptedInfo and no certificate is needed.
    let plain = Params::from_pairs([("certifTp", "01"), ("certifId", "510265790128303")]);
    assert_eq!(
        String::from_utf8(base64_decode(
            &encrypt::customer_info("5.1.0", &plain, None, None).unwrap()
        ))
        .unwrap(),
        "{certifTp=01&certifId=510265790128303}"
    );
}

type SubFields = &'static [(&'static str, &'static str)];

#[test]
fn customer_info_refusals_name_the_sub_field() {
    let key = encrypt::encryption_cert(&enc_cert()).unwrap();
    let cases: [(SubFields, Status, &str); 5] = [
        (&[("pin", "123456")], Status::PAYSIGN_MISSING_FIELD, "field 'accNo'"),
        (
            &[("encryptedInfo", "x")],
            Status::PAYSIGN_INVALID_FIELD,
            "field 'encryptedInfo'",
        ),
        (
            &[("customerNm", "a}b")],
            Status::PAYSIGN_INVALID_FIELD,
            "field 'customerNm': the value holds '}'",
        ),
        (
            &[("a=b", "1")],
            Status::PAYSIGN_INVALID_FIELD,
            "field 'a=b': the name holds '='",
        ),
        (&[("cvn2", "")], Status::PAYSIGN_OK, ""),
    ];
    for (fields, status, needle) in cases {
        let r = encrypt::customer_info("5.1.0", &Params::from_pairs(fields.iter().copied()), Some(&key), None);
        match r {
            Ok(_) => assert_eq!(status, Status::PAYSIGN_OK, "{fields:?}"),
            Err(e) => assert!(e.status == status && e.message.contains(needle), "{fields:?}: {e}"),
        }
    }
    let e = encrypt::customer_info("", &sample_fields(), None, None).unwrap_err();
    assert_eq!(e.message, "field 'version' is missing or empty");
}

#[test]
fn pin_block_round_trip_with_our_own_pair() {
    let own = own_pair("pin");
    let key = encrypt::encryption_cert(&std::fs::read(own.join("cert.pem")).unwrap()).unwrap();
    // DERIVED (Python by the written rule): PIN field 06 12 34 56 FF FF FF FF XOR PAN field
    // 00 00 63 88 00 00 00 09 (the 12 digits of 6226388000000095 left of the check digit).
    let block = [0x06, 0x12, 0x57, 0xde, 0xff, 0xff, 0xff, 0xf6];
    let sealed = encrypt::encrypt_pin(&key, "123456", "6226388000000095").unwrap();
    assert_eq!(openssl_decrypt(&own, &sealed), block);
    // In customerInfo, pin keeps its place in both versions; 5.1.0 still gathers cvn2.
    let fields = Params::from_pairs([("pin", "123456"), ("cvn2", "248"), ("customerNm", "张三")]);
    for version in ["5.0.0", "5.1.0"] {
        let info = encrypt::customer_info(version, &fields, Some(&key), Some("6226388000000095")).unwrap();
        let text = String::from_utf8(base64_decode(&info)).unwrap();
        let rest = text.strip_prefix("{pin=").unwrap();
        let (pin, tail) = rest.split_at(344);
        assert_eq!(openssl_decrypt(&own, pin), block);
        if version == "5.0.0" {
            assert_eq!(tail, "&cvn2=248&customerNm=张三}");
        } else {
            let sealed = tail
                .strip_prefix("&customerNm=张三&encryptedInfo=")
                .unwrap()
                .strip_suffix('}')
                .unwrap();
            assert_eq!(openssl_decrypt(&own, sealed), b"cvn2=248");
        }
    }
    let e = encrypt::encrypt_pin(&key, "123", "6226388000000095").unwrap_err();
    assert_eq!(
        (e.status, e.message.as_str()),
        (Status::PAYSIGN_INVALID_FIELD, "field 'pin': must be 4 to 12 digits")
    );
}

fn refund_reply() -> Params {
    params_of(&case("unionpay-5.1.0-refund-response-yansongda"))
}

fn verify_with_sign_method(value: Option<&str>) -> paysign::Result<paysign::Verdict> {
    let mut p = refund_reply();
    match value {
        Some(v) => p.set("signMethod", v),
        None => {
            p.remove("signMethod");
        }
    }
    let (root, middle) = (testdata("acp_test_root.pem"), testdata("acp_test_middle.pem"));
    unionpay::verify(
        paysign::profile("unionpay.acp.response").unwrap(),
        &Options::parse("now=1704441600").unwrap(),
        &p,
        Some((&root, &middle)),
        None,
    )
}

#[test]
fn sign_method_is_checked_before_the_signature() {
    assert_eq!(verify_with_sign_method(Some("01")).unwrap(), paysign::Verdict::Valid);
    let e = verify_with_sign_method(Some("11")).unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_UNSUPPORTED);
    assert_eq!(
        e.message,
        "field 'signMethod': 11 (SHA-256 with the secure key) is not supported; paysign verifies 01 (RSA)"
    );
    let e = verify_with_sign_method(Some("12")).unwrap_err();
    assert_eq!(
        (e.status, e.message.contains("SM3")),
        (Status::PAYSIGN_UNSUPPORTED, true)
    );
    let e = verify_with_sign_method(Some("02")).unwrap_err();
    assert_eq!(e.message, "field 'signMethod': '02' is not 01, 11 or 12");
    let e = verify_with_sign_method(None).unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_MISSING_FIELD);
}

fn cli(args: &[&str], stdin: &[u8]) -> std::process::Output {
    use std::io::Write as _;
    let mut child = Command::new(env!("CARGO_BIN_EXE_paysign"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn cli_encrypt_commands() {
    let enc = "testdata/unionpay/acp_test_enc.pem";
    let o = cli(&["unionpay", "encrypt-cert-id", "--cert", enc], b"");
    assert_eq!(String::from_utf8_lossy(&o.stdout), "68759622183\n");
    let own = own_pair("cli");
    let cert = own.join("cert.pem");
    let o = cli(
        &["unionpay", "encrypt", "--cert", cert.to_str().unwrap()],
        b"6226388000000095\n",
    );
    assert_eq!(o.status.code(), Some(0));
    let sealed = String::from_utf8(o.stdout).unwrap();
    assert_eq!(openssl_decrypt(&own, sealed.trim_end()), b"6226388000000095");
    let o = cli(
        &["unionpay", "customer-info", "--version", "5.1.0", "smsCode=111111"],
        b"",
    );
    assert_eq!(String::from_utf8_lossy(&o.stdout), "e3Ntc0NvZGU9MTExMTExfQ==\n");
    let o = cli(&["unionpay", "customer-info", "--version", "5.1.0", "cvn2=248"], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("encryption certificate"));
    let o = cli(
        &["unionpay", "encrypt-cert-id", "--cert", "testdata/unionpay/SOURCES.md"],
        b"",
    );
    assert!(String::from_utf8_lossy(&o.stderr).contains("PAYSIGN_KEY_ERROR"));
}
