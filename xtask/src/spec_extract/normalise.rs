//! The project's normalisations: what turns Zoom's operation (as redocly cut it out, references
//! inlined) into a fragment progenitor 0.15 accepts and the handwritten layer can treat like
//! `openapi/user-update.json`. [`before_overlay`] runs before the overlay, [`after_overlay`]
//! after it; each step returns notes (one line per change) that `spec-extract` prints.

use serde_json::{Map, Value, json};

use super::{Location, Result, fail, items, members, schemas, text};

/// The OpenAPI version every fragment declares.
pub const OPENAPI_VERSION: &str = "3.0.3";
/// The shared error body, named as in `openapi/user-update.json`.
pub const ERROR_SCHEMA: &str = "ZoomError";
pub const BEARER_SCHEME: &str = "bearerAuth";
pub const OAUTH_SCHEME: &str = "serverToServerOAuth";

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

impl Context<'_> {
    fn operation<'d>(&self, doc: &'d mut Value) -> &'d mut Value {
        &mut doc["paths"][&self.location.path][&self.location.method]
    }

    /// The request body's component: `userUpdate` → `UserUpdateBody`.
    fn body_schema(&self, doc: &mut Value) -> String {
        let id = text(self.operation(doc), "operationId").to_owned();
        let mut name = String::new();
        for word in id.split(|c: char| !c.is_ascii_alphanumeric()) {
            let (first, rest) = word.split_at(word.len().min(1));
            name += &(first.to_ascii_uppercase() + rest);
        }
        name + "Body"
    }
}

/// Every normalisation that runs before the overlay, in order.
pub fn before_overlay(doc: &mut Value, cx: &Context<'_>) -> Result<Vec<String>> {
    // What the fragment describes: Zoom's `externalDocs` (the Swagger editor's template link) and
    // anything else at the top level stay behind.
    let keep = "openapi info servers tags security paths components";
    if let Some(root) = doc.as_object_mut() {
        root.retain(|key, _| keep.split(' ').any(|k| k == key));
    }
    let mut notes = Vec::new();
    let before = text(doc, "openapi").to_owned();
    if before != OPENAPI_VERSION {
        doc["openapi"] = json!(OPENAPI_VERSION);
        notes.push(format!("openapi: {before} → {OPENAPI_VERSION}"));
    }
    notes.push(normalise_info(doc, cx)?);
    notes.push(normalise_security(doc, cx)?);
    // Every tag the operation uses is declared at the top level (redocly's
    // `operation-tag-defined`), with Zoom's description if its file has one.
    let (used, known) = (cx.operation(doc)["tags"].clone(), doc["tags"].take());
    let mut tags = Vec::new();
    for name in items(&used) {
        let found = items(&known).find(|tag| &tag["name"] == name);
        if found.is_none() {
            notes.push(format!(
                "tags: {name} declared (Zoom's file declares no tags)"
            ));
        }
        tags.push(found.cloned().unwrap_or(json!({ "name": name })));
    }
    match tags.is_empty() {
        true => drop(doc.as_object_mut().map(|root| root.remove("tags"))),
        false => doc["tags"] = json!(tags),
    }
    strip_request_defaults(doc, cx, &mut notes);
    hoist_request_body(doc, cx, &mut notes)?;
    Ok(notes)
}

/// `info` describes the fragment, not Zoom's whole product: the title names the operation, the
/// description says where it comes from.
fn normalise_info(doc: &mut Value, cx: &Context<'_>) -> Result<String> {
    let operation = cx.operation(doc).clone();
    let id = text(&operation, "operationId");
    let source = doc["info"].take();
    let Some(version) = source["version"].as_str() else {
        return fail("`info.version` is missing");
    };
    let product = source["title"].as_str().unwrap_or("Zoom API");
    let overlay = match cx.overlay_name {
        Some(name) => format!(" and the reviewed overlay `{name}`"),
        None => String::new(),
    };
    let (method, path) = (cx.location.method.to_uppercase(), &cx.location.path);
    let input = cx.input_name;
    let description = format!(
        "One operation of Zoom's REST API, `{method} {path}` (operationId `{id}`), extracted by \
         `cargo xtask spec-extract` from `{input}`, Zoom's \"{product}\" spec (version {version}), \
         with the project's normalisations{overlay}. Provenance of every part: `openapi/README.md`."
    );
    let title = format!("Zoom API: {}", operation["summary"].as_str().unwrap_or(id));
    doc["info"] = json!({
        "title": title, "description": description, "version": version,
        "contact": source["contact"], "license": source["license"],
        "termsOfService": source["termsOfService"],
    });
    if let Some(info) = doc["info"].as_object_mut() {
        info.retain(|_, value| !value.is_null());
    }
    Ok(format!(
        "info: title and description describe this fragment (Zoom's title was {product:?})"
    ))
}

