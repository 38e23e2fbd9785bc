//! `UserUpdate` and its builder: the validated body of `PATCH /users/{userId}`.

use std::fmt;

use crate::generated::types::error::ConversionError;
use crate::policy::{self, Policy};
use crate::raw::types::{UserCustomAttributes, UserPhoneNumbers, UserUpdateBody};
use crate::{
    CallingCode, CountryId, CustomAttributes, Email, FieldInput, HostKey, PersonName, PhoneNumbers,
    Pmi, Rule, TimeZone, UserType, ValidationErrors, Violation,
};

/// Maximum lengths (characters) of free-text fields, from Zoom's 2021 spec; the spec coverage
/// test compares them with the fragment's `maxLength`.
pub(crate) const JOB_TITLE_MAX: usize = 128;
pub(crate) const COMPANY_MAX: usize = 255;
pub(crate) const LOCATION_MAX: usize = 256;

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
    body: Box<UserUpdateBody>,
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
        *self.body
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

/// Checks a body of the generated type with [`Policy::Spec`].
impl TryFrom<UserUpdateBody> for UserUpdate {
    type Error = ValidationErrors;
    fn try_from(body: UserUpdateBody) -> Result<Self, ValidationErrors> {
        UserUpdateBuilder::from_raw(body).build()
    }
}

impl From<UserUpdate> for UserUpdateBody {
    fn from(update: UserUpdate) -> Self {
        *update.body
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

/// The body fields of the spec, in the fragment's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Field {
    FirstName,
    LastName,
    Type,
    Pmi,
    UsePmi,
    Timezone,
    Language,
    Dept,
    VanityName,
    HostKey,
    CmsUserId,
    JobTitle,
    Company,
    Location,
    PhoneNumber,
    PhoneCountry,
    PhoneNumbers,
    CustomAttributes,
    Manager,
    GroupId,
}

impl Field {
    pub(crate) const ALL: [Field; 20] = [
        Field::FirstName,
        Field::LastName,
        Field::Type,
        Field::Pmi,
        Field::UsePmi,
        Field::Timezone,
        Field::Language,
        Field::Dept,
        Field::VanityName,
        Field::HostKey,
        Field::CmsUserId,
        Field::JobTitle,
        Field::Company,
        Field::Location,
        Field::PhoneNumber,
        Field::PhoneCountry,
        Field::PhoneNumbers,
        Field::CustomAttributes,
        Field::Manager,
        Field::GroupId,
    ];

    /// The JSON path of the field (`/first_name`).
    pub(crate) fn path(self) -> &'static str {
        match self {
            Field::FirstName => "/first_name",
            Field::LastName => "/last_name",
            Field::Type => "/type",
            Field::Pmi => "/pmi",
            Field::UsePmi => "/use_pmi",
            Field::Timezone => "/timezone",
            Field::Language => "/language",
            Field::Dept => "/dept",
            Field::VanityName => "/vanity_name",
            Field::HostKey => "/host_key",
            Field::CmsUserId => "/cms_user_id",
            Field::JobTitle => "/job_title",
            Field::Company => "/company",
            Field::Location => "/location",
            Field::PhoneNumber => "/phone_number",
            Field::PhoneCountry => "/phone_country",
            Field::PhoneNumbers => "/phone_numbers",
            Field::CustomAttributes => "/custom_attributes",
            Field::Manager => "/manager",
            Field::GroupId => "/group_id",
        }
    }

    /// The field named `name` in JSON (a `match`, which compiles to a length switch).
    pub(crate) fn from_name(name: &str) -> Option<Field> {
        Some(match name {
            "first_name" => Field::FirstName,
            "last_name" => Field::LastName,
            "type" => Field::Type,
            "pmi" => Field::Pmi,
            "use_pmi" => Field::UsePmi,
            "timezone" => Field::Timezone,
            "language" => Field::Language,
            "dept" => Field::Dept,
            "vanity_name" => Field::VanityName,
            "host_key" => Field::HostKey,
            "cms_user_id" => Field::CmsUserId,
            "job_title" => Field::JobTitle,
            "company" => Field::Company,
            "location" => Field::Location,
            "phone_number" => Field::PhoneNumber,
            "phone_country" => Field::PhoneCountry,
            "phone_numbers" => Field::PhoneNumbers,
            "custom_attributes" => Field::CustomAttributes,
            "manager" => Field::Manager,
            "group_id" => Field::GroupId,
            _ => return None,
        })
    }

