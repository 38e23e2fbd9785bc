//! What the validation layer decided for every request property of a fragment: the rule it
//! enforces (or that the field is free text), and where the rule comes from.
//!
//! The rows of the body come from the field table, one per field and nested member, so they
//! cannot drift from what is checked. A test walks each fragment under `openapi/` and fails,
//! naming the property, when the fragment has a property without a row, or a `maxLength` /
//! `maxItems` that differs from the one enforced; another checks the README's rule table.

use std::sync::LazyLock;

use crate::body::field::FieldKind;
use crate::{LoginType, UnknownName, UserUpdate};

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

/// Which surface of the operation: Zoom's reference page (2021, the crate's default) or Zoom's
/// current spec (2025, [`v2025`](crate::v2025)).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Edition {
    /// Zoom's reference page for the operation, with the 2021 spec where it is silent
    /// (`openapi/user-update.json`).
    #[default]
    V2021,
    /// Zoom's User API spec of 2025 (`openapi/user-update-2025.json`).
    V2025,
}

impl Edition {
    /// Both editions, oldest first.
    pub const ALL: [Edition; 2] = [Edition::V2021, Edition::V2025];

    /// `2021` or `2025`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Edition::V2021 => "2021",
            Edition::V2025 => "2025",
        }
    }
}

impl std::fmt::Display for Edition {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Parses `2021` or `2025`.
impl std::str::FromStr for Edition {
    type Err = UnknownName;
    fn from_str(s: &str) -> Result<Self, UnknownName> {
        Edition::ALL
            .into_iter()
            .find(|e| e.name() == s)
            .ok_or_else(|| UnknownName::new("edition", s, "2021, 2025"))
    }
}

// Where a rule comes from, as the rule rows and the README's tables name it.
/// The reference page for the operation (the seed of this crate).
pub(crate) const SEED: &str = "Zoom reference page (seed)";
/// Zoom's Swagger 2.0 spec of August 2021, where the reference page is silent.
pub(crate) const SPEC_2021: &str = "Zoom Swagger 2.0 spec, 2021";
/// Both: the reference page's rule and the 2021 spec's maximum length.
pub(crate) const SEED_AND_SPEC_2021_NAME: &str = "seed (Chinese characters), 2021 spec (64)";
/// Zoom's User API spec of March 2025 (`openapi/user-update-2025.json`).
pub(crate) const SPEC_2025: &str = "Zoom User API spec, 2025";
/// A rule of the reference page that the 2025 spec keeps (in its prose or a keyword).
pub(crate) const SEED_KEPT_2025: &str = "Zoom reference page (seed), kept in 2025";

/// An edition's rows: the path parameter, the query parameters (`login_type` read as `L`, and
/// `remove_tsp_credentials` where the edition has it), then the body `B` in the field table's
/// order.
fn rows<L: FieldKind, B: FieldKind>(
    source: &'static str,
    remove_tsp_credentials: bool,
) -> Vec<FieldRule> {
    let mut rules = vec![
        FieldRule::parameter(
            "{userId}",
            "string",
            "`me`, an email address or a user ID; not empty, no whitespace or control characters, not `.` or `..`; sent as one path segment in which only unreserved characters stay as they are",
            source,
            "The user ID or email address of the user, or `me`.",
        ),
        FieldRule::parameter(
            "?login_type",
            L::JSON_TYPE,
            L::rule(),
            source,
            "The user's login method.",
        ),
    ];
    if remove_tsp_credentials {
        rules.push(FieldRule::parameter(
            "?remove_tsp_credentials",
            bool::JSON_TYPE,
            bool::rule(),
            source,
            "Whether to remove the user's TSP credentials.",
        ));
    }
    B::member_rules("", &mut rules);
    rules
}

/// Every request property of an edition's fragment and its decision: the path parameter, the
/// query parameters, then the body in the field table's order.
pub fn field_rules(edition: Edition) -> &'static [FieldRule] {
    static V2021: LazyLock<Vec<FieldRule>> =
        LazyLock::new(|| rows::<LoginType, UserUpdate>(SEED, false));
    static V2025: LazyLock<Vec<FieldRule>> = LazyLock::new(|| {
        rows::<crate::v2025::LoginType, crate::v2025::UserUpdate>(SPEC_2025, true)
    });
    match edition {
        Edition::V2021 => &V2021,
        Edition::V2025 => &V2025,
    }
}
