//! `PersonName`: `first_name` and `last_name`.

use unicode_script::{Script, UnicodeScript};

use crate::types::Rule;
use crate::types::string_type::string_type;

/// A first or last name: at most [`PersonName::MAX_CHARS`] characters (Zoom's 2021 spec) and
/// at most [`PersonName::MAX_CHINESE`] Chinese characters (the seed page: "cannot contain more
/// than 5 Chinese characters"). A Chinese character is one of the Han script (Unicode `Script`
/// property), which includes the CJK ideographs of every extension block.
///
/// ```
/// use zoom_user_update::PersonName;
///
/// assert!("张伟明华强".parse::<PersonName>().is_ok()); // 5 Han characters
/// assert!("张伟明华强东".parse::<PersonName>().is_err()); // 6
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PersonName(String);

impl PersonName {
    /// The maximum number of characters (Unicode scalar values).
    pub const MAX_CHARS: usize = 64;
    /// The maximum number of Chinese (Han script) characters.
    pub const MAX_CHINESE: usize = 5;

    /// Checks the text against the rules.
    ///
    /// # Errors
    ///
    /// [`Rule::TooLong`] past 64 characters, [`Rule::TooManyChineseCharacters`] past 5 Han
    /// characters (length is checked first).
    pub(crate) fn check(s: &str) -> Result<(), Rule> {
        check_name(s, Self::MAX_CHARS, Self::MAX_CHINESE)
    }
}

/// A name's rule: at most `max_chars` characters, then at most `max_chinese` of the Han script.
pub(crate) fn check_name(s: &str, max_chars: usize, max_chinese: usize) -> Result<(), Rule> {
    let mut chars = 0;
    let mut han = 0;
    for c in s.chars() {
        chars += 1;
        // ASCII is never Han: skip the table look-up for the common case.
        if !c.is_ascii() && c.script() == Script::Han {
            han += 1;
        }
    }
    if chars > max_chars {
        return Err(Rule::TooLong {
            max: max_chars,
            actual: chars,
        });
    }
    if han > max_chinese {
        return Err(Rule::TooManyChineseCharacters {
            max: max_chinese,
            actual: han,
        });
    }
    Ok(())
}

string_type!(PersonName, owned, rule "at most 64 characters, at most 5 Chinese (Han) characters", max PersonName::MAX_CHARS);
