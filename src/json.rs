//! The JSON intake: a body as a user loads it from a file, checked field by field.
//!
//! The body is read in one pass straight into a [`UserUpdateBuilder`] (no intermediate
//! `serde_json::Value`): each field's JSON value is taken as a [`Scalar`] that remembers its JSON
//! type, so a wrong type becomes a violation at that field instead of a deserialization error.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use crate::update::{Field, UserUpdateBuilder};
use crate::{
    CallingCode, CountryId, CustomAttributes, Email, HostKey, PersonName, PhoneNumbers, Pmi,
    Policy, Rule, TimeZone, UserType, UserUpdate, ValidationErrors, Violation,
};

impl UserUpdate {
    /// Reads and checks a JSON body (text or bytes, as loaded from a file).
    ///
    /// Reports every violation with its path: text that is not JSON, a body that is not an
    /// object, wrong JSON types, unknown fields (Zoom silently ignores them, so they are refused
    /// here), a field given twice, `null` values (a PATCH cannot clear a field), and every rule
    /// of `policy`.
    ///
    /// ```
    /// use zoom_user_update::{Policy, UserUpdate};
    ///
    /// let update = UserUpdate::from_json(r#"{"pmi": 2345678901}"#, Policy::Spec)?;
    /// assert_eq!(update.as_raw().pmi, Some(2345678901));
    ///
    /// let errors = UserUpdate::from_json(r#"{"pmi": "1", "nick": "x"}"#, Policy::Spec).unwrap_err();
    /// let paths: Vec<_> = errors.iter().map(|v| v.path()).collect();
    /// assert_eq!(paths, ["/pmi", "/nick"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`ValidationErrors`] with every violation found.
    pub fn from_json(json: impl AsRef<[u8]>, policy: Policy) -> Result<Self, ValidationErrors> {
        let bytes = json.as_ref();
        // Checking UTF-8 once for the whole text is cheaper than serde_json's check per string;
        // invalid UTF-8 goes the slow way, which reports where it is.
        let intake = match std::str::from_utf8(bytes) {
            Ok(text) => {
                let mut de = serde_json::Deserializer::from_str(text);
                Intake::deserialize(&mut de).and_then(|intake| de.end().map(|()| intake))
            }
            Err(_) => {
                let mut de = serde_json::Deserializer::from_slice(bytes);
                Intake::deserialize(&mut de).and_then(|intake| de.end().map(|()| intake))
            }
        };
        match intake {
            Ok(intake) => intake.build(policy),
            Err(e) => Err(ValidationErrors::single(
                "",
                Rule::InvalidJson {
                    detail: e.to_string(),
                },
            )),
        }
    }

    /// Checks a parsed JSON body; see [`UserUpdate::from_json`].
    ///
    /// # Errors
    ///
    /// [`ValidationErrors`] with every violation found.
    pub fn from_value(value: &Value, policy: Policy) -> Result<Self, ValidationErrors> {
        match Intake::deserialize(value) {
            Ok(intake) => intake.build(policy),
            Err(e) => Err(ValidationErrors::single(
                "",
                Rule::InvalidJson {
                    detail: e.to_string(),
                },
            )),
        }
    }
}

/// Reads any self-describing format through the same intake, with [`Policy::Spec`].
impl<'de> Deserialize<'de> for UserUpdate {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Intake::deserialize(deserializer)?
            .build(Policy::Spec)
            .map_err(de::Error::custom)
    }
}

/// The body read so far: a builder, or the JSON type found instead of an object.
struct Intake(Result<UserUpdateBuilder, &'static str>);

impl Intake {
    fn build(self, policy: Policy) -> Result<UserUpdate, ValidationErrors> {
        match self.0 {
            Ok(builder) => builder.policy(policy).build(),
            Err(found) => Err(ValidationErrors::single(
                "",
                Rule::WrongType {
                    expected: "object",
                    found,
                },
            )),
        }
    }
}

/// One JSON value, kept as far as the intake needs it: scalars with their value, arrays and
/// objects only as their type.
enum Scalar {
    Str(String),
    Int(i64),
    UInt(u64),
    Float,
    Bool(bool),
    Null,
    Array,
    Object,
}

impl Scalar {
    fn type_name(&self) -> &'static str {
        match self {
            Scalar::Str(_) => "string",
            Scalar::Int(_) | Scalar::UInt(_) => "integer",
            Scalar::Float => "number",
            Scalar::Bool(_) => "boolean",
            Scalar::Null => "null",
            Scalar::Array => "array",
            Scalar::Object => "object",
        }
    }

    fn wrong(&self, expected: &'static str) -> Rule {
        Rule::WrongType {
            expected,
            found: self.type_name(),
        }
    }

    fn text(self) -> Result<String, Rule> {
        match self {
            Scalar::Str(s) => Ok(s),
            other => Err(other.wrong("string")),
        }
    }

    fn boolean(self) -> Result<bool, Rule> {
        match self {
            Scalar::Bool(b) => Ok(b),
            other => Err(other.wrong("boolean")),
        }
    }

    /// A JSON integer as `i64`; one past `i64` breaks the field's own rule (`out_of_range`).
    fn integer(self, out_of_range: Rule) -> Result<i64, Rule> {
        match self {
            Scalar::Int(i) => Ok(i),
            Scalar::UInt(u) => i64::try_from(u).map_err(|_| out_of_range),
            other => Err(other.wrong("integer")),
        }
    }
}

