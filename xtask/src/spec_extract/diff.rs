//! What changed between two fragments of the same operation, as a reviewer reads it.
//!
//! Each side is flattened into named entries, each a JSON object of facts: the parameters
//! (`query login_type`), the request body, each body field by its path (`/phone_numbers/*/label`
//! is `label` in the items of the array `phone_numbers`), the responses, the security schemes and
//! scopes. A schema's facts are its keywords with `$ref`s resolved (a named component and an
//! inline schema compare by content), `type` made explicit, `items` the type of its items and
//! `required` whether its owner requires it. An entry on one side only is added or removed; the
//! facts of an entry on both sides are compared key by key, and each key that differs says what
//! kind of change it is. A field is matched by its path without the `*` of arrays, so when an
//! object became an array of objects, the object's fields are compared with the items' (only
//! what is new in the items is "added").

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde_json::{Value, json};

use super::rules::value_text;
use super::{items, members, operations, resolve, text};

/// The kind of a change; the report groups changes by it, in this order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Category {
    ParameterAdded,
    ParameterRemoved,
    FieldAdded,
    FieldRemoved,
    TypeChanged,
    EnumChanged,
    ConstraintChanged,
    Deprecation,
    RequiredChanged,
    ResponseAdded,
    ResponseRemoved,
    ResponseChanged,
    Security,
    Other,
    DescriptionChanged,
    ExampleChanged,
}

use Category::*;

impl Category {
    /// The sign of its lines and its heading in the report.
    fn heading(self) -> (&'static str, &'static str) {
        match self {
            ParameterAdded => ("+", "parameters added"),
            ParameterRemoved => ("-", "parameters removed"),
            FieldAdded => ("+", "body fields added"),
            FieldRemoved => ("-", "body fields removed"),
            TypeChanged => ("~", "type changes"),
            EnumChanged => ("~", "enum values"),
            ConstraintChanged => ("~", "constraints and formats"),
            Deprecation => ("~", "deprecations"),
            RequiredChanged => ("~", "required"),
            ResponseAdded => ("+", "responses added"),
            ResponseRemoved => ("-", "responses removed"),
            ResponseChanged => ("~", "responses changed"),
            Security => ("~", "security"),
            Other => ("~", "other"),
            DescriptionChanged => ("~", "descriptions changed"),
            ExampleChanged => ("~", "examples changed"),
        }
    }
}

/// The keywords compared as constraints, in the report's order (`additionalProperties` last:
/// two schemas there are compared as entries of their own).
const CONSTRAINTS: &str = "format minimum exclusiveMinimum maximum exclusiveMaximum multipleOf \
    minLength maxLength pattern minItems maxItems uniqueItems minProperties maxProperties nullable \
    readOnly writeOnly default additionalProperties";

const OBJECT_TO_ARRAY: &str =
    "object → array of objects (the object's fields are compared with the items')";
const ARRAY_TO_OBJECT: &str =
    "array of objects → object (the items' fields are compared with the object's)";
const BODY_NOT_REQUIRED: &str = "no longer marked required (`requestBody.required` absent)";

/// The facts reported when they differ, with their category; the report lists descriptions and
/// examples by name only.
const COMPARED: [(&str, Category); 5] = [
    ("description", DescriptionChanged),
    ("example", ExampleChanged),
    ("body", ResponseChanged),
    ("headers", ResponseChanged),
    ("media types", Other),
];

/// One change: where (`/about_me`, `query login_type`, `response 404`, …) and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub category: Category,
    pub at: String,
    pub detail: String,
}

/// Every change from `from` to `to`.
#[derive(Clone, Debug)]
pub struct Report {
    pub from: String,
    pub to: String,
    pub operation: String,
    pub changes: Vec<Change>,
}

impl Report {
    /// The changes of one category.
    pub fn of(&self, category: Category) -> impl Iterator<Item = &Change> {
        self.changes.iter().filter(move |c| c.category == category)
    }

    /// The change of `category` at `at`, if any.
    pub fn find(&self, category: Category, at: &str) -> Option<&Change> {
        self.of(category).find(|c| c.at == at)
    }

