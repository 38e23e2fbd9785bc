//! Any bytes as a JSON body: never a panic; a body that is accepted survives
//! serialize → intake unchanged, under both policies.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zoom_user_update::{Policy, UserUpdate};

fuzz_target!(|data: &[u8]| {
    for policy in [Policy::Spec, Policy::Strict] {
        if let Ok(update) = UserUpdate::from_json(data, policy) {
            let text = serde_json::to_vec(&update).expect("a valid update serializes");
            let again = UserUpdate::from_json(&text, policy).expect("a serialized update is valid");
            assert_eq!(again, update);
        }
    }
});
