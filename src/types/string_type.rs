//! One macro for the string-shaped validated types: every conversion goes through the type's
//! own `parse`, so `FromStr`, `TryFrom`, `Deserialize` and the body layer's intake (through
//! [`Scalar`](crate::types::Scalar)) cannot disagree.

/// Implements `FromStr`, `TryFrom<&str>`, `TryFrom<String>`, `Display`, `AsRef<str>`,
/// `Serialize` (as the string), `Deserialize` (through the same check) and
/// [`Scalar`](crate::types::Scalar) with the rule in words and, where the type has one, its
/// maximum length: `string_type!(PersonName, owned, rule "…", max PersonName::MAX_CHARS)`.
///
/// A `secret` type (`string_type!(HostKey, owned, secret, rule "…")`) has no `Display`, so that
/// it cannot reach a message or a log by accident: `as_str()` is the one way to read it, and its
/// `Debug` is its own (redacted).
macro_rules! string_type {
    // A type that owns its text: `fn check(&str) -> Result<(), Rule>` decides, and an owned
    // `String` is kept as it is (no copy).
    ($ty:ident, owned, rule $rule:expr $(, max $max:expr)?) => {
        $crate::types::string_type::string_type!(@[] $ty, owned, rule $rule $(, max $max)?);
    };
    // The same for a secret, without `Display`.
    ($ty:ident, owned, secret, rule $rule:expr $(, max $max:expr)?) => {
        $crate::types::string_type::string_type!(@owned [] $ty);
        $crate::types::string_type::string_type!(@scalar [] $ty, $rule $(, $max)?);
    };
    // The same for a generic type: `string_type!(@[const MAX: usize] Text<MAX>, owned, …)`.
    (@[$($gen:tt)*] $ty:ty, owned, rule $rule:expr $(, max $max:expr)?) => {
        $crate::types::string_type::string_type!(@owned [$($gen)*] $ty);
        $crate::types::string_type::string_type!(@display [$($gen)*] $ty);
        $crate::types::string_type::string_type!(@scalar [$($gen)*] $ty, $rule $(, $max)?);
    };
    // A type with `fn parse(&str) -> Result<Self, Rule>` and `fn as_str(&self) -> &str`.
    ($ty:ident, parsed, rule $rule:expr) => {
        impl ::std::convert::TryFrom<String> for $ty {
            type Error = $crate::types::Rule;
            fn try_from(s: String) -> ::std::result::Result<Self, $crate::types::Rule> {
                Self::parse(&s)
            }
        }

        $crate::types::string_type::string_type!(@common [] $ty);
        $crate::types::string_type::string_type!(@display [] $ty);
        $crate::types::string_type::string_type!(@scalar [] $ty, $rule);
    };
    (@scalar [$($gen:tt)*] $ty:ty, $rule:expr $(, $max:expr)?) => {
        impl<$($gen)*> $crate::types::Scalar for $ty {
            type Wire = String;
            fn rule() -> ::std::borrow::Cow<'static, str> {
                ::std::borrow::Cow::from($rule)
            }
            $(fn max_chars() -> Option<usize> {
                Option::from($max)
            })?
            fn from_wire(wire: String) -> ::std::result::Result<Self, $crate::types::Rule> {
                Self::try_from(wire)
            }
            fn to_wire(&self) -> String {
                self.as_str().to_owned()
            }
            fn from_wire_text(text: &str) -> ::std::result::Result<Self, $crate::types::Rule> {
                Self::parse(text)
            }
        }
    };
    (@owned [$($gen:tt)*] $ty:ty) => {
        impl<$($gen)*> $ty {
            /// Parses the text (see the type's documentation for the rules).
            ///
            /// # Errors
            ///
            /// The [`Rule`](crate::Rule) the text breaks.
            pub fn parse(s: &str) -> ::std::result::Result<Self, $crate::types::Rule> {
                Self::check(s).map(|()| Self(s.to_owned()))
            }

            /// The text.
            #[must_use]
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// The text, owned.
            #[must_use]
            pub fn into_string(self) -> String {
                self.0
            }
        }

        impl<$($gen)*> ::std::convert::TryFrom<String> for $ty {
            type Error = $crate::types::Rule;
            fn try_from(s: String) -> ::std::result::Result<Self, $crate::types::Rule> {
                Self::check(&s).map(|()| Self(s))
            }
        }

        impl<$($gen)*> From<$ty> for String {
            fn from(value: $ty) -> String {
                value.0
            }
        }

        $crate::types::string_type::string_type!(@common [$($gen)*] $ty);
    };
    (@display [$($gen:tt)*] $ty:ty) => {
        impl<$($gen)*> ::std::fmt::Display for $ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
    (@common [$($gen:tt)*] $ty:ty) => {
        impl<$($gen)*> ::std::str::FromStr for $ty {
            type Err = $crate::types::Rule;
            fn from_str(s: &str) -> ::std::result::Result<Self, $crate::types::Rule> {
                Self::parse(s)
            }
        }

        impl<$($gen)*> ::std::convert::TryFrom<&str> for $ty {
            type Error = $crate::types::Rule;
            fn try_from(s: &str) -> ::std::result::Result<Self, $crate::types::Rule> {
                Self::parse(s)
            }
        }

        impl<$($gen)*> ::std::convert::AsRef<str> for $ty {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }

        impl<$($gen)*> ::serde::Serialize for $ty {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de, $($gen)*> ::serde::Deserialize<'de> for $ty {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                let s = String::deserialize(deserializer)?;
                Self::try_from(s).map_err(::serde::de::Error::custom)
            }
        }
    };
}

pub(crate) use string_type;
