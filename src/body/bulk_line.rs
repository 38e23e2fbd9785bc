//! `BulkLine`: one line of the bulk JSON Lines format, `{"user_id": …, "login_type"?: …,
//! "body": {…}}`, as the CLI's `bulk` command reads it.

use crate::body::json::{Json, pointer};
use crate::{
    LoginType, Policy, Rule, UserId, UserUpdate, UserUpdateBuilder, ValidationErrors, Violation,
};

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
    /// [`ValidationErrors`] with every violation of the line: JSON syntax, unknown or repeated
    /// keys, a missing or invalid `user_id`, an unknown `login_type`, and every violation of the
    /// body (its paths prefixed with `/body`).
    pub fn parse(bytes: &[u8], policy: Policy) -> Result<Self, ValidationErrors> {
        let members = match Json::parse(bytes) {
            Ok(Json::Object(members)) => members,
            Ok(other) => return Err(ValidationErrors::here(other.wrong("object"))),
            Err(rule) => return Err(ValidationErrors::here(rule)),
        };
        let mut violations = Vec::new();
        let (mut user_id, mut login_type, mut update) = (None, None, None);
        for (key, value) in members {
            let path = pointer(&[&key]);
            let slot_was_set = match key.as_str() {
                "user_id" => user_id
                    .replace(value.into_text().and_then(UserId::try_from))
                    .is_some(),
                "login_type" => login_type
                    .replace(value.into_text().and_then(|s| LoginType::from_name(&s)))
                    .is_some(),
                "body" => update
                    .replace(UserUpdateBuilder::read(value).policy(policy).build())
                    .is_some(),
                _ => {
                    violations.push(Violation::new(path, Rule::UnknownField));
                    continue;
                }
            };
            if slot_was_set {
                violations.push(Violation::new(path, Rule::DuplicateField));
            }
        }
        let user_id = take(&mut violations, "/user_id", user_id);
        let login_type = match login_type {
            None => Some(None),
            some => take(&mut violations, "/login_type", some).map(Some),
        };
        let update = match update {
            Some(Ok(update)) => Some(update),
            Some(Err(errors)) => {
                violations.extend(errors.prefixed("/body"));
                None
            }
            None => {
                violations.push(Violation::new("/body", Rule::Missing));
                None
            }
        };
        match (user_id, login_type, update) {
            (Some(user_id), Some(login_type), Some(update)) if violations.is_empty() => Ok(Self {
                user_id,
                login_type,
                update,
            }),
            _ => Err(ValidationErrors::from_vec(violations)
                .unwrap_or_else(|| ValidationErrors::here(Rule::Missing))),
        }
    }
}

/// A required part of the line, or its violation.
fn take<T>(
    violations: &mut Vec<Violation>,
    path: &str,
    slot: Option<Result<T, Rule>>,
) -> Option<T> {
    match slot {
        Some(Ok(value)) => Some(value),
        Some(Err(rule)) => {
            violations.push(Violation::new(path, rule));
            None
        }
        None => {
            violations.push(Violation::new(path, Rule::Missing));
            None
        }
    }
}
