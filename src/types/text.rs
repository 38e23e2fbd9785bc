//! `Text`: a free-text field, with the maximum length the spec gives it.

use crate::types::Rule;
use crate::types::string_type::string_type;

/// Whether a character is one that moves or hides text without being seen: a line or paragraph
/// separator, a bidirectional control, a zero-width character or a soft hyphen.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

/// Free text of at most `MAX` characters (Unicode scalar values); `Text` alone has no limit.
///
/// ```
/// use zoom_user_update::Text;
///
/// let title: Text<128> = "Rear Admiral".parse()?;
/// assert_eq!(title.as_str(), "Rear Admiral");
/// assert!("x".repeat(129).parse::<Text<128>>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Text<const MAX: usize = { usize::MAX }>(String);

impl<const MAX: usize> Text<MAX> {
    /// The maximum length in characters, if there is one.
    pub const MAX_CHARS: Option<usize> = if MAX == usize::MAX { None } else { Some(MAX) };

    fn check(s: &str) -> Result<(), Rule> {
        if MAX == usize::MAX {
            return Ok(());
        }
        let actual = s.chars().count();
        if actual > MAX {
            Err(Rule::TooLong { max: MAX, actual })
        } else {
            Ok(())
        }
    }

    /// The rule, in words, for the rule table.
    fn rule_text() -> String {
        match Self::MAX_CHARS {
            Some(max) => format!("at most {max} characters"),
            None => "free text".to_owned(),
        }
    }
}

string_type!(@[const MAX: usize] Text<MAX>, owned, rule Self::rule_text(), max Self::MAX_CHARS);

impl<const MAX: usize> PartialEq<str> for Text<MAX> {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl<const MAX: usize> PartialEq<&str> for Text<MAX> {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}
