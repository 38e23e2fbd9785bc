//! `Error`: everything [`Client::update_user`](crate::Client::update_user) can fail with.

use std::fmt;
use std::time::Duration;

use crate::body::violation::ValidationErrors;
use crate::client::rate_limit::RateLimit;
use crate::types::{Escaped, Rule, UnknownName};

type BoxError = Box<dyn std::error::Error + Send + Sync + 'static>;

/// Everything an update can fail with. `Display` says what happened in a few lowercase words;
/// the detail is in the fields and in [`source`](std::error::Error::source), which error
/// reporters walk.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The request broke the spec's rules; nothing was sent.
    #[error("the user update is invalid")]
    Validation(#[from] ValidationErrors),

    /// A value (a user ID, say) broke a rule of the spec when it was parsed; nothing was sent.
    #[error("invalid value")]
    InvalidValue(#[from] Rule),

    /// Zoom answered with a documented error (400, 401, 404, …) and its body; `source` is
    /// Zoom's message.
    #[error("zoom refused the update: http {}, zoom code {}", .0.status, .0.code)]
    Api(#[source] ApiError),

    /// Zoom's rate limit: a daily limit, a wait longer than the retry policy allows, or 429s
    /// until the retry budget ran out.
    #[error("rate limited by zoom")]
    RateLimited(Box<RateLimit>),

    /// No access token could be had (the OAuth token endpoint refused or was unreachable).
    #[error("authentication failed")]
    Auth(#[source] AuthError),

    /// The request (or a connection to Zoom) took longer than the client's timeout.
    #[error("the request to zoom timed out")]
    Timeout(#[source] BoxError),

    /// The request could not be sent or its answer not read.
    #[error("could not talk to zoom")]
    Transport(#[source] BoxError),

    /// An answer the spec does not describe (a 5xx, or a documented status with a body that
    /// is not Zoom's error body).
    #[error("unexpected answer from zoom: http {status}")]
    UnexpectedResponse {
        /// The HTTP status.
        status: u16,
        /// The start of the body, for diagnosis: at most its first 1 KiB as text (bytes that
        /// are not UTF-8 shown as U+FFFD), followed by ` (cut at 1024 bytes)` when it is
        /// longer. As the server sent it: show it through [`Escaped`].
        body: String,
    },

    /// Retryable failures until the retry policy's attempts ran out; `source` is the last one.
    #[error("gave up after {attempts} attempts")]
    RetriesExhausted {
        /// How many requests were sent.
        attempts: u32,
        /// The last failure.
        #[source]
        last: Box<Error>,
    },

    /// Something that cannot happen did (an update's task panicked, say): a bug of this crate,
    /// reported instead of lost.
    #[error("internal error: {0}")]
    Internal(String),

    /// The client was configured with something unusable (a bad base URL, a token that cannot
    /// be a header value).
    #[error("invalid client configuration: {0}")]
    Config(String),
}

impl Error {
    /// The error itself, or for [`Error::RetriesExhausted`] the last failure: what the
    /// accessors below describe.
    #[must_use]
    pub fn last(&self) -> &Error {
        match self {
            Error::RetriesExhausted { last, .. } => last.last(),
            other => other,
        }
    }

    /// The HTTP status of Zoom's answer, where there was one.
    #[must_use]
    pub fn status(&self) -> Option<u16> {
        match self.last() {
            Error::Api(e) => Some(e.status),
            Error::RateLimited(_) => Some(429),
            Error::UnexpectedResponse { status, .. } => Some(*status),
            Error::Auth(AuthError::Rejected { status, .. }) => Some(*status),
            _ => None,
        }
    }

    /// Zoom's error code (not the HTTP status), where Zoom sent one.
    #[must_use]
    pub fn zoom_code(&self) -> Option<i64> {
        match self.last() {
            Error::Api(e) => Some(e.code),
            Error::RateLimited(r) => r.code,
            _ => None,
        }
    }

    /// The API error, when Zoom refused the update with a documented error.
    #[must_use]
    pub fn as_api(&self) -> Option<&ApiError> {
        match self.last() {
            Error::Api(e) => Some(e),
            _ => None,
        }
    }

    /// The validation errors, when nothing was sent because the request broke the rules.
    #[must_use]
    pub fn as_validation(&self) -> Option<&ValidationErrors> {
        match self {
            Error::Validation(e) => Some(e),
            _ => None,
        }
    }

    /// What Zoom said about the rate limit, for a 429 answer.
    #[must_use]
    pub fn as_rate_limited(&self) -> Option<&RateLimit> {
        match self.last() {
            Error::RateLimited(r) => Some(r),
            _ => None,
        }
    }

    /// Whether the same request may succeed later: timeouts, transport failures, 5xx answers,
    /// per-second rate limits and a token endpoint that failed the same ways
    /// ([`AuthError::is_retryable`]). A daily limit, a refusal, refused credentials or a
    /// validation failure is not.
    #[must_use]
    pub fn is_retryable(&self) -> bool {
        match self.last() {
            Error::Timeout(_) | Error::Transport(_) => true,
            Error::UnexpectedResponse { status, .. } => *status >= 500,
            Error::RateLimited(r) => !r.is_daily_limit(),
            Error::Auth(e) => e.is_retryable(),
            _ => false,
        }
    }

    /// Whether this is a timeout (also as the last of exhausted retries).
    #[must_use]
    pub fn is_timeout(&self) -> bool {
        matches!(self.last(), Error::Timeout(_))
    }

    /// How long Zoom asked to wait, for a rate-limit answer that said so.
    #[must_use]
    pub fn retry_after(&self) -> Option<Duration> {
        self.as_rate_limited().and_then(|r| r.retry_after)
    }
}

/// A documented Zoom error answer: HTTP status and Zoom's `{code, message, errors}` body.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ApiError {
    /// The HTTP status (400, 401, 404, …).
    pub status: u16,
    /// Zoom's error code.
    pub code: i64,
    /// Zoom's message.
    pub message: String,
    /// Per-field details (validation failures, code 300).
    pub errors: Vec<FieldError>,
}

/// One field Zoom's own validation refused.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct FieldError {
    /// The field.
    pub field: Option<String>,
    /// Why.
    pub message: Option<String>,
}

/// What a documented Zoom error code means for this operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ApiErrorKind {
    /// 1001: the user does not exist.
    UserNotFound,
    /// 200: only an account admin may change the name, host key, PMI or vanity name, or a Zoom
    /// Room user cannot become a free user.
    AdminOnly,
    /// 300: an invalid word in the name, or an invalid parameter.
    InvalidParameter,
    /// 1108: the permission requirements to change the user type were not met.
    TypeChangeNotPermitted,
    /// 1109: the host is not a paid user.
    HostNotPaid,
    /// 1120: no valid invitation to join the account for this user.
    InvitationNotFound,
    /// 2033, 2034, 3412: the account's license or basic-user limit is reached.
    LicenseLimit,
    /// 4100: the personal link name is already taken.
    PersonalLinkTaken,
    /// 124: the access token is invalid or expired.
    InvalidToken,
    /// Any other code.
    Other,
}

impl ApiError {
    /// What the code means for this operation.
    #[must_use]
    pub fn kind(&self) -> ApiErrorKind {
        match self.code {
            1001 => ApiErrorKind::UserNotFound,
            200 => ApiErrorKind::AdminOnly,
            300 => ApiErrorKind::InvalidParameter,
            1108 => ApiErrorKind::TypeChangeNotPermitted,
            1109 => ApiErrorKind::HostNotPaid,
            1120 => ApiErrorKind::InvitationNotFound,
            2033 | 2034 | 3412 => ApiErrorKind::LicenseLimit,
            4100 => ApiErrorKind::PersonalLinkTaken,
            124 => ApiErrorKind::InvalidToken,
            _ => ApiErrorKind::Other,
        }
    }

    /// 1001: the user does not exist.
    #[must_use]
    pub fn is_user_not_found(&self) -> bool {
        self.kind() == ApiErrorKind::UserNotFound
    }

    /// 200: an admin-only change, or a Zoom Room user that cannot become free.
    #[must_use]
    pub fn is_admin_only(&self) -> bool {
        self.kind() == ApiErrorKind::AdminOnly
    }

    /// 300: an invalid word in the name or an invalid parameter.
    #[must_use]
    pub fn is_invalid_parameter(&self) -> bool {
        self.kind() == ApiErrorKind::InvalidParameter
    }

    /// 4100: the personal link name is taken.
    #[must_use]
    pub fn is_personal_link_taken(&self) -> bool {
        self.kind() == ApiErrorKind::PersonalLinkTaken
    }

    /// 2033, 2034, 3412: a license or basic-user limit of the account.
    #[must_use]
    pub fn is_license_limit(&self) -> bool {
        self.kind() == ApiErrorKind::LicenseLimit
    }
}

/// Zoom's message, with control characters escaped (it is text from a server).
impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        Escaped(&self.message).fmt(f)
    }
}

