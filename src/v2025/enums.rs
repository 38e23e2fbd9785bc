//! The enum-like types of Zoom's current edition.

use crate::types::Rule;
use crate::types::enum_type::enum_type;

enum_type! {
    /// The user's login method in Zoom's current spec, sent as the `login_type` query parameter
    /// (an integer there).
    ///
    /// ```
    /// use zoom_user_update::v2025::LoginType;
    ///
    /// assert_eq!(LoginType::from_value(101)?, LoginType::Sso);
    /// assert_eq!(LoginType::from_name("apple")?.value(), 24);
    /// assert!(LoginType::from_value(3).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum LoginType: i64 in "zoom_user_update::v2025" {
        /// 0: Facebook OAuth.
        Facebook = 0, "facebook";
        /// 1: Google OAuth.
        Google = 1, "google";
        /// 11: phone number (China only).
        Phone = 11, "phone";
        /// 21: WeChat (China only).
        WeChat = 21, "wechat";
        /// 23: Alipay (China only).
        Alipay = 23, "alipay";
        /// 24: Apple OAuth.
        Apple = 24, "apple";
        /// 27: Microsoft OAuth.
        Microsoft = 27, "microsoft";
        /// 97: mobile device.
        MobileDevice = 97, "mobile-device";
        /// 98: RingCentral OAuth.
        RingCentral = 98, "ringcentral";
        /// 99: API user.
        Api = 99, "api";
        /// 100: Zoom Work email.
        WorkEmail = 100, "work-email";
        /// 101: Single Sign-On (SSO).
        Sso = 101, "sso";
    }
}

enum_type! {
    /// The user type an update may set in Zoom's current spec: Basic (1), Licensed (2) or
    /// Unassigned without Meetings Basic (4). 99 (None) "can only be set" when the user was
    /// created with `ssoCreate`, so an update that asks for it is refused.
    ///
    /// ```
    /// use zoom_user_update::Rule;
    /// use zoom_user_update::v2025::UserType;
    ///
    /// assert_eq!(UserType::from_value(4)?, UserType::Unassigned);
    /// assert_eq!(UserType::from_value(99), Err(Rule::UserTypeSsoCreateOnly));
    /// assert!(UserType::from_value(3).is_err()); // On-prem is gone
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum UserType: i64 in "zoom_user_update::v2025" {
        /// 1: Basic.
        Basic = 1, "basic";
        /// 2: Licensed.
        Licensed = 2, "licensed";
        /// 4: Unassigned without Meetings Basic.
        Unassigned = 4, "unassigned";
    }
    refuse { 99 => Rule::UserTypeSsoCreateOnly }
}

enum_type! {
    /// When the user's pronouns are shown.
    pub enum PronounsOption: i64 in "zoom_user_update::v2025" {
        /// 1: ask the user every time they join meetings and webinars.
        Ask = 1, "ask";
        /// 2: always display pronouns in meetings and webinars.
        Always = 2, "always";
        /// 3: do not display pronouns in meetings and webinars.
        Never = 3, "never";
    }
}

enum_type! {
    /// The label of a phone number.
    pub enum PhoneLabel: str in "zoom_user_update::v2025" {
        /// `Mobile`.
        Mobile = "Mobile", "mobile";
        /// `Office`.
        Office = "Office", "office";
        /// `Home`.
        Home = "Home", "home";
        /// `Fax`.
        Fax = "Fax", "fax";
    }
}

enum_type! {
    /// The Zoom United type and license (sent as a string).
    pub enum PlanUnitedType: str in "zoom_user_update::v2025" {
        /// `1`: Pro-United with US/CA Unlimited.
        ProUsCa = "1", "pro-us-ca";
        /// `2`: Pro-United with UK/IR Unlimited.
        ProUkIr = "2", "pro-uk-ir";
        /// `4`: Pro-United with AU/NZ Unlimited.
        ProAuNz = "4", "pro-au-nz";
        /// `8`: Pro-United with Global Select.
        ProGlobalSelect = "8", "pro-global-select";
        /// `16`: Pro-United with Zoom Phone Pro.
        ProPhonePro = "16", "pro-phone-pro";
        /// `32`: Biz-United with US/CA Unlimited.
        BizUsCa = "32", "biz-us-ca";
        /// `64`: Biz-United with UK/IR Unlimited.
        BizUkIr = "64", "biz-uk-ir";
        /// `128`: Biz-United with AU/NZ Unlimited.
        BizAuNz = "128", "biz-au-nz";
        /// `256`: Biz-United with Global Select.
        BizGlobalSelect = "256", "biz-global-select";
        /// `512`: Biz-United with Zoom Phone Pro.
        BizPhonePro = "512", "biz-phone-pro";
        /// `1024`: Ent-United with US/CA Unlimited.
        EntUsCa = "1024", "ent-us-ca";
        /// `2048`: Ent-United with UK/IR Unlimited.
        EntUkIr = "2048", "ent-uk-ir";
        /// `4096`: Ent-United with AU/NZ Unlimited.
        EntAuNz = "4096", "ent-au-nz";
        /// `8192`: Ent-United with Global Select.
        EntGlobalSelect = "8192", "ent-global-select";
        /// `16384`: Ent-United with Zoom Phone Pro.
        EntPhonePro = "16384", "ent-phone-pro";
        /// `32768`: Pro-United with JP Unlimited.
        ProJp = "32768", "pro-jp";
        /// `65536`: Biz-United with JP Unlimited.
        BizJp = "65536", "biz-jp";
        /// `131072`: Ent-United with JP Unlimited.
        EntJp = "131072", "ent-jp";
        /// `none`: turn off Zoom United.
        Off = "none", "off";
    }
}

