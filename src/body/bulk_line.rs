//! `BulkLineOf`: one line of the bulk JSON Lines format, `{"user_id": …, "body": {…}}` and the
//! edition's query parameters beside them (`"login_type"?: …`, and in Zoom's current edition
//! `"remove_tsp_credentials"?: …`), as the tool's `bulk` command reads it.

use crate::body::json::{Json, pointer};
use crate::body::policy::Policy;
use crate::body::update::Read;
use crate::body::violation::{ValidationErrors, Violation};
use crate::types::{Rule, UserId};

/// One update of a bulk file: whom, with which query parameters, and the validated body, for
/// the edition of `U` (each edition module names its own: [`v2021::BulkLine`](crate::v2021::BulkLine),
/// [`v2025::BulkLine`](crate::v2025::BulkLine) and the crate root's [`BulkLine`](crate::BulkLine)).
/// [`Client::update_line`](crate::Client::update_line) makes its request.
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
pub struct BulkLineOf<U: crate::body::update::Update> {
    /// The user to update.
    pub user_id: UserId,
    /// The query parameters the line gives (none set when it gives none).
    pub query: U::Query,
    /// The body.
    pub update: U,
}

impl<U: Read> BulkLineOf<U> {
    /// Parses and checks one line (without its line break).
    ///
    /// # Errors
    ///
    /// [`ValidationErrors`] with every violation of the line: JSON syntax, unknown or repeated
    /// keys, a missing or invalid `user_id`, an invalid query parameter (its spec value or, for
    /// `login_type`, its name), and every violation of the body (its paths prefixed with
    /// `/body`).
    pub fn parse(bytes: &[u8], policy: Policy) -> Result<Self, ValidationErrors> {
        let members = match Json::parse(bytes) {
            Ok(Json::Object(members)) => members,
            Ok(other) => {
                return Err(ValidationErrors::here(
                    other.wrong(crate::types::JsonType::Object),
                ));
            }
            Err(rule) => return Err(ValidationErrors::here(rule)),
        };
        let mut duplicates = Vec::new();
        let (mut user_id, mut update, mut parameters) = (None, None, Vec::new());
        for (key, value) in members {
            let was_set = match &*key {
                "user_id" => user_id.replace(value.into_typed_text::<UserId>()).is_some(),
                "body" => update.replace(U::read_body(value, policy)).is_some(),
                _ => {
                    parameters.push((key, value));
                    continue;
                }
            };
            if was_set {
                duplicates.push(Violation::new(pointer(&key), Rule::DuplicateField));
            }
        }
        // The other members are the query parameters (unknown ones are refused there).
        let mut violations = duplicates;
        let query = U::read_query(Json::Object(parameters))
            .map_err(|errors| violations.extend(errors))
            .ok();
        let user_id = match user_id {
            Some(Ok(user_id)) => Some(user_id),
            Some(Err(rule)) => {
                violations.push(Violation::new("/user_id", rule));
                None
            }
            None => {
                violations.push(Violation::new("/user_id", Rule::Missing));
                None
            }
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
        match (user_id, query, update) {
            (Some(user_id), Some(query), Some(update)) if violations.is_empty() => Ok(Self {
                user_id,
                query,
                update,
            }),
            // Each part that is missing pushed its violation (the fallback is never reached).
            _ => Err(ValidationErrors::from_vec(violations)
                .unwrap_or_else(|| ValidationErrors::here(Rule::Missing))),
        }
    }
}