    fn push(&mut self, category: Category, at: &str, detail: impl Into<String>) {
        let (at, detail) = (at.to_owned(), detail.into());
        self.changes.push(Change {
            category,
            at,
            detail,
        });
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (from, to, operation) = (&self.from, &self.to, &self.operation);
        writeln!(f, "changes from {from} to {to}\noperation: {operation}")?;
        if self.changes.is_empty() {
            return writeln!(f, "no changes");
        }
        let mut changes = self.changes.clone();
        changes.sort_by_key(|c| c.category); // stable: each category keeps the order found
        for group in changes.chunk_by(|a, b| a.category == b.category) {
            let (sign, heading) = group[0].category.heading();
            writeln!(f, "{heading} ({}):", group.len())?;
            if group[0].category >= DescriptionChanged {
                let names: Vec<&str> = group.iter().map(|c| c.at.as_str()).collect();
                writeln!(f, "  {}", names.join(", "))?;
                continue;
            }
            for Change { at, detail, .. } in group {
                let colon = if detail.is_empty() { "" } else { ": " };
                writeln!(f, "  {sign} {at}{colon}{detail}")?;
            }
        }
        Ok(())
    }
}

/// A value in the report: as [`value_text`], `(none)` for a missing one.
fn shown(value: &Value) -> String {
    let value = Some(value).filter(|v| !v.is_null());
    value.map_or("(none)".into(), value_text)
}

fn schema_type(schema: &Value) -> &str {
    match schema.get("type").and_then(Value::as_str) {
        Some(t) => t,
        None if schema.get("properties").is_some() => "object",
        None if schema.get("items").is_some() => "array",
        None => "any",
    }
}

fn enum_values(facts: &Value) -> Vec<String> {
    items(&facts["enum"]).map(value_text).collect()
}

fn list(values: &[String]) -> String {
    let (n, head) = (values.len(), values[..values.len().min(6)].join(", "));
    match n {
        0..=20 => values.join(", "),
        _ => format!("{head}, … {} ({n} values)", values[n - 1]),
    }
}

/// `word` and the values of `a` that `b` lacks, if any.
fn only(word: &str, a: &[String], b: &[String]) -> Option<String> {
    let only: Vec<String> = a.iter().filter(|v| !b.contains(v)).cloned().collect();
    (!only.is_empty()).then(|| format!("{word} {}", only.join(", ")))
}

/// "string, maxLength 150", "array of objects, maxItems 3", "integer, enum 1, 2, 3".
fn summary(facts: &Value) -> String {
    let mut out = text(facts, "type").to_owned();
    if out == "array" {
        out += &format!(" of {}s", text(facts, "items"));
    }
    let keys = CONSTRAINTS.split_whitespace();
    for key in keys.filter(|&k| k != "additionalProperties" && facts.get(k).is_some()) {
        out += &format!(", {key} {}", shown(&facts[key]));
    }
    if facts.get("enum").is_some() {
        out += &format!(", enum {}", list(&enum_values(facts)));
    }
    if facts["deprecated"] == true {
        out += ", deprecated";
    }
    out
}

/// Named entries and their facts, by the name they are matched with. An entry is shown with
/// that name, or with its fact `shown as` (a field: its path with the arrays' `*`).
type Entries = BTreeMap<String, Value>;

/// A schema's facts: its keywords (`$ref` resolved), its `type` made explicit, `items` the type
/// of its items, `required` whether its owner requires it.
fn facts(doc: &Value, schema: &Value, required: bool) -> Value {
    let mut facts = resolve(doc, schema).clone();
    facts = if facts.is_object() { facts } else { json!({}) };
    let items = schema_type(resolve(doc, &facts["items"])).to_owned();
    facts["type"] = json!(schema_type(&facts));
    facts["items"] = json!(items);
    facts["required"] = json!(required);
    facts
}

