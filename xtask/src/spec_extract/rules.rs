//! Checks of the finished fragment: what progenitor 0.15 needs, and that every `enum` agrees with
//! the values its description lists.
//!
//! A failed check stops `spec-extract` before anything is written: the fragment on disk is only
//! ever one that passed. (Unused components and the rest of OpenAPI's own rules are redocly's
//! lint, `recommended-strict`, in CI.)

use std::collections::BTreeSet;

use serde_json::{Map, Value};

use super::normalise::{ERROR_SCHEMA, is_error_status};
use super::{Location, items, members, operations, refs_in, resolve, text};

/// Every problem found (empty: the fragment passes).
pub fn check(doc: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    let version = text(doc, "openapi");
    if !version.starts_with("3.0.") {
        problems.push(format!("`openapi` is {version:?}: progenitor 0.15 reads 3.0.x only"));
    }
    let ops: Vec<(Location, &Value)> = operations(doc).collect();
    if ops.len() != 1 {
        problems
            .push(format!("the fragment has {} operations; it must have exactly one", ops.len()));
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
        let shared = &doc["paths"][&at.path]["parameters"];
        for p in items(shared).chain(items(&op["parameters"])).map(|p| resolve(doc, p)) {
            let label = format!("{at} parameter {} {}", text(p, "in"), text(p, "name"));
            check_schema(doc, &p["schema"], &label, true, 0, &mut problems);
        }
        for (media, content) in members(&resolve(doc, &op["requestBody"])["content"]) {
            let label = format!("{at} request body {media}");
            check_schema(doc, &content["schema"], &label, true, 0, &mut problems);
        }
        for (code, response) in members(&op["responses"]) {
            for (media, content) in members(&resolve(doc, response)["content"]) {
                let label = format!("{at} response {code} {media}");
                check_schema(doc, &content["schema"], &label, false, 0, &mut problems);
            }
        }
    }
    let mut seen = BTreeSet::new();
    problems.retain(|p| seen.insert(p.clone()));
    problems
}

fn check_operation(at: &Location, op: &Value, problems: &mut Vec<String>) {
    if text(op, "operationId").is_empty() {
        problems.push(format!("{at}: no operationId (progenitor names the method after it)"));
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
            let media = content.as_object().map_or(0, Map::len);
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
        problems.push(format!("{at}: the success responses carry different bodies (issue #950)"));
    }
    if !responses.keys().any(|code| is_error_status(code)) {
        problems.push(format!("{at}: no error response is documented"));
    }
}

/// Walks a schema (through `$ref`s) and what is inside it; `default` is refused on what a request
/// sends (typify would always serialize the field).
fn check_schema(
    doc: &Value,
    schema: &Value,
    at: &str,
    sent: bool,
    depth: usize,
    problems: &mut Vec<String>,
) {
    let Some(object) = resolve(doc, schema).as_object().filter(|_| depth < 32) else {
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
    let mut walk = |child: &Value, step: &str| {
        check_schema(doc, child, &format!("{at}/{step}"), sent, depth + 1, problems)
    };
    for (key, child) in object {
        match key.as_str() {
            "properties" => members(child).for_each(|(name, child)| walk(child, name)),
            "items" => walk(child, "*"),
            "additionalProperties" | "not" => walk(child, key),
            "allOf" | "oneOf" | "anyOf" => items(child).for_each(|child| walk(child, key)),
            _ => {}
        }
    }
}

/// The text of an enum value as a description lists it: strings bare, numbers as digits.
pub fn value_text(value: &Value) -> String {
    value.as_str().map_or_else(|| value.to_string(), str::to_owned)
}

fn check_enum(schema: &Map<String, Value>, values: &Value, at: &str, problems: &mut Vec<String>) {
    let Some(values) = values.as_array().filter(|v| !v.is_empty()) else {
        return problems.push(format!("{at}: `enum` must be a non-empty array"));
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
            problems
                .push(format!("{at}: enum value {value} is not of type {}", kind.unwrap_or("?")));
        }
    }
    let texts: Vec<String> = values.iter().map(value_text).collect();
    let unique: BTreeSet<&str> = texts.iter().map(String::as_str).collect();
    if unique.len() != texts.len() {
        problems.push(format!(
            "{at}: enum values repeat (an overlay `update` appends to an existing `enum`)"
        ));
    }
    let listed =
        listed_values(schema.get("description").and_then(Value::as_str).unwrap_or_default());
    let missing: Vec<&str> =
        listed.iter().map(String::as_str).filter(|l| !unique.contains(l)).collect();
    let unlisted: Vec<&str> = unique.iter().copied().filter(|t| !listed.contains(*t)).collect();
    if !listed.is_empty() && (!missing.is_empty() || !unlisted.is_empty()) {
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
        let line = line.strip_prefix("* ").or_else(|| line.strip_prefix("- ")).unwrap_or(line);
        let quoted = line.trim_start().strip_prefix('`').and_then(|rest| rest.split_once('`'));
        let Some((value, after)) = quoted else {
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
        assert!(problems.contains("enum value 3.0 is not of type integer"), "{problems}");
        assert!(problems.contains("enum values repeat"), "{problems}");
        assert!(problems.contains("not in `enum`: [2]"), "{problems}");
        let mut broken = fragment(json!({"$ref": "#/components/schemas/Nope"}));
        let responses = &mut broken["paths"]["/u"]["patch"]["responses"];
        responses["default"] = json!({"description": "x"});
        responses["404"] = json!({"description": "x"});
        let problems = check(&broken).join("\n");
        assert!(problems.contains("a `default` response"), "{problems}");
        assert!(problems.contains("response 404 must answer"), "{problems}");
        assert!(problems.contains("\"#/components/schemas/Nope\" points to nothing"), "{problems}");
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
