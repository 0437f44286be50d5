//! Leaving the inbox: the CSV export and erasure on request.

use super::*;

#[tokio::test]
async fn the_export_is_rfc_4180_utf8_and_neutralises_formulas() {
    let app = spawn_app().await;
    let (_admin, sales) = staffed(&app).await;
    app.send_lead(&[
        ("name", "=HYPERLINK(\"http://evil.example\",\"click\")"),
        ("company", "+SUM(A1:A2)"),
        ("role", "@cmd"),
        ("message", "-1+1, \"quoted\"\nsecond line, Zoë"),
    ])
    .await;
    app.send_lead(&[("name", "Plain Person"), ("company", "Globex")]).await;
    let response = app.get_as(&sales, "/inbox/export.csv?q=plain").await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "text/csv; charset=utf-8");
    assert!(response.headers()["content-disposition"].to_str().unwrap().starts_with("attachment; filename=\"leads-"));
    let body = response.bytes().await.unwrap();
    let text = std::str::from_utf8(&body[3..]).unwrap();
    assert_eq!(text.lines().count(), 2, "the filter applies to the export: {text}");

    let body = app.get_as(&sales, "/inbox/export.csv").await.bytes().await.unwrap();
    assert_eq!(&body[..3], b"\xEF\xBB\xBF", "UTF-8 with a byte order mark for spreadsheets");
    let mut reader = csv::Reader::from_reader(&body[3..]);
    let headers = reader.headers().unwrap().clone();
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 2);
    let hostile =
        rows.iter().find(|r| r[headers.iter().position(|h| h == "company").unwrap()].contains("SUM")).unwrap();
    let get = |name: &str| hostile[headers.iter().position(|h| h == name).unwrap()].to_string();
    assert_eq!(get("name"), "'=HYPERLINK(\"http://evil.example\",\"click\")");
    assert_eq!(get("company"), "'+SUM(A1:A2)");
    assert_eq!(get("role"), "'@cmd");
    assert_eq!(get("message"), "'-1+1, \"quoted\"\nsecond line, Zoë");
    assert!(std::str::from_utf8(&body).unwrap().contains("\r\n"), "records end in CRLF");

    // As a browser asks for it: compressed, the stream read to its end, and the server carries on.
    let compressed = app
        .client
        .get(format!("{}/inbox/export.csv", app.address))
        .header("cookie", &sales.cookie)
        .header("accept-encoding", "gzip, br")
        .send()
        .await
        .unwrap();
    assert_eq!(compressed.status(), 200);
    assert!(compressed.headers()["content-disposition"].to_str().unwrap().starts_with("attachment; filename=\"leads-"));
    assert!(compressed.headers().contains_key("content-encoding"));
    assert!(!compressed.bytes().await.unwrap().is_empty(), "the whole file arrives");
    assert_eq!(app.get_as(&sales, "/inbox/export.csv").await.status(), 200, "the server carries on");
}

#[tokio::test]
async fn an_admin_erases_personal_data_and_the_history_keeps_that_it_happened() {
    let app =
        spawn_app_with(&[("ARCHGUIDE_WEBHOOK_URL", "http://127.0.0.1:9/hook"), ("ARCHGUIDE_WEBHOOK_SECRET", "s")])
            .await;
    let (admin, sales) = staffed(&app).await;
    let reference =
        app.send_lead(&[("name", "Erin Erasable"), ("email", "erin@example.com"), ("company", "Secret Co")]).await;
    let page = format!("/inbox/leads/{reference}");
    app.post_as(&sales, &page, &[("action", "note"), ("note", "Erin's mobile is 0123")]).await;

    assert_eq!(app.post_as(&sales, &page, &[("action", "erase"), ("confirm", &reference)]).await.status(), 403);
    let unconfirmed = app.post_as(&admin, &page, &[("action", "erase"), ("confirm", "yes")]).await;
    assert_eq!(unconfirmed.status(), 422);
    assert_eq!(scalar(&app, "SELECT name FROM leads").await, "Erin Erasable");

    assert_eq!(app.post_as(&admin, &page, &[("action", "erase"), ("confirm", &reference)]).await.status(), 303);
    let db = app.db().await;
    let (name, email, company, message): (String, String, Option<String>, String) =
        sqlx::query_as("SELECT name, email, company, message FROM leads").fetch_one(&db).await.unwrap();
    assert_eq!((name.as_str(), email.as_str(), company, message.as_str()), ("[erased]", "[erased]", None, "[erased]"));
    let everything: String = sqlx::query_scalar(
        "SELECT (SELECT group_concat(detail) FROM lead_events) || (SELECT group_concat(payload) FROM outbox)",
    )
    .fetch_one(&db)
    .await
    .unwrap();
    for personal in ["Erin", "erin@example.com", "Secret Co", "0123"] {
        assert!(!everything.contains(personal), "{personal} survived the erasure");
    }
    let (actor, detail): (String, String) =
        sqlx::query_as("SELECT actor, detail FROM lead_events WHERE kind = 'erased'").fetch_one(&db).await.unwrap();
    assert_eq!(actor, ADMIN.0);
    assert!(detail.contains("erased on request"));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM outbox WHERE delivered_at IS NULL").await, 0, "nothing left to send");
    let html = app.get_as(&sales, &page).await.text().await.unwrap();
    assert!(html.contains("was erased on request"));
    let again = app.post_as(&sales, &page, &[("action", "note"), ("note", "more")]).await;
    assert_eq!(again.status(), 409, "an erased lead takes no new notes");
}
