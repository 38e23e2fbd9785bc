//! The tables of Zoom's current edition: the body, the objects inside it and the query, one
//! line per field. The rules of the reference page that still hold (PMI, host key, names,
//! timezone, country and calling code, email) keep their types; the fields and values Zoom
//! added have their own.

use crate::body::policy::{HOST_KEY, LANGUAGE, PMI, VANITY_NAME};
use crate::body::rules::Source;
use crate::body::table::table;
use crate::types::{
    AboutMe, CallingCode, CountryId, DisplayName, Email, HostKey, LinkedinUrl, List, PersonName,
    Pmi, Text, TimeZone,
};
use crate::v2025::enums::{
    LicenseOption, LicenseType, LoginType, PhoneLabel, PlanUnitedType, PronounsOption, UserType,
    ZoomOneType,
};
use crate::v2025::raw::types::{
    UserUpdateBody, UserUpdateBodyCustomAttributesItem, UserUpdateBodyFeature,
    UserUpdateBodyLicenseInfoListItem, UserUpdateBodyPhoneNumbersItem,
};

/// Zoom's User API spec (OpenAPI 3.0) of March 2025.
const USER_API: &str = "Zoom User API spec, 2025";
/// Zoom's User API spec of March 2025.
pub(super) const SPEC: &[Source] = &[Source::Spec(USER_API)];
/// A rule of the reference page that the 2025 spec keeps (in its prose or a keyword).
const SEED: &[Source] = &[Source::ReferencePage, Source::Spec(USER_API)];
/// What Zoom's own SDK sends today beyond the 2025 file (`@zoom/rivet` 0.4.0).
const SDK: &[Source] = &[Source::Sdk("@zoom/rivet 0.4.0")];

table! {
    /// A validated user update of Zoom's current edition: every field it holds passed every
    /// rule of its [`Policy`](crate::Policy), at least one field is set, and only the fields
    /// that were set are serialized (an empty list included: that is how a PATCH clears one).
    ///
    /// ```
    /// use zoom_user_update::v2025::{PhoneLabel, PhoneNumber, UserUpdate, ZoomOneType};
    ///
    /// let update = UserUpdate::builder()
    ///     .display_name("Grace")
    ///     .phone_numbers([PhoneNumber::builder().number("5550100").code("+1").label("Mobile")])
    ///     .zoom_one_type(ZoomOneType::EducationEnterpriseStudent)
    ///     .clear_custom_attributes()
    ///     .build()?;
    /// assert_eq!(
    ///     serde_json::to_string(&update)?,
    ///     r#"{"custom_attributes":[],"display_name":"Grace","phone_numbers":[{"code":"+1","label":"Mobile","number":"5550100"}],"zoom_one_type":576460752303423488}"#
    /// );
    /// assert_eq!(update.phone_numbers().map(|p| p.len()), Some(1));
    /// # let _ = PhoneLabel::Mobile;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub body UserUpdate(UserUpdateFields), builder UserUpdateBuilder, raw UserUpdateBody {
        /// User's first name.
        first_name: PersonName = SEED;
        /// User's last name.
        last_name: PersonName = SEED;
        /// The user's display name.
        display_name: DisplayName = SPEC;
        /// User type: 1 Basic, 2 Licensed, 4 Unassigned without Meetings Basic (99 None only
        /// with `ssoCreate`).
        user_type as "type" in type_: UserType = SPEC;
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
        /// The user's cost center.
        cost_center: Text = SPEC;
        /// The user's self-introduction.
        about_me: AboutMe = SPEC;
        /// The user's LinkedIn link.
        linkedin_url: LinkedinUrl = SPEC;
        /// The user's pronouns.
        pronouns: Text = SPEC;
        /// When the user's pronouns are shown.
        pronouns_option: PronounsOption = SPEC;
        /// Phone number of the user (deprecated by Zoom).
        phone_number: Text = SPEC, requires phone_country, deprecated "/phone_numbers/*/number";
        /// Country ID of the phone number (deprecated by Zoom).
        phone_country: CountryId = SPEC, deprecated "/phone_numbers/*/country";
        /// The user's phone numbers.
        phone_numbers: List<PhoneNumber, 3> = SPEC, cleared_by clear_phone_numbers;
        /// The user's custom attributes.
        custom_attributes: List<CustomAttribute, 5> = SPEC, cleared_by clear_custom_attributes;
        /// The manager's email address.
        manager: Email = SPEC;
        /// The group to add a pending user to.
        group_id: Text = SEED;
        /// The user's features.
        feature: Feature = SPEC;
        /// The Zoom United type and license.
        plan_united_type: PlanUnitedType = SPEC;
        /// The Zoom Workplace (Zoom One) plan.
        zoom_one_type: ZoomOneType = SPEC;
        /// The IDs of the user's divisions (Zoom's Divisions API).
        division_ids: List<Text> = SDK, cleared_by clear_division_ids;
        /// The user's licenses: type, option and subscription of each.
        license_info_list: List<LicenseInfo> = SDK, cleared_by clear_license_info_list;
    }
}

