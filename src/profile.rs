//! The Profile type: the data that describes one message's signing rule.
//!
//! A gateway is a table of these (src/gateways/). Nothing here knows a gateway by name;
//! canon.rs and signer.rs interpret the data.

use crate::charset::Charset;
use crate::params::Duplicates;

/// What the message is, which decides whether it has a reply body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Request,
    Notify,
    Response,
    Authenticator,
}

/// One entry of a fixed field list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    /// A field, signed when present (and non-empty unless the profile keeps empties).
    F(&'static str),
    /// The secret at this place, as the pair `name=SECRET` (99bill refund's `merchant_key`).
    Key(&'static str),
    /// A field signed only when present and non-empty, in a profile that keeps empties
    /// (Tenpay's `spbill_create_ip`).
    Opt(&'static str),
    /// This text, always: IPS writes a label before each value (`billno…currencytype…`),
    /// its own spelling of the field's name.
    Text(&'static str),
}

impl Slot {
    pub fn is_field(&self) -> bool {
        matches!(self, Slot::F(_))
    }
}

/// One piece of a binary message (CMPP/SMGP authenticators).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The field's ASCII bytes at their natural length.
    Ascii(&'static str),
    /// This many 0x00 bytes.
    Zeros(usize),
    /// The shared secret's bytes.
    Secret,
    /// A decimal number field written as exactly 10 ASCII digits, zero-padded (MMDDHHMMSS).
    Decimal10(&'static str),
    /// A decimal number field written big-endian in `width` bytes, or in the width that
    /// `width_field` names (1, 2 or 4) when that field is present.
    UintBe {
        field: &'static str,
        width: usize,
        width_field: Option<&'static str>,
    },
    /// A field holding hex text, written as its bytes.
    Hex(&'static str),
}

/// Which fields make the sign string, in what order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// The documented list, in this order; fields outside it are never signed.
    Fixed(&'static [Slot]),
    /// Every received field except the signature field and `exclude`, ASCII-sorted by name.
    Sorted { exclude: &'static [&'static str] },
    /// An XML document in one field; the signature lives inside `element`. `signed` says which
    /// text of the document is signed.
    Document {
        field: &'static str,
        element: &'static str,
        signed: DocSigned,
    },
    /// Raw bytes assembled from parts (CMPP/SMGP); the sign string is shown as hex.
    Binary(&'static [Part]),
}

/// What of a `Layout::Document` is signed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocSigned {
    /// The whole document with the signature element emptied (Allinpay AIPG). The body is the
    /// document itself.
    Whole,
    /// One element's exact text, tags included, then the text of each `then` element, then the
    /// secret: IPS 7.0 signs `<body>…</body>` + MerCode + the merchant certificate. The
    /// signature element lies outside that span. The document travels in a form field.
    Span {
        element: &'static str,
        then: &'static [&'static str],
    },
}

/// How the entries are joined.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Join {
    /// `name=value` pairs joined with the separator (`"&"`, or `""` for 99bill refund).
    Pairs(&'static str),
    /// Values only, joined with the separator (`""` for YeePay/ChinaBank, `"#"` for hmac_safe).
    Values(&'static str),
}

/// Where the secret enters the sign string (HMAC methods also use it as the HMAC key).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SecretAt {
    /// Not in the text (RSA, or HMAC-only like YeePay).
    Nowhere,
    /// Appended as one more pair, `sep + name=SECRET` (`&key=`).
    Pair(&'static str),
    /// Appended with no separator and no name (Alipay mapi MD5, ChinaBank).
    Raw,
    /// At the `Slot::Key` of the fixed list.
    InList,
}

/// Rule for empty values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Empty {
    /// The whole entry is left out.
    Skip,
    /// The entry is kept (`name=` or nothing for values-only).
    Keep,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Case {
    Upper,
    Lower,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hash {
    Sha1,
    Sha256,
    Md5,
}

impl Hash {
    pub fn name(self) -> &'static str {
        match self {
            Hash::Sha1 => "sha1",
            Hash::Sha256 => "sha256",
            Hash::Md5 => "md5",
        }
    }
}

/// How an RSA signature is written on the wire.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RsaOut {
    Base64,
    HexLower,
}

/// A signature algorithm with its output form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// MD5 of the sign string (secret embedded), hex.
    Md5(Case),
    HmacMd5(Case),
    HmacSha256(Case),
    /// RSASSA-PKCS1-v1_5. `also`: a second digest accepted on verify when no `hash=` pins one
    /// (99bill has signed with both SHA-1 and SHA-256 under the same certificate).
    Rsa {
        hash: Hash,
        also: Option<Hash>,
        out: RsaOut,
    },
    /// RSASSA-PKCS1-v1_5 over the lowercase hex of the message's digest, base64: the digest
    /// is taken twice, once as text. UnionPay ACP (5.0.0 SHA-1, 5.1.0 SHA-256) signs this way.
    RsaOfHexDigest {
        hash: Hash,
    },
}

impl Method {
    pub fn is_rsa(self) -> bool {
        matches!(self, Method::Rsa { .. } | Method::RsaOfHexDigest { .. })
    }
    pub fn name(self) -> &'static str {
        match self {
            Method::Md5(_) => "MD5",
            Method::HmacMd5(_) => "HMAC-MD5",
            Method::HmacSha256(_) => "HMAC-SHA256",
            Method::Rsa { hash: Hash::Sha1, .. } => "SHA1withRSA",
            Method::Rsa { hash: Hash::Sha256, .. } => "SHA256withRSA",
            Method::Rsa { hash: Hash::Md5, .. } => "MD5withRSA",
            Method::RsaOfHexDigest { hash: Hash::Sha1 } => "SHA1withRSA over SHA-1 hex",
            Method::RsaOfHexDigest { hash: Hash::Sha256 } => "SHA256withRSA over SHA-256 hex",
            Method::RsaOfHexDigest { hash: Hash::Md5 } => "MD5withRSA over MD5 hex",
        }
    }
}

/// What to do when the algorithm field is absent (after the `sign_type` option).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Absent {
    Use(Method),
    /// The secret method for a secret key, the RSA method for an RSA key.
    ByKey {
        secret: Method,
        rsa: Method,
    },
    /// MISSING_FIELD.
    Required,
}

