//! The CSV of every lead is written as it is read: exporting thousands of leads takes no more of
//! the server's memory than one batch of them, not memory that grows with the number of leads.
//!
//! Its own test binary, so that its allocator counts this server alone: the peak of the bytes
//! allocated while the export runs is compared with what was allocated just before it.

use std::alloc::{GlobalAlloc, Layout, System};
use std::collections::HashMap;
use std::io::Write;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use archguide::server::clock::SystemClock;
use archguide::server::settings::Settings;
use archguide::startup::Application;

/// The system allocator, counting the bytes in use and their peak.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let pointer = unsafe { System.alloc(layout) };
        if !pointer.is_null() {
            let now = IN_USE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        pointer
    }

    unsafe fn dealloc(&self, pointer: *mut u8, layout: Layout) {
        unsafe { System.dealloc(pointer, layout) };
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const LEADS: u32 = 3000;

fn binary(env: &HashMap<String, String>) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_archguide"));
    command.env_clear().envs(env).env("PATH", std::env::var("PATH").unwrap_or_default());
    command
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn exporting_every_lead_takes_the_memory_of_one_batch_not_of_every_lead() {
    let dir = tempfile::tempdir().unwrap();
    let env = HashMap::from([
        ("DATABASE_URL".to_string(), format!("sqlite://{}", dir.path().join("archguide.db").display())),
        ("LEPTOS_SITE_ADDR".to_string(), "127.0.0.1:0".to_string()),
        ("ARCHGUIDE_LOG".to_string(), "warn".to_string()),
    ]);
    let filled = binary(&env).args(["demo-data", &LEADS.to_string()]).output().unwrap();
    assert!(filled.status.success(), "{}", String::from_utf8_lossy(&filled.stderr));
    let mut add = binary(&env);
    let mut add =
        add.args(["user", "add", "sales@example.com", "--role", "sales"]).stdin(Stdio::piped()).spawn().unwrap();
    add.stdin.take().unwrap().write_all(b"a long and quiet password for the export\n").unwrap();
    assert!(add.wait().unwrap().success());

    let settings = Settings::from_lookup(|k| env.get(k).cloned()).unwrap();
    let app = Application::build_with_clock(settings, Arc::new(SystemClock)).await.unwrap();
    let base = format!("http://127.0.0.1:{}", app.port());
    tokio::spawn(app.run_until_stopped(std::future::pending()));
    let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let login = client
        .post(format!("{base}/inbox/login"))
        .form(&[("email", "sales@example.com"), ("password", "a long and quiet password for the export")])
        .send()
        .await
        .unwrap();
    assert_eq!(login.status(), 303);
    let cookie = login.headers()["set-cookie"].to_str().unwrap().split(';').next().unwrap().to_string();
    let get = |path: &str| client.get(format!("{base}{path}")).header("cookie", cookie.clone()).send();

    // Everything a first export sets up (the page's code paths, the connections) is set up.
    assert_eq!(get("/inbox").await.unwrap().status(), 200);
    let none = get("/inbox/export.csv?q=nobody-has-this-name").await.unwrap().bytes().await.unwrap();
    assert_eq!(none.split(|b| *b == b'\n').filter(|l| !l.is_empty()).count(), 1, "the header only");

    let before = IN_USE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let mut response = get("/inbox/export.csv").await.unwrap();
    assert_eq!(response.status(), 200);
    let (mut bytes, mut lines) = (0usize, 0usize);
    while let Some(chunk) = response.chunk().await.unwrap() {
        bytes += chunk.len();
        lines += chunk.iter().filter(|b| **b == b'\n').count();
    }
    let grew = PEAK.load(Ordering::Relaxed) - before;
    println!("exported {lines} lines, {bytes} bytes; the peak grew by {grew} bytes");

    // Every lead but the ones held as spam, and the header.
    // (demo data holds one lead in 500 as spam, `demo_data::is_spam`)
    let spam = (0..LEADS).filter(|n| n % 500 == 7).count();
    assert_eq!(lines, LEADS as usize - spam + 1);
    assert!(bytes > 1_000_000, "enough to tell a stream from a file built in memory: {bytes}");
    // Built in memory, the file alone would take its size, and the leads read for it several
    // times more (each row comes with its guide result); streamed, one batch of rows at a time.
    assert!(grew < bytes, "the export took {grew} bytes of memory for a {bytes}-byte file");
}
