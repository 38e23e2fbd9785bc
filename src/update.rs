//! `UserUpdate` and its builder: the validated body of `PATCH /users/{userId}`.

use std::fmt;

use crate::generated::types::error::ConversionError;
use crate::policy::{self, Policy};
use crate::raw::types::{UserCustomAttributes, UserPhoneNumbers, UserUpdateBody};
use crate::{
    CountryId, CustomAttributes, Email, FieldInput, HostKey, PersonName, PhoneNumbers, Pmi, Rule,
    TimeZone, UserType, ValidationErrors, Violation,
};

/// Maximum lengths (characters) of free-text fields, from Zoom's 2021 spec; the spec coverage
/// test compares them with the fragment's `maxLength`.
pub(crate) const JOB_TITLE_MAX: usize = 128;
pub(crate) const COMPANY_MAX: usize = 255;
pub(crate) const LOCATION_MAX: usize = 256;

type Slot<T> = Option<Result<T, Rule>>;

/// A validated user update: every field it holds passed every rule of its [`Policy`], at least
/// one field is set, and only the fields that were set are serialized (PATCH semantics).
///
/// Build one with [`UserUpdate::builder`], or read one from JSON with [`UserUpdate::from_json`].
/// `Serialize` writes the request body; `Deserialize` goes through the same checks as
/// [`UserUpdate::from_value`] with [`Policy::Spec`].
///
/// ```
/// use zoom_user_update::UserUpdate;
///
/// let update = UserUpdate::builder()
///     .first_name("Ada")
///     .pmi(2_345_678_901_i64)
///     .timezone("Europe/London")
///     .build()?;
/// assert_eq!(
///     serde_json::to_string(&update)?,
///     r#"{"first_name":"Ada","pmi":2345678901,"timezone":"Europe/London"}"#
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct UserUpdate {
    body: UserUpdateBody,
    warnings: Vec<Warning>,
}

impl UserUpdate {
    /// A builder with nothing set and [`Policy::Spec`].
    #[must_use]
    pub fn builder() -> UserUpdateBuilder {
        UserUpdateBuilder::default()
    }

    /// The generated body type this update sends (read-only: it stays valid).
    #[must_use]
    pub fn as_raw(&self) -> &UserUpdateBody {
        &self.body
    }

    /// The generated body type, leaving the checked world.
    #[must_use]
    pub fn into_raw(self) -> UserUpdateBody {
        self.body
    }

    /// What the update does that the spec discourages (deprecated fields).
    #[must_use]
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }
}

impl serde::Serialize for UserUpdate {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.body.serialize(serializer)
    }
}

impl<'de> serde::Deserialize<'de> for UserUpdate {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = serde_json::Value::deserialize(deserializer)?;
        Self::from_value(&value, Policy::Spec).map_err(serde::de::Error::custom)
    }
}

/// Checks a body of the generated type with [`Policy::Spec`].
impl TryFrom<UserUpdateBody> for UserUpdate {
    type Error = ValidationErrors;
    fn try_from(body: UserUpdateBody) -> Result<Self, ValidationErrors> {
        UserUpdateBuilder::from_raw(body).build()
    }
}

impl From<UserUpdate> for UserUpdateBody {
    fn from(update: UserUpdate) -> Self {
        update.body
    }
}

/// Something an update does that the spec discourages; it is still sent.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Warning {
    /// A deprecated field.
    Deprecated {
        /// The deprecated field's JSON path.
        path: &'static str,
        /// What the spec says to use instead.
        replacement: &'static str,
    },
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::Deprecated { path, replacement } => {
                write!(
                    f,
                    "{path} is deprecated and will not be supported in the future: use {replacement}"
                )
            }
        }
    }
}

