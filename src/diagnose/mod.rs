//! When a signature does not verify: which known mistake explains it.
//!
//! [`diagnose`] first checks the message exactly as [`crate::verify_body`] does. When that
//! fails (a bad signature, or an error such as a body that does not decode), it tries the
//! variants of [`FAMILIES`] in table order (another digest, another charset, `+` turned to
//! space, the body decoded twice, empty fields kept, values trimmed, `sign_type` signed,
//! sorted instead of fixed order, a field the merchant added, another certificate of the
//! gateway) and reports the first that verifies. At most [`MAX_VARIANTS`] variants run; a
//! variant that changes neither the signed bytes, the method nor the key is skipped and not
//! counted.
//!
//! A cause is reported only when its variant verifies, with three exceptions that need no
//! variant and are reported only when nothing verifies: `merchant_own_key` (the key given to
//! check a gateway's RSA message is an RSA private key, or a 99bill merchant certificate that
//! names the message's merchant number), `cert_id` (see below), `key_expired` (the
//! certificate given has expired) and `none`. An expired certificate that verifies is a warning, not a cause. `hex_case` is
//! reported in [`Mode::Sign`] only: verification compares hex case-insensitively.
//!
//! `cert_id`: a message that names its certificate by decimal serial (`CERT_ID_FIELDS`,
//! UnionPay `certId`) must name the certificate given. When the signature verifies and the
//! field names another certificate, that is the cause (confirmed); when nothing verifies it is
//! the conclusion (not confirmed); when another variant verifies it is a warning.
//!
//! The report is one JSON object (see [`Report`]); every secret in it (the key's secret, the
//! `query_key` option) is masked as `***`. Nothing is logged.

pub mod paypal;
mod resplit;
mod text;
mod variants;

pub use variants::{Family, FAMILIES, MAX_VARIANTS};

use crate::builtin;
use crate::canon::{DocForm, Message};
use crate::charset::Charset;
use crate::keys::Key;
use crate::options::Options;
use crate::params::{Format, Params};
use crate::profile::{Kind, Layout, Method, Profile};
use crate::signer::{self, Verdict};
use serde_json::{json, Value};
use variants::{Ctx, Order, Src, VKey, Variant};
use zeroize::Zeroizing;

/// What is being checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A received message and the gateway's key (or the shared secret).
    Verify,
    /// The merchant's own signature (from their code or a vendor demo) and the merchant's
    /// key: does paysign sign the same, and if not, where do the sign strings differ.
    Sign,
}

impl Mode {
    pub fn name(self) -> &'static str {
        match self {
            Mode::Verify => "verify",
            Mode::Sign => "sign",
        }
    }
}

/// One diagnosis: the arguments of [`crate::verify_body`] plus the mode.
pub struct Request<'a> {
    pub profile: &'static Profile,
    pub options: &'a Options,
    /// The body exactly as received (or, in sign mode, as the merchant would send it).
    pub body: &'a [u8],
    pub format: Format,
    /// None: the charset the message declares, else the gateway's default.
    pub charset: Option<Charset>,
    pub key: Option<&'a Key>,
    pub mode: Mode,
    /// The signature to check when it is not in the body (sign mode); replaces the body's.
    pub signature: Option<&'a str>,
    /// More keys to try after the built-in ones, with their labels (RSA profiles, verify mode).
    pub extra_keys: &'a [(&'a str, &'a Key)],
    /// "Now" in Unix seconds for the expiry checks; None: the system clock.
    pub now: Option<i64>,
}

impl<'a> Request<'a> {
    /// A verify-mode request.
    pub fn new(
        profile: &'static Profile,
        options: &'a Options,
        body: &'a [u8],
        format: Format,
        charset: Option<Charset>,
        key: Option<&'a Key>,
    ) -> Request<'a> {
        Request {
            profile,
            options,
            body,
            format,
            charset,
            key,
            mode: Mode::Verify,
            signature: None,
            extra_keys: &[],
            now: None,
        }
    }
}

