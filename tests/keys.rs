//! Key loading against the shared test keys and certificates (testdata/vectors/keys), plus
//! variants generated at test time with the `openssl` CLI (skipped, with a note, when it is
//! not installed).

use std::path::{Path, PathBuf};
use std::process::Command;

use base64::Engine as _;
use paysign::error::Status;
use paysign::keys::{CertInfo, Key};

fn keys_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/vectors/keys")
}

fn read(name: &str) -> Vec<u8> {
    std::fs::read(keys_dir().join(name)).unwrap()
}

fn load(name: &str, password: Option<&str>) -> Key {
    Key::load_file(&keys_dir().join(name), password).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// What `openssl` says about a certificate.
struct Cert {
    subject: &'static str,
    issuer: &'static str,
    serial: &'static str,
    not_before: i64,
    not_after: i64,
    sha1: &'static str,
    sha256: &'static str,
}

struct Expected {
    file: &'static str,
    password: Option<&'static str>,
    kind: &'static str,
    format: &'static str,
    bits: usize,
    /// sha256 of the SubjectPublicKeyInfo DER
    public_sha256: &'static str,
    cert: Option<Cert>,
}

// Expected values were obtained with OpenSSL 3.0 from the files themselves:
//   bits:          openssl x509 -noout -text | grep Public-Key   (or openssl rsa -noout -text)
//   public_sha256: openssl x509 -noout -pubkey | openssl pkey -pubin -pubout -outform DER | sha256sum
//                  openssl pkey -in KEY -pubout -outform DER | sha256sum
//                  openssl pkcs12 -legacy -passin pass:123456 -nocerts -nodes | openssl pkey -pubout -outform DER | sha256sum
//   subject/issuer: openssl x509 -noout -subject -issuer -nameopt RFC2253,-esc_msb
//   serial:        openssl x509 -noout -serial   (lowercased)
//   not_before/not_after: date -u -d "$(openssl x509 -noout -startdate|-enddate | cut -d= -f2)" +%s
//   fingerprints:  openssl x509 -noout -fingerprint -sha1|-sha256   (colons removed, lowercased)
// The PKCS#12 certificates are the *_cert.pem files (openssl pkcs12 -info -nokeys -legacy).
const BILL_10012140356_CERT: Cert = Cert {
    subject: "CN=051@胡雪梅@ZK10012140356@2,OU=Organizational-1,OU=99bill,O=CFCA TEST OCA33,C=CN",
    issuer: "CN=CFCA ACS TEST OCA33,O=China Financial Certification Authority,C=CN",
    serial: "3300000003582794",
    not_before: 1575016621,
    not_after: 1732869421,
    sha1: "317eb9878bd0e6250b5724a1037fa4c521298702",
    sha256: "9a53265b672682a69215839c94c5e8980d13dc9b3966a4ec65eb13b2a949b398",
};
const HUXINGHAI_CERT: Cert = Cert {
    subject: "emailAddress=huxinghai1988@gmail.com,CN=kaka,OU=kaka,O=kaka,L=leiyang,ST=hunan,C=CN",
    issuer: "emailAddress=huxinghai1988@gmail.com,CN=kaka,OU=kaka,O=kaka,L=leiyang,ST=hunan,C=CN",
    serial: "9adc1b103ddab023",
    not_before: 1384842816,
    not_after: 1449642816,
    sha1: "d402f45782545bae001e0b6fe2ee5e755d6dca4f",
    sha256: "a22e753638094330e76d9d4fc23bc18a15d5e8e3c64d034af5286f36273f5281",
};

// UnionPay's public ACP test certificates (testdata/unionpay/SOURCES.md), as openssl x509 prints them.
const UP_SIGN_2015: Cert = Cert {
    subject: "CN=041@Z2014-11-11@700000000000001:SIGN@00000006,OU=Enterprises,OU=CFCA TEST,O=CFCA TEST OCA1,C=cn",
    issuer: "CN=CFCA TEST OCA1,O=China Financial Certification Authority,C=CN",
    serial: "1002653215",
    not_before: 1450254307,
    not_after: 1544948707,
    sha1: "93a6c5c09fd5e85940641e131652b8ef88977b63",
    sha256: "7f2af22fcf19541414dbb37801b8ac1284adb99c28e8c08191c8baf4d6dc3190",
};

const UP_SIGN_2021: Cert = Cert {
    subject: "CN=041@Z2014-11-11@700000000000001:SIGN@00000003,OU=Enterprises,OU=Local RA OCA1,O=CFCA OCA1,C=cn",
    issuer: "CN=CFCA TEST OCA1,O=China Financial Certification Authority,C=CN",
    serial: "1046900149",
    not_before: 1637893907,
    not_after: 1795660307,
    sha1: "05c5c7b89b900c492c61213e7730b8d2a82ea9e7",
    sha256: "0c3a04260392913e41f6b5391b5761be530b9196a73ed0a403a7a3a15e7aabbc",
};

const UP_VERIFY_2015: Cert = Cert {
    subject: "CN=041@Z12@00040000:SIGN@00000062,OU=Enterprises,OU=CFCA TEST,O=CFCA TEST OCA1,C=cn",
    issuer: "CN=CFCA TEST OCA1,O=China Financial Certification Authority,C=CN",
    serial: "1002640149",
    not_before: 1449199521,
    not_after: 1512357921,
    sha1: "9faf3f81d13408230b0a7a0cce4987923d8cec2b",
    sha256: "cbf6906533cbaf4e38eba900102826c5fd87153b0ba23ea7834995011b1cafed",
};

const UP_VERIFY_2020: Cert = Cert {
    subject: "CN=041@8310000000083040@中国银联股份有限公司@00016495,OU=Enterprises,OU=Local RA OCA1,O=CFCA OCA1,C=cn",
    issuer: "CN=CFCA TEST OCA1,O=China Financial Certification Authority,C=CN",
    serial: "1039308534",
    not_before: 1596158356,
    not_after: 1753924756,
    sha1: "9bfb9935eb0a9334fd2a37c9b6de55bf00cd4d8c",
    sha256: "9b4770cdc32708d17124119212f62f1b9f09eedda05054ac8338d326c4c3647d",
};

fn expected() -> Vec<Expected> {
    vec![
        Expected {
            file: "99bill.cert.rsa.20140803.cer",
            password: None,
            kind: "certificate",
            format: "pem-x509",
            bits: 1024,
            public_sha256: "8494cb4f033b3cc219e3a2ffb620fbcccc61e3487e954254c090f05f7084b5c4",
            cert: Some(Cert {
                subject: "emailAddress=44,CN=44,OU=44,O=44,L=44,ST=44,C=44",
                issuer: "emailAddress=44,CN=44,OU=44,O=44,L=44,ST=44,C=44",
                serial: "d5644ae123994160",
                not_before: 1242908531,
                not_after: 1407068531,
                sha1: "69cd76c10e418454d7f3e55978512e7537cf4f3b",
                sha256: "b2b0e13374df6f7434e11ed627749fc47d7ca82791dffe5561532938008a6af2",
            }),
        },
        Expected {
            file: "99bill.cert.rsa.20340630.cer",
            password: None,
            kind: "certificate",
            format: "pem-x509",
            bits: 2048,
            public_sha256: "dda2931480c5bb9f086a4c7fd2c672b53f90fcca8feb9579b6cf582da9dee15f",
            cert: Some(Cert {
                subject: "emailAddress=cs@99bill.com,CN=99Bill,OU=CA,O=99BillCorporation,L=sh,ST=sh,C=CN",
                issuer: "emailAddress=cs@99bill.com,CN=99Bill,OU=CA,O=99BillCorporation,L=sh,ST=sh,C=CN",
                serial: "d1af1f88df7feabd",
                not_before: 1404358651,
                not_after: 2035251451,
                sha1: "b7cf26176a65f5713f9915187fa6f23ae93ec540",
                sha256: "c6a2e99bcd6fdaf6c371a0376fafbdc0f84c4e8aac364b9b8061140e6ded6875",
            }),
        },
        Expected {
            file: "99bill_10012140356.pem",
            password: None,
            kind: "rsa-private",
            format: "pem-pkcs1",
            bits: 2048,
            public_sha256: "717765ea10a3dc23f404034ba32e8dde89e15bfc9e0637cc2e2c0a9839e2ac1a",
            cert: None,
        },
        Expected {
            file: "99bill_10012140356.pfx",
            password: Some("123456"),
            kind: "rsa-private",
            format: "pkcs12",
            bits: 2048,
            public_sha256: "717765ea10a3dc23f404034ba32e8dde89e15bfc9e0637cc2e2c0a9839e2ac1a",
            cert: Some(BILL_10012140356_CERT),
        },
        Expected {
            file: "99bill_10012140356_cert.pem",
            password: None,
            kind: "certificate",
            format: "pem-x509",
            bits: 2048,
            public_sha256: "717765ea10a3dc23f404034ba32e8dde89e15bfc9e0637cc2e2c0a9839e2ac1a",
            cert: Some(BILL_10012140356_CERT),
        },
        Expected {
            file: "99bill_CFCA_sandbox.cer",
            password: None,
            kind: "certificate",
            format: "pem-x509",
            bits: 2048,
            public_sha256: "dd514563952df6674b6091d44744ddbe6ffdc568edff4b198bbbd1a8e1dcb4f4",
            cert: Some(Cert {
                subject: "CN=051@快钱测试RSA@Z99BillTest@1,OU=Organizational-1,OU=99bill,O=CFCA TEST OCA33,C=CN",
                issuer: "CN=CFCA ACS TEST OCA33,O=China Financial Certification Authority,C=CN",
                serial: "3300000001480149",
                not_before: 1557909614,
                not_after: 1715762414,
                sha1: "84e2c4ca2e98eb8decc0f43368323933f5d1b5d7",
                sha256: "039ee3bdb5efc6ba431ed8483a0d5d8fb3548ad1c6f08e51958be89f0ccc18f5",
            }),
        },
        Expected {
            file: "alipay_omnipay_test_rsa1024_private.pem",
            password: None,
            kind: "rsa-private",
            format: "pem-pkcs1",
            bits: 1024,
            public_sha256: "bedee3c82b7213abe833f1688d0e42625ec49dd03487e7e025ff3249e550cdbf",
            cert: None,
        },
        Expected {
            file: "alipay_omnipay_test_rsa1024_public.pem",
            password: None,
            kind: "rsa-public",
            format: "pem-spki",
            bits: 1024,
            public_sha256: "bedee3c82b7213abe833f1688d0e42625ec49dd03487e7e025ff3249e550cdbf",
            cert: None,
        },
        Expected {
            file: "alipay_sandbox_public_cert.pem",
            password: None,
            kind: "certificate",
            format: "pem-x509",
            bits: 2048,
            public_sha256: "d103995e432224087bbb458a9e053aa7f2b6acf0ac2429e594fcd72b73514f7d",
            cert: Some(Cert {
                subject: "CN=支付宝(中国)网络技术有限公司-2088721003899159,OU=Alipay,O=xfcwyy9516@sandbox.com,C=CN",
                issuer: "CN=Ant Financial Certification Authority Class 2 R1 test,OU=Certification Authority test,O=Ant Financial test,C=CN",
                serial: "2023060769b99529dc18b16ac12fd695",
                not_before: 1686127622,
                not_after: 1717663622,
                sha1: "891ef5bc81fee23e9d73d4b431b6a29a2bda3622",
                sha256: "528ed2c0558e79f413678d64bc708c7eeae116e973866f30d6505abd13681b2d",
            }),
        },
        Expected {
            file: "alipay_sandbox_public_key.pem",
            password: None,
            kind: "rsa-public",
            format: "pem-spki",
            bits: 2048,
            public_sha256: "d103995e432224087bbb458a9e053aa7f2b6acf0ac2429e594fcd72b73514f7d",
            cert: None,
        },
        Expected {
            file: "alipay_yansongda_app_private_pkcs1.pem",
            password: None,
            kind: "rsa-private",
            format: "pem-pkcs1",
            bits: 2048,
            public_sha256: "82dbd57c30948fce080f51ca5a3f95f341c9cf108d1554d87186607bebb120b4",
            cert: None,
        },
        Expected {
            file: "alipay_yansongda_app_public.pem",
            password: None,
            kind: "rsa-public",
            format: "pem-spki",
            bits: 2048,
            public_sha256: "82dbd57c30948fce080f51ca5a3f95f341c9cf108d1554d87186607bebb120b4",
            cert: None,
        },
        Expected {
            file: "allinpay_gateway_public.pem",
            password: None,
            kind: "rsa-public",
            format: "pem-spki",
            bits: 1024,
            public_sha256: "48a6d12b6efaf928b921da5de3af5419ac6cd786dd6d4cc133710f2ceaf99cf0",
            cert: None,
        },
        // Same key as allinpay_gateway_public.pem (checked below against that file).
        Expected {
            file: "allinpay_publickey.txt",
            password: None,
            kind: "rsa-public",
            format: "allinpay-decimal",
            bits: 1024,
            public_sha256: "48a6d12b6efaf928b921da5de3af5419ac6cd786dd6d4cc133710f2ceaf99cf0",
            cert: None,
        },
        Expected {
            file: "dinpay_rsa_s_test_private_pkcs8.pem",
            password: None,
            kind: "rsa-private",
            format: "pem-pkcs8",
            bits: 1024,
            public_sha256: "77b55428715737c394bfe0c88beb49d93c808fda90edeed7e319b2bf97028a9c",
            cert: None,
        },
        Expected {
            file: "dinpay_rsa_s_test_public.pem",
            password: None,
            kind: "rsa-public",
            format: "pem-spki",
            bits: 1024,
            public_sha256: "77b55428715737c394bfe0c88beb49d93c808fda90edeed7e319b2bf97028a9c",
            cert: None,
        },
        Expected {
            file: "huxinghai_99bill-rsa.pfx",
            password: Some("123456"),
            kind: "rsa-private",
            format: "pkcs12",
            bits: 1024,
            public_sha256: "2b28dcea4a922e2fc4f4b3469c111c84533d29cca8ef799864a37609a58ae10c",
            cert: Some(HUXINGHAI_CERT),
        },
        Expected {
            file: "huxinghai_99bill-rsa_cert.pem",
            password: None,
            kind: "certificate",
            format: "pem-x509",
            bits: 1024,
            public_sha256: "2b28dcea4a922e2fc4f4b3469c111c84533d29cca8ef799864a37609a58ae10c",
            cert: Some(HUXINGHAI_CERT),
        },
        Expected {
            file: "unionpay_acp_test_sign_2015.pfx",
            password: Some("000000"),
            kind: "rsa-private",
            format: "pkcs12",
            bits: 2048,
            public_sha256: "472e64eb1551acc12c67e2e042aefc44f770c9203f71a02c609d35e789423e4c",
            cert: Some(UP_SIGN_2015),
        },
        Expected {
            file: "unionpay_acp_test_sign_2021.pfx",
            password: Some("000000"),
            kind: "rsa-private",
            format: "pkcs12",
            bits: 2048,
            public_sha256: "bb0e5f8138564eea536cd4b63825678b9c53ca5f5b52ccabf5d55906c038f6d0",
            cert: Some(UP_SIGN_2021),
        },
        Expected {
            file: "unionpay_acp_test_sign_2021_cert.pem",
            password: None,
            kind: "certificate",
            format: "pem-x509",
            bits: 2048,
            public_sha256: "bb0e5f8138564eea536cd4b63825678b9c53ca5f5b52ccabf5d55906c038f6d0",
            cert: Some(UP_SIGN_2021),
        },
        Expected {
            file: "unionpay_acp_test_verify_2015.pem",
            password: None,
            kind: "certificate",
            format: "pem-x509",
            bits: 2048,
            public_sha256: "221693d20ddc59d9265dbde53e1b185988ab3e22e7f442f5c99c7b00d232a7d3",
            cert: Some(UP_VERIFY_2015),
        },
        Expected {
            file: "unionpay_acp_test_verify_2020.pem",
            password: None,
            kind: "certificate",
            format: "pem-x509",
            bits: 2048,
            public_sha256: "fef9f3285304d5c3f14e459ba08e507a97568603c0d41d92f90678058953d1d2",
            cert: Some(UP_VERIFY_2020),
        },
    ]
}

fn check_cert(file: &str, got: &CertInfo, want: &Cert) {
    assert_eq!(got.subject, want.subject, "{file} subject");
    assert_eq!(got.issuer, want.issuer, "{file} issuer");
    assert_eq!(got.serial_hex, want.serial, "{file} serial");
    assert_eq!(got.not_before, want.not_before, "{file} not_before");
    assert_eq!(got.not_after, want.not_after, "{file} not_after");
    assert_eq!(got.sha1_fingerprint, want.sha1, "{file} sha1");
    assert_eq!(got.sha256_fingerprint, want.sha256, "{file} sha256");
}

#[test]
fn every_vector_file_loads_as_openssl_describes_it() {
    let table = expected();
    let mut listed: Vec<&str> = table.iter().map(|e| e.file).collect();
    listed.sort();
    let mut present: Vec<String> = std::fs::read_dir(keys_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    present.sort();
    assert_eq!(
        listed, present,
        "every file in testdata/vectors/keys has an expectation"
    );

    for e in &table {
        let key = load(e.file, e.password);
        let info = key.info();
        assert_eq!(info.kind, e.kind, "{} kind", e.file);
        assert_eq!(info.format, e.format, "{} format", e.file);
        assert_eq!(info.bits, e.bits, "{} bits", e.file);
        assert_eq!(info.public_sha256, e.public_sha256, "{} public key", e.file);
        assert!(!key.is_secret());
        assert!(key.rsa_public().is_some());
        assert_eq!(key.rsa_private().is_some(), e.kind == "rsa-private", "{}", e.file);
        match (&info.cert, &e.cert) {
            (Some(got), Some(want)) => check_cert(e.file, got, want),
            (None, None) => {}
            (got, _) => panic!("{}: cert {:?}", e.file, got),
        }
    }
}

#[test]
fn pfx_keys_match_their_certificates_and_pem() {
    for (pfx, cert) in [
        ("99bill_10012140356.pfx", "99bill_10012140356_cert.pem"),
        ("huxinghai_99bill-rsa.pfx", "huxinghai_99bill-rsa_cert.pem"),
    ] {
        let p = load(pfx, Some("123456"));
        let c = load(cert, None);
        assert_eq!(p.rsa_public().unwrap(), c.rsa_public().unwrap(), "{pfx} vs {cert}");
        assert_eq!(p.info().cert, c.info().cert, "{pfx} cert info");
    }
    // The 99bill merchant PEM is the same private key as the PFX.
    let pfx = load("99bill_10012140356.pfx", Some("123456"));
    let pem = load("99bill_10012140356.pem", None);
    assert_eq!(pfx.rsa_private().unwrap(), pem.rsa_private().unwrap());
}

#[test]
fn allinpay_decimal_equals_pem() {
    let txt = load("allinpay_publickey.txt", None);
    let pem = load("allinpay_gateway_public.pem", None);
    assert_eq!(txt.rsa_public().unwrap(), pem.rsa_public().unwrap());

    // Either order, CRLF, spaces around '='.
    let text = String::from_utf8(read("allinpay_publickey.txt")).unwrap();
    let mut lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    lines.reverse();
    let swapped = lines
        .iter()
        .map(|l| l.replacen('=', " = ", 1))
        .collect::<Vec<_>>()
        .join("\r\n");
    let k = Key::load(swapped.as_bytes(), None).unwrap();
    assert_eq!(k.rsa_public().unwrap(), pem.rsa_public().unwrap());

    let only_modulus: String = text.lines().filter(|l| l.starts_with("modulus")).collect();
    let e = Key::load(only_modulus.as_bytes(), None).unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_KEY_ERROR);
    assert!(e.message.contains("exponent"), "{}", e.message);
    let bad = text.replace("modulus=1", "modulus=x1");
    let e = Key::load(bad.as_bytes(), None).unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_KEY_ERROR);
    assert!(!e.message.contains("x1"), "{}", e.message);
}

