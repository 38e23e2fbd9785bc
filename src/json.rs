//! The JSON intake: a body as a user loads it from a file, checked field by field.

use serde_json::{Map, Value};

use crate::update::UserUpdateBuilder;
use crate::{
    CallingCode, CountryId, CustomAttributes, Email, HostKey, PersonName, PhoneNumbers, Pmi,
    Policy, Rule, TimeZone, UserType, UserUpdate, ValidationErrors, Violation,
};

impl UserUpdate {
    /// Reads and checks a JSON body (text or bytes, as loaded from a file).
    ///
    /// Reports every violation with its path: text that is not JSON, a body that is not an
    /// object, wrong JSON types, unknown fields (Zoom silently ignores them, so they are refused
    /// here), `null` values (a PATCH cannot clear a field), and every rule of `policy`.
    ///
    /// ```
    /// use zoom_user_update::{Policy, UserUpdate};
    ///
    /// let update = UserUpdate::from_json(r#"{"pmi": 2345678901}"#, Policy::Spec)?;
    /// assert_eq!(update.as_raw().pmi, Some(2345678901));
    ///
    /// let errors = UserUpdate::from_json(r#"{"pmi": "1", "nick": "x"}"#, Policy::Spec).unwrap_err();
    /// let paths: Vec<_> = errors.iter().map(|v| v.path()).collect();
    /// assert_eq!(paths, ["/pmi", "/nick"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`ValidationErrors`] with every violation found.
    pub fn from_json(json: impl AsRef<[u8]>, policy: Policy) -> Result<Self, ValidationErrors> {
        match serde_json::from_slice::<Value>(json.as_ref()) {
            Ok(value) => Self::from_value(&value, policy),
            Err(e) => Err(single(
                "",
                Rule::InvalidJson {
                    detail: e.to_string(),
                },
            )),
        }
    }

    /// Checks a parsed JSON body; see [`UserUpdate::from_json`].
    ///
    /// # Errors
    ///
    /// [`ValidationErrors`] with every violation found.
    pub fn from_value(value: &Value, policy: Policy) -> Result<Self, ValidationErrors> {
        let Value::Object(map) = value else {
            return Err(single("", wrong_type("object", value)));
        };
        builder_from_map(map).policy(policy).build()
    }
}

fn single(path: &str, rule: Rule) -> ValidationErrors {
    ValidationErrors::from_vec(vec![Violation::new(path, rule)]).unwrap_or_else(|| unreachable!())
}

#[allow(deprecated)]
fn builder_from_map(map: &Map<String, Value>) -> UserUpdateBuilder {
    let mut b = UserUpdateBuilder::default();
    for (key, v) in map {
        match key.as_str() {
            "first_name" => b.first_name = Some(text(v).and_then(PersonName::parse)),
            "last_name" => b.last_name = Some(text(v).and_then(PersonName::parse)),
            "type" => {
                b.user_type = Some(integer(v, Rule::UnknownUserType).and_then(UserType::try_from))
            }
            "pmi" => b.pmi = Some(integer(v, Rule::PmiNotTenDigits).and_then(Pmi::new)),
            "use_pmi" => b.use_pmi = Some(boolean(v)),
            "timezone" => b.timezone = Some(text(v).and_then(TimeZone::parse)),
            "language" => b.language = Some(owned(v)),
            "dept" => b.dept = Some(owned(v)),
            "vanity_name" => b.vanity_name = Some(owned(v)),
            "host_key" => b.host_key = Some(text(v).and_then(HostKey::parse)),
            "cms_user_id" => b.cms_user_id = Some(owned(v)),
            "job_title" => b.job_title = Some(owned(v)),
            "company" => b.company = Some(owned(v)),
            "location" => b.location = Some(owned(v)),
            "phone_number" => b.phone_number = Some(owned(v)),
            "phone_country" => b.phone_country = Some(text(v).and_then(CountryId::parse)),
            "phone_numbers" => {
                b.phone_numbers = Some(object(v).map(|m| {
                    let mut p = PhoneNumbers::default();
                    for (k, v) in m {
                        match k.as_str() {
                            "number" => p.number = Some(owned(v)),
                            "code" => p.code = Some(text(v).and_then(CallingCode::parse)),
                            "country" => p.country = Some(text(v).and_then(CountryId::parse)),
                            _ => b.extra.push(unknown(&["phone_numbers", k])),
                        }
                    }
                    p
                }));
            }
            "custom_attributes" => {
                b.custom_attributes = Some(object(v).map(|m| {
                    let mut a = CustomAttributes::default();
                    for (k, v) in m {
                        match k.as_str() {
                            "key" => a.key = Some(owned(v)),
                            "name" => a.name = Some(owned(v)),
                            "value" => a.value = Some(owned(v)),
                            _ => b.extra.push(unknown(&["custom_attributes", k])),
                        }
                    }
                    a
                }));
            }
            "manager" => b.manager = Some(text(v).and_then(Email::parse)),
            "group_id" => b.group_id = Some(owned(v)),
            _ => b.extra.push(unknown(&[key])),
        }
    }
    b
}

fn unknown(segments: &[&str]) -> Violation {
    Violation::new(pointer(segments), Rule::UnknownField)
}

/// An RFC 6901 JSON pointer: `~` is written `~0` and `/` is written `~1`.
fn pointer(segments: &[&str]) -> String {
    let mut out = String::new();
    for s in segments {
        out.push('/');
        out.push_str(&s.replace('~', "~0").replace('/', "~1"));
    }
    out
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_f64() => "number",
        Value::Number(_) => "integer",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn wrong_type(expected: &'static str, v: &Value) -> Rule {
    Rule::WrongType {
        expected,
        found: type_name(v),
    }
}

fn text(v: &Value) -> Result<&str, Rule> {
    v.as_str().ok_or_else(|| wrong_type("string", v))
}

fn owned(v: &Value) -> Result<String, Rule> {
    text(v).map(str::to_owned)
}

fn boolean(v: &Value) -> Result<bool, Rule> {
    v.as_bool().ok_or_else(|| wrong_type("boolean", v))
}

fn object(v: &Value) -> Result<&Map<String, Value>, Rule> {
    v.as_object().ok_or_else(|| wrong_type("object", v))
}

/// A JSON integer as `i64`; an integer past `i64` breaks the field's own rule (`out_of_range`).
fn integer(v: &Value, out_of_range: Rule) -> Result<i64, Rule> {
    match v {
        Value::Number(n) if n.is_i64() => n.as_i64().ok_or(out_of_range),
        Value::Number(n) if n.is_u64() => Err(out_of_range),
        _ => Err(wrong_type("integer", v)),
    }
}
