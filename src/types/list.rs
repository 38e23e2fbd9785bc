//! `List`: an array field with the spec's maximum number of items.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, IgnoredAny, SeqAccess, Visitor};

use crate::types::Rule;

/// The items of an array field, at most `MAX` of them (the spec's `maxItems`; `List<T>` has no
/// limit), each checked by its own type. An empty list (the [`Default`]) is a value like any other: it is sent as `[]`,
/// which is how a PATCH clears a list.
///
/// Set one from a `Vec` or an array of items or of their builders; a violation of an item
/// carries the item's index in its path (`/phone_numbers/1/code`), and a list that is too long
/// reports that and the violations of its items.
///
/// ```
/// use zoom_user_update::{PhoneLabel, PhoneNumber, UserUpdate};
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
pub struct List<T, const MAX: usize = { usize::MAX }>(pub(crate) Vec<T>);

impl<T, const MAX: usize> List<T, MAX> {
    /// The maximum number of items, if there is one.
    pub const MAX_ITEMS: Option<usize> = if MAX == usize::MAX { None } else { Some(MAX) };

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

/// The rule a list of `len` items breaks, if it has more than `MAX`.
pub(crate) fn too_many<const MAX: usize>(len: usize) -> Option<Rule> {
    (len > MAX).then_some(Rule::TooManyItems {
        max: MAX,
        actual: len,
    })
}
