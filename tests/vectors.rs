//! Every case in testdata/vectors/*.json (copies of ../shared/vectors), through the Rust API.
//! The vectors come from outside: vendor documents, other SDKs' tests, vendor demo keys.

mod common;
use common::*;
use paysign::{signer, Charset, Format, Options, Verdict};

fn run(file: &str, c: &serde_json::Value) -> Result<(), String> {
    let id = c["id"].as_str().unwrap();
    let profile = paysign::profile(c["profile"].as_str().unwrap()).map_err(|e| e.to_string())?;
    let want_ok = c["expect"] == "ok";
    let op = c["op"].as_str().unwrap();
    if op == "authenticator" {
        let (mut params, key) = authenticator_inputs(c);
        let expect_hex = c["expect_hex"].as_str().unwrap().to_lowercase();
        let sig = paysign::sign(profile, &Options::default(), &mut params.clone(), Some(&key))
            .map_err(|e| format!("{file}/{id}: {e}"))?;
        if (sig == expect_hex) != want_ok {
            return Err(format!("{file}/{id}: authenticator {sig} vs {expect_hex}"));
        }
        if let (true, Some(input)) = (want_ok, c["expect_auth_input_hex"].as_str()) {
            let s = paysign::sign_string(profile, &Options::default(), &params, Some(&key)).unwrap();
            if *s != input.to_lowercase() {
                return Err(format!("{file}/{id}: auth input {} vs {input}", *s));
            }
        }
        params.push("authenticator", &expect_hex);
        let v = paysign::verify(profile, &Options::default(), &params, Some(&key)).map_err(|e| e.to_string())?;
        return if v.is_valid() == want_ok {
            Ok(())
        } else {
            Err(format!("{file}/{id}: verify gave {v:?}"))
        };
    }
    let (key, options) = key_and_options(c);
    let opts = Options::parse(&options).map_err(|e| e.to_string())?;
    let (verdict, params) = match op {
        "sign" => {
            let mut params = params_of(c);
            let sig =
                paysign::sign(profile, &opts, &mut params, key.as_ref()).map_err(|e| format!("{file}/{id}: {e}"))?;
            let matches = Some(sig.as_str()) == c["expect_signature"].as_str();
            (
                if matches { Verdict::Valid } else { Verdict::Invalid(sig) },
                params_of(c),
            )
        }
        "verify" => {
            let params = params_of(c);
            let v = paysign::verify(profile, &opts, &params, key.as_ref()).map_err(|e| format!("{file}/{id}: {e}"))?;
            (v, params)
        }
        "verify_body" => {
            let fmt = Format::from_name(c["format"].as_str().unwrap_or("form")).unwrap();
            let cs = c["charset"].as_str().map(|n| Charset::from_name(n).unwrap());
            let (v, parsed) = paysign::verify_body(profile, &opts, &body_of(c), fmt, cs, key.as_ref())
                .map_err(|e| format!("{file}/{id}: {e}"))?;
            (v, parsed)
        }
        other => return Err(format!("{file}/{id}: unknown op {other}")),
    };
    if verdict.is_valid() != want_ok {
        return Err(format!("{file}/{id}: expected {}, got {verdict:?}", c["expect"]));
    }
    if let Some(want) = c["expect_sign_string"].as_str() {
        let mut p = params.clone();
        p.remove(profile.sig_field());
        let got = signer::sign_string(profile, &opts, &p, key.as_ref()).map_err(|e| format!("{file}/{id}: {e}"))?;
        if *got != want {
            return Err(format!("{file}/{id}: sign string\n  got  {}\n  want {want}", *got));
        }
    }
    Ok(())
}

#[test]
fn every_shared_vector() {
    let cases = all_cases();
    assert!(cases.len() >= 105, "only {} vector cases found", cases.len());
    let failures: Vec<String> = cases.iter().filter_map(|(f, c)| run(f, c).err()).collect();
    println!("{} vector cases, {} failed", cases.len(), failures.len());
    assert!(failures.is_empty(), "failures:\n{}", failures.join("\n"));
}

/// Every case that signs is also verified by the same profile (round trip, in addition).
#[test]
fn signed_cases_round_trip() {
    for (_, c) in all_cases()
        .iter()
        .filter(|(_, c)| c["op"] == "sign" && c["expect"] == "ok")
    {
        let profile = paysign::profile(c["profile"].as_str().unwrap()).unwrap();
        let (key, options) = key_and_options(c);
        let opts = Options::parse(&options).unwrap();
        let mut params = params_of(c);
        paysign::sign(profile, &opts, &mut params, key.as_ref()).unwrap();
        let verify_key = match &key {
            Some(k) if !k.is_secret() => Some(paysign::Key::load(&public_pem(k), None).unwrap()),
            other => other
                .as_ref()
                .map(|k| paysign::Key::secret_bytes(k.secret_value().unwrap().as_bytes()).unwrap()),
        };
        let v = paysign::verify(profile, &opts, &params, verify_key.as_ref()).unwrap();
        assert!(v.is_valid(), "{}: {v:?}", c["id"]);
    }
}

fn public_pem(k: &paysign::Key) -> Vec<u8> {
    use rsa::pkcs8::EncodePublicKey;
    k.rsa_public()
        .unwrap()
        .to_public_key_pem(rsa::pkcs8::LineEnding::LF)
        .unwrap()
        .into_bytes()
}
