//! The validated types (layer 1): one per rule the spec states in prose or as a list of values,
//! on top of std and serde only. Each parses, never just validates: a value of the type passed
//! its rule, and every conversion (`FromStr`, `TryFrom`, `Deserialize`, and the body layer's
//! setters and JSON intake, through [`Scalar`]) goes through the same check. Beside them: the
//! [`Rule`] a value breaks, [`List`] (an array of at most `MAX` items), [`UnknownName`] (the
//! error of a setting parsed from its name) and [`Escaped`] (text shown on one line).

mod about_me;
mod calling_code;
mod country_id;
mod display_name;
pub(crate) mod email;
pub(crate) mod enum_type;
mod escaped;
pub(crate) mod host_key;
mod linkedin_url;
pub(crate) mod list;
pub(crate) mod person_name;
mod pmi;
mod rule;
mod scalar;
pub(crate) mod string_type;
pub(crate) mod text;
mod time_zone;
mod unknown_name;
mod user_id;
mod zoom_time_zones;

pub use about_me::AboutMe;
pub use calling_code::CallingCode;
pub use country_id::CountryId;
pub use display_name::DisplayName;
pub use email::Email;
pub use escaped::Escaped;
pub use host_key::HostKey;
pub use linkedin_url::LinkedinUrl;
pub use list::List;
pub use person_name::PersonName;
pub use pmi::Pmi;
pub use rule::Rule;
pub use scalar::{JsonType, Scalar, Wire};
pub use text::Text;
pub use time_zone::TimeZone;
pub use unknown_name::UnknownName;
pub(crate) use unknown_name::by_name;
pub use user_id::UserId;
