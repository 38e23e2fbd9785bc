//! `spec-extract`: Zoom's whole OpenAPI file → this project's one-operation fragment.
//!
//! The steps, in order:
//! 1. [`extract`]: the operation, found by its operationId, and every component it references.
//! 2. [`normalise`]: the project's conventions and what progenitor 0.15 needs (see that module).
//! 3. [`overlay`]: the reviewed OpenAPI Overlay 1.0 document kept beside the fragment restores
//!    what Zoom's file lacks (here: the `enum`s and the error responses the copy lost).
//! 4. [`normalise::complete`]: no `default` response, the shared error body for every error
//!    response (the restored ones included), unused components out.
//! 5. [`rules`]: checks; a fragment that fails them is never written.
//! 6. [`canonical`]: fixed key order, 2-space JSON, trailing newline (re-running is byte-identical).
//!
//! [`diff`] then says what changed against the fragment it replaces.

pub mod canonical;
pub mod diff;
pub mod extract;
pub mod normalise;
pub mod overlay;
pub mod refs;
pub mod rules;

use std::fmt;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde_json::Value;

/// A failure of `spec-extract`, with a message that names the file or the rule involved.
#[derive(Debug)]
pub struct Error {
    message: String,
}

impl Error {
    pub fn new(message: impl Into<String>) -> Error {
        Error {
            message: message.into(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

pub type Result<T> = std::result::Result<T, Error>;

/// A named text: a file's name (as it appears in messages and in `info.description`) and its
/// contents.
#[derive(Clone, Copy, Debug)]
pub struct Input<'a> {
    pub name: &'a str,
    pub text: &'a str,
}

/// The finished fragment and what was done to make it.
#[derive(Clone, Debug)]
pub struct Extraction {
    /// The fragment, in canonical key order.
    pub fragment: Value,
    /// Its bytes as written to disk.
    pub text: String,
    /// One line per normalisation that changed something.
    pub notes: Vec<String>,
    /// One line per overlay action applied.
    pub overlay_actions: Vec<String>,
}

/// Runs steps 1–6 on Zoom's document `source` for `operation_id`.
pub fn extract_fragment(
    source: Input<'_>,
    operation_id: &str,
    overlay: Option<Input<'_>>,
) -> Result<Extraction> {
    let document: Value = serde_json::from_str(source.text)
        .map_err(|e| Error::new(format!("{}: not JSON: {e}", source.name)))?;
    let (location, mut doc) = extract::extract(&document, operation_id)
        .map_err(|e| Error::new(format!("{}: {e}", source.name)))?;
    let cx = normalise::Context {
        location: &location,
        input_name: source.name,
        overlay_name: overlay.map(|o| o.name),
    };
    let mut notes = normalise::normalise(&mut doc, &cx)?;
    let overlay_actions = match overlay {
        Some(input) => {
            let parsed = overlay::parse(input.name, input.text)?;
            overlay::apply(input.name, &parsed, &mut doc)?
        }
        None => Vec::new(),
    };
    notes.extend(normalise::complete(&mut doc, &cx)?);
    let problems = rules::check(&doc);
    if !problems.is_empty() {
        return Err(Error::new(format!(
            "the fragment for {operation_id} fails {} check(s), nothing written:\n  - {}",
            problems.len(),
            problems.join("\n  - ")
        )));
    }
    let fragment = canonical::canonical(&doc);
    let text = canonical::pretty(&fragment);
    Ok(Extraction {
        fragment,
        text,
        notes,
        overlay_actions,
    })
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

fn read(path: &Path) -> Result<String> {
    fs::read_to_string(path)
        .map_err(|e| Error::new(format!("{}: cannot read: {e}", path.display())))
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// Runs `spec-extract` with `options`, printing the notes and the change report to `out`.
pub fn run(options: &Options, out: &mut dyn Write) -> Result<Outcome> {
    let io_error = |e: io::Error| Error::new(format!("cannot print the report: {e}"));
    let source_text = read(&options.input)?;
    let source_name = file_name(&options.input);
    let overlay_text = options.overlay.as_deref().map(read).transpose()?;
    let overlay_name = options.overlay.as_deref().map(file_name);
    let overlay = match (&overlay_name, &overlay_text) {
        (Some(name), Some(text)) => Some(Input { name, text }),
        _ => None,
    };
    let extraction = extract_fragment(
        Input {
            name: &source_name,
            text: &source_text,
        },
        &options.operation,
        overlay,
    )?;

    writeln!(
        out,
        "spec-extract: {} from {}",
        options.operation,
        options.input.display()
    )
    .map_err(io_error)?;
    writeln!(out, "normalised ({}):", extraction.notes.len()).map_err(io_error)?;
    for note in &extraction.notes {
        writeln!(out, "  - {note}").map_err(io_error)?;
    }
    if let Some(path) = &options.overlay {
        writeln!(
            out,
            "overlay {} ({} actions):",
            path.display(),
            extraction.overlay_actions.len()
        )
        .map_err(io_error)?;
        for action in &extraction.overlay_actions {
            writeln!(out, "  - {action}").map_err(io_error)?;
        }
    }

    let on_disk = fs::read_to_string(&options.out).ok();
    let previous = match &options.against {
        Some(path) => Some((path.clone(), read(path)?)),
        None => on_disk.clone().map(|text| (options.out.clone(), text)),
    };
    writeln!(out).map_err(io_error)?;
    match previous {
        Some((path, text)) => {
            let old: Value = serde_json::from_str(&text)
                .map_err(|e| Error::new(format!("{}: not JSON: {e}", path.display())))?;
            let report = diff::diff(
                &path.display().to_string(),
                &old,
                &options.out.display().to_string(),
                &extraction.fragment,
            );
            write!(out, "{report}").map_err(io_error)?;
        }
        None => writeln!(
            out,
            "no previous fragment at {} to compare with",
            options.out.display()
        )
        .map_err(io_error)?,
    }
    writeln!(out).map_err(io_error)?;

    let same = on_disk.as_deref() == Some(extraction.text.as_str());
    if options.check {
        if same {
            writeln!(out, "{} is up to date", options.out.display()).map_err(io_error)?;
            return Ok(Outcome::UpToDate);
        }
        writeln!(
            out,
            "{} differs from what spec-extract writes (run it without --check to update the file)",
            options.out.display()
        )
        .map_err(io_error)?;
        return Ok(Outcome::WouldChange);
    }
    if same {
        writeln!(out, "{} unchanged", options.out.display()).map_err(io_error)?;
        return Ok(Outcome::Written);
    }
    fs::write(&options.out, &extraction.text)
        .map_err(|e| Error::new(format!("{}: cannot write: {e}", options.out.display())))?;
    writeln!(out, "wrote {}", options.out.display()).map_err(io_error)?;
    Ok(Outcome::Written)
}
