//! A person's own data on their request: the JSON download and erasing every lead from one
//! address, both for admins only and both in the history.

use super::*;

#[tokio::test]
async fn an_admin_downloads_everything_stored_about_a_person_and_the_history_says_so() {
    let app = spawn_app().await;
    let (admin, sales) = staffed(&app).await;
    let reference =
        app.send_lead(&[("name", "Pat Person"), ("email", "pat@example.com"), ("utm_source", "newsletter")]).await;
    let page = format!("/inbox/leads/{reference}");
    assert_eq!(app.post_as(&sales, &page, &[("action", "note"), ("note", "Prefers mornings.")]).await.status(), 303);
    let export = format!("{page}/export.json");

    assert_eq!(app.post_as(&sales, &export, &[]).await.status(), 403, "not for sales accounts");
    assert_eq!(app.post_form(&export, &[]).await.status(), 401);
    assert_eq!(app.get_as(&admin, &export).await.status(), 405, "a download that is recorded is not a GET");
    let response = app.post_as(&admin, &export, &[]).await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/json");
    let disposition = response.headers()["content-disposition"].to_str().unwrap().to_string();
    assert_eq!(disposition, format!("attachment; filename=\"{reference}.json\""));
    let document: serde_json::Value = response.json().await.unwrap();
    let lead = &document["lead"];
    assert_eq!(lead["name"], "Pat Person");
    assert_eq!(lead["email"], "pat@example.com");
    assert_eq!(lead["message"], "We are building a marketplace and wonder about microservices.");
    assert_eq!(lead["consent"]["privacy_notice_version"], archguide::page_data::contact::PRIVACY_VERSION);
    assert_eq!(lead["came_from"]["source"], "newsletter");
    assert_eq!(document["notes"][0]["text"], "Prefers mornings.");
    assert_eq!(document["notes"][0]["by"], SALES.0);
    let kinds: Vec<&str> =
        document["history"].as_array().unwrap().iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["created", "note", "exported"], "the export is in the history it exports");
    assert_eq!(document["history"][2]["by"], ADMIN.0);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM lead_events WHERE kind = 'exported'").await, 1);
}

#[tokio::test]
async fn an_admin_erases_every_lead_from_one_address_in_one_step() {
    let app = spawn_app().await;
    let (admin, sales) = staffed(&app).await;
    let first = app.send_lead(&[("name", "Pat One"), ("email", "pat@example.com")]).await;
    let second = app.send_lead(&[("name", "Pat Two"), ("email", "Pat@Example.com")]).await;
    let other = app.send_lead(&[("name", "Someone Else"), ("email", "else@example.com")]).await;
    let page = format!("/inbox/leads/{first}");
    let html = app.get_as(&admin, &page).await.text().await.unwrap();
    assert!(html.contains("pat@example.com sent 2 leads that still hold personal data."), "{html}");
    let erase = format!("{page}/erase-person");

    assert_eq!(app.post_as(&sales, &erase, &[("confirm", "pat@example.com")]).await.status(), 403);
    assert_eq!(app.post_form(&erase, &[("confirm", "pat@example.com")]).await.status(), 401);
    let wrong = app.post_as(&admin, &erase, &[("confirm", "someone@example.com")]).await;
    assert_eq!(wrong.status(), 422);
    assert!(wrong.text().await.unwrap().contains("Nothing was erased: type pat@example.com in the box to confirm."));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM leads WHERE erased_at IS NOT NULL").await, 0);

    let done = app.post_as(&admin, &erase, &[("confirm", "PAT@example.com")]).await;
    assert_eq!(done.status(), 303);
    assert_eq!(location(&done), format!("{page}?done=erase_person&count=2"));
    for reference in [&first, &second] {
        let erased = scalar(&app, &format!("SELECT erased_at FROM leads WHERE reference = '{reference}'")).await;
        assert!(!erased.is_empty(), "{reference} is erased");
    }
    let kept = scalar(&app, &format!("SELECT name FROM leads WHERE reference = '{other}'")).await;
    assert_eq!(kept, "Someone Else");
    let erasures =
        count(&app, "SELECT COUNT(*) FROM lead_events WHERE kind = 'erased' AND actor = 'admin@example.com'").await;
    assert_eq!(erasures, 2);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM leads WHERE email LIKE '%pat%'").await, 0);
}
