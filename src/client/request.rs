//! `UpdateUserRequest`: one update on its way, with its retries; `Updated`: what a success says.

use std::future::{Future, IntoFuture};
use std::pin::Pin;
use std::sync::Arc;

use reqwest::header::HeaderValue;
use tracing::Instrument;

use crate::client::answer;

use crate::body::update::Update;
use crate::body::violation::ValidationErrors;
use crate::client::Client;
use crate::client::answer::Updated;
use crate::client::error::{ApiErrorKind, Error};
use crate::client::hooks::RequestHooks;
use crate::client::pacing::Said;
use crate::client::prepared::PreparedRequest;
use crate::client::rate_limit::RateLimitType;
use crate::client::stop::NotUpdated::{self, Failed, Stopped};
use crate::client::stop::{Stop, StopReason};
use crate::types::UserId;

/// One update, ready to send: `.await` it (or call [`send`](Self::send)). It owns what it
/// needs (the user ID, the generated body and a handle on the client), so it can be moved into
/// a spawned task.
#[must_use = "an update request does nothing until it is awaited"]
pub struct UpdateUserRequest<U: Update> {
    client: Client,
    user_id: UserId,
    /// The body's edition (`2025`), for the log.
    edition: &'static str,
    body: Result<Arc<U::RawBody>, ValidationErrors>,
    query: U::Query,
}

impl<U: Update> std::fmt::Debug for UpdateUserRequest<U> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Not the body: it may hold a host key.
        f.debug_struct("UpdateUserRequest")
            .field("user_id", &self.user_id)
            .field("query", &self.query)
            .finish_non_exhaustive()
    }
}

impl<U: Update> UpdateUserRequest<U> {
    pub(crate) fn new(client: Client, user_id: UserId, update: &U) -> Self {
        Self {
            client,
            user_id,
            edition: update.edition_name(),
            body: update.raw_body().map(Arc::new),
            query: U::Query::default(),
        }
    }

    /// Adds the `login_type` query parameter (beside the others already set).
    pub fn login_type(mut self, login_type: U::LoginType) -> Self {
        self.query = U::query_with_login_type(std::mem::take(&mut self.query), login_type);
        self
    }

    /// Sets the query parameters (replacing those set before): the edition's `Query`, such as
    /// `v2025::Query::new().login_type(LoginType::Sso).remove_tsp_credentials(true)`.
    pub fn query(mut self, query: U::Query) -> Self {
        self.query = query;
        self
    }

