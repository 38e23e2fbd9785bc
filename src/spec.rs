//! What the validation layer decided for every request property of the fragment: the rule it
//! enforces (or that the field is free text), and where the rule comes from.
//!
//! A test walks `openapi/user-update.json` and fails, naming the property, when the fragment has
//! a property this table does not decide, or a `maxLength` that differs from the one enforced.

use crate::name::PersonName;
use crate::update::{COMPANY_MAX, JOB_TITLE_MAX, LOCATION_MAX};

/// The decision for one request property.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldRule {
    /// The JSON path in the body (`/phone_numbers/code`), or `?login_type` for the query
    /// parameter and `{userId}` for the path parameter.
    pub path: &'static str,
    /// The JSON type the spec gives it.
    pub json_type: &'static str,
    /// The rule enforced under [`Policy::Spec`](crate::Policy::Spec), or `"free text"`.
    pub rule: &'static str,
    /// The extra rule of [`Policy::Strict`](crate::Policy::Strict), if any.
    pub strict: Option<&'static str>,
    /// The maximum length in characters that is enforced, if any.
    pub max_chars: Option<usize>,
    /// Where the rule comes from.
    pub source: &'static str,
}

const SEED: &str = "Zoom reference page (seed)";
const SPEC_2021: &str = "Zoom Swagger 2.0 spec, 2021";
const FREE: &str = "free text";

const fn field(
    path: &'static str,
    json_type: &'static str,
    rule: &'static str,
    source: &'static str,
) -> FieldRule {
    FieldRule {
        path,
        json_type,
        rule,
        strict: None,
        max_chars: None,
        source,
    }
}

/// Every request property of the fragment and its decision, in the fragment's order.
pub const FIELD_RULES: &[FieldRule] = &[
    field(
        "{userId}",
        "string",
        "`me`, an email address or a user ID; not empty, no whitespace or control characters, not `.` or `..`",
        SEED,
    ),
    field(
        "?login_type",
        "string",
        "one of \"0\", \"1\", \"99\", \"100\", \"101\"",
        SEED,
    ),
    FieldRule {
        max_chars: Some(PersonName::MAX_CHARS),
        ..field(
            "/first_name",
            "string",
            "at most 64 characters, at most 5 Chinese (Han) characters",
            "seed (Chinese characters), 2021 spec (64)",
        )
    },
    FieldRule {
        max_chars: Some(PersonName::MAX_CHARS),
        ..field(
            "/last_name",
            "string",
            "at most 64 characters, at most 5 Chinese (Han) characters",
            "seed (Chinese characters), 2021 spec (64)",
        )
    },
    field(
        "/type",
        "integer",
        "1, 2 or 3; 99 only with ssoCreate, so refused",
        SEED,
    ),
    FieldRule {
        strict: Some(
            "first digit 2-9, no toll-free prefix, no digit 5 times in a row, no repeated three-digit group, no 9 sequential digits, not three groups of three equal digits",
        ),
        ..field("/pmi", "integer", "exactly 10 digits", SEED)
    },
    field("/use_pmi", "boolean", "a boolean, sent only when set", SEED),
    field(
        "/timezone",
        "string",
        "an ID of Zoom's timezone list or of the IANA database (exact spelling)",
        SEED,
    ),
    FieldRule {
        strict: Some("an ID of Zoom's language list"),
        ..field("/language", "string", FREE, SEED)
    },
    field("/dept", "string", FREE, SEED),
    FieldRule {
        strict: Some(
            "personal link name: 5-40 characters, starts with a letter, letters, digits and periods only",
        ),
        ..field("/vanity_name", "string", FREE, SEED)
    },
    FieldRule {
        max_chars: Some(10),
        strict: Some("not one repeated digit or a sequential run"),
        ..field("/host_key", "string", "6 to 10 ASCII digits", SEED)
    },
    field("/cms_user_id", "string", FREE, SEED),
    FieldRule {
        max_chars: Some(JOB_TITLE_MAX),
        ..field("/job_title", "string", "at most 128 characters", SPEC_2021)
    },
    FieldRule {
        max_chars: Some(COMPANY_MAX),
        ..field("/company", "string", "at most 255 characters", SPEC_2021)
    },
    FieldRule {
        max_chars: Some(LOCATION_MAX),
        ..field("/location", "string", "at most 256 characters", SPEC_2021)
    },
    field(
        "/phone_number",
        "string",
        "free text; requires /phone_country; deprecated (warning)",
        SEED,
    ),
    field(
        "/phone_country",
        "string",
        "ISO 3166-1 alpha-2 country code; deprecated (warning)",
        SEED,
    ),
    field(
        "/phone_numbers",
        "object",
        "an object with only the fields below",
        SEED,
    ),
    field("/phone_numbers/number", "string", FREE, SEED),
    field(
        "/phone_numbers/code",
        "string",
        "`+` and 1-3 digits, the first not 0",
        SEED,
    ),
    field(
        "/phone_numbers/country",
        "string",
        "ISO 3166-1 alpha-2 country code",
        SEED,
    ),
    field(
        "/custom_attributes",
        "object",
        "an object with only the fields below",
        SEED,
    ),
    field("/custom_attributes/key", "string", FREE, SEED),
    field("/custom_attributes/name", "string", FREE, SEED),
    field("/custom_attributes/value", "string", FREE, SEED),
    field(
        "/manager",
        "string",
        "a syntactically valid email address",
        SPEC_2021,
    ),
    field("/group_id", "string", FREE, SEED),
];