/// Zoom lists one security requirement that names both its schemes and every scope, which in
/// OpenAPI means "all of these at once". What Zoom means (its "Scopes:" line) is "a bearer token
/// with any one of these scopes". The fragment says that with the project's two schemes:
/// `bearerAuth`, and `serverToServerOAuth` (client credentials) once per scope, as alternatives,
/// at the top level like `openapi/user-update.json`. (The overlay describes the scopes.)
fn normalise_security(doc: &mut Value, cx: &Context<'_>) -> Result<String> {
    let op = cx.operation(doc).as_object_mut();
    let own = op.and_then(|op| op.remove("security"));
    let requirements = own.unwrap_or_else(|| doc["security"].clone());
    let schemes = doc["components"]["securitySchemes"].take();
    let (mut names, mut scopes, mut token_url) = (Vec::new(), Vec::new(), None);
    for (name, listed) in items(&requirements).flat_map(members) {
        let scheme = &schemes[name];
        let is = |key: &str, want: &str| text(scheme, key).eq_ignore_ascii_case(want);
        match text(scheme, "type") {
            "oauth2" => {
                let mut flows = members(&scheme["flows"]).map(|(_, flow)| text(flow, "tokenUrl"));
                token_url = token_url.or(flows.find(|url| !url.is_empty()));
            }
            // Zoom's `Authorization` header API key carries the same bearer token.
            "apiKey" if is("in", "header") && is("name", "authorization") => {}
            "http" if is("scheme", "bearer") => {}
            _ => {
                return fail(format!(
                    "security scheme {name:?} ({scheme}) is neither OAuth 2 nor a bearer token in \
                     `Authorization`: the normalisation does not know how to map it"
                ));
            }
        }
        names.push(name.as_str());
        for scope in items(listed).filter_map(Value::as_str) {
            if !scopes.contains(&scope) {
                scopes.push(scope);
            }
        }
    }
    let mut security = vec![json!({ BEARER_SCHEME: [] })];
    security.extend(scopes.iter().map(|scope| json!({ OAUTH_SCHEME: [scope] })));
    doc["security"] = json!(security);
    let bearer = "An OAuth access token sent as `Authorization: Bearer <token>`.";
    let schemes = &mut doc["components"]["securitySchemes"];
    *schemes = json!({BEARER_SCHEME: {"type": "http", "scheme": "bearer", "description": bearer}});
    if !scopes.is_empty() {
        let named: Map<String, Value> = scopes.iter().map(|s| (s.to_string(), json!(s))).collect();
        let url = token_url.unwrap_or("https://zoom.us/oauth/token");
        let flows = json!({"clientCredentials": {"tokenUrl": url, "scopes": named}});
        schemes[OAUTH_SCHEME] =
            json!({"type": "oauth2", "description": OAUTH_DESCRIPTION, "flows": flows});
    }
    let (names, n, listed) = (names.join(", "), scopes.len(), scopes.join(", "));
    Ok(format!(
        "security: Zoom's requirement {{{names}}} (all at once) → top-level alternatives \
         `{BEARER_SCHEME}` or `{OAUTH_SCHEME}` with one of {n} scope(s): {listed}"
    ))
}