/// Builds a [`UserUpdate`]. Every setter is optional and consuming; a field that is never set is
/// never sent. Setters of validated fields take the validated type or a raw value
/// ([`FieldInput`]); nothing is checked until [`build`](Self::build), which reports every
/// violation at once.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UserUpdateBuilder {
    pub(crate) policy: Policy,
    pub(crate) first_name: Slot<PersonName>,
    pub(crate) last_name: Slot<PersonName>,
    pub(crate) user_type: Slot<UserType>,
    pub(crate) pmi: Slot<Pmi>,
    pub(crate) use_pmi: Slot<bool>,
    pub(crate) timezone: Slot<TimeZone>,
    pub(crate) language: Slot<String>,
    pub(crate) dept: Slot<String>,
    pub(crate) vanity_name: Slot<String>,
    pub(crate) host_key: Slot<HostKey>,
    pub(crate) cms_user_id: Slot<String>,
    pub(crate) job_title: Slot<String>,
    pub(crate) company: Slot<String>,
    pub(crate) location: Slot<String>,
    pub(crate) phone_number: Slot<String>,
    pub(crate) phone_country: Slot<CountryId>,
    pub(crate) phone_numbers: Slot<PhoneNumbers>,
    pub(crate) custom_attributes: Slot<CustomAttributes>,
    pub(crate) manager: Slot<Email>,
    pub(crate) group_id: Slot<String>,
    /// Violations found before the fields (the JSON intake's unknown fields).
    pub(crate) extra: Vec<Violation>,
}

