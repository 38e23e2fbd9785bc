//! `CallingCode`: `phone_numbers.code`.

use crate::types::Rule;
use crate::types::string_type::string_type;

/// A country calling code: `+` and 1 to 3 digits, the first not `0` (`+1`, `+44`, `+886`).
///
/// ```
/// use zoom_user_update::CallingCode;
///
/// assert!("+1".parse::<CallingCode>().is_ok());
/// assert!("1".parse::<CallingCode>().is_err());
/// assert!("+0".parse::<CallingCode>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CallingCode(String);

impl CallingCode {
    /// Checks the text against the rules.
    ///
    /// # Errors
    ///
    /// [`Rule::InvalidCallingCode`] unless the text is `+` and 1–3 ASCII digits, the first not 0.
    pub(crate) fn check(s: &str) -> Result<(), Rule> {
        match s.as_bytes() {
            [b'+', first, rest @ ..]
                if (b'1'..=b'9').contains(first)
                    && rest.len() <= 2
                    && rest.iter().all(u8::is_ascii_digit) =>
            {
                Ok(())
            }
            _ => Err(Rule::InvalidCallingCode),
        }
    }
}

string_type!(CallingCode, owned, rule "`+` and 1-3 digits, the first not 0");
