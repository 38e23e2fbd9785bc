//! `AboutMe`: `about_me` of Zoom's current spec.

use crate::types::Rule;
use crate::types::string_type::string_type;

/// A self-introduction: at most 150 characters, with no hyperlinks or HTML ("Hyperlinks or
/// HTML code not allowed in this field").
///
/// A hyperlink is a URL with a scheme (`http:`, `https:`, `ftp:`, `mailto:`, `javascript:`,
/// `data:`, any case) or a `www.` address; HTML is a tag (`<` followed by a letter, `/`, `!` or
/// `?`) or a character reference (`&amp;`, `&#60;`).
///
/// ```
/// use zoom_user_update::AboutMe;
///
/// assert!("Compiler pioneer; 3 < 5 & so on.".parse::<AboutMe>().is_ok());
/// assert!("see https://example.com".parse::<AboutMe>().is_err());
/// assert!("<b>bold</b>".parse::<AboutMe>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct AboutMe(String);

impl AboutMe {
    /// The maximum number of characters.
    pub const MAX_CHARS: usize = 150;

    pub(crate) fn check(s: &str) -> Result<(), Rule> {
        let actual = s.chars().count();
        if actual > Self::MAX_CHARS {
            return Err(Rule::TooLong {
                max: Self::MAX_CHARS,
                actual,
            });
        }
        let lower = s.to_ascii_lowercase();
        const SCHEMES: [&str; 6] = ["http:", "https:", "ftp:", "mailto:", "javascript:", "data:"];
        if SCHEMES.iter().any(|scheme| lower.contains(scheme)) || lower.contains("www.") {
            return Err(Rule::Hyperlink);
        }
        let bytes = lower.as_bytes();
        let tag = bytes.windows(2).any(|w| {
            w[0] == b'<' && (w[1].is_ascii_alphabetic() || matches!(w[1], b'/' | b'!' | b'?'))
        });
        if tag || has_character_reference(bytes) {
            return Err(Rule::Html);
        }
        Ok(())
    }
}

/// `&name;` or `&#digits;` / `&#xhex;`.
fn has_character_reference(bytes: &[u8]) -> bool {
    bytes.iter().enumerate().any(|(i, &b)| {
        if b != b'&' {
            return false;
        }
        let rest = &bytes[i + 1..];
        let body = rest.strip_prefix(b"#").unwrap_or(rest);
        let len = body
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        len > 0 && body.get(len) == Some(&b';')
    })
}

string_type!(AboutMe, owned, rule "at most 150 characters, no hyperlinks or HTML", max AboutMe::MAX_CHARS);
