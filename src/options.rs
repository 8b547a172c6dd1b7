//! Call options: `name=value` pairs joined by `&` (design.md, "options").

use crate::charset::Charset;
use crate::error::{Error, Result};
use crate::profile::Hash;
use zeroize::Zeroizing;

#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Pins the RSA digest.
    pub hash: Option<Hash>,
    /// Overrides the charset of the signed bytes.
    pub charset: Option<Charset>,
    /// The algorithm when the message does not carry it.
    pub sign_type: Option<String>,
    /// A merchant secret that a gateway puts inside an RSA-signed text (99bill query APIs).
    pub query_key: Option<Zeroizing<String>>,
    /// Optional second signatures: checked on verify, set on sign (YeePay `hmac_safe=1`).
    pub second: bool,
    /// Signs values that hold the secret's marker (`&key=`), which are refused by default
    /// because a re-split could move the secret (issue 12 §2).
    pub allow_join: bool,
    /// The time (Unix seconds) certificate dates are checked at, instead of now: for replaying
    /// an old message in a test (UnionPay's public test certificates have expired).
    pub now: Option<i64>,
    /// Also accepts UnionPay's test-environment owner `00040000:SIGN` in a `signPubKeyCert`
    /// CN (the SDKs' `ifValidateCNName=false`).
    pub test_cn: bool,
}

impl Options {
    /// Parses like `parse`, but `caller` takes only the options named in `allowed`: a known
    /// option it would ignore is refused by name rather than silently dropped.
    pub fn parse_only(text: &str, allowed: &[&str], caller: &str) -> Result<Options> {
        let o = Options::parse(text)?;
        let names = text
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|p| p.split_once('=').map_or(p, |(n, _)| n));
        if let Some(name) = names.into_iter().find(|n| !allowed.contains(n)) {
            return Err(Error::invalid_argument(format!(
                "{caller} does not take the option '{name}' (it takes only {})",
                allowed.join(", ")
            )));
        }
        Ok(o)
    }

    /// Parses `hash=sha1&charset=gbk`. NULL/empty gives the defaults. Never echoes `query_key`.
    pub fn parse(text: &str) -> Result<Options> {
        let mut o = Options::default();
        for part in text.split('&').filter(|p| !p.is_empty()) {
            let (name, value) = part.split_once('=').unwrap_or((part, ""));
            match name {
                "hash" => {
                    o.hash = Some(match value.to_ascii_lowercase().as_str() {
                        "sha1" | "sha-1" => Hash::Sha1,
                        "sha256" | "sha-256" => Hash::Sha256,
                        "md5" => Hash::Md5,
                        _ => {
                            return Err(Error::invalid_argument(format!(
                                "option hash='{value}' is not sha1, sha256 or md5"
                            )))
                        }
                    })
                }
                "charset" => o.charset = Some(Charset::from_name(value)?),
                "sign_type" => {
                    if value.is_empty() {
                        return Err(Error::invalid_argument("option sign_type is empty"));
                    }
                    o.sign_type = Some(value.to_string())
                }
                "query_key" => {
                    if value.is_empty() {
                        return Err(Error::invalid_argument("option query_key is empty"));
                    }
                    o.query_key = Some(Zeroizing::new(value.to_string()))
                }
                "hmac_safe" => o.second = flag(name, value)?,
                "allow_join" => o.allow_join = flag(name, value)?,
                "now" => {
                    o.now = Some(value.parse::<i64>().map_err(|_| {
                        Error::invalid_argument(format!("option now='{value}' is not Unix seconds"))
                    })?)
                }
                "test_cn" => o.test_cn = flag(name, value)?,
                _ => {
                    return Err(Error::invalid_argument(format!(
                        "unknown option '{name}' (known: hash, charset, sign_type, query_key, hmac_safe, allow_join, now, test_cn)"
                    )))
                }
            }
        }
        Ok(o)
    }
}

/// A yes/no option's value.
fn flag(name: &str, value: &str) -> Result<bool> {
    match value {
        "1" | "true" | "yes" => Ok(true),
        "0" | "false" | "no" => Ok(false),
        _ => Err(Error::invalid_argument(format!("option {name} must be 1 or 0"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_only_refuses_a_known_option_by_name() {
        let allowed = ["charset"];
        assert_eq!(
            Options::parse_only("charset=gbk", &allowed, "f").unwrap().charset,
            Some(Charset::Gbk)
        );
        let e = Options::parse_only("charset=gbk&query_key=s3cret", &allowed, "f").unwrap_err();
        assert_eq!(
            e.to_string(),
            "PAYSIGN_INVALID_ARGUMENT: f does not take the option 'query_key' (it takes only charset)"
        );
        // An unknown name is still the parser's own refusal.
        let e = Options::parse_only("bogus=1", &allowed, "f").unwrap_err();
        assert!(
            e.to_string()
                .starts_with("PAYSIGN_INVALID_ARGUMENT: unknown option 'bogus'"),
            "{e}"
        );
    }
}
