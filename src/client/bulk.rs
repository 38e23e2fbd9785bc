//! `update_many`: many updates with bounded concurrency under the client's budget, each outcome
//! as it finishes, a user's updates one after another in input order, stopping on request or
//! when Zoom says stop.

use std::collections::{HashMap, VecDeque};
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use futures_core::Stream;
use futures_util::StreamExt;
use futures_util::task::AtomicWaker;
use tokio::sync::watch;
use tokio::task::JoinSet;

use crate::body::update::Update;
use crate::client::Client;
use crate::client::answer::Updated;
use crate::client::error::Error;
use crate::client::request::UpdateUserRequest;
use crate::client::stop::{NotUpdated, StopReason};
use crate::types::UserId;

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
/// finish, the updates the run took but did not send are yielded as
/// [`BulkResult::NotSent`], and the stream ends. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Canceller(Signal);

impl Canceller {
    /// Stops the run. After a stop Zoom caused, [`UpdateMany::stopped`] keeps Zoom's reason.
    pub fn cancel(&self) {
        self.0.stop.send_modify(|stop| {
            stop.get_or_insert(StopReason::Cancelled);
        });
        self.0.waker.wake();
    }
}

/// What stops a run: the first reason (Zoom's or a cancel), and the reader to wake.
#[derive(Debug, Clone)]
struct Signal {
    stop: watch::Sender<Option<StopReason>>,
    waker: Arc<AtomicWaker>,
}

/// The requests a run reads.
type Requests<K, U> = Pin<Box<dyn Stream<Item = (K, UpdateUserRequest<U>)> + Send>>;

/// An update in flight: its key and user (and the user as [`UserId::same_user_key`] gives it).
struct Running<K> {
    key: K,
    user_id: UserId,
    same_user: String,
}

/// The outcomes of [`Client::update_many`], as each update finishes. A `Stream`; `next()` reads
/// it without any stream extension trait.
///
/// The run makes progress while it is read: it takes the next inputs and starts their updates
/// when its outcomes are polled, so that a user's next update starts only after the outcome of
/// that user's previous one was yielded (and, for the tool, written to its report).
#[must_use = "a run does nothing until its outcomes are read"]
pub struct UpdateMany<K, U: Update> {
    /// The input, until it ends (or is handed back by [`UpdateMany::into_remaining`]).
    requests: Option<Requests<K, U>>,
    concurrency: usize,
    in_flight: JoinSet<BulkResult>,
    running: HashMap<tokio::task::Id, Running<K>>,
    /// Each user with an update in flight, waiting to be yielded or waiting to start, and the
    /// updates of that user waiting to start, in input order.
    users: HashMap<String, VecDeque<(K, UpdateUserRequest<U>)>>,
    /// Users whose next waiting update may start now.
    ready: VecDeque<String>,
    /// How many updates wait to start.
    waiting: usize,
    /// The user of the outcome yielded last: released (its next update may start, or it is no
    /// longer busy) when the run is read again.
    yielded: Option<String>,
    signal: Signal,
}

/// How many inputs the run takes ahead of what it can start, per update in flight: the
/// updates of a user that is busy wait in memory, so memory is bounded by this, not by the
/// input, and a long run of one user's lines does not hold up the others for longer than this.
const LOOKAHEAD_PER_SLOT: usize = 16;

/// The run never pins its fields in place (its input stream is boxed and pinned on its own).
impl<K, U: Update> Unpin for UpdateMany<K, U> {}

impl<K, U: Update> std::fmt::Debug for UpdateMany<K, U> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UpdateMany")
            .field("in_flight", &self.in_flight.len())
            .field("waiting", &self.waiting)
            .field("input_ended", &self.requests.is_none())
            .field("stop", &*self.signal.stop.borrow())
            .finish_non_exhaustive()
    }
}

