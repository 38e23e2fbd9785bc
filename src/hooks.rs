//! The inner state of the generated client and its request hooks: per-request auth header and
//! user agent, the observed status of the answer, and dry-run capture.

use std::sync::{Arc, Mutex};

use progenitor_client::{ClientHooks, OperationInfo};
use reqwest::header::{AUTHORIZATION, HeaderMap, HeaderValue, USER_AGENT};

use crate::generated::{Client, Error};
use crate::lock;

/// Where the `post` hook leaves the status and headers of an error answer.
pub(crate) type Observed = Arc<Mutex<Option<(u16, HeaderMap)>>>;

/// Where a dry run's `exec` leaves the request it did not send.
pub(crate) type Capture = Arc<Mutex<Option<PreparedRequest>>>;

/// State the generated [`raw::Client`](crate::raw::Client) carries into every request.
///
/// `Hooks::default()` sends requests unchanged; [`Hooks::with_bearer_token`] adds an
/// `Authorization: Bearer …` header (marked sensitive) to each request.
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
    /// Fails when the token cannot be sent in an HTTP header (control characters).
    pub fn with_bearer_token(token: &str) -> Result<Self, InvalidToken> {
        let mut value =
            HeaderValue::from_str(&format!("Bearer {token}")).map_err(|_| InvalidToken(()))?;
        value.set_sensitive(true);
        Ok(Self {
            authorization: Some(value),
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

/// A token that cannot be sent as an HTTP header value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidToken(());

impl std::fmt::Display for InvalidToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("access token contains characters not allowed in an http header")
    }
}

impl std::error::Error for InvalidToken {}

/// The exact request an update would send, as captured by a dry run: the generated client
/// built it, the hooks added their headers, and nothing left the machine. The
/// `Authorization` value is shown as `<redacted>`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct PreparedRequest {
    /// `PATCH`.
    pub method: String,
    /// The full URL, query included.
    pub url: String,
    /// Header names (lowercase) and values, in the order sent.
    pub headers: Vec<(String, String)>,
    /// The JSON body.
    pub body: Vec<u8>,
}

impl PreparedRequest {
    fn from_request(request: &reqwest::Request) -> Self {
        let headers = request
            .headers()
            .iter()
            .map(|(name, value)| {
                let shown = if value.is_sensitive() || name == AUTHORIZATION {
                    "<redacted>".to_owned()
                } else {
                    String::from_utf8_lossy(value.as_bytes()).into_owned()
                };
                (name.as_str().to_owned(), shown)
            })
            .collect();
        let body = request
            .body()
            .and_then(reqwest::Body::as_bytes)
            .unwrap_or_default()
            .to_vec();
        Self {
            method: request.method().to_string(),
            url: request.url().to_string(),
            headers,
            body,
        }
    }
}

impl ClientHooks<Hooks> for Client {
    async fn pre<E>(
        &self,
        request: &mut reqwest::Request,
        _info: &OperationInfo,
    ) -> Result<(), Error<E>> {
        let hooks = &self.inner;
        if let Some(value) = &hooks.authorization {
            request.headers_mut().insert(AUTHORIZATION, value.clone());
        }
        if let Some(value) = &hooks.user_agent {
            request.headers_mut().insert(USER_AGENT, value.clone());
        }
        Ok(())
    }

    // Not an `async fn`: the request is handed to reqwest (or captured) before the future is
    // made, so the future holds reqwest's small pending handle instead of a copy of the request.
    fn exec(
        &self,
        request: reqwest::Request,
        _info: &OperationInfo,
    ) -> impl Future<Output = reqwest::Result<reqwest::Response>> {
        let sent = match &self.inner.capture {
            Some(capture) => {
                *lock(capture) = Some(PreparedRequest::from_request(&request));
                None
            }
            None => Some(self.client.execute(request)),
        };
        async move {
            match sent {
                Some(pending) => pending.await,
                // A dry run answers 204 without sending anything.
                None => {
                    let mut answer = http::Response::new(Vec::<u8>::new());
                    *answer.status_mut() = http::StatusCode::NO_CONTENT;
                    Ok(reqwest::Response::from(answer))
                }
            }
        }
    }

    async fn post<E>(
        &self,
        result: &reqwest::Result<reqwest::Response>,
        _info: &OperationInfo,
    ) -> Result<(), Error<E>> {
        // Only failures need it (to classify an error answer whose body is not Zoom's).
        if let (Some(observed), Ok(response)) = (&self.inner.observed, result)
            && !response.status().is_success()
        {
            *lock(observed) = Some((response.status().as_u16(), response.headers().clone()));
        }
        Ok(())
    }
}
