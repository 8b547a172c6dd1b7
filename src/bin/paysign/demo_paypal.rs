//! `paysign demo --gateway paypal`: PayPal IPN has no signature to make, so this demo is not a
//! sign/verify round trip: a recorded sandbox notification, its exact postback, the judging of
//! PayPal's possible answers, and the merchant's checks (docs/specs/paypal.md).

use paysign::paypal::{self, Expect};
use paysign::{Error, Result, Status, Verdict};

/// activemerchant/offsite_payments' sandbox web_accept IPN (testdata/paypal/ipn.json).
const BODY: &[u8] = include_bytes!("../../../testdata/paypal/offsite-web-accept.body");
/// The DERIVED windows-1252 body: a name outside ASCII, escaped in the body's own charset.
const BODY_1252: &[u8] = include_bytes!("../../../testdata/paypal/derived-windows-1252.body");

/// What the merchant configured: the recorded notification was sent to this sandbox seller.
const EXPECT: &str = "receiver_email=tobi%40leetsoft.com&amount=500.00&currency=CAD&sandbox=1";
/// Each a configuration the recorded notification must fail, with why it would.
const MISMATCHES: &[(&str, &str)] = &[
    ("amount=5.00", "an order of 5.00"),
    ("receiver_email=shop%40example.com", "another seller's payment"),
    ("sandbox=0", "a live shop receiving a sandbox notification"),
];
/// The answers the postback can get: PayPal's two words and an error page.
const ANSWERS: &[&[u8]] = &[
    b"VERIFIED",
    b"INVALID",
    b"<html><body>503 Service Unavailable</body></html>",
];

pub fn round_trip(w: &mut String) -> Result<()> {
    w.push_str("paysign demo: PayPal IPN (Instant Payment Notification), postback validation\n");
    w.push_str(
        "A recorded sandbox notification bundled in this binary (testdata/paypal, from\n\
         activemerchant/offsite_payments' tests), nothing from production; no network I/O.\n\
         PayPal signs nothing: the listener posts the body back byte for byte and PayPal\n\
         answers VERIFIED or INVALID. There is no key, sign string or digest.\n\n",
    );

    // 1. The notification, as the listener reads it from php://input (never from $_POST).
    w.push_str("1. Notification (HTTP POST form body to notify_url), raw body:\n");
    w.push_str(&String::from_utf8_lossy(BODY));
    w.push('\n');
    let fields = paypal::fields(BODY)?;
    for name in [
        "txn_id",
        "receiver_email",
        "mc_gross",
        "mc_currency",
        "payment_status",
        "test_ipn",
    ] {
        w.push_str(&format!("   {name}: {}\n", fields.get(name).unwrap_or_default()));
    }
    let name = paypal::fields(BODY_1252)?;
    w.push_str(&format!(
        "   fields decode per the body's charset (windows-1252 when absent): first_name=Jos%E9+M%FCller \
         with charset=windows-1252 is {}\n\n",
        name.get("first_name").unwrap_or_default()
    ));

    // 2. The postback: the received bytes unchanged after the command.
    let postback = paypal::postback(BODY)?;
    if postback[postback.len() - BODY.len()..] != *BODY {
        return Err(Error::invalid_field(
            "body",
            "the postback does not carry the received bytes",
        ));
    }
    let test_ipn = fields.get("test_ipn") == Some("1");
    w.push_str(&format!(
        "2. Postback: POST exactly these {} bytes (application/x-www-form-urlencoded) to\n   {}\n   \
         ({}; live: {}):\n",
        postback.len(),
        if test_ipn {
            paypal::SANDBOX_URL
        } else {
            paypal::LIVE_URL
        },
        if test_ipn {
            "test_ipn=1: the sandbox"
        } else {
            "a live notification"
        },
        paypal::LIVE_URL
    ));
    w.push_str(&String::from_utf8_lossy(&postback));
    w.push('\n');
    w.push_str(
        "   After \"cmd=_notify-validate&\" come the received bytes unchanged: a body rebuilt from\n   \
         decoded fields ($_POST, + vs %20, hex case, order) gets INVALID.\n\n",
    );

    // 3. PayPal's answer.
    w.push_str("3. PayPal's answer to the postback:\n");
    for answer in ANSWERS {
        let shown = String::from_utf8_lossy(answer);
        match paypal::verdict(answer) {
            Ok(Verdict::Valid) => w.push_str(&format!("   {shown}: verified, go on to the checks\n")),
            Ok(Verdict::Invalid(why)) => w.push_str(&format!("   {shown}: rejected: {why}\n")),
            Err(e) if e.status == Status::PAYSIGN_MALFORMED_INPUT => w.push_str(&format!(
                "   {shown}: no verdict ({e}); accept nothing, keep the raw body and post it back later\n"
            )),
            Err(e) => return Err(e),
        }
    }
    w.push('\n');

    // 4. The merchant's checks on the VERIFIED body.
    w.push_str(&format!(
        "4. Merchant checks on the VERIFIED body, configured as {EXPECT}:\n"
    ));
    let c = paypal::check(BODY, &Expect::parse(EXPECT)?)?;
    w.push_str(&format!(
        "   passed: txn_id={} sandbox={}; record the txn_id once and ignore a repeat (PayPal resends)\n",
        c.txn_id.as_deref().unwrap_or(""),
        u8::from(c.sandbox)
    ));
    for (options, meaning) in MISMATCHES {
        match paypal::check(BODY, &Expect::parse(options)?) {
            Err(e) if e.status == Status::PAYSIGN_INVALID_FIELD => {
                w.push_str(&format!("   configured {options} ({meaning}): refused: {e}\n"))
            }
            Err(e) => return Err(e),
            Ok(_) => {
                // Cannot happen unless the library is broken: say so rather than print "passed".
                return Err(Error::invalid_argument(format!(
                    "the demo check {options} accepted the recorded notification"
                )));
            }
        }
    }
    w.push('\n');

    // 5. The reply.
    w.push_str(
        "5. Reply: HTTP 200 with an empty body, whatever the verdict; without a 200 PayPal resends\n   \
         for up to four days, so the listener must be idempotent.\n",
    );
    Ok(())
}
