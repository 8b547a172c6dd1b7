//! What the simulator has seen: orders, the notifications it sent for them, every delivery
//! attempt and the merchant's reply. The operator page and `/_sim/api/` read it. Kept in
//! `state.json` in the `--state` folder: rewritten (temp file, then rename) after every change,
//! loaded at start, so that a restart loses nothing and never reuses an order id.

use std::ops::{Deref, DerefMut};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use paysign::{Error, Params, Result};
use serde_json::{json, Value};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OrderStatus {
    Pending,
    Paid,
    Failed,
    Cancelled,
}

impl OrderStatus {
    pub fn name(self) -> &'static str {
        match self {
            OrderStatus::Pending => "pending",
            OrderStatus::Paid => "paid",
            OrderStatus::Failed => "failed",
            OrderStatus::Cancelled => "cancelled",
        }
    }
}

/// What a notification is, for the merchant's tests (issue 15: duplicate, tampered, wrong
/// amount, another order).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The gateway's notification.
    Normal,
    /// The same notification again: the merchant must process it once.
    Duplicate,
    /// A field changed after signing: the merchant must reject it.
    Tampered,
    /// Validly signed, but the paid amount differs from the order's.
    WrongAmount,
    /// Validly signed, for an order id the merchant never issued.
    OtherOrder,
}

impl Kind {
    pub const ALL: [Kind; 5] = [
        Kind::Normal,
        Kind::Duplicate,
        Kind::Tampered,
        Kind::WrongAmount,
        Kind::OtherOrder,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Kind::Normal => "normal",
            Kind::Duplicate => "duplicate",
            Kind::Tampered => "tampered",
            Kind::WrongAmount => "wrong_amount",
            Kind::OtherOrder => "other_order",
        }
    }

    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// Whether a merchant that answers it with the success reply is right to.
    pub fn should_be_accepted(self) -> bool {
        matches!(self, Kind::Normal | Kind::Duplicate)
    }
}

/// One try at delivering a notification.
#[derive(Clone, Debug)]
pub struct Attempt {
    pub at: i64,
    /// HTTP status, or None when the merchant could not be reached.
    pub http_status: Option<u16>,
    /// The reply body (at most 2 KiB kept), or the transport error.
    pub reply: String,
    /// Whether the reply is exactly the profile's success reply.
    pub accepted: bool,
    /// Why the reply is not the success reply, when it is not.
    pub why: Option<String>,
}

impl Attempt {
    pub fn to_json(&self) -> Value {
        json!({
            "at": self.at,
            "http_status": self.http_status,
            "reply": self.reply,
            "accepted": self.accepted,
            "why": self.why,
        })
    }
}

#[derive(Clone, Debug)]
pub struct Notification {
    pub kind: Kind,
    /// The full URL it goes to.
    pub url: String,
    /// A POST's body and content type (WeChat Pay: XML); None: a GET (99bill).
    pub post: Option<(Vec<u8>, &'static str)>,
    pub attempts: Vec<Attempt>,
    /// Accepted, or out of retries.
    pub done: bool,
    /// The next try, Unix seconds (None when done).
    pub next_at: Option<i64>,
    /// Where the reply sends the payer (99bill `<redirecturl>`), once accepted.
    pub redirect: Option<String>,
    /// The merchant's calls back to the gateway about this notification (PayPal's postback,
    /// Tenpay's verifynotifyid.xml), with the gateway's answer.
    pub checks: Vec<Check>,
}

/// A merchant's call back to the gateway about a notification.
#[derive(Clone, Debug)]
pub struct Check {
    pub at: i64,
    /// What the gateway answered (`VERIFIED`, `INVALID`, `retcode 0`, ...).
    pub answer: String,
}

#[derive(Clone, Debug)]
pub struct Order {
    /// The simulator's own number, in URLs.
    pub id: usize,
    pub gateway: &'static str,
    pub merchant: String,
    pub order_id: String,
    /// In the gateway's unit (99bill: fen).
    pub amount: String,
    pub request: Params,
    pub status: OrderStatus,
    pub deal_id: Option<String>,
    pub created: i64,
    /// When Pay or Fail closed it, Unix seconds (99bill's dealTime, in notification and query).
    pub closed_at: Option<i64>,
    pub notifications: Vec<Notification>,
}

impl Order {
    /// Whether a reply its gateway accepts is the merchant accepting a notification (not so
    /// for PayPal, where any HTTP 200 is the acknowledgement).
    pub fn reply_decides(&self) -> bool {
        super::rules(self).reply.decides()
    }

