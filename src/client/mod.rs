//! Layer 3, the client: [`Client`], the handwritten client users call. It sends any edition's
//! body through that edition's generated client, with its hooks (`hooks.rs`), auth
//! (`auth.rs`), retries (`retry.rs`), pacing (`pacing.rs`) and typed errors (`error.rs`;
//! `answer.rs` reads Zoom's answers); `request.rs` is one update on its way, `bulk.rs` many.

pub(crate) mod answer;
pub(crate) mod auth;
pub(crate) mod bulk;
pub(crate) mod error;
pub(crate) mod hooks;
pub(crate) mod limits;
pub(crate) mod pacing;
pub(crate) mod prepared;
pub(crate) mod rate_limit;
pub(crate) mod request;
pub(crate) mod retry;
pub(crate) mod stop;

use std::sync::Arc;
use std::time::Duration;

use reqwest::header::HeaderValue;

use crate::body::bulk_line::BulkLineOf;
use crate::body::update::Update;
use crate::client::auth::{Auth, TokenSource};
use crate::client::error::Error;
use crate::client::pacing::{Pacer, Pacing, RateBudget};
use crate::client::request::UpdateUserRequest;
use crate::client::retry::RetryPolicy;
use crate::types::UserId;

/// Locks a mutex whose data stays valid even if a holder panicked (the client's mutexes guard
/// plain slots and schedules), so a panic elsewhere never turns into a second one here.
pub(crate) fn lock<T>(mutex: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Zoom's API base URL.
pub const DEFAULT_BASE_URL: &str = "https://api.zoom.us/v2";

/// The client for `PATCH /users/{userId}`: auth, timeouts, retries, pacing and typed errors
/// around the generated client. Cheap to clone; clones share the token cache and the rate
/// budget.
///
/// ```no_run
/// use zoom_user_update::{Auth, Client, UserId, UserUpdate};
///
/// # async fn run() -> Result<(), zoom_user_update::Error> {
/// let client = Client::builder(Auth::server_to_server("account", "client-id", "secret")).build()?;
/// let update = UserUpdate::builder().timezone("Europe/Berlin").build()?;
/// client.update_user(&"jane@example.com".parse()?, &update).await?;
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug)]
pub struct Client {
    pub(crate) inner: Arc<Inner>,
}

#[derive(Debug)]
pub(crate) struct Inner {
    pub(crate) base_url: String,
    pub(crate) http: reqwest::Client,
    pub(crate) tokens: TokenSource,
    pub(crate) retry: RetryPolicy,
    pub(crate) pacer: Option<Pacer>,
    pub(crate) timeout: Duration,
    pub(crate) user_agent: HeaderValue,
}

/// Configures a [`Client`].
#[derive(Debug)]
#[must_use]
pub struct ClientBuilder {
    base_url: String,
    auth: Auth,
    connect_timeout: Duration,
    timeout: Duration,
    retry: RetryPolicy,
    pacing: Option<Pacing>,
    user_agent: String,
    http: Option<reqwest::Client>,
    allow_http: bool,
}

impl Client {
    /// A builder with Zoom's base URL, a 10 s connect and 30 s total timeout, the default
    /// [`RetryPolicy`] and no rate budget.
    pub fn builder(auth: Auth) -> ClientBuilder {
        ClientBuilder {
            base_url: DEFAULT_BASE_URL.to_owned(),
            auth,
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(30),
            retry: RetryPolicy::default(),
            pacing: None,
            user_agent: concat!(env!("CARGO_PKG_NAME"), "/", env!("CARGO_PKG_VERSION")).to_owned(),
            http: None,
            allow_http: false,
        }
    }

    /// Starts an update of `user_id` with `update`, a validated body of any edition (Zoom's
    /// current [`UserUpdate`](crate::UserUpdate), the reference page's
    /// [`v2021::UserUpdate`](crate::v2021::UserUpdate), or an [`AnyUpdate`](crate::AnyUpdate)
    /// of an edition chosen at run time); `.await` it to send, or add a
    /// [`login_type`](UpdateUserRequest::login_type) or the edition's
    /// [`query`](UpdateUserRequest::query) first. Only a validated update can be sent. The
    /// request owns what it needs (it is `'static`), so it can be spawned.
    pub fn update_user<U: Update>(&self, user_id: &UserId, update: &U) -> UpdateUserRequest<U> {
        UpdateUserRequest::new(self.clone(), user_id.clone(), update)
    }

    /// The request one line of a bulk file asks for: its user, its query parameters and its
    /// body (for [`Client::update_many`], say).
    pub fn update_line<U: Update>(&self, line: &BulkLineOf<U>) -> UpdateUserRequest<U> {
        self.update_user(&line.user_id, &line.update)
            .query(line.query.clone())
    }

    /// The base URL requests go to.
    #[must_use]
    pub fn base_url(&self) -> &str {
        &self.inner.base_url
    }

    /// The pace of the client's rate budget now, in requests per second (`None` without a
    /// budget). A fixed budget's is constant; an adaptive one's follows what Zoom says.
    #[must_use]
    pub fn pace(&self) -> Option<f64> {
        self.inner.pacer.as_ref().map(Pacer::per_second)
    }
}

