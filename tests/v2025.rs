//! Zoom's current surface (2025): its rules, bodies with arrays and big integers (snapshots),
//! violations inside arrays, and the wire against the fake Zoom.

use serde_json::json;
use zoom_user_update::mock::MockZoom;
use zoom_user_update::v2025::{
    CustomAttribute, LoginType, PhoneLabel, PhoneNumber, PhoneNumberBuilder, UserUpdate,
    ZoomOneType,
};
use zoom_user_update::{Client, List, Policy, Rule, UserId};

use crate::common::{body, codes_2025 as codes, full_2025 as full, implements};

#[test]
fn full_body_with_arrays_and_big_integers() {
    let update = full();
    insta::assert_json_snapshot!("full_body_2025", body(&update));
    // 2^59 survives digit for digit: serialization, then intake.
    let text = serde_json::to_string(&update).unwrap();
    assert!(
        text.contains(r#""zoom_one_type":576460752303423488"#),
        "{text}"
    );
    assert_eq!(UserUpdate::from_json(&text, Policy::Spec).unwrap(), update);
    // What is serialized is what the generated type sends.
    assert_eq!(
        text,
        serde_json::to_string(&update.to_raw().unwrap()).unwrap()
    );
}

#[test]
fn an_empty_list_is_sent_to_clear_it() {
    let update = UserUpdate::from_json(
        r#"{"phone_numbers": [], "custom_attributes": []}"#,
        Policy::Spec,
    )
    .unwrap();
    let expected = json!({"custom_attributes": [], "phone_numbers": []});
    assert_eq!(body(&update), expected);
    assert_eq!(
        serde_json::to_value(update.to_raw().unwrap()).unwrap(),
        expected
    );
    assert_eq!(update.phone_numbers().map(|p| p.len()), Some(0));
}

#[test]
fn every_big_zoom_one_type_survives_and_a_float_is_refused() {
    for plan in ZoomOneType::ALL {
        let text = format!(r#"{{"zoom_one_type": {}}}"#, plan.value());
        let update = UserUpdate::from_json(&text, Policy::Spec).unwrap();
        assert_eq!(update.zoom_one_type(), Some(plan));
        assert_eq!(
            serde_json::to_string(&update).unwrap(),
            text.replace(' ', "")
        );
    }
    assert_eq!(
        codes(r#"{"zoom_one_type": 5.76460752303423488e17}"#),
        [("/zoom_one_type".to_owned(), "wrong_type")]
    );
    assert_eq!(
        codes(r#"{"zoom_one_type": 576460752303423489}"#),
        [("/zoom_one_type".to_owned(), "unknown_value")]
    );
    assert_eq!(
        codes(r#"{"zoom_one_type": 18446744073709551615}"#),
        [("/zoom_one_type".to_owned(), "unknown_value")]
    );
}

#[test]
fn violations_inside_arrays_carry_the_index() {
    let json = r#"{
        "phone_numbers": [
            {"number": "5550100", "code": "+1", "label": "Mobile"},
            {"code": "1", "label": "Pager", "country": "uk", "extension": "12"}
        ],
        "custom_attributes": [{"key": 5}]
    }"#;
    let errors = UserUpdate::from_json(json, Policy::Spec).unwrap_err();
    insta::assert_json_snapshot!("array_violations_2025", errors);
    let paths: Vec<_> = errors.iter().map(|v| v.path()).collect();
    assert!(paths.contains(&"/phone_numbers/1/code"), "{paths:?}");
    assert!(paths.contains(&"/custom_attributes/0/key"), "{paths:?}");
}

#[test]
fn arrays_have_their_maximum_number_of_items() {
    let four = json!({"phone_numbers": [{}, {}, {}, {}]}).to_string();
    assert_eq!(
        codes(&four),
        [("/phone_numbers".to_owned(), "too_many_items")]
    );
    let six = json!({"custom_attributes": [{}, {}, {}, {}, {}, {}]}).to_string();
    assert_eq!(
        codes(&six),
        [("/custom_attributes".to_owned(), "too_many_items")]
    );
    let built = UserUpdate::builder()
        .phone_numbers(vec![PhoneNumber::builder().number("1"); 4])
        .build()
        .unwrap_err();
    assert_eq!(
        built.violations()[0].rule(),
        &Rule::TooManyItems { max: 3, actual: 4 }
    );
}

/// A list that is too long is reported with the violations of its items, all of them.
#[test]
fn a_list_that_is_too_long_still_has_its_items_checked() {
    // The items that could be sent (the first three) are checked; the rest only counted.
    let json = json!({"phone_numbers": [{}, {"code": "1"}, {}, {"label": "Pager"}]}).to_string();
    assert_eq!(
        codes(&json),
        [
            ("/phone_numbers".to_owned(), "too_many_items"),
            ("/phone_numbers/1/code".to_owned(), "invalid_calling_code"),
        ]
    );
    let mut phones = vec![PhoneNumber::builder(); 6];
    phones[2] = PhoneNumber::builder().country("uk");
    phones[5] = PhoneNumber::builder().country("uk");
    let errors = UserUpdate::builder()
        .phone_numbers(phones)
        .custom_attributes(vec![CustomAttribute::builder().key("k"); 6])
        .build()
        .unwrap_err();
    let found: Vec<_> = errors.iter().map(|v| (v.path(), v.rule().code())).collect();
    assert_eq!(
        found,
        [
            ("/phone_numbers", "too_many_items"),
            ("/phone_numbers/2/country", "unknown_country"),
            ("/custom_attributes", "too_many_items"),
        ]
    );
    // However long the list, the report stays the size of what could be sent.
    let long = json!({"phone_numbers": vec![json!({"code": "1"}); 10_000]}).to_string();
    assert_eq!(codes(&long).len(), 1 + 3);
}

/// A list reads as its items (no `Deref` to the vector's slice): iterated by reference or by
/// value, counted, empty by default and then sent as `[]`, and read back through the same
/// checks.
#[test]
fn a_list_is_read_through_its_own_methods() {
    type Phones = List<PhoneNumber, 3>;
    assert!(!implements!(Phones: std::ops::Deref));

    let update = full();
    let phones = update.phone_numbers().unwrap();
    assert_eq!((phones.len(), phones.is_empty()), (2, false));
    let labels: Vec<_> = phones.iter().map(|p| p.label()).collect();
    assert_eq!(
        labels,
        [Some(&PhoneLabel::Office), Some(&PhoneLabel::Mobile)]
    );
    assert_eq!(phones.as_slice().len(), 2);
    let numbers: Vec<_> = phones
        .clone()
        .into_iter()
        .filter_map(|p| p.number().map(|n| n.as_str().to_owned()))
        .collect();
    assert_eq!(numbers, ["5550100", "5550101"]);
    for phone in phones {
        assert!(phone.label().is_some());
    }

    let empty = Phones::default();
    assert!(empty.is_empty());
    assert_eq!(serde_json::to_string(&empty).unwrap(), "[]");
    let clear = UserUpdate::builder().phone_numbers(empty).build().unwrap();
    assert_eq!(body(&clear), json!({"phone_numbers": []}));

    // Deserialize: each item through its own checks, and at most MAX of them.
    let read: Phones = serde_json::from_str(r#"[{"number": "1", "label": "Home"}]"#).unwrap();
    assert_eq!(read.len(), 1);
    let too_many = serde_json::from_str::<Phones>("[{}, {}, {}, {}, {}]").unwrap_err();
    assert!(
        too_many
            .to_string()
            .starts_with("at most 3 items allowed, found 5"),
        "{too_many}"
    );
    let bad_item = serde_json::from_str::<Phones>(r#"[{"code": "1"}]"#).unwrap_err();
    assert!(bad_item.to_string().contains("/code: "), "{bad_item}");
    let built: Vec<PhoneNumberBuilder> = Vec::new();
    assert_eq!(
        UserUpdate::builder().phone_numbers(built).build().unwrap(),
        clear
    );
}

#[test]
fn the_2025_rules() {
    // display_name: 128 characters, ten Chinese characters.
    assert!(codes(&json!({"display_name": "张".repeat(10)}).to_string()).is_empty());
    assert_eq!(
        codes(&json!({"display_name": "张".repeat(11)}).to_string()),
        [("/display_name".to_owned(), "too_many_chinese_characters")]
    );
    assert_eq!(
        codes(&json!({"display_name": "a".repeat(129)}).to_string()),
        [("/display_name".to_owned(), "too_long")]
    );
    // about_me: 150 characters, no hyperlinks or HTML.
    for (text, code) in [
        ("see https://example.com", "hyperlink"),
        ("WWW.example.com", "hyperlink"),
        ("javascript:alert(1)", "hyperlink"),
        ("<b>bold</b>", "html"),
        ("a &amp; b", "html"),
        ("<!-- x -->", "html"),
    ] {
        assert_eq!(
            codes(&json!({ "about_me": text }).to_string()),
            [("/about_me".to_owned(), code)],
            "{text}"
        );
    }
    assert!(codes(&json!({"about_me": "3 < 5 & 6 > 2"}).to_string()).is_empty());
    assert_eq!(
        codes(&json!({"about_me": "a".repeat(151)}).to_string()),
        [("/about_me".to_owned(), "too_long")]
    );
    // linkedin_url: an http(s) URL on linkedin.com.
    for ok in [
        "https://www.linkedin.com/in/grace",
        "http://linkedin.com/in/grace",
        "https://de.LinkedIn.com/in/grace",
    ] {
        assert!(
            codes(&json!({ "linkedin_url": ok }).to_string()).is_empty(),
            "{ok}"
        );
    }
    for bad in [
        "linkedin.com/in/grace",
        "ftp://linkedin.com/x",
        "https://example.com/?linkedin.com",
        "https://linkedin.com.evil.example/x",
        "https://notlinkedin.com/x",
    ] {
        assert_eq!(
            codes(&json!({ "linkedin_url": bad }).to_string()),
            [("/linkedin_url".to_owned(), "not_linkedin_url")],
            "{bad}"
        );
    }
    // type: 1, 2, 4; 99 refused; 3 is gone.
    assert!(codes(r#"{"type": 4}"#).is_empty());
    assert_eq!(
        codes(r#"{"type": 3}"#),
        [("/type".to_owned(), "unknown_value")]
    );
    assert_eq!(
        codes(r#"{"type": 99}"#),
        [("/type".to_owned(), "user_type_sso_create_only")]
    );
    // pronouns_option 1-3, plan_united_type strings, feature.zoom_phone a boolean.
    assert!(codes(r#"{"pronouns_option": 3, "plan_united_type": "none"}"#).is_empty());
    assert_eq!(
        codes(r#"{"pronouns_option": 4, "plan_united_type": 1, "feature": {"zoom_phone": "yes"}}"#),
        [
            ("/pronouns_option".to_owned(), "unknown_value"),
            ("/feature/zoom_phone".to_owned(), "wrong_type"),
            ("/plan_united_type".to_owned(), "wrong_type"),
        ]
    );
    // The 2021-only shapes are refused for what they are.
    assert_eq!(
        codes(r#"{"phone_numbers": {"number": "1"}}"#),
        [("/phone_numbers".to_owned(), "wrong_type")]
    );
}

#[test]
fn login_type_has_the_twelve_integers() {
    let values: Vec<i64> = LoginType::ALL.iter().map(|t| t.value()).collect();
    assert_eq!(values, [0, 1, 11, 21, 23, 24, 27, 97, 98, 99, 100, 101]);
    for t in LoginType::ALL {
        assert_eq!(LoginType::from_name(t.name()), Ok(*t));
        assert_eq!(t.to_string().parse::<LoginType>(), Ok(*t));
    }
    assert!(LoginType::from_value(2).is_err());
    assert!(
        "sso".parse::<LoginType>().is_err(),
        "FromStr takes the wire value"
    );
}

#[tokio::test]
async fn the_2025_surface_on_the_wire() {
    let zoom = MockZoom::start().await;
    zoom.add_user("KDcuGIm1QgePTO8WbOqwIQ", "grace@example.com");
    let client = Client::builder(zoom.bearer_auth())
        .base_url(zoom.base_url())
        .build()
        .unwrap();
    let user: UserId = "grace@example.com".parse().unwrap();
    client
        .update_user(&user, &full())
        .login_type(LoginType::Apple)
        .remove_tsp_credentials(true)
        .await
        .unwrap();
    let clear = UserUpdate::builder()
        .phone_numbers(Vec::<zoom_user_update::v2025::PhoneNumberBuilder>::new())
        .build()
        .unwrap();
    client.update_user(&user, &clear).await.unwrap();
    let requests = zoom.api_requests();
    insta::assert_snapshot!("request_2025", requests[0]);
    assert_eq!(
        requests[0].query.as_deref(),
        Some("login_type=24&remove_tsp_credentials=true")
    );
    assert_eq!(requests[1].json(), Some(json!({"phone_numbers": []})));
    let profile = zoom.user("grace@example.com").unwrap();
    assert_eq!(profile["zoom_one_type"], json!(576460752303423488_i64));
    assert_eq!(profile["phone_numbers"], json!([]));
    assert_eq!(profile["feature"], json!({"zoom_phone": true}));
}

#[test]
fn a_2025_bulk_line() {
    let line = zoom_user_update::v2025::BulkLine::parse(
        br#"{"user_id": "me", "login_type": 101, "remove_tsp_credentials": true, "body": {"zoom_one_type": 0}}"#,
        Policy::Spec,
    )
    .unwrap();
    assert_eq!(line.login_type, Some(LoginType::Sso));
    assert_eq!(line.remove_tsp_credentials, Some(true));
    assert_eq!(line.update.zoom_one_type(), Some(&ZoomOneType::Off));
    let named = zoom_user_update::v2025::BulkLine::parse(
        br#"{"user_id": "me", "login_type": "apple", "body": {"pronouns": "they"}}"#,
        Policy::Spec,
    )
    .unwrap();
    assert_eq!(named.login_type, Some(LoginType::Apple));
    // The reference page's surface has no such flag.
    let errors = zoom_user_update::BulkLine::parse(
        br#"{"user_id": "me", "remove_tsp_credentials": true, "body": {"dept": "x"}}"#,
        Policy::Spec,
    )
    .unwrap_err();
    assert_eq!(errors.violations()[0].path(), "/remove_tsp_credentials");
}
