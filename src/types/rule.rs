//! `Rule`: the rule a value broke, what every parser of this crate returns on bad input.

use std::fmt;

/// The rule a value broke: what every parser of this crate returns on bad input.
///
/// [`Rule::code`] is a stable snake_case name for programs; `Display` is the message for people
/// (lowercase, no trailing period). Rules that come from Zoom's support pages rather than the API
/// spec are only checked under [`Policy::Strict`](crate::Policy::Strict).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Rule {
    // --- shape of the input --------------------------------------------------------------
    /// The input is not JSON text.
    InvalidJson {
        /// What the JSON parser said.
        detail: String,
    },
    /// The JSON value has the wrong type (for example a string where the spec says integer).
    WrongType {
        /// The JSON type the spec gives this field.
        expected: &'static str,
        /// The JSON type that was found.
        found: &'static str,
    },
    /// A field given more than once in one JSON object (the last one would silently win).
    DuplicateField,
    /// A field the spec does not define. Zoom ignores such fields and still answers 204, so
    /// sending one would hide a typo.
    UnknownField,
    /// A required field is missing.
    Missing,
    /// An update that sets no field at all.
    NoFields,
    /// Query parameters of one edition with a body of another (an
    /// [`AnyUpdate`](crate::AnyUpdate) with an [`AnyQuery`](crate::AnyQuery)).
    EditionMismatch {
        /// The body's edition.
        body: &'static str,
        /// The query's edition.
        query: &'static str,
    },
    /// A field that may only be sent together with another one.
    Requires {
        /// The JSON path of the field that must be present too.
        other: &'static str,
    },

    // --- lengths and characters ----------------------------------------------------------
    /// The value is empty.
    Empty,
    /// More items in an array than the spec allows (`maxItems`).
    TooManyItems {
        /// The maximum the spec allows.
        max: usize,
        /// How many the array has.
        actual: usize,
    },
    /// More characters (Unicode scalar values) than the spec allows.
    TooLong {
        /// The maximum the spec allows.
        max: usize,
        /// The length of the value.
        actual: usize,
    },
    /// Fewer characters than the rule requires.
    TooShort {
        /// The minimum the rule requires.
        min: usize,
        /// The length of the value.
        actual: usize,
    },
    /// More Chinese (Han script) characters than the spec allows in a name.
    TooManyChineseCharacters {
        /// The maximum the spec allows (5).
        max: usize,
        /// How many the value has.
        actual: usize,
    },
    /// The value contains whitespace or a control character where none is allowed.
    ForbiddenCharacter {
        /// The first offending character.
        found: char,
    },
    /// A `.` or `..` user ID, which a URL would read as a path step instead of an ID.
    DotSegment,

    // --- numbers -------------------------------------------------------------------------
    /// The Personal Meeting ID is not an integer of exactly 10 digits.
    PmiNotTenDigits,
    /// The host key is not 6–10 ASCII digits.
    HostKeyNotDigits,

    // --- enumerations and lists ----------------------------------------------------------
    /// Not one of the values the spec lists for the field (`login_type`, user `type`, …).
    UnknownValue {
        /// The allowed values, as the spec writes them.
        allowed: &'static [&'static str],
    },
    /// User type 99 (None) can only be set with `ssoCreate`, never by this update.
    UserTypeSsoCreateOnly,
    /// Not an ID of Zoom's timezone list nor an IANA time zone ID (exact spelling).
    UnknownTimeZone,
    /// Not an ISO 3166-1 alpha-2 country code (two upper-case letters of an assigned code).
    UnknownCountry,
    /// Not a calling code: `+` and 1–3 digits, the first not 0.
    InvalidCallingCode,
    /// Not a syntactically valid email address.
    InvalidEmail,
    /// A hyperlink where the spec allows none (`about_me`).
    Hyperlink,
    /// HTML where the spec allows none (`about_me`).
    Html,
    /// Not an http(s) URL on linkedin.com (`linkedin_url`).
    NotLinkedinUrl,

    // --- Policy::Strict: rules from Zoom's support pages ---------------------------------
    /// Strict: a PMI must start with a digit from 2 to 9.
    PmiFirstDigit,
    /// Strict: a PMI must not start with a toll-free or premium prefix.
    PmiTollFreePrefix {
        /// The prefix it starts with.
        prefix: &'static str,
    },
    /// Strict: a PMI must not repeat one digit 5 or more times in a row.
    PmiRepeatedDigit,
    /// Strict: a PMI must not repeat one three-digit group three times in a row (`247247247x`).
    PmiRepeatedGroup,
    /// Strict: a PMI must not contain a sequential run of 9 digits (`123456789x`).
    PmiSequential,
    /// Strict: a PMI must not be made of three groups of three equal digits (`222444777x`).
    PmiTripleGroups,
    /// Strict: a host key must not be trivial (one repeated digit, or a sequential run).
    HostKeyTrivial,
    /// Strict: a personal link name must start with a letter and hold only letters, digits
    /// and periods.
    VanityNameCharacters,
    /// Strict: not a language ID of Zoom's language list.
    UnknownLanguage,

    // --- the generated layer -------------------------------------------------------------
    /// The generated layer refused a value this layer accepted (a spec change that the
    /// handwritten rules have not caught up with).
    Schema {
        /// What the generated conversion said.
        detail: String,
    },
}

