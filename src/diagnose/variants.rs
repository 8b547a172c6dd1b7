//! The table of known mistakes. Each family makes the variants of one kind of mistake from
//! what was received; the search runs them in table order, at most `max` of each family.

use super::Request;
use crate::charset::Charset;
use crate::keys::Key;
use crate::options::Options;
use crate::params::{Duplicates, Format, Params};
use crate::profile::{Case, DocSigned, Empty, Hash, Layout, Method, Methods, Packed, Profile, RsaOut, Slot};
use crate::signer;
use crate::{builtin, Error, Result};
use serde_json::{json, Value};

/// What the search knows before it starts: the request and the outcome of the plain check.
pub(super) struct Ctx<'a> {
    pub req: &'a Request<'a>,
    /// The body parsed the way `verify_body` parses it (signature override applied), if it parsed.
    pub params: Option<Params>,
    /// The method the plain check used, if it got that far.
    pub method: Option<Method>,
    /// The charset the body was decoded in (best knowledge when the parse failed).
    pub decoded_as: Charset,
    /// The charset of the signed bytes in the plain check.
    pub signed_as: Charset,
    /// Why the given key is the merchant's own, if it is (see `super::own_key`).
    pub own_key: Option<&'static str>,
}

/// How the sign string is assembled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Order {
    /// By the (possibly changed) profile, through `signer`.
    Profile,
    /// The fields in the order received (see `text::received_order_message`).
    Received,
}

/// Which key checks the variant.
pub(super) enum VKey {
    Given,
    Other { label: String, key: Box<Key> },
}

/// The params a variant checks. Built lazily from the original where possible, so that a
/// family of many variants over a large body does not hold many copies of it.
pub(super) enum Src {
    /// The original parse (the variant changes the profile, options or key).
    Original,
    /// The original parse without this field.
    Without(String),
    /// Params of its own (decoded again, transformed).
    Own(Result<Params>),
}

/// One way the message could have been signed.
pub(super) struct Variant {
    pub cause: &'static str,
    /// A short human description of the change.
    pub name: String,
    /// The change, machine-readable.
    pub detail: Value,
    pub profile: Profile,
    pub opts: Options,
    pub params: Src,
    pub order: Order,
    pub key: VKey,
}

/// One family of the table.
pub struct Family {
    /// The family name (also the `family` member of the report's variant).
    pub id: &'static str,
    /// The causes its variants report.
    pub causes: &'static [&'static str],
    /// At most this many of its variants are tried.
    pub max: usize,
    /// Only when verifying a received message (not for `--sign`).
    pub verify_only: bool,
    pub about: &'static str,
    pub(super) generate: fn(&Ctx<'_>) -> Vec<Variant>,
}

