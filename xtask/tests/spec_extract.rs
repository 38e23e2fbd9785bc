//! The whole extraction on the real input: Zoom's User API file as committed in
//! `openapi/zoom/` (a clean clone has no `../shared`), with the committed overlay. redocly runs
//! through `npx`, so these tests need Node.js and npm (as CI's lint step does).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;
use xtask::spec_extract::diff::{self, Category};
use xtask::spec_extract::{self, rules};

const ZOOM_FILE: &str = "openapi/zoom/zoom-user-api-oas3-2025-03.json";
const OVERLAY: &str = "openapi/user-update-2025.overlay.json";
const FRAGMENT_2025: &str = "openapi/user-update-2025.json";
const FRAGMENT_2021: &str = "openapi/user-update.json";
const REGENERATE: &str = "cargo xtask spec-extract \
openapi/zoom/zoom-user-api-oas3-2025-03.json --operation userUpdate --out openapi/user-update-2025.json \
--overlay openapi/user-update-2025.overlay.json";

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn read(path: &str) -> String {
    fs::read_to_string(repo().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn json(path: &str) -> Value {
    serde_json::from_str(&read(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn extract() -> spec_extract::Extraction {
    let (zoom, overlay) = (repo().join(ZOOM_FILE), repo().join(OVERLAY));
    spec_extract::extract_fragment(&zoom, "userUpdate", Some(&overlay))
        .unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn extraction_and_overlay_reproduce_the_committed_fragment_byte_for_byte() {
    let extraction = extract();
    let committed = read(FRAGMENT_2025);
    assert!(
        extraction.text == committed,
        "{FRAGMENT_2025} is not what spec-extract writes; regenerate it with:\n  {REGENERATE}\n\
         and review the diff (it also prints the change report)"
    );
    // Re-running and re-formatting give the same bytes.
    assert_eq!(extract().text, extraction.text);
    let reparsed: Value = serde_json::from_str(&committed).unwrap();
    assert_eq!(spec_extract::to_text(&reparsed), committed);
    assert_eq!(rules::check(&reparsed), Vec::<String>::new());
}

#[test]
fn the_fragment_has_the_project_shape() {
    let doc = json(FRAGMENT_2025);
    let old = json(FRAGMENT_2021);
    assert_eq!(doc["openapi"], "3.0.3");
    // One shared error schema, the same as the 2021 fragment's, for every error answer.
    for name in ["ZoomError", "ZoomFieldError"] {
        assert_eq!(
            doc["components"]["schemas"][name], old["components"]["schemas"][name],
            "{name}"
        );
    }
    let responses = doc["paths"]["/users/{userId}"]["patch"]["responses"]
        .as_object()
        .unwrap();
    let codes: Vec<&String> = responses.keys().collect();
    assert_eq!(codes, ["204", "400", "401", "404", "429"]);
    for code in ["400", "401", "404", "429"] {
        assert_eq!(
            responses[code]["content"]["application/json"]["schema"]["$ref"],
            "#/components/schemas/ZoomError"
        );
    }
    assert_eq!(doc["security"][0], serde_json::json!({"bearerAuth": []}));
    assert_eq!(
        doc["components"]["securitySchemes"]["serverToServerOAuth"]["flows"]["clientCredentials"]["tokenUrl"],
        "https://zoom.us/oauth/token"
    );
    let body = &doc["components"]["schemas"]["UserUpdateBody"]["properties"];
    assert!(
        body["use_pmi"].get("default").is_none(),
        "use_pmi must not carry `default`"
    );
    assert!(!read(FRAGMENT_2025).contains("\"default\""));
    assert!(doc["components"]["schemas"].get("ErrorResponse").is_none());
}

/// Every restored enum equals the values its description in Zoom's file lists, and the integers
/// are written with exactly the digits Zoom wrote (no trip through f64).
#[test]
fn restored_enums_agree_with_zoom_descriptions_digit_for_digit() {
    let zoom = json(ZOOM_FILE);
    let op = &zoom["paths"]["/users/{userId}"]["patch"];
    let zoom_body = &op["requestBody"]["content"]["application/json"]["schema"]["properties"];
    let doc = json(FRAGMENT_2025);
    let body = &doc["components"]["schemas"]["UserUpdateBody"]["properties"];
    let login_type = doc["paths"]["/users/{userId}"]["patch"]["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "login_type")
        .unwrap();
    let zoom_login_type = op["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "login_type")
        .unwrap();
    let cases = [
        (
            "login_type",
            &login_type["schema"],
            zoom_login_type["description"].as_str().unwrap(),
            12,
        ),
        (
            "type",
            &body["type"],
            zoom_body["type"]["description"].as_str().unwrap(),
            4,
        ),
        (
            "pronouns_option",
            &body["pronouns_option"],
            zoom_body["pronouns_option"]["description"]
                .as_str()
                .unwrap(),
            3,
        ),
        (
            "plan_united_type",
            &body["plan_united_type"],
            zoom_body["plan_united_type"]["description"]
                .as_str()
                .unwrap(),
            19,
        ),
        (
            "zoom_one_type",
            &body["zoom_one_type"],
            zoom_body["zoom_one_type"]["description"].as_str().unwrap(),
            25,
        ),
        (
            "phone_numbers[].label",
            &body["phone_numbers"]["items"]["properties"]["label"],
            zoom_body["phone_numbers"]["items"]["properties"]["label"]["description"]
                .as_str()
                .unwrap(),
            4,
        ),
    ];
    let text = read(FRAGMENT_2025);
    for (name, schema, description, count) in cases {
        let values: Vec<String> = schema["enum"]
            .as_array()
            .unwrap()
            .iter()
            .map(rules::value_text)
            .collect();
        assert_eq!(values.len(), count, "{name}: {values:?}");
        let listed = rules::listed_values(description);
        let got: std::collections::BTreeSet<String> = values.iter().cloned().collect();
        assert_eq!(got, listed, "{name}");
        if schema["type"] == "integer" {
            for value in schema["enum"].as_array().unwrap() {
                let digits = value.to_string();
                assert!(value.is_u64(), "{name}: {digits} is not an exact integer");
                assert_eq!(digits, value.as_u64().unwrap().to_string());
                assert!(
                    description.contains(&format!("`{digits}`")),
                    "{name}: {digits}"
                );
                assert!(
                    text.contains(&format!(" {digits}")),
                    "{name}: {digits} not written as is"
                );
            }
        }
    }
    let big: Vec<u64> = body["zoom_one_type"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_u64)
        .filter(|v| *v > 1 << 53)
        .collect();
    assert_eq!(
        big,
        [
            18014398509481984,
            72057594037927936,
            144115188075855872,
            576460752303423488
        ]
    );
}

/// What the overlay adds from Zoom's SDK (`@zoom/rivet` 0.4.0): `division_ids`, and
/// `license_info_list` whose `license_option` values are exact powers of two (three of them are
/// printed rounded by JavaScript; here they are computed, never copied).
#[test]
fn fields_from_zoom_sdk_are_added_with_exact_integers() {
    let doc = json(FRAGMENT_2025);
    let body = &doc["components"]["schemas"]["UserUpdateBody"]["properties"];
    assert_eq!(
        body["division_ids"]["items"],
        serde_json::json!({"type": "string"})
    );
    let item = &body["license_info_list"]["items"];
    assert_eq!(
        item["required"],
        serde_json::json!(["license_option", "license_type", "subscription_id"])
    );
    assert_eq!(
        item["properties"]["license_type"]["enum"],
        serde_json::json!(["MEETING", "ZOOM_WORKPLACE_BUNDLE"])
    );
    let exponents = [1, 2, 3, 4, 5, 6, 7, 25, 27, 28, 29, 30]
        .into_iter()
        .chain(32..=42)
        .chain([54, 56, 57, 59]);
    let want: Vec<u64> = exponents.map(|k| 1_u64 << k).collect();
    let got: Vec<u64> = item["properties"]["license_option"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_u64().expect("an exact integer"))
        .collect();
    assert_eq!(got, want);
    let text = read(FRAGMENT_2025);
    for big in [
        72057594037927936_u64,
        144115188075855872,
        576460752303423488,
    ] {
        assert!(text.contains(&format!(" {big}")), "{big}");
    }
    for rounded in [
        "72057594037927940",
        "144115188075855870",
        "576460752303423500",
    ] {
        assert!(!text.contains(rounded), "{rounded}");
    }
}

#[test]
fn the_report_against_the_2021_fragment_lists_the_known_changes() {
    use Category as C;
    let old = json(FRAGMENT_2021);
    // The committed fragment: the first test shows it is what the extraction writes.
    let new = json(FRAGMENT_2025);
    let report = diff::diff(FRAGMENT_2021, &old, FRAGMENT_2025, &new);
    let detail = |category, at: &str| {
        report
            .find(category, at)
            .unwrap_or_else(|| panic!("no {category:?} at {at} in:\n{report}"))
            .detail
            .clone()
    };

    assert!(
        detail(Category::TypeChanged, "/phone_numbers").starts_with("object → array of objects")
    );
    assert!(
        detail(Category::TypeChanged, "/custom_attributes")
            .starts_with("object → array of objects")
    );
    for (category, at, want) in [
        (C::TypeChanged, "query login_type", "string → integer"),
        (C::EnumChanged, "/type", "added 4; removed 3"),
        (
            C::EnumChanged,
            "query login_type",
            "added 11, 21, 23, 24, 27, 97, 98",
        ),
        (
            C::ParameterAdded,
            "query remove_tsp_credentials",
            "boolean, optional",
        ),
        (C::FieldAdded, "/display_name", "string, maxLength 128"),
        (C::FieldAdded, "/about_me", "string, maxLength 150"),
        (C::FieldAdded, "/pronouns_option", "integer, enum 1, 2, 3"),
        (
            C::FieldAdded,
            "/phone_numbers/*/label",
            "string, enum Mobile, Office, Home, Fax",
        ),
        (
            C::ConstraintChanged,
            "/pmi",
            "format int64 → (none); minimum (none) → 1000000000; maximum (none) → 9999999999",
        ),
        (
            C::ConstraintChanged,
            "/phone_numbers",
            "maxItems (none) → 3",
        ),
        (
            C::ConstraintChanged,
            "/custom_attributes",
            "maxItems (none) → 5",
        ),
    ] {
        assert_eq!(detail(category, at), want, "{category:?} {at}");
    }
    assert_eq!(report.of(Category::ParameterRemoved).count(), 0);

    let added: Vec<&str> = report
        .of(Category::FieldAdded)
        .map(|c| c.at.as_str())
        .collect();
    assert_eq!(
        added,
        [
            "/about_me",
            "/cost_center",
            "/display_name",
            "/division_ids",
            "/feature",
            "/feature/zoom_phone",
            "/license_info_list",
            "/license_info_list/*/license_option",
            "/license_info_list/*/license_type",
            "/license_info_list/*/subscription_id",
            "/linkedin_url",
            "/phone_numbers/*/label",
            "/plan_united_type",
            "/pronouns",
            "/pronouns_option",
            "/zoom_one_type",
        ]
    );
    assert_eq!(report.of(Category::FieldRemoved).count(), 0);

    // phone_number / phone_country were deprecated in 2021 already; use_pmi lost its `default`.
    assert_eq!(report.of(Category::Deprecation).count(), 0);
    assert!(
        report
            .find(Category::ConstraintChanged, "/use_pmi")
            .is_none()
    );
    // Same error answers, same bodies.
    for category in [
        Category::ResponseAdded,
        Category::ResponseRemoved,
        Category::ResponseChanged,
    ] {
        assert_eq!(report.of(category).count(), 0, "{category:?}\n{report}");
    }
    assert!(
        report
            .find(Category::Security, "scope user:update:user:admin")
            .is_some()
    );

    let text = report.to_string();
    for line in [
        "parameters added (1):\n  + query remove_tsp_credentials: boolean, optional\n",
        "  ~ /phone_numbers: object → array of objects",
        "  ~ /type: added 4; removed 3\n",
        "  + /phone_numbers/*/label: string, enum Mobile, Office, Home, Fax\n",
    ] {
        assert!(text.contains(line), "missing {line:?} in:\n{text}");
    }
}

#[test]
fn check_mode_passes_on_the_committed_fragment_and_fails_on_a_stale_one() {
    let run = |out: &Path| {
        Command::new(env!("CARGO_BIN_EXE_xtask"))
            .current_dir(repo())
            .args([
                "spec-extract",
                ZOOM_FILE,
                "--operation",
                "userUpdate",
                "--overlay",
                OVERLAY,
                "--check",
                "--out",
            ])
            .arg(out)
            .output()
            .unwrap()
    };
    let fresh = run(Path::new(FRAGMENT_2025));
    let stdout = String::from_utf8_lossy(&fresh.stdout);
    assert_eq!(
        fresh.status.code(),
        Some(0),
        "{stdout}\n{}",
        String::from_utf8_lossy(&fresh.stderr)
    );
    assert!(stdout.contains("is up to date"), "{stdout}");
    assert!(stdout.contains("no changes"), "{stdout}");

    let stale = std::env::temp_dir().join(format!("xtask-stale-{}.json", std::process::id()));
    fs::write(
        &stale,
        read(FRAGMENT_2025).replace("\"maxLength\": 150", "\"maxLength\": 140"),
    )
    .unwrap();
    let result = run(&stale);
    let stdout = String::from_utf8_lossy(&result.stdout);
    let kept = fs::read_to_string(&stale).unwrap();
    fs::remove_file(&stale).unwrap();
    assert_eq!(result.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("~ /about_me: maxLength 140 → 150"),
        "{stdout}"
    );
    assert!(
        kept.contains("\"maxLength\": 140"),
        "--check must not write"
    );
}

#[test]
fn a_missing_operation_or_a_stale_overlay_target_is_an_error() {
    let zoom = repo().join(ZOOM_FILE);
    let err = spec_extract::extract_fragment(&zoom, "noSuchOperation", None).unwrap_err();
    assert!(
        err.to_string()
            .contains("no operation has operationId \"noSuchOperation\""),
        "{err}"
    );
    let stale =
        std::env::temp_dir().join(format!("xtask-stale-{}.overlay.json", std::process::id()));
    fs::write(
        &stale,
        read(OVERLAY).replace("properties.pronouns_option", "properties.pronoun_option"),
    )
    .unwrap();
    let err = spec_extract::extract_fragment(&zoom, "userUpdate", Some(&stale)).unwrap_err();
    fs::remove_file(&stale).unwrap();
    assert!(err.to_string().contains("zero nodes"), "{err}");
    // Without the overlay, the error responses are missing and nothing is written.
    let err = spec_extract::extract_fragment(&zoom, "userUpdate", None).unwrap_err();
    assert!(
        err.to_string().contains("no error response is documented"),
        "{err}"
    );
}

/// redocly is JavaScript: an integer beyond 2^53 in Zoom's file would come back rounded, so the
/// run refuses such a file before redocly sees it (the fragment's big integers come from the
/// overlay, applied in Rust).
#[test]
fn an_integer_javascript_would_round_stops_the_run_before_redocly() {
    let mut zoom = json(ZOOM_FILE);
    zoom["paths"]["/users/{userId}"]["patch"]["x-big"] = serde_json::json!(576460752303423488_u64);
    let input = std::env::temp_dir().join(format!("xtask-big-{}.json", std::process::id()));
    fs::write(&input, zoom.to_string()).unwrap();
    let err = spec_extract::extract_fragment(&input, "userUpdate", None).unwrap_err();
    fs::remove_file(&input).unwrap();
    assert!(
        err.to_string()
            .contains("576460752303423488 is beyond 2^53"),
        "{err}"
    );
}
