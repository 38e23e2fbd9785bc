//! The generic functions behind every field table: building (every violation at once), the
//! JSON intake, the rule rows, `Policy::Strict`'s rules, the warnings, the conversion to the
//! generated type and `Debug`. A table (`table.rs`) declares an object's fields as data, a
//! [`Field`] each; these functions walk them. Nothing here is written per field.

use std::fmt;

use crate::body::field::{FieldKind, StrictRule, ToRaw};
use crate::body::json::{Json, pointer};
use crate::body::policy::Policy;
use crate::body::rules::{FieldRule, Location, Source};
use crate::body::violation::{ValidationErrors, Violation};
use crate::body::warning::Warning;
use crate::types::{JsonType, Rule};

/// Which fields of an object are set, by index in its table: the generic functions below walk
/// the set fields only. Kept beside the values by the builder, the one place values change.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Set(u64);

impl Set {
    /// The most fields a table may have.
    pub(crate) const MAX_FIELDS: usize = 64;

    fn insert(&mut self, index: usize) {
        self.0 |= 1 << index;
    }

    fn remove(&mut self, index: usize) {
        self.0 &= !(1 << index);
    }

    fn contains(self, index: usize) -> bool {
        self.0 & (1 << index) != 0
    }

    fn is_empty(self) -> bool {
        self.0 == 0
    }

    fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    /// The indexes, in increasing order.
    fn iter(self) -> impl Iterator<Item = usize> {
        let mut rest = self.0;
        std::iter::from_fn(move || {
            let index = rest.trailing_zeros() as usize;
            rest &= rest.wrapping_sub(1); // the lowest set bit goes
            (index < Self::MAX_FIELDS).then_some(index)
        })
    }
}

/// What kind of object a table declares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ObjectKind {
    /// A request body: it has a [`Policy`], must set a field, and is sent as its generated type,
    /// field by field.
    Body,
    /// An object inside a body (a nested object or an array's item): it may have required
    /// members.
    Member,
    /// The query parameters: read from JSON or from text (an enum also by its name), sent as the
    /// generated method's arguments.
    Query,
}

/// An object declared by a field table.
pub(crate) trait Object: Sized + Clone + 'static {
    /// The struct of the fields' values (`Option` each).
    type Values: Default + Clone + PartialEq + Send + Sync + 'static;
    /// The generated type it is sent as (`()` for the query).
    type Raw;
    /// The object's name, for `Debug`.
    const NAME: &'static str;
    /// What kind of object it is.
    const KIND: ObjectKind;
    /// The table: one field each, in the table's order.
    fn fields() -> &'static [&'static dyn Field<Self>];
    /// The index of the field whose JSON name is `name`.
    fn field_index(name: &str) -> Option<usize>;
    /// The table's fields in the order the generated type serializes its members
    /// ([`member_order`]).
    fn member_order() -> &'static [usize];
    /// The members the spec requires, by index in the table.
    const REQUIRED: &'static [usize];
    /// The values.
    fn values(&self) -> &Self::Values;
    /// Which fields are set.
    fn set(&self) -> Set;
    /// The rules it was checked against (only a body has a policy of its own).
    fn policy(&self) -> Policy;
    /// A value from values that passed every rule.
    fn from_parts(values: Box<Self::Values>, set: Set, policy: Policy) -> Self;
    /// The values, which are set, and the policy.
    fn into_parts(self) -> (Box<Self::Values>, Set, Policy);
}

/// The declared line of one field: its data.
#[derive(Debug)]
pub(crate) struct Line {
    /// The JSON name.
    pub name: &'static str,
    /// The JSON pointer in its object (`/first_name`).
    pub path: &'static str,
    /// The one-line documentation.
    pub doc: &'static str,
    /// Where its rule comes from.
    pub source: &'static [Source],
    /// The index of the field it must be sent with.
    pub requires: Option<usize>,
    /// What the spec says to use instead, for a deprecated field.
    pub deprecated: Option<&'static str>,
    /// Whether the spec requires the member.
    pub required: bool,
}