/// The search order. A variant is tried only when it changes the signed bytes, the method
/// or the key (duplicates are not counted); the first that verifies is the answer.
pub const FAMILIES: &[Family] = &[
    Family {
        id: "digest",
        causes: &["digest"],
        max: 3,
        verify_only: false,
        about: "another digest: RSA with SHA-256/SHA-1/MD5 (99bill SHA-1 vs SHA-256, Alipay RSA vs RSA2), \
                or MD5 / HMAC-SHA256 / HMAC-MD5 for secrets (WeChat MD5 vs HMAC-SHA256)",
        generate: digest,
    },
    Family {
        id: "charset",
        causes: &["charset"],
        max: 8,
        verify_only: false,
        about: "the body decoded and/or the string signed in another of utf-8, gbk, gb18030 \
                (gb2312 text has the same bytes as in gbk, so it is reported as gbk)",
        generate: charset,
    },
    Family {
        id: "packed_case",
        causes: &["packed_case"],
        max: 1,
        verify_only: false,
        about: "the packed field's hex (NPS OrderMessage) in the other case",
        generate: packed_case,
    },
    Family {
        id: "plus_as_space",
        causes: &["plus_as_space"],
        max: 1,
        verify_only: false,
        about: "every space in the values turned back into '+'",
        generate: plus_as_space,
    },
    Family {
        id: "double_decoded",
        causes: &["double_decoded"],
        max: 2,
        verify_only: false,
        about: "the values URL-decoded once more; the form body read without URL-decoding",
        generate: double_decoded,
    },
    Family {
        id: "document",
        causes: &["body_reserialised"],
        max: 4,
        verify_only: false,
        about: "an XML document field (IPS 7.0, Allinpay AIPG) re-serialised: whitespace between tags removed, \
                whitespace around values removed, line ends the other way (CRLF/LF), empty elements <X/> written out",
        generate: reserialised,
    },
    Family {
        id: "span_field",
        causes: &["field_left_out"],
        max: 2,
        verify_only: false,
        about:
            "a document whose signed span is followed by fields (IPS 7.0 <body> + MerCode): each such field left out",
        generate: span_field,
    },
    Family {
        id: "empty",
        causes: &["empty_kept", "empty_skipped"],
        max: 1,
        verify_only: false,
        about: "empty fields kept instead of skipped, or the reverse",
        generate: empty,
    },
    Family {
        id: "trim",
        causes: &["trimmed", "not_trimmed"],
        max: 1,
        verify_only: false,
        about: "values trimmed where the profile does not trim, or the reverse",
        generate: trim,
    },
    Family {
        id: "sign_type",
        causes: &["sign_type_included", "sign_type_excluded"],
        max: 1,
        verify_only: false,
        about: "sign_type signed where a sorted profile excludes it, or the reverse",
        generate: sign_type,
    },
    Family {
        id: "order",
        causes: &["sorted_vs_fixed"],
        max: 1,
        verify_only: false,
        about: "a fixed-order profile's fields sorted by name; a sorted profile's fields left in received order",
        generate: sorted_vs_fixed,
    },
    Family {
        id: "field_order",
        causes: &["field_order"],
        max: 1,
        verify_only: false,
        about: "a fixed-order profile's fields in the order they were received",
        generate: field_order,
    },
    Family {
        id: "extra_field",
        causes: &["extra_field_signed"],
        max: 32,
        verify_only: true,
        about: "a sorted profile verified without one received field (one variant per field, the first 32)",
        generate: extra_field,
    },
    Family {
        id: "key",
        causes: &["other_gateway_key", "merchant_own_key"],
        max: 8,
        verify_only: true,
        about: "RSA only: each built-in key of the profile's gateway (paysign keyinfo --builtin), \
                then any extra keys of the request",
        generate: keys,
    },
];

/// The bound of the search: the sum of the families' `max`.
pub const MAX_VARIANTS: usize = {
    let mut n = 0;
    let mut i = 0;
    while i < FAMILIES.len() {
        n += FAMILIES[i].max;
        i += 1;
    }
    n
};

impl Ctx<'_> {
    fn variant(&self, cause: &'static str, name: String, detail: Value) -> Variant {
        Variant {
            cause,
            name,
            detail,
            profile: *self.req.profile,
            opts: self.req.options.clone(),
            params: Src::Original,
            order: Order::Profile,
            key: VKey::Given,
        }
    }

    fn textual(&self) -> bool {
        matches!(self.req.profile.layout, Layout::Fixed(_) | Layout::Sorted { .. })
    }

    /// The body parsed again in `charset`, with the signature override.
    fn reparse(&self, opts: &Options, charset: Charset) -> Result<Params> {
        let p = self.req.profile;
        let mut params = signer::parse_body(p, opts, self.req.body, self.req.format, Some(charset))?;
        self.override_sig(&mut params);
        Ok(params)
    }

    fn override_sig(&self, params: &mut Params) {
        if let Some(sig) = self.req.signature {
            signer::place(self.req.profile, params, sig);
        }
    }

    /// The params with every value mapped (the signature override re-applied after).
    fn map_values(&self, f: impl Fn(&str) -> String) -> Option<Params> {
        let params = self.params.as_ref()?;
        let mut out = Params::new();
        for (n, v) in params.iter() {
            out.push(n, &f(v));
        }
        self.override_sig(&mut out);
        Some(out)
    }
}

// ---------------------------------------------------------------------------------------
// Families

