//! One lead: the brief for the call and every action on it.

use super::*;

#[tokio::test]
async fn the_lead_page_is_a_brief_for_the_call_and_shows_what_visitors_typed_as_text() {
    let app = spawn_app().await;
    let (_admin, sales) = staffed(&app).await;
    let result = app
        .post_form(
            "/guide/result",
            &[("stage", "growth"), ("engineers", "40"), ("teams", "6"), ("monthly_requests", "50000000")],
        )
        .await;
    let result_id = location(&result).rsplit('/').next().unwrap().to_string();
    let hostile = "<script>alert(1)</script> & <b>bold</b>";
    let reference = app.send_lead(&[("message", hostile), ("result", &result_id), ("role", "CTO")]).await;
    let html = app.get_as(&sales, &format!("/inbox/leads/{reference}")).await.text().await.unwrap();
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;"));
    assert!(!html.contains("<script>alert(1)"));
    for expected in [
        "Brief for the call",
        "Organisation:",
        "Execution:",
        "Monthly cost at their traffic",
        "Teams like yours",
        "Their answers",
        "CTO",
        "Accepted privacy notice version",
        &result_id,
    ] {
        assert!(html.contains(expected), "the lead page lacks {expected}");
    }
    assert_eq!(app.get_as(&sales, "/inbox/leads/AG-NOPE00").await.status(), 404);
}

#[tokio::test]
async fn status_assignment_notes_and_replies_are_recorded_with_who_and_when() {
    let app = spawn_app().await;
    let (_admin, sales) = staffed(&app).await;
    let reference = app.send_lead(&[]).await;
    let page = format!("/inbox/leads/{reference}");
    let other: i64 = count(&app, "SELECT id FROM staff_users WHERE email = 'other@example.com'").await;

    let steps: Vec<Vec<(&str, String)>> = vec![
        vec![("action", "assign".into()), ("assignee", other.to_string())],
        vec![("action", "note".into()), ("note", "Called, <b>back</b> on Monday".into())],
        vec![("action", "replied".into())],
        vec![("action", "status".into()), ("status", "qualified".into())],
    ];
    for fields in steps {
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let response = app.post_as(&sales, &page, &fields).await;
        assert_eq!(response.status(), 303, "{fields:?}");
        assert!(location(&response).starts_with(&format!("{page}?done=")));
    }
    let html = app.get_as(&sales, &format!("{page}?done=status")).await.text().await.unwrap();
    assert!(html.contains("Status changed."));
    for line in [
        "assigned to other@example.com",
        "note: Called, &lt;b&gt;back&lt;/b&gt; on Monday",
        "first reply sent; status: new → contacted",
        "status: contacted → qualified",
    ] {
        assert!(html.contains(line), "the history lacks {line}");
    }
    let events: Vec<(String, String)> =
        sqlx::query_as("SELECT actor, kind FROM lead_events ORDER BY id").fetch_all(&app.db().await).await.unwrap();
    assert_eq!(events[0], ("visitor".to_string(), "created".to_string()));
    assert!(events[1..].iter().all(|(actor, _)| actor == SALES.0));
    assert!(!scalar(&app, "SELECT first_reply_at FROM leads").await.is_empty());

    // Refused actions say why and keep what was typed.
    let again = app.post_as(&sales, &page, &[("action", "replied")]).await;
    assert_eq!(again.status(), 409);
    assert!(again.text().await.unwrap().contains("No reply is owed: the last one was recorded."));
    let long = "x".repeat(5001);
    let too_long = app.post_as(&sales, &page, &[("action", "note"), ("note", &long)]).await;
    assert_eq!(too_long.status(), 422);
    let body = too_long.text().await.unwrap();
    assert!(body.contains("at most 5000 characters") && body.contains(&long));
    let closing = app.post_as(&sales, &page, &[("action", "note"), ("note", "</textarea><script>x</script>")]).await;
    assert_eq!(closing.status(), 303, "a note is stored as typed");
    let disabled_user = app.post_as(&sales, &page, &[("action", "assign"), ("assignee", "999")]).await;
    assert_eq!(disabled_user.status(), 409);
    assert_eq!(app.post_as(&sales, "/inbox/leads/AG-NOPE00", &[("action", "replied")]).await.status(), 404);
}

#[tokio::test]
async fn not_spam_moves_a_held_lead_back_to_new() {
    let app = spawn_app().await;
    let (_admin, sales) = staffed(&app).await;
    let reference = app.send_lead(&[("website", "filled by a bot")]).await;
    let page = format!("/inbox/leads/{reference}");
    assert!(app.get_as(&sales, &page).await.text().await.unwrap().contains("Held as suspected spam"));
    assert_eq!(app.post_as(&sales, &page, &[("action", "not_spam")]).await.status(), 303);
    assert_eq!(scalar(&app, "SELECT status FROM leads").await, "new");
    let list = app.get_as(&sales, "/inbox").await.text().await.unwrap();
    assert!(list.contains(&reference));
}
