//! WeChat Pay (API v2), simulated: `/pay/unifiedorder` and `/pay/orderquery` (XML POSTs from
//! the merchant's server, answered in XML signed with the merchant's API key), the payer's
//! phone as a page (`/_sim/scan?code_url=…`), and the notification: an XML POST to
//! notify_url, retried on WeChat's schedule until the reply is exactly the SUCCESS reply.
//! Rules: ../shared/specs/wechatpay.md (docs/specs in this tree).

use paysign::{Charset, Format, Key, Options, Params, Verdict};

use super::http::{Request, Response};
use super::notifier::{Reply, Rules};
use super::store::{Kind, Order, OrderStatus};
use super::{beijing_time, now_secs, Sim};

pub const UNIFIED_ORDER_PATH: &str = "/pay/unifiedorder";
pub const ORDER_QUERY_PATH: &str = "/pay/orderquery";
pub const TITLE: &str = "WeChat Pay (微信支付) API v2";
const REQUEST: &str = "wechatpay.request";
/// Notifications and every API response.
const NOTIFY: &str = "wechatpay.notify";
const XML: &str = "text/xml; charset=utf-8";

/// "15/15/30/180/1800/1800/1800/1800/3600 s" (docs/specs/wechatpay.md §3).
pub const RULES: Rules = Rules {
    retries: &[15, 15, 30, 180, 1800, 1800, 1800, 1800, 3600],
    reply: Reply::By(check_reply),
};

fn check_reply(body: &[u8]) -> Result<Option<String>, String> {
    let p = paysign::profile(NOTIFY).map_err(|e| e.message)?;
    let expected = paysign::reply(p, true, None).map_err(|e| e.message)?;
    if body == expected.as_bytes() {
        return Ok(None);
    }
    let text = String::from_utf8_lossy(body);
    Err(if text.starts_with('\u{feff}') {
        "reply starts with a UTF-8 byte order mark".into()
    } else if text.trim() == expected {
        "reply has whitespace or a line break around the SUCCESS reply".into()
    } else if text.contains("SUCCESS") {
        format!("reply is not byte for byte {expected} (what `paysign reply wechatpay.notify --success` prints)")
    } else {
        format!("reply is not the SUCCESS reply {expected}")
    })
}

/// A merchant: its mch_id and API key (商户平台 > API安全).
pub struct Merchant {
    pub mch_id: String,
    pub key: Key,
}

/// A protocol-level failure: `return_code` FAIL, unsigned (as WeChat sends them).
fn fail(msg: &str) -> Response {
    let mut p = Params::new();
    p.set("return_code", "FAIL");
    p.set("return_msg", msg);
    xml(200, &p)
}

fn xml(status: u16, p: &Params) -> Response {
    match p.encode(Format::Xml, Charset::Utf8) {
        Ok(body) => Response::bytes(status, XML, body.into_bytes()),
        Err(e) => Response::html(
            500,
            super::pages::page("Simulator error", &super::pages::escape(&e.message)),
        ),
    }
}

/// A random 32-character nonce (the library's own; a fixed one would still be a valid answer).
fn nonce() -> String {
    paysign::wechat_v3::fresh_nonce().unwrap_or_else(|_| "0".repeat(32))
}

/// The request, parsed and verified: Ok(fields, merchant) or the FAIL reply.
fn verified<'s>(sim: &'s Sim, req: &Request) -> Result<(Params, &'s Merchant), Response> {
    let p = paysign::profile(REQUEST).map_err(|e| fail(&e.message))?;
    let opts = Options::default();
    let fields = paysign::signer::parse_body(p, &opts, &req.body, Format::Xml, None)
        .map_err(|e| fail(&format!("XML格式错误: {}", e.message)))?;
    let mch_id = fields.get("mch_id").unwrap_or_default();
    let merchant = sim.wechat.iter().find(|m| m.mch_id == mch_id).ok_or_else(|| {
        fail(&format!(
            "mch_id '{}' is not a merchant of this simulator (--config)",
            super::printable(mch_id)
        ))
    })?;
    match paysign::verify(p, &opts, &fields, Some(&merchant.key)) {
        Ok(Verdict::Valid) => Ok((fields, merchant)),
        // WeChat's text for a bad sign; the reason says which check failed.
        Ok(Verdict::Invalid(reason)) => Err(fail(&format!("签名错误 ({reason})"))),
        Err(e) => Err(fail(&format!("{}: {}", e.status.name(), e.message))),
    }
}