    pub fn to_json(&self) -> Value {
        json!({
            "id": self.id,
            "gateway": self.gateway,
            "merchant": self.merchant,
            "order_id": self.order_id,
            "amount": self.amount,
            "status": self.status.name(),
            "deal_id": self.deal_id,
            "created": self.created,
            "closed_at": self.closed_at,
            "notifications": self.notifications.iter().enumerate().map(|(i, n)| json!({
                "index": i,
                "kind": n.kind.name(),
                "url": n.url,
                "method": if n.post.is_some() { "POST" } else { "GET" },
                "body": n.post.as_ref().map(|(b, _)| String::from_utf8_lossy(b).into_owned()),
                "done": n.done,
                "next_at": n.next_at,
                "redirect": n.redirect,
                "checks": n.checks.iter().map(|c| json!({"at": c.at, "answer": c.answer})).collect::<Vec<_>>(),
                "attempts": n.attempts.iter().map(|a| {
                    let reply_decides = self.reply_decides();
                    let mut j = a.to_json();
                    // A forged or wrong notification answered with success: the merchant's bug.
                    j["merchant_error"] = json!(a.accepted && reply_decides && !n.kind.should_be_accepted());
                    j
                }).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        })
    }
}

/// Shared between the HTTP workers and the notifier.
#[derive(Clone, Default)]
pub struct Store {
    orders: Arc<Mutex<Vec<Order>>>,
    /// `state.json`; None: in memory only.
    file: Option<Arc<PathBuf>>,
}

/// The locked orders. A change made through it is written to `state.json` when it is dropped,
/// still under the lock, so the file always holds one whole state.
pub struct Orders<'a> {
    guard: MutexGuard<'a, Vec<Order>>,
    file: Option<&'a Path>,
    changed: bool,
}

impl Deref for Orders<'_> {
    type Target = Vec<Order>;
    fn deref(&self) -> &Vec<Order> {
        &self.guard
    }
}

impl DerefMut for Orders<'_> {
    fn deref_mut(&mut self) -> &mut Vec<Order> {
        self.changed = true;
        &mut self.guard
    }
}

impl Drop for Orders<'_> {
    fn drop(&mut self) {
        if let (true, Some(file)) = (self.changed, self.file) {
            // A failed write must not take the simulator down; the operator sees it in the log.
            if let Err(e) = save(file, &self.guard) {
                eprintln!("paysign simulate: {e}");
            }
        }
    }
}

impl Store {
    /// The store kept in `DIR/state.json`, with what that file holds. A file that is not a
    /// state of this simulator is an error naming it, never silently replaced.
    pub fn open(dir: &Path) -> Result<Store> {
        let path = dir.join(STATE_FILE);
        let orders = match std::fs::read(&path) {
            Ok(bytes) => load(&bytes).map_err(|why| {
                Error::malformed(format!(
                    "{}: not a usable paysign simulate state ({why}); move it away to start empty",
                    path.display()
                ))
            })?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                std::fs::create_dir_all(dir).map_err(|e| Error::io(format!("cannot create {}: {e}", dir.display())))?;
                Vec::new()
            }
            Err(e) => return Err(Error::io(format!("{}: cannot read: {e}", path.display()))),
        };
        Ok(Store {
            orders: Arc::new(Mutex::new(orders)),
            file: Some(Arc::new(path)),
        })
    }

    /// The orders, locked. A worker that panicked while holding the lock leaves data that is
    /// still consistent enough to show (every change is a single assignment or push).
    pub fn lock(&self) -> Orders<'_> {
        Orders {
            guard: self.orders.lock().unwrap_or_else(|e| e.into_inner()),
            file: self.file.as_deref().map(PathBuf::as_path),
            changed: false,
        }
    }

    /// Records a new pending order from a verified request; returns its id.
    pub fn add(&self, gateway: &'static str, merchant: &str, order_id: &str, amount: &str, request: Params) -> usize {
        let mut orders = self.lock();
        // Orders are never removed, so the next id is the count (kept in the file with them).
        let id = orders.len();
        orders.push(Order {
            id,
            gateway,
            merchant: merchant.to_string(),
            order_id: order_id.to_string(),
            amount: amount.to_string(),
            request,
            status: OrderStatus::Pending,
            deal_id: None,
            created: super::now_secs(),
            closed_at: None,
            notifications: Vec::new(),
        });
        id
    }
}

