//! `update_many`: many updates with bounded concurrency under the client's budget, each outcome
//! as it finishes, stopping on request or when Zoom says stop.

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll};

use futures_core::Stream;
use futures_util::StreamExt;
use tokio::sync::{mpsc, watch};
use tokio::task::JoinSet;

use crate::body::update::Update;
use crate::client::Client;
use crate::client::error::Error;
use crate::client::request::{UpdateUserRequest, Updated};
use crate::types::UserId;

/// Why a run stopped sending.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum StopReason {
    /// [`Canceller::cancel`] was called.
    Cancelled,
    /// Zoom answered that the account's daily limit is spent (`X-RateLimit-Type:
    /// Daily-limit`): nothing more will succeed today.
    DailyLimit,
    /// No access token could be had, or Zoom refused it after a renewal: no retry fixes it.
    Auth,
}

impl std::fmt::Display for StopReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            StopReason::Cancelled => "cancelled",
            StopReason::DailyLimit => "zoom's daily limit is spent",
            StopReason::Auth => "authentication failed",
        })
    }
}

/// What became of one update of a run.
#[derive(Debug)]
#[non_exhaustive]
pub enum BulkResult {
    /// Zoom updated the user.
    Updated(Updated),
    /// The update failed (after the client's retries).
    Failed(Error),
    /// The run stopped before this update was sent.
    NotSent(StopReason),
}

/// One outcome of [`Client::update_many`]: the caller's key for the update, the user, and what
/// became of it.
#[derive(Debug)]
#[non_exhaustive]
pub struct BulkOutcome<K> {
    /// The key the update came with (a line number, say).
    pub key: K,
    /// The user of the update.
    pub user_id: UserId,
    /// What became of it.
    pub result: BulkResult,
}

/// Stops a run of [`Client::update_many`]: nothing new is sent (a request waiting for its
/// pacing slot is not sent either, and no failed update is retried), the updates in flight
/// finish, and the stream ends. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Canceller(Signal);

impl Canceller {
    /// Stops the run. After a stop Zoom caused, it also stops the reporting of the updates
    /// not sent; [`UpdateMany::stopped`] keeps Zoom's reason.
    pub fn cancel(&self) {
        self.0.cancelled.store(true, Ordering::SeqCst);
        // Always a change the run sees, even after Zoom's stop, whose reason it keeps.
        self.0.stop.send_modify(|stop| {
            stop.get_or_insert(StopReason::Cancelled);
        });
    }
}

/// What stops a run: the first reason (Zoom's or a cancel), and whether it was cancelled.
#[derive(Debug, Clone)]
struct Signal {
    stop: watch::Sender<Option<StopReason>>,
    cancelled: Arc<AtomicBool>,
}

impl Signal {
    fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::SeqCst)
    }
}

/// The outcomes of [`Client::update_many`], as each update finishes. A `Stream`; `next()` reads
/// it without any stream extension trait.
#[must_use = "a run does nothing until its outcomes are read"]
pub struct UpdateMany<K> {
    state: State<K>,
    signal: Signal,
}

enum State<K> {
    Ready {
        start: Box<dyn FnOnce(Driver<K>) -> tokio::task::JoinHandle<()> + Send>,
        concurrency: usize,
    },
    Running {
        outcomes: mpsc::Receiver<BulkOutcome<K>>,
        driver: tokio::task::JoinHandle<()>,
    },
    Done,
}

impl<K> std::fmt::Debug for UpdateMany<K> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let state = match self.state {
            State::Ready { .. } => "ready",
            State::Running { .. } => "running",
            State::Done => "done",
        };
        f.debug_struct("UpdateMany")
            .field("state", &state)
            .field("stop", &*self.signal.stop.borrow())
            .field("cancelled", &self.signal.is_cancelled())
            .finish()
    }
}