/// A signed answer: `return_code` SUCCESS plus `fields`, in the request's sign_type.
fn answer(merchant: &Merchant, request: &Params, fields: &[(&str, String)]) -> Response {
    let mut p = Params::from_pairs([
        ("return_code", "SUCCESS".to_string()),
        ("return_msg", "OK".to_string()),
        ("appid", request.get("appid").unwrap_or_default().to_string()),
        ("mch_id", merchant.mch_id.clone()),
        ("nonce_str", nonce()),
    ]);
    for (name, value) in fields {
        p.set(name, value);
    }
    match sign(&mut p, merchant, request.get("sign_type")) {
        Ok(()) => xml(200, &p),
        Err(e) => fail(&e),
    }
}

fn sign(p: &mut Params, merchant: &Merchant, sign_type: Option<&str>) -> Result<(), String> {
    let profile = paysign::profile(NOTIFY).map_err(|e| e.message)?;
    let opts = match sign_type {
        Some(t) if !t.is_empty() => Options::parse(&format!("sign_type={t}")).map_err(|e| e.message)?,
        _ => Options::default(),
    };
    paysign::sign(profile, &opts, p, Some(&merchant.key))
        .map(|_| ())
        .map_err(|e| e.message)
}

fn check_fields(f: &Params) -> Result<(), String> {
    for name in [
        "appid",
        "mch_id",
        "nonce_str",
        "body",
        "out_trade_no",
        "total_fee",
        "spbill_create_ip",
        "notify_url",
        "trade_type",
    ] {
        if f.get(name).unwrap_or_default().is_empty() {
            return Err(format!("缺少参数 {name}"));
        }
    }
    let fee = f.get("total_fee").unwrap_or_default();
    if !super::is_fen(fee) {
        return Err(format!(
            "total_fee '{}' is not a positive whole number of fen",
            super::printable(fee)
        ));
    }
    check_notify_url(f.get("notify_url").unwrap_or_default())?;
    let t = f.get("trade_type").unwrap_or_default();
    if !["NATIVE", "JSAPI", "APP", "MWEB"].contains(&t) {
        return Err(format!(
            "trade_type '{}' is not NATIVE, JSAPI, APP or MWEB",
            super::printable(t)
        ));
    }
    Ok(())
}

/// WeChat's rule for notify_url, v2 and v3 alike: an http(s) URL that carries no query.
pub fn check_notify_url(url: &str) -> Result<(), String> {
    if !(url.starts_with("http://") || url.starts_with("https://")) || url.contains('?') {
        return Err(format!(
            "notify_url '{}' must be an http(s) URL without a query string",
            super::printable(url)
        ));
    }
    Ok(())
}

pub fn unified_order(sim: &Sim, req: &Request) -> Response {
    let (fields, merchant) = match verified(sim, req) {
        Ok(v) => v,
        Err(r) => return r,
    };
    if let Err(why) = check_fields(&fields) {
        return fail(&why);
    }
    let out_trade_no = fields.get("out_trade_no").unwrap_or_default().to_string();
    let paid = sim.store.lock().iter().any(|o| {
        o.gateway == "wechatpay"
            && o.merchant == merchant.mch_id
            && o.order_id == out_trade_no
            && o.status == OrderStatus::Paid
    });
    if paid {
        return answer(
            merchant,
            &fields,
            &[
                ("result_code", "FAIL".into()),
                ("err_code", "ORDERPAID".into()),
                ("err_code_des", "该订单已支付".into()),
            ],
        );
    }
    let trade_type = fields.get("trade_type").unwrap_or_default().to_string();
    let amount = fields.get("total_fee").unwrap_or_default().to_string();
    let id = sim
        .store
        .add("wechatpay", &merchant.mch_id, &out_trade_no, &amount, fields.clone());
    let prepay_id = prepay_id(id);
    let mut out = vec![
        ("result_code", "SUCCESS".to_string()),
        ("trade_type", trade_type.clone()),
        ("prepay_id", prepay_id.clone()),
    ];
    if trade_type == "NATIVE" {
        out.push(("code_url", format!("weixin://wxpay/bizpayurl?pr={prepay_id}")));
    }
    answer(merchant, &fields, &out)
}

/// `wx` + the simulator's order number: the way back from a prepay_id or code_url to the order.
pub fn prepay_id(id: usize) -> String {
    format!("wxsim{id:010}")
}

/// The order a `code_url` or `prepay_id` names.
pub fn order_of(code: &str) -> Option<usize> {
    let pr = code.rsplit_once("pr=").map_or(code, |(_, p)| p);
    pr.strip_prefix("wxsim")?.parse().ok()
}

