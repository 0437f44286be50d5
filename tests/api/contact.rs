//! The contact form: every lead stored once and acknowledged only after it is stored; bad input
//! comes back with the visitor's values; bots are kept out without a CAPTCHA.

use crate::helpers::{form_token, spawn_app, spawn_app_with, TestApp};

/// A fresh form token, as the page hands it out.
async fn token(app: &TestApp) -> String {
    form_token(&app.client, &app.address).await.expect("the form carries a token")
}

fn valid<'a>(token: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("token", token),
        ("name", "Zoë Ångström"),
        ("email", "zoe@example.com"),
        ("company", "Example GmbH"),
        ("message", "We are building a marketplace and wonder about microservices."),
        ("consent", "yes"),
    ]
}

fn with<'a>(mut fields: Vec<(&'a str, &'a str)>, name: &'a str, value: &'a str) -> Vec<(&'a str, &'a str)> {
    fields.retain(|(k, _)| *k != name);
    fields.push((name, value));
    fields
}

async fn lead_count(app: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM leads").fetch_one(&app.db().await).await.unwrap()
}

fn reference_of(response: &reqwest::Response) -> String {
    assert_eq!(response.status(), 303, "a stored lead redirects to the thanks page");
    let location = response.headers()["location"].to_str().unwrap();
    let query = location.strip_prefix("/contact/thanks?ref=").expect(location);
    query.split('&').next().unwrap().to_string()
}

#[tokio::test]
async fn a_valid_submission_is_stored_then_acknowledged_with_a_reference_and_reply_by_time() {
    let app = spawn_app().await;
    let t = token(&app).await;
    let response = app.post_form("/contact", &valid(&t)).await;
    let reference = reference_of(&response);
    assert!(reference.starts_with("AG-") && reference.len() == 9, "{reference}");
    let row: (String, String, String, String, Option<String>) =
        sqlx::query_as("SELECT name, email, status, consent_version, result_id FROM leads WHERE reference = ?")
            .bind(&reference)
            .fetch_one(&app.db().await)
            .await
            .unwrap();
    assert_eq!(
        row,
        (
            "Zoë Ångström".into(),
            "zoe@example.com".into(),
            "new".into(),
            archguide::page_data::contact::PRIVACY_VERSION.into(),
            None
        )
    );
    let thanks = app.get(&format!("/contact/thanks?ref={reference}")).await;
    assert_eq!(thanks.status(), 200);
    let html = thanks.text().await.unwrap();
    assert!(html.contains(&reference));
    assert!(html.contains("within 24 hours"));
}