/// The base64 between the armour lines of a PEM file.
fn pem_body(pem: &[u8]) -> String {
    let text = std::str::from_utf8(pem).unwrap();
    text.lines()
        .filter(|l| !l.starts_with("-----") && !l.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

fn der_of(pem: &[u8]) -> Vec<u8> {
    base64::engine::general_purpose::STANDARD
        .decode(pem_body(pem).replace('\n', ""))
        .unwrap()
}

#[test]
fn bare_base64_and_der_load_to_the_same_key() {
    for (file, structure) in [
        ("alipay_yansongda_app_private_pkcs1.pem", "pkcs1"),
        ("dinpay_rsa_s_test_private_pkcs8.pem", "pkcs8"),
        ("alipay_sandbox_public_key.pem", "spki"),
        ("alipay_sandbox_public_cert.pem", "x509"),
    ] {
        let pem = read(file);
        let reference = Key::load(&pem, None).unwrap();
        let wrapped = pem_body(&pem);
        let one_line = wrapped.replace('\n', "");
        let der = der_of(&pem);
        let cases: Vec<(Vec<u8>, String)> = vec![
            (one_line.clone().into_bytes(), format!("base64-{structure}")),
            (wrapped.clone().into_bytes(), format!("base64-{structure}")),
            (
                format!("  {}\r\n", wrapped.replace('\n', "\r\n")).into_bytes(),
                format!("base64-{structure}"),
            ),
            (format!("\"{one_line}\"").into_bytes(), format!("base64-{structure}")),
            (
                one_line.trim_end_matches('=').as_bytes().to_vec(),
                format!("base64-{structure}"),
            ),
            (der.clone(), format!("der-{structure}")),
            ([der.clone(), b"\r\n".to_vec()].concat(), format!("der-{structure}")),
        ];
        for (data, format) in cases {
            let k = Key::load(&data, None).unwrap_or_else(|e| panic!("{file} as {format}: {e}"));
            assert_eq!(k.info().format, format, "{file}");
            assert_eq!(k.rsa_public(), reference.rsa_public(), "{file} as {format}");
            assert_eq!(k.rsa_private(), reference.rsa_private(), "{file} as {format}");
            assert_eq!(k.info().cert, reference.info().cert, "{file} as {format}");
        }
    }
}

#[test]
fn pem_tolerates_bom_crlf_escapes_and_one_line() {
    let pem = String::from_utf8(read("dinpay_rsa_s_test_private_pkcs8.pem")).unwrap();
    let reference = Key::load(pem.as_bytes(), None).unwrap();
    let bom_crlf = [b"\xef\xbb\xbf".to_vec(), pem.replace('\n', "\r\n").into_bytes()].concat();
    let json_escaped = pem.trim_end().replace('\n', "\\n");
    let one_line = pem.trim_end().replace('\n', " ");
    let utf16le: Vec<u8> = [0xffu8, 0xfe]
        .into_iter()
        .chain(pem.encode_utf16().flat_map(|u| u.to_le_bytes()))
        .collect();
    let with_junk = format!("Bag Attributes\n    friendlyName: x\nsubject=whatever\n{pem}\n");
    for data in [
        bom_crlf,
        json_escaped.into_bytes(),
        one_line.into_bytes(),
        utf16le,
        with_junk.into_bytes(),
    ] {
        let k = Key::load(&data, None).unwrap();
        assert_eq!(k.rsa_private(), reference.rsa_private());
        assert_eq!(k.info().format, "pem-pkcs8");
    }
}

#[test]
fn pem_bundle_of_key_and_certificates() {
    let key = read("99bill_10012140356.pem");
    let cert = read("99bill_10012140356_cert.pem");
    let other = read("99bill_CFCA_sandbox.cer");
    // certificate first, an unrelated certificate, then the key: the key wins and gets the
    // certificate whose public key matches it
    let bundle = [other.clone(), cert.clone(), key.clone()].concat();
    let k = Key::load(&bundle, None).unwrap();
    let info = k.info();
    assert_eq!(info.kind, "rsa-private");
    assert_eq!(info.format, "pem-pkcs1");
    check_cert("bundle", info.cert.as_ref().unwrap(), &BILL_10012140356_CERT);
    // a certificate that does not belong to the key is not attached
    let k = Key::load(&[key.clone(), other.clone()].concat(), None).unwrap();
    assert_eq!(k.info().cert, None);
    // certificates only: the first
    let k = Key::load(&[other, cert].concat(), None).unwrap();
    assert_eq!(k.info().kind, "certificate");
    assert!(k.info().cert.unwrap().subject.contains("Z99BillTest"));
}

fn assert_key_error(result: paysign::Result<Key>, status: Status, needle: &str) {
    let e = result.expect_err("expected an error");
    assert_eq!(e.status, status, "{}", e.message);
    assert!(e.message.contains(needle), "message {:?} lacks {:?}", e.message, needle);
}

#[test]
fn pfx_passwords_and_truncation() {
    let pfx = read("99bill_10012140356.pfx");
    let e = Key::load(&pfx, Some("654321")).unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_KEY_ERROR);
    assert_eq!(e.message, "wrong PKCS#12 password (or corrupt file)");
    assert!(!e.message.contains("654321"));
    assert_key_error(
        Key::load(&read("huxinghai_99bill-rsa.pfx"), None),
        Status::PAYSIGN_KEY_ERROR,
        "a password is needed",
    );
    assert_key_error(
        Key::load(&pfx[..500], Some("123456")),
        Status::PAYSIGN_KEY_ERROR,
        "truncated",
    );
    // base64 of a PFX (as kept in configuration files)
    let b64 = base64::engine::general_purpose::STANDARD.encode(&pfx);
    let k = Key::load(b64.as_bytes(), Some("123456")).unwrap();
    assert_eq!(k.info().format, "base64-pkcs12");
    assert_eq!(k.info().kind, "rsa-private");
}

#[test]
fn garbage_empty_and_oversized_inputs() {
    let unrecognised = "unrecognised key format: not PEM, DER, base64, PKCS#12 or Allinpay text";
    for garbage in [
        &b"hello world, this is not a key"[..],
        b"\x00\x01\x02\x03\xff\xfe\xfd",
        b"APPSECRET",
        b"QUJDREVGR0g=",
    ] {
        let e = Key::load(garbage, None).unwrap_err();
        assert_eq!(e.status, Status::PAYSIGN_KEY_ERROR);
        assert_eq!(e.message, unrecognised);
    }
    assert_key_error(Key::load(b"", None), Status::PAYSIGN_KEY_ERROR, "empty");
    assert_key_error(Key::load(b" \r\n\t", None), Status::PAYSIGN_KEY_ERROR, "empty");
    let big = vec![b'A'; (1 << 20) + 1];
    assert_key_error(Key::load(&big, None), Status::PAYSIGN_KEY_ERROR, "key data over 1 MiB");

    // truncated PEM and damaged DER
    let pem = String::from_utf8(read("alipay_sandbox_public_key.pem")).unwrap();
    let cut = &pem[..pem.len() / 2];
    let e = Key::load(cut.as_bytes(), None).unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_KEY_ERROR);
    assert!(e.message.contains("truncated"), "{}", e.message);
    assert!(!e.message.contains("MII"), "{}", e.message);
    let der = der_of(pem.as_bytes());
    assert_key_error(Key::load(&der[..100], None), Status::PAYSIGN_KEY_ERROR, "truncated");
    let mut tail = der.clone();
    tail.extend_from_slice(b"junk");
    assert_key_error(Key::load(&tail, None), Status::PAYSIGN_KEY_ERROR, "after the end");

    // PEM of something that is not a key
    let csr = "-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----\n";
    assert_key_error(Key::load(csr.as_bytes(), None), Status::PAYSIGN_KEY_ERROR, "CSR");
}

