//! The real binary, as operators run it: configuration errors, SIGTERM, restarts.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use crate::helpers::{command, test_env, Process};

fn env_with(dir: &tempfile::TempDir, pairs: &[(&str, &str)]) -> HashMap<String, String> {
    let mut env = test_env(dir);
    env.insert("ARCHGUIDE_LOG".into(), "info".into());
    for (k, v) in pairs {
        env.insert(k.to_string(), v.to_string());
    }
    env
}

fn get(address: &str, path: &str) -> (u16, String) {
    let host = address.trim_start_matches("http://");
    let mut stream = TcpStream::connect(host).unwrap();
    write!(stream, "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n").unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let status = response[9..12].parse().unwrap();
    (status, response)
}

#[test]
fn help_lists_the_subcommands() {
    let dir = tempfile::tempdir().unwrap();
    let output = command(&test_env(&dir)).arg("--help").output().unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("serve") && text.contains("migrate"), "{text}");
}

#[test]
fn a_bad_database_url_stops_with_one_line_naming_the_setting() {
    let dir = tempfile::tempdir().unwrap();
    let file_in_the_way = dir.path().join("file");
    std::fs::write(&file_in_the_way, b"").unwrap();
    let cases = [
        ("mysql://localhost/archguide".to_string(), 2),
        (format!("sqlite://{}/sub/archguide.db", file_in_the_way.display()), 1),
        (format!("sqlite://{}", dir.path().display()), 1),
    ];
    for (url, code) in cases {
        let output = command(&env_with(&dir, &[("DATABASE_URL", &url)])).output().unwrap();
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert_eq!(output.status.code(), Some(code), "{url}: {stderr}");
        assert_eq!(stderr.trim().lines().count(), 1, "{url}: {stderr}");
        assert!(stderr.contains("DATABASE_URL"), "{url}: {stderr}");
        assert!(!stderr.contains("panicked"), "{url}: {stderr}");
    }
}

#[test]
fn sigterm_stops_the_server_with_exit_code_0_within_10_seconds() {
    let dir = tempfile::tempdir().unwrap();
    let mut server = Process::start(&env_with(&dir, &[]));
    assert_eq!(get(&server.address, "/healthz").0, 200);
    // An idle keep-alive connection must not hold the shutdown up.
    let _idle = TcpStream::connect(server.address.trim_start_matches("http://")).unwrap();
    let started = Instant::now();
    server.terminate();
    let status = server.wait_for_exit(Duration::from_secs(10)).expect("exited within 10 s");
    assert!(status.success(), "{status}");
    assert!(started.elapsed() < Duration::from_secs(10));
}

#[test]
fn a_request_in_flight_at_sigterm_is_still_answered() {
    let dir = tempfile::tempdir().unwrap();
    let mut server = Process::start(&env_with(&dir, &[]));
    let host = server.address.trim_start_matches("http://").to_string();
    let mut stream = TcpStream::connect(&host).unwrap();
    // Half a request: the server has started reading it when the signal arrives.
    write!(stream, "GET /healthz HTTP/1.1\r\nHost: {host}\r\n").unwrap();
    stream.flush().unwrap();
    std::thread::sleep(Duration::from_millis(200));
    server.terminate();
    std::thread::sleep(Duration::from_millis(200));
    write!(stream, "Connection: close\r\n\r\n").unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    let status = server.wait_for_exit(Duration::from_secs(10)).expect("exited");
    assert!(status.success());
}

#[test]
fn a_request_that_never_finishes_cannot_hold_the_shutdown_past_the_grace_period() {
    let dir = tempfile::tempdir().unwrap();
    let mut server = Process::start(&env_with(&dir, &[("ARCHGUIDE_SHUTDOWN_GRACE_SECONDS", "1")]));
    let host = server.address.trim_start_matches("http://").to_string();
    let mut stream = TcpStream::connect(&host).unwrap();
    write!(stream, "GET /healthz HTTP/1.1\r\nHost: {host}\r\n").unwrap();
    std::thread::sleep(Duration::from_millis(200));
    server.terminate();
    let status = server.wait_for_exit(Duration::from_secs(5)).expect("exited after the grace period");
    assert!(status.success());
}

#[test]
fn the_server_starts_again_on_the_same_database() {
    let dir = tempfile::tempdir().unwrap();
    let env = env_with(&dir, &[]);
    for _ in 0..2 {
        let mut server = Process::start(&env);
        assert_eq!(get(&server.address, "/readyz").0, 200);
        server.terminate();
        assert!(server.wait_for_exit(Duration::from_secs(10)).unwrap().success());
    }
}

#[test]
fn json_logs_are_one_object_per_line() {
    let dir = tempfile::tempdir().unwrap();
    let env = env_with(&dir, &[("ARCHGUIDE_LOG_FORMAT", "json")]);
    let output = command(&env).arg("migrate").output().unwrap();
    assert!(output.status.success());
    assert!(output.stdout.is_empty(), "the log is on standard error");
    let log = String::from_utf8(output.stderr).unwrap();
    assert!(!log.trim().is_empty());
    for line in log.lines() {
        let value: serde_json::Value = serde_json::from_str(line).expect(line);
        assert!(value.get("level").is_some(), "{line}");
    }
}

#[tokio::test]
async fn form_tokens_writes_only_tokens_on_standard_output_on_both_databases() {
    let dir = tempfile::tempdir().unwrap();
    let postgres = crate::helpers::TestPostgres::create().await;
    for url in [format!("sqlite://{}", dir.path().join("tokens.db").display()), postgres.url.clone()] {
        // Debug logging, and a second run on a database that exists already (PostgreSQL then
        // sends notices about what migrations skip): the log has plenty to say.
        let env = env_with(&dir, &[("DATABASE_URL", &url), ("ARCHGUIDE_LOG", "debug")]);
        for _ in 0..2 {
            let output = command(&env).args(["form-tokens", "3"]).output().unwrap();
            assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
            let tokens = String::from_utf8(output.stdout).unwrap();
            let lines: Vec<&str> = tokens.lines().collect();
            assert_eq!(lines.len(), 3, "three tokens and nothing else: {tokens:?}");
            for token in lines {
                assert!(token.len() > 20 && !token.contains(char::is_whitespace), "{token:?}");
            }
            assert!(!output.stderr.is_empty(), "the log went to standard error");
        }
    }
}
