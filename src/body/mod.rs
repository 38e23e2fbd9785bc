//! The request body: the field table (`table.rs`), what a field's type provides (`field.rs`),
//! the JSON intake (`json.rs`), violations and warnings, the policies, and the bodies
//! themselves: the reference page's (`update_2021.rs`), Zoom's current spec's (`update_2025.rs`)
//! and one line of a bulk file (`bulk_line.rs`).

pub(crate) mod bulk_line;
pub(crate) mod field;
pub(crate) mod json;
pub(crate) mod policy;
pub(crate) mod table;
pub(crate) mod update_2021;
pub(crate) mod update_2025;
pub(crate) mod violation;
pub(crate) mod warning;
