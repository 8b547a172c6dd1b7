//! Delivers notifications to the merchant's notify URL and retries them on the gateway's
//! schedule until the reply is exactly the success reply.

use std::collections::VecDeque;
use std::io::Read;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use super::now_secs;
use super::store::{Attempt, Kind, Order, Store};

/// What a gateway's notifications need from the notifier.
pub struct Rules {
    /// Seconds to wait before each retry (the first delivery is immediate); after the last one,
    /// the gateway gives up.
    pub retries: &'static [u64],
    pub reply: Reply,
}

/// The simulator's own schedule for a gateway that names none: five retries over about two hours.
pub const OWN_RETRIES: &[u64] = &[60, 300, 600, 1800, 3600];

/// How the merchant's reply body is checked: Ok(redirect URL, if the reply carries one) when it
/// is the success reply, Err(why) when not.
pub enum Reply {
    /// HTTP 200 and, byte for byte, this notify profile's success reply.
    Exact(&'static str),
    /// HTTP 200 and the gateway's own rule for the body.
    By(fn(&[u8]) -> Result<Option<String>, String>),
    /// Only the HTTP status counts, one of `codes`, whatever the body (WeChat Pay v3: 200 or
    /// 204; UnionPay: 200 or 302). `decides`: whether that reply is the merchant's acceptance of
    /// the notification; PayPal IPN's 200 is not (its verdict shows in its calls back instead).
    Status { codes: &'static [u16], decides: bool },
}

impl Reply {
    /// The body's verdict (the status is checked first, by [`Reply::judge`]).
    pub fn check(&self, body: &[u8]) -> Result<Option<String>, String> {
        match self {
            Reply::Exact(profile) => super::exact_reply(profile, body),
            Reply::By(check) => check(body),
            Reply::Status { .. } => Ok(None),
        }
    }

    /// Whether a reply accepted by this rule is the merchant's acceptance of the notification.
    pub fn decides(&self) -> bool {
        !matches!(self, Reply::Status { decides: false, .. })
    }

    /// The reply's verdict: its HTTP status, then its body.
    pub fn judge(&self, status: u16, body: &[u8]) -> Result<Option<String>, String> {
        let wanted: &[u16] = match self {
            Reply::Status { codes, .. } => codes,
            _ => &[200],
        };
        if !wanted.contains(&status) {
            let list: Vec<String> = wanted.iter().map(u16::to_string).collect();
            return Err(format!("HTTP status {status}, not {}", list.join(" or ")));
        }
        self.check(body)
    }
}

/// Headers made for each delivery attempt from the gateway's name, the notification's kind and
/// its body (WeChat Pay v3 signs every attempt afresh: its timestamp must be recent).
pub type AttemptHeaders = Box<dyn Fn(&str, Kind, &[u8]) -> Vec<(String, String)> + Send + Sync>;

/// The longest reply read (a notify handler's reply is a few dozen bytes).
const MAX_REPLY: u64 = 64 * 1024;
/// How much of a reply the operator page keeps.
const KEPT_REPLY: usize = 2048;

struct Job {
    due: Instant,
    order: usize,
    index: usize,
    rules: &'static Rules,
}

#[derive(Clone)]
pub struct Notifier {
    store: Store,
    queue: Arc<(Mutex<VecDeque<Job>>, Condvar)>,
    agent: ureq::Agent,
    /// `--fast N`: every retry interval divided by N.
    fast: u64,
    headers: Arc<std::sync::OnceLock<AttemptHeaders>>,
}

impl Notifier {
    pub fn new(store: Store, fast: u64, timeout: Duration) -> Notifier {
        let config = ureq::Agent::config_builder()
            .timeout_global(Some(timeout))
            .http_status_as_error(false)
            .max_redirects(0)
            .build();
        Notifier {
            store,
            queue: Arc::new((Mutex::new(VecDeque::new()), Condvar::new())),
            agent: config.into(),
            fast: fast.max(1),
            headers: Arc::new(std::sync::OnceLock::new()),
        }
    }

    /// Sets the maker of per-attempt headers (once; later calls are ignored).
    pub fn set_attempt_headers(&self, make: AttemptHeaders) {
        let _ = self.headers.set(make);
    }

    /// Starts the thread that runs the retries.
    pub fn start(&self) {
        let me = self.clone();
        std::thread::spawn(move || me.run());
    }

    /// Schedules every undelivered notification of a loaded store at its stored time (one due
    /// while the simulator was stopped: now). Call before `start`.
    pub fn resume(&self, rules: fn(&Order) -> &'static Rules) {
        let now = now_secs();
        let orders = self.store.lock();
        let (queue, _) = &*self.queue;
        let mut q = queue.lock().unwrap_or_else(|e| e.into_inner());
        for o in orders.iter() {
            for (index, n) in o.notifications.iter().enumerate().filter(|(_, n)| !n.done) {
                // None: the first try was under way when it stopped.
                let wait = n.next_at.map_or(0, |at| at.saturating_sub(now).max(0));
                q.push_back(Job {
                    due: Instant::now() + Duration::from_secs(wait.unsigned_abs()),
                    order: o.id,
                    index,
                    rules: rules(o),
                });
            }
        }
    }

    /// Delivers notification `index` of order `order` now, in the caller's thread, and
    /// schedules its retry when the reply is not the success reply. Returns the attempt.
    pub fn deliver(&self, order: usize, index: usize, rules: &'static Rules) -> Attempt {
        let (url, post, gateway, kind) = {
            let orders = self.store.lock();
            match orders
                .get(order)
                .and_then(|o| Some((o.gateway, o.notifications.get(index)?)))
            {
                Some((gateway, n)) => (n.url.clone(), n.post.clone(), gateway, n.kind),
                None => {
                    return Attempt {
                        at: now_secs(),
                        http_status: None,
                        reply: String::new(),
                        accepted: false,
                        why: Some("no such notification".into()),
                    }
                }
            }
        };
        // Made outside the lock: a signature takes a few milliseconds.
        let body = post.as_ref().map_or(&[][..], |(b, _)| &b[..]);
        let headers = self
            .headers
            .get()
            .map(|make| make(gateway, kind, body))
            .unwrap_or_default();
        let (attempt, redirect) = self.attempt(&url, post.as_ref(), &headers, rules);
        let retry_in = {
            let mut orders = self.store.lock();
            let n = &mut orders[order].notifications[index];
            n.attempts.push(attempt.clone());
            let tries = n.attempts.len();
            if attempt.accepted {
                n.done = true;
                n.next_at = None;
                n.redirect = redirect;
                None
            } else if let Some(&secs) = rules.retries.get(tries - 1) {
                let wait = Duration::from_millis(secs.saturating_mul(1000) / self.fast);
                n.next_at = Some(now_secs() + i64::try_from(wait.as_secs()).unwrap_or(i64::MAX));
                Some(wait)
            } else {
                n.done = true;
                n.next_at = None;
                None
            }
        };
        if let Some(wait) = retry_in {
            let (queue, cv) = &*self.queue;
            queue.lock().unwrap_or_else(|e| e.into_inner()).push_back(Job {
                due: Instant::now() + wait,
                order,
                index,
                rules,
            });
            cv.notify_one();
        }
        attempt
    }

    /// One try, and the redirect URL the reply carries when it is the success reply.
    fn attempt(
        &self,
        url: &str,
        post: Option<&(Vec<u8>, &'static str)>,
        headers: &[(String, String)],
        rules: &Rules,
    ) -> (Attempt, Option<String>) {
        let at = now_secs();
        let sent = match post {
            None => {
                let mut get = self.agent.get(url).header("User-Agent", "paysign-simulate");
                for (name, value) in headers {
                    get = get.header(name, value);
                }
                get.call()
            }
            Some((body, content_type)) => {
                let mut post = self
                    .agent
                    .post(url)
                    .header("User-Agent", "paysign-simulate")
                    .header("Content-Type", *content_type);
                for (name, value) in headers {
                    post = post.header(name, value);
                }
                post.send(&body[..])
            }
        };
        let response = match sent {
            Ok(r) => r,
            Err(e) => {
                let attempt = Attempt {
                    at,
                    http_status: None,
                    reply: String::new(),
                    accepted: false,
                    why: Some(format!("notify URL not reached: {e}")),
                };
                return (attempt, None);
            }
        };
        let status = response.status().as_u16();
        let mut body = Vec::new();
        let read = response
            .into_body()
            .into_reader()
            .take(MAX_REPLY)
            .read_to_end(&mut body);
        let mut reply = String::from_utf8_lossy(&body).into_owned();
        if reply.len() > KEPT_REPLY {
            let mut cut = KEPT_REPLY;
            while !reply.is_char_boundary(cut) {
                cut -= 1;
            }
            reply.truncate(cut);
        }
        let verdict = match read {
            Err(e) => Err(format!("reply not read: {e}")),
            Ok(_) => rules.reply.judge(status, &body),
        };
        let attempt = Attempt {
            at,
            http_status: Some(status),
            reply,
            accepted: verdict.is_ok(),
            why: verdict.as_ref().err().cloned(),
        };
        (attempt, verdict.ok().flatten())
    }

    fn run(&self) {
        let (queue, cv) = &*self.queue;
        let mut q = queue.lock().unwrap_or_else(|e| e.into_inner());
        loop {
            let now = Instant::now();
            let next = q.iter().enumerate().min_by_key(|(_, j)| j.due).map(|(i, j)| (i, j.due));
            match next {
                Some((i, due)) if due <= now => {
                    let job = q.remove(i).expect("index from iter");
                    drop(q);
                    self.deliver(job.order, job.index, job.rules);
                    q = queue.lock().unwrap_or_else(|e| e.into_inner());
                }
                Some((_, due)) => q = cv.wait_timeout(q, due - now).unwrap_or_else(|e| e.into_inner()).0,
                None => q = cv.wait(q).unwrap_or_else(|e| e.into_inner()),
            }
        }
    }
}
