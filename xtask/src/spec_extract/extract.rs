//! Cutting one operation out of a whole OpenAPI 3.0 document, with everything it references.

use std::fmt;

use serde_json::{Map, Value, json};

use super::refs;
use super::{Error, Result};

/// The HTTP methods of an OpenAPI path item.
pub const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// Where an operation lives: `paths[path][method]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    pub path: String,
    pub method: String,
}

/// `PATCH /users/{userId}`.
impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.method.to_uppercase(), self.path)
    }
}

/// Every operation of `doc` with where it lives: paths in document order, methods in [`METHODS`]
/// order.
pub fn operations(doc: &Value) -> impl Iterator<Item = (Location, &Value)> {
    let paths = doc.get("paths").and_then(Value::as_object);
    paths.into_iter().flatten().flat_map(|(path, item)| {
        METHODS.into_iter().filter_map(move |method| {
            let operation = item.get(method)?;
            let location = Location {
                path: path.clone(),
                method: method.to_owned(),
            };
            Some((location, operation))
        })
    })
}

/// Finds the one operation whose `operationId` is `operation_id`.
///
/// Fails when there is none, or more than one (progenitor names methods after the operationId,
/// so it must be unique).
pub fn find_operation(source: &Value, operation_id: &str) -> Result<Location> {
    let paths = source
        .get("paths")
        .and_then(Value::as_object)
        .ok_or_else(|| Error::new("the document has no `paths` object"))?;
    let mut found: Vec<Location> = operations(source)
        .filter(|(_, op)| op.get("operationId").and_then(Value::as_str) == Some(operation_id))
        .map(|(location, _)| location)
        .collect();
    match found.len() {
        1 => Ok(found.remove(0)),
        0 => Err(Error::new(format!(
            "no operation has operationId {operation_id:?} ({} paths searched)",
            paths.len()
        ))),
        n => Err(Error::new(format!(
            "{n} operations have operationId {operation_id:?}: {}",
            found
                .iter()
                .map(Location::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ))),
    }
}

/// A document with only the operation `operation_id` and what it needs from `source`:
/// `openapi`, `info`, `servers`, `tags`, `security`, the security schemes the operation uses
/// (named by its own `security` or else the document's), the path item's shared `parameters`,
/// and every component its `$ref`s reach, transitively. Nothing is changed yet; `normalise` does
/// that (and keeps only the tags the operation uses).
pub fn extract(source: &Value, operation_id: &str) -> Result<(Location, Value)> {
    let version = source
        .get("openapi")
        .and_then(Value::as_str)
        .ok_or_else(|| Error::new("not an OpenAPI 3 document: no `openapi` version string"))?;
    if !version.starts_with("3.0.") {
        return Err(Error::new(format!(
            "OpenAPI {version} is not supported: progenitor 0.15 reads 3.0.x only"
        )));
    }
    let location = find_operation(source, operation_id)?;
    let item = &source["paths"][&location.path];
    let operation = &item[&location.method];

    let mut path_item = Map::new();
    if let Some(shared) = item.get("parameters") {
        path_item.insert("parameters".into(), shared.clone());
    }
    path_item.insert(location.method.clone(), operation.clone());
    let path_item = Value::Object(path_item);

    let mut out = Map::new();
    out.insert("openapi".into(), json!(version));
    // `normalise` keeps the tags the operation uses; the operation's own `security`, if any,
    // overrides the document's.
    for key in ["info", "servers", "tags", "security"] {
        if let Some(value) = source.get(key) {
            out.insert(key.into(), value.clone());
        }
    }
    let security = operation.get("security").or(source.get("security"));

    let mut paths = Map::new();
    paths.insert(location.path.clone(), path_item.clone());
    out.insert("paths".into(), Value::Object(paths));

    let mut components = Map::new();
    for component in refs::reachable(source, &[&path_item])? {
        // reachable() only returns components that exist.
        let value = source["components"][&component.kind][&component.name].clone();
        insert_component(&mut components, &component.kind, &component.name, value);
    }
    for requirement in security.and_then(Value::as_array).into_iter().flatten() {
        for name in requirement.as_object().into_iter().flat_map(Map::keys) {
            let scheme = source["components"]["securitySchemes"]
                .get(name)
                .ok_or_else(|| {
                    Error::new(format!(
                        "security requirement names {name:?}, which is not in components.securitySchemes"
                    ))
                })?;
            insert_component(&mut components, "securitySchemes", name, scheme.clone());
        }
    }
    if !components.is_empty() {
        out.insert("components".into(), Value::Object(components));
    }
    Ok((location, Value::Object(out)))
}

fn insert_component(components: &mut Map<String, Value>, kind: &str, name: &str, value: Value) {
    let kind = components.entry(kind).or_insert_with(|| json!({}));
    if let Value::Object(kind) = kind {
        kind.insert(name.to_owned(), value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source() -> Value {
        json!({
            "openapi": "3.0.0",
            "info": {"title": "T", "version": "2"},
            "servers": [{"url": "https://api.zoom.us/v2"}],
            "tags": [{"name": "Users", "description": "u"}, {"name": "Groups"}],
            "paths": {
                "/users/{userId}": {
                    "parameters": [{"$ref": "#/components/parameters/UserId"}],
                    "get": {"operationId": "user", "responses": {}},
                    "patch": {
                        "operationId": "userUpdate",
                        "tags": ["Users"],
                        "security": [{"oauth": ["user:write"]}],
                        "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Body"}}}},
                        "responses": {"204": {"description": "ok"}}
                    }
                },
                "/groups": {"get": {"operationId": "groups", "responses": {}}}
            },
            "components": {
                "parameters": {"UserId": {"name": "userId", "in": "path", "required": true, "schema": {"type": "string"}}},
                "schemas": {
                    "Body": {"type": "object", "properties": {"phone": {"$ref": "#/components/schemas/Phone"}}},
                    "Phone": {"type": "object"},
                    "Unused": {"type": "string"}
                },
                "securitySchemes": {"oauth": {"type": "oauth2"}, "other": {"type": "http", "scheme": "basic"}}
            }
        })
    }

    #[test]
    fn keeps_the_operation_and_what_it_references_only() {
        let (at, doc) = extract(&source(), "userUpdate").unwrap();
        assert_eq!(at.path, "/users/{userId}");
        assert_eq!(at.method, "patch");
        let item = doc["paths"]["/users/{userId}"].as_object().unwrap();
        assert_eq!(item.keys().collect::<Vec<_>>(), ["parameters", "patch"]);
        let schemas = doc["components"]["schemas"].as_object().unwrap();
        assert_eq!(schemas.keys().collect::<Vec<_>>(), ["Body", "Phone"]);
        assert!(doc["components"]["parameters"]["UserId"].is_object());
        let schemes = doc["components"]["securitySchemes"].as_object().unwrap();
        assert_eq!(schemes.keys().collect::<Vec<_>>(), ["oauth"]);
        // All of them: `normalise` keeps the ones the operation uses.
        assert_eq!(doc["tags"], source()["tags"]);
        assert_eq!(doc["paths"].as_object().unwrap().len(), 1);
    }

    #[test]
    fn refuses_unknown_duplicate_ids_and_other_versions() {
        assert!(
            extract(&source(), "nope")
                .unwrap_err()
                .to_string()
                .contains("no operation")
        );
        let mut twice = source();
        twice["paths"]["/groups"]["get"]["operationId"] = json!("user");
        let err = find_operation(&twice, "user").unwrap_err().to_string();
        assert!(err.contains("2 operations"), "{err}");
        let mut v31 = source();
        v31["openapi"] = json!("3.1.0");
        assert!(
            extract(&v31, "userUpdate")
                .unwrap_err()
                .to_string()
                .contains("3.0.x only")
        );
    }
}
