//! `archguide backup PATH` and `archguide restore PATH`, for the SQLite database.
//!
//! A backup is SQLite's `VACUUM INTO`: one read transaction, so the copy is the database as it
//! stood at one moment (every lead committed before the backup began is in it), taken while the
//! server goes on writing, never a copy of files that are changing. It is written beside the
//! target and renamed into place only once it passed `PRAGMA integrity_check`.
//!
//! A restore (with the server stopped) checks the copy the same way and that its schema is one
//! this binary knows, keeps the current file beside it, and puts the copy in place. PostgreSQL
//! has its own tools for both (`pg_dump`, `pg_restore`; see the README).

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use sqlx::sqlite::{SqliteConnectOptions, SqliteConnection, SqliteLockingMode};
use sqlx::{ConnectOptions, Connection, Row};

use crate::server::store::database::DatabaseUrl;

const POSTGRES: &str = "backup and restore work on the SQLite database; for PostgreSQL use pg_dump and pg_restore \
                        (see the README)";

/// What a checked copy holds.
#[derive(Debug, PartialEq, Eq)]
pub struct Checked {
    pub leads: i64,
    pub schema_version: i64,
}

/// `archguide backup PATH`: a consistent copy of the live database at `target`.
pub async fn backup(url: &DatabaseUrl, target: &Path) -> Result<String, String> {
    let DatabaseUrl::Sqlite(live) = url else { return Err(POSTGRES.into()) };
    if !live.is_file() {
        return Err(format!("there is no database at {}", live.display()));
    }
    if target.exists() {
        return Err(format!("{} already exists; choose a new name (a backup never overwrites one)", target.display()));
    }
    let partial = sibling(target, "partial");
    let _ = std::fs::remove_file(&partial);
    let result = async {
        let mut source = open(live).await?;
        sqlx::query("VACUUM INTO ?")
            .bind(partial.to_string_lossy().into_owned())
            .execute(&mut source)
            .await
            .map_err(|e| format!("the copy could not be written to {}: {e}", partial.display()))?;
        source.close().await.map_err(|e| e.to_string())?;
        let checked = check(&partial).await?;
        std::fs::rename(&partial, target)
            .map_err(|e| format!("the copy could not be put at {}: {e}", target.display()))?;
        Ok(checked)
    }
    .await;
    match result {
        Ok(checked) => Ok(format!(
            "backed up {} leads (schema version {}) to {}",
            checked.leads,
            checked.schema_version,
            target.display()
        )),
        Err(message) => {
            let _ = std::fs::remove_file(&partial);
            Err(message)
        }
    }
}

/// `archguide restore PATH`: puts a checked copy in place of the live database, which must not
/// be in use. The current file is kept beside it (`….before-restore-{time}`).
pub async fn restore(url: &DatabaseUrl, copy: &Path, newest_schema: i64) -> Result<String, String> {
    let DatabaseUrl::Sqlite(live) = url else { return Err(POSTGRES.into()) };
    if !copy.is_file() {
        return Err(format!("there is no backup at {}", copy.display()));
    }
    let checked = check(copy).await?;
    if checked.schema_version > newest_schema {
        return Err(format!(
            "{} has schema version {}, newer than this program's {newest_schema}: restore it with the version that made it",
            copy.display(),
            checked.schema_version
        ));
    }
    if live.is_file() {
        ensure_not_in_use(live).await?;
    }
    let incoming = sibling(live, "restoring");
    std::fs::copy(copy, &incoming).map_err(|e| format!("{} could not be copied: {e}", copy.display()))?;
    let kept = sibling(live, &format!("before-restore-{}", chrono::Utc::now().format("%Y%m%dT%H%M%S")));
    if live.is_file() {
        std::fs::rename(live, &kept).map_err(|e| format!("{} could not be set aside: {e}", live.display()))?;
    }
    // A log left by the replaced database would be applied to the restored one.
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", live.display()));
    }
    std::fs::rename(&incoming, live).map_err(|e| format!("the backup could not be put in place: {e}"))?;
    Ok(format!(
        "restored {} leads (schema version {}) from {} to {}; the previous database is at {}",
        checked.leads,
        checked.schema_version,
        copy.display(),
        live.display(),
        kept.display()
    ))
}

/// Opens a copy and checks it: `PRAGMA integrity_check`, a schema this program made, its leads.
pub async fn check(path: &Path) -> Result<Checked, String> {
    let bad = |why: String| format!("{} is not a usable backup: {why}", path.display());
    let mut conn = open(path).await.map_err(bad)?;
    let integrity: String =
        sqlx::query_scalar("PRAGMA integrity_check").fetch_one(&mut conn).await.map_err(|e| bad(e.to_string()))?;
    if integrity != "ok" {
        return Err(bad(format!("the integrity check says {integrity}")));
    }
    let schema_version: i64 = sqlx::query("SELECT COALESCE(MAX(version), 0) AS v FROM _sqlx_migrations WHERE success")
        .fetch_one(&mut conn)
        .await
        .and_then(|row| row.try_get("v"))
        .map_err(|_| bad("it has no schema this program made".into()))?;
    let leads: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM leads")
        .fetch_one(&mut conn)
        .await
        .map_err(|_| bad("it has no leads table".into()))?;
    conn.close().await.map_err(|e| e.to_string())?;
    Ok(Checked { leads, schema_version })
}

/// Refuses when another process (a running server) has the database open: an exclusive lock
/// cannot be had then.
async fn ensure_not_in_use(live: &Path) -> Result<(), String> {
    let in_use = || format!("{} is in use: stop the server before restoring", live.display());
    let options = SqliteConnectOptions::from_str(&format!("sqlite://{}", live.display()))
        .map_err(|e| e.to_string())?
        .locking_mode(SqliteLockingMode::Exclusive)
        .busy_timeout(Duration::ZERO);
    let mut conn = options.connect().await.map_err(|_| in_use())?;
    let locked = sqlx::query("BEGIN EXCLUSIVE").execute(&mut conn).await.is_ok()
        && sqlx::query("COMMIT").execute(&mut conn).await.is_ok();
    let _ = conn.close().await;
    if locked {
        Ok(())
    } else {
        Err(in_use())
    }
}

/// A read-only connection: a backup and a check only read what they open.
async fn open(path: &Path) -> Result<SqliteConnection, String> {
    SqliteConnectOptions::new()
        .filename(path)
        .read_only(true)
        .busy_timeout(Duration::from_secs(5))
        .connect()
        .await
        .map_err(|e| format!("{} could not be opened: {e}", path.display()))
}

/// `dir/name.ext` → `dir/name.ext.{what}`.
fn sibling(path: &Path, what: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".{what}"));
    path.with_file_name(name)
}
