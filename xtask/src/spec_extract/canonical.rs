//! The fragment's bytes: a fixed key order and 2-space pretty JSON with a trailing newline.
//!
//! Keywords of each OpenAPI object come in the order the hand-made fragment
//! (`openapi/user-update.json`) uses; maps whose keys are names (paths, properties, schemas,
//! responses, scopes, …) are sorted, so a reordering in Zoom's file changes nothing here and the
//! same input always gives the same bytes. Unknown keywords (`x-…` extensions and the like) follow
//! the known ones, sorted. Arrays keep their order: it means something (parameters, `enum`,
//! security alternatives).

use serde_json::{Map, Value};

use super::extract::METHODS;

/// What kind of object a JSON object is, which decides the order of its keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Document,
    Info,
    Contact,
    License,
    Server,
    Tag,
    ExternalDocs,
    PathItem,
    Operation,
    Parameter,
    RequestBody,
    MediaType,
    Response,
    Header,
    Schema,
    Components,
    SecurityScheme,
    OAuthFlows,
    OAuthFlow,
    Encoding,
    /// A map from names to objects of the given kind (keys sorted).
    MapOf(&'static Kind),
    /// Anything else (examples, extension values, security requirements): keys sorted.
    Plain,
}

impl Kind {
    /// The known keywords of this kind, in output order.
    fn order(self) -> &'static [&'static str] {
        match self {
            Kind::Document => &[
                "openapi",
                "info",
                "externalDocs",
                "servers",
                "tags",
                "security",
                "paths",
                "components",
            ],
            Kind::Info => &[
                "title",
                "description",
                "version",
                "contact",
                "license",
                "termsOfService",
            ],
            Kind::Contact => &["name", "url", "email"],
            Kind::License => &["name", "url"],
            Kind::Server => &["url", "description", "variables"],
            Kind::Tag => &["name", "description", "externalDocs"],
            Kind::ExternalDocs => &["description", "url"],
            Kind::PathItem => &[
                "$ref",
                "summary",
                "description",
                "servers",
                "parameters",
                "get",
                "put",
                "post",
                "delete",
                "options",
                "head",
                "patch",
                "trace",
            ],
            Kind::Operation => &[
                "tags",
                "summary",
                "description",
                "externalDocs",
                "operationId",
                "deprecated",
                "parameters",
                "requestBody",
                "responses",
                "callbacks",
                "security",
                "servers",
            ],
            Kind::Parameter | Kind::Header => &[
                "$ref",
                "name",
                "in",
                "required",
                "deprecated",
                "description",
                "allowEmptyValue",
                "style",
                "explode",
                "allowReserved",
                "schema",
                "content",
                "example",
                "examples",
            ],
            Kind::RequestBody => &["$ref", "required", "description", "content"],
            Kind::MediaType => &["schema", "example", "examples", "encoding"],
            Kind::Response => &["$ref", "description", "headers", "content", "links"],
            Kind::Schema => &[
                "$ref",
                "title",
                "type",
                "format",
                "deprecated",
                "description",
                "enum",
                "default",
                "nullable",
                "readOnly",
                "writeOnly",
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
                "required",
                "properties",
                "additionalProperties",
                "items",
                "allOf",
                "oneOf",
                "anyOf",
                "not",
                "discriminator",
                "example",
                "externalDocs",
                "xml",
            ],
            Kind::Components => &[
                "securitySchemes",
                "schemas",
                "parameters",
                "requestBodies",
                "responses",
                "headers",
                "examples",
                "links",
                "callbacks",
            ],
            Kind::SecurityScheme => &[
                "type",
                "scheme",
                "bearerFormat",
                "description",
                "name",
                "in",
                "flows",
                "openIdConnectUrl",
            ],
            Kind::OAuthFlows => &[
                "implicit",
                "password",
                "clientCredentials",
                "authorizationCode",
            ],
            Kind::OAuthFlow => &["authorizationUrl", "tokenUrl", "refreshUrl", "scopes"],
            Kind::Encoding => &[
                "contentType",
                "headers",
                "style",
                "explode",
                "allowReserved",
            ],
            Kind::MapOf(_) | Kind::Plain => &[],
        }
    }

    /// The kind of the value under `key` in an object of this kind.
    fn child(self, key: &str) -> Kind {
        use Kind as K;
        match (self, key) {
            (K::Document, "info") => K::Info,
            (K::Document, "externalDocs") | (K::Tag | K::Operation | K::Schema, "externalDocs") => {
                K::ExternalDocs
            }
            (K::Document, "servers") | (K::PathItem | K::Operation, "servers") => K::Server,
            (K::Document, "tags") => K::Tag,
            (K::Document, "paths") => K::MapOf(&K::PathItem),
            (K::Document, "components") => K::Components,
            (K::Info, "contact") => K::Contact,
            (K::Info, "license") => K::License,
            (K::PathItem, m) if METHODS.contains(&m) => K::Operation,
            (K::PathItem | K::Operation, "parameters") => K::Parameter,
            (K::Operation, "requestBody") => K::RequestBody,
            (K::Operation, "responses") => K::MapOf(&K::Response),
            (K::Parameter | K::Header, "schema") | (K::MediaType, "schema") => K::Schema,
            (K::Parameter | K::Header | K::RequestBody | K::Response, "content") => {
                K::MapOf(&K::MediaType)
            }
            (K::MediaType, "encoding") => K::MapOf(&K::Encoding),
            (K::Response | K::Encoding, "headers") => K::MapOf(&K::Header),
            (K::Schema, "properties") => K::MapOf(&K::Schema),
            (K::Schema, "items" | "additionalProperties" | "not") => K::Schema,
            (K::Schema, "allOf" | "oneOf" | "anyOf") => K::Schema,
            (K::Components, "schemas") => K::MapOf(&K::Schema),
            (K::Components, "responses") => K::MapOf(&K::Response),
            (K::Components, "parameters") => K::MapOf(&K::Parameter),
            (K::Components, "requestBodies") => K::MapOf(&K::RequestBody),
            (K::Components, "headers") => K::MapOf(&K::Header),
            (K::Components, "securitySchemes") => K::MapOf(&K::SecurityScheme),
            (K::SecurityScheme, "flows") => K::OAuthFlows,
            (K::OAuthFlows, _) => K::OAuthFlow,
            (K::MapOf(values), _) => *values,
            _ => K::Plain,
        }
    }
}

