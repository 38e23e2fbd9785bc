//! Zoom's answers, read: an error of the generated client becomes this crate's [`Error`].

use std::time::SystemTime;

use reqwest::header::HeaderMap;

use crate::{ApiError, Error, FieldError, RateLimit};

/// How much of an answer's body is kept for diagnosis when the body is not Zoom's.
pub(crate) const DIAGNOSIS_BYTES: usize = 1024;

/// Zoom's error body, as each generated client decodes it.
pub(crate) trait ErrorBody {
    fn into_parts(self) -> ErrorParts;
}

/// `{code, message, errors: [{field, message}]}`.
pub(crate) struct ErrorParts {
    pub(crate) code: i32,
    pub(crate) message: String,
    pub(crate) errors: Vec<(Option<String>, Option<String>)>,
}

/// The SDK's error for an error of a generated client. `observed` is the status and headers of
/// an error answer, as the `post` hook saw them.
pub(crate) async fn error<E: ErrorBody>(
    e: progenitor_client::Error<E>,
    observed: Option<(u16, HeaderMap)>,
) -> Error {
    use progenitor_client::Error as G;
    let now = SystemTime::now();
    match e {
        G::ErrorResponse(response) => {
            let status = response.status().as_u16();
            let limit = (status == 429).then(|| RateLimit::from_headers(response.headers(), now));
            let body = response.into_inner().into_parts();
            match limit {
                Some(limit) => Error::RateLimited(Box::new(RateLimit {
                    code: Some(i64::from(body.code)),
                    message: Some(body.message),
                    ..limit
                })),
                None => Error::Api(ApiError {
                    status,
                    code: i64::from(body.code),
                    message: body.message,
                    errors: body
                        .errors
                        .into_iter()
                        .map(|(field, message)| FieldError { field, message })
                        .collect(),
                }),
            }
        }
        G::UnexpectedResponse(response) => {
            let status = response.status().as_u16();
            let bytes = response.bytes().await.unwrap_or_default();
            Error::UnexpectedResponse {
                status,
                body: diagnosis(&bytes),
            }
        }
        // A documented status whose body is not Zoom's error body (a proxy's page, say).
        G::InvalidResponsePayload(bytes, _) => match observed {
            Some((429, headers)) => {
                Error::RateLimited(Box::new(RateLimit::from_headers(&headers, now)))
            }
            Some((status, _)) => Error::UnexpectedResponse {
                status,
                body: diagnosis(&bytes),
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

/// The start of a body that is not Zoom's, as text, for diagnosis.
fn diagnosis(bytes: &[u8]) -> String {
    String::from_utf8_lossy(&bytes[..bytes.len().min(DIAGNOSIS_BYTES)]).into_owned()
}
