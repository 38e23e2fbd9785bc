//! The project's normalisations: what turns Zoom's operation into a fragment progenitor 0.15
//! accepts and the handwritten layer can treat like `openapi/user-update.json`.
//!
//! [`normalise`] runs before the overlay, [`complete`] after it (both are idempotent). Each step
//! returns notes (one line per change) that `spec-extract` prints, so a run shows what was done.

use serde_json::{Map, Value, json};

use super::extract::Location;
use super::refs::{self, ComponentRef};
use super::{Error, Result};

/// The OpenAPI version every fragment declares.
pub const OPENAPI_VERSION: &str = "3.0.3";
/// The shared error body, named as in `openapi/user-update.json`.
pub const ERROR_SCHEMA: &str = "ZoomError";
/// The shared item of `ZoomError.errors`.
pub const FIELD_ERROR_SCHEMA: &str = "ZoomFieldError";
pub const BEARER_SCHEME: &str = "bearerAuth";
pub const OAUTH_SCHEME: &str = "serverToServerOAuth";

/// `ZoomError`, exactly as in `openapi/user-update.json` (an integration test compares them).
pub fn zoom_error_schema() -> Value {
    json!({
        "type": "object",
        "description": "The body of every Zoom error response.",
        "required": ["code", "message"],
        "properties": {
            "code": {
                "type": "integer",
                "format": "int32",
                "description": "Zoom's error code (not the HTTP status)."
            },
            "message": {
                "type": "string",
                "description": "Human-readable description of the error."
            },
            "errors": {
                "type": "array",
                "description": "Per-field details of a validation failure (code `300`).",
                "items": {"$ref": "#/components/schemas/ZoomFieldError"}
            }
        }
    })
}

/// `ZoomFieldError`, exactly as in `openapi/user-update.json`.
pub fn zoom_field_error_schema() -> Value {
    json!({
        "type": "object",
        "description": "One field that failed Zoom's validation.",
        "properties": {
            "field": {"type": "string", "description": "The field that failed."},
            "message": {"type": "string", "description": "Why it failed."}
        }
    })
}

fn bearer_scheme() -> Value {
    json!({
        "type": "http",
        "scheme": "bearer",
        "description": "An OAuth access token sent as `Authorization: Bearer <token>`."
    })
}

const OAUTH_DESCRIPTION: &str = "Server-to-Server OAuth: `POST https://zoom.us/oauth/token` with \
`grant_type=account_credentials` and `account_id=<id>`, HTTP Basic authentication \
`client_id:client_secret`. Tokens live 3600 s and are not refreshable: request a new one before expiry.";

/// What the normalisation needs to know besides the document.
#[derive(Clone, Copy, Debug)]
pub struct Context<'a> {
    pub location: &'a Location,
    /// File name of Zoom's document (named in `info.description`).
    pub input_name: &'a str,
    /// File name of the overlay, if one is applied (named in `info.description`).
    pub overlay_name: Option<&'a str>,
}

/// Every normalisation that runs before the overlay, in order.
pub fn normalise(doc: &mut Value, cx: &Context<'_>) -> Result<Vec<String>> {
    let mut notes = Vec::new();
    notes.extend(set_openapi_version(doc));
    notes.extend(normalise_info(doc, cx)?);
    notes.extend(describe_servers(doc));
    notes.extend(normalise_security(doc, cx)?);
    notes.extend(declare_tags(doc, cx));
    notes.extend(hoist_request_body(doc, cx)?);
    notes.extend(strip_request_defaults(doc, cx)?);
    Ok(notes)
}

/// What runs after the overlay: no `default` response, one error body for every error response
/// (those the overlay added included), and only the components still referenced.
pub fn complete(doc: &mut Value, cx: &Context<'_>) -> Result<Vec<String>> {
    let mut notes = normalise_error_responses(doc, cx);
    notes.extend(prune_components(doc)?);
    Ok(notes)
}

fn operation_mut<'a>(doc: &'a mut Value, at: &Location) -> &'a mut Value {
    &mut doc["paths"][&at.path][&at.method]
}

