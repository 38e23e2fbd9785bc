//! `Client`: the handwritten client users call. It sends through the generated client.

use std::future::{Future, IntoFuture};
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use reqwest::header::HeaderValue;
use tracing::Instrument;

use crate::auth::{Auth, TokenSource};
use crate::error::{ApiError, Error, FieldError};
use crate::generated::{self, types::ZoomError};
use crate::hooks::{Capture, Hooks, Observed, PreparedRequest};
use crate::lock;
use crate::pacing::{Pacer, RateBudget};
use crate::rate_limit::RateLimit;
use crate::retry::RetryPolicy;
use crate::{LoginType, UserId, UserUpdate};

/// Zoom's API base URL.
pub const DEFAULT_BASE_URL: &str = "https://api.zoom.us/v2";

/// The client for `PATCH /users/{userId}`: auth, timeouts, retries, pacing and typed errors
/// around the generated client. Cheap to clone; clones share the token cache and the rate
/// budget.
///
/// ```no_run
/// use zoom_user_update::{Auth, Client, UserId, UserUpdate};
///
/// # async fn run() -> Result<(), Box<dyn std::error::Error>> {
/// let client = Client::builder(Auth::server_to_server("account", "client-id", "secret")).build()?;
/// let update = UserUpdate::builder().timezone("Europe/Berlin").build()?;
/// client.update_user(&UserId::me(), &update).await?;
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug)]
pub struct Client {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    base_url: String,
    http: reqwest::Client,
    tokens: TokenSource,
    retry: RetryPolicy,
    pacer: Option<Pacer>,
    timeout: Duration,
    user_agent: HeaderValue,
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
    budget: Option<RateBudget>,
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
            budget: None,
            user_agent: concat!(env!("CARGO_PKG_NAME"), "/", env!("CARGO_PKG_VERSION")).to_owned(),
            http: None,
            allow_http: false,
        }
    }

    /// Starts an update of `user_id`; `.await` it to send, or add a
    /// [`login_type`](UpdateUserRequest::login_type) first. Only a validated [`UserUpdate`]
    /// can be sent.
    pub fn update_user<'a>(
        &'a self,
        user_id: &'a UserId,
        update: &'a UserUpdate,
    ) -> UpdateUserRequest<'a> {
        UpdateUserRequest {
            client: self,
            user_id,
            update,
            login_type: None,
        }
    }

    /// The base URL requests go to.
    #[must_use]
    pub fn base_url(&self) -> &str {
        &self.inner.base_url
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

    /// Paces requests under `budget`, shared by every clone of the client.
    pub fn rate_budget(mut self, budget: RateBudget) -> Self {
        self.budget = Some(budget);
        self
    }

    /// The `User-Agent` header (default `zoom-user-update/<version>`).
    pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
        self.user_agent = user_agent.into();
        self
    }

    /// Sends with this `reqwest::Client` (its connect timeout and TLS settings apply).
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
        if let Some(token_url) = self.auth.token_endpoint() {
            check_url("token url", token_url, self.allow_http)?;
        }
        let user_agent = HeaderValue::from_str(&self.user_agent)
            .map_err(|_| Error::Config("the user agent is not a valid header value".into()))?;
        let http = match self.http {
            Some(http) => http,
            None => reqwest::Client::builder()
                .connect_timeout(self.connect_timeout)
                .build()
                .map_err(|e| Error::Config(format!("cannot build the http client: {e}")))?,
        };
        Ok(Client {
            inner: Arc::new(Inner {
                base_url,
                http,
                tokens: TokenSource::new(self.auth, self.timeout),
                retry: self.retry,
                pacer: self.budget.map(Pacer::new),
                timeout: self.timeout,
                user_agent,
            }),
        })
    }
}

