//! The hooks every request of the generated clients runs through (the client layer's side of
//! `generated::Hooks`): the `Authorization` and `User-Agent` headers, the user ID's encoding, bounded
//! answers, the redirect check and the capture of a dry run.

use std::sync::{Arc, Mutex};

use reqwest::header::{AUTHORIZATION, HeaderMap, HeaderValue, USER_AGENT};

use crate::client::limits::limit_body;
use crate::client::lock;
use crate::client::prepared::PreparedRequest;
use crate::generated::{Exchange, Hooks, Sent};

/// What the hooks saw of one exchange.
#[derive(Debug, Default)]
pub(crate) struct Seen {
    /// The status and headers of an error answer (to classify one whose body is not Zoom's).
    pub(crate) error_answer: Option<(u16, HeaderMap)>,
    /// The answer came from another URL: the HTTP client followed a redirect.
    pub(crate) redirected: bool,
}

/// Where the hooks leave what they saw.
pub(crate) type Observed = Arc<Mutex<Seen>>;

/// Where a dry run's `exec` leaves the request it did not send.
pub(crate) type Capture = Arc<Mutex<Option<PreparedRequest>>>;

/// The hooks of one exchange.
pub(crate) struct RequestHooks {
    pub(crate) authorization: HeaderValue,
    pub(crate) user_agent: HeaderValue,
    /// Where `post` leaves the status and headers of the answer.
    pub(crate) observed: Option<Observed>,
    /// Dry run: `exec` records the request here and answers 204 without sending it.
    pub(crate) capture: Option<Capture>,
}

impl RequestHooks {
    /// As the generated client's inner type.
    pub(crate) fn into_hooks(self) -> Hooks {
        Hooks::new(Arc::new(self))
    }
}

impl Exchange for RequestHooks {
    fn pre(&self, request: &mut reqwest::Request) {
        encode_user_id(request.url_mut());
        let headers = request.headers_mut();
        headers.insert(AUTHORIZATION, self.authorization.clone());
        headers.insert(USER_AGENT, self.user_agent.clone());
    }

    /// Sends the request (or, for a dry run, captures it and answers 204 without sending). The
    /// answer's body can be read up to [`ANSWER_BYTES`](crate::client::limits::ANSWER_BYTES)
    /// only, whoever reads it.
    fn exec<'a>(&'a self, http: &'a reqwest::Client, request: reqwest::Request) -> Sent<'a> {
        Box::pin(async move {
            if let Some(capture) = &self.capture {
                *lock(capture) = Some(PreparedRequest::from_request(&request));
                let mut answer = http::Response::new(Vec::<u8>::new());
                *answer.status_mut() = http::StatusCode::NO_CONTENT;
                return Ok(reqwest::Response::from(answer));
            }
            // Only the client's own requests (`observed`) are checked for a redirect.
            let sent_to = self.observed.as_ref().map(|_| request.url().clone());
            let response = http.execute(request).await?;
            if let (Some(observed), Some(url)) = (&self.observed, sent_to)
                && *response.url() != url
            {
                lock(observed).redirected = true;
            }
            // A success's body is not read (a 204 has none, another is read up to 1 KiB as an
            // unexpected answer); an error answer's body is read by the generated code.
            Ok(if response.status().is_success() {
                response
            } else {
                limit_body(response)
            })
        })
    }

    fn post(&self, result: &reqwest::Result<reqwest::Response>) {
        // Only failures need it (to classify an error answer whose body is not Zoom's).
        if let (Some(observed), Ok(response)) = (&self.observed, result)
            && !response.status().is_success()
        {
            lock(observed).error_answer =
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
