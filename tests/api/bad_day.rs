//! A bad day for the database: a full disk under SQLite and PostgreSQL going away under load.
//! Nothing acknowledged is lost, visitors get a clear 503 meanwhile, `/readyz` says so, and the
//! instance takes leads again by itself as soon as the database does, without a restart.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::net::{TcpListener, TcpStream};

use crate::helpers::{form_token, reference_in, spawn_app_with, test_env, Process, TestPostgres};

/// A small filesystem of its own (a tmpfs), unmounted when dropped. Mounting needs root, as the
/// test suite runs in CI.
struct SmallDisk {
    dir: tempfile::TempDir,
}

impl SmallDisk {
    fn mount(megabytes: u32) -> SmallDisk {
        let dir = tempfile::tempdir().unwrap();
        let status = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={megabytes}m"), "tmpfs"])
            .arg(dir.path())
            .status()
            .expect("mount runs");
        assert!(status.success(), "the full-disk test mounts a small tmpfs: run the tests as root (CI does)");
        SmallDisk { dir }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Fills what is left of the disk with one file; its path.
    fn fill(&self) -> PathBuf {
        let path = self.path().join("filler");
        let mut file = std::fs::File::create(&path).unwrap();
        let block = vec![0u8; 16 * 1024];
        while file.write_all(&block).and_then(|()| file.flush()).is_ok() {}
        // What a partial block could not take, byte by byte.
        while file.write_all(&[0]).is_ok() {}
        path
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(self.dir.path()).status();
    }
}

/// Posts one lead; its reference when acknowledged, else the status.
async fn send_lead(client: &reqwest::Client, base: &str, n: usize) -> Result<String, u16> {
    let token = form_token(client, base).await.ok_or(0u16)?;
    let response = client
        .post(format!("{base}/contact"))
        .form(&[
            ("token", token.as_str()),
            ("name", &format!("Bad Day {n}")),
            ("email", "bad.day@example.com"),
            ("message", "Sent while the database has a bad day."),
            ("consent", "yes"),
        ])
        .send()
        .await
        .map_err(|_| 0u16)?;
    match response.status().as_u16() {
        303 => Ok(reference_in(response.headers()["location"].to_str().unwrap())),
        status => Err(status),
    }
}

async fn ready(client: &reqwest::Client, base: &str) -> (u16, String) {
    let response = client.get(format!("{base}/readyz")).send().await.unwrap();
    (response.status().as_u16(), response.text().await.unwrap())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_a_full_disk_is_freed_leads_are_taken_again_without_a_restart_and_none_acknowledged_is_lost() {
    let disk = SmallDisk::mount(8);
    let data = tempfile::tempdir().unwrap();
    let mut env = test_env(&data);
    env.insert("DATABASE_URL".into(), format!("sqlite://{}", disk.path().join("archguide.db").display()));
    env.insert("ARCHGUIDE_LOG".into(), "info".into());
    let server = Process::start(&env);
    let base = server.address.clone();
    let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();

    let mut acknowledged = Vec::new();
    for n in 0..3 {
        acknowledged.push(send_lead(&client, &base, n).await.expect("leads are taken while there is room"));
    }
    let filler = disk.fill();
    let mut refused = None;
    for n in 3..300 {
        match send_lead(&client, &base, n).await {
            Ok(reference) => acknowledged.push(reference),
            Err(status) => {
                refused = Some(status);
                break;
            }
        }
    }
    assert_eq!(refused, Some(503), "a full disk refuses the lead with 503");
    assert_eq!(ready(&client, &base).await, (503, "database refuses writes".to_string()));
    assert_eq!(send_lead(&client, &base, 300).await, Err(503), "still full, still refused");

    std::fs::remove_file(filler).unwrap();
    let started = Instant::now();
    while ready(&client, &base).await.0 != 200 {
        assert!(started.elapsed() < Duration::from_secs(10), "ready again once the disk has room");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    for n in 301..304 {
        acknowledged.push(send_lead(&client, &base, n).await.expect("leads are taken again, without a restart"));
    }

    let db = sqlx::SqlitePool::connect(&format!("sqlite://{}?mode=ro", disk.path().join("archguide.db").display()))
        .await
        .unwrap();
    for reference in &acknowledged {
        let found: Option<(String,)> = sqlx::query_as("SELECT reference FROM leads WHERE reference = ?")
            .bind(reference)
            .fetch_optional(&db)
            .await
            .unwrap();
        assert!(found.is_some(), "acknowledged lead {reference} is stored");
    }
    db.close().await;

    let log = server.output.lock().unwrap().clone();
    assert_eq!(log.matches("the database refuses writes").count(), 1, "said once:\n{log}");
    assert_eq!(log.matches("the database takes writes again").count(), 1, "its end said once:\n{log}");
    assert!(!log.contains("non-zero transaction depth"), "no connection was reused in a transaction:\n{log}");
}

/// A TCP proxy in front of PostgreSQL that the test can cut (every connection closed, new ones
/// refused at once) and restore, as a database server that stops and starts looks to the app.
struct Cable {
    port: u16,
    up: Arc<AtomicBool>,
}

impl Cable {
    async fn to(target: &'static str) -> Cable {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let up = Arc::new(AtomicBool::new(true));
        let flag = up.clone();
        tokio::spawn(async move {
            while let Ok((mut inbound, _)) = listener.accept().await {
                if !flag.load(Ordering::SeqCst) {
                    continue; // dropped: closed at once
                }
                let flag = flag.clone();
                tokio::spawn(async move {
                    let Ok(mut outbound) = TcpStream::connect(target).await else { return };
                    let copy = tokio::io::copy_bidirectional(&mut inbound, &mut outbound);
                    let cut = async {
                        while flag.load(Ordering::SeqCst) {
                            tokio::time::sleep(Duration::from_millis(20)).await;
                        }
                    };
                    tokio::select! { _ = copy => {}, _ = cut => {} }
                });
            }
        });
        Cable { port, up }
    }

    fn set(&self, up: bool) {
        self.up.store(up, Ordering::SeqCst);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_gone_for_five_seconds_under_load_loses_no_acknowledged_lead_and_the_instance_recovers_by_itself() {
    let db = TestPostgres::create().await;
    let cable = Cable::to("127.0.0.1:5432").await;
    let name = db.url.rsplit('/').next().unwrap().to_string();
    let url = format!("postgres://postgres@127.0.0.1:{}/{name}", cable.port);
    let app = spawn_app_with(&[("DATABASE_URL", url.as_str())]).await;
    let base = app.address.clone();

    let stop = Arc::new(AtomicBool::new(false));
    let senders: Vec<_> = (0..4)
        .map(|sender| {
            let (client, base, stop) = (app.client.clone(), base.clone(), stop.clone());
            tokio::spawn(async move {
                let (mut acknowledged, mut refused) = (Vec::new(), Vec::new());
                let mut n = 0;
                while !stop.load(Ordering::SeqCst) {
                    n += 1;
                    match send_lead(&client, &base, sender * 10_000 + n).await {
                        Ok(reference) => acknowledged.push(reference),
                        Err(status) => refused.push(status),
                    }
                }
                (acknowledged, refused)
            })
        })
        .collect();

    tokio::time::sleep(Duration::from_secs(2)).await;
    cable.set(false);
    let cut = Instant::now();
    tokio::time::sleep(Duration::from_secs(1)).await;
    let (status, why) = ready(&app.client, &base).await;
    assert_eq!(status, 503, "not ready while the database is gone: {why}");
    tokio::time::sleep(Duration::from_secs(5).saturating_sub(cut.elapsed())).await;
    cable.set(true);
    let back = Instant::now();
    while ready(&app.client, &base).await.0 != 200 {
        assert!(back.elapsed() < Duration::from_secs(20), "ready again once the database is back");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    tokio::time::sleep(Duration::from_secs(2)).await;
    stop.store(true, Ordering::SeqCst);

    let (mut acknowledged, mut refused) = (Vec::new(), Vec::new());
    for sender in senders {
        let (a, r) = sender.await.unwrap();
        acknowledged.extend(a);
        refused.extend(r);
    }
    assert!(refused.iter().all(|s| *s == 503), "every refusal is a clear 503: {refused:?}");
    assert!(!refused.is_empty(), "the outage was felt");
    let after = send_lead(&app.client, &base, 99_999).await.expect("leads are taken again, without a restart");
    acknowledged.push(after);

    let direct = sqlx::PgPool::connect(&db.url).await.unwrap();
    let stored: Vec<(String,)> = sqlx::query_as("SELECT reference FROM leads").fetch_all(&direct).await.unwrap();
    let stored: std::collections::HashSet<String> = stored.into_iter().map(|(r,)| r).collect();
    for reference in &acknowledged {
        assert!(stored.contains(reference), "acknowledged lead {reference} is stored");
    }
    direct.close().await;
    println!(
        "{} leads acknowledged, {} refused with 503 while the database was gone",
        acknowledged.len(),
        refused.len()
    );
}
