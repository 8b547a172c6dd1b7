//! Sign, verify and reply over a profile. The one place that decides algorithm, charset,
//! secret and signature placement from the profile's data.

use crate::canon::{self, DocForm, Message};
use crate::charset::Charset;
use crate::digest;
use crate::error::{Error, Result, Status};
use crate::gateways;
use crate::keys::Key;
use crate::options::Options;
use crate::params::{Duplicates, Format, Params};
use crate::profile::{Absent, Case, DocSigned, Join, Kind, Layout, Method, Profile, RsaOut, SecretAt, SigAt, Slot};
use zeroize::Zeroizing;

/// The verdict of a verification that ran.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    Valid,
    /// The signature does not match; the text says which check failed.
    Invalid(String),
}

impl Verdict {
    pub fn is_valid(&self) -> bool {
        *self == Verdict::Valid
    }
}

/// Everything resolved for one call: method, charset, message.
pub struct Plan {
    pub method: Method,
    pub charset: Charset,
    pub message: Message,
}

/// Which charset the signed bytes are in.
pub fn charset_of(p: &Profile, params: &Params, opts: &Options) -> Result<Charset> {
    if let Some(c) = opts.charset {
        return Ok(c);
    }
    let rule = p.charset;
    let Some(field) = rule.field else {
        return Ok(rule.default);
    };
    match params.get(field).map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(rule.default),
        Some(v) if rule.codes.is_empty() => {
            Charset::from_name(v).map_err(|_| Error::invalid_field(field, format!("'{v}' is not a known charset")))
        }
        Some(v) => rule
            .codes
            .iter()
            .find(|(code, _)| *code == v)
            .map(|(_, c)| *c)
            .ok_or_else(|| {
                let known: Vec<_> = rule.codes.iter().map(|(c, _)| *c).collect();
                Error::invalid_field(field, format!("'{v}' is not one of {}", known.join(", ")))
            }),
    }
}

/// Which method signs this message.
pub fn method_of(
    p: &Profile,
    params: &Params,
    opts: &Options,
    key: Option<&Key>,
    received_sig: Option<&str>,
) -> Result<Method> {
    let m = p.methods;
    let lookup = |v: &str| m.by_value.iter().find(|(name, _)| *name == v).map(|(_, m)| *m);
    let known = || m.by_value.iter().map(|(v, _)| *v).collect::<Vec<_>>().join(", ");
    if let Some(field) = m.field {
        if let Some(v) = params.get(field).filter(|v| !v.is_empty()) {
            if m.unsupported.contains(&v) {
                return Err(Error::unsupported(format!(
                    "field '{field}': {v} is not implemented for '{}'",
                    p.id
                )));
            }
            return lookup(v)
                .ok_or_else(|| Error::invalid_field(field, format!("'{v}' is not a known value ({})", known())));
        }
    }
    if let Some(v) = opts.sign_type.as_deref() {
        if m.by_value.is_empty() {
            return Err(Error::invalid_argument(format!(
                "option sign_type does not apply to profile '{}'",
                p.id
            )));
        }
        return lookup(v)
            .ok_or_else(|| Error::invalid_argument(format!("option sign_type='{v}' is not one of {}", known())));
    }
    if let (Some(sig), false) = (received_sig, m.by_sig_len.is_empty()) {
        let len = sig.trim().len();
        return m
            .by_sig_len
            .iter()
            .find(|(l, _)| *l == len)
            .map(|(_, m)| *m)
            .ok_or_else(|| Error::invalid_field(p.sig_field(), format!("{len} characters fits no known sign type")));
    }
    match m.absent {
        Absent::Use(method) => Ok(method),
        Absent::ByKey { secret, rsa } => Ok(if key.is_some_and(Key::is_secret) { secret } else { rsa }),
        Absent::Required => Err(Error::missing_field(m.field.unwrap_or("sign_type"))),
    }
}