/// `value[k0][k1]…` without inserting anything (mutable indexing of a `Value` inserts `null`s).
fn get_mut<'a>(value: &'a mut Value, keys: &[&str]) -> Option<&'a mut Value> {
    keys.iter().try_fold(value, |v, k| v.get_mut(*k))
}

fn components_of_kind<'a>(doc: &'a mut Value, kind: &str) -> &'a mut Map<String, Value> {
    let root = doc.as_object_mut().expect("the document is an object");
    let components = root
        .entry("components")
        .or_insert_with(|| json!({}))
        .as_object_mut()
        .expect("components is an object");
    components
        .entry(kind)
        .or_insert_with(|| json!({}))
        .as_object_mut()
        .expect("a components map is an object")
}

/// `openapi: 3.0.3` (progenitor reads 3.0.x; the fragments all say 3.0.3).
fn set_openapi_version(doc: &mut Value) -> Vec<String> {
    let before = doc["openapi"].as_str().unwrap_or_default().to_owned();
    if before == OPENAPI_VERSION {
        return vec![];
    }
    doc["openapi"] = json!(OPENAPI_VERSION);
    vec![format!("openapi: {before} → {OPENAPI_VERSION}")]
}

/// `info` describes the fragment, not Zoom's whole product: the title names the operation, the
/// description says where it comes from, and a license (redocly's `info-license`) points at
/// Zoom's API license and terms of use when Zoom's file names none.
fn normalise_info(doc: &mut Value, cx: &Context<'_>) -> Result<Vec<String>> {
    let at = cx.location;
    let operation = &doc["paths"][&at.path][&at.method];
    let operation_id = operation["operationId"].as_str().unwrap_or_default();
    let summary = operation["summary"]
        .as_str()
        .unwrap_or(operation_id)
        .to_owned();
    let source = doc
        .get("info")
        .cloned()
        .ok_or_else(|| Error::new("the document has no `info`"))?;
    let product = source["title"].as_str().unwrap_or("Zoom API");
    let version = source["version"]
        .as_str()
        .ok_or_else(|| Error::new("`info.version` is missing"))?;
    let overlay = match cx.overlay_name {
        Some(name) => format!(" and the reviewed overlay `{name}`"),
        None => String::new(),
    };
    let description = format!(
        "One operation of Zoom's REST API, `{method} {path}` (operationId `{operation_id}`), \
         extracted by `cargo xtask spec-extract` from `{input}`, Zoom's \"{product}\" spec \
         (version {version}), with the project's normalisations{overlay}. Provenance of every \
         part: `openapi/README.md`.",
        method = at.method.to_uppercase(),
        path = at.path,
        input = cx.input_name,
    );
    let mut info = Map::new();
    info.insert("title".into(), json!(format!("Zoom API: {summary}")));
    info.insert("description".into(), json!(description));
    info.insert("version".into(), json!(version));
    for key in ["contact", "license", "termsOfService"] {
        if let Some(value) = source.get(key) {
            info.insert(key.into(), value.clone());
        }
    }
    let mut notes = vec![format!(
        "info: title and description describe this fragment (Zoom's title was {product:?})"
    )];
    if let (false, Some(terms)) = (info.contains_key("license"), source.get("termsOfService")) {
        info.insert(
            "license".into(),
            json!({"name": "Zoom API License and Terms of Use", "url": terms}),
        );
        notes.push(
            "info.license: Zoom's API license and terms of use (Zoom's file names no license)"
                .into(),
        );
    }
    doc["info"] = Value::Object(info);
    Ok(notes)
}

fn describe_servers(doc: &mut Value) -> Vec<String> {
    let mut notes = Vec::new();
    for server in doc
        .get_mut("servers")
        .and_then(Value::as_array_mut)
        .into_iter()
        .flatten()
    {
        if server.get("description").is_none() {
            let url = server["url"].as_str().unwrap_or_default();
            let text = match url.rsplit('/').next() {
                Some(v)
                    if v.len() > 1
                        && v.starts_with('v')
                        && v[1..].chars().all(|c| c.is_ascii_digit()) =>
                {
                    format!("Zoom REST API {v}")
                }
                _ => "Zoom REST API".to_owned(),
            };
            notes.push(format!("servers: {url} described as {text:?}"));
            server["description"] = json!(text);
        }
    }
    notes
}

