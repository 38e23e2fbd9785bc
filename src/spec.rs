//! What the validation layer decided for every request property of a fragment: the rule it
//! enforces (or that the field is free text), and where the rule comes from.
//!
//! The rows of the body come from the field table, one per field and nested member, so they
//! cannot drift from what is checked. A test walks each fragment under `openapi/` and fails,
//! naming the property, when the fragment has a property without a row, or a `maxLength` /
//! `maxItems` that differs from the one enforced; another checks the README's rule table.

use std::sync::LazyLock;

use crate::body::field::FieldKind;
use crate::{LoginType, UserUpdate};

/// The decision for one request property.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct FieldRule {
    /// The JSON path in the body (`/phone_numbers/code`; array items are `*`), or
    /// `?login_type` for a query parameter and `{userId}` for the path parameter.
    pub path: String,
    /// The JSON type the spec gives it.
    pub json_type: &'static str,
    /// The rule enforced under [`Policy::Spec`](crate::Policy::Spec), or `"free text"`.
    pub rule: String,
    /// The extra rule of [`Policy::Strict`](crate::Policy::Strict), if any.
    pub strict: Option<&'static str>,
    /// The maximum length in characters that is enforced, if any.
    pub max_chars: Option<usize>,
    /// The maximum number of items that is enforced, for an array.
    pub max_items: Option<usize>,
    /// Where the rule comes from.
    pub source: &'static str,
    /// The field's one-line documentation.
    pub doc: &'static str,
    /// For a deprecated field, what the spec says to use instead.
    pub deprecated: Option<&'static str>,
}

impl FieldRule {
    /// A row for a request parameter.
    pub(crate) fn parameter(
        path: &str,
        json_type: &'static str,
        rule: impl Into<String>,
        source: &'static str,
        doc: &'static str,
    ) -> Self {
        Self {
            path: path.to_owned(),
            json_type,
            rule: rule.into(),
            strict: None,
            max_chars: None,
            max_items: None,
            source,
            doc,
            deprecated: None,
        }
    }

    /// Whether this is a field of the body (not a parameter).
    #[must_use]
    pub fn is_body_field(&self) -> bool {
        self.path.starts_with('/')
    }
}

const SEED: &str = "Zoom reference page (seed)";

/// Every request property of `openapi/user-update.json` (Zoom's reference page) and its
/// decision, in the fragment's order: the path parameter, the query parameter, then the body.
pub fn field_rules() -> &'static [FieldRule] {
    static RULES: LazyLock<Vec<FieldRule>> = LazyLock::new(|| {
        let mut rules = vec![
            FieldRule::parameter(
                "{userId}",
                "string",
                "`me`, an email address or a user ID; not empty, no whitespace or control characters, not `.` or `..`; sent as one path segment, percent-encoded",
                SEED,
                "The user ID or email address of the user, or `me`.",
            ),
            FieldRule::parameter(
                "?login_type",
                "string",
                LoginType::rule(),
                SEED,
                "The user's login method.",
            ),
        ];
        UserUpdate::member_rules("", &mut rules);
        rules
    });
    &RULES
}
