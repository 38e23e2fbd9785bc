//! `Auth`: a static bearer token or Server-to-Server OAuth, with a token cache.

use std::fmt;
use std::sync::Arc;
use std::time::{Duration, Instant};

use reqwest::header::HeaderValue;
use tokio::sync::Mutex;
use tracing::Instrument;

use crate::{AuthError, Error};

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

    pub(crate) fn token_endpoint(&self) -> Option<&str> {
        match &self.0 {
            AuthKind::Bearer(_) => None,
            AuthKind::ServerToServer(s) => Some(&s.token_url),
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

/// The token source a client uses: the credentials and, for OAuth, the cache. Shared by clones.
#[derive(Clone)]
pub(crate) struct TokenSource {
    auth: Auth,
    /// A static bearer token's header, built once.
    fixed: Option<Option<HeaderValue>>,
    cache: Arc<Mutex<Option<CachedToken>>>,
    /// How long one token fetch may take in all, so a token endpoint that hangs cannot hold the
    /// cache lock forever.
    fetch_timeout: Duration,
}

impl fmt::Debug for TokenSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TokenSource")
            .field("auth", &self.auth)
            .finish_non_exhaustive()
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

impl TokenSource {
    pub(crate) fn new(auth: Auth, fetch_timeout: Duration) -> Self {
        let fixed = match &auth.0 {
            AuthKind::Bearer(token) => Some(bearer_header(token.expose()).ok()),
            AuthKind::ServerToServer(_) => None,
        };
        Self {
            auth,
            fixed,
            cache: Arc::new(Mutex::new(None)),
            fetch_timeout,
        }
    }

    pub(crate) fn can_renew(&self) -> bool {
        matches!(self.auth.0, AuthKind::ServerToServer(_))
    }

    /// The `Authorization` header to send now. For OAuth, one fetch at a time: concurrent
    /// callers wait on the lock and then share the token the first one fetched.
    pub(crate) async fn header(&self, http: &reqwest::Client) -> Result<HeaderValue, AuthError> {
        let s2s = match (&self.fixed, &self.auth.0) {
            (Some(Some(header)), _) => return Ok(header.clone()),
            (Some(None), _) => return Err(AuthError::InvalidToken),
            (None, AuthKind::ServerToServer(s2s)) => s2s,
            (None, AuthKind::Bearer(token)) => return bearer_header(token.expose()),
        };
        let mut cache = self.cache.lock().await;
        if let Some(token) = cache.as_ref().filter(|t| Instant::now() < t.renew_at) {
            return Ok(token.header.clone());
        }
        let span = tracing::debug_span!("zoom.oauth_token", url = %s2s.token_url);
        let fresh = self.fetch(http, s2s).instrument(span).await?;
        let header = fresh.header.clone();
        *cache = Some(fresh);
        Ok(header)
    }

    /// Forgets `rejected` (after a 401 code 124), unless a newer token replaced it already.
    pub(crate) async fn invalidate(&self, rejected: &HeaderValue) {
        let mut cache = self.cache.lock().await;
        if cache.as_ref().is_some_and(|t| t.header == rejected) {
            *cache = None;
        }
    }

    async fn fetch(
        &self,
        http: &reqwest::Client,
        s2s: &ServerToServer,
    ) -> Result<CachedToken, AuthError> {
        let response = http
            .post(&s2s.token_url)
            .timeout(self.fetch_timeout)
            .basic_auth(&s2s.client_id, Some(s2s.client_secret.expose()))
            .form(&[
                ("grant_type", "account_credentials"),
                ("account_id", &s2s.account_id),
            ])
            .send()
            .await
            .map_err(|e| AuthError::Transport(e.without_url().into()))?;
        let status = response.status();
        let body = response
            .bytes()
            .await
            .map_err(|e| AuthError::Transport(e.into()))?;
        if !status.is_success() {
            let reason = serde_json::from_slice::<TokenError>(&body)
                .ok()
                .and_then(|e| e.reason.or(e.error));
            tracing::warn!(
                status = status.as_u16(),
                "token endpoint refused the credentials"
            );
            return Err(AuthError::Rejected {
                status: status.as_u16(),
                reason,
            });
        }
        let token: TokenResponse =
            serde_json::from_slice(&body).map_err(|_| AuthError::InvalidResponse)?;
        if token.access_token.is_empty() {
            return Err(AuthError::InvalidResponse);
        }
        let lifetime = Duration::from_secs(token.expires_in.unwrap_or(3600));
        let renew_in = lifetime.saturating_sub(s2s.renew_before.min(lifetime / 2));
        tracing::debug!(expires_in_s = lifetime.as_secs(), "fetched an access token");
        Ok(CachedToken {
            header: bearer_header(&token.access_token)?,
            renew_at: Instant::now() + renew_in,
        })
    }
}