impl Client {
    /// Runs many updates: at most `concurrency` (default 8) in flight, each paced by the
    /// client's [`RateBudget`](crate::RateBudget) and retried by its
    /// [`RetryPolicy`](crate::RetryPolicy), and yields each outcome as it finishes.
    ///
    /// `requests` yields `(key, request)` pairs, the requests made by this client (or a clone)
    /// with [`update_user`](Client::update_user); it is read only as fast as requests are sent,
    /// so a large file costs no memory. The run starts when the outcomes are first read.
    ///
    /// It stops sending when [`Canceller::cancel`] is called (the stream ends once the updates
    /// in flight finish) and when Zoom says stop: after a daily limit, or an authentication
    /// failure that no retry fixes, every update not yet sent is yielded as
    /// [`BulkResult::NotSent`] without being sent (the rest of `requests` is read for that).
    ///
    /// ```
    /// use futures_util::stream;
    /// use zoom_user_update::mock::MockZoom;
    /// use zoom_user_update::{BulkResult, Client, UserId, UserUpdate};
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let zoom = MockZoom::start().await;
    /// let client = Client::builder(zoom.bearer_auth()).base_url(zoom.base_url()).build()?;
    /// let update = UserUpdate::builder().dept("Research").build()?;
    /// let requests: Vec<_> = (1..=3)
    ///     .map(|n| (n, client.update_user(&UserId::me(), &update)))
    ///     .collect();
    /// let mut run = client.update_many(stream::iter(requests)).concurrency(2);
    /// let mut updated = 0;
    /// while let Some(outcome) = run.next().await {
    ///     if let BulkResult::Updated(_) = outcome.result {
    ///         updated += 1;
    ///     }
    /// }
    /// assert_eq!(updated, 3);
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Panics
    ///
    /// The run starts on the Tokio runtime that first reads its outcomes: reading them outside
    /// a runtime panics. A panic of `requests` is resumed in the reader.
    pub fn update_many<K, U, S>(&self, requests: S) -> UpdateMany<K>
    where
        K: Send + 'static,
        U: Update,
        S: Stream<Item = (K, UpdateUserRequest<U>)> + Send + 'static,
    {
        let (stop, _) = watch::channel(None);
        let signal = Signal {
            stop,
            cancelled: Arc::default(),
        };
        let start = move |driver: Driver<K>| tokio::spawn(driver.run(requests));
        UpdateMany {
            state: State::Ready {
                start: Box::new(start),
                concurrency: 8,
            },
            signal,
        }
    }
}

impl<K: Send + 'static> UpdateMany<K> {
    /// How many updates may be in flight at once (at least 1; default 8). No effect once the
    /// run has started.
    pub fn concurrency(mut self, n: usize) -> Self {
        if let State::Ready { concurrency, .. } = &mut self.state {
            *concurrency = n.max(1);
        }
        self
    }

    /// A handle that stops the run, from anywhere (a Ctrl-C handler, say).
    pub fn canceller(&self) -> Canceller {
        Canceller(self.signal.clone())
    }

    /// Why the run stopped sending, if it did.
    #[must_use]
    pub fn stopped(&self) -> Option<StopReason> {
        *self.signal.stop.borrow()
    }

    /// The next outcome, or `None` when the run is over.
    pub async fn next(&mut self) -> Option<BulkOutcome<K>> {
        std::future::poll_fn(|cx| Pin::new(&mut *self).poll_next(cx)).await
    }
}

impl<K: Send + 'static> Stream for UpdateMany<K> {
    type Item = BulkOutcome<K>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = &mut *self;
        if let State::Ready { .. } = this.state {
            let State::Ready { start, concurrency } =
                std::mem::replace(&mut this.state, State::Done)
            else {
                unreachable!("matched above")
            };
            let (sender, outcomes) = mpsc::channel(concurrency);
            let driver = start(Driver {
                concurrency,
                outcomes: sender,
                signal: this.signal.clone(),
            });
            this.state = State::Running { outcomes, driver };
        }
        let State::Running { outcomes, driver } = &mut this.state else {
            return Poll::Ready(None);
        };
        match outcomes.poll_recv(cx) {
            // The driver has ended: a panic in it (the caller's `requests` stream panicked,
            // say) goes on in the reader rather than end the run as if it were complete.
            Poll::Ready(None) => match Pin::new(driver).poll(cx) {
                Poll::Pending => Poll::Pending,
                Poll::Ready(ended) => {
                    this.state = State::Done;
                    if let Err(e) = ended
                        && e.is_panic()
                    {
                        std::panic::resume_unwind(e.into_panic());
                    }
                    Poll::Ready(None)
                }
            },
            other => other,
        }
    }
}

impl<K> Drop for UpdateMany<K> {
    /// Dropping the outcomes stops the run and aborts the updates in flight.
    fn drop(&mut self) {
        if let State::Running { driver, .. } = &self.state {
            driver.abort();
        }
    }
}

