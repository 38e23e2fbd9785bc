//! The field table: `object!` declares an object of the request (the body, or a nested object)
//! with one line per field, and expands each line into everything that follows from it.
//!
//! A line is `name: Type = source, …;` under its one-line documentation:
//!
//! ```text
//! /// User's first name.
//! first_name: PersonName = "seed (Chinese characters), 2021 spec (64)";
//! /// User type.
//! user_type as "type" in type_: UserType = SEED;          // JSON name and generated field differ
//! /// Personal Meeting ID.
//! pmi: Pmi = SEED, strict crate::types::pmi::STRICT;      // a Policy::Strict rule
//! /// Phone number (deprecated).
//! phone_number: Text = SEED, requires phone_country, deprecated "/phone_numbers/number";
//! ```
//!
//! `Type` is a field type (`FieldKind`): a validated type, `Text<MAX>`, `bool`, an enum-like
//! type, another `object!`, or a `List` of them. It decides the setter's input, the JSON type,
//! the check and the rule's wording. From the line follow:
//!
//! - the field of the object (`Option<Type>`) and its getter; the builder's setter (taking any
//!   `FieldInput<Type>`), deprecated where the line says so;
//! - the JSON intake (the field's JSON name, duplicates and unknown members refused);
//! - the conversion into the generated type (`ToRaw`), field by field;
//! - the rule row of `spec::field_rules` (path, JSON type, rule, Strict rule, maximums, source,
//!   documentation), from which the command-line tool derives its flags and the README its
//!   rule table;
//! - `requires` (a field that must come with another) and `deprecated` (a warning).
//!
//! For the object as a whole: `builder()`, `into_builder()`, `build()` (every violation at once,
//! in the table's order), `Serialize` (the JSON the generated type writes, member order
//! included) and `Deserialize` (through the same checks). A request body is marked `top` after
//! its generated type (`raw UserUpdateBody, top`); it alone has a `Policy` (`policy()` on the
//! value and the builder), `warnings()`, `from_json` and `from_value`, and a `build()` that
//! refuses a body setting nothing. A nested object is a field of a body: its builder is a
//! `FieldInput`, and the body's policy and intake apply to it.

/// The JSON name of a field: the one the line gives, or the field's own name.
macro_rules! json_name {
    ($json:literal $field:ident) => {
        $json
    };
    ($field:ident) => {
        stringify!($field)
    };
}

/// The JSON path of a field in its object (`/first_name`).
macro_rules! field_path {
    ($($json:literal)? $field:ident) => {
        concat!("/", $crate::body::table::json_name!($($json)? $field))
    };
}

/// Assigns the generated type's field: the one the line names, or the field's own name.
macro_rules! set_raw {
    ($raw:ident . $field:ident $($_name:ident)? = $value:expr) => {
        $raw.$field = $value
    };
}

/// Whether a builder's field was set, validly or not (`$name`: its JSON name).
macro_rules! is_set {
    ($builder:ident, $field:ident, $name:expr) => {
        $builder.value.$field.is_some()
            || $builder
                .refused
                .iter()
                .any(|(refused, _)| *refused == $name)
    };
}

/// Stores a field's value in a builder, or its violations; either replaces what an earlier
/// set of the field left.
macro_rules! store {
    ($builder:ident, $field:ident, $($json:literal)?, $result:ident) => {{
        let name = $crate::body::table::json_name!($($json)? $field);
        if !$builder.refused.is_empty() {
            $builder.refused.retain(|(refused, _)| *refused != name);
        }
        match $result {
            Ok(value) => $builder.value.$field = Some(value),
            Err(errors) => {
                $builder.value.$field = None;
                $builder.refused.push((name, errors));
            }
        }
    }};
}

/// The positions of `names` in byte order of the names: the order in which the generated types
/// serialize their fields (typify sorts an object's properties by name).
pub(crate) const fn name_order<const N: usize>(names: [&str; N]) -> [usize; N] {
    const fn less(a: &str, b: &str) -> bool {
        let (a, b) = (a.as_bytes(), b.as_bytes());
        let mut i = 0;
        while i < a.len() && i < b.len() {
            if a[i] != b[i] {
                return a[i] < b[i];
            }
            i += 1;
        }
        a.len() < b.len()
    }
    let mut order = [0; N];
    let mut i = 0;
    while i < N {
        order[i] = i;
        i += 1;
    }
    // Insertion sort: a table has a few dozen fields.
    let mut i = 1;
    while i < N {
        let mut j = i;
        while j > 0 && less(names[order[j]], names[order[j - 1]]) {
            let earlier = order[j - 1];
            order[j - 1] = order[j];
            order[j] = earlier;
            j -= 1;
        }
        i += 1;
    }
    order
}

