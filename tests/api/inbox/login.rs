//! Logging in and out: cookies, throttling, session lifetimes, logout.

use super::*;

#[tokio::test]
async fn login_sets_a_host_only_strict_cookie_and_each_login_gets_a_new_session() {
    let app = spawn_app().await;
    app.add_staff(SALES.0, Role::Sales, SALES.1).await;
    let response = app
        .post_form(
            "/inbox/login",
            &[("email", " Sales@Example.com "), ("password", SALES.1), ("next", "/inbox/dashboard")],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/inbox/dashboard");
    let cookie = response.headers()["set-cookie"].to_str().unwrap().to_string();
    for part in ["__Host-archguide-session=", "Secure", "HttpOnly", "SameSite=Strict", "Path=/"] {
        assert!(cookie.contains(part), "{cookie} lacks {part}");
    }
    let first = Session { cookie: cookie.split(';').next().unwrap().to_string() };
    assert_eq!(app.get_as(&first, "/inbox").await.status(), 200);

    // Logging in again from the same browser replaces the session: the old id is dead.
    let again = app
        .client
        .post(format!("{}/inbox/login", app.address))
        .header("cookie", &first.cookie)
        .form(&[("email", SALES.0), ("password", SALES.1)])
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 303);
    let second =
        Session { cookie: again.headers()["set-cookie"].to_str().unwrap().split(';').next().unwrap().to_string() };
    assert_ne!(first.cookie, second.cookie);
    assert_eq!(app.get_as(&first, "/inbox").await.status(), 303, "the old session id no longer works");
    assert_eq!(app.get_as(&second, "/inbox").await.status(), 200);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM staff_sessions").await, 1);
    // Only a hash of the token is stored.
    let token = second.cookie.split('=').nth(1).unwrap();
    assert_eq!(count(&app, &format!("SELECT COUNT(*) FROM staff_sessions WHERE token_hash = '{token}'")).await, 0);
}

