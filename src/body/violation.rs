//! The violations a request collects: a [`Rule`] broken at a JSON path.

use std::fmt;

use serde::ser::{Serialize, SerializeStruct, Serializer};

use crate::types::{Escaped, Rule};

/// One broken rule at one place of a request: a JSON path such as `/phone_numbers/code`
/// (RFC 6901; the empty path is the whole body) and the [`Rule`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    path: String,
    rule: Rule,
}

impl Violation {
    /// A violation of `rule` at `path`.
    #[must_use]
    pub fn new(path: impl Into<String>, rule: Rule) -> Self {
        Self {
            path: path.into(),
            rule,
        }
    }

    /// The JSON path of the offending value (`""` for the whole body).
    #[must_use]
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The rule it broke.
    #[must_use]
    pub fn rule(&self) -> &Rule {
        &self.rule
    }

    /// The message for people (the rule's `Display`).
    #[must_use]
    pub fn message(&self) -> String {
        self.rule.to_string()
    }
}

/// `path: message`, the path with control characters escaped (it comes from the input's
/// keys); `body` stands for the empty path.
impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.is_empty() {
            "body"
        } else {
            &self.path
        };
        write!(f, "{}: {}", Escaped(path), self.rule)
    }
}

impl std::error::Error for Violation {}

/// Serialized as `{"path": …, "rule": <code>, "message": …}`.
impl Serialize for Violation {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Violation", 3)?;
        s.serialize_field("path", &self.path)?;
        s.serialize_field("rule", self.rule.code())?;
        s.serialize_field("message", &self.rule.to_string())?;
        s.end()
    }
}

/// Every violation of one request, in field order: what [`UserUpdateBuilder::build`] and the
/// JSON intake return. Never empty.
///
/// [`UserUpdateBuilder::build`]: crate::UserUpdateBuilder::build
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationErrors {
    violations: Vec<Violation>,
}

impl ValidationErrors {
    /// `None` when the list is empty.
    pub(crate) fn from_vec(violations: Vec<Violation>) -> Option<Self> {
        (!violations.is_empty()).then_some(Self { violations })
    }

    /// One violation of the value itself (the empty path, which a parent object prefixes).
    pub(crate) fn here(rule: Rule) -> Self {
        Self {
            violations: vec![Violation::new("", rule)],
        }
    }

    /// A value the generated type (or JSON) refused although this layer accepted it:
    /// [`Rule::Schema`] with serde's words.
    pub(crate) fn schema(error: impl std::fmt::Display) -> Self {
        Self::here(Rule::Schema {
            detail: error.to_string(),
        })
    }

    /// The same violations seen from `prefix` (see [`prefixed`](Self::prefixed)).
    pub(crate) fn with_prefix(self, prefix: &str) -> Self {
        Self {
            violations: self.prefixed(prefix).collect(),
        }
    }

    /// The violations with `prefix` put before each path (a field's violations, seen from the
    /// object that holds the field).
    pub(crate) fn prefixed(self, prefix: &str) -> impl Iterator<Item = Violation> {
        self.violations.into_iter().map(move |v| Violation {
            path: format!("{prefix}{}", v.path),
            rule: v.rule,
        })
    }

    /// The violations, in field order.
    #[must_use]
    pub fn violations(&self) -> &[Violation] {
        &self.violations
    }

    /// How many rules were broken.
    #[must_use]
    pub fn len(&self) -> usize {
        self.violations.len()
    }

    /// Always `false`: a `ValidationErrors` holds at least one violation.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.violations.is_empty()
    }

    /// An iterator over the violations.
    pub fn iter(&self) -> std::slice::Iter<'_, Violation> {
        self.violations.iter()
    }
}

impl fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.violations.len();
        write!(
            f,
            "invalid user update ({n} violation{}): ",
            if n == 1 { "" } else { "s" }
        )?;
        for (i, v) in self.violations.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{v}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ValidationErrors {}

impl IntoIterator for ValidationErrors {
    type Item = Violation;
    type IntoIter = std::vec::IntoIter<Violation>;
    fn into_iter(self) -> Self::IntoIter {
        self.violations.into_iter()
    }
}

impl<'a> IntoIterator for &'a ValidationErrors {
    type Item = &'a Violation;
    type IntoIter = std::slice::Iter<'a, Violation>;
    fn into_iter(self) -> Self::IntoIter {
        self.violations.iter()
    }
}

/// Serialized as a JSON array of violations.
impl Serialize for ValidationErrors {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.violations.serialize(serializer)
    }
}
