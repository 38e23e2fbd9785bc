//! How a program that uses this crate pins its own requests with snapshot tests (insta), against
//! the fake Zoom: `cargo test --example snapshot_your_requests`.
//!
//! A dry run builds the exact request and sends nothing; its `Display` is a stable text form
//! (sorted headers, `authorization: <redacted>`, pretty JSON body), so a snapshot of it changes
//! only when the request does. The fake Zoom's recorded requests render the same way.

use zoom_user_update::{Client, UserId, UserUpdate};

/// The update your program sends (here: moving a user to Berlin).
pub fn relocation(timezone: &str) -> Result<UserUpdate, zoom_user_update::ValidationErrors> {
    UserUpdate::builder()
        .timezone(timezone)
        .location("Berlin")
        .build()
}

/// Sends it.
pub async fn relocate(client: &Client, user: &UserId) -> zoom_user_update::Result<()> {
    client
        .update_user(user, &relocation("Europe/Berlin")?)
        .await?;
    Ok(())
}

fn main() {
    println!("run the tests: cargo test --example snapshot_your_requests");
}

#[cfg(test)]
mod tests {
    use super::*;
    use zoom_user_update::Auth;
    use zoom_user_update::mock::MockZoom;

    #[tokio::test]
    async fn the_relocation_request_is_pinned() -> Result<(), Box<dyn std::error::Error>> {
        let client = Client::builder(Auth::bearer("token")).build()?;
        let user: UserId = "jane@example.com".parse()?;
        let request = client
            .update_user(&user, &relocation("Europe/Berlin")?)
            .dry_run()
            .await?;
        insta::assert_snapshot!(request);
        Ok(())
    }

    #[tokio::test]
    async fn what_the_fake_zoom_received_is_pinned() -> Result<(), Box<dyn std::error::Error>> {
        let zoom = MockZoom::start().await;
        zoom.add_user("KDcuGIm1QgePTO8WbOqwIQ", "jane@example.com");
        let client = Client::builder(zoom.bearer_auth())
            .base_url(zoom.base_url())
            .build()?;
        relocate(&client, &"jane@example.com".parse()?).await?;
        let received = zoom.api_requests();
        assert_eq!(received.len(), 1);
        insta::assert_snapshot!(received[0]);
        assert_eq!(zoom.user("jane@example.com").unwrap()["location"], "Berlin");
        Ok(())
    }
}
