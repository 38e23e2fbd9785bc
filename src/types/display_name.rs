//! `DisplayName`: `display_name` of Zoom's current spec.

use crate::types::Rule;
use crate::types::person_name::check_name;
use crate::types::string_type::string_type;

/// A display name: at most 128 characters (the spec's `maxLength`) and at most ten Chinese (Han
/// script) characters ("cannot contain more than ten Chinese characters").
///
/// ```
/// use zoom_user_update::DisplayName;
///
/// assert!("Grace Hopper".parse::<DisplayName>().is_ok());
/// assert!("张伟明华强张伟明华强".parse::<DisplayName>().is_ok()); // 10
/// assert!("张伟明华强张伟明华强东".parse::<DisplayName>().is_err()); // 11
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DisplayName(String);

impl DisplayName {
    /// The maximum number of characters.
    pub const MAX_CHARS: usize = 128;
    /// The maximum number of Chinese (Han script) characters.
    pub const MAX_CHINESE: usize = 10;

    pub(crate) fn check(s: &str) -> Result<(), Rule> {
        check_name(s, Self::MAX_CHARS, Self::MAX_CHINESE)
    }
}

string_type!(DisplayName, owned, rule "at most 128 characters, at most 10 Chinese (Han) characters", max DisplayName::MAX_CHARS);