fn digest(c: &Ctx<'_>) -> Vec<Variant> {
    let p = c.req.profile;
    let mut out = Vec::new();
    let rsa = match c.method {
        Some(m) => m.is_rsa(),
        None => c.req.key.is_some_and(|k| !k.is_secret()),
    };
    if let Some(Method::RsaOfHexDigest { hash }) = c.method {
        // UnionPay: `version` picks the digest (5.0.0 SHA-1, 5.1.0 SHA-256); an old SDK keeps
        // SHA-1 on a 5.1.0 message. The option hash= does not apply, so the method is replaced.
        for h in [Hash::Sha256, Hash::Sha1].into_iter().filter(|h| *h != hash) {
            let m = Method::RsaOfHexDigest { hash: h };
            let mut v = c.variant(
                "digest",
                m.name().to_string(),
                json!({"method": m.name(), "hash": h.name()}),
            );
            v.profile.methods = Methods::only(m);
            out.push(v);
        }
        return out;
    }
    if rsa {
        let tried: Vec<Hash> = match (c.req.options.hash, c.method) {
            (Some(h), _) => vec![h],
            (None, Some(Method::Rsa { hash, also, .. })) => std::iter::once(hash).chain(also).collect(),
            (None, _) => Vec::new(),
        };
        let out_form = match c.method {
            Some(Method::Rsa { out, .. }) => out,
            _ => RsaOut::Base64,
        };
        for h in [Hash::Sha256, Hash::Sha1, Hash::Md5] {
            if tried.contains(&h) {
                continue;
            }
            let m = Method::Rsa {
                hash: h,
                also: None,
                out: out_form,
            };
            let mut v = c.variant(
                "digest",
                format!("{} (option hash={})", m.name(), h.name()),
                json!({"method": m.name(), "hash": h.name()}),
            );
            v.opts.hash = Some(h);
            out.push(v);
        }
        return out;
    }
    // Secrets: the methods the profile knows, then the common ones.
    let m = p.methods;
    let mut candidates: Vec<Method> = m.by_value.iter().map(|(_, m)| *m).collect();
    match m.absent {
        crate::profile::Absent::Use(x) => candidates.push(x),
        crate::profile::Absent::ByKey { secret, .. } => candidates.push(secret),
        crate::profile::Absent::Required => {}
    }
    candidates.extend(m.by_sig_len.iter().map(|(_, m)| *m));
    candidates.extend([
        Method::Md5(Case::Upper),
        Method::HmacSha256(Case::Upper),
        Method::HmacMd5(Case::Lower),
    ]);
    let kind = std::mem::discriminant;
    let mut seen: Vec<std::mem::Discriminant<Method>> = c.method.iter().map(kind).collect();
    for cand in candidates.into_iter().filter(|m| !m.is_rsa()) {
        if seen.contains(&kind(&cand)) {
            continue;
        }
        seen.push(kind(&cand));
        let mut v = c.variant("digest", cand.name().to_string(), json!({"method": cand.name()}));
        v.profile.methods = Methods::only(cand);
        out.push(v);
    }
    out
}

fn charset(c: &Ctx<'_>) -> Vec<Variant> {
    if !matches!(
        c.req.profile.layout,
        Layout::Fixed(_) | Layout::Sorted { .. } | Layout::Document { .. }
    ) {
        return Vec::new();
    }
    const ALL: [Charset; 3] = [Charset::Utf8, Charset::Gbk, Charset::Gb18030];
    let mut out = Vec::new();
    let mut pairs: Vec<(Charset, Option<Charset>)> = vec![(c.decoded_as, Some(c.signed_as))];
    let mut push = |c: &Ctx<'_>, decode: Charset, sign: Option<Charset>, out: &mut Vec<Variant>| {
        if pairs.contains(&(decode, sign)) {
            return;
        }
        pairs.push((decode, sign));
        let mut opts = c.req.options.clone();
        if sign.is_some() {
            opts.charset = sign;
        }
        let params = if decode == c.decoded_as && c.params.is_some() {
            c.params.clone().ok_or_else(|| Error::malformed("unreachable"))
        } else {
            c.reparse(&opts, decode)
        };
        let signed = match (sign, &params) {
            (Some(s), _) => s.name().to_string(),
            (None, Ok(params)) => signer::charset_of(c.req.profile, params, &opts)
                .map(|s| s.name().to_string())
                .unwrap_or_else(|_| "declared".to_string()),
            (None, Err(_)) => "declared".to_string(),
        };
        let mut v = c.variant(
            "charset",
            format!("body decoded as {}, string signed as {signed}", decode.name()),
            json!({"decoded_as": decode.name(), "signed_as": signed}),
        );
        v.opts = opts;
        v.params = Src::Own(params);
        out.push(v);
    };
    // The same charset on the wire and in the digest, then only the digest, then only the wire.
    for cs in ALL {
        push(c, cs, Some(cs), &mut out);
    }
    if c.params.is_some() {
        for cs in ALL {
            push(c, c.decoded_as, Some(cs), &mut out);
        }
    }
    for cs in ALL {
        push(c, cs, None, &mut out);
    }
    out
}

