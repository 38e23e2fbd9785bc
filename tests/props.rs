//! Property tests: no input makes a parser panic; a valid update survives serialize → intake.

use proptest::prelude::*;
use serde_json::Value;
use zoom_user_update::{
    CallingCode, CountryId, CustomAttributes, Email, HostKey, LoginType, PersonName, PhoneNumbers,
    Pmi, Policy, TimeZone, UserId, UserType, UserUpdate,
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
