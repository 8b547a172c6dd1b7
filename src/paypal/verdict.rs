//! Judging PayPal's answer to the postback: exactly `VERIFIED` or `INVALID`.

use crate::error::{Error, Result};
use crate::signer::Verdict;

/// `VERIFIED` → Valid, `INVALID` → Invalid; a trailing CR/LF (an HTTP client artefact) is
/// allowed. Anything else (an HTML error page, an empty body, lower case, the word inside
/// other text) is no verdict at all: PAYSIGN_MALFORMED_INPUT, never Valid.
pub fn verdict(answer: &[u8]) -> Result<Verdict> {
    let mut end = answer.len();
    while end > 0 && matches!(answer[end - 1], b'\r' | b'\n') {
        end -= 1;
    }
    match &answer[..end] {
        b"VERIFIED" => Ok(Verdict::Valid),
        b"INVALID" => Ok(Verdict::Invalid(
            "PayPal answered INVALID: the notification is not genuine or was altered".into(),
        )),
        b"" => Err(Error::malformed(
            "PayPal's answer is empty (expected VERIFIED or INVALID)",
        )),
        other => {
            let head: String = String::from_utf8_lossy(&other[..other.len().min(24)])
                .chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect();
            Err(Error::malformed(format!(
                "PayPal's answer is neither VERIFIED nor INVALID ({} bytes, starts '{head}'): an error page or a wrong host",
                other.len()
            )))
        }
    }
}
