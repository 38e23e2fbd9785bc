//! `update`: one user, from flags or a JSON body; `--dry-run` and `--mock`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Arg, ArgMatches, Command};
use serde_json::{Map, Value};
use zoom_user_update::mock::MockZoom;
use zoom_user_update::rules::{FieldRule, JsonType, Location};
use zoom_user_update::{AnyQuery, AnyUpdate, Edition, Rule, Update, UserId, ValidationErrors};

use crate::common::{
    ConnectionArgs, EditionArg, Failure, PolicyArg, auth, build_client, describe, read_input, say,
    shown, violation_line,
};
use crate::validate;

#[derive(Debug, clap::Args)]
pub struct UpdateArgs {
    /// The user: `me`, an email address or a Zoom user ID.
    user_id: String,
    /// The body as a JSON file (`-` for standard input), checked as `validate` checks it (but
    /// for a file that sets nothing, or one field of a pair, which flags may complete); flags
    /// below override its fields.
    #[arg(long)]
    body: Option<PathBuf>,
    /// Print the exact HTTP request (token redacted) and send nothing.
    #[arg(long, conflicts_with = "mock")]
    dry_run: bool,
    /// Send the request through the real client to an in-process fake Zoom and show what it received.
    #[arg(long)]
    mock: bool,
    #[command(flatten)]
    policy: PolicyArg,
    #[command(flatten)]
    edition: EditionArg,
    #[command(flatten)]
    connection: ConnectionArgs,
    #[command(flatten)]
    fields: FieldArgs,
}

/// One flag per query parameter and body field of every edition, derived from the field tables
/// (`Edition::field_rules`): a member of a nested object is `--object-member`, an array takes
/// JSON. A flag of a field the chosen edition does not have is a usage error.
#[derive(Debug, Default)]
struct FieldArgs {
    /// The flags given: the flag's name and the value as typed.
    given: Vec<(String, String)>,
}

/// The rows of an edition that are flags: the query parameters, and every body field and
/// nested member except objects (their members are flags) and the members of array items (the
/// array is one JSON flag).
fn flag_rules(edition: Edition) -> impl Iterator<Item = &'static FieldRule> {
    edition.field_rules().iter().filter(|r| match r.location {
        Location::Query => true,
        Location::Body => r.json_type != JsonType::Object && !r.path.contains('*'),
        _ => false,
    })
}

/// `/phone_numbers/code` → `phone-numbers-code`, `login_type` → `login-type`.
fn flag_name(rule: &FieldRule) -> String {
    rule.path.trim_start_matches('/').replace(['/', '_'], "-")
}

/// Each flag once, with the row it is documented by (the newest edition's where several have
/// it), and the editions that have it.
fn flags() -> Vec<(String, &'static FieldRule, Vec<Edition>)> {
    let mut flags: Vec<(String, &'static FieldRule, Vec<Edition>)> = Vec::new();
    for &edition in Edition::ALL.iter().rev() {
        for rule in flag_rules(edition) {
            let name = flag_name(rule);
            match flags.iter_mut().find(|(known, _, _)| *known == name) {
                Some((_, _, editions)) => editions.push(edition),
                None => flags.push((name, rule, vec![edition])),
            }
        }
    }
    flags
}

impl clap::Args for FieldArgs {
    fn augment_args(cmd: Command) -> Command {
        cmd.next_help_heading("Body fields")
            .args(flags().into_iter().map(|(name, rule, editions)| {
                let value_name = match rule.json_type {
                    JsonType::Integer => "INTEGER",
                    JsonType::Boolean => "BOOL",
                    JsonType::Array | JsonType::Object => "JSON",
                    _ => "TEXT",
                };
                let mut help = format!("{} ({})", rule.doc, rule.rule);
                // A query parameter that is not a boolean is enum-like: it also takes a name.
                if rule.location == Location::Query && rule.json_type != JsonType::Boolean {
                    help.push_str("; the spec value or a name");
                }
                if let Some(strict) = rule.strict {
                    help.push_str(&format!(" (--strict: {strict})"));
                }
                if editions.len() < Edition::ALL.len() {
                    let names: Vec<_> = editions.iter().map(|e| e.name()).collect();
                    help.push_str(&format!(" [--edition {}]", names.join(", ")));
                }
                Arg::new(name.clone())
                    .long(name)
                    .value_name(value_name)
                    .help(help)
            }))
    }

    fn augment_args_for_update(cmd: Command) -> Command {
        Self::augment_args(cmd)
    }
}

impl clap::FromArgMatches for FieldArgs {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
        let mut args = Self::default();
        args.update_from_arg_matches(matches)?;
        Ok(args)
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        for (name, _, _) in flags() {
            if let Some(value) = matches.get_one::<String>(&name) {
                self.given.push((name, value.clone()));
            }
        }
        Ok(())
    }
}

