//! Layer 2, the body: the field table (`table.rs` declares, `object.rs` checks), what a field's
//! type provides (`field.rs`), the JSON intake (`json.rs`), violations and warnings, the
//! policies, the rule rows, the [`Update`](update::Update) trait every edition's body
//! implements, and one line of a bulk file. It names no edition: each edition module
//! (`src/v2021/`, `src/v2025/`) declares its tables with it.

pub(crate) mod bulk_line;
pub(crate) mod field;
pub(crate) mod json;
pub(crate) mod object;
pub(crate) mod policy;
pub(crate) mod rules;
pub(crate) mod table;
pub(crate) mod update;
pub(crate) mod violation;
pub(crate) mod warning;