/// The diagnosis, one JSON object:
///
/// ```json
/// {
///   "mode": "verify" | "sign",
///   "profile": "99bill.pay.notify",
///   "verdict": "valid" | "invalid" | "error",
///   "status": "PAYSIGN_OK" | "PAYSIGN_BAD_SIGNATURE" | "PAYSIGN_...",   // of the plain check
///   "reason": null | "signMsg does not match (SHA256withRSA)",           // or the error text
///   "method": null | "SHA256withRSA",
///   "charset": null | "utf-8",                                          // of the signed bytes
///   "sign_string": null | "merchantAcctId=...&key=***",                  // secrets masked
///   "key": null | {"kind", "format", "bits", "subject", "not_after", "expired", "builtin"},
///   "paysign_signature": null | "...",   // sign mode: what paysign computes
///   "cause": null | "charset" | "packed_case" | "double_decoded" | "plus_as_space" | "digest" | "empty_kept"
///            | "empty_skipped" | "trimmed" | "not_trimmed" | "sign_type_included"
///            | "sign_type_excluded" | "sorted_vs_fixed" | "field_order" | "extra_field_signed"
///            | "hex_case" | "other_gateway_key" | "merchant_own_key" | "cert_id" | "key_expired"
///            | "body_reserialised" | "field_left_out" | "none",
///   "confirmed": null | true | false,   // true: a variant verifies (or hex_case); false: the
///                                       // cause is a conclusion without one (merchant_own_key
///                                       // without a verifying key, key_expired, none)
///   "explanation": null | "human text",
///   "variant": null | {"family", "cause", "name", "detail": {...}, "method", "charset",
///                      "sign_string", "first_difference": null | {"offset", "field",
///                      "paysign_field", "paysign", "variant"}, "key"},
///   "warnings": [{"code": "key_expired", "key": "given" | "<builtin name>", "not_after",
///                 "message"},
///                {"code": "resplit", "field", "other_field", "message"},  // issue 12 §2
///                {"code": "cert_id", "field", "named", "given", "message"}],
///   "variants_tried": 12,
///   "max_variants": 60
/// }
/// ```
#[derive(Clone, Debug)]
pub struct Report {
    json: Value,
}

impl Report {
    pub fn json(&self) -> &Value {
        &self.json
    }
    /// `"valid"`, `"invalid"` or `"error"`.
    pub fn verdict(&self) -> &str {
        self.json["verdict"].as_str().unwrap_or("error")
    }
    /// The machine-readable cause; None when the signature is valid.
    pub fn cause(&self) -> Option<&str> {
        self.json["cause"].as_str()
    }
    /// The compact JSON text (what `paysign_diagnose` writes).
    pub fn to_json_string(&self) -> String {
        self.json.to_string()
    }
}

/// 99bill merchant certificates (CFCA) carry the 11-digit member code in their subject, and
/// `merchantAcctId` is that code + `01`: such a certificate given to check a 99bill message
/// is the merchant's own. (Alipay's own certificates name the merchant too, so Alipay is not
/// listed.)
const OWN_CERT_FIELDS: &[(&str, &str)] = &[("99bill", "merchantAcctId")];

/// Gateways whose messages name the signing (or verify) certificate by its decimal serial:
/// UnionPay ACP `certId` (docs/specs/unionpay-acp.md: the merchant's PFX in requests, the
/// verify certificate in 5.0.0 notifications; 5.1.0 notifications carry none).
const CERT_ID_FIELDS: &[(&str, &str)] = &[("unionpay", "certId")];

/// A certificate-naming field that does not name the certificate given.
struct CertId {
    field: &'static str,
    /// The serial the message names.
    named: String,
    /// The serial of the certificate given.
    given: String,
}

