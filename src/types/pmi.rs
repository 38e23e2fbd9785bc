//! `Pmi`: the Personal Meeting ID.

use std::fmt;

use crate::types::Rule;

/// A Personal Meeting ID: an integer of exactly 10 digits (`1000000000..=9999999999`).
///
/// The spec says "length must be 10"; Zoom's 2021 spec puts `minLength`/`maxLength` on the
/// integer, where they mean nothing, so the rule is enforced here.
///
/// ```
/// use zoom_user_update::Pmi;
///
/// let pmi = Pmi::new(2_345_678_901)?;
/// assert_eq!(pmi.get(), 2_345_678_901);
/// assert!(Pmi::new(123_456_789).is_err());
/// assert_eq!("2345678901".parse::<Pmi>()?, pmi);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Pmi(i64);

/// Prefixes Zoom's support pages refuse for a PMI (toll-free and premium numbers).
pub(crate) const TOLL_FREE_PREFIXES: [&str; 21] = [
    "800", "400", "888", "887", "877", "866", "855", "850", "803", "804", "807", "808", "809",
    "660", "508", "900", "200", "300", "500", "600", "700",
];

impl Pmi {
    /// The smallest 10-digit integer.
    pub const MIN: i64 = 1_000_000_000;
    /// The largest 10-digit integer.
    pub const MAX: i64 = 9_999_999_999;

    /// A PMI from an integer.
    ///
    /// # Errors
    ///
    /// [`Rule::PmiNotTenDigits`] unless `MIN <= value <= MAX`.
    pub fn new(value: i64) -> Result<Self, Rule> {
        if (Self::MIN..=Self::MAX).contains(&value) {
            Ok(Self(value))
        } else {
            Err(Rule::PmiNotTenDigits)
        }
    }

    /// The PMI as an integer.
    #[must_use]
    pub fn get(self) -> i64 {
        self.0
    }

    /// The rules of Zoom's support pages this PMI breaks (empty when none): first digit 2–9, no
    /// toll-free prefix, no digit 5 times in a row, no three-digit group three times in a row,
    /// no 9 sequential digits, no three groups of three equal digits.
    #[must_use]
    pub fn strict_violations(self) -> Vec<Rule> {
        let mut digits = [0u8; 10];
        let mut n = self.0;
        for d in digits.iter_mut().rev() {
            *d = (n % 10) as u8;
            n /= 10;
        }
        let text: [u8; 10] = digits.map(|d| b'0' + d);
        let mut rules = Vec::new();
        if digits[0] < 2 {
            rules.push(Rule::PmiFirstDigit);
        }
        if let Some(prefix) = TOLL_FREE_PREFIXES
            .iter()
            .find(|p| text.starts_with(p.as_bytes()))
        {
            rules.push(Rule::PmiTollFreePrefix { prefix });
        }
        if digits.windows(5).any(|w| w.iter().all(|&d| d == w[0])) {
            rules.push(Rule::PmiRepeatedDigit);
        }
        // The nine-digit windows: positions 0..9 (`247247247x`) and 1..10 (`x247247247`).
        let nines = [&digits[..9], &digits[1..]];
        if nines.iter().any(|w| w[..3] == w[3..6] && w[3..6] == w[6..]) {
            rules.push(Rule::PmiRepeatedGroup);
        }
        let sequential = |w: &[u8], step: u8| w.windows(2).all(|p| (p[0] + step) % 10 == p[1]);
        if nines.iter().any(|w| sequential(w, 1) || sequential(w, 9)) {
            rules.push(Rule::PmiSequential);
        }
        let triple = |g: &[u8]| g[0] == g[1] && g[1] == g[2];
        if nines
            .iter()
            .any(|w| triple(&w[..3]) && triple(&w[3..6]) && triple(&w[6..]))
        {
            rules.push(Rule::PmiTripleGroups);
        }
        rules
    }
}

impl TryFrom<i64> for Pmi {
    type Error = Rule;
    fn try_from(value: i64) -> Result<Self, Rule> {
        Self::new(value)
    }
}

impl TryFrom<u64> for Pmi {
    type Error = Rule;
    fn try_from(value: u64) -> Result<Self, Rule> {
        i64::try_from(value)
            .map_err(|_| Rule::PmiNotTenDigits)
            .and_then(Self::new)
    }
}

impl From<Pmi> for i64 {
    fn from(pmi: Pmi) -> i64 {
        pmi.0
    }
}

/// Parses exactly 10 ASCII digits, the first not `0` (no sign, spaces or other digits).
impl std::str::FromStr for Pmi {
    type Err = Rule;
    fn from_str(s: &str) -> Result<Self, Rule> {
        let b = s.as_bytes();
        if b.len() != 10 || !b.iter().all(u8::is_ascii_digit) || b[0] == b'0' {
            return Err(Rule::PmiNotTenDigits);
        }
        s.parse::<i64>()
            .map_err(|_| Rule::PmiNotTenDigits)
            .and_then(Self::new)
    }
}

impl TryFrom<&str> for Pmi {
    type Error = Rule;
    fn try_from(s: &str) -> Result<Self, Rule> {
        s.parse()
    }
}

impl fmt::Display for Pmi {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl serde::Serialize for Pmi {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_i64(self.0)
    }
}

impl crate::types::Scalar for Pmi {
    type Wire = i64;
    fn rule() -> std::borrow::Cow<'static, str> {
        "exactly 10 digits".into()
    }
    fn from_wire(wire: i64) -> Result<Self, Rule> {
        Self::new(wire)
    }
    fn to_wire(&self) -> i64 {
        self.0
    }
    fn out_of_range() -> Rule {
        Rule::PmiNotTenDigits
    }
}

/// Reads a JSON integer (the spec's type) through [`Pmi::new`].
impl<'de> serde::Deserialize<'de> for Pmi {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = i64::deserialize(deserializer)?;
        Self::new(value).map_err(serde::de::Error::custom)
    }
}