/// Zoom lists one security requirement that names both its schemes and every scope, which in
/// OpenAPI means "all of these at once". What Zoom means (its "Scopes:" line) is "a bearer token
/// with any one of these scopes". The fragment says that with the project's two schemes:
/// `bearerAuth`, and `serverToServerOAuth` (client credentials) once per scope, as alternatives,
/// at the top level like `openapi/user-update.json`.
fn normalise_security(doc: &mut Value, cx: &Context<'_>) -> Result<Vec<String>> {
    let at = cx.location;
    let operation = operation_mut(doc, at);
    let requirements = match operation.as_object_mut().and_then(|o| o.remove("security")) {
        Some(own) => own,
        None => doc.get("security").cloned().unwrap_or(json!([])),
    };
    let source_schemes = doc["components"]["securitySchemes"].clone();
    if source_schemes.as_object().is_some_and(|s| {
        s.len() == 2 && s.contains_key(BEARER_SCHEME) && s.contains_key(OAUTH_SCHEME)
    }) {
        // Already in the project's shape (a second run).
        doc["security"] = requirements;
        return Ok(vec![]);
    }

    let mut scopes: Vec<String> = Vec::new();
    let mut token_url = None;
    let mut scope_text = Map::new();
    let mut bearer = false;
    let mut seen_schemes = Vec::new();
    for requirement in requirements.as_array().into_iter().flatten() {
        for (name, listed) in requirement.as_object().into_iter().flatten() {
            seen_schemes.push(name.clone());
            let scheme = &source_schemes[name];
            match scheme["type"].as_str() {
                Some("oauth2") => {
                    for flow in scheme["flows"]
                        .as_object()
                        .into_iter()
                        .flat_map(Map::values)
                    {
                        if token_url.is_none() {
                            token_url = flow["tokenUrl"].as_str().map(str::to_owned);
                        }
                        for (scope, text) in flow["scopes"].as_object().into_iter().flatten() {
                            scope_text
                                .entry(scope.clone())
                                .or_insert_with(|| text.clone());
                        }
                    }
                    for scope in listed
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter_map(Value::as_str)
                    {
                        if !scopes.iter().any(|s| s == scope) {
                            scopes.push(scope.to_owned());
                        }
                    }
                }
                // Zoom's `Authorization` header API key carries the same bearer token.
                Some("apiKey")
                    if scheme["in"] == "header"
                        && scheme["name"]
                            .as_str()
                            .is_some_and(|h| h.eq_ignore_ascii_case("authorization")) =>
                {
                    bearer = true
                }
                Some("http")
                    if scheme["scheme"]
                        .as_str()
                        .is_some_and(|s| s.eq_ignore_ascii_case("bearer")) =>
                {
                    bearer = true
                }
                _ => {
                    return Err(Error::new(format!(
                        "security scheme {name:?} ({scheme}) is neither OAuth 2 nor a bearer token in \
                         `Authorization`: the normalisation does not know how to map it"
                    )));
                }
            }
        }
    }
    let token_url = token_url.unwrap_or_else(|| "https://zoom.us/oauth/token".to_owned());

    let mut alternatives = Vec::new();
    if bearer || !scopes.is_empty() {
        alternatives.push(json!({ BEARER_SCHEME: [] }));
    }
    alternatives.extend(scopes.iter().map(|s| json!({ OAUTH_SCHEME: [s] })));
    doc["security"] = Value::Array(alternatives);

    let mut schemes = Map::new();
    schemes.insert(BEARER_SCHEME.into(), bearer_scheme());
    if !scopes.is_empty() {
        let described: Map<String, Value> = scopes
            .iter()
            .map(|s| {
                (
                    s.clone(),
                    scope_text.get(s).cloned().unwrap_or_else(|| json!(s)),
                )
            })
            .collect();
        schemes.insert(
            OAUTH_SCHEME.into(),
            json!({
                "type": "oauth2",
                "description": OAUTH_DESCRIPTION,
                "flows": {"clientCredentials": {"tokenUrl": token_url, "scopes": described}}
            }),
        );
    }
    *components_of_kind(doc, "securitySchemes") = schemes;
    Ok(vec![format!(
        "security: Zoom's requirement {{{}}} (all at once) → top-level alternatives `{BEARER_SCHEME}` or \
         `{OAUTH_SCHEME}` with one of {} scope(s): {}",
        seen_schemes.join(", "),
        scopes.len(),
        scopes.join(", ")
    )])
}