pub fn order_query(sim: &Sim, req: &Request) -> Response {
    let (fields, merchant) = match verified(sim, req) {
        Ok(v) => v,
        Err(r) => return r,
    };
    let by_no = fields.get("out_trade_no").unwrap_or_default();
    let by_tx = fields.get("transaction_id").unwrap_or_default();
    if by_no.is_empty() && by_tx.is_empty() {
        return fail("缺少参数 out_trade_no or transaction_id");
    }
    let found = sim
        .store
        .lock()
        .iter()
        .rev()
        .find(|o| {
            o.gateway == "wechatpay"
                && o.merchant == merchant.mch_id
                && (if by_tx.is_empty() {
                    o.order_id == by_no
                } else {
                    o.deal_id.as_deref() == Some(by_tx)
                })
        })
        .cloned();
    let Some(o) = found else {
        return answer(
            merchant,
            &fields,
            &[
                ("result_code", "FAIL".into()),
                ("err_code", "ORDERNOTEXIST".into()),
                ("err_code_des", "此交易订单号不存在".into()),
            ],
        );
    };
    let (state, desc) = match o.status {
        OrderStatus::Pending => ("NOTPAY", "订单未支付"),
        OrderStatus::Paid => ("SUCCESS", "支付成功"),
        OrderStatus::Failed => ("PAYERROR", "支付失败"),
        OrderStatus::Cancelled => ("CLOSED", "已关闭"),
    };
    let mut out = vec![
        ("result_code", "SUCCESS".to_string()),
        ("out_trade_no", o.order_id.clone()),
        ("trade_state", state.to_string()),
        ("trade_state_desc", desc.to_string()),
        ("total_fee", o.amount.clone()),
        (
            "trade_type",
            o.request.get("trade_type").unwrap_or_default().to_string(),
        ),
    ];
    if let Some(tx) = &o.deal_id {
        out.push(("transaction_id", tx.clone()));
    }
    answer(merchant, &fields, &out)
}

/// The notification: its URL and signed XML body.
pub fn notification(sim: &Sim, order: &Order, kind: Kind) -> Result<(String, Vec<u8>), String> {
    let r = &order.request;
    let get = |name: &str| r.get(name).unwrap_or_default().to_string();
    let merchant = sim
        .wechat
        .iter()
        .find(|m| m.mch_id == order.merchant)
        .ok_or("merchant gone from the configuration")?;
    let paid = order.status == OrderStatus::Paid;
    let fee = match kind {
        Kind::WrongAmount => super::fen_plus_one(&get("total_fee")),
        _ => get("total_fee"),
    };
    let out_trade_no = match kind {
        Kind::OtherOrder => format!("{}X", get("out_trade_no")),
        _ => get("out_trade_no"),
    };
    let mut n = Params::from_pairs([
        ("return_code", "SUCCESS".to_string()),
        ("return_msg", "OK".to_string()),
        ("appid", get("appid")),
        ("mch_id", merchant.mch_id.clone()),
        ("nonce_str", nonce()),
        ("result_code", if paid { "SUCCESS" } else { "FAIL" }.to_string()),
        ("openid", "oSIMULATEDpayer000000000000".to_string()),
        ("is_subscribe", "N".to_string()),
        ("trade_type", get("trade_type")),
        ("bank_type", "CFT".to_string()),
        ("total_fee", fee.clone()),
        ("fee_type", "CNY".to_string()),
        ("cash_fee", fee),
        ("transaction_id", order.deal_id.clone().unwrap_or_default()),
        ("out_trade_no", out_trade_no),
        ("attach", get("attach")),
        ("time_end", beijing_time(now_secs())),
    ]);
    if !paid {
        n.set("err_code", "PAYERROR");
        n.set("err_code_des", "支付失败");
    }
    if n.get("attach") == Some("") {
        n.remove("attach");
    }
    if let Some(t) = r.get("sign_type").filter(|t| !t.is_empty()) {
        n.set("sign_type", t);
    }
    sign(&mut n, merchant, r.get("sign_type"))?;
    if kind == Kind::Tampered {
        n.set("total_fee", &super::fen_tampered(&get("total_fee")));
    }
    let body = n.encode(Format::Xml, Charset::Utf8).map_err(|e| e.message)?;
    Ok((get("notify_url"), body.into_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_exact_success_reply_is_accepted() {
        let ok = b"<xml><return_code><![CDATA[SUCCESS]]></return_code><return_msg><![CDATA[OK]]></return_msg></xml>";
        assert_eq!(check_reply(ok), Ok(None));
        let mut nl = ok.to_vec();
        nl.push(b'\n');
        assert!(check_reply(&nl).unwrap_err().contains("line break"));
        assert!(check_reply(b"<xml><return_code>SUCCESS</return_code></xml>")
            .unwrap_err()
            .contains("byte for byte"));
        assert!(check_reply(b"success").unwrap_err().contains("not the SUCCESS reply"));
    }

    #[test]
    fn code_urls_lead_back_to_their_order() {
        assert_eq!(
            order_of(&format!("weixin://wxpay/bizpayurl?pr={}", prepay_id(42))),
            Some(42)
        );
        assert_eq!(order_of(&prepay_id(7)), Some(7));
        assert_eq!(order_of("weixin://wxpay/bizpayurl?pr=other"), None);
    }
}