/// A schema and everything inside it, keyed by path without the arrays' `*`. The items of an
/// array of non-objects and an `additionalProperties` schema are entries of their own
/// (`/division_ids/*`), compared but not listed as added or removed (their owner is).
fn flatten(doc: &Value, schema: &Value, at: &str, key: &str, required: bool, out: &mut Entries) {
    let node = resolve(doc, schema);
    if !node.is_object() || key.matches('/').count() > 32 {
        return;
    }
    let mut facts = facts(doc, node, required);
    facts["shown as"] = json!(if at.is_empty() { "(body)" } else { at });
    out.insert(key.to_owned(), facts);
    let listed = node.get("items").filter(|_| schema_type(node) == "array");
    let listed = listed.map(|items| resolve(doc, items));
    let objects = listed.filter(|items| schema_type(items) == "object");
    let (inner, inner_at) = match objects {
        Some(items) => (items, format!("{at}/*")),
        None => (node, at.to_owned()),
    };
    let plain = listed.filter(|_| objects.is_none());
    let extra = node.get("additionalProperties");
    for (step, schema) in [("*", plain), ("additionalProperties", extra)] {
        if let Some(schema) = schema {
            let (at, key) = (format!("{at}/{step}"), format!("{key}/{step}"));
            flatten(doc, schema, &at, &key, false, out);
        }
    }
    for (name, child) in members(&inner["properties"]) {
        let (at, key) = (format!("{inner_at}/{name}"), format!("{key}/{name}"));
        let required = items(&inner["required"]).any(|r| r == name);
        flatten(doc, child, &at, &key, required, out);
    }
}

fn keys(value: &Value) -> String {
    format!(
        "{:?}",
        members(value).map(|(key, _)| key).collect::<BTreeSet<_>>()
    )
}

fn body_name(response: &Value) -> String {
    let Some(content) = response.get("content").filter(|c| c.is_object()) else {
        return "no body".into();
    };
    let name = |schema: &Value| match schema["$ref"].as_str() {
        Some(r) => r.rsplit('/').next().unwrap_or(r).to_owned(),
        None => schema_type(schema).to_owned(),
    };
    let parts = members(content).map(|(media, body)| format!("{media} {}", name(&body["schema"])));
    parts.collect::<Vec<_>>().join(", ")
}

/// A fragment flattened: the values reported as "other", then each section's entries with the
/// categories of an entry on one side only (added, removed).
fn flat(doc: &Value) -> (Value, Vec<([Category; 2], Entries)>) {
    let found = operations(doc).next();
    let op = found.as_ref().map_or(&Value::Null, |(_, op)| *op);
    let urls: Vec<&Value> = items(&doc["servers"]).map(|s| &s["url"]).collect();
    let other = json!([
        ["openapi", doc["openapi"]],
        ["info.version", doc["info"]["version"]],
        ["servers", urls],
        ["operation", found.as_ref().map(|(at, _)| at.to_string())],
        ["operationId", op["operationId"]],
        ["summary", op["summary"]],
        ["tags", op["tags"]],
    ]);
    let mut parameters = Entries::new();
    for p in items(&op["parameters"]).map(|p| resolve(doc, p)) {
        let mut facts = facts(doc, &p["schema"], p["required"] == true);
        for key in ["description", "example"] {
            facts[key] = json!([p.get(key), facts.get(key)]);
        }
        if p["deprecated"] == true {
            facts["deprecated"] = json!(true);
        }
        parameters.insert(format!("{} {}", text(p, "in"), text(p, "name")), facts);
    }
    let body = resolve(doc, &op["requestBody"]);
    let request = json!({
        "required": body["required"] == true,
        "description": body.get("description"),
        "media types": keys(&body["content"]),
    });
    let mut fields = Entries::new();
    for (_, media) in members(&body["content"]) {
        flatten(doc, &media["schema"], "", "", false, &mut fields);
    }
    let mut responses = Entries::new();
    for (code, response) in members(&op["responses"]) {
        let response = resolve(doc, response);
        let facts = json!({
            "description": response.get("description"),
            "body": body_name(response),
            "headers": keys(&response["headers"]),
        });
        responses.insert(format!("response {code}"), facts);
    }
    let (mut schemes, mut scopes) = (Entries::new(), Entries::new());
    let requirements = op.get("security").unwrap_or(&doc["security"]);
    for (scheme, listed) in items(requirements).flat_map(members) {
        schemes.insert(format!("scheme {scheme}"), Value::Null);
        for scope in items(listed).filter_map(Value::as_str) {
            scopes.insert(format!("scope {scope}"), Value::Null);
        }
    }
    let sections = vec![
        ([ParameterAdded, ParameterRemoved], parameters),
        (
            [Other, Other],
            Entries::from([("request body".into(), request)]),
        ),
        ([FieldAdded, FieldRemoved], fields),
        ([ResponseAdded, ResponseRemoved], responses),
        ([Security, Security], schemes),
        ([Security, Security], scopes),
    ];
    (other, sections)
}

