//! `BulkLine`: one line of the bulk JSON Lines format, `{"user_id": …, "login_type"?: …,
//! "body": {…}}` (and for Zoom's current spec `"remove_tsp_credentials"?: …`), as the tool's
//! `bulk` command reads it.

use crate::body::json::{Json, pointer};
use crate::{
    Client, Policy, Rule, Update, UpdateUserRequest, UserId, UserUpdate, ValidationErrors,
    Violation,
};

/// One update of a bulk file: whom, with which query parameters, and the validated body, for
/// the surface `U`: [`BulkLine`] for the reference page's, [`v2025::BulkLine`](crate::v2025::BulkLine)
/// for Zoom's current spec (code generic over both names this type).
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
pub struct BulkLineOf<U: Update> {
    /// The user to update.
    pub user_id: UserId,
    /// The `login_type` query parameter, if the line gives one (the spec value or a name).
    pub login_type: Option<U::LoginType>,
    /// The `remove_tsp_credentials` query flag, if the line gives it (Zoom's current spec only).
    pub remove_tsp_credentials: Option<bool>,
    /// The body.
    pub update: U,
}

/// A line of a bulk file for the reference page's surface.
pub type BulkLine = BulkLineOf<UserUpdate>;

/// A line of a bulk file for Zoom's current spec (`zoom_user_update::v2025::BulkLine`).
pub type BulkLine2025 = BulkLineOf<crate::v2025::UserUpdate>;

impl<U: Update> BulkLineOf<U> {
    /// Parses and checks one line (without its line break).
    ///
    /// # Errors
    ///
    /// [`ValidationErrors`] with every violation of the line: JSON syntax, unknown or repeated
    /// keys, a missing or invalid `user_id`, an unknown `login_type`, a `remove_tsp_credentials`
    /// that is not a boolean (or given for the reference page's surface, which has no such
    /// flag), and every violation of the body (its paths prefixed with `/body`).
    pub fn parse(bytes: &[u8], policy: Policy) -> Result<Self, ValidationErrors> {
        let members = match Json::parse(bytes) {
            Ok(Json::Object(members)) => members,
            Ok(other) => return Err(ValidationErrors::here(other.wrong("object"))),
            Err(rule) => return Err(ValidationErrors::here(rule)),
        };
        let mut violations = Vec::new();
        let (mut user_id, mut login_type, mut remove_tsp, mut update) = (None, None, None, None);
        for (key, value) in members {
            let slot_was_set = match &*key {
                "user_id" => user_id.replace(value.into_typed_text::<UserId>()).is_some(),
                "login_type" => login_type.replace(U::read_login_type(value)).is_some(),
                "remove_tsp_credentials" if U::HAS_REMOVE_TSP_CREDENTIALS => {
                    remove_tsp.replace(value.into_bool()).is_some()
                }
                "body" => update.replace(U::read(value, policy)).is_some(),
                _ => {
                    violations.push(Violation::new(pointer(&key), Rule::UnknownField));
                    continue;
                }
            };
            if slot_was_set {
                violations.push(Violation::new(pointer(&key), Rule::DuplicateField));
            }
        }
        let user_id = take(&mut violations, "/user_id", user_id);
        let login_type = optional(&mut violations, "/login_type", login_type);
        let remove_tsp_credentials =
            optional(&mut violations, "/remove_tsp_credentials", remove_tsp);
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
        match (user_id, login_type, remove_tsp_credentials, update) {
            (Some(user_id), Some(login_type), Some(remove_tsp_credentials), Some(update))
                if violations.is_empty() =>
            {
                Ok(Self {
                    user_id,
                    login_type,
                    remove_tsp_credentials,
                    update,
                })
            }
            _ => Err(ValidationErrors::from_vec(violations)
                .unwrap_or_else(|| ValidationErrors::here(Rule::Missing))),
        }
    }

    /// The request this line asks for, made by `client` (for [`Client::update_many`], say).
    pub fn request(&self, client: &Client) -> UpdateUserRequest<U> {
        let mut request = client.update_user(&self.user_id, &self.update);
        if let Some(login_type) = self.login_type {
            request = request.login_type(login_type);
        }
        request.with_remove_tsp_credentials(self.remove_tsp_credentials)
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

/// An optional part of the line: `Some(None)` when absent, `None` when invalid.
fn optional<T>(
    violations: &mut Vec<Violation>,
    path: &str,
    slot: Option<Result<T, Rule>>,
) -> Option<Option<T>> {
    match slot {
        None => Some(None),
        some => take(violations, path, some).map(Some),
    }
}
