//! `List`: an array field with the spec's maximum number of items.

use std::borrow::Cow;
use std::ops::Deref;

use crate::body::field::{FieldKind, ToRaw};
use crate::body::json::Json;
use crate::spec::FieldRule;
use crate::{FieldInput, Rule, ValidationErrors, Violation, Warning};

/// The items of an array field, at most `MAX` of them (the spec's `maxItems`), each checked by
/// its own type. An empty list is a value like any other: it is sent as `[]`, which is how a
/// PATCH clears a list.
///
/// Set one from a `Vec` or an array of items or of their builders; a violation of an item
/// carries the item's index in its path (`/phone_numbers/1/code`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct List<T, const MAX: usize>(Vec<T>);

impl<T, const MAX: usize> List<T, MAX> {
    /// The items, checked: at most `MAX`, each already valid.
    ///
    /// # Errors
    ///
    /// [`Rule::TooManyItems`] past `MAX`.
    pub fn new(items: Vec<T>) -> Result<Self, Rule> {
        if items.len() > MAX {
            Err(Rule::TooManyItems {
                max: MAX,
                actual: items.len(),
            })
        } else {
            Ok(Self(items))
        }
    }

    /// The items.
    #[must_use]
    pub fn as_slice(&self) -> &[T] {
        &self.0
    }

    /// The items, owned.
    #[must_use]
    pub fn into_vec(self) -> Vec<T> {
        self.0
    }
}

/// A list reads as the slice of its items.
impl<T, const MAX: usize> Deref for List<T, MAX> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        &self.0
    }
}

impl<'a, T, const MAX: usize> IntoIterator for &'a List<T, MAX> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<T: serde::Serialize, const MAX: usize> serde::Serialize for List<T, MAX> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

/// Each item's result, the violations of the items prefixed with their index, then the number
/// of items.
fn collect<T, const MAX: usize>(
    items: impl Iterator<Item = Result<T, ValidationErrors>>,
) -> Result<List<T, MAX>, ValidationErrors> {
    let mut list = Vec::new();
    let mut violations = Vec::new();
    for (index, item) in items.enumerate() {
        match item {
            Ok(item) => list.push(item),
            Err(errors) => violations.extend(errors.prefixed(&format!("/{index}"))),
        }
    }
    match ValidationErrors::from_vec(violations) {
        Some(errors) => Err(errors),
        None => List::new(list).map_err(ValidationErrors::here),
    }
}

impl<T, B: FieldInput<T>, const MAX: usize> FieldInput<List<T, MAX>> for Vec<B> {
    fn into_field(self) -> Result<List<T, MAX>, ValidationErrors> {
        let len = self.len();
        too_many::<MAX>(len)?;
        collect(self.into_iter().map(FieldInput::into_field))
    }
}

impl<T, B: FieldInput<T>, const N: usize, const MAX: usize> FieldInput<List<T, MAX>> for [B; N] {
    fn into_field(self) -> Result<List<T, MAX>, ValidationErrors> {
        too_many::<MAX>(N)?;
        collect(self.into_iter().map(FieldInput::into_field))
    }
}

/// The count is checked before the items, so a list that is too long says so even when its
/// items are valid.
fn too_many<const MAX: usize>(len: usize) -> Result<(), ValidationErrors> {
    if len > MAX {
        Err(ValidationErrors::here(Rule::TooManyItems {
            max: MAX,
            actual: len,
        }))
    } else {
        Ok(())
    }
}

impl<T: FieldKind, const MAX: usize> FieldKind for List<T, MAX> {
    const JSON_TYPE: &'static str = "array";

    fn from_json(json: Json) -> Result<Self, ValidationErrors> {
        let items = match json {
            Json::Array(items) => items,
            other => return Err(ValidationErrors::here(other.wrong("array"))),
        };
        too_many::<MAX>(items.len())?;
        collect(items.into_iter().map(T::from_json))
    }

    fn rule() -> Cow<'static, str> {
        format!("at most {MAX} items").into()
    }

    fn max_items() -> Option<usize> {
        Some(MAX)
    }

    fn member_rules(prefix: &str, out: &mut Vec<FieldRule>) {
        T::member_rules(&format!("{prefix}/*"), out);
    }

    fn strict_violations(&self, path: &str, out: &mut Vec<Violation>) {
        for (index, item) in self.0.iter().enumerate() {
            item.strict_violations(&format!("{path}/{index}"), out);
        }
    }

    fn warnings(&self, path: &str, out: &mut Vec<Warning>) {
        for (index, item) in self.0.iter().enumerate() {
            item.warnings(&format!("{path}/{index}"), out);
        }
    }
}

impl<T: ToRaw<R>, R, const MAX: usize> ToRaw<Vec<R>> for List<T, MAX> {
    fn to_raw(&self) -> Result<Vec<R>, ValidationErrors> {
        let mut raw = Vec::with_capacity(self.0.len());
        let mut violations = Vec::new();
        for (index, item) in self.0.iter().enumerate() {
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
