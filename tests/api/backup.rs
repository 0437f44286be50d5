//! `archguide backup` while the server takes leads, and `archguide restore` with it stopped.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::helpers::{add_staff_with_binary, command, login_at, post_lead, test_env, Process};

/// Posts leads to `base` one after another until `stop`; every acknowledged reference, in order.
fn keep_posting(base: String, stop: Arc<Mutex<bool>>) -> (Arc<Mutex<Vec<String>>>, tokio::task::JoinHandle<()>) {
    let acknowledged = Arc::new(Mutex::new(Vec::new()));
    let seen = acknowledged.clone();
    let task = tokio::spawn(async move {
        let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
        // Bounded: the test stops it long before.
        for i in 0..5_000 {
            if *stop.lock().unwrap() {
                break;
            }
            if let Some(reference) = post_lead(&client, &base, &format!("Load {i}")).await {
                seen.lock().unwrap().push(reference);
            }
        }
    });
    (acknowledged, task)
}

#[tokio::test]
async fn a_backup_under_write_load_holds_every_lead_acknowledged_before_it_and_restores() {
    let data = tempfile::tempdir().unwrap();
    let mut env = test_env(&data);
    // The server says where it listens at info level.
    env.insert("ARCHGUIDE_LOG".into(), "info".into());
    add_staff_with_binary(&env, "admin@example.com", "admin", "correct horse battery staple");
    let server = Process::start(&env);
    let stop = Arc::new(Mutex::new(false));
    let (acknowledged, load) = keep_posting(server.address.clone(), stop.clone());
    let started = Instant::now();
    while acknowledged.lock().unwrap().len() < 50 && started.elapsed() < Duration::from_secs(30) {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }

    let copy = data.path().join("backup.db");
    let before: Vec<String> = acknowledged.lock().unwrap().clone();
    let out = command(&env).args(["backup", copy.to_str().unwrap()]).output().unwrap();
    let during = acknowledged.lock().unwrap().len();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let said = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(said.starts_with("backed up ") && said.contains("backup.db"), "{said}");
    // The load went on; the server kept answering while the copy was made.
    tokio::time::sleep(Duration::from_millis(300)).await;
    *stop.lock().unwrap() = true;
    load.await.unwrap();
    let after = acknowledged.lock().unwrap().len();
    assert!(after > during, "leads were still acknowledged after the backup ({during} → {after})");
    println!("backup under load: {} leads acknowledged before it began, {after} in all; {said}", before.len());

    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}?mode=ro", copy.display())).await.unwrap();
    let integrity: String = sqlx::query_scalar("PRAGMA integrity_check").fetch_one(&pool).await.unwrap();
    assert_eq!(integrity, "ok");
    let stored: Vec<String> = sqlx::query_scalar("SELECT reference FROM leads").fetch_all(&pool).await.unwrap();
    for reference in &before {
        assert!(stored.contains(reference), "{reference} was acknowledged before the backup and is missing from it");
    }
    assert!(stored.len() < after, "the copy is a moment, not the end");
    pool.close().await;

    // Restoring is refused while the server runs, and a backup never overwrites a file.
    let refused = command(&env).args(["restore", copy.to_str().unwrap()]).output().unwrap();
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("stop the server before restoring"));
    let again = command(&env).args(["backup", copy.to_str().unwrap()]).output().unwrap();
    assert!(!again.status.success() && String::from_utf8_lossy(&again.stderr).contains("already exists"));

    server.terminate();
    drop(server);
    let restored = command(&env).args(["restore", copy.to_str().unwrap()]).output().unwrap();
    assert!(restored.status.success(), "{}", String::from_utf8_lossy(&restored.stderr));
    assert!(String::from_utf8_lossy(&restored.stdout).contains(&format!("restored {} leads", stored.len())));

    // A server on the restored file serves those leads, and only those.
    let server = Process::start(&env);
    let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let cookie = login_at(&client, &server.address, "admin@example.com", "correct horse battery staple").await;
    for reference in [before.first().unwrap(), before.last().unwrap()] {
        let page = client
            .get(format!("{}/inbox/leads/{reference}", server.address))
            .header("cookie", &cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(page.status(), 200, "{reference}");
    }
    let last = acknowledged.lock().unwrap().last().unwrap().clone();
    let gone =
        client.get(format!("{}/inbox/leads/{last}", server.address)).header("cookie", &cookie).send().await.unwrap();
    assert_eq!(gone.status(), 404, "a lead from after the backup is not in the restored database");
}

#[tokio::test]
async fn backup_and_restore_say_clearly_what_they_cannot_do() {
    let data = tempfile::tempdir().unwrap();
    let mut env = test_env(&data);
    let missing = command(&env).args(["backup", data.path().join("copy.db").to_str().unwrap()]).output().unwrap();
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("there is no database at"));
    std::fs::write(data.path().join("junk.db"), b"not a database at all").unwrap();
    let junk = command(&env).args(["restore", data.path().join("junk.db").to_str().unwrap()]).output().unwrap();
    assert_eq!(junk.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&junk.stderr).contains("is not a usable backup"), "{junk:?}");
    env.insert("DATABASE_URL".into(), "postgres://postgres@127.0.0.1:5432/none".into());
    let postgres = command(&env).args(["backup", "/tmp/never.db"]).output().unwrap();
    assert_eq!(postgres.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&postgres.stderr).contains("pg_dump"));
}
