//! Zoom's current edition (2025, the crate root's): its rules, bodies with arrays and big
//! integers (snapshots), violations inside arrays, the fields of Zoom's SDK (`division_ids`,
//! `license_info_list`), the wire against the fake Zoom, and the file of bodies that
//! `tools/rivet-check` type-checks against Zoom's SDK.

use serde_json::json;
use zoom_test_support::v2025::{BIG_LICENSE_OPTIONS, catalogue, codes, full};
use zoom_test_support::{body, implements};
use zoom_user_update::mock::MockZoom;
use zoom_user_update::v2025::{
    CustomAttribute, LicenseInfo, LicenseOption, LicenseType, LoginType, PhoneLabel, PhoneNumber,
    PhoneNumberBuilder, Query, UserUpdate, ZoomOneType,
};
use zoom_user_update::{Client, List, Policy, Rule, UserId};

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
async fn the_current_edition_on_the_wire() {
    let zoom = MockZoom::start().await;
    zoom.add_user("KDcuGIm1QgePTO8WbOqwIQ", "grace@example.com");
    let client = Client::builder(zoom.bearer_auth())
        .base_url(zoom.base_url())
        .build()
        .unwrap();
    let user: UserId = "grace@example.com".parse().unwrap();
    client
        .update_user(&user, &full())
        .query(
            Query::new()
                .login_type(LoginType::Apple)
                .remove_tsp_credentials(true),
        )
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
    // Zoom's SDK's fields reach the wire exactly: an empty list, and 2^56, 2^57, 2^59 digit for
    // digit.
    let sent = String::from_utf8(requests[0].body.clone()).unwrap();
    assert!(sent.contains(r#""division_ids":[]"#), "{sent}");
    for option in [
        "72057594037927936",
        "144115188075855872",
        "576460752303423488",
    ] {
        assert!(
            sent.contains(&format!(r#""license_option":{option}"#)),
            "{option}: {sent}"
        );
    }
    assert_eq!(profile["division_ids"], json!([]));
    assert_eq!(
        profile["license_info_list"][2]["license_option"],
        json!(576460752303423488_i64)
    );
}

#[test]
fn a_2025_bulk_line() {
    let line = zoom_user_update::v2025::BulkLine::parse(
        br#"{"user_id": "me", "login_type": 101, "remove_tsp_credentials": true, "body": {"zoom_one_type": 0}}"#,
        Policy::Spec,
    )
    .unwrap();
    assert_eq!(
        line.query,
        Query::new()
            .login_type(LoginType::Sso)
            .remove_tsp_credentials(true)
    );
    assert_eq!(line.update.zoom_one_type(), Some(&ZoomOneType::Off));
    let named = zoom_user_update::v2025::BulkLine::parse(
        br#"{"user_id": "me", "login_type": "apple", "body": {"pronouns": "they"}}"#,
        Policy::Spec,
    )
    .unwrap();
    assert_eq!(named.query, Query::new().login_type(LoginType::Apple));
    // The crate root's bulk line is this edition's.
    let root = zoom_user_update::BulkLine::parse(
        br#"{"user_id": "me", "remove_tsp_credentials": false, "body": {"pronouns": "they"}}"#,
        Policy::Spec,
    )
    .unwrap();
    assert_eq!(root.query, Query::new().remove_tsp_credentials(false));
    // The reference page's edition has no such flag.
    let errors = zoom_user_update::v2021::BulkLine::parse(
        br#"{"user_id": "me", "remove_tsp_credentials": true, "body": {"dept": "x"}}"#,
        Policy::Spec,
    )
    .unwrap_err();
    assert_eq!(errors.violations()[0].path(), "/remove_tsp_credentials");
}

/// Zoom's SDK's two fields in the full body: `division_ids` cleared, and the licenses whose
/// options exceed 2^53, written digit for digit and read back the same.
#[test]
fn the_sdk_fields_of_the_full_body_are_written_exactly() {
    let update = full();
    let text = serde_json::to_string(&update).unwrap();
    assert!(text.contains(r#""division_ids":[]"#), "{text}");
    assert!(
        text.contains(
            r#""license_info_list":[{"license_option":72057594037927936,"license_type":"MEETING","subscription_id":"sub-0001"},{"license_option":144115188075855872,"license_type":"ZOOM_WORKPLACE_BUNDLE","subscription_id":"sub-0002"},{"license_option":576460752303423488,"license_type":"MEETING","subscription_id":"sub-0003"}]"#
        ),
        "{text}"
    );
    let options: Vec<_> = update
        .license_info_list()
        .unwrap()
        .iter()
        .map(|l| *l.license_option().unwrap())
        .collect();
    assert_eq!(options, BIG_LICENSE_OPTIONS);
    assert_eq!(update.division_ids().map(List::len), Some(0));
    assert_eq!(UserUpdate::from_json(&text, Policy::Spec).unwrap(), update);
}

/// A license item requires all three members: one that is missing is a violation at its path,
/// built or read from JSON.
#[test]
fn a_license_item_without_a_required_member_is_refused_at_its_path() {
    let errors = UserUpdate::builder()
        .license_info_list([
            LicenseInfo::builder()
                .license_type(LicenseType::Meeting)
                .license_option(LicenseOption::Pow1)
                .subscription_id("sub-1"),
            LicenseInfo::builder()
                .license_option(LicenseOption::Pow59)
                .subscription_id("sub-2"),
        ])
        .build()
        .unwrap_err();
    let found: Vec<_> = errors.iter().map(|v| (v.path(), v.rule())).collect();
    assert_eq!(
        found,
        [("/license_info_list/1/license_type", &Rule::Missing)]
    );

    assert_eq!(
        codes(r#"{"license_info_list": [{"license_type": "MEETING"}, {}]}"#),
        [
            ("/license_info_list/0/license_option".to_owned(), "missing"),
            ("/license_info_list/0/subscription_id".to_owned(), "missing"),
            ("/license_info_list/1/license_type".to_owned(), "missing"),
            ("/license_info_list/1/license_option".to_owned(), "missing"),
            ("/license_info_list/1/subscription_id".to_owned(), "missing"),
        ]
    );
    // Each member is checked for what it is, too.
    assert_eq!(
        codes(
            r#"{"license_info_list": [{"license_type": "WEBINAR", "license_option": 3, "subscription_id": 7}]}"#
        ),
        [
            (
                "/license_info_list/0/license_type".to_owned(),
                "unknown_value"
            ),
            (
                "/license_info_list/0/license_option".to_owned(),
                "unknown_value"
            ),
            (
                "/license_info_list/0/subscription_id".to_owned(),
                "wrong_type"
            ),
        ]
    );
}

/// Each list's `clear_…` setter sends the empty list, which is how a PATCH clears it.
#[test]
fn every_clear_setter_sends_an_empty_list() {
    type Clear = fn(
        zoom_user_update::v2025::UserUpdateBuilder,
    ) -> zoom_user_update::v2025::UserUpdateBuilder;
    let setters: [(&str, Clear); 4] = [
        ("phone_numbers", |b| b.clear_phone_numbers()),
        ("custom_attributes", |b| b.clear_custom_attributes()),
        ("division_ids", |b| b.clear_division_ids()),
        ("license_info_list", |b| b.clear_license_info_list()),
    ];
    for (name, clear) in setters {
        let update = clear(UserUpdate::builder()).build().unwrap();
        assert_eq!(
            serde_json::to_string(&update).unwrap(),
            format!(r#"{{"{name}":[]}}"#)
        );
        assert_eq!(
            UserUpdate::from_json(format!(r#"{{"{name}": []}}"#), Policy::Spec).unwrap(),
            update
        );
    }
    // A clear replaces the items set before it, and items set after a clear replace it.
    let cleared = UserUpdate::builder()
        .division_ids(["div-1"])
        .clear_division_ids()
        .build()
        .unwrap();
    assert_eq!(body(&cleared), json!({"division_ids": []}));
    let set = UserUpdate::builder()
        .clear_division_ids()
        .division_ids(["div-1"])
        .build()
        .unwrap();
    assert_eq!(body(&set), json!({"division_ids": ["div-1"]}));
}

/// Every license option, as a JSON integer, is read and written digit for digit; the values
/// JavaScript prints for 2^56, 2^57 and 2^59 (rounded doubles) and a number with an exponent are
/// refused.
#[test]
fn every_license_option_survives_and_rounded_values_are_refused() {
    for option in LicenseOption::ALL {
        let text = format!(
            r#"{{"license_info_list":[{{"license_option":{},"license_type":"MEETING","subscription_id":"s"}}]}}"#,
            option.value()
        );
        let update = UserUpdate::from_json(&text, Policy::Spec).unwrap();
        assert_eq!(serde_json::to_string(&update).unwrap(), text);
        assert_eq!(
            option.value().count_ones(),
            1,
            "{option:?} is a power of two"
        );
    }
    for (rounded, code) in [
        ("72057594037927940", "unknown_value"),
        ("144115188075855870", "unknown_value"),
        ("576460752303423500", "unknown_value"),
        ("5.764607523034235e17", "wrong_type"),
    ] {
        let text = format!(
            r#"{{"license_info_list": [{{"license_option": {rounded}, "license_type": "MEETING", "subscription_id": "s"}}]}}"#
        );
        let found = codes(&text);
        assert_eq!(found.len(), 1, "{rounded}: {found:?}");
        assert_eq!(
            found[0],
            ("/license_info_list/0/license_option".to_owned(), code),
            "{rounded}"
        );
    }
    let big: Vec<_> = BIG_LICENSE_OPTIONS.iter().map(|o| o.name()).collect();
    assert_eq!(big, ["2^56", "2^57", "2^59"]);
}

/// `division_ids` is a list of text, without a limit on its length.
#[test]
fn division_ids_are_text_items_without_a_limit() {
    let many: Vec<String> = (0..1_000).map(|i| format!("div-{i}")).collect();
    let update = UserUpdate::builder()
        .division_ids(many.clone())
        .build()
        .unwrap();
    assert_eq!(body(&update), json!({ "division_ids": many }));
    assert_eq!(
        codes(r#"{"division_ids": ["a", 2, null]}"#),
        [
            ("/division_ids/1".to_owned(), "wrong_type"),
            ("/division_ids/2".to_owned(), "wrong_type"),
        ]
    );
    assert_eq!(
        codes(r#"{"division_ids": "div-1"}"#),
        [("/division_ids".to_owned(), "wrong_type")]
    );
}

/// `tests/fixtures/v2025-bodies.jsonl` is what the fake Zoom received when this test sent every
/// body of the catalogue (the distinct bodies of the current edition the tests send), one a
/// line: `tools/rivet-check` type-checks it against Zoom's SDK's type. The file is compared,
/// never written, unless `UPDATE_FIXTURES=1` is set (never in CI).
#[tokio::test]
async fn the_bodies_file_for_zoom_sdk_types_is_what_the_sdk_sends() {
    let bodies = catalogue();
    let zoom = MockZoom::start().await;
    let client = Client::builder(zoom.bearer_auth())
        .base_url(zoom.base_url())
        .build()
        .unwrap();
    for update in &bodies {
        client.update_user(&UserId::me(), update).await.unwrap();
    }
    let mut expected = String::new();
    for request in zoom.api_requests() {
        expected.push_str(std::str::from_utf8(&request.body).unwrap());
        expected.push('\n');
    }
    // Every enum value of the body and every cleared list is among them.
    let text = expected.as_str();
    for plan in ZoomOneType::ALL {
        assert!(
            text.contains(&format!(r#""zoom_one_type":{}}}"#, plan.value())),
            "{plan:?}"
        );
    }
    for option in LicenseOption::ALL {
        assert!(
            text.contains(&format!(r#""license_option":{},"#, option.value())),
            "{option:?}"
        );
    }
    for list in [
        "phone_numbers",
        "custom_attributes",
        "division_ids",
        "license_info_list",
    ] {
        assert!(text.contains(&format!(r#"{{"{list}":[]}}"#)), "{list}");
    }
    // Each line reads back as the body it was written from.
    for (update, line) in bodies.iter().zip(text.lines()) {
        assert_eq!(
            &UserUpdate::from_json(line, Policy::Spec).unwrap(),
            update,
            "{line}"
        );
    }
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/v2025-bodies.jsonl"
    );
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    if committed == expected {
        return;
    }
    if std::env::var_os("UPDATE_FIXTURES").is_some_and(|v| v == "1") {
        std::fs::write(path, &expected).unwrap();
        return;
    }
    panic!(
        "{path} differs from the bodies the tests send ({} lines expected); run with UPDATE_FIXTURES=1 to rewrite it, then run tools/rivet-check",
        bodies.len()
    );
}
