//! Signing with the merchant API certificate key: the `Authorization` header of a request and
//! the client `paySign` (docs/specs/wechatpay-v3.md §1, §4). SHA256withRSA, base64.

use std::time::{SystemTime, UNIX_EPOCH};

use super::message::{self, Client};
use crate::digest;
use crate::error::{Error, Result};
use crate::keys::Key;
use crate::profile::Hash;

/// The `Authorization` scheme name.
pub const SCHEMA: &str = "WECHATPAY2-SHA256-RSA2048";

/// One request as it goes on the wire. `timestamp` and `nonce` None: now, and 32 random
/// upper-case hex digits.
#[derive(Clone, Copy, Debug)]
pub struct Request<'a> {
    pub method: &'a str,
    /// Absolute path plus `?query`, exactly as sent.
    pub url: &'a str,
    pub timestamp: Option<&'a str>,
    pub nonce: Option<&'a str>,
    /// The exact body bytes; empty for GET.
    pub body: &'a [u8],
}

/// The `Authorization` header value:
/// `WECHATPAY2-SHA256-RSA2048 mchid="…",nonce_str="…",signature="…",timestamp="…",serial_no="…"`.
/// `serial_no` None takes the serial of the certificate loaded with the key (a .p12 file, or
/// a PEM bundle of key and certificate); given, it must agree with that certificate.
pub fn authorization(key: &Key, mchid: &str, serial_no: Option<&str>, req: &Request<'_>) -> Result<String> {
    let mchid = message::field("mchid", mchid)?;
    let serial = serial_for(key, serial_no)?;
    let timestamp = match req.timestamp {
        Some(t) => t.to_string(),
        None => now()?.to_string(),
    };
    let nonce = match req.nonce {
        Some(n) => n.to_string(),
        None => fresh_nonce()?,
    };
    let msg = message::request(req.method, req.url, &timestamp, &nonce, req.body)?;
    let signature = sign(key, &msg)?;
    Ok(format!(
        "{SCHEMA} mchid=\"{mchid}\",nonce_str=\"{nonce}\",signature=\"{signature}\",timestamp=\"{timestamp}\",serial_no=\"{serial}\""
    ))
}

/// `paySign` for `WeixinJSBridge.invoke('getBrandWCPayRequest')` and `wx.requestPayment`
/// (`signType` `RSA`, `prepay` = `prepay_id=…`), or `sign` of the APP `PayReq` (`prepay` = the
/// bare prepay_id).
pub fn client_sign(
    key: &Key,
    kind: Client,
    app_id: &str,
    timestamp: &str,
    nonce: &str,
    prepay: &str,
) -> Result<String> {
    sign(key, &message::client(kind, app_id, timestamp, nonce, prepay)?)
}

/// SHA256withRSA of `msg` with the merchant's private key, base64.
pub fn sign(key: &Key, msg: &[u8]) -> Result<String> {
    if !matches!(key, Key::RsaPrivate { .. }) {
        return Err(Error::key_mismatch(
            "WeChat Pay v3 signs with the merchant API certificate's RSA private key (apiclient_key.pem or apiclient_cert.p12)",
        ));
    }
    Ok(digest::base64(&digest::rsa_sign_key(key, Hash::Sha256, msg)?))
}

/// A certificate serial as WeChat Pay writes it: upper-case hex.
pub(crate) fn serial_text(serial_hex: &str) -> String {
    serial_hex.to_ascii_uppercase()
}

/// True when two serials name the same number (case and leading zero bytes ignored).
pub(crate) fn same_serial(a: &str, b: &str) -> bool {
    let norm = |s: &str| s.trim_start_matches('0').to_ascii_uppercase();
    norm(a) == norm(b)
}

fn serial_for(key: &Key, given: Option<&str>) -> Result<String> {
    let own = key.cert().map(|c| serial_text(&c.serial_hex));
    match (given, own) {
        (Some(g), Some(own)) if !same_serial(g, &own) => Err(Error::key_mismatch(format!(
            "serial_no '{}' is not the serial of the certificate loaded with the key ({own})",
            g.escape_debug()
        ))),
        (Some(g), _) => Ok(message::field("serial_no", g)?.to_string()),
        (None, Some(own)) => Ok(own),
        (None, None) => Err(Error::invalid_argument(
            "serial_no is needed: the key was loaded without its certificate",
        )),
    }
}

fn now() -> Result<u64> {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .map_err(|_| Error::invalid_argument("the system clock is before 1970"))
}

/// 32 random uppercase hex digits from the system RNG: a nonce for a v3 header, and for
/// anything else that wants one (the simulator's v2 `nonce_str`).
pub fn fresh_nonce() -> Result<String> {
    let mut b = [0u8; 16];
    getrandom::fill(&mut b).map_err(|e| Error::unsupported(format!("no random source for the nonce: {e}")))?;
    Ok(digest::hex(&b, crate::profile::Case::Upper))
}
