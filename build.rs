//! Generates the raw client and types from `openapi/user-update.json` with progenitor.
//!
//! The output goes to `$OUT_DIR/codegen.rs` and is pulled into `src/generated.rs` with `include!`.
//! A malformed fragment fails the build with one readable line that names the file and the problem.

use std::{env, fs, path::PathBuf, process::ExitCode};

const SPEC: &str = "openapi/user-update.json";

fn main() -> ExitCode {
    println!("cargo:rerun-if-changed={SPEC}");
    println!("cargo:rerun-if-changed=build.rs");
    match generate() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            // `cargo:error=` (cargo >= 1.84) shows the line as a build error without a backtrace;
            // stderr carries it for older cargo and for anyone reading the build log.
            println!("cargo::error={SPEC}: {message}");
            eprintln!("error: {SPEC}: {message}");
            ExitCode::FAILURE
        }
    }
}

fn generate() -> Result<(), String> {
    let manifest_dir = env::var_os("CARGO_MANIFEST_DIR").ok_or("CARGO_MANIFEST_DIR is not set")?;
    let path = PathBuf::from(manifest_dir).join(SPEC);
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
        // The inner type carries auth and request capture; the hooks are implemented by hand in
        // `src/hooks.rs`, and `Expected` makes forgetting them a compile error.
        .with_inner_type(quote_path("crate::hooks::Hooks")?)
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
    let code = prettyplease::unparse(&file);

    let out_dir = env::var_os("OUT_DIR").ok_or("OUT_DIR is not set")?;
    let out = PathBuf::from(out_dir).join("codegen.rs");
    fs::write(&out, code).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    Ok(())
}

fn quote_path(path: &str) -> Result<proc_macro2::TokenStream, String> {
    path.parse()
        .map_err(|e| format!("bad inner type path {path}: {e}"))
}
