//! What changed between two fragments of the same operation, as a reviewer reads it.
//!
//! Each side is flattened into named entries, with `$ref`s resolved (a named component and an
//! inline schema compare by content): the parameters (`query login_type`), the request body and
//! each body field by its path (`/phone_numbers/*/label` is `label` in the items of the array
//! `phone_numbers`), the responses; then entries of the same name are compared. A field is
//! matched by its path without the `*` of arrays, so when an object became an array of objects,
//! the object's fields are compared with the items' (only what is new in the items is "added").

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

/// Each category's sign and heading, in [`Category`] order.
const HEADINGS: [&str; 16] = [
    "+parameters added",
    "-parameters removed",
    "+body fields added",
    "-body fields removed",
    "~type changes",
    "~enum values",
    "~constraints and formats",
    "~deprecations",
    "~required",
    "+responses added",
    "-responses removed",
    "~responses changed",
    "~security",
    "~other",
    "~descriptions changed",
    "~examples changed",
];

const OBJECT_TO_ARRAY: &str =
    "object → array of objects (the object's fields are compared with the items')";
const ARRAY_TO_OBJECT: &str =
    "array of objects → object (the items' fields are compared with the object's)";

/// The keywords compared as constraints, in the report's order.
const CONSTRAINTS: &str = "format minimum exclusiveMinimum maximum exclusiveMaximum multipleOf \
    minLength maxLength pattern minItems maxItems uniqueItems minProperties maxProperties nullable \
    readOnly writeOnly default";

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
        self.changes.push(Change { category, at, detail });
    }

    fn scalar(&mut self, at: &str, old: &Value, new: &Value) {
        if old != new {
            self.push(Category::Other, at, format!("{} → {}", shown(Some(old)), shown(Some(new))));
        }
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "changes from {} to {}\noperation: {}", self.from, self.to, self.operation)?;
        if self.changes.is_empty() {
            return writeln!(f, "no changes");
        }
        let mut changes = self.changes.clone();
        changes.sort_by_key(|c| c.category); // stable: each category keeps the order found
        for group in changes.chunk_by(|a, b| a.category == b.category) {
            let (sign, heading) = HEADINGS[group[0].category as usize].split_at(1);
            writeln!(f, "{heading} ({}):", group.len())?;
            let names = group.iter().map(|c| c.at.as_str());
            if group[0].category >= Category::DescriptionChanged {
                writeln!(f, "  {}", names.collect::<Vec<_>>().join(", "))?;
                continue;
            }
            for change in group {
                let detail = if change.detail.is_empty() {
                    String::new()
                } else {
                    format!(": {}", change.detail)
                };
                writeln!(f, "  {sign} {}{detail}", change.at)?;
            }
        }
        Ok(())
    }
}

/// A value in the report: as [`value_text`], `(none)` for a missing one.
fn shown(value: Option<&Value>) -> String {
    value.filter(|v| !v.is_null()).map_or_else(|| "(none)".into(), value_text)
}

fn schema_type(schema: &Value) -> String {
    match schema.get("type").and_then(Value::as_str) {
        Some(t) => t.to_owned(),
        None if schema.get("properties").is_some() => "object".into(),
        None if schema.get("items").is_some() => "array".into(),
        None => "any".into(),
    }
}

fn list(values: &[String]) -> String {
    match values.len() {
        0..=20 => values.join(", "),
        n => format!("{}, … {} ({n} values)", values[..6].join(", "), values[n - 1]),
    }
}

/// One named thing of a side: where it is shown, its schema (a parameter's own `description`,
/// `example` and `deprecated` folded in), the type of its items, and whether it is required.
/// `nested` marks the items of an array of non-objects and `additionalProperties` schemas, which
/// are compared but not listed as added or removed (their owner is).
struct Entry {
    at: String,
    node: Value,
    items: String,
    required: bool,
    nested: bool,
}