/// Compares the (first) operation of two fragments.
pub fn diff(from_name: &str, from: &Value, to_name: &str, to: &Value) -> Report {
    let operation = match operations(to).next() {
        Some((at, op)) => format!("{at} ({})", op["operationId"].as_str().unwrap_or("?")),
        None => "none".into(),
    };
    let (from_name, to_name) = (from_name.to_owned(), to_name.to_owned());
    let mut report = Report {
        from: from_name,
        to: to_name,
        operation,
        changes: Vec::new(),
    };
    let ((old_other, old), (new_other, new)) = (flat(from), flat(to));
    for (a, b) in items(&old_other).zip(items(&new_other)) {
        if a != b {
            let detail = format!("{} → {}", shown(&a[1]), shown(&b[1]));
            report.push(Other, &value_text(&a[0]), detail);
        }
    }
    for ((categories, old), (_, new)) in old.iter().zip(&new) {
        report.entries(*categories, old, new);
    }
    report
}

impl Report {
    /// Entries on one side only are added or removed; entries on both sides are compared.
    fn entries(&mut self, [added, removed]: [Category; 2], old: &Entries, new: &Entries) {
        let sides = [(new, old, added, "added"), (old, new, removed, "removed")];
        for (this, that, category, word) in sides {
            for (key, facts) in this.iter().filter(|(key, _)| !that.contains_key(*key)) {
                if key.ends_with("/*") || key.ends_with("/additionalProperties") {
                    continue; // compared, but listed through their owner
                }
                let detail = match category {
                    ParameterAdded if facts["required"] == true => summary(facts) + ", required",
                    ParameterAdded => summary(facts) + ", optional",
                    FieldAdded | FieldRemoved => summary(facts),
                    ResponseAdded => text(facts, "body").to_owned(),
                    Security => word.to_owned(),
                    _ => String::new(),
                };
                self.push(category, facts["shown as"].as_str().unwrap_or(key), detail);
            }
        }
        for (key, o) in old {
            if let Some(n) = new.get(key) {
                self.compare(n["shown as"].as_str().unwrap_or(key), o, n);
            }
        }
    }

