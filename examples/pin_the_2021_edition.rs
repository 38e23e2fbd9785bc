//! Pin the edition of Zoom's reference page (2021) instead of Zoom's current one: a program
//! written against the reference page's shapes (`phone_numbers` and `custom_attributes` as one
//! object each, user type 3 On-prem, `login_type` as a string) names `zoom_user_update::v2021`,
//! and the same `Client` sends it.
//!
//! ```text
//! cargo run --example pin_the_2021_edition -- jane@example.com
//! ```
//!
//! With `ZOOM_ACCESS_TOKEN` (or Server-to-Server credentials) set it updates the user at Zoom;
//! without them it sends to the fake Zoom in this process. Either way it prints the exact request
//! first (a dry run, token redacted).

use zoom_user_update::mock::MockZoom;
use zoom_user_update::v2021::{LoginType, PhoneNumbers, UserType, UserUpdate};
use zoom_user_update::{Auth, Client, Update, UserId};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let user: UserId = std::env::args().nth(1).as_deref().unwrap_or("me").parse()?;

    // The reference page's shapes: one phone object, user type 3 (gone from Zoom's current edition).
    let update = UserUpdate::builder()
        .user_type(UserType::OnPrem)
        .phone_numbers(
            PhoneNumbers::builder()
                .number("5550100")
                .code("+49")
                .country("DE"),
        )
        .build()?;
    assert_eq!(update.edition_name(), "2021");

    let (auth, base_url, fake) = match Auth::from_env() {
        Ok(auth) => (auth, zoom_user_update::DEFAULT_BASE_URL.to_owned(), None),
        Err(_) => {
            let zoom = MockZoom::start().await;
            zoom.add_user("KDcuGIm1QgePTO8WbOqwIQ", user.as_str());
            (zoom.bearer_auth(), zoom.base_url(), Some(zoom))
        }
    };
    let client = Client::builder(auth).base_url(base_url).build()?;

    // `login_type` of this edition: the reference page's string values.
    let request = || {
        client
            .update_user(&user, &update)
            .login_type(LoginType::Sso)
    };
    println!("{}\n", request().dry_run().await?);
    let updated = request().await?;
    println!("updated {user}: http {}", updated.status);
    if let Some(zoom) = fake {
        println!(
            "the fake Zoom's profile now: {}",
            zoom.user(user.as_str()).unwrap_or_default()
        );
    }
    Ok(())
}
