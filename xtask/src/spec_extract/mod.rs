//! `spec-extract`: Zoom's whole OpenAPI file → this project's one-operation fragment.
//!
//! The steps, in order:
//! 1. **redocly** (`npx --yes @redocly/cli@2.77.0 bundle --dereferenced`, decorators `filter-in`
//!    on the operationId and `remove-unused-components`) cuts the operation out of Zoom's file.
//!    redocly is JavaScript and reads numbers as doubles, so the run first checks that Zoom's file
//!    holds no integer beyond 2^53 (the big integers of the fragment come from the overlay, in
//!    step 3, which never passes through JavaScript).
//! 2. [`normalise::before_overlay`]: the project's conventions and what progenitor 0.15 needs.
//! 3. [`overlay`]: the reviewed OpenAPI Overlay 1.0 document restores what Zoom's file lacks.
//! 4. [`normalise::after_overlay`]: no `default` response, one error body, no unused schema.
//! 5. [`rules`]: checks; a fragment that fails them is never written.
//! 6. serde_json writes it: every object's keys sorted (its `Map` is a `BTreeMap` in this crate,
//!    which does not enable `preserve_order`), 2-space indentation, a trailing newline.
//!
//! [`diff`] then says what changed against the fragment it replaces.

pub mod diff;
pub mod normalise;
pub mod overlay;
pub mod rules;

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::Value;

/// The tool that cuts the operation out (the same pin as the lint step of `.ci/run`).
pub const REDOCLY: &str = "@redocly/cli@2.77.0";

/// A failure of `spec-extract`: a message that names the file or the rule involved.
pub type Result<T> = std::result::Result<T, String>;

pub fn fail<T>(message: impl Into<String>) -> Result<T> {
    Err(message.into())
}

/// The HTTP methods of an OpenAPI path item.
pub const METHODS: &str = "get put post delete options head patch trace";

/// Where an operation lives: `paths[path][method]`; shown as `PATCH /users/{userId}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    pub path: String,
    pub method: String,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.method.to_uppercase(), self.path)
    }
}

/// Every operation of `doc`: paths in document order, methods in [`METHODS`] order.
pub fn operations(doc: &Value) -> impl Iterator<Item = (Location, &Value)> {
    let paths = doc.get("paths").and_then(Value::as_object).into_iter();
    paths.flatten().flat_map(|(path, item)| {
        METHODS.split(' ').filter_map(move |method| {
            let location = Location {
                path: path.clone(),
                method: method.to_owned(),
            };
            Some((location, item.get(method)?))
        })
    })
}

/// The items of a JSON array (none for anything else).
pub fn items(value: &Value) -> impl Iterator<Item = &Value> {
    value.as_array().into_iter().flatten()
}

/// The members of a JSON object (none for anything else).
pub fn members(value: &Value) -> impl Iterator<Item = (&String, &Value)> {
    value.as_object().into_iter().flatten()
}

/// Every `$ref` target in `value`, at any depth, in document order.
pub fn refs_in(value: &Value, out: &mut Vec<String>) {
    for (key, child) in members(value) {
        match child.as_str().filter(|_| key == "$ref") {
            Some(reference) => out.push(reference.to_owned()),
            None => refs_in(child, out),
        }
    }
    items(value).for_each(|child| refs_in(child, out));
}

/// The string `value[key]`, or `""`.
pub fn text<'a>(value: &'a Value, key: &str) -> &'a str {
    value[key].as_str().unwrap_or_default()
}

/// A key as one step of a JSON pointer (`application/json` → `application~1json`).
fn step(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// The value at the JSON pointer `at`, or `null`.
fn get<'a>(doc: &'a Value, at: &str) -> &'a Value {
    doc.pointer(at).unwrap_or(&Value::Null)
}

/// The target of a local `$ref` (`#/components/…` → `/components/…`), if `value` is one.
fn local_ref(value: &Value) -> Option<&str> {
    value["$ref"].as_str()?.strip_prefix('#')
}