enum_type! {
    /// The Zoom Workplace (Zoom One) plan. The values are powers of two up to 2^59, sent as
    /// exact 64-bit integers: never through floating point, and a JSON number written with a
    /// fraction or an exponent (`5.76e17`) is refused.
    ///
    /// ```
    /// use zoom_user_update::v2025::ZoomOneType;
    ///
    /// let plan = ZoomOneType::from_value(576460752303423488)?;
    /// assert_eq!(plan, ZoomOneType::EducationEnterpriseStudent);
    /// assert_eq!(serde_json::to_string(&plan)?, "576460752303423488");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum ZoomOneType: i64 in "zoom_user_update::v2025" {
        /// 0: turn off the Zoom Workplace (Zoom One) license.
        Off = 0, "off";
        /// 16: Business Plus with US/CA Unlimited (for Gov accounts: Zoom One Business Plus).
        BusinessPlusUsCa = 16, "business-plus-us-ca";
        /// 32: Business Plus with UK/IR Unlimited.
        BusinessPlusUkIr = 32, "business-plus-uk-ir";
        /// 64: Business Plus with AU/NZ Unlimited.
        BusinessPlusAuNz = 64, "business-plus-au-nz";
        /// 128: Business Plus with Japan Unlimited.
        BusinessPlusJapan = 128, "business-plus-japan";
        /// 33554432: Business Plus with Global Select.
        BusinessPlusGlobalSelect = 33554432, "business-plus-global-select";
        /// 134217728: Enterprise Premier with US/CA Unlimited.
        EnterprisePremierUsCa = 134217728, "enterprise-premier-us-ca";
        /// 268435456: Enterprise Premier with Japan Unlimited.
        EnterprisePremierJapan = 268435456, "enterprise-premier-japan";
        /// 536870912: Enterprise Premier with UK/IR Unlimited.
        EnterprisePremierUkIr = 536870912, "enterprise-premier-uk-ir";
        /// 1073741824: Enterprise Premier with AU/NZ Unlimited.
        EnterprisePremierAuNz = 1073741824, "enterprise-premier-au-nz";
        /// 4294967296: Education Enterprise Premier with US/CA Unlimited.
        EducationEnterprisePremierUsCa = 4294967296, "education-enterprise-premier-us-ca";
        /// 8589934592: Education Enterprise Premier with Japan Unlimited.
        EducationEnterprisePremierJapan = 8589934592, "education-enterprise-premier-japan";
        /// 17179869184: Education Enterprise Premier with UK/IR Unlimited.
        EducationEnterprisePremierUkIr = 17179869184, "education-enterprise-premier-uk-ir";
        /// 34359738368: Education Enterprise Premier with AU/NZ Unlimited.
        EducationEnterprisePremierAuNz = 34359738368, "education-enterprise-premier-au-nz";
        /// 68719476736: Education Enterprise Premier with Global Select.
        EducationEnterprisePremierGlobalSelect = 68719476736, "education-enterprise-premier-global-select";
        /// 137438953472: Education School and Campus Plus with US/CA Unlimited.
        EducationCampusPlusUsCa = 137438953472, "education-campus-plus-us-ca";
        /// 274877906944: Education School and Campus Plus with Japan Unlimited.
        EducationCampusPlusJapan = 274877906944, "education-campus-plus-japan";
        /// 549755813888: Education School and Campus Plus with UK/IR Unlimited.
        EducationCampusPlusUkIr = 549755813888, "education-campus-plus-uk-ir";
        /// 1099511627776: Education School and Campus Plus with AU/NZ Unlimited.
        EducationCampusPlusAuNz = 1099511627776, "education-campus-plus-au-nz";
        /// 2199023255552: Education School and Campus Plus with Global Select.
        EducationCampusPlusGlobalSelect = 2199023255552, "education-campus-plus-global-select";
        /// 4398046511104: Pro Plus with US/CA Unlimited.
        ProPlusUsCa = 4398046511104, "pro-plus-us-ca";
        /// 18014398509481984: Education School and Campus.
        EducationCampus = 18014398509481984, "education-campus";
        /// 72057594037927936: Education Enterprise Essentials.
        EducationEnterpriseEssentials = 72057594037927936, "education-enterprise-essentials";
        /// 144115188075855872: Education Enterprise Plus.
        EducationEnterprisePlus = 144115188075855872, "education-enterprise-plus";
        /// 576460752303423488: Education Enterprise Student.
        EducationEnterpriseStudent = 576460752303423488, "education-enterprise-student";
    }
}

