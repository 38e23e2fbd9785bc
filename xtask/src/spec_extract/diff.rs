//! What changed between two fragments of the same operation, as a reviewer reads it.
//!
//! Schemas are compared structurally with `$ref`s resolved, so a named component in one fragment
//! and an inline schema in the other compare by content. Body fields are named by their path in
//! the request body: `/phone_numbers/*/label` is `label` in the items of the array
//! `phone_numbers`. When an object became an array of objects, the object's fields are compared
//! with the items' fields (so only what is new in the items shows up as added).

use std::collections::BTreeSet;
use std::fmt::{self, Write as _};

use serde_json::{Map, Value};

use super::extract::operations;
use super::refs;
use super::rules::value_text;

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

impl Category {
    const ALL: [Category; 16] = [
        Category::ParameterAdded,
        Category::ParameterRemoved,
        Category::FieldAdded,
        Category::FieldRemoved,
        Category::TypeChanged,
        Category::EnumChanged,
        Category::ConstraintChanged,
        Category::Deprecation,
        Category::RequiredChanged,
        Category::ResponseAdded,
        Category::ResponseRemoved,
        Category::ResponseChanged,
        Category::Security,
        Category::Other,
        Category::DescriptionChanged,
        Category::ExampleChanged,
    ];

    fn heading(self) -> &'static str {
        match self {
            Category::ParameterAdded => "parameters added",
            Category::ParameterRemoved => "parameters removed",
            Category::FieldAdded => "body fields added",
            Category::FieldRemoved => "body fields removed",
            Category::TypeChanged => "type changes",
            Category::EnumChanged => "enum values",
            Category::ConstraintChanged => "constraints and formats",
            Category::Deprecation => "deprecations",
            Category::RequiredChanged => "required",
            Category::ResponseAdded => "responses added",
            Category::ResponseRemoved => "responses removed",
            Category::ResponseChanged => "responses changed",
            Category::Security => "security",
            Category::Other => "other",
            Category::DescriptionChanged => "descriptions changed",
            Category::ExampleChanged => "examples changed",
        }
    }

    fn sign(self) -> char {
        match self {
            Category::ParameterAdded | Category::FieldAdded | Category::ResponseAdded => '+',
            Category::ParameterRemoved | Category::FieldRemoved | Category::ResponseRemoved => '-',
            _ => '~',
        }
    }
}

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
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "changes from {} to {}", self.from, self.to)?;
        writeln!(f, "operation: {}", self.operation)?;
        if self.changes.is_empty() {
            return writeln!(f, "no changes");
        }
        for category in Category::ALL {
            let changes: Vec<&Change> = self.of(category).collect();
            if changes.is_empty() {
                continue;
            }
            writeln!(f, "{} ({}):", category.heading(), changes.len())?;
            if matches!(
                category,
                Category::DescriptionChanged | Category::ExampleChanged
            ) {
                let names: Vec<&str> = changes.iter().map(|c| c.at.as_str()).collect();
                writeln!(f, "  {}", names.join(", "))?;
                continue;
            }
            for change in changes {
                if change.detail.is_empty() {
                    writeln!(f, "  {} {}", category.sign(), change.at)?;
                } else {
                    writeln!(f, "  {} {}: {}", category.sign(), change.at, change.detail)?;
                }
            }
        }
        Ok(())
    }
}

/// Compares the (first) operation of two fragments.
pub fn diff(from_name: &str, from: &Value, to_name: &str, to: &Value) -> Report {
    let mut cx = Cx {
        old_doc: from,
        new_doc: to,
        changes: Vec::new(),
    };
    let old_op = first_operation(from);
    let new_op = first_operation(to);
    let operation = match &new_op {
        Some((label, op)) => format!("{label} ({})", op["operationId"].as_str().unwrap_or("?")),
        None => "none".into(),
    };
    cx.compare_document();
    match (old_op, new_op) {
        (Some((old_label, old)), Some((new_label, new))) => {
            if old_label != new_label {
                cx.push(
                    Category::Other,
                    "operation",
                    format!("{old_label} → {new_label}"),
                );
            }
            cx.compare_scalar(
                Category::Other,
                "operationId",
                &old["operationId"],
                &new["operationId"],
            );
            cx.compare_scalar(Category::Other, "summary", &old["summary"], &new["summary"]);
            cx.compare_scalar(Category::Other, "tags", &old["tags"], &new["tags"]);
            cx.compare_parameters(old, new);
            cx.compare_request_body(old, new);
            cx.compare_responses(old, new);
            cx.compare_security(old, new);
        }
        (None, Some(_)) => cx.push(Category::Other, "operation", "added".into()),
        (Some(_), None) => cx.push(Category::Other, "operation", "removed".into()),
        (None, None) => {}
    }
    Report {
        from: from_name.into(),
        to: to_name.into(),
        operation,
        changes: cx.changes,
    }
}

