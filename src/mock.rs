//! A fake Zoom for tests (feature `mock`): an HTTP server on `127.0.0.1:0` that behaves like
//! Zoom for `PATCH /users/{userId}` and the Server-to-Server OAuth token endpoint.
//!
//! - In-memory users, seeded with `me` (`me@example.com`); [`MockZoom::add_user`] adds more.
//!   PATCH merges the body's fields into the user and answers 204.
//! - 404 code 1001 for an unknown user, 401 code 124 for a missing, unknown, expired or
//!   revoked token, 400 code 300 for a body that is not a JSON object.
//! - `POST /oauth/token` with `grant_type=account_credentials`, the account ID and HTTP Basic
//!   `client_id:client_secret` ([`MockZoom::ACCOUNT_ID`], …) issues tokens.
//! - Zoom's headers on every API answer, as Zoom sends them: `X-RateLimit-Category: Light`,
//!   `X-RateLimit-Type: QPS`, `X-RateLimit-Limit` (the budget, 80 by default: Business) and
//!   `X-RateLimit-Remaining` (what is left of it in the last second), and a tracking ID
//!   (`x-zm-trackingid`). An optional per-second budget ([`MockZoomBuilder::rate_limit`])
//!   answers 429 past it, with `Retry-After`.
//! - An optional delay per update ([`MockZoomBuilder::answer_delay`]), and a count of the
//!   updates that arrived while another update of the same user was being answered
//!   ([`MockZoom::overlaps`]).
//! - Injected faults for the next API requests: any status, a rate limit in any `Retry-After`
//!   form, a daily limit, a delay, a dropped connection.
//! - Every request is recorded (method, raw path, query, headers, body, arrival time).
//!
//! It needs a running tokio runtime.
//!
//! ```
//! use zoom_user_update::mock::MockZoom;
//! use zoom_user_update::{Client, UserId, UserUpdate};
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let zoom = MockZoom::start().await;
//! let client = Client::builder(zoom.bearer_auth()).base_url(zoom.base_url()).build()?;
//! let update = UserUpdate::builder().dept("Research").build()?;
//! client.update_user(&UserId::me(), &update).await?;
//! assert_eq!(zoom.user("me").unwrap()["dept"], "Research");
//! # Ok(())
//! # }
//! ```

use std::collections::{HashMap, VecDeque};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::header::HeaderValue;
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use serde_json::{Map, Value, json};
use tokio::net::TcpListener;
use tokio::task::JoinHandle;

use crate::client::auth::{Auth, Secret};
use crate::client::lock;
use crate::client::prepared::{header_list, render, shown_body};

/// A request the fake received.
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RecordedRequest {
    /// The method.
    pub method: String,
    /// The path as received (still percent-encoded).
    pub path: String,
    /// The query string, if any.
    pub query: Option<String>,
    /// Header names (lowercase) and values; `authorization` is shown as `<redacted>`.
    pub headers: Vec<(String, String)>,
    /// The bearer token or Basic credentials sent, if any.
    pub credentials: Option<Secret>,
    /// The body.
    pub body: Vec<u8>,
    /// When it arrived, from the fake's start.
    pub at: Duration,
}

impl RecordedRequest {
    /// The value of a header (first one), by lowercase name.
    #[must_use]
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The body as JSON, if it is JSON.
    #[must_use]
    pub fn json(&self) -> Option<Value> {
        serde_json::from_slice(&self.body).ok()
    }

    /// The `{userId}` of a request to `/v2/users/{userId}`, percent-decoded.
    #[must_use]
    pub fn user_id(&self) -> Option<String> {
        let id = self
            .path
            .strip_prefix("/v2/users/")
            .filter(|id| !id.contains('/'))?;
        Some(
            percent_encoding::percent_decode_str(id)
                .decode_utf8_lossy()
                .into_owned(),
        )
    }

    /// Whether this was a request to the API (not to the token endpoint).
    #[must_use]
    pub fn is_api(&self) -> bool {
        self.path.starts_with("/v2/")
    }
}

