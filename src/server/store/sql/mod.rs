//! One way to talk to both databases, so that every query is written once.
//!
//! - A `Statement` is SQL text with `$1`-style placeholders, which both sqlx drivers read the
//!   same way (SQLite numbers `$n` parameters like PostgreSQL), and its values.
//! - A `Value` knows what it is (an integer, text, an instant, a day, JSON); each backend binds
//!   it the way its database stores that kind of value (an instant is `TIMESTAMPTZ` in
//!   PostgreSQL and RFC 3339 text in SQLite, for instance).
//! - A `Record` reads a row's columns the same way from both, through `FromColumn`.
//! - A `Backend` holds only what really differs: where reads and writes go, how a transaction
//!   that reads before it writes takes its locks, row locking clauses, and how a lead is
//!   committed (SQLite groups the leads that arrive together into one commit).

mod lead_writer;
pub mod postgres;
pub mod sqlite;

use std::borrow::Cow;
use std::fmt::Write as _;

use std::sync::Arc;

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use serde::de::DeserializeOwned;
use sqlx::{Pool, Transaction};

use crate::domain::choice::Choice;

use super::health::WriteHealth;
use super::StoreError;
use crate::server::store::leads::{LeadRecord, Stored};
use crate::server::store::outbox::OutboxMessage;

/// A value bound to a statement. Nulls carry their kind, because PostgreSQL wants to know it.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Int(Option<i64>),
    Text(Option<String>),
    /// An instant, in UTC.
    Time(Option<DateTime<Utc>>),
    /// A calendar day.
    Day(NaiveDate),
    Json(serde_json::Value),
    /// Bytes kept as they are (an attachment's content).
    Bytes(Option<Vec<u8>>),
}

impl From<Option<Vec<u8>>> for Value {
    fn from(v: Option<Vec<u8>>) -> Self {
        Value::Bytes(v)
    }
}

impl From<i64> for Value {
    fn from(v: i64) -> Self {
        Value::Int(Some(v))
    }
}

impl From<Option<i64>> for Value {
    fn from(v: Option<i64>) -> Self {
        Value::Int(v)
    }
}

impl From<&str> for Value {
    fn from(v: &str) -> Self {
        Value::Text(Some(v.to_string()))
    }
}

impl From<String> for Value {
    fn from(v: String) -> Self {
        Value::Text(Some(v))
    }
}

impl From<Option<&str>> for Value {
    fn from(v: Option<&str>) -> Self {
        Value::Text(v.map(str::to_string))
    }
}

impl From<DateTime<Utc>> for Value {
    fn from(v: DateTime<Utc>) -> Self {
        Value::Time(Some(v))
    }
}

impl From<Option<DateTime<Utc>>> for Value {
    fn from(v: Option<DateTime<Utc>>) -> Self {
        Value::Time(v)
    }
}

impl From<NaiveDate> for Value {
    fn from(v: NaiveDate) -> Self {
        Value::Day(v)
    }
}

impl From<serde_json::Value> for Value {
    fn from(v: serde_json::Value) -> Self {
        Value::Json(v)
    }
}

/// Statuses, roles, channels and other fixed sets are stored by their ids.
impl<T: Choice> From<T> for Value {
    fn from(v: T) -> Self {
        Value::Text(Some(v.id().to_string()))
    }
}

/// SQL with `$n` placeholders and the values for them, in order.
#[derive(Clone, Debug)]
pub struct Statement {
    sql: Cow<'static, str>,
    values: Vec<Value>,
}

impl Statement {
    pub fn new(sql: impl Into<Cow<'static, str>>) -> Self {
        Statement { sql: sql.into(), values: Vec::new() }
    }

    /// The value for the next placeholder written in the text (`$1`, then `$2`, ...).
    pub fn bind(mut self, value: impl Into<Value>) -> Self {
        self.values.push(value.into());
        self
    }

    /// Appends SQL text.
    pub fn push(&mut self, sql: &str) -> &mut Self {
        self.sql.to_mut().push_str(sql);
        self
    }

    /// Appends a placeholder for `value`.
    pub fn push_bind(&mut self, value: impl Into<Value>) -> &mut Self {
        self.values.push(value.into());
        let n = self.values.len();
        let _ = write!(self.sql.to_mut(), "${n}");
        self
    }

    pub fn sql(&self) -> &str {
        &self.sql
    }

    /// The text and the values, for a backend to bind.
    pub fn into_parts(self) -> (Cow<'static, str>, Vec<Value>) {
        (self.sql, self.values)
    }
}

