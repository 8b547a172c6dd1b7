//! `paysign alipay-cert-sn`, `paysign alipay-response` and `paysign alipay-encrypt`
//! (docs/specs/alipay-cert.md).

use super::{args, env_text, load_key, printable, read_input, Out, KEY_OPTIONS};
use paysign::{alipay, Charset, Error, Result, Verdict};
use zeroize::Zeroizing;

/// Prints `FILE<TAB>cert_sn=<sn>` for each file, and `FILE<TAB>alipay_root_cert_sn=<sn>` too
/// when the file holds more than one certificate (a root bundle).
pub fn cert_sn(argv: &[String], out: &mut Out) -> Result<u8> {
    let a = args::parse(argv, &[], &[])?;
    if a.positional.is_empty() {
        return Err(Error::invalid_argument(
            "alipay-cert-sn needs one or more certificate FILEs",
        ));
    }
    for file in &a.positional {
        let data = read_input(file)?;
        let named = |e: Error| Error::new(e.status, format!("{}: {}", printable(file), e.message));
        let sn = alipay::cert_sn(&data).map_err(named)?;
        out.say(&format!("{}\tcert_sn={sn}\n", printable(file)));
        if String::from_utf8_lossy(&data).matches("-----BEGIN").count() > 1 {
            let root = alipay::root_cert_sn(&data).map_err(named)?;
            out.say(&format!("{}\talipay_root_cert_sn={root}\n", printable(file)));
        }
    }
    Ok(0)
}

/// Verifies a synchronous OpenAPI response; with an AES key, prints the decrypted node.
pub fn response(argv: &[String], out: &mut Out) -> Result<u8> {
    let mut values = vec!["--body", "--sign-type", "--charset", "--aes-key-env", "--aes-key-file"];
    values.extend(KEY_OPTIONS);
    let a = args::parse(argv, &["--print-node"], &values)?;
    let [method] = super::expect_positional(&a.positional, &["METHOD"], "alipay-response")?;
    let charset = a
        .value("--charset")
        .map(Charset::from_name)
        .transpose()?
        .unwrap_or(Charset::Utf8);
    let key = load_key(&a)?
        .ok_or_else(|| Error::invalid_argument("alipay-response needs --key (the Alipay public key or certificate)"))?;
    let aes_key = aes_key(&a)?;
    let body = read_input(a.value("--body").unwrap_or("-"))?;
    let (verdict, resp) = alipay::verify_response(&body, method, &key, a.value("--sign-type"), charset)?;
    if let Verdict::Invalid(reason) = verdict {
        out.stderr.push_str(&format!("BAD SIGNATURE: {reason}\n"));
        return Ok(1);
    }
    out.say("valid\n");
    // Decrypt only after the signature over the ciphertext verified.
    let node = match (resp.ciphertext(), aes_key) {
        (Some(ct), Some(k)) => {
            let plain = alipay::decrypt(&k, &ct)?;
            Some(charset.decode(&plain, "decrypted response")?.into_owned())
        }
        (Some(_), None) if a.flag("--print-node") => {
            return Err(Error::invalid_argument(
                "the response is AES-encrypted: give --aes-key-env or --aes-key-file to print it",
            ))
        }
        _ if a.flag("--print-node") => Some(resp.signed.clone()),
        _ => None,
    };
    if let Some(node) = node {
        out.say(&node);
        out.say("\n");
    }
    Ok(0)
}

/// The AES key from --aes-key-env VAR or --aes-key-file FILE (never from the command line).
fn aes_key(a: &args::Args) -> Result<Option<Zeroizing<String>>> {
    Ok(match (a.value("--aes-key-env"), a.value("--aes-key-file")) {
        (Some(_), Some(_)) => return Err(Error::invalid_argument("give one of --aes-key-env and --aes-key-file")),
        (Some(var), None) => Some(env_text(var)?),
        (None, Some(file)) => {
            let bytes = Zeroizing::new(read_input(file)?);
            Some(Zeroizing::new(String::from_utf8_lossy(&bytes).trim().to_string()))
        }
        (None, None) => None,
    })
}

/// Prints the base64 AES ciphertext of `biz_content` (the JSON in --body or stdin).
pub fn encrypt(argv: &[String], out: &mut Out) -> Result<u8> {
    let a = args::parse(argv, &[], &["--body", "--aes-key-env", "--aes-key-file"])?;
    super::expect_positional(&a.positional, &[], "alipay-encrypt")?;
    let key = aes_key(&a)?
        .ok_or_else(|| Error::invalid_argument("alipay-encrypt needs --aes-key-env VAR or --aes-key-file FILE"))?;
    let plain = read_input(a.value("--body").unwrap_or("-"))?;
    out.say(&alipay::encrypt(&key, &plain)?);
    out.say("\n");
    Ok(0)
}
