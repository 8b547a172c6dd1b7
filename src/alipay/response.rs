//! Synchronous OpenAPI responses: the `sign` covers the exact text of the
//! `<method>_response` (or `error_response`) value in the body (docs/specs/alipay-cert.md §2).

use crate::charset::Charset;
use crate::digest;
use crate::error::{Error, Result};
use crate::keys::Key;
use crate::profile::Hash;
use crate::signer::Verdict;

use super::json_span;

/// What a response body holds for its signature.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Response {
    /// `alipay_trade_query_response` or `error_response`.
    pub node: String,
    /// The signed text: the node's value exactly as in the body.
    pub signed: String,
    /// The `sign` value (base64).
    pub sign: String,
    /// `alipay_cert_sn`, when present (certificate mode).
    pub cert_sn: Option<String>,
    /// The value is a JSON string: AES ciphertext (`encrypt_type=AES`).
    pub encrypted: bool,
}

impl Response {
    /// The base64 AES ciphertext of an encrypted response (the signed text without its quotes).
    pub fn ciphertext(&self) -> Option<String> {
        if !self.encrypted {
            return None;
        }
        serde_json::from_str::<String>(&self.signed).ok()
    }
}

/// The node name for an OpenAPI method: `alipay.trade.query` gives `alipay_trade_query_response`;
/// a name already ending in `_response` is used as given.
pub fn node_name(method: &str) -> String {
    if method.ends_with("_response") {
        method.to_string()
    } else {
        format!("{}_response", method.replace('.', "_"))
    }
}

/// Finds the signed node, `sign` and `alipay_cert_sn` in a response body of `charset`.
pub fn parse_response(body: &[u8], method: &str, charset: Charset) -> Result<Response> {
    if method.trim().is_empty() {
        return Err(Error::invalid_argument("method is empty (e.g. alipay.trade.query)"));
    }
    if body.len() > crate::params::MAX_BODY {
        return Err(Error::malformed(format!(
            "response body is {} bytes, over the {} byte limit",
            body.len(),
            crate::params::MAX_BODY
        )));
    }
    let text = charset.decode(body, "response body")?;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
    let members = json_span::members(text)?;
    let wanted = node_name(method);
    let one = |name: &str| -> Result<Option<&json_span::Member<'_>>> {
        let mut found = members.iter().filter(|m| m.key == name);
        let first = found.next();
        if found.next().is_some() {
            return Err(Error::duplicate_field(name));
        }
        Ok(first)
    };
    let node = match one(&wanted)? {
        Some(m) => m,
        None => one("error_response")?.ok_or_else(|| {
            Error::malformed(format!(
                "response has neither '{wanted}' nor 'error_response' (wrong method?)"
            ))
        })?,
    };
    let string_of = |m: &json_span::Member<'_>, name: &str| -> Result<String> {
        serde_json::from_str::<String>(m.raw).map_err(|_| Error::invalid_field(name, "is not a JSON string"))
    };
    let sign = match one("sign")? {
        Some(m) => string_of(m, "sign")?,
        None => String::new(),
    };
    if sign.is_empty() {
        return Err(Error::missing_field("sign"));
    }
    let cert_sn = match one("alipay_cert_sn")? {
        Some(m) => Some(string_of(m, "alipay_cert_sn")?),
        None => None,
    };
    let encrypted = node.raw.starts_with('"');
    if !encrypted && !node.raw.starts_with('{') {
        return Err(Error::invalid_field(
            &node.key,
            "is neither an object nor an encrypted string",
        ));
    }
    Ok(Response {
        node: node.key.clone(),
        signed: node.raw.to_string(),
        sign,
        cert_sn,
        encrypted,
    })
}

/// Verifies a synchronous response with the Alipay public key or public-key certificate.
/// `sign_type` is the app's configured type: `RSA2` (SHA256withRSA, the default) or `RSA`.
/// A certificate key must be the one `alipay_cert_sn` names.
pub fn verify_response(
    body: &[u8],
    method: &str,
    key: &Key,
    sign_type: Option<&str>,
    charset: Charset,
) -> Result<(Verdict, Response)> {
    let hash = match sign_type.map(str::trim) {
        None | Some("") | Some("RSA2") => Hash::Sha256,
        Some("RSA") => Hash::Sha1,
        Some(other) => {
            return Err(Error::invalid_argument(format!(
                "sign_type '{}' is not RSA2 or RSA",
                crate::charset::printable(other)
            )))
        }
    };
    if key.is_secret() {
        return Err(Error::key_mismatch(
            "Alipay responses are RSA-signed: give the Alipay public key or certificate, not a secret",
        ));
    }
    let resp = parse_response(body, method, charset)?;
    if let (Some(info), Some(named)) = (key.cert(), resp.cert_sn.as_deref()) {
        let have = super::cert::cert_info_sn(info);
        if have != named {
            return Err(Error::key_mismatch(format!(
                "response names alipay_cert_sn {} but the certificate given has SN {have} \
                 (a newer Alipay certificate, or not the Alipay public-key certificate)",
                crate::charset::printable(named)
            )));
        }
    }
    let sig = digest::unbase64_lenient(&resp.sign, "sign")?;
    let bytes = charset.encode(&resp.signed, "response node")?;
    if digest::rsa_verify_key(key, hash, &bytes, &sig) {
        return Ok((Verdict::Valid, resp));
    }
    // The official SDKs retry once with `\/` unescaped (docs/specs/alipay-cert.md §2).
    if resp.signed.contains("\\/") {
        let alt = resp.signed.replace("\\/", "/");
        let bytes = charset.encode(&alt, "response node")?;
        if digest::rsa_verify_key(key, hash, &bytes, &sig) {
            return Ok((Verdict::Valid, resp));
        }
    }
    let why = format!(
        "sign does not match the text of '{}' ({} bytes) with {}",
        resp.node,
        resp.signed.len(),
        if hash == Hash::Sha256 {
            "SHA256withRSA (RSA2)"
        } else {
            "SHA1withRSA (RSA)"
        }
    );
    Ok((Verdict::Invalid(why), resp))
}
