//! Alipay OpenAPI page payment, simulated: `alipay.trade.page.pay` / `alipay.trade.wap.pay` at
//! `/gateway.do` (the payer's browser posts the merchant's signed form), the async
//! notification (a form POST to notify_url, RSA2 with the simulator's own Alipay key, retried
//! until the reply is exactly `success`), then the browser's sync return to return_url, signed
//! the same way. Rules: ../shared/specs/alipay.md §4-5 (docs/specs in this tree).

use paysign::{Charset, Format, Key, Options, Params, Verdict};
use serde_json::Value;

use super::http::{Request, Response};
use super::notifier::{Reply, Rules};
use super::pages;
use super::store::{Kind, Order, OrderStatus};
use super::{now_secs, printable, Sim};

pub const PATH: &str = "/gateway.do";
pub const TITLE: &str = "Alipay (支付宝) OpenAPI";
const REQUEST: &str = "alipay.openapi.request";
const NOTIFY: &str = "alipay.openapi.notify";

/// "4m,10m,10m,1h,2h,6h,15h", eight notifications in 25 hours: Alipay's own text, quoted
/// widely; the spec sheet marks the schedule unconfirmed (§3).
pub const RULES: Rules = Rules {
    retries: &[240, 600, 600, 3600, 7200, 21600, 54000],
    reply: Reply::By(check_reply),
};

fn check_reply(body: &[u8]) -> Result<Option<String>, String> {
    match body {
        b"success" => Ok(None),
        b if b.starts_with(b"\xef\xbb\xbf") => Err("reply starts with a UTF-8 byte order mark".into()),
        b if b.trim_ascii() == b"success" => Err("reply has whitespace or a line break around `success`".into()),
        b if b.eq_ignore_ascii_case(b"success") => Err("reply must be `success` in lower case".into()),
        _ => Err("reply is not exactly `success` (7 bytes)".into()),
    }
}

/// A merchant app: its app_id and the app public key (or certificate) that checks its requests.
pub struct Merchant {
    pub app_id: String,
    pub key: Key,
}

fn rejected(code: &str, message: &str) -> Response {
    Response::html(400, pages::rejected(TITLE, Some(code), message, None))
}

pub fn gateway(sim: &Sim, req: &Request) -> Response {
    let p = match paysign::profile(REQUEST) {
        Ok(p) => p,
        Err(e) => return rejected("isp.unknow-error", &e.message),
    };
    let opts = Options::default();
    let fields = match paysign::signer::parse_body(p, &opts, req.form(), Format::Form, None) {
        Ok(f) => f,
        Err(e) => return rejected("isv.invalid-parameter", &format!("{}: {}", e.status.name(), e.message)),
    };
    let app_id = fields.get("app_id").unwrap_or_default();
    let Some(merchant) = sim.alipay.iter().find(|m| m.app_id == app_id) else {
        return rejected(
            "isv.invalid-app-id",
            &format!(
                "app_id '{}' is not an app of this simulator (--config)",
                printable(app_id)
            ),
        );
    };
    let method = fields.get("method").unwrap_or_default();
    if !["alipay.trade.page.pay", "alipay.trade.wap.pay"].contains(&method) {
        return rejected(
            "isv.invalid-method",
            &format!(
                "method '{}': only alipay.trade.page.pay, alipay.trade.wap.pay and alipay.trade.query are simulated",
                printable(method)
            ),
        );
    }
    match paysign::verify(p, &opts, &fields, Some(&merchant.key)) {
        Ok(Verdict::Valid) => {}
        Ok(Verdict::Invalid(reason)) => {
            let diagnosis = super::diagnosis(p, &opts, req.form(), &merchant.key);
            return Response::html(
                400,
                pages::rejected(
                    TITLE,
                    Some("isv.invalid-signature"),
                    &format!("sign does not verify: {reason}"),
                    Some(&diagnosis),
                ),
            );
        }
        Err(e) => return rejected("isv.invalid-signature", &format!("{}: {}", e.status.name(), e.message)),
    }
    let biz = match check_biz(&fields) {
        Ok(b) => b,
        Err(why) => return rejected("isv.invalid-parameter", &why),
    };
    let id = sim.store.add("alipay", &merchant.app_id, &biz.0, &biz.1, fields);
    sim.after_request(id)
}

/// biz_content's out_trade_no and total_amount (yuan, at most two decimals, above zero).
fn check_biz(f: &Params) -> Result<(String, String), String> {
    let biz: Value = serde_json::from_str(f.get("biz_content").unwrap_or_default())
        .map_err(|e| format!("biz_content is not JSON: {e}"))?;
    let text = |name: &str| biz[name].as_str().unwrap_or_default().to_string();
    let (no, amount) = (text("out_trade_no"), text("total_amount"));
    if no.is_empty() {
        return Err("biz_content.out_trade_no is missing".into());
    }
    if text("subject").is_empty() {
        return Err("biz_content.subject is missing".into());
    }
    if !super::is_yuan(&amount) {
        return Err(format!(
            "biz_content.total_amount '{}' is not an amount in yuan (e.g. 0.01)",
            printable(&amount)
        ));
    }
    for name in ["notify_url", "return_url"] {
        let url = f.get(name).unwrap_or_default();
        if !(url.is_empty() || url.starts_with("http://") || url.starts_with("https://")) {
            return Err(format!("{name} '{}' is not an http(s) URL", printable(url)));
        }
    }
    Ok((no, amount))
}