const STATE_FILE: &str = "state.json";
/// What names the file as this simulator's, and its layout.
const FORMAT: &str = "paysign-simulate-state";
const VERSION: u64 = 1;
/// The gateways and POST content types an order can hold (they are `&'static str` in memory).
const GATEWAYS: [&str; 14] = [
    "99bill",
    "wechatpay",
    "alipay",
    super::alipay_mapi::GATEWAY,
    "chinabank",
    super::dinpay::GATEWAY,
    super::ips::GATEWAY,
    super::ips7::GATEWAY,
    super::yeepay::GATEWAY,
    super::allinpay::GATEWAY,
    super::tenpay::GATEWAY,
    super::paypal::GATEWAY,
    super::wechat_v3::GATEWAY,
    super::unionpay::GATEWAY,
];
/// The content types of the notification bodies the simulator POSTs.
pub const FORM: &str = "application/x-www-form-urlencoded";
pub const XML: &str = "text/xml; charset=utf-8";
pub const JSON: &str = "application/json";
const CONTENT_TYPES: [&str; 3] = [FORM, XML, JSON];

/// Writes the whole state to a temp file beside `path` and renames it over: after a crash the
/// file is the old state or the new one, never half of one.
fn save(path: &Path, orders: &[Order]) -> std::result::Result<(), String> {
    let state = json!({
        "format": FORMAT,
        "version": VERSION,
        "next_id": orders.len(),
        "orders": orders.iter().map(order_state).collect::<Vec<_>>(),
    });
    let tmp = path.with_extension("json.tmp");
    let text = serde_json::to_vec_pretty(&state).map_err(|e| format!("{}: {e}", path.display()))?;
    let write = || -> std::io::Result<()> {
        use std::io::Write;
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(&text)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    };
    write().map_err(|e| format!("{}: cannot write the state: {e}", path.display()))
}

