//! `Json`: a body as the intake reads it, before any field rule is applied.
//!
//! Unlike `serde_json::Value`, an object keeps its members in order *with their duplicates*
//! (a field given twice is a violation, not a silent overwrite), and a number keeps whether it
//! was written as an integer: `5.76e17` is a `Float`, never rounded into an integer field.
//! Arrays and objects nested deeper than any request of the spec goes are kept as their type
//! only (`Opaque`), and skipped without recursion: depth costs neither stack nor a parse error,
//! and such a value is refused for what it is, a value of the wrong type.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};

use crate::Rule;

/// One JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Int(i64),
    UInt(u64),
    Float,
    Str(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
    /// An array or object nested deeper than `KEPT_DEPTH`: its JSON type only.
    Opaque(&'static str),
}

/// How many levels of arrays and objects are kept: a body, an array field, its items, and one
/// more level so that a member of an item given a container is refused by its type.
const KEPT_DEPTH: usize = 4;

impl Json {
    /// Parses JSON text (or bytes, as loaded from a file).
    pub(crate) fn parse(bytes: &[u8]) -> Result<Json, Rule> {
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

    /// Reads any self-describing value (a `serde_json::Value`, say).
    pub(crate) fn read<'de, D: de::Deserializer<'de>>(d: D) -> Result<Json, D::Error> {
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
    pub(crate) fn wrong(&self, expected: &'static str) -> Rule {
        Rule::WrongType {
            expected,
            found: self.type_name(),
        }
    }

    pub(crate) fn into_text(self) -> Result<String, Rule> {
        match self {
            Json::Str(s) => Ok(s),
            other => Err(other.wrong("string")),
        }
    }

    pub(crate) fn into_bool(self) -> Result<bool, Rule> {
        match self {
            Json::Bool(b) => Ok(b),
            other => Err(other.wrong("boolean")),
        }
    }

    /// A JSON integer as `i64`; one past `i64` breaks the field's own rule (`out_of_range`).
    pub(crate) fn into_i64(self, out_of_range: Rule) -> Result<i64, Rule> {
        match self {
            Json::Int(i) => Ok(i),
            Json::UInt(u) => i64::try_from(u).map_err(|_| out_of_range),
            other => Err(other.wrong("integer")),
        }
    }
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Json::read(d)
    }
}

/// Reads one value at `depth` levels of arrays and objects.
#[derive(Clone, Copy)]
struct JsonSeed {
    depth: usize,
}

impl<'de> DeserializeSeed<'de> for JsonSeed {
    type Value = Json;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Json, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for JsonSeed {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any json value")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Json, E> {
        Ok(Json::Str(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Json, E> {
        Ok(Json::Str(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Json, E> {
        Ok(Json::Int(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Json, E> {
        Ok(Json::UInt(v))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Json, E> {
        Ok(Json::Float)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Json, E> {
        Ok(Json::Bool(v))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_some<D: de::Deserializer<'de>>(self, d: D) -> Result<Json, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
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
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        if self.depth >= KEPT_DEPTH {
            while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
            return Ok(Json::Opaque("object"));
        }
        let inner = JsonSeed {
            depth: self.depth + 1,
        };
        let mut members = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value_seed(inner)?;
            members.push((key, value));
        }
        Ok(Json::Object(members))
    }
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
