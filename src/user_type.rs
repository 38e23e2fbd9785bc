//! `UserType`: the `type` body field.

use std::fmt;

use crate::Rule;

/// The user type an update may set: Basic (1), Licensed (2) or On-prem (3).
///
/// The spec's fourth value, 99 (None), "can only be set with `ssoCreate`", so an update that
/// asks for it is refused with [`Rule::UserTypeSsoCreateOnly`].
///
/// ```
/// use zoom_user_update::{Rule, UserType};
///
/// assert_eq!(UserType::try_from(2)?, UserType::Licensed);
/// assert_eq!(UserType::try_from(99), Err(Rule::UserTypeSsoCreateOnly));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum UserType {
    /// 1: Basic.
    Basic,
    /// 2: Licensed.
    Licensed,
    /// 3: On-prem.
    OnPrem,
}

impl UserType {
    /// The spec's integer.
    #[must_use]
    pub fn code(self) -> i64 {
        match self {
            UserType::Basic => 1,
            UserType::Licensed => 2,
            UserType::OnPrem => 3,
        }
    }
}

impl TryFrom<i64> for UserType {
    type Error = Rule;
    fn try_from(value: i64) -> Result<Self, Rule> {
        match value {
            1 => Ok(UserType::Basic),
            2 => Ok(UserType::Licensed),
            3 => Ok(UserType::OnPrem),
            99 => Err(Rule::UserTypeSsoCreateOnly),
            _ => Err(Rule::UnknownUserType),
        }
    }
}

/// Parses the spec's integer written in decimal (`"2"`).
impl std::str::FromStr for UserType {
    type Err = Rule;
    fn from_str(s: &str) -> Result<Self, Rule> {
        match s {
            "1" | "2" | "3" | "99" => s.parse::<i64>().map_err(|_| Rule::UnknownUserType)?,
            _ => return Err(Rule::UnknownUserType),
        }
        .try_into()
    }
}

impl fmt::Display for UserType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.code())
    }
}

impl serde::Serialize for UserType {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_i64(self.code())
    }
}

impl<'de> serde::Deserialize<'de> for UserType {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = i64::deserialize(deserializer)?;
        Self::try_from(value).map_err(serde::de::Error::custom)
    }
}
