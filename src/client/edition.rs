//! `Update`: a body the client can send, and the generated client each one goes through.

use std::future::Future;

use crate::body::field::FieldKind;
use crate::body::field::ToRaw;
use crate::body::json::Json;
use crate::client::answer::{self, ErrorBody};
use crate::raw::Hooks;
use crate::{
    Error, LoginType, Policy, Rule, Updated, UserUpdate, UserUpdateBuilder, ValidationErrors, raw,
    v2025,
};
pub(crate) use sealed::Query;

/// A request body [`Client::update_user`](crate::Client::update_user) can send: the reference
/// page's [`UserUpdate`] (Zoom's 2021 surface) or Zoom's current
/// [`v2025::UserUpdate`](crate::v2025::UserUpdate). Sealed: only this crate's validated bodies
/// implement it.
pub trait Update: sealed::Edition + Clone + Send + Sync + 'static {
    /// The `login_type` query parameter of this surface.
    type LoginType: Copy + std::fmt::Debug + std::fmt::Display + Send + Sync + 'static;

    /// The edition of Zoom's spec this body follows (its rule rows are
    /// [`spec::field_rules(Self::EDITION)`](crate::spec::field_rules)).
    const EDITION: crate::spec::Edition;

    /// Reads and checks a JSON body: the body type's own `from_json`, for code written once
    /// for either edition.
    ///
    /// ```
    /// use zoom_user_update::{Policy, Update, UserUpdate, v2025};
    ///
    /// fn valid<U: Update>(body: &str) -> bool {
    ///     U::from_json(body.as_bytes(), Policy::Spec).is_ok()
    /// }
    /// assert!(valid::<v2025::UserUpdate>(r#"{"pronouns_option": 1}"#));
    /// assert!(!valid::<UserUpdate>(r#"{"pronouns_option": 1}"#));
    /// ```
    ///
    /// # Errors
    ///
    /// [`ValidationErrors`] with every violation found.
    fn from_json(json: &[u8], policy: Policy) -> Result<Self, ValidationErrors>;

    /// Checks a parsed JSON value: the body type's own `from_value`.
    ///
    /// # Errors
    ///
    /// [`ValidationErrors`] with every violation found.
    fn from_value(value: &serde_json::Value, policy: Policy) -> Result<Self, ValidationErrors>;

    /// What the body does that the spec discourages: the body type's own `warnings`.
    fn warnings(&self) -> Vec<crate::Warning>;

    /// A `login_type` from its spec value or its name: the login type's own `from_name`.
    ///
    /// # Errors
    ///
    /// [`Rule::UnknownValue`] for a value or name this edition does not list.
    fn login_type_from_name(name: &str) -> Result<Self::LoginType, Rule>;
}

/// The trait's methods are the body types' own (inherent methods come first in a path call).
macro_rules! update_methods {
    ($login_type:ty) => {
        fn from_json(json: &[u8], policy: Policy) -> Result<Self, ValidationErrors> {
            Self::from_json(json, policy)
        }

        fn from_value(value: &serde_json::Value, policy: Policy) -> Result<Self, ValidationErrors> {
            Self::from_value(value, policy)
        }

        fn warnings(&self) -> Vec<crate::Warning> {
            Self::warnings(self)
        }

        fn login_type_from_name(name: &str) -> Result<$login_type, Rule> {
            <$login_type>::from_name(name)
        }
    };
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

    /// What the client (and a bulk line) needs of a body: its generated form, the call of its
    /// generated client, and how its surface reads from JSON.
    pub trait Edition: Sized {
        /// The generated body type.
        type Raw: Send + Sync + 'static;

        /// Whether the surface has the `remove_tsp_credentials` query flag.
        const HAS_REMOVE_TSP_CREDENTIALS: bool;

        /// Reads and checks a body.
        fn read(json: Json, policy: Policy) -> Result<Self, ValidationErrors>;

        /// Reads a `login_type` (the spec's value, or a name as text).
        fn read_login_type(json: Json) -> Result<<Self as super::Update>::LoginType, Rule>
        where
            Self: super::Update;

        /// The generated body.
        fn raw_body(&self) -> Result<Self::Raw, ValidationErrors>;

        /// One request through the generated client, with these hooks.
        fn send_raw(
            base_url: &str,
            http: &reqwest::Client,
            hooks: Hooks,
            user_id: &str,
            query: Query<<Self as super::Update>::LoginType>,
            body: &Self::Raw,
        ) -> impl Future<Output = Result<Updated, Error>> + Send
        where
            Self: super::Update;
    }
}