/// One field of an object's table: its [`Line`] and typed access to its value. Implemented once,
/// generically, by [`At`].
pub(crate) trait Field<O: Object>: Sync {
    /// The declared line.
    fn line(&self) -> &Line;
    /// Reads the field's JSON value into `values` (`None` when it breaks a rule).
    fn read(&self, values: &mut O::Values, json: Json<'_>) -> Result<(), ValidationErrors>;
    /// The field's row and its members' rows, under `prefix`.
    fn rows(&self, prefix: &str, out: &mut Vec<FieldRule>);
    /// The `Policy::Strict` violations of the value and its members, under `path`.
    fn strict(&self, values: &O::Values, path: &mut String, out: &mut Vec<Violation>);
    /// The warnings of the value and its members, under `path`.
    fn warnings(&self, values: &O::Values, path: &mut String, out: &mut Vec<Warning>);
    /// Sets the generated body's field, for a body's field.
    fn to_raw(&self, values: &O::Values, raw: &mut O::Raw) -> Result<(), ValidationErrors>;
    /// The value, to serialize it.
    fn value<'a>(&self, values: &'a O::Values) -> Option<&'a dyn erased_serde::Serialize>;
    /// The value, for `Debug`.
    fn debug<'a>(&self, values: &'a O::Values) -> Option<&'a dyn fmt::Debug>;
}

/// The typed access to one field of type `T`: what a table's line declares.
pub(crate) struct At<O: Object, T> {
    /// The declared line.
    pub line: Line,
    /// The `Policy::Strict` rule, if any.
    pub strict: Option<StrictRule<T>>,
    /// The value.
    pub get: fn(&O::Values) -> &Option<T>,
    /// The value, to set it.
    pub get_mut: fn(&mut O::Values) -> &mut Option<T>,
    /// Sets the generated type's field from the value (a body's and a member's fields; a
    /// required member's object is sent through JSON and the query as arguments, so theirs do
    /// nothing).
    pub raw: fn(&O::Values, &mut O::Raw) -> Result<(), ValidationErrors>,
}

impl<O: Object, T: FieldKind + serde::Serialize> Field<O> for At<O, T> {
    fn line(&self) -> &Line {
        &self.line
    }

    fn read(&self, values: &mut O::Values, json: Json<'_>) -> Result<(), ValidationErrors> {
        let result = match O::KIND {
            ObjectKind::Query => T::from_param(json),
            ObjectKind::Body | ObjectKind::Member => T::from_json(json),
        };
        let slot = (self.get_mut)(values);
        match result {
            Ok(value) => {
                *slot = Some(value);
                Ok(())
            }
            Err(errors) => {
                *slot = None;
                Err(errors)
            }
        }
    }

    fn rows(&self, prefix: &str, out: &mut Vec<FieldRule>) {
        let (location, path) = match O::KIND {
            ObjectKind::Query => (Location::Query, self.line.name.to_owned()),
            ObjectKind::Body | ObjectKind::Member => {
                (Location::Body, format!("{prefix}{}", self.line.path))
            }
        };
        let mut rule = T::rule().into_owned();
        if let Some(other) = self.line.requires {
            rule.push_str("; must be sent together with ");
            rule.push_str(O::fields()[other].line().path);
        }
        if let Some(replacement) = self.line.deprecated {
            rule.push_str("; deprecated: use ");
            rule.push_str(replacement);
        }
        out.push(FieldRule {
            location,
            path: path.clone(),
            json_type: T::JSON_TYPE,
            rule,
            strict: self.strict.as_ref().map(|s| s.rule),
            max_chars: T::max_chars(),
            max_items: T::max_items(),
            required: self.line.required,
            source: self.line.source,
            doc: self.line.doc,
            deprecated: self.line.deprecated,
        });
        T::member_rules(&path, out);
    }