/// Follows local `$ref`s from the JSON pointer `at` (at most 32 hops): the pointer of the last
/// value found.
fn follow(doc: &Value, mut at: String) -> String {
    for _ in 0..32 {
        match local_ref(get(doc, &at)) {
            Some(target) if doc.pointer(target).is_some() => at = target.to_owned(),
            _ => break,
        }
    }
    at
}

/// Follows local `$ref`s (`#/…`) from `value` (at most 32 hops) to the last value found.
pub fn resolve<'a>(doc: &'a Value, value: &'a Value) -> &'a Value {
    let target = local_ref(value).map(|t| follow(doc, t.to_owned()));
    target.and_then(|t| doc.pointer(&t)).unwrap_or(value)
}

/// A schema of an operation: what it is (`parameter query login_type`,
/// `request body application/json/phone_numbers/*/label`), its JSON pointer, and whether a
/// request sends it (parameters, the request body) or a response.
pub type Schema = (String, String, bool);

/// Every schema of the operation at `at` (its path item's parameters too), outermost first, each
/// followed by those inside it, `$ref`s followed.
pub fn schemas(doc: &Value, at: &Location) -> Vec<Schema> {
    let item = format!("/paths/{}", step(&at.path));
    let op = format!("{item}/{}", at.method);
    let mut roots = Vec::new();
    for owner in [&item, &op] {
        for i in 0..items(get(doc, &format!("{owner}/parameters"))).count() {
            let pointer = follow(doc, format!("{owner}/parameters/{i}"));
            let parameter = get(doc, &pointer);
            let (place, name) = (text(parameter, "in"), text(parameter, "name"));
            let label = format!("parameter {place} {name}");
            roots.push((label, format!("{pointer}/schema"), true));
        }
    }
    let mut owners = vec![("request body".to_owned(), format!("{op}/requestBody"), true)];
    for (code, _) in members(get(doc, &format!("{op}/responses"))) {
        let pointer = format!("{op}/responses/{}", step(code));
        owners.push((format!("response {code}"), pointer, false));
    }
    for (label, owner, sent) in owners {
        let owner = follow(doc, owner);
        for (media, _) in members(&get(doc, &owner)["content"]) {
            let pointer = format!("{owner}/content/{}/schema", step(media));
            roots.push((format!("{label} {media}"), pointer, sent));
        }
    }
    let mut out = Vec::new();
    for (label, pointer, sent) in roots {
        walk(doc, (label, follow(doc, pointer), sent), &mut out);
    }
    out
}

/// The schema at `pointer` (unless it is not one) and every schema inside it.
fn walk(doc: &Value, (label, pointer, sent): Schema, out: &mut Vec<Schema>) {
    let schema = get(doc, &pointer);
    if !schema.is_object() || label.matches('/').count() > 40 {
        return;
    }
    out.push((label.clone(), pointer.clone(), sent));
    for (key, child) in members(schema) {
        let inner: Vec<(String, String)> = match key.as_str() {
            "properties" => members(child)
                .map(|(n, _)| (n.clone(), format!("{key}/{}", step(n))))
                .collect(),
            "items" => vec![("*".into(), key.clone())],
            "additionalProperties" | "not" => vec![(key.clone(), key.clone())],
            "allOf" | "oneOf" | "anyOf" => (0..items(child).count())
                .map(|i| (key.clone(), format!("{key}/{i}")))
                .collect(),
            _ => Vec::new(),
        };
        for (name, path) in inner {
            let inner = follow(doc, format!("{pointer}/{path}"));
            walk(doc, (format!("{label}/{name}"), inner, sent), out);
        }
    }
}

/// The finished fragment and what was done to make it.
#[derive(Clone, Debug)]
pub struct Extraction {
    pub fragment: Value,
    /// Its bytes as written to disk.
    pub text: String,
    /// One line per normalisation that changed something.
    pub notes: Vec<String>,
    /// One line per overlay action applied.
    pub overlay_actions: Vec<String>,
}