impl Rule {
    /// A stable snake_case name of the rule, for programs and JSON output.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Rule::InvalidJson { .. } => "invalid_json",
            Rule::WrongType { .. } => "wrong_type",
            Rule::DuplicateField => "duplicate_field",
            Rule::UnknownField => "unknown_field",
            Rule::Missing => "missing",
            Rule::NoFields => "no_fields",
            Rule::EditionMismatch { .. } => "edition_mismatch",
            Rule::Requires { .. } => "requires",
            Rule::Empty => "empty",
            Rule::TooManyItems { .. } => "too_many_items",
            Rule::TooLong { .. } => "too_long",
            Rule::TooShort { .. } => "too_short",
            Rule::TooManyChineseCharacters { .. } => "too_many_chinese_characters",
            Rule::ForbiddenCharacter { .. } => "forbidden_character",
            Rule::DotSegment => "dot_segment",
            Rule::PmiNotTenDigits => "pmi_not_ten_digits",
            Rule::HostKeyNotDigits => "host_key_not_digits",
            Rule::UnknownValue { .. } => "unknown_value",
            Rule::UserTypeSsoCreateOnly => "user_type_sso_create_only",
            Rule::UnknownTimeZone => "unknown_time_zone",
            Rule::UnknownCountry => "unknown_country",
            Rule::InvalidCallingCode => "invalid_calling_code",
            Rule::InvalidEmail => "invalid_email",
            Rule::Hyperlink => "hyperlink",
            Rule::Html => "html",
            Rule::NotLinkedinUrl => "not_linkedin_url",
            Rule::PmiFirstDigit => "pmi_first_digit",
            Rule::PmiTollFreePrefix { .. } => "pmi_toll_free_prefix",
            Rule::PmiRepeatedDigit => "pmi_repeated_digit",
            Rule::PmiRepeatedGroup => "pmi_repeated_group",
            Rule::PmiSequential => "pmi_sequential",
            Rule::PmiTripleGroups => "pmi_triple_groups",
            Rule::HostKeyTrivial => "host_key_trivial",
            Rule::VanityNameCharacters => "vanity_name_characters",
            Rule::UnknownLanguage => "unknown_language",
            Rule::Schema { .. } => "schema",
        }
    }

    /// Whether the rule is one of [`Policy::Strict`](crate::Policy::Strict)'s additions.
    #[must_use]
    pub fn is_strict_only(&self) -> bool {
        matches!(
            self,
            Rule::PmiFirstDigit
                | Rule::PmiTollFreePrefix { .. }
                | Rule::PmiRepeatedDigit
                | Rule::PmiRepeatedGroup
                | Rule::PmiSequential
                | Rule::PmiTripleGroups
                | Rule::HostKeyTrivial
                | Rule::VanityNameCharacters
                | Rule::UnknownLanguage
        )
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rule::InvalidJson { detail } => write!(f, "not valid json: {detail}"),
            Rule::WrongType { expected, found } => write!(f, "expected {expected}, found {found}"),
            Rule::DuplicateField => f.write_str("the field is given more than once"),
            Rule::UnknownField => f.write_str("unknown field: the spec does not define it"),
            Rule::Missing => f.write_str("required, but missing"),
            Rule::NoFields => f.write_str("the update sets no field"),
            Rule::EditionMismatch { body, query } => write!(
                f,
                "the query parameters are of edition {query}, the body of edition {body}"
            ),
            Rule::Requires { other } => write!(f, "must be sent together with {other}"),
            Rule::Empty => f.write_str("must not be empty"),
            Rule::TooManyItems { max, actual } => {
                write!(f, "at most {max} items allowed, found {actual}")
            }
            Rule::TooLong { max, actual } => {
                write!(f, "at most {max} characters allowed, found {actual}")
            }
            Rule::TooShort { min, actual } => {
                write!(f, "at least {min} characters required, found {actual}")
            }
            Rule::TooManyChineseCharacters { max, actual } => {
                write!(f, "at most {max} chinese characters allowed, found {actual}")
            }
            Rule::ForbiddenCharacter { found } => {
                write!(f, "whitespace and control characters are not allowed, found {found:?}")
            }
            Rule::DotSegment => f.write_str("`.` and `..` are not user ids"),
            Rule::PmiNotTenDigits => {
                f.write_str("personal meeting id must be an integer of exactly 10 digits")
            }
            Rule::HostKeyNotDigits => f.write_str("host key must be a number of 6 to 10 ascii digits"),
            Rule::UnknownValue { allowed } => write!(f, "must be one of {}", allowed.join(", ")),
            Rule::UserTypeSsoCreateOnly => {
                f.write_str("user type 99 (none) can only be set with ssoCreate, not by an update")
            }
            Rule::UnknownTimeZone => {
                f.write_str("not a time zone id of zoom's timezone list or the iana database")
            }
            Rule::UnknownCountry => {
                f.write_str("not an iso 3166-1 alpha-2 country code (two upper-case letters)")
            }
            Rule::InvalidCallingCode => {
                f.write_str("calling code must be `+` and 1 to 3 digits, the first not 0")
            }
            Rule::InvalidEmail => f.write_str("not a valid email address"),
            Rule::Hyperlink => f.write_str("hyperlinks are not allowed"),
            Rule::Html => f.write_str("html is not allowed"),
            Rule::NotLinkedinUrl => f.write_str("not an http(s) url on linkedin.com"),
            Rule::PmiFirstDigit => f.write_str("personal meeting id must start with a digit from 2 to 9"),
            Rule::PmiTollFreePrefix { prefix } => {
                write!(f, "personal meeting id must not start with the toll-free prefix {prefix}")
            }
            Rule::PmiRepeatedDigit => {
                f.write_str("personal meeting id must not repeat a digit 5 or more times in a row")
            }
            Rule::PmiRepeatedGroup => f.write_str(
                "personal meeting id must not repeat a three-digit group three times in a row",
            ),
            Rule::PmiSequential => {
                f.write_str("personal meeting id must not contain 9 sequential digits")
            }
            Rule::PmiTripleGroups => f.write_str(
                "personal meeting id must not consist of three groups of three equal digits",
            ),
            Rule::HostKeyTrivial => {
                f.write_str("host key must not be one repeated digit or a sequential run")
            }
            Rule::VanityNameCharacters => f.write_str(
                "personal link name must start with a letter and hold only letters, digits and periods",
            ),
            Rule::UnknownLanguage => f.write_str("not a language id of zoom's language list"),
            Rule::Schema { detail } => write!(f, "refused by the generated schema check: {detail}"),
        }
    }
}

impl std::error::Error for Rule {}
