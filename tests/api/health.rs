use crate::helpers::{spawn_app, spawn_app_with, TestPostgres};

#[tokio::test]
async fn healthz_answers_200_while_the_process_is_up() {
    let app = spawn_app().await;
    let response = app.get("/healthz").await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.text().await.unwrap(), "ok");
}

#[tokio::test]
async fn readyz_answers_200_when_the_database_answers() {
    let app = spawn_app().await;
    let response = app.get("/readyz").await;
    assert_eq!(response.status(), 200);
}

#[tokio::test]
async fn readyz_answers_503_when_the_database_is_gone() {
    let db = TestPostgres::create().await;
    let app = spawn_app_with(&[("DATABASE_URL", db.url.as_str())]).await;
    assert_eq!(app.get("/readyz").await.status(), 200);
    db.drop_now().await;
    assert_eq!(app.get("/readyz").await.status(), 503);
    assert_eq!(app.get("/healthz").await.status(), 200, "the process itself is still up");
}

#[tokio::test]
async fn the_sqlite_database_is_created_with_write_ahead_logging() {
    let app = spawn_app().await;
    assert_eq!(app.get("/readyz").await.status(), 200);
    let db = app.data_dir.path().join("archguide.db");
    assert!(db.is_file(), "the database file is created on first start");
    assert!(app.data_dir.path().join("archguide.db-wal").exists(), "WAL mode is on");
}
