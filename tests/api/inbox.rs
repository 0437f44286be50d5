//! The sales inbox: logins and sessions, who may reach what, the list, the lead page and its
//! actions, the dashboard, the export and erasure.

use chrono::{Duration, Utc};

use archguide::domain::staff::Role;
use archguide::server::auth::session::ManualClock;

use crate::helpers::{spawn_app, spawn_app_with, spawn_app_with_clock, Session, TestApp};

const ADMIN: (&str, &str) = ("admin@example.com", "correct horse battery staple");
const SALES: (&str, &str) = ("sales@example.com", "violet tuesday harbour lamp");
const OTHER: (&str, &str) = ("other@example.com", "seven quiet orange kites");

/// An app with an admin, a sales person and a second sales person, all logged in.
async fn staffed(app: &TestApp) -> (Session, Session) {
    app.add_staff(ADMIN.0, Role::Admin, ADMIN.1).await;
    app.add_staff(SALES.0, Role::Sales, SALES.1).await;
    app.add_staff(OTHER.0, Role::Sales, OTHER.1).await;
    (app.login(ADMIN.0, ADMIN.1).await, app.login(SALES.0, SALES.1).await)
}

async fn scalar(app: &TestApp, sql: &str) -> String {
    let value: Option<String> = sqlx::query_scalar(sql).fetch_one(&app.db().await).await.unwrap();
    value.unwrap_or_default()
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(&app.db().await).await.unwrap()
}

async fn get_maybe(app: &TestApp, session: Option<&Session>, path: &str) -> reqwest::Response {
    match session {
        Some(s) => app.get_as(s, path).await,
        None => app.get(path).await,
    }
}

async fn post_maybe(
    app: &TestApp,
    session: Option<&Session>,
    path: &str,
    fields: &[(&str, String)],
) -> reqwest::Response {
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    match session {
        Some(s) => app.post_as(s, path, &fields).await,
        None => app.post_form(path, &fields).await,
    }
}

fn location(response: &reqwest::Response) -> String {
    response.headers().get("location").map(|l| l.to_str().unwrap().to_string()).unwrap_or_default()
}

// --- Logging in and out -------------------------------------------------------------------

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

// --- Who may reach what -------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq)]
enum Who {
    Anonymous,
    Forged,
    Disabled,
    Sales,
    Admin,
}