    fn strict(&self, values: &O::Values, path: &mut String, out: &mut Vec<Violation>) {
        let Some(value) = (self.get)(values) else {
            return;
        };
        let len = path.len();
        path.push_str(self.line.path);
        if let Some(strict) = &self.strict {
            for rule in (strict.check)(value) {
                out.push(Violation::new(path.as_str(), rule));
            }
        }
        value.strict_violations(path, out);
        path.truncate(len);
    }

    fn warnings(&self, values: &O::Values, path: &mut String, out: &mut Vec<Warning>) {
        let Some(value) = (self.get)(values) else {
            return;
        };
        let len = path.len();
        path.push_str(self.line.path);
        if let Some(replacement) = self.line.deprecated {
            out.push(Warning::Deprecated {
                path: path.clone(),
                replacement,
            });
        }
        value.warnings(path, out);
        path.truncate(len);
    }

    fn to_raw(&self, values: &O::Values, raw: &mut O::Raw) -> Result<(), ValidationErrors> {
        (self.raw)(values, raw)
    }

    fn value<'a>(&self, values: &'a O::Values) -> Option<&'a dyn erased_serde::Serialize> {
        (self.get)(values)
            .as_ref()
            .map(|v| v as &dyn erased_serde::Serialize)
    }

    fn debug<'a>(&self, values: &'a O::Values) -> Option<&'a dyn fmt::Debug> {
        (self.get)(values).as_ref().map(|v| v as &dyn fmt::Debug)
    }
}

/// Sets a generated body's field from a validated value (what a body's line declares as its
/// `raw`).
pub(crate) fn raw_into<T: ToRaw<R>, R>(
    value: &Option<T>,
    raw: &mut Option<R>,
) -> Result<(), ValidationErrors> {
    if let Some(value) = value {
        *raw = Some(value.to_raw()?);
    }
    Ok(())
}

/// Whether two names are the same (for the table's `required` list, in a `const`).
pub(crate) const fn is_named(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Whether `indexes` holds `index` (in a `const`).
pub(crate) const fn contains(indexes: &[usize], index: usize) -> bool {
    let mut i = 0;
    while i < indexes.len() {
        if indexes[i] == index {
            return true;
        }
        i += 1;
    }
    false
}

/// The index of the field named `name` (its Rust name) in `names`: a `const` in the table, so
/// that a `requires` that names no field of the table fails to compile.
pub(crate) const fn index_of(names: &[&str], name: &str) -> usize {
    let mut i = 0;
    while i < names.len() {
        if is_named(names[i], name) {
            return i;
        }
        i += 1;
    }
    panic!("the table has no field of this name")
}

/// An object being built: the values that passed their rules, the violations of those that did
/// not, and the violations of the object outside its fields.
pub(crate) struct Builder<O: Object> {
    values: Box<O::Values>,
    /// Which values are set (valid ones; `refused` holds the others).
    set: Set,
    /// The violations of the values that did not pass, by field index (paths relative to the
    /// field).
    refused: Vec<(usize, ValidationErrors)>,
    /// Unknown or repeated members, or a JSON value that is not an object.
    extra: Vec<Violation>,
    policy: Policy,
}

impl<O: Object> Default for Builder<O> {
    fn default() -> Self {
        Self {
            values: Box::default(),
            set: Set::default(),
            refused: Vec::new(),
            extra: Vec::new(),
            policy: Policy::default(),
        }
    }
}

impl<O: Object> Clone for Builder<O> {
    fn clone(&self) -> Self {
        Self {
            values: self.values.clone(),
            set: self.set,
            refused: self.refused.clone(),
            extra: self.extra.clone(),
            policy: self.policy,
        }
    }
}

impl<O: Object> PartialEq for Builder<O> {
    fn eq(&self, other: &Self) -> bool {
        self.values == other.values
            && self.set == other.set
            && self.refused == other.refused
            && self.extra == other.extra
            && self.policy == other.policy
    }
}

impl<O: Object> fmt::Debug for Builder<O> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = f.debug_struct(O::NAME);
        debug_fields::<O>(&mut s, &self.values, self.set);
        if O::KIND == ObjectKind::Body {
            s.field("policy", &self.policy);
        }
        let refused: Vec<_> = self.refused.iter().flat_map(|(_, e)| e.iter()).collect();
        if !refused.is_empty() || !self.extra.is_empty() {
            s.field("refused", &refused).field("extra", &self.extra);
        }
        s.finish()
    }
}

