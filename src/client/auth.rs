//! `Auth`: a static bearer token or Server-to-Server OAuth, with a token cache.

use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use reqwest::header::HeaderValue;
use tokio::sync::Mutex;
use tracing::Instrument;

use crate::client::error::{AuthError, Error};
use crate::client::limits::{Limited, read_limited};

/// Zoom's OAuth token endpoint.
pub const DEFAULT_TOKEN_URL: &str = "https://zoom.us/oauth/token";

/// A secret string (client secret, access token): `Debug` and `Display` print `<redacted>`.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret.
    #[must_use]
    pub fn new(secret: impl Into<String>) -> Self {
        Self(secret.into())
    }

    /// The secret itself. Do not log it.
    #[must_use]
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl From<String> for Secret {
    fn from(s: String) -> Self {
        Self(s)
    }
}

impl From<&str> for Secret {
    fn from(s: &str) -> Self {
        Self(s.to_owned())
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// How the client authenticates.
///
/// ```
/// use zoom_user_update::Auth;
///
/// let static_token = Auth::bearer("eyJhbGciOi...");
/// let s2s = Auth::server_to_server("account-id", "client-id", "client-secret");
/// assert!(!format!("{s2s:?}").contains("client-secret"));
/// # let _ = static_token;
/// ```
#[derive(Clone, Debug)]
pub struct Auth(AuthKind);

#[derive(Clone, Debug)]
enum AuthKind {
    Bearer(Secret),
    ServerToServer(ServerToServer),
}

/// The credentials of a Server-to-Server OAuth app.
#[derive(Clone, Debug)]
struct ServerToServer {
    account_id: String,
    client_id: String,
    client_secret: Secret,
    token_url: String,
    /// Renew a token this long before it expires.
    renew_before: Duration,
}

impl Auth {
    /// A fixed access token, sent as `Authorization: Bearer <token>`.
    #[must_use]
    pub fn bearer(token: impl Into<Secret>) -> Self {
        Self(AuthKind::Bearer(token.into()))
    }

    /// Server-to-Server OAuth (`grant_type=account_credentials`): a token is fetched on first
    /// use, cached, renewed 5 minutes before it expires and after a 401 with code 124.
    #[must_use]
    pub fn server_to_server(
        account_id: impl Into<String>,
        client_id: impl Into<String>,
        client_secret: impl Into<Secret>,
    ) -> Self {
        Self(AuthKind::ServerToServer(ServerToServer {
            account_id: account_id.into(),
            client_id: client_id.into(),
            client_secret: client_secret.into(),
            token_url: DEFAULT_TOKEN_URL.to_owned(),
            renew_before: Duration::from_secs(300),
        }))
    }

    /// The OAuth token endpoint (default [`DEFAULT_TOKEN_URL`]); no effect on a bearer token.
    #[must_use]
    pub fn token_url(mut self, url: impl Into<String>) -> Self {
        if let AuthKind::ServerToServer(s) = &mut self.0 {
            s.token_url = url.into();
        }
        self
    }

    /// How long before expiry a cached token is renewed (default 5 minutes).
    #[must_use]
    pub fn renew_before(mut self, margin: Duration) -> Self {
        if let AuthKind::ServerToServer(s) = &mut self.0 {
            s.renew_before = margin;
        }
        self
    }

    /// Credentials from the environment, as the command-line tool reads them:
    /// `ZOOM_ACCESS_TOKEN` (a bearer token), or `ZOOM_ACCOUNT_ID`, `ZOOM_CLIENT_ID` and
    /// `ZOOM_CLIENT_SECRET` (Server-to-Server OAuth, with `ZOOM_TOKEN_URL` as the token
    /// endpoint when it is set). Empty variables count as unset.
    ///
    /// ```no_run
    /// use zoom_user_update::{Auth, Client};
    ///
    /// let client = Client::builder(Auth::from_env()?).build()?;
    /// # Ok::<(), zoom_user_update::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::Config`] when neither set of variables is complete.
    pub fn from_env() -> Result<Auth, Error> {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        if let Some(token) = var("ZOOM_ACCESS_TOKEN") {
            return Ok(Auth::bearer(token));
        }
        match (
            var("ZOOM_ACCOUNT_ID"),
            var("ZOOM_CLIENT_ID"),
            var("ZOOM_CLIENT_SECRET"),
        ) {
            (Some(account), Some(client), Some(secret)) => {
                let auth = Auth::server_to_server(account, client, secret);
                Ok(match var("ZOOM_TOKEN_URL") {
                    Some(url) => auth.token_url(url),
                    None => auth,
                })
            }
            _ => Err(Error::Config(
                "no credentials: set ZOOM_ACCESS_TOKEN, or ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET".into(),
            )),
        }
    }
}

/// An `Authorization` header value, marked sensitive.
pub(crate) fn bearer_header(token: &str) -> Result<HeaderValue, AuthError> {
    let mut value =
        HeaderValue::from_str(&format!("Bearer {token}")).map_err(|_| AuthError::InvalidToken)?;
    value.set_sensitive(true);
    Ok(value)
}

#[derive(Clone)]
struct CachedToken {
    header: HeaderValue,
    renew_at: Instant,
}

/// The longest a token is kept, whatever lifetime the token endpoint claims (Zoom's tokens live
/// an hour): a number from a server never makes an `Instant` overflow.
const LONGEST_LIFETIME: Duration = Duration::from_secs(24 * 3600);

/// How much of a token endpoint's answer is read; past it the answer is abandoned.
pub(crate) const TOKEN_ANSWER_BYTES: usize = 64 * 1024;

/// The cache behind an OAuth token source, and the outcome of the latest fetch.
#[derive(Default)]
struct Cache {
    token: Option<CachedToken>,
    /// The failure of the latest fetch, if it failed.
    failure: Option<AuthError>,
}

/// The token source of a client (shared by its clones, in its `Arc`): a static token's header,
/// built once, or Server-to-Server OAuth with its cache.
pub(crate) enum TokenSource {
    /// The header of a static bearer token, or why the token cannot be one.
    Fixed(Result<HeaderValue, AuthError>),
    OAuth(Box<OAuth>),
}

pub(crate) struct OAuth {
    credentials: ServerToServer,
    /// The token endpoint, parsed and checked once when the client is built.
    token_url: reqwest::Url,
    cache: Mutex<Cache>,
    /// How many fetches have finished (written under the cache lock): a waiter that saw fewer
    /// before it waited shares the outcome of the one that finished meanwhile.
    fetches: AtomicU64,
    /// How long one token fetch may take in all, so a token endpoint that hangs cannot hold the
    /// cache lock forever.
    fetch_timeout: Duration,
}

impl fmt::Debug for TokenSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Fixed(_) => f.write_str("TokenSource::Fixed(<redacted>)"),
            Self::OAuth(oauth) => f
                .debug_struct("TokenSource::OAuth")
                .field("credentials", &oauth.credentials)
                .finish_non_exhaustive(),
        }
    }
}

