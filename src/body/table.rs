//! The field table: `table!` declares an object of a request (a body, an object inside one, or
//! the query parameters) with one line per field. It declares, and nothing more: the struct of
//! the values, the value and builder types with their setters and getters, and the fields as
//! data (a [`Line`](crate::body::object::Line) and typed access each). Checking, the JSON
//! intake, the rule rows, `Policy::Strict`, the warnings, the conversion to the generated type
//! and `Debug` are the generic functions of `object.rs`, which walk that data.
//!
//! A line is `name: Type = sources, …;` under its one-line documentation:
//!
//! ```text
//! /// User's first name.
//! first_name: PersonName = SEED;
//! /// User type.
//! user_type as "type" in type_: UserType = SEED;          // JSON name and generated field differ
//! /// Personal Meeting ID.
//! pmi: Pmi = SEED, strict policy::PMI;                    // a Policy::Strict rule
//! /// Phone number (deprecated).
//! phone_number: Text = SEED, requires phone_country, deprecated "/phone_numbers/number";
//! /// The user's phone numbers.
//! phone_numbers: List<PhoneNumber, 3> = SPEC, cleared_by clear_phone_numbers;
//! ```
//!
//! `Type` is a field type: a validated type, `Text<MAX>`, `bool`, an enum-like type, an object
//! of another table, or a `List` of them. `requires` names another field of the table (a name
//! that is not one fails to compile); `cleared_by` names a setter that sets the list to `[]`.
//! An object's `required [a, b]` lists the members the spec requires, as OpenAPI does.
//!
//! The kinds: `body` (a request body: a policy, warnings, the JSON entry points, sent as its
//! generated type field by field), `member` (an object inside a body: its builder is a
//! `FieldInput`, sent as its generated type field by field), `required_member` (the same, for an
//! object with required members, whose generated type has no `Default`: sent through JSON, as
//! the generated type reads it) and `query` (the query parameters: infallible setters of
//! validated values, read from JSON or text by the bulk line and the tool).

