//! Zoom's current surface of the operation (the User API spec of 2025): opt-in, beside the
//! reference page's surface at the crate's root.
//!
//! What differs from the reference page: `phone_numbers` (at most 3) and `custom_attributes` (at
//! most 5) are lists, user `type` 3 is gone and 4 is new, `login_type` is an integer with twelve
//! values, the query flag `remove_tsp_credentials` is new, and so are `display_name`, `about_me`,
//! `linkedin_url`, `pronouns`, `pronouns_option`, `cost_center`, `feature`, `plan_united_type`
//! and `zoom_one_type`. The same [`Client`](crate::Client) sends either surface.
//!
//! ```
//! use zoom_user_update::v2025::{LoginType, UserUpdate};
//! use zoom_user_update::{Auth, Client, UserId};
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let client = Client::builder(Auth::bearer("token")).build()?;
//! let update = UserUpdate::builder().pronouns("she/her").build()?;
//! let request = client
//!     .update_user(&UserId::me(), &update)
//!     .login_type(LoginType::Sso)
//!     .remove_tsp_credentials(false)
//!     .dry_run()
//!     .await?;
//! assert!(request.url.ends_with("/users/me?login_type=101&remove_tsp_credentials=false"));
//! # Ok(())
//! # }
//! ```

pub use crate::body::bulk_line::BulkLine2025 as BulkLine;
pub use crate::body::update_2025::{
    CustomAttribute, CustomAttributeBuilder, Feature, FeatureBuilder, PhoneNumber,
    PhoneNumberBuilder, UserUpdate, UserUpdateBuilder,
};
pub use crate::types::v2025::{
    LoginType, PhoneLabel, PlanUnitedType, PronounsOption, UserType, ZoomOneType,
};
pub use crate::types::{AboutMe, DisplayName, LinkedinUrl};
