//! `BulkLine`: one line of the bulk JSON Lines format, `{"user_id": …, "login_type"?: …,
//! "body": {…}}`, as the CLI's `bulk` command reads it.

use serde_json::{Map, Value};

use crate::json::{json_type, pointer};
use crate::{LoginType, Policy, Rule, UserId, UserUpdate, ValidationErrors, Violation};

/// One update of a bulk file: whom, with which login type, and the validated body.
///
/// ```
/// use zoom_user_update::{BulkLine, Policy};
///
/// let line = BulkLine::parse(br#"{"user_id": "me", "login_type": "sso", "body": {"dept": "R&D"}}"#, Policy::Spec)?;
/// assert!(line.user_id.is_me());
///
/// let errors = BulkLine::parse(br#"{"body": {"pmi": 1}, "extra": 0}"#, Policy::Spec).unwrap_err();
/// let paths: Vec<_> = errors.iter().map(|v| v.path()).collect();
/// assert_eq!(paths, ["/extra", "/user_id", "/body/pmi"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct BulkLine {
    /// The user to update.
    pub user_id: UserId,
    /// The `login_type` query parameter, if the line gives one (the spec value or a name).
    pub login_type: Option<LoginType>,
    /// The body.
    pub update: UserUpdate,
}

impl BulkLine {
    /// Parses and checks one line (without its line break).
    ///
    /// # Errors
    ///
    /// [`ValidationErrors`] with every violation of the line: JSON syntax, unknown keys, a
    /// missing or invalid `user_id`, an unknown `login_type`, and every violation of the body
    /// (its paths prefixed with `/body`).
    pub fn parse(bytes: &[u8], policy: Policy) -> Result<Self, ValidationErrors> {
        match serde_json::from_slice(bytes) {
            Ok(Value::Object(map)) => Self::from_map(&map, policy),
            Ok(other) => Err(ValidationErrors::single(
                "",
                Rule::WrongType {
                    expected: "object",
                    found: json_type(&other),
                },
            )),
            Err(e) => Err(ValidationErrors::single(
                "",
                Rule::InvalidJson {
                    detail: e.to_string(),
                },
            )),
        }
    }

    fn from_map(map: &Map<String, Value>, policy: Policy) -> Result<Self, ValidationErrors> {
        let mut violations = Vec::new();
        let mut fail = |path: &str, rule: Rule| violations.push(Violation::new(path, rule));
        for key in map
            .keys()
            .filter(|k| !["user_id", "login_type", "body"].contains(&k.as_str()))
        {
            fail(&pointer(&[key]), Rule::UnknownField);
        }
        let user_id = match map.get("user_id") {
            Some(Value::String(s)) => s
                .parse::<UserId>()
                .map_err(|rule| fail("/user_id", rule))
                .ok(),
            Some(other) => {
                fail(
                    "/user_id",
                    Rule::WrongType {
                        expected: "string",
                        found: json_type(other),
                    },
                );
                None
            }
            None => {
                fail("/user_id", Rule::Missing);
                None
            }
        };
        let login_type = match map.get("login_type") {
            None => Some(None),
            Some(Value::String(s)) => LoginType::from_name(s)
                .map(Some)
                .map_err(|rule| fail("/login_type", rule))
                .ok(),
            Some(other) => {
                fail(
                    "/login_type",
                    Rule::WrongType {
                        expected: "string",
                        found: json_type(other),
                    },
                );
                None
            }
        };
        let update = match map.get("body") {
            Some(body) => UserUpdate::from_value(body, policy)
                .map_err(|errors| {
                    for v in errors {
                        fail(&format!("/body{}", v.path()), v.rule().clone());
                    }
                })
                .ok(),
            None => {
                fail("/body", Rule::Missing);
                None
            }
        };
        match (
            user_id,
            login_type,
            update,
            ValidationErrors::from_vec(violations),
        ) {
            (Some(user_id), Some(login_type), Some(update), None) => Ok(Self {
                user_id,
                login_type,
                update,
            }),
            (_, _, _, Some(errors)) => Err(errors),
            // Every `None` above recorded a violation.
            _ => unreachable!("a part is missing but no violation was recorded"),
        }
    }
}
