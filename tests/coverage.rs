//! Spec coverage guard, for each edition's fragment: every request property (array items
//! included) has a decision in the validation layer, the enforced maximum lengths and numbers of
//! items match the fragment, and so do required members; every value a fragment's `enum` lists
//! is accepted or refused on purpose, and the rule enforces exactly those values (an integer
//! enum's digits included); and the JSON intake knows every field.

use serde_json::{Map, Value, json};
use zoom_user_update::rules::{FieldRule, Location};
use zoom_user_update::{Edition, Policy, Rule};

/// The edition's fragment under `openapi/`.
fn fragment(edition: Edition) -> Value {
    let text = match edition.name() {
        "2021" => include_str!("../openapi/user-update.json"),
        "2025" => include_str!("../openapi/user-update-2025.json"),
        other => panic!("no fragment is known for edition {other}"),
    };
    serde_json::from_str(text).unwrap()
}

/// Resolves a local `$ref` (`#/components/schemas/X`).
fn resolve<'a>(root: &'a Value, schema: &'a Value) -> &'a Value {
    match schema.get("$ref").and_then(Value::as_str) {
        Some(r) => root
            .pointer(r.trim_start_matches('#'))
            .expect("dangling $ref"),
        None => schema,
    }
}

/// A request property of a fragment: where the README writes it (`{userId}`, `?login_type`,
/// `/phone_numbers/*/code`), its schema, and whether the spec requires it.
struct Property {
    path: String,
    schema: Value,
    required: bool,
}

/// Every request property: parameters and (nested) body properties, array items as `*`.
fn request_properties(root: &Value) -> Vec<Property> {
    let op = &root["paths"]["/users/{userId}"]["patch"];
    let mut out = Vec::new();
    for p in op["parameters"].as_array().unwrap() {
        let p = resolve(root, p);
        let name = p["name"].as_str().unwrap();
        let path = match p["in"].as_str().unwrap() {
            "path" => format!("{{{name}}}"),
            "query" => format!("?{name}"),
            other => panic!("parameter {name} in {other} has no decision"),
        };
        let required = p["required"] == true;
        out.push(Property {
            path,
            schema: resolve(root, &p["schema"]).clone(),
            required,
        });
    }
    let body = resolve(
        root,
        &op["requestBody"]["content"]["application/json"]["schema"],
    );
    fn walk(root: &Value, prefix: &str, schema: &Value, out: &mut Vec<Property>) {
        let required = |name: &str| {
            schema["required"]
                .as_array()
                .is_some_and(|r| r.iter().any(|n| n == name))
        };
        for (name, prop) in schema["properties"].as_object().unwrap() {
            let prop = resolve(root, prop);
            let path = format!("{prefix}/{name}");
            out.push(Property {
                path: path.clone(),
                schema: prop.clone(),
                required: required(name),
            });
            if prop.get("properties").is_some() {
                walk(root, &path, prop, out);
            }
            if let Some(items) = prop.get("items") {
                let items = resolve(root, items);
                if items.get("properties").is_some() {
                    walk(root, &format!("{path}/*"), items, out);
                }
            }
        }
    }
    walk(root, "", body, &mut out);
    out
}

/// The rows of an edition, by the path the README writes.
fn row<'a>(rules: &'a [FieldRule], path: &str) -> Option<&'a FieldRule> {
    rules.iter().find(|r| r.display_path() == path)
}

#[test]
fn every_property_of_each_fragment_has_a_decision() {
    for &edition in Edition::ALL {
        let root = fragment(edition);
        let props = request_properties(&root);
        let rules = edition.field_rules();
        for Property {
            path,
            schema,
            required,
        } in &props
        {
            let Some(rule) = row(rules, path) else {
                panic!(
                    "{edition}: property {path} of the fragment has no decision in its field_rules"
                );
            };
            assert_eq!(
                Some(rule.json_type.name()),
                schema["type"].as_str(),
                "{edition} {path}: json type"
            );
            let location = match path.chars().next() {
                Some('{') => Location::Path,
                Some('?') => Location::Query,
                _ => Location::Body,
            };
            assert_eq!(rule.location, location, "{edition} {path}: location");
            assert_eq!(rule.required, *required, "{edition} {path}: required");
            let number = |key: &str| schema.get(key).and_then(Value::as_u64).map(|m| m as usize);
            assert_eq!(
                rule.max_chars,
                number("maxLength"),
                "{edition} {path}: enforced maximum length differs from maxLength"
            );
            assert_eq!(
                rule.max_items,
                number("maxItems"),
                "{edition} {path}: enforced maximum number of items differs from maxItems"
            );
            assert_eq!(
                rule.deprecated.is_some(),
                schema["deprecated"] == true,
                "{edition} {path}: deprecation"
            );
            assert!(!rule.rule.is_empty() && !rule.source.is_empty(), "{path}");
        }
        for rule in rules {
            assert!(
                props.iter().any(|p| p.path == rule.display_path()),
                "{edition}: field_rules decides {} but the fragment has no such property",
                rule.display_path()
            );
        }
    }
}

