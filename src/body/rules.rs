//! The rule rows: what the validation layer decided for every request property of an
//! edition's fragment (the rule it enforces, or that the field is free text) and where the rule
//! comes from.
//!
//! The rows of the body and the query come from the field tables, one per field and nested
//! member, so they cannot drift from what is checked. A test walks each fragment under
//! `openapi/` and fails, naming the property, when the fragment has a property without a row, or
//! a `maxLength` / `maxItems` / `enum` that differs from the one enforced; another checks the
//! README's rule tables.

use std::fmt;

pub use crate::types::JsonType;

/// Where a request property is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Location {
    /// The path parameter `{userId}`.
    Path,
    /// A query parameter.
    Query,
    /// The JSON body.
    Body,
}

/// Where a rule comes from. The documents themselves are named by each edition (its tables'
/// sources), so that a new Zoom file is data of its edition, not a variant here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Source {
    /// Zoom's reference page for the operation, the seed of this crate
    /// (`shared/seed-update-user.txt`).
    ReferencePage,
    /// One of Zoom's machine-readable spec files, by its name (`Zoom User API spec, 2025`).
    Spec(&'static str),
    /// Zoom's own SDK, by its package and version (`@zoom/rivet 0.4.0`).
    Sdk(&'static str),
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::ReferencePage => f.write_str("Zoom reference page (seed)"),
            Source::Spec(name) => f.write_str(name),
            Source::Sdk(package) => write!(f, "Zoom SDK {package}"),
        }
    }
}

/// The decision for one request property.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct FieldRule {
    /// Where the property is.
    pub location: Location,
    /// The parameter's name (`userId`, `login_type`), or the JSON path in the body
    /// (`/phone_numbers/*/code`; array items are `*`).
    pub path: String,
    /// The JSON type the spec gives it.
    pub json_type: JsonType,
    /// The rule enforced under [`Policy::Spec`](crate::Policy::Spec), or `"free text"`.
    pub rule: String,
    /// The extra rule of [`Policy::Strict`](crate::Policy::Strict), if any.
    pub strict: Option<&'static str>,
    /// The maximum length in characters that is enforced, if any.
    pub max_chars: Option<usize>,
    /// The maximum number of items that is enforced, for an array.
    pub max_items: Option<usize>,
    /// Whether the property must be given (a member of an object the spec marks `required`, or
    /// the path parameter).
    pub required: bool,
    /// Where the rule comes from (the first is where the property is defined).
    pub source: &'static [Source],
    /// The property's one-line documentation.
    pub doc: &'static str,
    /// For a deprecated field, what the spec says to use instead.
    pub deprecated: Option<&'static str>,
}

impl FieldRule {
    /// The property as the README's rule tables write it: `{userId}`, `?login_type`,
    /// `/phone_numbers/*/code`.
    #[must_use]
    pub fn display_path(&self) -> String {
        match self.location {
            Location::Path => format!("{{{}}}", self.path),
            Location::Query => format!("?{}", self.path),
            Location::Body => self.path.clone(),
        }
    }

    /// The sources, as the README's rule tables write them.
    #[must_use]
    pub fn source_names(&self) -> String {
        let names: Vec<_> = self.source.iter().map(Source::to_string).collect();
        names.join("; ")
    }
}
