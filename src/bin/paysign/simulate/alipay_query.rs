//! Alipay OpenAPI `alipay.trade.query` at `/gateway.do`, answered from the recorded orders: the
//! request verified with the app's public key like page.pay, the answer Alipay's JSON
//! `{"alipay_trade_query_response":{…},"sign":"…"}` whose sign is RSA2 with the simulator's
//! Alipay key over the exact text of the response node (docs/specs/alipay-cert.md §2, what
//! `paysign::alipay::verify_response` checks).
//!
//! Codes (Alipay's): 10000 Success; 40004 Business Failed with ACQ.TRADE_NOT_EXIST or
//! ACQ.INVALID_PARAMETER (the trade.query error table, zhifubao.apifox.cn api-126426144);
//! 40002 Invalid Arguments with isv.invalid-signature, whose sub_msg carries the sign string the
//! gateway expected (Alipay's "网关生成的验签字符串为：…", yansongda/pay#160,
//! alipay-sdk-nodejs-all#109; here diagnose's report), and isv.invalid-app-id, unsigned as
//! Alipay's (fzlee/alipay#20). trade_no wins over out_trade_no when both are given (Alipay's
//! field description).

use paysign::profile::Hash;
use paysign::{Format, Options, Params, Verdict};
use serde_json::{json, Map, Value};

use super::http::{Request, Response};
use super::store::{Order, OrderStatus};
use super::{printable, Sim};

pub const METHOD: &str = "alipay.trade.query";
const NODE: &str = "alipay_trade_query_response";
const REQUEST: &str = "alipay.openapi.request";

/// Whether a `/gateway.do` request is a trade.query (its method field, GET query or POST form).
pub fn is_query(req: &Request) -> bool {
    let wanted = format!("method={METHOD}");
    req.form().split(|&b| b == b'&').any(|f| f == wanted.as_bytes())
}

/// The answer: `node` and, unless `signed` is false, its RSA2 sign over the node's exact text.
fn answer(sim: &Sim, node: Value, signed: bool) -> Response {
    let text = node.to_string();
    let mut body = format!("{{\"{NODE}\":{text}");
    if signed {
        match paysign::digest::rsa_sign_key(&sim.alipay_key.key, Hash::Sha256, text.as_bytes()) {
            Ok(sig) => {
                use base64::Engine;
                let sign = base64::engine::general_purpose::STANDARD.encode(sig);
                body.push_str(&format!(",\"sign\":\"{sign}\""));
            }
            Err(e) => eprintln!("paysign simulate: alipay.trade.query answer not signed: {}", e.message),
        }
    }
    body.push('}');
    Response::bytes(200, "application/json;charset=utf-8", body.into_bytes())
}

/// An error node: Alipay's public `code` with its `msg`, and the `sub_code`.
fn failed(code: &str, sub_code: &str, sub_msg: &str) -> Value {
    let msg = match code {
        "20000" => "Service Currently Unavailable",
        "40002" => "Invalid Arguments",
        _ => "Business Failed",
    };
    json!({"code": code, "msg": msg, "sub_code": sub_code, "sub_msg": sub_msg})
}

pub fn query(sim: &Sim, req: &Request) -> Response {
    let p = match paysign::profile(REQUEST) {
        Ok(p) => p,
        Err(e) => return answer(sim, failed("20000", "isp.unknow-error", &e.message), true),
    };
    let opts = Options::default();
    let fields = match paysign::signer::parse_body(p, &opts, req.form(), Format::Form, None) {
        Ok(f) => f,
        Err(e) => {
            let why = format!("{}: {}", e.status.name(), e.message);
            return answer(sim, failed("40002", "isv.invalid-parameter", &why), true);
        }
    };
    let app_id = fields.get("app_id").unwrap_or_default();
    let Some(merchant) = sim.alipay.iter().find(|m| m.app_id == app_id) else {
        let why = format!(
            "无效的AppID参数: app_id '{}' is not an app of this simulator (--config)",
            printable(app_id)
        );
        return answer(sim, failed("40002", "isv.invalid-app-id", &why), false);
    };
    match paysign::verify(p, &opts, &fields, Some(&merchant.key)) {
        Ok(Verdict::Valid) => {}
        Ok(Verdict::Invalid(reason)) => {
            let diagnosis = super::diagnosis(p, &opts, req.form(), &merchant.key);
            let why = format!("验签出错: sign does not verify: {reason}\n{diagnosis}");
            return answer(sim, failed("40002", "isv.invalid-signature", &why), true);
        }
        Err(e) => {
            let why = format!("{}: {}", e.status.name(), e.message);
            return answer(sim, failed("40002", "isv.invalid-signature", &why), true);
        }
    }
    let (trade_no, out_trade_no) = match wanted(&fields) {
        Ok(v) => v,
        Err(why) => return answer(sim, failed("40004", "ACQ.INVALID_PARAMETER", &why), true),
    };
    let orders = sim.store.lock();
    let found = orders.iter().rev().find(|o| {
        o.gateway == "alipay"
            && o.merchant == merchant.app_id
            && if trade_no.is_empty() {
                o.order_id == out_trade_no
            } else {
                o.deal_id.as_deref() == Some(trade_no.as_str())
            }
    });
    let node = match found {
        Some(o) => trade(o),
        None => failed("40004", "ACQ.TRADE_NOT_EXIST", "交易不存在"),
    };
    drop(orders);
    answer(sim, node, true)
}

