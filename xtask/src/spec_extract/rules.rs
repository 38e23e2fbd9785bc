//! Checks of the finished fragment: what progenitor 0.15 needs, and that every `enum` agrees with
//! the values its description lists.
//!
//! A failed check stops `spec-extract` before anything is written: the fragment on disk is only
//! ever one that passed. (Unused components and the rest of OpenAPI's own rules are redocly's
//! lint, `recommended-strict`, in CI.)

use std::collections::BTreeSet;

use serde_json::Value;

use super::normalise::{ERROR_SCHEMA, is_error_status};
use super::{Location, get, operations, refs_in, schemas, text};

/// Every problem found (empty: the fragment passes).
pub fn check(doc: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    let version = text(doc, "openapi");
    if !version.starts_with("3.0.") {
        problems.push(format!(
            "`openapi` is {version:?}: progenitor 0.15 reads 3.0.x only"
        ));
    }
    let ops: Vec<(Location, &Value)> = operations(doc).collect();
    if ops.len() != 1 {
        let n = ops.len();
        problems.push(format!(
            "the fragment has {n} operations; it must have exactly one"
        ));
    }
    let mut references = Vec::new();
    refs_in(doc, &mut references);
    for reference in references {
        if !reference.starts_with("#/components/") {
            problems.push(format!(
                "`$ref` {reference:?} is not local: the fragment must be self-contained"
            ));
        } else if doc.pointer(&reference[1..]).is_none() {
            problems.push(format!("`$ref` {reference:?} points to nothing"));
        }
    }
    for (at, op) in &ops {
        check_operation(at, op, &mut problems);
        // `default` is refused on what a request sends (typify would always serialize the field).
        for (label, pointer, sent) in schemas(doc, at) {
            let (schema, label) = (get(doc, &pointer), format!("{at} {label}"));
            if sent && schema.get("default").is_some() {
                problems.push(format!(
                    "{label}: `default` on a schema a request sends (typify would always serialize the field)"
                ));
            }
            if schema.get("enum").is_some() {
                check_enum(schema, &label, &mut problems);
            }
        }
    }
    let mut seen = BTreeSet::new();
    problems.retain(|p| seen.insert(p.clone()));
    problems
}

fn check_operation(at: &Location, op: &Value, problems: &mut Vec<String>) {
    if text(op, "operationId").is_empty() {
        problems.push(format!(
            "{at}: no operationId (progenitor names the method after it)"
        ));
    }
    let Some(responses) = op["responses"].as_object() else {
        return problems.push(format!("{at}: no responses"));
    };
    if responses.contains_key("default") {
        problems.push(format!(
            "{at}: a `default` response (progenitor 0.15 panics when its body differs from the \
             other responses', issue #950)"
        ));
    }
    let error_body = format!("#/components/schemas/{ERROR_SCHEMA}");
    let mut success_bodies = BTreeSet::new();
    for (code, response) in responses {
        let content = &response["content"];
        if is_error_status(code) {
            let media = content.as_object().map_or(0, |c| c.len());
            if content["application/json"]["schema"]["$ref"] != error_body.as_str() || media != 1 {
                problems.push(format!(
                    "{at}: response {code} must answer with application/json `{ERROR_SCHEMA}` only \
                     (one error body for all, issue #950)"
                ));
            }
        } else if code.starts_with('2') {
            success_bodies.insert(content.to_string());
        }
    }
    if success_bodies.len() > 1 {
        problems.push(format!(
            "{at}: the success responses carry different bodies (issue #950)"
        ));
    }
    if !responses.keys().any(|code| is_error_status(code)) {
        problems.push(format!("{at}: no error response is documented"));
    }
}

/// The text of an enum value as a description lists it: strings bare, numbers as digits.
pub fn value_text(value: &Value) -> String {
    value.as_str().map_or(value.to_string(), Into::into)
}

fn check_enum(schema: &Value, at: &str, problems: &mut Vec<String>) {
    let Some(values) = schema["enum"].as_array().filter(|v| !v.is_empty()) else {
        return problems.push(format!("{at}: `enum` must be a non-empty array"));
    };
    let kind = text(schema, "type");
    for value in values {
        let fits = match kind {
            // An integer must be an exact JSON integer: `5.76e17` or `16.0` would be a float to
            // serde_json and typify, never silently rounded.
            "integer" => value.is_i64() || value.is_u64(),
            "number" => value.is_number(),
            "string" => value.is_string(),
            "boolean" => value.is_boolean(),
            _ => true,
        };
        if !fits {
            problems.push(format!("{at}: enum value {value} is not of type {kind}"));
        }
    }
    let unique: BTreeSet<String> = values.iter().map(value_text).collect();
    if unique.len() != values.len() {
        problems.push(format!(
            "{at}: enum values repeat (an overlay `update` appends to an existing `enum`)"
        ));
    }
    let listed = listed_values(text(schema, "description"));
    if !listed.is_empty() && listed != unique {
        let missing: Vec<&str> = listed.difference(&unique).map(String::as_str).collect();
        let unlisted: Vec<&str> = unique.difference(&listed).map(String::as_str).collect();
        problems.push(format!(
            "{at}: `enum` and description disagree: listed in the description but not in `enum`: \
             [{}]; in `enum` but not listed: [{}]",
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
    for line in description.lines().map(str::trim_start) {
        let bare = line.strip_prefix("* ").or_else(|| line.strip_prefix("- "));
        let quoted = bare.unwrap_or(line).trim_start().strip_prefix('`');
        let Some((value, after)) = quoted.and_then(|rest| rest.split_once('`')) else {
            continue;
        };
        let after = after.trim();
        if !value.is_empty() && (after.is_empty() || after.starts_with(['-', '—', ':'])) {
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
            problems
                .contains("request body application/json/p: `default` on a schema a request sends"),
            "{problems}"
        );
        assert!(
            problems.contains("enum value 3.0 is not of type integer"),
            "{problems}"
        );
        assert!(problems.contains("enum values repeat"), "{problems}");
        assert!(problems.contains("not in `enum`: [2]"), "{problems}");
        let mut broken = fragment(json!({"$ref": "#/components/schemas/Nope"}));
        let responses = &mut broken["paths"]["/u"]["patch"]["responses"];
        responses["default"] = json!({"description": "x"});
        responses["404"] = json!({"description": "x"});
        let problems = check(&broken).join("\n");
        assert!(problems.contains("a `default` response"), "{problems}");
        assert!(problems.contains("response 404 must answer"), "{problems}");
        assert!(
            problems.contains("\"#/components/schemas/Nope\" points to nothing"),
            "{problems}"
        );
        // What the path item's shared parameters reach is sent too.
        let mut shared = fragment(json!({"type": "string"}));
        shared["paths"]["/u"]["parameters"] = json!([{"$ref": "#/components/parameters/Id"}]);
        shared["components"]["parameters"] = json!({"Id": {"name": "id", "in": "path", "schema": {"type": "string", "default": "me"}}});
        let problems = check(&shared).join("\n");
        assert!(
            problems.contains("PATCH /u parameter path id: `default` on a schema a request sends"),
            "{problems}"
        );
    }
}
