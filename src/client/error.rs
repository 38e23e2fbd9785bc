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
///
/// After the client's retries run out, the error is the last failure itself, with the number
/// of requests sent as its `attempts`: a caller matches the variant it cares about
/// (`Error::RateLimited { .. }`), whether there were retries or not.
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
    #[error("zoom refused the update: http {}, zoom code {}{}", error.status, error.code, tried(*attempts))]
    Api {
        /// Zoom's answer.
        #[source]
        error: ApiError,
        /// How many requests were sent.
        attempts: u32,
    },

    /// A 429 from Zoom: a daily limit (returned at once), a `Retry-After` longer than the retry
    /// policy waits (at once), or per-second 429s until the retries ran out.
    #[error("rate limited by zoom{}", tried(*attempts))]
    RateLimited {
        /// What the answer said: `Retry-After`, the `X-RateLimit-*` headers, Zoom's code and
        /// message.
        limit: Box<RateLimit>,
        /// Zoom's tracking ID of the answer (`x-zm-trackingid`), as sent: show it through
        /// [`Escaped`].
        tracking_id: Option<String>,
        /// How many requests were sent.
        attempts: u32,
    },

    /// No access token could be had (the OAuth token endpoint refused, failed or was
    /// unreachable).
    #[error("authentication failed{}", tried(*attempts))]
    Auth {
        /// Why.
        #[source]
        error: AuthError,
        /// How many requests of the update were tried.
        attempts: u32,
    },

    /// The request (or a connection to Zoom) took longer than the client's timeout.
    #[error("the request to zoom timed out{}", tried(*attempts))]
    Timeout {
        /// What timed out.
        #[source]
        source: BoxError,
        /// How many requests were sent.
        attempts: u32,
    },

    /// The request could not be sent or its answer not read.
    #[error("could not talk to zoom{}", tried(*attempts))]
    Transport {
        /// Why.
        #[source]
        source: BoxError,
        /// How many requests were sent.
        attempts: u32,
    },

    /// An answer the spec does not describe (a 5xx, a 3xx, or a documented status with a body
    /// that is not Zoom's error body).
    #[error("unexpected answer from zoom: http {status}{}", tried(*attempts))]
    UnexpectedResponse {
        /// The HTTP status.
        status: u16,
        /// The start of the body, for diagnosis: at most its first 1 KiB as text (bytes that
        /// are not UTF-8 shown as U+FFFD), followed by ` (cut at 1024 bytes)` when it is
        /// longer. As the server sent it: show it through [`Escaped`].
        body: String,
        /// Zoom's tracking ID of the answer (`x-zm-trackingid`), as sent: show it through
        /// [`Escaped`].
        tracking_id: Option<String>,
        /// How many requests were sent.
        attempts: u32,
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

/// ` after N attempts` when there was more than one.
fn tried(attempts: u32) -> String {
    if attempts > 1 {
        format!(" after {attempts} attempts")
    } else {
        String::new()
    }
}

impl Error {
    /// How many attempts the update made (0 for an error before the first: a validation
    /// failure, a bad configuration). An [`Error::Auth`] counts the attempts that could not get
    /// a token, though nothing reached Zoom.
    #[must_use]
    pub fn attempts(&self) -> u32 {
        match self {
            Error::Api { attempts, .. }
            | Error::RateLimited { attempts, .. }
            | Error::Auth { attempts, .. }
            | Error::Timeout { attempts, .. }
            | Error::Transport { attempts, .. }
            | Error::UnexpectedResponse { attempts, .. } => *attempts,
            _ => 0,
        }
    }

    /// The error with `attempts` as its number of requests.
    pub(crate) fn with_attempts(mut self, n: u32) -> Self {
        match &mut self {
            Error::Api { attempts, .. }
            | Error::RateLimited { attempts, .. }
            | Error::Auth { attempts, .. }
            | Error::Timeout { attempts, .. }
            | Error::Transport { attempts, .. }
            | Error::UnexpectedResponse { attempts, .. } => *attempts = n,
            _ => {}
        }
        self
    }

    /// The HTTP status of Zoom's answer, where there was one.
    #[must_use]
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Api { error, .. } => Some(error.status),
            Error::RateLimited { .. } => Some(429),
            Error::UnexpectedResponse { status, .. } => Some(*status),
            Error::Auth {
                error: AuthError::Rejected { status, .. },
                ..
            } => Some(*status),
            _ => None,
        }
    }

    /// Zoom's error code (not the HTTP status), where Zoom sent one.
    #[must_use]
    pub fn zoom_code(&self) -> Option<i64> {
        match self {
            Error::Api { error, .. } => Some(error.code),
            Error::RateLimited { limit, .. } => limit.code,
            _ => None,
        }
    }

    /// Zoom's tracking ID of the answer (`x-zm-trackingid`), where the error came from an
    /// answer that carried one; Zoom's support asks for it. As sent: show it through
    /// [`Escaped`].
    #[must_use]
    pub fn tracking_id(&self) -> Option<&str> {
        match self {
            Error::Api { error, .. } => error.tracking_id.as_deref(),
            Error::RateLimited { tracking_id, .. }
            | Error::UnexpectedResponse { tracking_id, .. } => tracking_id.as_deref(),
            _ => None,
        }
    }

    /// The API error, when Zoom refused the update with a documented error.
    #[must_use]
    pub fn as_api(&self) -> Option<&ApiError> {
        match self {
            Error::Api { error, .. } => Some(error),
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
        match self {
            Error::RateLimited { limit, .. } => Some(limit),
            _ => None,
        }
    }

    /// Whether the same request may succeed later: timeouts, transport failures, 5xx answers,
    /// per-second rate limits and a token endpoint that failed the same ways
    /// ([`AuthError::is_retryable`]). A daily limit, a refusal, refused credentials or a
    /// validation failure is not.
    #[must_use]
    pub fn is_retryable(&self) -> bool {
        match self {
            Error::Timeout { .. } | Error::Transport { .. } => true,
            Error::UnexpectedResponse { status, .. } => *status >= 500,
            Error::RateLimited { limit, .. } => !limit.is_daily_limit(),
            Error::Auth { error, .. } => error.is_retryable(),
            _ => false,
        }
    }

    /// Whether this is a timeout.
    #[must_use]
    pub fn is_timeout(&self) -> bool {
        matches!(self, Error::Timeout { .. })
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
    /// Zoom's tracking ID of the answer (`x-zm-trackingid`), as sent: show it through
    /// [`Escaped`].
    pub tracking_id: Option<String>,
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
    /// A transport failure of one request.
    pub(crate) fn transport(e: impl Into<BoxError>) -> Self {
        Error::Transport {
            source: e.into(),
            attempts: 1,
        }
    }

    /// A timeout of one request.
    pub(crate) fn timeout(e: impl Into<BoxError>) -> Self {
        Error::Timeout {
            source: e.into(),
            attempts: 1,
        }
    }
}