/// Runs the plain check and, when it fails, the search. Never fails itself: errors of the
/// check are part of the report.
pub fn diagnose(req: &Request<'_>) -> Report {
    let p = req.profile;
    let opts = req.options;
    let now = req.now.unwrap_or_else(text::now);

    // The plain check, as verify_body does it.
    let parsed = signer::parse_body(p, opts, req.body, req.format, req.charset).map(|mut params| {
        if let Some(sig) = req.signature {
            signer::place(p, &mut params, sig);
        }
        params
    });
    let checked = parsed
        .as_ref()
        .map_err(Clone::clone)
        .and_then(|params| signer::verify(p, opts, params, req.key));
    let (mut verdict, status, reason) = match &checked {
        Ok(Verdict::Valid) => ("valid", crate::Status::PAYSIGN_OK, None),
        Ok(Verdict::Invalid(why)) => ("invalid", crate::Status::PAYSIGN_BAD_SIGNATURE, Some(why.clone())),
        Err(e) => ("error", e.status, Some(e.message.clone())),
    };
    let params = parsed.ok();
    let plan = params.as_ref().and_then(|params| {
        let sig = signer::received(p, params).ok();
        signer::plan(p, params, opts, req.key, sig, DocForm::Emptied).ok()
    });
    let secrets = text::secrets(req.key, opts);
    let hex_text = matches!(p.layout, Layout::Binary(_));
    let masked = |s: &str| text::mask(s, &secrets, hex_text);
    let sign_string = plan.as_ref().map(|pl| masked(&pl.message.text));

    let decoded_as = match (req.charset, &params) {
        (Some(c), _) => c,
        (None, _) if matches!(p.layout, Layout::Document { .. }) => p.charset.default,
        (None, Some(params)) if p.charset.field.is_some() && opts.charset.is_none() => {
            signer::charset_of(p, params, opts).unwrap_or(p.wire_charset())
        }
        (None, _) => p.wire_charset(),
    };
    let signed_as = plan
        .as_ref()
        .map(|pl| pl.charset)
        .unwrap_or_else(|| opts.charset.unwrap_or(p.charset.default));
    let own = own_key(req, params.as_ref());
    let cert_id = cert_id_mismatch(req, params.as_ref());
    let ctx = Ctx {
        req,
        method: plan.as_ref().map(|pl| pl.method),
        params,
        decoded_as,
        signed_as,
        own_key: own,
    };

    let mut warnings: Vec<Value> = Vec::new();
    let given_expiry = req.key.and_then(Key::cert).map(|c| c.not_after);
    if let Some(t) = given_expiry.filter(|t| *t < now) {
        warnings.push(expired_warning("given", t, req.mode));
    }

    // Sign mode: paysign's own signature, and the hex case check of a valid one.
    let mut paysign_signature = None;
    let mut cause: Option<&'static str> = None;
    let mut explanation: Option<String> = None;
    let mut variant_json = Value::Null;
    // Whether the cause comes from a variant that verifies (or the hex case of a valid one).
    let mut confirmed = false;
    if req.mode == Mode::Sign {
        if let Some(params) = &ctx.params {
            if let Ok(mine) = signer::compute(p, opts, params, req.key) {
                let theirs = signer::received(p, params).ok().unwrap_or_default();
                let theirs = theirs.trim();
                // Verification compares hex case-insensitively; a signer must match exactly.
                if verdict == "valid" && mine != theirs && mine.eq_ignore_ascii_case(theirs) {
                    let upper = mine.chars().any(|c| c.is_ascii_uppercase());
                    let (ours, other) = if upper { ("upper", "lower") } else { ("lower", "upper") };
                    verdict = "invalid";
                    cause = Some("hex_case");
                    confirmed = true;
                    explanation = Some(format!(
                        "The signature is right except for the hex case: {} writes {ours}case hex, and gateways \
                         that compare exactly reject {other}case.",
                        p.id
                    ));
                    variant_json = json!({
                        "family": "hex_case",
                        "cause": "hex_case",
                        "name": format!("the same signature in {other}case hex"),
                        "detail": {"paysign": ours, "merchant": other},
                        "method": plan.as_ref().map(|pl| method_name(pl.method, opts)),
                        "charset": plan.as_ref().map(|pl| pl.charset.name()),
                        "sign_string": sign_string,
                        "first_difference": null,
                        "key": null,
                    });
                }
                paysign_signature = Some(mine);
            }
        }
    }

    // A signature that verifies with a certificate the message does not name.
    if let (Some(m), "valid", None) = (&cert_id, verdict, cause) {
        verdict = "invalid";
        cause = Some("cert_id");
        confirmed = true;
        explanation = Some(cert_id_text(p, m, true));
        variant_json = json!({
            "family": "cert_id",
            "cause": "cert_id",
            "name": format!("{} names certificate {}, not the one given", m.field, m.named),
            "detail": {"field": m.field, "named": m.named, "given": m.given},
            "method": plan.as_ref().map(|pl| method_name(pl.method, opts)),
            "charset": plan.as_ref().map(|pl| pl.charset.name()),
            "sign_string": sign_string,
            "first_difference": null,
            "key": null,
        });
    }

    let mut search = Search {
        ctx: &ctx,
        seen: Vec::new(),
        tried: 0,
    };
    if let Some(pl) = &plan {
        search.seen.push((
            tag(pl.method, opts, "given"),
            Zeroizing::new(pl.message.bytes().to_vec()),
        ));
    }
    if verdict != "valid" && cause.is_none() {
        let mut found = None;
        'families: for family in FAMILIES {
            if family.verify_only && req.mode != Mode::Verify {
                continue;
            }
            let mut n = 0;
            for v in (family.generate)(&ctx) {
                if n == family.max {
                    break;
                }
                match search.run(&v) {
                    Run::Skipped => {}
                    Run::Failed => n += 1,
                    Run::Verified(hit) => {
                        found = Some((family, v, hit));
                        break 'families;
                    }
                }
            }
        }
        match found {
            Some((family, v, hit)) => {
                if let Some(m) = cert_id.as_ref().filter(|_| matches!(v.key, VKey::Given)) {
                    warnings.push(cert_id_warning(p, m));
                }
                if let VKey::Other { label, key } = &v.key {
                    if let Some(t) = key.cert().map(|c| c.not_after).filter(|t| *t < now) {
                        warnings.push(expired_warning(label, t, req.mode));
                    }
                }
                let var_text = hit.text.as_ref().map(|t| masked(t));
                let first = match (&sign_string, &var_text) {
                    (Some(a), Some(b)) => text::first_difference(a, b, v.profile.join),
                    _ => None,
                };
                cause = Some(v.cause);
                confirmed = true;
                explanation = Some(explain(&ctx, &v, hit.method));
                variant_json = json!({
                    "family": family.id,
                    "cause": v.cause,
                    "name": v.name,
                    "detail": v.detail,
                    "method": hit.method.map(|m| method_name(m, &v.opts)),
                    "charset": hit.charset.map(Charset::name),
                    "sign_string": var_text,
                    "first_difference": first,
                    "key": match &v.key { VKey::Given => Value::Null, VKey::Other { label, .. } => json!(label) },
                });
            }
            None => {
                let rsa = ctx
                    .method
                    .map_or_else(|| p.methods.by_value.iter().any(|(_, m)| m.is_rsa()), Method::is_rsa);
                let (c, why) = if let (Some(why), true) = (own, rsa) {
                    ("merchant_own_key", own_key_text(why, None))
                } else if let Some(m) = &cert_id {
                    ("cert_id", cert_id_text(p, m, false))
                } else if let Some(t) = given_expiry.filter(|t| *t < now && req.mode == Mode::Verify) {
                    (
                        "key_expired",
                        format!(
                            "No known mistake explains the failure, and the certificate given expired on {}: \
                             the gateway now signs with another certificate (see paysign keyinfo --builtin).",
                            text::rfc3339(t)
                        ),
                    )
                } else {
                    (
                        "none",
                        format!(
                            "None of the {} variants tried verifies: the data was changed after signing, or the key \
                             or secret is not the one that signed it.",
                            search.tried
                        ),
                    )
                };
                cause = Some(c);
                explanation = Some(why);
            }
        }
    }

    // A valid message whose signed text also reads as another field set (issue 12 §2).
    if let (Some(params), Some(pl)) = (&ctx.params, &plan) {
        warnings.extend(resplit::warnings(p, opts, req.key, params, pl.message.bytes()));
    }

    let tried = search.tried;
    Report {
        json: json!({
            "mode": req.mode.name(),
            "profile": p.id,
            "verdict": verdict,
            "status": status.name(),
            "reason": reason,
            "method": plan.as_ref().map(|pl| method_name(pl.method, opts)),
            "charset": plan.as_ref().map(|pl| pl.charset.name()),
            "sign_string": sign_string,
            "key": key_summary(req.key, now),
            "paysign_signature": paysign_signature,
            "cause": cause,
            "confirmed": cause.map(|_| confirmed),
            "explanation": explanation,
            "variant": variant_json,
            "warnings": warnings,
            "variants_tried": tried,
            "max_variants": MAX_VARIANTS,
        }),
    }
}