/// The secret that enters the text (or keys the HMAC), if this method uses one.
fn text_secret<'a>(p: &Profile, method: Method, key: Option<&'a Key>, opts: &'a Options) -> Result<Option<&'a [u8]>> {
    if method.is_rsa() {
        if !p.secret_in_rsa {
            return Ok(None);
        }
        return match (&opts.query_key, key.and_then(Key::secret_value)) {
            (Some(q), _) => Ok(Some(q.as_bytes())),
            (None, Some(s)) => Ok(Some(s.as_bytes())),
            (None, None) => Err(Error::invalid_argument(format!(
                "profile '{}' puts the merchant's query key inside the RSA-signed text: give it as option query_key",
                p.id
            ))),
        };
    }
    let k = required_key(
        key,
        p,
        &format!("with {} needs the merchant's secret key", method.name()),
    )?;
    match k.secret_value() {
        Some(s) => Ok(Some(s.as_bytes())),
        None => Err(Error::key_mismatch(format!(
            "profile '{}' with {} needs a secret key, not an RSA key",
            p.id,
            method.name()
        ))),
    }
}

/// The key a method needs; NULL_ARGUMENT saying which ("profile 'id' <needs>") without one.
fn required_key<'k>(key: Option<&'k Key>, p: &Profile, needs: &str) -> Result<&'k Key> {
    key.ok_or_else(|| Error::new(Status::PAYSIGN_NULL_ARGUMENT, format!("profile '{}' {needs}", p.id)))
}

fn check_required(p: &Profile, params: &Params) -> Result<()> {
    for f in p.required {
        if params.get(f).is_none_or(str::is_empty) {
            return Err(Error::missing_field(f));
        }
    }
    Ok(())
}

/// Resolves method, charset and the exact message.
pub fn plan(
    p: &Profile,
    params: &Params,
    opts: &Options,
    key: Option<&Key>,
    received_sig: Option<&str>,
    doc: DocForm,
) -> Result<Plan> {
    let (method, charset, secret) = resolve(p, params, opts, key, received_sig)?;
    let message = canon::message(p, params, secret, charset, doc)?;
    Ok(Plan {
        method,
        charset,
        message,
    })
}

/// Everything [`plan`] decides before the message is built: method, charset, and the secret
/// that enters the text.
fn resolve<'k>(
    p: &Profile,
    params: &Params,
    opts: &'k Options,
    key: Option<&'k Key>,
    received_sig: Option<&str>,
) -> Result<(Method, Charset, Option<&'k [u8]>)> {
    if p.duplicates == Duplicates::Reject {
        if let Some(d) = params.first_duplicate() {
            return Err(Error::duplicate_field(d));
        }
    }
    let method = method_of(p, params, opts, key, received_sig)?;
    check_required(p, params)?;
    let charset = charset_of(p, params, opts)?;
    let secret = text_secret(p, method, key, opts)?;
    Ok((method, charset, secret))
}

/// The exact text that is digested or signed (hex for binary profiles), secret included.
pub fn sign_string(p: &Profile, opts: &Options, params: &Params, key: Option<&Key>) -> Result<Zeroizing<String>> {
    refuse_joins(p, opts, params)?;
    Ok(plan(p, params, opts, key, None, DocForm::Emptied)?.message.text)
}

fn hmac_key<'a>(p: &Profile, key: Option<&'a Key>) -> Result<&'a [u8]> {
    key.and_then(Key::secret_value)
        .map(|s| s.as_bytes())
        .ok_or_else(|| Error::key_mismatch(format!("profile '{}' needs a secret key for its HMAC", p.id)))
}

/// Computes the signature text, and writes it into `params` (the signature field, or the
/// signature element of the document).
pub fn sign(p: &Profile, opts: &Options, params: &mut Params, key: Option<&Key>) -> Result<String> {
    let s = signed(p, opts, params, key)?;
    s.place(p, params);
    Ok(s.sig)
}

