//! What a field's value type provides to the table's generic functions (`object.rs`):
//! [`FieldKind`] (reading, describing and walking a value), [`ToRaw`] (the generated type it is
//! sent as) and [`FieldInput`] (public: what a setter accepts). A scalar gets all three from its
//! [`Scalar`] impl, a [`List`] from its items', an object from its table.

use std::borrow::Cow;
use std::fmt::{Debug, Display, Write as _};

use crate::body::json::Json;
use crate::body::rules::FieldRule;
use crate::body::violation::{ValidationErrors, Violation};
use crate::body::warning::Warning;
use crate::types::{JsonType, List, Rule, Scalar};

/// A value a setter accepts for a field of type `T`: the validated type itself, or a raw value
/// (text, an integer, a nested builder, a `Vec` or an array of items) that is checked with
/// `T`'s own rules. A value that breaks a rule does not fail at the setter; the builder reports
/// it with every other violation when it builds.
pub trait FieldInput<T> {
    /// The validated value, or every rule the raw value breaks (paths relative to the field:
    /// `""` for the value itself, `/code` for a member of a nested object).
    ///
    /// # Errors
    ///
    /// The [`ValidationErrors`] of the value.
    fn into_field(self) -> Result<T, ValidationErrors>;
}

impl<T> FieldInput<T> for T {
    fn into_field(self) -> Result<T, ValidationErrors> {
        Ok(self)
    }
}

impl<T: Scalar<Wire = String>> FieldInput<T> for &str {
    fn into_field(self) -> Result<T, ValidationErrors> {
        T::from_wire_text(self).map_err(ValidationErrors::here)
    }
}

impl<T: Scalar<Wire = String>> FieldInput<T> for String {
    fn into_field(self) -> Result<T, ValidationErrors> {
        T::from_wire(self).map_err(ValidationErrors::here)
    }
}

impl<T: Scalar<Wire = String>> FieldInput<T> for &String {
    fn into_field(self) -> Result<T, ValidationErrors> {
        T::from_wire_text(self).map_err(ValidationErrors::here)
    }
}

/// `i64` is the one integer type a setter takes, so an integer literal such as `2468135790`
/// infers as `i64`.
impl<T: Scalar<Wire = i64>> FieldInput<T> for i64 {
    fn into_field(self) -> Result<T, ValidationErrors> {
        T::from_wire(self).map_err(ValidationErrors::here)
    }
}

impl FieldInput<crate::types::TimeZone> for chrono_tz::Tz {
    fn into_field(self) -> Result<crate::types::TimeZone, ValidationErrors> {
        Ok(self.into())
    }
}

impl<T, B: FieldInput<T>, const MAX: usize> FieldInput<List<T, MAX>> for Vec<B> {
    fn into_field(self) -> Result<List<T, MAX>, ValidationErrors> {
        collect(self.len(), self.into_iter().map(FieldInput::into_field))
    }
}

impl<T, B: FieldInput<T>, const N: usize, const MAX: usize> FieldInput<List<T, MAX>> for [B; N] {
    fn into_field(self) -> Result<List<T, MAX>, ValidationErrors> {
        collect(N, self.into_iter().map(FieldInput::into_field))
    }
}

/// A value type of a field, as the table's generic functions use it.
pub trait FieldKind: Sized + Clone + Debug + PartialEq + Send + Sync + 'static {
    /// The JSON type the spec gives the field.
    const JSON_TYPE: JsonType;

    /// Reads and checks the field's JSON value as a body carries it (the wire type only).
    fn from_json(json: Json<'_>) -> Result<Self, ValidationErrors>;

    /// Reads a query parameter: as [`from_json`](Self::from_json), and text as typed on a
    /// command line (an enum-like value also by its name).
    fn from_param(json: Json<'_>) -> Result<Self, ValidationErrors> {
        Self::from_json(json)
    }

    /// The rule enforced under `Policy::Spec`, in words, for the rule table.
    fn rule() -> Cow<'static, str>;

    /// The maximum length in characters, where the type enforces one.
    fn max_chars() -> Option<usize> {
        None
    }

    /// The maximum number of items, for an array.
    fn max_items() -> Option<usize> {
        None
    }

    /// The rule rows of the members of an object (or of an array's items), under `prefix`.
    fn member_rules(_prefix: &str, _out: &mut Vec<FieldRule>) {}

    /// The `Policy::Strict` violations of the members of an object, under `path` (a buffer the
    /// implementation extends for a member and restores before it returns).
    fn strict_violations(&self, _path: &mut String, _out: &mut Vec<Violation>) {}

    /// The warnings of the members of an object (deprecated members), under `path` (as for
    /// `strict_violations`).
    fn warnings(&self, _path: &mut String, _out: &mut Vec<Warning>) {}
}