// ---------------------------------------------------------------------------------------
// The search

struct Search<'c, 'a> {
    ctx: &'c Ctx<'a>,
    /// (method|hash|key, signed bytes) of everything checked so far.
    seen: Vec<(String, Zeroizing<Vec<u8>>)>,
    tried: usize,
}

struct Hit {
    method: Option<Method>,
    charset: Option<Charset>,
    text: Option<Zeroizing<String>>,
}

enum Run {
    /// Nothing new to check (or not applicable): not counted.
    Skipped,
    Failed,
    Verified(Hit),
}

fn tag(method: Method, opts: &Options, key: &str) -> String {
    format!("{method:?}|{:?}|{key}", opts.hash)
}

impl Search<'_, '_> {
    fn run(&mut self, v: &Variant) -> Run {
        let (key, label): (Option<&Key>, &str) = match &v.key {
            VKey::Given => (self.ctx.req.key, "given"),
            VKey::Other { label, key } => (Some(key), label),
        };
        let without;
        let params: &Params = match (&v.params, &self.ctx.params) {
            (Src::Original, Some(p)) => p,
            (Src::Without(name), Some(p)) => {
                let mut fewer = p.clone();
                fewer.remove(name);
                without = fewer;
                &without
            }
            // Nothing to change: the body did not parse.
            (Src::Original | Src::Without(_), None) => return Run::Skipped,
            (Src::Own(Ok(p)), _) => p,
            (Src::Own(Err(_)), _) => {
                self.tried += 1;
                return Run::Failed;
            }
        };
        let sig = signer::received(&v.profile, params).ok();
        let built: crate::Result<(Method, Option<Charset>, Message)> = match v.order {
            Order::Profile => signer::plan(&v.profile, params, &v.opts, key, sig, DocForm::Emptied)
                .map(|pl| (pl.method, Some(pl.charset), pl.message)),
            Order::Received => match text::received_order_message(&v.profile, params, &v.opts, key) {
                None => return Run::Skipped,
                Some(r) => r.map(|(m, msg)| (m, signer::charset_of(&v.profile, params, &v.opts).ok(), msg)),
            },
        };
        let (method, charset, message) = match built {
            Ok(b) => b,
            Err(_) => {
                self.tried += 1;
                return Run::Failed;
            }
        };
        let t = tag(method, &v.opts, label);
        if self
            .seen
            .iter()
            .any(|(st, sb)| *st == t && sb.as_slice() == message.bytes())
        {
            return Run::Skipped;
        }
        self.seen.push((t, Zeroizing::new(message.bytes().to_vec())));
        self.tried += 1;
        let ok = match v.order {
            Order::Profile => matches!(signer::verify(&v.profile, &v.opts, params, key), Ok(Verdict::Valid)),
            Order::Received => sig.is_some_and(|s| {
                matches!(
                    text::check(&v.profile, &v.opts, method, message.bytes(), s, key),
                    Ok(true)
                )
            }),
        };
        if ok {
            Run::Verified(Hit {
                method: Some(method),
                charset,
                text: Some(message.text),
            })
        } else {
            Run::Failed
        }
    }
}

