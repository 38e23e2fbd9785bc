//! `TimeZone`: an ID of Zoom's timezone list or of the IANA database.

use std::collections::HashMap;
use std::sync::LazyLock;

use chrono_tz::Tz;
use rustc_hash::FxBuildHasher;

use crate::types::Rule;
use crate::types::string_type::string_type;
use crate::types::zoom_time_zones::ZOOM_TIME_ZONES;

/// A time zone ID for a user profile.
///
/// Accepted: every ID of Zoom's timezone list (135 IDs, among them old IANA aliases such as
/// `Asia/Calcutta` and one ID that is not in the IANA database, `SST`) and every IANA ID that
/// chrono-tz knows, spelled exactly (IDs are case-sensitive: `asia/tokyo` is refused).
///
/// ```
/// use zoom_user_update::TimeZone;
///
/// let tokyo: TimeZone = "Asia/Tokyo".parse()?;
/// assert_eq!(tokyo.tz(), Some(chrono_tz::Tz::Asia__Tokyo));
/// assert_eq!(tokyo.zoom_name(), Some("Osaka, Sapporo, Tokyo"));
///
/// let sst: TimeZone = "SST".parse()?; // on Zoom's list, not in the IANA database
/// assert_eq!(sst.tz(), None);
/// assert!("asia/tokyo".parse::<TimeZone>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TimeZone(Repr);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Repr {
    Iana(Tz),
    /// Index into Zoom's list, for its IDs that chrono-tz does not know.
    ZoomOnly(u8),
}

impl TimeZone {
    /// Parses a time zone ID.
    ///
    /// # Errors
    ///
    /// [`Rule::UnknownTimeZone`] when the ID is on neither list.
    pub fn parse(s: &str) -> Result<Self, Rule> {
        KNOWN.get(s).copied().map(Self).ok_or(Rule::UnknownTimeZone)
    }

    /// The ID as sent to Zoom.
    #[must_use]
    pub fn as_str(&self) -> &'static str {
        match self.0 {
            Repr::Iana(tz) => tz.name(),
            Repr::ZoomOnly(i) => ZOOM_TIME_ZONES[usize::from(i)].0,
        }
    }

    /// The chrono-tz time zone, where the ID is an IANA one.
    #[must_use]
    pub fn tz(&self) -> Option<Tz> {
        match self.0 {
            Repr::Iana(tz) => Some(tz),
            Repr::ZoomOnly(_) => None,
        }
    }

    /// Zoom's display name, where the ID is on Zoom's timezone list.
    #[must_use]
    pub fn zoom_name(&self) -> Option<&'static str> {
        let id = self.as_str();
        ZOOM_TIME_ZONES
            .iter()
            .find(|(z, _)| *z == id)
            .map(|(_, name)| *name)
    }

    /// Whether the ID is on Zoom's timezone list.
    #[must_use]
    pub fn is_on_zoom_list(&self) -> bool {
        self.zoom_name().is_some()
    }

    /// Every ID of Zoom's timezone list with its display name, in Zoom's order.
    pub fn zoom_list() -> impl Iterator<Item = (&'static str, &'static str)> {
        ZOOM_TIME_ZONES.iter().copied()
    }
}

/// Every accepted ID, built once: chrono-tz's IANA IDs, then Zoom's IDs that chrono-tz does not
/// know, in a map with the Fx hash (cheaper than SipHash for short keys; the map is fixed, so no
/// input can degrade it). A test checks that it agrees with chrono-tz's
/// `FromStr` on every IANA ID.
static KNOWN: LazyLock<HashMap<&'static str, Repr, FxBuildHasher>> = LazyLock::new(|| {
    let mut known: HashMap<&'static str, Repr, FxBuildHasher> = chrono_tz::TZ_VARIANTS
        .iter()
        .map(|tz| (tz.name(), Repr::Iana(*tz)))
        .collect();
    for (i, (id, _)) in ZOOM_TIME_ZONES.iter().enumerate() {
        if let Ok(i) = u8::try_from(i) {
            known.entry(id).or_insert(Repr::ZoomOnly(i));
        }
    }
    known
});

impl From<Tz> for TimeZone {
    fn from(tz: Tz) -> Self {
        Self(Repr::Iana(tz))
    }
}

string_type!(TimeZone, parsed, rule "an ID of Zoom's timezone list or of the IANA database (exact spelling)");
