//! The simulator's HTML: a payment page, error pages, the operator page. Plain HTML, no script.

use super::store::Order;

pub use crate::html_escape as escape;

pub fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{t} · paysign simulate</title>\
<style>body{{font-family:sans-serif;max-width:60em;margin:2em auto}}table{{border-collapse:collapse}}\
td,th{{border:1px solid #ccc;padding:.2em .5em;text-align:left;vertical-align:top}}\
.banner{{background:#fe8;padding:.5em}}pre{{background:#eee;padding:.5em;white-space:pre-wrap}}\
button{{font-size:1.2em;margin-right:1em}}</style></head><body>\
<p class=\"banner\">paysign simulate: a local TEST gateway. No money moves.</p>\
<h1>{t}</h1>\n{body}\n</body></html>\n",
        t = escape(title)
    )
}

/// The order's fields as a table.
fn fields(order: &Order) -> String {
    let mut rows = String::new();
    for (name, value) in order.request.iter() {
        rows.push_str(&format!("<tr><th>{}</th><td>{}</td></tr>", escape(name), escape(value)));
    }
    format!("<table>{rows}</table>")
}

/// The page the payer's browser lands on: the order, its amount in `unit`, and Pay / Fail / Cancel.
pub fn payment(order: &Order, gateway_title: &str, unit: &str) -> String {
    let body = format!(
        "<p>Merchant <b>{m}</b>, order <b id=\"order-id\">{o}</b>, amount <b id=\"amount\">{a}</b> ({unit}).</p>\
<form method=\"post\" action=\"/_sim/orders/{id}/complete\">\
<button name=\"action\" value=\"pay\" id=\"pay\">Pay</button>\
<button name=\"action\" value=\"fail\" id=\"fail\">Fail</button>\
<button name=\"action\" value=\"cancel\" id=\"cancel\">Cancel</button></form>\
<h2>The request as received (signature verified)</h2>{f}",
        m = escape(&order.merchant),
        o = escape(&order.order_id),
        a = escape(&order.amount),
        unit = escape(unit),
        id = order.id,
        f = fields(order),
    );
    page(&format!("{gateway_title}: payment"), &body)
}

/// The operator page: every order, its notifications and replies.
pub fn operator(orders: &[Order]) -> String {
    let mut body = String::from(
        "<p>JSON: <a href=\"/_sim/api/orders\">/_sim/api/orders</a>. Resend: \
<code>POST /_sim/api/orders/ID/notify?kind=normal|duplicate|tampered|wrong_amount|other_order</code>.</p>",
    );
    if orders.is_empty() {
        body.push_str("<p>No orders yet.</p>");
    }
    for o in orders.iter().rev() {
        body.push_str(&format!(
            "<h2>#{} {} order {} · {} · {}</h2>",
            o.id,
            escape(o.gateway),
            escape(&o.order_id),
            escape(&o.amount),
            o.status.name()
        ));
        body.push_str("<table><tr><th>kind</th><th>attempts</th><th>last reply</th><th>state</th></tr>");
        for n in &o.notifications {
            let last = n.attempts.last();
            let reply = last.map_or(String::new(), |a| {
                format!(
                    "{}{}",
                    escape(&a.reply),
                    a.why
                        .as_ref()
                        .map_or(String::new(), |w| format!("<br><i>{}</i>", escape(w)))
                )
            });
            let state = match (n.done, last.is_some_and(|a| a.accepted)) {
                (_, true) if !o.reply_decides() => "delivered (HTTP 200; the verdict is in the merchant's calls back)",
                (_, true) if !n.kind.should_be_accepted() => "ACCEPTED BY THE MERCHANT: it must reject this one",
                (_, true) => "accepted",
                (true, false) => "given up",
                (false, false) => "retrying",
            };
            body.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td><pre>{}</pre></td><td>{}</td></tr>",
                n.kind.name(),
                n.attempts.len(),
                reply,
                state
            ));
        }
        body.push_str("</table>");
    }
    page("Operator", &body)
}

/// A request the gateway rejects: its error, and what diagnose found.
pub fn rejected(gateway_title: &str, code: Option<&str>, message: &str, diagnosis: Option<&str>) -> String {
    let mut body = format!(
        "<p id=\"error\">{}{}</p>",
        code.map_or(String::new(), |c| format!("Error <b id=\"code\">{}</b>: ", escape(c))),
        escape(message)
    );
    if let Some(d) = diagnosis {
        body.push_str(&format!(
            "<h2>paysign diagnose</h2><pre id=\"diagnose\">{}</pre>",
            escape(d)
        ));
    }
    page(&format!("{gateway_title}: request rejected"), &body)
}

/// After Pay/Fail when the merchant's reply was not the success reply.
pub fn not_accepted(order: &Order, why: &str) -> String {
    page(
        "Notification not accepted",
        &format!(
            "<p>The merchant's notify handler did not answer order <b>{}</b>'s notification with the success reply: {}</p>\
<p>The gateway retries on its schedule; see <a href=\"/_sim/\">the operator page</a>.</p>",
            escape(&order.order_id),
            escape(why)
        ),
    )
}

/// A form the browser posts to `url` by itself (a gateway's POST return, e.g. Dinpay's
/// page_notify), with a button for a browser without scripts.
pub fn post_form(url: &str, fields: &paysign::Params) -> String {
    let inputs: String = fields
        .iter()
        .map(|(k, v)| {
            format!(
                "<input type=\"hidden\" name=\"{}\" value=\"{}\">\n",
                escape(k),
                escape(v)
            )
        })
        .collect();
    page(
        "Back to the merchant",
        &format!(
            "<form id=\"back\" method=\"post\" action=\"{}\">\n{inputs}<button type=\"submit\">Back to the merchant</button></form>\
<script>document.getElementById('back').submit()</script>",
            escape(url)
        ),
    )
}
