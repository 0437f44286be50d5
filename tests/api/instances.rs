//! Several instances on one PostgreSQL database: started at the same moment on a fresh
//! database, they share leads, sessions and the notification outbox, losing and repeating nothing.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use crate::helpers::{add_staff_with_binary, form_token, login_at, receiver, test_env, Process, TestPostgres};

const PASSWORD: &str = "harbour lights at dusk";

/// Sends one lead to the instance at `address` with a token that instance handed out.
async fn send_lead(client: &reqwest::Client, address: &str, n: usize) -> String {
    let token = form_token(client, address).await.expect("a form token");
    let name = format!("Lead {n}");
    let response = client
        .post(format!("{address}/contact"))
        .form(&[
            ("token", token.as_str()),
            ("name", name.as_str()),
            ("email", "lead@example.com"),
            ("message", "Two instances, one database."),
            ("consent", "yes"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 303, "lead {n} was not acknowledged");
    crate::helpers::reference_in(response.headers()["location"].to_str().unwrap())
}

/// The environment of instances that share `pg` and notify the webhook at `hook`.
fn shared_env(pg: &TestPostgres, hook: &str, dir: &tempfile::TempDir) -> HashMap<String, String> {
    let mut env = test_env(dir);
    env.insert("DATABASE_URL".into(), pg.url.clone());
    env.insert("ARCHGUIDE_WEBHOOK_URL".into(), hook.into());
    env.insert("ARCHGUIDE_WEBHOOK_SECRET".into(), "shared-secret".into());
    env.insert("ARCHGUIDE_OUTBOX_POLL_MS".into(), "100".into());
    // The start-up line ("listening on …") is an info line.
    env.insert("ARCHGUIDE_LOG".into(), "info".into());
    env
}

/// Starts two instances at the same moment.
fn start_two(env: &HashMap<String, String>) -> (Process, Process) {
    std::thread::scope(|s| {
        let a = s.spawn(|| Process::start(env));
        let b = s.spawn(|| Process::start(env));
        (a.join().unwrap(), b.join().unwrap())
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_instances_share_leads_sessions_and_the_outbox_without_loss_or_repeats() {
    let pg = TestPostgres::create().await;
    let hook = receiver(0).await;
    let dir = tempfile::tempdir().unwrap();
    let mut env = shared_env(&pg, &hook.url, &dir);
    env.insert("ARCHGUIDE_DB_POOL_SIZE".into(), "5".into());

    // Both start at the same moment on an empty database: one migrates, the other waits its turn.
    let started = Instant::now();
    let (a, b) = start_two(&env);
    println!("two instances up in {:?}", started.elapsed());

    add_staff_with_binary(&env, "sales@example.com", "sales", PASSWORD);

    // 100 leads from 10 concurrent clients, alternating between the instances.
    let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let sending = Instant::now();
    let mut clients = Vec::new();
    for c in 0..10 {
        let (client, addresses) = (client.clone(), [a.address.clone(), b.address.clone()]);
        clients.push(tokio::spawn(async move {
            let mut references = Vec::new();
            for i in 0..10 {
                let n = c * 10 + i;
                references.push(send_lead(&client, &addresses[n % 2], n).await);
            }
            references
        }));
    }
    let mut references = Vec::new();
    for c in clients {
        references.extend(c.await.unwrap());
    }
    let sent_in = sending.elapsed();
    references.sort();
    references.dedup();
    assert_eq!(references.len(), 100, "every acknowledged lead has its own reference");

    // A session made on one instance works on the other, and ends on both.
    let cookie = login_at(&client, &a.address, "sales@example.com", PASSWORD).await;
    let list = client.get(format!("{}/inbox", b.address)).header("cookie", &cookie).send().await.unwrap();
    assert_eq!(list.status(), 200);
    assert!(list.text().await.unwrap().contains("All (100)"), "instance B sees every lead");
    let out = client
        .post(format!("{}/inbox/logout", b.address))
        .header("cookie", &cookie)
        .form(&[("everywhere", "")])
        .send()
        .await
        .unwrap();
    assert_eq!(out.status(), 303);
    let after = client.get(format!("{}/inbox", a.address)).header("cookie", &cookie).send().await.unwrap();
    assert_eq!(after.status(), 303, "logged out on B is logged out on A");

    // Every notification delivered, each exactly once, whichever instance's worker sent it.
    let waiting = Instant::now();
    while hook.received.lock().unwrap().len() < 100 && waiting.elapsed() < Duration::from_secs(30) {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let delivered_in = sending.elapsed();
    // Give any duplicate the time of several polls to show up.
    tokio::time::sleep(Duration::from_millis(1000)).await;
    let mut delivered: Vec<String> = hook
        .received
        .lock()
        .unwrap()
        .iter()
        .map(|(_, body)| {
            serde_json::from_str::<serde_json::Value>(body).unwrap()["reference"].as_str().unwrap().to_string()
        })
        .collect();
    let deliveries = delivered.len();
    delivered.sort();
    assert_eq!(deliveries, 100, "one delivery per lead");
    assert_eq!(delivered, references, "every lead's notification, none twice");

    let db = sqlx::PgPool::connect(&pg.url).await.unwrap();
    let (rows, distinct): (i64, i64) =
        sqlx::query_as("SELECT COUNT(*), COUNT(DISTINCT reference) FROM leads").fetch_one(&db).await.unwrap();
    assert_eq!((rows, distinct), (100, 100));
    let undelivered: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE delivered_at IS NULL").fetch_one(&db).await.unwrap();
    assert_eq!(undelivered, 0);
    db.close().await;
    println!("100 leads acknowledged in {sent_in:?} across two instances; all 100 notifications delivered once, {delivered_in:?} after the first was sent");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_instances_send_each_reminder_and_overdue_alert_once_and_none_for_answered_leads() {
    let pg = TestPostgres::create().await;
    let hook = receiver(0).await;
    let dir = tempfile::tempdir().unwrap();
    let mut env = shared_env(&pg, &hook.url, &dir);
    env.insert("ARCHGUIDE_REPLY_WITHIN".into(), "8s".into());
    env.insert("ARCHGUIDE_REMINDER_BEFORE".into(), "4s".into());
    let (a, b) = start_two(&env);
    add_staff_with_binary(&env, "admin@example.com", "admin", PASSWORD);
    add_staff_with_binary(&env, "sales@example.com", "sales", PASSWORD);

    let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let mut references = Vec::new();
    for n in 0..20 {
        references.push(send_lead(&client, if n % 2 == 0 { &a.address } else { &b.address }, n).await);
    }
    // Five leads are answered before their reminder is due.
    let db = sqlx::PgPool::connect(&pg.url).await.unwrap();
    let answered: Vec<String> = references[..5].to_vec();
    sqlx::query(
        "UPDATE leads SET first_reply_at = now(), owed_since = NULL, status = 'contacted' WHERE reference = ANY($1)",
    )
    .bind(&answered)
    .execute(&db)
    .await
    .unwrap();

    // Every lead is overdue after 8 s; give both workers many more polls to repeat anything.
    tokio::time::sleep(Duration::from_secs(11)).await;
    let mut notices: HashMap<(String, String), usize> = HashMap::new();
    for (_, body) in hook.received.lock().unwrap().iter() {
        let json: serde_json::Value = serde_json::from_str(body).unwrap();
        let subject = json["subject"].as_str().unwrap();
        let kind = subject.split(':').next().unwrap().split(" lead").next().unwrap().to_string();
        *notices.entry((json["reference"].as_str().unwrap().to_string(), kind)).or_default() += 1;
    }
    for reference in &references {
        let count = |kind: &str| notices.get(&(reference.clone(), kind.to_string())).copied().unwrap_or(0);
        let expected = if answered.contains(reference) { (1, 0, 0) } else { (1, 1, 1) };
        assert_eq!((count("New"), count("Reply soon"), count("Overdue")), expected, "{reference}: {notices:?}");
    }
    let events: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM lead_events WHERE kind IN ('reminded', 'overdue')")
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(events, 30, "one history line per notice");
    db.close().await;
}