macro_rules! object {
    (
        $(#[doc = $doc:literal])*
        pub struct $name:ident($fields:ident), builder $builder:ident, raw $raw:ty $(, $top:ident)? {
            $(
                $(#[doc = $fdoc:literal])*
                $field:ident $(as $json:literal in $raw_field:ident)? : $kind:ty = $source:expr
                    $(, strict $strict:expr)?
                    $(, requires $requires:ident)?
                    $(, deprecated $replacement:literal)?
                ;
            )*
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Clone, PartialEq)]
        pub struct $name {
            /// Boxed: a value is built, returned and moved as a pointer.
            inner: Box<$fields>,
        }

        $crate::body::table::object!(@fields [$($top)?] $fields { $($field: $kind,)* });

        impl ::std::fmt::Debug for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                self.inner.debug(stringify!($name), f)
            }
        }

        impl ::std::fmt::Debug for $fields {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                self.debug(stringify!($fields), f)
            }
        }

        impl $fields {
            /// The fields that are set (and a body's policy), under `name`.
            fn debug(&self, name: &str, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                let mut s = f.debug_struct(name);
                $(if let Some(value) = &self.$field {
                    s.field(stringify!($field), value);
                })*
                $crate::body::table::object!(@debug_policy [$($top)?] s, self);
                s.finish()
            }
        }

        #[doc = concat!("Builds a [`", stringify!($name), "`]: every setter is optional and consuming; a field that is never set is never sent. A value that breaks a rule is reported by [`build`](Self::build) with every other violation; setting a field again replaces the earlier value.")]
        #[derive(Debug, Clone, Default, PartialEq)]
        #[must_use]
        pub struct $builder {
            /// The values that passed their field's rules (boxed: the setters move the builder).
            value: Box<$fields>,
            /// The violations of the values that did not, by field (JSON name; paths relative
            /// to the field).
            refused: Vec<(&'static str, $crate::ValidationErrors)>,
            /// Violations of the object outside its fields: unknown or repeated members, or a
            /// JSON value that is not an object.
            extra: Vec<$crate::Violation>,
        }

        #[allow(clippy::new_ret_no_self)]
        impl $name {
            /// A builder with nothing set.
            pub fn builder() -> $builder {
                $builder::default()
            }

            $(
                $(#[doc = $fdoc])*
                #[must_use]
                pub fn $field(&self) -> Option<&$kind> {
                    self.inner.$field.as_ref()
                }
            )*

            /// A builder holding every field of this value (and a body's policy).
            pub fn into_builder(self) -> $builder {
                $builder {
                    value: self.inner,
                    refused: Vec::new(),
                    extra: Vec::new(),
                }
            }

            /// The generated type this value is sent as.
            ///
            /// # Errors
            ///
            /// [`Rule::Schema`](crate::Rule::Schema) where the generated type refuses a value
            /// this layer accepted: a spec change the validated layer has not caught up with
            /// (the spec coverage tests rule it out for the checked-in fragment).
            pub fn to_raw(&self) -> ::std::result::Result<$raw, $crate::ValidationErrors> {
                $crate::body::field::ToRaw::to_raw(self)
            }
        }

        impl $builder {
            $(
                $(#[doc = $fdoc])*
                $(#[deprecated = concat!("Zoom deprecated this field: use ", $replacement)])?
                pub fn $field(mut self, value: impl $crate::FieldInput<$kind>) -> Self {
                    let result = value.into_field();
                    $crate::body::table::store!(self, $field, $($json)?, result);
                    self
                }
            )*

            /// The value with the fields that passed; the violations (paths relative to this
            /// object) go to `out`, in the table's field order.
            #[inline]
            fn check(mut self, out: &mut Vec<$crate::Violation>) -> $name {
                let mut found = ::std::mem::take(&mut self.extra);
                // A field that requires another has its own name in JSON. A field the caller
                // set counts as set, valid or not, on either side of the rule.
                let mut requires = Vec::new();
                $($(
                    if $crate::body::table::is_set!(self, $field, stringify!($field))
                        && !$crate::body::table::is_set!(self, $requires, stringify!($requires))
                    {
                        requires.push($crate::Violation::new(
                            concat!("/", stringify!($field)),
                            $crate::Rule::Requires {
                                other: concat!("/", stringify!($requires)),
                            },
                        ));
                    }
                )?)*
                for (name, errors) in self.refused {
                    found.extend(errors.prefixed(&format!("/{name}")));
                }
                // After the field's own violations (the sort below keeps this order).
                found.append(&mut requires);
                if !found.is_empty() {
                    const NAMES: &[&str] = &[$($crate::body::table::json_name!($($json)? $field)),*];
                    found.sort_by_key(|v| {
                        let first = v.path().split('/').nth(1).unwrap_or("");
                        NAMES.iter().position(|n| *n == first).unwrap_or(NAMES.len())
                    });
                    out.append(&mut found);
                }
                $name { inner: self.value }
            }

            /// A builder holding every member of a JSON value, as raw input.
            pub(crate) fn read(json: $crate::body::json::Json<'_>) -> Self {
                let mut builder = Self::default();
                let members = match json {
                    $crate::body::json::Json::Object(members) => members,
                    other => {
                        builder.extra.push($crate::Violation::new("", other.wrong("object")));
                        return builder;
                    }
                };
                for (key, value) in members {
                    let repeated = match &*key {
                        $($crate::body::table::json_name!($($json)? $field) => {
                            let repeated = $crate::body::table::is_set!(
                                builder,
                                $field,
                                $crate::body::table::json_name!($($json)? $field)
                            );
                            let result = <$kind as $crate::body::field::FieldKind>::from_json(value);
                            $crate::body::table::store!(builder, $field, $($json)?, result);
                            repeated
                        })*
                        _ => {
                            builder.extra.push($crate::Violation::new(
                                $crate::body::json::pointer(&key),
                                $crate::Rule::UnknownField,
                            ));
                            continue;
                        }
                    };
                    if repeated {
                        builder.extra.push($crate::Violation::new(
                            $crate::body::json::pointer(&key),
                            $crate::Rule::DuplicateField,
                        ));
                    }
                }
                builder
            }
        }

        $crate::body::table::object!(@build [$($top)?] $name, $builder { $($field)* });

        impl $crate::body::field::FieldKind for $name {
            const JSON_TYPE: &'static str = "object";

            fn from_json(
                json: $crate::body::json::Json<'_>,
            ) -> ::std::result::Result<Self, $crate::ValidationErrors> {
                $builder::read(json).build()
            }

            fn rule() -> ::std::borrow::Cow<'static, str> {
                "an object with only the members below".into()
            }

            fn member_rules(prefix: &str, out: &mut Vec<$crate::spec::FieldRule>) {
                $(
                    let path = format!(
                        "{prefix}{}",
                        $crate::body::table::field_path!($($json)? $field),
                    );
                    #[allow(unused_mut)]
                    let mut rule = <$kind as $crate::body::field::FieldKind>::rule().into_owned();
                    $(rule.push_str(concat!(
                        "; must be sent together with /",
                        stringify!($requires),
                    ));)?
                    $(rule.push_str(concat!("; deprecated: use ", $replacement));)?
                    out.push($crate::spec::FieldRule {
                        path: path.clone(),
                        json_type: <$kind as $crate::body::field::FieldKind>::JSON_TYPE,
                        rule,
                        strict: None $(.or(Some($strict.rule)))?,
                        max_chars: <$kind as $crate::body::field::FieldKind>::max_chars(),
                        max_items: <$kind as $crate::body::field::FieldKind>::max_items(),
                        source: $source,
                        doc: concat!($($fdoc),*).trim(),
                        deprecated: None $(.or(Some($replacement)))?,
                    });
                    <$kind as $crate::body::field::FieldKind>::member_rules(&path, out);
                )*
            }

            fn strict_violations(&self, path: &mut String, out: &mut Vec<$crate::Violation>) {
                let len = path.len();
                $(if let Some(value) = &self.inner.$field {
                    path.push_str($crate::body::table::field_path!($($json)? $field));
                    $(for rule in ($strict.check)(value) {
                        out.push($crate::Violation::new(path.as_str(), rule));
                    })?
                    $crate::body::field::FieldKind::strict_violations(value, path, out);
                    path.truncate(len);
                })*
            }

            fn warnings(&self, path: &mut String, out: &mut Vec<$crate::Warning>) {
                let len = path.len();
                $(if let Some(value) = &self.inner.$field {
                    path.push_str($crate::body::table::field_path!($($json)? $field));
                    $(out.push($crate::Warning::Deprecated {
                        path: path.clone(),
                        replacement: $replacement,
                    });)?
                    $crate::body::field::FieldKind::warnings(value, path, out);
                    path.truncate(len);
                })*
            }
        }

        impl $crate::body::field::ToRaw<$raw> for $name {
            fn to_raw(&self) -> ::std::result::Result<$raw, $crate::ValidationErrors> {
                #[allow(clippy::needless_update)]
                let mut raw = <$raw>::default();
                let mut found = Vec::new();
                $(if let Some(value) = &self.inner.$field {
                    match $crate::body::field::ToRaw::to_raw(value) {
                        Ok(value) => {
                            $crate::body::table::set_raw!(raw . $($raw_field)? $field = Some(value));
                        }
                        Err(errors) => found.extend(errors.prefixed(
                            $crate::body::table::field_path!($($json)? $field),
                        )),
                    }
                })*
                match $crate::ValidationErrors::from_vec(found) {
                    Some(errors) => Err(errors),
                    None => Ok(raw),
                }
            }
        }

        /// Checks a value of the generated type through the same checks as the JSON intake
        /// (and, for a body, with [`Policy::Spec`](crate::Policy::Spec)).
        impl TryFrom<$raw> for $name {
            type Error = $crate::ValidationErrors;
            fn try_from(raw: $raw) -> ::std::result::Result<Self, $crate::ValidationErrors> {
                let json = ::serde_json::to_value(raw)
                    .and_then($crate::body::json::Json::read)
                    .map_err(|e| {
                        $crate::ValidationErrors::here($crate::Rule::InvalidJson {
                            detail: e.to_string(),
                        })
                    })?;
                $builder::read(json).build()
            }
        }

        /// Writes the JSON the generated type writes for the same value (members in the
        /// generated type's order: by JSON name), straight from the validated values; a test
        /// compares the two for every field.
        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                use ::serde::ser::SerializeMap;
                #[allow(non_camel_case_types)]
                #[derive(Clone, Copy)]
                enum Field {
                    $($field,)*
                }
                const FIELDS: &[(Field, &str)] = &[
                    $((Field::$field, $crate::body::table::json_name!($($json)? $field)),)*
                ];
                const N: usize = FIELDS.len();
                /// The fields in the order the generated type serializes them.
                const ORDERED: [(Field, &str); N] = {
                    let mut names = [""; N];
                    let mut i = 0;
                    while i < N {
                        names[i] = FIELDS[i].1;
                        i += 1;
                    }
                    let order = $crate::body::table::name_order::<N>(names);
                    let mut ordered = [FIELDS[0]; N];
                    let mut i = 0;
                    while i < N {
                        ordered[i] = FIELDS[order[i]];
                        i += 1;
                    }
                    ordered
                };
                // The number of members up front, for the formats that write it first.
                let len = 0 $(+ usize::from(self.inner.$field.is_some()))*;
                let mut map = serializer.serialize_map(Some(len))?;
                for &(field, name) in &ORDERED {
                    match field {
                        $(Field::$field => {
                            if let Some(value) = &self.inner.$field {
                                map.serialize_entry(name, value)?;
                            }
                        })*
                    }
                }
                map.end()
            }
        }

        /// Reads any self-describing format through the same checks as the JSON intake (and,
        /// for a body, with [`Policy::Spec`](crate::Policy::Spec)).
        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                let json = $crate::body::json::Json::read(deserializer)?;
                $builder::read(json)
                    .build()
                    .map_err(::serde::de::Error::custom)
            }
        }
    };

    // The fields of a value and of its builder; a request body's also hold its policy.
    (@fields [top] $fields:ident { $($field:ident: $kind:ty,)* }) => {
        /// The fields of the value (and of its builder), and the rules they are checked against.
        #[derive(Clone, Default, PartialEq)]
        struct $fields {
            $($field: Option<$kind>,)*
            policy: $crate::Policy,
        }
    };
    (@fields [] $fields:ident { $($field:ident: $kind:ty,)* }) => {
        /// The fields of the value (and of its builder).
        #[derive(Clone, Default, PartialEq)]
        struct $fields {
            $($field: Option<$kind>,)*
        }
    };

    // A body's `Debug` shows its policy after its fields.
    (@debug_policy [top] $s:ident, $fields:expr) => {
        $s.field("policy", &$fields.policy);
    };
    (@debug_policy [] $s:ident, $fields:expr) => {};

    // A request body (`top`): a policy, its warnings, the JSON entry points, and `build`
    // refusing a body that sets nothing.
    (@build [top] $name:ident, $builder:ident { $($field:ident)* }) => {
        impl $name {
            /// The rules it was checked against.
            #[must_use]
            pub fn policy(&self) -> $crate::Policy {
                self.inner.policy
            }

            /// What it does that the spec discourages (deprecated fields); it is still sent.
            #[must_use]
            pub fn warnings(&self) -> Vec<$crate::Warning> {
                let mut warnings = Vec::new();
                $crate::body::field::FieldKind::warnings(self, &mut String::new(), &mut warnings);
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
                policy: $crate::Policy,
            ) -> ::std::result::Result<Self, $crate::ValidationErrors> {
                match $crate::body::json::Json::parse(json.as_ref()) {
                    Ok(json) => $builder::read(json).policy(policy).build(),
                    Err(rule) => Err($crate::ValidationErrors::here(rule)),
                }
            }

            /// Checks a parsed JSON value; see [`from_json`](Self::from_json).
            ///
            /// # Errors
            ///
            /// [`ValidationErrors`](crate::ValidationErrors) with every violation found.
            pub fn from_value(
                value: &::serde_json::Value,
                policy: $crate::Policy,
            ) -> ::std::result::Result<Self, $crate::ValidationErrors> {
                match $crate::body::json::Json::read(value) {
                    Ok(json) => $builder::read(json).policy(policy).build(),
                    Err(e) => Err($crate::ValidationErrors::here($crate::Rule::InvalidJson {
                        detail: e.to_string(),
                    })),
                }
            }

            /// Whether no field is set.
            fn is_empty(&self) -> bool {
                true $(&& self.inner.$field.is_none())*
            }
        }

        impl $builder {
            /// The rules to check against (default [`Policy::Spec`](crate::Policy::Spec)).
            pub fn policy(mut self, policy: $crate::Policy) -> Self {
                self.value.policy = policy;
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
            pub fn build(self) -> ::std::result::Result<$name, $crate::ValidationErrors> {
                let mut violations = Vec::new();
                let value = self.check(&mut violations);
                if value.inner.policy == $crate::Policy::Strict {
                    $crate::body::field::FieldKind::strict_violations(
                        &value,
                        &mut String::new(),
                        &mut violations,
                    );
                }
                if violations.is_empty() && value.is_empty() {
                    violations.push($crate::Violation::new("", $crate::Rule::NoFields));
                }
                match $crate::ValidationErrors::from_vec(violations) {
                    Some(errors) => Err(errors),
                    None => Ok(value),
                }
            }
        }
    };

    // A nested object: `build` checks its fields (none set is an empty object); the policy of
    // the body it is set in applies to it there.
    (@build [] $name:ident, $builder:ident { $($field:ident)* }) => {
        impl $builder {
            /// Checks the fields and the rules between them, and returns the value, or every
            /// violation at once.
            ///
            /// # Errors
            ///
            /// [`ValidationErrors`](crate::ValidationErrors) listing each broken rule with the
            /// JSON path of its field in this object, in the table's field order.
            pub fn build(self) -> ::std::result::Result<$name, $crate::ValidationErrors> {
                let mut violations = Vec::new();
                let value = self.check(&mut violations);
                match $crate::ValidationErrors::from_vec(violations) {
                    Some(errors) => Err(errors),
                    None => Ok(value),
                }
            }
        }

        /// A builder is set as the field it builds; its violations are reported with the body's.
        impl $crate::FieldInput<$name> for $builder {
            fn into_field(self) -> ::std::result::Result<$name, $crate::ValidationErrors> {
                self.build()
            }
        }
    };
}

pub(crate) use {field_path, is_set, json_name, object, set_raw, store};
