//! Property tests: no input makes a parser panic; a valid update of each edition survives
//! serialize → intake. The first block is the reference page's edition's (`v2021`), the second
//! the current edition's (`v2025`).

use proptest::prelude::*;
use serde_json::Value;
use zoom_user_update::v2021::{CustomAttributes, LoginType, PhoneNumbers, UserType, UserUpdate};
use zoom_user_update::{
    CallingCode, CountryId, Edition, Email, HostKey, PersonName, Pmi, Policy, TimeZone, UserId,
};

fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        ".*".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::btree_map(
                prop_oneof![
                    Just("pmi".to_owned()),
                    Just("first_name".to_owned()),
                    Just("phone_numbers".to_owned()),
                    Just("code".to_owned()),
                    Just("timezone".to_owned()),
                    ".*".prop_map(String::from),
                ],
                inner,
                0..8
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn text_parsers_never_panic(s in ".*") {
        let _ = Pmi::try_from(s.as_str());
        let _ = HostKey::parse(&s);
        let _ = TimeZone::parse(&s);
        let _ = LoginType::from_name(&s);
        let _ = s.parse::<UserType>();
        let _ = PersonName::parse(&s);
        let _ = CountryId::parse(&s);
        let _ = CallingCode::parse(&s);
        let _ = Email::parse(&s);
        let _ = UserId::parse(&s);
        let _ = UserUpdate::from_json(&s, Policy::Strict);
        let _ = zoom_user_update::v2025::LoginType::from_name(&s);
        let _ = zoom_user_update::v2025::LicenseOption::from_name(&s);
        let _ = s.parse::<Edition>();
        for edition in Edition::ALL {
            let _ = edition.from_json(&s, Policy::Strict);
            let _ = edition.bulk_line(s.as_bytes(), Policy::Spec);
        }
    }

    #[test]
    fn integer_parsers_never_panic(n in any::<i64>()) {
        if let Ok(pmi) = Pmi::new(n) {
            let _ = pmi.strict_violations();
        }
        let _ = UserType::try_from(n);
    }

    #[test]
    fn json_intake_never_panics(value in any_json()) {
        let _ = UserUpdate::from_value(&value, Policy::Spec);
        let _ = UserUpdate::from_value(&value, Policy::Strict);
    }

    #[test]
    fn a_valid_update_survives_serialize_then_intake(
        pmi in Pmi::MIN..=Pmi::MAX,
        first in "[a-zA-Z\u{4e00}-\u{4e20} ]{0,5}",
        last in "\\PC{0,64}",
        key in "[0-9]{6,10}",
        tz in prop::sample::select(TimeZone::zoom_list().map(|(id, _)| id).collect::<Vec<_>>()),
        country in prop::sample::select(CountryId::all().to_vec()),
        code in "\\+[1-9][0-9]{0,2}",
        dept in ".*",
        use_pmi in any::<Option<bool>>(),
    ) {
        let mut b = UserUpdate::builder()
            .pmi(pmi)
            .first_name(first)
            .last_name(last)
            .host_key(key)
            .timezone(tz)
            .dept(dept)
            .phone_numbers(PhoneNumbers::builder().country(country).code(code))
            .custom_attributes(CustomAttributes::builder().name("n"));
        if let Some(flag) = use_pmi {
            b = b.use_pmi(flag);
        }
        let update = b.build().expect("valid by construction");
        let text = serde_json::to_string(&update).unwrap();
        // What is serialized is what the generated type sends, byte for byte.
        let sent = serde_json::to_string(&update.to_raw().unwrap()).unwrap();
        prop_assert_eq!(&text, &sent);
        let back = UserUpdate::from_json(&text, Policy::Spec).expect("round trip");
        prop_assert_eq!(back, update);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// A valid update of Zoom's current spec survives serialize → intake, lists and 64-bit
    /// integers included, and serializes as the generated type does.
    #[test]
    fn a_valid_2025_update_survives_serialize_then_intake(
        display in "[a-zA-Z\u{4e00}-\u{4e20} ]{0,10}",
        about in "[a-zA-Z0-9 ,;!?]{0,150}",
        phones in prop::collection::vec(
            ("[0-9]{0,12}", prop::sample::select(zoom_user_update::v2025::PhoneLabel::ALL.to_vec()), any::<bool>()),
            0..=3,
        ),
        attributes in prop::collection::vec(("[a-z0-9]{0,8}", ".*"), 0..=5),
        plan in prop::sample::select(zoom_user_update::v2025::ZoomOneType::ALL.to_vec()),
        united in prop::sample::select(zoom_user_update::v2025::PlanUnitedType::ALL.to_vec()),
        pronouns in prop::sample::select(zoom_user_update::v2025::PronounsOption::ALL.to_vec()),
        zoom_phone in any::<Option<bool>>(),
        divisions in prop::option::of(prop::collection::vec("[a-zA-Z0-9_-]{0,12}", 0..4)),
        licenses in prop::option::of(prop::collection::vec(
            (
                prop::sample::select(zoom_user_update::v2025::LicenseType::ALL.to_vec()),
                prop::sample::select(zoom_user_update::v2025::LicenseOption::ALL.to_vec()),
                ".*",
            ),
            0..4,
        )),
    ) {
        use zoom_user_update::v2025::{CustomAttribute, Feature, LicenseInfo, PhoneNumber, UserUpdate};
        let phones: Vec<_> = phones
            .into_iter()
            .map(|(number, label, with_code)| {
                let phone = PhoneNumber::builder().number(number).label(label);
                if with_code { phone.code("+44").country("GB") } else { phone }
            })
            .collect();
        let attributes: Vec<_> = attributes
            .into_iter()
            .map(|(key, value)| CustomAttribute::builder().key(key).value(value))
            .collect();
        let mut b = UserUpdate::builder()
            .display_name(display)
            .about_me(about)
            .phone_numbers(phones)
            .custom_attributes(attributes)
            .zoom_one_type(plan)
            .plan_united_type(united)
            .pronouns_option(pronouns);
        if let Some(flag) = zoom_phone {
            b = b.feature(Feature::builder().zoom_phone(flag));
        }
        if let Some(divisions) = divisions {
            b = b.division_ids(divisions);
        }
        if let Some(licenses) = licenses {
            b = b.license_info_list(
                licenses
                    .into_iter()
                    .map(|(kind, option, subscription)| {
                        LicenseInfo::builder()
                            .license_type(kind)
                            .license_option(option)
                            .subscription_id(subscription)
                    })
                    .collect::<Vec<_>>(),
            );
        }
        let update = b.build().expect("valid by construction");
        let text = serde_json::to_string(&update).unwrap();
        let sent = serde_json::to_string(&update.to_raw().unwrap()).unwrap();
        prop_assert_eq!(&text, &sent);
        let back = UserUpdate::from_json(&text, Policy::Spec).expect("round trip");
        prop_assert_eq!(back, update);
    }

    #[test]
    fn the_2025_intake_never_panics(value in any_json()) {
        let _ = zoom_user_update::v2025::UserUpdate::from_value(&value, Policy::Strict);
    }
}