/// How the algorithm is chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Methods {
    /// The field whose value picks the method (`signType`, `sign_type`), if any.
    pub field: Option<&'static str>,
    /// Field (or `sign_type` option) value -> method. An unlisted value is INVALID_FIELD.
    pub by_value: &'static [(&'static str, Method)],
    pub absent: Absent,
    /// On verify, when neither the field nor the option says: signature length -> method.
    pub by_sig_len: &'static [(usize, Method)],
    /// Values the gateway documents but no source specifies well enough to implement:
    /// UNSUPPORTED rather than INVALID_FIELD.
    pub unsupported: &'static [&'static str],
}

impl Methods {
    pub const fn only(m: Method) -> Methods {
        Methods {
            field: None,
            by_value: &[],
            absent: Absent::Use(m),
            by_sig_len: &[],
            unsupported: &[],
        }
    }
}

/// Which charset the signed bytes are in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CharsetRule {
    /// The field naming it (`inputCharset`, `_input_charset`, `charset`), if any.
    pub field: Option<&'static str>,
    /// Code -> charset (99bill `1`/`2`/`3`); empty: the field holds a charset name.
    pub codes: &'static [(&'static str, Charset)],
    pub default: Charset,
}

impl CharsetRule {
    pub const fn fixed(c: Charset) -> CharsetRule {
        CharsetRule {
            field: None,
            codes: &[],
            default: c,
        }
    }
}

/// Where the signature goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SigAt {
    Field(&'static str),
    /// Inside an element of the document field (`Layout::Document`).
    Element,
}

/// Exact reply bodies. `{url}` is replaced by the caller's redirect URL.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reply {
    pub success: &'static str,
    pub failure: &'static str,
    pub needs_url: bool,
}

/// A second signature some gateways add: checked only when the caller asks with an option of
/// the same name (YeePay `hmac_safe`), or on every verification when `always` (NPS
/// `newmd5info`, the only signature over the notification's plain fields).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Second {
    pub field: &'static str,
    pub join: Join,
    pub empty: Empty,
    /// Its own field list, when it does not sign the first signature's fields.
    pub layout: Option<Layout>,
    /// Where the secret enters its text (HMAC methods key with it instead).
    pub secret: SecretAt,
    pub always: bool,
}

/// The entries travel joined in one field, as the hex of their bytes in the charset (NPS
/// `OrderMessage`): the digest covers that hex text, then the secret. Signing sets the field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Packed {
    pub field: &'static str,
    pub case: Case,
}

/// One message's signing rule.
#[derive(Clone, Copy, Debug)]
pub struct Profile {
    pub id: &'static str,
    pub about: &'static str,
    pub kind: Kind,
    pub layout: Layout,
    pub join: Join,
    pub empty: Empty,
    /// Trim ASCII whitespace from values before the empty test (WeChat's official SDK does).
    pub trim: bool,
    pub secret: SecretAt,
    /// RSA strings also carry a secret, given as the `query_key` option (99bill query APIs).
    pub secret_in_rsa: bool,
    pub sig: SigAt,
    pub methods: Methods,
    pub charset: CharsetRule,
    pub duplicates: Duplicates,
    /// Fields that must be present and non-empty.
    pub required: &'static [&'static str],
    pub reply: Option<Reply>,
    pub second: Option<Second>,
    pub packed: Option<Packed>,
    /// The charset bodies arrive in when the caller does not say and it differs from the
    /// signing charset (YeePay: GBK on the wire, UTF-8 inside the HMAC).
    pub wire: Option<Charset>,
    /// Free-text fields of a request that the gateway echoes back (in its notification or on
    /// its payment page): signing refuses a join character in them, since a re-split of the
    /// sign string could move their bytes into other fields (issue 12, docs/security.md).
    pub echoed: &'static [&'static str],
}

impl Profile {
    /// The gateway part of the id (`99bill`, `wechatpay`, ...).
    pub fn gateway(&self) -> &'static str {
        self.id.split('.').next().unwrap_or(self.id)
    }
    pub fn wire_charset(&self) -> Charset {
        self.wire.unwrap_or(self.charset.default)
    }
    pub fn sig_field(&self) -> &'static str {
        match (self.sig, self.layout) {
            (SigAt::Field(f), _) => f,
            (SigAt::Element, Layout::Document { element, .. }) => element,
            (SigAt::Element, _) => "sign",
        }
    }
}

/// Defaults the tables start from with `..BASE`.
pub const BASE: Profile = Profile {
    id: "",
    about: "",
    kind: Kind::Request,
    layout: Layout::Sorted { exclude: &[] },
    join: Join::Pairs("&"),
    empty: Empty::Skip,
    trim: false,
    secret: SecretAt::Nowhere,
    secret_in_rsa: false,
    sig: SigAt::Field("sign"),
    methods: Methods::only(Method::Md5(Case::Upper)),
    charset: CharsetRule::fixed(Charset::Utf8),
    duplicates: Duplicates::Reject,
    required: &[],
    reply: None,
    second: None,
    packed: None,
    wire: None,
    echoed: &[],
};