/// The task that sends: launches updates while there is room and no stop, and forwards
/// outcomes.
struct Driver<K> {
    concurrency: usize,
    outcomes: mpsc::Sender<BulkOutcome<K>>,
    signal: Signal,
}

impl<K: Send + 'static> Driver<K> {
    async fn run<U: Update, S>(self, requests: S)
    where
        S: Stream<Item = (K, UpdateUserRequest<U>)> + Send + 'static,
    {
        let mut requests = std::pin::pin!(requests);
        let mut stopped = self.signal.stop.subscribe();
        let mut in_flight = JoinSet::new();
        // Each task's update, kept here so that a task that panics still gets its outcome.
        let mut running: HashMap<tokio::task::Id, (K, UserId)> = HashMap::new();
        let mut reading = true;
        loop {
            let stop = *stopped.borrow_and_update();
            if self.signal.is_cancelled() {
                // Cancelled: what was not read is not reported.
                reading = false;
            } else if let Some(reason) = stop
                && reading
                && in_flight.is_empty()
            {
                // Zoom said stop: once nothing is in flight, the rest is reported, not sent,
                // until a cancel.
                loop {
                    tokio::select! {
                        biased;
                        _ = stopped.changed() => {
                            if self.signal.is_cancelled() {
                                return;
                            }
                        }
                        next = requests.next() => {
                            let Some((key, request)) = next else {
                                break;
                            };
                            let outcome = BulkOutcome {
                                key,
                                user_id: request.user_id().clone(),
                                result: BulkResult::NotSent(reason),
                            };
                            if self.outcomes.send(outcome).await.is_err() {
                                return;
                            }
                        }
                    }
                }
                reading = false;
            }
            if !reading && in_flight.is_empty() {
                return;
            }
            let room = reading && stop.is_none() && in_flight.len() < self.concurrency;
            tokio::select! {
                biased;
                Some(done) = in_flight.join_next_with_id(), if !in_flight.is_empty() => {
                    let (id, result) = match done {
                        Ok((id, result)) => (id, result),
                        Err(e) => (
                            e.id(),
                            BulkResult::Failed(Error::Internal(format!("the update's task failed: {e}"))),
                        ),
                    };
                    let Some((key, user_id)) = running.remove(&id) else {
                        continue;
                    };
                    let outcome = BulkOutcome { key, user_id, result };
                    self.note_stop(&outcome);
                    if self.outcomes.send(outcome).await.is_err() {
                        return;
                    }
                }
                _ = stopped.changed(), if stop.is_none() => {}
                next = requests.next(), if room => match next {
                    Some((key, request)) => {
                        let stop = self.signal.stop.subscribe();
                        let user_id = request.user_id().clone();
                        let task = in_flight.spawn(async move {
                            match request.send_unless_stopped(stop).await {
                                Ok(updated) => BulkResult::Updated(updated),
                                Err(Stopped(reason)) => BulkResult::NotSent(reason),
                                Err(Failed(error)) => BulkResult::Failed(error),
                            }
                        });
                        running.insert(task.id(), (key, user_id));
                    }
                    None => reading = false,
                },
            }
        }
    }

    /// Stops the run when an outcome says no further update can succeed.
    fn note_stop(&self, outcome: &BulkOutcome<K>) {
        let BulkResult::Failed(error) = &outcome.result else {
            return;
        };
        let reason = match error.last() {
            Error::RateLimited(limit) if limit.is_daily_limit() => StopReason::DailyLimit,
            // Refused credentials, or a token endpoint still failing after every retry.
            Error::Auth(e)
                if !e.is_retryable() || matches!(error, Error::RetriesExhausted { .. }) =>
            {
                StopReason::Auth
            }
            Error::Api(api) if api.status == 401 => StopReason::Auth,
            _ => return,
        };
        self.signal.stop.send_if_modified(|stop| {
            let first = stop.is_none();
            if first {
                tracing::warn!(%reason, "stopping the run");
                *stop = Some(reason);
            }
            first
        });
    }
}

/// Why [`UpdateUserRequest::send_unless_stopped`] did not return an answer.
pub(crate) enum NotUpdated {
    /// The run stopped before the request was sent.
    Stopped(StopReason),
    /// The update failed.
    Failed(Error),
}

use NotUpdated::{Failed, Stopped};
