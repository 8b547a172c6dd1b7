//! YeePay 易宝 legacy node gateway, simulated: the payer's Buy request to
//! `/app-merchant-proxy/node` (GET or form POST, GBK; HMAC-MD5 with the merchant key), the
//! server callback (`r9_BType=2`, a GBK query string GET to p8_Url, sent when
//! `pr_NeedResponse=1`) retried until the reply is exactly `success`, then the browser to
//! p8_Url with the same fields and `r9_BType=1`. Both carry the newer callbacks' `hmac_safe`
//! (HMAC-MD5 over the non-empty signed values joined with `#`, profile option hmac_safe=1;
//! Unconfirmed in the spec: one public callback matches it) beside `hmac`.
//! Rules: ../shared/specs/yeepay.md.

use paysign::{Charset, Format, Options, Params};

use super::http::{Request, Response};
use super::notifier::{Reply, Rules, OWN_RETRIES};
use super::secret_form::{self, Form};
use super::store::{Kind, Order, OrderStatus};
use super::{beijing_time, now_secs, printable, Sim};

pub const PATH: &str = "/app-merchant-proxy/node";
pub const GATEWAY: &str = "yeepay";
pub const TITLE: &str = "YeePay (易宝) node";
const NOTIFY: &str = "yeepay.pay.notify";

/// The spec names no schedule ("YeePay keeps re-notifying", unconfirmed): the simulator's own.
pub const RULES: Rules = Rules {
    retries: OWN_RETRIES,
    reply: Reply::Exact(NOTIFY),
};

const FORM: Form = Form {
    title: TITLE,
    profile: "yeepay.pay.request",
    merchant_field: "p1_MerId",
    sig_field: "hmac",
};

pub fn pay_request(sim: &Sim, req: &Request) -> Response {
    let (fields, merchant_id) = match FORM.verified(req, &sim.yeepay, check_fields) {
        Ok(v) => v,
        Err(refusal) => return refusal,
    };
    let amount = fields.get("p3_Amt").unwrap_or_default().to_string();
    // An empty p2_Order: YeePay makes one.
    let order = match fields.get("p2_Order").unwrap_or_default() {
        "" => format!("YP{}{}", beijing_time(now_secs()), sim.store.lock().len()),
        no => no.to_string(),
    };
    let id = sim.store.add(GATEWAY, &merchant_id, &order, &amount, fields);
    sim.after_request(id)
}

/// What the simulator needs beyond a valid hmac: a Buy in CNY, an amount, a URL to come back to.
fn check_fields(f: &Params) -> Result<(), String> {
    let get = |name: &str| f.get(name).unwrap_or_default();
    if get("p0_Cmd") != "Buy" {
        return Err(format!("p0_Cmd must be Buy, not '{}'", printable(get("p0_Cmd"))));
    }
    if get("p4_Cur") != "CNY" {
        return Err(format!("p4_Cur must be CNY, not '{}'", printable(get("p4_Cur"))));
    }
    if !super::is_yuan(get("p3_Amt")) {
        return Err(format!(
            "p3_Amt '{}' is not an amount in yuan (e.g. 0.01)",
            printable(get("p3_Amt"))
        ));
    }
    let url = get("p8_Url");
    if !(url.starts_with("http://") || url.starts_with("https://")) {
        return Err("p8_Url is not an http(s) URL: there is nowhere to send the result".into());
    }
    Ok(())
}

/// Whether the merchant asked for the server callback (`pr_NeedResponse=1`).
pub fn wants_callback(order: &Order) -> bool {
    order.request.get("pr_NeedResponse") == Some("1")
}

/// The signed callback as a GBK query string appended to p8_Url; `btype` 2 = server, 1 = browser.
fn callback_url(sim: &Sim, order: &Order, kind: Kind, btype: &str) -> Result<String, String> {
    let r = &order.request;
    let get = |name: &str| r.get(name).unwrap_or_default().to_string();
    let paid = order.status == OrderStatus::Paid;
    let (no, amount) = super::yuan_ids(order, kind);
    let mut n = Params::from_pairs([
        ("p1_MerId", order.merchant.clone()),
        ("r0_Cmd", "Buy".to_string()),
        // 1 = success; the spec names no failure code: 0 is the simulator's own.
        ("r1_Code", if paid { "1" } else { "0" }.to_string()),
        ("r2_TrxId", order.deal_id.clone().unwrap_or_default()),
        ("r3_Amt", amount),
        // YeePay answers RMB for the request's CNY (spec, gotcha 3).
        ("r4_Cur", "RMB".to_string()),
        ("r5_Pid", get("p5_Pid")),
        ("r6_Order", no),
        ("r7_Uid", String::new()),
        ("r8_MP", get("pa_MP")),
        ("r9_BType", btype.to_string()),
        // Unsigned extras, as YeePay adds them.
        ("rb_BankId", get("pd_FrpId")),
        ("ro_BankOrderId", format!("SIM{}", order.id)),
        ("rp_PayDate", beijing_time(order.closed_at.unwrap_or(order.created))),
    ]);
    let merchant = secret_form::merchant(&sim.yeepay, &order.merchant)?;
    let p = paysign::profile(NOTIFY).map_err(|e| e.message)?;
    // hmac_safe=1: hmac_safe set beside hmac.
    let opts = Options::parse("hmac_safe=1").map_err(|e| e.message)?;
    paysign::sign(p, &opts, &mut n, Some(&merchant.key)).map_err(|e| e.message)?;
    if kind == Kind::Tampered {
        n.set("r3_Amt", "9999.99");
    }
    let query = n.encode(Format::Form, Charset::Gbk).map_err(|e| e.message)?;
    Ok(super::with_query(&get("p8_Url"), &query))
}

/// The server callback: a GET to p8_Url with `r9_BType=2`.
pub fn notification_url(sim: &Sim, order: &Order, kind: Kind) -> Result<String, String> {
    callback_url(sim, order, kind, "2")
}

/// The browser back to p8_Url with `r9_BType=1`.
pub fn return_url(sim: &Sim, order: &Order) -> Option<String> {
    callback_url(sim, order, Kind::Normal, "1").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reply_is_exactly_success() {
        assert_eq!(RULES.reply.check(b"success"), Ok(None));
        assert!(RULES.reply.check(b"success\n").unwrap_err().contains("line break"));
        assert!(RULES
            .reply
            .check(b"SUCCESS")
            .unwrap_err()
            .contains("not exactly `success`"));
    }

    #[test]
    fn fields_a_payment_needs() {
        let good = [
            ("p0_Cmd", "Buy"),
            ("p3_Amt", "0.01"),
            ("p4_Cur", "CNY"),
            ("p8_Url", "http://m/cb.php"),
        ];
        let with = |name: &str, value: &str| {
            let mut f = Params::from_pairs(good.iter().copied());
            f.set(name, value);
            check_fields(&f)
        };
        assert_eq!(check_fields(&Params::from_pairs(good.iter().copied())), Ok(()));
        assert!(with("p0_Cmd", "Query").unwrap_err().contains("p0_Cmd"));
        assert!(with("p4_Cur", "RMB").unwrap_err().contains("p4_Cur"));
        for bad in ["", "0", "0.001", "1,00", "-1"] {
            assert!(with("p3_Amt", bad).unwrap_err().contains("p3_Amt"), "{bad}");
        }
        assert!(with("p8_Url", "javascript:x").unwrap_err().contains("p8_Url"));
    }
}