fn packed_case(c: &Ctx<'_>) -> Vec<Variant> {
    let Some(pk) = c.req.profile.packed else {
        return Vec::new();
    };
    let (case, name) = match pk.case {
        Case::Upper => (Case::Lower, "lower"),
        Case::Lower => (Case::Upper, "upper"),
    };
    let mut v = c.variant(
        "packed_case",
        format!("{} written in {name}case hex", pk.field),
        json!({"field": pk.field, "case": name}),
    );
    v.profile.packed = Some(Packed { case, ..pk });
    vec![v]
}

fn plus_as_space(c: &Ctx<'_>) -> Vec<Variant> {
    let Some(params) = c.params.as_ref() else {
        return Vec::new();
    };
    if !c.textual() || !params.iter().any(|(_, v)| v.contains(' ')) {
        return Vec::new();
    }
    let mut v = c.variant(
        "plus_as_space",
        "spaces in the values turned back into '+'".to_string(),
        json!({"transform": "space_to_plus"}),
    );
    v.params = Src::Own(
        c.map_values(|s| s.replace(' ', "+"))
            .ok_or_else(|| Error::malformed("no params")),
    );
    vec![v]
}

fn double_decoded(c: &Ctx<'_>) -> Vec<Variant> {
    let mut out = Vec::new();
    if !c.textual() {
        return out;
    }
    let cs = c.decoded_as;
    if let Some(params) = c.params.as_ref() {
        if params.iter().any(|(_, v)| has_escape(v)) {
            let mut v = c.variant(
                "double_decoded",
                "the values URL-decoded once more".to_string(),
                json!({"transform": "values_decoded_again"}),
            );
            v.params = Src::Own(
                c.map_values(|s| decode_again(s, cs).unwrap_or_else(|| s.to_string()))
                    .ok_or_else(|| Error::malformed("no params")),
            );
            out.push(v);
        }
    }
    if c.req.format == Format::Form && c.req.body.contains(&b'%') {
        let mut v = c.variant(
            "double_decoded",
            "the body read as already decoded text (no URL-decoding)".to_string(),
            json!({"transform": "body_already_decoded"}),
        );
        v.params = Src::Own(raw_form(c.req.body, cs, c.req.profile.duplicates).map(|mut p| {
            c.override_sig(&mut p);
            p
        }));
        out.push(v);
    }
    out
}

/// A rewrite's name, what it does, and the rewrite of the received text (None: it changes
/// nothing or does not apply).
type Rewrite = (&'static str, &'static str, fn(&str) -> Option<String>);

/// The ways an XML library or a web framework rewrites a document's text.
const REWRITES: &[Rewrite] = &[
    ("whitespace_between_tags", "whitespace between tags removed", |d| {
        changed(d, strip_ws(d, false))
    }),
    (
        "whitespace_around_values",
        "whitespace next to every tag removed (values trimmed)",
        |d| changed(d, strip_ws(d, true)),
    ),
    ("line_ends", "line ends the other way (CRLF and LF)", |d| {
        if d.contains("\r\n") {
            Some(d.replace("\r\n", "\n"))
        } else {
            changed(d, d.replace('\n', "\r\n"))
        }
    }),
    ("empty_elements", "empty elements <X/> written as <X></X>", |d| {
        changed(d, expand_empty(d))
    }),
];