/// A computed signature and the fields written with it: the packed field (NPS
/// `OrderMessage`) and a second signature checked on every verification (NPS `newmd5info`),
/// or asked for by its option (YeePay `hmac_safe=1`, which a gateway simulator sends).
pub struct Signed {
    pub sig: String,
    pub with: Vec<(&'static str, String)>,
}

impl Signed {
    /// Writes the signature and the fields that go with it into `params`.
    pub fn place(&self, p: &Profile, params: &mut Params) {
        place(p, params, &self.sig);
        for (field, value) in &self.with {
            params.set(field, value);
        }
    }
}

/// [`signature`] with the fields that go with it, without touching `params`.
pub fn signed(p: &Profile, opts: &Options, params: &Params, key: Option<&Key>) -> Result<Signed> {
    let sig = signature(p, opts, params, key)?;
    let mut with = Vec::new();
    if let Some(pk) = p.packed {
        if let Some(v) = canon::packed_value(p, params, charset_of(p, params, opts)?)? {
            with.push((pk.field, v));
        }
    }
    if let Some(s) = p.second.filter(|s| s.always || opts.second) {
        with.push((
            s.field,
            digest::hex(&second_digest(p, opts, s, params, key)?, second_case(p)),
        ));
    }
    Ok(Signed { sig, with })
}

/// The signature a merchant sends: `compute` after refusing what a re-split could reinterpret.
/// Every signing entry (Rust API, C ABI) comes through here.
pub fn signature(p: &Profile, opts: &Options, params: &Params, key: Option<&Key>) -> Result<String> {
    refuse_joins(p, opts, params)?;
    compute(p, opts, params, key)
}

/// Refuses to sign what a re-split of the sign string could reinterpret (issue 12 §2,
/// docs/security.md): a value holding the secret's marker (`&key=`, 99bill refund's
/// `merchant_key=`), where the gateway would find a second secret, and a join character in a
/// field the gateway echoes back. Names the field and the text, never the value.
/// `allow_join=1` lets a merchant who must sign such a value do it.
fn refuse_joins(p: &Profile, opts: &Options, params: &Params) -> Result<()> {
    if opts.allow_join {
        return Ok(());
    }
    if let Some(marker) = secret_marker(p) {
        if let Some((field, _)) = params.iter().find(|(_, v)| v.contains(marker.as_str())) {
            return Err(Error::invalid_field(
                field,
                format!("contains '{marker}', the secret's marker; a re-split would move the secret (option allow_join=1 allows it)"),
            ));
        }
    }
    let joins = join_chars(p.join);
    for (field, value) in params.iter().filter(|(n, _)| p.echoed.contains(n)) {
        if let Some(c) = value.chars().find(|c| joins.contains(*c)) {
            return Err(Error::invalid_field(
                field,
                format!("contains '{c}', which joins the sign string; the gateway echoes this field back and a re-split could move its text into other fields (option allow_join=1 allows it)"),
            ));
        }
    }
    Ok(())
}

/// The text that introduces the secret in the sign string, when it is a named pair.
fn secret_marker(p: &Profile) -> Option<String> {
    let Join::Pairs(sep) = p.join else { return None };
    let name = match (p.secret, p.layout) {
        (SecretAt::Pair(name), _) => name,
        (SecretAt::InList, Layout::Fixed(slots)) => slots.iter().find_map(|s| match s {
            Slot::Key(name) => Some(*name),
            Slot::F(_) | Slot::Opt(_) | Slot::Text(_) => None,
        })?,
        _ => return None,
    };
    Some(format!("{sep}{name}="))
}

/// The characters that separate entries (and names from values) in the sign string. Values
/// joined with nothing have none: any byte can move between neighbours (docs/security.md).
pub fn join_chars(join: Join) -> String {
    match join {
        Join::Pairs(sep) => format!("{sep}="),
        Join::Values(sep) => sep.to_string(),
    }
}

/// Writes a computed signature where the profile keeps it.
pub fn place(p: &Profile, params: &mut Params, sig: &str) {
    match (p.sig, p.layout) {
        (SigAt::Element, Layout::Document { field, element, .. }) => {
            let doc = params.get(field).unwrap_or_default();
            // compute() checked that the element exists; without it there is nothing to fill.
            if let Some((start, end)) = canon::element_span(doc, element) {
                let filled = format!("{}<{element}>{sig}</{element}>{}", &doc[..start], &doc[end..]);
                params.set(field, &filled);
            }
        }
        _ => params.set(p.sig_field(), sig),
    }
}

/// The signature text, without touching `params` or refusing anything (`signature` refuses).
pub fn compute(p: &Profile, opts: &Options, params: &Params, key: Option<&Key>) -> Result<String> {
    let (method, charset, secret) = resolve(p, params, opts, key, None)?;
    if let Some((kind, case)) = keyed(method) {
        // Digests take the message in pieces: no sign string is built (canon::feed).
        let (d, n) = digest::keyed(kind, mac_key(p, kind, key)?, |out| {
            canon::feed(p, params, secret, charset, out)
        })?;
        return Ok(digest::hex(&d[..n], case));
    }
    let message = canon::message(p, params, secret, charset, DocForm::Emptied)?;
    let (hash, out, text) = rsa_input(method, opts, message.bytes());
    let k = required_key(key, p, "needs an RSA private key")?;
    k.rsa_private().ok_or_else(|| {
        Error::key_mismatch(if k.is_secret() {
            format!("profile '{}' signs with RSA: a secret key cannot do that", p.id)
        } else {
            "a public key or certificate cannot sign: load the merchant's private key".to_string()
        })
    })?;
    let raw = digest::rsa_sign_key(k, hash, &text)?;
    Ok(match out {
        RsaOut::Base64 => digest::base64(&raw),
        RsaOut::HexLower => digest::hex(&raw, crate::profile::Case::Lower),
    })
}

/// What an RSA method signs: its digest (`hash=` pins a plain RSA one), output form and bytes
/// (the message, or the hex of its digest for [`Method::RsaOfHexDigest`]).
fn rsa_input(method: Method, opts: &Options, bytes: &[u8]) -> (crate::profile::Hash, RsaOut, Vec<u8>) {
    match method {
        Method::RsaOfHexDigest { hash } => (hash, RsaOut::Base64, digest::digest_hex(hash, bytes).into_bytes()),
        Method::Rsa { hash, out, .. } => (opts.hash.unwrap_or(hash), out, bytes.to_vec()),
        Method::Md5(_) | Method::HmacMd5(_) | Method::HmacSha256(_) => {
            unreachable!("keyed() takes every digest method")
        }
    }
}

/// The digest or MAC of a non-RSA method, and the case of its hex.
fn keyed(method: Method) -> Option<(digest::Keyed, Case)> {
    match method {
        Method::Md5(case) => Some((digest::Keyed::Md5, case)),
        Method::HmacMd5(case) => Some((digest::Keyed::HmacMd5, case)),
        Method::HmacSha256(case) => Some((digest::Keyed::HmacSha256, case)),
        Method::Rsa { .. } | Method::RsaOfHexDigest { .. } => None,
    }
}

/// The key of an HMAC; nothing for plain MD5, whose secret is inside the message.
fn mac_key<'k>(p: &Profile, kind: digest::Keyed, key: Option<&'k Key>) -> Result<&'k [u8]> {
    match kind {
        digest::Keyed::Md5 => Ok(&[]),
        digest::Keyed::HmacMd5 | digest::Keyed::HmacSha256 => hmac_key(p, key),
    }
}

