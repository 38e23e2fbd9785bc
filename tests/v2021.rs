//! The validated update of Zoom's reference page (the 2021 edition, `zoom_user_update::v2021`):
//! serialized bodies (snapshots), every violation at once, cross-field rules, warnings, policies
//! and the JSON intake.

#![allow(deprecated)] // the deprecated phone_number / phone_country setters are under test

use serde_json::json;
use zoom_test_support::body;
use zoom_test_support::v2021::{codes, full};
use zoom_user_update::v2021::raw::types::UserUpdateBody;
use zoom_user_update::v2021::{CustomAttributes, PhoneNumbers, UserType, UserUpdate};
use zoom_user_update::{Pmi, Policy, Rule, Warning};

#[test]
fn minimal_body() {
    let update = UserUpdate::builder()
        .timezone("Asia/Tokyo")
        .build()
        .unwrap();
    insta::assert_json_snapshot!("minimal_body", body(&update));
}

#[test]
fn full_body() {
    let update = full();
    assert!(update.warnings().is_empty());
    insta::assert_json_snapshot!("full_body", body(&update));
}

/// `Serialize` goes through the generated type; it must write what the generated type sends,
/// member order included, for every field (the snapshots above pin the bytes themselves).
#[test]
fn serialization_is_the_generated_types_byte_for_byte() {
    let with_deprecated = full()
        .into_builder()
        .phone_number("5550100")
        .phone_country("US")
        .build()
        .unwrap();
    for update in [full(), with_deprecated] {
        assert_eq!(
            serde_json::to_string(&update).unwrap(),
            serde_json::to_string(&update.to_raw().unwrap()).unwrap()
        );
    }
}

#[test]
fn nested_phone_and_custom_attributes_send_only_what_is_set() {
    let update = UserUpdate::builder()
        .phone_numbers(PhoneNumbers::builder().country("BR").code("+55"))
        .custom_attributes(CustomAttributes::builder().value("on"))
        .build()
        .unwrap();
    insta::assert_json_snapshot!("nested_body", body(&update));
}

#[test]
fn unicode_names() {
    let update = UserUpdate::builder()
        .first_name("张伟明华强")
        .last_name("Łukasz-Ñúñez O'Brien 🙂")
        .location("東京都")
        .build()
        .unwrap();
    insta::assert_json_snapshot!("unicode_body", body(&update));
}

#[test]
fn use_pmi_is_sent_only_when_set() {
    let without = UserUpdate::builder().dept("R&D").build().unwrap();
    assert_eq!(body(&without), json!({"dept": "R&D"}));
    let with = UserUpdate::builder()
        .dept("R&D")
        .use_pmi(false)
        .build()
        .unwrap();
    assert_eq!(body(&with), json!({"dept": "R&D", "use_pmi": false}));
}

#[test]
fn setters_take_raw_values_or_validated_types() {
    let raw = UserUpdate::builder()
        .pmi(2_468_135_790_i64)
        .user_type(1)
        .host_key("482915");
    let typed = UserUpdate::builder()
        .pmi(Pmi::new(2_468_135_790).unwrap())
        .user_type(UserType::Basic)
        .host_key("482915".parse::<zoom_user_update::HostKey>().unwrap());
    assert_eq!(raw.build().unwrap(), typed.build().unwrap());
}

#[test]
fn an_update_that_breaks_many_rules_reports_all_of_them() {
    let errors = UserUpdate::builder()
        .first_name("张伟明华强东")
        .last_name("x".repeat(65))
        .user_type(99)
        .pmi(123_456_789_i64)
        .timezone("Mars/Base")
        .host_key("12ab")
        .job_title("t".repeat(129))
        .company("c".repeat(256))
        .location("l".repeat(257))
        .phone_number("5550100")
        .phone_numbers(PhoneNumbers::builder().code("1").country("uk"))
        .manager("not an email")
        .build()
        .unwrap_err();
    assert_eq!(errors.len(), 13);
    insta::assert_json_snapshot!("many_violations", errors);
    insta::assert_snapshot!("many_violations_display", errors.to_string());
}

#[test]
fn an_empty_update_is_refused() {
    let errors = UserUpdate::builder().build().unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors.violations()[0].path(), "");
    assert_eq!(errors.violations()[0].rule(), &Rule::NoFields);
    let errors = UserUpdate::from_json("{}", Policy::Spec).unwrap_err();
    assert_eq!(errors.violations()[0].rule(), &Rule::NoFields);
}