fn check_url(what: &str, url: &str, allow_http: bool) -> Result<(), Error> {
    let parsed =
        reqwest::Url::parse(url).map_err(|e| Error::Config(format!("{what} {url:?}: {e}")))?;
    match parsed.scheme() {
        "https" => Ok(()),
        "http" if allow_http || is_loopback(&parsed) => Ok(()),
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

/// One update, ready to send: `.await` it (or call [`send`](Self::send)).
#[must_use = "an update request does nothing until it is awaited"]
#[derive(Debug)]
pub struct UpdateUserRequest<'a> {
    client: &'a Client,
    user_id: &'a UserId,
    update: &'a UserUpdate,
    login_type: Option<LoginType>,
}

impl<'a> UpdateUserRequest<'a> {
    /// Adds the `login_type` query parameter.
    pub fn login_type(mut self, login_type: LoginType) -> Self {
        self.login_type = Some(login_type);
        self
    }

    /// Sends the update, retrying as the client's [`RetryPolicy`] says.
    ///
    /// # Errors
    ///
    /// [`Error::Api`] for Zoom's documented refusals, [`Error::RateLimited`],
    /// [`Error::Auth`], [`Error::Timeout`], [`Error::Transport`],
    /// [`Error::UnexpectedResponse`], and [`Error::RetriesExhausted`] around the last
    /// retryable one.
    pub fn send(self) -> impl Future<Output = Result<(), Error>> + Send + 'a {
        let span = tracing::info_span!(
            "zoom.update_user",
            http.method = "PATCH",
            url.template = "/users/{userId}",
            login_type = self.login_type.map(|t| t.as_str()),
        );
        self.send_with_retries().instrument(span)
    }

    /// Builds the exact request [`send`](Self::send) would send, with the `Authorization` value
    /// redacted, and sends nothing (no token is fetched either).
    ///
    /// # Errors
    ///
    /// [`Error::Config`] if the generated client cannot build the request.
    pub async fn dry_run(self) -> Result<PreparedRequest, Error> {
        let capture = Arc::new(Mutex::new(None));
        let mut placeholder = HeaderValue::from_static("Bearer <redacted>");
        placeholder.set_sensitive(true);
        let generated = self.generated(placeholder, None, Some(capture.clone()));
        if let Err(e) = self.call(&generated).await {
            return Err(map_error(e, None).await);
        }
        let captured = lock(&capture).take();
        captured.ok_or_else(|| Error::Config("the request was not captured".into()))
    }

    /// A generated client for one attempt (or one dry run): its hooks add this `Authorization`
    /// and the client's user agent, and leave an error answer's status in `observed` or the
    /// request in `capture`.
    fn generated(
        &self,
        authorization: HeaderValue,
        observed: Option<Observed>,
        capture: Option<Capture>,
    ) -> generated::Client {
        let inner = &self.client.inner;
        let hooks = Hooks {
            authorization: Some(authorization),
            user_agent: Some(inner.user_agent.clone()),
            observed,
            capture,
        };
        generated::Client::new_with_client(&inner.base_url, inner.http.clone(), hooks)
    }

    /// The call of the generated client for this update. A plain fn returning the generated
    /// future: an `async fn` wrapper would add its own copy of the arguments to every request's
    /// future.
    fn call<'c>(
        &'c self,
        generated: &'c generated::Client,
    ) -> impl Future<Output = Result<generated::ResponseValue<()>, generated::Error<ZoomError>>> + 'c
    {
        generated.user_update(
            self.user_id.as_str(),
            self.login_type.map(LoginType::to_raw),
            self.update.as_raw(),
        )
    }

    async fn send_with_retries(self) -> Result<(), Error> {
        let inner = &self.client.inner;
        // Built at the first retry, and boxed: most requests never retry, and the backoff state
        // would otherwise sit in every request's future.
        let mut delays = None;
        let mut renewed_token = false;
        for attempt in 1.. {
            let (result, sent_with) = self.attempt(attempt).await;
            let Err(err) = result else {
                return Ok(());
            };
            // A rejected OAuth token is renewed once, at once.
            if let (Some(header), Some(api)) = (&sent_with, err.as_api())
                && api.status == 401
                && api.code == 124
                && inner.tokens.can_renew()
                && !renewed_token
            {
                renewed_token = true;
                inner.tokens.invalidate(header).await;
                tracing::info!(attempt, "access token rejected; fetching a new one");
                continue;
            }
            if !err.is_retryable() {
                return Err(err);
            }
            let asked = err.retry_after();
            if asked.is_some_and(|d| d > inner.retry.longest_wait()) {
                return Err(err);
            }
            let backoff = delays
                .get_or_insert_with(|| Box::new(inner.retry.delays()))
                .next();
            let Some(backoff) = backoff else {
                return Err(if attempt == 1 {
                    err
                } else {
                    Error::RetriesExhausted {
                        attempts: attempt,
                        last: Box::new(err),
                    }
                });
            };
            let wait = asked.unwrap_or(backoff);
            tracing::info!(
                attempt,
                wait_ms = u64::try_from(wait.as_millis()).unwrap_or(u64::MAX),
                error = %err,
                "retrying"
            );
            tokio::time::sleep(wait).await;
        }
        unreachable!("the attempt loop only ends by returning")
    }

    /// One attempt: pace, authenticate, send. Also returns the `Authorization` value used.
    ///
    /// The generated call (about 650 bytes) and the error mapping (which may read a body) are
    /// boxed, as is an OAuth token fetch: inline, they would make the future of every update
    /// about 2.8 KB, which `.await` on the builder boxes again, past the sizes the allocator
    /// serves from its per-thread cache, and which is copied as it is built. Boxed, the
    /// update's future is under 1 KB (a test checks it) at the price of one small allocation.
    async fn attempt(&self, attempt: u32) -> (Result<(), Error>, Option<HeaderValue>) {
        let inner = &self.client.inner;
        if let Some(pacer) = &inner.pacer {
            pacer.ready().await;
        }
        let authorization = match inner.tokens.header(&inner.http).await {
            Ok(header) => header,
            Err(e) => return (Err(Error::Auth(e)), None),
        };
        let observed = Arc::new(Mutex::new(None));
        let generated = self.generated(authorization.clone(), Some(observed.clone()), None);
        let span = tracing::debug_span!("zoom.attempt", attempt, status = tracing::field::Empty);
        // The timeout covers the whole exchange, reading an error answer's body included.
        let exchange = async {
            match Box::pin(self.call(&generated)).await {
                Ok(response) => Ok(response.status().as_u16()),
                Err(e) => {
                    let observed = lock(&observed).take();
                    Err(Box::pin(map_error(e, observed)).await)
                }
            }
        };
        let result = tokio::time::timeout(inner.timeout, exchange)
            .instrument(span.clone())
            .await
            .unwrap_or_else(|elapsed| Err(Error::timeout(elapsed)));
        let status = match &result {
            Ok(status) => Some(*status),
            Err(e) => e.status(),
        };
        if let Some(status) = status {
            span.record("status", status);
        }
        let result = result.map(drop);
        (result, Some(authorization))
    }
}

