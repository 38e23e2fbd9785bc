//! `Escaped`: text shown on one line, whatever it holds.

use std::fmt;

/// Text from a server, shown on one line: control characters (`\n`, ESC, BEL, C1 codes), the
/// line and paragraph separators U+2028 and U+2029, and the invisible characters that reorder or
/// hide text (bidirectional controls, zero-width characters) are written as escapes (`\n`, `\u{1b}`), so a message cannot forge a line or
/// drive a terminal.
///
/// The `Display` of this crate's errors shows server text this way. The fields that hold what a
/// server sent ([`ApiError::message`](crate::ApiError), [`FieldError`](crate::FieldError),
/// [`RateLimit::message`](crate::RateLimit), the body of
/// [`Error::UnexpectedResponse`](crate::Error::UnexpectedResponse), the tracking IDs) hold it as
/// sent: show them through `Escaped`.
///
/// ```
/// use zoom_user_update::Escaped;
///
/// assert_eq!(Escaped("bad\nerror: forged\u{1b}]0;title\u{7}").to_string(),
///            "bad\\nerror: forged\\u{1b}]0;title\\u{7}");
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Escaped<'a>(pub &'a str);

impl fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use fmt::Write;
        for c in self.0.chars() {
            if c.is_control() || crate::types::text::is_invisible(c) {
                for escaped in c.escape_default() {
                    f.write_char(escaped)?;
                }
            } else {
                f.write_char(c)?;
            }
        }
        Ok(())
    }
}
