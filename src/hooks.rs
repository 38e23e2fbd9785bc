//! The inner state of the generated client and its request hooks.

use progenitor_client::{ClientHooks, OperationInfo};
use reqwest::header::{AUTHORIZATION, HeaderValue};

use crate::generated::{Client, Error};

/// State the generated [`raw::Client`](crate::raw::Client) carries into every request.
///
/// `Hooks::default()` sends requests unchanged; [`Hooks::with_bearer_token`] adds an
/// `Authorization: Bearer …` header (marked sensitive) to each request.
#[derive(Clone, Default)]
pub struct Hooks {
    authorization: Option<HeaderValue>,
}

impl Hooks {
    /// Hooks that add `Authorization: Bearer <token>` to every request.
    ///
    /// # Errors
    ///
    /// Fails when the token cannot be sent in an HTTP header (control characters).
    pub fn with_bearer_token(token: &str) -> Result<Self, InvalidToken> {
        let mut value =
            HeaderValue::from_str(&format!("Bearer {token}")).map_err(|_| InvalidToken(()))?;
        value.set_sensitive(true);
        Ok(Self {
            authorization: Some(value),
        })
    }
}

impl std::fmt::Debug for Hooks {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Hooks")
            .field(
                "authorization",
                &self.authorization.as_ref().map(|_| "<redacted>"),
            )
            .finish()
    }
}

/// A token that cannot be sent as an HTTP header value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidToken(());

impl std::fmt::Display for InvalidToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("access token contains characters not allowed in an http header")
    }
}

impl std::error::Error for InvalidToken {}

impl ClientHooks<Hooks> for Client {
    async fn pre<E>(
        &self,
        request: &mut reqwest::Request,
        _info: &OperationInfo,
    ) -> Result<(), Error<E>> {
        if let Some(value) = &self.inner.authorization {
            request.headers_mut().insert(AUTHORIZATION, value.clone());
        }
        Ok(())
    }
}