#[tokio::test]
async fn empty_and_whitespace_only_fields_come_back_with_a_message_each_and_the_values_kept() {
    let app = spawn_app().await;
    let t = token(&app).await;
    let fields = [
        ("token", t.as_str()),
        ("name", "  "),
        ("email", "not-an-email"),
        ("company", "Acme & Co"),
        ("message", "\n \t"),
    ];
    let response = app.post_form("/contact", &fields).await;
    assert_eq!(response.status(), 422);
    let html = response.text().await.unwrap();
    for id in ["name-error", "email-error", "message-error", "consent-error"] {
        assert!(html.contains(&format!(r#"id="{id}""#)), "{id}");
    }
    assert!(html.contains(r#"value="not-an-email""#));
    assert!(html.contains(r#"value="Acme &amp; Co""#));
    assert_eq!(lead_count(&app).await, 0);
}

#[tokio::test]
async fn a_ten_thousand_character_message_is_refused_but_kept_in_the_form() {
    let app = spawn_app().await;
    let t = token(&app).await;
    let long = "x".repeat(10_000);
    let response = app.post_form("/contact", &with(valid(&t), "message", &long)).await;
    assert_eq!(response.status(), 422);
    let html = response.text().await.unwrap();
    assert!(html.contains("Please keep the message under 5,000 characters (it has 10,000)."), "{html}");
    assert!(html.contains(&long), "the text is still there to shorten");
}

#[tokio::test]
async fn unicode_markup_and_sql_are_stored_as_typed_and_never_rendered_as_html() {
    let app = spawn_app().await;
    let hostile = "<script>alert(1)</script> '; DROP TABLE leads; -- 王芳 🚀";
    let t = token(&app).await;
    let mut fields = valid(&t);
    for name in ["name", "company", "role", "message", "preferred_contact"] {
        fields = with(fields, name, hostile);
    }
    let reference = reference_of(&app.post_form("/contact", &fields).await);
    let (name, message): (String, String) = sqlx::query_as("SELECT name, message FROM leads WHERE reference = ?")
        .bind(&reference)
        .fetch_one(&app.db().await)
        .await
        .unwrap();
    assert_eq!((name.as_str(), message.as_str()), (hostile, hostile));
    // A rejected form shows the text back, escaped, even inside the textarea.
    let breakout = "</textarea><script>alert(1)</script>";
    let t = token(&app).await;
    let html = app
        .post_form("/contact", &with(with(valid(&t), "message", breakout), "email", "x"))
        .await
        .text()
        .await
        .unwrap();
    assert!(!html.contains("<script>alert(1)"), "{html}");
    assert!(html.contains("&lt;/textarea&gt;&lt;script&gt;alert(1)"));
}

#[tokio::test]
async fn a_missing_or_forged_token_stores_nothing_and_asks_to_send_again_with_values_kept() {
    let app = spawn_app().await;
    let t = token(&app).await;
    let forged = format!("{}x", &t[..t.len() - 1]);
    for fields in [with(valid(&t), "token", ""), with(valid(&t), "token", &forged)] {
        let response = app.post_form("/contact", &fields).await;
        assert_eq!(response.status(), 422);
        let html = response.text().await.unwrap();
        assert!(html.contains("please press Send again"));
        assert!(html.contains(r#"value="Zoë Ångström""#));
    }
    assert_eq!(lead_count(&app).await, 0);
}

#[tokio::test]
async fn posting_the_same_form_twice_stores_one_lead() {
    let app = spawn_app().await;
    let t = token(&app).await;
    let first = reference_of(&app.post_form("/contact", &valid(&t)).await);
    let second = reference_of(&app.post_form("/contact", &valid(&t)).await);
    assert_eq!(first, second);
    assert_eq!(lead_count(&app).await, 1);
}

#[tokio::test]
async fn a_result_id_that_does_not_exist_is_dropped_and_a_real_one_attached() {
    let app = spawn_app().await;
    let t = token(&app).await;
    let reference = reference_of(&app.post_form("/contact", &with(valid(&t), "result", "zzzzzzzzzzzz")).await);
    let stored: Option<String> = sqlx::query_scalar("SELECT result_id FROM leads WHERE reference = ?")
        .bind(&reference)
        .fetch_one(&app.db().await)
        .await
        .unwrap();
    assert_eq!(stored, None);

    let location =
        app.post_form("/guide/result", &[("stage", "mvp")]).await.headers()["location"].to_str().unwrap().to_string();
    let id = location.rsplit('/').next().unwrap().to_string();
    let contact = app.get(&format!("/contact?result={id}")).await.text().await.unwrap();
    assert!(contact.contains("We will discuss your guide result"), "{contact}");
    let t = token(&app).await;
    let reference = reference_of(&app.post_form("/contact", &with(valid(&t), "result", &id)).await);
    let stored: Option<String> = sqlx::query_scalar("SELECT result_id FROM leads WHERE reference = ?")
        .bind(&reference)
        .fetch_one(&app.db().await)
        .await
        .unwrap();
    assert_eq!(stored, Some(id));
}

#[tokio::test]
async fn a_body_over_64_kb_is_refused_with_413() {
    let app = spawn_app().await;
    let t = token(&app).await;
    let huge = "x".repeat(70 * 1024);
    let response = app.post_form("/contact", &with(valid(&t), "message", &huge)).await;
    assert_eq!(response.status(), 413);
}

#[tokio::test]
async fn a_filled_honeypot_is_stored_as_spam_and_thanked_like_anyone() {
    let app = spawn_app().await;
    let t = token(&app).await;
    let reference = reference_of(&app.post_form("/contact", &with(valid(&t), "website", "http://spam.example")).await);
    let (status, reason): (String, Option<String>) =
        sqlx::query_as("SELECT status, spam_reason FROM leads WHERE reference = ?")
            .bind(&reference)
            .fetch_one(&app.db().await)
            .await
            .unwrap();
    assert_eq!(status, "spam");
    assert!(reason.unwrap().contains("hidden field"));
}

#[tokio::test]
async fn a_post_faster_than_the_minimum_fill_time_is_stored_as_spam() {
    let app = spawn_app_with(&[("ARCHGUIDE_MIN_FILL_SECONDS", "3")]).await;
    let t = token(&app).await;
    let reference = reference_of(&app.post_form("/contact", &valid(&t)).await);
    let status: String = sqlx::query_scalar("SELECT status FROM leads WHERE reference = ?")
        .bind(&reference)
        .fetch_one(&app.db().await)
        .await
        .unwrap();
    assert_eq!(status, "spam");
}

#[tokio::test]
async fn the_eleventh_post_in_an_hour_answers_429_with_retry_after_and_the_values_kept() {
    let app = spawn_app_with(&[("ARCHGUIDE_CONTACT_RATE_LIMIT", "10")]).await;
    for _ in 0..10 {
        let t = token(&app).await;
        reference_of(&app.post_form("/contact", &valid(&t)).await);
    }
    let t = token(&app).await;
    let response = app.post_form("/contact", &valid(&t)).await;
    assert_eq!(response.status(), 429);
    let retry_after: u64 = response.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!(retry_after > 3500 && retry_after <= 3600, "{retry_after}");
    let html = response.text().await.unwrap();
    assert!(html.contains(r#"value="zoe@example.com""#));
    assert_eq!(lead_count(&app).await, 10);
}

#[tokio::test]
async fn two_hundred_leads_from_twenty_concurrent_clients_are_two_hundred_rows() {
    let app = spawn_app().await;
    let mut tokens = Vec::new();
    for _ in 0..200 {
        tokens.push(token(&app).await);
    }
    let app = std::sync::Arc::new(app);
    let mut clients = Vec::new();
    for chunk in tokens.chunks(10) {
        let app = app.clone();
        let chunk = chunk.to_vec();
        clients.push(tokio::spawn(async move {
            for t in chunk {
                let response = app.post_form("/contact", &valid(&t)).await;
                assert_eq!(response.status(), 303);
            }
        }));
    }
    assert_eq!(clients.len(), 20);
    for client in clients {
        client.await.unwrap();
    }
    assert_eq!(lead_count(&app).await, 200);
    let distinct: i64 =
        sqlx::query_scalar("SELECT COUNT(DISTINCT reference) FROM leads").fetch_one(&app.db().await).await.unwrap();
    assert_eq!(distinct, 200);
}

#[tokio::test]
async fn the_promised_reply_time_is_a_setting_that_every_page_and_the_thanks_page_follow() {
    let app = spawn_app_with(&[("ARCHGUIDE_REPLY_WITHIN", "90m")]).await;
    let home = app.get("/").await.text().await.unwrap().replace("<!>", "");
    assert!(home.contains("A reply within 90 minutes"), "the promise on the landing page");
    assert!(home.contains("we reply within 90 minutes"), "and in the footer");
    assert!(!home.contains("24 hours"));
    let reference = app.send_lead(&[]).await;
    let thanks = app.get(&format!("/contact/thanks?ref={reference}")).await.text().await.unwrap();
    let (received, due) = thanks
        .split("We received it on ")
        .nth(1)
        .and_then(|rest| rest.split_once(". A senior engineer will reply by "))
        .expect("the thanks page says when it arrived and when the reply is due");
    let due = due.split(", within ").next().unwrap();
    let parse = |text: &str| chrono::NaiveDateTime::parse_from_str(text, "%A %-d %B %Y, %H:%M UTC").unwrap();
    assert_eq!(parse(due) - parse(received), chrono::Duration::minutes(90));
    assert!(thanks.contains("within 90 minutes"));
}
