//! `CallingCode` and the `phone_numbers` object.

use crate::parse::string_type;
use crate::{CountryId, FieldInput, Rule};

/// A country calling code: `+` and 1 to 3 digits, the first not `0` (`+1`, `+44`, `+886`).
///
/// ```
/// use zoom_user_update::CallingCode;
///
/// assert!("+1".parse::<CallingCode>().is_ok());
/// assert!("1".parse::<CallingCode>().is_err());
/// assert!("+0".parse::<CallingCode>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CallingCode(String);

impl CallingCode {
    /// Checks the text against the rules.
    ///
    /// # Errors
    ///
    /// [`Rule::InvalidCallingCode`] unless the text is `+` and 1–3 ASCII digits, the first not 0.
    pub(crate) fn check(s: &str) -> Result<(), Rule> {
        match s.as_bytes() {
            [b'+', first, rest @ ..]
                if (b'1'..=b'9').contains(first)
                    && rest.len() <= 2
                    && rest.iter().all(u8::is_ascii_digit) =>
            {
                Ok(())
            }
            _ => Err(Rule::InvalidCallingCode),
        }
    }
}

string_type!(CallingCode, owned);

/// The `phone_numbers` object: a phone number with its calling code and country. Every part is
/// optional; those not set are not sent.
///
/// ```
/// use zoom_user_update::PhoneNumbers;
///
/// let phone = PhoneNumbers::new().number("5550100").code("+1").country("US");
/// # let _ = phone;
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PhoneNumbers {
    pub(crate) number: Option<Result<String, Rule>>,
    pub(crate) code: Option<Result<CallingCode, Rule>>,
    pub(crate) country: Option<Result<CountryId, Rule>>,
}

impl PhoneNumbers {
    /// An object with nothing set.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// The phone number (free text).
    #[must_use]
    pub fn number(mut self, number: impl Into<String>) -> Self {
        self.number = Some(Ok(number.into()));
        self
    }

    /// The calling code, such as `"+1"`; checked when the update is built.
    #[must_use]
    pub fn code(mut self, code: impl FieldInput<CallingCode>) -> Self {
        self.code = Some(code.into_field());
        self
    }

    /// The country ID, such as `"BR"`; checked when the update is built.
    #[must_use]
    pub fn country(mut self, country: impl FieldInput<CountryId>) -> Self {
        self.country = Some(country.into_field());
        self
    }
}

/// The `custom_attributes` object: one custom attribute of the user (all parts free text).
///
/// ```
/// use zoom_user_update::CustomAttributes;
///
/// let attr = CustomAttributes::new().key("cbf9b7a3").name("Badge").value("1234");
/// # let _ = attr;
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CustomAttributes {
    pub(crate) key: Option<Result<String, Rule>>,
    pub(crate) name: Option<Result<String, Rule>>,
    pub(crate) value: Option<Result<String, Rule>>,
}

impl CustomAttributes {
    /// An object with nothing set.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Identifier for the custom attribute.
    #[must_use]
    pub fn key(mut self, key: impl Into<String>) -> Self {
        self.key = Some(Ok(key.into()));
        self
    }

    /// Name of the custom attribute.
    #[must_use]
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(Ok(name.into()));
        self
    }

    /// Value of the custom attribute.
    #[must_use]
    pub fn value(mut self, value: impl Into<String>) -> Self {
        self.value = Some(Ok(value.into()));
        self
    }
}