/// Every inbox route and server function, and the answer each kind of caller gets.
#[tokio::test]
async fn the_access_control_matrix_holds_for_every_route_and_server_function() {
    let app = spawn_app().await;
    let (admin, sales) = staffed(&app).await;
    let reference = app.send_lead(&[]).await;
    // A disabled account whose session is still stored: the account check refuses it.
    let disabled = app.login(OTHER.0, OTHER.1).await;
    sqlx::query("UPDATE staff_users SET disabled_at = '2026-01-01T00:00:00Z' WHERE email = ?")
        .bind(OTHER.0)
        .execute(&app.db().await)
        .await
        .unwrap();
    let forged = Session { cookie: format!("__Host-archguide-session={}", "A".repeat(43)) };

    let lead_page = format!("/inbox/leads/{reference}");
    let pages = ["/inbox", "/inbox/dashboard", "/inbox/users", lead_page.as_str(), "/inbox/export.csv"];
    let mut results = Vec::new();
    for who in [Who::Anonymous, Who::Forged, Who::Disabled, Who::Sales, Who::Admin] {
        let session = match who {
            Who::Anonymous => None,
            Who::Forged => Some(&forged),
            Who::Disabled => Some(&disabled),
            Who::Sales => Some(&sales),
            Who::Admin => Some(&admin),
        };
        for page in pages {
            let response = get_maybe(&app, session, page).await;
            let expected = match (who, page) {
                (Who::Anonymous | Who::Forged | Who::Disabled, _) => 303,
                (Who::Sales, "/inbox/users") => 403,
                _ => 200,
            };
            assert_eq!(response.status(), expected, "{who:?} GET {page}");
            if expected == 303 {
                assert!(location(&response).starts_with("/inbox/login?next="), "{who:?} GET {page}");
            }
            results.push(format!("{who:?} GET {page} {}", response.status().as_u16()));
        }
        for endpoint in ["leads", "lead", "dashboard", "users"] {
            let body = match endpoint {
                "leads" => serde_json::json!({ "query": [] }).to_string(),
                "lead" => format!("reference={reference}"),
                _ => String::new(),
            };
            let content_type =
                if endpoint == "leads" { "application/json" } else { "application/x-www-form-urlencoded" };
            let mut request = app
                .client
                .post(format!("{}/inbox/api/{endpoint}", app.address))
                .header("content-type", content_type)
                .body(body);
            if let Some(s) = session {
                request = request.header("cookie", &s.cookie);
            }
            let response = request.send().await.unwrap();
            let expected = match (who, endpoint) {
                (Who::Anonymous | Who::Forged | Who::Disabled, _) => 401,
                (Who::Sales, "users") => 403,
                _ => 200,
            };
            assert_eq!(response.status(), expected, "{who:?} server function {endpoint}");
            results.push(format!("{who:?} POST /inbox/api/{endpoint} {}", response.status().as_u16()));
        }
        // Actions that change data: refused callers change nothing.
        let actions: Vec<(String, Vec<(&'static str, String)>)> = vec![
            (lead_page.clone(), vec![("action", "note".into()), ("note", format!("note by {who:?}"))]),
            (
                lead_page.clone(),
                vec![
                    ("action", "status".into()),
                    ("status", if who == Who::Admin { "won" } else { "qualified" }.into()),
                ],
            ),
            (lead_page.clone(), vec![("action", "erase".into()), ("confirm", reference.clone())]),
            (
                "/inbox/users".into(),
                vec![
                    ("email", format!("new-{who:?}@example.com").to_lowercase()),
                    ("role", "admin".into()),
                    ("password", "purple walrus debates quietly".into()),
                ],
            ),
            ("/inbox/users/disable".into(), vec![("email", SALES.0.into())]),
        ];
        for (path, fields) in actions {
            let action = fields[0].1.clone();
            let response = post_maybe(&app, session, &path, &fields).await;
            let admin_only = path.starts_with("/inbox/users") || action == "erase";
            let expected = match who {
                Who::Anonymous | Who::Forged | Who::Disabled => 401,
                Who::Sales if admin_only => 403,
                _ => 303,
            };
            assert_eq!(response.status(), expected, "{who:?} POST {path} {action}");
            results.push(format!("{who:?} POST {path} {action} {}", response.status().as_u16()));
            if who == Who::Admin && path == "/inbox/users/disable" {
                // Re-enable for the rest of the matrix.
                sqlx::query("UPDATE staff_users SET disabled_at = NULL WHERE email = ?")
                    .bind(SALES.0)
                    .execute(&app.db().await)
                    .await
                    .unwrap();
            }
        }
    }
    // Only the sales person's and the admin's changes got through (the notes were erased with
    // the lead's personal data); refused callers changed nothing.
    let history: Vec<(String, String)> =
        sqlx::query_as("SELECT actor, kind FROM lead_events ORDER BY id").fetch_all(&app.db().await).await.unwrap();
    let actors: Vec<&str> = history.iter().map(|(actor, _)| actor.as_str()).collect();
    assert_eq!(actors, ["visitor", SALES.0, SALES.0, ADMIN.0, ADMIN.0, ADMIN.0], "{history:?}");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM staff_users WHERE email LIKE 'new-%'").await, 1);
    assert_eq!(scalar(&app, "SELECT email FROM staff_users WHERE email LIKE 'new-%'").await, "new-admin@example.com");
    // Server functions are not reachable by GET.
    assert_eq!(app.get_as(&admin, "/inbox/api/dashboard").await.status(), 405);
    println!("access-control matrix:\n{}", results.join("\n"));
}

// --- The list -----------------------------------------------------------------------------

#[tokio::test]
async fn the_list_filters_searches_sorts_pages_and_counts() {
    let app = spawn_app().await;
    let (_admin, sales) = staffed(&app).await;
    for i in 0..27 {
        let name = format!("Person {i:02}");
        app.send_lead(&[("name", &name), ("company", if i % 2 == 0 { "Acme 100%" } else { "Globex" })]).await;
    }
    let spam = app.send_lead(&[("name", "Bot"), ("website", "http://spam.example")]).await;
    let html = app.get_as(&sales, "/inbox").await.text().await.unwrap();
    assert!(html.contains("All (27)") && html.contains("New (27)") && html.contains("Spam (1)"), "counts");
    assert!(html.contains("Showing 1–25 of 27"));
    assert!(html.find("Person 26").unwrap() < html.find("Person 25").unwrap(), "newest first");
    assert!(!html.contains(&spam), "spam stays out of the main list");
    let page2 = app.get_as(&sales, "/inbox?page=2").await.text().await.unwrap();
    assert!(page2.contains("Showing 26–27 of 27") && page2.contains("Person 00"));
    let oldest = app.get_as(&sales, "/inbox?sort=oldest").await.text().await.unwrap();
    assert!(oldest.find("Person 00").unwrap() < oldest.find("Person 01").unwrap());

    // Search is literal: "100%" matches the percent sign, not everything.
    let acme = app.get_as(&sales, "/inbox?q=acme+100%25").await.text().await.unwrap();
    assert!(acme.contains("of 14") || acme.contains("Showing 1–14 of 14"), "14 even-numbered leads");
    let none = app.get_as(&sales, "/inbox?q=0%25x").await.text().await.unwrap();
    assert!(none.contains("No leads match these filters."));

    let spam_view = app.get_as(&sales, "/inbox?status=spam").await.text().await.unwrap();
    assert!(spam_view.contains(&spam) && spam_view.contains("Suspected spam"));

    // Mine and unassigned.
    let first = app.send_lead(&[("name", "Mine Only")]).await;
    let me: i64 = count(&app, "SELECT id FROM staff_users WHERE email = 'sales@example.com'").await;
    let assigned = app
        .post_as(&sales, &format!("/inbox/leads/{first}"), &[("action", "assign"), ("assignee", &me.to_string())])
        .await;
    assert_eq!(assigned.status(), 303);
    let mine = app.get_as(&sales, "/inbox?assignee=mine").await.text().await.unwrap();
    assert!(mine.contains("Mine Only") && mine.contains("of 1"));
    let unassigned = app.get_as(&sales, "/inbox?assignee=unassigned").await.text().await.unwrap();
    assert!(!unassigned.contains("Mine Only") && unassigned.contains("of 27"));

    // Dates: today includes everything, yesterday nothing; bad values are reported, not fatal.
    let today = Utc::now().date_naive();
    let on_today = app.get_as(&sales, &format!("/inbox?from={today}&to={today}")).await.text().await.unwrap();
    assert!(on_today.contains("of 28"));
    let yesterday = today.pred_opt().unwrap();
    let before = app.get_as(&sales, &format!("/inbox?to={yesterday}")).await.text().await.unwrap();
    assert!(before.contains("No leads match these filters."));
    let bad = app.get_as(&sales, "/inbox?from=soon&status=closed").await;
    assert_eq!(bad.status(), 200);
    let bad = bad.text().await.unwrap();
    assert!(bad.contains("is not a date like") && bad.contains("There is no status"));
}

#[tokio::test]
async fn the_reply_by_countdown_goes_from_on_track_to_soon_to_overdue_to_replied() {
    let clock = ManualClock::at(Utc::now());
    let app = spawn_app_with_clock(clock.clone(), &[]).await;
    app.add_staff(SALES.0, Role::Sales, SALES.1).await;
    let reference = app.send_lead(&[]).await;
    let state_of = |html: &str| {
        let row = &html[html.find(&format!(r#"data-lead="{reference}""#)).expect("the lead is listed")..];
        let at = row.find("data-countdown=\"").unwrap() + "data-countdown=\"".len();
        row[at..].split('"').next().unwrap().to_string()
    };
    // A fresh login each time: the clock jumps further than a session lives.
    async fn look(app: &TestApp, clock: &ManualClock, advance: Duration) -> (Session, String) {
        clock.advance(advance);
        let session = app.login(SALES.0, SALES.1).await;
        let html = app.get_as(&session, "/inbox").await.text().await.unwrap();
        (session, html)
    }
    let (_, html) = look(&app, &clock, Duration::hours(1)).await;
    assert_eq!(state_of(&html), "on-track");
    assert!(html.contains("On track: 23 h 0 min left"), "{}", state_of(&html));
    let (_, html) = look(&app, &clock, Duration::hours(20) + Duration::minutes(30)).await;
    assert_eq!(state_of(&html), "soon");
    assert!(html.contains("Reply soon: 2 h"));
    let (session, html) = look(&app, &clock, Duration::hours(3)).await;
    assert_eq!(state_of(&html), "overdue");
    assert!(html.contains("Overdue by 29 min") || html.contains("Overdue by 30 min"));
    let dashboard = app.get_as(&session, "/inbox/dashboard").await.text().await.unwrap().replace("<!>", "");
    let overdue = &dashboard[dashboard.find(">Overdue now<").unwrap()..];
    assert!(overdue[..200].contains(">1<"), "one lead overdue now");

    let replied = app.post_as(&session, &format!("/inbox/leads/{reference}"), &[("action", "replied")]).await;
    assert_eq!(replied.status(), 303);
    let html = app.get_as(&session, "/inbox").await.text().await.unwrap();
    assert_eq!(state_of(&html), "replied");
    assert!(html.contains("Replied after 1 d 0 h"));
}

// --- One lead -----------------------------------------------------------------------------

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
    assert!(again.text().await.unwrap().contains("The first reply was already recorded."));
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

// --- Export and erasure -------------------------------------------------------------------

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

// --- Dashboard and users ------------------------------------------------------------------

#[tokio::test]
async fn the_dashboard_counts_leads_and_shows_the_guide_funnel_per_model_version() {
    let app = spawn_app().await;
    let (admin, _sales) = staffed(&app).await;
    for _ in 0..3 {
        app.get("/guide").await;
    }
    app.get("/guide?stage=mvp&step=2").await;
    let result = app.post_form("/guide/result", &[("stage", "mvp"), ("engineers", "3")]).await;
    let result_id = location(&result).rsplit('/').next().unwrap().to_string();
    app.send_lead(&[("result", &result_id)]).await;
    app.send_lead(&[]).await;
    // Step views are counted in the background; wait until they are.
    let mut html = String::new();
    for _ in 0..200 {
        let views: i64 = sqlx::query_scalar("SELECT COALESCE(SUM(count), 0) FROM guide_funnel WHERE event = 'view'")
            .fetch_one(&app.db().await)
            .await
            .unwrap();
        html = app.get_as(&admin, "/inbox/dashboard").await.text().await.unwrap();
        if views == 4 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    // Leave out the renderer's text markers (`<!>`), which it places after some text nodes.
    let html = html.replace("<!>", "");
    assert!(html.contains("data-funnel=\"1.0.0\""), "one funnel per model version");
    assert!(html.contains("role=\"img\""), "an SVG chart");
    let row = |label: &str| {
        let at = html.find(&format!(">{label}</th>")).unwrap_or_else(|| panic!("no {label} row in {html}"));
        html[at..].split("</tr>").next().unwrap().to_string()
    };
    assert!(row("Step 1").contains(">3<"));
    assert!(row("Step 2").contains(">1<") && row("Step 2").contains("66.7%"));
    assert!(row("Results").contains(">1<"));
    assert!(row("Leads").contains(">1<"), "only leads that attached a result count in the funnel");
    let today = &html[html.find(">Today<").unwrap()..];
    assert!(today[..200].contains(">2<"), "two leads today");
}

#[tokio::test]
async fn admins_add_and_disable_accounts_in_the_browser() {
    let app = spawn_app().await;
    let (admin, _sales) = staffed(&app).await;
    let weak = app
        .post_as(
            &admin,
            "/inbox/users",
            &[("email", "new@example.com"), ("role", "sales"), ("password", "password1234")],
        )
        .await;
    assert_eq!(weak.status(), 422);
    let html = weak.text().await.unwrap();
    assert!(
        html.contains("too common") && html.contains(r#"value="new@example.com""#) && !html.contains("password1234")
    );
    let added = app
        .post_as(
            &admin,
            "/inbox/users",
            &[("email", "New@Example.com"), ("role", "sales"), ("password", "lilac engine under moonlight")],
        )
        .await;
    assert_eq!(added.status(), 303);
    let taken = app
        .post_as(
            &admin,
            "/inbox/users",
            &[("email", "new@example.com"), ("role", "sales"), ("password", "lilac engine under moonlight")],
        )
        .await;
    assert_eq!(taken.status(), 409);
    let newcomer = app.login("new@example.com", "lilac engine under moonlight").await;
    assert_eq!(app.get_as(&newcomer, "/inbox").await.status(), 200);

    assert_eq!(app.post_as(&admin, "/inbox/users/disable", &[("email", "new@example.com")]).await.status(), 303);
    assert_eq!(app.get_as(&newcomer, "/inbox").await.status(), 303, "the session ended with the account");
    let refused = app
        .post_form("/inbox/login", &[("email", "new@example.com"), ("password", "lilac engine under moonlight")])
        .await;
    assert_eq!(refused.status(), 401);
    let own = app.post_as(&admin, "/inbox/users/disable", &[("email", ADMIN.0)]).await;
    assert_eq!(own.status(), 409);
    let users = app.get_as(&admin, "/inbox/users").await.text().await.unwrap();
    assert!(users.contains("new@example.com") && users.contains("Disabled"));
}