    /// Sends the update, retrying as the client's [`RetryPolicy`](crate::RetryPolicy) says.
    ///
    /// # Errors
    ///
    /// [`Error::Api`] for Zoom's documented refusals, [`Error::RateLimited`],
    /// [`Error::Auth`], [`Error::Timeout`], [`Error::Transport`],
    /// [`Error::UnexpectedResponse`]: after retries, the last failure, with the number of
    /// requests sent as its `attempts`. Nothing is sent on [`Error::Validation`] (the generated
    /// layer refused a value, [`Rule::Schema`](crate::Rule::Schema), or the query is of another
    /// edition than an [`AnyUpdate`](crate::AnyUpdate)'s body, [`Rule::EditionMismatch`](crate::Rule::EditionMismatch))
    /// or [`Error::Config`] (the generated client could not build the request).
    pub fn send(self) -> impl Future<Output = Result<Updated, Error>> + Send + 'static {
        let span = tracing::info_span!(
            "zoom.update_user",
            http.method = "PATCH",
            url.template = "/users/{userId}",
            edition = self.edition,
        );
        async move {
            self.send_with_retries(None)
                .await
                .map_err(|not_updated| match not_updated {
                    NotUpdated::Failed(error) => error,
                    NotUpdated::Stopped(_) => {
                        Error::Internal("a request without a stop signal stopped".into())
                    }
                })
        }
        .instrument(span)
    }

    /// The user this update is for.
    #[must_use]
    pub fn user_id(&self) -> &UserId {
        &self.user_id
    }

    /// Sends as [`send`](Self::send) does, unless `stop` says the run stopped before the request
    /// went out (while it waited for its pacing slot, say); a request already sent is not
    /// retried after a stop.
    pub(crate) async fn send_unless_stopped(self, stop: Stop) -> Result<Updated, NotUpdated> {
        self.send_with_retries(Some(stop)).await
    }

    /// Builds the exact request [`send`](Self::send) would send, with the `Authorization` value
    /// redacted, and sends nothing (no token is fetched either).
    ///
    /// # Errors
    ///
    /// [`Error::Validation`] if the generated layer refuses the body, [`Error::Config`] if the
    /// generated client cannot build the request.
    pub async fn dry_run(self) -> Result<PreparedRequest, Error> {
        let (body, query) = self.prepare()?;
        let mut placeholder = HeaderValue::from_static("Bearer <redacted>");
        placeholder.set_sensitive(true);
        let hooks = RequestHooks::new(placeholder, self.client.inner.user_agent.clone(), true);
        self.exchange(&body, &query, &hooks).await?;
        hooks
            .captured()
            .ok_or_else(|| Error::Config("the request was not captured".into()))
    }

    /// The body and the query as the generated client takes them.
    fn prepare(&self) -> Result<(Arc<U::RawBody>, U::RawQuery), ValidationErrors> {
        let body = self.body.clone()?;
        let query = U::raw_query(&body, &self.query)?;
        Ok((body, query))
    }

    /// One exchange through the generated client, with `hooks` (which put the headers on the
    /// request and see the answer, or keep the request of a dry run).
    async fn exchange(
        &self,
        body: &U::RawBody,
        query: &U::RawQuery,
        hooks: &Arc<RequestHooks>,
    ) -> Result<Updated, Error> {
        let inner = &self.client.inner;
        let answer = U::send(
            &inner.base_url,
            &inner.http,
            hooks.hooks(),
            self.user_id.as_str(),
            query,
            body,
        )
        .await;
        answer::read(answer, hooks.seen()).await
    }

    async fn send_with_retries(self, mut stop: Option<Stop>) -> Result<Updated, NotUpdated> {
        let (body, query) = self.prepare().map_err(|e| Failed(e.into()))?;
        let inner = &self.client.inner;
        let mut delays = inner.retry.delays();
        let mut renewed_token = false;
        let mut last: Option<Error> = None;
        for attempt in 1.. {
            let (result, sent_with) =
                match self.attempt(attempt, &body, &query, stop.as_mut()).await {
                    Ok(done) => done,
                    // Stopped before sending: a first attempt is not sent at all, a retry leaves
                    // the failure it would have retried.
                    Err(reason) => return Err(last.map_or(Stopped(reason), Failed)),
                };
            let err = match result {
                Ok(updated) => {
                    tracing::debug!(
                        attempt,
                        status = updated.status,
                        remaining = updated.rate_limit.remaining,
                        tracking_id = updated.tracking_id.as_deref(),
                        "user updated"
                    );
                    return Ok(updated);
                }
                Err(err) => err.with_attempts(attempt),
            };
            // A rejected OAuth token is renewed once, at once.
            if let (Some(header), Some(api)) = (&sent_with, err.as_api())
                && api.status == 401
                && api.kind() == ApiErrorKind::InvalidToken
                && inner.tokens.can_renew()
                && !renewed_token
            {
                renewed_token = true;
                inner.tokens.invalidate(header).await;
                tracing::info!(attempt, "access token rejected; fetching a new one");
                continue;
            }
            if !err.is_retryable() {
                return Err(Failed(err));
            }
            let asked = err.retry_after();
            if asked.is_some_and(|d| d > inner.retry.longest_wait()) {
                return Err(Failed(err));
            }
            let Some(backoff) = delays.next() else {
                return Err(Failed(err));
            };
            let wait = asked.unwrap_or(backoff);
            tracing::info!(
                attempt,
                wait_ms = u64::try_from(wait.as_millis()).unwrap_or(u64::MAX),
                error = %err,
                "retrying"
            );
            // A stop cuts the wait short: a failed update is not retried after a stop.
            let sleep = tokio::time::sleep(wait);
            match stop.as_mut() {
                Some(stop) => tokio::select! {
                    () = sleep => {}
                    Ok(_) = stop.wait_for(Option::is_some) => return Err(Failed(err)),
                },
                None => sleep.await,
            }
            last = Some(err);
        }
        unreachable!("the attempt loop only ends by returning")
    }

    /// One attempt: pace, authenticate, send. Also returns the `Authorization` value used.
    /// Nothing is sent when `stop` says the run stopped before the request could go out.
    async fn attempt(
        &self,
        attempt: u32,
        body: &U::RawBody,
        query: &U::RawQuery,
        mut stop: Option<&mut Stop>,
    ) -> Result<(Result<Updated, Error>, Option<HeaderValue>), StopReason> {
        let inner = &self.client.inner;
        if let Some(pacer) = &inner.pacer {
            match stop.as_deref_mut() {
                Some(stop) => {
                    tokio::select! {
                        () = pacer.ready() => {}
                        Ok(reason) = stop.wait_for(Option::is_some) => {
                            return Err(reason.unwrap_or(StopReason::Cancelled));
                        }
                    }
                }
                None => pacer.ready().await,
            }
        }
        let authorization = match inner.tokens.header(&inner.http).await {
            Ok(header) => header,
            Err(error) => return Ok((Err(Error::Auth { error, attempts: 1 }), None)),
        };
        if let Some(reason) = stop.and_then(|stop| *stop.borrow()) {
            return Err(reason);
        }
        let span = tracing::debug_span!(
            "zoom.attempt",
            attempt,
            status = tracing::field::Empty,
            tracking_id = tracing::field::Empty,
        );
        // The timeout covers the whole exchange, reading an error answer's body included.
        let hooks = RequestHooks::new(authorization.clone(), inner.user_agent.clone(), false);
        let exchange = self.exchange(body, query, &hooks);
        let result = tokio::time::timeout(inner.timeout, exchange)
            .instrument(span.clone())
            .await
            .unwrap_or_else(|elapsed| Err(Error::timeout(elapsed)));
        if let Some(status) = result
            .as_ref()
            .map_or_else(Error::status, |u| Some(u.status))
        {
            span.record("status", status);
        }
        if let Some(id) = result
            .as_ref()
            .map_or_else(Error::tracking_id, |u| u.tracking_id.as_deref())
        {
            span.record("tracking_id", id);
        }
        if let Err(e) = &result {
            tracing::debug!(parent: &span, error = %e, "attempt failed");
        }
        if let Some(pacer) = &inner.pacer {
            match &result {
                // Only numbers said to be the per-second budget's are taken as such.
                Ok(updated) => pacer.heard(match updated.rate_limit.limit_type {
                    Some(RateLimitType::Qps) => Said::Budget {
                        limit: updated.rate_limit.limit,
                        remaining: updated.rate_limit.remaining,
                    },
                    _ => Said::Budget {
                        limit: None,
                        remaining: None,
                    },
                }),
                Err(Error::RateLimited { limit, .. }) if !limit.is_daily_limit() => {
                    pacer.heard(Said::TooFast);
                }
                Err(_) => {}
            }
        }
        Ok((result, Some(authorization)))
    }
}

impl<U: Update> IntoFuture for UpdateUserRequest<U> {
    type Output = Result<Updated, Error>;
    type IntoFuture = Pin<Box<dyn Future<Output = Result<Updated, Error>> + Send + 'static>>;

    fn into_future(self) -> Self::IntoFuture {
        Box::pin(self.send())
    }
}
