//! The few HTTP pieces the simulator needs on top of tiny_http: a request read whole (with a
//! size limit) and a response built as plain data.

use std::io::Read;

/// The largest request body read: a payment form is a few KiB.
pub const MAX_BODY: u64 = 1024 * 1024;

pub struct Request {
    pub method: String,
    pub path: String,
    /// The raw query string, without `?`.
    pub query: String,
    /// The request target exactly as sent: path and `?query` (what WeChat Pay v3 signs).
    pub url: String,
    /// Every header as received, names as sent.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Request {
    pub fn read(r: &mut tiny_http::Request) -> Result<Request, String> {
        let url = r.url().to_string();
        let (path, query) = match url.split_once('?') {
            Some((p, q)) => (p.to_string(), q.to_string()),
            None => (url.clone(), String::new()),
        };
        let headers = r
            .headers()
            .iter()
            .map(|h| (h.field.as_str().as_str().to_string(), h.value.as_str().to_string()))
            .collect();
        let mut body = Vec::new();
        r.as_reader()
            .take(MAX_BODY + 1)
            .read_to_end(&mut body)
            .map_err(|e| format!("request body not read: {e}"))?;
        if body.len() as u64 > MAX_BODY {
            return Err(format!("request body over {MAX_BODY} bytes"));
        }
        Ok(Request {
            method: r.method().as_str().to_ascii_uppercase(),
            path,
            query,
            url,
            headers,
            body,
        })
    }

    /// A header's value (the first of that name, compared case-insensitively).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The form fields as sent: the body of a POST, else the query string.
    pub fn form(&self) -> &[u8] {
        if self.method == "POST" {
            &self.body
        } else {
            self.query.as_bytes()
        }
    }

    /// One query parameter, decoded as UTF-8 (for the simulator's own pages).
    pub fn query_value(&self, name: &str) -> Option<String> {
        paysign::Params::parse(
            self.query.as_bytes(),
            paysign::Format::Form,
            paysign::Charset::Utf8,
            paysign::params::Duplicates::LastWins,
        )
        .ok()?
        .get(name)
        .map(str::to_string)
    }
}

pub struct Response {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Vec<u8>,
    pub location: Option<String>,
    /// More headers (WeChat Pay v3's signature headers).
    pub headers: Vec<(&'static str, String)>,
}

impl Response {
    /// A response of these bytes, with no more headers.
    pub fn bytes(status: u16, content_type: &'static str, body: Vec<u8>) -> Response {
        Response {
            status,
            content_type,
            body,
            location: None,
            headers: Vec::new(),
        }
    }

    pub fn html(status: u16, body: String) -> Response {
        Response::bytes(status, "text/html; charset=utf-8", body.into_bytes())
    }

    pub fn text(status: u16, body: &str) -> Response {
        Response::bytes(status, "text/plain; charset=utf-8", body.as_bytes().to_vec())
    }

    pub fn json(status: u16, value: &serde_json::Value) -> Response {
        Response::bytes(status, "application/json", value.to_string().into_bytes())
    }

    pub fn redirect(url: &str) -> Response {
        Response {
            status: 302,
            content_type: "text/html; charset=utf-8",
            body: format!("<a href=\"{0}\">{0}</a>", super::pages::escape(url)).into_bytes(),
            location: Some(url.to_string()),
            headers: Vec::new(),
        }
    }

    pub fn not_found(path: &str) -> Response {
        Response::html(
            404,
            super::pages::page(
                "Not found",
                &format!(
                    "<p>No simulated endpoint at <code>{}</code>.</p>",
                    super::pages::escape(path)
                ),
            ),
        )
    }
}
