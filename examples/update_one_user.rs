//! Update one user with Server-to-Server OAuth, with a body of Zoom's current edition (the
//! crate root's `UserUpdate`).
//!
//! ```text
//! cargo run --example update_one_user -- jane@example.com Europe/Berlin
//! ```
//!
//! With `ZOOM_ACCOUNT_ID`, `ZOOM_CLIENT_ID` and `ZOOM_CLIENT_SECRET` set (or
//! `ZOOM_ACCESS_TOKEN`) it updates the user at Zoom; without them it starts the fake Zoom in this
//! process, with its own Server-to-Server credentials, so the example runs anywhere.

use zoom_user_update::mock::MockZoom;
use zoom_user_update::{Auth, Client, Error, PronounsOption, RateBudget, UserId, UserUpdate};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let user: UserId = args.next().as_deref().unwrap_or("me").parse()?;
    let timezone = args.next().unwrap_or_else(|| "Europe/Berlin".to_owned());

    let (auth, base_url, fake) = match Auth::from_env() {
        Ok(auth) => (auth, zoom_user_update::DEFAULT_BASE_URL.to_owned(), None),
        Err(_) => {
            let zoom = MockZoom::start().await;
            zoom.add_user("KDcuGIm1QgePTO8WbOqwIQ", user.as_str());
            println!(
                "no credentials in the environment: using the fake Zoom at {}",
                zoom.base_url()
            );
            (zoom.server_to_server_auth(), zoom.base_url(), Some(zoom))
        }
    };
    let client = Client::builder(auth)
        .base_url(base_url)
        .rate_budget(RateBudget::Pro)
        .build()?;

    // Every rule is checked here; nothing is sent when one breaks.
    let update = UserUpdate::builder()
        .timezone(timezone.as_str())
        .job_title("Engineer")
        .pronouns_option(PronounsOption::Always)
        .build()?;

    match client.update_user(&user, &update).await {
        Ok(updated) => println!(
            "updated {user}: http {}, {} requests left this second",
            updated.status,
            updated
                .rate_limit
                .remaining
                .map_or_else(|| "?".to_owned(), |n| n.to_string())
        ),
        Err(Error::Api { error: api, .. }) if api.is_user_not_found() => {
            println!("no such user: {user}")
        }
        Err(e) => return Err(e.into()),
    }
    if let Some(zoom) = fake {
        println!(
            "the fake Zoom's profile now: {}",
            zoom.user(user.as_str()).unwrap_or_default()
        );
    }
    Ok(())
}