fn first_operation(doc: &Value) -> Option<(String, &Value)> {
    operations(doc)
        .next()
        .map(|(location, op)| (location.to_string(), op))
}

struct Cx<'a> {
    old_doc: &'a Value,
    new_doc: &'a Value,
    changes: Vec<Change>,
}

/// A value in the report: as [`value_text`], `(none)` for a missing one (`null`).
fn shown(value: &Value) -> String {
    match value {
        Value::Null => "(none)".into(),
        value => value_text(value),
    }
}

fn schema_type(schema: &Value) -> String {
    match schema.get("type").and_then(Value::as_str) {
        Some(t) => t.to_owned(),
        None if schema.get("properties").is_some() => "object".into(),
        None if schema.get("items").is_some() => "array".into(),
        None => "any".into(),
    }
}

const CONSTRAINTS: [&str; 18] = [
    "format",
    "minimum",
    "exclusiveMinimum",
    "maximum",
    "exclusiveMaximum",
    "multipleOf",
    "minLength",
    "maxLength",
    "pattern",
    "minItems",
    "maxItems",
    "uniqueItems",
    "minProperties",
    "maxProperties",
    "nullable",
    "readOnly",
    "writeOnly",
    "default",
];

impl Cx<'_> {
    fn push(&mut self, category: Category, at: &str, detail: String) {
        self.changes.push(Change {
            category,
            at: at.to_owned(),
            detail,
        });
    }

    fn compare_scalar(&mut self, category: Category, at: &str, old: &Value, new: &Value) {
        if old != new {
            self.push(category, at, format!("{} → {}", shown(old), shown(new)));
        }
    }

    fn compare_document(&mut self) {
        let (old, new) = (self.old_doc, self.new_doc);
        self.compare_scalar(Category::Other, "openapi", &old["openapi"], &new["openapi"]);
        self.compare_scalar(
            Category::Other,
            "info.version",
            &old["info"]["version"],
            &new["info"]["version"],
        );
        let urls = |doc: &Value| -> Value {
            Value::Array(
                doc["servers"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|s| s["url"].clone())
                    .collect(),
            )
        };
        self.compare_scalar(Category::Other, "servers", &urls(old), &urls(new));
    }

    /// Documentation only: listed by name at the end of the report.
    fn compare_description(&mut self, at: &str, old: &Value, new: &Value) {
        if old.get("description") != new.get("description") {
            self.push(Category::DescriptionChanged, at, String::new());
        }
        if old.get("example") != new.get("example") {
            self.push(Category::ExampleChanged, at, String::new());
        }
    }

    fn parameters<'v>(doc: &'v Value, op: &'v Value) -> Vec<(String, &'v Value)> {
        op["parameters"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|p| refs::resolve(doc, p))
            .map(|p| {
                let key = format!(
                    "{} {}",
                    p["in"].as_str().unwrap_or("?"),
                    p["name"].as_str().unwrap_or("?")
                );
                (key, p)
            })
            .collect()
    }

    fn compare_parameters(&mut self, old: &Value, new: &Value) {
        let old_params = Self::parameters(self.old_doc, old);
        let new_params = Self::parameters(self.new_doc, new);
        for (key, param) in &new_params {
            if !old_params.iter().any(|(k, _)| k == key) {
                let required = if param["required"] == Value::Bool(true) {
                    "required"
                } else {
                    "optional"
                };
                let schema = refs::resolve(self.new_doc, &param["schema"]);
                let summary = summary(self.new_doc, schema);
                self.push(
                    Category::ParameterAdded,
                    key,
                    format!("{summary}, {required}"),
                );
            }
        }
        for (key, _) in &old_params {
            if !new_params.iter().any(|(k, _)| k == key) {
                self.push(Category::ParameterRemoved, key, String::new());
            }
        }
        for (key, old_param) in &old_params {
            let Some((_, new_param)) = new_params.iter().find(|(k, _)| k == key) else {
                continue;
            };
            let required = |p: &Value| p["required"] == Value::Bool(true);
            if required(old_param) != required(new_param) {
                let now = if required(new_param) {
                    "now required"
                } else {
                    "now optional"
                };
                self.push(Category::RequiredChanged, key, now.into());
            }
            self.compare_deprecated(key, old_param, new_param);
            self.compare_description(key, old_param, new_param);
            self.compare_schema(&old_param["schema"], &new_param["schema"], key, 0);
        }
    }

    fn compare_deprecated(&mut self, at: &str, old: &Value, new: &Value) {
        let flag = |v: &Value| v.get("deprecated") == Some(&Value::Bool(true));
        match (flag(old), flag(new)) {
            (false, true) => self.push(Category::Deprecation, at, "now deprecated".into()),
            (true, false) => self.push(Category::Deprecation, at, "no longer deprecated".into()),
            _ => {}
        }
    }

    fn compare_request_body(&mut self, old: &Value, new: &Value) {
        let old_body = refs::resolve(self.old_doc, &old["requestBody"]);
        let new_body = refs::resolve(self.new_doc, &new["requestBody"]);
        let required = |b: &Value| b["required"] == Value::Bool(true);
        if required(old_body) != required(new_body) {
            let now = if required(new_body) {
                "now required".to_owned()
            } else {
                "no longer marked required (`requestBody.required` absent)".to_owned()
            };
            self.push(Category::RequiredChanged, "request body", now);
        }
        self.compare_description("request body", old_body, new_body);
        let (old_media, new_media) = (keys(&old_body["content"]), keys(&new_body["content"]));
        if old_media != new_media {
            self.push(
                Category::Other,
                "request body",
                format!("media types {old_media:?} → {new_media:?}"),
            );
        }
        for name in old_media.intersection(&new_media) {
            self.compare_schema(
                &old_body["content"][name]["schema"],
                &new_body["content"][name]["schema"],
                "",
                0,
            );
        }
    }

    /// Compares two schemas at `at`: a body path (`""` is the body itself) or a parameter label.
    fn compare_schema(&mut self, old: &Value, new: &Value, at: &str, depth: usize) {
        if depth > 32 {
            return;
        }
        let old = refs::resolve(self.old_doc, old);
        let new = refs::resolve(self.new_doc, new);
        let label = if at.is_empty() { "(body)" } else { at };
        let (old_type, new_type) = (schema_type(old), schema_type(new));
        let mut old_shape = old;
        let mut new_shape = new;
        let mut shape_at = at.to_owned();
        if old_type != new_type {
            let items = |doc, s: &Value| schema_type(refs::resolve(doc, &s["items"]));
            let detail = match (old_type.as_str(), new_type.as_str()) {
                ("object", "array") if items(self.new_doc, new) == "object" => {
                    new_shape = refs::resolve(self.new_doc, &new["items"]);
                    shape_at = format!("{at}/*");
                    "object → array of objects (the object's fields are compared with the items')"
                        .to_owned()
                }
                ("array", "object") if items(self.old_doc, old) == "object" => {
                    old_shape = refs::resolve(self.old_doc, &old["items"]);
                    "array of objects → object (the items' fields are compared with the object's)"
                        .to_owned()
                }
                _ => format!("{old_type} → {new_type}"),
            };
            self.push(Category::TypeChanged, label, detail);
        }
        self.compare_enum(label, old, new);
        let mut constraint_changes = Vec::new();
        for key in CONSTRAINTS {
            let (a, b) = (old.get(key), new.get(key));
            if a != b {
                let (a, b) = (a.unwrap_or(&Value::Null), b.unwrap_or(&Value::Null));
                constraint_changes.push(format!("{key} {} → {}", shown(a), shown(b)));
            }
        }
        // `additionalProperties`: two schemas are compared as schemas (below); a flag, or a
        // schema against a flag or nothing, as a constraint.
        let (old_extra, new_extra) = (&old["additionalProperties"], &new["additionalProperties"]);
        let extra_schemas = old_extra.is_object() && new_extra.is_object();
        if !extra_schemas && old_extra != new_extra {
            constraint_changes.push(format!(
                "additionalProperties {} → {}",
                shown(old_extra),
                shown(new_extra)
            ));
        }
        if !constraint_changes.is_empty() {
            self.push(
                Category::ConstraintChanged,
                label,
                constraint_changes.join("; "),
            );
        }
        self.compare_deprecated(label, old, new);
        self.compare_description(label, old, new);
        if old_type == new_type && old.get("items").is_some() && new.get("items").is_some() {
            let items_at = format!("{at}/*");
            self.compare_schema(&old["items"], &new["items"], &items_at, depth + 1);
        }
        if extra_schemas {
            let extra_at = format!("{at}/additionalProperties");
            self.compare_schema(old_extra, new_extra, &extra_at, depth + 1);
        }
        self.compare_properties(old_shape, new_shape, &shape_at, depth);
    }

    fn compare_properties(&mut self, old: &Value, new: &Value, at: &str, depth: usize) {
        let (old_props, new_props) = (keys(&old["properties"]), keys(&new["properties"]));
        for name in new_props.difference(&old_props) {
            let path = format!("{at}/{name}");
            self.list_added(
                self.new_doc,
                &new["properties"][name],
                &path,
                depth,
                Category::FieldAdded,
            );
        }
        for name in old_props.difference(&new_props) {
            let path = format!("{at}/{name}");
            self.list_added(
                self.old_doc,
                &old["properties"][name],
                &path,
                depth,
                Category::FieldRemoved,
            );
        }
        for name in old_props.intersection(&new_props) {
            let path = format!("{at}/{name}");
            self.compare_schema(
                &old["properties"][name],
                &new["properties"][name],
                &path,
                depth + 1,
            );
        }
        let (old_req, new_req) = (strings(&old["required"]), strings(&new["required"]));
        for name in new_req.difference(&old_req) {
            if old_props.contains(name) {
                self.push(
                    Category::RequiredChanged,
                    &format!("{at}/{name}"),
                    "now required".into(),
                );
            }
        }
        for name in old_req.difference(&new_req) {
            if new_props.contains(name) {
                self.push(
                    Category::RequiredChanged,
                    &format!("{at}/{name}"),
                    "now optional".into(),
                );
            }
        }
    }

    /// A field added (or removed) with everything under it.
    fn list_added(
        &mut self,
        doc: &Value,
        schema: &Value,
        at: &str,
        depth: usize,
        category: Category,
    ) {
        if depth > 32 {
            return;
        }
        let schema = refs::resolve(doc, schema);
        self.push(category, at, summary(doc, schema));
        let mut inner = schema;
        let mut inner_at = at.to_owned();
        if schema_type(schema) == "array" {
            inner = refs::resolve(doc, &schema["items"]);
            inner_at = format!("{at}/*");
        }
        for (name, child) in inner["properties"].as_object().into_iter().flatten() {
            self.list_added(
                doc,
                child,
                &format!("{inner_at}/{name}"),
                depth + 1,
                category,
            );
        }
    }

    fn compare_enum(&mut self, at: &str, old: &Value, new: &Value) {
        let values = |s: &Value| -> Option<Vec<String>> {
            s.get("enum")
                .and_then(Value::as_array)
                .map(|v| v.iter().map(value_text).collect())
        };
        let detail = match (values(old), values(new)) {
            (None, None) => return,
            (None, Some(new)) => format!("enum added: {}", list(&new)),
            (Some(old), None) => format!("enum removed (was {})", list(&old)),
            (Some(old), Some(new)) => {
                let added: Vec<String> = new.iter().filter(|v| !old.contains(v)).cloned().collect();
                let removed: Vec<String> =
                    old.iter().filter(|v| !new.contains(v)).cloned().collect();
                if added.is_empty() && removed.is_empty() {
                    return;
                }
                let mut parts = Vec::new();
                if !added.is_empty() {
                    parts.push(format!("added {}", added.join(", ")));
                }
                if !removed.is_empty() {
                    parts.push(format!("removed {}", removed.join(", ")));
                }
                parts.join("; ")
            }
        };
        self.push(Category::EnumChanged, at, detail);
    }

    fn compare_responses(&mut self, old: &Value, new: &Value) {
        let (old_codes, new_codes) = (keys(&old["responses"]), keys(&new["responses"]));
        for code in new_codes.difference(&old_codes) {
            let response = refs::resolve(self.new_doc, &new["responses"][code]);
            self.push(Category::ResponseAdded, code, body_name(response));
        }
        for code in old_codes.difference(&new_codes) {
            self.push(Category::ResponseRemoved, code, String::new());
        }
        for code in old_codes.intersection(&new_codes) {
            let at = format!("response {code}");
            let old_response = refs::resolve(self.old_doc, &old["responses"][code]);
            let new_response = refs::resolve(self.new_doc, &new["responses"][code]);
            self.compare_description(&at, old_response, new_response);
            let (a, b) = (body_name(old_response), body_name(new_response));
            if a != b {
                self.push(Category::ResponseChanged, code, format!("body {a} → {b}"));
            }
            let (ha, hb) = (
                keys(&old_response["headers"]),
                keys(&new_response["headers"]),
            );
            if ha != hb {
                self.push(
                    Category::ResponseChanged,
                    code,
                    format!("headers {ha:?} → {hb:?}"),
                );
            }
        }
    }

    fn compare_security(&mut self, old: &Value, new: &Value) {
        let scopes = |doc: &Value, op: &Value| -> (BTreeSet<String>, BTreeSet<String>) {
            let requirements = op.get("security").unwrap_or(&doc["security"]);
            let mut schemes = BTreeSet::new();
            let mut scopes = BTreeSet::new();
            for requirement in requirements.as_array().into_iter().flatten() {
                for (scheme, listed) in requirement.as_object().into_iter().flatten() {
                    schemes.insert(scheme.clone());
                    scopes.extend(
                        listed
                            .as_array()
                            .into_iter()
                            .flatten()
                            .filter_map(Value::as_str)
                            .map(str::to_owned),
                    );
                }
            }
            (schemes, scopes)
        };
        let (old_schemes, old_scopes) = scopes(self.old_doc, old);
        let (new_schemes, new_scopes) = scopes(self.new_doc, new);
        for s in new_schemes.difference(&old_schemes) {
            self.push(Category::Security, &format!("scheme {s}"), "added".into());
        }
        for s in old_schemes.difference(&new_schemes) {
            self.push(Category::Security, &format!("scheme {s}"), "removed".into());
        }
        for s in new_scopes.difference(&old_scopes) {
            self.push(Category::Security, &format!("scope {s}"), "added".into());
        }
        for s in old_scopes.difference(&new_scopes) {
            self.push(Category::Security, &format!("scope {s}"), "removed".into());
        }
    }
}