/// The received signature text (the signature field, or the element of a document);
/// MISSING_FIELD when absent or blank. diagnose reads it the same way.
pub fn received<'a>(p: &Profile, params: &'a Params) -> Result<&'a str> {
    let sig = match (p.sig, p.layout) {
        (SigAt::Element, Layout::Document { field, element, .. }) => {
            let doc = params
                .get(field)
                .filter(|d| !d.is_empty())
                .ok_or_else(|| Error::missing_field(field))?;
            canon::element_content(doc, element).unwrap_or_default()
        }
        _ => params.get(p.sig_field()).unwrap_or_default(),
    };
    if sig.trim().is_empty() {
        return Err(Error::missing_field(p.sig_field()));
    }
    Ok(sig)
}

/// Checks a received signature text against the exact message bytes with `method`: the one
/// comparison path (constant-time for MD5/HMAC) that `verify` and diagnose share.
pub fn check_signature(
    p: &Profile,
    opts: &Options,
    method: Method,
    bytes: &[u8],
    sig: &str,
    key: Option<&Key>,
) -> Result<bool> {
    let field = p.sig_field();
    if let Some((kind, _)) = keyed(method) {
        return digest::hex_matches(&digest::keyed_once(kind, mac_key(p, kind, key)?, bytes), sig, field);
    }
    match method {
        Method::Md5(_) | Method::HmacMd5(_) | Method::HmacSha256(_) => unreachable!("keyed() takes these"),
        Method::Rsa { hash, also, out } => {
            let k = required_key(key, p, "needs the gateway's public key")?;
            k.rsa_public_ref().ok_or_else(|| {
                Error::key_mismatch(format!("profile '{}' verifies RSA: a secret key cannot do that", p.id))
            })?;
            let raw = match out {
                RsaOut::Base64 => digest::unbase64_lenient(sig, field)?,
                RsaOut::HexLower => digest::unhex(sig.trim(), field)?,
            };
            let hashes = match opts.hash {
                Some(h) => vec![h],
                None => std::iter::once(hash).chain(also).collect(),
            };
            Ok(hashes.iter().any(|h| digest::rsa_verify_key(k, *h, bytes, &raw)))
        }
        Method::RsaOfHexDigest { hash } => {
            let k = required_key(key, p, "needs the gateway's public key")?;
            k.rsa_public_ref().ok_or_else(|| {
                Error::key_mismatch(format!("profile '{}' verifies RSA: a secret key cannot do that", p.id))
            })?;
            let raw = digest::unbase64_lenient(sig, field)?;
            let text = digest::digest_hex(hash, bytes);
            Ok(digest::rsa_verify_key(k, hash, text.as_bytes(), &raw))
        }
    }
}