fn reserialised(c: &Ctx<'_>) -> Vec<Variant> {
    let (Layout::Document { field, .. }, Some(params)) = (c.req.profile.layout, c.params.as_ref()) else {
        return Vec::new();
    };
    let Some(doc) = params.get(field) else {
        return Vec::new();
    };
    REWRITES
        .iter()
        .filter_map(|(id, name, rewrite)| {
            let text = rewrite(doc)?;
            let mut v = c.variant(
                "body_reserialised",
                format!("{field}: {name}"),
                json!({"field": field, "transform": id}),
            );
            let mut p = params.clone();
            p.set(field, &text);
            v.params = Src::Own(Ok(p));
            Some(v)
        })
        .collect()
}

fn span_field(c: &Ctx<'_>) -> Vec<Variant> {
    let Layout::Document {
        field,
        element,
        signed: DocSigned::Span { element: span, then },
    } = c.req.profile.layout
    else {
        return Vec::new();
    };
    // The first or the last field left out (contiguous, so the table's slices serve).
    let mut cut: Vec<(&str, &'static [&'static str])> = then.split_first().into_iter().map(|(f, r)| (*f, r)).collect();
    if then.len() > 1 {
        cut.extend(then.split_last().map(|(l, r)| (*l, r)));
    }
    cut.into_iter()
        .map(|(name, rest)| {
            let mut v = c.variant(
                "field_left_out",
                format!("{name} left out after <{span}>"),
                json!({"field": name}),
            );
            v.profile.layout = Layout::Document {
                field,
                element,
                signed: DocSigned::Span {
                    element: span,
                    then: rest,
                },
            };
            v
        })
        .collect()
}

fn changed(before: &str, after: String) -> Option<String> {
    (after != before).then_some(after)
}

/// The document without whitespace between `>` and `<`; with `values`, also without the
/// whitespace that starts or ends any text next to a tag.
fn strip_ws(doc: &str, values: bool) -> String {
    let mut out = String::with_capacity(doc.len());
    let mut pending = String::new();
    let mut after_tag = false;
    for ch in doc.chars() {
        if ch.is_ascii_whitespace() {
            pending.push(ch);
            continue;
        }
        let drop = (after_tag && ch == '<') || (values && (after_tag || ch == '<'));
        if !drop {
            out.push_str(&pending);
        }
        pending.clear();
        out.push(ch);
        after_tag = ch == '>';
    }
    out.push_str(&pending);
    out
}

/// `<X/>` and `<X />` written as `<X></X>` (what string-built documents send).
fn expand_empty(doc: &str) -> String {
    let mut out = String::with_capacity(doc.len());
    let mut rest = doc;
    while let Some(end) = rest.find("/>") {
        let Some(open) = rest[..end].rfind('<') else { break };
        let name = rest[open + 1..end].trim_end();
        let plain = !name.is_empty() && !name.contains(|c: char| c.is_whitespace() || "<>!?\"'=".contains(c));
        out.push_str(&rest[..open]);
        if plain {
            out.push_str(&format!("<{name}></{name}>"));
        } else {
            out.push_str(&rest[open..end + 2]);
        }
        rest = &rest[end + 2..];
    }
    out.push_str(rest);
    out
}

fn empty(c: &Ctx<'_>) -> Vec<Variant> {
    if !c.textual() {
        return Vec::new();
    }
    let (cause, to, name) = match c.req.profile.empty {
        Empty::Skip => ("empty_kept", Empty::Keep, "empty fields kept (name=)"),
        Empty::Keep => ("empty_skipped", Empty::Skip, "empty fields left out"),
    };
    let mut v = c.variant(
        cause,
        name.to_string(),
        json!({"empty": if to == Empty::Keep { "keep" } else { "skip" }}),
    );
    v.profile.empty = to;
    vec![v]
}

fn trim(c: &Ctx<'_>) -> Vec<Variant> {
    if !c.textual() {
        return Vec::new();
    }
    let trim = !c.req.profile.trim;
    let (cause, name) = if trim {
        ("trimmed", "values trimmed")
    } else {
        ("not_trimmed", "values not trimmed")
    };
    let mut v = c.variant(cause, name.to_string(), json!({"trim": trim}));
    v.profile.trim = trim;
    vec![v]
}