/// The keys of an object (none for anything else), sorted.
fn keys(value: &Value) -> BTreeSet<&str> {
    value
        .as_object()
        .into_iter()
        .flat_map(Map::keys)
        .map(String::as_str)
        .collect()
}

/// The strings of an array (none for anything else), sorted.
fn strings(value: &Value) -> BTreeSet<&str> {
    value
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect()
}

fn body_name(response: &Value) -> String {
    let Some(content) = response.get("content").and_then(Value::as_object) else {
        return "no body".into();
    };
    let mut parts = Vec::new();
    for (media, body) in content {
        let schema = &body["schema"];
        let name = match schema.get("$ref").and_then(Value::as_str) {
            Some(r) => r.rsplit('/').next().unwrap_or(r).to_owned(),
            None => schema_type(schema),
        };
        parts.push(format!("{media} {name}"));
    }
    parts.join(", ")
}

fn list(values: &[String]) -> String {
    if values.len() <= 20 {
        values.join(", ")
    } else {
        format!(
            "{}, … {} ({} values)",
            values[..6].join(", "),
            values[values.len() - 1],
            values.len()
        )
    }
}

/// "string, maxLength 150", "array of objects, maxItems 3", "integer, enum 1, 2, 3".
fn summary(doc: &Value, schema: &Value) -> String {
    let mut out = schema_type(schema);
    if out == "array" {
        let items = refs::resolve(doc, &schema["items"]);
        let _ = write!(out, " of {}s", schema_type(items));
    }
    for key in CONSTRAINTS {
        if let Some(value) = schema.get(key) {
            let _ = write!(out, ", {key} {}", shown(value));
        }
    }
    if let Some(values) = schema.get("enum").and_then(Value::as_array) {
        let texts: Vec<String> = values.iter().map(value_text).collect();
        let _ = write!(out, ", enum {}", list(&texts));
    }
    if schema.get("deprecated") == Some(&Value::Bool(true)) {
        out.push_str(", deprecated");
    }
    out
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
        assert_eq!(has(Category::ResponseAdded, "429"), "no body");
        assert!(report.find(Category::ResponseRemoved, "404").is_some());
        let text = report.to_string();
        assert!(
            text.contains("body fields added (3):\n  + /feature: object\n"),
            "{text}"
        );
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
