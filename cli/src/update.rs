//! `update`: one user, from flags or a JSON body; `--dry-run` and `--mock`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Arg, ArgMatches, Command};
use serde_json::{Map, Value};
use zoom_user_update::mock::MockZoom;
use zoom_user_update::spec::{self, FieldRule};
use zoom_user_update::{LoginType, UserId, UserUpdate};

use crate::common::{
    ConnectionArgs, Failure, PolicyArg, auth, build_client, describe, parse_login_type, read_input,
    say, violation_line,
};

#[derive(Debug, clap::Args)]
pub struct UpdateArgs {
    /// The user: `me`, an email address or a Zoom user ID.
    user_id: String,
    /// The body as a JSON file (`-` for standard input); flags below override its fields.
    #[arg(long)]
    body: Option<PathBuf>,
    /// The login type query parameter: the spec value (0, 1, 99, 100, 101) or a name (facebook, google, api, zoom, sso).
    #[arg(long, value_parser = parse_login_type)]
    login_type: Option<LoginType>,
    /// Print the exact HTTP request (token redacted) and send nothing.
    #[arg(long, conflicts_with = "mock")]
    dry_run: bool,
    /// Send the request through the real client to an in-process fake Zoom and show what it received.
    #[arg(long)]
    mock: bool,
    #[command(flatten)]
    policy: PolicyArg,
    #[command(flatten)]
    connection: ConnectionArgs,
    #[command(flatten)]
    fields: FieldArgs,
}

/// One flag per body field of the spec, derived from the field table (`spec::field_rules`): a
/// member of a nested object is `--object-member`, an array takes JSON.
#[derive(Debug, Default)]
struct FieldArgs {
    /// The flags given: the field's rule row and the value as typed.
    given: Vec<(&'static FieldRule, String)>,
}

/// The rows that are flags: every body field and nested member except objects (their members
/// are flags) and the members of array items (the array is one JSON flag).
fn flag_rules() -> impl Iterator<Item = &'static FieldRule> {
    spec::field_rules()
        .iter()
        .filter(|r| r.is_body_field() && r.json_type != "object" && !r.path.contains('*'))
}

/// `/phone_numbers/code` → `phone-numbers-code`.
fn flag_name(rule: &FieldRule) -> String {
    rule.path[1..].replace(['/', '_'], "-")
}

impl clap::Args for FieldArgs {
    fn augment_args(cmd: Command) -> Command {
        cmd.next_help_heading("Body fields")
            .args(flag_rules().map(|rule| {
                let name = flag_name(rule);
                let value_name = match rule.json_type {
                    "integer" => "INTEGER",
                    "boolean" => "BOOL",
                    "array" | "object" => "JSON",
                    _ => "TEXT",
                };
                let mut help = format!("{} ({})", rule.doc, rule.rule);
                if let Some(strict) = rule.strict {
                    help.push_str(&format!(" (--strict: {strict})"));
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
        for rule in flag_rules() {
            if let Some(value) = matches.get_one::<String>(&flag_name(rule)) {
                self.given.push((rule, value.clone()));
            }
        }
        Ok(())
    }
}

impl FieldArgs {
    /// Writes the flags that were given into `body`, each as the JSON type its field has: a
    /// value that is not of that type is kept as text, and the intake then refuses it with the
    /// field's rule.
    fn apply(self, body: &mut Map<String, Value>) {
        for (rule, text) in self.given {
            let value = match rule.json_type {
                "integer" => text.parse::<i64>().map_or(Value::String(text), Value::from),
                "boolean" => text
                    .parse::<bool>()
                    .map_or(Value::String(text), Value::from),
                "array" | "object" => serde_json::from_str(&text).unwrap_or(Value::String(text)),
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
    }
}

pub async fn run(args: UpdateArgs) -> Result<ExitCode, Failure> {
    let policy = args.policy.policy();
    let mut body = match &args.body {
        Some(path) => {
            let bytes = read_input(Some(path))?;
            match serde_json::from_slice::<Value>(&bytes) {
                Ok(Value::Object(map)) => map,
                // Not an object: let the intake report it with the rule it breaks.
                Ok(other) => return invalid(UserUpdate::from_value(&other, policy).err()),
                Err(_) => return invalid(UserUpdate::from_json(&bytes, policy).err()),
            }
        }
        None => Map::new(),
    };
    args.fields.apply(&mut body);
    let user_id = args.user_id.parse::<UserId>();
    let update = UserUpdate::from_value(&Value::Object(body), policy);
    let (user_id, update) = match (user_id, update) {
        (Ok(user_id), Ok(update)) => (user_id, update),
        (user_id, update) => {
            if let Err(rule) = user_id {
                eprintln!(
                    "error: {{userId}} {:?}: {rule} ({})",
                    args.user_id,
                    rule.code()
                );
            }
            return invalid(update.err());
        }
    };
    for warning in update.warnings() {
        eprintln!("warning: {warning}");
    }

    if args.dry_run {
        let auth = auth(&args.connection).unwrap_or_else(|_| zoom_user_update::Auth::bearer("-"));
        let client = build_client(&args.connection, &args.connection.base_url, auth, None)?;
        let mut request = client.update_user(&user_id, &update);
        if let Some(t) = args.login_type {
            request = request.login_type(t);
        }
        let prepared = request
            .dry_run()
            .await
            .map_err(|e| Failure::Failed(describe(&e)))?;
        say(prepared);
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
    let client = build_client(&args.connection, &base_url, auth, None)?;
    let mut request = client.update_user(&user_id, &update);
    if let Some(t) = args.login_type {
        request = request.login_type(t);
    }
    let outcome = request.await;
    if let Some(zoom) = &mock {
        say(format_args!(
            "The fake Zoom at {} received:\n",
            zoom.base_url()
        ));
        for received in zoom.api_requests() {
            say(format_args!("{received}\n"));
        }
    }
    match outcome {
        Ok(_) => {
            say(format_args!("updated user {user_id}"));
            if let Some(mut profile) = mock.as_ref().and_then(|z| z.user(user_id.as_str())) {
                if let Some(key) = profile.get_mut("host_key") {
                    *key = Value::from("<redacted>");
                }
                say(format_args!(
                    "\nthe fake Zoom's profile of {user_id} now:\n{}",
                    serde_json::to_string_pretty(&profile).unwrap_or_default()
                ));
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => Err(Failure::Failed(describe(&e))),
    }
}

fn invalid(errors: Option<zoom_user_update::ValidationErrors>) -> Result<ExitCode, Failure> {
    for v in errors.iter().flatten() {
        eprintln!("error: {}", violation_line(v, "(body)"));
    }
    Ok(ExitCode::from(1))
}
