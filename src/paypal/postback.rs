//! The validation body: `cmd=_notify-validate&` + the received raw body bytes unchanged.
//! Re-encoding (`+` vs `%20`, hex case, field order) makes PayPal answer INVALID, so the body
//! is checked, never rebuilt.

use crate::error::{Error, Result};

/// Live postback URL (PayPal's ipn-code-samples `VERIFY_URI`).
pub const LIVE_URL: &str = "https://ipnpb.paypal.com/cgi-bin/webscr";
/// Sandbox postback URL (`SANDBOX_VERIFY_URI`).
pub const SANDBOX_URL: &str = "https://ipnpb.sandbox.paypal.com/cgi-bin/webscr";

const CMD: &[u8] = b"cmd=_notify-validate";

/// The exact postback body for a raw notification body. PAYSIGN_MALFORMED_INPUT when the body
/// is not `application/x-www-form-urlencoded` (empty, a byte outside printable ASCII, a pair
/// without `=`, a bad `%XX`), PAYSIGN_INVALID_FIELD `cmd` when it already holds
/// `cmd=_notify-validate` (a body prepared once already).
pub fn postback(raw: &[u8]) -> Result<Vec<u8>> {
    check_form(raw)?;
    let mut out = Vec::with_capacity(CMD.len() + 1 + raw.len());
    out.extend_from_slice(CMD);
    out.push(b'&');
    out.extend_from_slice(raw);
    Ok(out)
}

/// Each `&`-separated pair is `name=value` over printable ASCII with valid escapes.
fn check_form(raw: &[u8]) -> Result<()> {
    if raw.is_empty() {
        return Err(Error::malformed("the IPN body is empty"));
    }
    let mut at = 0;
    for pair in raw.split(|&b| b == b'&') {
        let name_end = pair.iter().position(|&b| b == b'=');
        let name = String::from_utf8_lossy(&pair[..name_end.unwrap_or(pair.len())]).into_owned();
        if let Some(i) = pair.iter().position(|&b| !(0x21..=0x7e).contains(&b)) {
            return Err(Error::malformed(format!(
                "the IPN body is not form-encoded: byte 0x{:02X} at offset {} (field '{}')",
                pair[i],
                at + i,
                printable(&name)
            )));
        }
        match name_end {
            None | Some(0) => {
                return Err(Error::malformed(format!(
                    "the IPN body is not form-encoded: pair at offset {at} ('{}') is not name=value",
                    printable(&name)
                )))
            }
            Some(_) => {}
        }
        crate::params::percent_decode(pair, at)
            .map_err(|e| Error::malformed(format!("field '{}': {}", printable(&name), e.message)))?;
        if pair == CMD {
            return Err(Error::invalid_field(
                "cmd",
                format!("the body already holds cmd=_notify-validate (offset {at}); pass the notification as received"),
            ));
        }
        at += pair.len() + 1;
    }
    Ok(())
}

/// At most 40 characters of a field name, for messages.
fn printable(name: &str) -> String {
    name.chars().take(40).collect()
}
