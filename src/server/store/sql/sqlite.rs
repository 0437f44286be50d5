//! SQLite: reads from a pool of read-only connections, writes through the single writer, a
//! write transaction that takes the database's write lock at its start, leads committed in
//! groups, and instants kept as RFC 3339 text in UTC with microseconds (so text order is time
//! order).

use async_trait::async_trait;
use chrono::{DateTime, SecondsFormat, Utc};
use serde::de::DeserializeOwned;
use sqlx::sqlite::{Sqlite, SqliteArguments, SqliteConnection, SqliteRow};
use sqlx::{Pool, Row, Transaction};

use super::{Backend, Conn, Record, Statement, TrigramTerm, Value};
use crate::server::store::database::SqliteDb;
use crate::server::store::leads::{LeadRecord, Stored};
use crate::server::store::outbox::OutboxMessage;
use crate::server::store::sql::lead_writer::LeadWriter;
use crate::server::store::StoreError;

pub struct SqliteBackend {
    db: SqliteDb,
    leads: LeadWriter,
}

impl SqliteBackend {
    /// Must be called inside the runtime: it starts the task that writes leads.
    pub fn new(db: SqliteDb) -> Self {
        let leads = LeadWriter::start(db.writer.clone());
        SqliteBackend { db, leads }
    }
}

#[async_trait]
impl Backend for SqliteBackend {
    type Db = Sqlite;

    // The write transaction holds the database's only write lock: nothing to add.
    const LOCK_ROWS: &'static str = "";
    // One writer claims at a time; there is nobody to skip.
    const SKIP_LOCKED: &'static str = "";
    // The trigram index of migration 0013 (FTS5), joined by row id.
    const TRIGRAM_FILTER: &'static str = " AND l.id IN (SELECT rowid FROM lead_search WHERE lead_search MATCH ";
    const TRIGRAM_PROBE: &'static str =
        "SELECT COUNT(*) AS n FROM (SELECT 1 FROM lead_search WHERE lead_search MATCH $1 LIMIT $2) AS m";
    const GATHERS_CANDIDATES: bool = false;
    const TRIGRAM_TERM: TrigramTerm = TrigramTerm::Phrase;

    fn millis_between(from: &str, to: &str) -> String {
        // `subsec`: to the millisecond, as far as SQLite's time functions read an instant.
        format!("CAST(ROUND((unixepoch({to}, 'subsec') - unixepoch({from}, 'subsec')) * 1000) AS INTEGER)")
    }

    fn reader(&self) -> &Pool<Sqlite> {
        &self.db.reader
    }

    fn writer(&self) -> &Pool<Sqlite> {
        &self.db.writer
    }

    async fn begin_write(&self) -> Result<Transaction<'static, Sqlite>, StoreError> {
        // IMMEDIATE takes the write lock up front, so what the transaction reads cannot change
        // before it writes, and nothing fails half-way with SQLITE_BUSY.
        Ok(self.db.writer.begin_with("BEGIN IMMEDIATE").await?)
    }

    async fn insert_lead(&self, record: &LeadRecord, notifications: &[OutboxMessage]) -> Result<Stored, StoreError> {
        self.leads.insert(record, notifications).await
    }

    async fn after_erasure(&self) -> Result<(), StoreError> {
        // `secure_delete` zeroes what a write frees inside the database file; the write-ahead log
        // still holds earlier versions of those pages until it is copied back and emptied. A
        // reader in the middle of a read can keep it from emptying: the next erasure or the
        // retention job's next run tries again.
        sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)").execute(&self.db.writer).await?;
        Ok(())
    }
}

/// How SQLite stores an instant.
pub fn sqlite_time(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Micros, true)
}

fn parse_sqlite_time(text: &str) -> Result<DateTime<Utc>, StoreError> {
    DateTime::parse_from_rfc3339(text).map(|t| t.with_timezone(&Utc)).map_err(|e| StoreError::Corrupt(e.to_string()))
}

type Query<'q> = sqlx::query::Query<'q, Sqlite, SqliteArguments<'q>>;

fn bind(sql: &str, values: Vec<Value>) -> Query<'_> {
    values.into_iter().fold(sqlx::query(sql), |query, value| match value {
        Value::Int(v) => query.bind(v),
        Value::Text(v) => query.bind(v),
        Value::Time(v) => query.bind(v.map(sqlite_time)),
        Value::Day(v) => query.bind(v.to_string()),
        Value::Json(v) => query.bind(v.to_string()),
        Value::Bytes(v) => query.bind(v),
    })
}

#[async_trait]
impl Conn for SqliteConnection {
    type Row = SqliteRow;

    async fn execute(&mut self, statement: Statement) -> Result<u64, StoreError> {
        let (sql, values) = statement.into_parts();
        Ok(bind(&sql, values).execute(self).await?.rows_affected())
    }

    async fn fetch_all(&mut self, statement: Statement) -> Result<Vec<SqliteRow>, StoreError> {
        let (sql, values) = statement.into_parts();
        Ok(bind(&sql, values).fetch_all(self).await?)
    }

    async fn fetch_optional(&mut self, statement: Statement) -> Result<Option<SqliteRow>, StoreError> {
        let (sql, values) = statement.into_parts();
        Ok(bind(&sql, values).fetch_optional(self).await?)
    }
}

impl Record for SqliteRow {
    fn int(&self, column: &str) -> Result<Option<i64>, StoreError> {
        Ok(self.try_get(column)?)
    }

    fn text(&self, column: &str) -> Result<Option<String>, StoreError> {
        Ok(self.try_get(column)?)
    }

    fn time(&self, column: &str) -> Result<Option<DateTime<Utc>>, StoreError> {
        self.try_get::<Option<&str>, _>(column)?.map(parse_sqlite_time).transpose()
    }

    fn bytes(&self, column: &str) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(self.try_get(column)?)
    }

    fn json<T: DeserializeOwned>(&self, column: &str) -> Result<Option<T>, StoreError> {
        self.try_get::<Option<&str>, _>(column)?
            .map(|text| serde_json::from_str(text).map_err(|e| StoreError::Corrupt(e.to_string())))
            .transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instants_are_stored_so_that_text_order_is_time_order() {
        let early = DateTime::from_timestamp(1_800_000_000, 5_000).unwrap();
        let late = DateTime::from_timestamp(1_800_000_000, 50_000).unwrap();
        assert_eq!(sqlite_time(early), "2027-01-15T08:00:00.000005Z");
        assert!(sqlite_time(early) < sqlite_time(late));
        assert_eq!(parse_sqlite_time(&sqlite_time(late)).unwrap(), late);
    }
}