struct ScalarVisitor;

impl<'de> Visitor<'de> for ScalarVisitor {
    type Value = Scalar;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any json value")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalar, E> {
        Ok(Scalar::Str(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Scalar, E> {
        Ok(Scalar::Str(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Scalar, E> {
        Ok(Scalar::Int(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Scalar, E> {
        Ok(Scalar::UInt(v))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Scalar, E> {
        Ok(Scalar::Float)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Scalar, E> {
        Ok(Scalar::Bool(v))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Scalar, E> {
        Ok(Scalar::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Scalar, E> {
        Ok(Scalar::Null)
    }
    fn visit_some<D: de::Deserializer<'de>>(self, d: D) -> Result<Scalar, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Scalar, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Scalar::Array)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Scalar, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Scalar::Object)
    }
}

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ScalarVisitor)
    }
}

/// A field name: borrowed when the input allows, so known names cost no allocation.
struct Key<'de>(std::borrow::Cow<'de, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a field name")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(v.into()))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(v.to_owned().into()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Key<'de>, E> {
                Ok(Key(v.into()))
            }
        }
        d.deserialize_str(KeyVisitor)
    }
}

struct IntakeVisitor;

impl<'de> Deserialize<'de> for Intake {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(IntakeVisitor)
    }
}

/// The visitor methods for anything but an object: each value becomes `$wrap(found)`, where
/// `found` names the JSON type that came instead (arrays are read through and dropped).
macro_rules! not_an_object {
    ($wrap:expr) => {
        fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
            Ok(($wrap)("string"))
        }
        fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
            Ok(($wrap)("integer"))
        }
        fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
            Ok(($wrap)("integer"))
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
            Ok(($wrap)("number"))
        }
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
            Ok(($wrap)("boolean"))
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(($wrap)("null"))
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(($wrap)("null"))
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            while seq.next_element::<IgnoredAny>()?.is_some() {}
            Ok(($wrap)("array"))
        }
    };
}

