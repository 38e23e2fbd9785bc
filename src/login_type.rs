//! `LoginType`: the `login_type` query parameter.

use crate::Rule;
use crate::parse::string_type;
use crate::raw::types::UserUpdateLoginType as RawLoginType;

/// The user's login method, sent as the `login_type` query parameter: the seed page's five
/// values, written as the spec's strings.
///
/// ```
/// use zoom_user_update::LoginType;
///
/// assert_eq!("101".parse::<LoginType>()?, LoginType::Sso);
/// assert_eq!(LoginType::Sso.as_str(), "101");
/// assert_eq!(LoginType::from_name("sso")?, LoginType::Sso);
/// assert!("11".parse::<LoginType>().is_err()); // a 2021-only value; the seed wins
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum LoginType {
    /// `"0"`: Facebook.
    Facebook,
    /// `"1"`: Google.
    Google,
    /// `"99"`: API.
    Api,
    /// `"100"`: Zoom.
    Zoom,
    /// `"101"`: SSO.
    Sso,
}

impl LoginType {
    /// Every login type, in the seed page's order of meaning.
    pub const ALL: [LoginType; 5] = [
        LoginType::Facebook,
        LoginType::Google,
        LoginType::Api,
        LoginType::Zoom,
        LoginType::Sso,
    ];

    /// Parses the spec's value (`"0"`, `"1"`, `"99"`, `"100"`, `"101"`).
    ///
    /// # Errors
    ///
    /// [`Rule::UnknownLoginType`] for any other text.
    pub fn parse(s: &str) -> Result<Self, Rule> {
        Self::ALL
            .into_iter()
            .find(|t| t.as_str() == s)
            .ok_or(Rule::UnknownLoginType)
    }

    /// Parses the spec's value or a name (`facebook`, `google`, `api`, `zoom`, `sso`, any case).
    ///
    /// # Errors
    ///
    /// [`Rule::UnknownLoginType`] for any other text.
    pub fn from_name(s: &str) -> Result<Self, Rule> {
        Self::parse(s).or_else(|_| {
            Self::ALL
                .into_iter()
                .find(|t| t.name().eq_ignore_ascii_case(s))
                .ok_or(Rule::UnknownLoginType)
        })
    }

    /// The spec's value.
    #[must_use]
    pub fn as_str(&self) -> &'static str {
        match self {
            LoginType::Facebook => "0",
            LoginType::Google => "1",
            LoginType::Api => "99",
            LoginType::Zoom => "100",
            LoginType::Sso => "101",
        }
    }

    /// A lowercase name.
    #[must_use]
    pub fn name(&self) -> &'static str {
        match self {
            LoginType::Facebook => "facebook",
            LoginType::Google => "google",
            LoginType::Api => "api",
            LoginType::Zoom => "zoom",
            LoginType::Sso => "sso",
        }
    }

    pub(crate) fn to_raw(self) -> RawLoginType {
        match self {
            LoginType::Facebook => RawLoginType::X0,
            LoginType::Google => RawLoginType::X1,
            LoginType::Api => RawLoginType::X99,
            LoginType::Zoom => RawLoginType::X100,
            LoginType::Sso => RawLoginType::X101,
        }
    }
}

impl From<LoginType> for RawLoginType {
    fn from(t: LoginType) -> Self {
        t.to_raw()
    }
}

string_type!(LoginType);
