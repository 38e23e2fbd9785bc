//! `LoginType`: the `login_type` query parameter of Zoom's reference page.

use crate::types::enum_type::enum_type;

enum_type! {
    /// The user's login method, sent as the `login_type` query parameter: the reference page's
    /// five values, written as the spec's strings.
    ///
    /// ```
    /// use zoom_user_update::LoginType;
    ///
    /// assert_eq!("101".parse::<LoginType>()?, LoginType::Sso);
    /// assert_eq!(LoginType::Sso.value(), "101");
    /// assert_eq!(LoginType::from_name("sso")?, LoginType::Sso);
    /// assert!("11".parse::<LoginType>().is_err()); // a 2021-spec-only value; the reference page wins
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum LoginType: str {
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