impl<'de> Visitor<'de> for IntakeVisitor {
    type Value = Intake;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a json object")
    }

    not_an_object!(|found| Intake(Err(found)));

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Intake, A::Error> {
        let mut b = UserUpdateBuilder::default();
        while let Some(Key(key)) = map.next_key::<Key<'de>>()? {
            let Some(field) = Field::from_name(&key) else {
                map.next_value::<IgnoredAny>()?;
                b.reject(Violation::new(pointer(&[&key]), Rule::UnknownField));
                continue;
            };
            let duplicate = b.is_set(field);
            match field {
                Field::PhoneNumbers => {
                    let Nested(object) = map.next_value_seed(NestedSeed("phone_numbers"))?;
                    let value = object.map(|(fields, extra)| {
                        extra.into_iter().for_each(|v| b.reject(v));
                        let mut p = PhoneNumbers::default();
                        for (k, v) in fields {
                            match k.as_str() {
                                "number" => p.number = Some(v.text()),
                                "code" => p.code = Some(v.text().and_then(CallingCode::try_from)),
                                "country" => {
                                    p.country = Some(v.text().and_then(|s| CountryId::parse(&s)))
                                }
                                _ => b.reject(Violation::new(
                                    pointer(&["phone_numbers", &k]),
                                    Rule::UnknownField,
                                )),
                            }
                        }
                        p
                    });
                    b.set_phone_numbers(value);
                }
                Field::CustomAttributes => {
                    let Nested(object) = map.next_value_seed(NestedSeed("custom_attributes"))?;
                    let value = object.map(|(fields, extra)| {
                        extra.into_iter().for_each(|v| b.reject(v));
                        let mut a = CustomAttributes::default();
                        for (k, v) in fields {
                            match k.as_str() {
                                "key" => a.key = Some(v.text()),
                                "name" => a.name = Some(v.text()),
                                "value" => a.value = Some(v.text()),
                                _ => b.reject(Violation::new(
                                    pointer(&["custom_attributes", &k]),
                                    Rule::UnknownField,
                                )),
                            }
                        }
                        a
                    });
                    b.set_custom_attributes(value);
                }
                field => {
                    let v: Scalar = map.next_value()?;
                    match field {
                        Field::FirstName => {
                            b.set_first_name(v.text().and_then(PersonName::try_from))
                        }
                        Field::LastName => b.set_last_name(v.text().and_then(PersonName::try_from)),
                        Field::Type => b.set_user_type(
                            v.integer(Rule::UnknownUserType)
                                .and_then(UserType::try_from),
                        ),
                        Field::Pmi => {
                            b.set_pmi(v.integer(Rule::PmiNotTenDigits).and_then(Pmi::new))
                        }
                        Field::UsePmi => b.set_use_pmi(v.boolean()),
                        Field::Timezone => {
                            b.set_timezone(v.text().and_then(|s| TimeZone::parse(&s)))
                        }
                        Field::Language => b.set_language(v.text()),
                        Field::Dept => b.set_dept(v.text()),
                        Field::VanityName => b.set_vanity_name(v.text()),
                        Field::HostKey => b.set_host_key(v.text().and_then(HostKey::try_from)),
                        Field::CmsUserId => b.set_cms_user_id(v.text()),
                        Field::JobTitle => b.set_job_title(v.text()),
                        Field::Company => b.set_company(v.text()),
                        Field::Location => b.set_location(v.text()),
                        Field::PhoneNumber => b.set_phone_number(v.text()),
                        Field::PhoneCountry => {
                            b.set_phone_country(v.text().and_then(|s| CountryId::parse(&s)))
                        }
                        Field::Manager => b.set_manager(v.text().and_then(Email::try_from)),
                        Field::GroupId => b.set_group_id(v.text()),
                        Field::PhoneNumbers | Field::CustomAttributes => {
                            unreachable!("handled above")
                        }
                    }
                }
            }
            // After the set, which forgets the violations of the value it replaces.
            if duplicate {
                b.reject(Violation::new(field.path(), Rule::DuplicateField));
            }
        }
        Ok(Intake(Ok(b)))
    }
}

/// A nested object's fields (name, value) and its own violations (duplicate names), or the
/// wrong-type rule when the value is not an object.
struct Nested(Result<NestedFields, Rule>);

/// The (name, value) pairs of a nested object and its duplicate-name violations.
type NestedFields = (Vec<(String, Scalar)>, Vec<Violation>);

struct NestedSeed(&'static str);

impl<'de> DeserializeSeed<'de> for NestedSeed {
    type Value = Nested;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Nested, D::Error> {
        d.deserialize_any(NestedVisitor(self.0))
    }
}

struct NestedVisitor(&'static str);

impl<'de> Visitor<'de> for NestedVisitor {
    type Value = Nested;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a json object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Nested, A::Error> {
        let mut fields: Vec<(String, Scalar)> = Vec::with_capacity(3);
        let mut extra = Vec::new();
        while let Some(Key(key)) = map.next_key::<Key<'de>>()? {
            let value: Scalar = map.next_value()?;
            if let Some(slot) = fields.iter_mut().find(|(k, _)| *k == key) {
                extra.push(Violation::new(
                    pointer(&[self.0, &key]),
                    Rule::DuplicateField,
                ));
                slot.1 = value;
            } else {
                fields.push((key.into_owned(), value));
            }
        }
        Ok(Nested(Ok((fields, extra))))
    }

    not_an_object!(|found| Nested(Err(Rule::WrongType {
        expected: "object",
        found
    })));
}

/// An RFC 6901 JSON pointer: `~` is written `~0` and `/` is written `~1`.
pub(crate) fn pointer(segments: &[&str]) -> String {
    let mut out = String::new();
    for s in segments {
        out.push('/');
        out.push_str(&s.replace('~', "~0").replace('/', "~1"));
    }
    out
}

/// The JSON type of a parsed value, named as in [`Rule::WrongType`] (`integer` for whole
/// numbers, `number` for the others).
pub(crate) fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_f64() => "number",
        Value::Number(_) => "integer",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}
