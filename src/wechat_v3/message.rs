//! The v3 sign strings (docs/specs/wechatpay-v3.md §1, §2, §4): fields joined by `\n`, each
//! line ended by `\n`, the last one too.

use crate::error::{Error, Result};

/// `METHOD\nURL\nTIMESTAMP\nNONCE\nBODY\n`, the message a merchant request signs.
pub fn request(method: &str, url: &str, timestamp: &str, nonce: &str, body: &[u8]) -> Result<Vec<u8>> {
    if method.is_empty() || !method.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(Error::invalid_argument(format!(
            "method '{}' must be the HTTP method in upper case (GET, POST, ...)",
            method.escape_debug()
        )));
    }
    let url = field("url", url)?;
    if !url.starts_with('/') {
        return Err(Error::invalid_argument(
            "url must be the absolute path with its query, without scheme and host (/v3/pay/transactions/jsapi)",
        ));
    }
    Ok(lines(&[
        method.as_bytes(),
        url.as_bytes(),
        stamp(timestamp)?.as_bytes(),
        field("nonce", nonce)?.as_bytes(),
        body,
    ]))
}

/// `TIMESTAMP\nNONCE\nBODY\n`, the message WeChat Pay signs on responses and notifications.
pub fn response(timestamp: &str, nonce: &str, body: &[u8]) -> Result<Vec<u8>> {
    Ok(lines(&[
        stamp(timestamp)?.as_bytes(),
        field("nonce", nonce)?.as_bytes(),
        body,
    ]))
}

/// The client that invokes the payment, whose `paySign` / `sign` is made in the backend.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Client {
    /// JSAPI and mini program: `appId\ntimeStamp\nnonceStr\npackage\n`, `package` = `prepay_id=…`.
    Jsapi,
    /// APP `PayReq`: `appid\ntimestamp\nnoncestr\nprepayid\n`, the bare prepay_id.
    App,
}

impl Client {
    /// `"jsapi"` (also for mini programs) or `"app"`.
    pub fn from_name(name: &str) -> Result<Client> {
        match name {
            "jsapi" => Ok(Client::Jsapi),
            "app" => Ok(Client::App),
            _ => Err(Error::invalid_argument(format!(
                "client '{}' is not jsapi (also mini program) or app",
                name.escape_debug()
            ))),
        }
    }

    /// The field names of its message, in order, as that client's documentation spells them.
    fn fields(self) -> [&'static str; 4] {
        match self {
            Client::Jsapi => ["appId", "timeStamp", "nonceStr", "package"],
            Client::App => ["appid", "timestamp", "noncestr", "prepayid"],
        }
    }
}

/// The client's sign string over app id, timestamp, nonce and `package` (JSAPI) or
/// `prepayid` (APP).
pub fn client(kind: Client, app_id: &str, timestamp: &str, nonce: &str, prepay: &str) -> Result<Vec<u8>> {
    let [f_app, f_ts, f_nonce, f_prepay] = kind.fields();
    stamp(timestamp).map_err(|e| Error::invalid_argument(format!("{f_ts}: {}", e.message)))?;
    Ok(lines(&[
        field(f_app, app_id)?.as_bytes(),
        timestamp.as_bytes(),
        field(f_nonce, nonce)?.as_bytes(),
        field(f_prepay, prepay)?.as_bytes(),
    ]))
}

/// A received body (response or notification), within the limit every body parser keeps.
pub(crate) fn received(body: &[u8]) -> Result<&[u8]> {
    if body.len() > crate::params::MAX_BODY {
        return Err(Error::malformed(format!(
            "body is {} bytes, over the {}-byte limit",
            body.len(),
            crate::params::MAX_BODY
        )));
    }
    Ok(body)
}

pub(crate) fn lines(parts: &[&[u8]]) -> Vec<u8> {
    let mut out = Vec::with_capacity(parts.iter().map(|p| p.len() + 1).sum());
    for p in parts {
        out.extend_from_slice(p);
        out.push(b'\n');
    }
    out
}

/// One line of a message (or a quoted header value): not empty, no `\n` (it would shift the
/// lines) and no `"` (it would end the header's quoting).
pub(crate) fn field<'a>(name: &str, value: &'a str) -> Result<&'a str> {
    if value.is_empty() {
        return Err(Error::invalid_argument(format!("{name} is empty")));
    }
    if value.contains(['\n', '"']) {
        return Err(Error::invalid_argument(format!(
            "{name} holds a line feed or a double quote"
        )));
    }
    Ok(value)
}

/// Unix seconds in decimal, as every v3 timestamp is.
pub(crate) fn stamp(value: &str) -> Result<&str> {
    if value.is_empty() || value.len() > 19 || !value.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Error::invalid_argument(format!(
            "timestamp '{}' is not Unix seconds in decimal",
            value.escape_debug()
        )));
    }
    Ok(value)
}
