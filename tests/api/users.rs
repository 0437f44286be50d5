//! `archguide user …`: staff accounts created and managed from the binary.

use std::collections::HashMap;
use std::io::Write;
use std::process::{Output, Stdio};

use crate::helpers::{command, test_env};

fn run(env: &HashMap<String, String>, args: &[&str], stdin: &str) -> Output {
    let mut child =
        command(env).args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).to_string()
}

const GOOD: &str = "correct horse battery staple\n";

#[test]
fn an_admin_is_added_listed_given_a_new_password_and_disabled() {
    let dir = tempfile::tempdir().unwrap();
    let env = test_env(&dir);
    let added = run(&env, &["user", "add", "Boss@Example.com", "--role", "admin"], GOOD);
    assert!(added.status.success(), "{}", text(&added.stderr));
    assert!(text(&added.stdout).contains("added boss@example.com (admin)"));

    let list = run(&env, &["user", "list"], "");
    assert!(text(&list.stdout).contains("boss@example.com\tadmin\tactive"), "{}", text(&list.stdout));

    let again = run(&env, &["user", "add", "boss@example.com", "--role", "sales"], GOOD);
    assert_eq!(again.status.code(), Some(1));
    assert!(text(&again.stderr).contains("already has an account"));

    let reset = run(&env, &["user", "set-password", "boss@example.com"], "another long passphrase here\n");
    assert!(reset.status.success(), "{}", text(&reset.stderr));

    let disabled = run(&env, &["user", "disable", "boss@example.com"], "");
    assert!(disabled.status.success());
    assert!(text(&run(&env, &["user", "list"], "").stdout).contains("boss@example.com\tadmin\tdisabled"));

    let missing = run(&env, &["user", "disable", "nobody@example.com"], "");
    assert_eq!(missing.status.code(), Some(1));
}

#[test]
fn weak_short_and_common_passwords_are_refused_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let env = test_env(&dir);
    for (password, reason) in
        [("short\n", "at least 12 characters"), ("password1234\n", "too common"), ("\n", "at least 12")]
    {
        let out = run(&env, &["user", "add", "sales@example.com", "--role", "sales"], password);
        assert_eq!(out.status.code(), Some(1), "{password:?}");
        assert!(text(&out.stderr).contains(reason), "{password:?}: {}", text(&out.stderr));
    }
    assert!(text(&run(&env, &["user", "list"], "").stdout).is_empty(), "nothing was added");
}

#[tokio::test]
async fn the_stored_hash_is_argon2id_and_keeps_every_character() {
    let dir = tempfile::tempdir().unwrap();
    let env = test_env(&dir);
    // Spaces at both ends and a long Unicode password are kept exactly.
    let password = format!("  {}🦀  ", "ünïcödé pass phrase ".repeat(8));
    let out = run(&env, &["user", "add", "sales@example.com", "--role", "sales"], &format!("{password}\n"));
    assert!(out.status.success(), "{}", text(&out.stderr));
    let pool =
        sqlx::SqlitePool::connect(&format!("sqlite://{}", dir.path().join("archguide.db").display())).await.unwrap();
    let hash: String = sqlx::query_scalar("SELECT password_hash FROM staff_users").fetch_one(&pool).await.unwrap();
    assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{hash}");
    assert!(archguide::server::auth::password::verify(password.clone(), hash.clone()).await);
    assert!(!archguide::server::auth::password::verify(password.trim().to_string(), hash).await);
}