    /// The facts of one entry on both sides, key by key.
    fn compare(&mut self, at: &str, o: &Value, n: &Value) {
        let (old_type, new_type) = (text(o, "type"), text(n, "type"));
        if old_type != new_type {
            let detail = match (old_type, new_type, text(o, "items"), text(n, "items")) {
                ("object", "array", _, "object") => OBJECT_TO_ARRAY.into(),
                ("array", "object", "object", _) => ARRAY_TO_OBJECT.into(),
                _ => format!("{old_type} → {new_type}"),
            };
            self.push(TypeChanged, at, detail);
        }
        let (old_values, new_values) = (enum_values(o), enum_values(n));
        let detail = match (o.get("enum"), n.get("enum")) {
            (None, Some(_)) => format!("enum added: {}", list(&new_values)),
            (Some(_), None) => format!("enum removed (was {})", list(&old_values)),
            _ => {
                let added = only("added", &new_values, &old_values);
                let removed = only("removed", &old_values, &new_values);
                let parts: Vec<String> = added.into_iter().chain(removed).collect();
                parts.join("; ")
            }
        };
        if !detail.is_empty() {
            self.push(EnumChanged, at, detail);
        }
        let mut constraints = Vec::new();
        for key in CONSTRAINTS.split_whitespace().filter(|&k| o[k] != n[k]) {
            // Two `additionalProperties` schemas are compared as entries of their own.
            if !(key == "additionalProperties" && o[key].is_object() && n[key].is_object()) {
                constraints.push(format!("{key} {} → {}", shown(&o[key]), shown(&n[key])));
            }
        }
        if !constraints.is_empty() {
            self.push(ConstraintChanged, at, constraints.join("; "));
        }
        match (o["deprecated"] == true, n["deprecated"] == true) {
            (false, true) => self.push(Deprecation, at, "now deprecated"),
            (true, false) => self.push(Deprecation, at, "no longer deprecated"),
            _ => {}
        }
        if o["required"] != n["required"] {
            let now = match (n["required"] == true, at) {
                (true, _) => "now required",
                (false, "request body") => BODY_NOT_REQUIRED,
                (false, _) => "now optional",
            };
            self.push(RequiredChanged, at, now);
        }
        for (key, category) in COMPARED.into_iter().filter(|(key, _)| o[key] != n[key]) {
            let values = format!("{key} {} → {}", text(o, key), text(n, key));
            let listed = category < DescriptionChanged;
            self.push(category, at, if listed { values } else { String::new() });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn fragment(body: Value, params: Value, responses: Value) -> Value {
        json!({
            "openapi": "3.0.3",
            "info": {"version": "2"},
            "paths": {"/u": {"patch": {
                "operationId": "u",
                "parameters": params,
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/B"}}}},
                "responses": responses
            }}},
            "components": {"schemas": {"B": body, "P": {"type": "object", "properties": {"number": {"type": "string"}, "code": {"type": "string"}}}}}
        })
    }

    #[test]
    fn reports_fields_types_enums_constraints_and_parameters() {
        let old = fragment(
            json!({"type": "object", "properties": {
                "phone": {"$ref": "#/components/schemas/P"},
                "kind": {"type": "integer", "enum": [1, 2, 3]},
                "pmi": {"type": "integer", "format": "int64"},
                "gone": {"type": "string"},
                "old": {"type": "string"}
            }}),
            json!([{"name": "login", "in": "query", "schema": {"type": "string", "enum": ["0", "1"]}}]),
            json!({"204": {"description": "ok"}, "404": {"description": "nf"}}),
        );
        let new = fragment(
            json!({"type": "object", "properties": {
                "phone": {"type": "array", "maxItems": 3, "items": {"type": "object", "properties": {
                    "number": {"type": "string"}, "code": {"type": "string"}, "label": {"type": "string", "enum": ["Mobile", "Fax"]}}}},
                "kind": {"type": "integer", "enum": [1, 2, 4]},
                "pmi": {"type": "integer", "minimum": 1000000000_u64},
                "old": {"type": "string", "deprecated": true},
                "feature": {"type": "object", "properties": {"zoom_phone": {"type": "boolean"}}}
            }}),
            json!([
                {"name": "login", "in": "query", "schema": {"type": "integer", "enum": [0, 1, 11]}},
                {"name": "flag", "in": "query", "schema": {"type": "boolean"}}
            ]),
            json!({"204": {"description": "ok"}, "429": {"description": "slow"}}),
        );
        let report = diff("a", &old, "b", &new);
        let has = |c, at: &str| {
            report
                .find(c, at)
                .map(|c| c.detail.clone())
                .unwrap_or_else(|| panic!("{c:?} {at}\n{report}"))
        };
        assert!(has(Category::TypeChanged, "/phone").starts_with("object → array of objects"));
        assert_eq!(
            has(Category::FieldAdded, "/phone/*/label"),
            "string, enum Mobile, Fax"
        );
        assert!(
            report
                .find(Category::FieldAdded, "/phone/*/number")
                .is_none()
        );
        assert_eq!(has(Category::FieldAdded, "/feature"), "object");
        assert_eq!(has(Category::FieldAdded, "/feature/zoom_phone"), "boolean");
        assert_eq!(has(Category::FieldRemoved, "/gone"), "string");
        assert_eq!(has(Category::EnumChanged, "/kind"), "added 4; removed 3");
        assert_eq!(
            has(Category::ConstraintChanged, "/pmi"),
            "format int64 → (none); minimum (none) → 1000000000"
        );
        assert_eq!(
            has(Category::ConstraintChanged, "/phone"),
            "maxItems (none) → 3"
        );
        assert_eq!(has(Category::Deprecation, "/old"), "now deprecated");
        assert_eq!(
            has(Category::TypeChanged, "query login"),
            "string → integer"
        );
        assert_eq!(has(Category::EnumChanged, "query login"), "added 11");
        assert_eq!(
            has(Category::ParameterAdded, "query flag"),
            "boolean, optional"
        );
        assert_eq!(has(Category::ResponseAdded, "response 429"), "no body");
        assert!(
            report
                .find(Category::ResponseRemoved, "response 404")
                .is_some()
        );
        let text = report.to_string();
        assert!(
            text.contains("body fields added (3):\n  + /feature: object\n"),
            "{text}"
        );
        assert!(text.contains("  - response 404\n"), "{text}");
    }

    #[test]
    fn reports_write_only_property_counts_and_additional_properties() {
        let responses = json!({"204": {"description": "ok"}});
        let old = fragment(
            json!({"type": "object", "properties": {
                "map": {"type": "object", "additionalProperties": {"type": "string"}},
                "secret": {"type": "string"},
                "closed": {"type": "object"}
            }}),
            json!([]),
            responses.clone(),
        );
        let new = fragment(
            json!({"type": "object", "properties": {
                "map": {"type": "object", "maxProperties": 5, "additionalProperties": {"type": "string", "maxLength": 9}},
                "secret": {"type": "string", "writeOnly": true},
                "closed": {"type": "object", "minProperties": 1, "additionalProperties": false}
            }}),
            json!([]),
            responses,
        );
        let report = diff("a", &old, "b", &new);
        for (at, want) in [
            ("/map", "maxProperties (none) → 5"),
            ("/map/additionalProperties", "maxLength (none) → 9"),
            ("/secret", "writeOnly (none) → true"),
            (
                "/closed",
                "minProperties (none) → 1; additionalProperties (none) → false",
            ),
        ] {
            let change = report.find(Category::ConstraintChanged, at);
            assert_eq!(change.map(|c| c.detail.as_str()), Some(want), "{report}");
        }
    }

    #[test]
    fn reports_required_security_and_responses_both_ways() {
        let mut old = fragment(
            json!({"type": "object", "required": ["a"], "properties": {"a": {"type": "string"}, "b": {"type": "string"}}}),
            json!([{"name": "q", "in": "query", "schema": {"type": "string"}}]),
            json!({"204": {"description": "ok"}, "400": {"description": "bad"}}),
        );
        let mut new = fragment(
            json!({"type": "object", "required": ["b"], "properties": {"a": {"type": "string"}, "b": {"type": "string"}}}),
            json!([{"name": "q", "in": "query", "required": true, "schema": {"type": "string"}}]),
            json!({"204": {"description": "ok"}, "400": {"description": "bad", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/P"}}}}}),
        );
        old["security"] = json!([{"oauth": ["a"]}]);
        new["security"] = json!([{"oauth": ["b"]}]);
        new["paths"]["/u"]["patch"]["requestBody"]
            .as_object_mut()
            .unwrap()
            .remove("required");
        let report = diff("a", &old, "b", &new);
        let detail = |c, at: &str| report.find(c, at).map(|c| c.detail.as_str());
        assert_eq!(
            detail(Category::RequiredChanged, "/a"),
            Some("now optional")
        );
        assert_eq!(
            detail(Category::RequiredChanged, "/b"),
            Some("now required")
        );
        assert_eq!(
            detail(Category::RequiredChanged, "query q"),
            Some("now required")
        );
        assert_eq!(
            detail(Category::RequiredChanged, "request body"),
            Some("no longer marked required (`requestBody.required` absent)")
        );
        assert_eq!(
            detail(Category::ResponseChanged, "response 400"),
            Some("body no body → application/json P")
        );
        assert_eq!(detail(Category::Security, "scope b"), Some("added"));
        assert_eq!(detail(Category::Security, "scope a"), Some("removed"));
    }

    #[test]
    fn the_same_fragment_has_no_changes() {
        let doc = fragment(
            json!({"type": "object"}),
            json!([]),
            json!({"204": {"description": "ok"}}),
        );
        let report = diff("a", &doc, "a", &doc);
        assert!(report.changes.is_empty());
        assert!(report.to_string().ends_with("no changes\n"));
    }
}
