//! The gateway's side of a merchant request (docs/specs/wechatpay-v3.md §1): the
//! `Authorization` header read back, and its signature checked with the merchant's API
//! certificate over `METHOD\nURL\nTIMESTAMP\nNONCE\nBODY\n`. What a test gateway
//! (`paysign simulate`) needs; a merchant never verifies its own requests.

use super::explain::{explain_body, Side, MAX_EXPLAINED};
use super::message;
use super::sign::{same_serial, serial_text, SCHEMA};
use super::verify::{check_window, VerifyOptions};
use crate::digest;
use crate::error::{Error, Result};
use crate::keys::Key;
use crate::profile::Hash;
use crate::signer::Verdict;

/// The members of an `Authorization: WECHATPAY2-SHA256-RSA2048 …` header, as sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Authorization {
    pub mchid: String,
    pub nonce_str: String,
    pub signature: String,
    pub timestamp: String,
    pub serial_no: String,
}

const MEMBERS: [&str; 5] = ["mchid", "nonce_str", "signature", "timestamp", "serial_no"];

impl Authorization {
    /// Reads `WECHATPAY2-SHA256-RSA2048 mchid="…",nonce_str="…",signature="…",timestamp="…",serial_no="…"`:
    /// members in any order (the docs say order does not matter), spaces after the commas
    /// allowed, other members ignored. Another scheme, an unquoted or repeated member:
    /// PAYSIGN_INVALID_FIELD / PAYSIGN_DUPLICATE_FIELD; a missing or empty one:
    /// PAYSIGN_MISSING_FIELD, each naming `Authorization.<member>`.
    pub fn parse(header: &str) -> Result<Authorization> {
        let header = header.trim();
        let rest = header
            .strip_prefix(SCHEMA)
            .filter(|r| r.starts_with(' '))
            .ok_or_else(|| {
                let scheme = header.split(' ').next().unwrap_or_default();
                Error::invalid_field(
                    "Authorization",
                    format!(
                        "scheme '{}' is not {SCHEMA} followed by a space",
                        scheme.chars().take(40).collect::<String>().escape_debug()
                    ),
                )
            })?;
        let mut found: [Option<&str>; 5] = [None; 5];
        let mut rest = rest.trim_start();
        while !rest.is_empty() {
            let (name, after) = rest
                .split_once('=')
                .ok_or_else(|| Error::invalid_field("Authorization", "a member without '=' (name=\"value\",…)"))?;
            let name = name.trim();
            let field = format!("Authorization.{}", name.escape_debug());
            let value_and_more = after
                .strip_prefix('"')
                .ok_or_else(|| Error::invalid_field(&field, "the value is not in double quotes"))?;
            let end = value_and_more
                .find('"')
                .ok_or_else(|| Error::invalid_field(&field, "the closing double quote is missing"))?;
            let value = &value_and_more[..end];
            let after_value = value_and_more[end + 1..].trim_start();
            rest = match after_value.strip_prefix(',') {
                Some(r) => r.trim_start(),
                None if after_value.is_empty() => after_value,
                None => return Err(Error::invalid_field(&field, "not followed by a comma")),
            };
            if let Some(i) = MEMBERS.iter().position(|m| *m == name) {
                if found[i].is_some() {
                    return Err(Error::duplicate_field(&field));
                }
                found[i] = Some(value);
            }
        }
        let get = |i: usize| -> Result<String> {
            found[i]
                .filter(|v| !v.is_empty())
                .map(str::to_string)
                .ok_or_else(|| Error::missing_field(&format!("Authorization.{}", MEMBERS[i])))
        };
        Ok(Authorization {
            mchid: get(0)?,
            nonce_str: get(1)?,
            signature: get(2)?,
            timestamp: get(3)?,
            serial_no: get(4)?,
        })
    }
}

/// Checks a merchant request: the timestamp within the window (else
/// PAYSIGN_STALE_TIMESTAMP), `serial_no` the serial of the merchant certificate given (else
/// PAYSIGN_KEY_MISMATCH; with a bare public key the caller compares the serial), then the
/// signature over `METHOD\nURL\nTIMESTAMP\nNONCE\nBODY\n`, `url` being the path and query as
/// received. `Invalid` says why, naming a usual mistake when one explains the failure.
pub fn verify_request(
    auth: &Authorization,
    method: &str,
    url: &str,
    body: &[u8],
    key: &Key,
    o: &VerifyOptions,
) -> Result<Verdict> {
    let body = message::received(body)?;
    let sent: u64 = message::stamp(&auth.timestamp)
        .ok()
        .and_then(|t| t.parse().ok())
        .ok_or_else(|| Error::invalid_field("Authorization.timestamp", "not Unix seconds in decimal"))?;
    check_window("Authorization.timestamp", sent, o)?;
    if key.is_secret() || matches!(key, Key::RsaPrivate { .. }) {
        return Err(Error::key_mismatch(
            "a v3 request is checked with the merchant API certificate (apiclient_cert.pem) or its public key",
        ));
    }
    if let Some(c) = key.cert() {
        if !same_serial(&auth.serial_no, &c.serial_hex) {
            return Err(Error::key_mismatch(format!(
                "Authorization serial_no '{}' is not the serial of the merchant API certificate given ({})",
                auth.serial_no.chars().take(64).collect::<String>().escape_debug(),
                serial_text(&c.serial_hex)
            )));
        }
    }
    let sig = digest::unbase64_lenient(&auth.signature, "Authorization.signature")?;
    let (ts, nonce) = (auth.timestamp.as_str(), auth.nonce_str.as_str());
    let build = |b: &[u8]| message::request(method, url, ts, nonce, b);
    let msg = build(body).map_err(|e| Error::invalid_field("Authorization", e.message))?;
    let holds = |m: &[u8]| digest::rsa_verify_key(key, Hash::Sha256, m, &sig);
    if holds(&msg) {
        return Ok(Verdict::Valid);
    }
    let why = "signature in Authorization does not match METHOD\\nURL\\nTIMESTAMP\\nNONCE\\nBODY\\n";
    let cause = request_mistake(method, url, ts, nonce, body, &holds)
        .or_else(|| explain_body(key, &sig, body, Side::Request, &|b| build(b).ok()));
    Ok(Verdict::Invalid(match cause {
        Some(cause) => format!("{why}; {cause}"),
        None => format!(
            "{why} (sign the exact method, path with query, and body bytes sent, with the key of the certificate serial_no names)"
        ),
    }))
}

