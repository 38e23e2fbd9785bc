//! `UserType`: the `type` body field of Zoom's reference page.

use crate::Rule;
use crate::types::enum_type::enum_type;

enum_type! {
    /// The user type an update may set: Basic (1), Licensed (2) or On-prem (3).
    ///
    /// The spec's fourth value, 99 (None), "can only be set with `ssoCreate`", so an update that
    /// asks for it is refused with [`Rule::UserTypeSsoCreateOnly`].
    ///
    /// ```
    /// use zoom_user_update::{Rule, UserType};
    ///
    /// assert_eq!(UserType::from_value(2)?, UserType::Licensed);
    /// assert_eq!(UserType::from_value(99), Err(Rule::UserTypeSsoCreateOnly));
    /// assert_eq!(UserType::Licensed.value(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum UserType: i64 {
        /// 1: Basic.
        Basic = 1, "basic";
        /// 2: Licensed.
        Licensed = 2, "licensed";
        /// 3: On-prem.
        OnPrem = 3, "on-prem";
    }
    refuse { 99 => Rule::UserTypeSsoCreateOnly }
}
