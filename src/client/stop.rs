//! What stops a run of `update_many`, and what a request of a run says when it stopped before
//! it was sent.

use crate::client::error::Error;

/// Why a run stopped sending.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum StopReason {
    /// [`Canceller::cancel`](crate::Canceller::cancel) was called.
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

/// The stop signal of a run of `update_many`, as each of its requests watches it.
pub(crate) type Stop = tokio::sync::watch::Receiver<Option<StopReason>>;

/// Why [`UpdateUserRequest::send_unless_stopped`] did not return an answer.
pub(crate) enum NotUpdated {
    /// The run stopped before the request was sent.
    Stopped(StopReason),
    /// The update failed.
    Failed(Error),
}
