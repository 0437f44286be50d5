//! Protections on every request and response: security headers with a per-response nonce,
//! refusal of cross-site state changes, body size and concurrency limits.

use crate::helpers::{spawn_app, spawn_app_with, TestApp};

fn header(response: &reqwest::Response, name: &str) -> String {
    response.headers().get(name).map(|v| v.to_str().unwrap().to_string()).unwrap_or_default()
}

fn nonce_of(policy: &str) -> String {
    let at = policy.find("'nonce-").expect("a nonce in the policy") + "'nonce-".len();
    policy[at..].split('\'').next().unwrap().to_string()
}

#[tokio::test]
async fn every_response_carries_the_security_headers_and_pages_a_fresh_nonce() {
    let app = spawn_app().await;
    let requests = [
        app.get("/").await,
        app.get("/learn").await,
        app.get("/guide?step=2").await,
        app.get("/inbox/login").await,
        app.get("/no-such-page").await,
        app.get("/api/v1/questions").await,
        app.get("/favicon.svg").await,
        app.get("/robots.txt").await,
        app.get("/healthz").await,
        app.client.post(format!("{}/api/v1/recommendation", app.address)).body("not json").send().await.unwrap(),
    ];
    for response in &requests {
        let what = response.url().path().to_string();
        assert_eq!(header(response, "x-content-type-options"), "nosniff", "{what}");
        assert_eq!(header(response, "referrer-policy"), "strict-origin-when-cross-origin", "{what}");
        assert_eq!(header(response, "cross-origin-opener-policy"), "same-origin", "{what}");
        assert_eq!(header(response, "x-frame-options"), "DENY", "{what}");
        let policy = header(response, "content-security-policy");
        for part in ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"] {
            assert!(policy.contains(part), "{what}: {policy}");
        }
        assert!(!policy.contains("unsafe-inline"), "{what}");
        assert!(header(response, "strict-transport-security").is_empty(), "no HSTS over plain HTTP");
    }

    // A page's inline script and style carry the nonce its policy names; each response has its own.
    let first = app.get("/learn").await;
    let policy = header(&first, "content-security-policy");
    assert!(policy.contains("'wasm-unsafe-eval'"));
    let nonce = nonce_of(&policy);
    let html = first.text().await.unwrap();
    assert!(html.contains(&format!(r#"<style nonce="{nonce}">"#)), "the brand style carries the nonce");
    assert!(html.contains(&format!(r#"<script nonce="{nonce}">(function"#)), "the inline page script too");
    assert!(!html.contains("<script src="), "a page without islands requests no script");
    assert!(!html.contains(r#"type="module""#), "a page without islands loads no browser bundle");
    let second = header(&app.get("/learn").await, "content-security-policy");
    assert_ne!(nonce_of(&second), nonce);
    // A page with islands: its hydration script carries the nonce as well.
    let contact = app.get("/contact").await;
    let nonce = nonce_of(&header(&contact, "content-security-policy"));
    let html = contact.text().await.unwrap();
    assert!(html.contains(&format!(r#"<script type="module" nonce="{nonce}">"#)), "the hydration script");
}

#[tokio::test]
async fn behind_https_browsers_are_told_to_stay_on_https() {
    let app = spawn_app_with(&[("ARCHGUIDE_PUBLIC_URL", "https://guide.example.com")]).await;
    let response = app.get("/").await;
    assert_eq!(header(&response, "strict-transport-security"), "max-age=31536000; includeSubDomains");
}

/// A form post as a browser on another site would send it.
async fn cross_site(app: &TestApp, path: &str, fields: &[(&str, &str)], how: (&str, &str)) -> reqwest::Response {
    app.client.post(format!("{}{path}", app.address)).header(how.0, how.1).form(fields).send().await.unwrap()
}

#[tokio::test]
async fn state_changes_from_other_sites_are_refused_before_they_do_anything() {
    let app = spawn_app().await;
    app.add_staff("sales@example.com", archguide::domain::staff::Role::Sales, "violet tuesday harbour lamp").await;
    let lead = [("name", "Mallory"), ("email", "m@example.com"), ("message", "forged"), ("consent", "yes")];
    let login = [("email", "sales@example.com"), ("password", "violet tuesday harbour lamp")];
    for how in [("sec-fetch-site", "cross-site"), ("sec-fetch-site", "same-site"), ("origin", "https://evil.example")] {
        for (path, fields) in [
            ("/contact", &lead[..]),
            ("/inbox/login", &login[..]),
            ("/inbox/logout", &[][..]),
            ("/guide/result", &[("stage", "mvp")][..]),
            ("/inbox/api/dashboard", &[][..]),
            ("/api/v1/recommendation", &[][..]),
        ] {
            let response = cross_site(&app, path, fields, how).await;
            assert_eq!(response.status(), 403, "{how:?} POST {path}");
        }
    }
    let db = app.db().await;
    for table in ["leads", "guide_results", "staff_sessions", "login_attempts"] {
        let rows: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}")).fetch_one(&db).await.unwrap();
        assert_eq!(rows, 0, "nothing reached {table}");
    }
    // The same posts from this site (as browsers send them, JavaScript or not) work.
    let same = cross_site(&app, "/inbox/login", &login, ("sec-fetch-site", "same-origin")).await;
    assert_eq!(same.status(), 303);
    let origin = format!("http://{}", app.address.trim_start_matches("http://"));
    let by_origin = app
        .client
        .post(format!("{}/guide/result", app.address))
        .header("origin", origin)
        .form(&[("stage", "mvp")])
        .send()
        .await
        .unwrap();
    assert_eq!(by_origin.status(), 303);
}

#[tokio::test]
async fn bodies_over_64_kb_are_refused_with_413_everywhere() {
    let app = spawn_app().await;
    let big = "x".repeat(70 * 1024);
    for path in ["/contact", "/inbox/login", "/guide/result", "/api/v1/recommendation", "/inbox/api/leads"] {
        let response = app
            .client
            .post(format!("{}{path}", app.address))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(format!("message={big}"))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 413, "POST {path}");
    }
    // A draft of the advice model may be larger (up to 1 MB), and no more.
    let huge = "x".repeat(1024 * 1024 + 1);
    let response = app
        .client
        .post(format!("{}/inbox/model/check", app.address))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("model={huge}"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 413, "POST /inbox/model/check");
}

#[tokio::test]
async fn past_the_concurrency_cap_requests_get_503_at_once_and_the_server_carries_on() {
    let app = spawn_app_with(&[("ARCHGUIDE_MAX_CONCURRENT_REQUESTS", "1")]).await;
    // Logins take tens of milliseconds (Argon2), so twelve at once overlap.
    let attempts = (0..12).map(|i| {
        let (client, url) = (app.client.clone(), format!("{}/inbox/login", app.address));
        tokio::spawn(async move {
            let email = format!("nobody{i}@example.com");
            client.post(url).form(&[("email", email.as_str()), ("password", "wrong password")]).send().await.unwrap()
        })
    });
    let mut statuses = Vec::new();
    for attempt in attempts.collect::<Vec<_>>() {
        let response = attempt.await.unwrap();
        if response.status() == 503 {
            assert_eq!(header(&response, "retry-after"), "1");
        }
        statuses.push(response.status().as_u16());
    }
    assert!(statuses.contains(&503), "{statuses:?}");
    assert!(statuses.iter().all(|s| *s == 401 || *s == 503), "{statuses:?}");
    assert_eq!(app.get("/healthz").await.status(), 200);
}

#[tokio::test]
async fn too_many_request_headers_are_refused() {
    let app = spawn_app().await;
    let mut request = app.client.get(format!("{}/", app.address));
    for i in 0..200 {
        request = request.header(format!("x-filler-{i}"), "y");
    }
    let status = request.send().await.map(|r| r.status().as_u16()).unwrap_or(0);
    assert_eq!(status, 431);
}
