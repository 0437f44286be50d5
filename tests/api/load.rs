//! Leads under load: a thousand submissions from fifty clients at once are a thousand rows, with
//! no server error and no `SQLITE_BUSY`; a shutdown in the middle of such load finishes the
//! submissions in flight, and every acknowledged lead is stored.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::helpers::{post_lead, test_env, Process};

async fn rows(env: &std::collections::HashMap<String, String>) -> (i64, i64) {
    let url = env["DATABASE_URL"].clone();
    let db = sqlx::SqlitePool::connect(&url).await.unwrap();
    let counts = sqlx::query_as("SELECT COUNT(*), COUNT(DISTINCT reference) FROM leads").fetch_one(&db).await.unwrap();
    db.close().await;
    counts
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_thousand_leads_from_fifty_clients_are_a_thousand_rows_without_errors_or_busy_database() {
    let dir = tempfile::tempdir().unwrap();
    let mut env = test_env(&dir);
    env.insert("ARCHGUIDE_LOG".into(), "info".into());
    let server = Process::start(&env);
    let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let started = Instant::now();
    let tasks: Vec<_> = (0..50)
        .map(|c| {
            let (client, base) = (client.clone(), server.address.clone());
            tokio::spawn(async move {
                let mut references = Vec::new();
                for i in 0..20 {
                    references.push(
                        post_lead(&client, &base, &format!("Load {}", c * 20 + i)).await.expect("the server is up"),
                    );
                }
                references
            })
        })
        .collect();
    let mut references = Vec::new();
    for task in tasks {
        references.extend(task.await.unwrap());
    }
    let took = started.elapsed();
    references.sort();
    references.dedup();
    assert_eq!(references.len(), 1000);
    assert_eq!(rows(&env).await, (1000, 1000));
    let logs = server.output.lock().unwrap().clone();
    assert!(!logs.to_lowercase().contains("database is locked") && !logs.contains("SQLITE_BUSY"), "{logs}");
    assert!(!logs.contains("status=5"), "no 5xx answers");
    println!("1000 leads (with their form pages) from 50 clients in {took:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_shutdown_under_load_finishes_the_submissions_in_flight_and_loses_none() {
    let dir = tempfile::tempdir().unwrap();
    let mut env = test_env(&dir);
    env.insert("ARCHGUIDE_LOG".into(), "info".into());
    let mut server = Process::start(&env);
    let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let stop = Arc::new(AtomicBool::new(false));
    let tasks: Vec<_> = (0..20)
        .map(|c| {
            let (client, base, stop) = (client.clone(), server.address.clone(), stop.clone());
            tokio::spawn(async move {
                let mut acknowledged = Vec::new();
                let mut n = c * 10_000;
                while !stop.load(Ordering::Relaxed) {
                    match post_lead(&client, &base, &format!("Load {n}")).await {
                        Some(reference) => acknowledged.push(reference),
                        None => break,
                    }
                    n += 1;
                }
                acknowledged
            })
        })
        .collect();
    tokio::time::sleep(Duration::from_millis(700)).await;
    server.terminate();
    let exit = tokio::task::spawn_blocking(move || {
        let status = server.wait_for_exit(Duration::from_secs(15));
        (status, server)
    });
    let (status, _server) = exit.await.unwrap();
    stop.store(true, Ordering::Relaxed);
    let mut acknowledged = Vec::new();
    for task in tasks {
        acknowledged.extend(task.await.unwrap());
    }
    assert_eq!(status.map(|s| s.code()), Some(Some(0)), "a clean exit");
    assert!(acknowledged.len() > 20, "the load was real: {}", acknowledged.len());
    let (stored, distinct) = rows(&env).await;
    assert_eq!(stored, distinct);
    assert!(stored >= acknowledged.len() as i64, "every acknowledged lead is stored");
    let db = sqlx::SqlitePool::connect(&env["DATABASE_URL"]).await.unwrap();
    for reference in &acknowledged {
        let found: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM leads WHERE reference = ?")
            .bind(reference)
            .fetch_one(&db)
            .await
            .unwrap();
        assert_eq!(found, 1, "{reference}");
    }
    db.close().await;
    println!("{} leads acknowledged before and during the shutdown, all stored once", acknowledged.len());
}
