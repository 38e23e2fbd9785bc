//! Zoom's current edition (2025, the crate root's): its full body, its intake's violations, and
//! the catalogue of the bodies its tests send.

use zoom_user_update::v2025::{
    CustomAttribute, Feature, LicenseInfo, LicenseOption, LicenseType, PhoneLabel, PhoneNumber,
    PlanUnitedType, PronounsOption, UserType, UserUpdate, UserUpdateBuilder, ZoomOneType,
};

/// The license options past 2^53: 2^56, 2^57 and 2^59 (as powers of two they are exact doubles,
/// but JavaScript prints them rounded, as Zoom's SDK's text does).
pub const BIG_LICENSE_OPTIONS: [LicenseOption; 3] = [
    LicenseOption::Pow56,
    LicenseOption::Pow57,
    LicenseOption::Pow59,
];

/// A license item of each of `options`, the license types taken in turn.
pub fn licenses(options: &[LicenseOption]) -> Vec<zoom_user_update::v2025::LicenseInfoBuilder> {
    options
        .iter()
        .enumerate()
        .map(|(i, option)| {
            LicenseInfo::builder()
                .license_type(LicenseType::ALL[i % LicenseType::ALL.len()])
                .license_option(*option)
                .subscription_id(format!("sub-{:04}", i + 1))
        })
        .collect()
}

/// An update that sets every field of Zoom's current edition (but the deprecated
/// `phone_number` / `phone_country`): two phone numbers, `division_ids` cleared (`[]`) and the
/// three licenses whose options exceed 2^53.
pub fn full() -> UserUpdate {
    full_builder().build().unwrap()
}

fn full_builder() -> UserUpdateBuilder {
    UserUpdate::builder()
        .first_name("Grace")
        .last_name("Hopper")
        .display_name("Amazing Grace")
        .user_type(UserType::Licensed)
        .pmi(2468135790)
        .use_pmi(false)
        .timezone("America/New_York")
        .language("en-US")
        .dept("Engineering")
        .vanity_name("grace.hopper")
        .host_key("482915")
        .cms_user_id("kaltura-42")
        .job_title("Rear Admiral")
        .company("US Navy")
        .location("Arlington, VA")
        .cost_center("CC-1906")
        .about_me("Compiler pioneer.")
        .linkedin_url("https://www.linkedin.com/in/grace-hopper")
        .pronouns("she/her")
        .pronouns_option(PronounsOption::Always)
        .phone_numbers([
            PhoneNumber::builder()
                .number("5550100")
                .code("+1")
                .country("US")
                .label(PhoneLabel::Office),
            PhoneNumber::builder().number("5550101").label("Mobile"),
        ])
        .custom_attributes(vec![
            CustomAttribute::builder()
                .key("cbf9b7a3")
                .name("Badge")
                .value("1234"),
        ])
        .manager("boss@example.com")
        .group_id("HnjC5K5eQZmDbH0aS7b9Yw")
        .feature(Feature::builder().zoom_phone(true))
        .plan_united_type(PlanUnitedType::EntJp)
        .zoom_one_type(ZoomOneType::EducationEnterpriseStudent)
        .clear_division_ids()
        .license_info_list(licenses(&BIG_LICENSE_OPTIONS))
}

/// The smallest useful update: one field.
pub fn minimal() -> UserUpdate {
    UserUpdate::builder()
        .timezone("Asia/Tokyo")
        .build()
        .unwrap()
}

/// Every distinct body the tests of the current edition send, each built through the SDK: the
/// full and a minimal body, each list cleared (`[]`) alone and all at once, lists with items,
/// the licenses past 2^53, one body for every value of every enum of the body (`type`,
/// `pronouns_option`, `phone_numbers[].label`, `plan_united_type`, `zoom_one_type`, and
/// `license_option` with `license_type`), the deprecated pair, and the bodies of the scenarios.
/// `tests/fixtures/v2025-bodies.jsonl` is this list, serialized, one body a line.
#[allow(deprecated)] // the deprecated phone_number / phone_country are sent too
pub fn catalogue() -> Vec<UserUpdate> {
    let one = |builder: UserUpdateBuilder| builder.build().unwrap();
    let mut bodies = vec![
        full(),
        minimal(),
        one(UserUpdate::builder().clear_phone_numbers()),
        one(UserUpdate::builder().clear_custom_attributes()),
        one(UserUpdate::builder().clear_division_ids()),
        one(UserUpdate::builder().clear_license_info_list()),
        one(UserUpdate::builder()
            .clear_phone_numbers()
            .clear_custom_attributes()
            .clear_division_ids()
            .clear_license_info_list()),
        one(UserUpdate::builder().division_ids(["div-1", "div-2"])),
        one(UserUpdate::builder().license_info_list(licenses(&BIG_LICENSE_OPTIONS))),
        one(UserUpdate::builder()
            .phone_numbers([PhoneNumber::builder()
                .number("5550100")
                .code("+1")
                .country("US")])
            .custom_attributes([CustomAttribute::builder().key("k").value("v")])),
        one(UserUpdate::builder().feature(Feature::builder().zoom_phone(false))),
        one(UserUpdate::builder()
            .phone_number("5550100")
            .phone_country("US")),
        // The scenarios of the crate root's edition (tests/quickstart.rs, tests/editions.rs).
        one(UserUpdate::builder().pmi(2468135790).timezone("Asia/Tokyo")),
        one(UserUpdate::builder()
            .pmi(2468135790)
            .timezone("Asia/Tokyo")
            .dept("Sales")),
        one(UserUpdate::builder().dept("Research")),
        one(UserUpdate::builder().pronouns("she/her")),
    ];
    bodies.extend(
        UserType::ALL
            .iter()
            .map(|v| one(UserUpdate::builder().user_type(*v))),
    );
    bodies.extend(
        PronounsOption::ALL
            .iter()
            .map(|v| one(UserUpdate::builder().pronouns_option(*v))),
    );
    bodies.extend(PhoneLabel::ALL.iter().map(|v| {
        one(UserUpdate::builder()
            .phone_numbers([PhoneNumber::builder().number("5550100").label(*v)]))
    }));
    bodies.extend(
        PlanUnitedType::ALL
            .iter()
            .map(|v| one(UserUpdate::builder().plan_united_type(*v))),
    );
    bodies.extend(
        ZoomOneType::ALL
            .iter()
            .map(|v| one(UserUpdate::builder().zoom_one_type(*v))),
    );
    // Every license option, each with every license type.
    for option in LicenseOption::ALL {
        let items: Vec<_> = LicenseType::ALL
            .iter()
            .enumerate()
            .map(|(i, kind)| {
                LicenseInfo::builder()
                    .license_type(*kind)
                    .license_option(*option)
                    .subscription_id(format!("sub-{}", i + 1))
            })
            .collect();
        bodies.push(one(UserUpdate::builder().license_info_list(items)));
    }
    let mut seen = std::collections::HashSet::new();
    bodies.retain(|b| seen.insert(serde_json::to_string(b).unwrap()));
    bodies
}

/// What this edition's intake refuses in a JSON body under `Policy::Spec`, as (path, rule code)
/// pairs; none for a valid body.
pub fn codes(json: &(impl AsRef<[u8]> + ?Sized)) -> Vec<(String, &'static str)> {
    crate::codes::<UserUpdate>(json)
}