impl ClientBuilder {
    /// The API base URL (default [`DEFAULT_BASE_URL`]). It must be `https://`, unless the host
    /// is loopback or [`allow_http`](Self::allow_http) is set.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = url.into();
        self
    }

    /// Allows a plain `http://` base URL or token URL on a host that is not loopback. Tokens
    /// then travel in clear text.
    pub fn allow_http(mut self, allow: bool) -> Self {
        self.allow_http = allow;
        self
    }

    /// How long connecting may take (default 10 s; only for the client this builder makes).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// How long one attempt may take in all, answer included (default 30 s). A fetch of an
    /// OAuth token gets the same limit.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// The retry policy (default [`RetryPolicy::default`]).
    pub fn retry(mut self, retry: RetryPolicy) -> Self {
        self.retry = retry;
        self
    }

    /// Paces requests at `budget`'s rate, shared by every clone of the client.
    pub fn rate_budget(mut self, budget: RateBudget) -> Self {
        self.pacing = Some(Pacing::Fixed(budget));
        self
    }

    /// Paces requests at most at `budget`'s rate, shared by every clone of the client, and
    /// slower while other apps of the account use part of it: Zoom counts the budget per account
    /// across all its apps. The pace follows what Zoom's answers say (`X-RateLimit-Remaining`,
    /// per-second 429s) and climbs back when the other apps slow down; see
    /// [`Client::pace`] for the pace now.
    pub fn adaptive_rate_budget(mut self, budget: RateBudget) -> Self {
        self.pacing = Some(Pacing::Adaptive(budget));
        self
    }

    /// The `User-Agent` header (default `zoom-user-update/<version>`).
    pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
        self.user_agent = user_agent.into();
        self
    }

    /// Sends with this `reqwest::Client` (its connect timeout and TLS settings apply): a client of
    /// reqwest **0.13**, the version this crate is built with and re-exports as
    /// [`zoom_user_update::reqwest`](crate::reqwest) — build it with
    /// `zoom_user_update::reqwest::Client::builder()`, so that a different `reqwest` of your own
    /// program cannot be mistaken for it. Build it
    /// with `.redirect(reqwest::redirect::Policy::none())`, as this crate's own client is: Zoom's
    /// API does not redirect, and an answer that came through a redirect is refused (after the
    /// redirect target has seen the request): an API answer as [`Error::UnexpectedResponse`], a
    /// token endpoint's as [`AuthError::Redirected`](crate::AuthError::Redirected).
    pub fn http_client(mut self, http: reqwest::Client) -> Self {
        self.http = Some(http);
        self
    }

    /// Builds the client.
    ///
    /// # Errors
    ///
    /// [`Error::Config`] for a base or token URL that does not parse or is plain `http://` on a
    /// host that is not loopback (without [`allow_http`](Self::allow_http)), an unusable user
    /// agent, or a reqwest client that cannot be built.
    pub fn build(self) -> Result<Client, Error> {
        let base_url = self.base_url.trim_end_matches('/').to_owned();
        check_url("base url", &base_url, self.allow_http)?;
        let allow_http = self.allow_http;
        let tokens = TokenSource::new(self.auth, self.timeout, |url| {
            check_url("token url", url, allow_http)
        })?;
        let user_agent = HeaderValue::from_str(&self.user_agent)
            .map_err(|_| Error::Config("the user agent is not a valid header value".into()))?;
        let http = match self.http {
            Some(http) => http,
            // No redirect is followed (a 3xx is an unexpected answer) and no `Referer` is sent.
            None => reqwest::Client::builder()
                .connect_timeout(self.connect_timeout)
                .redirect(reqwest::redirect::Policy::none())
                .referer(false)
                .build()
                .map_err(|e| Error::Config(format!("cannot build the http client: {e}")))?,
        };
        Ok(Client {
            inner: Arc::new(Inner {
                base_url,
                http,
                tokens,
                retry: self.retry,
                pacer: self.pacing.map(Pacer::new),
                timeout: self.timeout,
                user_agent,
            }),
        })
    }
}

/// `url` parsed, if it is https, or plain http on loopback or with `allow_http`.
fn check_url(what: &str, url: &str, allow_http: bool) -> Result<reqwest::Url, Error> {
    let parsed =
        reqwest::Url::parse(url).map_err(|e| Error::Config(format!("{what} {url:?}: {e}")))?;
    match parsed.scheme() {
        "https" => Ok(parsed),
        "http" if allow_http || is_loopback(&parsed) => Ok(parsed),
        "http" => Err(Error::Config(format!(
            "{what} {url:?} is plain http on a host that is not loopback: tokens would travel in clear text (use https, or allow_http(true))"
        ))),
        other => Err(Error::Config(format!(
            "{what} {url:?}: unsupported scheme {other}"
        ))),
    }
}

fn is_loopback(url: &reqwest::Url) -> bool {
    url.host_str().is_some_and(|host| {
        host.eq_ignore_ascii_case("localhost")
            || host
                .trim_start_matches('[')
                .trim_end_matches(']')
                .parse::<std::net::IpAddr>()
                .is_ok_and(|ip| ip.is_loopback())
    })
}
