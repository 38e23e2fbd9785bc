//! Zoom's answers, read: an error of the generated client becomes this crate's [`Error`].

use std::time::SystemTime;

use reqwest::header::HeaderMap;

use crate::client::error::{ApiError, Error, FieldError};
use crate::client::hooks::Seen;
use crate::client::limits::{ANSWER_BYTES, DIAGNOSIS_BYTES, Limited, is_too_large, read_limited};
use crate::client::rate_limit::RateLimit;
use crate::generated::Answer;

/// A successful update: Zoom answered 204, what it said about the rate limit, and its tracking
/// ID.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Updated {
    /// The HTTP status (204).
    pub status: u16,
    /// The answer's `X-RateLimit-*` headers (every part may be missing).
    pub rate_limit: RateLimit,
    /// Zoom's tracking ID of the answer (`x-zm-trackingid`), as sent: show it through
    /// [`Escaped`](crate::Escaped).
    pub tracking_id: Option<String>,
}

/// Zoom's tracking ID of an answer (`x-zm-trackingid`): at most its first 128 bytes, visible
/// ASCII only (a header value that is not is left out).
pub(crate) fn tracking_id(headers: &HeaderMap) -> Option<String> {
    const TRACKING_ID: reqwest::header::HeaderName =
        reqwest::header::HeaderName::from_static("x-zm-trackingid");
    const KEPT: usize = 128;
    let id = headers.get(TRACKING_ID)?.to_str().ok()?.trim();
    Some(id[..id.len().min(KEPT)].to_owned())
}

/// The outcome of a generated call: a success with what Zoom said about the rate limit, or this
/// crate's error (of one request: the retries set its attempts).
/// An answer that came through a redirect (a custom HTTP client that follows them) is refused:
/// a 303 turns the PATCH into a GET, whose 204 updated nothing.
pub(crate) async fn read(result: Answer, seen: Seen) -> Result<Updated, Error> {
    if seen.redirected {
        let (status, headers) = match &result {
            Ok(response) => (response.status().as_u16(), Some(response.headers())),
            Err(e) => (e.status().map_or(0, |s| s.as_u16()), None),
        };
        return Err(Error::UnexpectedResponse {
            status,
            body: "(the answer came through a redirect; it is not taken)".to_owned(),
            tracking_id: headers.and_then(tracking_id),
            attempts: 1,
        });
    }
    match result {
        Ok(response) => Ok(Updated {
            status: response.status().as_u16(),
            rate_limit: RateLimit::from_headers(response.headers(), SystemTime::now()),
            tracking_id: tracking_id(response.headers()),
        }),
        Err(e) => Err(error(e, seen.error_answer).await),
    }
}

/// The SDK's error for an error of a generated client. `observed` is the status and headers of
/// an error answer, as the `post` hook saw them.
async fn error(
    e: progenitor_client::Error<crate::generated::ErrorParts>,
    observed: Option<(u16, HeaderMap)>,
) -> Error {
    use progenitor_client::Error as G;
    let now = SystemTime::now();
    let observed_tracking_id = || observed.as_ref().and_then(|(_, h)| tracking_id(h));
    match e {
        G::ErrorResponse(response) => {
            let status = response.status().as_u16();
            let tracking_id = tracking_id(response.headers());
            let limit = (status == 429).then(|| RateLimit::from_headers(response.headers(), now));
            let body = response.into_inner();
            match limit {
                Some(limit) => Error::RateLimited {
                    limit: Box::new(RateLimit {
                        code: Some(i64::from(body.code)),
                        message: Some(body.message),
                        ..limit
                    }),
                    tracking_id,
                    attempts: 1,
                },
                None => Error::Api {
                    error: ApiError {
                        status,
                        code: i64::from(body.code),
                        message: body.message,
                        errors: body
                            .errors
                            .into_iter()
                            .map(|(field, message)| FieldError { field, message })
                            .collect(),
                        tracking_id,
                    },
                    attempts: 1,
                },
            }
        }
        G::UnexpectedResponse(response) => {
            let status = response.status().as_u16();
            let tracking_id = tracking_id(response.headers());
            let body = match read_limited(response, DIAGNOSIS_BYTES).await {
                Ok(bytes) => diagnosis(&bytes),
                Err(Limited::TooLarge(start)) => {
                    format!("{} (cut at {DIAGNOSIS_BYTES} bytes)", diagnosis(&start))
                }
                Err(Limited::Transport(_)) => "(could not be read)".to_owned(),
            };
            Error::UnexpectedResponse {
                status,
                body,
                tracking_id,
                attempts: 1,
            }
        }
        // A documented status whose body passed the limit.
        G::ResponseBodyError(e) if is_too_large(&e) => Error::UnexpectedResponse {
            status: observed.as_ref().map_or(0, |(status, _)| *status),
            body: format!("(more than {ANSWER_BYTES} bytes, abandoned)"),
            tracking_id: observed_tracking_id(),
            attempts: 1,
        },
        // A documented status whose body is not Zoom's error body (a proxy's page, say).
        G::InvalidResponsePayload(bytes, _) => match &observed {
            Some((429, headers)) => Error::RateLimited {
                limit: Box::new(RateLimit::from_headers(headers, now)),
                tracking_id: tracking_id(headers),
                attempts: 1,
            },
            Some((status, headers)) => Error::UnexpectedResponse {
                status: *status,
                body: diagnosis(&bytes),
                tracking_id: tracking_id(headers),
                attempts: 1,
            },
            None => Error::transport("an answer zoom's spec does not describe"),
        },
        G::CommunicationError(e) | G::ResponseBodyError(e) | G::InvalidUpgrade(e) => {
            if e.is_timeout() {
                Error::timeout(e)
            } else {
                Error::transport(e)
            }
        }
        G::InvalidRequest(message) => Error::Config(message),
        G::Custom(message) => Error::transport(message),
    }
}

/// The start of a body that is not Zoom's (at most [`DIAGNOSIS_BYTES`]), as text, for
/// diagnosis: a character the cut splits is left out, other bytes that are not UTF-8 show as
/// U+FFFD.
fn diagnosis(bytes: &[u8]) -> String {
    let start = &bytes[..bytes.len().min(DIAGNOSIS_BYTES)];
    let start = match std::str::from_utf8(start) {
        Err(e) if e.error_len().is_none() => &start[..e.valid_up_to()],
        _ => start,
    };
    String::from_utf8_lossy(start).into_owned()
}
