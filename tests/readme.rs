//! The README's rule tables are the field table's rows, rendered: a test fails when they drift.
//! `ZOOM_BLESS_README=1 cargo test readme` rewrites them (never set in CI).

use zoom_user_update::spec::{self, FieldRule};

/// The rows as a Markdown table.
fn table(rules: &[FieldRule]) -> String {
    let cell = |text: &str| text.replace('|', "\\|");
    let mut out = String::from(
        "| field | JSON type | rule (`Spec`) | `Strict` adds | source |\n| --- | --- | --- | --- | --- |\n",
    );
    for rule in rules {
        out.push_str(&format!(
            "| `{}` | {} | {} | {} | {} |\n",
            rule.path,
            rule.json_type,
            cell(&rule.rule),
            cell(rule.strict.unwrap_or("")),
            cell(rule.source),
        ));
    }
    out
}

/// Checks (or with `ZOOM_BLESS_README=1` rewrites) the README text between
/// `<!-- rules:NAME -->` and `<!-- /rules:NAME -->`.
fn check_section(name: &str, expected: &str) {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let readme = std::fs::read_to_string(path).unwrap();
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
    if readme[from..to] == *expected {
        return;
    }
    if std::env::var_os("ZOOM_BLESS_README").is_some() {
        let updated = format!("{}{expected}{}", &readme[..from], &readme[to..]);
        std::fs::write(path, updated).unwrap();
        return;
    }
    panic!(
        "the README's rule table {name} differs from spec::field_rules; run with ZOOM_BLESS_README=1 to rewrite it, or paste:\n{expected}"
    );
}

#[test]
fn the_readme_rule_tables_are_the_field_tables() {
    for edition in spec::Edition::ALL {
        check_section(edition.name(), &table(spec::field_rules(edition)));
    }
}