impl Entry {
    fn new(doc: &Value, at: String, schema: &Value, required: bool, nested: bool) -> Entry {
        let node = resolve(doc, schema).clone();
        let items = node.get("items").map_or(String::new(), |i| schema_type(resolve(doc, i)));
        Entry { at, node, items, required, nested }
    }

    /// "string, maxLength 150", "array of objects, maxItems 3", "integer, enum 1, 2, 3".
    fn summary(&self) -> String {
        let mut out = schema_type(&self.node);
        if out == "array" {
            out += &format!(" of {}s", self.items);
        }
        for key in CONSTRAINTS.split_whitespace().filter(|key| self.node.get(key).is_some()) {
            out += &format!(", {key} {}", shown(self.node.get(key)));
        }
        if let Some(values) = self.node.get("enum") {
            out += &format!(", enum {}", list(&items(values).map(value_text).collect::<Vec<_>>()));
        }
        if self.node["deprecated"] == true {
            out += ", deprecated";
        }
        out
    }
}

type Entries = BTreeMap<String, Entry>;

/// A schema and everything inside it, keyed by path without the arrays' `*`.
fn flatten(
    doc: &Value,
    schema: &Value,
    at: String,
    key: String,
    required: bool,
    out: &mut Entries,
) {
    let entry = Entry::new(doc, at.clone(), schema, required, false);
    if !entry.node.is_object() || key.matches('/').count() > 32 {
        return;
    }
    let (mut inner, mut inner_at) = (entry.node.clone(), at.clone());
    if let Some(items) = entry.node.get("items").filter(|_| schema_type(&entry.node) == "array") {
        if entry.items == "object" {
            (inner, inner_at) = (resolve(doc, items).clone(), format!("{at}/*"));
        } else {
            let nested = Entry::new(doc, format!("{at}/*"), items, false, true);
            out.insert(format!("{key}/*"), nested);
        }
    }
    if let Some(extra) = entry.node.get("additionalProperties").filter(|e| e.is_object()) {
        let extra_at = format!("{at}/additionalProperties");
        out.insert(
            format!("{key}/additionalProperties"),
            Entry::new(doc, extra_at, extra, false, true),
        );
    }
    let required: Vec<&Value> = items(&inner["required"]).collect();
    for (name, child) in members(&inner["properties"]) {
        let (at, key) = (format!("{inner_at}/{name}"), format!("{key}/{name}"));
        flatten(doc, child, at, key, required.contains(&&json!(name)), out);
    }
    out.insert(key, entry);
}

/// The parameters of an operation, keyed `in name`.
fn parameters(doc: &Value, op: &Value) -> Entries {
    let mut out = Entries::new();
    for p in items(&op["parameters"]).map(|p| resolve(doc, p)) {
        let name = format!("{} {}", text(p, "in"), text(p, "name"));
        let mut entry = Entry::new(doc, name.clone(), &p["schema"], p["required"] == true, false);
        if !entry.node.is_object() {
            entry.node = json!({});
        }
        for key in ["description", "example"] {
            entry.node[key] = json!([p.get(key), entry.node.get(key)]);
        }
        if p["deprecated"] == true {
            entry.node["deprecated"] = json!(true);
        }
        out.insert(name, entry);
    }
    out
}

fn keys(value: &Value) -> BTreeSet<&str> {
    members(value).map(|(key, _)| key.as_str()).collect()
}

fn body_name(response: &Value) -> String {
    let Some(content) = response.get("content").filter(|c| c.is_object()) else {
        return "no body".into();
    };
    let name = |schema: &Value| match schema.get("$ref").and_then(Value::as_str) {
        Some(r) => r.rsplit('/').next().unwrap_or(r).to_owned(),
        None => schema_type(schema),
    };
    let parts: Vec<String> = members(content)
        .map(|(media, body)| format!("{media} {}", name(&body["schema"])))
        .collect();
    parts.join(", ")
}

