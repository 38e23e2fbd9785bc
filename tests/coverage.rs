//! Spec coverage guard, for each edition's fragment: every request property (array items
//! included) has a decision in the validation layer, the enforced maximum lengths and numbers of
//! items match the fragment, every value a fragment's `enum` lists is accepted or refused on
//! purpose, and the JSON intake knows every field.

use serde_json::{Value, json};
use zoom_user_update::spec::{Edition, field_rules};
use zoom_user_update::{Policy, Rule, UserUpdate, v2025};

fn fragment(edition: Edition) -> Value {
    let text = match edition {
        Edition::V2025 => include_str!("../openapi/user-update-2025.json"),
        _ => include_str!("../openapi/user-update.json"),
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

/// `(path, schema)` of every request property: parameters and (nested) body properties, array
/// items as `*`.
fn request_properties(root: &Value) -> Vec<(String, Value)> {
    let op = &root["paths"]["/users/{userId}"]["patch"];
    let mut out = Vec::new();
    for p in op["parameters"].as_array().unwrap() {
        let name = p["name"].as_str().unwrap();
        let path = match p["in"].as_str().unwrap() {
            "path" => format!("{{{name}}}"),
            "query" => format!("?{name}"),
            other => panic!("parameter {name} in {other} has no decision"),
        };
        out.push((path, p["schema"].clone()));
    }
    let body = resolve(
        root,
        &op["requestBody"]["content"]["application/json"]["schema"],
    );
    fn walk(root: &Value, prefix: &str, schema: &Value, out: &mut Vec<(String, Value)>) {
        for (name, prop) in schema["properties"].as_object().unwrap() {
            let prop = resolve(root, prop);
            let path = format!("{prefix}/{name}");
            out.push((path.clone(), prop.clone()));
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

#[test]
fn every_property_of_each_fragment_has_a_decision() {
    for edition in Edition::ALL {
        let root = fragment(edition);
        let props = request_properties(&root);
        let rules = field_rules(edition);
        for (path, schema) in &props {
            let Some(rule) = rules.iter().find(|r| &r.path == path) else {
                panic!(
                    "{edition}: property {path} of the fragment has no decision in spec::field_rules"
                );
            };
            assert_eq!(
                Some(rule.json_type),
                schema["type"].as_str(),
                "{edition} {path}: json type"
            );
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
                props.iter().any(|(p, _)| *p == rule.path),
                "{edition}: spec::field_rules decides {} but the fragment has no such property",
                rule.path
            );
        }
    }
}

/// A body with `value` at `path` (`/phone_numbers/*/label` puts it in the first item).
fn body_at(path: &str, value: Value) -> Value {
    let segments: Vec<&str> = path[1..].split('/').collect();
    let mut body = value;
    for s in segments.iter().rev() {
        body = if *s == "*" {
            json!([body])
        } else {
            json!({ *s: body })
        };
    }
    body
}

fn intake(edition: Edition, body: &Value) -> Result<(), zoom_user_update::ValidationErrors> {
    match edition {
        Edition::V2025 => v2025::UserUpdate::from_value(body, Policy::Spec).map(drop),
        _ => UserUpdate::from_value(body, Policy::Spec).map(drop),
    }
}

/// Every value an `enum` of a fragment lists is accepted, but for the ones refused on purpose
/// (user type 99, which only `ssoCreate` sets), and one value past the list is refused.
#[test]
fn every_enum_value_of_each_fragment_is_decided() {
    for edition in Edition::ALL {
        let root = fragment(edition);
        for (path, schema) in request_properties(&root) {
            let Some(values) = schema["enum"].as_array() else {
                continue;
            };
            if !path.starts_with('/') {
                continue; // query parameters: tests/rules.rs and tests/v2025.rs
            }
            for value in values {
                let result = intake(edition, &body_at(&path, value.clone()));
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
            let errors = intake(edition, &body_at(&path, past)).unwrap_err();
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
    for edition in Edition::ALL {
        let root = fragment(edition);
        for (path, schema) in request_properties(&root) {
            if !path.starts_with('/') {
                continue;
            }
            let wrong = if schema["type"] == "string" {
                json!(12)
            } else {
                json!("x")
            };
            let errors = intake(edition, &body_at(&path, wrong)).unwrap_err();
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
