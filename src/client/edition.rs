//! `Update`: a body the client can send, and the generated client each one goes through.

use std::future::Future;

use reqwest::header::HeaderMap;

use crate::body::field::ToRaw;
use crate::client::answer::{self, ErrorBody};
use crate::raw::Hooks;
use crate::{Error, LoginType, UserUpdate, ValidationErrors, raw};
pub(crate) use sealed::Query;

/// A request body [`Client::update_user`](crate::Client::update_user) can send: the reference
/// page's [`UserUpdate`] (Zoom's 2021 surface) or Zoom's current
/// [`v2025::UserUpdate`](crate::v2025::UserUpdate). Sealed: only this crate's validated bodies
/// implement it.
pub trait Update: sealed::Edition + Clone + Send + Sync + 'static {
    /// The `login_type` query parameter of this surface.
    type LoginType: Copy + std::fmt::Debug + std::fmt::Display + Send + Sync + 'static;
}

pub(crate) mod sealed {
    use super::*;

    /// The query parameters of one update.
    #[derive(Debug, Clone, Copy, Default)]
    pub struct Query<L> {
        pub(crate) login_type: Option<L>,
        /// 2025 only.
        pub(crate) remove_tsp_credentials: Option<bool>,
    }

    /// What the client needs of a body: its generated form, and the call of its generated
    /// client.
    pub trait Edition: Sized {
        /// The generated body type.
        type Raw: Send + Sync + 'static;

        /// The generated body.
        fn raw_body(&self) -> Result<Self::Raw, ValidationErrors>;

        /// One request through the generated client, with these hooks; the answer's status and
        /// headers on success.
        fn send_raw(
            base_url: &str,
            http: &reqwest::Client,
            hooks: Hooks,
            user_id: &str,
            query: Query<<Self as super::Update>::LoginType>,
            body: &Self::Raw,
        ) -> impl Future<Output = Result<(u16, HeaderMap), Error>> + Send
        where
            Self: super::Update;
    }
}

impl Update for UserUpdate {
    type LoginType = LoginType;
}

impl sealed::Edition for UserUpdate {
    type Raw = raw::types::UserUpdateBody;

    fn raw_body(&self) -> Result<Self::Raw, ValidationErrors> {
        self.to_raw()
    }

    async fn send_raw(
        base_url: &str,
        http: &reqwest::Client,
        hooks: Hooks,
        user_id: &str,
        query: Query<LoginType>,
        body: &Self::Raw,
    ) -> Result<(u16, HeaderMap), Error> {
        let observed = hooks.observed.clone();
        let login_type = query
            .login_type
            .as_ref()
            .map(ToRaw::to_raw)
            .transpose()
            .map_err(|e| Error::Validation(e.with_prefix("?login_type")))?;
        let client = raw::Client::new_with_client(base_url, http.clone(), hooks);
        let result = client.user_update(user_id, login_type, body).await;
        answer::read(result, observed).await
    }
}

impl ErrorBody for raw::types::ZoomError {
    fn into_parts(self) -> answer::ErrorParts {
        answer::ErrorParts {
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