/// The same stable text form as [`PreparedRequest`](crate::PreparedRequest)'s `Display`: the
/// request line (path and query), the headers sorted by name (`authorization: <redacted>`;
/// `host` left out, since its port changes from run to run), a blank line and the body.
impl std::fmt::Display for RecordedRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let target = match &self.query {
            Some(query) => format!("{}?{query}", self.path),
            None => self.path.clone(),
        };
        let headers: Vec<_> = self
            .headers
            .iter()
            .filter(|(name, _)| name != "host")
            .cloned()
            .collect();
        render(f, &self.method, &target, &headers, &self.body)
    }
}

impl std::fmt::Debug for RecordedRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RecordedRequest")
            .field("method", &self.method)
            .field("path", &self.path)
            .field("query", &self.query)
            .field("headers", &self.headers)
            .field("body", &shown_body(&self.body).to_string())
            .field("at", &self.at)
            .finish_non_exhaustive()
    }
}

/// A fault injected into the next API request.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Fault {
    /// Answer with this status and body (no body when `None`).
    Status(u16, Option<Value>),
    /// Answer 429 with Zoom's body, `X-RateLimit-Type: QPS` and this `Retry-After`, if any.
    RateLimited(Option<String>),
    /// Answer 429 with `X-RateLimit-Type: Daily-limit`.
    DailyLimit,
    /// Wait this long, then answer normally.
    Delay(Duration),
    /// Close the connection without an answer.
    Drop,
}

/// How long to wait before answering an update: from the user ID (decoded) and the body.
type AnswerDelay = Arc<dyn Fn(&str, &Value) -> Option<Duration> + Send + Sync>;

/// The budget the fake reports in `X-RateLimit-Limit` when it enforces none: Business's 80/s.
const REPORTED_LIMIT: u32 = 80;

/// The fake's settings.
#[derive(Clone)]
#[must_use]
pub struct MockZoomBuilder {
    rate_limit: Option<u32>,
    token_lifetime: Duration,
    competitor: Option<Competitor>,
    answer_delay: Option<AnswerDelay>,
}

impl std::fmt::Debug for MockZoomBuilder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MockZoomBuilder")
            .field("rate_limit", &self.rate_limit)
            .field("token_lifetime", &self.token_lifetime)
            .field("competitor", &self.competitor)
            .field("answer_delay", &self.answer_delay.is_some())
            .finish()
    }
}

/// Another app of the same account, taking part of the per-second budget: it sends at the rate
/// of each phase in turn (repeating them), and each of its requests the budget lets through
/// counts against it as one of the fake's own would. Zoom counts the budget per account across
/// all its apps, so a client shares it with such apps.
///
/// ```
/// use std::time::Duration;
/// use zoom_user_update::mock::Competitor;
///
/// let steady = Competitor::steady(30.0);
/// let bursts = Competitor::phases([(Duration::from_secs(2), 60.0), (Duration::from_secs(1), 0.0)]);
/// # let _ = (steady, bursts);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Competitor {
    phases: Vec<(Duration, f64)>,
}

impl Competitor {
    /// A steady rate, in requests per second.
    #[must_use]
    pub fn steady(per_second: f64) -> Self {
        Self::phases([(Duration::from_secs(3600), per_second)])
    }

    /// Phases of (how long, requests per second), repeated.
    #[must_use]
    pub fn phases(phases: impl IntoIterator<Item = (Duration, f64)>) -> Self {
        Self {
            phases: phases
                .into_iter()
                .filter(|(d, _)| !d.is_zero())
                .map(|(d, rate)| (d, if rate.is_finite() { rate.max(0.0) } else { 0.0 }))
                .collect(),
        }
    }

    /// The rate at `elapsed` since the competitor started.
    fn rate_at(&self, elapsed: Duration) -> f64 {
        let cycle: Duration = self.phases.iter().map(|(d, _)| *d).sum();
        if cycle.is_zero() {
            return 0.0;
        }
        let mut at = Duration::from_nanos(
            (elapsed.as_nanos() % cycle.as_nanos())
                .try_into()
                .unwrap_or(0),
        );
        for (duration, rate) in &self.phases {
            if at < *duration {
                return *rate;
            }
            at -= *duration;
        }
        0.0
    }
}

struct User {
    id: String,
    email: String,
    fields: Map<String, Value>,
    /// Updates of this user being answered now.
    busy: usize,
}

