//! One macro for the string-shaped validated types: every conversion goes through the type's
//! own `parse`, so `FromStr`, `TryFrom` and `Deserialize` cannot disagree.

/// Implements `FromStr`, `TryFrom<&str>`, `TryFrom<String>`, `Display`, `AsRef<str>`,
/// `Serialize` (as the string) and `Deserialize` (through `parse`) for a type that has
/// `fn parse(&str) -> Result<Self, Rule>` and `fn as_str(&self) -> &str`.
macro_rules! string_type {
    ($ty:ident) => {
        impl ::std::str::FromStr for $ty {
            type Err = $crate::Rule;
            fn from_str(s: &str) -> ::std::result::Result<Self, $crate::Rule> {
                Self::parse(s)
            }
        }

        impl ::std::convert::TryFrom<&str> for $ty {
            type Error = $crate::Rule;
            fn try_from(s: &str) -> ::std::result::Result<Self, $crate::Rule> {
                Self::parse(s)
            }
        }

        impl ::std::convert::TryFrom<String> for $ty {
            type Error = $crate::Rule;
            fn try_from(s: String) -> ::std::result::Result<Self, $crate::Rule> {
                Self::parse(&s)
            }
        }

        impl ::std::fmt::Display for $ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::convert::AsRef<str> for $ty {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }

        impl ::serde::Serialize for $ty {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $ty {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                let s = <::std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
                Self::parse(&s).map_err(::serde::de::Error::custom)
            }
        }
    };
}

pub(crate) use string_type;