#[test]
fn phone_number_needs_phone_country_and_both_warn() {
    let errors = UserUpdate::builder()
        .phone_number("5550100")
        .build()
        .unwrap_err();
    assert_eq!(errors.violations()[0].path(), "/phone_number");
    assert_eq!(
        errors.violations()[0].rule(),
        &Rule::Requires {
            other: "/phone_country"
        }
    );

    let update = UserUpdate::builder()
        .phone_number("5550100")
        .phone_country("BR")
        .build()
        .unwrap();
    assert_eq!(
        body(&update),
        json!({"phone_number": "5550100", "phone_country": "BR"})
    );
    assert_eq!(
        update.warnings(),
        [
            Warning::Deprecated {
                path: "/phone_number".into(),
                replacement: "/phone_numbers/number"
            },
            Warning::Deprecated {
                path: "/phone_country".into(),
                replacement: "/phone_numbers/country"
            },
        ]
    );
    insta::assert_snapshot!(
        "deprecation_warnings",
        update
            .warnings()
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn strict_policy_adds_the_support_page_rules() {
    let builder = UserUpdate::builder()
        .pmi(8_001_111_111_i64)
        .vanity_name("1a")
        .host_key("123456")
        .language("klingon");
    assert!(
        builder.clone().build().is_ok(),
        "the spec policy accepts all of it"
    );
    let errors = builder.policy(Policy::Strict).build().unwrap_err();
    assert!(
        errors
            .iter()
            .all(|v| v.rule().is_strict_only() || matches!(v.rule(), Rule::TooShort { .. }))
    );
    insta::assert_json_snapshot!("strict_violations", errors);

    let fine = UserUpdate::builder()
        .pmi(2_468_135_790_i64)
        .vanity_name("grace.hopper")
        .host_key("482915")
        .language("pt-BR")
        .policy(Policy::Strict)
        .build();
    assert!(fine.is_ok(), "{fine:?}");
}

#[test]
fn json_intake_reports_types_unknown_fields_and_rules_with_paths() {
    let text = r#"{
        "first_name": 7,
        "pmi": 2.5,
        "use_pmi": "yes",
        "type": 99,
        "timezone": null,
        "nick_name": "x",
        "phone_numbers": {"code": "+1", "label": "Mobile", "country": 1},
        "custom_attributes": [],
        "host_key": "１２３４５６",
        "a/b~c": true
    }"#;
    let errors = UserUpdate::from_json(text, Policy::Spec).unwrap_err();
    insta::assert_json_snapshot!("json_intake_violations", errors);
}

#[test]
fn json_intake_accepts_a_valid_body_and_refuses_non_objects() {
    let update = UserUpdate::from_json(
        r#"{"pmi": 2468135790, "type": 3, "phone_numbers": {"country": "BR"}}"#,
        Policy::Spec,
    )
    .unwrap();
    assert_eq!(
        body(&update),
        json!({"pmi": 2468135790_i64, "type": 3, "phone_numbers": {"country": "BR"}})
    );

    for (text, rule) in [
        ("[]", "wrong_type"),
        ("null", "wrong_type"),
        ("{\"pmi\": 1", "invalid_json"),
        ("", "invalid_json"),
        ("\u{feff}{\"dept\":\"x\"}", "invalid_json"),
    ] {
        let errors = UserUpdate::from_json(text, Policy::Spec).unwrap_err();
        assert_eq!(errors.violations()[0].rule().code(), rule, "{text:?}");
        assert_eq!(errors.violations()[0].path(), "");
    }
    // numbers past i64 and exponent forms are refused by the PMI rule or as the wrong type
    for (text, rule) in [
        (r#"{"pmi": 99999999999999999999}"#, "wrong_type"), // past u64: a float to serde_json
        (r#"{"pmi": 18446744073709551615}"#, "pmi_not_ten_digits"),
        (r#"{"pmi": 2.468135790e9}"#, "wrong_type"),
        (r#"{"pmi": -0}"#, "wrong_type"), // serde_json reads -0 as the float -0.0
        (r#"{"pmi": "2468135790"}"#, "wrong_type"),
    ] {
        let errors = UserUpdate::from_json(text, Policy::Spec).unwrap_err();
        assert_eq!(errors.violations()[0].rule().code(), rule, "{text}");
    }
}

#[test]
fn deserialize_goes_through_the_same_checks() {
    let update: UserUpdate = serde_json::from_str(r#"{"host_key": "482915"}"#).unwrap();
    assert_eq!(body(&update), json!({"host_key": "482915"}));
    let err = serde_json::from_str::<UserUpdate>(r#"{"host_key": "48"}"#).unwrap_err();
    assert!(
        err.to_string().contains("/host_key: host key must be"),
        "{err}"
    );
}

#[test]
fn raw_bodies_convert_both_ways() {
    let raw: UserUpdateBody = full().to_raw().unwrap();
    assert_eq!(UserUpdate::try_from(raw.clone()).unwrap(), full());
    assert_eq!(
        serde_json::to_value(&raw).unwrap(),
        serde_json::to_value(full()).unwrap()
    );

    let unchecked = UserUpdateBody {
        pmi: Some(42),
        timezone: Some("Nowhere".into()),
        ..Default::default()
    };
    let errors = UserUpdate::try_from(unchecked).unwrap_err();
    let rules: Vec<_> = errors.iter().map(|v| (v.path(), v.rule().code())).collect();
    assert_eq!(
        rules,
        [
            ("/pmi", "pmi_not_ten_digits"),
            ("/timezone", "unknown_time_zone")
        ]
    );
}

#[test]
fn duplicate_keys_are_reported_not_silently_overwritten() {
    let errors = UserUpdate::from_json(
        r#"{"dept": "a", "dept": "b", "phone_numbers": {"code": "+1", "code": "+2"}}"#,
        Policy::Spec,
    )
    .unwrap_err();
    let found: Vec<_> = errors.iter().map(|v| (v.path(), v.rule().code())).collect();
    assert_eq!(
        found,
        [
            ("/dept", "duplicate_field"),
            ("/phone_numbers/code", "duplicate_field")
        ]
    );
}

/// A field the caller set counts as set for the rule between fields, even when its own value is
/// refused: both its violation and the missing field are reported, on either side of the rule.
#[test]
fn a_refused_field_still_counts_as_set_for_requires() {
    assert_eq!(
        codes(r#"{"phone_number": 5550100}"#),
        [
            ("/phone_number".to_owned(), "wrong_type"),
            ("/phone_number".to_owned(), "requires"),
        ]
    );
    assert_eq!(
        codes(r#"{"phone_number": "5550100", "phone_country": "XX"}"#),
        [("/phone_country".to_owned(), "unknown_country")]
    );
    assert_eq!(
        zoom_test_support::v2025::codes(r#"{"phone_number": ["5550100"]}"#),
        [
            ("/phone_number".to_owned(), "wrong_type"),
            ("/phone_number".to_owned(), "requires"),
        ]
    );
}

/// A nested object is a field of a body: its `build` checks its own members (paths relative to
/// it), an empty one is an empty object, and the body's policy and intake are the body's.
#[test]
fn a_nested_object_builds_on_its_own_members() {
    let empty = PhoneNumbers::builder().build().unwrap();
    assert_eq!(body(&empty), json!({}));
    let errors = PhoneNumbers::builder()
        .code("1")
        .country("uk")
        .build()
        .unwrap_err();
    let found: Vec<_> = errors.iter().map(|v| (v.path(), v.rule().code())).collect();
    assert_eq!(
        found,
        [
            ("/code", "invalid_calling_code"),
            ("/country", "unknown_country")
        ]
    );
    let phone = PhoneNumbers::builder()
        .number("5550100")
        .code("+1")
        .build()
        .unwrap();
    let update = UserUpdate::builder()
        .phone_numbers(phone.clone())
        .build()
        .unwrap();
    assert_eq!(update.phone_numbers(), Some(&phone));
    // Deserialize goes through the same checks.
    let read: CustomAttributes = serde_json::from_str("{}").unwrap();
    assert_eq!(read, CustomAttributes::builder().build().unwrap());
    let err = serde_json::from_str::<PhoneNumbers>(r#"{"code": "1", "label": "Mobile"}"#)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("/code: ") && err.contains("/label: unknown field"),
        "{err}"
    );
}

/// A serializer for a format that writes each map's and array's length before its members (as
/// bincode or MessagePack do): it refuses a length that is not given up front, or that differs
/// from the members that follow. It writes nothing.
mod length_first {
    use std::fmt;

    use serde::ser::{self, Impossible, Serialize};

    pub struct LengthFirst;

    #[derive(Debug)]
    pub struct Refused(String);

    impl fmt::Display for Refused {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(&self.0)
        }
    }

    impl std::error::Error for Refused {}

    impl ser::Error for Refused {
        fn custom<T: fmt::Display>(msg: T) -> Self {
            Refused(msg.to_string())
        }
    }

    /// A map or an array: the length it was given, and the members that came.
    pub struct Counted {
        given: usize,
        came: usize,
    }

    impl Counted {
        fn start(len: Option<usize>, what: &str) -> Result<Self, Refused> {
            match len {
                Some(given) => Ok(Counted { given, came: 0 }),
                None => Err(Refused(format!("a {what} without its length"))),
            }
        }

        fn end(self) -> Result<(), Refused> {
            if self.came == self.given {
                Ok(())
            } else {
                Err(Refused(format!(
                    "a length of {} for {} members",
                    self.given, self.came
                )))
            }
        }
    }

    impl ser::SerializeMap for Counted {
        type Ok = ();
        type Error = Refused;
        fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), Refused> {
            self.came += 1;
            key.serialize(LengthFirst)
        }
        fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Refused> {
            value.serialize(LengthFirst)
        }
        fn end(self) -> Result<(), Refused> {
            Counted::end(self)
        }
    }

    /// A struct (what `derive(Serialize)` writes, the generated types included): the length
    /// given counts the fields written, not those skipped.
    impl ser::SerializeStruct for Counted {
        type Ok = ();
        type Error = Refused;
        fn serialize_field<T: ?Sized + Serialize>(
            &mut self,
            _: &'static str,
            value: &T,
        ) -> Result<(), Refused> {
            self.came += 1;
            value.serialize(LengthFirst)
        }
        fn end(self) -> Result<(), Refused> {
            Counted::end(self)
        }
    }

    impl ser::SerializeSeq for Counted {
        type Ok = ();
        type Error = Refused;
        fn serialize_element<T: ?Sized + Serialize>(&mut self, item: &T) -> Result<(), Refused> {
            self.came += 1;
            item.serialize(LengthFirst)
        }
        fn end(self) -> Result<(), Refused> {
            Counted::end(self)
        }
    }

    /// Scalars are written as nothing.
    macro_rules! scalars {
        ($($method:ident: $ty:ty),*) => {$(
            fn $method(self, _: $ty) -> Result<(), Refused> {
                Ok(())
            }
        )*};
    }

    /// The shapes a body does not use.
    macro_rules! unused {
        ($($method:ident($($arg:ty),*) -> $ok:ty),*) => {$(
            fn $method(self, $(_: $arg),*) -> Result<$ok, Refused> {
                Err(Refused(stringify!($method).to_owned()))
            }
        )*};
    }

    impl ser::Serializer for LengthFirst {
        type Ok = ();
        type Error = Refused;
        type SerializeSeq = Counted;
        type SerializeTuple = Impossible<(), Refused>;
        type SerializeTupleStruct = Impossible<(), Refused>;
        type SerializeTupleVariant = Impossible<(), Refused>;
        type SerializeMap = Counted;
        type SerializeStruct = Counted;
        type SerializeStructVariant = Impossible<(), Refused>;

        scalars!(
            serialize_bool: bool, serialize_i8: i8, serialize_i16: i16, serialize_i32: i32,
            serialize_i64: i64, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32,
            serialize_u64: u64, serialize_f32: f32, serialize_f64: f64, serialize_char: char,
            serialize_str: &str, serialize_bytes: &[u8], serialize_unit_struct: &'static str
        );

        unused!(
            serialize_none() -> (),
            serialize_unit() -> (),
            serialize_tuple(usize) -> Self::SerializeTuple,
            serialize_tuple_struct(&'static str, usize) -> Self::SerializeTupleStruct,
            serialize_tuple_variant(&'static str, u32, &'static str, usize) -> Self::SerializeTupleVariant,
            serialize_struct_variant(&'static str, u32, &'static str, usize) -> Self::SerializeStructVariant
        );

        /// A generated string enum's value (`"Mobile"`): a scalar.
        fn serialize_unit_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
        ) -> Result<(), Refused> {
            Ok(())
        }
        fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<(), Refused> {
            value.serialize(self)
        }
        fn serialize_newtype_struct<T: ?Sized + Serialize>(
            self,
            _: &'static str,
            value: &T,
        ) -> Result<(), Refused> {
            value.serialize(self)
        }
        fn serialize_newtype_variant<T: ?Sized + Serialize>(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: &T,
        ) -> Result<(), Refused> {
            Err(Refused("serialize_newtype_variant".to_owned()))
        }
        fn serialize_seq(self, len: Option<usize>) -> Result<Counted, Refused> {
            Counted::start(len, "array")
        }
        fn serialize_map(self, len: Option<usize>) -> Result<Counted, Refused> {
            Counted::start(len, "map")
        }
        fn serialize_struct(self, _: &'static str, len: usize) -> Result<Counted, Refused> {
            Counted::start(Some(len), "struct")
        }
    }
}

/// A body, its nested objects and its lists tell a serializer their number of members up front,
/// for the formats that write it first.
#[test]
fn every_object_and_list_gives_its_length_up_front() {
    use serde::Serialize;

    use length_first::LengthFirst;

    full().serialize(LengthFirst).unwrap();
    zoom_test_support::v2025::full()
        .serialize(LengthFirst)
        .unwrap();
    let some = UserUpdate::builder()
        .dept("R&D")
        .phone_numbers(PhoneNumbers::builder().code("+1"))
        .build()
        .unwrap();
    some.serialize(LengthFirst).unwrap();
    // What the serializer refuses: a map of unknown length, as the body once wrote.
    struct UnknownLength;
    impl Serialize for UnknownLength {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            use serde::ser::SerializeMap;
            s.serialize_map(None)?.end()
        }
    }
    assert!(UnknownLength.serialize(LengthFirst).is_err());
}
