//! The inner state of the generated clients and their request hooks: the `Authorization` and
//! `User-Agent` headers of each request, the observed status of an error answer, and the
//! capture of a dry run.

use std::sync::{Arc, Mutex};

use progenitor_client::{ClientHooks, OperationInfo};
use reqwest::header::{AUTHORIZATION, HeaderMap, HeaderValue, USER_AGENT};

use crate::client::answer::limit_body;
use crate::client::auth::bearer_header;
use crate::client::prepared::PreparedRequest;
use crate::{AuthError, lock};

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

/// State the generated [`raw::Client`](crate::raw::Client) carries into every request.
///
/// `Hooks::default()` only percent-encodes the user ID's reserved characters (`;`, `=`, `@`,
/// `+`, …) that the generated code leaves as they are; [`Hooks::with_bearer_token`] also adds
/// an `Authorization: Bearer …` header (marked sensitive) to each request.
#[derive(Clone, Default)]
pub struct Hooks {
    pub(crate) authorization: Option<HeaderValue>,
    pub(crate) user_agent: Option<HeaderValue>,
    /// Where `post` leaves the status and headers of the answer.
    pub(crate) observed: Option<Observed>,
    /// Dry run: `exec` records the request here and answers 204 without sending it.
    pub(crate) capture: Option<Capture>,
}

impl Hooks {
    /// Hooks that add `Authorization: Bearer <token>` to every request.
    ///
    /// # Errors
    ///
    /// [`AuthError::InvalidToken`] when the token cannot be sent in an HTTP header (control
    /// characters).
    pub fn with_bearer_token(token: &str) -> Result<Self, AuthError> {
        Ok(Self {
            authorization: Some(bearer_header(token)?),
            ..Self::default()
        })
    }
}

impl std::fmt::Debug for Hooks {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Hooks")
            .field(
                "authorization",
                &self.authorization.as_ref().map(|_| "<redacted>"),
            )
            .field("user_agent", &self.user_agent)
            .field("dry_run", &self.capture.is_some())
            .finish()
    }
}

impl Hooks {
    fn pre(&self, request: &mut reqwest::Request) {
        encode_user_id(request.url_mut());
        if let Some(value) = &self.authorization {
            request.headers_mut().insert(AUTHORIZATION, value.clone());
        }
        if let Some(value) = &self.user_agent {
            request.headers_mut().insert(USER_AGENT, value.clone());
        }
    }

    /// Sends the request (or, for a dry run, captures it and answers 204 without sending). The
    /// answer's body can be read up to [`ANSWER_BYTES`](crate::client::answer::ANSWER_BYTES)
    /// only, whoever reads it.
    async fn exec(
        &self,
        client: &reqwest::Client,
        request: reqwest::Request,
    ) -> reqwest::Result<reqwest::Response> {
        if let Some(capture) = &self.capture {
            *lock(capture) = Some(PreparedRequest::from_request(&request));
            let mut answer = http::Response::new(Vec::<u8>::new());
            *answer.status_mut() = http::StatusCode::NO_CONTENT;
            return Ok(reqwest::Response::from(answer));
        }
        // Only the client's own requests (`observed`) are checked for a redirect.
        let sent_to = self.observed.as_ref().map(|_| request.url().clone());
        let response = client.execute(request).await?;
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

/// The hooks of a generated client, delegating to [`Hooks`].
macro_rules! client_hooks {
    ($client:ty, $error:ident) => {
        impl ClientHooks<Hooks> for $client {
            async fn pre<E>(
                &self,
                request: &mut reqwest::Request,
                _info: &OperationInfo,
            ) -> Result<(), $error<E>> {
                self.inner.pre(request);
                Ok(())
            }

            async fn exec(
                &self,
                request: reqwest::Request,
                _info: &OperationInfo,
            ) -> reqwest::Result<reqwest::Response> {
                self.inner.exec(&self.client, request).await
            }

            async fn post<E>(
                &self,
                result: &reqwest::Result<reqwest::Response>,
                _info: &OperationInfo,
            ) -> Result<(), $error<E>> {
                self.inner.post(result);
                Ok(())
            }
        }
    };
}

use progenitor_client::Error as GeneratedError;
client_hooks!(super::generated::v2021::Client, GeneratedError);
client_hooks!(super::generated::v2025::Client, GeneratedError);