#[derive(serde::Deserialize)]
struct TokenResponse {
    access_token: String,
    #[serde(default)]
    expires_in: Option<u64>,
}

#[derive(serde::Deserialize)]
struct TokenError {
    reason: Option<String>,
    error: Option<String>,
}

/// Reads a token endpoint's answer (`status`, `body`) into a token to renew `renew_before` its
/// expiry, as of `now`. Any bytes and any numbers are handled without a panic: a lifetime past
/// a day is a day.
///
/// # Errors
///
/// [`AuthError::Rejected`] for a status that is not a success (with the endpoint's `reason` or
/// `error`, if it sent one), [`AuthError::InvalidResponse`] for a success that holds no token,
/// [`AuthError::InvalidToken`] for a token that cannot be a header value.
pub(crate) fn read_token_answer(
    status: u16,
    body: &[u8],
    renew_before: Duration,
    now: Instant,
) -> Result<(HeaderValue, Instant), AuthError> {
    if !(200..300).contains(&status) {
        let reason = serde_json::from_slice::<TokenError>(body)
            .ok()
            .and_then(|e| e.reason.or(e.error));
        return Err(AuthError::Rejected { status, reason });
    }
    let token: TokenResponse =
        serde_json::from_slice(body).map_err(|_| AuthError::InvalidResponse)?;
    if token.access_token.is_empty() {
        return Err(AuthError::InvalidResponse);
    }
    let lifetime = Duration::from_secs(token.expires_in.unwrap_or(3600)).min(LONGEST_LIFETIME);
    let renew_in = lifetime.saturating_sub(renew_before.min(lifetime / 2));
    let renew_at = now.checked_add(renew_in).unwrap_or(now);
    Ok((bearer_header(&token.access_token)?, renew_at))
}

impl TokenSource {
    /// The token source of `auth`; `check_url` parses and checks an OAuth token endpoint.
    ///
    /// # Errors
    ///
    /// What `check_url` returns for the token endpoint.
    pub(crate) fn new(
        auth: Auth,
        fetch_timeout: Duration,
        check_url: impl FnOnce(&str) -> Result<reqwest::Url, Error>,
    ) -> Result<Self, Error> {
        Ok(match auth.0 {
            AuthKind::Bearer(token) => Self::Fixed(bearer_header(token.expose())),
            AuthKind::ServerToServer(credentials) => Self::OAuth(Box::new(OAuth {
                token_url: check_url(&credentials.token_url)?,
                credentials,
                cache: Mutex::new(Cache::default()),
                fetches: AtomicU64::new(0),
                fetch_timeout,
            })),
        })
    }

