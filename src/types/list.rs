//! `List`: an array field with the spec's maximum number of items.

use std::borrow::Cow;
use std::fmt::{self, Write as _};
use std::marker::PhantomData;

use serde::de::{self, IgnoredAny, SeqAccess, Visitor};

use crate::body::field::{FieldKind, ToRaw};
use crate::body::json::Json;
use crate::spec::FieldRule;
use crate::{FieldInput, Rule, ValidationErrors, Violation, Warning};

/// The items of an array field, at most `MAX` of them (the spec's `maxItems`), each checked by
/// its own type. An empty list (the [`Default`]) is a value like any other: it is sent as `[]`,
/// which is how a PATCH clears a list.
///
/// Set one from a `Vec` or an array of items or of their builders; a violation of an item
/// carries the item's index in its path (`/phone_numbers/1/code`), and a list that is too long
/// reports that and the violations of its items.
///
/// ```
/// use zoom_user_update::v2025::{PhoneLabel, PhoneNumber, UserUpdate};
///
/// let update = UserUpdate::builder()
///     .phone_numbers([PhoneNumber::builder().number("5550100").label(PhoneLabel::Mobile)])
///     .build()?;
/// let phones = update.phone_numbers().expect("set");
/// assert_eq!(phones.len(), 1);
/// for phone in phones {
///     assert_eq!(phone.label(), Some(&PhoneLabel::Mobile));
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct List<T, const MAX: usize>(Vec<T>);

impl<T, const MAX: usize> List<T, MAX> {
    /// The items, checked: at most `MAX`, each already valid.
    ///
    /// # Errors
    ///
    /// [`Rule::TooManyItems`] past `MAX`.
    pub fn new(items: Vec<T>) -> Result<Self, Rule> {
        match too_many::<MAX>(items.len()) {
            Some(rule) => Err(rule),
            None => Ok(Self(items)),
        }
    }

    /// The items.
    #[must_use]
    pub fn as_slice(&self) -> &[T] {
        &self.0
    }

    /// The items, in order.
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.0.iter()
    }

    /// The number of items.
    #[must_use]
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether the list has no items (sent as `[]`: it clears the list).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The items, owned.
    #[must_use]
    pub fn into_vec(self) -> Vec<T> {
        self.0
    }
}

/// The empty list, which clears the field it is sent in.
impl<T, const MAX: usize> Default for List<T, MAX> {
    fn default() -> Self {
        Self(Vec::new())
    }
}

impl<'a, T, const MAX: usize> IntoIterator for &'a List<T, MAX> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<T, const MAX: usize> IntoIterator for List<T, MAX> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<T: serde::Serialize, const MAX: usize> serde::Serialize for List<T, MAX> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

/// Reads the items through their own `Deserialize`, and at most `MAX` of them: the items past
/// `MAX` are skipped, not kept, and counted for the error ([`Rule::TooManyItems`]).
impl<'de, T: serde::Deserialize<'de>, const MAX: usize> serde::Deserialize<'de> for List<T, MAX> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Items<T, const MAX: usize>(PhantomData<T>);

        impl<'de, T: serde::Deserialize<'de>, const MAX: usize> Visitor<'de> for Items<T, MAX> {
            type Value = List<T, MAX>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "an array of at most {MAX} items")
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(MAX));
                while items.len() < MAX {
                    match seq.next_element()? {
                        Some(item) => items.push(item),
                        None => return Ok(List(items)),
                    }
                }
                let mut actual = MAX;
                while seq.next_element::<IgnoredAny>()?.is_some() {
                    actual += 1;
                }
                match too_many::<MAX>(actual) {
                    Some(rule) => Err(de::Error::custom(rule)),
                    None => Ok(List(items)),
                }
            }
        }

        deserializer.deserialize_seq(Items(PhantomData))
    }
}

/// The violations of a list of `len` items: too many of them (at the list's own path), then
/// those of each of the first `MAX` items (the ones that could be sent), prefixed with its
/// index. A list far too long cannot make the report grow with it.
fn collect<T, const MAX: usize>(
    len: usize,
    items: impl Iterator<Item = Result<T, ValidationErrors>>,
) -> Result<List<T, MAX>, ValidationErrors> {
    let mut violations = Vec::new();
    if let Some(rule) = too_many::<MAX>(len) {
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

/// The rule a list of `len` items breaks, if it has more than `MAX`.
fn too_many<const MAX: usize>(len: usize) -> Option<Rule> {
    (len > MAX).then_some(Rule::TooManyItems {
        max: MAX,
        actual: len,
    })
}

impl<T: FieldKind, const MAX: usize> FieldKind for List<T, MAX> {
    const JSON_TYPE: &'static str = "array";

    fn from_json(json: Json<'_>) -> Result<Self, ValidationErrors> {
        let items = match json {
            Json::Array(items) => items,
            other => return Err(ValidationErrors::here(other.wrong("array"))),
        };
        collect(items.len(), items.into_iter().map(T::from_json))
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

    fn strict_violations(&self, path: &mut String, out: &mut Vec<Violation>) {
        for_each_item(&self.0, path, |item, path| {
            item.strict_violations(path, out)
        });
    }

    fn warnings(&self, path: &mut String, out: &mut Vec<Warning>) {
        for_each_item(&self.0, path, |item, path| item.warnings(path, out));
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