fn sign_type(c: &Ctx<'_>) -> Vec<Variant> {
    const NONE: &[&str] = &[];
    const SIGN_TYPE: &[&str] = &["sign_type"];
    let Layout::Sorted { exclude } = c.req.profile.layout else {
        return Vec::new();
    };
    let present = c.params.as_ref().is_some_and(|p| p.get("sign_type").is_some());
    let (cause, to, name) = if exclude == SIGN_TYPE {
        ("sign_type_included", NONE, "sign_type signed")
    } else if exclude.is_empty() && present {
        ("sign_type_excluded", SIGN_TYPE, "sign_type left out")
    } else {
        return Vec::new();
    };
    let mut v = c.variant(
        cause,
        name.to_string(),
        json!({"sign_type": cause == "sign_type_included"}),
    );
    v.profile.layout = Layout::Sorted { exclude: to };
    vec![v]
}

fn fixed_names(p: &Profile) -> Option<Vec<&'static str>> {
    match p.layout {
        Layout::Fixed(slots) if slots.iter().all(Slot::is_field) => Some(
            slots
                .iter()
                .filter_map(|s| match s {
                    Slot::F(n) | Slot::Opt(n) => Some(*n),
                    Slot::Key(_) | Slot::Text(_) => None,
                })
                .collect(),
        ),
        _ => None,
    }
}

fn sorted_vs_fixed(c: &Ctx<'_>) -> Vec<Variant> {
    let p = c.req.profile;
    if let Some(names) = fixed_names(p) {
        // The documented fields (and the signature), sorted by name.
        let Some(params) = c.params.as_ref() else {
            return Vec::new();
        };
        let sig = p.sig_field();
        let kept = Params::from_pairs(params.iter().filter(|(n, _)| names.contains(n) || *n == sig));
        let mut v = c.variant(
            "sorted_vs_fixed",
            "the documented fields sorted by name instead of in the fixed order".to_string(),
            json!({"order": "sorted"}),
        );
        v.profile.layout = Layout::Sorted { exclude: &[] };
        v.params = Src::Own(Ok(kept));
        return vec![v];
    }
    if matches!(p.layout, Layout::Sorted { .. }) {
        let mut v = c.variant(
            "sorted_vs_fixed",
            "the fields in the order received instead of sorted by name".to_string(),
            json!({"order": "received"}),
        );
        v.order = Order::Received;
        return vec![v];
    }
    Vec::new()
}

fn field_order(c: &Ctx<'_>) -> Vec<Variant> {
    if fixed_names(c.req.profile).is_none() {
        return Vec::new();
    }
    let mut v = c.variant(
        "field_order",
        "the documented fields in the order received instead of the fixed order".to_string(),
        json!({"order": "received"}),
    );
    v.order = Order::Received;
    vec![v]
}

/// Candidates generated for the extra-field family (twice its `max`, since fields whose
/// removal changes nothing are skipped without counting).
const EXTRA_CANDIDATES: usize = 64;

fn extra_field(c: &Ctx<'_>) -> Vec<Variant> {
    let p = c.req.profile;
    let (Layout::Sorted { .. }, Some(params)) = (p.layout, c.params.as_ref()) else {
        return Vec::new();
    };
    let sig = p.sig_field();
    params
        .iter()
        .map(|(n, _)| n)
        .filter(|n| *n != sig)
        .take(EXTRA_CANDIDATES)
        .map(|name| {
            let mut v = c.variant(
                "extra_field_signed",
                format!("without the field '{}'", crate::charset::printable(name)),
                json!({"field": name}),
            );
            v.params = Src::Without(name.to_string());
            v
        })
        .collect()
}

fn keys(c: &Ctx<'_>) -> Vec<Variant> {
    let p = c.req.profile;
    let rsa = c
        .method
        .map_or_else(|| p.methods.by_value.iter().any(|(_, m)| m.is_rsa()), Method::is_rsa);
    if !rsa {
        return Vec::new();
    }
    let cause = if c.own_key.is_some() {
        "merchant_own_key"
    } else {
        "other_gateway_key"
    };
    let mut seen: Vec<rsa::PublicKey> = c.req.key.and_then(Key::rsa_public).into_iter().collect();
    let mut out = Vec::new();
    let builtins = builtin::for_gateway(p.gateway()).filter_map(|b| Some((b.name.to_string(), b.key().ok()?)));
    let extra = c.req.extra_keys.iter().map(|(l, k)| (l.to_string(), (*k).clone()));
    for (label, key) in builtins.chain(extra) {
        let Some(public) = key.rsa_public() else { continue };
        if seen.contains(&public) {
            continue;
        }
        seen.push(public);
        let mut v = c.variant(cause, format!("the key {label}"), json!({"key": label}));
        v.key = VKey::Other {
            label,
            key: Box::new(key),
        };
        out.push(v);
    }
    out
}

