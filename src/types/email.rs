//! `Email`: `manager`, and user IDs given as an email address.

use crate::types::Rule;
use crate::types::string_type::string_type;
use crate::types::text::is_invisible;

/// A syntactically valid email address (the spec's `format: email` on `manager`), internationalised
/// addresses included, as mail standards allow them (RFC 6531/6532): `jane@bücher.de`.
///
/// - The domain is a host name of at least two labels (`example.com`, not `localhost`), checked
///   by the `idna` crate (UTS 46, the rules browsers and mail software use): `bücher.de` is
///   accepted as `xn--bcher-kva.de` would be; no IP literal.
/// - The local part is a dot-atom (RFC 5321): atoms of letters, digits and
///   ``!#$%&'*+/=?^_`{|}~-`` or any non-ASCII character that is visible, separated by single
///   dots; no quoted local part (`"a b"@…`), no whitespace, control or invisible characters.
/// - Lengths (RFC 5321, in UTF-8 bytes): local part at most 64, the whole address at most 254.
///
/// Not a crate of its own: the maintained email crates (`email_address`, `validator`,
/// `lettre`, `addr`) each accept something this rule refuses (a quoted local part, an IP
/// literal, invisible characters, a domain that is not a host name) or refuse internationalised
/// addresses, so the local part is checked here and the domain by `idna`.
///
/// ```
/// use zoom_user_update::Email;
///
/// assert!("grace.hopper@example.com".parse::<Email>().is_ok());
/// assert!("jane@bücher.de".parse::<Email>().is_ok());
/// assert!("jörg@example.com".parse::<Email>().is_ok());
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
    let Some((local, domain)) = s.rsplit_once('@') else {
        return false;
    };
    s.len() <= 254 && is_dot_atom(local) && is_host_name(domain)
}

/// `atom *("." atom)`, at most 64 bytes.
fn is_dot_atom(local: &str) -> bool {
    const SPECIALS: &str = "!#$%&'*+/=?^_`{|}~-";
    let atext = |c: char| {
        c.is_ascii_alphanumeric()
            || SPECIALS.contains(c)
            || (!c.is_ascii() && !c.is_control() && !c.is_whitespace() && !is_invisible(c))
    };
    local.len() <= 64
        && local
            .split('.')
            .all(|atom| !atom.is_empty() && atom.chars().all(atext))
}

/// A host name of at least two labels, as IDNA (UTS 46, strict: what
/// `idna::domain_to_ascii_strict` checks, without copying a domain that is already ASCII)
/// reads it.
fn is_host_name(domain: &str) -> bool {
    use idna::uts46::{AsciiDenyList, DnsLength, Hyphens, Uts46};
    !domain.contains(char::is_whitespace)
        && Uts46::new()
            .to_ascii(
                domain.as_bytes(),
                AsciiDenyList::STD3,
                Hyphens::Check,
                DnsLength::Verify,
            )
            .is_ok_and(|ascii| ascii.split('.').count() >= 2 && !ascii.ends_with('.'))
}

string_type!(Email, owned, rule "a syntactically valid email address");
