//! Table tests: every rule, accepted and refused values at each boundary. `LoginType` and
//! `UserType` here are the reference page's (`v2021`); the current edition's are in
//! `tests/v2025.rs`.

use zoom_test_support::implements;
use zoom_user_update::v2021::{LoginType, UserType};
use zoom_user_update::{
    CallingCode, CountryId, Edition, Email, HostKey, PersonName, Pmi, Policy, RateBudget, Rule,
    TimeZone, UserId, v2025,
};

#[test]
fn pmi_is_exactly_ten_digits() {
    for ok in [1_000_000_000_i64, 2_345_678_901, 9_999_999_999] {
        assert_eq!(Pmi::new(ok).map(Pmi::get), Ok(ok), "{ok}");
    }
    for bad in [
        999_999_999_i64,
        10_000_000_000,
        0,
        -2_345_678_901,
        i64::MIN,
        i64::MAX,
    ] {
        assert_eq!(Pmi::new(bad), Err(Rule::PmiNotTenDigits), "{bad}");
    }
    assert_eq!(Pmi::try_from(u64::MAX), Err(Rule::PmiNotTenDigits));
    // text: exactly 10 ASCII digits, no sign, no leading zero, no spaces or other digits
    assert_eq!("2345678901".parse::<Pmi>().map(Pmi::get), Ok(2_345_678_901));
    for bad in [
        "234567890",
        "23456789012",
        "0234567890",
        "+2345678901",
        " 2345678901",
        "２３４５６７８９０１",
        "23456789O1",
        "",
    ] {
        assert_eq!(bad.parse::<Pmi>(), Err(Rule::PmiNotTenDigits), "{bad:?}");
    }
}

#[test]
fn host_key_is_six_to_ten_ascii_digits() {
    for ok in ["123456", "000000", "1234567890", "9876543"] {
        assert_eq!(
            HostKey::parse(ok).map(|k| k.as_str().to_owned()),
            Ok(ok.to_owned())
        );
    }
    for bad in [
        "12345",
        "12345678901",
        "12345a",
        "-123456",
        " 123456",
        "123 456",
        "١٢٣٤٥٦",
        "１２３４５６",
        "",
    ] {
        assert_eq!(HostKey::parse(bad), Err(Rule::HostKeyNotDigits), "{bad:?}");
    }
}

#[test]
fn host_key_debug_is_redacted() {
    let key = HostKey::parse("482915").unwrap();
    assert_eq!(format!("{key:?}"), "HostKey(<redacted>)");
}

/// A host key is a credential: no `Display` (so no `to_string()` or `{}`) can put it in a
/// message or a log; `as_str` reads it. The other text types do display.
#[test]
fn host_key_has_no_display() {
    assert!(!implements!(HostKey: std::fmt::Display));
    assert!(implements!(PersonName: std::fmt::Display));
    assert!(implements!(TimeZone: std::fmt::Display));
    assert_eq!(HostKey::parse("482915").unwrap().as_str(), "482915");
}

#[test]
fn every_zoom_timezone_id_is_accepted() {
    let list: Vec<serde_json::Value> =
        serde_json::from_str(include_str!("fixtures/zoom-timezones.json")).unwrap();
    assert_eq!(list.len(), 135);
    let embedded: Vec<_> = TimeZone::zoom_list().collect();
    assert_eq!(embedded.len(), list.len());
    for (entry, (id, name)) in list.iter().zip(embedded) {
        assert_eq!(entry["id"], id);
        assert_eq!(entry["name"], name);
        let tz = TimeZone::parse(id).unwrap_or_else(|e| panic!("{id}: {e}"));
        assert_eq!(tz.as_str(), id);
        assert_eq!(tz.zoom_name(), Some(name));
    }
}

#[test]
fn every_iana_id_of_chrono_tz_is_accepted_as_itself() {
    for tz in chrono_tz::TZ_VARIANTS {
        let parsed = TimeZone::parse(tz.name()).unwrap();
        assert_eq!(parsed.tz(), Some(tz));
        assert_eq!(parsed.as_str(), tz.name());
    }
}

#[test]
fn timezone_ids_are_exact() {
    // aliases keep their spelling; the one non-IANA ID has no chrono-tz zone
    assert_eq!(
        TimeZone::parse("Asia/Calcutta").unwrap().as_str(),
        "Asia/Calcutta"
    );
    assert!(TimeZone::parse("Canada/Atlantic").unwrap().tz().is_some());
    assert_eq!(TimeZone::parse("SST").unwrap().tz(), None);
    // an IANA ID that is not on Zoom's list is accepted, with its chrono-tz zone
    let kyiv = TimeZone::parse("Europe/Kyiv").unwrap();
    assert_eq!(kyiv.tz(), Some(chrono_tz::Tz::Europe__Kyiv));
    assert!(!kyiv.is_on_zoom_list());
    for bad in [
        "asia/tokyo",
        "Mars/Base",
        "",
        " Asia/Tokyo",
        "Asia/Tokyo ",
        "UTC+1",
        "sst",
    ] {
        assert_eq!(TimeZone::parse(bad), Err(Rule::UnknownTimeZone), "{bad:?}");
    }
}

