//! The payer's form to a gateway whose merchants sign it with a shared secret (ChinaBank,
//! Dinpay, YeePay, Allinpay): parsed with the request profile, its merchant found by the field
//! that names it, verified with that merchant's key; a refusal shows diagnose's report.

use paysign::{Format, Key, Options, Params, Verdict};

use super::http::{Request, Response};
use super::{pages, printable, Sim};

/// A merchant of such a gateway: the id its requests carry and its key.
pub struct Merchant {
    pub id: String,
    pub key: Key,
}

/// The merchant `id` among `merchants`, for a notification made later.
pub fn merchant<'a>(merchants: &'a [Merchant], id: &str) -> Result<&'a Merchant, String> {
    merchants
        .iter()
        .find(|m| m.id == id)
        .ok_or_else(|| "the merchant is no longer configured".to_string())
}

/// One gateway's form.
pub struct Form {
    pub title: &'static str,
    /// The request profile.
    pub profile: &'static str,
    /// The field naming the merchant.
    pub merchant_field: &'static str,
    /// The signature's field, named in the refusal.
    pub sig_field: &'static str,
}

impl Form {
    pub fn rejected(&self, message: &str, diagnosis: Option<&str>) -> Response {
        Response::html(400, pages::rejected(self.title, None, message, diagnosis))
    }

    /// The form's fields and its merchant, or the refusal.
    pub fn parse<'a>(&self, req: &Request, merchants: &'a [Merchant]) -> Result<(Params, &'a Merchant), Response> {
        let p = paysign::profile(self.profile).map_err(|e| self.rejected(&e.message, None))?;
        let fields = paysign::signer::parse_body(p, &Options::default(), req.form(), Format::Form, None)
            .map_err(|e| self.rejected(&format!("{}: {}", e.status.name(), e.message), None))?;
        let id = fields.get(self.merchant_field).unwrap_or_default();
        let Some(m) = merchants.iter().find(|m| m.id == id) else {
            return Err(self.rejected(
                &format!(
                    "{} '{}' is not a merchant of this simulator (--config)",
                    self.merchant_field,
                    printable(id)
                ),
                None,
            ));
        };
        Ok((fields, m))
    }

    /// Verifies the parsed fields with the merchant's key, or the refusal with diagnose's report.
    pub fn verify(&self, req: &Request, fields: &Params, merchant: &Merchant) -> Result<(), Response> {
        let p = paysign::profile(self.profile).map_err(|e| self.rejected(&e.message, None))?;
        let opts = Options::default();
        match paysign::verify(p, &opts, fields, Some(&merchant.key)) {
            Ok(Verdict::Valid) => Ok(()),
            Ok(Verdict::Invalid(reason)) => {
                let diagnosis = super::diagnosis(p, &opts, req.form(), &merchant.key);
                Err(self.rejected(
                    &format!("{} does not verify: {reason}", self.sig_field),
                    Some(&diagnosis),
                ))
            }
            Err(e) => Err(self.rejected(&format!("{}: {}", e.status.name(), e.message), None)),
        }
    }

    /// Parsed and verified, then `check`ed: the fields and the merchant's id, or the refusal.
    pub fn verified(
        &self,
        req: &Request,
        merchants: &[Merchant],
        check: fn(&Params) -> Result<(), String>,
    ) -> Result<(Params, String), Response> {
        let (fields, m) = self.parse(req, merchants)?;
        self.verify(req, &fields, m)?;
        check(&fields).map_err(|why| self.rejected(&why, None))?;
        Ok((fields, m.id.clone()))
    }

    /// A payment form's whole path: `verified`, then recorded as `gateway`'s order (its number
    /// and amount from the fields `[order, amount]`), then the payment page or `--auto`'s end.
    pub fn pay(
        &self,
        sim: &Sim,
        req: &Request,
        merchants: &[Merchant],
        check: fn(&Params) -> Result<(), String>,
        gateway: &'static str,
        [order, amount]: [&str; 2],
    ) -> Response {
        match self.verified(req, merchants, check) {
            Ok((fields, merchant)) => {
                let no = fields.get(order).unwrap_or_default().to_string();
                let amount = fields.get(amount).unwrap_or_default().to_string();
                let id = sim.store.add(gateway, &merchant, &no, &amount, fields);
                sim.after_request(id)
            }
            Err(refusal) => refusal,
        }
    }
}

/// A back-end API request (an order query) checked with the merchant's key: Ok, or the
/// simulator's own code and the message for its error answer, a bad signature's with
/// diagnose's report (`sig_field` names the signature in it).
pub fn verify_api(
    p: &'static paysign::profile::Profile,
    req: &Request,
    fields: &Params,
    key: &Key,
    sig_field: &str,
) -> Result<(), (&'static str, String)> {
    let opts = Options::default();
    match paysign::verify(p, &opts, fields, Some(key)) {
        Ok(Verdict::Valid) => Ok(()),
        Ok(Verdict::Invalid(reason)) => {
            let diagnosis = super::diagnosis(p, &opts, req.form(), key);
            Err((
                "sim.invalid-signature",
                format!("{sig_field} does not verify: {reason}\n{diagnosis}"),
            ))
        }
        Err(e) => Err(("sim.malformed", format!("{}: {}", e.status.name(), e.message))),
    }
}
