//! What a body field's value type must provide for the field table (`table.rs`) to expand
//! into setters, getters, the JSON intake, the conversion to the generated types and the rule
//! rows: [`FieldInput`] (public: what a setter accepts), `FieldKind` and `ToRaw` (internal).

use std::borrow::Cow;
use std::fmt::Display;

use crate::body::json::Json;
use crate::spec::FieldRule;
use crate::{Rule, ValidationErrors, Violation, Warning};

/// A value a setter accepts for a field of type `T`: the validated type itself, or a raw value
/// (text, an integer, a nested builder) that is checked with `T`'s own rules. A value that
/// breaks a rule does not fail at the setter; the builder reports it with every other violation
/// when it builds.
pub trait FieldInput<T> {
    /// The validated value, or every rule the raw value breaks (paths relative to the field:
    /// `""` for the value itself, `/code` for a member of a nested object).
    ///
    /// # Errors
    ///
    /// The [`ValidationErrors`] of the value.
    fn into_field(self) -> Result<T, ValidationErrors>;
}

impl<T> FieldInput<T> for T {
    fn into_field(self) -> Result<T, ValidationErrors> {
        Ok(self)
    }
}

/// A value type of a body field, as the field table uses it.
pub(crate) trait FieldKind: Sized {
    /// The JSON type the spec gives the field.
    const JSON_TYPE: &'static str;

    /// Reads and checks the field's JSON value.
    fn from_json(json: Json<'_>) -> Result<Self, ValidationErrors>;

    /// The rule enforced under `Policy::Spec`, in words, for the rule table.
    fn rule() -> Cow<'static, str>;

    /// The maximum length in characters, where the type enforces one.
    fn max_chars() -> Option<usize> {
        None
    }

    /// The maximum number of items, for an array.
    fn max_items() -> Option<usize> {
        None
    }

    /// The rule rows of the members of an object (or of an array's items), under `prefix`.
    fn member_rules(_prefix: &str, _out: &mut Vec<FieldRule>) {}

    /// The `Policy::Strict` violations of the members of an object, under `path` (a buffer the
    /// implementation extends for a member and restores before it returns).
    fn strict_violations(&self, _path: &mut String, _out: &mut Vec<Violation>) {}

    /// The warnings of the members of an object (deprecated members), under `path` (as for
    /// `strict_violations`).
    fn warnings(&self, _path: &mut String, _out: &mut Vec<Warning>) {}
}

/// A rule of `Policy::Strict` for a field: Zoom's support pages, not its API spec.
pub(crate) struct StrictRule<T: ?Sized> {
    /// The rule in words, for the rule table.
    pub(crate) rule: &'static str,
    /// The rules a value breaks (none: it passes).
    pub(crate) check: fn(&T) -> Vec<Rule>,
}

/// Conversion of a validated value into the type the generated code takes for the field.
pub(crate) trait ToRaw<R> {
    /// The generated value. The generated type's own checks run here; a value this layer
    /// accepted but the generated layer refuses is reported as [`Rule::Schema`].
    fn to_raw(&self) -> Result<R, ValidationErrors>;
}

/// A scalar's value as the generated code takes it: the spec's string, integer or boolean.
pub(crate) trait Wire {
    type Wire;
    fn wire(&self) -> Self::Wire;
}

impl<T: Wire, R> ToRaw<R> for T
where
    R: TryFrom<T::Wire>,
    R::Error: Display,
{
    fn to_raw(&self) -> Result<R, ValidationErrors> {
        R::try_from(self.wire()).map_err(|e| {
            ValidationErrors::here(Rule::Schema {
                detail: e.to_string(),
            })
        })
    }
}

impl FieldKind for bool {
    const JSON_TYPE: &'static str = "boolean";
    fn from_json(json: Json<'_>) -> Result<Self, ValidationErrors> {
        json.into_bool().map_err(ValidationErrors::here)
    }
    fn rule() -> Cow<'static, str> {
        "a boolean".into()
    }
}