/// What the fake is given at its start and never changes: read without the state's lock.
struct Settings {
    started: Instant,
    answer_delay: Option<AnswerDelay>,
}

struct State {
    users: Vec<User>,
    /// User ID or email → index into `users`.
    index: HashMap<String, usize>,
    requests: Vec<RecordedRequest>,
    tokens: HashMap<String, Instant>,
    issued: u64,
    faults: VecDeque<Fault>,
    rate_limit: Option<u32>,
    /// Arrival times of the API requests the budget let through, within the last second.
    window: VecDeque<Instant>,
    rate_limited: u64,
    token_lifetime: Duration,
    /// API requests being answered now, and the most there were at once.
    in_flight: usize,
    max_in_flight: usize,
    /// Updates that arrived while another update of the same user was being answered.
    overlaps: u64,
    /// Tracking IDs handed out.
    tracked: u64,
    /// The competing app's requests the budget let through, and refused.
    competitor_sent: u64,
    competitor_refused: u64,
}

/// The running fake. Dropping it stops the server.
pub struct MockZoom {
    addr: SocketAddr,
    state: Arc<Mutex<State>>,
    task: JoinHandle<()>,
}

impl std::fmt::Debug for MockZoom {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MockZoom")
            .field("addr", &self.addr)
            .finish_non_exhaustive()
    }
}

impl Drop for MockZoom {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl MockZoomBuilder {
    /// Answer 429 past `per_second` API requests in any one-second window.
    pub fn rate_limit(mut self, per_second: u32) -> Self {
        self.rate_limit = Some(per_second);
        self
    }

    /// Another app of the account that takes part of the per-second budget (with
    /// [`rate_limit`](Self::rate_limit); it runs as long as the fake does).
    pub fn competitor(mut self, competitor: Competitor) -> Self {
        self.competitor = Some(competitor);
        self
    }

    /// Waits before answering an update for as long as `delay` says, given the user ID (decoded)
    /// and the body (`None`: no wait), as a busy Zoom answers some requests later than others.
    ///
    /// ```
    /// use std::time::Duration;
    /// use zoom_user_update::mock::MockZoom;
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// // The updates that set timezone A are answered 200 ms late.
    /// let zoom = MockZoom::builder()
    ///     .answer_delay(|_user, body| (body["timezone"] == "Asia/Tokyo").then(|| Duration::from_millis(200)))
    ///     .start()
    ///     .await;
    /// # let _ = zoom;
    /// # }
    /// ```
    pub fn answer_delay(
        mut self,
        delay: impl Fn(&str, &Value) -> Option<Duration> + Send + Sync + 'static,
    ) -> Self {
        self.answer_delay = Some(Arc::new(delay));
        self
    }

    /// How long issued OAuth tokens live (default 3600 s).
    pub fn token_lifetime(mut self, lifetime: Duration) -> Self {
        self.token_lifetime = lifetime;
        self
    }

    /// Starts the server on `127.0.0.1` and a free port.
    ///
    /// # Panics
    ///
    /// When no loopback port can be bound (a test environment problem).
    pub async fn start(self) -> MockZoom {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind a loopback port");
        let addr = listener
            .local_addr()
            .expect("a bound socket has an address");
        let state = Arc::new(Mutex::new(State {
            users: Vec::new(),
            index: HashMap::new(),
            requests: Vec::new(),
            tokens: HashMap::new(),
            issued: 0,
            faults: VecDeque::new(),
            rate_limit: self.rate_limit,
            window: VecDeque::new(),
            rate_limited: 0,
            token_lifetime: self.token_lifetime,
            in_flight: 0,
            max_in_flight: 0,
            overlaps: 0,
            tracked: 0,
            competitor_sent: 0,
            competitor_refused: 0,
        }));
        if let Some(competitor) = self.competitor {
            let state = state.clone();
            tokio::spawn(compete(state, competitor));
        }
        let settings = Arc::new(Settings {
            started: Instant::now(),
            answer_delay: self.answer_delay,
        });
        let shared = state.clone();
        let task = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let (state, settings) = (shared.clone(), settings.clone());
                tokio::spawn(async move {
                    let service = hyper::service::service_fn(move |req| {
                        let (state, settings) = (state.clone(), settings.clone());
                        async move { handle(state, &settings, req).await }
                    });
                    let _ = hyper::server::conn::http1::Builder::new()
                        .serve_connection(TokioIo::new(stream), service)
                        .await;
                });
            }
        });
        let zoom = MockZoom { addr, state, task };
        zoom.add_user("me", "me@example.com");
        zoom
    }
}