/// An inline JSON request body schema becomes the named component `<OperationId>Body`.
///
/// progenitor names an inline body after its `title` when it has one (Zoom's is "Update a user",
/// which would make the type `UpdateAUser`); a component name is used as is. So the body type is
/// `UserUpdateBody` in both fragments, and `GenerationSettings::with_replacement` (which works on
/// named components only) can reach it.
fn hoist_request_body(doc: &mut Value, cx: &Context<'_>, notes: &mut Vec<String>) -> Result<()> {
    let name = cx.body_schema(doc);
    let reference = json!({ "$ref": format!("#/components/schemas/{name}") });
    let body = "/requestBody/content/application~1json/schema";
    let slot = cx.operation(doc).pointer_mut(body);
    let Some(slot) = slot.filter(|s| s.get("$ref").is_none()) else {
        return Ok(());
    };
    let schema = std::mem::replace(slot, reference);
    if !doc["components"]["schemas"][&name].is_null() {
        return fail(format!(
            "cannot name the request body {name:?}: Zoom's file has a component of that name"
        ));
    }
    doc["components"]["schemas"][&name] = schema;
    notes.push(format!(
        "request body: inline schema → #/components/schemas/{name} (a stable type name for progenitor)"
    ));
    Ok(())
}

/// Takes `default` off every schema a request sends (the path item's and the operation's
/// parameters, the request body, and every schema inside them), keeping Zoom's value in the
/// description.
///
/// typify turns a property with `default` into a plain field with `#[serde(default)]` and no
/// `skip_serializing_if`: every generated body would then carry `"use_pmi": false` and silently
/// reset the user's setting on each PATCH. Without the keyword the field is an `Option`, sent
/// only when set.
fn strip_request_defaults(doc: &mut Value, cx: &Context<'_>, notes: &mut Vec<String>) {
    for (at, pointer, sent) in schemas(doc, cx.location) {
        let Some(schema) = doc.pointer_mut(&pointer).filter(|_| sent) else {
            continue;
        };
        let Some(default) = schema.as_object_mut().and_then(|s| s.remove("default")) else {
            continue;
        };
        let shown = default.as_str().map_or(default.to_string(), str::to_owned);
        let addition = format!(
            "Zoom's default: `{shown}` (the `default` keyword is left out so that a generated \
             client sends this field only when it is set)."
        );
        let description = text(schema, "description").trim_end();
        schema["description"] = json!(match description.trim() {
            "" => addition,
            _ => format!("{description}\n\n{addition}"),
        });
        notes.push(format!(
            "{at}: `default: {default}` removed, kept in the description"
        ));
    }
}

/// Is this response key an error status (`4XX`, `5XX`, or a code of 400 and above)?
pub fn is_error_status(code: &str) -> bool {
    code.len() == 3 && matches!(code.as_bytes()[0], b'4' | b'5')
}

