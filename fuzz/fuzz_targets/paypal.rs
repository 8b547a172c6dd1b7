//! PayPal IPN: the postback, the answer's verdict, the merchant's checks, one field and the
//! INVALID diagnosis over arbitrary bodies, each through the Rust API and the C ABI, which
//! must agree.
//!
//! Input: one selector byte, then `body\0sent\0answer` (missing parts are empty). Selector
//! bits 0-2: the check options (OPTIONS); bits 3-4: the field name (FIELDS); bits 5-6: the
//! host (HOSTS, 0 none); bit 7: `sent` is NULL (not known).
#![no_main]

#[path = "../common/mod.rs"]
mod common;

use common::{c_text, status_of, verdict_status};
use libfuzzer_sys::fuzz_target;
use paysign::diagnose::paypal as diagnose;
use paysign::ffi::paypal::*;
use paysign::paypal::{self, Expect};
use std::ffi::CString;

const OPTIONS: [&str; 8] = [
    "",
    "receiver_email=seller@example.com",
    "amount=9.99&currency=EUR",
    "sandbox=1",
    "sandbox=0&payment_status=Completed",
    "business=tobi@leetsoft.com&receiver_id=UQ8PDYXJZQD9Y",
    "amount=500.00&currency=CAD&payment_status=Completed&sandbox=1",
    "unknown=1",
];
const FIELDS: [&str; 4] = ["txn_id", "first_name", "charset", ""];
const HOSTS: [Option<&str>; 4] = [
    None,
    Some("ipnpb.paypal.com"),
    Some("ipnpb.sandbox.paypal.com"),
    Some(""),
];

fuzz_target!(|data: &[u8]| {
    let Some((&sel, rest)) = data.split_first() else {
        return;
    };
    let mut parts = rest.splitn(3, |&b| b == 0);
    let body = parts.next().unwrap_or(b"");
    let sent = parts.next().unwrap_or(b"");
    let answer = parts.next().unwrap_or(b"");
    let options = OPTIONS[usize::from(sel & 7)];
    let name = FIELDS[usize::from((sel >> 3) & 3)];
    let host = HOSTS[usize::from((sel >> 5) & 3)];
    let sent = (sel & 128 == 0).then_some(sent);

    // the postback
    let rust = paypal::postback(body);
    let (st, text) = c_text(|b, cap, n| unsafe { paysign_paypal_postback(body.as_ptr(), body.len(), b, cap, n) });
    assert_eq!(st, status_of(&rust), "postback: C ABI and Rust API disagree");
    if let Ok(out) = &rust {
        assert!(out.starts_with(b"cmd=_notify-validate"), "postback without the cmd");
        assert_eq!(text.as_deref().map(str::as_bytes), Some(&out[..]));
    }

    // the verdict on PayPal's answer
    let rust = paypal::verdict(answer);
    let st = unsafe { paysign_paypal_verdict(answer.as_ptr(), answer.len()) };
    assert_eq!(st, verdict_status(&rust), "verdict: C ABI and Rust API disagree");

    // the merchant's checks
    let rust = Expect::parse(options).and_then(|e| paypal::check(body, &e));
    let co = CString::new(options).unwrap();
    let st = unsafe { paysign_paypal_check(body.as_ptr(), body.len(), co.as_ptr()) };
    assert_eq!(st, status_of(&rust), "check: C ABI and Rust API disagree");

    // one field
    let rust = paypal::fields(body).and_then(|p| {
        p.get(name)
            .map(str::to_owned)
            .ok_or_else(|| paysign::Error::missing_field(name))
    });
    let cn = CString::new(name).unwrap();
    let (st, text) =
        c_text(|b, cap, n| unsafe { paysign_paypal_field(body.as_ptr(), body.len(), cn.as_ptr(), b, cap, n) });
    assert_eq!(st, status_of(&rust), "field: C ABI and Rust API disagree");
    assert_eq!(text.as_ref(), rust.as_ref().ok());

    // the diagnosis: always a report
    let rust = diagnose::findings_json(&diagnose::postback(body, sent, host));
    let ch = host.map(|h| CString::new(h).unwrap());
    let hp = ch.as_ref().map_or(std::ptr::null(), |c| c.as_ptr());
    let (sp, sl) = sent.map_or((std::ptr::null(), 0), |s| (s.as_ptr(), s.len()));
    let (st, text) =
        c_text(|b, cap, n| unsafe { paysign_paypal_diagnose(body.as_ptr(), body.len(), sp, sl, hp, b, cap, n) });
    assert_eq!(st, paysign::Status::PAYSIGN_OK, "diagnose did not write its report");
    assert_eq!(text.as_deref(), Some(rust.as_str()));
    let v: serde_json::Value = serde_json::from_str(&rust).expect("the report is JSON");
    assert!(v["findings"].is_array());
});
