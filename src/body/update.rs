//! `Update`: the one trait that says what an edition is — its body (the type that implements
//! it), its query parameters and login type, its rule rows and its generated client. Each
//! edition module implements it for its body; the client and the tool are written once, for
//! any `Update`.

use std::fmt::{Debug, Display};
use std::future::Future;

use crate::body::json::Json;
use crate::body::policy::Policy;
use crate::body::rules::FieldRule;
use crate::body::violation::ValidationErrors;
use crate::body::warning::Warning;
use crate::generated::{Answer, Hooks};

/// A validated request body of one edition, and what its edition is: the body
/// [`Client::update_user`](crate::Client::update_user) sends, with the edition's query
/// parameters, through the edition's generated client. Sealed: only this crate's bodies
/// ([`v2021::UserUpdate`](crate::v2021::UserUpdate), [`v2025::UserUpdate`](crate::v2025::UserUpdate)
/// and [`AnyUpdate`](crate::AnyUpdate)) implement it.
///
/// Code written once for every edition names `U: Update`:
///
/// ```
/// use zoom_user_update::{Policy, Update, v2021, v2025};
///
/// fn valid<U: Update>(body: &str) -> bool {
///     U::from_json(body, Policy::Spec).is_ok()
/// }
/// assert!(valid::<v2025::UserUpdate>(r#"{"pronouns_option": 1}"#));
/// assert!(!valid::<v2021::UserUpdate>(r#"{"pronouns_option": 1}"#));
/// ```
pub trait Update:
    sealed::Sealed + Clone + Debug + PartialEq + serde::Serialize + Send + Sync + 'static
{
    /// The `login_type` query parameter of this edition.
    type LoginType: Copy + Debug + Display + Send + Sync + 'static;

    /// The query parameters of this edition ([`v2025::Query`](crate::v2025::Query), …).
    type Query: Clone + Debug + Default + PartialEq + Send + Sync + 'static;

    /// Reads and checks a JSON body (text, or bytes as loaded from a file): the body type's own
    /// `from_json`. For [`AnyUpdate`](crate::AnyUpdate), which has no edition of its own, it reads
    /// the default edition; [`Edition::from_json`](crate::Edition::from_json) reads any.
    ///
    /// # Errors
    ///
    /// [`ValidationErrors`] with every violation found.
    fn from_json(json: impl AsRef<[u8]>, policy: Policy) -> Result<Self, ValidationErrors>;

    /// Checks a parsed JSON value: the body type's own `from_value`.
    ///
    /// # Errors
    ///
    /// [`ValidationErrors`] with every violation found.
    fn from_value(value: &serde_json::Value, policy: Policy) -> Result<Self, ValidationErrors>;

    /// What the body does that the spec discourages: the body type's own `warnings`.
    fn warnings(&self) -> Vec<Warning>;

    /// The rules the body was checked against.
    fn policy(&self) -> Policy;

    /// The name of the body's edition (`2021`, `2025`; [`Edition::name`](crate::Edition::name)).
    fn edition_name(&self) -> &'static str;

    /// `query` with `login_type` set.
    fn query_with_login_type(query: Self::Query, login_type: Self::LoginType) -> Self::Query;

    /// The rule rows of the body's edition.
    fn field_rules(&self) -> &'static [FieldRule];

    #[doc(hidden)]
    /// The generated body.
    type RawBody: Send + Sync + 'static;

    #[doc(hidden)]
    /// The generated query arguments.
    type RawQuery: Send + Sync + 'static;

    #[doc(hidden)]
    /// The body as its edition's generated type.
    fn raw_body(&self) -> Result<Self::RawBody, ValidationErrors>;

    #[doc(hidden)]
    /// The query as the arguments of the edition's generated method, for `body`'s edition.
    fn raw_query(
        body: &Self::RawBody,
        query: &Self::Query,
    ) -> Result<Self::RawQuery, ValidationErrors>;

    #[doc(hidden)]
    /// One request through the edition's generated client, with `hooks`.
    fn send<'a>(
        base_url: &'a str,
        http: &'a reqwest::Client,
        hooks: Hooks,
        user_id: &'a str,
        query: &'a Self::RawQuery,
        body: &'a Self::RawBody,
    ) -> impl Future<Output = Answer> + Send + 'a;
}

