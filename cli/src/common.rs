//! What the commands share: failures, input reading, credentials and the client.

use std::error::Error as _;
use std::io::{Read, Write};
use std::path::Path;
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncRead, BufReader};
use zoom_user_update::{
    Auth, Client, Edition, Error, Escaped, Policy, RateBudget, RetryPolicy, Violation,
};

/// `--strict`, shared by the commands that validate.
#[derive(clap::Args, Debug)]
pub struct PolicyArg {
    /// Also apply the rules of Zoom's support pages (PMI patterns, personal link name, …).
    #[arg(long)]
    strict: bool,
}

impl PolicyArg {
    pub fn policy(&self) -> Policy {
        if self.strict {
            Policy::Strict
        } else {
            Policy::Spec
        }
    }
}

/// `--edition`, shared by the commands that validate or send.
#[derive(clap::Args, Debug)]
pub struct EditionArg {
    /// Which edition of the operation (default: Zoom's current edition); the library's module
    /// name works too (`v2025`).
    #[arg(long, default_value_t = Edition::default(), value_parser = editions(), ignore_case = true)]
    pub edition: Edition,
}

/// The editions the library knows, by name, for `--edition` and its help.
fn editions() -> impl clap::builder::TypedValueParser<Value = Edition> {
    use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
    let names = Edition::ALL
        .iter()
        .map(|e| PossibleValue::new(e.name()).alias(e.module()));
    PossibleValuesParser::new(names).try_map(|name| name.parse::<Edition>())
}

/// A command's failure: usage (exit 2) or a failed run (exit 1).
#[derive(Debug)]
pub enum Failure {
    Usage(String),
    Failed(String),
}

/// Reads a whole file, or standard input for `-` or no path. Strips a UTF-8 byte order mark.
pub fn read_input(path: Option<&Path>) -> Result<Vec<u8>, Failure> {
    let mut bytes = Vec::new();
    match path {
        None => std::io::stdin().read_to_end(&mut bytes).map(|_| ()),
        Some(p) if p == Path::new("-") => std::io::stdin().read_to_end(&mut bytes).map(|_| ()),
        Some(p) => std::fs::read(p).map(|b| bytes = b),
    }
    .map_err(|e| Failure::Usage(format!("cannot read {}: {e}", shown(path))))?;
    Ok(strip_bom(&bytes).to_vec())
}

pub fn shown(path: Option<&Path>) -> String {
    path.map_or_else(|| "standard input".to_owned(), |p| p.display().to_string())
}

pub fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

/// The numbered non-blank lines of an input, one at a time: each as read, its line break
/// included, the first without a UTF-8 byte order mark. Memory holds one line.
pub struct LineReader {
    reader: BufReader<Box<dyn AsyncRead + Unpin + Send>>,
    /// The input as errors name it.
    name: String,
    number: u64,
}

impl LineReader {
    /// The lines of the file at `path` (`-` too is a file name here).
    pub async fn file(path: &Path) -> Result<Self, Failure> {
        let file = tokio::fs::File::open(path)
            .await
            .map_err(|e| Failure::Usage(format!("cannot read {}: {e}", path.display())))?;
        Ok(Self::new(Box::new(file), path.display().to_string()))
    }

    /// The lines of standard input for `-` or no path, else of the file ([`read_input`]'s
    /// choice).
    pub async fn input(path: Option<&Path>) -> Result<Self, Failure> {
        match path {
            Some(p) if p != Path::new("-") => Self::file(p).await,
            _ => Ok(Self::new(Box::new(tokio::io::stdin()), shown(None))),
        }
    }

    fn new(reader: Box<dyn AsyncRead + Unpin + Send>, name: String) -> Self {
        Self {
            reader: BufReader::new(reader),
            name,
            number: 0,
        }
    }

    /// The next non-blank line and its number (counting every line, blank ones included).
    pub async fn next(&mut self) -> Result<Option<(u64, Vec<u8>)>, Failure> {
        loop {
            let mut buf = Vec::new();
            let n = self
                .reader
                .read_until(b'\n', &mut buf)
                .await
                .map_err(|e| Failure::Usage(format!("cannot read {}: {e}", self.name)))?;
            if n == 0 {
                return Ok(None);
            }
            self.number += 1;
            let line = if self.number == 1 {
                strip_bom(&buf).to_vec()
            } else {
                buf
            };
            if !line.iter().all(u8::is_ascii_whitespace) {
                return Ok(Some((self.number, line)));
            }
        }
    }
}

