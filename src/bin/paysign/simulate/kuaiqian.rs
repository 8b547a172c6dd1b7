//! 99bill (快钱) RMB gateway, simulated: the payment request at
//! `/gateway/recvMerchantInfoAction.htm`, the bgUrl notification (GET, the fields appended to
//! bgUrl's own query, signed with the simulator's 99bill key), the `<result>1</result>` reply
//! check and the retries. Rules: ../shared/specs/99bill.md (docs/specs in this tree).

use paysign::{Charset, Format, Key, Options, Params, Verdict};

use super::http::{Request, Response};
use super::notifier::{Reply, Rules};
use super::pages;
use super::store::{Kind, Order, OrderStatus};
use super::{beijing_time, printable, Sim};

pub const PAY_PATH: &str = "/gateway/recvMerchantInfoAction.htm";
pub const TITLE: &str = "99bill (快钱) RMB gateway";
const REQUEST: &str = "99bill.pay.request";
const NOTIFY: &str = "99bill.pay.notify";

/// 99bill retries anything but the success reply "for up to 18 hours, first about every 5 s,
/// then at growing intervals" (docs/specs/99bill.md §2; the exact schedule is not published:
/// this one follows the public merchant log the spec cites, and sums to 18 h).
pub const RULES: Rules = Rules {
    retries: &[5, 5, 5, 30, 60, 120, 300, 600, 1800, 3600, 7200, 14400, 36000],
    reply: Reply::By(check_reply),
};

/// With only pageUrl, 99bill calls it once (docs/specs/99bill.md §2).
pub const RULES_PAGE_URL: Rules = Rules {
    retries: &[],
    reply: Reply::By(check_reply),
};

const SUCCESS_HEAD: &str = "<result>1</result><redirecturl>";
const SUCCESS_TAIL: &str = "</redirecturl>";

/// The reply must be exactly paysign_reply's success body with a redirect URL.
fn check_reply(body: &[u8]) -> Result<Option<String>, String> {
    let text = std::str::from_utf8(body).map_err(|_| "reply is not UTF-8 text".to_string())?;
    if text.starts_with('\u{feff}') {
        return Err("reply starts with a UTF-8 byte order mark (a PHP file saved with BOM?)".into());
    }
    if text.trim() != text {
        return Err("reply has whitespace or a line break around it (a closing ?> followed by a newline?)".into());
    }
    let url = text
        .strip_prefix(SUCCESS_HEAD)
        .and_then(|t| t.strip_suffix(SUCCESS_TAIL))
        .ok_or_else(|| format!("reply is not {SUCCESS_HEAD}URL{SUCCESS_TAIL}"))?;
    let p = paysign::profile(NOTIFY).map_err(|e| e.message)?;
    match paysign::reply(p, true, Some(url)) {
        Ok(expected) if expected == text => Ok(Some(url.to_string())),
        Ok(_) => Err("reply differs from the success reply".into()),
        Err(e) => Err(format!("redirecturl: {}", e.message)),
    }
}

/// A merchant the simulator knows: its 99bill member account and the key that checks its
/// requests (its certificate for signType=4, its MD5 key for signType=1), and its query key
/// (查询密钥) for the order query API.
pub struct Merchant {
    pub acct_id: String,
    pub key: Key,
    pub query_key: Option<String>,
}

/// The payment request, posted by the payer's browser.
pub fn pay_request(sim: &Sim, req: &Request) -> Response {
    let p = match paysign::profile(REQUEST) {
        Ok(p) => p,
        Err(e) => return Response::html(500, pages::rejected(TITLE, None, &e.message, None)),
    };
    let opts = Options::default();
    let fields = match paysign::signer::parse_body(p, &opts, req.form(), Format::Form, None) {
        Ok(f) => f,
        Err(e) => return rejected(None, &format!("{}: {}", e.status.name(), e.message), None),
    };
    let acct = fields.get("merchantAcctId").unwrap_or_default().to_string();
    let Some(merchant) = sim.kuaiqian.iter().find(|m| m.acct_id == acct) else {
        return rejected(
            None,
            &format!(
                "merchantAcctId '{}' is not a merchant of this simulator (--config)",
                printable(&acct)
            ),
            None,
        );
    };
    if let Err(why) = check_fields(&fields) {
        return rejected(None, &why, None);
    }
    match paysign::verify(p, &opts, &fields, Some(&merchant.key)) {
        Ok(Verdict::Valid) => {}
        Ok(Verdict::Invalid(reason)) => {
            let diagnosis = super::diagnosis(p, &opts, req.form(), &merchant.key);
            return rejected(
                Some("20001"),
                &format!("signMsg does not verify: {reason}"),
                Some(&diagnosis),
            );
        }
        Err(e) => return rejected(Some("20001"), &format!("{}: {}", e.status.name(), e.message), None),
    }
    let order_id = fields.get("orderId").unwrap_or_default().to_string();
    let amount = fields.get("orderAmount").unwrap_or_default().to_string();
    let id = sim.store.add("99bill", &acct, &order_id, &amount, fields);
    sim.after_request(id)
}

fn rejected(code: Option<&str>, message: &str, diagnosis: Option<&str>) -> Response {
    Response::html(400, pages::rejected(TITLE, code, message, diagnosis))
}

