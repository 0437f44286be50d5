//! Keeping the privacy notice's promise: leads past their time are erased by the software, with
//! nothing personal left anywhere in the database's files; old login attempts and ended
//! sessions go too; the notice says what the settings say.

use std::time::Duration as StdDuration;

use archguide::domain::staff::Role;
use archguide::server::clock::ManualClock;
use chrono::{Duration, Utc};

use crate::helpers::{receiver, spawn_app_with, spawn_app_with_clock, TestApp};

const ADMIN: (&str, &str) = ("admin@example.com", "correct horse battery staple");

async fn erased(app: &TestApp, reference: &str) -> bool {
    let erased: Option<String> = sqlx::query_scalar("SELECT erased_at FROM leads WHERE reference = ?")
        .bind(reference)
        .fetch_one(&app.db().await)
        .await
        .unwrap();
    erased.is_some()
}

/// Waits (a bounded number of times) until the job has erased the lead.
async fn until_erased(app: &TestApp, reference: &str) {
    for _ in 0..100 {
        if erased(app, reference).await {
            return;
        }
        tokio::time::sleep(StdDuration::from_millis(100)).await;
    }
    panic!("{reference} was not erased by the retention job");
}

/// Every byte of the database's files, as text where it is text.
fn database_files(app: &TestApp) -> String {
    let mut all = Vec::new();
    for suffix in ["", "-wal", "-shm"] {
        let path = app.data_dir.path().join(format!("archguide.db{suffix}"));
        all.extend(std::fs::read(path).unwrap_or_default());
    }
    String::from_utf8_lossy(&all).into_owned()
}

#[tokio::test]
async fn leads_past_their_time_are_erased_and_nothing_personal_is_left_in_the_files() {
    let hook = receiver(0).await;
    let clock = ManualClock::at(Utc::now());
    let app = spawn_app_with_clock(
        clock.clone(),
        &[
            ("ARCHGUIDE_LEAD_RETENTION", "2h"),
            ("ARCHGUIDE_SPAM_RETENTION", "1h"),
            ("ARCHGUIDE_RETENTION_INTERVAL", "1s"),
            ("ARCHGUIDE_WEBHOOK_URL", hook.url.as_str()),
            ("ARCHGUIDE_WEBHOOK_SECRET", "test-secret"),
            ("ARCHGUIDE_OUTBOX_POLL_MS", "50"),
        ],
    )
    .await;
    app.add_staff(ADMIN.0, Role::Admin, ADMIN.1).await;
    let personal =
        ["Olga Oldlead", "olga.oldlead@example.com", "Oldco Ltd", "secret migration plan", "Olga likes Rust"];
    let old = app
        .send_lead(&[
            ("name", personal[0]),
            ("email", personal[1]),
            ("company", personal[2]),
            ("message", &format!("Our {} for next year.", personal[3])),
        ])
        .await;
    let active = app.send_lead(&[("name", "Alan Active"), ("email", "alan@example.com")]).await;
    let spam = app.send_lead(&[("name", "Sam Spam"), ("website", "http://spam.example")]).await;
    let admin = app.login(ADMIN.0, ADMIN.1).await;
    let note = [("action", "note"), ("note", personal[4])];
    assert_eq!(app.post_as(&admin, &format!("/inbox/leads/{old}"), &note).await.status(), 303);
    for _ in 0..50 {
        if hook.received.lock().unwrap().len() == 2 {
            break;
        }
        tokio::time::sleep(StdDuration::from_millis(50)).await;
    }
    assert!(database_files(&app).contains(personal[1]), "stored before (the check below can fail)");

    // 90 minutes on: the spam is past its hour; the leads are not past their two hours.
    clock.advance(Duration::minutes(90));
    until_erased(&app, &spam).await;
    assert!(!erased(&app, &old).await && !erased(&app, &active).await);
    // Somebody works the active lead: its time starts again.
    let admin = app.login(ADMIN.0, ADMIN.1).await;
    let note = [("action", "note"), ("note", "Called Alan.")];
    assert_eq!(app.post_as(&admin, &format!("/inbox/leads/{active}"), &note).await.status(), 303);

    // 45 minutes more: the old lead's last activity is 135 minutes ago, the active one's 45.
    clock.advance(Duration::minutes(45));
    until_erased(&app, &old).await;
    assert!(!erased(&app, &active).await, "activity keeps a lead");
    let history: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT e.actor, e.kind, e.detail FROM lead_events e JOIN leads l ON l.id = e.lead_id \
         WHERE l.reference = ? ORDER BY e.id",
    )
    .bind(&old)
    .fetch_all(&app.db().await)
    .await
    .unwrap();
    let last = history.last().unwrap();
    assert_eq!((last.0.as_str(), last.1.as_str()), ("retention", "erased"), "{history:?}");
    assert!(last.2.contains("no activity for 2 hours"), "{}", last.2);

    // Nowhere in the files: not in the lead, its history, the outbox, a search column or the log.
    tokio::time::sleep(StdDuration::from_millis(300)).await;
    let files = database_files(&app);
    for text in personal {
        assert!(!files.contains(text), "{text} is still in the database's files");
    }
    assert!(files.contains("Alan Active"), "the lead that is still worked is kept");
}

/// Waits (a bounded number of times) until the job has emptied `table`.
async fn until_empty<F: std::future::Future<Output = i64>>(count: &impl Fn(&'static str) -> F, table: &'static str) {
    for _ in 0..50 {
        if count(table).await == 0 {
            return;
        }
        tokio::time::sleep(StdDuration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn old_login_attempts_and_ended_sessions_are_deleted() {
    let clock = ManualClock::at(Utc::now());
    let app = spawn_app_with_clock(clock.clone(), &[("ARCHGUIDE_RETENTION_INTERVAL", "1s")]).await;
    app.add_staff(ADMIN.0, Role::Admin, ADMIN.1).await;
    app.login(ADMIN.0, ADMIN.1).await;
    let failed = app.post_form("/inbox/login", &[("email", ADMIN.0), ("password", "not the password at all")]).await;
    assert_eq!(failed.status(), 401);
    let count = |table: &'static str| {
        let app = &app;
        async move {
            let n: i64 =
                sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}")).fetch_one(&app.db().await).await.unwrap();
            n
        }
    };
    assert_eq!((count("login_attempts").await, count("staff_sessions").await), (2, 1));
    // Nine hours on, the session has ended; the attempts are kept for 90 days.
    clock.advance(Duration::hours(9));
    until_empty(&count, "staff_sessions").await;
    assert_eq!(count("staff_sessions").await, 0, "the ended session is deleted");
    assert_eq!(count("login_attempts").await, 2);
    clock.advance(Duration::days(91));
    until_empty(&count, "login_attempts").await;
    assert_eq!(count("login_attempts").await, 0, "attempts older than 90 days are deleted");
}

#[tokio::test]
async fn the_privacy_notice_says_what_the_settings_keep() {
    let app = spawn_app_with(&[("ARCHGUIDE_LEAD_RETENTION", "365d"), ("ARCHGUIDE_SPAM_RETENTION", "14d")]).await;
    let html = app.get("/privacy").await.text().await.unwrap();
    assert!(html.contains("We keep them for 365 days after our last exchange"), "{html}");
    assert!(html.contains("erased after 14 days"));
    assert!(html.contains("deleted after 90 days"));
    let default = spawn_app_with(&[]).await.get("/privacy").await.text().await.unwrap();
    assert!(default.contains("We keep them for 730 days after our last exchange"));
    assert!(default.contains("erased after 30 days"));
}