impl MockZoom {
    /// The static access token the fake always accepts.
    pub const ACCESS_TOKEN: &'static str = "mock-access-token";
    /// The Server-to-Server account ID it accepts.
    pub const ACCOUNT_ID: &'static str = "mock-account";
    /// The Server-to-Server client ID it accepts.
    pub const CLIENT_ID: &'static str = "mock-client-id";
    /// The Server-to-Server client secret it accepts.
    pub const CLIENT_SECRET: &'static str = "mock-client-secret";

    /// Settings for a fake.
    pub fn builder() -> MockZoomBuilder {
        MockZoomBuilder {
            rate_limit: None,
            token_lifetime: Duration::from_secs(3600),
            competitor: None,
            answer_delay: None,
        }
    }

    /// Starts a fake with default settings.
    ///
    /// # Panics
    ///
    /// When no loopback port can be bound.
    pub async fn start() -> MockZoom {
        Self::builder().start().await
    }

    /// The API base URL (`http://127.0.0.1:<port>/v2`).
    #[must_use]
    pub fn base_url(&self) -> String {
        format!("http://{}/v2", self.addr)
    }

    /// The OAuth token endpoint URL.
    #[must_use]
    pub fn token_url(&self) -> String {
        format!("http://{}/oauth/token", self.addr)
    }

    /// The address it listens on.
    #[must_use]
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// [`Auth::bearer`] with the static token.
    #[must_use]
    pub fn bearer_auth(&self) -> Auth {
        Auth::bearer(Self::ACCESS_TOKEN)
    }

    /// [`Auth::server_to_server`] with the fake's credentials and token URL.
    #[must_use]
    pub fn server_to_server_auth(&self) -> Auth {
        Auth::server_to_server(Self::ACCOUNT_ID, Self::CLIENT_ID, Self::CLIENT_SECRET)
            .token_url(self.token_url())
    }

    /// Adds a user with this ID and email address (found later by the ID exactly, or by the
    /// address in any case, as Zoom finds users).
    pub fn add_user(&self, id: &str, email: &str) {
        let mut state = lock(&self.state);
        let at = state.users.len();
        state.index.insert(id.to_owned(), at);
        state.index.insert(email.to_lowercase(), at);
        state.users.push(User {
            id: id.to_owned(),
            email: email.to_owned(),
            fields: Map::new(),
            busy: 0,
        });
    }

    /// A user's profile as the updates left it (`id` and `email` included), by ID or email.
    #[must_use]
    pub fn user(&self, id_or_email: &str) -> Option<Value> {
        let state = lock(&self.state);
        let user = &state.users[find(&state.index, id_or_email)?];
        let mut profile = user.fields.clone();
        profile.insert("id".into(), user.id.clone().into());
        profile.insert("email".into(), user.email.clone().into());
        Some(Value::Object(profile))
    }

    /// Every request received, in order of arrival.
    #[must_use]
    pub fn requests(&self) -> Vec<RecordedRequest> {
        lock(&self.state).requests.clone()
    }

    /// The API requests received (token requests left out).
    #[must_use]
    pub fn api_requests(&self) -> Vec<RecordedRequest> {
        lock(&self.state)
            .requests
            .iter()
            .filter(|r| r.is_api())
            .cloned()
            .collect()
    }

    /// How many token requests were received.
    #[must_use]
    pub fn token_requests(&self) -> usize {
        lock(&self.state)
            .requests
            .iter()
            .filter(|r| !r.is_api())
            .count()
    }

    /// The most API requests that were being answered at once.
    #[must_use]
    pub fn max_in_flight(&self) -> usize {
        lock(&self.state).max_in_flight
    }

    /// How many updates arrived while another update of the same user was being answered (two
    /// updates of one user in flight at once).
    #[must_use]
    pub fn overlaps(&self) -> u64 {
        lock(&self.state).overlaps
    }

