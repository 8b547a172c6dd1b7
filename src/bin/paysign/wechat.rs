//! `paysign wechat-refund` (docs/specs/wechatpay-v2-additions.md §2).

use super::{args, load_key, printable, read_input, Out, KEY_OPTIONS};
use paysign::{wechatpay, Error, Result};

/// Decrypts a refund notification body and prints its fields, `name=value` one a line.
pub fn refund(argv: &[String], out: &mut Out) -> Result<u8> {
    let mut values = vec!["--body"];
    values.extend(KEY_OPTIONS);
    let a = args::parse(argv, &[], &values)?;
    super::expect_positional(&a.positional, &[], "wechat-refund")?;
    let key = load_key(&a)?.ok_or_else(|| {
        Error::invalid_argument("wechat-refund needs the API key (--secret-env, --secret-file or --secret)")
    })?;
    let body = read_input(a.value("--body").unwrap_or("-"))?;
    for (name, value) in wechatpay::decrypt_refund_notify(&key, &body)?.iter() {
        out.say(&format!("{}={}\n", printable(name), printable(value)));
    }
    Ok(0)
}
