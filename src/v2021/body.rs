//! The tables of Zoom's reference page for the operation (the seed): the body, its two nested
//! objects and the query, one line per field, in the fragment's order.

use crate::body::policy::{HOST_KEY, LANGUAGE, PMI, VANITY_NAME};
use crate::body::rules::Source;
use crate::body::table::table;
use crate::types::{CallingCode, CountryId, Email, HostKey, PersonName, Pmi, Text, TimeZone};
use crate::v2021::enums::{LoginType, UserType};
use crate::v2021::raw::types::{UserCustomAttributes, UserPhoneNumbers, UserUpdateBody};

/// Zoom's reference page for the operation.
pub(super) const SEED: &[Source] = &[Source::ReferencePage];
/// Zoom's Swagger 2.0 spec of August 2021.
const SWAGGER: &str = "Zoom Swagger 2.0 spec, 2021";
/// Zoom's Swagger 2.0 spec of 2021, where the reference page is silent.
const SPEC: &[Source] = &[Source::Spec(SWAGGER)];
/// The reference page's rule (Chinese characters) and the 2021 spec's maximum length.
const NAME: &[Source] = &[Source::ReferencePage, Source::Spec(SWAGGER)];

table! {
    /// A validated user update of Zoom's reference page (the 2021 edition): every field it
    /// holds passed every rule of its [`Policy`](crate::Policy), at least one field is set, and
    /// only the fields that were set are serialized (PATCH semantics).
    ///
    /// Build one with [`UserUpdate::builder`], or read one from JSON with
    /// [`UserUpdate::from_json`]. `Serialize` writes the request body; `Deserialize` goes
    /// through the same checks as [`UserUpdate::from_value`] with
    /// [`Policy::Spec`](crate::Policy::Spec).
    ///
    /// ```
    /// use zoom_user_update::v2021::UserUpdate;
    ///
    /// let update = UserUpdate::builder()
    ///     .first_name("Ada")
    ///     .pmi(2345678901)
    ///     .timezone("Europe/London")
    ///     .build()?;
    /// assert_eq!(
    ///     serde_json::to_string(&update)?,
    ///     r#"{"first_name":"Ada","pmi":2345678901,"timezone":"Europe/London"}"#
    /// );
    /// assert_eq!(update.pmi().map(|p| p.get()), Some(2345678901));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub body UserUpdate(UserUpdateFields), builder UserUpdateBuilder, raw UserUpdateBody {
        /// User's first name.
        first_name: PersonName = NAME;
        /// User's last name.
        last_name: PersonName = NAME;
        /// User type: 1 Basic, 2 Licensed, 3 On-prem (99 None only with `ssoCreate`).
        user_type as "type" in type_: UserType = SEED;
        /// Personal Meeting ID.
        pmi: Pmi = SEED, strict PMI;
        /// Use the Personal Meeting ID for instant meetings.
        use_pmi: bool = SEED;
        /// The timezone ID for the user profile.
        timezone: TimeZone = SEED;
        /// Language.
        language: Text = SEED, strict LANGUAGE;
        /// Department for the user profile, used for reports.
        dept: Text = SEED;
        /// Personal meeting room name.
        vanity_name: Text = SEED, strict VANITY_NAME;
        /// Host key: the PIN that claims host controls.
        host_key: HostKey = SEED, strict HOST_KEY;
        /// Kaltura user ID.
        cms_user_id: Text = SEED;
        /// The user's job title.
        job_title: Text<128> = SPEC;
        /// The user's company.
        company: Text<255> = SPEC;
        /// The user's location.
        location: Text<256> = SPEC;
        /// Phone number of the user (deprecated by Zoom).
        phone_number: Text = SEED, requires phone_country, deprecated "/phone_numbers/number";
        /// Country ID of the phone number (deprecated by Zoom).
        phone_country: CountryId = SEED, deprecated "/phone_numbers/country";
        /// The user's phone: number, calling code and country.
        phone_numbers: PhoneNumbers = SEED;
        /// A custom attribute of the user.
        custom_attributes: CustomAttributes = SEED;
        /// The manager's email address.
        manager: Email = SPEC;
        /// The group to add a pending user to.
        group_id: Text = SEED;
    }
}

table! {
    /// The `phone_numbers` object: a phone number with its calling code and country. Every
    /// part is optional; those not set are not sent.
    ///
    /// ```
    /// use zoom_user_update::v2021::PhoneNumbers;
    ///
    /// let phone = PhoneNumbers::builder().number("5550100").code("+1").country("US");
    /// # let _ = phone;
    /// ```
    pub member PhoneNumbers(PhoneNumbersFields), builder PhoneNumbersBuilder, raw UserPhoneNumbers {
        /// The phone number.
        number: Text = SEED;
        /// The country calling code, such as `+1`.
        code: CallingCode = SEED;
        /// The country ID, such as `BR`.
        country: CountryId = SEED;
    }
}

table! {
    /// The `custom_attributes` object: one custom attribute of the user (all parts free text).
    ///
    /// ```
    /// use zoom_user_update::v2021::CustomAttributes;
    ///
    /// let attr = CustomAttributes::builder().key("cbf9b7a3").name("Badge").value("1234");
    /// # let _ = attr;
    /// ```
    pub member CustomAttributes(CustomAttributesFields), builder CustomAttributesBuilder, raw UserCustomAttributes {
        /// Identifier for the custom attribute.
        key: Text = SEED;
        /// Name of the custom attribute.
        name: Text = SEED;
        /// Value of the custom attribute.
        value: Text = SEED;
    }
}

table! {
    /// The query parameters of an update of this edition.
    ///
    /// ```
    /// use zoom_user_update::v2021::{LoginType, Query};
    ///
    /// let query = Query::new().login_type(LoginType::Sso);
    /// # let _ = query;
    /// ```
    pub query Query(QueryFields) {
        /// The user's login method.
        login_type: LoginType = SEED;
    }
}