impl std::error::Error for ApiError {}

/// Why no access token could be had. Cheap to clone: waiters on one token fetch share its
/// failure.
#[derive(Debug, Clone, thiserror::Error)]
#[non_exhaustive]
pub enum AuthError {
    /// The token endpoint answered with an error (its `reason` shown with control characters
    /// escaped).
    #[error("the token endpoint {}: http {status}{}", if endpoint_failed(*status) { "failed" } else { "refused the credentials" }, reason.as_deref().map(|r| format!(", {}", Escaped(r))).unwrap_or_default())]
    Rejected {
        /// The HTTP status.
        status: u16,
        /// The endpoint's `reason` / `error` text, if any.
        reason: Option<String>,
    },
    /// The token endpoint answered 2xx with a body that is not a token (or larger than 64 KiB).
    #[error("the token endpoint sent no usable access token")]
    InvalidResponse,
    /// The token endpoint could not be reached, or did not answer in time.
    #[error("could not reach the token endpoint")]
    Transport(#[source] std::sync::Arc<dyn std::error::Error + Send + Sync>),
    /// The token cannot be sent as an HTTP header.
    #[error("the access token is not a valid http header value")]
    InvalidToken,
    /// The token endpoint's answer came from another URL: a custom HTTP client followed a
    /// redirect, and a token from elsewhere is not taken.
    #[error("the token endpoint's answer came through a redirect; its token is not taken")]
    Redirected,
}

impl AuthError {
    /// Whether a later fetch may succeed: the endpoint could not be reached, or answered 429
    /// or 5xx. Refused credentials, an unusable answer or token and a redirect are not.
    #[must_use]
    pub fn is_retryable(&self) -> bool {
        match self {
            AuthError::Transport(_) => true,
            AuthError::Rejected { status, .. } => endpoint_failed(*status),
            _ => false,
        }
    }
}

/// A token endpoint's status that says it failed (429, 5xx) rather than refused the
/// credentials: a later fetch may succeed.
fn endpoint_failed(status: u16) -> bool {
    status == 429 || status >= 500
}

/// A setting's name that does not parse ([`Policy`](crate::Policy),
/// [`RateBudget`](crate::RateBudget)) is a configuration error.
impl From<UnknownName> for Error {
    fn from(e: UnknownName) -> Self {
        Error::Config(e.to_string())
    }
}

impl Error {
    pub(crate) fn transport(e: impl Into<BoxError>) -> Self {
        Error::Transport(e.into())
    }

    pub(crate) fn timeout(e: impl Into<BoxError>) -> Self {
        Error::Timeout(e.into())
    }
}
