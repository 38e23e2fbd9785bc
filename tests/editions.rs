//! The editions side by side: `Edition` parsed from its name, each body naming its edition, an
//! `AnyUpdate` of an edition chosen at run time read and sent through the same `Client` (no
//! `match` in the caller), and a query of one edition with a body of the other refused.

use serde_json::json;
use zoom_user_update::mock::MockZoom;
use zoom_user_update::{
    AnyLoginType, AnyQuery, AnyUpdate, Client, Edition, Policy, Rule, Update, UserId, v2021, v2025,
};

#[test]
fn an_edition_parses_from_its_year_or_its_module() {
    for (text, edition) in [
        ("2021", Edition::V2021),
        ("2025", Edition::V2025),
        ("v2021", Edition::V2021),
        ("v2025", Edition::V2025),
        ("V2025", Edition::V2025),
        (" 2021 ", Edition::V2021),
        ("\tv2025\n", Edition::V2025),
    ] {
        assert_eq!(text.parse::<Edition>(), Ok(edition), "{text:?}");
    }
    for bad in ["2024", "", "v", "20 21", "v 2025", "2025.0", "vv2025"] {
        let error = bad.parse::<Edition>().unwrap_err();
        assert_eq!((error.what(), error.given()), ("edition", bad), "{bad:?}");
    }
    assert_eq!(Edition::default(), Edition::V2025, "Zoom's current edition");
    assert_eq!(Edition::ALL, [Edition::V2021, Edition::V2025]);
    for &edition in Edition::ALL {
        assert_eq!(edition.to_string(), edition.name());
        assert_eq!(edition.module(), format!("v{}", edition.name()));
        assert_eq!(edition.name().parse::<Edition>(), Ok(edition));
        assert_eq!(edition.module().parse::<Edition>(), Ok(edition));
    }
    // A configuration file names it too.
    let read: Edition = serde_json::from_value(json!("v2021")).unwrap();
    assert_eq!(read, Edition::V2021);
}

#[test]
fn each_body_names_its_edition_and_its_rules() {
    let old = v2021::UserUpdate::builder().dept("x").build().unwrap();
    let new = v2025::UserUpdate::builder().dept("x").build().unwrap();
    assert_eq!(old.edition_name(), "2021");
    assert_eq!(new.edition_name(), "2025");
    assert_eq!(
        zoom_user_update::UserUpdate::builder()
            .dept("x")
            .build()
            .unwrap()
            .edition_name(),
        "2025"
    );
    assert_eq!(old.field_rules(), Edition::V2021.field_rules());
    assert_eq!(new.field_rules(), Edition::V2025.field_rules());
    assert_eq!(v2021::field_rules(), Edition::V2021.field_rules());
    let any: AnyUpdate = old.clone().into();
    assert_eq!(
        (any.edition(), Update::edition_name(&any)),
        (Edition::V2021, "2021")
    );
    assert_eq!(any.field_rules(), Edition::V2021.field_rules());
}

