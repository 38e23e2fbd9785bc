//! Applying the reviewed OpenAPI Overlay 1.0 document kept beside the fragment.
//!
//! The overlay is JSON (no YAML parser in the build, and integers such as `zoom_one_type`'s
//! 576460752303423488 stay exact in `serde_json::Value`). `roas-overlay` parses, validates and
//! applies it: RFC 9535 JSONPath targets (through `serde_json_path`), `update` merged per the
//! Overlay spec's rules (objects recursively, arrays appended, anything else replaced), `remove`.
//! A target that selects nothing is an error here, not a silent no-op: when Zoom renames or drops
//! what an action patches, the run stops and says which action.

use roas_overlay::apply::{ActionOutcome, Apply, ApplyOptions};
use roas_overlay::v1_0::Overlay;
use roas_overlay::validation::Validate;
use serde_json::Value;

use super::{Result, fail};

/// Parses, validates and applies the overlay `text` (named `name`) to `doc`; one line per action
/// (what it did, how many nodes it touched, the first line of its description).
pub fn apply(name: &str, text: &str, doc: &mut Value) -> Result<Vec<String>> {
    let overlay: Overlay = serde_json::from_str(text).map_err(|e| {
        format!("{name}: not an Overlay 1.0 document in JSON (YAML is not read here): {e}")
    })?;
    if let Err(e) = overlay.validate(Default::default()) {
        let e = e.to_string();
        return fail(format!("{name}: invalid overlay: {}", e.trim_end()));
    }
    let report = overlay.apply(doc, ApplyOptions::ErrorOnZeroMatch.into());
    let report = report.map_err(|e| format!("{name}: {e}"))?;
    let line = |a: &ActionOutcome| {
        let description = overlay.actions[a.index].description.as_deref();
        let what = description.unwrap_or_default().lines().next();
        let (operation, target, n) = (&a.operation, &a.target, a.matched);
        let what = what.unwrap_or_default();
        format!("{operation} {target} ({n} node): {what}")
    };
    Ok(report.actions.iter().map(line).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const OVERLAY: &str = r#"{
        "overlay": "1.0.0",
        "info": {"title": "t", "version": "1"},
        "actions": [
            {"target": "$.components.schemas.B.properties.z", "description": "restore", "update": {"enum": [0, 576460752303423488]}},
            {"target": "$.paths['/u'].patch.parameters[?@.name == 'q'].schema", "update": {"enum": [1, 2]}},
            {"target": "$.paths['/u'].patch.responses", "update": {"400": {"description": "Bad"}}},
            {"target": "$.paths['/u'].patch.responses.default", "remove": true}
        ]
    }"#;

    #[test]
    fn applies_updates_and_removals_with_exact_integers() {
        let mut doc = json!({
            "paths": {"/u": {"patch": {
                "parameters": [{"name": "q", "in": "query", "schema": {"type": "integer"}}],
                "responses": {"204": {"description": "ok"}, "default": {"description": "x"}}
            }}},
            "components": {"schemas": {"B": {"properties": {"z": {"type": "integer"}}}}}
        });
        let lines = apply("o.json", OVERLAY, &mut doc).unwrap();
        assert_eq!(lines.len(), 4);
        assert!(
            lines[0].starts_with("update $.components.schemas.B.properties.z (1 node): restore")
        );
        let z = &doc["components"]["schemas"]["B"]["properties"]["z"]["enum"];
        assert_eq!(z[1].as_u64(), Some(576_460_752_303_423_488));
        assert_eq!(z.to_string(), "[0,576460752303423488]");
        assert_eq!(
            doc["paths"]["/u"]["patch"]["parameters"][0]["schema"]["enum"],
            json!([1, 2])
        );
        let responses = doc["paths"]["/u"]["patch"]["responses"]
            .as_object()
            .unwrap();
        assert_eq!(responses.keys().collect::<Vec<_>>(), ["204", "400"]);
    }

    #[test]
    fn a_target_that_matches_nothing_stops_the_run() {
        let err = apply("o.json", OVERLAY, &mut json!({"paths": {}}))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("actions[0]") && err.contains("zero nodes"),
            "{err}"
        );
    }

    #[test]
    fn refuses_malformed_overlays_and_yaml() {
        let doc = &mut json!({});
        let v2 = r#"{"overlay": "2.0.0", "info": {"title": "t", "version": "1"}, "actions": []}"#;
        assert!(apply("o.json", v2, doc).is_err());
        let empty =
            r#"{"overlay": "1.0.0", "info": {"title": "t", "version": "1"}, "actions": []}"#;
        assert!(apply("o.json", empty, doc).is_err());
        assert!(
            apply("o.yaml", "overlay: 1.0.0", doc)
                .unwrap_err()
                .to_string()
                .contains("JSON")
        );
    }
}
