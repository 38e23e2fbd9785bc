//! The generated code of each edition is pinned: a change of a fragment or of progenitor shows up
//! here as a reviewed snapshot diff.

#[test]
fn generated_code_is_pinned() {
    let code = include_str!(concat!(env!("OUT_DIR"), "/user-update.rs"));
    insta::assert_snapshot!("codegen", code);
}

#[test]
fn generated_code_of_the_2025_spec_is_pinned() {
    let code = include_str!(concat!(env!("OUT_DIR"), "/user-update-2025.rs"));
    insta::assert_snapshot!("codegen_2025", code);
}