impl Client {
    /// Runs many updates: at most `concurrency` (default 8) in flight, each paced by the
    /// client's [`RateBudget`](crate::RateBudget) and retried by its
    /// [`RetryPolicy`](crate::RetryPolicy), and yields each outcome as it finishes.
    ///
    /// `requests` yields `(key, request)` pairs (the key, such as a line number, names the update
    /// in its outcome and in the `zoom.bulk_update` log span), the requests made by this client
    /// (or a clone)
    /// with [`update_user`](Client::update_user) or [`update_line`](Client::update_line). It is
    /// read only as fast as requests can start, so a large file costs no memory; it must be
    /// `Send + 'static` (it is read while the updates run on the runtime): build it from owned
    /// data, such as an iterator that owns a clone of the client.
    ///
    /// **A user's updates go in input order**: two updates of one user (as
    /// [`UserId::is_same_user`] compares them) are never in flight at once, and the next one
    /// starts only after the previous one finished and its outcome was yielded, so the user
    /// ends as the last of its updates says. "Yielded" is when the run is read again after the
    /// outcome: handle an outcome (write it to a report, say) before reading the next one, and
    /// read the run directly rather than through a combinator that reads ahead (`buffered`,
    /// `chunks`), which would let a user's next update start before its outcome was handled. The updates of other users go on meanwhile, under
    /// the same concurrency and budget. An update of a busy user waits in memory; the run takes
    /// at most 16 inputs per concurrent update ahead of what it can start.
    ///
    /// **Stops**: on [`Canceller::cancel`], and when Zoom says stop (a daily limit, or an
    /// authentication failure that no retry fixes), nothing new is sent; the updates in flight
    /// finish and are yielded; then every update the run took from `requests` but did not send
    /// is yielded as [`BulkResult::NotSent`] with the reason, and the stream ends. Every input
    /// the run took is yielded exactly once. The inputs it never took are left in `requests`,
    /// which [`UpdateMany::into_remaining`] hands back: the run does not read further than it
    /// needs after a stop, since `requests` may be endless and a cancel should end soon; the
    /// caller decides what becomes of the rest ([`UpdateMany::into_not_sent`] gives it as
    /// not-sent outcomes, which the tool reports after Zoom's stop).
    ///
    /// ```
    /// use zoom_user_update::mock::MockZoom;
    /// use zoom_user_update::{BulkResult, Client, UserId, UserUpdate};
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let zoom = MockZoom::start().await;
    /// let client = Client::builder(zoom.bearer_auth()).base_url(zoom.base_url()).build()?;
    /// let update = UserUpdate::builder().dept("Research").build()?;
    /// // A lazy iterator that owns what it needs (a clone of the client), read as the run goes.
    /// let requests = {
    ///     let client = client.clone();
    ///     (1..=3).map(move |n| (n, client.update_user(&UserId::me(), &update)))
    /// };
    /// let mut run = client.update_many(futures_util::stream::iter(requests)).concurrency(2);
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
    /// The updates run on the Tokio runtime that reads the outcomes: reading them outside a
    /// runtime panics. A panic of `requests` happens in the reader.
    pub fn update_many<K, U, S>(&self, requests: S) -> UpdateMany<K, U>
    where
        K: std::fmt::Debug + Send + 'static,
        U: Update,
        S: Stream<Item = (K, UpdateUserRequest<U>)> + Send + 'static,
    {
        let (stop, _) = watch::channel(None);
        UpdateMany {
            requests: Some(Box::pin(requests)),
            concurrency: 8,
            in_flight: JoinSet::new(),
            running: HashMap::new(),
            users: HashMap::new(),
            ready: VecDeque::new(),
            waiting: 0,
            yielded: None,
            signal: Signal {
                stop,
                waker: Arc::default(),
            },
        }
    }
}