// ---------------------------------------------------------------------------------------
// Value helpers

fn has_escape(s: &str) -> bool {
    let b = s.as_bytes();
    b.windows(3)
        .any(|w| w[0] == b'%' && w[1].is_ascii_hexdigit() && w[2].is_ascii_hexdigit())
}

/// One more percent-decoding (no `+` rule), read in `cs`; None when the result is not text
/// in that charset.
fn decode_again(s: &str, cs: Charset) -> Option<String> {
    if !has_escape(s) {
        return None;
    }
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            let hex = |c: u8| (c as char).to_digit(16);
            if let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    cs.decode(&out, "value").ok().map(|c| c.into_owned())
}

/// A form body split on `&` and `=` without any URL-decoding, read in `cs`.
fn raw_form(body: &[u8], cs: Charset, dups: Duplicates) -> Result<Params> {
    let text = cs.decode(body, "body")?;
    let mut pairs: Vec<(String, String)> = Vec::new();
    for part in text.split('&').filter(|s| !s.is_empty()) {
        let (n, v) = part.split_once('=').unwrap_or((part, ""));
        if n.is_empty() {
            return Err(Error::malformed("empty field name"));
        }
        match pairs.iter().position(|(m, _)| m == n) {
            Some(i) if dups == Duplicates::LastWins => {
                pairs.remove(i);
                pairs.push((n.to_string(), v.to_string()));
            }
            Some(_) => return Err(Error::duplicate_field(n)),
            None => pairs.push((n.to_string(), v.to_string())),
        }
    }
    let mut params = Params::new();
    for (n, v) in pairs {
        params.push(&n, &v);
    }
    Ok(params)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bound_is_the_sum_of_the_table() {
        assert_eq!(MAX_VARIANTS, FAMILIES.iter().map(|f| f.max).sum::<usize>());
        assert_eq!(MAX_VARIANTS, 66);
    }

    #[test]
    fn decoding_again() {
        assert_eq!(decode_again("a%2Fb%20c", Charset::Utf8).as_deref(), Some("a/b c"));
        assert_eq!(decode_again("%E4%B8%AD", Charset::Utf8).as_deref(), Some("中"));
        assert_eq!(decode_again("%D6%D0", Charset::Gbk).as_deref(), Some("中"));
        assert_eq!(decode_again("100%", Charset::Utf8), None);
        assert_eq!(decode_again("%FF", Charset::Utf8), None);
    }

    #[test]
    fn rewrites() {
        let d = "<a>\n  <b> 1 </b>\n  <c/><d x=\"1\"/>\n</a>";
        assert_eq!(strip_ws(d, false), "<a><b> 1 </b><c/><d x=\"1\"/></a>");
        assert_eq!(strip_ws(d, true), "<a><b>1</b><c/><d x=\"1\"/></a>");
        assert_eq!(expand_empty(d), "<a>\n  <b> 1 </b>\n  <c></c><d x=\"1\"/>\n</a>");
        assert_eq!(expand_empty("<c />x"), "<c></c>x");
        assert_eq!(strip_ws("<![CDATA[ a ]]> <b/>", false), "<![CDATA[ a ]]><b/>");
    }

    #[test]
    fn raw_forms() {
        let p = raw_form(b"a=1+2&b=50%&c=", Charset::Utf8, Duplicates::Reject).unwrap();
        assert_eq!(p.get("a"), Some("1+2"));
        assert_eq!(p.get("b"), Some("50%"));
        assert_eq!(p.get("c"), Some(""));
        assert!(raw_form(b"a=1&a=2", Charset::Utf8, Duplicates::Reject).is_err());
        let p = raw_form(b"a=1&b=2&a=3", Charset::Utf8, Duplicates::LastWins).unwrap();
        assert_eq!(p.iter().collect::<Vec<_>>(), [("b", "2"), ("a", "3")]);
    }
}