#[test]
fn load_file_errors_name_the_path() {
    let path = keys_dir().join("no-such-file.pem");
    let e = Key::load_file(&path, None).unwrap_err();
    assert_eq!(e.status, Status::PAYSIGN_IO_ERROR);
    assert!(e.message.contains("no-such-file.pem"), "{}", e.message);
}

#[test]
fn secrets_are_never_printed() {
    let k = Key::secret("8934e7d15453e97507ef794cf7b0519d").unwrap();
    let shown = format!("{k:?} {:?}", k.info());
    assert!(!shown.contains("8934e7d1"), "{shown}");
    assert!(shown.contains("***"));
    assert!(k.is_secret());
    assert_eq!(k.info().kind, "secret");
    assert_eq!(k.info().format, "secret");
    assert_eq!(k.info().bits, 0);
    assert_eq!(k.info().public_sha256, "");
    assert!(k.rsa_public().is_none() && k.rsa_private().is_none());
    assert_eq!(
        k.secret_value().unwrap().as_bytes(),
        b"8934e7d15453e97507ef794cf7b0519d"
    );
    let b = Key::secret_bytes(&[0, 1, 2]).unwrap();
    assert_eq!(b.secret_value().unwrap().as_bytes(), &[0, 1, 2]);
    assert_key_error(Key::secret(""), Status::PAYSIGN_KEY_ERROR, "secret is empty");
    assert_key_error(Key::secret_bytes(&[]), Status::PAYSIGN_KEY_ERROR, "secret is empty");

    // RSA keys print their shape, not their numbers.
    let pem = load("alipay_omnipay_test_rsa1024_private.pem", None);
    let shown = format!("{pem:?}");
    assert!(shown.contains("RsaPrivate") && shown.contains("1024"), "{shown}");
    assert!(shown.len() < 200, "{shown}");
}