    fn bit(self) -> u32 {
        1 << self as u32
    }

    /// Where a violation at `path` sorts: its field's place in the fragment, unknown fields last.
    fn rank(path: &str) -> usize {
        let first = path.split('/').nth(1).unwrap_or("");
        Field::ALL
            .iter()
            .position(|f| &f.path()[1..] == first)
            .unwrap_or(Field::ALL.len())
    }
}

/// Builds a [`UserUpdate`]. Every setter is optional and consuming; a field that is never set is
/// never sent. Setters of validated fields take the validated type or a raw value
/// ([`FieldInput`]); a raw value that breaks a rule is recorded and reported by
/// [`build`](Self::build), with every other violation. Setting a field again replaces the
/// earlier value (and forgets its violation).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UserUpdateBuilder {
    policy: Policy,
    /// The values that passed their field's rule, already in the generated body type (boxed,
    /// so the consuming setters move a small builder).
    body: Box<UserUpdateBody>,
    /// The nested objects, checked by `build` (boxed: most updates have none).
    phone_numbers: Option<Box<PhoneNumbers>>,
    custom_attributes: Option<Box<CustomAttributes>>,
    /// Which fields were set (one bit per [`Field`]).
    set: u32,
    violations: Vec<Violation>,
}

/// Converts into a constrained generated type; its check is a safety net behind ours.
fn schema<V, R: TryFrom<V, Error = ConversionError>>(value: V) -> Result<R, Rule> {
    R::try_from(value).map_err(|e| Rule::Schema {
        detail: e.to_string(),
    })
}

fn max_chars(s: String, max: usize) -> Result<String, Rule> {
    let actual = s.chars().count();
    if actual > max {
        Err(Rule::TooLong { max, actual })
    } else {
        Ok(s)
    }
}

