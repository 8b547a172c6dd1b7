//! Allinpay 通联 internet payment gateway, simulated: the payer's form to `/gateway/index.do`
//! (always MD5 with the merchant key, even with signType=1), the server notification (a form
//! POST to receiveUrl) signed MD5 with the merchant key for signType=0 or SHA1withRSA with the
//! simulator's own Allinpay key (`--cert allinpay`) for signType=1, retried until the reply is
//! exactly `success`, then the browser's form POST to pickupUrl with the same fields.
//! Rules: ../shared/specs/allinpay.md.

use paysign::{Format, Options, Params};

use super::http::{Request, Response};
use super::notifier::{Reply, Rules, OWN_RETRIES};
use super::pages;
use super::secret_form::{self, Form};
use super::store::{Kind, Order, OrderStatus};
use super::{beijing_time, now_secs, printable, Sim};

pub const PATH: &str = "/gateway/index.do";
pub const GATEWAY: &str = "allinpay";
pub const TITLE: &str = "Allinpay (通联) gateway";
const NOTIFY: &str = "allinpay.pay.notify";

/// The spec gives neither the reply (`success` is the profile's, a common convention) nor a
/// retry schedule: the simulator's own.
pub const RULES: Rules = Rules {
    retries: OWN_RETRIES,
    reply: Reply::Exact(NOTIFY),
};

const FORM: Form = Form {
    title: TITLE,
    profile: "allinpay.pay.request",
    merchant_field: "merchantId",
    sig_field: "signMsg",
};

pub fn pay_request(sim: &Sim, req: &Request) -> Response {
    FORM.pay(
        sim,
        req,
        &sim.allinpay,
        check_fields,
        GATEWAY,
        ["orderNo", "orderAmount"],
    )
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
        &secret_form::merchant(&sim.allinpay, &order.merchant)?.key
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
        assert_eq!(RULES.reply.check(b"success"), Ok(None));
        assert!(RULES.reply.check(b" success").unwrap_err().contains("whitespace"));
        assert!(RULES.reply.check(b"ok").unwrap_err().contains("not exactly `success`"));
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
