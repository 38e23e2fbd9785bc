//! `UnknownName`: the error of parsing a setting by its name ([`Policy`](crate::Policy),
//! [`RateBudget`](crate::RateBudget), [`Edition`](crate::Edition)).

use std::fmt;

use crate::types::Escaped;

/// How many characters of the given text are kept and shown: enough to recognise a typo, and a
/// bound on what a message repeats of a user's input.
const SHOWN: usize = 32;

/// A name that [`FromStr`](std::str::FromStr) of a setting ([`Policy`](crate::Policy),
/// [`RateBudget`](crate::RateBudget), [`Edition`](crate::Edition)) does not know.
///
/// The message quotes what was given: its first 32 characters, [`Escaped`], so that it stays one
/// honest line whatever the input.
///
/// ```
/// use zoom_user_update::Policy;
///
/// let error = "lenient".parse::<Policy>().unwrap_err();
/// assert_eq!(error.to_string(), r#"unknown policy "lenient": expected one of spec, strict"#);
/// assert_eq!(error.given(), "lenient");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownName {
    what: &'static str,
    given: String,
    truncated: bool,
    expected: &'static str,
}

impl UnknownName {
    /// `given` is not a name of `what`; `expected` lists the names that are.
    pub(crate) fn new(what: &'static str, given: &str, expected: &'static str) -> Self {
        let kept = given
            .char_indices()
            .nth(SHOWN)
            .map_or(given.len(), |(at, _)| at);
        Self {
            what,
            given: given[..kept].to_owned(),
            truncated: kept < given.len(),
            expected,
        }
    }

    /// What kind of setting it is (`policy`, `rate budget`, `edition`).
    #[must_use]
    pub fn what(&self) -> &'static str {
        self.what
    }

    /// What was given: its first 32 characters, as given.
    #[must_use]
    pub fn given(&self) -> &str {
        &self.given
    }
}

impl fmt::Display for UnknownName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let cut = if self.truncated { "…" } else { "" };
        write!(
            f,
            "unknown {} \"{}{cut}\": expected one of {}",
            self.what,
            Escaped(&self.given),
            self.expected
        )
    }
}

impl std::error::Error for UnknownName {}

/// `Serialize` as the setting's name (its `Display`) and `Deserialize` through its `FromStr`, for
/// the settings that come from configuration files.
macro_rules! by_name {
    ($ty:ty) => {
        impl ::serde::Serialize for $ty {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $ty {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                let name = <::std::borrow::Cow<'de, str> as ::serde::Deserialize>::deserialize(
                    deserializer,
                )?;
                name.parse().map_err(::serde::de::Error::custom)
            }
        }
    };
}

pub(crate) use by_name;