/// A value of the schema that its rule accepts, for the members a test does not vary: an
/// object's required members are filled the same way.
fn sample(root: &Value, schema: &Value) -> Value {
    let schema = resolve(root, schema);
    if let Some(first) = schema["enum"].as_array().and_then(|values| values.first()) {
        return first.clone();
    }
    match schema["type"].as_str() {
        Some("string") => json!("x"),
        Some("integer") => json!(1),
        Some("boolean") => json!(true),
        Some("array") => json!([]),
        Some("object") => Value::Object(required_members(root, schema, None)),
        other => panic!("no sample of type {other:?}"),
    }
}

/// An object of `schema` with its required members (but `except`) set to a sample each.
fn required_members(root: &Value, schema: &Value, except: Option<&str>) -> Map<String, Value> {
    let mut members = Map::new();
    for name in schema["required"].as_array().into_iter().flatten() {
        let name = name.as_str().unwrap();
        if Some(name) != except {
            members.insert(name.to_owned(), sample(root, &schema["properties"][name]));
        }
    }
    members
}

/// A body of the fragment's edition with `value` at `path` (`/license_info_list/*/license_option`
/// puts it in the first item), every object on the way holding its other required members.
fn body_at(root: &Value, path: &str, value: Value) -> Value {
    let op = &root["paths"]["/users/{userId}"]["patch"];
    let body = resolve(
        root,
        &op["requestBody"]["content"]["application/json"]["schema"],
    );
    fn at(root: &Value, schema: &Value, segments: &[&str], value: Value) -> Value {
        let schema = resolve(root, schema);
        let Some((first, rest)) = segments.split_first() else {
            return value;
        };
        if *first == "*" {
            return json!([at(root, &schema["items"], rest, value)]);
        }
        let mut members = required_members(root, schema, Some(first));
        members.insert(
            (*first).to_owned(),
            at(root, &schema["properties"][*first], rest, value),
        );
        Value::Object(members)
    }
    let segments: Vec<&str> = path[1..].split('/').collect();
    at(root, body, &segments, value)
}

/// The values the rule of a row allows, as its text lists them (`one of 1, 2, 3; 99 refused:
/// …` gives 1, 2, 3 and 99 refused), each as the JSON text of the value.
fn listed_values(rule: &FieldRule) -> (Vec<String>, Vec<String>) {
    let mut parts = rule.rule.split("; ");
    let allowed = parts
        .next()
        .and_then(|first| first.strip_prefix("one of "))
        .unwrap_or_else(|| {
            panic!(
                "{}: the rule lists no values: {}",
                rule.display_path(),
                rule.rule
            )
        })
        .split(", ")
        .map(str::to_owned)
        .collect();
    let refused = parts
        .filter_map(|p| p.split_once(" refused"))
        .map(|(v, _)| v.to_owned())
        .collect();
    (allowed, refused)
}

/// Every `enum` of each fragment is exactly what its rule row lists: the values the rule allows
/// and those it refuses on purpose are the fragment's, digit for digit for integers (2^59 is not
/// a rounded double), in the fragment's order (`every_enum_value_of_each_fragment_is_decided`
/// sends each value through the intake).
#[test]
fn every_enum_of_each_fragment_is_what_its_rule_row_lists() {
    let mut integer_enums = 0;
    for &edition in Edition::ALL {
        let root = fragment(edition);
        for Property { path, schema, .. } in request_properties(&root) {
            let Some(values) = schema["enum"].as_array() else {
                continue;
            };
            let rule = row(edition.field_rules(), &path).unwrap();
            let fragment: Vec<String> = values.iter().map(Value::to_string).collect();
            let (allowed, refused) = listed_values(rule);
            let rule_values: Vec<String> = allowed.into_iter().chain(refused).collect();
            assert_eq!(
                rule_values, fragment,
                "{edition} {path}: the rule's values and the fragment's enum"
            );
            if schema["type"] == "integer" {
                integer_enums += 1;
                assert!(
                    values.iter().all(|v| v.is_i64()),
                    "{edition} {path}: exact integers"
                );
            }
        }
    }
    // user type (both), login_type, pronouns_option, zoom_one_type, license_option (2025)
    assert_eq!(integer_enums, 6);
}

