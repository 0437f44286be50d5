//! Real outside servers a test starts on free ports and stops with itself: Radicale (CalDAV),
//! aiosmtpd (SMTP, writing a Maildir) and Dovecot (IMAP, with one local user).

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::Value;

/// The project's Python environment (`scripts/setup.sh` makes it).
pub fn python() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(".venv/bin/python")
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// A server process the test started, stopped with the test.
pub struct Server {
    child: Child,
    pub port: u16,
    _dir: tempfile::TempDir,
    pub dir: PathBuf,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub async fn listening(port: u16, what: &str) {
    for _ in 0..200 {
        if tokio::net::TcpStream::connect(("127.0.0.1", port)).await.is_ok() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("{what} did not start on port {port}");
}

/// Radicale, Debian's CalDAV server, on a free port with its own storage; any user name and
/// password sign in.
pub async fn radicale() -> Server {
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let config = dir.path().join("config");
    std::fs::write(
        &config,
        format!(
            "[server]\nhosts = 127.0.0.1:{port}\n[auth]\ntype = none\n[rights]\ntype = authenticated\n\
             [storage]\nfilesystem_folder = {}\n[logging]\nlevel = error\n",
            dir.path().join("collections").display()
        ),
    )
    .unwrap();
    let child = Command::new("radicale")
        .arg("--config")
        .arg(&config)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("radicale runs (scripts/setup.sh installs it)");
    listening(port, "radicale").await;
    let path = dir.path().to_path_buf();
    Server { child, port, _dir: dir, dir: path }
}

/// aiosmtpd's SMTP server on a free port, writing every message it accepts into a Maildir.
pub async fn smtp_server() -> Server {
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let maildir = dir.path().join("mail");
    let child = Command::new(python())
        .args(["-m", "aiosmtpd", "-n", "-l", &format!("127.0.0.1:{port}"), "-c", "aiosmtpd.handlers.Mailbox"])
        .arg(&maildir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("aiosmtpd runs (scripts/setup.sh installs it)");
    listening(port, "the SMTP server").await;
    Server { child, port, _dir: dir, dir: maildir }
}

/// Every email the SMTP server has received, as the Python reader parsed it.
pub fn received(maildir: &Path) -> Vec<Value> {
    if !maildir.join("new").exists() {
        return Vec::new();
    }
    let out = Command::new(python())
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tools/read_calendar_mail.py"))
        .arg("maildir")
        .arg(maildir)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Waits until the emails that `pick` keeps number `n`; returns them.
pub async fn emails(maildir: &Path, n: usize, pick: impl Fn(&Value) -> bool) -> Vec<Value> {
    for _ in 0..200 {
        let found: Vec<Value> = received(maildir).into_iter().filter(&pick).collect();
        if found.len() >= n {
            assert_eq!(found.len(), n, "{found:#?}");
            return found;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("timed out waiting for {n} emails: {:#?}", received(maildir));
}

/// Dovecot, Debian's IMAP server, on a free port with one user (`sales`, password `secret`)
/// whose mail lives in the test's own folder, and an `Archive` folder
/// (`tests/tools/dovecot.sh`, which the browser tests use too).
pub async fn dovecot() -> Server {
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let child = Command::new("bash")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tools/dovecot.sh"))
        .arg(dir.path())
        .arg(port.to_string())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("dovecot runs (scripts/setup.sh installs dovecot-imapd)");
    listening(port, "dovecot").await;
    let path = dir.path().to_path_buf();
    Server { child, port, _dir: dir, dir: path }
}

/// The shared mailbox as Python's imaplib sees it (`tests/tools/mailbox.py`).
pub fn mailbox(port: u16, args: &[&str]) -> serde_json::Value {
    let out = Command::new(python())
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tools/mailbox.py"))
        .arg(args[0])
        .args([&port.to_string(), "sales", "secret"])
        .args(&args[1..])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}
