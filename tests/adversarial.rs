//! Hostile input: each case ends in a typed error (or, where the input is valid, the documented
//! result), never a panic, and nothing reaches the network when validation fails. The bodies are
//! the reference page's edition's (`v2021`: nested objects, not lists), as when these cases were
//! found; `tests/v2025.rs` and the property tests cover the current edition's intake.

use serde_json::json;
use zoom_test_support::v2021::codes;
use zoom_user_update::mock::MockZoom;
use zoom_user_update::v2021::{BulkLine, Query, UserUpdate};
use zoom_user_update::{HostKey, PersonName, Pmi, Policy, Rule, UserId};

#[test]
fn a_ten_megabyte_name_is_too_long() {
    let name = "a".repeat(10 * 1024 * 1024);
    assert_eq!(
        PersonName::parse(&name),
        Err(Rule::TooLong {
            max: 64,
            actual: 10 * 1024 * 1024
        })
    );
    let body = format!(r#"{{"first_name": "{name}", "dept": "{name}"}}"#);
    // the free-text dept is accepted: the spec sets no limit on it
    assert_eq!(
        codes(body.as_bytes()),
        [("/first_name".to_owned(), "too_long")]
    );
}

#[test]
fn ten_thousand_levels_of_nesting_are_read_without_recursion() {
    // Values the intake does not keep are skipped by serde_json without recursing, so depth
    // costs neither stack nor a parse error: the body is refused for what it is.
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    assert_eq!(codes(deep.as_bytes()), [(String::new(), "wrong_type")]);
    let in_field = format!(
        r#"{{"dept": {}{}}}"#,
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    assert_eq!(
        codes(in_field.as_bytes()),
        [("/dept".to_owned(), "wrong_type")]
    );
    let nested = format!(
        r#"{{"custom_attributes": {{"key": {}1{}}}}}"#,
        "{\"a\":".repeat(10_000),
        "}".repeat(10_000)
    );
    assert_eq!(
        codes(nested.as_bytes()),
        [("/custom_attributes/key".to_owned(), "wrong_type")]
    );
    // a deep serde_json::Value built by a caller goes through the same intake
    let mut value = json!(1);
    for _ in 0..1_000 {
        value = json!({ "key": value });
    }
    let errors =
        UserUpdate::from_value(&json!({ "custom_attributes": value }), Policy::Spec).unwrap_err();
    assert_eq!(errors.violations()[0].path(), "/custom_attributes/key");
}

#[test]
fn numbers_in_every_form() {
    for (pmi, code) in [
        ("2468135790", None),
        ("9223372036854775807", Some("pmi_not_ten_digits")),
        ("9223372036854775808", Some("pmi_not_ten_digits")),
        ("18446744073709551616", Some("wrong_type")), // past u64: a float to serde_json
        ("-9223372036854775809", Some("wrong_type")),
        ("2468135790.0", Some("wrong_type")),
        ("2.46813579e9", Some("wrong_type")),
        ("1e400", Some("invalid_json")), // out of f64 range
        ("-0", Some("wrong_type")),
        ("0", Some("pmi_not_ten_digits")),
        ("\"NaN\"", Some("wrong_type")),
        ("NaN", Some("invalid_json")),
        ("Infinity", Some("invalid_json")),
        ("0x93", Some("invalid_json")),
        ("02468135790", Some("invalid_json")),
    ] {
        let found = codes(format!(r#"{{"pmi": {pmi}}}"#).as_bytes());
        let expected: Vec<_> = code
            .map(|c| (if c == "invalid_json" { "" } else { "/pmi" }.to_owned(), c))
            .into_iter()
            .collect();
        assert_eq!(found, expected, "pmi {pmi}");
    }
}

#[test]
fn byte_order_marks_and_invalid_utf8_are_invalid_json() {
    assert_eq!(
        codes(b"\xEF\xBB\xBF{\"dept\": \"x\"}"),
        [(String::new(), "invalid_json")]
    );
    assert_eq!(
        codes(b"{\"dept\": \"\xFF\xFE\"}"),
        [(String::new(), "invalid_json")]
    );
    assert_eq!(
        codes(b"{\"dept\": \"\\ud800\"}"),
        [(String::new(), "invalid_json")]
    ); // lone surrogate
    assert_eq!(codes(b""), [(String::new(), "invalid_json")]);
    assert_eq!(
        codes(b"{\"dept\": \"x\"} trailing"),
        [(String::new(), "invalid_json")]
    );
}

#[test]
fn look_alike_digits_are_not_digits() {
    for key in [
        "１２３４５６",
        "١٢٣٤٥٦",
        "۱۲۳۴۵۶",
        "１23456",
        "12345６",
        "𝟏𝟐𝟑𝟒𝟓𝟔",
        "12345\u{200b}6",
    ] {
        assert_eq!(HostKey::parse(key), Err(Rule::HostKeyNotDigits), "{key:?}");
        assert_eq!(key.parse::<Pmi>(), Err(Rule::PmiNotTenDigits), "{key:?}");
    }
    assert_eq!(
        codes("{\"pmi\": \"２４６８１３５７９０\"}".as_bytes()),
        [("/pmi".to_owned(), "wrong_type")]
    );
}

#[test]
fn invisible_and_right_to_left_characters_in_names_count_but_are_allowed() {
    // The spec limits names by length and Chinese characters only; these are characters too.
    let name = "Ada\u{200b}\u{200d}\u{202e}ecalovL\u{2066}";
    let parsed = PersonName::parse(name).unwrap();
    assert_eq!(parsed.as_str(), name);
    let sixty_five = "\u{200b}".repeat(65);
    assert_eq!(
        PersonName::parse(&sixty_five),
        Err(Rule::TooLong {
            max: 64,
            actual: 65
        })
    );
    // Han look-alikes from other scripts are not Chinese characters: the Kangxi radical ⼈
    // (U+2F08) has the Han script, the katakana ト does not
    assert_eq!(
        PersonName::parse("⼈⼈⼈⼈⼈⼈"),
        Err(Rule::TooManyChineseCharacters { max: 5, actual: 6 })
    );
    assert!(PersonName::parse("トトトトトト").is_ok());
}

#[test]
fn hostile_user_ids() {
    for (id, rule) in [
        ("a\r\nb", Some(Rule::ForbiddenCharacter { found: '\r' })),
        ("a\0", Some(Rule::ForbiddenCharacter { found: '\0' })),
        (
            "\u{2028}",
            Some(Rule::ForbiddenCharacter { found: '\u{2028}' }),
        ),
        ("..", Some(Rule::DotSegment)),
        (".", Some(Rule::DotSegment)),
        ("", Some(Rule::Empty)),
        ("../admin", None),
        ("%2F", None),
        ("a/b", None),
        ("x?login_type=0", None),
    ] {
        assert_eq!(UserId::parse(id).err(), rule, "{id:?}");
    }
}

#[tokio::test]
async fn hostile_user_ids_stay_one_path_segment() {
    let zoom = MockZoom::start().await;
    let client = zoom_user_update::Client::builder(zoom.bearer_auth())
        .base_url(zoom.base_url())
        .build()
        .unwrap();
    let update = UserUpdate::builder().dept("x").build().unwrap();
    for id in [
        "../admin",
        "x?login_type=0",
        "a/../../oauth/token",
        "%2e%2e",
    ] {
        let user: UserId = id.parse().unwrap();
        let err = client.update_user(&user, &update).await.unwrap_err();
        assert_eq!(err.zoom_code(), Some(1001), "{id}");
    }
    for request in zoom.api_requests() {
        let segment = request
            .path
            .strip_prefix("/v2/users/")
            .expect("under /v2/users/");
        assert!(
            !segment.contains('/') && !segment.contains('?'),
            "{}",
            request.path
        );
        assert_eq!(request.query, None);
    }
    assert_eq!(zoom.token_requests(), 0);
}

#[test]
fn bulk_lines_report_every_problem_with_its_path() {
    let errors = BulkLine::parse(
        br#"{"user_id": "a b", "login_type": 7, "body": {"pmi": 1, "x": 2}, "extra": null}"#,
        Policy::Spec,
    )
    .unwrap_err();
    let found: Vec<_> = errors.iter().map(|v| (v.path(), v.rule().code())).collect();
    assert_eq!(
        found,
        [
            ("/login_type", "wrong_type"),
            ("/extra", "unknown_field"),
            ("/user_id", "forbidden_character"),
            ("/body/pmi", "pmi_not_ten_digits"),
            ("/body/x", "unknown_field"),
        ]
    );
    for bad in [&b"[]"[..], b"", b"null", b"{\"user_id\": \"me\"}", b"\xff"] {
        assert!(BulkLine::parse(bad, Policy::Spec).is_err(), "{bad:?}");
    }
    let line = BulkLine::parse(
        &serde_json::to_vec(&json!({"user_id": "me", "body": {"dept": "x"}})).unwrap(),
        Policy::Spec,
    )
    .unwrap();
    assert!(line.user_id.is_me());
    assert_eq!(line.query, Query::new());
}
