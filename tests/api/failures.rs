//! When something a request needs fails: the visitor gets the right status and their form back
//! with everything typed, and the failure is logged once, with the request's id (which the
//! response carries too, as `x-request-id`).

use std::time::{Duration, Instant};

use crate::helpers::{form_token, spawn_app, test_env, Process, TestPostgres};

/// The log lines that name `id`, once the server wrote them (they may trail the response).
fn lines_naming(server: &Process, id: &str, wanted: usize) -> Vec<String> {
    let started = Instant::now();
    loop {
        let lines: Vec<String> =
            server.output.lock().unwrap().lines().filter(|l| l.contains(id)).map(str::to_string).collect();
        if lines.len() >= wanted || started.elapsed() > Duration::from_secs(5) {
            return lines;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lead_that_cannot_be_stored_comes_back_as_typed_with_503_and_one_log_line_naming_the_request() {
    let db = TestPostgres::create().await;
    let dir = tempfile::tempdir().unwrap();
    let mut env = test_env(&dir);
    env.insert("DATABASE_URL".into(), db.url.clone());
    // Start-up says where it listens at `info`.
    env.insert("ARCHGUIDE_LOG".into(), "info".into());
    let server = Process::start(&env);
    let base = server.address.clone();
    let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let token = form_token(&client, &base).await.unwrap();

    db.drop_now().await;
    let response = client
        .post(format!("{base}/contact?utm_source=failing-disk"))
        .form(&[
            ("token", token.as_str()),
            ("name", "Ada Failsafe"),
            ("email", "ada.failsafe@example.com"),
            ("company", "Kept Values Ltd"),
            ("message", "A message that must come back to its writer"),
            ("consent", "yes"),
            ("utm_source", "failing-disk"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 503);
    let id = response.headers()["x-request-id"].to_str().unwrap().to_string();
    assert!(id.len() >= 16, "a request id worth searching the logs for: {id}");
    let page = response.text().await.unwrap();
    for kept in
        ["Ada Failsafe", "ada.failsafe@example.com", "Kept Values Ltd", "A message that must come back to its writer"]
    {
        assert!(page.contains(kept), "the form came back without {kept}");
    }
    assert!(page.contains("could not save your message just now"), "the page says what happened");

    let errors: Vec<String> = lines_naming(&server, &id, 2).into_iter().filter(|l| l.contains("ERROR")).collect();
    assert_eq!(errors.len(), 1, "one error line for the request: {errors:#?}");
    assert!(errors[0].contains("storing a lead failed"), "{}", errors[0]);
    assert!(!errors[0].contains("ada.failsafe"), "no lead data in the log: {}", errors[0]);
}

#[tokio::test]
async fn every_answer_carries_a_request_id_and_a_proxys_id_is_kept() {
    let app = spawn_app().await;
    let first = app.get("/healthz").await.headers()["x-request-id"].to_str().unwrap().to_string();
    let second = app.get("/healthz").await.headers()["x-request-id"].to_str().unwrap().to_string();
    assert_ne!(first, second, "each request has its own id");
    let proxied =
        app.client.get(format!("{}/learn", app.address)).header("x-request-id", "lb-7f3a-0001").send().await.unwrap();
    assert_eq!(proxied.headers()["x-request-id"], "lb-7f3a-0001");
    for junk in ["<script>alert(1)</script>", &"a".repeat(65), "two words"] {
        let response =
            app.client.get(format!("{}/healthz", app.address)).header("x-request-id", junk).send().await.unwrap();
        let id = response.headers()["x-request-id"].to_str().unwrap();
        assert_ne!(id, junk, "an id that does not look like one is replaced");
        assert!(id.len() <= 64 && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'), "{id}");
    }
}

#[tokio::test]
async fn a_refused_form_keeps_a_field_sent_twice_as_its_last_value_and_ignores_fields_it_does_not_know() {
    let app = spawn_app().await;
    let response = app
        .post_form(
            "/inbox/login",
            &[("email", "first@example.com"), ("surprise", "x"), ("email", "kept@example.com"), ("password", "")],
        )
        .await;
    assert_eq!(response.status(), 422);
    let page = response.text().await.unwrap();
    assert!(page.contains("kept@example.com"), "the last value came back");
    assert!(!page.contains("first@example.com"));
}
