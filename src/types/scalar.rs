//! `Scalar`: what a validated value that travels as one JSON scalar (a string, an integer or a
//! boolean) says of itself, so that the body layer can read it, describe its rule and send it
//! without knowing the type.

use std::borrow::Cow;
use std::fmt;

use crate::types::Rule;

/// The JSON type the spec gives a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum JsonType {
    /// `string`.
    String,
    /// `integer` (a whole number; `5.76e17` is a `number`, never an integer).
    Integer,
    /// `boolean`.
    Boolean,
    /// `array`.
    Array,
    /// `object`.
    Object,
}

impl JsonType {
    /// The name the spec uses (`string`, `integer`, …).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            JsonType::String => "string",
            JsonType::Integer => "integer",
            JsonType::Boolean => "boolean",
            JsonType::Array => "array",
            JsonType::Object => "object",
        }
    }
}

impl fmt::Display for JsonType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// How a scalar travels: as a JSON string (`String`), integer (`i64`) or boolean (`bool`).
pub trait Wire: Sized {
    /// The JSON type.
    const JSON_TYPE: JsonType;
    /// Reads the value as typed on a command line or in a query string (`None`: not of this
    /// type).
    fn from_text(text: &str) -> Option<Self>;
}

impl Wire for String {
    const JSON_TYPE: JsonType = JsonType::String;
    fn from_text(text: &str) -> Option<Self> {
        Some(text.to_owned())
    }
}

impl Wire for i64 {
    const JSON_TYPE: JsonType = JsonType::Integer;
    /// Decimal digits with an optional `-`: no `+`, spaces or other digits.
    fn from_text(text: &str) -> Option<Self> {
        let digits = text.strip_prefix('-').unwrap_or(text);
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        text.parse().ok()
    }
}

impl Wire for bool {
    const JSON_TYPE: JsonType = JsonType::Boolean;
    fn from_text(text: &str) -> Option<Self> {
        text.parse().ok()
    }
}

/// A validated value that travels as one JSON scalar: every validated type of this crate but
/// the lists. The body layer reads, describes and sends any field through this trait alone.
pub trait Scalar: Sized + Clone + fmt::Debug + serde::Serialize + Send + Sync + 'static {
    /// How it travels: `String`, `i64` or `bool`.
    type Wire: Wire;

    /// The rule the type enforces, in words (for the rule table).
    fn rule() -> Cow<'static, str>;

    /// The maximum length in characters the type enforces, if any.
    fn max_chars() -> Option<usize> {
        None
    }

    /// The value for a wire value.
    ///
    /// # Errors
    ///
    /// The [`Rule`] the value breaks.
    fn from_wire(wire: Self::Wire) -> Result<Self, Rule>;

    /// The wire value.
    fn to_wire(&self) -> Self::Wire;

    /// The value for borrowed text of the wire type (a string type's own parse: it copies the
    /// text only once it passed, and a type that keeps no text not at all). For a type that is
    /// not a string: the text is of the wrong type.
    ///
    /// # Errors
    ///
    /// The [`Rule`] the text breaks.
    fn from_wire_text(text: &str) -> Result<Self, Rule> {
        let _ = text;
        Err(Rule::WrongType {
            expected: Self::Wire::JSON_TYPE.name(),
            found: "string",
        })
    }

    /// The value for text as typed on a command line or in a query string: the wire value
    /// written as text, and for an enum-like type also its name.
    ///
    /// # Errors
    ///
    /// The [`Rule`] the value breaks, or [`Rule::WrongType`] for text that is not of the wire
    /// type (`abc` for an integer).
    fn from_text(text: &str) -> Result<Self, Rule> {
        match Self::Wire::from_text(text) {
            Some(wire) => Self::from_wire(wire),
            None => Err(Rule::WrongType {
                expected: Self::Wire::JSON_TYPE.name(),
                found: "string",
            }),
        }
    }

    /// The rule a JSON integer past `i64` breaks (an integer type's own: no value of the spec
    /// comes near it).
    fn out_of_range() -> Rule {
        Rule::WrongType {
            expected: Self::Wire::JSON_TYPE.name(),
            found: "integer",
        }
    }
}

impl Scalar for bool {
    type Wire = bool;
    fn rule() -> Cow<'static, str> {
        "a boolean".into()
    }
    fn from_wire(wire: bool) -> Result<Self, Rule> {
        Ok(wire)
    }
    fn to_wire(&self) -> bool {
        *self
    }
}