/// Every tag the operation uses is declared at the top level (redocly `operation-tag-defined`);
/// its description comes from Zoom's file if it has one, else from the overlay.
fn declare_tags(doc: &mut Value, cx: &Context<'_>) -> Vec<String> {
    let at = cx.location;
    let used: Vec<String> = doc["paths"][&at.path][&at.method]["tags"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .map(str::to_owned)
        .collect();
    let known = doc.get("tags").cloned().unwrap_or(json!([]));
    let mut notes = Vec::new();
    let tags: Vec<Value> = used
        .iter()
        .map(|name| {
            known
                .as_array()
                .and_then(|all| all.iter().find(|t| t["name"] == json!(name)).cloned())
                .unwrap_or_else(|| {
                    notes.push(format!(
                        "tags: {name:?} declared (Zoom's file declares no tags)"
                    ));
                    json!({ "name": name })
                })
        })
        .collect();
    if tags.is_empty() {
        if let Some(root) = doc.as_object_mut() {
            root.remove("tags");
        }
    } else {
        doc["tags"] = Value::Array(tags);
    }
    notes
}

/// `userUpdate` → `UserUpdate`.
pub fn pascal_case(id: &str) -> String {
    id.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|part| !part.is_empty())
        .map(|part| {
            let mut chars = part.chars();
            let first = chars.next().map(|c| c.to_ascii_uppercase());
            first.into_iter().chain(chars).collect::<String>()
        })
        .collect()
}

