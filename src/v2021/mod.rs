//! Zoom's reference page for the operation (the seed of this crate):
//! exactly what the page defines, with Zoom's 2021 Swagger spec where the page is silent
//! (`openapi/user-update.json`).
//!
//! Pin this edition with `zoom_user_update::v2021::UserUpdate` (the crate root follows Zoom's
//! current edition, [`v2025`]); the same [`Client`] sends either.
//! What differs from the current edition: `phone_numbers` and `custom_attributes` are single
//! objects, user `type` 3 (On-prem) exists and 4 does not, `login_type` is a string with five
//! values, and none of the fields Zoom added since exist.
//!
//! ```
//! use zoom_user_update::v2021::{LoginType, PhoneNumbers, UserUpdate};
//! use zoom_user_update::{Auth, Client, UserId};
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let client = Client::builder(Auth::bearer("token")).build()?;
//! let update = UserUpdate::builder()
//!     .phone_numbers(PhoneNumbers::builder().number("5550100").code("+1").country("US"))
//!     .build()?;
//! let request = client
//!     .update_user(&UserId::me(), &update)
//!     .login_type(LoginType::Sso)
//!     .dry_run()
//!     .await?;
//! assert!(request.url.ends_with("/users/me?login_type=101"));
//! # Ok(())
//! # }
//! ```

crate::generated::generated_module!("user-update");

mod body;
mod enums;

pub use body::{
    CustomAttributes, CustomAttributesBuilder, PhoneNumbers, PhoneNumbersBuilder, Query,
    UserUpdate, UserUpdateBuilder,
};
pub use enums::{LoginType, UserType};

/// A line of a bulk file of this edition.
pub type BulkLine = crate::body::bulk_line::BulkLineOf<UserUpdate>;

crate::body::update::edition! {
    edition "2021", body UserUpdate, builder UserUpdateBuilder, query Query,
    login_type LoginType, source body::SEED;
    raw_query(query) -> Option<raw::types::UserUpdateLoginType> {
        crate::body::object::raw_param(&query.login_type, "login_type")
    }
    send(client, user_id, login_type, body) {
        client.user_update(user_id, *login_type, body).await
    }
}
