//! Layer 0, the generated code: what every edition's generated client is built with.
//!
//! Each edition's `raw` module ([`v2021::raw`](crate::v2021::raw),
//! [`v2025::raw`](crate::v2025::raw)) is progenitor's output for the edition's fragment under
//! `openapi/`, written by `build.rs`, used as generated but for the two fidelity edits
//! `openapi/README.md` names, and exposed on purpose, **unchecked**: it enforces only what the
//! fragment states in schema keywords, none of the spec's prose rules, and its `Debug` shows every
//! value, a host key included. Prefer the validated types.
//!
//! Every generated client runs its requests through [`Hooks`], its inner type: the port through
//! which the client layer adds auth, bounds answers and captures dry runs. `Hooks::default()`
//! sends as progenitor would, so a raw client is usable on its own (give the `reqwest::Client` a
//! default `Authorization` header).

use std::sync::Arc;

use progenitor_client::{Error, ResponseValue};

/// The inner state of every generated client: the hooks its requests run through.
/// `Hooks::default()` adds nothing and sends with the client's `reqwest::Client`.
#[derive(Clone, Default)]
pub struct Hooks(Option<Arc<dyn Exchange>>);

impl std::fmt::Debug for Hooks {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.is_some() {
            "Hooks(<client layer>)"
        } else {
            "Hooks(none)"
        })
    }
}

/// What the client layer does around each request of a generated client.
pub(crate) trait Exchange: Send + Sync {
    /// Before the request is sent (headers, the path).
    fn pre(&self, request: &mut reqwest::Request);
    /// The answer to give instead of sending the request (a dry run keeps the request and
    /// answers 204), or `None` to send it.
    fn instead_of_sending(&self, request: &reqwest::Request) -> Option<reqwest::Response>;
    /// The answer as the generated code is to read it (sent to `sent_to`).
    fn received(&self, sent_to: &reqwest::Url, response: reqwest::Response) -> reqwest::Response;
    /// After the answer (or the failure) arrived, before the generated code reads it.
    fn post(&self, result: &reqwest::Result<reqwest::Response>);
}

impl Hooks {
    /// Hooks that run every request through `exchange`.
    pub(crate) fn new(exchange: Arc<dyn Exchange>) -> Self {
        Self(Some(exchange))
    }

    pub(crate) fn pre(&self, request: &mut reqwest::Request) {
        if let Some(exchange) = &self.0 {
            exchange.pre(request);
        }
    }

    pub(crate) async fn exec(
        &self,
        http: &reqwest::Client,
        request: reqwest::Request,
    ) -> reqwest::Result<reqwest::Response> {
        let Some(exchange) = &self.0 else {
            return http.execute(request).await;
        };
        if let Some(answer) = exchange.instead_of_sending(&request) {
            return Ok(answer);
        }
        let sent_to = request.url().clone();
        let response = http.execute(request).await?;
        Ok(exchange.received(&sent_to, response))
    }

    pub(crate) fn post(&self, result: &reqwest::Result<reqwest::Response>) {
        if let Some(exchange) = &self.0 {
            exchange.post(result);
        }
    }
}

/// Zoom's error body, `{code, message, errors: [{field, message}]}`, whichever edition's
/// generated type decoded it.
#[derive(Debug)]
pub struct ErrorParts {
    pub(crate) code: i32,
    pub(crate) message: String,
    pub(crate) errors: Vec<(Option<String>, Option<String>)>,
}

/// An edition's generated error body, as [`ErrorParts`].
pub(crate) trait ErrorBody {
    fn into_parts(self) -> ErrorParts;
}

/// What a generated `user_update` call returns, its error body as [`ErrorParts`].
pub type Answer = Result<ResponseValue<()>, Error<ErrorParts>>;

/// The answer of an edition's generated call, its error body made edition-independent.
// The error is the generated client's own type, passed on once per request.
#[allow(clippy::result_large_err)]
pub(crate) fn answer<E: ErrorBody>(result: Result<ResponseValue<()>, Error<E>>) -> Answer {
    result.map_err(|e| match e {
        Error::ErrorResponse(response) => {
            let (status, headers) = (response.status(), response.headers().clone());
            Error::ErrorResponse(ResponseValue::new(
                response.into_inner().into_parts(),
                status,
                headers,
            ))
        }
        Error::InvalidRequest(s) => Error::InvalidRequest(s),
        Error::CommunicationError(e) => Error::CommunicationError(e),
        Error::InvalidUpgrade(e) => Error::InvalidUpgrade(e),
        Error::ResponseBodyError(e) => Error::ResponseBodyError(e),
        Error::InvalidResponsePayload(bytes, e) => Error::InvalidResponsePayload(bytes, e),
        Error::UnexpectedResponse(response) => Error::UnexpectedResponse(response),
        Error::Custom(s) => Error::Custom(s),
    })
}

/// Declares an edition's generated module, `raw`: progenitor's output for the edition's fragment
/// (`$OUT_DIR/<fragment>.rs`, which `build.rs` writes from `openapi/<fragment>.json`) with its
/// lint allowances on this module alone, and what completes it: its client's hooks are
/// [`Hooks`] (re-exported there, for raw users), and its `ZoomError` reads as [`ErrorParts`]
/// (every fragment declares the same error body; the xtask checks it).
macro_rules! generated_module {
    ($fragment:literal) => {
        #[doc = concat!("The generated layer of this edition: progenitor's types and client for `openapi/", $fragment, ".json`, exposed on purpose and **unchecked** (the crate's layer 0): they enforce only what the fragment states in schema keywords, none of the spec's prose rules, and their `Debug` shows every value, a host key included. Prefer the edition's `UserUpdate`.")]
        #[allow(
            missing_docs,
            unused_imports,
            unused_qualifications,
            clippy::all,
            clippy::pedantic,
            rustdoc::all
        )]
        pub mod raw {
            include!(concat!(env!("OUT_DIR"), "/", $fragment, ".rs"));

            $crate::generated::generated_module!(@complete);

            /// The inner type of this edition's generated [`Client`]: `Hooks::default()` sends as
            /// progenitor would.
            pub use $crate::generated::Hooks;
        }
    };
    (@complete) => {
        impl progenitor_client::ClientHooks<$crate::generated::Hooks> for Client {
            async fn pre<E>(
                &self,
                request: &mut reqwest::Request,
                _info: &OperationInfo,
            ) -> Result<(), progenitor_client::Error<E>> {
                self.inner.pre(request);
                Ok(())
            }

            async fn exec(
                &self,
                request: reqwest::Request,
                _info: &OperationInfo,
            ) -> reqwest::Result<reqwest::Response> {
                self.inner.exec(&self.client, request).await
            }

            async fn post<E>(
                &self,
                result: &reqwest::Result<reqwest::Response>,
                _info: &OperationInfo,
            ) -> Result<(), progenitor_client::Error<E>> {
                self.inner.post(result);
                Ok(())
            }
        }

        impl $crate::generated::ErrorBody for types::ZoomError {
            fn into_parts(self) -> $crate::generated::ErrorParts {
                $crate::generated::ErrorParts {
                    code: self.code,
                    message: self.message,
                    errors: self
                        .errors
                        .into_iter()
                        .map(|f| (f.field, f.message))
                        .collect(),
                }
            }
        }
    };
}

pub(crate) use generated_module;
