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
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(!stdout.trim().is_empty());
    for line in stdout.lines() {
        let value: serde_json::Value = serde_json::from_str(line).expect(line);
        assert!(value.get("level").is_some(), "{line}");
    }
}