// ---------------------------------------------------------------------------------------
// Variants generated with the openssl CLI

struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("paysign-keys-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }
    fn path(&self, name: &str) -> String {
        self.0.join(name).to_str().unwrap().to_string()
    }
    fn read(&self, name: &str) -> Vec<u8> {
        std::fs::read(self.0.join(name)).unwrap()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn have_openssl() -> bool {
    let ok = Command::new("openssl")
        .arg("version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        eprintln!("note: openssl CLI not found; skipping the openssl-generated key variants");
    }
    ok
}

/// Runs openssl; false (with a note) when this openssl cannot do it.
fn openssl(args: &[&str]) -> bool {
    let out = Command::new("openssl").args(args).output().unwrap();
    if !out.status.success() {
        eprintln!(
            "note: `openssl {}` failed, variant skipped: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).lines().next().unwrap_or("")
        );
    }
    out.status.success()
}

fn vector(name: &str) -> String {
    keys_dir().join(name).to_str().unwrap().to_string()
}

#[test]
fn openssl_der_variants() {
    if !have_openssl() {
        return;
    }
    let s = Scratch::new("der");
    let private = vector("alipay_yansongda_app_private_pkcs1.pem");
    let reference = Key::load_file(Path::new(&private), None).unwrap();
    let cases: Vec<(Vec<&str>, &str, &str)> = vec![
        (
            vec!["pkcs8", "-topk8", "-nocrypt", "-in", &private, "-outform", "DER"],
            "p8.der",
            "der-pkcs8",
        ),
        (
            vec!["rsa", "-in", &private, "-traditional", "-outform", "DER"],
            "p1.der",
            "der-pkcs1",
        ),
        (
            vec!["pkey", "-in", &private, "-pubout", "-outform", "DER"],
            "spki.der",
            "der-spki",
        ),
        (
            vec!["rsa", "-in", &private, "-RSAPublicKey_out", "-outform", "DER"],
            "p1pub.der",
            "der-pkcs1",
        ),
        (
            vec!["rsa", "-in", &private, "-RSAPublicKey_out"],
            "p1pub.pem",
            "pem-pkcs1",
        ),
        (
            vec!["pkcs8", "-topk8", "-nocrypt", "-in", &private],
            "p8.pem",
            "pem-pkcs8",
        ),
    ];
    for (args, out, format) in cases {
        let out_path = s.path(out);
        let mut args = args.clone();
        args.extend(["-out", &out_path]);
        if !openssl(&args) {
            continue;
        }
        let data = s.read(out);
        let k = Key::load(&data, None).unwrap_or_else(|e| panic!("{out}: {e}"));
        assert_eq!(k.info().format, format, "{out}");
        assert_eq!(k.rsa_public(), reference.rsa_public(), "{out}");
        if k.rsa_private().is_some() {
            assert_eq!(k.rsa_private(), reference.rsa_private(), "{out}");
        }
        // and as bare base64
        let b64 = base64::engine::general_purpose::STANDARD.encode(&data);
        if !out.ends_with(".pem") {
            let k = Key::load(b64.as_bytes(), None).unwrap();
            assert_eq!(k.rsa_public(), reference.rsa_public(), "{out} base64");
            assert!(k.info().format.starts_with("base64-"), "{out}");
        }
    }

    // A .cer in DER, and a PKCS#7 bundle (.p7b) holding a chain in either order.
    let cert = vector("99bill_10012140356_cert.pem");
    let other = vector("99bill_CFCA_sandbox.cer");
    let der = s.path("cert.cer");
    if openssl(&["x509", "-in", &cert, "-outform", "DER", "-out", &der]) {
        let k = Key::load(&s.read("cert.cer"), None).unwrap();
        assert_eq!(k.info().format, "der-x509");
        check_cert("cert.cer", k.info().cert.as_ref().unwrap(), &BILL_10012140356_CERT);
    }
    let p7b = s.path("bundle.p7b");
    if openssl(&[
        "crl2pkcs7",
        "-nocrl",
        "-certfile",
        &other,
        "-certfile",
        &cert,
        "-out",
        &p7b,
    ]) {
        let k = Key::load(&s.read("bundle.p7b"), None).unwrap();
        assert_eq!(k.info().format, "pem-pkcs7");
        assert_eq!(k.info().kind, "certificate");
    }
}

#[test]
fn openssl_encrypted_private_keys() {
    if !have_openssl() {
        return;
    }
    let s = Scratch::new("enc");
    let private = vector("dinpay_rsa_s_test_private_pkcs8.pem");
    let reference = Key::load_file(Path::new(&private), None).unwrap();
    let legacy = ["-provider", "legacy", "-provider", "default"];
    let cases: Vec<(Vec<&str>, &str, &str)> = vec![
        (
            vec!["pkcs8", "-topk8", "-v2", "aes-256-cbc"],
            "aes256.pem",
            "pem-pkcs8-encrypted",
        ),
        (
            vec!["pkcs8", "-topk8", "-v2", "aes-256-cbc", "-outform", "DER"],
            "aes256.der",
            "der-pkcs8-encrypted",
        ),
        (
            vec!["pkcs8", "-topk8", "-v2", "aes-128-cbc", "-v2prf", "hmacWithSHA1"],
            "aes128sha1.pem",
            "pem-pkcs8-encrypted",
        ),
        (
            vec!["pkcs8", "-topk8", "-v2", "des3"],
            "des3.pem",
            "pem-pkcs8-encrypted",
        ),
        (
            vec!["pkcs8", "-topk8", "-v1", "PBE-SHA1-3DES"],
            "pbe3des.pem",
            "pem-pkcs8-encrypted",
        ),
        (
            [&["pkcs8", "-topk8", "-v1", "PBE-MD5-DES"][..], &legacy[..]].concat(),
            "pbes1md5des.pem",
            "pem-pkcs8-encrypted",
        ),
        (
            vec!["rsa", "-traditional", "-aes256"],
            "trad-aes256.pem",
            "pem-pkcs1-encrypted",
        ),
        (
            vec!["rsa", "-traditional", "-aes128"],
            "trad-aes128.pem",
            "pem-pkcs1-encrypted",
        ),
        (
            vec!["rsa", "-traditional", "-des3"],
            "trad-des3.pem",
            "pem-pkcs1-encrypted",
        ),
        (
            [&["rsa", "-traditional", "-des"][..], &legacy[..]].concat(),
            "trad-des.pem",
            "pem-pkcs1-encrypted",
        ),
    ];
    let password = "pässwörd x";
    let passout = format!("pass:{password}");
    for (args, out, format) in cases {
        let out_path = s.path(out);
        let mut args = args.clone();
        args.extend(["-in", &private, "-passout", &passout, "-out", &out_path]);
        if !openssl(&args) {
            continue;
        }
        let data = s.read(out);
        let k = Key::load(&data, Some(password)).unwrap_or_else(|e| panic!("{out}: {e}"));
        assert_eq!(k.info().format, format, "{out}");
        assert_eq!(k.rsa_private(), reference.rsa_private(), "{out}");

        let e = Key::load(&data, None).unwrap_err();
        assert_eq!(e.status, Status::PAYSIGN_KEY_ERROR, "{out}");
        assert_eq!(e.message, "key is encrypted: a password is needed", "{out}");

        let e = Key::load(&data, Some("wrong-pw")).unwrap_err();
        assert_eq!(e.status, Status::PAYSIGN_KEY_ERROR, "{out}");
        assert!(e.message.contains("wrong password"), "{out}: {}", e.message);
        assert!(!e.message.contains("wrong-pw"), "{out}: {}", e.message);
    }
}

#[test]
fn openssl_pkcs12_variants() {
    if !have_openssl() {
        return;
    }
    let s = Scratch::new("p12");
    let key = vector("99bill_10012140356.pem");
    let cert = vector("99bill_10012140356_cert.pem");
    let other = vector("99bill_CFCA_sandbox.cer");
    // OpenSSL 3 defaults: PBES2/AES-256 bags, SHA-256 MAC
    let modern = s.path("modern.p12");
    if openssl(&[
        "pkcs12",
        "-export",
        "-inkey",
        &key,
        "-in",
        &cert,
        "-certfile",
        &other,
        "-passout",
        "pass:secret",
        "-out",
        &modern,
    ]) {
        let k = Key::load(&s.read("modern.p12"), Some("secret")).unwrap();
        assert_eq!(k.info().kind, "rsa-private");
        check_cert("modern.p12", k.info().cert.as_ref().unwrap(), &BILL_10012140356_CERT);
        assert_key_error(
            Key::load(&s.read("modern.p12"), Some("nope")),
            Status::PAYSIGN_KEY_ERROR,
            "wrong PKCS#12 password",
        );
    }
    // certificates only
    let certs = s.path("certs.p12");
    if openssl(&[
        "pkcs12",
        "-export",
        "-nokeys",
        "-in",
        &cert,
        "-passout",
        "pass:secret",
        "-out",
        &certs,
    ]) {
        let k = Key::load(&s.read("certs.p12"), Some("secret")).unwrap();
        assert_eq!(k.info().kind, "certificate");
        assert_eq!(k.info().format, "pkcs12");
        check_cert("certs.p12", k.info().cert.as_ref().unwrap(), &BILL_10012140356_CERT);
    }
    // no password at all
    let empty = s.path("empty.p12");
    if openssl(&[
        "pkcs12", "-export", "-inkey", &key, "-in", &cert, "-passout", "pass:", "-out", &empty,
    ]) {
        let k = Key::load(&s.read("empty.p12"), None).unwrap();
        assert_eq!(k.info().kind, "rsa-private");
    }
}

#[test]
fn openssl_non_rsa_keys_are_named() {
    if !have_openssl() {
        return;
    }
    let s = Scratch::new("nonrsa");
    let cases: Vec<(Vec<&str>, &str, &str)> = vec![
        (
            vec!["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"],
            "ec.pem",
            "found EC, curve P-256",
        ),
        (
            vec!["ecparam", "-genkey", "-name", "prime256v1"],
            "sec1.pem",
            "found EC",
        ),
        (vec!["genpkey", "-algorithm", "ed25519"], "ed.pem", "found Ed25519"),
        (
            vec!["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:SM2"],
            "sm2.pem",
            "found EC, curve SM2",
        ),
    ];
    for (args, out, needle) in cases {
        let out_path = s.path(out);
        let mut args = args.clone();
        args.extend(["-out", &out_path]);
        if !openssl(&args) {
            continue;
        }
        let e = Key::load(&s.read(out), None).unwrap_err();
        assert_eq!(e.status, Status::PAYSIGN_UNSUPPORTED, "{out}: {}", e.message);
        assert!(
            e.message.starts_with("only RSA keys are supported"),
            "{out}: {}",
            e.message
        );
        assert!(e.message.contains(needle), "{out}: {}", e.message);
    }
    // a 512-bit RSA key is refused with its size
    let small = s.path("small.pem");
    if openssl(&[
        "genpkey",
        "-algorithm",
        "RSA",
        "-pkeyopt",
        "rsa_keygen_bits:512",
        "-out",
        &small,
    ]) {
        let e = Key::load(&s.read("small.pem"), None).unwrap_err();
        assert_eq!(e.status, Status::PAYSIGN_UNSUPPORTED);
        assert!(e.message.contains("512 bits"), "{}", e.message);
    }
}
