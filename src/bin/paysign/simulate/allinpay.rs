//! Allinpay 通联 internet payment gateway, simulated: the payer's form to `/gateway/index.do`
//! (always MD5 with the merchant key, even with signType=1), the server notification (a form
//! POST to receiveUrl) signed MD5 with the merchant key for signType=0 or SHA1withRSA with the
//! simulator's own Allinpay key (`--cert allinpay`) for signType=1, retried until the reply is
//! exactly `success`, then the browser's form POST to pickupUrl with the same fields.
//! Rules: ../shared/specs/allinpay.md.

use paysign::{Format, Key, Options, Params, Verdict};

use super::http::{Request, Response};
use super::notifier::Rules;
use super::pages;
use super::store::{Kind, Order, OrderStatus};
use super::{beijing_time, now_secs, printable, Sim};

pub const PATH: &str = "/gateway/index.do";
pub const GATEWAY: &str = "allinpay";
pub const TITLE: &str = "Allinpay (通联) gateway";
const REQUEST: &str = "allinpay.pay.request";
const NOTIFY: &str = "allinpay.pay.notify";

/// The spec gives neither the reply (`success` is the profile's, a common convention) nor a
/// retry schedule: these five retries over about two hours are the simulator's own.
pub const RULES: Rules = Rules {
    retries: &[60, 300, 600, 1800, 3600],
    check_reply,
};

fn check_reply(body: &[u8]) -> Result<Option<String>, String> {
    super::exact_reply(NOTIFY, body)
}

/// A merchant: its merchantId and MD5 key.
pub struct Merchant {
    pub id: String,
    pub key: Key,
}

fn rejected(message: &str, diagnosis: Option<&str>) -> Response {
    Response::html(400, pages::rejected(TITLE, None, message, diagnosis))
}

pub fn pay_request(sim: &Sim, req: &Request) -> Response {
    let p = match paysign::profile(REQUEST) {
        Ok(p) => p,
        Err(e) => return rejected(&e.message, None),
    };
    let opts = Options::default();
    let fields = match paysign::signer::parse_body(p, &opts, req.form(), Format::Form, None) {
        Ok(f) => f,
        Err(e) => return rejected(&format!("{}: {}", e.status.name(), e.message), None),
    };
    let id = fields.get("merchantId").unwrap_or_default().to_string();
    let Some(merchant) = sim.allinpay.iter().find(|m| m.id == id) else {
        return rejected(
            &format!(
                "merchantId '{}' is not a merchant of this simulator (--config)",
                printable(&id)
            ),
            None,
        );
    };
    match paysign::verify(p, &opts, &fields, Some(&merchant.key)) {
        Ok(Verdict::Valid) => {}
        Ok(Verdict::Invalid(reason)) => {
            let diagnosis = super::diagnosis(p, &opts, req.form(), &merchant.key);
            return rejected(&format!("signMsg does not verify: {reason}"), Some(&diagnosis));
        }
        Err(e) => return rejected(&format!("{}: {}", e.status.name(), e.message), None),
    }
    if let Err(why) = check_fields(&fields) {
        return rejected(&why, None);
    }
    let no = fields.get("orderNo").unwrap_or_default().to_string();
    let amount = fields.get("orderAmount").unwrap_or_default().to_string();
    let order = sim.store.add(GATEWAY, &id, &no, &amount, fields);
    sim.after_request(order)
}

/// What the simulator needs beyond a valid signMsg: an order number, an amount in fen, a
/// signType it can answer, a URL to notify.
fn check_fields(f: &Params) -> Result<(), String> {
    let get = |name: &str| f.get(name).unwrap_or_default();
    if get("orderNo").is_empty() {
        return Err("orderNo is missing".into());
    }
    if !super::is_fen(get("orderAmount")) {
        return Err(format!(
            "orderAmount '{}' is not an amount in fen (e.g. 1 for 0.01 yuan)",
            printable(get("orderAmount"))
        ));
    }
    if !["0", "1"].contains(&get("signType")) {
        return Err(format!(
            "signType must be 0 (MD5) or 1 (RSA), not '{}'",
            printable(get("signType"))
        ));
    }
    let url = get("receiveUrl");
    if !(url.starts_with("http://") || url.starts_with("https://")) {
        return Err("receiveUrl is not an http(s) URL: there is nowhere to notify".into());
    }
    Ok(())
}