    pub(crate) fn can_renew(&self) -> bool {
        matches!(self, Self::OAuth(_))
    }

    /// The `Authorization` header to send now.
    pub(crate) async fn header(&self, http: &reqwest::Client) -> Result<HeaderValue, AuthError> {
        match self {
            Self::Fixed(header) => header.clone(),
            Self::OAuth(oauth) => oauth.header(http).await,
        }
    }

    /// Forgets `rejected` (after a 401 code 124), unless a newer token replaced it already.
    pub(crate) async fn invalidate(&self, rejected: &HeaderValue) {
        if let Self::OAuth(oauth) = self {
            let mut cache = oauth.cache.lock().await;
            if cache.token.as_ref().is_some_and(|t| t.header == rejected) {
                cache.token = None;
            }
        }
    }
}

impl OAuth {
    /// The cached token, or a fresh one. One fetch at a time: callers that wait while a fetch
    /// runs share its outcome, a token or a failure, so a token endpoint that fails costs one
    /// fetch per failure, not one per waiter.
    async fn header(&self, http: &reqwest::Client) -> Result<HeaderValue, AuthError> {
        let seen = self.fetches.load(Ordering::Acquire);
        let mut cache = self.cache.lock().await;
        if let Some(token) = cache.token.as_ref().filter(|t| Instant::now() < t.renew_at) {
            return Ok(token.header.clone());
        }
        if self.fetches.load(Ordering::Acquire) != seen
            && let Some(failure) = &cache.failure
        {
            return Err(failure.clone());
        }
        let span = tracing::debug_span!("zoom.oauth_token", url = %self.token_url);
        let fetched = self.fetch(http).instrument(span).await;
        self.fetches.fetch_add(1, Ordering::Release);
        match fetched {
            Ok(fresh) => {
                let header = fresh.header.clone();
                cache.token = Some(fresh);
                cache.failure = None;
                Ok(header)
            }
            Err(e) => {
                cache.failure = Some(e.clone());
                Err(e)
            }
        }
    }

    async fn fetch(&self, http: &reqwest::Client) -> Result<CachedToken, AuthError> {
        let s2s = &self.credentials;
        let response = http
            .post(self.token_url.clone())
            .timeout(self.fetch_timeout)
            .basic_auth(&s2s.client_id, Some(s2s.client_secret.expose()))
            .form(&[
                ("grant_type", "account_credentials"),
                ("account_id", &s2s.account_id),
            ])
            .send()
            .await
            .map_err(|e| AuthError::Transport(Arc::new(e.without_url())))?;
        // A custom HTTP client may follow redirects: a token from another URL is not taken.
        if *response.url() != self.token_url {
            return Err(AuthError::Redirected);
        }
        let status = response.status().as_u16();
        let success = response.status().is_success();
        let body = match read_limited(response, TOKEN_ANSWER_BYTES).await {
            Ok(body) => body,
            // A refusal too long to read is still a refusal (its reason unknown).
            Err(Limited::TooLarge(_)) if !success => Vec::new(),
            Err(Limited::TooLarge(_)) => return Err(AuthError::InvalidResponse),
            Err(Limited::Transport(e)) => {
                return Err(AuthError::Transport(Arc::new(e.without_url())));
            }
        };
        let (header, renew_at) = read_token_answer(status, &body, s2s.renew_before, Instant::now())
            .inspect_err(|e| {
                if let AuthError::Rejected { status, .. } = e {
                    tracing::warn!(status, "token endpoint refused the credentials");
                }
            })?;
        tracing::debug!("fetched an access token");
        Ok(CachedToken { header, renew_at })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_answer_with_any_lifetime_reads_without_a_panic() {
        let now = Instant::now();
        for lifetime in [
            "0",
            "1",
            "3600",
            "10000000000000000000",
            "18446744073709551615",
        ] {
            let body = format!(r#"{{"access_token": "t", "expires_in": {lifetime}}}"#);
            let (_, renew_at) =
                read_token_answer(200, body.as_bytes(), Duration::MAX, now).unwrap();
            assert!(renew_at <= now + LONGEST_LIFETIME, "{lifetime}");
        }
        for bad in ["-1", "1e30", "\"3600\""] {
            let body = format!(r#"{{"access_token": "t", "expires_in": {bad}}}"#);
            assert!(matches!(
                read_token_answer(200, body.as_bytes(), Duration::ZERO, now),
                Err(AuthError::InvalidResponse)
            ));
        }
        assert!(matches!(
            read_token_answer(500, b"\xff\x00", Duration::ZERO, now),
            Err(AuthError::Rejected {
                status: 500,
                reason: None
            })
        ));
    }
}