fn read(path: &Path) -> Result<String> {
    fs::read_to_string(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))
}

fn parse(name: &dyn fmt::Display, text: &str) -> Result<Value> {
    serde_json::from_str(text).map_err(|e| format!("{name}: not JSON: {e}"))
}

fn file_name(path: &Path) -> String {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    name.unwrap_or_else(|| path.display().to_string())
}

/// The first integer of `value` that a JavaScript tool would not read exactly (beyond ±2^53).
fn beyond_doubles(value: &Value) -> Option<&serde_json::Number> {
    match value {
        Value::Number(n) => n.as_i128().filter(|i| i.abs() > 1 << 53).and(Some(n)),
        Value::Array(values) => values.iter().find_map(beyond_doubles),
        Value::Object(members) => members.values().find_map(beyond_doubles),
        _ => None,
    }
}

/// Step 1: Zoom's file as redocly bundles it with only `operation_id` (which must be there once:
/// progenitor names the method after it), references inlined, unused components removed.
fn bundle(input: &Path, operation_id: &str) -> Result<(Location, Value)> {
    let name = input.display();
    let source = parse(&name, &read(input)?)?;
    let version = text(&source, "openapi");
    if !version.starts_with("3.0.") {
        return fail(format!(
            "{name}: OpenAPI {version:?} is not supported: progenitor 0.15 reads 3.0.x only"
        ));
    }
    let found: Vec<Location> = operations(&source)
        .filter(|(_, op)| op["operationId"] == operation_id)
        .map(|(location, _)| location)
        .collect();
    let [location] = &found[..] else {
        let at: Vec<String> = found.iter().map(Location::to_string).collect();
        let (n, at) = (found.len(), at.join(", "));
        return fail(match n {
            0 => format!("{name}: no operation has operationId {operation_id:?}"),
            _ => format!("{name}: {n} operations have operationId {operation_id:?}: {at}"),
        });
    };
    if let Some(n) = beyond_doubles(&source) {
        return fail(format!(
            "{name}: the integer {n} is beyond 2^53, which redocly (JavaScript) would round"
        ));
    }
    static RUN: AtomicUsize = AtomicUsize::new(0);
    let run = RUN.fetch_add(1, Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("xtask-spec-extract-{}-{run}", std::process::id()));
    let (config, out) = (dir.join("redocly.yaml"), dir.join("bundle.json"));
    let id = serde_json::to_string(operation_id).expect("a string serializes");
    let decorators = format!(
        "decorators:\n  filter-in:\n    property: operationId\n    value: {id}\n  remove-unused-components: on\n"
    );
    let written = fs::create_dir_all(&dir).and_then(|()| fs::write(&config, decorators));
    written.map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut npx = Command::new("npx");
    npx.args(format!("--yes {REDOCLY} bundle --dereferenced --ext json --config").split(' '));
    npx.arg(&config).arg("--output").arg(&out).arg(input);
    let bundled = match npx.output() {
        Err(e) => fail(format!(
            "cannot run `npx --yes {REDOCLY}` (it needs Node.js and npm): {e}"
        )),
        Ok(done) if done.status.success() => read(&out).and_then(|t| parse(&out.display(), &t)),
        Ok(done) => fail(format!(
            "`npx --yes {REDOCLY} bundle {name}` failed:\n{}",
            String::from_utf8_lossy(&done.stderr)
        )),
    };
    let _ = fs::remove_dir_all(&dir);
    Ok((location.clone(), bundled?))
}