    /// How many requests of the competing app the per-second budget let through, and refused.
    #[must_use]
    pub fn competitor_requests(&self) -> (u64, u64) {
        let state = lock(&self.state);
        (state.competitor_sent, state.competitor_refused)
    }

    /// How many API requests the per-second budget answered with 429.
    #[must_use]
    pub fn rate_limited(&self) -> u64 {
        lock(&self.state).rate_limited
    }

    /// Queues a fault for the next API request (faults are used in order, one per request).
    pub fn push_fault(&self, fault: Fault) {
        lock(&self.state).faults.push_back(fault);
    }

    /// Sets or clears the per-second budget.
    pub fn set_rate_limit(&self, per_second: Option<u32>) {
        let mut state = lock(&self.state);
        state.rate_limit = per_second;
        state.window.clear();
    }

    /// Revokes every issued OAuth token: the next request with one gets 401 code 124.
    pub fn revoke_tokens(&self) {
        lock(&self.state).tokens.clear();
    }
}

type Answer = Response<Full<Bytes>>;

fn answer(status: StatusCode, body: Option<Value>) -> Answer {
    let mut response = match body {
        Some(body) => {
            let mut r = Response::new(Full::new(Bytes::from(body.to_string())));
            r.headers_mut()
                .insert("content-type", HeaderValue::from_static("application/json"));
            r
        }
        None => Response::new(Full::new(Bytes::new())),
    };
    *response.status_mut() = status;
    response
}

fn zoom_error(status: StatusCode, code: i64, message: &str) -> Answer {
    answer(status, Some(json!({"code": code, "message": message})))
}

fn rate_limited(retry_after: Option<&str>, kind: &'static str, limit: u32) -> Answer {
    let mut response = zoom_error(
        StatusCode::TOO_MANY_REQUESTS,
        429,
        "You have reached the maximum per-second rate limit for this API. Try again later.",
    );
    let headers = response.headers_mut();
    if let Some(value) = retry_after.and_then(|v| v.parse().ok()) {
        headers.insert("retry-after", value);
    }
    headers.insert("x-ratelimit-category", HeaderValue::from_static("Light"));
    headers.insert("x-ratelimit-type", HeaderValue::from_static(kind));
    headers.insert("x-ratelimit-limit", limit.into());
    headers.insert("x-ratelimit-remaining", 0.into());
    response
}

/// A dropped connection: hyper closes the connection when the service fails.
#[derive(Debug)]
struct Dropped;

impl std::fmt::Display for Dropped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("connection dropped by an injected fault")
    }
}

impl std::error::Error for Dropped {}

async fn handle(
    state: Arc<Mutex<State>>,
    settings: &Settings,
    req: Request<Incoming>,
) -> Result<Answer, Dropped> {
    let (parts, body) = req.into_parts();
    let body = body
        .collect()
        .await
        .map(|b| b.to_bytes())
        .unwrap_or_default();
    let credentials = parts
        .headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .map(|v| Secret::new(v.split_once(' ').map_or(v, |(_, c)| c)));
    let recorded = RecordedRequest {
        method: parts.method.to_string(),
        path: parts.uri.path().to_owned(),
        query: parts.uri.query().map(str::to_owned),
        headers: header_list(&parts.headers),
        credentials,
        body: body.to_vec(),
        at: Instant::now() - settings.started,
    };
    if parts.method == hyper::Method::POST && recorded.path == "/oauth/token" {
        let answer = token(&state, &recorded);
        lock(&state).requests.push(recorded);
        return Ok(answer);
    }
    // The user and the body: read once, here.
    let user = recorded.user_id();
    let json = serde_json::from_slice::<Value>(&recorded.body).unwrap_or(Value::Null);
    let (fault, user_index) = {
        let mut s = lock(&state);
        s.requests.push(recorded.clone());
        s.in_flight += 1;
        s.max_in_flight = s.max_in_flight.max(s.in_flight);
        let user_index = user.as_deref().and_then(|user| find(&s.index, user));
        if let Some(at) = user_index {
            s.users[at].busy += 1;
            if s.users[at].busy > 1 {
                s.overlaps += 1;
            }
        }
        (s.faults.pop_front(), user_index)
    };
    // Counts the request out however the answer ends (a dropped connection included).
    struct InFlight(Arc<Mutex<State>>, Option<usize>);
    impl Drop for InFlight {
        fn drop(&mut self) {
            let mut s = lock(&self.0);
            s.in_flight -= 1;
            if let Some(at) = self.1 {
                s.users[at].busy -= 1;
            }
        }
    }
    let _in_flight = InFlight(state.clone(), user_index);
    let update = Update {
        method: &parts.method,
        credentials: recorded.credentials.as_ref(),
        user: user.as_deref(),
        user_index,
        json,
    };
    let mut answer = match fault {
        Some(Fault::Status(status, body)) => {
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            answer(status, body)
        }
        Some(Fault::RateLimited(retry_after)) => rate_limited(retry_after.as_deref(), "QPS", 30),
        Some(Fault::DailyLimit) => rate_limited(None, "Daily-limit", 6000),
        Some(Fault::Drop) => return Err(Dropped),
        Some(Fault::Delay(d)) => {
            tokio::time::sleep(d).await;
            api(&state, update)
        }
        None => {
            // The test's delay runs outside the lock, and only for an answer of the fake's own.
            let delay = settings.answer_delay.as_ref().and_then(|delay| {
                let user = update.user?;
                delay(user, &update.json)
            });
            if let Some(delay) = delay {
                tokio::time::sleep(delay).await;
            }
            api(&state, update)
        }
    };
    stamp(&state, &mut answer);
    Ok(answer)
}

