//! `Email`: `manager`, and user IDs given as an email address.

use crate::Rule;
use crate::body::field::text_field;
use crate::types::string_type::string_type;

/// A syntactically valid email address (the spec's `format: email` on `manager`).
///
/// The syntax is the WHATWG "valid email address" (what browsers check for
/// `<input type=email>`), with the length limits of RFC 5321 (local part ≤ 64, address ≤ 254)
/// and a domain of at least two labels: `local@example.com`. Non-ASCII domains must be given in
/// their punycode form.
///
/// ```
/// use zoom_user_update::Email;
///
/// assert!("grace.hopper@example.com".parse::<Email>().is_ok());
/// assert!("grace hopper@example.com".parse::<Email>().is_err());
/// assert!("grace@localhost".parse::<Email>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Email(String);

impl Email {
    /// Checks the text against the rules.
    ///
    /// # Errors
    ///
    /// [`Rule::InvalidEmail`] when the text is not one.
    pub(crate) fn check(s: &str) -> Result<(), Rule> {
        if is_valid(s) {
            Ok(())
        } else {
            Err(Rule::InvalidEmail)
        }
    }
}

pub(crate) fn is_valid(s: &str) -> bool {
    const LOCAL_SPECIALS: &[u8] = b".!#$%&'*+/=?^_`{|}~-";
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    if s.len() > 254 || local.is_empty() || local.len() > 64 {
        return false;
    }
    if !local
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || LOCAL_SPECIALS.contains(&b))
    {
        return false;
    }
    let mut labels = 0;
    for label in domain.split('.') {
        let b = label.as_bytes();
        let ok = !b.is_empty()
            && b.len() <= 63
            && b.iter().all(|&c| c.is_ascii_alphanumeric() || c == b'-')
            && b[0] != b'-'
            && b[b.len() - 1] != b'-';
        if !ok {
            return false;
        }
        labels += 1;
    }
    labels >= 2
}

string_type!(Email, owned);
text_field!(Email, "a syntactically valid email address");