/// What an edition's bulk line reads: its body and its query parameters, from JSON.
pub trait Read: Update {
    /// Reads and checks a body.
    fn read_body(json: Json<'_>, policy: Policy) -> Result<Self, ValidationErrors>;

    /// Reads and checks the query parameters (a member each, by value or, for an enum, by name).
    fn read_query(json: Json<'_>) -> Result<Self::Query, ValidationErrors>;
}

pub(crate) mod sealed {
    /// Only this crate's bodies are updates.
    pub trait Sealed {}
}

/// Makes an edition's body an [`Update`] (and gives its bulk line [`Read`]): what every edition
/// shares is written here once; the edition gives its names, its rule rows' source, and the two
/// things that differ: its query as the generated method's arguments, and the call of its
/// generated client (`$client` is the generated client, built with the hooks).
macro_rules! edition {
    (
        edition $name:literal, body $body:ident, builder $builder:ident, query $query:ident,
        login_type $login_type:ident, source $source:expr;
        raw_query($q:ident) -> $raw_query:ty $raw_query_fn:block
        send($client:ident, $user_id:ident, $query_args:ident, $raw_body:ident) $send:block
    ) => {
        /// The rule rows of this edition: the path parameter, the query parameters, then the
        /// body, in the tables' order (the README's rule table of the edition is made from them).
        #[must_use]
        pub fn field_rules() -> &'static [$crate::body::rules::FieldRule] {
            static RULES: std::sync::LazyLock<Vec<$crate::body::rules::FieldRule>> =
                std::sync::LazyLock::new(|| {
                    $crate::body::object::edition_rows::<$query, $body>($source)
                });
            &RULES
        }

        impl $crate::body::update::sealed::Sealed for $body {}

        impl $crate::body::update::Update for $body {
            type LoginType = $login_type;
            type Query = $query;
            type RawBody = raw::types::UserUpdateBody;
            type RawQuery = $raw_query;

            fn from_json(
                json: impl AsRef<[u8]>,
                policy: $crate::body::policy::Policy,
            ) -> Result<Self, $crate::body::violation::ValidationErrors> {
                $body::from_json(json, policy)
            }

            fn from_value(
                value: &serde_json::Value,
                policy: $crate::body::policy::Policy,
            ) -> Result<Self, $crate::body::violation::ValidationErrors> {
                $body::from_value(value, policy)
            }

            fn warnings(&self) -> Vec<$crate::body::warning::Warning> {
                $body::warnings(self)
            }

            fn policy(&self) -> $crate::body::policy::Policy {
                $body::policy(self)
            }

            fn edition_name(&self) -> &'static str {
                $name
            }

            fn query_with_login_type(query: $query, login_type: $login_type) -> $query {
                query.login_type(login_type)
            }

            fn field_rules(&self) -> &'static [$crate::body::rules::FieldRule] {
                field_rules()
            }

            fn raw_body(&self) -> Result<Self::RawBody, $crate::body::violation::ValidationErrors> {
                self.to_raw()
            }

            fn raw_query(
                _body: &Self::RawBody,
                query: &$query,
            ) -> Result<$raw_query, $crate::body::violation::ValidationErrors> {
                let $q = $crate::body::object::Object::values(query);
                $raw_query_fn
            }

            fn send<'a>(
                base_url: &'a str,
                http: &'a reqwest::Client,
                hooks: $crate::generated::Hooks,
                $user_id: &'a str,
                $query_args: &'a $raw_query,
                $raw_body: &'a Self::RawBody,
            ) -> impl std::future::Future<Output = $crate::generated::Answer> + Send + 'a {
                async move {
                    let $client = raw::Client::new_with_client(base_url, http.clone(), hooks);
                    $crate::generated::answer($send)
                }
            }
        }

        impl $crate::body::update::Read for $body {
            fn read_body(
                json: $crate::body::json::Json<'_>,
                policy: $crate::body::policy::Policy,
            ) -> Result<Self, $crate::body::violation::ValidationErrors> {
                $builder::read(json).policy(policy).build()
            }

            fn read_query(
                json: $crate::body::json::Json<'_>,
            ) -> Result<$query, $crate::body::violation::ValidationErrors> {
                $crate::body::object::Builder::read(json).build()
            }
        }
    };
}

pub(crate) use edition;