enum_type! {
    /// The license type of a license (an item of `license_info_list`).
    pub enum LicenseType: str in "zoom_user_update::v2025" {
        /// `MEETING`.
        Meeting = "MEETING", "meeting";
        /// `ZOOM_WORKPLACE_BUNDLE`.
        ZoomWorkplaceBundle = "ZOOM_WORKPLACE_BUNDLE", "zoom-workplace-bundle";
    }
}

enum_type! {
    /// The license option of a license (an item of `license_info_list`): one of 27 powers of
    /// two, as Zoom's SDK lists them; a variant is named after its exponent (`Pow59` is 2^59), and
    /// its name is the power (`2^59`). The values are exact 64-bit integers: four exceed 2^53, so
    /// they are never taken through floating point, and a JSON number written with a fraction
    /// or an exponent is refused.
    ///
    /// ```
    /// use zoom_user_update::v2025::LicenseOption;
    ///
    /// assert_eq!(LicenseOption::from_value(576460752303423488)?, LicenseOption::Pow59);
    /// assert_eq!(LicenseOption::from_name("2^56")?.value(), 72057594037927936);
    /// assert!(LicenseOption::from_value(576460752303423500).is_err()); // JavaScript's rounding
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum LicenseOption: i64 in "zoom_user_update::v2025" {
        /// 2 (2^1).
        Pow1 = 2, "2^1";
        /// 4 (2^2).
        Pow2 = 4, "2^2";
        /// 8 (2^3).
        Pow3 = 8, "2^3";
        /// 16 (2^4).
        Pow4 = 16, "2^4";
        /// 32 (2^5).
        Pow5 = 32, "2^5";
        /// 64 (2^6).
        Pow6 = 64, "2^6";
        /// 128 (2^7).
        Pow7 = 128, "2^7";
        /// 33554432 (2^25).
        Pow25 = 33554432, "2^25";
        /// 134217728 (2^27).
        Pow27 = 134217728, "2^27";
        /// 268435456 (2^28).
        Pow28 = 268435456, "2^28";
        /// 536870912 (2^29).
        Pow29 = 536870912, "2^29";
        /// 1073741824 (2^30).
        Pow30 = 1073741824, "2^30";
        /// 4294967296 (2^32).
        Pow32 = 4294967296, "2^32";
        /// 8589934592 (2^33).
        Pow33 = 8589934592, "2^33";
        /// 17179869184 (2^34).
        Pow34 = 17179869184, "2^34";
        /// 34359738368 (2^35).
        Pow35 = 34359738368, "2^35";
        /// 68719476736 (2^36).
        Pow36 = 68719476736, "2^36";
        /// 137438953472 (2^37).
        Pow37 = 137438953472, "2^37";
        /// 274877906944 (2^38).
        Pow38 = 274877906944, "2^38";
        /// 549755813888 (2^39).
        Pow39 = 549755813888, "2^39";
        /// 1099511627776 (2^40).
        Pow40 = 1099511627776, "2^40";
        /// 2199023255552 (2^41).
        Pow41 = 2199023255552, "2^41";
        /// 4398046511104 (2^42).
        Pow42 = 4398046511104, "2^42";
        /// 18014398509481984 (2^54).
        Pow54 = 18014398509481984, "2^54";
        /// 72057594037927936 (2^56).
        Pow56 = 72057594037927936, "2^56";
        /// 144115188075855872 (2^57).
        Pow57 = 144115188075855872, "2^57";
        /// 576460752303423488 (2^59).
        Pow59 = 576460752303423488, "2^59";
    }
}
