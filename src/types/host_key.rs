//! `HostKey`.

use crate::types::Rule;
use crate::types::string_type::string_type;

/// A host key: a number of 6 to 10 ASCII digits, kept as text (leading zeros matter).
///
/// A host key is a credential: it has no `Display` and its `Debug` is redacted, so it cannot
/// reach a message or a log by accident; [`as_str`](Self::as_str) reads it.
///
/// ```
/// use zoom_user_update::HostKey;
///
/// let key: HostKey = "012345".parse()?;
/// assert_eq!(key.as_str(), "012345");
/// assert!("12345".parse::<HostKey>().is_err()); // 5 digits
/// assert!("12 345 6".parse::<HostKey>().is_err()); // not digits only
/// assert_eq!(format!("{key:?}"), "HostKey(<redacted>)");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// ```compile_fail
/// # use zoom_user_update::HostKey;
/// let key: HostKey = "482915".parse().unwrap();
/// println!("{key}"); // no `Display`: a host key is not printed
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct HostKey(String);

impl HostKey {
    /// Checks the text against the rules.
    ///
    /// # Errors
    ///
    /// [`Rule::HostKeyNotDigits`] unless the text is 6 to 10 ASCII digits.
    pub(crate) fn check(s: &str) -> Result<(), Rule> {
        if (6..=10).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()) {
            Ok(())
        } else {
            Err(Rule::HostKeyNotDigits)
        }
    }

    /// Whether Zoom's support pages call it trivial: one repeated digit (`111111`) or a
    /// sequential run up or down (`123456`, `987654`).
    #[must_use]
    pub fn is_trivial(&self) -> bool {
        is_trivial(&self.0)
    }
}

/// A host key is a credential: `Debug` does not show it.
impl std::fmt::Debug for HostKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("HostKey(<redacted>)")
    }
}

string_type!(HostKey, owned, secret, rule "6 to 10 ASCII digits", max 10);

/// One repeated digit or a sequential run, on text already checked to be ASCII digits.
pub(crate) fn is_trivial(key: &str) -> bool {
    let b = key.as_bytes();
    let digit = |c: u8| c.wrapping_sub(b'0') % 10;
    let step = |s: u8| b.windows(2).all(|p| (digit(p[0]) + s) % 10 == digit(p[1]));
    step(0) || step(1) || step(9)
}