impl FieldArgs {
    /// Writes the flags that were given into `body`, each as the JSON type its field has in
    /// `edition` (a value that is not of that type is kept as text, and the intake then refuses
    /// it with the field's rule), and the query parameters into `query`, as text (the query's
    /// intake reads text, an enum also by its name).
    ///
    /// # Errors
    ///
    /// A usage error for a flag of a field the edition does not have.
    fn apply(
        self,
        edition: Edition,
        body: &mut Map<String, Value>,
        query: &mut Map<String, Value>,
    ) -> Result<(), Failure> {
        for (name, text) in self.given {
            let Some(rule) = flag_rules(edition).find(|r| flag_name(r) == name) else {
                return Err(Failure::Usage(format!(
                    "--{name} is not a field of the {edition} edition"
                )));
            };
            if rule.location == Location::Query {
                query.insert(rule.path.clone(), Value::String(text));
                continue;
            }
            let value = match rule.json_type {
                JsonType::Integer => text.parse::<i64>().map_or(Value::String(text), Value::from),
                JsonType::Boolean => text
                    .parse::<bool>()
                    .map_or(Value::String(text), Value::from),
                JsonType::Array | JsonType::Object => {
                    serde_json::from_str(&text).unwrap_or(Value::String(text))
                }
                _ => Value::String(text),
            };
            let mut segments: Vec<&str> = rule.path[1..].split('/').collect();
            let last = segments.pop().unwrap_or_default();
            let mut object = &mut *body;
            for segment in segments {
                let entry = object
                    .entry(segment)
                    .or_insert_with(|| Value::Object(Map::new()));
                if !entry.is_object() {
                    *entry = Value::Object(Map::new());
                }
                let Value::Object(inner) = entry else {
                    unreachable!("made an object above")
                };
                object = inner;
            }
            object.insert(last.to_owned(), value);
        }
        Ok(())
    }
}

pub async fn run(mut args: UpdateArgs) -> Result<ExitCode, Failure> {
    let policy = args.policy.policy();
    let edition = args.edition.edition;
    // The file goes through the intake on its own, as `validate` reads it: a field given
    // twice (which a `serde_json::Value` would keep the last of) or any other violation of the
    // file refuses the update, whatever the flags say. Only what the flags can complete is
    // left to the check of the merged body: a file that sets nothing, or one field of a pair.
    let (mut body, file_errors) = match &args.body {
        Some(path) => {
            let bytes = read_input(Some(path))?;
            let completable = |errors: &ValidationErrors| {
                errors
                    .iter()
                    .all(|v| matches!(v.rule(), Rule::NoFields | Rule::Requires { .. }))
            };
            match validate::check(edition, &bytes, policy)
                .map(drop)
                .or_else(|errors| {
                    if completable(&errors) {
                        Ok(())
                    } else {
                        Err(errors)
                    }
                }) {
                Ok(()) => match serde_json::from_slice::<Value>(&bytes) {
                    Ok(Value::Object(map)) => (map, None),
                    _ => {
                        return Err(Failure::Failed(format!(
                            "{}: the body the intake accepted does not read as a JSON object",
                            shown(Some(path))
                        )));
                    }
                },
                Err(errors) => (Map::new(), Some(errors)),
            }
        }
        None => (Map::new(), None),
    };
    let mut query = Map::new();
    std::mem::take(&mut args.fields).apply(edition, &mut body, &mut query)?;
    let update = match file_errors {
        Some(errors) => Err(errors),
        None => edition.from_value(&Value::Object(body), policy),
    };
    let query = edition.query_from_value(&Value::Object(query));
    match prepare(&args.user_id, query, update) {
        Ok(prepared) => send(&args, prepared).await,
        Err(code) => Ok(code),
    }
}

