//! Shared by the fuzz targets: the keys, options and modes that a selector byte picks.
//! The tables are also used by fuzz/make_seeds.py: keep the orders in step with it.
#![allow(dead_code)]

use paysign::{Charset, Format, Key};
use std::sync::OnceLock;

/// Secrets of the shared vectors, then the public and private RSA keys of the vectors.
pub const SECRETS: &[&str] = &[
    "APPSECRET",
    "NGAK9BK4XL4HYANB",
    "hello",
    "1234567890",
    "1234",
    "test",
    "hfgd_83yt_90hb_gf98n",
    "192006250b4c09247ec02edce69f6a2d",
    "yansongda",
    "69cl522AV6q613Ii4W6u8K6XuW8vM1N6bFgyv769220IuYe9u37N4y7rI4Pl",
];

/// Verification keys (certificates and public keys) of the vectors.
pub const PUBLIC_KEYS: &[&[u8]] = &[
    include_bytes!("../../testdata/vectors/keys/99bill_10012140356_cert.pem"),
    include_bytes!("../../testdata/vectors/keys/huxinghai_99bill-rsa_cert.pem"),
    include_bytes!("../../testdata/vectors/keys/alipay_omnipay_test_rsa1024_public.pem"),
    include_bytes!("../../testdata/vectors/keys/alipay_yansongda_app_public.pem"),
    include_bytes!("../../testdata/vectors/keys/dinpay_rsa_s_test_public.pem"),
    include_bytes!("../../testdata/vectors/keys/allinpay_gateway_public.pem"),
];

/// Signing keys of the vectors (all unencrypted PEM, so loading is fast).
pub const PRIVATE_KEYS: &[&[u8]] = &[
    include_bytes!("../../testdata/vectors/keys/99bill_10012140356.pem"),
    include_bytes!("../../testdata/vectors/keys/alipay_omnipay_test_rsa1024_private.pem"),
    include_bytes!("../../testdata/vectors/keys/alipay_yansongda_app_private_pkcs1.pem"),
    include_bytes!("../../testdata/vectors/keys/dinpay_rsa_s_test_private_pkcs8.pem"),
];

/// Index 0 is "no key"; then every secret, every public key, every private key.
pub fn keys() -> &'static [Option<Key>] {
    static KEYS: OnceLock<Vec<Option<Key>>> = OnceLock::new();
    KEYS.get_or_init(|| {
        let mut v = vec![None];
        v.extend(SECRETS.iter().map(|s| Some(Key::secret(s).unwrap())));
        v.extend(PUBLIC_KEYS.iter().map(|d| Some(Key::load(d, None).unwrap())));
        v.extend(PRIVATE_KEYS.iter().map(|d| Some(Key::load(d, None).unwrap())));
        v
    })
}

/// Options a selector byte picks (index mod len).
pub const OPTIONS: &[&str] = &[
    "",
    "hash=sha1",
    "hash=sha256",
    "hash=md5",
    "sign_type=MD5",
    "sign_type=HMAC-SHA256",
    "sign_type=RSA",
    "hmac_safe=1",
    "charset=gbk",
    "query_key=27YKWKBKHT2IZSQ4",
];

pub const FORMATS: [Format; 4] = [Format::Form, Format::Xml, Format::Json, Format::Form];

/// `None`: the charset the message declares, else the gateway's default.
pub const CHARSETS: [Option<Charset>; 8] = [
    None,
    Some(Charset::Utf8),
    Some(Charset::Gbk),
    Some(Charset::Gb18030),
    Some(Charset::Gb2312),
    None,
    None,
    None,
];

pub fn profiles() -> &'static [&'static paysign::Profile] {
    static P: OnceLock<Vec<&'static paysign::Profile>> = OnceLock::new();
    P.get_or_init(|| paysign::gateways::all().collect())
}

/// The same keys as C handles (`paysign_key *` as addresses; never freed), index 0 is NULL.
pub fn c_keys() -> &'static [usize] {
    use paysign::ffi::keys::{paysign_key_load, paysign_key_secret};
    static KEYS: OnceLock<Vec<usize>> = OnceLock::new();
    KEYS.get_or_init(|| {
        let mut v = vec![0];
        for s in SECRETS {
            let c = std::ffi::CString::new(*s).unwrap();
            let mut out = std::ptr::null_mut();
            assert_eq!(
                unsafe { paysign_key_secret(c.as_ptr(), &mut out) },
                paysign::Status::PAYSIGN_OK
            );
            v.push(out as usize);
        }
        for d in PUBLIC_KEYS.iter().chain(PRIVATE_KEYS) {
            let mut out = std::ptr::null_mut();
            let st = unsafe { paysign_key_load(d.as_ptr(), d.len(), std::ptr::null(), &mut out) };
            assert_eq!(st, paysign::Status::PAYSIGN_OK);
            v.push(out as usize);
        }
        v
    })
}

/// A text-returning C call given as `run(buf, cap, &mut out_len)`: the size query, then the
/// call at that size. Returns the status and, when OK, the text (checked NUL-terminated UTF-8).
pub fn c_text(
    run: impl Fn(*mut std::ffi::c_char, usize, &mut usize) -> paysign::Status,
) -> (paysign::Status, Option<String>) {
    use paysign::Status;
    let mut len = 0usize;
    let st = run(std::ptr::null_mut(), 0, &mut len);
    if st != Status::PAYSIGN_BUFFER_TOO_SMALL {
        assert_ne!(st, Status::PAYSIGN_OK, "OK into a zero-size buffer");
        return (st, None);
    }
    let mut buf = vec![0u8; len + 1];
    let mut n = 0usize;
    let st = run(buf.as_mut_ptr().cast(), buf.len(), &mut n);
    assert_eq!(st, Status::PAYSIGN_OK, "the size query said OK would follow");
    assert_eq!(n, len);
    assert_eq!(buf[n], 0, "not NUL-terminated");
    buf.truncate(n);
    (st, Some(String::from_utf8(buf).expect("C text is UTF-8")))
}

/// The status a Rust result maps to at the C ABI (an error must carry a message, never PANIC).
pub fn status_of<T>(r: &paysign::Result<T>) -> paysign::Status {
    match r {
        Ok(_) => paysign::Status::PAYSIGN_OK,
        Err(e) => {
            assert!(!e.message.is_empty(), "an error without a message");
            assert_ne!(e.status, paysign::Status::PAYSIGN_PANIC);
            e.status
        }
    }
}

/// The C status of a Rust verdict: Valid OK, Invalid (with a reason) BAD_SIGNATURE.
pub fn verdict_status(r: &paysign::Result<paysign::Verdict>) -> paysign::Status {
    match r {
        Ok(paysign::Verdict::Valid) => paysign::Status::PAYSIGN_OK,
        Ok(paysign::Verdict::Invalid(reason)) => {
            assert!(!reason.is_empty(), "an invalid verdict without a reason");
            paysign::Status::PAYSIGN_BAD_SIGNATURE
        }
        Err(_) => status_of(r),
    }
}