/// Runs steps 1–6 on Zoom's file `input` for the operation whose operationId is `operation`.
pub fn extract_fragment(
    input: &Path,
    operation: &str,
    overlay: Option<&Path>,
) -> Result<Extraction> {
    let (location, mut doc) = bundle(input, operation)?;
    let (input_name, overlay_name) = (file_name(input), overlay.map(file_name));
    let overlay_name = overlay_name.as_deref();
    let cx = normalise::Context {
        location: &location,
        input_name: &input_name,
        overlay_name,
    };
    let mut notes = normalise::before_overlay(&mut doc, &cx)?;
    let overlay_actions = match overlay {
        Some(path) => overlay::apply(&file_name(path), &read(path)?, &mut doc)?,
        None => Vec::new(),
    };
    notes.extend(normalise::after_overlay(&mut doc, &cx));
    let problems = rules::check(&doc);
    if !problems.is_empty() {
        let (n, list) = (problems.len(), problems.join("\n  - "));
        return fail(format!(
            "the fragment for {operation} fails {n} check(s), nothing written:\n  - {list}"
        ));
    }
    let text = to_text(&doc);
    Ok(Extraction {
        fragment: doc,
        text,
        notes,
        overlay_actions,
    })
}

/// A fragment's bytes: keys sorted (serde_json's `BTreeMap`), 2-space indentation, a trailing
/// newline. Integers are written from their exact `u64`/`i64` digits, never through `f64`.
pub fn to_text(doc: &Value) -> String {
    serde_json::to_string_pretty(doc).expect("a Value serializes") + "\n"
}

/// The command line of `spec-extract`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    pub input: PathBuf,
    pub operation: String,
    pub out: PathBuf,
    pub overlay: Option<PathBuf>,
    /// The fragment to compare with; default: the existing `out` file, if any.
    pub against: Option<PathBuf>,
    /// Write nothing; fail if `out` differs from what would be written.
    pub check: bool,
}

/// How a run ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// `out` was written (or already had these bytes).
    Written,
    /// `--check`: `out` has exactly these bytes.
    UpToDate,
    /// `--check`: `out` differs (or is missing).
    WouldChange,
}

/// What `--check` says of a fragment on disk that is not what `spec-extract` writes.
const STALE: &str =
    "differs from what spec-extract writes (run it without --check to update the file)";

/// Runs `spec-extract` with `options`, printing the notes and the change report to `out`.
pub fn run(options: &Options, out: &mut dyn std::io::Write) -> Result<Outcome> {
    let overlay = options.overlay.as_deref();
    let x = extract_fragment(&options.input, &options.operation, overlay)?;
    let target = options.out.display().to_string();
    let on_disk = fs::read_to_string(&options.out).ok();
    let (operation, input, n) = (&options.operation, options.input.display(), x.notes.len());
    let list =
        |lines: &[String]| -> String { lines.iter().map(|l| format!("  - {l}\n")).collect() };
    let mut report = format!("spec-extract: {operation} from {input}\nnormalised ({n}):\n");
    report += &list(&x.notes);
    if let Some(path) = overlay {
        let (path, actions) = (path.display(), &x.overlay_actions);
        let n = actions.len();
        report += &format!("overlay {path} ({n} actions):\n{}", list(actions));
    }
    let previous = match &options.against {
        Some(path) => Some((path.display().to_string(), read(path)?)),
        None => on_disk.clone().map(|text| (target.clone(), text)),
    };
    let changes = match previous {
        Some((name, text)) => {
            let old = parse(&name, &text)?;
            diff::diff(&name, &old, &target, &x.fragment).to_string()
        }
        None => format!("no previous fragment at {target} to compare with\n"),
    };
    let same = on_disk.as_deref() == Some(x.text.as_str());
    let (outcome, last) = match (options.check, same) {
        (true, true) => (Outcome::UpToDate, format!("{target} is up to date")),
        (true, false) => (Outcome::WouldChange, format!("{target} {STALE}")),
        (false, true) => (Outcome::Written, format!("{target} unchanged")),
        (false, false) => {
            let written = fs::write(&options.out, &x.text);
            written.map_err(|e| format!("{target}: cannot write: {e}"))?;
            (Outcome::Written, format!("wrote {target}"))
        }
    };
    let printed = writeln!(out, "{report}\n{changes}\n{last}");
    printed.map_err(|e| format!("cannot print the report: {e}"))?;
    Ok(outcome)
}