macro_rules! setter {
    ($(#[$doc:meta])* $name:ident: validated $ty:ty) => {
        $(#[$doc])*
        #[must_use]
        pub fn $name(mut self, value: impl FieldInput<$ty>) -> Self {
            self.$name = Some(value.into_field());
            self
        }
    };
    ($(#[$doc:meta])* $name:ident: text) => {
        $(#[$doc])*
        #[must_use]
        pub fn $name(mut self, value: impl Into<String>) -> Self {
            self.$name = Some(Ok(value.into()));
            self
        }
    };
}

impl UserUpdateBuilder {
    /// The rules to check against (default [`Policy::Spec`]).
    #[must_use]
    pub fn policy(mut self, policy: Policy) -> Self {
        self.policy = policy;
        self
    }

    setter!(
        /// `first_name`: at most 64 characters, at most 5 Chinese characters.
        first_name: validated PersonName
    );
    setter!(
        /// `last_name`: at most 64 characters, at most 5 Chinese characters.
        last_name: validated PersonName
    );
    setter!(
        /// `type`: Basic (1), Licensed (2) or On-prem (3); 99 is refused (ssoCreate only).
        user_type: validated UserType
    );
    setter!(
        /// `pmi`: an integer of exactly 10 digits.
        pmi: validated Pmi
    );

    /// `use_pmi`: use the Personal Meeting ID for instant meetings. Sent only when set.
    #[must_use]
    pub fn use_pmi(mut self, value: bool) -> Self {
        self.use_pmi = Some(Ok(value));
        self
    }

    setter!(
        /// `timezone`: an ID of Zoom's timezone list or of the IANA database.
        timezone: validated TimeZone
    );
    setter!(
        /// `language` (free text; [`Policy::Strict`] requires an ID of Zoom's language list).
        language: text
    );
    setter!(
        /// `dept`: department for the user profile, used for reports (free text).
        dept: text
    );
    setter!(
        /// `vanity_name`: personal meeting room name (free text; [`Policy::Strict`] applies the
        /// personal link name rules).
        vanity_name: text
    );
    setter!(
        /// `host_key`: 6 to 10 ASCII digits.
        host_key: validated HostKey
    );
    setter!(
        /// `cms_user_id`: Kaltura user ID (free text).
        cms_user_id: text
    );
    setter!(
        /// `job_title`: at most 128 characters.
        job_title: text
    );
    setter!(
        /// `company`: at most 255 characters.
        company: text
    );
    setter!(
        /// `location`: at most 256 characters.
        location: text
    );

    /// `phone_number` (deprecated by Zoom): must come with [`phone_country`](Self::phone_country).
    #[deprecated(
        note = "Zoom deprecated `phone_number`: use `phone_numbers` with `PhoneNumbers::number`"
    )]
    #[must_use]
    pub fn phone_number(mut self, value: impl Into<String>) -> Self {
        self.phone_number = Some(Ok(value.into()));
        self
    }

    /// `phone_country` (deprecated by Zoom): the country ID of `phone_number`.
    #[deprecated(
        note = "Zoom deprecated `phone_country`: use `phone_numbers` with `PhoneNumbers::country`"
    )]
    #[must_use]
    pub fn phone_country(mut self, value: impl FieldInput<CountryId>) -> Self {
        self.phone_country = Some(value.into_field());
        self
    }

    /// `phone_numbers`: number, calling code and country of the user's phone.
    #[must_use]
    pub fn phone_numbers(mut self, value: PhoneNumbers) -> Self {
        self.phone_numbers = Some(Ok(value));
        self
    }

    /// `custom_attributes`: one custom attribute of the user.
    #[must_use]
    pub fn custom_attributes(mut self, value: CustomAttributes) -> Self {
        self.custom_attributes = Some(Ok(value));
        self
    }

    setter!(
        /// `manager`: the manager's email address.
        manager: validated Email
    );
    setter!(
        /// `group_id`: the group to add a pending user to (free text).
        group_id: text
    );

    /// Checks every field against the builder's [`Policy`] and returns the update, or every
    /// violation at once.
    ///
    /// # Errors
    ///
    /// [`ValidationErrors`] listing each broken rule with the JSON path of its field, in the
    /// fragment's field order: the rules of each field, `phone_number` without `phone_country`,
    /// an update that sets no field.
    pub fn build(self) -> Result<UserUpdate, ValidationErrors> {
        let strict = self.policy == Policy::Strict;
        let mut c = Collector::default();
        let mut body = UserUpdateBody::default();
        let mut any_set = false;
        macro_rules! take {
            ($path:literal, $slot:expr) => {{
                any_set |= $slot.is_some();
                c.take($path, $slot)
            }};
        }

        body.first_name =
            take!("/first_name", self.first_name).and_then(|n| c.raw("/first_name", n.as_str()));
        body.last_name =
            take!("/last_name", self.last_name).and_then(|n| c.raw("/last_name", n.as_str()));
        body.type_ = take!("/type", self.user_type).and_then(|t| c.raw("/type", t.code()));
        body.pmi = take!("/pmi", self.pmi).map(|pmi| {
            if strict {
                c.all("/pmi", pmi.strict_violations());
            }
            pmi.get()
        });
        body.use_pmi = take!("/use_pmi", self.use_pmi);
        body.timezone = take!("/timezone", self.timezone).map(|tz| tz.as_str().to_owned());
        body.language = take!("/language", self.language);
        if let Some(language) = body.language.as_deref().filter(|_| strict)
            && !policy::is_zoom_language(language)
        {
            c.push("/language", Rule::UnknownLanguage);
        }
        body.dept = take!("/dept", self.dept);
        body.vanity_name = take!("/vanity_name", self.vanity_name);
        if let Some(name) = body.vanity_name.as_deref().filter(|_| strict) {
            c.all("/vanity_name", policy::vanity_name_violations(name));
        }
        body.host_key = take!("/host_key", self.host_key).and_then(|key| {
            if strict && key.is_trivial() {
                c.push("/host_key", Rule::HostKeyTrivial);
            }
            c.raw("/host_key", key.as_str())
        });
        body.cms_user_id = take!("/cms_user_id", self.cms_user_id);
        body.job_title = take!("/job_title", self.job_title)
            .and_then(|s| c.max_chars("/job_title", s, JOB_TITLE_MAX))
            .and_then(|s| c.raw("/job_title", s));
        body.company = take!("/company", self.company)
            .and_then(|s| c.max_chars("/company", s, COMPANY_MAX))
            .and_then(|s| c.raw("/company", s));
        body.location = take!("/location", self.location)
            .and_then(|s| c.max_chars("/location", s, LOCATION_MAX))
            .and_then(|s| c.raw("/location", s));

        let mut warnings = Vec::new();
        let phone_number_set = self.phone_number.is_some();
        let phone_country_set = self.phone_country.is_some();
        body.phone_number = take!("/phone_number", self.phone_number);
        if phone_number_set {
            warnings.push(Warning::Deprecated {
                path: "/phone_number",
                replacement: "/phone_numbers/number",
            });
            if !phone_country_set {
                c.push(
                    "/phone_number",
                    Rule::Requires {
                        other: "/phone_country",
                    },
                );
            }
        }
        body.phone_country =
            take!("/phone_country", self.phone_country).map(|id| id.as_str().to_owned());
        if phone_country_set {
            warnings.push(Warning::Deprecated {
                path: "/phone_country",
                replacement: "/phone_numbers/country",
            });
        }
        body.phone_numbers =
            take!("/phone_numbers", self.phone_numbers).map(|p| UserPhoneNumbers {
                number: c.take("/phone_numbers/number", p.number),
                code: c
                    .take("/phone_numbers/code", p.code)
                    .map(|code| code.as_str().to_owned()),
                country: c
                    .take("/phone_numbers/country", p.country)
                    .map(|id| id.as_str().to_owned()),
            });
        body.custom_attributes =
            take!("/custom_attributes", self.custom_attributes).map(|a| UserCustomAttributes {
                key: c.take("/custom_attributes/key", a.key),
                name: c.take("/custom_attributes/name", a.name),
                value: c.take("/custom_attributes/value", a.value),
            });
        body.manager = take!("/manager", self.manager).map(|m| m.as_str().to_owned());
        body.group_id = take!("/group_id", self.group_id);

        if !any_set && self.extra.is_empty() {
            c.push("", Rule::NoFields);
        }
        c.violations.extend(self.extra);
        match ValidationErrors::from_vec(c.violations) {
            Some(errors) => Err(errors),
            None => Ok(UserUpdate { body, warnings }),
        }
    }

    /// A builder holding every field of a generated body, as raw input.
    #[allow(deprecated)]
    pub(crate) fn from_raw(body: UserUpdateBody) -> Self {
        let text = |s: String| Some(Ok(s));
        Self {
            policy: Policy::Spec,
            first_name: body.first_name.map(|n| PersonName::parse(&n)),
            last_name: body.last_name.map(|n| PersonName::parse(&n)),
            user_type: body.type_.map(|t| UserType::try_from(*t)),
            pmi: body.pmi.map(Pmi::new),
            use_pmi: body.use_pmi.map(Ok),
            timezone: body.timezone.map(|s| TimeZone::parse(&s)),
            language: body.language.and_then(text),
            dept: body.dept.and_then(text),
            vanity_name: body.vanity_name.and_then(text),
            host_key: body.host_key.map(|k| HostKey::parse(&k)),
            cms_user_id: body.cms_user_id.and_then(text),
            job_title: body.job_title.map(String::from).and_then(text),
            company: body.company.map(String::from).and_then(text),
            location: body.location.map(String::from).and_then(text),
            phone_number: body.phone_number.and_then(text),
            phone_country: body.phone_country.map(|s| CountryId::parse(&s)),
            phone_numbers: body.phone_numbers.map(|p| {
                Ok(PhoneNumbers {
                    number: p.number.and_then(text),
                    code: p.code.map(|s| s.as_str().into_field()),
                    country: p.country.map(|s| CountryId::parse(&s)),
                })
            }),
            custom_attributes: body.custom_attributes.map(|a| {
                Ok(CustomAttributes {
                    key: a.key.and_then(text),
                    name: a.name.and_then(text),
                    value: a.value.and_then(text),
                })
            }),
            manager: body.manager.map(|m| Email::parse(&m)),
            group_id: body.group_id.and_then(text),
            extra: Vec::new(),
        }
    }
}