// ---------------------------------------------------------------------------------------
// Keys

/// Why the key given is the merchant's own, when checking a gateway's message with it.
fn own_key(req: &Request<'_>, params: Option<&Params>) -> Option<&'static str> {
    if req.mode != Mode::Verify || req.profile.kind == Kind::Request {
        return None;
    }
    let key = req.key?;
    if key.rsa_private().is_some() {
        return Some("private_key");
    }
    let cert = key.cert()?;
    if builtin_name(key).is_some() {
        return None;
    }
    let (_, field) = OWN_CERT_FIELDS.iter().find(|(g, _)| *g == req.profile.gateway())?;
    let value = params?.get(field)?;
    let named = cert
        .subject
        .split(|c: char| !c.is_ascii_digit())
        .filter(|run| run.len() >= 8)
        .any(|run| value.starts_with(run));
    named.then_some("merchant_certificate")
}

fn own_key_text(why: &str, verifying: Option<&str>) -> String {
    let what = match why {
        "private_key" => "an RSA private key, so it is your own (merchant) key",
        _ => "a certificate that names your merchant number, so it is your own (merchant) certificate",
    };
    match verifying {
        Some(name) => format!(
            "The key given is {what}; the gateway's key {name} verifies the message. Check gateway messages with the \
             gateway's certificate."
        ),
        None => format!(
            "The key given is {what}. A gateway's message is checked with the gateway's certificate or public key \
             (see paysign keyinfo --builtin), never with the merchant's."
        ),
    }
}

/// The certificate-naming field of the message when it names another certificate than the
/// key given (which must hold one).
fn cert_id_mismatch(req: &Request<'_>, params: Option<&Params>) -> Option<CertId> {
    let (_, field) = CERT_ID_FIELDS.iter().find(|(g, _)| *g == req.profile.gateway())?;
    let named = params?.get(field).map(str::trim).filter(|v| !v.is_empty())?;
    let given = crate::unionpay::cert_id(req.key?).ok()?;
    (given != named).then(|| CertId {
        field,
        named: named.to_string(),
        given,
    })
}

fn cert_id_text(p: &Profile, m: &CertId, verifies: bool) -> String {
    let (field, named, given) = (m.field, &m.named, &m.given);
    let fix = if p.kind == Kind::Request {
        format!(
            "the gateway looks the certificate up by {field} and rejects the message: set {field} to the decimal serial \
             of the PFX you sign with (paysign unionpay cert-id), or sign with the PFX whose serial is {named}"
        )
    } else {
        format!(
            "check the message with the gateway's certificate whose decimal serial is {named} (paysign_unionpay_verify \
             refuses any other)"
        )
    };
    if verifies {
        format!(
            "The signature verifies with the certificate given, but the message's {field} is {named} while that \
             certificate's serial is {given}: {fix}."
        )
    } else {
        format!(
            "Nothing verifies, and the message's {field} is {named} while the certificate given has serial {given}: \
             {fix}."
        )
    }
}

fn cert_id_warning(p: &Profile, m: &CertId) -> Value {
    json!({
        "code": "cert_id",
        "field": m.field,
        "named": m.named,
        "given": m.given,
        "message": format!(
            "{} names certificate {}, the certificate given is {}: {}",
            m.field,
            m.named,
            m.given,
            if p.kind == Kind::Request { "the gateway rejects the request" } else { "paysign_unionpay_verify refuses it" }
        ),
    })
}

/// The built-in key with the same public key, if any.
fn builtin_name(key: &Key) -> Option<&'static str> {
    let public = key.rsa_public_ref()?;
    builtin::BUILTINS
        .iter()
        .find(|b| b.key().ok().and_then(|k| k.rsa_public()).as_ref() == Some(public))
        .map(|b| b.name)
}