fn order_state(o: &Order) -> Value {
    json!({
        "id": o.id,
        "gateway": o.gateway,
        "merchant": o.merchant,
        "order_id": o.order_id,
        "amount": o.amount,
        "request": o.request.iter().map(|(k, v)| json!([k, v])).collect::<Vec<_>>(),
        "status": o.status.name(),
        "deal_id": o.deal_id,
        "created": o.created,
        "closed_at": o.closed_at,
        "notifications": o.notifications.iter().map(|n| json!({
            "kind": n.kind.name(),
            "url": n.url,
            "post": n.post.as_ref().map(|(body, content_type)| json!({
                "content_type": content_type,
                "body_hex": paysign::digest::hex(body, paysign::profile::Case::Lower),
            })),
            "done": n.done,
            // Unix seconds, absolute: after a restart the retry keeps its schedule.
            "next_at": n.next_at,
            "redirect": n.redirect,
            "checks": n.checks.iter().map(|c| json!({"at": c.at, "answer": c.answer})).collect::<Vec<_>>(),
            "attempts": n.attempts.iter().map(Attempt::to_json).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}

fn load(bytes: &[u8]) -> std::result::Result<Vec<Order>, String> {
    let v: Value = serde_json::from_slice(bytes).map_err(|e| format!("not JSON: {e}"))?;
    if v["format"] != FORMAT {
        return Err(format!("\"format\" is not \"{FORMAT}\""));
    }
    if v["version"] != VERSION {
        return Err(format!("\"version\" is not {VERSION}"));
    }
    let list = v["orders"].as_array().ok_or("\"orders\" is not a list")?;
    let mut orders = Vec::with_capacity(list.len());
    for (i, o) in list.iter().enumerate() {
        orders.push(order_from(o, i).map_err(|why| format!("orders[{i}]: {why}"))?);
    }
    if v["next_id"] != orders.len() {
        return Err(format!("\"next_id\" is not {}, the number of orders", orders.len()));
    }
    Ok(orders)
}

fn text(v: &Value, field: &str) -> std::result::Result<String, String> {
    v[field]
        .as_str()
        .map(str::to_string)
        .ok_or(format!("\"{field}\" is not a string"))
}

fn int(v: &Value, field: &str) -> std::result::Result<i64, String> {
    v[field].as_i64().ok_or(format!("\"{field}\" is not a whole number"))
}

/// A field that may be null, read with `get` when it is not.
fn optional<T>(
    v: &Value,
    field: &str,
    get: fn(&Value, &str) -> std::result::Result<T, String>,
) -> std::result::Result<Option<T>, String> {
    match &v[field] {
        Value::Null => Ok(None),
        _ => get(v, field).map(Some),
    }
}

fn flag(v: &Value, field: &str) -> std::result::Result<bool, String> {
    v[field].as_bool().ok_or(format!("\"{field}\" is not true or false"))
}

fn list<'a>(v: &'a Value, field: &str) -> std::result::Result<&'a Vec<Value>, String> {
    v[field].as_array().ok_or(format!("\"{field}\" is not a list"))
}

fn order_from(o: &Value, index: usize) -> std::result::Result<Order, String> {
    if o["id"] != index {
        return Err(format!("\"id\" is not {index}"));
    }
    let gateway = text(o, "gateway")?;
    let gateway = GATEWAYS
        .into_iter()
        .find(|g| *g == gateway)
        .ok_or(format!("\"gateway\" '{gateway}' is not simulated"))?;
    let mut request = Params::new();
    for pair in list(o, "request")? {
        match pair.as_array().map(|p| {
            (
                p.len(),
                p.first().and_then(Value::as_str),
                p.get(1).and_then(Value::as_str),
            )
        }) {
            Some((2, Some(name), Some(value))) => request.push(name, value),
            _ => return Err("\"request\" holds something else than [name, value]".into()),
        }
    }
    let status = text(o, "status")?;
    let status = [
        OrderStatus::Pending,
        OrderStatus::Paid,
        OrderStatus::Failed,
        OrderStatus::Cancelled,
    ]
    .into_iter()
    .find(|s| s.name() == status)
    .ok_or(format!("\"status\" '{status}' is not an order status"))?;
    let mut notifications = Vec::new();
    for (i, n) in list(o, "notifications")?.iter().enumerate() {
        notifications.push(notification_from(n).map_err(|why| format!("notifications[{i}]: {why}"))?);
    }
    Ok(Order {
        id: index,
        gateway,
        merchant: text(o, "merchant")?,
        order_id: text(o, "order_id")?,
        amount: text(o, "amount")?,
        request,
        status,
        deal_id: optional(o, "deal_id", text)?,
        created: int(o, "created")?,
        closed_at: optional(o, "closed_at", int)?,
        notifications,
    })
}

fn notification_from(n: &Value) -> std::result::Result<Notification, String> {
    let kind = text(n, "kind")?;
    let kind = Kind::from_name(&kind).ok_or(format!("\"kind\" '{kind}' is not a notification kind"))?;
    let post = match &n["post"] {
        Value::Null => None,
        p => {
            let content_type = text(p, "content_type")?;
            let content_type = CONTENT_TYPES.into_iter().find(|c| *c == content_type).ok_or(format!(
                "\"content_type\" '{content_type}' is not one the simulator sends"
            ))?;
            let body = paysign::digest::unhex(&text(p, "body_hex")?, "body_hex").map_err(|e| e.to_string())?;
            Some((body, content_type))
        }
    };
    let mut attempts = Vec::new();
    for a in list(n, "attempts")? {
        let http_status = match optional(a, "http_status", int)? {
            None => None,
            Some(s) => Some(u16::try_from(s).map_err(|_| "\"http_status\" is not an HTTP status")?),
        };
        attempts.push(Attempt {
            at: int(a, "at")?,
            http_status,
            reply: text(a, "reply")?,
            accepted: flag(a, "accepted")?,
            why: optional(a, "why", text)?,
        });
    }
    Ok(Notification {
        kind,
        url: text(n, "url")?,
        post,
        attempts,
        done: flag(n, "done")?,
        next_at: optional(n, "next_at", int)?,
        redirect: optional(n, "redirect", text)?,
        checks: list(n, "checks")?
            .iter()
            .map(|c| {
                Ok(Check {
                    at: int(c, "at")?,
                    answer: text(c, "answer")?,
                })
            })
            .collect::<std::result::Result<_, String>>()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("paysign-store-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn a_change_is_in_the_file_and_loaded_back() {
        let dir = folder("roundtrip");
        let store = Store::open(&dir).unwrap();
        let mut request = Params::new();
        request.push("orderId", "A1");
        request.push("orderId", "A1 again"); // a repeated name kept as it came
        assert_eq!(store.add("wechatpay", "10000100", "A1", "1", request), 0);
        store.lock()[0].notifications.push(Notification {
            kind: Kind::Tampered,
            url: "http://shop/notify".into(),
            post: Some((vec![0x3c, 0xff, 0x00], "text/xml; charset=utf-8")),
            attempts: vec![Attempt {
                at: 1_700_000_000,
                http_status: Some(500),
                reply: "FAIL".into(),
                accepted: false,
                why: Some("HTTP status 500, not 200".into()),
            }],
            done: false,
            next_at: Some(1_700_000_015),
            redirect: None,
            checks: vec![Check {
                at: 1_700_000_001,
                answer: "postback: INVALID".into(),
            }],
        });
        let text = std::fs::read_to_string(dir.join("state.json")).unwrap();
        assert!(text.contains("\"answer\": \"postback: INVALID\""), "{text}");
        assert!(text.contains("\"body_hex\": \"3cff00\""), "{text}");
        assert!(text.contains("\"next_at\": 1700000015"), "{text}");
        assert!(text.contains("\"next_id\": 1"), "{text}");
        assert!(!dir.join("state.json.tmp").exists());

        let again = Store::open(&dir).unwrap();
        let orders = again.lock();
        assert_eq!(orders[0].to_json(), store.lock()[0].to_json());
        let pairs: Vec<_> = orders[0].request.iter().collect();
        assert_eq!(pairs, [("orderId", "A1"), ("orderId", "A1 again")]);
        assert_eq!(
            orders[0].notifications[0].post,
            Some((vec![0x3c, 0xff, 0x00], "text/xml; charset=utf-8"))
        );
        drop(orders);
        assert_eq!(again.add("99bill", "m", "A2", "2", Params::new()), 1);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_foreign_or_damaged_file_is_refused_with_the_reason() {
        let cases = [
            ("{", "not JSON"),
            (r#"{"orders": []}"#, "\"format\" is not \"paysign-simulate-state\""),
            (
                r#"{"format": "paysign-simulate-state", "version": 2, "next_id": 0, "orders": []}"#,
                "\"version\" is not 1",
            ),
            (
                r#"{"format": "paysign-simulate-state", "version": 1, "next_id": 3, "orders": []}"#,
                "\"next_id\" is not 0",
            ),
            (
                r#"{"format": "paysign-simulate-state", "version": 1, "next_id": 1, "orders": [{"id": 0, "gateway": "stripe"}]}"#,
                "orders[0]: \"gateway\" 'stripe' is not simulated",
            ),
        ];
        for (text, why) in cases {
            let err = load(text.as_bytes()).err().unwrap_or_default();
            assert!(err.contains(why), "{text}: {err}");
        }
        let dir = folder("foreign");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("state.json"), "[]").unwrap();
        let err = Store::open(&dir).err().expect("refused").to_string();
        assert!(err.contains(&dir.join("state.json").display().to_string()), "{err}");
        assert_eq!(std::fs::read(dir.join("state.json")).unwrap(), b"[]", "left as it was");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