/// Gathers violations while `build` walks the fields.
#[derive(Default)]
struct Collector {
    violations: Vec<Violation>,
}

impl Collector {
    fn push(&mut self, path: &str, rule: Rule) {
        self.violations.push(Violation::new(path, rule));
    }

    fn all(&mut self, path: &str, rules: Vec<Rule>) {
        for rule in rules {
            self.push(path, rule);
        }
    }

    fn take<T>(&mut self, path: &str, slot: Slot<T>) -> Option<T> {
        match slot? {
            Ok(value) => Some(value),
            Err(rule) => {
                self.push(path, rule);
                None
            }
        }
    }

    fn max_chars(&mut self, path: &str, s: String, max: usize) -> Option<String> {
        let actual = s.chars().count();
        if actual > max {
            self.push(path, Rule::TooLong { max, actual });
            None
        } else {
            Some(s)
        }
    }

    /// Converts into a constrained generated type; its check is a safety net behind ours.
    fn raw<V, R>(&mut self, path: &str, value: V) -> Option<R>
    where
        R: TryFrom<V, Error = ConversionError>,
    {
        R::try_from(value)
            .map_err(|e| {
                self.push(
                    path,
                    Rule::Schema {
                        detail: e.to_string(),
                    },
                )
            })
            .ok()
    }
}