/// The schemes and scopes of an operation's security requirements (its own, else the document's).
fn security(doc: &Value, op: &Value) -> [BTreeSet<String>; 2] {
    let mut out = [BTreeSet::new(), BTreeSet::new()];
    for (scheme, listed) in items(op.get("security").unwrap_or(&doc["security"])).flat_map(members)
    {
        out[0].insert(format!("scheme {scheme}"));
        out[1].extend(items(listed).filter_map(Value::as_str).map(|s| format!("scope {s}")));
    }
    out
}

/// Compares the (first) operation of two fragments.
pub fn diff(from_name: &str, from: &Value, to_name: &str, to: &Value) -> Report {
    let (old_op, new_op) = (operations(from).next(), operations(to).next());
    let operation = match &new_op {
        Some((at, op)) => format!("{at} ({})", op["operationId"].as_str().unwrap_or("?")),
        None => "none".into(),
    };
    let (names, changes) = ((from_name.into(), to_name.into()), Vec::new());
    let mut report = Report { from: names.0, to: names.1, operation, changes };
    let urls = |doc: &Value| json!(items(&doc["servers"]).map(|s| &s["url"]).collect::<Vec<_>>());
    report.scalar("openapi", &from["openapi"], &to["openapi"]);
    report.scalar("info.version", &from["info"]["version"], &to["info"]["version"]);
    report.scalar("servers", &urls(from), &urls(to));
    match (old_op, new_op) {
        (Some((old_at, old)), Some((new_at, new))) => {
            if old_at != new_at {
                report.push(Category::Other, "operation", format!("{old_at} → {new_at}"));
            }
            for key in ["operationId", "summary", "tags"] {
                report.scalar(key, &old[key], &new[key]);
            }
            report.operations((from, old), (to, new));
        }
        (None, Some(_)) => report.push(Category::Other, "operation", "added"),
        (Some(_), None) => report.push(Category::Other, "operation", "removed"),
        (None, None) => {}
    }
    report
}

/// A fragment and its operation.
type Side<'a> = (&'a Value, &'a Value);

impl Report {
    fn operations(&mut self, (old_doc, old): Side, (new_doc, new): Side) {
        let [old_params, new_params] =
            [(old_doc, old), (new_doc, new)].map(|(d, op)| parameters(d, op));
        self.entries(
            &old_params,
            &new_params,
            [Category::ParameterAdded, Category::ParameterRemoved],
        );

        let old_body = resolve(old_doc, &old["requestBody"]);
        let new_body = resolve(new_doc, &new["requestBody"]);
        if (old_body["required"] == true) != (new_body["required"] == true) {
            let now = match new_body["required"] == true {
                true => "now required",
                false => "no longer marked required (`requestBody.required` absent)",
            };
            self.push(Category::RequiredChanged, "request body", now);
        }
        if old_body.get("description") != new_body.get("description") {
            self.push(Category::DescriptionChanged, "request body", "");
        }
        let (old_media, new_media) = (keys(&old_body["content"]), keys(&new_body["content"]));
        if old_media != new_media {
            let detail = format!("media types {old_media:?} → {new_media:?}");
            self.push(Category::Other, "request body", detail);
        }
        for media in old_media.intersection(&new_media) {
            let [old_fields, new_fields] =
                [(old_doc, old_body), (new_doc, new_body)].map(|(doc, body)| {
                    let mut out = Entries::new();
                    flatten(
                        doc,
                        &body["content"][media]["schema"],
                        String::new(),
                        String::new(),
                        false,
                        &mut out,
                    );
                    out
                });
            self.entries(&old_fields, &new_fields, [Category::FieldAdded, Category::FieldRemoved]);
        }

        let (old_codes, new_codes) = (keys(&old["responses"]), keys(&new["responses"]));
        for code in new_codes.difference(&old_codes) {
            let body = body_name(resolve(new_doc, &new["responses"][code]));
            self.push(Category::ResponseAdded, code, body);
        }
        for code in old_codes.difference(&new_codes) {
            self.push(Category::ResponseRemoved, code, "");
        }
        for code in old_codes.intersection(&new_codes) {
            let a = resolve(old_doc, &old["responses"][code]);
            let b = resolve(new_doc, &new["responses"][code]);
            if a.get("description") != b.get("description") {
                self.push(Category::DescriptionChanged, &format!("response {code}"), "");
            }
            let (body_a, body_b) = (body_name(a), body_name(b));
            if body_a != body_b {
                self.push(Category::ResponseChanged, code, format!("body {body_a} → {body_b}"));
            }
            let (headers_a, headers_b) = (keys(&a["headers"]), keys(&b["headers"]));
            if headers_a != headers_b {
                let detail = format!("headers {headers_a:?} → {headers_b:?}");
                self.push(Category::ResponseChanged, code, detail);
            }
        }

        for (old_set, new_set) in security(old_doc, old).iter().zip(&security(new_doc, new)) {
            new_set.difference(old_set).for_each(|s| self.push(Category::Security, s, "added"));
            old_set.difference(new_set).for_each(|s| self.push(Category::Security, s, "removed"));
        }
    }

