//! Every newtype parser on any text (and the PMI rules on any integer): never a panic, and
//! what parses prints back to the same text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zoom_user_update::{
    CallingCode, CountryId, Email, HostKey, LoginType, PersonName, Pmi, TimeZone, UserId, UserType,
};

fn round_trip<T: std::str::FromStr + std::fmt::Display>(s: &str) {
    if let Ok(v) = s.parse::<T>() {
        assert_eq!(v.to_string(), s);
    }
}

fuzz_target!(|data: &[u8]| {
    if data.len() >= 8 {
        let n = i64::from_le_bytes(data[..8].try_into().unwrap());
        if let Ok(pmi) = Pmi::new(n) {
            let _ = pmi.strict_violations();
        }
        let _ = UserType::try_from(n);
    }
    let Ok(s) = std::str::from_utf8(data) else { return };
    round_trip::<Pmi>(s);
    round_trip::<TimeZone>(s);
    round_trip::<LoginType>(s);
    round_trip::<UserType>(s);
    round_trip::<PersonName>(s);
    round_trip::<CountryId>(s);
    round_trip::<CallingCode>(s);
    round_trip::<Email>(s);
    round_trip::<UserId>(s);
    let _ = LoginType::from_name(s);
    // A host key has no `Display` (a credential is never printed): it reads back through `as_str`.
    if let Ok(key) = s.parse::<HostKey>() {
        assert_eq!(key.as_str(), s);
        let _ = key.is_trivial();
    }
});
