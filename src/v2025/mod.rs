//! Zoom's current edition of the operation: Zoom's User API spec of March 2025
//! (`openapi/user-update-2025.json`, made from Zoom's file by `cargo xtask spec-extract`), with
//! what Zoom's own SDK sends today. The crate root re-exports it: `zoom_user_update::UserUpdate`
//! is this module's.
//!
//! What differs from the reference page ([`v2021`]): `phone_numbers` (at most 3)
//! and `custom_attributes` (at most 5) are lists, user `type` 3 is gone and 4 is new,
//! `login_type` is an integer with twelve values, the query flag `remove_tsp_credentials` is
//! new, and so are `display_name`, `about_me`, `linkedin_url`, `pronouns`, `pronouns_option`,
//! `cost_center`, `feature`, `plan_united_type` and `zoom_one_type`; Zoom's SDK adds
//! `division_ids` and `license_info_list`.
//!
//! ```
//! use zoom_user_update::v2025::{LoginType, Query, UserUpdate};
//! use zoom_user_update::{Auth, Client, UserId};
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let client = Client::builder(Auth::bearer("token")).build()?;
//! let update = UserUpdate::builder().pronouns("she/her").build()?;
//! let request = client
//!     .update_user(&UserId::me(), &update)
//!     .query(Query::new().login_type(LoginType::Sso).remove_tsp_credentials(false))
//!     .dry_run()
//!     .await?;
//! assert!(request.url.ends_with("/users/me?login_type=101&remove_tsp_credentials=false"));
//! # Ok(())
//! # }
//! ```

crate::generated::generated_module!("user-update-2025");

mod body;
mod enums;

pub use body::{
    CustomAttribute, CustomAttributeBuilder, Feature, FeatureBuilder, LicenseInfo,
    LicenseInfoBuilder, PhoneNumber, PhoneNumberBuilder, Query, UserUpdate, UserUpdateBuilder,
};
pub use enums::{
    LicenseOption, LicenseType, LoginType, PhoneLabel, PlanUnitedType, PronounsOption, UserType,
    ZoomOneType,
};

/// A line of a bulk file of this edition.
pub type BulkLine = crate::body::bulk_line::BulkLineOf<UserUpdate>;

crate::body::update::edition! {
    edition "2025", body UserUpdate, builder UserUpdateBuilder, query Query,
    login_type LoginType, source body::SPEC;
    raw_query(query) -> (Option<raw::types::UserUpdateLoginType>, Option<bool>) {
        Ok((
            crate::body::object::raw_param(&query.login_type, "login_type")?,
            query.remove_tsp_credentials,
        ))
    }
    send(client, user_id, query, body) {
        let (login_type, remove_tsp_credentials) = query;
        client
            .user_update(user_id, login_type.as_ref(), *remove_tsp_credentials, body)
            .await
    }
}