/// An inline JSON request body schema becomes the named component `<OperationId>Body`.
///
/// progenitor names an inline body after its `title` when it has one (Zoom's is "Update a user",
/// which would make the type `UpdateAUser`); a component name is used as is. So the body type is
/// `UserUpdateBody` in both fragments, and `GenerationSettings::with_replacement` (which works on
/// named components only) can reach it.
fn hoist_request_body(doc: &mut Value, cx: &Context<'_>) -> Result<Vec<String>> {
    let at = cx.location;
    let operation_id = doc["paths"][&at.path][&at.method]["operationId"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let name = format!("{}Body", pascal_case(&operation_id));
    let Some(slot) = get_mut(
        operation_mut(doc, at),
        &["requestBody", "content", "application/json", "schema"],
    ) else {
        return Ok(vec![]);
    };
    if slot.get("$ref").is_some() {
        return Ok(vec![]);
    }
    let schema = std::mem::replace(
        slot,
        json!({ "$ref": format!("#/components/schemas/{name}") }),
    );
    let schemas = components_of_kind(doc, "schemas");
    if schemas.contains_key(&name) {
        return Err(Error::new(format!(
            "cannot name the request body schema {name:?}: Zoom's file already has a component of that name"
        )));
    }
    schemas.insert(name.clone(), schema);
    Ok(vec![format!(
        "request body: inline schema → #/components/schemas/{name} (a stable type name for progenitor)"
    )])
}

/// Takes `default` off every schema a request sends (parameters and the body, through `$ref`s),
/// and keeps Zoom's default value in the description.
///
/// typify turns a property with `default` into a plain field with `#[serde(default)]` and no
/// `skip_serializing_if`: every generated body would then carry `"use_pmi": false` and silently
/// reset the user's setting on each PATCH. Without the keyword the field is an `Option`, sent
/// only when set.
fn strip_request_defaults(doc: &mut Value, cx: &Context<'_>) -> Result<Vec<String>> {
    let at = cx.location;
    let components = refs::request_components(doc, at)?;
    let mut notes = Vec::new();
    // Parameters shared by the path item, then the operation's own (a `$ref` has no `schema`: the
    // component is among `components`).
    for own in [false, true] {
        let owner = match own {
            false => &mut doc["paths"][&at.path],
            true => operation_mut(doc, at),
        };
        let parameters = owner.get_mut("parameters").and_then(Value::as_array_mut);
        for parameter in parameters.into_iter().flatten() {
            let label = format!(
                "parameter {} {}",
                parameter["in"].as_str().unwrap_or("?"),
                parameter["name"].as_str().unwrap_or("?")
            );
            if let Some(schema) = parameter.get_mut("schema") {
                strip_defaults(schema, &label, &mut notes);
            }
        }
    }
    if let Some(body) = operation_mut(doc, at).get_mut("requestBody") {
        for schema in body_schemas(body) {
            strip_defaults(schema, "request body", &mut notes);
        }
    }
    for component in components {
        let label = format!("#/components/{}/{}", component.kind, component.name);
        let Some(value) = get_mut(doc, &["components", &component.kind, &component.name]) else {
            continue;
        };
        let schemas: Vec<&mut Value> = match component.kind.as_str() {
            "parameters" => value.get_mut("schema").into_iter().collect(),
            "requestBodies" => body_schemas(value).collect(),
            _ => vec![value],
        };
        for schema in schemas {
            strip_defaults(schema, &label, &mut notes);
        }
    }
    Ok(notes)
}

/// The `schema` of each media type of a request body.
fn body_schemas(body: &mut Value) -> impl Iterator<Item = &mut Value> {
    let content = body.get_mut("content").and_then(Value::as_object_mut);
    content
        .into_iter()
        .flat_map(|c| c.values_mut())
        .filter_map(|media| media.get_mut("schema"))
}

/// Takes `default` off `schema` and the schemas inside it, down to the `$ref`s (the components
/// they name are stripped on their own).
fn strip_defaults(schema: &mut Value, at: &str, notes: &mut Vec<String>) {
    let Some(object) = schema.as_object_mut() else {
        return;
    };
    if object.contains_key("$ref") {
        return;
    }
    if let Some(default) = object.remove("default") {
        let shown = match &default {
            Value::String(s) => format!("`{s}`"),
            other => format!("`{other}`"),
        };
        let addition = format!(
            "Zoom's default: {shown} (the `default` keyword is left out so that a generated client \
             sends this field only when it is set)."
        );
        let description = match object.get("description").and_then(Value::as_str) {
            Some(text) if !text.trim().is_empty() => format!("{}\n\n{addition}", text.trim_end()),
            _ => addition,
        };
        object.insert("description".into(), json!(description));
        notes.push(format!(
            "{at}: `default: {default}` removed, kept in the description"
        ));
    }
    if let Some(properties) = object.get_mut("properties").and_then(Value::as_object_mut) {
        for (name, child) in properties.iter_mut() {
            strip_defaults(child, &format!("{at} /{name}"), notes);
        }
    }
    for key in ["items", "additionalProperties", "not"] {
        if let Some(child) = object.get_mut(key) {
            strip_defaults(child, &format!("{at} {key}"), notes);
        }
    }
    for key in ["allOf", "oneOf", "anyOf"] {
        if let Some(children) = object.get_mut(key).and_then(Value::as_array_mut) {
            for child in children {
                strip_defaults(child, &format!("{at} {key}"), notes);
            }
        }
    }
}

/// Is this response key an error status (`4XX`, `5XX`, or a code of 400 and above)?
pub fn is_error_status(code: &str) -> bool {
    match code.as_bytes().first() {
        Some(b'4' | b'5') => code.len() == 3,
        _ => false,
    }
}

/// One error body for every error answer, and no `default` response.
///
/// progenitor 0.15 panics at build time when one operation's responses carry different bodies
/// (issue #950): a `default` with a body beside a body-less 204, or error responses with
/// different schemas. Zoom sends the same `{code, message, errors?}` for every error, so each
/// response of 400 and above gets `ZoomError` (named and shaped as in `openapi/user-update.json`,
/// so handwritten code treats both fragments' errors the same). The `default` response goes: the
/// documented error codes are explicit responses (restored by the overlay).
fn normalise_error_responses(doc: &mut Value, cx: &Context<'_>) -> Vec<String> {
    let mut notes = Vec::new();
    let Some(responses) = operation_mut(doc, cx.location)
        .get_mut("responses")
        .and_then(Value::as_object_mut)
    else {
        return notes;
    };
    if let Some(default) = responses.shift_remove("default") {
        notes.push(format!(
            "responses: `default` removed (was {:?}; progenitor cannot mix it with a body-less 204)",
            default["description"].as_str().unwrap_or_default()
        ));
    }
    let body = json!({"application/json": {"schema": {"$ref": format!("#/components/schemas/{ERROR_SCHEMA}")}}});
    for (code, response) in responses.iter_mut() {
        if !is_error_status(code) || response.get("$ref").is_some() {
            continue;
        }
        if response.get("content") != Some(&body) {
            response["content"] = body.clone();
            notes.push(format!("responses: {code} answers with `{ERROR_SCHEMA}`"));
        }
    }
    notes
}

/// Adds `ZoomError` / `ZoomFieldError` when referenced and drops every component nothing
/// references any more (such as Zoom's `ErrorResponse`, redocly `no-unused-components`).
fn prune_components(doc: &mut Value) -> Result<Vec<String>> {
    let mut notes = Vec::new();
    let mut found = Vec::new();
    refs::refs_in(&doc["paths"], &mut found);
    let error_ref = format!("#/components/schemas/{ERROR_SCHEMA}");
    if found.contains(&error_ref) {
        let schemas = components_of_kind(doc, "schemas");
        for (name, schema) in [
            (ERROR_SCHEMA, zoom_error_schema()),
            (FIELD_ERROR_SCHEMA, zoom_field_error_schema()),
        ] {
            if schemas.get(name) != Some(&schema) {
                if schemas.contains_key(name) {
                    return Err(Error::new(format!(
                        "Zoom's file has its own component {name:?}; the project's error schema needs that name"
                    )));
                }
                schemas.insert(name.into(), schema);
                notes.push(format!(
                    "components: {name} added (the project's shared error body)"
                ));
            }
        }
    }
    let keep = refs::reachable(doc, &[&doc["paths"]])?;
    let schemes_used: Vec<String> = doc
        .get("security")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .flat_map(|r| r.as_object().into_iter().flat_map(Map::keys).cloned())
        .collect();
    let Some(components) = doc.get_mut("components").and_then(Value::as_object_mut) else {
        return Ok(notes);
    };
    for (kind, entries) in components.iter_mut() {
        let Some(entries) = entries.as_object_mut() else {
            continue;
        };
        entries.retain(|name, _| {
            let used = if kind == "securitySchemes" {
                schemes_used.contains(name)
            } else {
                keep.contains(&ComponentRef {
                    kind: kind.clone(),
                    name: name.clone(),
                })
            };
            if !used {
                notes.push(format!(
                    "components: {kind}/{name} removed (no longer referenced)"
                ));
            }
            used
        });
    }
    components.retain(|_, entries| entries.as_object().is_none_or(|e| !e.is_empty()));
    Ok(notes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn location() -> Location {
        Location {
            path: "/users/{userId}".into(),
            method: "patch".into(),
        }
    }

    fn zoomish() -> Value {
        json!({
            "openapi": "3.0.0",
            "info": {"title": "Zoom User API", "version": "2", "termsOfService": "https://zoom.us/terms"},
            "servers": [{"url": "https://api.zoom.us/v2"}],
            "paths": {"/users/{userId}": {"patch": {
                "tags": ["Users"],
                "summary": "Update a user",
                "operationId": "userUpdate",
                "parameters": [{"name": "flag", "in": "query", "schema": {"type": "boolean", "default": false}}],
                "requestBody": {"content": {"application/json": {"schema": {
                    "title": "Update a user",
                    "type": "object",
                    "properties": {
                        "use_pmi": {"type": "boolean", "description": "Use PMI.", "default": false},
                        "list": {"type": "array", "items": {"type": "object", "properties": {"n": {"type": "integer", "default": 3}}}}
                    }
                }}}},
                "responses": {
                    "204": {"description": "ok"},
                    "default": {"description": "For ogen convenient errors", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorResponse"}}}}
                },
                "security": [{"openapi_oauth": ["user:write:admin", "user:write"], "openapi_authorization": []}]
            }}},
            "components": {
                "schemas": {"ErrorResponse": {"type": "object"}},
                "securitySchemes": {
                    "openapi_authorization": {"type": "apiKey", "name": "Authorization", "in": "header"},
                    "openapi_oauth": {"type": "oauth2", "flows": {"authorizationCode": {
                        "authorizationUrl": "/", "tokenUrl": "https://zoom.us/oauth/token",
                        "scopes": {"user:write:admin": "user:write:admin", "user:write": "user:write", "other": "other"}}}}
                }
            }
        })
    }

    /// `normalise` and `complete`, with no overlay in between.
    fn run(doc: &mut Value) -> Vec<String> {
        let at = location();
        let cx = Context {
            location: &at,
            input_name: "zoom.json",
            overlay_name: Some("x.overlay.json"),
        };
        let mut notes = normalise(doc, &cx).unwrap();
        notes.extend(complete(doc, &cx).unwrap());
        notes
    }

    #[test]
    fn normalises_a_zoom_operation_into_the_project_shape() {
        let mut doc = zoomish();
        let notes = run(&mut doc);
        assert_eq!(doc["openapi"], "3.0.3");
        assert_eq!(doc["info"]["title"], "Zoom API: Update a user");
        assert_eq!(doc["info"]["license"]["url"], "https://zoom.us/terms");
        assert!(
            doc["info"]["description"]
                .as_str()
                .unwrap()
                .contains("`x.overlay.json`")
        );
        assert_eq!(doc["servers"][0]["description"], "Zoom REST API v2");
        assert_eq!(doc["tags"], json!([{"name": "Users"}]));
        assert_eq!(
            doc["security"],
            json!([{"bearerAuth": []}, {"serverToServerOAuth": ["user:write:admin"]}, {"serverToServerOAuth": ["user:write"]}])
        );
        let schemes = &doc["components"]["securitySchemes"];
        assert_eq!(schemes["bearerAuth"]["scheme"], "bearer");
        let flow = &schemes["serverToServerOAuth"]["flows"]["clientCredentials"];
        assert_eq!(flow["tokenUrl"], "https://zoom.us/oauth/token");
        assert_eq!(flow["scopes"].as_object().unwrap().len(), 2);
        let op = &doc["paths"]["/users/{userId}"]["patch"];
        assert!(op.get("security").is_none());
        assert_eq!(
            op["requestBody"]["content"]["application/json"]["schema"],
            json!({"$ref": "#/components/schemas/UserUpdateBody"})
        );
        let body = &doc["components"]["schemas"]["UserUpdateBody"];
        assert!(body["properties"]["use_pmi"].get("default").is_none());
        assert!(
            body["properties"]["use_pmi"]["description"]
                .as_str()
                .unwrap()
                .contains("Zoom's default: `false`")
        );
        assert!(
            body["properties"]["list"]["items"]["properties"]["n"]
                .get("default")
                .is_none()
        );
        assert!(op["parameters"][0]["schema"].get("default").is_none());
        assert!(op["responses"].get("default").is_none());
        assert!(doc["components"]["schemas"].get("ErrorResponse").is_none());
        assert!(
            notes.iter().any(|n| n.contains("`default` removed")),
            "{notes:#?}"
        );
    }

    #[test]
    fn error_responses_get_the_shared_body_and_normalising_twice_changes_nothing() {
        let mut doc = zoomish();
        run(&mut doc);
        doc["paths"]["/users/{userId}"]["patch"]["responses"]["404"] =
            json!({"description": "Not Found."});
        let at = location();
        let cx = Context {
            location: &at,
            input_name: "zoom.json",
            overlay_name: Some("x.overlay.json"),
        };
        complete(&mut doc, &cx).unwrap();
        let response = &doc["paths"]["/users/{userId}"]["patch"]["responses"]["404"];
        assert_eq!(
            response["content"]["application/json"]["schema"]["$ref"],
            "#/components/schemas/ZoomError"
        );
        assert_eq!(
            doc["components"]["schemas"]["ZoomError"],
            zoom_error_schema()
        );
        assert_eq!(
            doc["components"]["schemas"]["ZoomFieldError"],
            zoom_field_error_schema()
        );
        let once = doc.clone();
        let notes = run(&mut doc);
        // `info` is rebuilt from Zoom's `info`, which only the first run sees; the rest is stable.
        let notes: Vec<&String> = notes.iter().filter(|n| !n.starts_with("info:")).collect();
        doc["info"] = once["info"].clone();
        assert_eq!(doc, once);
        assert!(notes.is_empty(), "{notes:#?}");
    }

    #[test]
    fn only_the_tags_the_operation_uses_are_declared() {
        let mut doc = zoomish();
        doc["tags"] = json!([{"name": "Groups"}, {"name": "Users", "description": "u"}]);
        let notes = run(&mut doc);
        assert_eq!(doc["tags"], json!([{"name": "Users", "description": "u"}]));
        assert!(!notes.iter().any(|n| n.starts_with("tags:")), "{notes:#?}");
    }

    #[test]
    fn defaults_go_from_what_a_request_sends_through_references() {
        let mut doc = json!({
            "paths": {"/users/{userId}": {
                "parameters": [{"$ref": "#/components/parameters/Shared"}],
                "patch": {"requestBody": {"$ref": "#/components/requestBodies/Body"}, "responses": {}}
            }},
            "components": {
                "parameters": {"Shared": {"name": "s", "in": "query", "schema": {"type": "integer", "default": 1}}},
                "requestBodies": {"Body": {"content": {"application/json": {"schema": {
                    "type": "object",
                    "properties": {"p": {"$ref": "#/components/schemas/P"}, "i": {"type": "string", "default": "x"}}
                }}}}},
                "schemas": {"P": {"type": "boolean", "default": true}, "Unsent": {"type": "boolean", "default": true}}
            }
        });
        let at = location();
        let cx = Context {
            location: &at,
            input_name: "zoom.json",
            overlay_name: None,
        };
        let notes = strip_request_defaults(&mut doc, &cx).unwrap();
        assert_eq!(notes.len(), 3, "{notes:#?}");
        let components = &doc["components"];
        assert!(
            components["parameters"]["Shared"]["schema"]
                .get("default")
                .is_none()
        );
        let body = &components["requestBodies"]["Body"]["content"]["application/json"]["schema"];
        assert!(body["properties"]["i"].get("default").is_none());
        assert!(components["schemas"]["P"].get("default").is_none());
        assert_eq!(components["schemas"]["Unsent"]["default"], true);
    }

    #[test]
    fn an_unknown_security_scheme_is_an_error_not_a_guess() {
        let mut doc = zoomish();
        doc["components"]["securitySchemes"]["openapi_authorization"] =
            json!({"type": "http", "scheme": "basic"});
        let at = location();
        let cx = Context {
            location: &at,
            input_name: "zoom.json",
            overlay_name: None,
        };
        let err = normalise(&mut doc, &cx).unwrap_err().to_string();
        assert!(err.contains("openapi_authorization"), "{err}");
    }

    #[test]
    fn names_and_statuses() {
        assert_eq!(pascal_case("userUpdate"), "UserUpdate");
        assert_eq!(pascal_case("user_update-x"), "UserUpdateX");
        assert!(is_error_status("400") && is_error_status("4XX") && is_error_status("503"));
        assert!(!is_error_status("204") && !is_error_status("default") && !is_error_status("4000"));
    }
}