fn key_summary(key: Option<&Key>, now: i64) -> Value {
    let Some(key) = key else {
        return Value::Null;
    };
    let info = key.info();
    let cert = info.cert.as_ref();
    json!({
        "kind": info.kind,
        "format": info.format,
        "bits": (info.bits > 0).then_some(info.bits),
        "subject": cert.map(|c| c.subject.clone()),
        "not_after": cert.map(|c| text::rfc3339(c.not_after)),
        "expired": cert.map(|c| c.not_after < now),
        "builtin": builtin_name(key),
    })
}

fn expired_warning(key: &str, not_after: i64, mode: Mode) -> Value {
    let who = if key == "given" {
        "the certificate given".to_string()
    } else {
        format!("the built-in certificate {key}")
    };
    let then = match mode {
        Mode::Verify => "it still verifies what was signed with it, but the gateway has probably moved to a newer one",
        Mode::Sign => "gateways reject signatures made with an expired merchant certificate (99bill: 20001)",
    };
    json!({
        "code": "key_expired",
        "key": key,
        "not_after": text::rfc3339(not_after),
        "message": format!("{who} expired on {}: {then}", text::rfc3339(not_after)),
    })
}

/// The method's name; an RSA method that accepts two digests names both.
fn method_name(m: Method, opts: &Options) -> String {
    match (m, opts.hash) {
        (Method::Rsa { out, .. }, Some(hash)) => Method::Rsa { hash, also: None, out }.name().to_string(),
        (
            Method::Rsa {
                also: Some(h2), out, ..
            },
            None,
        ) => {
            format!(
                "{} or {}",
                m.name(),
                Method::Rsa {
                    hash: h2,
                    also: None,
                    out
                }
                .name()
            )
        }
        _ => m.name().to_string(),
    }
}

// ---------------------------------------------------------------------------------------
// Explanations

