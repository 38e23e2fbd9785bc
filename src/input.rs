//! `FieldInput`: what a setter accepts for a validated field.

use crate::{
    CallingCode, CountryId, Email, HostKey, LoginType, PersonName, Pmi, Rule, TimeZone, UserId,
    UserType,
};

/// A value a setter accepts for a field of type `T`: the validated type itself, or a raw value
/// (text, an integer) that is parsed with `T`'s own parser. A raw value that breaks a rule does
/// not fail at the setter; the builder reports it with every other violation when it builds.
pub trait FieldInput<T> {
    /// The validated value, or the rule the raw value broke.
    ///
    /// # Errors
    ///
    /// The [`Rule`] the value breaks.
    fn into_field(self) -> Result<T, Rule>;
}

impl<T> FieldInput<T> for T {
    fn into_field(self) -> Result<T, Rule> {
        Ok(self)
    }
}

macro_rules! text_input {
    ($($ty:ty),*) => {$(
        impl FieldInput<$ty> for &str {
            fn into_field(self) -> Result<$ty, Rule> {
                <$ty>::parse(self)
            }
        }
        impl FieldInput<$ty> for String {
            fn into_field(self) -> Result<$ty, Rule> {
                <$ty>::parse(&self)
            }
        }
        impl FieldInput<$ty> for &String {
            fn into_field(self) -> Result<$ty, Rule> {
                <$ty>::parse(self)
            }
        }
    )*};
}

text_input!(
    CallingCode,
    CountryId,
    Email,
    HostKey,
    LoginType,
    PersonName,
    TimeZone,
    UserId
);

macro_rules! integer_input {
    ($ty:ty: $($int:ty),*) => {$(
        impl FieldInput<$ty> for $int {
            fn into_field(self) -> Result<$ty, Rule> {
                <$ty>::try_from(i64::from(self))
            }
        }
    )*};
}

integer_input!(Pmi: i64, u32, i32);
integer_input!(UserType: i64, i32, u32, u8);

impl FieldInput<Pmi> for u64 {
    fn into_field(self) -> Result<Pmi, Rule> {
        Pmi::try_from(self)
    }
}

impl FieldInput<TimeZone> for chrono_tz::Tz {
    fn into_field(self) -> Result<TimeZone, Rule> {
        Ok(self.into())
    }
}