/// biz_content's trade_no and out_trade_no (one of them needed).
fn wanted(f: &Params) -> Result<(String, String), String> {
    let biz: Value = serde_json::from_str(f.get("biz_content").unwrap_or_default())
        .map_err(|e| format!("biz_content is not JSON: {e}"))?;
    let text = |name: &str| biz[name].as_str().unwrap_or_default().to_string();
    let (trade_no, out_trade_no) = (text("trade_no"), text("out_trade_no"));
    if trade_no.is_empty() && out_trade_no.is_empty() {
        return Err("biz_content needs out_trade_no or trade_no".into());
    }
    Ok((trade_no, out_trade_no))
}

/// The recorded order as trade.query describes it: WAIT_BUYER_PAY while the payment page is
/// open, TRADE_SUCCESS after Pay, TRADE_CLOSED after Fail or Cancel. A trade not yet paid has
/// no trade_no here (the simulator numbers a trade when it is paid).
fn trade(o: &Order) -> Value {
    let (status, paid) = match o.status {
        OrderStatus::Pending => ("WAIT_BUYER_PAY", false),
        OrderStatus::Paid => ("TRADE_SUCCESS", true),
        _ => ("TRADE_CLOSED", false),
    };
    let mut n = Map::new();
    let mut put = |k: &str, v: &str| {
        n.insert(k.to_string(), Value::String(v.to_string()));
    };
    put("code", "10000");
    put("msg", "Success");
    if let Some(no) = &o.deal_id {
        put("trade_no", no);
    }
    put("out_trade_no", &o.order_id);
    put("buyer_logon_id", "sim***@example.com");
    put("trade_status", status);
    put("total_amount", &o.amount);
    let zero = "0.00";
    put("buyer_pay_amount", if paid { &o.amount } else { zero });
    put("point_amount", "0.00");
    put("invoice_amount", if paid { &o.amount } else { zero });
    put("receipt_amount", if paid { &o.amount } else { zero });
    if paid {
        put("send_pay_date", &super::beijing(o.closed_at.unwrap_or(o.created)));
    }
    put("buyer_user_id", "2088000000000000");
    Value::Object(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_trade_asked_for() {
        let f = |biz: &str| wanted(&Params::from_pairs([("biz_content", biz)]));
        assert_eq!(f(r#"{"out_trade_no":"A1"}"#), Ok((String::new(), "A1".into())));
        assert_eq!(
            f(r#"{"trade_no":"T1","out_trade_no":"A1"}"#),
            Ok(("T1".into(), "A1".into()))
        );
        assert!(f("{}").unwrap_err().contains("out_trade_no or trade_no"));
        assert!(f("{out").unwrap_err().contains("not JSON"));
    }

    #[test]
    fn trade_status_by_order_status() {
        let mut o = Order {
            id: 0,
            gateway: "alipay",
            merchant: "9021000122682882".into(),
            order_id: "A1".into(),
            amount: "0.01".into(),
            request: Params::default(),
            status: OrderStatus::Pending,
            deal_id: None,
            created: 0,
            closed_at: None,
            notifications: Vec::new(),
        };
        let t = trade(&o);
        assert_eq!(
            (t["trade_status"].as_str(), t["buyer_pay_amount"].as_str()),
            (Some("WAIT_BUYER_PAY"), Some("0.00"))
        );
        assert!(t.get("trade_no").is_none() && t.get("send_pay_date").is_none());
        (o.status, o.deal_id, o.closed_at) = (OrderStatus::Paid, Some("T1".into()), Some(1_550_641_715));
        let t = trade(&o);
        assert_eq!(t["trade_status"], "TRADE_SUCCESS");
        assert_eq!(
            (t["trade_no"].as_str(), t["send_pay_date"].as_str()),
            (Some("T1"), Some("2019-02-20 13:48:35"))
        );
        o.status = OrderStatus::Cancelled;
        assert_eq!(trade(&o)["trade_status"], "TRADE_CLOSED");
        // The node's members in Alipay's order, code first.
        assert!(trade(&o)
            .to_string()
            .starts_with(r#"{"code":"10000","msg":"Success","trade_no":"T1""#));
    }
}