impl Update for UserUpdate {
    type LoginType = LoginType;
    const EDITION: crate::spec::Edition = crate::spec::Edition::V2021;
    update_methods!(LoginType);
}

impl sealed::Edition for UserUpdate {
    type Raw = raw::types::UserUpdateBody;

    const HAS_REMOVE_TSP_CREDENTIALS: bool = false;

    fn read(json: Json, policy: Policy) -> Result<Self, ValidationErrors> {
        UserUpdateBuilder::read(json).policy(policy).build()
    }

    /// A string: the spec's value (`"101"`) or a name (`"sso"`).
    fn read_login_type(json: Json) -> Result<LoginType, Rule> {
        json.into_text().and_then(|s| LoginType::from_name(&s))
    }

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
    ) -> Result<Updated, Error> {
        let observed = hooks.observed.clone();
        let login_type = raw_login_type(query.login_type)?;
        let client = raw::Client::new_with_client(base_url, http.clone(), hooks);
        let result = client.user_update(user_id, login_type, body).await;
        answer::read(result, observed).await
    }
}

impl Update for v2025::UserUpdate {
    type LoginType = v2025::LoginType;
    const EDITION: crate::spec::Edition = crate::spec::Edition::V2025;
    update_methods!(v2025::LoginType);
}

impl sealed::Edition for v2025::UserUpdate {
    type Raw = raw::v2025::types::UserUpdateBody;

    const HAS_REMOVE_TSP_CREDENTIALS: bool = true;

    fn read(json: Json, policy: Policy) -> Result<Self, ValidationErrors> {
        v2025::UserUpdateBuilder::read(json).policy(policy).build()
    }

    /// An integer (`101`), or a name as text (`"sso"`).
    fn read_login_type(json: Json) -> Result<v2025::LoginType, Rule> {
        match json {
            Json::Str(name) => v2025::LoginType::from_name(&name),
            other => <v2025::LoginType as FieldKind>::from_json(other).map_err(|errors| {
                errors
                    .into_iter()
                    .next()
                    .map_or(Rule::Missing, |v| v.rule().clone())
            }),
        }
    }

    fn raw_body(&self) -> Result<Self::Raw, ValidationErrors> {
        self.to_raw()
    }

    async fn send_raw(
        base_url: &str,
        http: &reqwest::Client,
        hooks: Hooks,
        user_id: &str,
        query: Query<v2025::LoginType>,
        body: &Self::Raw,
    ) -> Result<Updated, Error> {
        let observed = hooks.observed.clone();
        let login_type: Option<raw::v2025::types::UserUpdateLoginType> =
            raw_login_type(query.login_type)?;
        let client = raw::v2025::Client::new_with_client(base_url, http.clone(), hooks);
        let result = client
            .user_update(
                user_id,
                login_type.as_ref(),
                query.remove_tsp_credentials,
                body,
            )
            .await;
        answer::read(result, observed).await
    }
}

/// The generated form of a `login_type`.
fn raw_login_type<L: ToRaw<R>, R>(login_type: Option<L>) -> Result<Option<R>, Error> {
    login_type
        .as_ref()
        .map(ToRaw::to_raw)
        .transpose()
        .map_err(|e| Error::Validation(e.with_prefix("?login_type")))
}

/// Zoom's error body, the same in both fragments (`xtask` checks it).
macro_rules! error_body {
    ($($error:ty),*) => {$(
        impl ErrorBody for $error {
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
    )*};
}

error_body!(raw::types::ZoomError, raw::v2025::types::ZoomError);
