//! The database connection: SQLite by default, PostgreSQL when `DATABASE_URL` says so.
//!
//! SQLite is set up for a web server: write-ahead logging so readers never wait for the writer,
//! `synchronous=NORMAL` (durable at every checkpoint, safe against corruption), a busy timeout,
//! foreign keys on, and all writes through a pool of exactly one connection so two writers of
//! this process can never meet and fail with `SQLITE_BUSY`.

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous};

/// Where the data lives, parsed from `DATABASE_URL`.
#[derive(Clone, PartialEq, Eq)]
pub enum DatabaseUrl {
    /// A SQLite file; created with its directory on first start.
    Sqlite(PathBuf),
    /// A PostgreSQL connection URL (it may carry a password, so it is never printed).
    Postgres(String),
}

impl std::fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Sqlite(path) => write!(f, "Sqlite({})", path.display()),
            Self::Postgres(_) => f.write_str("Postgres(…)"),
        }
    }
}

impl DatabaseUrl {
    /// Accepts `sqlite://relative/path.db`, `sqlite:///absolute/path.db`, `sqlite:path.db`,
    /// and `postgres://…` or `postgresql://…`.
    pub fn parse(raw: &str) -> Result<Self, String> {
        if raw.starts_with("postgres://") || raw.starts_with("postgresql://") {
            return Ok(Self::Postgres(raw.to_string()));
        }
        let Some(rest) = raw.strip_prefix("sqlite:") else {
            return Err("expected sqlite://path/to/file.db or postgres://user@host/db".into());
        };
        let path = rest.strip_prefix("//").unwrap_or(rest);
        if path.is_empty() || path.contains('?') || path == ":memory:" {
            return Err("expected a file path after sqlite://, without options".into());
        }
        Ok(Self::Sqlite(PathBuf::from(path)))
    }
}

/// A database failure at start-up; the message names `DATABASE_URL` where the setting is at fault.
#[derive(Debug, thiserror::Error)]
pub enum DatabaseError {
    #[error("DATABASE_URL: cannot create the directory {}: {source}", path.display())]
    CreateDir { path: PathBuf, source: std::io::Error },
    #[error("DATABASE_URL: cannot open the SQLite database {}: {source}", path.display())]
    OpenSqlite { path: PathBuf, source: sqlx::Error },
    #[error("DATABASE_URL: cannot connect to PostgreSQL: {0}")]
    ConnectPostgres(sqlx::Error),
    #[error("database migrations failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

/// Connections to PostgreSQL per instance unless `ARCHGUIDE_DB_POOL_SIZE` says otherwise.
pub const DEFAULT_POOL_SIZE: u32 = 10;

/// The open database, ready for the stores.
#[derive(Clone, Debug)]
pub enum Database {
    Sqlite(SqliteDb),
    Postgres(PgPool),
}

/// SQLite's two pools: many readers, one writer.
#[derive(Clone, Debug)]
pub struct SqliteDb {
    pub reader: SqlitePool,
    pub writer: SqlitePool,
}

impl Database {
    /// Opens (creating a SQLite file if needed) and brings the schema up to date.
    pub async fn connect(url: &DatabaseUrl) -> Result<Self, DatabaseError> {
        Self::connect_with_pool(url, DEFAULT_POOL_SIZE).await
    }

    /// Like `connect`, with at most `pool_size` connections to PostgreSQL (SQLite always has
    /// one writer and a few readers).
    pub async fn connect_with_pool(url: &DatabaseUrl, pool_size: u32) -> Result<Self, DatabaseError> {
        match url {
            DatabaseUrl::Sqlite(path) => Ok(Self::Sqlite(open_sqlite(path).await?)),
            DatabaseUrl::Postgres(url) => Ok(Self::Postgres(open_postgres(url, pool_size).await?)),
        }
    }

    /// Whether the database answers a query right now (for `/readyz`).
    pub async fn is_reachable(&self) -> bool {
        let query = async {
            match self {
                Self::Sqlite(db) => sqlx::query("SELECT 1").execute(&db.reader).await.is_ok(),
                Self::Postgres(pool) => sqlx::query("SELECT 1").execute(pool).await.is_ok(),
            }
        };
        tokio::time::timeout(Duration::from_secs(2), query).await.unwrap_or(false)
    }

