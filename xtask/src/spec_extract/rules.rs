//! Checks of the finished fragment: what progenitor 0.15 needs, and that every restored `enum`
//! agrees with the values its description lists.
//!
//! A failed check stops `spec-extract` before anything is written: the fragment on disk is only
//! ever one that passed.

use std::collections::BTreeSet;

use serde_json::Value;

use super::extract::{Location, operations};
use super::normalise::{ERROR_SCHEMA, is_error_status};
use super::refs::{self, ComponentRef};

/// Every problem found (empty: the fragment passes).
pub fn check(doc: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    match doc["openapi"].as_str() {
        Some(v) if v.starts_with("3.0.") => {}
        other => problems.push(format!(
            "`openapi` is {other:?}: progenitor 0.15 reads 3.0.x only"
        )),
    }
    let ops: Vec<(Location, &Value)> = operations(doc).collect();
    check_operations(&ops, &mut problems);
    check_references(doc, &mut problems);
    check_schemas(doc, &ops, &mut problems);
    problems
}

fn check_operations(ops: &[(Location, &Value)], problems: &mut Vec<String>) {
    if ops.len() != 1 {
        problems.push(format!(
            "the fragment has {} operations; it must have exactly one",
            ops.len()
        ));
    }
    let error_body = format!("#/components/schemas/{ERROR_SCHEMA}");
    for (name, op) in ops {
        if op["operationId"].as_str().is_none_or(str::is_empty) {
            problems.push(format!(
                "{name}: no operationId (progenitor names the method after it)"
            ));
        }
        let Some(responses) = op["responses"].as_object() else {
            problems.push(format!("{name}: no responses"));
            continue;
        };
        if responses.contains_key("default") {
            problems.push(format!(
                "{name}: a `default` response (progenitor 0.15 panics when its body differs from the other responses', issue #950)"
            ));
        }
        let mut success_bodies = BTreeSet::new();
        for (code, response) in responses {
            let schema = &response["content"]["application/json"]["schema"]["$ref"];
            if is_error_status(code) {
                let media: Vec<&String> = response["content"]
                    .as_object()
                    .into_iter()
                    .flat_map(|c| c.keys())
                    .collect();
                if schema.as_str() != Some(error_body.as_str()) || media.len() != 1 {
                    problems.push(format!(
                        "{name}: response {code} must answer with application/json `{ERROR_SCHEMA}` only (one error body for all, issue #950)"
                    ));
                }
            } else if code.starts_with('2') {
                success_bodies.insert(
                    response
                        .get("content")
                        .map(Value::to_string)
                        .unwrap_or_default(),
                );
            }
        }
        if success_bodies.len() > 1 {
            problems.push(format!(
                "{name}: the success responses carry different bodies (progenitor panics, issue #950)"
            ));
        }
        if !responses.keys().any(|c| is_error_status(c)) {
            problems.push(format!("{name}: no error response is documented"));
        }
    }
}

fn check_references(doc: &Value, problems: &mut Vec<String>) {
    let mut found = Vec::new();
    refs::refs_in(doc, &mut found);
    for reference in &found {
        match ComponentRef::parse(reference) {
            Ok(_) if refs::target(doc, reference).is_some() => {}
            Ok(_) => problems.push(format!("`$ref` {reference:?} points to nothing")),
            Err(e) => problems.push(e.to_string()),
        }
    }
    let used = refs::reachable(doc, &[&doc["paths"]]).unwrap_or_default();
    for (kind, entries) in doc["components"].as_object().into_iter().flatten() {
        if kind == "securitySchemes" {
            continue;
        }
        for name in entries.as_object().into_iter().flat_map(|e| e.keys()) {
            let component = ComponentRef {
                kind: kind.clone(),
                name: name.clone(),
            };
            if !used.contains(&component) {
                problems.push(format!("component {kind}/{name} is not used"));
            }
        }
    }
}

