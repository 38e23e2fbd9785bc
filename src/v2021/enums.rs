//! The enum-like types of Zoom's reference page: the `login_type` query parameter and the user
//! `type`.

use crate::types::Rule;
use crate::types::enum_type::enum_type;

enum_type! {
    /// The user's login method, sent as the `login_type` query parameter: the reference page's
    /// five values, written as the spec's strings.
    ///
    /// ```
    /// use zoom_user_update::v2021::LoginType;
    ///
    /// assert_eq!("101".parse::<LoginType>()?, LoginType::Sso);
    /// assert_eq!(LoginType::Sso.value(), "101");
    /// assert_eq!(LoginType::from_name("sso")?, LoginType::Sso);
    /// assert!("11".parse::<LoginType>().is_err()); // a 2021-spec-only value; the reference page wins
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum LoginType: str in "zoom_user_update::v2021" {
        /// `"0"`: Facebook.
        Facebook = "0", "facebook";
        /// `"1"`: Google.
        Google = "1", "google";
        /// `"99"`: API.
        Api = "99", "api";
        /// `"100"`: Zoom.
        Zoom = "100", "zoom";
        /// `"101"`: SSO.
        Sso = "101", "sso";
    }
}

enum_type! {
    /// The user type an update may set: Basic (1), Licensed (2) or On-prem (3).
    ///
    /// The spec's fourth value, 99 (None), "can only be set with `ssoCreate`", so an update that
    /// asks for it is refused with [`Rule::UserTypeSsoCreateOnly`].
    ///
    /// ```
    /// use zoom_user_update::Rule;
    /// use zoom_user_update::v2021::UserType;
    ///
    /// assert_eq!(UserType::from_value(2)?, UserType::Licensed);
    /// assert_eq!(UserType::from_value(99), Err(Rule::UserTypeSsoCreateOnly));
    /// assert_eq!(UserType::Licensed.value(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum UserType: i64 in "zoom_user_update::v2021" {
        /// 1: Basic.
        Basic = 1, "basic";
        /// 2: Licensed.
        Licensed = 2, "licensed";
        /// 3: On-prem.
        OnPrem = 3, "on-prem";
    }
    refuse { 99 => Rule::UserTypeSsoCreateOnly }
}
