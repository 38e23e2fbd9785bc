//! Local `$ref`s (`#/components/<kind>/<name>`): finding, resolving and following them.

use std::collections::BTreeSet;

use serde_json::Value;

use super::extract::Location;
use super::{Error, Result};

/// A reference to a component: `#/components/{kind}/{name}`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct ComponentRef {
    pub kind: String,
    pub name: String,
}

impl ComponentRef {
    /// Parses `#/components/schemas/Name`, refusing any other reference (the fragment must be
    /// self-contained). The JSON Pointer escapes `~1`, `~0` are undone so that `kind` and `name`
    /// compare with the keys of `components`; [`target`] looks references up.
    pub fn parse(reference: &str) -> Result<ComponentRef> {
        let rest = reference.strip_prefix("#/components/").ok_or_else(|| {
            Error::new(format!(
                "`$ref` {reference:?} is not a local component reference (`#/components/…`); \
                 the fragment must be self-contained"
            ))
        })?;
        let (kind, name) = rest
            .split_once('/')
            .filter(|(_, name)| !name.contains('/'))
            .ok_or_else(|| {
                Error::new(format!(
                    "`$ref` {reference:?} is not `#/components/<kind>/<name>`"
                ))
            })?;
        let unescape = |segment: &str| segment.replace("~1", "/").replace("~0", "~");
        Ok(ComponentRef {
            kind: unescape(kind),
            name: unescape(name),
        })
    }
}

/// Every `$ref` string anywhere under `value`, in document order.
pub fn refs_in(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                match (key.as_str(), child) {
                    ("$ref", Value::String(reference)) => out.push(reference.clone()),
                    _ => refs_in(child, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| refs_in(v, out)),
        _ => {}
    }
}

/// What the local reference `#/…` points to in `doc`.
pub fn target<'a>(doc: &'a Value, reference: &str) -> Option<&'a Value> {
    doc.pointer(reference.strip_prefix('#')?)
}

/// The components reachable from `roots` through `$ref`s, transitively, looked up in `source`.
pub fn reachable(source: &Value, roots: &[&Value]) -> Result<BTreeSet<ComponentRef>> {
    let mut seen = BTreeSet::new();
    let mut pending = Vec::new();
    for root in roots {
        refs_in(root, &mut pending);
    }
    while let Some(reference) = pending.pop() {
        let component = ComponentRef::parse(&reference)?;
        if seen.contains(&component) {
            continue;
        }
        let component_value = target(source, &reference)
            .ok_or_else(|| Error::new(format!("`$ref` {reference:?} points to nothing")))?;
        refs_in(component_value, &mut pending);
        seen.insert(component);
    }
    Ok(seen)
}

/// The components a request of the operation at `at` sends: the schemas, parameters and request
/// bodies reached through `$ref`s from the path item's shared parameters, the operation's own
/// parameters and its request body.
pub fn request_components(doc: &Value, at: &Location) -> Result<BTreeSet<ComponentRef>> {
    let item = &doc["paths"][&at.path];
    let operation = &item[&at.method];
    let roots = [
        &item["parameters"],
        &operation["parameters"],
        &operation["requestBody"],
    ];
    let mut found = reachable(doc, &roots)?;
    found.retain(|c| matches!(c.kind.as_str(), "schemas" | "parameters" | "requestBodies"));
    Ok(found)
}

/// Follows `$ref`s from `value` until a value that is not a reference (at most 32 hops).
pub fn resolve<'a>(doc: &'a Value, mut value: &'a Value) -> &'a Value {
    for _ in 0..32 {
        match value
            .get("$ref")
            .and_then(Value::as_str)
            .and_then(|reference| target(doc, reference))
        {
            Some(next) => value = next,
            None => return value,
        }
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn parses_component_references() {
        let r = ComponentRef::parse("#/components/schemas/A~1B").unwrap();
        assert_eq!((r.kind.as_str(), r.name.as_str()), ("schemas", "A/B"));
        assert!(ComponentRef::parse("other.json#/components/schemas/A").is_err());
        assert!(ComponentRef::parse("#/paths/x").is_err());
    }

    #[test]
    fn follows_references_transitively_and_survives_cycles() {
        let doc = json!({"components": {"schemas": {
            "A": {"properties": {"b": {"$ref": "#/components/schemas/B"}}},
            "B": {"items": {"$ref": "#/components/schemas/A"}},
            "C": {}
        }}});
        let root = json!({"schema": {"$ref": "#/components/schemas/A"}});
        let found = reachable(&doc, &[&root]).unwrap();
        let names: Vec<&str> = found.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["A", "B"]);
        let dangling = json!({"$ref": "#/components/schemas/Nope"});
        assert!(reachable(&doc, &[&dangling]).is_err());
    }

    #[test]
    fn a_request_sends_what_its_parameters_and_body_reach() {
        let doc = json!({
            "paths": {"/u/{id}": {
                "parameters": [{"$ref": "#/components/parameters/Id"}],
                "patch": {
                    "parameters": [{"name": "q", "in": "query", "schema": {"$ref": "#/components/schemas/Q"}}],
                    "requestBody": {"$ref": "#/components/requestBodies/Body"},
                    "responses": {"400": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}
                }
            }},
            "components": {
                "parameters": {"Id": {"name": "id", "in": "path", "schema": {"$ref": "#/components/schemas/Id"}}},
                "requestBodies": {"Body": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/B"}}}}},
                "schemas": {"Id": {}, "Q": {}, "B": {"items": {"$ref": "#/components/schemas/Item"}}, "Item": {}, "Error": {}}
            }
        });
        let at = Location {
            path: "/u/{id}".into(),
            method: "patch".into(),
        };
        let sent: Vec<String> = request_components(&doc, &at)
            .unwrap()
            .into_iter()
            .map(|c| format!("{}/{}", c.kind, c.name))
            .collect();
        assert_eq!(
            sent,
            [
                "parameters/Id",
                "requestBodies/Body",
                "schemas/B",
                "schemas/Id",
                "schemas/Item",
                "schemas/Q"
            ]
        );
    }

    #[test]
    fn resolve_stops_at_the_first_non_reference() {
        let doc = json!({"components": {"schemas": {"A": {"$ref": "#/components/schemas/B"}, "B": {"type": "string"}}}});
        let start = json!({"$ref": "#/components/schemas/A"});
        assert_eq!(resolve(&doc, &start), &json!({"type": "string"}));
    }
}
