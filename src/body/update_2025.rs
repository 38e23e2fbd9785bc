//! The request body of Zoom's current spec (the 2025 User API file): one line per field. The
//! rules of the reference page that still hold (PMI, host key, names, timezone, country and
//! calling code, email) keep their types; the fields and values Zoom added have their own.

use crate::body::policy::{LANGUAGE, VANITY_NAME};
use crate::body::table::object;
use crate::raw::v2025::types::{
    UserUpdateBody, UserUpdateBodyCustomAttributesItem, UserUpdateBodyFeature,
    UserUpdateBodyPhoneNumbersItem,
};
use crate::types::v2025::{PhoneLabel, PlanUnitedType, PronounsOption, UserType, ZoomOneType};
use crate::types::{host_key, pmi};
use crate::{
    AboutMe, CallingCode, CountryId, DisplayName, Email, HostKey, LinkedinUrl, List, PersonName,
    Pmi, Text, TimeZone,
};

use crate::spec::{SEED_KEPT_2025 as SEED, SPEC_2025};

object! {
    /// A validated user update for Zoom's current spec (2025): every field it holds passed
    /// every rule of its [`Policy`](crate::Policy), at least one field is set, and only the
    /// fields that were set are serialized (an empty list included: that is how a PATCH clears
    /// one).
    ///
    /// ```
    /// use zoom_user_update::v2025::{PhoneLabel, PhoneNumber, UserUpdate, ZoomOneType};
    ///
    /// let update = UserUpdate::builder()
    ///     .display_name("Grace")
    ///     .phone_numbers([PhoneNumber::builder().number("5550100").code("+1").label("Mobile")])
    ///     .zoom_one_type(ZoomOneType::EducationEnterpriseStudent)
    ///     .custom_attributes(Vec::<zoom_user_update::v2025::CustomAttributeBuilder>::new())
    ///     .build()?;
    /// assert_eq!(
    ///     serde_json::to_string(&update)?,
    ///     r#"{"custom_attributes":[],"display_name":"Grace","phone_numbers":[{"code":"+1","label":"Mobile","number":"5550100"}],"zoom_one_type":576460752303423488}"#
    /// );
    /// assert_eq!(update.phone_numbers().map(|p| p.len()), Some(1));
    /// # let _ = PhoneLabel::Mobile;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub struct UserUpdate(UserUpdateFields), builder UserUpdateBuilder, raw UserUpdateBody, top {
        /// User's first name.
        first_name: PersonName = SEED;
        /// User's last name.
        last_name: PersonName = SEED;
        /// The user's display name.
        display_name: DisplayName = SPEC_2025;
        /// User type: 1 Basic, 2 Licensed, 4 Unassigned without Meetings Basic (99 None only
        /// with `ssoCreate`).
        user_type as "type" in type_: UserType = SPEC_2025;
        /// Personal Meeting ID.
        pmi: Pmi = SEED, strict pmi::STRICT;
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
        host_key: HostKey = SEED, strict host_key::STRICT;
        /// Kaltura user ID.
        cms_user_id: Text = SEED;
        /// The user's job title.
        job_title: Text<128> = SPEC_2025;
        /// The user's company.
        company: Text<255> = SPEC_2025;
        /// The user's location.
        location: Text<256> = SPEC_2025;
        /// The user's cost center.
        cost_center: Text = SPEC_2025;
        /// The user's self-introduction.
        about_me: AboutMe = SPEC_2025;
        /// The user's LinkedIn link.
        linkedin_url: LinkedinUrl = SPEC_2025;
        /// The user's pronouns.
        pronouns: Text = SPEC_2025;
        /// When the user's pronouns are shown.
        pronouns_option: PronounsOption = SPEC_2025;
        /// Phone number of the user (deprecated by Zoom).
        phone_number: Text = SPEC_2025, requires phone_country, deprecated "/phone_numbers/*/number";
        /// Country ID of the phone number (deprecated by Zoom).
        phone_country: CountryId = SPEC_2025, deprecated "/phone_numbers/*/country";
        /// The user's phone numbers.
        phone_numbers: List<PhoneNumber, 3> = SPEC_2025;
        /// The user's custom attributes.
        custom_attributes: List<CustomAttribute, 5> = SPEC_2025;
        /// The manager's email address.
        manager: Email = SPEC_2025;
        /// The group to add a pending user to.
        group_id: Text = SEED;
        /// The user's features.
        feature: Feature = SPEC_2025;
        /// The Zoom United type and license.
        plan_united_type: PlanUnitedType = SPEC_2025;
        /// The Zoom Workplace (Zoom One) plan.
        zoom_one_type: ZoomOneType = SPEC_2025;
    }
}

object! {
    /// One of the user's phone numbers (an item of `phone_numbers`).
    ///
    /// ```
    /// use zoom_user_update::v2025::{PhoneLabel, PhoneNumber};
    ///
    /// let phone = PhoneNumber::builder().number("5550100").code("+1").country("US").label(PhoneLabel::Office);
    /// # let _ = phone;
    /// ```
    pub struct PhoneNumber(PhoneNumberFields), builder PhoneNumberBuilder, raw UserUpdateBodyPhoneNumbersItem {
        /// The phone number.
        number: Text = SPEC_2025;
        /// The country calling code, such as `+1`.
        code: CallingCode = SEED;
        /// The country ID, such as `US`.
        country: CountryId = SEED;
        /// The label: `Mobile`, `Office`, `Home` or `Fax`.
        label: PhoneLabel = SPEC_2025;
    }
}

object! {
    /// One of the user's custom attributes (an item of `custom_attributes`; all parts free text).
    pub struct CustomAttribute(CustomAttributeFields), builder CustomAttributeBuilder, raw UserUpdateBodyCustomAttributesItem {
        /// Identifier for the custom attribute.
        key: Text = SPEC_2025;
        /// Name of the custom attribute.
        name: Text = SPEC_2025;
        /// Value of the custom attribute.
        value: Text = SPEC_2025;
    }
}

object! {
    /// The user's features.
    pub struct Feature(FeatureFields), builder FeatureBuilder, raw UserUpdateBodyFeature {
        /// Whether the user has Zoom Phone.
        zoom_phone: bool = SPEC_2025;
    }
}