/// Walks every schema of the request (parameters, body) and the components; `default` is
/// refused on what a request sends ([`refs::request_components`]).
fn check_schemas(doc: &Value, ops: &[(Location, &Value)], problems: &mut Vec<String>) {
    let mut sent = BTreeSet::new();
    for (name, op) in ops {
        sent.extend(refs::request_components(doc, name).unwrap_or_default());
        let shared = &doc["paths"][&name.path]["parameters"];
        for parameter in [shared, &op["parameters"]]
            .into_iter()
            .flat_map(|list| list.as_array().into_iter().flatten())
        {
            let parameter = refs::resolve(doc, parameter);
            let at = format!(
                "{name} parameter {} {}",
                parameter["in"].as_str().unwrap_or("?"),
                parameter["name"].as_str().unwrap_or("?")
            );
            if let Some(schema) = parameter.get("schema") {
                check_schema(schema, &at, true, problems);
            }
        }
        let body = refs::resolve(doc, &op["requestBody"]);
        for (media, body) in body["content"].as_object().into_iter().flatten() {
            if let Some(schema) = body.get("schema") {
                check_schema(
                    schema,
                    &format!("{name} request body {media}"),
                    true,
                    problems,
                );
            }
        }
    }
    for (name, schema) in doc["components"]["schemas"]
        .as_object()
        .into_iter()
        .flatten()
    {
        let component = ComponentRef {
            kind: "schemas".into(),
            name: name.clone(),
        };
        check_schema(
            schema,
            &format!("#/components/schemas/{name}"),
            sent.contains(&component),
            problems,
        );
    }
}

fn check_schema(schema: &Value, at: &str, sent: bool, problems: &mut Vec<String>) {
    let Some(object) = schema.as_object() else {
        return;
    };
    if sent && object.contains_key("default") {
        problems.push(format!(
            "{at}: `default` on a schema a request sends (typify would always serialize the field)"
        ));
    }
    if let Some(values) = object.get("enum") {
        check_enum(object, values, at, problems);
    }
    for (name, child) in object
        .get("properties")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        check_schema(child, &format!("{at}/{name}"), sent, problems);
    }
    for key in ["items", "additionalProperties", "not"] {
        if let Some(child) = object.get(key) {
            let step = if key == "items" { "*" } else { key };
            check_schema(child, &format!("{at}/{step}"), sent, problems);
        }
    }
    for key in ["allOf", "oneOf", "anyOf"] {
        for child in object
            .get(key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            check_schema(child, &format!("{at}/{key}"), sent, problems);
        }
    }
}

/// The text of an enum value as a description lists it: strings bare, numbers as digits.
pub fn value_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn check_enum(
    schema: &serde_json::Map<String, Value>,
    values: &Value,
    at: &str,
    problems: &mut Vec<String>,
) {
    let Some(values) = values.as_array().filter(|v| !v.is_empty()) else {
        problems.push(format!("{at}: `enum` must be a non-empty array"));
        return;
    };
    let kind = schema.get("type").and_then(Value::as_str);
    for value in values {
        let fits = match kind {
            // An integer must be an exact JSON integer: `5.76e17` or `16.0` would be a float to
            // serde_json and typify, never silently rounded.
            Some("integer") => value.is_i64() || value.is_u64(),
            Some("number") => value.is_number(),
            Some("string") => value.is_string(),
            Some("boolean") => value.is_boolean(),
            _ => true,
        };
        if !fits {
            problems.push(format!(
                "{at}: enum value {value} is not of type {}",
                kind.unwrap_or("?")
            ));
        }
    }
    let texts: Vec<String> = values.iter().map(value_text).collect();
    let unique: BTreeSet<&String> = texts.iter().collect();
    if unique.len() != texts.len() {
        problems.push(format!(
            "{at}: enum values repeat (an overlay `update` appends to an existing `enum`)"
        ));
    }
    let description = schema
        .get("description")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let listed = listed_values(description);
    if listed.is_empty() {
        return;
    }
    let missing: Vec<&str> = listed
        .iter()
        .filter(|l| !unique.contains(l))
        .map(String::as_str)
        .collect();
    let unlisted: Vec<&str> = texts
        .iter()
        .filter(|t| !listed.contains(t.as_str()))
        .map(String::as_str)
        .collect();
    if !missing.is_empty() || !unlisted.is_empty() {
        problems.push(format!(
            "{at}: `enum` and description disagree: listed in the description but not in `enum`: [{}]; in `enum` but not listed: [{}]",
            missing.join(", "),
            unlisted.join(", ")
        ));
    }
}