/// Checks the signature over `params`. Ok(Valid | Invalid) is a verdict; Err is a bad call.
pub fn verify(p: &Profile, opts: &Options, params: &Params, key: Option<&Key>) -> Result<Verdict> {
    let sig = received(p, params)?;
    let field = p.sig_field();
    let plan = plan(p, params, opts, key, Some(sig), DocForm::Emptied)?;
    let mut ok = check_signature(p, opts, plan.method, plan.message.bytes(), sig, key)?;
    if !ok
        && matches!(
            p.layout,
            Layout::Document {
                signed: DocSigned::Whole,
                ..
            }
        )
    {
        // Some AIPG implementations removed the element instead of emptying it.
        let alt = self::plan(p, params, opts, key, Some(sig), DocForm::Removed)?;
        ok = check_signature(p, opts, alt.method, alt.message.bytes(), sig, key)?;
    }
    if !ok {
        return Ok(Verdict::Invalid(format!(
            "{} does not match ({})",
            field,
            plan.method.name()
        )));
    }
    if let Some(second) = p.second.filter(|s| s.always || opts.second) {
        return verify_second(p, opts, second, params, key);
    }
    Ok(Verdict::Valid)
}

fn verify_second(
    p: &Profile,
    opts: &Options,
    s: crate::profile::Second,
    params: &Params,
    key: Option<&Key>,
) -> Result<Verdict> {
    let sig = params
        .get(s.field)
        .filter(|v| !v.trim().is_empty())
        .ok_or_else(|| Error::missing_field(s.field))?;
    let mac = second_digest(p, opts, s, params, key)?;
    Ok(if digest::hex_matches(&mac, sig, s.field)? {
        Verdict::Valid
    } else {
        Verdict::Invalid(format!("{} matches but {} does not", p.sig_field(), s.field))
    })
}

/// The second signature's digest: HMAC-MD5 where the profile's method is, else MD5 of its
/// text with the secret where `s.secret` puts it.
fn second_digest(
    p: &Profile,
    opts: &Options,
    s: crate::profile::Second,
    params: &Params,
    key: Option<&Key>,
) -> Result<Vec<u8>> {
    let rule = Profile {
        layout: s.layout.unwrap_or(p.layout),
        join: s.join,
        empty: s.empty,
        secret: s.secret,
        sig: SigAt::Field(s.field),
        packed: None,
        ..*p
    };
    debug_assert!(matches!(s.join, Join::Values(_)));
    let secret = match s.secret {
        SecretAt::Nowhere => None,
        _ => text_secret(p, Method::Md5(Case::Upper), key, opts)?,
    };
    let charset = charset_of(p, params, &Options::default())?;
    let message = canon::message(&rule, params, secret, charset, DocForm::Emptied)?;
    Ok(match p.methods.absent {
        Absent::Use(Method::HmacMd5(_)) => digest::hmac_md5(hmac_key(p, key)?, message.bytes()),
        _ => digest::md5(message.bytes()).to_vec(),
    })
}

