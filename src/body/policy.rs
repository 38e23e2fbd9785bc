//! `Policy`: which rules an update is checked against.

use crate::body::field::StrictRule;
use crate::types::{HostKey, Pmi, Rule, Text, UnknownName};

/// Which rules a body's `build()` and the JSON intake enforce.
///
/// | rule | `Spec` | `Strict` | source |
/// | --- | --- | --- | --- |
/// | every rule of the API spec (PMI 10 digits, host key 6–10 digits, names, timezone list, country IDs, calling code, email, enums, lengths, `phone_number` needs `phone_country`, no unknown fields) | ✓ | ✓ | the edition's sources (Zoom's reference page, its spec files, its SDK) |
/// | PMI: first digit 2–9; no toll-free prefix (800, 400, 888, 887, 877, 866, 855, 850, 803, 804, 807, 808, 809, 660, 508, 900, 200, 300, 500, 600, 700); no digit 5 times in a row; no three-digit group three times in a row; no 9 sequential digits; not three groups of three equal digits | | ✓ | Zoom support: "Using Personal Meeting ID (PMI)" |
/// | personal link name (`vanity_name`): 5–40 characters, starts with a letter, only letters, digits and periods | | ✓ | Zoom support: "Customizing your personal link" |
/// | host key: not one repeated digit, not a sequential run (`111111`, `123456`) | | ✓ | Zoom support: "Using your host key" |
/// | `language`: an ID of Zoom's language list | | ✓ | Zoom's abbreviation lists |
///
/// Zoom's server may refuse what `Strict` refuses; `Spec` sends it and lets Zoom decide.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Policy {
    /// The rules of the API spec (the default).
    #[default]
    Spec,
    /// The spec's rules plus those of Zoom's support pages.
    Strict,
}

/// Zoom's language list: `(id, name)`.
pub(crate) const ZOOM_LANGUAGES: [(&str, &str); 18] = [
    ("en-GB", "English (UK)"),
    ("en-US", "English (US)"),
    ("ar", "Arabic"),
    ("da-DK", "Danish (Denmark)"),
    ("de-DE", "German (Germany)"),
    ("es-ES", "Spanish (Spain)"),
    ("es-MX", "Spanish (Mexico)"),
    ("fr-CA", "French (Canada)"),
    ("fr-FR", "French (France)"),
    ("it-IT", "Italian (Italy)"),
    ("ja", "Japanese"),
    ("ko-KR", "Korean (Korea)"),
    ("nl-NL", "Dutch (Netherlands)"),
    ("pt-BR", "Portuguese (Brazil)"),
    ("pt-PT", "Portuguese (Portugal)"),
    ("ru", "Russian"),
    ("zh-CN", "Chinese (PRC)"),
    ("zh-HK", "Chinese (Hong Kong)"),
];

/// The personal link name's length limits under `Strict`.
const VANITY_MIN: usize = 5;
const VANITY_MAX: usize = 40;

/// `Strict`'s rules for a PMI.
pub(crate) const PMI: StrictRule<Pmi> = StrictRule {
    rule: "first digit 2-9, no toll-free prefix, no digit 5 times in a row, no repeated three-digit group, no 9 sequential digits, not three groups of three equal digits",
    check: |pmi| pmi.strict_violations(),
};

/// `Strict`'s rule for a host key.
pub(crate) const HOST_KEY: StrictRule<HostKey> = StrictRule {
    rule: "not one repeated digit or a sequential run",
    check: |key| {
        if key.is_trivial() {
            vec![Rule::HostKeyTrivial]
        } else {
            Vec::new()
        }
    },
};

/// `Strict`'s rules for a personal link name (`vanity_name`).
pub(crate) const VANITY_NAME: StrictRule<Text> = StrictRule {
    rule: "personal link name: 5-40 characters, starts with a letter, letters, digits and periods only",
    check: |name| vanity_name_violations(name.as_str()),
};

fn vanity_name_violations(name: &str) -> Vec<Rule> {
    let mut rules = Vec::new();
    let len = name.chars().count();
    if len < VANITY_MIN {
        rules.push(Rule::TooShort {
            min: VANITY_MIN,
            actual: len,
        });
    }
    if len > VANITY_MAX {
        rules.push(Rule::TooLong {
            max: VANITY_MAX,
            actual: len,
        });
    }
    let starts_with_letter = name.bytes().next().is_some_and(|b| b.is_ascii_alphabetic());
    if !starts_with_letter || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.') {
        rules.push(Rule::VanityNameCharacters);
    }
    rules
}

/// `Strict`'s rule for a language ID.
pub(crate) const LANGUAGE: StrictRule<Text> = StrictRule {
    rule: "an ID of Zoom's language list",
    check: |language| {
        if ZOOM_LANGUAGES.iter().any(|(id, _)| language == id) {
            Vec::new()
        } else {
            vec![Rule::UnknownLanguage]
        }
    },
};

impl Policy {
    /// The lowercase name of the policy (`spec`, `strict`).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Policy::Spec => "spec",
            Policy::Strict => "strict",
        }
    }
}

/// Parses `spec` or `strict` (any case, surrounding whitespace ignored); `Deserialize` reads
/// the same names, so a policy can come from a configuration file.
///
/// ```
/// use zoom_user_update::Policy;
///
/// assert_eq!("strict".parse::<Policy>()?, Policy::Strict);
/// assert_eq!(" Spec ".parse::<Policy>()?, Policy::Spec);
/// assert_eq!(Policy::Spec.to_string(), "spec");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl std::str::FromStr for Policy {
    type Err = UnknownName;
    fn from_str(s: &str) -> Result<Self, UnknownName> {
        let name = s.trim();
        [Policy::Spec, Policy::Strict]
            .into_iter()
            .find(|p| p.name().eq_ignore_ascii_case(name))
            .ok_or_else(|| UnknownName::new("policy", s, "spec, strict"))
    }
}

crate::types::by_name!(Policy);

impl std::fmt::Display for Policy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}
