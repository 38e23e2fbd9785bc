//! The list of editions, one entry each (`lib.rs`). From it follow [`Edition`], the run-time name
//! of an edition (for command lines and configuration files), and [`AnyUpdate`] / [`AnyQuery`]:
//! a body and query parameters of an edition chosen at run time, which the same
//! [`Client`](crate::Client) sends without the caller writing a `match`.

/// Declares the editions: `editions! { V2021 => v2021, V2025 => v2025 (default) }`. The one
/// marked `(default)` is `Edition::default()` and the crate root re-exports its module.
macro_rules! editions {
    // The default edition (one entry only: a second would declare a second `Default`).
    (@default $variant:ident $module:ident) => {
        pub use $module::*;

        /// Zoom's current edition, the one the crate root re-exports.
        impl Default for Edition {
            fn default() -> Self {
                Edition::$variant
            }
        }
    };
    ($($(#[doc = $doc:literal])* $variant:ident => $module:ident $(($default:ident))?),+ $(,)?) => {
        $(
            $(#[doc = $doc])*
            pub mod $module;
        )+

        /// The name of an edition, chosen at run time: from a command line
        /// (`"2025".parse()`), a configuration file (`Deserialize`), or an update
        /// ([`AnyUpdate::edition`]). It reads and checks bodies, query parameters and bulk lines
        /// of its edition as [`AnyUpdate`] and [`AnyQuery`].
        ///
        /// ```
        /// use zoom_user_update::{Edition, Policy};
        ///
        /// let edition: Edition = " v2021 ".parse()?; // the module's name, or just the year
        /// assert_eq!(edition, "2021".parse()?);
        /// assert_eq!(Edition::default().to_string(), "2025"); // Zoom's current edition
        /// let update = edition.from_json(r#"{"type": 3}"#, Policy::Spec)?; // On-prem: 2021 only
        /// assert_eq!(update.edition(), edition);
        /// assert!(Edition::V2025.from_json(r#"{"type": 3}"#, Policy::Spec).is_err());
        /// # Ok::<(), Box<dyn std::error::Error>>(())
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum Edition {
            $($(#[doc = $doc])* $variant,)+
        }

        $($($crate::editions::editions!(@$default $variant $module);)?)+

        impl Edition {
            /// Every edition, oldest first.
            pub const ALL: &'static [Edition] = &[$(Edition::$variant),+];

            /// The edition's name: its year (`2025`).
            #[must_use]
            pub fn name(self) -> &'static str {
                &self.module()[1..]
            }

            /// The name of the edition's module (`v2025`).
            #[must_use]
            pub fn module(self) -> &'static str {
                match self {
                    $(Edition::$variant => stringify!($module),)+
                }
            }

            /// The rule rows of the edition: the path parameter, the query parameters, then the
            /// body, in the tables' order.
            #[must_use]
            pub fn field_rules(self) -> &'static [$crate::body::rules::FieldRule] {
                match self {
                    $(Edition::$variant => $module::field_rules(),)+
                }
            }

            /// Reads and checks a JSON body of this edition (see the edition's
            /// `UserUpdate::from_json`).
            ///
            /// # Errors
            ///
            /// [`ValidationErrors`](crate::ValidationErrors) with every violation found.
            pub fn from_json(
                self,
                json: impl AsRef<[u8]>,
                policy: $crate::body::policy::Policy,
            ) -> Result<AnyUpdate, $crate::body::violation::ValidationErrors> {
                match self {
                    $(Edition::$variant => $module::UserUpdate::from_json(json, policy).map(AnyUpdate::$variant),)+
                }
            }

            /// Checks a parsed JSON body of this edition.
            ///
            /// # Errors
            ///
            /// [`ValidationErrors`](crate::ValidationErrors) with every violation found.
            pub fn from_value(
                self,
                value: &serde_json::Value,
                policy: $crate::body::policy::Policy,
            ) -> Result<AnyUpdate, $crate::body::violation::ValidationErrors> {
                match self {
                    $(Edition::$variant => $module::UserUpdate::from_value(value, policy).map(AnyUpdate::$variant),)+
                }
            }

            /// Checks the query parameters of this edition, given as a JSON object (each by its
            /// value, or as text: `{"login_type": "sso"}`).
            ///
            /// # Errors
            ///
            /// [`ValidationErrors`](crate::ValidationErrors) with every violation found.
            pub fn query_from_value(
                self,
                value: &serde_json::Value,
            ) -> Result<AnyQuery, $crate::body::violation::ValidationErrors> {
                let json = $crate::body::json::Json::from_value(value)?;
                match self {
                    $(Edition::$variant => <$module::UserUpdate as $crate::body::update::Read>::read_query(json).map(AnyQuery::$variant),)+
                }
            }

            /// Parses and checks one line of a bulk file of this edition (see
            /// [`BulkLineOf::parse`](crate::BulkLineOf::parse)).
            ///
            /// # Errors
            ///
            /// [`ValidationErrors`](crate::ValidationErrors) with every violation of the line.
            pub fn bulk_line(
                self,
                line: &[u8],
                policy: $crate::body::policy::Policy,
            ) -> Result<$crate::body::bulk_line::BulkLineOf<AnyUpdate>, $crate::body::violation::ValidationErrors> {
                match self {
                    $(Edition::$variant => $module::BulkLine::parse(line, policy).map(|line| {
                        $crate::body::bulk_line::BulkLineOf {
                            user_id: line.user_id,
                            query: AnyQuery::$variant(line.query),
                            update: AnyUpdate::$variant(line.update),
                        }
                    }),)+
                }
            }
        }

        impl std::fmt::Display for Edition {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.name())
            }
        }

        /// Parses an edition's year (`2025`) or its module's name (`v2025`, any case), with
        /// surrounding whitespace ignored.
        impl std::str::FromStr for Edition {
            type Err = $crate::types::UnknownName;
            fn from_str(s: &str) -> Result<Self, $crate::types::UnknownName> {
                let name = s.trim();
                Edition::ALL
                    .iter()
                    .copied()
                    .find(|e| e.name() == name || e.module().eq_ignore_ascii_case(name))
                    .ok_or_else(|| {
                        $crate::types::UnknownName::new(
                            "edition",
                            s,
                            concat!($(stringify!($module), " ",)+ "(or the year alone)"),
                        )
                    })
            }
        }

        $crate::types::by_name!(Edition);

        /// A validated body of an edition chosen at run time: read one with
        /// [`Edition::from_json`], or convert an edition's `UserUpdate` with `From`. It is an
        /// [`Update`](crate::Update): [`Client::update_user`](crate::Client::update_user) sends it
        /// through its edition's generated client.
        ///
        /// ```
        /// use zoom_user_update::{AnyQuery, Edition, Policy};
        ///
        /// let edition: Edition = "2021".parse()?; // from a flag or a config file
        /// let update = edition.from_json(r#"{"dept": "Research"}"#, Policy::Spec)?;
        /// let query = edition.query_from_value(&serde_json::json!({"login_type": "sso"}))?;
        /// assert_eq!(serde_json::to_string(&update)?, r#"{"dept":"Research"}"#);
        /// # let _: AnyQuery = query;
        /// # Ok::<(), Box<dyn std::error::Error>>(())
        /// ```
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        pub enum AnyUpdate {
            $($(#[doc = $doc])* $variant($module::UserUpdate),)+
        }

        /// The query parameters of an edition chosen at run time ([`Edition::query_from_value`]),
        /// for an [`AnyUpdate`] of the same edition; `Default` is none.
        #[derive(Debug, Clone, Default, PartialEq)]
        #[non_exhaustive]
        pub enum AnyQuery {
            /// No query parameter.
            #[default]
            None,
            $($(#[doc = $doc])* $variant($module::Query),)+
        }

        /// The `login_type` of an edition chosen at run time.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum AnyLoginType {
            $($(#[doc = $doc])* $variant($module::LoginType),)+
        }

        impl std::fmt::Display for AnyLoginType {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                match self {
                    $(AnyLoginType::$variant(login_type) => login_type.fmt(f),)+
                }
            }
        }

        $(
            impl From<$module::UserUpdate> for AnyUpdate {
                fn from(update: $module::UserUpdate) -> Self {
                    AnyUpdate::$variant(update)
                }
            }

            impl From<$module::Query> for AnyQuery {
                fn from(query: $module::Query) -> Self {
                    AnyQuery::$variant(query)
                }
            }

            impl From<$module::LoginType> for AnyLoginType {
                fn from(login_type: $module::LoginType) -> Self {
                    AnyLoginType::$variant(login_type)
                }
            }
        )+

        /// Writes the body of its edition, as that edition's `UserUpdate` writes it.
        impl serde::Serialize for AnyUpdate {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                match self {
                    $(AnyUpdate::$variant(update) => update.serialize(serializer),)+
                }
            }
        }

        impl AnyUpdate {
            /// The edition of the body.
            #[must_use]
            pub fn edition(&self) -> Edition {
                match self {
                    $(AnyUpdate::$variant(_) => Edition::$variant,)+
                }
            }
        }

        /// The generated body of an [`AnyUpdate`].
        #[doc(hidden)]
        pub enum AnyRawBody {
            $($variant(<$module::UserUpdate as $crate::body::update::Update>::RawBody),)+
        }

        /// The generated query arguments of an [`AnyUpdate`].
        #[doc(hidden)]
        pub enum AnyRawQuery {
            $($variant(<$module::UserUpdate as $crate::body::update::Update>::RawQuery),)+
        }

        impl AnyRawBody {
            fn edition(&self) -> Edition {
                match self {
                    $(AnyRawBody::$variant(_) => Edition::$variant,)+
                }
            }
        }

        impl $crate::body::update::sealed::Sealed for AnyUpdate {}

        /// Each method is the edition's own. Reading through this trait (`from_json`,
        /// `from_value`) reads the default edition; [`Edition::from_json`] reads any.
        impl $crate::body::update::Update for AnyUpdate {
            type LoginType = AnyLoginType;
            type Query = AnyQuery;
            type RawBody = AnyRawBody;
            type RawQuery = AnyRawQuery;

            fn from_json(
                json: impl AsRef<[u8]>,
                policy: $crate::body::policy::Policy,
            ) -> Result<Self, $crate::body::violation::ValidationErrors> {
                Edition::default().from_json(json, policy)
            }

            fn from_value(
                value: &serde_json::Value,
                policy: $crate::body::policy::Policy,
            ) -> Result<Self, $crate::body::violation::ValidationErrors> {
                Edition::default().from_value(value, policy)
            }

            fn warnings(&self) -> Vec<$crate::body::warning::Warning> {
                match self {
                    $(AnyUpdate::$variant(update) => update.warnings(),)+
                }
            }

            fn policy(&self) -> $crate::body::policy::Policy {
                match self {
                    $(AnyUpdate::$variant(update) => update.policy(),)+
                }
            }

            fn edition_name(&self) -> &'static str {
                AnyUpdate::edition(self).name()
            }

            /// The login type's edition decides; the query's parameters of that edition stay.
            fn query_with_login_type(query: AnyQuery, login_type: AnyLoginType) -> AnyQuery {
                match login_type {
                    $(AnyLoginType::$variant(login_type) => AnyQuery::$variant(match query {
                        AnyQuery::$variant(query) => query,
                        _ => $module::Query::new(),
                    }.login_type(login_type)),)+
                }
            }

            fn field_rules(&self) -> &'static [$crate::body::rules::FieldRule] {
                AnyUpdate::edition(self).field_rules()
            }

            fn raw_body(&self) -> Result<AnyRawBody, $crate::body::violation::ValidationErrors> {
                match self {
                    $(AnyUpdate::$variant(update) => update.raw_body().map(AnyRawBody::$variant),)+
                }
            }

            fn raw_query(
                body: &AnyRawBody,
                query: &AnyQuery,
            ) -> Result<AnyRawQuery, $crate::body::violation::ValidationErrors> {
                match query {
                    AnyQuery::None => match body {
                        $(AnyRawBody::$variant(body) => <$module::UserUpdate as $crate::body::update::Update>::raw_query(body, &$module::Query::new()).map(AnyRawQuery::$variant),)+
                    },
                    $(AnyQuery::$variant(query) => match body {
                        AnyRawBody::$variant(body) => <$module::UserUpdate as $crate::body::update::Update>::raw_query(body, query).map(AnyRawQuery::$variant),
                        #[allow(unreachable_patterns)]
                        other => Err($crate::body::violation::ValidationErrors::here(
                            $crate::types::Rule::EditionMismatch {
                                body: other.edition().name(),
                                query: Edition::$variant.name(),
                            },
                        )),
                    },)+
                }
            }

            fn send<'a>(
                base_url: &'a str,
                http: &'a reqwest::Client,
                hooks: $crate::generated::Hooks,
                user_id: &'a str,
                query: &'a AnyRawQuery,
                body: &'a AnyRawBody,
            ) -> impl std::future::Future<Output = $crate::generated::Answer> + Send + 'a {
                // The edition is chosen at run time: its future is boxed.
                let future: std::pin::Pin<Box<dyn std::future::Future<Output = $crate::generated::Answer> + Send + 'a>> = match (query, body) {
                    $((AnyRawQuery::$variant(query), AnyRawBody::$variant(body)) => {
                        Box::pin(<$module::UserUpdate as $crate::body::update::Update>::send(base_url, http, hooks, user_id, query, body))
                    })+
                    #[allow(unreachable_patterns)]
                    _ => Box::pin(std::future::ready(Err(progenitor_client::Error::InvalidRequest(
                        "the query parameters are of another edition than the body".to_owned(),
                    )))),
                };
                future
            }
        }
    };
}

pub(crate) use editions;
