//! Every newtype parser on any text (and the PMI rules on any integer): never a panic, and
//! what parses prints back to the same text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zoom_user_update::v2025::{LicenseOption, ZoomOneType};
use zoom_user_update::{
    CallingCode, CountryId, Edition, Email, HostKey, PersonName, Pmi, TimeZone, UserId, v2021, v2025,
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
        let _ = v2021::UserType::try_from(n);
        let _ = v2025::UserType::try_from(n);
        let _ = v2025::LoginType::try_from(n);
        let _ = ZoomOneType::try_from(n);
        let _ = LicenseOption::try_from(n);
    }
    let Ok(s) = std::str::from_utf8(data) else { return };
    round_trip::<Pmi>(s);
    round_trip::<TimeZone>(s);
    round_trip::<v2021::LoginType>(s);
    round_trip::<v2021::UserType>(s);
    round_trip::<v2025::LoginType>(s);
    round_trip::<v2025::UserType>(s);
    round_trip::<ZoomOneType>(s);
    round_trip::<LicenseOption>(s);
    round_trip::<PersonName>(s);
    round_trip::<CountryId>(s);
    round_trip::<CallingCode>(s);
    round_trip::<Email>(s);
    round_trip::<UserId>(s);
    let _ = v2021::LoginType::from_name(s);
    let _ = v2025::LoginType::from_name(s);
    let _ = LicenseOption::from_name(s);
    // An edition's name: what parses prints back as its year.
    if let Ok(edition) = s.parse::<Edition>() {
        assert_eq!(edition.name(), s.trim().trim_start_matches(['v', 'V']));
    }
    // A host key has no `Display` (a credential is never printed): it reads back through `as_str`.
    if let Ok(key) = s.parse::<HostKey>() {
        assert_eq!(key.as_str(), s);
        let _ = key.is_trivial();
    }
});
