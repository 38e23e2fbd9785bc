//! `Json`: a body as the intake reads it, before any field rule is applied.
//!
//! Unlike `serde_json::Value`, an object keeps its members in order *with their duplicates*
//! (a field given twice is a violation, not a silent overwrite), and a number keeps whether it
//! was written as an integer: `5.76e17` is a `Float`, never rounded into an integer field.
//! Arrays and objects nested deeper than any request of the spec goes are kept as their type
//! only (`Opaque`), and skipped without recursion: depth costs neither stack nor a parse error,
//! and such a value is refused for what it is, a value of the wrong type.

use std::borrow::Cow;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};

use crate::types::{JsonType, Rule};

/// One JSON value. Its strings and member names borrow from the input where the input allows
/// (text without escapes): a member name is only compared, and most values are only checked.
#[derive(Debug, Clone, PartialEq)]
pub enum Json<'de> {
    Null,
    Bool(bool),
    Int(i64),
    UInt(u64),
    Float,
    Str(Cow<'de, str>),
    Array(Vec<Json<'de>>),
    Object(Vec<(Cow<'de, str>, Json<'de>)>),
    /// An array or object nested deeper than `KEPT_DEPTH`: its JSON type only.
    Opaque(&'static str),
}

/// How many levels of arrays and objects are kept: a body, an array field, its items, and one
/// more level so that a member of an item given a container is refused by its type.
const KEPT_DEPTH: usize = 4;

impl<'de> Json<'de> {
    /// Parses JSON text (or bytes, as loaded from a file).
    pub(crate) fn parse(bytes: &'de [u8]) -> Result<Json<'de>, Rule> {
        // Text that is UTF-8 as a whole is read as `str`, so serde_json does not check every
        // string again; other bytes are read as bytes, which reports where the UTF-8 breaks.
        let parsed = match std::str::from_utf8(bytes) {
            Ok(text) => {
                let mut de = serde_json::Deserializer::from_str(text);
                Json::read(&mut de).and_then(|json| de.end().map(|()| json))
            }
            Err(_) => {
                let mut de = serde_json::Deserializer::from_slice(bytes);
                Json::read(&mut de).and_then(|json| de.end().map(|()| json))
            }
        };
        parsed.map_err(|e| Rule::InvalidJson {
            detail: e.to_string(),
        })
    }

    /// Reads a parsed JSON value; a value `Json` cannot hold (none today) is
    /// [`Rule::InvalidJson`].
    pub(crate) fn from_value(
        value: &'de serde_json::Value,
    ) -> Result<Json<'de>, crate::body::violation::ValidationErrors> {
        Json::read(value).map_err(|e| {
            crate::body::violation::ValidationErrors::here(Rule::InvalidJson {
                detail: e.to_string(),
            })
        })
    }

    /// Reads any self-describing value (a `serde_json::Value`, say).
    pub(crate) fn read<D: de::Deserializer<'de>>(d: D) -> Result<Json<'de>, D::Error> {
        JsonSeed { depth: 0 }.deserialize(d)
    }

    /// The JSON type, named as in [`Rule::WrongType`]: `integer` for whole numbers, `number`
    /// for the others.
    pub(crate) fn type_name(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "boolean",
            Json::Int(_) | Json::UInt(_) => "integer",
            Json::Float => "number",
            Json::Str(_) => "string",
            Json::Array(_) => "array",
            Json::Object(_) => "object",
            Json::Opaque(type_name) => type_name,
        }
    }

    /// The rule this value breaks where the spec says `expected`.
    pub(crate) fn wrong(&self, expected: JsonType) -> Rule {
        Rule::WrongType {
            expected: expected.name(),
            found: self.type_name(),
        }
    }

    pub(crate) fn into_text(self) -> Result<Cow<'de, str>, Rule> {
        match self {
            Json::Str(s) => Ok(s),
            other => Err(other.wrong(JsonType::String)),
        }
    }

    /// A JSON string as `T`: from the borrowed text where the input allows (a type that keeps
    /// its text copies it only once it passed), else from the owned `String` (no copy).
    pub(crate) fn into_typed_text<T>(self) -> Result<T, Rule>
    where
        T: for<'a> TryFrom<&'a str, Error = Rule> + TryFrom<String, Error = Rule>,
    {
        match self.into_text()? {
            Cow::Borrowed(s) => T::try_from(s),
            Cow::Owned(s) => T::try_from(s),
        }
    }

    pub(crate) fn into_bool(self) -> Result<bool, Rule> {
        match self {
            Json::Bool(b) => Ok(b),
            other => Err(other.wrong(JsonType::Boolean)),
        }
    }

    /// A JSON integer as `i64`; one past `i64` breaks the field's own rule (`out_of_range`).
    pub(crate) fn into_i64(self, out_of_range: fn() -> Rule) -> Result<i64, Rule> {
        match self {
            Json::Int(i) => Ok(i),
            Json::UInt(u) => i64::try_from(u).map_err(|_| out_of_range()),
            other => Err(other.wrong(JsonType::Integer)),
        }
    }
}

/// Reads one value at `depth` levels of arrays and objects.
#[derive(Clone, Copy)]
struct JsonSeed {
    depth: usize,
}

impl<'de> DeserializeSeed<'de> for JsonSeed {
    type Value = Json<'de>;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Json<'de>, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for JsonSeed {
    type Value = Json<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any json value")
    }
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Json<'de>, E> {
        Ok(Json::Str(Cow::Borrowed(v)))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Json<'de>, E> {
        Ok(Json::Str(Cow::Owned(v.to_owned())))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Json<'de>, E> {
        Ok(Json::Str(Cow::Owned(v)))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Json<'de>, E> {
        Ok(Json::Int(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Json<'de>, E> {
        Ok(Json::UInt(v))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Json<'de>, E> {
        Ok(Json::Float)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Json<'de>, E> {
        Ok(Json::Bool(v))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Json<'de>, E> {
        Ok(Json::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Json<'de>, E> {
        Ok(Json::Null)
    }
    fn visit_some<D: de::Deserializer<'de>>(self, d: D) -> Result<Json<'de>, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json<'de>, A::Error> {
        if self.depth >= KEPT_DEPTH {
            while seq.next_element::<IgnoredAny>()?.is_some() {}
            return Ok(Json::Opaque("array"));
        }
        let inner = JsonSeed {
            depth: self.depth + 1,
        };
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(inner)? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json<'de>, A::Error> {
        if self.depth >= KEPT_DEPTH {
            while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
            return Ok(Json::Opaque("object"));
        }
        let inner = JsonSeed {
            depth: self.depth + 1,
        };
        let mut members = Vec::new();
        while let Some(Key(key)) = map.next_key()? {
            let value = map.next_value_seed(inner)?;
            members.push((key, value));
        }
        Ok(Json::Object(members))
    }
}

/// A member name: borrowed where the input allows, so a name costs no allocation.
struct Key<'de>(Cow<'de, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct KeyVisitor;

        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a member name")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v)))
            }
        }

        d.deserialize_str(KeyVisitor)
    }
}

/// The RFC 6901 JSON pointer of a member, from its object: `~` is written `~0` and `/` is
/// written `~1`.
pub(crate) fn pointer(key: &str) -> String {
    if key.contains(['~', '/']) {
        format!("/{}", key.replace('~', "~0").replace('/', "~1"))
    } else {
        format!("/{key}")
    }
}
