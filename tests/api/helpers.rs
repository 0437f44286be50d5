//! Starting the application for a test, and starting the real binary for process-level tests.

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use archguide::server::clock::{Clock, ManualClock, SystemClock};
use archguide::server::settings::Settings;
use archguide::startup::Application;
use tempfile::TempDir;

/// A running application; it stops when dropped.
pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    pub data_dir: TempDir,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

impl TestApp {
    /// Stops the app and hands back its data folder, e.g. to start another app on it.
    pub async fn stop(mut self) -> TempDir {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        // Give the server a moment to close its connections and the database.
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        let placeholder = tempfile::tempdir().unwrap();
        std::mem::replace(&mut self.data_dir, placeholder)
    }

    /// A read connection to this app's SQLite file, for checking what was stored.
    pub async fn db(&self) -> sqlx::SqlitePool {
        let file = self.data_dir.path().join("archguide.db");
        sqlx::SqlitePool::connect(&format!("sqlite://{}", file.display())).await.unwrap()
    }

    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        self.client.post(format!("{}{path}", self.address)).form(fields).send().await.expect("request failed")
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(format!("{}{path}", self.address)).send().await.expect("request failed")
    }
}

/// The test environment: a fresh database in a temporary folder, port 0, quiet logs.
pub fn test_env(data_dir: &TempDir) -> HashMap<String, String> {
    HashMap::from([
        ("DATABASE_URL".to_string(), format!("sqlite://{}", data_dir.path().join("archguide.db").display())),
        ("LEPTOS_SITE_ADDR".to_string(), "127.0.0.1:0".to_string()),
        ("ARCHGUIDE_LOG".to_string(), "warn".to_string()),
        // Tests post forms at machine speed and many times; the spam and rate-limit tests
        // switch these back on.
        ("ARCHGUIDE_MIN_FILL_SECONDS".to_string(), "0".to_string()),
        ("ARCHGUIDE_CONTACT_RATE_LIMIT".to_string(), "0".to_string()),
    ])
}

/// Starts the application in this process on a free port with its own fresh database.
pub async fn spawn_app() -> TestApp {
    spawn_app_with(&[]).await
}

/// Like `spawn_app`, with some settings changed.
pub async fn spawn_app_with(overrides: &[(&str, &str)]) -> TestApp {
    spawn_app_in(tempfile::tempdir().expect("temp dir"), overrides).await
}

/// Starts the application on the database in `data_dir` (e.g. one a stopped app left behind).
pub async fn spawn_app_in(data_dir: TempDir, overrides: &[(&str, &str)]) -> TestApp {
    start(data_dir, overrides, Arc::new(SystemClock)).await
}

/// Starts the application with its time (for sessions and the inbox) taken from `clock`.
pub async fn spawn_app_with_clock(clock: ManualClock, overrides: &[(&str, &str)]) -> TestApp {
    start(tempfile::tempdir().expect("temp dir"), overrides, Arc::new(clock)).await
}

async fn start(data_dir: TempDir, overrides: &[(&str, &str)], clock: Arc<dyn Clock>) -> TestApp {
    let mut env = test_env(&data_dir);
    for (name, value) in overrides {
        env.insert(name.to_string(), value.to_string());
    }
    let settings = Settings::from_lookup(|k| env.get(k).cloned()).expect("test settings");
    let app = Application::build_with_clock(settings, clock).await.expect("app builds");
    let address = format!("http://127.0.0.1:{}", app.port());
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(app.run_until_stopped(async {
        let _ = stopped.await;
    }));
    let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    TestApp { address, client, data_dir, stop: Some(stop) }
}

/// The real `archguide` binary, started with the given environment.
pub struct Process {
    pub child: Child,
    pub address: String,
    /// Everything the process has logged (on standard error) so far.
    pub output: Arc<std::sync::Mutex<String>>,
}

impl Process {
    /// Starts the binary and waits until it says where it listens.
    pub fn start(env: &HashMap<String, String>) -> Process {
        let mut child = command(env).stderr(Stdio::piped()).spawn().expect("binary starts");
        let stderr = child.stderr.take().unwrap();
        let mut lines = BufReader::new(stderr).lines();
        let output = Arc::new(std::sync::Mutex::new(String::new()));
        let address = loop {
            let line = lines.next().expect("the server printed where it listens").unwrap();
            output.lock().unwrap().push_str(&format!("{line}\n"));
            if let Some(at) = line.find("listening on http://") {
                break line[at + "listening on ".len()..].trim().to_string();
            }
        };
        // Keep reading the log so the server never blocks on a full pipe.
        let kept = output.clone();
        std::thread::spawn(move || {
            for line in lines.map_while(Result::ok) {
                kept.lock().unwrap().push_str(&format!("{line}\n"));
            }
        });
        Process { child, address, output }
    }

