//! `archguide demo-data N`: made-up leads in every state, through the store's own code, and a
//! database that holds leads already is refused unless `--force`.

use crate::helpers::{command, test_env};

#[tokio::test]
async fn demo_data_fills_an_empty_database_in_every_state_and_refuses_one_that_holds_leads() {
    let dir = tempfile::tempdir().unwrap();
    let env = test_env(&dir);
    let filled = command(&env).args(["demo-data", "400"]).output().unwrap();
    assert!(filled.status.success(), "{}", String::from_utf8_lossy(&filled.stderr));
    assert_eq!(String::from_utf8(filled.stdout).unwrap(), "added 400 demo leads and 200 guide results\n");

    let db = sqlx::SqlitePool::connect(&format!("sqlite://{}?mode=ro", dir.path().join("archguide.db").display()))
        .await
        .unwrap();
    let one = |sql: &'static str| {
        let db = db.clone();
        async move { sqlx::query_scalar::<_, i64>(sql).fetch_one(&db).await.unwrap() }
    };
    assert_eq!(one("SELECT COUNT(*) FROM leads").await, 400);
    assert_eq!(one("SELECT COUNT(*) FROM guide_results").await, 200);
    assert_eq!(one("SELECT COUNT(*) FROM leads WHERE result_id IS NOT NULL").await, 200);
    assert_eq!(one("SELECT COUNT(DISTINCT status) FROM leads").await, 6, "new, contacted, qualified, won, lost, spam");
    assert!(one("SELECT COUNT(*) FROM leads WHERE assigned_to IS NOT NULL").await > 200);
    assert!(one("SELECT COUNT(*) FROM leads WHERE first_reply_at IS NOT NULL").await > 200);
    assert!(one("SELECT COUNT(*) FROM lead_events WHERE kind = 'note'").await > 50);
    assert_eq!(one("SELECT COUNT(DISTINCT language) FROM leads").await, 2);
    assert!(one("SELECT COUNT(DISTINCT utm_source) FROM leads").await >= 3);
    let days = one("SELECT CAST(julianday(MAX(created_at)) - julianday(MIN(created_at)) AS INTEGER) FROM leads").await;
    assert!((600..730).contains(&days), "spread over the two years leads are kept: {days} days");
    let tallied = one("SELECT SUM(n) FROM lead_tallies WHERE status = 'spam'").await;
    assert_eq!(tallied, one("SELECT COUNT(*) FROM leads WHERE status = 'spam'").await, "the tallies follow");
    assert_eq!(one("SELECT COUNT(*) FROM outbox").await, 0, "made-up leads send no email");
    db.close().await;

    let refused = command(&env).args(["demo-data", "10"]).output().unwrap();
    assert!(!refused.status.success());
    let said = String::from_utf8(refused.stderr).unwrap();
    assert!(said.contains("already holds 400 leads") && said.contains("--force"), "{said}");
    let forced = command(&env).args(["demo-data", "10", "--force"]).output().unwrap();
    assert!(forced.status.success(), "{}", String::from_utf8_lossy(&forced.stderr));
}