impl<K: std::fmt::Debug + Send + 'static, U: Update> UpdateMany<K, U> {
    /// How many updates may be in flight at once (at least 1; default 8).
    pub fn concurrency(mut self, n: usize) -> Self {
        self.concurrency = n.max(1);
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

    /// The inputs the run has not yielded and not started: after it ended on a stop, those it
    /// never took from `requests`; before it ended, also those that wait for their user (a
    /// user's inputs keep their order). `None` when there are none and `requests` ended.
    /// Updates in flight are aborted when the run is dropped, so call this once
    /// [`next`](Self::next) returned `None`.
    pub fn into_remaining(
        mut self,
    ) -> Option<impl Stream<Item = (K, UpdateUserRequest<U>)> + Send + 'static> {
        let waiting: Vec<_> = self.users.drain().flat_map(|(_, queue)| queue).collect();
        let rest = self.requests.take();
        if waiting.is_empty() && rest.is_none() {
            return None;
        }
        let rest = futures_util::stream::iter(rest).flatten();
        Some(futures_util::stream::iter(waiting).chain(rest))
    }

    /// After a stop, the inputs the run never took (see [`into_remaining`](Self::into_remaining)),
    /// each as a [`BulkResult::NotSent`] outcome with the stop's reason, so that a caller can
    /// report every input; empty when the run did not stop.
    pub fn into_not_sent(self) -> impl Stream<Item = BulkOutcome<K>> + Send + 'static {
        let stopped = self.stopped();
        let rest = stopped.and_then(|reason| Some((reason, self.into_remaining()?)));
        futures_util::stream::iter(rest).flat_map(|(reason, rest)| {
            rest.map(move |(key, request)| BulkOutcome {
                key,
                user_id: request.user_id().clone(),
                result: BulkResult::NotSent(reason),
            })
        })
    }

    /// Starts `request` of `same_user`: the user is busy until its outcome is yielded and read
    /// past.
    fn start(&mut self, same_user: String, key: K, request: UpdateUserRequest<U>) {
        let stop = self.signal.stop.subscribe();
        let user_id = request.user_id().clone();
        let span = tracing::info_span!("zoom.bulk_update", key = ?key);
        let task = self.in_flight.spawn(tracing::Instrument::instrument(
            async move {
                match request.send_unless_stopped(stop).await {
                    Ok(updated) => BulkResult::Updated(updated),
                    Err(NotUpdated::Stopped(reason)) => BulkResult::NotSent(reason),
                    Err(NotUpdated::Failed(error)) => BulkResult::Failed(error),
                }
            },
            span,
        ));
        self.running.insert(
            task.id(),
            Running {
                key,
                user_id,
                same_user,
            },
        );
    }

    /// The user whose outcome was yielded last may go on: its next waiting update is ready to
    /// start, or the user is no longer busy.
    fn release_yielded(&mut self) {
        if let Some(user) = self.yielded.take() {
            match self.users.get(&user) {
                Some(queue) if !queue.is_empty() => self.ready.push_back(user),
                _ => {
                    self.users.remove(&user);
                }
            }
        }
    }

    /// Starts what may start: ready users' next updates first, then new inputs, while there is
    /// room; an input of a busy user waits (up to the lookahead).
    fn fill(&mut self, cx: &mut Context<'_>) {
        while self.in_flight.len() < self.concurrency {
            if let Some(user) = self.ready.pop_front() {
                if let Some((key, request)) =
                    self.users.get_mut(&user).and_then(VecDeque::pop_front)
                {
                    self.waiting -= 1;
                    self.start(user, key, request);
                }
                continue;
            }
            if self.waiting >= self.concurrency * LOOKAHEAD_PER_SLOT {
                return;
            }
            let Some(requests) = self.requests.as_mut() else {
                return;
            };
            match requests.as_mut().poll_next(cx) {
                Poll::Ready(Some((key, request))) => {
                    let user = request.user_id().same_user_key().into_owned();
                    match self.users.get_mut(&user) {
                        Some(queue) => {
                            queue.push_back((key, request));
                            self.waiting += 1;
                        }
                        None => {
                            self.users.insert(user.clone(), VecDeque::new());
                            self.start(user, key, request);
                        }
                    }
                }
                Poll::Ready(None) => self.requests = None,
                Poll::Pending => return,
            }
        }
    }

    /// After a stop, once nothing is in flight: the next update that waited and was never sent.
    fn next_not_sent(&mut self, reason: StopReason) -> Option<BulkOutcome<K>> {
        let user = self.users.keys().next()?.clone();
        let queue = self.users.get_mut(&user)?;
        match queue.pop_front() {
            Some((key, request)) => {
                self.waiting -= 1;
                Some(BulkOutcome {
                    key,
                    user_id: request.user_id().clone(),
                    result: BulkResult::NotSent(reason),
                })
            }
            None => {
                self.users.remove(&user);
                self.next_not_sent(reason)
            }
        }
    }

    /// Stops the run when an outcome says no further update can succeed.
    fn note_stop(&self, outcome: &BulkOutcome<K>) {
        let BulkResult::Failed(error) = &outcome.result else {
            return;
        };
        let reason = match error {
            Error::RateLimited { limit, .. } if limit.is_daily_limit() => StopReason::DailyLimit,
            // Refused credentials, or a token endpoint still failing after the retries (a
            // failure of a single attempt may pass).
            Error::Auth { error, attempts } if !error.is_retryable() || *attempts > 1 => {
                StopReason::Auth
            }
            Error::Api { error, .. } if error.status == 401 => StopReason::Auth,
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

impl<K: std::fmt::Debug + Send + 'static, U: Update> Stream for UpdateMany<K, U> {
    type Item = BulkOutcome<K>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = &mut *self;
        this.signal.waker.register(cx.waker());
        this.release_yielded();
        let stop = *this.signal.stop.borrow();
        if stop.is_none() {
            this.fill(cx);
        }
        loop {
            return match this.in_flight.poll_join_next_with_id(cx) {
                Poll::Ready(Some(done)) => {
                    let (id, result) = match done {
                        Ok((id, result)) => (id, result),
                        Err(e) => (
                            e.id(),
                            BulkResult::Failed(Error::Internal(format!(
                                "the update's task failed: {e}"
                            ))),
                        ),
                    };
                    // Every task the run spawns is recorded when it is spawned.
                    let Some(Running {
                        key,
                        user_id,
                        same_user,
                    }) = this.running.remove(&id)
                    else {
                        continue;
                    };
                    this.yielded = Some(same_user);
                    let outcome = BulkOutcome {
                        key,
                        user_id,
                        result,
                    };
                    this.note_stop(&outcome);
                    Poll::Ready(Some(outcome))
                }
                Poll::Ready(None) => match stop {
                    // Stopped, nothing in flight: what waited is yielded as not sent.
                    Some(reason) => Poll::Ready(this.next_not_sent(reason)),
                    None if this.requests.is_none() && this.users.is_empty() => Poll::Ready(None),
                    None => Poll::Pending,
                },
                Poll::Pending => Poll::Pending,
            };
        }
    }
}
