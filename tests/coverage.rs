//! Spec coverage guard: every request property of the fragment has a decision in the validation
//! layer, the enforced maximum lengths match the fragment, and the JSON intake knows every field.

use serde_json::{Value, json};
use zoom_user_update::spec::field_rules;
use zoom_user_update::{Policy, Rule, UserUpdate};

fn fragment() -> Value {
    serde_json::from_str(include_str!("../openapi/user-update.json")).unwrap()
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

/// `(path, schema)` of every request property: parameters and (nested) body properties.
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
fn every_property_of_the_fragment_has_a_decision() {
    let root = fragment();
    let props = request_properties(&root);
    for (path, schema) in &props {
        let Some(rule) = field_rules().iter().find(|r| &r.path == path) else {
            panic!(
                "property {path} of openapi/user-update.json has no decision in spec::field_rules"
            );
        };
        assert_eq!(
            Some(rule.json_type),
            schema["type"].as_str(),
            "{path}: json type"
        );
        let max = schema
            .get("maxLength")
            .and_then(Value::as_u64)
            .map(|m| m as usize);
        assert_eq!(
            rule.max_chars, max,
            "{path}: enforced maximum length differs from maxLength"
        );
        let max_items = schema
            .get("maxItems")
            .and_then(Value::as_u64)
            .map(|m| m as usize);
        assert_eq!(
            rule.max_items, max_items,
            "{path}: enforced maximum number of items differs from maxItems"
        );
        assert!(!rule.rule.is_empty() && !rule.source.is_empty(), "{path}");
    }
    for rule in field_rules() {
        assert!(
            props.iter().any(|(p, _)| *p == rule.path),
            "spec::field_rules decides {} but the fragment has no such property",
            rule.path
        );
    }
}

/// A value of the wrong JSON type for every body field: the intake must answer `wrong_type` at
/// that path (a field it did not know would be `unknown_field`).
#[test]
fn the_json_intake_knows_every_body_field() {
    let root = fragment();
    for (path, schema) in request_properties(&root) {
        if !path.starts_with('/') {
            continue;
        }
        let wrong = if schema["type"] == "string" {
            json!(12)
        } else {
            json!("x")
        };
        let segments: Vec<&str> = path[1..].split('/').collect();
        let mut body = wrong;
        for s in segments.iter().rev() {
            body = json!({ *s: body });
        }
        let errors = UserUpdate::from_value(&body, Policy::Spec).unwrap_err();
        assert!(
            errors
                .iter()
                .any(|v| v.path() == path && matches!(v.rule(), Rule::WrongType { .. })),
            "{path}: {errors}"
        );
    }
}
