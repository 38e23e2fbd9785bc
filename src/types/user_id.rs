//! `UserId`: the `{userId}` path parameter.

use crate::types::Rule;
use crate::types::email;
use crate::types::string_type::string_type;

/// Whom the update is for: `me` (the calling user, for user-level apps), an email address, or a
/// Zoom user ID.
///
/// Refused: the empty string, whitespace and control characters anywhere, `.` and `..` (a URL
/// would read them as path steps), and text with `@` that is not a valid email address. Anything
/// else is sent as exactly one percent-encoded path segment, so `/`, `?`, `#` or `%` in an ID
/// can never change the path or add a query.
///
/// ```
/// use zoom_user_update::UserId;
///
/// assert!(UserId::me().is_me());
/// assert!("KDcuGIm1QgePTO8WbOqwIQ".parse::<UserId>().is_ok());
/// assert!("ada@example.com".parse::<UserId>().is_ok());
/// assert!("".parse::<UserId>().is_err());
/// assert!("..".parse::<UserId>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct UserId(String);

impl UserId {
    /// `me`: the user the access token belongs to.
    #[must_use]
    pub fn me() -> Self {
        Self("me".to_owned())
    }

    /// Checks the text against the rules.
    ///
    /// # Errors
    ///
    /// [`Rule::Empty`], [`Rule::ForbiddenCharacter`], [`Rule::DotSegment`] or
    /// [`Rule::InvalidEmail`].
    pub(crate) fn check(s: &str) -> Result<(), Rule> {
        if s.is_empty() {
            return Err(Rule::Empty);
        }
        if let Some(found) = s.chars().find(|c| c.is_whitespace() || c.is_control()) {
            return Err(Rule::ForbiddenCharacter { found });
        }
        if s == "." || s == ".." {
            return Err(Rule::DotSegment);
        }
        if s.contains('@') && !email::is_valid(s) {
            return Err(Rule::InvalidEmail);
        }
        Ok(())
    }

    /// Whether this is `me`.
    #[must_use]
    pub fn is_me(&self) -> bool {
        self.0 == "me"
    }

    /// Whether both name the same user as Zoom compares them: an email address without regard
    /// to case (`Ada@Example.com` is `ada@example.com`), a user ID and `me` exactly. IDs of
    /// different kinds never match, even when they name one user (an email address and that
    /// user's ID, or `me` and the token owner's address): only Zoom knows that.
    ///
    /// ```
    /// use zoom_user_update::UserId;
    ///
    /// let a: UserId = "Ada@Example.com".parse()?;
    /// assert!(a.is_same_user(&"ada@example.COM".parse()?));
    /// assert!(!"KDcuGIm1QgePTO8WbOqwIQ".parse::<UserId>()?.is_same_user(&"kdcugim1qgepto8wboqwiq".parse()?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_same_user(&self, other: &UserId) -> bool {
        self.same_user_key() == other.same_user_key()
    }

    /// The text two IDs of one user share (see [`is_same_user`](Self::is_same_user)): an email
    /// address in lower case, anything else as it is. A key for maps of users.
    #[must_use]
    pub fn same_user_key(&self) -> std::borrow::Cow<'_, str> {
        if self.0.contains('@') && self.0.chars().any(char::is_uppercase) {
            std::borrow::Cow::Owned(self.0.to_lowercase())
        } else {
            std::borrow::Cow::Borrowed(&self.0)
        }
    }
}

string_type!(
    UserId,
    owned,
    rule "`me`, an email address or a user ID; not empty, no whitespace or control characters, not `.` or `..`; sent as one path segment in which only unreserved characters stay as they are"
);