/// An API request, as [`handle`] read it.
struct Update<'a> {
    method: &'a hyper::Method,
    credentials: Option<&'a Secret>,
    /// The decoded `{userId}` of `/v2/users/{userId}` (none for another path).
    user: Option<&'a str>,
    /// The user it names, if the fake knows it.
    user_index: Option<usize>,
    /// The body (`null` where it is not JSON).
    json: Value,
}

/// Zoom's headers on an API answer: a tracking ID, and where the answer has none of its own,
/// the per-second budget and what is left of it.
fn stamp(state: &Mutex<State>, answer: &mut Answer) {
    let mut s = lock(state);
    s.tracked += 1;
    let tracking_id = format!("v=2.0;clid=mock;rid=MOCK_{:08}", s.tracked);
    let limit = s.rate_limit.unwrap_or(REPORTED_LIMIT);
    prune(&mut s.window, Instant::now());
    let remaining = (limit as usize).saturating_sub(s.window.len());
    drop(s);
    let headers = answer.headers_mut();
    if let Ok(value) = HeaderValue::try_from(tracking_id) {
        headers.insert("x-zm-trackingid", value);
    }
    if !headers.contains_key("x-ratelimit-type") {
        headers.insert("x-ratelimit-category", HeaderValue::from_static("Light"));
        headers.insert("x-ratelimit-type", HeaderValue::from_static("QPS"));
        headers.insert("x-ratelimit-limit", limit.into());
        headers.insert("x-ratelimit-remaining", remaining.into());
    }
}

fn token(state: &Mutex<State>, req: &RecordedRequest) -> Answer {
    use base64::Engine as _;
    let expected = base64::engine::general_purpose::STANDARD.encode(format!(
        "{}:{}",
        MockZoom::CLIENT_ID,
        MockZoom::CLIENT_SECRET
    ));
    let basic_ok = req
        .credentials
        .as_ref()
        .is_some_and(|c| c.expose() == expected);
    let form: HashMap<String, String> = url_form(&req.body);
    let grant_ok = form.get("grant_type").map(String::as_str) == Some("account_credentials");
    let account_ok = form.get("account_id").map(String::as_str) == Some(MockZoom::ACCOUNT_ID);
    if !basic_ok {
        return answer(
            StatusCode::UNAUTHORIZED,
            Some(
                json!({"reason": "Invalid client_id or client_secret", "error": "invalid_client"}),
            ),
        );
    }
    if !grant_ok || !account_ok {
        return answer(
            StatusCode::BAD_REQUEST,
            Some(json!({"reason": "Invalid grant or account", "error": "invalid_request"})),
        );
    }
    let mut s = lock(state);
    s.issued += 1;
    let access_token = format!("mock-s2s-token-{}", s.issued);
    let lifetime = s.token_lifetime;
    s.tokens
        .insert(access_token.clone(), Instant::now() + lifetime);
    answer(
        StatusCode::OK,
        Some(json!({
            "access_token": access_token,
            "token_type": "bearer",
            "expires_in": lifetime.as_secs(),
            "scope": "user:write:admin",
        })),
    )
}

