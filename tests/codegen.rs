//! The generated code is pinned: a change of the fragment or of progenitor shows up here as a
//! reviewed snapshot diff.

#[test]
fn generated_code_is_pinned() {
    let code = include_str!(concat!(env!("OUT_DIR"), "/codegen.rs"));
    insta::assert_snapshot!("codegen", code);
}