fn explain(c: &Ctx<'_>, v: &Variant, method: Option<Method>) -> String {
    let p = c.req.profile;
    let d = &v.detail;
    let s = |k: &str| d[k].as_str().unwrap_or("").to_string();
    match v.cause {
        "digest" => format!(
            "The signature verifies with {} instead of {}: signer and verifier use different digests (99bill \
             SHA-1 vs SHA-256, Alipay RSA vs RSA2, WeChat MD5 vs HMAC-SHA256, UnionPay 5.0.0's SHA-1 on a 5.1.0 \
             message). Use the option hash= or sign_type=, or fix the sign type or version the message declares.",
            method.map_or_else(|| s("method"), |m| method_name(m, &v.opts)),
            c.method
                .map_or_else(|| "the profile's method".to_string(), |m| method_name(m, c.req.options)),
        ),
        "charset" => format!(
            "The signature verifies when the body is decoded as {} and the string is signed as {} bytes: the \
             charset signed is not the one declared or assumed ({} here). Declare the charset you sign in (99bill/\
             Allinpay inputCharset, Alipay _input_charset or charset, Dinpay input_charset) or pass it to paysign.",
            s("decoded_as"),
            s("signed_as"),
            c.signed_as.name()
        ),
        "packed_case" => format!(
            "The signature verifies over {} written in {}case hex: {} writes it in {}case, as the gateway's own \
             code does. Write each byte as two hex digits in that case.",
            s("field"),
            s("case"),
            p.id,
            if s("case") == "lower" { "upper" } else { "lower" }
        ),
        "plus_as_space" => "The signature verifies when the spaces in the values are turned back into '+': a '+' \
                            was URL-decoded into a space (the text given was already decoded, or a value was decoded \
                            twice). Pass the raw body exactly as received."
            .to_string(),
        "double_decoded" if s("transform") == "body_already_decoded" => {
            "The signature verifies when the body is read without URL-decoding: the text given had already been \
             decoded once (a logged or re-built query). Pass the raw body exactly as received."
                .to_string()
        }
        "double_decoded" => {
            "The signature verifies over the values URL-decoded once more: the values were URL-encoded \
                             twice on the wire (encoded one by one, then the whole query), while the signer signed \
                             them decoded. Encode each value exactly once."
                .to_string()
        }
        "empty_kept" => format!(
            "The signer kept empty fields as 'name='; {} leaves empty fields out of the sign string.",
            p.id
        ),
        "empty_skipped" => format!(
            "The signer left empty fields out; {} keeps them in the sign string.",
            p.id
        ),
        "trimmed" => format!(
            "The signer trimmed spaces from the values; {} signs the values exactly as sent.",
            p.id
        ),
        "not_trimmed" => format!(
            "The signer did not trim the values; {} trims them before signing (as the gateway's official SDK does).",
            p.id
        ),
        "sign_type_included" => format!(
            "The signer included sign_type in the sign string; {} leaves it out.",
            p.id
        ),
        "sign_type_excluded" => format!("The signer left sign_type out of the sign string; {} signs it.", p.id),
        "sorted_vs_fixed" if s("order") == "sorted" => format!(
            "The signer sorted the fields by name; {} signs them in the documented fixed order.",
            p.id
        ),
        "sorted_vs_fixed" => format!(
            "The signer took the fields in the order they were given; {} sorts them by name (ASCII) first.",
            p.id
        ),
        "field_order" => format!(
            "The signer took the fields in the order they appear in the message; {} signs them in the documented \
             order.",
            p.id
        ),
        "extra_field_signed" => format!(
            "The signature verifies without the field '{}': the gateway did not sign it. It was probably added on \
             your side (a query parameter of your notify URL, a router parameter); leave it out of the body you \
             verify.",
            crate::charset::printable(&s("field"))
        ),
        "other_gateway_key" => format!(
            "The signature verifies with the gateway key {}, not with the key given: use that certificate \
             (sandbox vs production, or an older certificate of the gateway).",
            s("key")
        ),
        "body_reserialised" => format!(
            "The signature verifies over {} with {}: the document was rewritten after signing (an XML library or \
             framework re-serialised it, or it was logged and rebuilt). {} signs the exact text as sent: pass the \
             field exactly as received.",
            s("field"),
            v.name.split_once(": ").map_or(v.name.as_str(), |(_, n)| n),
            p.id
        ),
        "field_left_out" => format!(
            "The signature verifies when {} is left out of the sign string: the signer signed the document's span \
             without it, while {} appends it (IPS 7.0 signs <body>…</body> + MerCode + the merchant certificate).",
            s("field"),
            p.id
        ),
        "merchant_own_key" => own_key_text(c.own_key.unwrap_or("private_key"), Some(&s("key"))),
        other => format!("The variant '{}' ({other}) verifies.", v.name),
    }
}