/// One row as both backends read it. Each method gives `None` for a NULL column.
pub trait Record: Send {
    fn int(&self, column: &str) -> Result<Option<i64>, StoreError>;
    fn text(&self, column: &str) -> Result<Option<String>, StoreError>;
    fn time(&self, column: &str) -> Result<Option<DateTime<Utc>>, StoreError>;
    fn bytes(&self, column: &str) -> Result<Option<Vec<u8>>, StoreError>;
    /// A JSON column read straight into `T`.
    fn json<T: DeserializeOwned>(&self, column: &str) -> Result<Option<T>, StoreError>;

    /// The column as a Rust value; a NULL where a value must be is an error.
    fn get<T: FromColumn>(&self, column: &str) -> Result<T, StoreError>
    where
        Self: Sized,
    {
        T::from_column(self, column)
    }

    /// A value parsed from its stored text (a reference, an id, an email address) by the
    /// type's own `TryFrom<String>`; NULL is `None`.
    fn parse_optional<T: TryFrom<String, Error = String>>(&self, column: &str) -> Result<Option<T>, StoreError>
    where
        Self: Sized,
    {
        let corrupt = |e: String| StoreError::Corrupt(format!("{column}: {e}"));
        self.text(column)?.map(|text| T::try_from(text).map_err(corrupt)).transpose()
    }

    /// Like `parse_optional`, where NULL is an error.
    fn parse<T: TryFrom<String, Error = String>>(&self, column: &str) -> Result<T, StoreError>
    where
        Self: Sized,
    {
        required(self.parse_optional(column)?, column)
    }
}

/// A Rust type a column can be read as.
pub trait FromColumn: Sized {
    fn from_column(row: &impl Record, column: &str) -> Result<Self, StoreError>;
}

fn required<T>(value: Option<T>, column: &str) -> Result<T, StoreError> {
    value.ok_or_else(|| StoreError::Corrupt(format!("{column} is NULL")))
}

impl FromColumn for Option<i64> {
    fn from_column(row: &impl Record, column: &str) -> Result<Self, StoreError> {
        row.int(column)
    }
}

impl FromColumn for i64 {
    fn from_column(row: &impl Record, column: &str) -> Result<Self, StoreError> {
        required(row.int(column)?, column)
    }
}

/// Counts.
impl FromColumn for u64 {
    fn from_column(row: &impl Record, column: &str) -> Result<Self, StoreError> {
        let n: i64 = row.get(column)?;
        u64::try_from(n).map_err(|_| StoreError::Corrupt(format!("{column} is negative")))
    }
}

impl FromColumn for u32 {
    fn from_column(row: &impl Record, column: &str) -> Result<Self, StoreError> {
        let n: i64 = row.get(column)?;
        u32::try_from(n).map_err(|_| StoreError::Corrupt(format!("{column} is out of range")))
    }
}

impl FromColumn for Option<String> {
    fn from_column(row: &impl Record, column: &str) -> Result<Self, StoreError> {
        row.text(column)
    }
}

impl FromColumn for String {
    fn from_column(row: &impl Record, column: &str) -> Result<Self, StoreError> {
        required(row.text(column)?, column)
    }
}

impl FromColumn for Option<DateTime<Utc>> {
    fn from_column(row: &impl Record, column: &str) -> Result<Self, StoreError> {
        row.time(column)
    }
}

impl FromColumn for DateTime<Utc> {
    fn from_column(row: &impl Record, column: &str) -> Result<Self, StoreError> {
        required(row.time(column)?, column)
    }
}

impl<T: Choice> FromColumn for T {
    fn from_column(row: &impl Record, column: &str) -> Result<Self, StoreError> {
        let id: String = row.get(column)?;
        T::from_id(&id).ok_or_else(|| StoreError::Corrupt(format!("{column}: unknown value '{id}'")))
    }
}

/// A connection or transaction that runs statements.
#[async_trait]
pub trait Conn: Send {
    type Row: Record;

    /// Runs the statement; how many rows it changed.
    async fn execute(&mut self, statement: Statement) -> Result<u64, StoreError>;
    async fn fetch_all(&mut self, statement: Statement) -> Result<Vec<Self::Row>, StoreError>;
    async fn fetch_optional(&mut self, statement: Statement) -> Result<Option<Self::Row>, StoreError>;

    async fn fetch_one(&mut self, statement: Statement) -> Result<Self::Row, StoreError> {
        self.fetch_optional(statement).await?.ok_or(StoreError::Database(sqlx::Error::RowNotFound))
    }
}

/// The row type of a backend's connections.
pub type RowOf<B> = <<<B as Backend>::Db as sqlx::Database>::Connection as Conn>::Row;

/// How the trigram index is asked for the leads that may hold a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TrigramTerm {
    /// A full-text query: the text as one quoted phrase, whose trigrams one after another are
    /// the text (SQLite's FTS5).
    Phrase,
    /// The same `LIKE` pattern as the search column's (PostgreSQL's pg_trgm).
    Like,
}