/// The mistakes only a request can make: the URL with scheme and host, the URL without its
/// query, the body left out of the message.
fn request_mistake(
    method: &str,
    url: &str,
    ts: &str,
    nonce: &str,
    body: &[u8],
    holds: &dyn Fn(&[u8]) -> bool,
) -> Option<&'static str> {
    if body.len() > MAX_EXPLAINED {
        return None;
    }
    let raw =
        |u: &str, b: &[u8]| message::lines(&[method.as_bytes(), u.as_bytes(), ts.as_bytes(), nonce.as_bytes(), b]);
    let with_host = |host: &str| Some(raw(&format!("{host}{url}"), body));
    let guesses: [(Option<Vec<u8>>, &'static str); 4] = [
        (
            with_host("https://api.mch.weixin.qq.com"),
            "it verifies with https://api.mch.weixin.qq.com before the path: the URL signed is the path and query only, without scheme and host",
        ),
        (
            with_host("https://api2.mch.weixin.qq.com"),
            "it verifies with https://api2.mch.weixin.qq.com before the path: the URL signed is the path and query only, without scheme and host",
        ),
        (
            url.split_once('?').map(|(path, _)| raw(path, body)),
            "it verifies over the path without its ?query: the query string is part of the URL signed",
        ),
        (
            Some(raw(url, b"")).filter(|_| !body.is_empty()),
            "it verifies with an empty body: the request was signed before its body was set (sign the exact bytes sent)",
        ),
    ];
    guesses
        .into_iter()
        .find_map(|(m, why)| m.filter(|m| holds(m)).map(|_| why))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_reads_members_in_any_order() {
        let a = Authorization::parse(
            "WECHATPAY2-SHA256-RSA2048 mchid=\"1900009191\", serial_no=\"5F1C\",timestamp=\"1554208460\",nonce_str=\"N\",signature=\"S==\",extra=\"x\"",
        )
        .unwrap();
        assert_eq!(
            (
                a.mchid.as_str(),
                a.nonce_str.as_str(),
                a.signature.as_str(),
                a.timestamp.as_str(),
                a.serial_no.as_str()
            ),
            ("1900009191", "N", "S==", "1554208460", "5F1C")
        );
    }

    #[test]
    fn parse_names_what_is_wrong() {
        let all = "mchid=\"1\",nonce_str=\"N\",signature=\"S\",timestamp=\"1\",serial_no=\"A\"";
        let e = |h: &str| Authorization::parse(h).unwrap_err();
        assert!(e(&format!("Bearer {all}")).message.contains("scheme 'Bearer'"));
        assert!(e(&format!("{SCHEMA}{all}")).message.contains("followed by a space"));
        let missing = e(&format!(
            "{SCHEMA} mchid=\"1\",nonce_str=\"N\",signature=\"S\",timestamp=\"1\""
        ));
        assert_eq!(missing.status, crate::Status::PAYSIGN_MISSING_FIELD);
        assert!(
            missing.message.contains("Authorization.serial_no"),
            "{}",
            missing.message
        );
        let empty = e(&format!("{SCHEMA} {}", all.replace("mchid=\"1\"", "mchid=\"\"")));
        assert!(empty.message.contains("Authorization.mchid"), "{}", empty.message);
        assert!(e(&format!("{SCHEMA} mchid=1,{all}"))
            .message
            .contains("Authorization.mchid': the value is not in double quotes"));
        assert!(e(&format!("{SCHEMA} {all},mchid=\"2\""))
            .message
            .contains("more than once"));
        assert!(e(&format!("{SCHEMA} mchid=\"1"))
            .message
            .contains("closing double quote"));
        assert!(e(&format!("{SCHEMA} mchid=\"1\" x"))
            .message
            .contains("not followed by a comma"));
        assert!(e(&format!("{SCHEMA} garbage")).message.contains("without '='"));
    }
}