/// A body read for an edition chosen at run time is that edition's: what one edition allows the
/// other may refuse, and the same JSON is written back.
#[test]
fn a_body_is_read_for_the_edition_chosen_at_run_time() {
    let on_prem = r#"{"type": 3}"#; // On-prem: the reference page's only
    let update = Edition::V2021.from_json(on_prem, Policy::Spec).unwrap();
    assert_eq!(update.edition(), Edition::V2021);
    assert_eq!(serde_json::to_string(&update).unwrap(), r#"{"type":3}"#);
    let errors = Edition::V2025.from_json(on_prem, Policy::Spec).unwrap_err();
    assert_eq!(errors.violations()[0].path(), "/type");
    let lists = json!({"division_ids": [], "phone_numbers": []});
    assert!(Edition::V2025.from_value(&lists, Policy::Spec).is_ok());
    assert!(Edition::V2021.from_value(&lists, Policy::Spec).is_err());
    // Through the trait, `AnyUpdate` reads the default edition.
    let read = <AnyUpdate as Update>::from_json(r#"{"pronouns": "they"}"#, Policy::Spec).unwrap();
    assert_eq!(read.edition(), Edition::default());
    // The query parameters too, by value or by name.
    let query = Edition::V2021
        .query_from_value(&json!({"login_type": "sso"}))
        .unwrap();
    assert_eq!(
        query,
        AnyQuery::V2021(v2021::Query::new().login_type(v2021::LoginType::Sso))
    );
    let query = Edition::V2025
        .query_from_value(&json!({"login_type": 24, "remove_tsp_credentials": true}))
        .unwrap();
    assert_eq!(
        query,
        AnyQuery::V2025(
            v2025::Query::new()
                .login_type(v2025::LoginType::Apple)
                .remove_tsp_credentials(true)
        )
    );
    assert!(
        Edition::V2021
            .query_from_value(&json!({"remove_tsp_credentials": true}))
            .is_err()
    );
}

/// The same code sends a body of either edition, chosen at run time, through the same client:
/// each goes out in its edition's shape, with its edition's query.
#[tokio::test]
async fn an_update_of_either_edition_is_sent_without_a_match() {
    let zoom = MockZoom::start().await;
    let client = Client::builder(zoom.bearer_auth())
        .base_url(zoom.base_url())
        .build()
        .unwrap();
    let inputs = [
        (
            "2021",
            r#"{"phone_numbers": {"number": "5550100"}}"#,
            json!({"login_type": "sso"}),
        ),
        (
            "v2025",
            r#"{"phone_numbers": [{"number": "5550100"}], "division_ids": []}"#,
            json!({"login_type": "sso"}),
        ),
    ];
    for (name, body, query) in &inputs {
        let edition: Edition = name.parse().unwrap();
        let update = edition.from_json(body, Policy::Spec).unwrap();
        let query = edition.query_from_value(query).unwrap();
        client
            .update_user(&UserId::me(), &update)
            .query(query)
            .await
            .unwrap();
    }
    // A bulk line of the edition, too.
    let line = Edition::V2021
        .bulk_line(
            br#"{"user_id": "me", "login_type": "google", "body": {"dept": "R&D"}}"#,
            Policy::Spec,
        )
        .unwrap();
    client.update_line(&line).await.unwrap();
    let sent: Vec<_> = zoom
        .api_requests()
        .iter()
        .map(|r| (r.query.clone().unwrap_or_default(), r.json().unwrap()))
        .collect();
    assert_eq!(
        sent,
        [
            (
                "login_type=101".to_owned(),
                json!({"phone_numbers": {"number": "5550100"}})
            ),
            (
                "login_type=101".to_owned(),
                json!({"division_ids": [], "phone_numbers": [{"number": "5550100"}]})
            ),
            ("login_type=1".to_owned(), json!({"dept": "R&D"})),
        ]
    );
    // `login_type` on an `AnyUpdate` request takes either edition's value.
    let update: AnyUpdate = v2025::UserUpdate::builder()
        .dept("x")
        .build()
        .unwrap()
        .into();
    let request = client
        .update_user(&UserId::me(), &update)
        .login_type(AnyLoginType::V2025(v2025::LoginType::Apple))
        .dry_run()
        .await
        .unwrap();
    assert!(
        request.url.ends_with("/users/me?login_type=24"),
        "{}",
        request.url
    );
}

/// Query parameters of one edition with a body of the other are refused before anything is
/// sent, whichever way round.
#[tokio::test]
async fn a_query_of_one_edition_with_a_body_of_the_other_is_refused() {
    let zoom = MockZoom::start().await;
    let client = Client::builder(zoom.bearer_auth())
        .base_url(zoom.base_url())
        .build()
        .unwrap();
    let old: AnyUpdate = v2021::UserUpdate::builder()
        .dept("x")
        .build()
        .unwrap()
        .into();
    let new: AnyUpdate = v2025::UserUpdate::builder()
        .dept("x")
        .build()
        .unwrap()
        .into();
    let cases = [
        (
            &old,
            AnyQuery::from(v2025::Query::new().remove_tsp_credentials(true)),
            ("2021", "2025"),
        ),
        (
            &new,
            AnyQuery::from(v2021::Query::new().login_type(v2021::LoginType::Sso)),
            ("2025", "2021"),
        ),
    ];
    for (update, query, (body, query_edition)) in cases {
        let error = client
            .update_user(&UserId::me(), update)
            .query(query.clone())
            .await
            .unwrap_err();
        let errors = error.as_validation().unwrap_or_else(|| panic!("{error:?}"));
        assert_eq!(
            errors.violations()[0].rule(),
            &Rule::EditionMismatch {
                body,
                query: query_edition
            }
        );
        assert_eq!(errors.violations()[0].rule().code(), "edition_mismatch");
        let dry = client
            .update_user(&UserId::me(), update)
            .query(query)
            .dry_run()
            .await;
        assert!(dry.is_err());
        // The same login type, of the other edition, is refused the same way.
    }
    let error = client
        .update_user(&UserId::me(), &new)
        .login_type(AnyLoginType::V2021(v2021::LoginType::Sso))
        .await
        .unwrap_err();
    assert!(error.as_validation().is_some(), "{error:?}");
    // No query at all is fine for either.
    client
        .update_user(&UserId::me(), &old)
        .query(AnyQuery::None)
        .await
        .unwrap();
    client.update_user(&UserId::me(), &new).await.unwrap();
    assert_eq!(
        zoom.api_requests().len(),
        2,
        "nothing of the mismatches was sent"
    );
}
