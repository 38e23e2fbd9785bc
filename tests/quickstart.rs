//! The quickstart of a program that uses this crate: what a new user writes in the first hour,
//! from the docs alone, with the crate root's edition (Zoom's current one). Each line compiles
//! and does what it says: build, send, read the answer and the getters, go back to a builder,
//! spawn a request, parse settings, and never see a host key printed.

use zoom_user_update::mock::MockZoom;
use zoom_user_update::{
    Client, HostKey, Policy, RateBudget, TimeZone, Update, UserId, UserUpdate, UserUpdateBuilder,
};

#[tokio::test]
async fn the_first_hour() -> zoom_user_update::Result<()> {
    let zoom = MockZoom::builder().rate_limit(80).start().await;
    zoom.add_user("KDcuGIm1QgePTO8WbOqwIQ", "jane@example.com");
    let client = Client::builder(zoom.bearer_auth())
        .base_url(zoom.base_url())
        .build()?;

    // An integer literal lands on i64.
    let u = UserUpdate::builder()
        .pmi(2468135790)
        .timezone("Asia/Tokyo")
        .build()?;
    // A parse error converts into this crate's Error.
    let updated = client.update_user(&"jane@example.com".parse()?, &u).await?;
    assert_eq!(updated.status, 204);
    // The answer says how much of the budget is left.
    assert_eq!(updated.rate_limit.limit, Some(80));
    assert_eq!(updated.rate_limit.remaining, Some(79));
    assert_eq!(updated.rate_limit.category.as_deref(), Some("Light"));

    // The crate root is Zoom's current edition.
    assert_eq!(u.edition_name(), "2025");
    assert_eq!(
        u.edition_name(),
        zoom_user_update::Edition::default().name()
    );

    // Getters return the validated types.
    let tz: Option<&TimeZone> = u.timezone();
    assert_eq!(tz.map(TimeZone::as_str), Some("Asia/Tokyo"));
    assert_eq!(u.pmi().map(|p| p.get()), Some(2468135790));
    assert_eq!(u.dept(), None);

    // Back to a builder, and on.
    let v = u.clone().into_builder().dept("Sales").build()?;
    assert_eq!(v.dept().map(|d| d.as_str()), Some("Sales"));
    assert_eq!(v.pmi(), u.pmi());

    // A request owns what it needs: it can be spawned.
    let id = UserId::me();
    let task = tokio::spawn(client.update_user(&id, &v).send());
    drop(v);
    task.await.expect("the task ran")?;
    assert_eq!(zoom.user("me").unwrap()["dept"], "Sales");

    // Settings parse from their names.
    let p: Policy = "strict".parse()?;
    assert_eq!(p, Policy::Strict);
    let b: RateBudget = "pro".parse()?;
    assert_eq!(b.per_second(), 30);
    assert!("platinum".parse::<RateBudget>().is_err());
    Ok(())
}

#[test]
fn a_policy_is_kept_through_into_builder() {
    let strict = UserUpdate::builder()
        .policy(Policy::Strict)
        .pmi(2468135790)
        .build()
        .unwrap();
    let errors = strict.into_builder().pmi(1234567890).build().unwrap_err();
    assert_eq!(errors.violations()[0].rule().code(), "pmi_first_digit");
}

/// Every public type that can hold a host key shows it as `<redacted>`.
#[tokio::test]
async fn no_type_that_holds_a_host_key_prints_it() {
    const KEY: &str = "48213579";
    let builder: UserUpdateBuilder = UserUpdate::builder().host_key(KEY).dept("x");
    let update = builder.clone().build().unwrap();
    let key: HostKey = KEY.parse().unwrap();
    let zoom = MockZoom::start().await;
    let client = Client::builder(zoom.bearer_auth())
        .base_url(zoom.base_url())
        .build()
        .unwrap();
    let request = client.update_user(&UserId::me(), &update);
    let request_debug = format!("{request:?}");
    let prepared = request.dry_run().await.unwrap();
    client.update_user(&UserId::me(), &update).await.unwrap();
    let recorded = zoom.api_requests().remove(0);
    let line = zoom_user_update::BulkLine::parse(
        br#"{"user_id": "me", "body": {"host_key": "48213579"}}"#,
        Policy::Spec,
    )
    .unwrap();
    let shown = [
        format!("{update:?}"),
        format!("{update:#?}"),
        format!("{builder:?}"),
        format!("{key:?}"),
        request_debug,
        format!("{prepared}"),
        format!("{prepared:?}"),
        serde_json::to_string(&prepared).unwrap(),
        format!("{recorded}"),
        format!("{recorded:?}"),
        format!("{line:?}"),
        format!("{:?}", update.warnings()),
    ];
    for text in &shown {
        assert!(!text.contains(KEY), "host key shown: {text}");
    }
    assert!(shown[0].contains("HostKey(<redacted>)"), "{}", shown[0]);
    assert!(
        shown[5].contains(r#""host_key": "<redacted>""#),
        "{}",
        shown[5]
    );
    // What is sent is the key itself.
    assert_eq!(recorded.json().unwrap()["host_key"], KEY);
}