/// The user, the update and the query parameters.
type Prepared = (UserId, AnyUpdate, AnyQuery);

/// What to send, with the warnings printed; or every violation printed and the exit code.
fn prepare(
    user_id: &str,
    query: Result<AnyQuery, ValidationErrors>,
    update: Result<AnyUpdate, ValidationErrors>,
) -> Result<Prepared, ExitCode> {
    let parsed_id = user_id.parse::<UserId>();
    match (parsed_id, query, update) {
        (Ok(id), Ok(query), Ok(update)) => {
            for warning in update.warnings() {
                eprintln!("warning: {warning}");
            }
            Ok((id, update, query))
        }
        (id, query, update) => {
            if let Err(rule) = id {
                eprintln!("error: {{userId}} {user_id:?}: {rule} ({})", rule.code());
            }
            for v in query.err().iter().flatten() {
                let name = v.path().trim_start_matches('/');
                eprintln!("error: ?{name}: {} ({})", v.rule(), v.rule().code());
            }
            Err(invalid(update.err()))
        }
    }
}

/// Sends (or dry-runs, or sends to the fake) the update.
async fn send(args: &UpdateArgs, prepared: Prepared) -> Result<ExitCode, Failure> {
    let (user_id, update, query) = prepared;
    if args.dry_run {
        let auth = auth(&args.connection).unwrap_or_else(|_| zoom_user_update::Auth::bearer("-"));
        let client = build_client(
            &args.connection,
            &args.connection.base_url,
            auth,
            None,
            false,
        )?;
        let prepared = client
            .update_user(&user_id, &update)
            .query(query)
            .dry_run()
            .await
            .map_err(|e| Failure::Failed(describe(&e)))?;
        say(prepared)?;
        return Ok(ExitCode::SUCCESS);
    }

    let mock = if args.mock {
        Some(MockZoom::start().await)
    } else {
        None
    };
    let (base_url, auth) = match &mock {
        Some(zoom) => (zoom.base_url(), zoom.bearer_auth()),
        None => (args.connection.base_url.clone(), auth(&args.connection)?),
    };
    let client = build_client(&args.connection, &base_url, auth, None, false)?;
    let outcome = client.update_user(&user_id, &update).query(query).await;
    if let Some(zoom) = &mock {
        say(format_args!(
            "The fake Zoom at {} received:\n",
            zoom.base_url()
        ))?;
        for received in zoom.api_requests() {
            say(format_args!("{received}\n"))?;
        }
    }
    match outcome {
        Ok(_) => {
            say(format_args!("updated user {user_id}"))?;
            if let Some(mut profile) = mock.as_ref().and_then(|z| z.user(user_id.as_str())) {
                if let Some(key) = profile.get_mut("host_key") {
                    *key = Value::from("<redacted>");
                }
                say(format_args!(
                    "\nthe fake Zoom's profile of {user_id} now:\n{}",
                    serde_json::to_string_pretty(&profile).unwrap_or_default()
                ))?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => Err(Failure::Failed(describe(&e))),
    }
}

/// Prints every violation of the body; the exit code of an invalid update.
fn invalid(errors: Option<ValidationErrors>) -> ExitCode {
    for v in errors.iter().flatten() {
        eprintln!("error: {}", violation_line(v, "(body)"));
    }
    ExitCode::from(1)
}