impl<'a> IntoFuture for UpdateUserRequest<'a> {
    type Output = Result<(), Error>;
    type IntoFuture = Pin<Box<dyn Future<Output = Result<(), Error>> + Send + 'a>>;

    fn into_future(self) -> Self::IntoFuture {
        Box::pin(self.send())
    }
}

/// The SDK's error for an error of the generated client (an undocumented answer's body is read,
/// up to 1 KiB, for diagnosis).
async fn map_error(
    e: generated::Error<ZoomError>,
    observed: Option<(u16, reqwest::header::HeaderMap)>,
) -> Error {
    use generated::Error as G;
    let now = SystemTime::now();
    match e {
        G::ErrorResponse(response) => {
            let status = response.status().as_u16();
            let limit = (status == 429).then(|| RateLimit::from_headers(response.headers(), now));
            let body = response.into_inner();
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
                        .map(|f| FieldError {
                            field: f.field,
                            message: f.message,
                        })
                        .collect(),
                }),
            }
        }
        G::UnexpectedResponse(response) => {
            let status = response.status().as_u16();
            let bytes = response.bytes().await.unwrap_or_default();
            let body = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).into_owned();
            Error::UnexpectedResponse { status, body }
        }
        // A documented status whose body is not Zoom's error body (a proxy's page, say).
        G::InvalidResponsePayload(bytes, _) => match observed {
            Some((429, headers)) => {
                Error::RateLimited(Box::new(RateLimit::from_headers(&headers, now)))
            }
            Some((status, _)) => Error::UnexpectedResponse {
                status,
                body: String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).into_owned(),
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
