//! The README's rule tables are the field tables' rows, rendered: a test fails when they drift.
//! `ZOOM_BLESS_README=1 cargo test readme` rewrites them (never set in CI); on a difference the
//! tables as they should be are also written to `target/readme-rules.md`.

use zoom_user_update::Edition;
use zoom_user_update::rules::{FieldRule, Location};

/// The rows as a Markdown table.
fn table(rules: &[FieldRule]) -> String {
    let cell = |text: &str| text.replace('|', "\\|");
    let mut out = String::from(
        "| field | JSON type | rule (`Spec`) | `Strict` adds | source |\n| --- | --- | --- | --- | --- |\n",
    );
    for rule in rules {
        // A required member says so; the path parameter is required by its nature.
        let required = if rule.required && rule.location == Location::Body {
            "required; "
        } else {
            ""
        };
        out.push_str(&format!(
            "| `{}` | {} | {required}{} | {} | {} |\n",
            rule.display_path(),
            rule.json_type.name(),
            cell(&rule.rule),
            cell(rule.strict.unwrap_or("")),
            cell(&rule.source_names()),
        ));
    }
    out
}

/// The README text between `<!-- rules:NAME -->` and `<!-- /rules:NAME -->`.
fn section<'a>(readme: &'a str, name: &str) -> &'a str {
    let (start, end) = (
        format!("<!-- rules:{name} -->\n"),
        format!("<!-- /rules:{name} -->"),
    );
    let from = readme
        .find(&start)
        .unwrap_or_else(|| panic!("README has no {start}"))
        + start.len();
    let to = readme
        .find(&end)
        .unwrap_or_else(|| panic!("README has no {end}"));
    &readme[from..to]
}

/// Checks (or with `ZOOM_BLESS_README=1` rewrites) every edition's rule table of the README.
#[test]
fn the_readme_rule_tables_are_the_field_tables() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let mut readme = std::fs::read_to_string(path).unwrap();
    let mut differ = Vec::new();
    let mut rendered = String::new();
    for edition in Edition::ALL {
        let name = edition.name();
        let expected = table(edition.field_rules());
        rendered.push_str(&format!(
            "<!-- rules:{name} -->\n{expected}<!-- /rules:{name} -->\n\n"
        ));
        if section(&readme, name) != expected {
            differ.push(name);
            let at = section(&readme, name).as_ptr() as usize - readme.as_ptr() as usize;
            let len = section(&readme, name).len();
            readme.replace_range(at..at + len, &expected);
        }
    }
    if differ.is_empty() {
        return;
    }
    if std::env::var_os("ZOOM_BLESS_README").is_some() {
        std::fs::write(path, readme).unwrap();
        return;
    }
    let out = concat!(env!("CARGO_MANIFEST_DIR"), "/target/readme-rules.md");
    let _ = std::fs::create_dir_all(concat!(env!("CARGO_MANIFEST_DIR"), "/target"));
    std::fs::write(out, &rendered).unwrap();
    panic!(
        "the README's rule tables {differ:?} differ from Edition::field_rules; the tables as they should be are in {out} (ZOOM_BLESS_README=1 rewrites the README)"
    );
}