/// One line for an error and its causes: `what: cause: cause (zoom tracking id …)`, with every
/// control character escaped (the library escapes what Zoom says; this also covers the causes
/// from other crates and the tracking ID).
pub fn describe(err: &Error) -> String {
    if let Some(errors) = err.as_validation() {
        return Escaped(&errors.to_string()).to_string();
    }
    let mut text = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    if let Some(id) = err.tracking_id() {
        text.push_str(" (zoom tracking id ");
        text.push_str(id);
        text.push(')');
    }
    Escaped(&text).to_string()
}

/// Writes on standard output with `write`, then flushes: every command's output goes through
/// here. When the reader has gone away (`… | head`), the program ends quietly (exit 0) instead
/// of with `println!`'s panic and backtrace or an error line.
///
/// # Errors
///
/// Any other failure to write: `cannot write to standard output: …`.
pub fn write_out(write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    match write(&mut out).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(0),
        Err(e) => Err(Failure::Failed(format!(
            "cannot write to standard output: {e}"
        ))),
    }
}

/// Prints `text` and a line break on standard output ([`write_out`]).
pub fn say(text: impl std::fmt::Display) -> Result<(), Failure> {
    write_out(|out| writeln!(out, "{text}"))
}

/// One violation as the commands print it: `path: message (rule)`, with `whole` standing for the
/// empty path (the whole body or line) and the path's control characters escaped.
pub fn violation_line(v: &Violation, whole: &str) -> String {
    if v.path().is_empty() {
        format!("{whole}: {} ({})", v.rule(), v.rule().code())
    } else {
        format!("{v} ({})", v.rule().code())
    }
}

/// `--timeout`: decimal seconds, more than zero.
fn parse_seconds(s: &str) -> Result<Duration, String> {
    s.parse::<f64>()
        .ok()
        .filter(|secs| *secs > 0.0)
        .and_then(|secs| Duration::try_from_secs_f64(secs).ok())
        .ok_or_else(|| format!("{s:?} is not a number of seconds above 0"))
}

/// Where requests go and how the client behaves.
#[derive(Debug, clap::Args)]
pub struct ConnectionArgs {
    /// The API base URL.
    #[arg(long, env = "ZOOM_BASE_URL", default_value = zoom_user_update::DEFAULT_BASE_URL)]
    pub base_url: String,
    /// The OAuth token endpoint for Server-to-Server credentials (default https://zoom.us/oauth/token).
    #[arg(long, env = "ZOOM_TOKEN_URL")]
    pub token_url: Option<String>,
    /// Allow a plain http:// URL on a host that is not loopback (tokens travel in clear text).
    #[arg(long)]
    pub allow_http: bool,
    /// Requests at most, retries included.
    #[arg(long, default_value_t = 4)]
    pub max_attempts: u32,
    /// How long one attempt may take in all, in seconds (decimals allowed), answer included.
    #[arg(long, value_name = "SECONDS", default_value = "30", value_parser = parse_seconds)]
    pub timeout: Duration,
}

/// Credentials from the environment ([`Auth::from_env`]), with `--token-url` for
/// Server-to-Server OAuth.
pub fn auth(args: &ConnectionArgs) -> Result<Auth, Failure> {
    let auth = Auth::from_env().map_err(|e| {
        let message = match e {
            Error::Config(message) => message,
            other => describe(&other),
        };
        Failure::Usage(format!("{message} (or use --mock or --dry-run)"))
    })?;
    Ok(match &args.token_url {
        Some(url) => auth.token_url(url),
        None => auth,
    })
}

pub fn build_client(
    args: &ConnectionArgs,
    base_url: &str,
    auth: Auth,
    budget: Option<RateBudget>,
    adaptive: bool,
) -> Result<Client, Failure> {
    let mut builder = Client::builder(auth)
        .base_url(base_url)
        .allow_http(args.allow_http)
        .timeout(args.timeout)
        .retry(RetryPolicy::default().max_attempts(args.max_attempts));
    match budget {
        Some(budget) if adaptive => builder = builder.adaptive_rate_budget(budget),
        Some(budget) => builder = builder.rate_budget(budget),
        None => {}
    }
    builder.build().map_err(|e| Failure::Usage(describe(&e)))
}