impl Wire for bool {
    type Wire = bool;
    fn wire(&self) -> bool {
        *self
    }
}

/// Makes a string-shaped validated type (with `TryFrom<&str>`, `TryFrom<String>` and
/// `as_str()`) a field type: read from a JSON string, sent as its text, set from `&str`,
/// `String` or `&String`. A generic type gives its generics first, as `string_type!` takes them:
/// `text_field!(@[const MAX: usize] Text<MAX>, …)`. `max` is a `usize` or an `Option<usize>`.
macro_rules! text_field {
    (@[$($gen:tt)*] $ty:ty, $rule:expr $(, max $max:expr)?) => {
        impl<$($gen)*> $crate::body::field::FieldKind for $ty {
            const JSON_TYPE: &'static str = "string";
            fn from_json(
                json: $crate::body::json::Json<'_>,
            ) -> ::std::result::Result<Self, $crate::ValidationErrors> {
                json.into_typed_text::<Self>()
                    .map_err($crate::ValidationErrors::here)
            }
            fn rule() -> ::std::borrow::Cow<'static, str> {
                ::std::borrow::Cow::from($rule)
            }
            $(fn max_chars() -> Option<usize> {
                Option::from($max)
            })?
        }

        impl<$($gen)*> $crate::body::field::Wire for $ty {
            type Wire = String;
            fn wire(&self) -> String {
                self.as_str().to_owned()
            }
        }

        impl<$($gen)*> $crate::FieldInput<$ty> for &str {
            fn into_field(self) -> ::std::result::Result<$ty, $crate::ValidationErrors> {
                <$ty>::try_from(self).map_err($crate::ValidationErrors::here)
            }
        }

        impl<$($gen)*> $crate::FieldInput<$ty> for String {
            fn into_field(self) -> ::std::result::Result<$ty, $crate::ValidationErrors> {
                <$ty>::try_from(self).map_err($crate::ValidationErrors::here)
            }
        }

        impl<$($gen)*> $crate::FieldInput<$ty> for &String {
            fn into_field(self) -> ::std::result::Result<$ty, $crate::ValidationErrors> {
                <$ty>::try_from(self.as_str()).map_err($crate::ValidationErrors::here)
            }
        }
    };
    ($ty:ty, $rule:expr $(, max $max:expr)?) => {
        $crate::body::field::text_field!(@[] $ty, $rule $(, max $max)?);
    };
}

pub(crate) use text_field;

/// Makes an integer-valued validated type (with `TryFrom<i64, Error = Rule>` and `From<Self> for
/// i64`) a field type: read
/// from a JSON integer (one past `i64` breaks `$out_of_range`), sent as `i64`, set from `i64` —
/// the only integer type, so an integer literal such as `2468135790` infers as `i64`.
macro_rules! integer_field {
    ($ty:ty, $rule:expr, out_of_range $out_of_range:expr) => {
        impl $crate::body::field::FieldKind for $ty {
            const JSON_TYPE: &'static str = "integer";
            fn from_json(
                json: $crate::body::json::Json<'_>,
            ) -> ::std::result::Result<Self, $crate::ValidationErrors> {
                json.into_i64($out_of_range)
                    .and_then(<$ty>::try_from)
                    .map_err($crate::ValidationErrors::here)
            }
            fn rule() -> ::std::borrow::Cow<'static, str> {
                ::std::borrow::Cow::from($rule)
            }
        }

        impl $crate::body::field::Wire for $ty {
            type Wire = i64;
            fn wire(&self) -> i64 {
                i64::from(*self)
            }
        }

        impl $crate::FieldInput<$ty> for i64 {
            fn into_field(self) -> ::std::result::Result<$ty, $crate::ValidationErrors> {
                <$ty>::try_from(self).map_err($crate::ValidationErrors::here)
            }
        }
    };
}

pub(crate) use integer_field;