/// What the gateway checks before the signature: the fields a payment cannot do without.
fn check_fields(f: &Params) -> Result<(), String> {
    let order_id = f.get("orderId").unwrap_or_default();
    if order_id.is_empty() {
        return Err("orderId is missing".into());
    }
    let amount = f.get("orderAmount").unwrap_or_default();
    if !super::is_fen(amount) {
        return Err(format!(
            "orderAmount '{}' is not a positive whole number of fen",
            printable(amount)
        ));
    }
    let bg = f.get("bgUrl").unwrap_or_default();
    let page = f.get("pageUrl").unwrap_or_default();
    if bg.is_empty() && page.is_empty() {
        return Err("neither bgUrl nor pageUrl is given: there is nowhere to notify".into());
    }
    for (name, url) in [("bgUrl", bg), ("pageUrl", page)] {
        if !(url.is_empty() || url.starts_with("http://") || url.starts_with("https://")) {
            return Err(format!("{name} '{}' is not an http(s) URL", printable(url)));
        }
    }
    Ok(())
}

/// The notification's target and the rules of its delivery.
pub fn target(order: &Order) -> (&str, &'static Rules) {
    let bg = order.request.get("bgUrl").unwrap_or_default();
    if bg.is_empty() {
        (order.request.get("pageUrl").unwrap_or_default(), &RULES_PAGE_URL)
    } else {
        (bg, &RULES)
    }
}

/// The full notification URL for `order`: bgUrl (or pageUrl) with the signed fields appended
/// to its own query, in the request's inputCharset.
pub fn notification_url(sim: &Sim, order: &Order, kind: Kind) -> Result<String, String> {
    let r = &order.request;
    let get = |name: &str| r.get(name).unwrap_or_default().to_string();
    let paid = order.status == OrderStatus::Paid;
    let order_id = match kind {
        Kind::OtherOrder => format!("{}X", get("orderId")),
        _ => get("orderId"),
    };
    let pay_amount = match kind {
        // One fen more than asked: validly signed, wrong for this order.
        Kind::WrongAmount => super::fen_plus_one(&get("orderAmount")),
        _ => get("orderAmount"),
    };
    let pay_type = match get("payType").as_str() {
        "" | "00" => "10".to_string(), // 00 = "any method" in the request; the result names one
        other => other.to_string(),
    };
    let mut n = Params::from_pairs([
        ("merchantAcctId", get("merchantAcctId")),
        ("version", get("version")),
        ("language", get("language")),
        ("signType", "4".to_string()),
        ("payType", pay_type),
        ("bankId", get("bankId")),
        ("orderId", order_id),
        ("orderTime", get("orderTime")),
        ("orderAmount", get("orderAmount")),
        ("bindCard", String::new()),
        ("bindMobile", String::new()),
        ("dealId", order.deal_id.clone().unwrap_or_default()),
        (
            "bankDealId",
            order.deal_id.as_ref().map(|d| format!("B{d}")).unwrap_or_default(),
        ),
        ("dealTime", beijing_time(order.closed_at.unwrap_or(order.created))),
        ("payAmount", pay_amount),
        ("fee", "0".to_string()),
        ("ext1", get("ext1")),
        ("ext2", get("ext2")),
        ("payResult", if paid { "10" } else { "11" }.to_string()),
        ("errCode", String::new()),
    ]);
    let p = paysign::profile(NOTIFY).map_err(|e| e.message)?;
    let opts = Options {
        hash: Some(sim.kuaiqian_hash),
        ..Options::default()
    };
    paysign::sign(p, &opts, &mut n, Some(&sim.kuaiqian_key.key)).map_err(|e| e.message)?;
    if kind == Kind::Tampered {
        // After signing: the signature no longer covers the amount.
        n.set("payAmount", &super::fen_tampered(&get("orderAmount")));
    }
    let charset = match get("inputCharset").as_str() {
        "2" => Charset::Gbk,
        "3" => Charset::Gb2312,
        _ => Charset::Utf8,
    };
    let query = n.encode(Format::Form, charset).map_err(|e| e.message)?;
    let (base, _) = target(order);
    Ok(super::with_query(base, &query))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_success_reply_is_accepted_with_its_url() {
        let ok = check_reply(b"<result>1</result><redirecturl>http://m/show.php?msg=success</redirecturl>");
        assert_eq!(ok, Ok(Some("http://m/show.php?msg=success".to_string())));
    }

    #[test]
    fn anything_else_is_refused_with_the_reason() {
        let why = |b: &[u8]| check_reply(b).unwrap_err();
        assert!(why(b"\xef\xbb\xbf<result>1</result><redirecturl>http://m/</redirecturl>").contains("byte order mark"));
        assert!(why(b"<result>1</result><redirecturl>http://m/</redirecturl>\n").contains("line break"));
        assert!(why(b"<result>0</result><redirecturl>http://m/</redirecturl>").contains("is not <result>1</result>"));
        assert!(why(b"<result>1</result><redirecturl></redirecturl>").contains("needs redirect_url"));
        assert!(why(b"success").contains("is not"));
        assert!(why(b"\xff").contains("UTF-8"));
    }

    #[test]
    fn fields_a_payment_needs() {
        let f = |pairs: &[(&str, &str)]| check_fields(&Params::from_pairs(pairs.iter().copied()));
        let good = [("orderId", "A1"), ("orderAmount", "100"), ("bgUrl", "http://m/r")];
        assert_eq!(f(&good), Ok(()));
        assert!(f(&[("orderAmount", "100"), ("bgUrl", "http://m/r")])
            .unwrap_err()
            .contains("orderId"));
        for bad in ["", "0", "1.5", "-1", "1e3", "1234567890123"] {
            let e = f(&[("orderId", "A1"), ("orderAmount", bad), ("bgUrl", "http://m/r")]).unwrap_err();
            assert!(e.contains("orderAmount"), "{bad}: {e}");
        }
        assert!(f(&[("orderId", "A1"), ("orderAmount", "1")])
            .unwrap_err()
            .contains("nowhere to notify"));
        assert!(f(&[("orderId", "A1"), ("orderAmount", "1"), ("bgUrl", "javascript:x")])
            .unwrap_err()
            .contains("bgUrl"));
    }
}
