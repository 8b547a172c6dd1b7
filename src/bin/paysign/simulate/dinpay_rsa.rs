//! Dinpay's RSA-S (MD5withRSA, PKCS#1 v1.5, base64; ../shared/specs/dinpay.md "Common sign
//! rule"): a request with `sign_type=RSA-S` is verified with the merchant's RSA public key
//! (`dinpay.merchants[].public_key` in --config), and its notifications are signed RSA-S with
//! the simulator's own Dinpay key (keys.rs), whose public key `--cert dinpay` prints as a
//! `PUBLIC KEY` PEM, the form in which a Dinpay merchant configures Dinpay's public key
//! (`openssl_verify` with it in the spec's sources).

use std::path::Path;

use paysign::{Error, Key, Params, Result};
use rsa::pkcs8::{EncodePublicKey, LineEnding};
use serde_json::Value;

use super::secret_form::Merchant;
use super::{printable, Sim};

/// The public half of the self-made test key of testdata/vectors/dinpay.json's RSA-S cases
/// (ILLUSTRATIVE there: not a Dinpay key), for the built-in merchant 1111130200.
const TEST_PUBLIC: &[u8] = include_bytes!("../../../../testdata/vectors/keys/dinpay_rsa_s_test_public.pem");

/// The built-in merchant's public key.
pub fn builtin(code: &str) -> Result<Vec<Merchant>> {
    Ok(vec![Merchant {
        id: code.into(),
        key: Key::load(TEST_PUBLIC, None)?,
    }])
}

/// `dinpay.merchants[].public_key` (a file, relative to the config's folder), for the merchants
/// that have one.
pub fn config_merchants(v: &Value, dir: &Path) -> Result<Vec<Merchant>> {
    let all = super::merchants(v, "dinpay", |field| {
        let id = field("merchant_code")?;
        match field("public_key") {
            Ok(file) => Ok(Some(Merchant {
                id,
                key: Key::load_file(&dir.join(file), None)?,
            })),
            Err(_) => Ok(None),
        }
    })?;
    Ok(all.into_iter().flatten().collect())
}

/// The key a request's sign is checked with: the MD5 key for `MD5`, the merchant's public key
/// for `RSA-S`; else why not.
pub fn request_key<'a>(sim: &'a Sim, fields: &Params, md5: &'a Merchant) -> std::result::Result<&'a Merchant, String> {
    match fields.get("sign_type").unwrap_or_default() {
        "MD5" => Ok(md5),
        "RSA-S" => sim.dinpay_rsa.iter().find(|m| m.id == md5.id).ok_or_else(|| {
            format!(
                "sign_type RSA-S, but no public_key is configured for merchant_code '{}' (--config)",
                printable(&md5.id)
            )
        }),
        other => Err(format!("sign_type must be MD5 or RSA-S, not '{}'", printable(other))),
    }
}

/// Whether the order's request was signed RSA-S (so its answers are too).
pub fn is_rsa(request: &Params) -> bool {
    request.get("sign_type") == Some("RSA-S")
}

/// `--cert dinpay`: the simulator's Dinpay public key as a `PUBLIC KEY` PEM.
pub fn public_pem(key: &Key) -> Result<String> {
    let public = key
        .rsa_public()
        .ok_or_else(|| Error::key("the simulator's Dinpay key is not an RSA key"))?;
    public
        .to_public_key_pem(LineEnding::LF)
        .map_err(|e| Error::key(format!("cannot encode the Dinpay simulator public key: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_test_public_key_verifies_the_vector() {
        // testdata/vectors/dinpay.json dinpay-query-request-rsa-s-md5withrsa: the signature
        // made with dinpay_rsa_s_test_private_pkcs8.pem verifies with the built-in public key.
        let m = builtin("1111110166").unwrap();
        let mut f = Params::from_pairs([
            ("service_type", "single_trade_query"),
            ("merchant_code", "1111110166"),
            ("interface_version", "V3.0"),
            ("sign_type", "RSA-S"),
            ("order_no", "456654"),
            ("sign", "tQta1LBE5JxYFSdIUGhdB07yBEdb/W8xu9VSAieowc74A9HVQghPebe8ajLu3dCpC+fgXzC+ubAWNq0M6qgMUJy6xkqJtjdrDjyYOjWqwwFyjQGcsjcJdvUufT3iWARhVReN4R76FQiE6bO7qTfYUCplsMRYf9cxa/HRzFNP+vs="),
        ]);
        let p = paysign::profile("dinpay.query.request").unwrap();
        let v = paysign::verify(p, &paysign::Options::default(), &f, Some(&m[0].key)).unwrap();
        assert_eq!(v, paysign::Verdict::Valid);
        f.set("order_no", "456655");
        let v = paysign::verify(p, &paysign::Options::default(), &f, Some(&m[0].key)).unwrap();
        assert_ne!(v, paysign::Verdict::Valid);
    }

    #[test]
    fn the_public_pem_is_the_keys() {
        let key = Key::load(TEST_PUBLIC, None).unwrap();
        let pem = public_pem(&key).unwrap();
        assert!(pem.starts_with("-----BEGIN PUBLIC KEY-----\n"), "{pem}");
        let again = Key::load(pem.as_bytes(), None).unwrap();
        assert_eq!(again.rsa_public(), key.rsa_public());
    }

    #[test]
    fn config_public_keys() {
        let dir = std::env::temp_dir().join(format!("paysign-sim-dinpay-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("m.pem"), TEST_PUBLIC).unwrap();
        let v: Value = serde_json::from_str(
            r#"{"dinpay": {"merchants": [{"merchant_code": "1", "md5_key": "a"},
                {"merchant_code": "2", "md5_key": "b", "public_key": "m.pem"}]}}"#,
        )
        .unwrap();
        let m = config_merchants(&v, &dir).unwrap();
        assert_eq!(m.iter().map(|m| m.id.as_str()).collect::<Vec<_>>(), ["2"]);
        let v: Value =
            serde_json::from_str(r#"{"dinpay": {"merchants": [{"merchant_code": "2", "public_key": "gone.pem"}]}}"#)
                .unwrap();
        assert!(config_merchants(&v, &dir).is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