macro_rules! table {
    (
        $(#[doc = $doc:literal])*
        pub $kind:ident $name:ident($fields:ident) $(, builder $builder:ident)? $(, raw $raw:ty)?
            $(, required [$($required:ident),* $(,)?])? {
            $(
                $(#[doc = $fdoc:literal])*
                $field:ident $(as $json:literal)? $(in $raw_field:ident)? : $ty:ty = $source:expr
                    $(, strict $strict:expr)?
                    $(, requires $requires:ident)?
                    $(, deprecated $replacement:literal)?
                    $(, cleared_by $clear:ident)?
                ;
            )*
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Clone, PartialEq)]
        pub struct $name {
            /// Boxed: a value is built, returned and moved as a pointer.
            values: Box<$fields>,
            /// Which values are set.
            set: $crate::body::object::Set,
            policy: $crate::body::policy::Policy,
        }

        /// The values of the fields that are set.
        #[derive(Clone, Default, PartialEq)]
        pub(crate) struct $fields {
            $(pub(crate) $field: Option<$ty>,)*
        }

        impl $fields {
            /// The fields' Rust names, in the table's order.
            const NAMES: &'static [&'static str] = &[$(stringify!($field)),*];
        }

        const _: () = assert!($fields::NAMES.len() <= $crate::body::object::Set::MAX_FIELDS);

        impl $crate::body::object::Object for $name {
            type Values = $fields;
            type Raw = $crate::body::table::table!(@raw_type $kind $($raw)?);
            const NAME: &'static str = stringify!($name);
            const KIND: $crate::body::object::ObjectKind =
                $crate::body::table::table!(@kind $kind);
            const REQUIRED: &'static [usize] = &[$($(
                $crate::body::object::index_of($fields::NAMES, stringify!($required))
            ),*)?];

            fn fields() -> &'static [&'static dyn $crate::body::object::Field<Self>] {
                const FIELDS: &[&dyn $crate::body::object::Field<$name>] = &[$(&$crate::body::object::At::<$name, $ty> {
                    line: $crate::body::object::Line {
                        name: $crate::body::table::table!(@json $($json)? $field),
                        path: concat!("/", $crate::body::table::table!(@json $($json)? $field)),
                        doc: concat!($($fdoc),*).trim_ascii(),
                        source: $source,
                        requires: $crate::body::table::table!(@some $(
                            $crate::body::object::index_of($fields::NAMES, stringify!($requires))
                        )?),
                        deprecated: $crate::body::table::table!(@some $($replacement)?),
                        required: $crate::body::object::contains(
                            <$name as $crate::body::object::Object>::REQUIRED,
                            $crate::body::object::index_of($fields::NAMES, stringify!($field)),
                        ),
                    },
                    strict: $crate::body::table::table!(@some $($strict)?),
                    get: |v| &v.$field,
                    get_mut: |v| &mut v.$field,
                    raw: $crate::body::table::table!(@raw_field $kind $field $($raw_field)?),
                }),*];
                FIELDS
            }

            fn field_index(name: &str) -> Option<usize> {
                match name {
                    $($crate::body::table::table!(@json $($json)? $field) => Some(const {
                        $crate::body::object::index_of($fields::NAMES, stringify!($field))
                    }),)*
                    _ => None,
                }
            }

            fn member_order() -> &'static [usize] {
                $crate::body::table::table!(@member_order $kind $name $($raw)?)
            }

            fn values(&self) -> &$fields {
                &self.values
            }

            fn set(&self) -> $crate::body::object::Set {
                self.set
            }

            fn policy(&self) -> $crate::body::policy::Policy {
                self.policy
            }

            fn from_parts(
                values: Box<$fields>,
                set: $crate::body::object::Set,
                policy: $crate::body::policy::Policy,
            ) -> Self {
                Self { values, set, policy }
            }

            fn into_parts(
                self,
            ) -> (Box<$fields>, $crate::body::object::Set, $crate::body::policy::Policy) {
                (self.values, self.set, self.policy)
            }
        }

        impl ::std::fmt::Debug for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                $crate::body::object::debug(self, f)
            }
        }

        /// Reads any self-describing format through the same checks as the JSON intake (and,
        /// for a body, with [`Policy::Spec`](crate::Policy::Spec)).
        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                let json = $crate::body::json::Json::read(deserializer)?;
                $crate::body::object::Builder::<Self>::read(json)
                    .build()
                    .map_err(::serde::de::Error::custom)
            }
        }

        $crate::body::table::table!(@$kind $name $fields $($builder)? $(, $raw)? {
            $($(#[doc = $fdoc])* $field: $ty $(, deprecated $replacement)? $(, cleared_by $clear)?;)*
        });
    };

    (@some) => { None };
    (@some $value:expr) => { Some($value) };
    (@json $json:literal $field:ident) => { $json };
    (@json $field:ident) => { stringify!($field) };
    (@kind body) => { $crate::body::object::ObjectKind::Body };
    (@kind member) => { $crate::body::object::ObjectKind::Member };
    (@kind required_member) => { $crate::body::object::ObjectKind::Member };
    (@kind query) => { $crate::body::object::ObjectKind::Query };
    (@raw_type query) => { () };
    (@member_order query $name:ident) => { &[] };
    (@member_order $kind:ident $name:ident $raw:ty) => {{
        static ORDER: ::std::sync::LazyLock<Vec<usize>> =
            ::std::sync::LazyLock::new($crate::body::object::member_order::<$name, $raw>);
        &ORDER
    }};
    (@raw_type $kind:ident $raw:ty) => { $raw };
    // A body's and a member's field sets its generated field; a required member's object is
    // sent through JSON, and the query's fields are the generated method's arguments.
    (@raw_field required_member $field:ident $($raw_field:ident)?) => { |_, _| Ok(()) };
    (@raw_field query $field:ident) => { |_, _| Ok(()) };
    (@raw_field $kind:ident $field:ident $raw_field:ident) => {
        |v, raw| $crate::body::object::raw_into(&v.$field, &mut raw.$raw_field)
    };
    (@raw_field $kind:ident $field:ident) => {
        |v, raw| $crate::body::object::raw_into(&v.$field, &mut raw.$field)
    };

    // A body or a member: a builder with a setter per field, getters, and the generated type.
    (@builder $name:ident $fields:ident $builder:ident, $raw:ty {
        $($(#[doc = $fdoc:literal])* $field:ident: $ty:ty $(, deprecated $replacement:literal)? $(, cleared_by $clear:ident)?;)*
    }) => {
        #[doc = concat!("Builds a [`", stringify!($name), "`]: every setter is optional and consuming; a field that is never set is never sent. A value that breaks a rule is reported by [`build`](Self::build) with every other violation; setting a field again replaces the earlier value.")]
        #[derive(Debug, Clone, Default, PartialEq)]
        #[must_use]
        pub struct $builder($crate::body::object::Builder<$name>);

        impl $name {
            /// A builder with nothing set.
            pub fn builder() -> $builder {
                $builder::default()
            }

            /// A builder holding every field of this value (and a body's policy).
            pub fn into_builder(self) -> $builder {
                $builder($crate::body::object::Builder::from_value(self))
            }

            $(
                $(#[doc = $fdoc])*
                #[must_use]
                pub fn $field(&self) -> Option<&$ty> {
                    self.values.$field.as_ref()
                }
            )*

            /// Checks a value of the generated type through the same checks as the JSON intake
            /// (and, for a body, with [`Policy::Spec`](crate::Policy::Spec)).
            ///
            /// # Errors
            ///
            /// [`ValidationErrors`](crate::ValidationErrors) with every violation found.
            pub fn from_raw(raw: &$raw) -> ::std::result::Result<Self, $crate::body::violation::ValidationErrors> {
                $crate::body::object::from_raw(raw)
            }
        }

        impl $builder {
            $(
                $(#[doc = $fdoc])*
                $(#[deprecated = concat!("Zoom deprecated this field: use ", $replacement)])?
                pub fn $field(mut self, value: impl $crate::body::field::FieldInput<$ty>) -> Self {
                    self.0.set(
                        const { $crate::body::object::index_of($fields::NAMES, stringify!($field)) },
                        |v| &mut v.$field,
                        value.into_field(),
                    );
                    self
                }

                $(
                    #[doc = concat!("Sets `", stringify!($field), "` to the empty list, which clears it: an empty list is sent as `[]`.")]
                    pub fn $clear(self) -> Self {
                        self.$field(<$ty>::default())
                    }
                )?
            )*
        }

        /// Checks a value of the generated type (see [`from_raw`](Self::from_raw)).
        impl TryFrom<$raw> for $name {
            type Error = $crate::body::violation::ValidationErrors;
            fn try_from(raw: $raw) -> ::std::result::Result<Self, $crate::body::violation::ValidationErrors> {
                $crate::body::object::from_raw(raw)
            }
        }

        /// Writes the JSON the generated type writes for the same value: the set fields, in the
        /// generated type's member order.
        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                $crate::body::object::serialize(self, serializer)
            }
        }
    };

    (@body $name:ident $fields:ident $builder:ident, $raw:ty { $($line:tt)* }) => {
        $crate::body::table::table!(@builder $name $fields $builder, $raw { $($line)* });

        impl $name {
            /// The generated type this value is sent as.
            ///
            /// # Errors
            ///
            /// [`Rule::Schema`](crate::Rule::Schema) where the generated type refuses a value
            /// this layer accepted: a spec change the validated layer has not caught up with
            /// (the spec coverage tests rule it out for the checked-in fragments).
            pub fn to_raw(&self) -> ::std::result::Result<$raw, $crate::body::violation::ValidationErrors> {
                $crate::body::object::to_raw(self)
            }

            /// The rules it was checked against.
            #[must_use]
            pub fn policy(&self) -> $crate::body::policy::Policy {
                self.policy
            }

            /// What it does that the spec discourages (deprecated fields); it is still sent.
            #[must_use]
            pub fn warnings(&self) -> Vec<$crate::body::warning::Warning> {
                let mut warnings = Vec::new();
                $crate::body::object::warnings(self, &mut String::new(), &mut warnings);
                warnings
            }

            /// Reads and checks a JSON text (or bytes, as loaded from a file).
            ///
            /// Reports every violation with its path: text that is not JSON, a value that is
            /// not an object, wrong JSON types, unknown members (Zoom silently ignores them, so
            /// they are refused here), a member given twice, `null` values (a PATCH cannot
            /// clear a field) and every rule of `policy`.
            ///
            /// # Errors
            ///
            /// [`ValidationErrors`](crate::ValidationErrors) with every violation found.
            pub fn from_json(
                json: impl AsRef<[u8]>,
                policy: $crate::body::policy::Policy,
            ) -> ::std::result::Result<Self, $crate::body::violation::ValidationErrors> {
                match $crate::body::json::Json::parse(json.as_ref()) {
                    Ok(json) => $builder::read(json).policy(policy).build(),
                    Err(rule) => Err($crate::body::violation::ValidationErrors::here(rule)),
                }
            }

            /// Checks a parsed JSON value; see [`from_json`](Self::from_json).
            ///
            /// # Errors
            ///
            /// [`ValidationErrors`](crate::ValidationErrors) with every violation found.
            pub fn from_value(
                value: &::serde_json::Value,
                policy: $crate::body::policy::Policy,
            ) -> ::std::result::Result<Self, $crate::body::violation::ValidationErrors> {
                let json = $crate::body::json::Json::from_value(value)?;
                $builder::read(json).policy(policy).build()
            }
        }

        impl $builder {
            /// A builder holding every member of a JSON value, as raw input.
            pub(crate) fn read(json: $crate::body::json::Json<'_>) -> Self {
                Self($crate::body::object::Builder::read(json))
            }

            /// The rules to check against (default [`Policy::Spec`](crate::Policy::Spec)).
            pub fn policy(mut self, policy: $crate::body::policy::Policy) -> Self {
                self.0.set_policy(policy);
                self
            }

            /// Checks what is left (the builder's policy, the rules between fields) and returns
            /// the value, or every violation at once.
            ///
            /// # Errors
            ///
            /// [`ValidationErrors`](crate::ValidationErrors) listing each broken rule with the
            /// JSON path of its field, in the table's field order (unknown members last), and
            /// [`Rule::NoFields`](crate::Rule::NoFields) when nothing is set.
            pub fn build(self) -> ::std::result::Result<$name, $crate::body::violation::ValidationErrors> {
                self.0.build()
            }
        }
    };

    (@member $name:ident $fields:ident $builder:ident, $raw:ty { $($line:tt)* }) => {
        $crate::body::table::table!(@nested $name $fields $builder, $raw, to_raw { $($line)* });
    };
    (@required_member $name:ident $fields:ident $builder:ident, $raw:ty { $($line:tt)* }) => {
        $crate::body::table::table!(@nested $name $fields $builder, $raw, to_raw_through_json { $($line)* });
    };

    // An object inside a body, sent as its generated type by `object::$to_raw`.
    (@nested $name:ident $fields:ident $builder:ident, $raw:ty, $to_raw:ident { $($line:tt)* }) => {
        $crate::body::table::table!(@builder $name $fields $builder, $raw { $($line)* });

        impl $name {
            /// The generated type this value is sent as.
            ///
            /// # Errors
            ///
            /// [`Rule::Schema`](crate::Rule::Schema) where the generated type refuses a value
            /// this layer accepted.
            pub fn to_raw(&self) -> ::std::result::Result<$raw, $crate::body::violation::ValidationErrors> {
                $crate::body::object::$to_raw(self)
            }
        }

        impl $crate::body::field::ToRaw<$raw> for $name {
            fn to_raw(&self) -> ::std::result::Result<$raw, $crate::body::violation::ValidationErrors> {
                $name::to_raw(self)
            }
        }

        impl $builder {
            /// Checks the fields, the rules between them and the required members, and returns
            /// the value, or every violation at once.
            ///
            /// # Errors
            ///
            /// [`ValidationErrors`](crate::ValidationErrors) listing each broken rule with the
            /// JSON path of its field in this object, in the table's field order.
            pub fn build(self) -> ::std::result::Result<$name, $crate::body::violation::ValidationErrors> {
                self.0.build()
            }
        }

        /// A builder is set as the field it builds; its violations are reported with the body's.
        impl $crate::body::field::FieldInput<$name> for $builder {
            fn into_field(self) -> ::std::result::Result<$name, $crate::body::violation::ValidationErrors> {
                self.build()
            }
        }

        impl $crate::body::field::FieldKind for $name {
            const JSON_TYPE: $crate::types::JsonType = $crate::types::JsonType::Object;

            fn from_json(
                json: $crate::body::json::Json<'_>,
            ) -> ::std::result::Result<Self, $crate::body::violation::ValidationErrors> {
                $crate::body::object::Builder::read(json).build()
            }

            fn rule() -> ::std::borrow::Cow<'static, str> {
                "an object with only the members below".into()
            }

            fn member_rules(prefix: &str, out: &mut Vec<$crate::body::rules::FieldRule>) {
                $crate::body::object::rows::<Self>(prefix, out);
            }

            fn strict_violations(&self, path: &mut String, out: &mut Vec<$crate::body::violation::Violation>) {
                $crate::body::object::strict_violations(self, path, out);
            }

            fn warnings(&self, path: &mut String, out: &mut Vec<$crate::body::warning::Warning>) {
                $crate::body::object::warnings(self, path, out);
            }
        }
    };

    (@query $name:ident $fields:ident {
        $($(#[doc = $fdoc:literal])* $field:ident: $ty:ty $(, deprecated $replacement:literal)? $(, cleared_by $clear:ident)?;)*
    }) => {
        impl $name {
            /// No query parameter.
            #[must_use]
            pub fn new() -> Self {
                $crate::body::object::Object::from_parts(
                    Box::default(),
                    $crate::body::object::Set::default(),
                    $crate::body::policy::Policy::Spec,
                )
            }

            $(
                $(#[doc = $fdoc])*
                #[must_use]
                pub fn $field(self, value: $ty) -> Self {
                    let mut builder = $crate::body::object::Builder::from_value(self);
                    builder.set(
                        const { $crate::body::object::index_of($fields::NAMES, stringify!($field)) },
                        |v| &mut v.$field,
                        Ok(value),
                    );
                    builder.into_value()
                }
            )*
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }
    };
}

pub(crate) use table;
