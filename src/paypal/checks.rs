//! Reading an IPN's fields (decoded per its `charset` field) and the merchant's checks after
//! VERIFIED: receiver, amount, currency, payment status, sandbox vs live.

use crate::charset::Charset;
use crate::error::{Error, Result};
use crate::params::{Duplicates, Format, Params};

/// The checks a merchant configures, from options `receiver_email=…&business=…&receiver_id=…
/// &amount=…&currency=…&payment_status=…&sandbox=0|1`. Unset checks are not run.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Expect {
    pub receiver_email: Option<String>,
    pub business: Option<String>,
    pub receiver_id: Option<String>,
    /// `mc_gross`, compared as text (`500.00` is not `500`).
    pub amount: Option<String>,
    /// `mc_currency`, exact.
    pub currency: Option<String>,
    pub payment_status: Option<String>,
    /// `Some(true)`: the notification must carry `test_ipn=1`; `Some(false)`: it must not.
    pub sandbox: Option<bool>,
}

impl Expect {
    /// Parses the options text (form-encoded, UTF-8). An unknown name is
    /// PAYSIGN_INVALID_ARGUMENT.
    pub fn parse(options: &str) -> Result<Expect> {
        let o = Params::parse(options.as_bytes(), Format::Form, Charset::Utf8, Duplicates::Reject)?;
        let mut e = Expect::default();
        for (name, value) in o.iter() {
            let v = Some(value.to_string());
            match name {
                "receiver_email" => e.receiver_email = v,
                "business" => e.business = v,
                "receiver_id" => e.receiver_id = v,
                "amount" => e.amount = v,
                "currency" => e.currency = v,
                "payment_status" => e.payment_status = v,
                "sandbox" => {
                    e.sandbox = Some(match value {
                        "1" => true,
                        "0" => false,
                        _ => return Err(Error::invalid_argument("option 'sandbox' must be 0 or 1")),
                    })
                }
                other => {
                    return Err(Error::invalid_argument(format!(
                        "unknown option '{other}' (known: receiver_email, business, receiver_id, amount, currency, payment_status, sandbox)"
                    )))
                }
            }
        }
        Ok(e)
    }
}

/// What a passed check leaves the caller: the `txn_id` to look up in its own store of
/// processed transactions (paysign holds no state), and whether it is a sandbox notification.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checked {
    pub txn_id: Option<String>,
    pub sandbox: bool,
}

/// The notification's fields, percent-decoded and decoded with its `charset` field
/// (`windows-1252` when absent, as PayPal's default). A repeated name keeps the last value.
pub fn fields(raw: &[u8]) -> Result<Params> {
    // The charset field's own value is ASCII: read it first from the raw pairs.
    let charset = raw
        .split(|&b| b == b'&')
        .filter_map(|p| p.strip_prefix(b"charset="))
        .next_back()
        .map(|v| crate::params::percent_decode(v, 0).map(|b| String::from_utf8_lossy(&b).into_owned()))
        .transpose()?
        .unwrap_or_else(|| "windows-1252".into());
    if is_windows_1252(&charset) {
        let mut p = Params::new();
        for pair in raw.split(|&b| b == b'&').filter(|p| !p.is_empty()) {
            let (n, v) = match pair.iter().position(|&b| b == b'=') {
                Some(i) => (&pair[..i], &pair[i + 1..]),
                None => (pair, &pair[pair.len()..]),
            };
            let name = cp1252(&crate::params::percent_decode(n, 0)?);
            let value = cp1252(&crate::params::percent_decode(v, 0)?);
            p.set(&name, &value);
        }
        return Ok(p);
    }
    let cs = Charset::from_name(&charset).map_err(|_| {
        Error::invalid_field(
            "charset",
            format!("'{charset}' is not windows-1252, utf-8, gbk, gb18030 or gb2312"),
        )
    })?;
    Params::parse(raw, Format::Form, cs, Duplicates::LastWins)
}

fn is_windows_1252(name: &str) -> bool {
    let n = name.trim();
    ["windows-1252", "cp1252", "iso-8859-1", "us-ascii"]
        .iter()
        .any(|k| n.eq_ignore_ascii_case(k))
}

/// Windows-1252 maps every byte (WHATWG), so decoding cannot fail.
fn cp1252(b: &[u8]) -> String {
    encoding_rs::WINDOWS_1252.decode_without_bom_handling(b).0.into_owned()
}

/// Runs the configured checks on a VERIFIED notification's raw body. A mismatch is
/// PAYSIGN_INVALID_FIELD naming the field; a configured field that is absent,
/// PAYSIGN_MISSING_FIELD. Run only after [`crate::paypal::verdict`] said Valid.
pub fn check(raw: &[u8], expect: &Expect) -> Result<Checked> {
    let p = fields(raw)?;
    let email = |field: &str, want: &Option<String>| -> Result<()> {
        match want {
            None => Ok(()),
            Some(w) => match p.get(field).filter(|v| !v.is_empty()) {
                None => Err(Error::missing_field(field)),
                Some(v) if v.eq_ignore_ascii_case(w) => Ok(()),
                Some(_) => Err(Error::invalid_field(field, "is not the merchant's configured value")),
            },
        }
    };
    let exact = |field: &str, want: &Option<String>| -> Result<()> {
        match want {
            None => Ok(()),
            Some(w) => match p.get(field).filter(|v| !v.is_empty()) {
                None => Err(Error::missing_field(field)),
                Some(v) if v == w => Ok(()),
                Some(v) => Err(Error::invalid_field(field, format!("is '{v}', expected '{w}'"))),
            },
        }
    };
    email("receiver_email", &expect.receiver_email)?;
    email("business", &expect.business)?;
    exact("receiver_id", &expect.receiver_id)?;
    exact("mc_gross", &expect.amount)?;
    exact("mc_currency", &expect.currency)?;
    exact("payment_status", &expect.payment_status)?;
    let sandbox = p.get("test_ipn") == Some("1");
    match expect.sandbox {
        Some(false) if sandbox => {
            return Err(Error::invalid_field(
                "test_ipn",
                "is 1 (a sandbox notification) but the merchant is configured for live",
            ))
        }
        Some(true) if !sandbox => {
            return Err(Error::invalid_field(
                "test_ipn",
                "is absent (a live notification) but the merchant is configured for the sandbox",
            ))
        }
        _ => {}
    }
    Ok(Checked {
        txn_id: p.get("txn_id").map(str::to_string),
        sandbox,
    })
}
