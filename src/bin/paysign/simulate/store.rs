//! What the simulator has seen: orders, the notifications it sent for them, every delivery
//! attempt and the merchant's reply. In memory; the operator page and `/_sim/api/` read it.

use std::sync::{Arc, Mutex, MutexGuard};

use paysign::Params;
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
    /// Whether an accepted reply is the merchant accepting it (false for PayPal: any HTTP 200).
    pub reply_decides: bool,
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
                "attempts": n.attempts.iter().map(|a| json!({
                    "at": a.at,
                    "http_status": a.http_status,
                    "reply": a.reply,
                    "accepted": a.accepted,
                    "why": a.why,
                    // A forged or wrong notification answered with success: the merchant's bug.
                    "merchant_error": a.accepted && n.reply_decides && !n.kind.should_be_accepted(),
                })).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        })
    }
}

/// Shared between the HTTP workers and the notifier.
#[derive(Clone, Default)]
pub struct Store {
    orders: Arc<Mutex<Vec<Order>>>,
}

impl Store {
    /// The orders, locked. A worker that panicked while holding the lock leaves data that is
    /// still consistent enough to show (every change is a single assignment or push).
    pub fn lock(&self) -> MutexGuard<'_, Vec<Order>> {
        self.orders.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Records a new pending order from a verified request; returns its id.
    pub fn add(&self, gateway: &'static str, merchant: &str, order_id: &str, amount: &str, request: Params) -> usize {
        let mut orders = self.lock();
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