fn api(state: &Mutex<State>, update: Update<'_>) -> Answer {
    let mut s = lock(state);
    let now = Instant::now();
    prune(&mut s.window, now);
    if let Some(limit) = s.rate_limit
        && s.window.len() >= limit as usize
    {
        s.rate_limited += 1;
        return rate_limited(Some("1"), "QPS", limit);
    }
    s.window.push_back(now);
    let token_ok = update.credentials.is_some_and(|t| {
        t.expose() == MockZoom::ACCESS_TOKEN
            || s.tokens.get(t.expose()).is_some_and(|expiry| now < *expiry)
    });
    if !token_ok {
        return zoom_error(StatusCode::UNAUTHORIZED, 124, "Invalid access token.");
    }
    let Some(id) = update.user else {
        return zoom_error(StatusCode::NOT_FOUND, 404, "Resource not found.");
    };
    if update.method != hyper::Method::PATCH {
        return zoom_error(StatusCode::METHOD_NOT_ALLOWED, 405, "Method not allowed.");
    }
    let Value::Object(fields) = update.json else {
        return zoom_error(
            StatusCode::BAD_REQUEST,
            300,
            "Request Body should be a valid JSON object.",
        );
    };
    let Some(at) = update.user_index else {
        return zoom_error(
            StatusCode::NOT_FOUND,
            1001,
            &format!("User does not exist: {id}."),
        );
    };
    let user = &mut s.users[at];
    for (key, value) in fields {
        match (user.fields.get_mut(&key), value) {
            (Some(Value::Object(old)), Value::Object(new)) => old.extend(new),
            (_, value) => {
                user.fields.insert(key, value);
            }
        }
    }
    answer(StatusCode::NO_CONTENT, None)
}

/// The competing app: sends at its current rate (looking at the rate at least every 50 ms)
/// and takes a place in the budget's window for each request the budget lets through.
async fn compete(state: Arc<Mutex<State>>, competitor: Competitor) {
    let started = Instant::now();
    let mut next = started;
    loop {
        let now = Instant::now();
        let rate = competitor.rate_at(now - started);
        if rate <= 0.0 {
            tokio::time::sleep(Duration::from_millis(50)).await;
            next = Instant::now();
            continue;
        }
        if next > now {
            tokio::time::sleep((next - now).min(Duration::from_millis(50))).await;
            continue;
        }
        // No catching up after a stall of the runtime: at most a second's worth.
        next = next.max(now - Duration::from_secs(1).min(now - started))
            + Duration::from_secs_f64(1.0 / rate);
        let mut s = lock(&state);
        let Some(limit) = s.rate_limit else { continue };
        prune(&mut s.window, now);
        if s.window.len() < limit as usize {
            s.window.push_back(now);
            s.competitor_sent += 1;
        } else {
            s.competitor_refused += 1;
        }
    }
}

/// Drops the arrivals older than a second from the budget's window.
fn prune(window: &mut VecDeque<Instant>, now: Instant) {
    while window
        .front()
        .is_some_and(|t| now.duration_since(*t) >= Duration::from_secs(1))
    {
        window.pop_front();
    }
}

/// A user by ID (exact) or email address (without regard to case, as Zoom compares them).
fn find(index: &HashMap<String, usize>, id: &str) -> Option<usize> {
    index
        .get(id)
        .or_else(|| {
            id.contains('@')
                .then(|| index.get(&id.to_lowercase()))
                .flatten()
        })
        .copied()
}

/// Decodes an `application/x-www-form-urlencoded` body.
fn url_form(body: &[u8]) -> HashMap<String, String> {
    let decode = |s: &str| {
        percent_encoding::percent_decode_str(&s.replace('+', " "))
            .decode_utf8_lossy()
            .into_owned()
    };
    String::from_utf8_lossy(body)
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .map(|(k, v)| (decode(k), decode(v)))
        .collect()
}