    /// Entries on one side only are added or removed; entries on both sides are compared.
    fn entries(&mut self, old: &Entries, new: &Entries, [added, removed]: [Category; 2]) {
        let parameter = added == Category::ParameterAdded;
        for entry in new.iter().filter(|(k, e)| !old.contains_key(*k) && !e.nested).map(|(_, e)| e)
        {
            let detail = match (parameter, entry.required) {
                (false, _) => entry.summary(),
                (true, true) => format!("{}, required", entry.summary()),
                (true, false) => format!("{}, optional", entry.summary()),
            };
            self.push(added, &entry.at, detail);
        }
        for entry in old.iter().filter(|(k, e)| !new.contains_key(*k) && !e.nested).map(|(_, e)| e)
        {
            self.push(removed, &entry.at, if parameter { String::new() } else { entry.summary() });
        }
        for (old, new) in old.iter().filter_map(|(key, old)| Some((old, new.get(key)?))) {
            self.entry(old, new);
        }
    }

    fn entry(&mut self, old: &Entry, new: &Entry) {
        let at = if new.at.is_empty() { "(body)" } else { new.at.as_str() };
        let (o, n) = (&old.node, &new.node);
        let (old_type, new_type) = (schema_type(o), schema_type(n));
        let detail = match (old_type.as_str(), new_type.as_str()) {
            (a, b) if a == b => None,
            ("object", "array") if new.items == "object" => Some(OBJECT_TO_ARRAY.to_owned()),
            ("array", "object") if old.items == "object" => Some(ARRAY_TO_OBJECT.to_owned()),
            (a, b) => Some(format!("{a} → {b}")),
        };
        if let Some(detail) = detail {
            self.push(Category::TypeChanged, at, detail);
        }
        let values =
            |s: &Value| s.get("enum").map(|v| items(v).map(value_text).collect::<Vec<_>>());
        let enum_change = match (values(o), values(n)) {
            (None, None) => None,
            (None, Some(new)) => Some(format!("enum added: {}", list(&new))),
            (Some(old), None) => Some(format!("enum removed (was {})", list(&old))),
            (Some(old), Some(new)) => {
                let added: Vec<&str> =
                    new.iter().filter(|v| !old.contains(v)).map(String::as_str).collect();
                let removed: Vec<&str> =
                    old.iter().filter(|v| !new.contains(v)).map(String::as_str).collect();
                let parts = [("added", added), ("removed", removed)]
                    .into_iter()
                    .filter(|(_, v)| !v.is_empty());
                let parts: Vec<String> =
                    parts.map(|(word, v)| format!("{word} {}", v.join(", "))).collect();
                (!parts.is_empty()).then(|| parts.join("; "))
            }
        };
        if let Some(detail) = enum_change {
            self.push(Category::EnumChanged, at, detail);
        }
        let mut constraints: Vec<String> = CONSTRAINTS
            .split_whitespace()
            .filter(|key| o.get(key) != n.get(key))
            .map(|key| format!("{key} {} → {}", shown(o.get(key)), shown(n.get(key))))
            .collect();
        // Two `additionalProperties` schemas are compared as entries of their own; a flag, or a
        // schema against a flag or nothing, as a constraint.
        let (old_extra, new_extra) = (o.get("additionalProperties"), n.get("additionalProperties"));
        if old_extra != new_extra
            && !(old_extra.is_some_and(Value::is_object) && new_extra.is_some_and(Value::is_object))
        {
            constraints.push(format!(
                "additionalProperties {} → {}",
                shown(old_extra),
                shown(new_extra)
            ));
        }
        if !constraints.is_empty() {
            self.push(Category::ConstraintChanged, at, constraints.join("; "));
        }
        match (o["deprecated"] == true, n["deprecated"] == true) {
            (false, true) => self.push(Category::Deprecation, at, "now deprecated"),
            (true, false) => self.push(Category::Deprecation, at, "no longer deprecated"),
            _ => {}
        }
        if old.required != new.required {
            let now = if new.required { "now required" } else { "now optional" };
            self.push(Category::RequiredChanged, at, now);
        }
        for (key, category) in
            [("description", Category::DescriptionChanged), ("example", Category::ExampleChanged)]
        {
            if o.get(key) != n.get(key) {
                self.push(category, at, "");
            }
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
        assert_eq!(has(Category::FieldAdded, "/phone/*/label"), "string, enum Mobile, Fax");
        assert!(report.find(Category::FieldAdded, "/phone/*/number").is_none());
        assert_eq!(has(Category::FieldAdded, "/feature"), "object");
        assert_eq!(has(Category::FieldAdded, "/feature/zoom_phone"), "boolean");
        assert_eq!(has(Category::FieldRemoved, "/gone"), "string");
        assert_eq!(has(Category::EnumChanged, "/kind"), "added 4; removed 3");
        assert_eq!(
            has(Category::ConstraintChanged, "/pmi"),
            "format int64 → (none); minimum (none) → 1000000000"
        );
        assert_eq!(has(Category::ConstraintChanged, "/phone"), "maxItems (none) → 3");
        assert_eq!(has(Category::Deprecation, "/old"), "now deprecated");
        assert_eq!(has(Category::TypeChanged, "query login"), "string → integer");
        assert_eq!(has(Category::EnumChanged, "query login"), "added 11");
        assert_eq!(has(Category::ParameterAdded, "query flag"), "boolean, optional");
        assert_eq!(has(Category::ResponseAdded, "429"), "no body");
        assert!(report.find(Category::ResponseRemoved, "404").is_some());
        let text = report.to_string();
        assert!(text.contains("body fields added (3):\n  + /feature: object\n"), "{text}");
        assert!(text.contains("  - 404\n"), "{text}");
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
            ("/closed", "minProperties (none) → 1; additionalProperties (none) → false"),
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
        new["paths"]["/u"]["patch"]["requestBody"].as_object_mut().unwrap().remove("required");
        let report = diff("a", &old, "b", &new);
        let detail = |c, at: &str| report.find(c, at).map(|c| c.detail.as_str());
        assert_eq!(detail(Category::RequiredChanged, "/a"), Some("now optional"));
        assert_eq!(detail(Category::RequiredChanged, "/b"), Some("now required"));
        assert_eq!(detail(Category::RequiredChanged, "query q"), Some("now required"));
        assert_eq!(
            detail(Category::RequiredChanged, "request body"),
            Some("no longer marked required (`requestBody.required` absent)")
        );
        assert_eq!(
            detail(Category::ResponseChanged, "400"),
            Some("body no body → application/json P")
        );
        assert_eq!(detail(Category::Security, "scope b"), Some("added"));
        assert_eq!(detail(Category::Security, "scope a"), Some("removed"));
    }

    #[test]
    fn the_same_fragment_has_no_changes() {
        let doc =
            fragment(json!({"type": "object"}), json!([]), json!({"204": {"description": "ok"}}));
        let report = diff("a", &doc, "a", &doc);
        assert!(report.changes.is_empty());
        assert!(report.to_string().ends_with("no changes\n"));
    }
}