/// The Rust enums behind the integer enums of the current edition have exactly the fragment's
/// values, by `value()`, in order.
#[test]
fn the_integer_enums_of_the_2025_fragment_are_the_rust_enums() {
    use zoom_user_update::v2025::{
        LicenseOption, LoginType, PronounsOption, UserType, ZoomOneType,
    };
    let root = fragment(Edition::V2025);
    let props = request_properties(&root);
    let values = |path: &str| -> Vec<i64> {
        let prop = props
            .iter()
            .find(|p| p.path == path)
            .unwrap_or_else(|| panic!("{path}"));
        prop.schema["enum"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_i64().unwrap())
            .collect()
    };
    assert_eq!(
        values("/license_info_list/*/license_option"),
        LicenseOption::ALL
            .iter()
            .map(|v| v.value())
            .collect::<Vec<_>>()
    );
    assert_eq!(
        values("/zoom_one_type"),
        ZoomOneType::ALL
            .iter()
            .map(|v| v.value())
            .collect::<Vec<_>>()
    );
    assert_eq!(
        values("/pronouns_option"),
        PronounsOption::ALL
            .iter()
            .map(|v| v.value())
            .collect::<Vec<_>>()
    );
    assert_eq!(
        values("?login_type"),
        LoginType::ALL.iter().map(|v| v.value()).collect::<Vec<_>>()
    );
    let mut types: Vec<i64> = UserType::ALL.iter().map(|v| v.value()).collect();
    types.push(99); // refused on purpose: only ssoCreate sets it
    assert_eq!(values("/type"), types);
}

fn intake(edition: Edition, body: &Value) -> Result<(), zoom_user_update::ValidationErrors> {
    edition.from_value(body, Policy::Spec).map(drop)
}

/// Every value an `enum` of a fragment lists is accepted, but for the ones refused on purpose
/// (user type 99, which only `ssoCreate` sets), and one value past the list is refused.
#[test]
fn every_enum_value_of_each_fragment_is_decided() {
    for &edition in Edition::ALL {
        let root = fragment(edition);
        for Property { path, schema, .. } in request_properties(&root) {
            let Some(values) = schema["enum"].as_array() else {
                continue;
            };
            if !path.starts_with('/') {
                continue; // query parameters: tests/rules.rs and tests/v2025.rs
            }
            for value in values {
                let result = intake(edition, &body_at(&root, &path, value.clone()));
                if path == "/type" && value == 99 {
                    let errors = result.unwrap_err();
                    assert_eq!(errors.violations()[0].rule(), &Rule::UserTypeSsoCreateOnly);
                } else {
                    assert!(result.is_ok(), "{edition} {path} = {value}: {result:?}");
                }
            }
            let past = if schema["type"] == "integer" {
                json!(7)
            } else {
                json!("Pager")
            };
            let errors = intake(edition, &body_at(&root, &path, past)).unwrap_err();
            assert!(
                matches!(errors.violations()[0].rule(), Rule::UnknownValue { .. }),
                "{edition} {path}: {errors}"
            );
        }
    }
}

/// A value of the wrong JSON type for every body field: the intake must answer `wrong_type` at
/// that path (a field it did not know would be `unknown_field`).
#[test]
fn the_json_intake_knows_every_body_field() {
    for &edition in Edition::ALL {
        let root = fragment(edition);
        for Property { path, schema, .. } in request_properties(&root) {
            if !path.starts_with('/') {
                continue;
            }
            let wrong = if schema["type"] == "string" {
                json!(12)
            } else {
                json!("x")
            };
            let errors = intake(edition, &body_at(&root, &path, wrong)).unwrap_err();
            let expected = path.replace('*', "0");
            assert!(
                errors
                    .iter()
                    .any(|v| v.path() == expected && matches!(v.rule(), Rule::WrongType { .. })),
                "{edition} {path}: {errors}"
            );
        }
    }
}