/// The document with every object's keys in the fixed order.
pub fn canonical(doc: &Value) -> Value {
    reorder(doc, Kind::Document)
}

/// The fragment's bytes: canonical order, 2-space indentation, a trailing newline.
pub fn to_bytes(doc: &Value) -> String {
    pretty(&canonical(doc))
}

/// The bytes of a document already in canonical order ([`canonical`]): 2-space indentation, a
/// trailing newline.
pub fn pretty(canonical: &Value) -> String {
    // serde_json writes integers from their exact i64/u64 digits (never through f64) and keeps
    // non-ASCII text as UTF-8, so the same value always gives the same bytes.
    let mut text =
        serde_json::to_string_pretty(canonical).expect("a serde_json::Value always serializes");
    text.push('\n');
    text
}

fn reorder(value: &Value, kind: Kind) -> Value {
    match value {
        Value::Array(items) => Value::Array(items.iter().map(|v| reorder(v, kind)).collect()),
        Value::Object(map) => Value::Object(reorder_object(map, kind)),
        other => other.clone(),
    }
}

fn reorder_object(map: &Map<String, Value>, kind: Kind) -> Map<String, Value> {
    let order = kind.order();
    let mut keys: Vec<&String> = map.keys().collect();
    keys.sort_by(|a, b| {
        let rank = |k: &str| order.iter().position(|o| *o == k).unwrap_or(order.len());
        rank(a).cmp(&rank(b)).then_with(|| a.cmp(b))
    });
    let mut out = Map::new();
    for key in keys {
        out.insert(key.clone(), reorder(&map[key], kind.child(key)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn keywords_follow_the_fragment_order_and_names_are_sorted() {
        let doc = json!({
            "components": {"schemas": {"B": {"description": "d", "type": "object",
                "properties": {"type": {"type": "integer"}, "about": {"type": "string"}}}},
                "securitySchemes": {}},
            "paths": {},
            "info": {"version": "2", "title": "t"},
            "openapi": "3.0.3"
        });
        let text = to_bytes(&doc);
        let order: Vec<&str> = [
            "\"openapi\"",
            "\"info\"",
            "\"title\"",
            "\"version\"",
            "\"paths\"",
            "\"components\"",
            "\"securitySchemes\"",
            "\"schemas\"",
            "\"type\": \"object\"",
            "\"description\"",
            "\"about\"",
            "\"type\": {",
        ]
        .to_vec();
        let mut at = 0;
        for needle in order {
            let found = text[at..]
                .find(needle)
                .unwrap_or_else(|| panic!("{needle} after {at}"));
            at += found;
        }
        assert!(text.ends_with("}\n"));
    }

    #[test]
    fn a_property_named_like_a_keyword_is_sorted_as_a_name() {
        let schema = json!({"properties": {"type": {}, "enum": {}, "about": {}}});
        let doc = json!({"components": {"schemas": {"S": schema}}});
        let out = canonical(&doc);
        let keys: Vec<&String> = out["components"]["schemas"]["S"]["properties"]
            .as_object()
            .unwrap()
            .keys()
            .collect();
        assert_eq!(keys, ["about", "enum", "type"]);
    }

    #[test]
    fn arrays_keep_their_order_and_integers_their_digits() {
        let doc: Value = serde_json::from_str(
            r#"{"components": {"schemas": {"S": {"enum": [576460752303423488, 0, 18014398509481984]}}}}"#,
        )
        .unwrap();
        let text = to_bytes(&doc);
        let compact: String = text.split_whitespace().collect();
        assert!(
            compact.contains("[576460752303423488,0,18014398509481984]"),
            "{text}"
        );
    }

    #[test]
    fn the_bytes_are_stable() {
        let doc = json!({"openapi": "3.0.3", "paths": {"/b": {}, "/a": {}}});
        assert_eq!(to_bytes(&doc), to_bytes(&canonical(&doc)));
        assert!(
            to_bytes(&doc).starts_with("{\n  \"openapi\": \"3.0.3\",\n  \"paths\": {\n    \"/a\"")
        );
    }
}