/// The signed notification; signType 1: SHA1withRSA with the simulator's key, else MD5.
fn result(sim: &Sim, order: &Order, kind: Kind) -> Result<Params, String> {
    let r = &order.request;
    let get = |name: &str| r.get(name).unwrap_or_default().to_string();
    let paid = order.status == OrderStatus::Paid;
    let no = match kind {
        Kind::OtherOrder => format!("{}X", order.order_id),
        _ => order.order_id.clone(),
    };
    let pay_amount = match kind {
        Kind::WrongAmount => super::fen_plus_one(&order.amount),
        _ => order.amount.clone(),
    };
    let now = beijing_time(now_secs());
    let mut n = Params::from_pairs([
        ("merchantId", order.merchant.clone()),
        ("version", get("version")),
        ("language", get("language")),
        ("signType", get("signType")),
        ("payType", get("payType")),
        ("issuerId", get("issuerId")),
        ("paymentOrderId", order.deal_id.clone().unwrap_or_default()),
        ("orderNo", no),
        ("orderDatetime", get("orderDatetime")),
        ("orderAmount", get("orderAmount")),
        ("payDatetime", beijing_time(order.closed_at.unwrap_or(order.created))),
        ("payAmount", pay_amount),
        ("ext1", get("ext1")),
        ("ext2", get("ext2")),
        // 1 = success; the spec's failure vector carries 0 with errorCode 00000.
        ("payResult", if paid { "1" } else { "0" }.to_string()),
        ("errorCode", if paid { "" } else { "00000" }.to_string()),
        ("returnDatetime", now),
    ]);
    let key = if get("signType") == "1" {
        &sim.allinpay_key.key
    } else {
        &sim.allinpay
            .iter()
            .find(|m| m.id == order.merchant)
            .ok_or("the merchant is no longer configured")?
            .key
    };
    let p = paysign::profile(NOTIFY).map_err(|e| e.message)?;
    paysign::sign(p, &Options::default(), &mut n, Some(key)).map_err(|e| e.message)?;
    if kind == Kind::Tampered {
        n.set("payAmount", &super::fen_tampered(&order.amount));
    }
    Ok(n)
}

fn charset(order: &Order) -> paysign::Charset {
    match order.request.get("inputCharset") {
        Some("2") => paysign::Charset::Gbk,
        Some("3") => paysign::Charset::Gb2312,
        _ => paysign::Charset::Utf8,
    }
}

/// The server notification: receiveUrl and the form body.
pub fn notification(sim: &Sim, order: &Order, kind: Kind) -> Result<(String, Vec<u8>), String> {
    let url = order.request.get("receiveUrl").unwrap_or_default().to_string();
    let body = result(sim, order, kind)?
        .encode(Format::Form, charset(order))
        .map_err(|e| e.message)?;
    Ok((url, body.into_bytes()))
}

/// The browser back: a form that posts itself to pickupUrl, if there is one.
pub fn return_page(sim: &Sim, order: &Order) -> Option<Response> {
    let url = order.request.get("pickupUrl").filter(|u| !u.is_empty())?;
    let fields = result(sim, order, Kind::Normal).ok()?;
    Some(Response::html(200, pages::post_form(url, &fields)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reply_is_exactly_success() {
        assert_eq!(check_reply(b"success"), Ok(None));
        assert!(check_reply(b" success").unwrap_err().contains("whitespace"));
        assert!(check_reply(b"ok").unwrap_err().contains("not exactly `success`"));
    }

    #[test]
    fn fields_a_payment_needs() {
        let good = [
            ("orderNo", "A1"),
            ("orderAmount", "1"),
            ("signType", "1"),
            ("receiveUrl", "http://m/n.php"),
        ];
        let with = |name: &str, value: &str| {
            let mut f = Params::from_pairs(good.iter().copied());
            f.set(name, value);
            check_fields(&f)
        };
        assert_eq!(check_fields(&Params::from_pairs(good.iter().copied())), Ok(()));
        assert!(with("orderNo", "").unwrap_err().contains("orderNo"));
        for bad in ["", "0", "0.01", "-1", "1234567890123"] {
            assert!(with("orderAmount", bad).unwrap_err().contains("orderAmount"), "{bad}");
        }
        assert!(with("signType", "2").unwrap_err().contains("signType"));
        assert!(with("receiveUrl", "ftp://x").unwrap_err().contains("receiveUrl"));
    }
}