/// One error body for every error answer, no `default` response, no unused schema.
///
/// progenitor 0.15 panics at build time when one operation's responses carry different bodies
/// (issue #950): a `default` with a body beside a body-less 204, or error responses with
/// different schemas. Zoom sends the same `{code, message, errors?}` for every error, so each
/// response of 400 and above gets `ZoomError` (named and shaped as in `openapi/user-update.json`,
/// so handwritten code treats both fragments' errors the same; the overlay adds the schemas). The
/// `default` response goes: the documented error codes are explicit responses (the overlay's).
pub fn after_overlay(doc: &mut Value, cx: &Context<'_>) -> Vec<String> {
    let mut notes = Vec::new();
    let error_body =
        json!({"application/json": {"schema": {"$ref": "#/components/schemas/ZoomError"}}});
    let op = cx.operation(doc);
    if let Some(responses) = op.get_mut("responses").and_then(Value::as_object_mut) {
        if let Some(default) = responses.remove("default") {
            notes.push(format!(
                "responses: `default` removed (was {:?}; progenitor cannot mix it with a body-less 204)",
                text(&default, "description")
            ));
        }
        for (code, response) in responses.iter_mut() {
            if is_error_status(code) && response.get("content") != Some(&error_body) {
                response["content"] = error_body.clone();
                notes.push(format!("responses: {code} answers with `{ERROR_SCHEMA}`"));
            }
        }
    }
    notes
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

    /// What redocly hands over: one operation, references inlined.
    fn zoomish() -> Value {
        json!({
            "openapi": "3.0.0",
            "info": {"title": "Zoom User API", "version": "2", "termsOfService": "https://zoom.us/terms"},
            "externalDocs": {"url": "https://swagger.io"},
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
                    "default": {"description": "For ogen convenient errors", "content": {"application/json": {"schema": {"type": "object"}}}}
                },
                "security": [{"openapi_oauth": ["user:write:admin", "user:write"], "openapi_authorization": []}]
            }}},
            "components": {
                "securitySchemes": {
                    "openapi_authorization": {"type": "apiKey", "name": "Authorization", "in": "header"},
                    "openapi_oauth": {"type": "oauth2", "flows": {"authorizationCode": {
                        "authorizationUrl": "/", "tokenUrl": "https://zoom.us/oauth/token",
                        "scopes": {"user:write:admin": "user:write:admin", "user:write": "user:write", "other": "other"}}}}
                }
            }
        })
    }

    /// `before_overlay` and `after_overlay`, with an error response in between (as the overlay adds).
    fn run(doc: &mut Value, overlay_name: Option<&str>) -> Result<Vec<String>> {
        let at = location();
        let cx = Context {
            location: &at,
            input_name: "zoom.json",
            overlay_name,
        };
        let mut notes = before_overlay(doc, &cx)?;
        let responses = &mut doc["paths"]["/users/{userId}"]["patch"]["responses"];
        if responses.get("404").is_none() {
            responses["404"] = json!({"description": "Not Found."});
        }
        let errors = json!({"items": {"$ref": "#/components/schemas/ZoomFieldError"}});
        doc["components"]["schemas"]["ZoomError"] = json!({"properties": {"errors": errors}});
        doc["components"]["schemas"]["ZoomFieldError"] = json!({"type": "object"});
        notes.extend(after_overlay(doc, &cx));
        Ok(notes)
    }

    #[test]
    fn normalises_a_zoom_operation_into_the_project_shape() {
        let mut doc = zoomish();
        let notes = run(&mut doc, Some("x.overlay.json")).unwrap();
        assert_eq!(doc["openapi"], "3.0.3");
        assert!(doc.get("externalDocs").is_none());
        assert_eq!(doc["info"]["title"], "Zoom API: Update a user");
        assert_eq!(doc["info"]["termsOfService"], "https://zoom.us/terms");
        assert!(
            doc["info"]["description"]
                .as_str()
                .unwrap()
                .contains("`x.overlay.json`")
        );
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
        assert_eq!(
            op["responses"]["404"]["content"]["application/json"]["schema"]["$ref"],
            "#/components/schemas/ZoomError"
        );
        let schemas: Vec<&String> = doc["components"]["schemas"]
            .as_object()
            .unwrap()
            .keys()
            .collect();
        assert_eq!(schemas, ["UserUpdateBody", "ZoomError", "ZoomFieldError"]);
        assert!(
            notes.iter().any(|n| n.contains("`default` removed")),
            "{notes:#?}"
        );
    }

    #[test]
    fn only_the_tags_the_operation_uses_are_declared() {
        let mut doc = zoomish();
        doc["tags"] = json!([{"name": "Groups"}, {"name": "Users", "description": "u"}]);
        let notes = run(&mut doc, None).unwrap();
        assert_eq!(doc["tags"], json!([{"name": "Users", "description": "u"}]));
        assert!(!notes.iter().any(|n| n.starts_with("tags:")), "{notes:#?}");
    }

    #[test]
    fn an_unknown_security_scheme_is_an_error_not_a_guess() {
        let mut doc = zoomish();
        doc["components"]["securitySchemes"]["openapi_authorization"] =
            json!({"type": "http", "scheme": "basic"});
        let err = run(&mut doc, None).unwrap_err().to_string();
        assert!(err.contains("openapi_authorization"), "{err}");
    }

    #[test]
    fn names_and_statuses() {
        let at = location();
        let cx = Context {
            location: &at,
            input_name: "z.json",
            overlay_name: None,
        };
        let mut doc =
            json!({"paths": {"/users/{userId}": {"patch": {"operationId": "user_update-x"}}}});
        assert_eq!(cx.body_schema(&mut doc), "UserUpdateXBody");
        assert!(is_error_status("400") && is_error_status("4XX") && is_error_status("503"));
        assert!(!is_error_status("204") && !is_error_status("default") && !is_error_status("4000"));
    }
}
