//! The validated types: one per rule the spec states in prose or as a list of values. Each
//! parses, never just validates: a value of the type passed its rule, and every conversion
//! (`FromStr`, `TryFrom`, `Deserialize`, the builder's setters, the JSON intake) goes through
//! the same check. Beside them, [`UnknownName`](crate::UnknownName), the error of a setting
//! parsed from its name.

mod about_me;
mod calling_code;
mod country_id;
mod display_name;
mod email;
pub(crate) mod enum_type;
pub(crate) mod host_key;
mod linkedin_url;
mod list;
mod login_type;
pub(crate) mod person_name;
pub(crate) mod pmi;
pub(crate) mod string_type;
pub(crate) mod text;
mod time_zone;
mod unknown_name;
mod user_id;
mod user_type;
pub(crate) mod v2025;
mod zoom_time_zones;

pub use about_me::AboutMe;
pub use calling_code::CallingCode;
pub use country_id::CountryId;
pub use display_name::DisplayName;
pub use email::Email;
pub use host_key::HostKey;
pub use linkedin_url::LinkedinUrl;
pub use list::List;
pub use login_type::LoginType;
pub use person_name::PersonName;
pub use pmi::Pmi;
pub use text::Text;
pub use time_zone::TimeZone;
pub use unknown_name::UnknownName;
pub use user_id::UserId;
pub use user_type::UserType;