#[tokio::test]
async fn wrong_password_unknown_and_disabled_accounts_get_one_answer_and_every_attempt_is_logged() {
    let app = spawn_app().await;
    app.add_staff(SALES.0, Role::Sales, SALES.1).await;
    app.add_staff(OTHER.0, Role::Sales, OTHER.1).await;
    sqlx::query("UPDATE staff_users SET disabled_at = '2026-01-01T00:00:00Z' WHERE email = ?")
        .bind(OTHER.0)
        .execute(&app.db().await)
        .await
        .unwrap();
    for (email, password) in [(SALES.0, "not the password at all"), ("nobody@example.com", SALES.1), (OTHER.0, OTHER.1)]
    {
        let response = app.post_form("/inbox/login", &[("email", email), ("password", password)]).await;
        assert_eq!(response.status(), 401, "{email}");
        assert!(response.headers().get("set-cookie").is_none());
        let html = response.text().await.unwrap();
        assert!(html.contains("That email and password do not match an active account."), "{email}");
        assert!(html.contains(&format!(r#"value="{email}""#)), "the email stays in the form");
        assert!(!html.contains(password), "the password is never sent back");
    }
    let empty = app.post_form("/inbox/login", &[("email", SALES.0), ("password", "")]).await;
    assert_eq!(empty.status(), 422);
    app.login(SALES.0, SALES.1).await;

    let rows: Vec<(String, Option<i64>, String)> =
        sqlx::query_as("SELECT outcome, user_id, account_key FROM login_attempts ORDER BY id")
            .fetch_all(&app.db().await)
            .await
            .unwrap();
    let outcomes: Vec<&str> = rows.iter().map(|r| r.0.as_str()).collect();
    assert_eq!(outcomes, ["wrong_password", "unknown_account", "disabled", "success"]);
    assert!(rows.iter().all(|r| r.2.len() == 64 && !r.2.contains('@')), "emails are kept as hashes");
    let everything: String =
        sqlx::query_scalar("SELECT group_concat(at || account_key || ip || outcome) FROM login_attempts")
            .fetch_one(&app.db().await)
            .await
            .unwrap();
    assert!(!everything.contains("not the password"), "no password in the log");
}

#[tokio::test]
async fn five_failures_hold_back_that_address_for_fifteen_minutes_but_not_the_owner_elsewhere() {
    let clock = ManualClock::at(Utc::now());
    let app = spawn_app_with_clock(clock.clone(), &[("ARCHGUIDE_TRUSTED_PROXIES", "127.0.0.1")]).await;
    app.add_staff(SALES.0, Role::Sales, SALES.1).await;
    let attempt = |from: &'static str, password: &'static str| {
        app.client
            .post(format!("{}/inbox/login", app.address))
            .header("x-forwarded-for", from)
            .form(&[("email", SALES.0), ("password", password)])
            .send()
    };
    for _ in 0..5 {
        assert_eq!(attempt("203.0.113.9", "guessing wrongly again").await.unwrap().status(), 401);
    }
    let held = attempt("203.0.113.9", SALES.1).await.unwrap();
    assert_eq!(held.status(), 429, "even the right password waits");
    assert_eq!(held.headers()["retry-after"], "900");
    // The real user, somewhere else, is not locked out by the attacker.
    assert_eq!(attempt("198.51.100.7", SALES.1).await.unwrap().status(), 303);
    clock.advance(Duration::minutes(16));
    assert_eq!(attempt("203.0.113.9", SALES.1).await.unwrap().status(), 303, "the hold ends");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM login_attempts WHERE outcome = 'throttled'").await, 1);
}

#[tokio::test]
async fn sessions_end_after_thirty_idle_minutes_and_eight_hours_in_all() {
    let clock = ManualClock::at(Utc::now());
    let app = spawn_app_with_clock(clock.clone(), &[]).await;
    app.add_staff(SALES.0, Role::Sales, SALES.1).await;

    let idle = app.login(SALES.0, SALES.1).await;
    clock.advance(Duration::minutes(29));
    assert_eq!(app.get_as(&idle, "/inbox").await.status(), 200);
    clock.advance(Duration::minutes(29));
    assert_eq!(app.get_as(&idle, "/inbox").await.status(), 200, "use keeps it alive");
    clock.advance(Duration::minutes(30));
    let expired = app.get_as(&idle, "/inbox").await;
    assert_eq!(expired.status(), 303);
    assert_eq!(location(&expired), "/inbox/login?next=%2Finbox");

    let busy = app.login(SALES.0, SALES.1).await;
    for _ in 0..23 {
        clock.advance(Duration::minutes(20));
        assert_eq!(app.get_as(&busy, "/inbox/dashboard").await.status(), 200);
    }
    clock.advance(Duration::minutes(20)); // 8 hours after logging in
    assert_eq!(app.get_as(&busy, "/inbox/dashboard").await.status(), 303, "absolute timeout");
    let api = app.post_as(&busy, "/inbox/api/dashboard", &[]).await;
    assert_eq!(api.status(), 401);
}

#[tokio::test]
async fn logout_ends_the_session_on_the_server_and_everywhere_ends_them_all() {
    let app = spawn_app().await;
    app.add_staff(SALES.0, Role::Sales, SALES.1).await;
    let laptop = app.login(SALES.0, SALES.1).await;
    let phone = app.login(SALES.0, SALES.1).await;
    let out = app.post_as(&laptop, "/inbox/logout", &[]).await;
    assert_eq!(out.status(), 303);
    assert!(out.headers()["set-cookie"].to_str().unwrap().contains("Max-Age=0"));
    assert_eq!(app.get_as(&laptop, "/inbox").await.status(), 303, "a copied cookie is dead too");
    assert_eq!(app.get_as(&phone, "/inbox").await.status(), 200);

    let tablet = app.login(SALES.0, SALES.1).await;
    assert_eq!(app.post_as(&tablet, "/inbox/logout", &[("everywhere", "1")]).await.status(), 303);
    assert_eq!(app.get_as(&phone, "/inbox").await.status(), 303);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM staff_sessions").await, 0);
}
