//! One macro for the enum-like types (a field or parameter with a fixed list of values), so
//! they all share one naming convention:
//!
//! - `value()` is what goes on the wire: the spec's string or integer;
//! - `name()` is a lowercase name for people and command lines;
//! - `FromStr`, `TryFrom<&str>`, `TryFrom<String>` and `Display` use the wire value written as
//!   text (`"101"`, `"2"`);
//! - `from_value` takes the wire value, `from_name` a name or the wire value;
//! - `ALL` lists every value an update may send, in the spec's order;
//! - `Serialize`/`Deserialize` use the wire value, through the same check;
//! - [`Scalar`](crate::types::Scalar) reads the wire value, and text by value or name.

/// Declares an enum-like type. `str` or `i64` says the wire type; `refuse` lists values the spec
/// knows but an update may not send, each with the rule it breaks. `in` names the module the
/// type is public in, for the examples the macro writes into its documentation.
macro_rules! enum_type {
    (
        $(#[$meta:meta])*
        pub enum $name:ident: $wire:tt in $module:literal {
            $(#[doc = $first_doc:literal])*
            $first:ident = $first_value:literal, $first_label:literal;
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
            $(#[doc = $first_doc])* $first,
            $($(#[doc = $doc])* $variant,)*
        }

        impl $name {
            /// Every value an update may send, in the spec's order.
            pub const ALL: &'static [$name] = &[$name::$first, $($name::$variant),*];

            /// The values as the spec writes them, for messages.
            const ALLOWED: &'static [&'static str] =
                &[stringify!($first_value), $(stringify!($value)),*];

            /// The value sent on the wire.
            #[must_use]
            pub const fn value(self) -> $crate::types::enum_type::enum_type!(@type $wire) {
                match self {
                    $name::$first => $first_value,
                    $($name::$variant => $value,)*
                }
            }

            /// A lowercase name for people and command lines.
            #[must_use]
            pub const fn name(self) -> &'static str {
                match self {
                    $name::$first => $first_label,
                    $($name::$variant => $label,)*
                }
            }

            /// The value for a wire value.
            ///
            /// # Errors
            ///
            /// The rule a refused value breaks, or
            /// [`Rule::UnknownValue`](crate::Rule::UnknownValue) for a value the spec does not
            /// list.
            pub fn from_value(
                value: $crate::types::enum_type::enum_type!(@param $wire),
            ) -> ::std::result::Result<Self, $crate::types::Rule> {
                match value {
                    $first_value => Ok($name::$first),
                    $($value => Ok($name::$variant),)*
                    $($($refused => Err($rule),)*)?
                    _ => Err($crate::types::Rule::UnknownValue {
                        allowed: Self::ALLOWED,
                    }),
                }
            }

            #[doc = concat!(
                "The value for one of its names (any case: `", $first_label, "`, …) or a wire ",
                "value written as text (`", stringify!($first_value), "`).\n\n",
                "```\n",
                "use ", $module, "::", stringify!($name), ";\n\n",
                "assert_eq!(", stringify!($name), "::from_name(\"", $first_label, "\")?, ",
                stringify!($name), "::", stringify!($first), ");\n",
                "assert_eq!(", stringify!($name), "::from_name(&", stringify!($name), "::",
                stringify!($first), ".to_string())?, ", stringify!($name), "::",
                stringify!($first), ");\n",
                "assert!(", stringify!($name), "::from_name(\"no such name\").is_err());\n",
                "# Ok::<(), ", "zoom_user_update::Rule>(())\n",
                "```\n\n",
                "# Errors\n\n",
                "As [`from_value`](Self::from_value), for text that is neither.",
            )]
            pub fn from_name(s: &str) -> ::std::result::Result<Self, $crate::types::Rule> {
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
            type Err = $crate::types::Rule;
            fn from_str(s: &str) -> ::std::result::Result<Self, $crate::types::Rule> {
                $crate::types::enum_type::enum_type!(@from_text $wire, s, $name)
            }
        }

        impl TryFrom<&str> for $name {
            type Error = $crate::types::Rule;
            fn try_from(s: &str) -> ::std::result::Result<Self, $crate::types::Rule> {
                s.parse()
            }
        }

        impl TryFrom<String> for $name {
            type Error = $crate::types::Rule;
            fn try_from(s: String) -> ::std::result::Result<Self, $crate::types::Rule> {
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
                let value = <$crate::types::enum_type::enum_type!(@owned $wire) as ::serde::Deserialize>::deserialize(deserializer)?;
                $name::from_value($crate::types::enum_type::enum_type!(@borrow $wire, value))
                    .map_err(::serde::de::Error::custom)
            }
        }

        impl $crate::types::Scalar for $name {
            type Wire = $crate::types::enum_type::enum_type!(@owned $wire);

            fn rule() -> ::std::borrow::Cow<'static, str> {
                #[allow(unused_mut)]
                let mut rule = format!("one of {}", $name::ALLOWED.join(", "));
                $($(
                    rule.push_str(&format!("; {} refused: {}", stringify!($refused), $rule));
                )*)?
                rule.into()
            }

            fn from_wire(wire: Self::Wire) -> ::std::result::Result<Self, $crate::types::Rule> {
                $name::from_value($crate::types::enum_type::enum_type!(@borrow $wire, wire))
            }

            fn to_wire(&self) -> Self::Wire {
                self.value().into()
            }

            fn from_wire_text(text: &str) -> ::std::result::Result<Self, $crate::types::Rule> {
                text.parse()
            }

            /// The wire value written as text, or a name.
            fn from_text(text: &str) -> ::std::result::Result<Self, $crate::types::Rule> {
                $name::from_name(text)
            }

            fn out_of_range() -> $crate::types::Rule {
                $crate::types::Rule::UnknownValue { allowed: $name::ALLOWED }
            }
        }

        $crate::types::enum_type::enum_type!(@integer $wire, $name);
    };

    (@type str) => { &'static str };
    (@type i64) => { i64 };
    (@param str) => { &str };
    (@param i64) => { i64 };
    (@owned str) => { String };
    (@borrow str, $v:ident) => { $v.as_str() };
    (@borrow i64, $v:ident) => { $v };
    (@owned i64) => { i64 };
    (@from_text str, $s:ident, $name:ident) => { $name::from_value($s) };
    (@from_text i64, $s:ident, $name:ident) => {
        // Decimal digits only: no sign, spaces or `+`; at most 19, so that leading zeros cannot
        // make a long text one of the values.
        if $s.len() <= 19 && $s.bytes().all(|b| b.is_ascii_digit()) {
            $s.parse::<i64>()
                .map_err(|_| $crate::types::Rule::UnknownValue { allowed: $name::ALLOWED })
                .and_then($name::from_value)
        } else {
            Err($crate::types::Rule::UnknownValue { allowed: $name::ALLOWED })
        }
    };
    // An integer enum converts from and into `i64`.
    (@integer str, $name:ident) => {};
    (@integer i64, $name:ident) => {
        impl TryFrom<i64> for $name {
            type Error = $crate::types::Rule;
            fn try_from(value: i64) -> ::std::result::Result<Self, $crate::types::Rule> {
                $name::from_value(value)
            }
        }

        impl From<$name> for i64 {
            fn from(value: $name) -> i64 {
                value.value()
            }
        }
    };
}

pub(crate) use enum_type;