    /// Sends SIGTERM, as an orchestrator would.
    pub fn terminate(&self) {
        let status = Command::new("kill").args(["-TERM", &self.child.id().to_string()]).status().unwrap();
        assert!(status.success());
    }

    /// Waits for the process to exit; `None` if it is still running after `limit`.
    pub fn wait_for_exit(&mut self, limit: Duration) -> Option<std::process::ExitStatus> {
        let started = Instant::now();
        while started.elapsed() < limit {
            if let Some(status) = self.child.try_wait().unwrap() {
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }
}

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A command for the binary with exactly this environment (plus PATH).
pub fn command(env: &HashMap<String, String>) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_archguide"));
    cmd.env_clear().envs(env).env("PATH", std::env::var("PATH").unwrap_or_default());
    cmd.stdin(Stdio::null());
    cmd
}

/// A fresh PostgreSQL database on the local server, for one test.
pub struct TestPostgres {
    pub url: String,
    name: String,
}

impl TestPostgres {
    /// The server the tests use: `ARCHGUIDE_TEST_POSTGRES` or the local one with trust auth.
    fn server() -> String {
        std::env::var("ARCHGUIDE_TEST_POSTGRES").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432".to_string())
    }

    async fn admin() -> sqlx::PgConnection {
        use sqlx::Connection;
        let url = format!("{}/postgres", Self::server());
        sqlx::PgConnection::connect(&url)
            .await
            .unwrap_or_else(|e| panic!("PostgreSQL is needed for this test and is not reachable at {url}: {e}"))
    }

    pub async fn create() -> TestPostgres {
        let name = format!("archguide_test_{}", uuid_like());
        let mut admin = Self::admin().await;
        sqlx::query(&format!("CREATE DATABASE {name}")).execute(&mut admin).await.unwrap();
        TestPostgres { url: format!("{}/{name}", Self::server()), name }
    }

    /// Drops the database at once, cutting every connection to it.
    pub async fn drop_now(&self) {
        let mut admin = Self::admin().await;
        sqlx::query(&format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name)).execute(&mut admin).await.unwrap();
    }
}

impl Drop for TestPostgres {
    fn drop(&mut self) {
        let name = self.name.clone();
        // Dropping needs async work; do it on a thread of its own so any runtime state is fine.
        let _ = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
            rt.block_on(async {
                let mut admin = TestPostgres::admin().await;
                let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).execute(&mut admin).await;
            });
        })
        .join();
    }
}

fn uuid_like() -> String {
    use std::sync::atomic::{AtomicU32, Ordering};
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos();
    format!("{}_{}_{}", std::process::id(), nanos, COUNTER.fetch_add(1, Ordering::Relaxed))
}

/// A logged-in staff member's cookie, as the browser would send it back.
#[derive(Clone, Debug)]
pub struct Session {
    pub cookie: String,
}

impl TestApp {
    /// Adds a staff account straight in the database (as `archguide user add` does).
    pub async fn add_staff(&self, email: &str, role: archguide::domain::staff::Role, password: &str) {
        let url = format!("sqlite://{}", self.data_dir.path().join("archguide.db").display());
        add_staff_to(&url, email, role, password).await;
    }

    /// Logs in and returns the session cookie; panics if the login is refused.
    pub async fn login(&self, email: &str, password: &str) -> Session {
        Session { cookie: login_at(&self.client, &self.address, email, password).await }
    }

    /// GET with a session cookie.
    pub async fn get_as(&self, session: &Session, path: &str) -> reqwest::Response {
        self.client
            .get(format!("{}{path}", self.address))
            .header("cookie", &session.cookie)
            .send()
            .await
            .expect("request failed")
    }

    /// A form post with a session cookie.
    pub async fn post_as(&self, session: &Session, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        self.client
            .post(format!("{}{path}", self.address))
            .header("cookie", &session.cookie)
            .form(fields)
            .send()
            .await
            .expect("request failed")
    }

    /// Sends a lead through the contact form, with `changes` to the usual fields; returns its
    /// reference.
    pub async fn send_lead(&self, changes: &[(&str, &str)]) -> String {
        let token = form_token(&self.client, &self.address).await.expect("the form carries a token");
        let mut fields: Vec<(&str, &str)> = vec![
            ("name", "Zoë Ångström"),
            ("email", "zoe@example.com"),
            ("company", "Example GmbH"),
            ("message", "We are building a marketplace and wonder about microservices."),
            ("consent", "yes"),
        ];
        for (name, value) in changes {
            fields.retain(|(k, _)| k != name);
            fields.push((name, value));
        }
        fields.push(("token", &token));
        let response = self.post_form("/contact", &fields).await;
        assert_eq!(response.status(), 303, "the lead was not stored");
        reference_in(response.headers()["location"].to_str().unwrap())
    }
}

