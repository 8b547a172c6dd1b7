//! Responses and notifications: the `Wechatpay-*` headers over the raw body, with a replay
//! window (docs/specs/wechatpay-v3.md §2).

use std::time::{SystemTime, UNIX_EPOCH};

use super::explain::explain;
use super::message;
use super::sign::{same_serial, serial_text};
use crate::digest;
use crate::error::{Error, Result, Status};
use crate::keys::Key;
use crate::profile::Hash;
use crate::signer::Verdict;

/// What the WeChat Pay public key's ids start with (微信支付公钥 mode).
pub const PUBLIC_KEY_ID_PREFIX: &str = "PUB_KEY_ID_";
/// The start of the probe signatures WeChat Pay sends to see that merchants verify.
pub const SIGNATURE_PROBE: &str = "WECHATPAY/SIGNTEST/";
/// The docs' advice: refuse a timestamp more than 5 minutes from the merchant's clock.
pub const DEFAULT_WINDOW: u64 = 300;

/// The four headers, as received.
#[derive(Clone, Copy, Debug)]
pub struct Headers<'a> {
    /// `Wechatpay-Timestamp`
    pub timestamp: &'a str,
    /// `Wechatpay-Nonce`
    pub nonce: &'a str,
    /// `Wechatpay-Signature`
    pub signature: &'a str,
    /// `Wechatpay-Serial`
    pub serial: &'a str,
}

/// `window=SECONDS` (0: no check), `now=UNIX` (tests), `key_id=PUB_KEY_ID_…` (the id of the
/// WeChat Pay public key given as the key).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifyOptions {
    pub window: u64,
    pub now: Option<u64>,
    pub key_id: Option<String>,
}

impl Default for VerifyOptions {
    fn default() -> Self {
        VerifyOptions {
            window: DEFAULT_WINDOW,
            now: None,
            key_id: None,
        }
    }
}

impl VerifyOptions {
    /// Parses `window=300&now=1700000000&key_id=PUB_KEY_ID_…`; empty gives the defaults.
    pub fn parse(text: &str) -> Result<VerifyOptions> {
        let mut o = VerifyOptions::default();
        for part in text.split('&').filter(|p| !p.is_empty()) {
            let (name, value) = part.split_once('=').unwrap_or((part, ""));
            match name {
                "window" => o.window = seconds(name, value)?,
                "now" => o.now = Some(seconds(name, value)?),
                "key_id" if value.starts_with(PUBLIC_KEY_ID_PREFIX) => o.key_id = Some(value.to_string()),
                "key_id" => {
                    return Err(Error::invalid_argument(format!(
                        "option key_id='{}' does not start with {PUBLIC_KEY_ID_PREFIX}",
                        value.escape_debug()
                    )))
                }
                _ => {
                    return Err(Error::invalid_argument(format!(
                        "unknown option '{}' (known: window, now, key_id)",
                        name.escape_debug()
                    )))
                }
            }
        }
        Ok(o)
    }
}

fn seconds(name: &str, value: &str) -> Result<u64> {
    value
        .parse::<u64>()
        .ok()
        .filter(|_| value.bytes().all(|b| b.is_ascii_digit()))
        .ok_or_else(|| Error::invalid_argument(format!("option {name} must be whole seconds")))
}

/// Checks a response or notification: the timestamp within the window (else
/// PAYSIGN_STALE_TIMESTAMP), the key the serial names (else PAYSIGN_KEY_MISMATCH), then the
/// signature over `TIMESTAMP\nNONCE\nBODY\n`. `Invalid` says why a signature failed.
pub fn verify(h: &Headers<'_>, body: &[u8], key: &Key, o: &VerifyOptions) -> Result<Verdict> {
    let body = message::received(body)?;
    let timestamp = required("Wechatpay-Timestamp", h.timestamp)?;
    let nonce = required("Wechatpay-Nonce", h.nonce)?;
    let signature = required("Wechatpay-Signature", h.signature)?;
    let serial = required("Wechatpay-Serial", h.serial)?;
    let sent: u64 = message::stamp(timestamp)
        .ok()
        .and_then(|t| t.parse().ok())
        .ok_or_else(|| Error::invalid_field("Wechatpay-Timestamp", "not Unix seconds in decimal"))?;
    check_window("Wechatpay-Timestamp", sent, o)?;
    check_serial(key, serial, o.key_id.as_deref())?;
    if signature.starts_with(SIGNATURE_PROBE) {
        return Ok(Verdict::Invalid(
            "Wechatpay-Signature is a WeChat Pay signature probe (WECHATPAY/SIGNTEST/), which must fail".into(),
        ));
    }
    let sig = digest::unbase64_lenient(signature, "Wechatpay-Signature")?;
    let msg =
        message::response(timestamp, nonce, body).map_err(|e| Error::invalid_field("Wechatpay-Nonce", e.message))?;
    if digest::rsa_verify_key(key, Hash::Sha256, &msg, &sig) {
        return Ok(Verdict::Valid);
    }
    let why = "Wechatpay-Signature does not match TIMESTAMP\\nNONCE\\nBODY\\n";
    Ok(Verdict::Invalid(match explain(key, timestamp, nonce, body, &sig) {
        Some(cause) => format!("{why}; {cause}"),
        None => format!("{why} (verify the body exactly as received, with the certificate the serial names)"),
    }))
}

fn required<'a>(name: &str, v: &'a str) -> Result<&'a str> {
    if v.is_empty() {
        Err(Error::missing_field(name))
    } else {
        Ok(v)
    }
}

/// `field`'s time `sent` within `o.window` of now (else PAYSIGN_STALE_TIMESTAMP naming it).
pub(super) fn check_window(field: &str, sent: u64, o: &VerifyOptions) -> Result<()> {
    if o.window == 0 {
        return Ok(());
    }
    let now = match o.now {
        Some(n) => n,
        None => SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0),
    };
    let off = now.abs_diff(sent);
    if off > o.window {
        return Err(Error::new(
            Status::PAYSIGN_STALE_TIMESTAMP,
            format!(
                "{field} {sent} is {off} s from now ({now}); the window is {} s",
                o.window
            ),
        ));
    }
    Ok(())
}

fn check_serial(key: &Key, serial: &str, key_id: Option<&str>) -> Result<()> {
    if key.is_secret() {
        return Err(Error::key_mismatch(
            "WeChat Pay v3 responses are verified with the platform certificate or the WeChat Pay public key, not a secret",
        ));
    }
    let serial_shown = serial.escape_debug();
    let is_key_id = serial.starts_with(PUBLIC_KEY_ID_PREFIX);
    match key.cert() {
        Some(c) if is_key_id => Err(Error::key_mismatch(format!(
            "Wechatpay-Serial '{serial_shown}' names a WeChat Pay public key; the key given is platform certificate {}",
            serial_text(&c.serial_hex)
        ))),
        Some(c) if !same_serial(serial, &c.serial_hex) => Err(Error::key_mismatch(format!(
            "Wechatpay-Serial '{serial_shown}' is not the serial of the platform certificate given ({})",
            serial_text(&c.serial_hex)
        ))),
        Some(_) => Ok(()),
        None if !is_key_id => Err(Error::key_mismatch(format!(
            "Wechatpay-Serial '{serial_shown}' names a platform certificate; the key given is a bare public key (load the certificate, or the public key for a {PUBLIC_KEY_ID_PREFIX} serial)"
        ))),
        None => match key_id {
            Some(id) if id != serial => Err(Error::key_mismatch(format!(
                "Wechatpay-Serial '{serial_shown}' is not the public key id given ({id})"
            ))),
            _ => Ok(()),
        },
    }
}