impl<O: Object> Builder<O> {
    /// A builder holding every field of `value` (and its policy).
    pub fn from_value(value: O) -> Self {
        let (values, set, policy) = value.into_parts();
        Self {
            values,
            set,
            refused: Vec::new(),
            extra: Vec::new(),
            policy,
        }
    }

    /// Stores a field's value, or its violations; either replaces what an earlier set of the
    /// field left.
    pub fn set<T>(
        &mut self,
        index: usize,
        get_mut: fn(&mut O::Values) -> &mut Option<T>,
        result: Result<T, ValidationErrors>,
    ) {
        self.forget_refused(index);
        let slot = get_mut(&mut self.values);
        match result {
            Ok(value) => {
                *slot = Some(value);
                self.set.insert(index);
            }
            Err(errors) => {
                *slot = None;
                self.set.remove(index);
                self.refused.push((index, errors));
            }
        }
    }

    /// The value as it stands, without the checks of [`build`](Self::build): for an object with
    /// no rule between its fields (the query), whose values were each checked when they were set.
    pub fn into_value(self) -> O {
        O::from_parts(self.values, self.set, self.policy)
    }

    /// The rules to check against.
    pub fn set_policy(&mut self, policy: Policy) {
        self.policy = policy;
    }

    fn forget_refused(&mut self, index: usize) {
        if !self.refused.is_empty() {
            self.refused.retain(|(i, _)| *i != index);
        }
    }

    /// Whether the field at `index` was set, validly or not.
    fn is_set(&self, index: usize) -> bool {
        self.set.contains(index) || self.refused.iter().any(|(i, _)| *i == index)
    }

    /// A builder holding every member of a JSON value, as raw input: unknown and repeated
    /// members are violations of the object.
    pub fn read(json: Json<'_>) -> Self {
        let mut builder = Self::default();
        let members = match json {
            Json::Object(members) => members,
            other => {
                builder
                    .extra
                    .push(Violation::new("", other.wrong(JsonType::Object)));
                return builder;
            }
        };
        let fields = O::fields();
        for (key, value) in members {
            let Some(index) = O::field_index(&key) else {
                builder
                    .extra
                    .push(Violation::new(pointer(&key), Rule::UnknownField));
                continue;
            };
            if builder.is_set(index) {
                builder
                    .extra
                    .push(Violation::new(pointer(&key), Rule::DuplicateField));
            }
            builder.forget_refused(index);
            match fields[index].read(&mut builder.values, value) {
                Ok(()) => builder.set.insert(index),
                Err(errors) => {
                    builder.set.remove(index);
                    builder.refused.push((index, errors));
                }
            }
        }
        builder
    }