/// A webhook receiver on a free local port that fails its first `failures` requests.
pub struct Receiver {
    pub url: String,
    pub received: Arc<std::sync::Mutex<Vec<(axum::http::HeaderMap, String)>>>,
}

pub async fn receiver(failures: usize) -> Receiver {
    let received = Arc::new(std::sync::Mutex::new(Vec::new()));
    let seen = received.clone();
    let app = axum::Router::new().route(
        "/hook",
        axum::routing::post(move |headers: axum::http::HeaderMap, body: String| {
            let seen = seen.clone();
            async move {
                let mut seen = seen.lock().unwrap();
                seen.push((headers, body));
                if seen.len() <= failures {
                    axum::http::StatusCode::INTERNAL_SERVER_ERROR
                } else {
                    axum::http::StatusCode::OK
                }
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr: std::net::SocketAddr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    Receiver { url: format!("http://{addr}/hook"), received }
}

/// A fresh contact-form token from the instance at `base`, as its page hands it out; `None`
/// when the instance does not answer (or the page has no token).
pub async fn form_token(client: &reqwest::Client, base: &str) -> Option<String> {
    let html = client.get(format!("{base}/contact")).send().await.ok()?.text().await.ok()?;
    let marker = r#"name="token" value=""#;
    let at = html.find(marker)? + marker.len();
    html[at..].split('"').next().map(str::to_string)
}

/// Posts one complete contact form to the instance at `base`: `Some(reference)` when the lead
/// was acknowledged, `None` when the server was not there to take it (no form, or the
/// connection closed before an answer). Any other answer fails the test.
pub async fn post_lead(client: &reqwest::Client, base: &str, name: &str) -> Option<String> {
    let token = form_token(client, base).await?;
    let response = client
        .post(format!("{base}/contact"))
        .form(&[
            ("token", token.as_str()),
            ("name", name),
            ("email", "sender@example.com"),
            ("message", "Sent by a test."),
            ("consent", "yes"),
        ])
        .send()
        .await
        .ok()?;
    assert_eq!(response.status(), 303, "{name}: the lead was not acknowledged");
    Some(reference_in(response.headers()["location"].to_str().unwrap()))
}

/// The lead reference in a thanks page's address (`/contact/thanks?ref=AG-…&…`).
pub fn reference_in(location: &str) -> String {
    let (_, rest) = location.split_once("ref=").unwrap_or_else(|| panic!("no reference in {location}"));
    rest.split('&').next().unwrap().to_string()
}

/// Logs in on the instance at `base`; the session cookie (`name=value`).
pub async fn login_at(client: &reqwest::Client, base: &str, email: &str, password: &str) -> String {
    let response = client
        .post(format!("{base}/inbox/login"))
        .form(&[("email", email), ("password", password)])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 303, "login refused for {email}");
    response.headers()["set-cookie"].to_str().unwrap().split(';').next().unwrap().to_string()
}

/// Adds a staff account with the binary, as an operator would (`archguide user add`).
pub fn add_staff_with_binary(env: &HashMap<String, String>, email: &str, role: &str, password: &str) {
    use std::io::Write;
    let mut add = command(env).args(["user", "add", email, "--role", role]).stdin(Stdio::piped()).spawn().unwrap();
    add.stdin.take().unwrap().write_all(format!("{password}\n").as_bytes()).unwrap();
    assert!(add.wait().unwrap().success(), "adding {email} failed");
}

/// Adds a staff account straight in the database at `database_url`.
pub async fn add_staff_to(database_url: &str, email: &str, role: archguide::domain::staff::Role, password: &str) {
    use archguide::server::store::database::{Database, DatabaseUrl};
    let db = Database::connect(&DatabaseUrl::parse(database_url).unwrap()).await.unwrap();
    let stores = archguide::server::store::Stores::new(&db);
    let hash = archguide::server::auth::password::hash(password.to_string()).await.unwrap();
    let email = archguide::domain::staff::StaffEmail::parse(email).expect("a valid staff email");
    assert!(stores.users.add_user(&email, role, &hash, chrono::Utc::now()).await.unwrap());
    db.close().await;
}

/// A staff page's HTML; it must answer 200.
pub async fn page(app: &TestApp, session: &Session, path: &str) -> String {
    let response = app.get_as(session, path).await;
    assert_eq!(response.status(), 200, "{path}");
    response.text().await.unwrap()
}

/// Waits until the page at `path` holds `text`; returns the page.
pub async fn until_page_holds(app: &TestApp, session: &Session, path: &str, text: &str) -> String {
    let mut last = String::new();
    for _ in 0..150 {
        last = page(app, session, path).await;
        if last.contains(text) {
            return last;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{path} never showed {text:?}:\n{last}");
}
