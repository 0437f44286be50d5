//! Crash safety: leads sent continuously while the server is killed (SIGKILL) at random moments
//! and restarted. Every acknowledged lead is stored exactly once, the database passes its
//! integrity check, and every notification arrives; a delivery repeated because of a crash
//! carries the same idempotency key, so each notification counts once at the receiver.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rand::Rng;

use crate::helpers::{post_lead, receiver, test_env, Process};

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn killing_the_server_under_load_loses_no_acknowledged_lead_or_notification() {
    let hook = receiver(0).await;
    let dir = tempfile::tempdir().unwrap();
    let mut env = test_env(&dir);
    env.insert("ARCHGUIDE_LOG".into(), "info".into());
    env.insert("ARCHGUIDE_WEBHOOK_URL".into(), hook.url.clone());
    env.insert("ARCHGUIDE_WEBHOOK_SECRET".into(), "s".into());
    env.insert("ARCHGUIDE_OUTBOX_POLL_MS".into(), "50".into());
    env.insert("ARCHGUIDE_OUTBOX_RETRY_MS".into(), "50".into());
    // Messages a killed worker had claimed are taken over after the lease (60 s by default).
    env.insert("ARCHGUIDE_OUTBOX_LEASE_SECONDS".into(), "2".into());
    let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let mut acknowledged: Vec<String> = Vec::new();
    for round in 0..4 {
        let mut server = Process::start(&env);
        let stop = Arc::new(AtomicBool::new(false));
        let senders: Vec<_> = (0..8)
            .map(|c| {
                let (client, base, stop) = (client.clone(), server.address.clone(), stop.clone());
                tokio::spawn(async move {
                    let mut mine = Vec::new();
                    let mut n = round * 1_000_000 + c * 10_000;
                    while !stop.load(Ordering::Relaxed) {
                        match post_lead(&client, &base, &format!("Crash {n}")).await {
                            Some(reference) => mine.push(reference),
                            None => break,
                        }
                        n += 1;
                    }
                    mine
                })
            })
            .collect();
        let wait = rand::rng().random_range(150..700);
        tokio::time::sleep(Duration::from_millis(wait)).await;
        server.child.kill().unwrap(); // SIGKILL: no shutdown, no flush
        server.child.wait().unwrap();
        stop.store(true, Ordering::Relaxed);
        for sender in senders {
            acknowledged.extend(sender.await.unwrap());
        }
    }
    assert!(acknowledged.len() > 50, "the load was real: {}", acknowledged.len());

    // Restart once more and let the outbox drain.
    let _server = Process::start(&env);
    let expected: HashSet<&String> = acknowledged.iter().collect();
    let url = env["DATABASE_URL"].clone();
    let db = sqlx::SqlitePool::connect(&url).await.unwrap();
    let started = Instant::now();
    let delivered = loop {
        let undelivered: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE delivered_at IS NULL").fetch_one(&db).await.unwrap();
        let received = hook.received.lock().unwrap().clone();
        let references: HashSet<String> = received
            .iter()
            .map(|(_, body)| {
                serde_json::from_str::<serde_json::Value>(body).unwrap()["reference"].as_str().unwrap().to_string()
            })
            .collect();
        let done = undelivered == 0 && expected.iter().all(|r| references.contains(*r));
        if done || started.elapsed() > Duration::from_secs(30) {
            break received;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };

    let integrity: String = sqlx::query_scalar("PRAGMA integrity_check").fetch_one(&db).await.unwrap();
    assert_eq!(integrity, "ok");
    for reference in &acknowledged {
        let found: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM leads WHERE reference = ?")
            .bind(reference)
            .fetch_one(&db)
            .await
            .unwrap();
        assert_eq!(found, 1, "acknowledged lead {reference}");
    }
    let outbox: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM outbox").fetch_one(&db).await.unwrap();
    db.close().await;

    // Each delivery names its message; a repeat carries the same key and the same lead.
    let mut by_key: HashMap<String, String> = HashMap::new();
    for (headers, body) in &delivered {
        let key = headers["idempotency-key"].to_str().unwrap().to_string();
        let reference =
            serde_json::from_str::<serde_json::Value>(body).unwrap()["reference"].as_str().unwrap().to_string();
        if let Some(earlier) = by_key.insert(key.clone(), reference.clone()) {
            assert_eq!(earlier, reference, "{key} named two leads");
        }
    }
    let references: HashSet<&String> = by_key.values().collect();
    for reference in &acknowledged {
        assert!(references.contains(reference), "the notification about {reference} never arrived");
    }
    assert_eq!(by_key.len() as i64, outbox, "one key per stored notification");
    println!(
        "{} leads acknowledged across 4 kills; {} notifications, {} deliveries ({} repeated after a crash, recognisable by key)",
        acknowledged.len(),
        by_key.len(),
        delivered.len(),
        delivered.len() - by_key.len()
    );
}