    /// Checks what is left (the rules between fields, required members, the policy, a body
    /// that sets nothing) and returns the value, or every violation at once: in the table's
    /// field order, unknown members last.
    pub fn build(self) -> Result<O, ValidationErrors> {
        let fields = O::fields();
        let mut found = Vec::new();
        // A field that requires another: set, validly or not, without the other.
        let mut given = self.set;
        self.refused
            .iter()
            .for_each(|&(index, _)| given.insert(index));
        for index in given.iter() {
            let line = fields[index].line();
            if let Some(other) = line.requires
                && !self.is_set(other)
            {
                found.push(Violation::new(
                    line.path,
                    Rule::Requires {
                        other: fields[other].line().path,
                    },
                ));
            }
        }
        for &index in O::REQUIRED {
            if !self.is_set(index) {
                found.push(Violation::new(fields[index].line().path, Rule::Missing));
            }
        }
        let mut violations = self.extra;
        for (index, errors) in self.refused {
            violations.extend(errors.prefixed(fields[index].line().path));
        }
        // After each field's own violations (the stable sort below keeps this order).
        violations.append(&mut found);
        if !violations.is_empty() {
            violations.sort_by_cached_key(|v| {
                let first = v.path().split('/').nth(1).unwrap_or("");
                O::field_index(first).unwrap_or(fields.len())
            });
        }
        let value = O::from_parts(self.values, self.set, self.policy);
        if O::KIND == ObjectKind::Body {
            if value.policy() == Policy::Strict {
                strict_violations(&value, &mut String::new(), &mut violations);
            }
            if violations.is_empty() && value.set().is_empty() {
                violations.push(Violation::new("", Rule::NoFields));
            }
        }
        match ValidationErrors::from_vec(violations) {
            Some(errors) => Err(errors),
            None => Ok(value),
        }
    }
}

/// The set fields of a value.
fn set_fields<O: Object>(value: &O) -> impl Iterator<Item = &'static dyn Field<O>> {
    let fields = O::fields();
    value.set().iter().map(move |index| fields[index])
}

/// The rows of an object's fields and their members, under `prefix`.
pub(crate) fn rows<O: Object>(prefix: &str, out: &mut Vec<FieldRule>) {
    for field in O::fields() {
        field.rows(prefix, out);
    }
}

/// The `Policy::Strict` violations of an object's fields, under `path`.
pub(crate) fn strict_violations<O: Object>(value: &O, path: &mut String, out: &mut Vec<Violation>) {
    for field in set_fields(value) {
        field.strict(value.values(), path, out);
    }
}

/// The warnings of an object's fields, under `path`.
pub(crate) fn warnings<O: Object>(value: &O, path: &mut String, out: &mut Vec<Warning>) {
    for field in set_fields(value) {
        field.warnings(value.values(), path, out);
    }
}

/// A body or a member as its generated type, field by field.
///
/// # Errors
///
/// [`Rule::Schema`] where the generated type refuses a value this layer accepted: a spec change
/// the validated layer has not caught up with (the spec coverage tests rule it out for the
/// checked-in fragments).
pub(crate) fn to_raw<O: Object>(value: &O) -> Result<O::Raw, ValidationErrors>
where
    O::Raw: Default,
{
    let mut raw = O::Raw::default();
    let mut found = Vec::new();
    for field in set_fields(value) {
        if let Err(errors) = field.to_raw(value.values(), &mut raw) {
            found.extend(errors.prefixed(field.line().path));
        }
    }
    match ValidationErrors::from_vec(found) {
        Some(errors) => Err(errors),
        None => Ok(raw),
    }
}

/// A member as its generated type, through JSON: the generated type reads what the member's
/// `Serialize` writes (the set fields) as it reads an answer (its required members included).
///
/// # Errors
///
/// [`Rule::Schema`], as for [`to_raw`].
pub(crate) fn to_raw_through_json<O>(value: &O) -> Result<O::Raw, ValidationErrors>
where
    O: Object + serde::Serialize,
    O::Raw: serde::de::DeserializeOwned,
{
    serde_json::to_value(value)
        .and_then(serde_json::from_value)
        .map_err(ValidationErrors::schema)
}

/// A value of the generated type, checked through the same intake as JSON.
///
/// # Errors
///
/// Every violation, as the JSON intake reports them.
pub(crate) fn from_raw<O: Object>(raw: impl serde::Serialize) -> Result<O, ValidationErrors> {
    let value = serde_json::to_value(raw).map_err(ValidationErrors::schema)?;
    Builder::<O>::read(Json::from_value(&value)?).build()
}

