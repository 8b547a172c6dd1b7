//! Why a v3 signature failed, when a usual mistake explains it (docs/specs/wechatpay-v3.md §5).
//! Run only after a failure; each guess is one RSA verification.

use super::message;
use crate::digest;
use crate::keys::Key;
use crate::profile::Hash;

/// Bodies past this are not second-guessed (v3 notifications are a few KiB): a forged body
/// then costs one verification, not six plus a JSON parse.
pub(crate) const MAX_EXPLAINED: usize = 64 << 10;

/// Whose bytes are being checked, for the wording: a response or notification the merchant
/// received, or a request the gateway received from the merchant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Side {
    Received,
    Request,
}

/// The first known mistake (byte-level ones before JSON re-encoding) under which `sig`
/// verifies over a response message, as a sentence, or None.
pub(crate) fn explain(key: &Key, timestamp: &str, nonce: &str, body: &[u8], sig: &[u8]) -> Option<&'static str> {
    explain_body(key, sig, body, Side::Received, &|b| {
        message::response(timestamp, nonce, b).ok()
    })
}

/// The body-level mistakes, for any message `build` makes from a body.
pub(crate) fn explain_body(
    key: &Key,
    sig: &[u8],
    body: &[u8],
    side: Side,
    build: &dyn Fn(&[u8]) -> Option<Vec<u8>>,
) -> Option<&'static str> {
    if body.len() > MAX_EXPLAINED {
        return None;
    }
    let holds = |msg: &[u8]| digest::rsa_verify_key(key, Hash::Sha256, msg, sig);
    let msg = build(body)?;
    let say = |received: &'static str, request: &'static str| match side {
        Side::Received => received,
        Side::Request => request,
    };
    // Each guess is the whole signed message under one mistake, in this order (a body ending
    // in \n makes the first two the same bytes: the body's own newline is the likelier cause).
    let guesses: [(Option<Vec<u8>>, &'static str); 5] = [
        (
            body.strip_suffix(b"\n").map(|b| b.to_vec()).and_then(|b| build(&b)),
            say(
                "it verifies without the body's trailing newline: the body was changed after it was received",
                "it verifies without the body's trailing newline: a newline was added to the body after it was signed",
            ),
        ),
        (
            Some(msg[..msg.len() - 1].to_vec()),
            "it verifies without the final \\n: the signer left the last line unterminated",
        ),
        (
            build(&[body, b"\n"].concat()),
            say(
                "it verifies with a newline after the body: the received body lost its last byte",
                "it verifies with a newline after the body: the body signed ended in a newline the body sent lacks",
            ),
        ),
        (
            Some(replace_crlf(body)).filter(|b| b.len() != body.len()).and_then(|b| build(&b)),
            say(
                "it verifies with \\n for \\r\\n in the body: the line ends were converted after receipt",
                "it verifies with \\n for \\r\\n in the body: the line ends were converted after signing",
            ),
        ),
        (
            compact(body).and_then(|b| build(&b)),
            say(
                "it verifies over the body re-serialised as compact JSON: the body given is not the bytes received (a framework parsed and re-encoded it)",
                "it verifies over the body as compact JSON: the body sent is not the bytes signed (the JSON was encoded once to sign and again by the HTTP client)",
            ),
        ),
    ];
    guesses
        .into_iter()
        .find_map(|(m, why)| m.filter(|m| holds(m)).map(|_| why))
}

/// The body as compact JSON with its members in their order, if it is JSON and changes.
fn compact(body: &[u8]) -> Option<Vec<u8>> {
    let v: serde_json::Value = serde_json::from_slice(body).ok()?;
    serde_json::to_vec(&v).ok().filter(|c| c != body)
}

fn replace_crlf(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len());
    for (i, &b) in body.iter().enumerate() {
        if !(b == b'\r' && body.get(i + 1) == Some(&b'\n')) {
            out.push(b);
        }
    }
    out
}