/// The values a description lists, one per line, as Zoom writes them: a line that starts
/// (after an optional `*` or `-` bullet) with a backticked value followed by nothing, or by a
/// dash and its meaning: "* `1` - Basic.", " `0` - Turn off…", "* `Mobile`".
pub fn listed_values(description: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for line in description.lines() {
        let line = line.trim_start();
        let line = line
            .strip_prefix("* ")
            .or_else(|| line.strip_prefix("- "))
            .unwrap_or(line)
            .trim_start();
        let Some(rest) = line.strip_prefix('`') else {
            continue;
        };
        let Some((value, after)) = rest.split_once('`') else {
            continue;
        };
        let after = after.trim();
        let meaning_follows = after.is_empty()
            || after.starts_with('-')
            || after.starts_with('—')
            || after.starts_with(':');
        if !value.is_empty() && meaning_follows {
            out.insert(value.to_owned());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_the_values_zoom_lists_in_a_description() {
        let text = "The user's login method. \n* `0` - Facebook OAuth. \n* `101` - Single Sign-On (SSO). \n\nThese are only available in China. \n* `11` - Phone number.";
        let got: Vec<String> = listed_values(text).into_iter().collect();
        assert_eq!(got, ["0", "101", "11"]);
        let labels = "The phone number's label. \n* `Mobile` \n* `Office` \n* `Home` \n* `Fax`";
        assert_eq!(listed_values(labels).len(), 4);
        let prose = "* `99` - None. Only with the `ssoCreate` value for `action`.\n `0` - Off.  \n `16` -Zoom One.";
        let got: Vec<String> = listed_values(prose).into_iter().collect();
        assert_eq!(got, ["0", "16", "99"]);
        assert!(listed_values("Use the `phone_numbers` field instead.").is_empty());
    }

    fn fragment(property: Value) -> Value {
        json!({
            "openapi": "3.0.3",
            "paths": {"/u": {"patch": {
                "operationId": "u",
                "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/B"}}}},
                "responses": {
                    "204": {"description": "ok"},
                    "400": {"description": "bad", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ZoomError"}}}}
                }
            }}},
            "components": {"schemas": {
                "B": {"type": "object", "properties": {"p": property}},
                "ZoomError": {"type": "object"}
            }}
        })
    }

    #[test]
    fn a_good_fragment_passes() {
        let doc = fragment(
            json!({"type": "integer", "description": "* `1` - a\n* `576460752303423488` - b", "enum": [1, 576460752303423488_u64]}),
        );
        assert_eq!(check(&doc), Vec::<String>::new());
    }

    #[test]
    fn finds_what_progenitor_or_the_description_would_refuse() {
        let doc = fragment(
            json!({"type": "integer", "default": 1, "description": "* `1` - a\n* `2` - b", "enum": [1, 1, 3.0]}),
        );
        let problems = check(&doc).join("\n");
        assert!(
            problems.contains("`default` on a schema a request sends"),
            "{problems}"
        );
        assert!(
            problems.contains("enum value 3.0 is not of type integer"),
            "{problems}"
        );
        assert!(problems.contains("enum values repeat"), "{problems}");
        assert!(problems.contains("not in `enum`: [2]"), "{problems}");
        let mut with_default = fragment(json!({"type": "string"}));
        with_default["paths"]["/u"]["patch"]["responses"]["default"] = json!({"description": "x"});
        with_default["components"]["schemas"]["Unused"] = json!({});
        with_default["paths"]["/u"]["patch"]["responses"]["404"] = json!({"description": "x"});
        let problems = check(&with_default).join("\n");
        assert!(problems.contains("a `default` response"), "{problems}");
        assert!(
            problems.contains("component schemas/Unused is not used"),
            "{problems}"
        );
        assert!(problems.contains("response 404 must answer"), "{problems}");
        // What the path item's shared parameters reach is sent too.
        let mut shared = fragment(json!({"type": "string"}));
        shared["paths"]["/u"]["parameters"] = json!([{"$ref": "#/components/parameters/Id"}]);
        shared["components"]["parameters"] = json!({"Id": {"name": "id", "in": "path", "schema": {"$ref": "#/components/schemas/Id"}}});
        shared["components"]["schemas"]["Id"] = json!({"type": "string", "default": "me"});
        let problems = check(&shared).join("\n");
        assert!(
            problems.contains("#/components/schemas/Id: `default` on a schema a request sends"),
            "{problems}"
        );
    }
}