    /// Closes every connection, letting SQLite checkpoint its write-ahead log.
    pub async fn close(&self) {
        match self {
            Self::Sqlite(db) => {
                db.reader.close().await;
                db.writer.close().await;
            }
            Self::Postgres(pool) => pool.close().await,
        }
    }
}

impl Database {
    /// Connections open in the pools and how many of them are in use now (SQLite: the readers
    /// and the writer together).
    pub fn pool_usage(&self) -> (u32, u32) {
        let usage = |size: u32, idle: usize| (size, size.saturating_sub(idle as u32));
        match self {
            Database::Sqlite(db) => {
                let (readers, readers_busy) = usage(db.reader.size(), db.reader.num_idle());
                let (writers, writers_busy) = usage(db.writer.size(), db.writer.num_idle());
                (readers + writers, readers_busy + writers_busy)
            }
            Database::Postgres(pool) => usage(pool.size(), pool.num_idle()),
        }
    }

    /// The newest SQLite schema version this program brings (its last migration).
    pub fn newest_sqlite_schema() -> i64 {
        sqlx::migrate!("migrations/sqlite").iter().map(|m| m.version).max().unwrap_or(0)
    }
}

async fn open_sqlite(path: &Path) -> Result<SqliteDb, DatabaseError> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|source| DatabaseError::CreateDir { path: dir.to_path_buf(), source })?;
    }
    let open_error = |source| DatabaseError::OpenSqlite { path: path.to_path_buf(), source };
    let options = SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        // Erased personal data is overwritten in the file, not just marked free.
        .pragma("secure_delete", "on")
        .busy_timeout(Duration::from_secs(5))
        .foreign_keys(true);
    let writer = SqlitePoolOptions::new()
        .max_connections(1)
        .after_release(|conn, _| Box::pin(async move { settled(conn).await }))
        .connect_with(options.clone())
        .await
        .map_err(open_error)?;
    sqlx::migrate!("migrations/sqlite").run(&writer).await?;
    // Each reader keeps its own page cache and prepared statements: bounded, so that the
    // server's memory after a load stays near its idle size (the file's pages stay in the
    // operating system's cache, whatever SQLite keeps).
    let reader_options = options.read_only(true).pragma("cache_size", "-1024").statement_cache_capacity(32);
    let reader = SqlitePoolOptions::new().max_connections(8).connect_with(reader_options).await.map_err(open_error)?;
    Ok(SqliteDb { reader, writer })
}

/// Whether the writer, handed back, may be used again: only when no transaction is left open on
/// it. After a commit that failed (a full disk), SQLite may have rolled the transaction back
/// itself, the rollback sent after it then fails, and the connection would answer every later
/// `BEGIN` with an error until the process restarts. Such a connection is closed instead, and the
/// pool opens a fresh one for the next write.
async fn settled(conn: &mut sqlx::SqliteConnection) -> Result<bool, sqlx::Error> {
    use sqlx::Connection;
    if !conn.is_in_transaction() {
        return Ok(true);
    }
    // A dropped transaction queued its rollback: let it run, then look again.
    conn.ping().await?;
    let clean = !conn.is_in_transaction();
    if !clean {
        tracing::warn!("a write left its transaction open; its connection is closed and a new one opened");
    }
    Ok(clean)
}

async fn open_postgres(url: &str, pool_size: u32) -> Result<PgPool, DatabaseError> {
    let options = sqlx::postgres::PgConnectOptions::from_str(url).map_err(DatabaseError::ConnectPostgres)?;
    let pool = PgPoolOptions::new()
        .max_connections(pool_size)
        .acquire_timeout(Duration::from_secs(5))
        .connect_with(options)
        .await
        .map_err(DatabaseError::ConnectPostgres)?;
    // sqlx takes an advisory lock while migrating, so instances starting together take turns.
    sqlx::migrate!("migrations/postgres").run(&pool).await?;
    Ok(pool)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_urls_name_a_file() {
        let parse = |s| DatabaseUrl::parse(s).unwrap();
        assert_eq!(parse("sqlite://data/archguide.db"), DatabaseUrl::Sqlite("data/archguide.db".into()));
        assert_eq!(parse("sqlite:///var/lib/a.db"), DatabaseUrl::Sqlite("/var/lib/a.db".into()));
        assert_eq!(parse("sqlite:a.db"), DatabaseUrl::Sqlite("a.db".into()));
    }

    #[test]
    fn other_urls_are_refused_with_a_hint() {
        for bad in ["mysql://x/y", "data/archguide.db", "sqlite://", "sqlite::memory:", "sqlite://a.db?mode=ro"] {
            assert!(DatabaseUrl::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_postgres_url_is_never_printed() {
        let url = DatabaseUrl::parse("postgres://app:secret@db/archguide").unwrap();
        assert!(!format!("{url:?}").contains("secret"));
    }
}