/// Signs `p` as Alipay does (RSA2, `sign_type` sent but not signed) with the simulator's key.
fn sign(sim: &Sim, p: &mut Params) -> Result<(), String> {
    let profile = paysign::profile(NOTIFY).map_err(|e| e.message)?;
    paysign::sign(profile, &Options::default(), p, Some(&sim.alipay_key.key))
        .map(|_| ())
        .map_err(|e| e.message)
}

fn charset(order: &Order) -> Charset {
    super::declared_charset(order.request.get("charset"), Charset::Utf8)
}

/// The async notification: notify_url and its form body; None when the request gave no
/// notify_url (Alipay then only returns the browser).
pub fn notification(sim: &Sim, order: &Order, kind: Kind) -> Result<(String, Vec<u8>), String> {
    let r = &order.request;
    let url = r.get("notify_url").unwrap_or_default().to_string();
    if url.is_empty() {
        return Err("the request has no notify_url".into());
    }
    let biz: Value = serde_json::from_str(r.get("biz_content").unwrap_or_default()).unwrap_or_default();
    let paid = order.status == OrderStatus::Paid;
    let (out_trade_no, amount) = super::yuan_ids(order, kind);
    let now = super::beijing(now_secs());
    let mut n = Params::from_pairs([
        ("gmt_create", super::beijing(order.created)),
        ("charset", r.get("charset").unwrap_or("utf-8").to_string()),
        ("gmt_payment", now.clone()),
        ("notify_time", now),
        ("subject", biz["subject"].as_str().unwrap_or_default().to_string()),
        ("sign_type", "RSA2".to_string()),
        ("buyer_id", "2088000000000000".to_string()),
        ("invoice_amount", amount.clone()),
        ("version", "1.0".to_string()),
        ("notify_id", format!("sim{}{:06}", now_secs(), order.id)),
        ("notify_type", "trade_status_sync".to_string()),
        ("out_trade_no", out_trade_no),
        ("total_amount", amount.clone()),
        (
            "trade_status",
            if paid { "TRADE_SUCCESS" } else { "TRADE_CLOSED" }.to_string(),
        ),
        ("trade_no", order.deal_id.clone().unwrap_or_default()),
        ("auth_app_id", order.merchant.clone()),
        ("receipt_amount", amount.clone()),
        ("app_id", order.merchant.clone()),
        ("buyer_pay_amount", amount),
        ("seller_id", "2088000000000001".to_string()),
    ]);
    sign(sim, &mut n)?;
    if kind == Kind::Tampered {
        n.set("total_amount", "9999.99");
    }
    let body = n.encode(Format::Form, charset(order)).map_err(|e| e.message)?;
    Ok((url, body.into_bytes()))
}

/// Where the browser goes after payment: return_url with the signed sync return, if any.
pub fn return_url(sim: &Sim, order: &Order) -> Option<String> {
    let base = order.request.get("return_url").filter(|u| !u.is_empty())?;
    let mut p = Params::from_pairs([
        ("charset", order.request.get("charset").unwrap_or("utf-8").to_string()),
        ("out_trade_no", order.order_id.clone()),
        (
            "method",
            format!("{}.return", order.request.get("method").unwrap_or_default()),
        ),
        ("total_amount", order.amount.clone()),
        ("sign_type", "RSA2".to_string()),
        ("trade_no", order.deal_id.clone().unwrap_or_default()),
        ("auth_app_id", order.merchant.clone()),
        ("version", "1.0".to_string()),
        ("app_id", order.merchant.clone()),
        ("seller_id", "2088000000000001".to_string()),
        ("timestamp", super::beijing(now_secs())),
    ]);
    sign(sim, &mut p).ok()?;
    let query = p.encode(Format::Form, charset(order)).ok()?;
    Some(super::with_query(base, &query))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_success_is_success() {
        assert_eq!(check_reply(b"success"), Ok(None));
        assert!(check_reply(b"success\n").unwrap_err().contains("line break"));
        assert!(check_reply(b"SUCCESS").unwrap_err().contains("lower case"));
        assert!(check_reply(b"\xef\xbb\xbfsuccess")
            .unwrap_err()
            .contains("byte order mark"));
        assert!(check_reply(b"fail").unwrap_err().contains("not exactly"));
    }

    #[test]
    fn amounts_in_yuan() {
        let f = |amount: &str| {
            let biz = format!(r#"{{"out_trade_no":"A1","subject":"s","total_amount":"{amount}"}}"#);
            check_biz(&Params::from_pairs([("biz_content", biz.as_str())]))
        };
        assert_eq!(f("0.01"), Ok(("A1".into(), "0.01".into())));
        assert_eq!(f("12"), Ok(("A1".into(), "12".into())));
        for bad in ["", "0", "0.00", "1.234", "-1", "1e2", ".5", "abc"] {
            assert!(f(bad).unwrap_err().contains("total_amount"), "{bad}");
        }
    }
}