#[test]
fn login_type_has_the_seed_values_only() {
    let table = [
        ("0", LoginType::Facebook),
        ("1", LoginType::Google),
        ("99", LoginType::Api),
        ("100", LoginType::Zoom),
        ("101", LoginType::Sso),
    ];
    for (text, t) in table {
        assert_eq!(LoginType::from_value(text), Ok(t));
        assert_eq!(text.parse::<LoginType>(), Ok(t));
        assert_eq!(t.value(), text);
        assert_eq!(t.to_string(), text);
        assert_eq!(LoginType::from_name(t.name()), Ok(t));
        assert_eq!(serde_json::to_string(&t).unwrap(), format!("\"{text}\""));
    }
    assert_eq!(LoginType::from_name("SSO"), Ok(LoginType::Sso));
    for bad in [
        "11", "21", "23", "24", "27", "97", "98", "2", "", "sso", "0 ", "+1",
    ] {
        assert!(
            matches!(
                LoginType::from_value(bad),
                Err(Rule::UnknownValue { allowed }) if allowed.len() == 5
            ),
            "{bad:?}"
        );
    }
}

/// Every enum-like type converts from text as the text types do: `&str` and `String` alike,
/// through the same check as `FromStr`; a setter takes either.
#[test]
fn enum_types_convert_from_str_and_string() {
    assert_eq!(LoginType::try_from(String::from("101")), Ok(LoginType::Sso));
    assert_eq!(LoginType::try_from("101"), Ok(LoginType::Sso));
    assert!(LoginType::try_from(String::from("sso")).is_err());
    assert_eq!(
        UserType::try_from(String::from("2")),
        Ok(UserType::Licensed)
    );
    assert_eq!(
        UserType::try_from(String::from("99")),
        Err(Rule::UserTypeSsoCreateOnly)
    );
    assert_eq!(
        v2025::PhoneLabel::try_from(String::from("Mobile")),
        Ok(v2025::PhoneLabel::Mobile)
    );
    assert!(v2025::PhoneLabel::try_from(String::from("Pager")).is_err());
    assert_eq!(
        v2025::PlanUnitedType::try_from(String::from("none")),
        "none".parse()
    );
    assert_eq!(
        v2025::LoginType::try_from(String::from("24")),
        Ok(v2025::LoginType::Apple)
    );
    let label = String::from("Home");
    let phone = v2025::PhoneNumber::builder().label(label).build().unwrap();
    assert_eq!(phone.label(), Some(&v2025::PhoneLabel::Home));
}

