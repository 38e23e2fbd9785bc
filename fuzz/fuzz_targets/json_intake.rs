//! Any bytes as a JSON body of each edition: never a panic; a body that is accepted survives
//! serialize → intake unchanged, under both policies.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zoom_user_update::{Policy, Update, v2021, v2025};

fn round_trip<U: Update>(data: &[u8]) {
    for policy in [Policy::Spec, Policy::Strict] {
        if let Ok(update) = U::from_json(data, policy) {
            let text = serde_json::to_vec(&update).expect("a valid update serializes");
            let again = U::from_json(&text, policy).expect("a serialized update is valid");
            assert_eq!(again, update);
        }
    }
}

fuzz_target!(|data: &[u8]| {
    round_trip::<v2021::UserUpdate>(data);
    round_trip::<v2025::UserUpdate>(data);
});
