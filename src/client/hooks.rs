//! The hooks every request of the generated clients runs through (the client layer's side of
//! `generated::Hooks`): the `Authorization` and `User-Agent` headers, the user ID's encoding, bounded
//! answers, the redirect check and the capture of a dry run.

use std::sync::{Arc, Mutex};

use reqwest::header::{AUTHORIZATION, HeaderMap, HeaderValue, USER_AGENT};

use crate::client::limits::limit_body;
use crate::client::lock;
use crate::client::prepared::PreparedRequest;
use crate::generated::{Exchange, Hooks};

/// What the hooks saw of one exchange.
#[derive(Debug, Default)]
pub(crate) struct Seen {
    /// The status and headers of an error answer (to classify one whose body is not Zoom's).
    pub(crate) error_answer: Option<(u16, HeaderMap)>,
    /// The answer came from another URL: the HTTP client followed a redirect.
    pub(crate) redirected: bool,
}

/// The hooks of one exchange, and what they saw of it: shared (one allocation) between the
/// generated client, which runs them, and the exchange, which reads what they saw.
pub(crate) struct RequestHooks {
    authorization: HeaderValue,
    user_agent: HeaderValue,
    /// A dry run: the request is kept in `captured` and answered 204 without being sent.
    dry_run: bool,
    seen: Mutex<Seen>,
    captured: Mutex<Option<PreparedRequest>>,
}

impl RequestHooks {
    /// Hooks that send with these headers (or, for a dry run, keep the request instead).
    pub(crate) fn new(
        authorization: HeaderValue,
        user_agent: HeaderValue,
        dry_run: bool,
    ) -> Arc<Self> {
        Arc::new(Self {
            authorization,
            user_agent,
            dry_run,
            seen: Mutex::default(),
            captured: Mutex::default(),
        })
    }

    /// As the generated client's inner type.
    pub(crate) fn hooks(self: &Arc<Self>) -> Hooks {
        Hooks::new(self.clone())
    }

    /// What the hooks saw of the answer.
    pub(crate) fn seen(&self) -> Seen {
        std::mem::take(&mut *lock(&self.seen))
    }

    /// The request a dry run kept.
    pub(crate) fn captured(&self) -> Option<PreparedRequest> {
        lock(&self.captured).take()
    }
}

impl Exchange for RequestHooks {
    fn pre(&self, request: &mut reqwest::Request) {
        encode_user_id(request.url_mut());
        let headers = request.headers_mut();
        headers.insert(AUTHORIZATION, self.authorization.clone());
        headers.insert(USER_AGENT, self.user_agent.clone());
    }

    /// A dry run captures the request and answers 204 without sending it.
    fn instead_of_sending(&self, request: &reqwest::Request) -> Option<reqwest::Response> {
        if !self.dry_run {
            return None;
        }
        *lock(&self.captured) = Some(PreparedRequest::from_request(request));
        let mut answer = http::Response::new(Vec::<u8>::new());
        *answer.status_mut() = http::StatusCode::NO_CONTENT;
        Some(reqwest::Response::from(answer))
    }

    /// Notes an answer that came from another URL than the request went to (the HTTP client
    /// followed a redirect), and limits an error answer's body to
    /// [`ANSWER_BYTES`](crate::client::limits::ANSWER_BYTES), whoever reads it. A success's body
    /// is not read (a 204 has none, another is read up to 1 KiB as an unexpected answer).
    fn received(&self, sent_to: &reqwest::Url, response: reqwest::Response) -> reqwest::Response {
        if response.url() != sent_to {
            lock(&self.seen).redirected = true;
        }
        if response.status().is_success() {
            response
        } else {
            limit_body(response)
        }
    }

    fn post(&self, result: &reqwest::Result<reqwest::Response>) {
        // Only failures need it (to classify an error answer whose body is not Zoom's).
        if let Ok(response) = result
            && !response.status().is_success()
        {
            lock(&self.seen).error_answer =
                Some((response.status().as_u16(), response.headers().clone()));
        }
    }
}

/// The characters of a user ID that are sent as they are: RFC 3986's unreserved ones.
const NOT_UNRESERVED: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Encodes the user ID, the last segment of `/users/{userId}`, so that only unreserved
/// characters stay as they are (`;`, `=`, `@`, `+` are percent-encoded too). The generated code
/// encoded it already, `/` and `%` included, so decoding it gives the ID back exactly.
fn encode_user_id(url: &mut reqwest::Url) {
    let path = {
        let Some((head, id)) = url.path().rsplit_once('/') else {
            return;
        };
        let unreserved =
            |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~');
        if !head.ends_with("/users") || id.bytes().all(unreserved) {
            return;
        }
        let id: Vec<u8> = percent_encoding::percent_decode_str(id).collect();
        format!(
            "{head}/{}",
            percent_encoding::percent_encode(&id, NOT_UNRESERVED)
        )
    };
    url.set_path(&path);
}