/// The set fields, for `Debug`.
fn debug_fields<O: Object>(s: &mut fmt::DebugStruct<'_, '_>, values: &O::Values, set: Set) {
    let fields = O::fields();
    for field in set.iter().map(|index| fields[index]) {
        if let Some(value) = field.debug(values) {
            s.field(field.line().name, value);
        }
    }
}

/// `Debug` of a value: the set fields, and a body's policy.
pub(crate) fn debug<O: Object>(value: &O, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    let mut s = f.debug_struct(O::NAME);
    debug_fields::<O>(&mut s, value.values(), value.set());
    if O::KIND == ObjectKind::Body {
        s.field("policy", &value.policy());
    }
    s.finish()
}

/// The rule rows of an edition: the path parameter, the query parameters `Q`, then the body
/// `B`, each in its table's order.
pub(crate) fn edition_rows<Q: Object, B: Object>(source: &'static [Source]) -> Vec<FieldRule> {
    let mut rows = vec![FieldRule {
        location: Location::Path,
        path: "userId".to_owned(),
        json_type: JsonType::String,
        rule: <crate::types::UserId as crate::types::Scalar>::rule().into_owned(),
        strict: None,
        max_chars: None,
        max_items: None,
        required: true,
        source,
        doc: "The user ID or email address of the user, or `me`.",
        deprecated: None,
    }];
    self::rows::<Q>("", &mut rows);
    self::rows::<B>("", &mut rows);
    rows
}

/// A query parameter as the generated method takes it; its violations at `?name`.
///
/// # Errors
///
/// [`Rule::Schema`], as for [`to_raw`].
pub(crate) fn raw_param<T: ToRaw<R>, R>(
    value: &Option<T>,
    name: &str,
) -> Result<Option<R>, ValidationErrors> {
    value
        .as_ref()
        .map(ToRaw::to_raw)
        .transpose()
        .map_err(|e| e.with_prefix(&format!("?{name}")))
}

/// The table's fields (their indexes) in the order the generated type `R` serializes its
/// members. The order is read from `R` itself: its derived `Deserialize` names its fields, in
/// declaration order, to the deserializer (`deserialize_struct`), and its derived `Serialize`
/// writes them in that order. A field the generated type lacks comes last (the spec coverage
/// tests rule that out for the checked-in fragments).
pub(crate) fn member_order<O: Object, R: serde::de::DeserializeOwned>() -> Vec<usize> {
    let mut names: &[&str] = &[];
    let _ = R::deserialize(FieldNames(&mut names));
    let mut order: Vec<usize> = names
        .iter()
        .filter_map(|name| O::field_index(name))
        .collect();
    let missing: Vec<usize> = (0..O::fields().len())
        .filter(|i| !order.contains(i))
        .collect();
    order.extend(missing);
    order
}

/// A deserializer that only records the field names a derived `Deserialize` of a struct gives
/// it, and then refuses.
struct FieldNames<'a>(&'a mut &'static [&'static str]);

impl<'de> serde::Deserializer<'de> for FieldNames<'_> {
    type Error = serde::de::value::Error;

    fn deserialize_struct<V: serde::de::Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, Self::Error> {
        *self.0 = fields;
        Err(serde::de::Error::custom("only the field names are read"))
    }

    fn deserialize_any<V: serde::de::Visitor<'de>>(
        self,
        _visitor: V,
    ) -> Result<V::Value, Self::Error> {
        Err(serde::de::Error::custom("not a struct"))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}

/// Writes an object as its generated type writes it: the set fields, by their JSON names, in
/// the generated type's member order, straight from the validated values (each writes its wire
/// value). A test compares the two for every field.
pub(crate) fn serialize<O: Object, S: serde::Serializer>(
    value: &O,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let (fields, values, set) = (O::fields(), value.values(), value.set());
    let mut map = serializer.serialize_map(Some(set.len()))?;
    for &index in O::member_order() {
        if !set.contains(index) {
            continue;
        }
        let field = fields[index];
        if let Some(value) = field.value(values) {
            map.serialize_entry(field.line().name, value)?;
        }
    }
    map.end()
}