table! {
    /// One of the user's phone numbers (an item of `phone_numbers`).
    ///
    /// ```
    /// use zoom_user_update::v2025::{PhoneLabel, PhoneNumber};
    ///
    /// let phone = PhoneNumber::builder().number("5550100").code("+1").country("US").label(PhoneLabel::Office);
    /// # let _ = phone;
    /// ```
    pub member PhoneNumber(PhoneNumberFields), builder PhoneNumberBuilder, raw UserUpdateBodyPhoneNumbersItem {
        /// The phone number.
        number: Text = SPEC;
        /// The country calling code, such as `+1`.
        code: CallingCode = SEED;
        /// The country ID, such as `US`.
        country: CountryId = SEED;
        /// The label: `Mobile`, `Office`, `Home` or `Fax`.
        label: PhoneLabel = SPEC;
    }
}

table! {
    /// One of the user's custom attributes (an item of `custom_attributes`; all parts free text).
    pub member CustomAttribute(CustomAttributeFields), builder CustomAttributeBuilder, raw UserUpdateBodyCustomAttributesItem {
        /// Identifier for the custom attribute.
        key: Text = SPEC;
        /// Name of the custom attribute.
        name: Text = SPEC;
        /// Value of the custom attribute.
        value: Text = SPEC;
    }
}

table! {
    /// The user's features.
    pub member Feature(FeatureFields), builder FeatureBuilder, raw UserUpdateBodyFeature {
        /// Whether the user has Zoom Phone.
        zoom_phone: bool = SPEC;
    }
}

table! {
    /// One of the user's licenses (an item of `license_info_list`): all three members are
    /// required.
    ///
    /// ```
    /// use zoom_user_update::v2025::{LicenseInfo, LicenseOption, LicenseType, UserUpdate};
    ///
    /// let update = UserUpdate::builder()
    ///     .license_info_list([LicenseInfo::builder()
    ///         .license_type(LicenseType::ZoomWorkplaceBundle)
    ///         .license_option(LicenseOption::Pow59)
    ///         .subscription_id("sub-1")])
    ///     .build()?;
    /// assert!(serde_json::to_string(&update)?.contains(r#""license_option":576460752303423488"#));
    ///
    /// let errors = UserUpdate::builder()
    ///     .license_info_list([LicenseInfo::builder().license_type("MEETING")])
    ///     .build()
    ///     .unwrap_err();
    /// let paths: Vec<_> = errors.iter().map(|v| v.path()).collect();
    /// assert_eq!(paths, ["/license_info_list/0/license_option", "/license_info_list/0/subscription_id"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub required_member LicenseInfo(LicenseInfoFields), builder LicenseInfoBuilder, raw UserUpdateBodyLicenseInfoListItem,
        required [license_type, license_option, subscription_id] {
        /// The license type.
        license_type: LicenseType = SDK;
        /// The license option.
        license_option: LicenseOption = SDK;
        /// The subscription the license belongs to.
        subscription_id: Text = SDK;
    }
}

table! {
    /// The query parameters of an update of this edition.
    ///
    /// ```
    /// use zoom_user_update::v2025::{LoginType, Query};
    ///
    /// let query = Query::new().login_type(LoginType::Sso).remove_tsp_credentials(true);
    /// # let _ = query;
    /// ```
    pub query Query(QueryFields) {
        /// The user's login method.
        login_type: LoginType = SPEC;
        /// Whether to remove the user's TSP credentials.
        remove_tsp_credentials: bool = SPEC;
    }
}
