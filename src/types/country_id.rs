//! `CountryId`: `phone_country` and `phone_numbers.country`.

use crate::types::Rule;
use crate::types::string_type::string_type;

/// A Zoom country ID: an ISO 3166-1 alpha-2 code, upper case, one of the 249 assigned codes
/// (`BR`, `US`, …).
///
/// ```
/// use zoom_user_update::CountryId;
///
/// assert_eq!("BR".parse::<CountryId>()?.as_str(), "BR");
/// assert!("br".parse::<CountryId>().is_err());
/// assert!("XX".parse::<CountryId>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CountryId([u8; 2]);

/// The officially assigned ISO 3166-1 alpha-2 codes, sorted (checked by a test).
///
/// A list, not a crate: the 249 codes have not changed since 2011, and of the crates that carry
/// them, the maintained ones either differ from this list (`celes` adds `XK` and accepts lower
/// case; `iso3166-static` accepts the user-assigned `XA`–`XZ`) or add a perfect-hash dependency
/// and seconds of compile time to the same 249 codes (`rust_iso3166`).
const CODES: [&str; 249] = [
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ",
    "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS",
    "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN",
    "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE",
    "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF",
    "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM",
    "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM",
    "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC",
    "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK",
    "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
    "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG",
    "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW",
    "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS",
    "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO",
    "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
    "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
];

impl CountryId {
    /// Parses a country ID.
    ///
    /// # Errors
    ///
    /// [`Rule::UnknownCountry`] unless the text is an assigned code in upper case.
    pub fn parse(s: &str) -> Result<Self, Rule> {
        match s.as_bytes() {
            &[a, b] if CODES.binary_search(&s).is_ok() => Ok(Self([a, b])),
            _ => Err(Rule::UnknownCountry),
        }
    }

    /// The code.
    #[must_use]
    pub fn as_str(&self) -> &str {
        // Both bytes are ASCII upper-case letters (checked by `parse`).
        std::str::from_utf8(&self.0).unwrap_or("??")
    }

    /// Every assigned code, sorted.
    #[must_use]
    pub fn all() -> &'static [&'static str] {
        &CODES
    }
}

string_type!(CountryId, parsed, rule "ISO 3166-1 alpha-2 country code");
