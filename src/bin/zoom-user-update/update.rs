//! `update`: one user, from flags or a JSON body; `--dry-run` and `--mock`.

use std::path::PathBuf;
use std::process::ExitCode;

use serde_json::{Map, Value};
use zoom_user_update::mock::MockZoom;
use zoom_user_update::{Auth, LoginType, UserId, UserUpdate};

use crate::common::{
    ConnectionArgs, Failure, PolicyArg, auth_from_env, build_client, describe, parse_login_type,
    read_input, render_request, say, violation_line,
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

/// One flag per body field of the spec.
#[derive(Debug, clap::Args)]
#[command(next_help_heading = "Body fields")]
struct FieldArgs {
    /// first_name: at most 64 characters, at most 5 Chinese characters.
    #[arg(long)]
    first_name: Option<String>,
    /// last_name: at most 64 characters, at most 5 Chinese characters.
    #[arg(long)]
    last_name: Option<String>,
    /// type: 1 (Basic), 2 (Licensed) or 3 (On-prem).
    #[arg(long = "type", value_name = "TYPE")]
    user_type: Option<String>,
    /// pmi: the Personal Meeting ID, exactly 10 digits.
    #[arg(long)]
    pmi: Option<String>,
    /// use_pmi: use the PMI for instant meetings (true or false).
    #[arg(long)]
    use_pmi: Option<bool>,
    /// timezone: an ID of Zoom's timezone list or of the IANA database.
    #[arg(long)]
    timezone: Option<String>,
    /// language.
    #[arg(long)]
    language: Option<String>,
    /// dept: department.
    #[arg(long)]
    dept: Option<String>,
    /// vanity_name: personal meeting room name.
    #[arg(long)]
    vanity_name: Option<String>,
    /// host_key: 6 to 10 digits.
    #[arg(long)]
    host_key: Option<String>,
    /// cms_user_id: Kaltura user ID.
    #[arg(long)]
    cms_user_id: Option<String>,
    /// job_title: at most 128 characters.
    #[arg(long)]
    job_title: Option<String>,
    /// company: at most 255 characters.
    #[arg(long)]
    company: Option<String>,
    /// location: at most 256 characters.
    #[arg(long)]
    location: Option<String>,
    /// phone_number (deprecated by Zoom; needs --phone-country).
    #[arg(long)]
    phone_number: Option<String>,
    /// phone_country (deprecated by Zoom): ISO 3166-1 alpha-2 code.
    #[arg(long)]
    phone_country: Option<String>,
    /// phone_numbers.number.
    #[arg(long)]
    phone_numbers_number: Option<String>,
    /// phone_numbers.code: a calling code such as +1.
    #[arg(long)]
    phone_numbers_code: Option<String>,
    /// phone_numbers.country: ISO 3166-1 alpha-2 code.
    #[arg(long)]
    phone_numbers_country: Option<String>,
    /// custom_attributes.key.
    #[arg(long)]
    custom_attributes_key: Option<String>,
    /// custom_attributes.name.
    #[arg(long)]
    custom_attributes_name: Option<String>,
    /// custom_attributes.value.
    #[arg(long)]
    custom_attributes_value: Option<String>,
    /// manager: the manager's email address.
    #[arg(long)]
    manager: Option<String>,
    /// group_id: the group to add a pending user to.
    #[arg(long)]
    group_id: Option<String>,
}

/// A number flag as a JSON integer when it is one; otherwise the text, which the intake refuses
/// with the field's rule.
fn number(s: String) -> Value {
    s.parse::<i64>().map_or(Value::String(s), Value::from)
}

impl FieldArgs {
    /// Writes the flags that were given into `body`.
    fn apply(self, body: &mut Map<String, Value>) {
        let mut set = |key: &str, value: Option<Value>| {
            if let Some(value) = value {
                body.insert(key.to_owned(), value);
            }
        };
        set("first_name", self.first_name.map(Value::from));
        set("last_name", self.last_name.map(Value::from));
        set("type", self.user_type.map(number));
        set("pmi", self.pmi.map(number));
        set("use_pmi", self.use_pmi.map(Value::from));
        set("timezone", self.timezone.map(Value::from));
        set("language", self.language.map(Value::from));
        set("dept", self.dept.map(Value::from));
        set("vanity_name", self.vanity_name.map(Value::from));
        set("host_key", self.host_key.map(Value::from));
        set("cms_user_id", self.cms_user_id.map(Value::from));
        set("job_title", self.job_title.map(Value::from));
        set("company", self.company.map(Value::from));
        set("location", self.location.map(Value::from));
        set("phone_number", self.phone_number.map(Value::from));
        set("phone_country", self.phone_country.map(Value::from));
        set("manager", self.manager.map(Value::from));
        set("group_id", self.group_id.map(Value::from));
        for (object, parts) in [
            (
                "phone_numbers",
                [
                    ("number", self.phone_numbers_number),
                    ("code", self.phone_numbers_code),
                    ("country", self.phone_numbers_country),
                ],
            ),
            (
                "custom_attributes",
                [
                    ("key", self.custom_attributes_key),
                    ("name", self.custom_attributes_name),
                    ("value", self.custom_attributes_value),
                ],
            ),
        ] {
            let given: Vec<_> = parts
                .into_iter()
                .filter_map(|(k, v)| Some((k, v?)))
                .collect();
            if given.is_empty() {
                continue;
            }
            let entry = body
                .entry(object)
                .or_insert_with(|| Value::Object(Map::new()));
            if let Value::Object(map) = entry {
                for (k, v) in given {
                    map.insert(k.to_owned(), Value::from(v));
                }
            }
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
        let auth =
            auth_from_env(&args.connection.token_url).unwrap_or_else(|_| Auth::bearer("<not set>"));
        let client = build_client(&args.connection, &args.connection.base_url, auth, None)?;
        let mut request = client.update_user(&user_id, &update);
        if let Some(t) = args.login_type {
            request = request.login_type(t);
        }
        let prepared = request
            .dry_run()
            .await
            .map_err(|e| Failure::Failed(describe(&e)))?;
        let rendered = render_request(
            &prepared.method,
            &prepared.url,
            &prepared.headers,
            &prepared.body,
        );
        say(rendered.trim_end_matches('\n'));
        return Ok(ExitCode::SUCCESS);
    }

    let mock = if args.mock {
        Some(MockZoom::start().await)
    } else {
        None
    };
    let (base_url, auth) = match &mock {
        Some(zoom) => (zoom.base_url(), zoom.bearer_auth()),
        None => (
            args.connection.base_url.clone(),
            auth_from_env(&args.connection.token_url)?,
        ),
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
            let mut target = received.path.clone();
            if let Some(query) = &received.query {
                target = format!("{target}?{query}");
            }
            say(render_request(
                &received.method,
                &target,
                &received.headers,
                &received.body,
            ));
        }
    }
    match outcome {
        Ok(()) => {
            say(format_args!("updated user {user_id}"));
            if let Some(profile) = mock.as_ref().and_then(|z| z.user(user_id.as_str())) {
                say(format_args!(
                    "\nthe fake Zoom's profile of {user_id} now:\n{}",
                    pretty(&profile)
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

fn pretty(value: &Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}
