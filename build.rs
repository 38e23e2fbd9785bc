//! Generates each edition's raw client and types from its fragment under `openapi/` with
//! progenitor: `openapi/<fragment>.json` → `$OUT_DIR/<fragment>.rs`, included by the edition's
//! `raw` module (`generated_module!("<fragment>")` in `src/<edition>/mod.rs`).
//! A malformed fragment fails the build with one readable line that names the file and the problem.

use std::{env, fs, path::PathBuf, process::ExitCode};

use quote::ToTokens;

/// Each edition's fragment, `openapi/<name>.json`, by name: one line per edition.
const FRAGMENTS: &[&str] = &["user-update", "user-update-2025"];

fn main() -> ExitCode {
    println!("cargo:rerun-if-changed=build.rs");
    for name in FRAGMENTS {
        let spec = format!("openapi/{name}.json");
        println!("cargo:rerun-if-changed={spec}");
        if let Err(message) = generate(&spec, &format!("{name}.rs")) {
            // `cargo::error=` (cargo >= 1.84, below the crate's rust-version) shows the line as a
            // build error without a backtrace.
            println!("cargo::error={spec}: {message}");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}

fn generate(spec_file: &str, out_file: &str) -> Result<(), String> {
    let manifest_dir = env::var_os("CARGO_MANIFEST_DIR").ok_or("CARGO_MANIFEST_DIR is not set")?;
    let path = PathBuf::from(manifest_dir).join(spec_file);
    let text = fs::read_to_string(&path).map_err(|e| format!("cannot read the file: {e}"))?;
    let spec: openapiv3::OpenAPI = serde_json::from_str(&text)
        .map_err(|e| format!("not a valid OpenAPI 3.0 document: {e}"))?;
    if !spec.openapi.starts_with("3.0.") {
        return Err(format!(
            "OpenAPI version {} is not supported: progenitor reads 3.0.x only",
            spec.openapi
        ));
    }

    let mut settings = progenitor::GenerationSettings::new();
    settings
        // Positional: one method `user_update(user_id, login_type, body)`. The handwritten
        // layer has its own validated builder; a second generated builder would duplicate it.
        .with_interface(progenitor::InterfaceStyle::Positional)
        .with_tag(progenitor::TagStyle::Merged)
        // The inner type is the port of the client layer's hooks (`src/generated.rs`); `Expected`
        // makes forgetting to implement them (`generated_module!`) a compile error.
        .with_inner_type(quote_path("crate::generated::Hooks")?)
        .with_hooks(progenitor::HooksMode::Expected)
        // Equality on the generated types lets a validated update compare with a round-tripped one.
        .with_derive("PartialEq");
    let mut generator = progenitor::Generator::new(&settings);

    // progenitor panics on a few spec shapes (e.g. error responses with different bodies,
    // upstream issue #950); turn a panic into the same one-line error.
    // Silence the default hook so the build log shows our one line instead of a backtrace.
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let generated = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        generator.generate_tokens(&spec)
    }));
    std::panic::set_hook(default_hook);
    let tokens = generated
        .map_err(|panic| {
            let what = panic
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| panic.downcast_ref::<&str>().copied())
                .unwrap_or("unknown panic");
            format!("progenitor panicked while generating the client: {what}")
        })?
        .map_err(|e| format!("progenitor cannot generate a client: {e}"))?;

    let file: syn::File =
        syn::parse2(tokens).map_err(|e| format!("generated code does not parse: {e}"))?;
    let file = syn::fold::Fold::fold_file(&mut GeneratedCodeEdits, file);
    let code = prettyplease::unparse(&file);

    let out_dir = env::var_os("OUT_DIR").ok_or("OUT_DIR is not set")?;
    let out = PathBuf::from(out_dir).join(out_file);
    fs::write(&out, code).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    Ok(())
}

/// The edits `build.rs` makes to progenitor's output, both for the spec's fidelity (named in
/// `openapi/README.md`; the codegen snapshot tests show the result):
///
/// - **No `api-version` header.** progenitor adds `api-version: <info.version>` to every request
///   through a header map built per call; Zoom documents no such header, so the statement that
///   appends it goes, and when nothing else uses the map (no header parameters), the map and the
///   `.headers(header_map)` that merges it go too.
/// - **An array of the request body is sent when set, empty too.** typify makes an optional
///   array a `Vec<T>` skipped when empty, so an empty list, the way a PATCH clears one, would
///   never be sent. In the request body's types (`UserUpdateBody…`) such a field becomes
///   `Option<Vec<T>>`, skipped only when `None`.
struct GeneratedCodeEdits;

impl syn::fold::Fold for GeneratedCodeEdits {
    fn fold_item_struct(&mut self, item: syn::ItemStruct) -> syn::ItemStruct {
        let mut item = syn::fold::fold_item_struct(self, item);
        if !item.ident.to_string().starts_with("UserUpdateBody") {
            return item;
        }
        for field in item.fields.iter_mut() {
            let skipped_when_empty = field.attrs.iter().any(|attr| {
                attr.to_token_stream()
                    .to_string()
                    .contains("skip_serializing_if = \"::std::vec::Vec::is_empty\"")
            });
            if !skipped_when_empty {
                continue;
            }
            let ty = &field.ty;
            field.ty = syn::parse_quote!(::std::option::Option<#ty>);
            for attr in &mut field.attrs {
                if attr.path().is_ident("serde") {
                    *attr = syn::parse_quote!(
                        #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
                    );
                }
            }
        }
        item
    }

    fn fold_impl_item_fn(&mut self, function: syn::ImplItemFn) -> syn::ImplItemFn {
        let mut function = syn::fold::fold_impl_item_fn(self, function);
        let mentions =
            |stmt: &syn::Stmt, what: &str| stmt.to_token_stream().to_string().contains(what);
        let stmts = &mut function.block.stmts;
        let before = stmts.len();
        stmts.retain(|stmt| {
            !(mentions(stmt, "header_map . append") && mentions(stmt, "\"api-version\""))
        });
        // Nothing removed, or other uses of the map than its declaration and the merge into the
        // request: keep the map.
        if stmts.len() == before || stmts.iter().filter(|s| mentions(s, "header_map")).count() > 2 {
            return function;
        }
        stmts.retain(|stmt| !matches!(stmt, syn::Stmt::Local(local) if local.pat.to_token_stream().to_string() == "mut header_map"));
        for stmt in stmts.iter_mut() {
            if let syn::Stmt::Local(syn::Local {
                init: Some(init), ..
            }) = stmt
            {
                unwrap_headers_call(&mut init.expr);
            }
        }
        function
    }
}

/// Replaces `<receiver>.headers(header_map)` anywhere in a call chain by `<receiver>`.
fn unwrap_headers_call(expr: &mut syn::Expr) {
    match expr {
        syn::Expr::Try(e) => unwrap_headers_call(&mut e.expr),
        syn::Expr::MethodCall(call) => {
            unwrap_headers_call(&mut call.receiver);
            if call.method == "headers"
                && call.args.len() == 1
                && call.args[0].to_token_stream().to_string() == "header_map"
            {
                *expr = (*call.receiver).clone();
            }
        }
        _ => {}
    }
}

fn quote_path(path: &str) -> Result<proc_macro2::TokenStream, String> {
    path.parse()
        .map_err(|e| format!("bad inner type path {path}: {e}"))
}
