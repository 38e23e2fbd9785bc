//! `PreparedRequest`: a request as text, for dry runs and snapshot tests.

use std::fmt;

use reqwest::header::{AUTHORIZATION, HeaderMap};
use serde::ser::{Serialize, SerializeStruct, Serializer};
use serde_json::Value;

/// The exact request an update would send, as captured by a dry run: the generated client
/// built it, the hooks added their headers, and nothing left the machine.
///
/// The fields hold the request as built, except the `Authorization` value, which is
/// `<redacted>`. `Display` is a stable text form for snapshot tests (`insta::assert_snapshot!`):
/// the request line, the headers sorted by name, a blank line and the JSON body pretty-printed;
/// a `host_key` in the body is shown as `<redacted>`, and this crate's version in the
/// `user-agent` as `<version>`, so a snapshot survives an upgrade of the crate. `Serialize`
/// writes the same parts as an object.
///
/// ```
/// # use zoom_user_update::{Auth, Client, UserId, UserUpdate};
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let client = Client::builder(Auth::bearer("token")).build()?;
/// let update = UserUpdate::builder().dept("Research").host_key("482915").build()?;
/// let request = client.update_user(&UserId::me(), &update).dry_run().await?;
/// assert_eq!(
///     request.to_string(),
///     "PATCH https://api.zoom.us/v2/users/me
/// accept: application/json
/// authorization: <redacted>
/// content-type: application/json
/// user-agent: zoom-user-update/<version>
///
/// {
///   \"dept\": \"Research\",
///   \"host_key\": \"<redacted>\"
/// }"
/// );
/// # Ok(())
/// # }
/// ```
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct PreparedRequest {
    /// `PATCH`.
    pub method: String,
    /// The full URL, query included.
    pub url: String,
    /// Header names (lowercase) and values, in the order sent; `authorization` is
    /// `<redacted>`.
    pub headers: Vec<(String, String)>,
    /// The JSON body, as sent.
    pub body: Vec<u8>,
}

impl PreparedRequest {
    pub(crate) fn from_request(request: &reqwest::Request) -> Self {
        let body = request
            .body()
            .and_then(reqwest::Body::as_bytes)
            .unwrap_or_default()
            .to_vec();
        Self {
            method: request.method().to_string(),
            url: request.url().to_string(),
            headers: header_list(request.headers()),
            body,
        }
    }
}

impl fmt::Display for PreparedRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        render(f, &self.method, &self.url, &self.headers, &self.body)
    }
}

impl fmt::Debug for PreparedRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PreparedRequest")
            .field("method", &self.method)
            .field("url", &self.url)
            .field("headers", &sorted_headers(&self.headers))
            .field("body", &shown_body(&self.body).to_string())
            .finish()
    }
}

impl Serialize for PreparedRequest {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("PreparedRequest", 4)?;
        s.serialize_field("method", &self.method)?;
        s.serialize_field("url", &self.url)?;
        s.serialize_field("headers", &sorted_headers(&self.headers))?;
        s.serialize_field("body", &shown_body(&self.body))?;
        s.end()
    }
}

/// Header names and values, with the `Authorization` value (and any value marked sensitive)
/// as `<redacted>`.
pub(crate) fn header_list(headers: &HeaderMap) -> Vec<(String, String)> {
    headers
        .iter()
        .map(|(name, value)| {
            let shown = if value.is_sensitive() || name == AUTHORIZATION {
                "<redacted>".to_owned()
            } else {
                String::from_utf8_lossy(value.as_bytes()).into_owned()
            };
            (name.as_str().to_owned(), shown)
        })
        .collect()
}

/// The stable text form of a request: `METHOD TARGET`, the headers sorted by name (this
/// crate's version in the user agent as `<version>`), a blank line, the body (JSON
/// pretty-printed, `host_key` redacted; other text as it is).
pub(crate) fn render(
    f: &mut impl fmt::Write,
    method: &str,
    target: &str,
    headers: &[(String, String)],
    body: &[u8],
) -> fmt::Result {
    writeln!(f, "{method} {target}")?;
    for (name, value) in sorted_headers(headers) {
        writeln!(f, "{name}: {value}")?;
    }
    writeln!(f)?;
    match shown_body(body) {
        Value::String(text) => f.write_str(&text),
        json => f.write_str(&serde_json::to_string_pretty(&json).unwrap_or_default()),
    }
}

fn sorted_headers(headers: &[(String, String)]) -> Vec<(String, String)> {
    const OWN_AGENT: &str = concat!(env!("CARGO_PKG_NAME"), "/", env!("CARGO_PKG_VERSION"));
    let mut sorted: Vec<_> = headers
        .iter()
        .map(|(name, value)| {
            let value = if name == "user-agent" {
                value.replace(OWN_AGENT, concat!(env!("CARGO_PKG_NAME"), "/<version>"))
            } else {
                value.clone()
            };
            (name.clone(), value)
        })
        .collect();
    sorted.sort();
    sorted
}

/// The body as shown: JSON with a `host_key` redacted (at any depth), or the text itself as a
/// JSON string when it is not JSON.
pub(crate) fn shown_body(body: &[u8]) -> Value {
    fn redact(value: &mut Value) {
        match value {
            Value::Object(members) => {
                for (name, member) in members.iter_mut() {
                    if name == "host_key" {
                        *member = Value::from("<redacted>");
                    } else {
                        redact(member);
                    }
                }
            }
            Value::Array(items) => items.iter_mut().for_each(redact),
            _ => {}
        }
    }
    match serde_json::from_slice::<Value>(body) {
        Ok(mut json) => {
            redact(&mut json);
            json
        }
        Err(_) => Value::String(String::from_utf8_lossy(body).into_owned()),
    }
}
