//! 99bill's JSON order query (`/gatewayapi/gatewayOrderQuery.do`), answered from the recorded
//! orders: the request verified with the merchant's certificate (signType=2) or its query key
//! (signType=1), both with the query key inside the signed string; the answer signed with the
//! simulator's 99bill key the same way, and each orderDetail item with its own signInfo.
//! Rules: ../shared/specs/99bill.md §3.

use paysign::{Format, Key, Options, Params, Verdict};
use serde_json::{json, Map, Value};

use super::http::{Request, Response};
use super::store::OrderStatus;
use super::{beijing_time, printable, Sim};

pub const PATH: &str = "/gatewayapi/gatewayOrderQuery.do";
const REQUEST: &str = "99bill.query.request";
const RESPONSE: &str = "99bill.query.response";
const ORDER: &str = "99bill.query.order";
/// The most orders in one page of the answer (99bill's pageSize).
const PAGE_SIZE: usize = 20;

/// A refused query. The spec gives no error codes for this API; these are the simulator's
/// own, named `sim.*` so that nobody takes them for 99bill's.
fn refused(status: u16, code: &str, message: &str) -> Response {
    Response::json(status, &json!({"errCode": code, "errMsg": message}))
}

pub fn query(sim: &Sim, req: &Request) -> Response {
    let p = match paysign::profile(REQUEST) {
        Ok(p) => p,
        Err(e) => return refused(500, "sim.error", &e.message),
    };
    let fields = match paysign::signer::parse_body(p, &Options::default(), &req.body, Format::Json, None) {
        Ok(f) => f,
        Err(e) => return refused(400, "sim.malformed", &format!("{}: {}", e.status.name(), e.message)),
    };
    let acct = fields.get("merchantAcctId").unwrap_or_default().to_string();
    let Some(merchant) = sim.kuaiqian.iter().find(|m| m.acct_id == acct) else {
        return refused(
            400,
            "sim.unknown-merchant",
            &format!(
                "merchantAcctId '{}' is not a merchant of this simulator (--config)",
                printable(&acct)
            ),
        );
    };
    let Some(query_key) = merchant.query_key.as_deref() else {
        return refused(
            400,
            "sim.no-query-key",
            "this merchant has no query_key in the simulator's --config",
        );
    };
    let secret;
    let (opts, key) = match fields.get("signType").unwrap_or_default() {
        "2" => (with_query_key(query_key), &merchant.key),
        "1" => match Key::secret(query_key) {
            Ok(k) => {
                secret = k;
                (Options::default(), &secret)
            }
            Err(e) => return refused(500, "sim.error", &e.message),
        },
        other => {
            return refused(
                400,
                "sim.invalid-parameter",
                &format!("signType '{}' is not 1 (MD5) or 2 (RSA)", printable(other)),
            )
        }
    };
    match paysign::verify(p, &opts, &fields, Some(key)) {
        Ok(Verdict::Valid) => {}
        Ok(Verdict::Invalid(reason)) => {
            return refused(
                400,
                "sim.invalid-signature",
                &format!("signMsg does not verify: {reason}"),
            )
        }
        Err(e) => {
            return refused(
                400,
                "sim.invalid-signature",
                &format!("{}: {}", e.status.name(), e.message),
            )
        }
    }
    let records = match records(sim, &acct, &fields) {
        Ok(r) => r,
        Err(why) => return refused(400, "sim.invalid-parameter", &why),
    };
    match answer(sim, &fields, query_key, records) {
        Ok(v) => Response::json(200, &v),
        Err(e) => refused(500, "sim.error", &e),
    }
}

fn with_query_key(query_key: &str) -> Options {
    Options {
        query_key: Some(zeroize::Zeroizing::new(query_key.to_string())),
        ..Options::default()
    }
}

/// The paid orders the query asks for: by orderId (queryType 0) or by the Beijing-time window
/// startTime..endTime, `YYYYMMDDHHMMSS` (queryType 1). 99bill's query reports payments, so a
/// pending or failed order is not a record.
fn records(sim: &Sim, acct: &str, f: &Params) -> Result<Vec<Params>, String> {
    let get = |name: &str| f.get(name).unwrap_or_default();
    let window = match get("queryType") {
        "0" if get("orderId").is_empty() => return Err("queryType 0 needs orderId".into()),
        "0" => None,
        "1" => {
            let (start, end) = (get("startTime"), get("endTime"));
            let stamp = |s: &str| s.len() == 14 && s.bytes().all(|b| b.is_ascii_digit());
            if !stamp(start) || !stamp(end) {
                return Err("queryType 1 needs startTime and endTime as YYYYMMDDHHMMSS".into());
            }
            Some((start.to_string(), end.to_string()))
        }
        other => return Err(format!("queryType '{}' is not 0 or 1", printable(other))),
    };
    let orders = sim.store.lock();
    Ok(orders
        .iter()
        .filter(|o| o.gateway == "99bill" && o.merchant == acct && o.status == OrderStatus::Paid)
        .filter_map(|o| {
            let deal_time = beijing_time(o.closed_at.unwrap_or(o.created));
            let wanted = match &window {
                None => o.order_id == get("orderId"),
                Some((start, end)) => deal_time.as_str() >= start.as_str() && deal_time.as_str() <= end.as_str(),
            };
            let r = |name: &str| o.request.get(name).unwrap_or_default().to_string();
            wanted.then(|| {
                Params::from_pairs([
                    ("orderId", o.order_id.clone()),
                    ("orderAmount", o.amount.clone()),
                    ("orderTime", r("orderTime")),
                    ("dealTime", deal_time),
                    ("payResult", "10".to_string()),
                    ("payType", r("payType")),
                    ("payAmount", o.amount.clone()),
                    ("fee", "0".to_string()),
                    ("dealId", o.deal_id.clone().unwrap_or_default()),
                ])
            })
        })
        .take(PAGE_SIZE)
        .collect())
}

/// The signed JSON answer: the top level signed as 99bill.query.response, each orderDetail item
/// as 99bill.query.order, SHA256withRSA with the simulator's 99bill key, the query key inside.
fn answer(sim: &Sim, request: &Params, query_key: &str, records: Vec<Params>) -> Result<Value, String> {
    let opts = with_query_key(query_key);
    let key = &sim.kuaiqian_key.key;
    let item = paysign::profile(ORDER).map_err(|e| e.message)?;
    let mut details = Vec::new();
    for mut r in records {
        paysign::sign(item, &opts, &mut r, Some(key)).map_err(|e| e.message)?;
        details.push(object(&r));
    }
    let mut top = Params::from_pairs([
        ("version", request.get("version").unwrap_or("v2.0").to_string()),
        ("signType", "2".to_string()),
        (
            "merchantAcctId",
            request.get("merchantAcctId").unwrap_or_default().to_string(),
        ),
        ("errCode", String::new()),
        ("currentPage", "1".to_string()),
        ("pageCount", "1".to_string()),
        ("pageSize", PAGE_SIZE.to_string()),
        ("recordCount", details.len().to_string()),
    ]);
    let p = paysign::profile(RESPONSE).map_err(|e| e.message)?;
    paysign::sign(p, &opts, &mut top, Some(key)).map_err(|e| e.message)?;
    let mut v = object(&top);
    v["orderDetail"] = Value::Array(details);
    Ok(v)
}

fn object(p: &Params) -> Value {
    Value::Object(
        p.iter()
            .map(|(k, v)| (k.to_string(), Value::String(v.to_string())))
            .collect::<Map<_, _>>(),
    )
}