/// The hex case of a second signature: the profile's own method's.
fn second_case(p: &Profile) -> Case {
    match p.methods.absent {
        Absent::Use(Method::Md5(c) | Method::HmacMd5(c) | Method::HmacSha256(c)) => c,
        _ => Case::Lower,
    }
}

/// Parses a body as received and verifies it. `charset` None: the charset the message declares
/// (99bill `inputCharset`, Alipay `_input_charset`/`charset`, Dinpay `input_charset`), else the
/// gateway's wire default. Returns the verdict and the parsed fields.
pub fn verify_body(
    p: &Profile,
    opts: &Options,
    body: &[u8],
    format: Format,
    charset: Option<Charset>,
    key: Option<&Key>,
) -> Result<(Verdict, Params)> {
    let params = parse_body(p, opts, body, format, charset)?;
    let verdict = verify(p, opts, &params, key)?;
    Ok((verdict, params))
}

/// One decoding of the body, in the right charset, with the profile's duplicate rule.
pub fn parse_body(
    p: &Profile,
    opts: &Options,
    body: &[u8],
    format: Format,
    charset: Option<Charset>,
) -> Result<Params> {
    let whole = |signed| signed == DocSigned::Whole || format == Format::Xml;
    if let Layout::Document { field, signed, .. } = p.layout {
        if !whole(signed) {
            // The document travels in a form field (IPS 7.0's paymentResult): parse the form.
            return Params::parse(body, format, charset.unwrap_or(p.wire_charset()), p.duplicates);
        }
        // The document is signed as text: keep it whole. The limit counts the body's bytes,
        // as Params::parse does, and is checked before decoding.
        if body.len() > crate::params::MAX_BODY {
            return Err(Error::malformed(format!(
                "body is {} bytes, over the {}-byte limit",
                body.len(),
                crate::params::MAX_BODY
            )));
        }
        let cs = charset.unwrap_or(p.charset.default);
        let text = cs.decode(body, field)?;
        let mut params = Params::new();
        params.set(field, &text);
        return Ok(params);
    }
    let dups = p.duplicates;
    if let Some(cs) = charset {
        return Params::parse(body, format, cs, dups);
    }
    let wire = p.wire_charset();
    match Params::parse(body, format, wire, dups) {
        Ok(params) => {
            // Re-decode when the message declares another charset than the one we guessed.
            let declared = if p.charset.field.is_some() {
                charset_of(p, &params, opts)?
            } else {
                wire
            };
            if declared != wire && opts.charset.is_none() {
                Params::parse(body, format, declared, dups)
            } else {
                Ok(params)
            }
        }
        Err(e) if e.status == Status::PAYSIGN_CHARSET_ERROR && p.charset.field.is_some() => {
            // Read the declaration with a decoder that accepts every byte sequence GBK might send.
            let probe = Params::parse(body, format, Charset::Gb18030, dups)?;
            let declared = charset_of(p, &probe, opts)?;
            Params::parse(body, format, declared, dups)
        }
        Err(e) => Err(e),
    }
}

/// The exact body the gateway expects back from a notification handler.
pub fn reply(p: &Profile, success: bool, redirect_url: Option<&str>) -> Result<String> {
    let r = p.reply.ok_or_else(|| {
        Error::invalid_argument(match p.kind {
            Kind::Notify => format!(
                "profile '{}': the gateway documents no reply body; answer with your own page",
                p.id
            ),
            _ => format!("profile '{}' is not a notification: it has no reply body", p.id),
        })
    })?;
    let url = redirect_url.unwrap_or_default();
    if r.needs_url && url.is_empty() {
        return Err(Error::invalid_argument(format!(
            "profile '{}' needs redirect_url for its reply",
            p.id
        )));
    }
    if url.contains(['<', '>', '\r', '\n']) {
        return Err(Error::invalid_argument(
            "redirect_url must not contain '<', '>' or line breaks",
        ));
    }
    Ok((if success { r.success } else { r.failure }).replace("{url}", url))
}

/// Looks a profile up by id.
pub fn profile(id: &str) -> Result<&'static Profile> {
    gateways::find(id)
}
