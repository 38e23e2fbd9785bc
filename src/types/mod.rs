//! The validated types: one per rule the spec states in prose or as a list of values. Each
//! parses, never just validates: a value of the type passed its rule, and every conversion
//! (`FromStr`, `TryFrom`, `Deserialize`, the builder's setters, the JSON intake) goes through
//! the same check.

mod calling_code;
mod country_id;
mod email;
pub(crate) mod enum_type;
pub(crate) mod host_key;
mod login_type;
mod person_name;
pub(crate) mod pmi;
pub(crate) mod string_type;
mod text;
mod time_zone;
mod user_id;
mod user_type;
mod zoom_time_zones;

pub use calling_code::CallingCode;
pub use country_id::CountryId;
pub use email::Email;
pub use host_key::HostKey;
pub use login_type::LoginType;
pub use person_name::PersonName;
pub use pmi::Pmi;
pub use text::Text;
pub use time_zone::TimeZone;
pub use user_id::UserId;
pub use user_type::UserType;
