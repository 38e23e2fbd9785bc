//! `Warning`: what an update does that the spec discourages.

use std::fmt;

/// Something an update does that the spec discourages; it is still sent.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Warning {
    /// A deprecated field.
    Deprecated {
        /// The deprecated field's JSON path.
        path: String,
        /// What the spec says to use instead.
        replacement: &'static str,
    },
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::Deprecated { path, replacement } => write!(
                f,
                "{path} is deprecated and will not be supported in the future: use {replacement}"
            ),
        }
    }
}