/// What differs between the databases.
#[async_trait]
pub trait Backend: Send + Sync + 'static {
    type Db: sqlx::Database<Connection: Conn>;

    /// Appended to a `SELECT` inside `begin_write` to lock the rows it reads until the commit.
    const LOCK_ROWS: &'static str;
    /// Appended to the `SELECT` that picks outbox messages to claim, so that instances claiming
    /// at the same moment take different messages.
    const SKIP_LOCKED: &'static str;
    /// The start of a condition on `l.id` that keeps the leads the trigram index holds for a
    /// text (`TRIGRAM_TERM`), which a bound text and `)` complete: without it a `LIKE` on the
    /// search column reads every lead. It only narrows the candidates; the `LIKE` still decides.
    const TRIGRAM_FILTER: &'static str;
    /// A query (`n`) of how many candidates the trigram index holds for the text `$1`
    /// (`TRIGRAM_TERM`), counted up to `$2`. Past that the text is common, and reading the
    /// leads in the list's order finds a page sooner than gathering every candidate.
    const TRIGRAM_PROBE: &'static str;
    /// How a text is written for the trigram index.
    const TRIGRAM_TERM: TrigramTerm;
    /// Whether the trigram index gathers every candidate before the first is read (a bitmap
    /// of them all, as PostgreSQL's GIN index does) rather than handing them out one by one
    /// (SQLite's full-text index): then even counting the first few costs as much as they
    /// are many.
    const GATHERS_CANDIDATES: bool;

    /// An SQL expression: the whole milliseconds from the instant in column `from` to the one in
    /// `to`.
    fn millis_between(from: &str, to: &str) -> String;
    /// Where reads go.
    fn reader(&self) -> &Pool<Self::Db>;
    /// Where writes go.
    fn writer(&self) -> &Pool<Self::Db>;
    /// A transaction that reads and then writes what it read, safe against a concurrent writer.
    async fn begin_write(&self) -> Result<Transaction<'static, Self::Db>, StoreError>;
    /// Commits one lead with `leads::insert_lead` (see there).
    async fn insert_lead(&self, record: &LeadRecord, notifications: &[OutboxMessage]) -> Result<Stored, StoreError>;
    /// After personal data was replaced: removes what the database's files may still hold of
    /// the old values (beyond the tables themselves).
    async fn after_erasure(&self) -> Result<(), StoreError>;
}

/// Every store, on one backend: the queries in `store/*.rs` are implemented once, for any `B`.
pub struct SqlStore<B> {
    pub(super) backend: B,
    /// Whether writes work, from the outcome of each.
    pub(super) health: Arc<WriteHealth>,
}

impl<B: Backend> SqlStore<B> {
    pub fn new(backend: B, health: Arc<WriteHealth>) -> Self {
        SqlStore { backend, health }
    }

    /// Runs a query that only reads.
    pub(super) async fn read_all(&self, statement: Statement) -> Result<Vec<RowOf<B>>, StoreError> {
        let mut conn = self.backend.reader().acquire().await?;
        conn.fetch_all(statement).await
    }

    pub(super) async fn read_optional(&self, statement: Statement) -> Result<Option<RowOf<B>>, StoreError> {
        let mut conn = self.backend.reader().acquire().await?;
        conn.fetch_optional(statement).await
    }

    pub(super) async fn read_one(&self, statement: Statement) -> Result<RowOf<B>, StoreError> {
        let mut conn = self.backend.reader().acquire().await?;
        conn.fetch_one(statement).await
    }

    /// Runs a statement that writes; how many rows it changed.
    pub(super) async fn write(&self, statement: Statement) -> Result<u64, StoreError> {
        let written = async {
            let mut conn = self.backend.writer().acquire().await?;
            conn.execute(statement).await
        };
        self.health.noted(written.await)
    }

    /// Runs a statement that writes and returns rows (`RETURNING`).
    pub(super) async fn write_returning(&self, statement: Statement) -> Result<Vec<RowOf<B>>, StoreError> {
        let written = async {
            let mut conn = self.backend.writer().acquire().await?;
            conn.fetch_all(statement).await
        };
        self.health.noted(written.await)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_numbered_in_the_order_values_are_added() {
        let mut statement = Statement::new("SELECT 1 FROM t WHERE a = $1").bind(7);
        statement.push(" AND b = ").push_bind("x").push(" AND c IN (").push_bind(None::<i64>).push(")");
        assert_eq!(statement.sql(), "SELECT 1 FROM t WHERE a = $1 AND b = $2 AND c IN ($3)");
        assert_eq!(statement.into_parts().1, [Value::Int(Some(7)), Value::Text(Some("x".into())), Value::Int(None)]);
    }
}