/// How a scalar of a wire type is read from the JSON intake.
pub trait ReadWire: Sized {
    /// The value of `json`: a JSON integer past `i64` breaks the type's `out_of_range` rule; text
    /// borrowed from the input is checked before it is copied.
    fn read<T: Scalar<Wire = Self>>(json: Json<'_>) -> Result<T, Rule>;
}

impl ReadWire for String {
    fn read<T: Scalar<Wire = Self>>(json: Json<'_>) -> Result<T, Rule> {
        match json.into_text()? {
            Cow::Borrowed(text) => T::from_wire_text(text),
            Cow::Owned(text) => T::from_wire(text),
        }
    }
}

impl ReadWire for i64 {
    fn read<T: Scalar<Wire = Self>>(json: Json<'_>) -> Result<T, Rule> {
        T::from_wire(json.into_i64(T::out_of_range)?)
    }
}

impl ReadWire for bool {
    fn read<T: Scalar<Wire = Self>>(json: Json<'_>) -> Result<T, Rule> {
        T::from_wire(json.into_bool()?)
    }
}

impl<T: Scalar + PartialEq> FieldKind for T
where
    T::Wire: ReadWire,
{
    const JSON_TYPE: JsonType = <T::Wire as crate::types::Wire>::JSON_TYPE;

    fn from_json(json: Json<'_>) -> Result<Self, ValidationErrors> {
        T::Wire::read::<T>(json).map_err(ValidationErrors::here)
    }

    fn from_param(json: Json<'_>) -> Result<Self, ValidationErrors> {
        match json {
            Json::Str(text) => T::from_text(&text).map_err(ValidationErrors::here),
            other => Self::from_json(other),
        }
    }

    fn rule() -> Cow<'static, str> {
        T::rule()
    }

    fn max_chars() -> Option<usize> {
        T::max_chars()
    }
}

impl<T: FieldKind, const MAX: usize> FieldKind for List<T, MAX> {
    const JSON_TYPE: JsonType = JsonType::Array;

    fn from_json(json: Json<'_>) -> Result<Self, ValidationErrors> {
        let items = match json {
            Json::Array(items) => items,
            other => return Err(ValidationErrors::here(other.wrong(JsonType::Array))),
        };
        collect(items.len(), items.into_iter().map(T::from_json))
    }

    fn rule() -> Cow<'static, str> {
        match List::<T, MAX>::MAX_ITEMS {
            Some(max) => format!("at most {max} items").into(),
            None => "a list".into(),
        }
    }

    fn max_items() -> Option<usize> {
        List::<T, MAX>::MAX_ITEMS
    }

    fn member_rules(prefix: &str, out: &mut Vec<FieldRule>) {
        T::member_rules(&format!("{prefix}/*"), out);
    }

    fn strict_violations(&self, path: &mut String, out: &mut Vec<Violation>) {
        for_each_item(self.as_slice(), path, |item, path| {
            item.strict_violations(path, out);
        });
    }

    fn warnings(&self, path: &mut String, out: &mut Vec<Warning>) {
        for_each_item(self.as_slice(), path, |item, path| item.warnings(path, out));
    }
}

/// A list of `len` items, or its violations: too many items (at the list's own path), then
/// those of each of the first `MAX` items (the ones that could be sent), prefixed with its
/// index. A list far too long cannot make the report grow with it.
fn collect<T, const MAX: usize>(
    len: usize,
    items: impl Iterator<Item = Result<T, ValidationErrors>>,
) -> Result<List<T, MAX>, ValidationErrors> {
    let mut violations = Vec::new();
    if let Some(rule) = crate::types::list::too_many::<MAX>(len) {
        violations.push(Violation::new("", rule));
    }
    let mut list = Vec::with_capacity(len.min(MAX));
    for (index, item) in items.take(MAX).enumerate() {
        match item {
            Ok(item) => list.push(item),
            Err(errors) => violations.extend(errors.prefixed(&format!("/{index}"))),
        }
    }
    match ValidationErrors::from_vec(violations) {
        Some(errors) => Err(errors),
        None => Ok(List(list)),
    }
}

/// Calls `f` with each item and `path` extended with the item's index (restored afterwards).
fn for_each_item<T>(items: &[T], path: &mut String, mut f: impl FnMut(&T, &mut String)) {
    let len = path.len();
    for (index, item) in items.iter().enumerate() {
        // Writing to a `String` cannot fail.
        let _ = write!(path, "/{index}");
        f(item, path);
        path.truncate(len);
    }
}

/// Conversion of a validated value into the type the generated code takes for it.
pub trait ToRaw<R> {
    /// The generated value. The generated type's own checks run here; a value this layer
    /// accepted but the generated layer refuses is reported as [`Rule::Schema`].
    fn to_raw(&self) -> Result<R, ValidationErrors>;
}

impl<T: Scalar, R> ToRaw<R> for T
where
    R: TryFrom<T::Wire>,
    R::Error: Display,
{
    fn to_raw(&self) -> Result<R, ValidationErrors> {
        R::try_from(self.to_wire()).map_err(ValidationErrors::schema)
    }
}

impl<T: ToRaw<R>, R, const MAX: usize> ToRaw<Vec<R>> for List<T, MAX> {
    fn to_raw(&self) -> Result<Vec<R>, ValidationErrors> {
        let mut raw = Vec::with_capacity(self.len());
        let mut violations = Vec::new();
        for (index, item) in self.iter().enumerate() {
            match item.to_raw() {
                Ok(item) => raw.push(item),
                Err(errors) => violations.extend(errors.prefixed(&format!("/{index}"))),
            }
        }
        match ValidationErrors::from_vec(violations) {
            Some(errors) => Err(errors),
            None => Ok(raw),
        }
    }
}

/// A rule of `Policy::Strict` for a field: Zoom's support pages, not its API spec.
pub struct StrictRule<T: ?Sized> {
    /// The rule in words, for the rule table.
    pub rule: &'static str,
    /// The rules a value breaks (none: it passes).
    pub check: fn(&T) -> Vec<Rule>,
}
