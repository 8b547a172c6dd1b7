//! WeChat Pay API v3 (docs/specs/wechatpay-v3.md): argument checks, then `crate::wechat_v3`.
//! Headers come in as C strings, bodies as raw bytes exactly as sent or received.

use super::keys::paysign_key;
use super::*;
use crate::wechat_v3::{self, Client, Headers, Request, VerifyOptions};

/// The `Authorization` header value of a request:
/// `WECHATPAY2-SHA256-RSA2048 mchid="…",nonce_str="…",signature="…",timestamp="…",serial_no="…"`.
/// `method` upper case; `url` the absolute path with its query (`/v3/pay/transactions/jsapi`);
/// `body`/`len` the exact body (NULL, 0 for GET). `timestamp` NULL: now; `nonce` NULL: 32
/// random hex digits (the text's length is the same on every call, so a size query works).
/// `key`: the merchant API certificate's private key. `serial_no` NULL: the serial of the
/// certificate loaded with the key (a .p12 file); given, it must agree with that certificate.
#[no_mangle]
pub unsafe extern "C" fn paysign_wechat_v3_authorization(
    method: *const c_char,
    url: *const c_char,
    timestamp: *const c_char,
    nonce: *const c_char,
    body: *const u8,
    len: usize,
    mchid: *const c_char,
    serial_no: *const c_char,
    key: *const paysign_key,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> paysign_status {
    guard(|| {
        let req = Request {
            method: text(method, "method")?,
            url: text(url, "url")?,
            timestamp: opt_text(timestamp, "timestamp")?,
            nonce: opt_text(nonce, "nonce")?,
            body: bytes(body, len, "body")?,
        };
        let mchid = text(mchid, "mchid")?;
        let serial_no = opt_text(serial_no, "serial_no")?;
        let key = &handle(key, "key")?.inner;
        let header = wechat_v3::authorization(key, mchid, serial_no, &req)?;
        write_text(&header, buf, cap, out_len)
    })
}

/// Verifies a response or notification: the four `Wechatpay-Timestamp`, `-Nonce`,
/// `-Signature`, `-Serial` header values and the raw body. `key`: the platform certificate
/// the serial names, or the WeChat Pay public key for a `PUB_KEY_ID_…` serial (else
/// PAYSIGN_KEY_MISMATCH). `options` may be NULL; known: `window` (seconds, default 300, 0
/// off), `now` (Unix seconds, for tests), `key_id` (pins the public key's id). A timestamp
/// outside the window: PAYSIGN_STALE_TIMESTAMP. PAYSIGN_OK when valid, PAYSIGN_BAD_SIGNATURE
/// when not.
#[no_mangle]
pub unsafe extern "C" fn paysign_wechat_v3_verify(
    timestamp: *const c_char,
    nonce: *const c_char,
    signature: *const c_char,
    serial: *const c_char,
    body: *const u8,
    len: usize,
    key: *const paysign_key,
    options: *const c_char,
) -> paysign_status {
    guard(|| {
        let h = Headers {
            timestamp: text(timestamp, "timestamp")?,
            nonce: text(nonce, "nonce")?,
            signature: text(signature, "signature")?,
            serial: text(serial, "serial")?,
        };
        let body = bytes(body, len, "body")?;
        let key = &handle(key, "key")?.inner;
        let o = VerifyOptions::parse(opt_text(options, "options")?.unwrap_or(""))?;
        verdict(wechat_v3::verify(&h, body, key, &o)?)
    })
}

/// The plaintext JSON of a notification body's `resource` (AEAD_AES_256_GCM with the 32-byte
/// APIv3 key). Verify the body first. Wrong key, altered or cut ciphertext:
/// PAYSIGN_DECRYPT_ERROR.
#[no_mangle]
pub unsafe extern "C" fn paysign_wechat_v3_decrypt(
    body: *const u8,
    len: usize,
    apiv3_key: *const u8,
    key_len: usize,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> paysign_status {
    body_and_key_text(body, len, apiv3_key, key_len, buf, cap, out_len, |b, k| {
        wechat_v3::decrypt_resource(b, k).map(zeroize::Zeroizing::new)
    })
}

/// The platform certificates of a `GET /v3/certificates` response body (raw bytes as
/// received), each `encrypt_certificate` decrypted with the 32-byte APIv3 key. Verify the
/// response first with paysign_wechat_v3_verify (its Wechatpay-* headers, the same body, a
/// platform certificate you already trust or the WeChat Pay public key); this call does not.
/// Output: a JSON array, in the response's order, of
/// `{"serial_no":"…","effective_time":"…","expire_time":"…","pem":"-----BEGIN CERTIFICATE-----…"}`.
/// Each PEM must be an X.509 certificate whose serial is the entry's `serial_no` (else
/// PAYSIGN_KEY_ERROR / PAYSIGN_KEY_MISMATCH); every error names its entry, `data[i] (serial_no …)`.
/// Errors as paysign_wechat_v3_decrypt; no or empty `data`: PAYSIGN_MISSING_FIELD.
#[no_mangle]
pub unsafe extern "C" fn paysign_wechat_v3_certificates(
    body: *const u8,
    len: usize,
    apiv3_key: *const u8,
    key_len: usize,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> paysign_status {
    body_and_key_text(body, len, apiv3_key, key_len, buf, cap, out_len, |b, k| {
        wechat_v3::download_certificates_json(b, k)
    })
}

/// The calls of (body as received, APIv3 key) that hand back text: argument checks, `f`, the
/// buffer rules.
#[allow(clippy::too_many_arguments)]
unsafe fn body_and_key_text<T: AsRef<str>>(
    body: *const u8,
    len: usize,
    apiv3_key: *const u8,
    key_len: usize,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
    f: impl FnOnce(&[u8], &[u8]) -> crate::error::Result<T>,
) -> paysign_status {
    guard(|| {
        let body = bytes(body, len, "body")?;
        let k = bytes(apiv3_key, key_len, "apiv3_key")?;
        let text = f(body, k)?;
        write_text(text.as_ref(), buf, cap, out_len)
    })
}

/// The client-side signature. `kind` `"jsapi"` (also mini program): `paySign` over
/// `appId\ntimeStamp\nnonceStr\npackage\n`, `prepay` = `prepay_id=…`; `"app"`: the APP
/// `PayReq` `sign` over `appid\ntimestamp\nnoncestr\nprepayid\n`, `prepay` = the bare
/// prepay_id. `key`: the merchant API certificate's private key.
#[no_mangle]
pub unsafe extern "C" fn paysign_wechat_v3_client_sign(
    kind: *const c_char,
    app_id: *const c_char,
    timestamp: *const c_char,
    nonce: *const c_char,
    prepay: *const c_char,
    key: *const paysign_key,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> paysign_status {
    guard(|| {
        let sig = wechat_v3::client_sign(
            &handle(key, "key")?.inner,
            Client::from_name(text(kind, "kind")?)?,
            text(app_id, "app_id")?,
            text(timestamp, "timestamp")?,
            text(nonce, "nonce")?,
            text(prepay, "prepay")?,
        )?;
        write_text(&sig, buf, cap, out_len)
    })
}