/// A setting's name that does not parse says what was given, escaped and cut short, and what
/// would have been accepted: one line, lowercase, no trailing period.
#[test]
fn unknown_names_say_what_was_given() {
    let error = "lenient".parse::<Policy>().unwrap_err();
    assert_eq!(
        error.to_string(),
        r#"unknown policy "lenient": expected one of spec, strict"#
    );
    assert_eq!((error.what(), error.given()), ("policy", "lenient"));
    assert_eq!(
        "platinum".parse::<RateBudget>().unwrap_err().to_string(),
        r#"unknown rate budget "platinum": expected one of free, pro, business, or requests per second (1 or more, `/s` optional)"#
    );
    assert_eq!(
        "2030".parse::<Edition>().unwrap_err().to_string(),
        r#"unknown edition "2030": expected one of v2021 v2025 (or the year alone)"#
    );
    // Control and invisible characters are escaped: the message stays one honest line.
    assert_eq!(
        "x\ny\u{1b}[2J\u{202e}"
            .parse::<Policy>()
            .unwrap_err()
            .to_string(),
        r#"unknown policy "x\ny\u{1b}[2J\u{202e}": expected one of spec, strict"#
    );
    // A long text is cut at 32 characters.
    let long = "é".repeat(10_000);
    let error = long.parse::<Policy>().unwrap_err();
    assert_eq!(error.given(), "é".repeat(32));
    assert_eq!(
        error.to_string(),
        format!(
            "unknown policy \"{}…\": expected one of spec, strict",
            "é".repeat(32)
        )
    );
    // Converted into the crate's error, the message is the same.
    let config: zoom_user_update::Error = "lenient".parse::<Policy>().unwrap_err().into();
    assert!(config.to_string().contains(r#""lenient""#), "{config}");
}

#[test]
fn user_type_refuses_99_and_unknown_values() {
    assert_eq!(UserType::try_from(1), Ok(UserType::Basic));
    assert_eq!(UserType::try_from(2), Ok(UserType::Licensed));
    assert_eq!(UserType::try_from(3), Ok(UserType::OnPrem));
    assert_eq!(UserType::try_from(99), Err(Rule::UserTypeSsoCreateOnly));
    assert!(
        Rule::UserTypeSsoCreateOnly
            .to_string()
            .contains("ssoCreate")
    );
    for bad in [0, 4, 98, 100, -1] {
        assert!(
            matches!(UserType::try_from(bad), Err(Rule::UnknownValue { allowed }) if allowed == ["1", "2", "3"]),
            "{bad}"
        );
    }
    assert_eq!("99".parse::<UserType>(), Err(Rule::UserTypeSsoCreateOnly));
    assert_eq!(UserType::from_value(2), Ok(UserType::Licensed));
    assert_eq!(UserType::Licensed.value(), 2);
    assert_eq!(serde_json::to_string(&UserType::OnPrem).unwrap(), "3");
}

#[test]
fn names_allow_64_characters_and_5_chinese_characters() {
    let a64 = "a".repeat(64);
    assert!(PersonName::parse(&a64).is_ok());
    assert_eq!(
        PersonName::parse(&"a".repeat(65)),
        Err(Rule::TooLong {
            max: 64,
            actual: 65
        })
    );
    // characters, not bytes: 64 accented letters are 128 bytes
    assert!(PersonName::parse(&"é".repeat(64)).is_ok());
    assert!(PersonName::parse("王小明").is_ok());
    assert!(PersonName::parse("张伟明华强").is_ok());
    assert_eq!(
        PersonName::parse("张伟明华强东"),
        Err(Rule::TooManyChineseCharacters { max: 5, actual: 6 })
    );
    // Han in an extension block (U+20000) counts; kana and hangul do not
    assert_eq!(
        PersonName::parse("𠀀𠀁𠀂𠀃𠀄𠀅"),
        Err(Rule::TooManyChineseCharacters { max: 5, actual: 6 })
    );
    assert!(PersonName::parse("やまだたろう").is_ok());
    assert!(PersonName::parse("김민준김민준").is_ok());
    assert!(PersonName::parse("").is_ok());
}

#[test]
fn country_ids_are_assigned_upper_case_alpha_2_codes() {
    let all = CountryId::all();
    assert_eq!(all.len(), 249);
    assert!(all.windows(2).all(|w| w[0] < w[1]), "sorted and unique");
    for ok in ["BR", "US", "GB", "AX", "ZW", "SS"] {
        assert_eq!(
            CountryId::parse(ok).map(|c| c.as_str().to_owned()),
            Ok(ok.to_owned())
        );
    }
    for bad in ["br", "Br", "XX", "UK", "USA", "B", "", "ＢＲ", "B R"] {
        assert_eq!(CountryId::parse(bad), Err(Rule::UnknownCountry), "{bad:?}");
    }
}

#[test]
fn calling_codes_are_plus_and_one_to_three_digits() {
    for ok in ["+1", "+44", "+886", "+9"] {
        assert!(CallingCode::parse(ok).is_ok(), "{ok}");
    }
    for bad in [
        "1", "+", "+0", "+01", "+1234", "+1a", "++1", " +1", "+１", "",
    ] {
        assert_eq!(
            CallingCode::parse(bad),
            Err(Rule::InvalidCallingCode),
            "{bad:?}"
        );
    }
}

#[test]
fn manager_is_a_valid_email_address() {
    for ok in [
        "a@example.com",
        "first.last+tag@sub.example.co.uk",
        "x_y-z@a-b.io",
        "o'neil@example.org",
        // internationalised addresses (RFC 6531/6532)
        "ä@example.com",
        "a@exämple.com",
        "jane@bücher.de",
        "用户@例子.广告",
    ] {
        assert!(Email::parse(ok).is_ok(), "{ok}");
    }
    let long_local = format!("{}@example.com", "a".repeat(65));
    let long_label = format!("a@{}.com", "b".repeat(64));
    let too_long = format!("a@{}.com", vec!["b".repeat(62); 4].join("."));
    for bad in [
        "",
        "a",
        "a@",
        "@example.com",
        "a@b",
        "a@@example.com",
        "a b@example.com",
        "a@exa mple.com",
        "a@-example.com",
        "a@example-.com",
        "a@example..com",
        "a@.example.com",
        "\"a\"@example.com",
        "\"quoted local\"@example.com",
        "a..b@example.com",
        ".a@example.com",
        "a.@example.com",
        "a@[127.0.0.1]",
        "Name <a@example.com>",
        "a@example.com ",
        "a@example.com\n",
        "a\u{200B}b@example.com",
        "a\u{202E}b@example.com",
        "a@exa_mple.com",
        long_local.as_str(),
        long_label.as_str(),
        too_long.as_str(),
    ] {
        assert_eq!(Email::parse(bad), Err(Rule::InvalidEmail), "{bad:?}");
    }
}

#[test]
fn user_ids() {
    for ok in [
        "me",
        "KDcuGIm1QgePTO8WbOqwIQ",
        "ada@example.com",
        "a/b",
        "../x",
        "x?y",
        "x#y",
        "ünï",
        "%2F",
    ] {
        assert_eq!(
            UserId::parse(ok).map(|u| u.as_str().to_owned()),
            Ok(ok.to_owned())
        );
    }
    assert_eq!(UserId::parse(""), Err(Rule::Empty));
    assert_eq!(UserId::parse("."), Err(Rule::DotSegment));
    assert_eq!(UserId::parse(".."), Err(Rule::DotSegment));
    assert_eq!(
        UserId::parse("a b"),
        Err(Rule::ForbiddenCharacter { found: ' ' })
    );
    assert_eq!(
        UserId::parse("a\r\nb"),
        Err(Rule::ForbiddenCharacter { found: '\r' })
    );
    assert_eq!(
        UserId::parse("a\0"),
        Err(Rule::ForbiddenCharacter { found: '\0' })
    );
    assert_eq!(
        UserId::parse("\u{a0}"),
        Err(Rule::ForbiddenCharacter { found: '\u{a0}' })
    );
    assert_eq!(UserId::parse("not@an@email"), Err(Rule::InvalidEmail));
}

#[test]
fn strict_pmi_rules() {
    let rules = |pmi: i64| Pmi::new(pmi).unwrap().strict_violations();
    assert_eq!(rules(2_468_135_790), []);
    assert_eq!(rules(1_468_135_792), [Rule::PmiFirstDigit]);
    assert_eq!(
        rules(8_001_357_924),
        [Rule::PmiTollFreePrefix { prefix: "800" }]
    );
    assert_eq!(
        rules(6_601_357_924),
        [Rule::PmiTollFreePrefix { prefix: "660" }]
    );
    assert_eq!(rules(2_466_666_135), [Rule::PmiRepeatedDigit]);
    assert_eq!(rules(2_466_661_357), []); // four in a row is fine
    assert_eq!(rules(2_472_472_479), [Rule::PmiRepeatedGroup]);
    assert_eq!(rules(9_247_247_247), [Rule::PmiRepeatedGroup]);
    assert_eq!(rules(2_345_678_901), [Rule::PmiSequential]); // 234567890 wraps 9 → 0
    assert_eq!(rules(9_876_543_215), [Rule::PmiSequential]);
    assert_eq!(rules(3_123_456_789), [Rule::PmiSequential]);
    assert_eq!(rules(2_345_678_135), []); // 7 in a row is fine
    assert_eq!(rules(2_224_447_775), [Rule::PmiTripleGroups]);
    assert_eq!(rules(5_222_444_777), [Rule::PmiTripleGroups]);
    // several at once
    assert_eq!(
        rules(1_111_111_111),
        [
            Rule::PmiFirstDigit,
            Rule::PmiRepeatedDigit,
            Rule::PmiRepeatedGroup,
            Rule::PmiTripleGroups
        ]
    );
}

#[test]
fn strict_host_key_rule() {
    for trivial in ["111111", "123456", "987654", "7890123", "0000000000"] {
        assert!(HostKey::parse(trivial).unwrap().is_trivial(), "{trivial}");
    }
    for fine in ["482915", "112233", "1234560", "5555556"] {
        assert!(!HostKey::parse(fine).unwrap().is_trivial(), "{fine}");
    }
}

#[test]
fn rule_codes_are_snake_case_and_messages_lowercase() {
    let samples = [
        Rule::PmiNotTenDigits,
        Rule::HostKeyNotDigits,
        Rule::TooLong { max: 1, actual: 2 },
        Rule::UserTypeSsoCreateOnly,
        Rule::UnknownTimeZone,
        Rule::InvalidEmail,
        Rule::Requires {
            other: "/phone_country",
        },
        Rule::PmiTollFreePrefix { prefix: "800" },
    ];
    for rule in samples {
        let code = rule.code();
        assert!(
            code.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
            "{code}"
        );
        let message = rule.to_string();
        assert!(!message.ends_with('.'), "{message}");
        assert!(
            message.starts_with(|c: char| !c.is_uppercase()),
            "{message}"
        );
    }
}
