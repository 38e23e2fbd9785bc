//! Bounded reading of what a server sends: every body is read up to a limit, and a longer one is
//! abandoned.

/// How much of an answer's body is kept for diagnosis when the body is not Zoom's.
pub(crate) const DIAGNOSIS_BYTES: usize = 1024;

/// How much of an API answer's body is read at most (Zoom's error bodies are a few hundred
/// bytes); past it the answer is abandoned and the connection closed.
pub(crate) const ANSWER_BYTES: usize = 64 * 1024;

/// Why [`read_limited`] gave no body.
pub(crate) enum Limited {
    /// The body is longer than the limit; its first `limit` bytes.
    TooLarge(Vec<u8>),
    /// The body could not be read.
    Transport(reqwest::Error),
}

/// Reads a body up to `limit` bytes; a longer one is abandoned (not read any further), and
/// its first `limit` bytes are kept.
pub(crate) async fn read_limited(
    mut response: reqwest::Response,
    limit: usize,
) -> Result<Vec<u8>, Limited> {
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(Limited::Transport)? {
        if body.len() + chunk.len() > limit {
            let room = limit - body.len();
            body.extend_from_slice(&chunk[..room]);
            return Err(Limited::TooLarge(body));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// The answer with its body limited to [`ANSWER_BYTES`]: reading more fails, and the generated
/// code's read of an error body stops there.
pub(crate) fn limit_body(response: reqwest::Response) -> reqwest::Response {
    let (parts, body) = http::Response::<reqwest::Body>::from(response).into_parts();
    let body = reqwest::Body::wrap(http_body_util::Limited::new(body, ANSWER_BYTES));
    reqwest::Response::from(http::Response::from_parts(parts, body))
}

/// Whether a body read failed because the body passed [`ANSWER_BYTES`].
pub(crate) fn is_too_large(e: &reqwest::Error) -> bool {
    let mut source = std::error::Error::source(e);
    while let Some(cause) = source {
        if cause.is::<http_body_util::LengthLimitError>() {
            return true;
        }
        source = cause.source();
    }
    false
}