macro_rules! setters {
    ($($(#[$doc:meta])* $name:ident => $set:ident($kind:tt $($ty:ty)?);)*) => {$(
        $(#[$doc])*
        #[must_use]
        #[inline]
        pub fn $name(mut self, value: setters!(@input $kind $($ty)?)) -> Self {
            self.$set(setters!(@convert $kind value));
            self
        }
    )*};
    (@input validated $ty:ty) => { impl FieldInput<$ty> };
    (@input text) => { impl Into<String> };
    (@convert validated $value:ident) => { $value.into_field() };
    (@convert text $value:ident) => { Ok($value.into()) };
}

impl UserUpdateBuilder {
    /// The rules to check against (default [`Policy::Spec`]).
    #[must_use]
    pub fn policy(mut self, policy: Policy) -> Self {
        self.policy = policy;
        self
    }

    setters! {
        /// `first_name`: at most 64 characters, at most 5 Chinese characters.
        first_name => set_first_name(validated PersonName);
        /// `last_name`: at most 64 characters, at most 5 Chinese characters.
        last_name => set_last_name(validated PersonName);
        /// `type`: Basic (1), Licensed (2) or On-prem (3); 99 is refused (ssoCreate only).
        user_type => set_user_type(validated UserType);
        /// `pmi`: an integer of exactly 10 digits.
        pmi => set_pmi(validated Pmi);
        /// `timezone`: an ID of Zoom's timezone list or of the IANA database.
        timezone => set_timezone(validated TimeZone);
        /// `language` (free text; [`Policy::Strict`] requires an ID of Zoom's language list).
        language => set_language(text);
        /// `dept`: department for the user profile, used for reports (free text).
        dept => set_dept(text);
        /// `vanity_name`: personal meeting room name (free text; [`Policy::Strict`] applies the
        /// personal link name rules).
        vanity_name => set_vanity_name(text);
        /// `host_key`: 6 to 10 ASCII digits.
        host_key => set_host_key(validated HostKey);
        /// `cms_user_id`: Kaltura user ID (free text).
        cms_user_id => set_cms_user_id(text);
        /// `job_title`: at most 128 characters.
        job_title => set_job_title(text);
        /// `company`: at most 255 characters.
        company => set_company(text);
        /// `location`: at most 256 characters.
        location => set_location(text);
        /// `manager`: the manager's email address.
        manager => set_manager(validated Email);
        /// `group_id`: the group to add a pending user to (free text).
        group_id => set_group_id(text);
    }

    /// `use_pmi`: use the Personal Meeting ID for instant meetings. Sent only when set.
    #[must_use]
    pub fn use_pmi(mut self, value: bool) -> Self {
        self.set_use_pmi(Ok(value));
        self
    }

    /// `phone_number` (deprecated by Zoom): must come with [`phone_country`](Self::phone_country).
    #[deprecated(
        note = "Zoom deprecated `phone_number`: use `phone_numbers` with `PhoneNumbers::number`"
    )]
    #[must_use]
    pub fn phone_number(mut self, value: impl Into<String>) -> Self {
        self.set_phone_number(Ok(value.into()));
        self
    }

    /// `phone_country` (deprecated by Zoom): the country ID of `phone_number`.
    #[deprecated(
        note = "Zoom deprecated `phone_country`: use `phone_numbers` with `PhoneNumbers::country`"
    )]
    #[must_use]
    pub fn phone_country(mut self, value: impl FieldInput<CountryId>) -> Self {
        self.set_phone_country(value.into_field());
        self
    }

    /// `phone_numbers`: number, calling code and country of the user's phone.
    #[must_use]
    pub fn phone_numbers(mut self, value: PhoneNumbers) -> Self {
        self.set_phone_numbers(Ok(value));
        self
    }

    /// `custom_attributes`: one custom attribute of the user.
    #[must_use]
    pub fn custom_attributes(mut self, value: CustomAttributes) -> Self {
        self.set_custom_attributes(Ok(value));
        self
    }

    /// Whether `field` was set.
    pub(crate) fn is_set(&self, field: Field) -> bool {
        self.set & field.bit() != 0
    }

    /// Records a violation found outside the fields (the JSON intake's unknown fields).
    pub(crate) fn reject(&mut self, violation: Violation) {
        self.violations.push(violation);
    }

    /// Marks `field` set, forgets the violations of an earlier value, and keeps the converted
    /// value or records the rule it broke.
    fn store<T, R>(
        &mut self,
        field: Field,
        value: Result<T, Rule>,
        convert: impl FnOnce(T) -> Result<R, Rule>,
    ) -> Option<R> {
        if self.is_set(field) {
            let path = field.path();
            self.violations.retain(|v| {
                let p = v.path();
                !(p == path
                    || p.strip_prefix(path)
                        .is_some_and(|rest| rest.starts_with('/')))
            });
        }
        self.set |= field.bit();
        match value.and_then(convert) {
            Ok(value) => Some(value),
            Err(rule) => {
                self.violations.push(Violation::new(field.path(), rule));
                None
            }
        }
    }

    pub(crate) fn set_first_name(&mut self, v: Result<PersonName, Rule>) {
        self.body.first_name = self.store(Field::FirstName, v, |n| schema(n.as_str()));
    }
    pub(crate) fn set_last_name(&mut self, v: Result<PersonName, Rule>) {
        self.body.last_name = self.store(Field::LastName, v, |n| schema(n.as_str()));
    }
    pub(crate) fn set_user_type(&mut self, v: Result<UserType, Rule>) {
        self.body.type_ = self.store(Field::Type, v, |t| schema(t.code()));
    }
    pub(crate) fn set_pmi(&mut self, v: Result<Pmi, Rule>) {
        self.body.pmi = self.store(Field::Pmi, v, |p| Ok(p.get()));
    }
    pub(crate) fn set_use_pmi(&mut self, v: Result<bool, Rule>) {
        self.body.use_pmi = self.store(Field::UsePmi, v, Ok);
    }
    pub(crate) fn set_timezone(&mut self, v: Result<TimeZone, Rule>) {
        self.body.timezone = self.store(Field::Timezone, v, |tz| Ok(tz.as_str().to_owned()));
    }
    pub(crate) fn set_language(&mut self, v: Result<String, Rule>) {
        self.body.language = self.store(Field::Language, v, Ok);
    }
    pub(crate) fn set_dept(&mut self, v: Result<String, Rule>) {
        self.body.dept = self.store(Field::Dept, v, Ok);
    }
    pub(crate) fn set_vanity_name(&mut self, v: Result<String, Rule>) {
        self.body.vanity_name = self.store(Field::VanityName, v, Ok);
    }
    pub(crate) fn set_host_key(&mut self, v: Result<HostKey, Rule>) {
        self.body.host_key = self.store(Field::HostKey, v, |k| schema(k.as_str()));
    }
    pub(crate) fn set_cms_user_id(&mut self, v: Result<String, Rule>) {
        self.body.cms_user_id = self.store(Field::CmsUserId, v, Ok);
    }
    pub(crate) fn set_job_title(&mut self, v: Result<String, Rule>) {
        self.body.job_title = self.store(Field::JobTitle, v, |s| {
            max_chars(s, JOB_TITLE_MAX).and_then(schema)
        });
    }
    pub(crate) fn set_company(&mut self, v: Result<String, Rule>) {
        self.body.company = self.store(Field::Company, v, |s| {
            max_chars(s, COMPANY_MAX).and_then(schema)
        });
    }
    pub(crate) fn set_location(&mut self, v: Result<String, Rule>) {
        self.body.location = self.store(Field::Location, v, |s| {
            max_chars(s, LOCATION_MAX).and_then(schema)
        });
    }
    pub(crate) fn set_phone_number(&mut self, v: Result<String, Rule>) {
        self.body.phone_number = self.store(Field::PhoneNumber, v, Ok);
    }
    pub(crate) fn set_phone_country(&mut self, v: Result<CountryId, Rule>) {
        self.body.phone_country = self.store(Field::PhoneCountry, v, |c| Ok(c.as_str().to_owned()));
    }
    pub(crate) fn set_phone_numbers(&mut self, v: Result<PhoneNumbers, Rule>) {
        self.phone_numbers = self.store(Field::PhoneNumbers, v, |p| Ok(Box::new(p)));
    }
    pub(crate) fn set_custom_attributes(&mut self, v: Result<CustomAttributes, Rule>) {
        self.custom_attributes = self.store(Field::CustomAttributes, v, |a| Ok(Box::new(a)));
    }
    pub(crate) fn set_manager(&mut self, v: Result<Email, Rule>) {
        self.body.manager = self.store(Field::Manager, v, |m| Ok(m.into_string()));
    }
    pub(crate) fn set_group_id(&mut self, v: Result<String, Rule>) {
        self.body.group_id = self.store(Field::GroupId, v, Ok);
    }

    /// Checks what is left (the builder's [`Policy`], the nested objects, the rules between
    /// fields) and returns the update, or every violation at once.
    ///
    /// # Errors
    ///
    /// [`ValidationErrors`] listing each broken rule with the JSON path of its field, in the
    /// fragment's field order (unknown fields last): the rules of each field,
    /// `phone_number` without `phone_country`, an update that sets no field.
    pub fn build(self) -> Result<UserUpdate, ValidationErrors> {
        let Self {
            policy,
            mut body,
            phone_numbers,
            custom_attributes,
            set,
            mut violations,
        } = self;
        let mut push = |path: &str, rule: Rule| violations.push(Violation::new(path, rule));

        if policy == Policy::Strict {
            if let Some(pmi) = body.pmi.and_then(|p| Pmi::new(p).ok()) {
                for rule in pmi.strict_violations() {
                    push("/pmi", rule);
                }
            }
            if let Some(language) = body.language.as_deref()
                && !policy::is_zoom_language(language)
            {
                push("/language", Rule::UnknownLanguage);
            }
            if let Some(name) = body.vanity_name.as_deref() {
                for rule in policy::vanity_name_violations(name) {
                    push("/vanity_name", rule);
                }
            }
            if body
                .host_key
                .as_ref()
                .is_some_and(|k| crate::host_key::is_trivial(k))
            {
                push("/host_key", Rule::HostKeyTrivial);
            }
        }

        let mut take = |path: &str, slot: Option<Result<String, Rule>>| match slot? {
            Ok(value) => Some(value),
            Err(rule) => {
                push(path, rule);
                None
            }
        };
        body.phone_numbers = phone_numbers.map(|p| {
            let PhoneNumbers {
                number,
                code,
                country,
            } = *p;
            UserPhoneNumbers {
                number: take("/phone_numbers/number", number),
                code: take("/phone_numbers/code", code.map(|c| c.map(String::from))),
                country: take(
                    "/phone_numbers/country",
                    country.map(|c| c.map(|c| c.as_str().to_owned())),
                ),
            }
        });
        body.custom_attributes = custom_attributes.map(|a| {
            let CustomAttributes { key, name, value } = *a;
            UserCustomAttributes {
                key: take("/custom_attributes/key", key),
                name: take("/custom_attributes/name", name),
                value: take("/custom_attributes/value", value),
            }
        });

        let mut warnings = Vec::new();
        if set & Field::PhoneNumber.bit() != 0 {
            warnings.push(Warning::Deprecated {
                path: "/phone_number",
                replacement: "/phone_numbers/number",
            });
            if set & Field::PhoneCountry.bit() == 0 {
                push(
                    "/phone_number",
                    Rule::Requires {
                        other: "/phone_country",
                    },
                );
            }
        }
        if set & Field::PhoneCountry.bit() != 0 {
            warnings.push(Warning::Deprecated {
                path: "/phone_country",
                replacement: "/phone_numbers/country",
            });
        }
        if set == 0 && violations.is_empty() {
            violations.push(Violation::new("", Rule::NoFields));
        }
        violations.sort_by_key(|v| Field::rank(v.path()));
        match ValidationErrors::from_vec(violations) {
            Some(errors) => Err(errors),
            None => Ok(UserUpdate { body, warnings }),
        }
    }

    /// A builder holding every field of a generated body, as raw input.
    pub(crate) fn from_raw(body: UserUpdateBody) -> Self {
        let mut b = Self::default();
        if let Some(v) = body.first_name {
            b.set_first_name(PersonName::parse(&v));
        }
        if let Some(v) = body.last_name {
            b.set_last_name(PersonName::parse(&v));
        }
        if let Some(v) = body.type_ {
            b.set_user_type(UserType::try_from(*v));
        }
        if let Some(v) = body.pmi {
            b.set_pmi(Pmi::new(v));
        }
        if let Some(v) = body.use_pmi {
            b.set_use_pmi(Ok(v));
        }
        if let Some(v) = body.timezone {
            b.set_timezone(TimeZone::parse(&v));
        }
        if let Some(v) = body.language {
            b.set_language(Ok(v));
        }
        if let Some(v) = body.dept {
            b.set_dept(Ok(v));
        }
        if let Some(v) = body.vanity_name {
            b.set_vanity_name(Ok(v));
        }
        if let Some(v) = body.host_key {
            b.set_host_key(HostKey::parse(&v));
        }
        if let Some(v) = body.cms_user_id {
            b.set_cms_user_id(Ok(v));
        }
        if let Some(v) = body.job_title {
            b.set_job_title(Ok(v.into()));
        }
        if let Some(v) = body.company {
            b.set_company(Ok(v.into()));
        }
        if let Some(v) = body.location {
            b.set_location(Ok(v.into()));
        }
        if let Some(v) = body.phone_number {
            b.set_phone_number(Ok(v));
        }
        if let Some(v) = body.phone_country {
            b.set_phone_country(CountryId::parse(&v));
        }
        if let Some(p) = body.phone_numbers {
            b.set_phone_numbers(Ok(PhoneNumbers {
                number: p.number.map(Ok),
                code: p.code.map(|s| CallingCode::parse(&s)),
                country: p.country.map(|s| CountryId::parse(&s)),
            }));
        }
        if let Some(a) = body.custom_attributes {
            b.set_custom_attributes(Ok(CustomAttributes {
                key: a.key.map(Ok),
                name: a.name.map(Ok),
                value: a.value.map(Ok),
            }));
        }
        if let Some(v) = body.manager {
            b.set_manager(Email::parse(&v));
        }
        if let Some(v) = body.group_id {
            b.set_group_id(Ok(v));
        }
        b
    }
}
