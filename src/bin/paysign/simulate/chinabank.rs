//! ChinaBank 网银在线 PayGate, simulated: the payer's form to `/PayGate` (MD5, GBK unless
//! `encoding` says otherwise), the server notification to the `[url:=…]` address in remark2 (a
//! form POST: the spec leaves GET or POST open), retried until the reply is exactly `ok`, then
//! the browser to v_url with the same signed fields. Rules: ../shared/specs/chinabank.md.

use paysign::{Charset, Format, Options, Params};

use super::http::{Request, Response};
use super::notifier::{Reply, Rules, OWN_RETRIES};
use super::secret_form::{self, Form};
use super::store::{Kind, Order, OrderStatus};
use super::{printable, Sim};

pub const PATH: &str = "/PayGate";
pub const TITLE: &str = "ChinaBank (网银在线) PayGate";
const NOTIFY: &str = "chinabank.pay.notify";

/// The spec names no schedule ("keeps resending until it receives ok", unconfirmed): the
/// simulator's own.
pub const RULES: Rules = Rules {
    retries: OWN_RETRIES,
    reply: Reply::Exact(NOTIFY),
};

const FORM: Form = Form {
    title: TITLE,
    profile: "chinabank.pay.request",
    merchant_field: "v_mid",
    sig_field: "v_md5info",
};

/// The server-notify URL inside remark2's `[url:=…]`.
fn notify_url(remark2: &str) -> Option<&str> {
    let rest = &remark2[remark2.find("[url:=")? + 6..];
    Some(&rest[..rest.find(']')?])
}

pub fn pay_request(sim: &Sim, req: &Request) -> Response {
    FORM.pay(
        sim,
        req,
        &sim.chinabank,
        check_fields,
        "chinabank",
        ["v_oid", "v_amount"],
    )
}

fn check_fields(f: &Params) -> Result<(), String> {
    let amount = f.get("v_amount").unwrap_or_default();
    if !super::is_yuan(amount) {
        return Err(format!(
            "v_amount '{}' is not an amount in yuan (e.g. 0.01)",
            printable(amount)
        ));
    }
    let url = notify_url(f.get("remark2").unwrap_or_default()).unwrap_or_default();
    if !(url.starts_with("http://") || url.starts_with("https://")) {
        return Err("remark2 carries no [url:=http(s)://…] server-notify address: there is nowhere to notify".into());
    }
    Ok(())
}

fn charset(order: &Order) -> Charset {
    super::declared_charset(order.request.get("encoding"), Charset::Gbk)
}

/// The signed result fields (notification and browser return are the same set).
fn result(sim: &Sim, order: &Order, kind: Kind) -> Result<Params, String> {
    let r = &order.request;
    let get = |name: &str| r.get(name).unwrap_or_default().to_string();
    let paid = order.status == OrderStatus::Paid;
    let (oid, amount) = super::yuan_ids(order, kind);
    let mut n = Params::from_pairs([
        ("v_oid", oid),
        ("v_pstatus", if paid { "20" } else { "30" }.to_string()),
        ("v_pstring", if paid { "支付完成" } else { "支付失败" }.to_string()),
        ("v_pmode", "paysign simulate".to_string()),
        ("v_amount", amount),
        ("v_moneytype", get("v_moneytype")),
        ("remark1", get("remark1")),
        ("remark2", get("remark2")),
    ]);
    let merchant = secret_form::merchant(&sim.chinabank, &order.merchant)?;
    let p = paysign::profile(NOTIFY).map_err(|e| e.message)?;
    paysign::sign(p, &Options::default(), &mut n, Some(&merchant.key)).map_err(|e| e.message)?;
    if kind == Kind::Tampered {
        n.set("v_amount", "9999.99");
    }
    Ok(n)
}

/// The server notification: remark2's URL and the form body.
pub fn notification(sim: &Sim, order: &Order, kind: Kind) -> Result<(String, Vec<u8>), String> {
    let url = notify_url(order.request.get("remark2").unwrap_or_default())
        .ok_or("remark2 has no [url:=…]")?
        .to_string();
    let body = result(sim, order, kind)?
        .encode(Format::Form, charset(order))
        .map_err(|e| e.message)?;
    Ok((url, body.into_bytes()))
}

/// The browser's return: v_url with the same signed fields.
pub fn return_url(sim: &Sim, order: &Order) -> Option<String> {
    let base = order.request.get("v_url").filter(|u| !u.is_empty())?;
    let query = result(sim, order, Kind::Normal)
        .ok()?
        .encode(Format::Form, charset(order))
        .ok()?;
    Some(super::with_query(base, &query))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notify_url_from_remark2() {
        assert_eq!(notify_url("[url:=http://m/n.php]"), Some("http://m/n.php"));
        assert_eq!(notify_url("x[url:=http://m/n.php?a=1]y"), Some("http://m/n.php?a=1"));
        assert_eq!(notify_url("http://m/n.php"), None);
        assert_eq!(notify_url("[url:=http://m"), None);
    }

    #[test]
    fn only_ok_is_ok() {
        assert_eq!(RULES.reply.check(b"ok"), Ok(None));
        assert!(RULES.reply.check(b"ok\n").unwrap_err().contains("line break"));
        assert!(RULES.reply.check(b"OK").unwrap_err().contains("not exactly"));
        assert!(RULES.reply.check(b"error").unwrap_err().contains("not exactly"));
    }
}
