//! One macro for the enum-like types (a field or parameter with a fixed list of values), so
//! they all share one naming convention:
//!
//! - `value()` is what goes on the wire: the spec's string or integer;
//! - `name()` is a lowercase name for people and command lines;
//! - `FromStr`, `TryFrom<&str>`, `TryFrom<String>` and `Display` use the wire value written as
//!   text (`"101"`, `"2"`);
//! - `from_value` takes the wire value, `from_name` a name or the wire value;
//! - `ALL` lists every value an update may send, in the spec's order;
//! - `Serialize`/`Deserialize` use the wire value, through the same check.

/// Declares an enum-like type. `str` or `i64` says the wire type; `refuse` lists values the spec
/// knows but an update may not send, each with the rule it breaks.
macro_rules! enum_type {
    (
        $(#[$meta:meta])*
        pub enum $name:ident: $wire:tt {
            $(
                $(#[doc = $doc:literal])*
                $variant:ident = $value:literal, $label:literal;
            )*
        }
        $(refuse { $($refused:literal => $rule:expr),* $(,)? })?
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $($(#[doc = $doc])* $variant,)*
        }

        impl $name {
            /// Every value an update may send, in the spec's order.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The values as the spec writes them, for messages.
            const ALLOWED: &'static [&'static str] = &[$(stringify!($value)),*];

            /// The value sent on the wire.
            #[must_use]
            pub const fn value(self) -> $crate::types::enum_type::enum_type!(@type $wire) {
                match self {
                    $($name::$variant => $value,)*
                }
            }

            /// A lowercase name for people and command lines.
            #[must_use]
            pub const fn name(self) -> &'static str {
                match self {
                    $($name::$variant => $label,)*
                }
            }

            /// The value for a wire value.
            ///
            /// # Errors
            ///
            /// The rule a refused value breaks, or [`Rule::UnknownValue`](crate::Rule::UnknownValue)
            /// for a value the spec does not list.
            pub fn from_value(
                value: $crate::types::enum_type::enum_type!(@param $wire),
            ) -> ::std::result::Result<Self, $crate::Rule> {
                match value {
                    $($value => Ok($name::$variant),)*
                    $($($refused => Err($rule),)*)?
                    _ => Err($crate::Rule::UnknownValue {
                        allowed: Self::ALLOWED,
                    }),
                }
            }

            /// The value for a name (`sso`, any case) or a wire value written as text (`101`).
            ///
            /// # Errors
            ///
            /// As [`from_value`](Self::from_value), for text that is neither.
            pub fn from_name(s: &str) -> ::std::result::Result<Self, $crate::Rule> {
                s.parse().or_else(|rule| {
                    Self::ALL
                        .iter()
                        .copied()
                        .find(|v| v.name().eq_ignore_ascii_case(s))
                        .ok_or(rule)
                })
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = $crate::Rule;
            fn from_str(s: &str) -> ::std::result::Result<Self, $crate::Rule> {
                $crate::types::enum_type::enum_type!(@from_text $wire, s, $name)
            }
        }

        impl TryFrom<&str> for $name {
            type Error = $crate::Rule;
            fn try_from(s: &str) -> ::std::result::Result<Self, $crate::Rule> {
                s.parse()
            }
        }

        impl TryFrom<String> for $name {
            type Error = $crate::Rule;
            fn try_from(s: String) -> ::std::result::Result<Self, $crate::Rule> {
                s.parse()
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                ::std::fmt::Display::fmt(&self.value(), f)
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                ::serde::Serialize::serialize(&self.value(), serializer)
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                $crate::types::enum_type::enum_type!(@deserialize $wire, deserializer, $name)
            }
        }

        $crate::types::enum_type::enum_type!(@field $wire, $name, {
            #[allow(unused_mut)]
            let mut rule = format!("one of {}", $name::ALLOWED.join(", "));
            $($(
                rule.push_str(&format!("; {} refused: {}", stringify!($refused), $rule));
            )*)?
            rule
        });
    };

    (@type str) => { &'static str };
    (@param str) => { &str };
    (@param i64) => { i64 };
    (@type i64) => { i64 };
    (@from_text str, $s:ident, $name:ident) => { $name::from_value($s) };
    (@from_text i64, $s:ident, $name:ident) => {
        // Decimal digits only: no sign, spaces or `+`; at most 19, so that leading zeros cannot
        // make a long text one of the values.
        if $s.len() <= 19 && $s.bytes().all(|b| b.is_ascii_digit()) {
            $s.parse::<i64>()
                .map_err(|_| $crate::Rule::UnknownValue { allowed: $name::ALLOWED })
                .and_then($name::from_value)
        } else {
            Err($crate::Rule::UnknownValue { allowed: $name::ALLOWED })
        }
    };
    (@deserialize str, $d:ident, $name:ident) => {{
        let s = <String as ::serde::Deserialize>::deserialize($d)?;
        $name::from_value(&s).map_err(::serde::de::Error::custom)
    }};
    (@deserialize i64, $d:ident, $name:ident) => {{
        let v = <i64 as ::serde::Deserialize>::deserialize($d)?;
        $name::from_value(v).map_err(::serde::de::Error::custom)
    }};
    // The field type: a string enum is text, an integer one an integer (a JSON integer past
    // `i64` is a value the spec does not list).
    (@field str, $name:ident, $rule:expr) => {
        impl $name {
            /// The value sent on the wire.
            pub(crate) const fn as_str(self) -> &'static str {
                self.value()
            }
        }

        $crate::body::field::text_field!($name, $rule);
    };
    (@field i64, $name:ident, $rule:expr) => {
        impl TryFrom<i64> for $name {
            type Error = $crate::Rule;
            fn try_from(value: i64) -> ::std::result::Result<Self, $crate::Rule> {
                $name::from_value(value)
            }
        }

        impl From<$name> for i64 {
            fn from(value: $name) -> i64 {
                value.value()
            }
        }

        $crate::body::field::integer_field!(
            $name,
            $rule,
            out_of_range $crate::Rule::UnknownValue { allowed: $name::ALLOWED }
        );
    };
}

pub(crate) use enum_type;
