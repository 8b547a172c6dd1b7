//! PayPal IPN: why PayPal answered INVALID (or no answer) to a postback. Compares what the
//! merchant sent with the notification as received, and the host with `test_ipn`
//! (docs/specs/paypal.md §3, §1).

use crate::paypal;

/// One named mistake with a sentence for the operator.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub cause: &'static str,
    pub detail: String,
}

/// `received`: the raw notification body; `sent`: the postback body the merchant POSTed (if
/// known); `host`: the host it was posted to (if known). Returns every mistake found, in the
/// order: host, charset field, re-encoding.
pub fn postback(received: &[u8], sent: Option<&[u8]>, host: Option<&str>) -> Vec<Finding> {
    let mut out = Vec::new();
    let sandbox = pairs(received).any(|(n, v)| n == b"test_ipn" && v == b"1");
    if let Some(h) = host {
        let to_sandbox = h.to_ascii_lowercase().contains("sandbox.paypal.com");
        if sandbox && !to_sandbox {
            out.push(finding(
                "sandbox_to_live_host",
                format!(
                    "the notification has test_ipn=1 (sandbox) but was posted to {h}; post it to {}",
                    paypal::SANDBOX_URL
                ),
            ));
        } else if !sandbox && to_sandbox {
            out.push(finding(
                "live_to_sandbox_host",
                format!(
                    "the notification is live (no test_ipn=1) but was posted to {h}; post it to {}",
                    paypal::LIVE_URL
                ),
            ));
        }
    }
    let Some(sent) = sent else { return out };
    let sent = sent.strip_prefix(b"cmd=_notify-validate&".as_slice()).unwrap_or(sent);
    if sent == received {
        return out;
    }
    let got: Vec<_> = pairs(received).collect();
    let posted: Vec<_> = pairs(sent).filter(|(n, _)| *n != b"cmd").collect();
    let value = |list: &[(&[u8], &[u8])], name: &[u8]| list.iter().find(|(n, _)| *n == name).map(|(_, v)| v.to_vec());
    if value(&got, b"charset") != value(&posted, b"charset") {
        out.push(finding(
            "charset_field",
            "the charset field was changed or dropped: PayPal compares it too; send it as received".into(),
        ));
    }
    let decoded = |list: &[(&[u8], &[u8])]| -> Vec<(Vec<u8>, Vec<u8>)> {
        list.iter().map(|(n, v)| (decode(n), decode(v))).collect()
    };
    let (g, p) = (decoded(&got), decoded(&posted));
    let mut gs = g.clone();
    let mut ps = p.clone();
    gs.sort();
    ps.sort();
    if g == p {
        let plus = |b: &[u8]| b.contains(&b'+');
        let pct20 = |b: &[u8]| b.windows(3).any(|w| w == b"%20");
        let cause = if (plus(received) && pct20(sent)) || (pct20(received) && plus(sent)) {
            finding(
                "plus_vs_pct20",
                "spaces were re-encoded ('+' vs '%20'): post the raw body unchanged".into(),
            )
        } else if received.eq_ignore_ascii_case(sent) {
            finding(
                "hex_case",
                "percent escapes changed case (%2c vs %2C): post the raw body unchanged".into(),
            )
        } else {
            finding(
                "reencoded",
                "the same values were re-encoded differently: post the raw body unchanged".into(),
            )
        };
        out.push(cause);
    } else if gs == ps {
        out.push(finding(
            "fields_reordered",
            "the fields were sent in another order (a parsed map): post the raw body unchanged".into(),
        ));
    } else if !out.iter().any(|f| f.cause == "charset_field") {
        let first = g
            .iter()
            .zip(&p)
            .position(|(a, b)| a != b)
            .unwrap_or(g.len().min(p.len()));
        let name = g
            .get(first)
            .or(p.get(first))
            .map(|(n, _)| String::from_utf8_lossy(n).into_owned())
            .unwrap_or_default();
        out.push(finding(
            "fields_changed",
            format!("the values differ from the notification (first at field '{name}'): post the raw body unchanged"),
        ));
    }
    out
}

/// Findings as one JSON object, the form the C ABI and the CLI print:
/// `{"mode":"paypal_postback","findings":[{"cause":…,"detail":…},…]}` (empty list: nothing
/// found). An IPN carries no secret, so nothing is masked.
pub fn findings_json(findings: &[Finding]) -> String {
    let findings: Vec<_> = findings
        .iter()
        .map(|f| serde_json::json!({ "cause": f.cause, "detail": f.detail }))
        .collect();
    serde_json::json!({ "mode": "paypal_postback", "findings": findings }).to_string()
}

fn finding(cause: &'static str, detail: String) -> Finding {
    Finding { cause, detail }
}

fn pairs(body: &[u8]) -> impl Iterator<Item = (&[u8], &[u8])> {
    body.split(|&b| b == b'&')
        .filter(|p| !p.is_empty())
        .map(|p| match p.iter().position(|&b| b == b'=') {
            Some(i) => (&p[..i], &p[i + 1..]),
            None => (p, &p[p.len()..]),
        })
}

/// Percent-decoded bytes; an undecodable escape compares as its raw bytes.
fn decode(b: &[u8]) -> Vec<u8> {
    crate::params::percent_decode(b, 0)
        .map(|c| c.into_owned())
        .unwrap_or_else(|_| b.to_vec())
}
