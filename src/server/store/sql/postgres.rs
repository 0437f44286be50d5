//! PostgreSQL: one pool for reads and writes, row locks (`FOR UPDATE`, `SKIP LOCKED`) so that
//! several instances can share the database, and native instants, days and JSON.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use sqlx::postgres::{PgArguments, PgConnection, PgPool, PgRow, Postgres};
use sqlx::{Pool, Row, Transaction, TypeInfo, ValueRef};

use super::{Backend, Conn, Record, Statement, TrigramTerm, Value};
use crate::server::store::leads::{insert_lead, LeadRecord, Stored};
use crate::server::store::outbox::OutboxMessage;
use crate::server::store::StoreError;

pub struct PgBackend {
    pool: PgPool,
}

impl PgBackend {
    pub fn new(pool: PgPool) -> Self {
        PgBackend { pool }
    }
}

#[async_trait]
impl Backend for PgBackend {
    type Db = Postgres;

    const LOCK_ROWS: &'static str = " FOR UPDATE";
    const SKIP_LOCKED: &'static str = " FOR UPDATE SKIP LOCKED";
    // The pg_trgm index of migration 0015, on its own table (PostgreSQL's default `LIKE`
    // escape is the backslash `like_pattern` writes).
    const TRIGRAM_FILTER: &'static str = " AND l.id IN (SELECT lead_id FROM lead_search WHERE search LIKE ";
    const TRIGRAM_PROBE: &'static str =
        "SELECT COUNT(*) AS n FROM (SELECT 1 FROM lead_search WHERE search LIKE $1 LIMIT $2) AS m";
    const GATHERS_CANDIDATES: bool = true;
    const TRIGRAM_TERM: TrigramTerm = TrigramTerm::Like;

    fn millis_between(from: &str, to: &str) -> String {
        format!("CAST(ROUND(EXTRACT(EPOCH FROM ({to} - {from})) * 1000) AS BIGINT)")
    }

    fn reader(&self) -> &Pool<Postgres> {
        &self.pool
    }

    fn writer(&self) -> &Pool<Postgres> {
        &self.pool
    }

    async fn begin_write(&self) -> Result<Transaction<'static, Postgres>, StoreError> {
        Ok(self.pool.begin().await?)
    }

    async fn insert_lead(&self, record: &LeadRecord, notifications: &[OutboxMessage]) -> Result<Stored, StoreError> {
        let mut tx = self.pool.begin().await?;
        let stored = insert_lead(&mut *tx, record, notifications).await?;
        tx.commit().await?;
        Ok(stored)
    }

    async fn after_erasure(&self) -> Result<(), StoreError> {
        // The old row versions are dead tuples that (auto)vacuum reclaims; the tables and every
        // query already hold only the erased values.
        Ok(())
    }
}

type Query<'q> = sqlx::query::Query<'q, Postgres, PgArguments>;

fn bind(sql: &str, values: Vec<Value>) -> Query<'_> {
    values.into_iter().fold(sqlx::query(sql), |query, value| match value {
        Value::Int(v) => query.bind(v),
        Value::Text(v) => query.bind(v),
        Value::Time(v) => query.bind(v),
        Value::Day(v) => query.bind(v),
        Value::Json(v) => query.bind(sqlx::types::Json(v)),
        Value::Bytes(v) => query.bind(v),
    })
}

#[async_trait]
impl Conn for PgConnection {
    type Row = PgRow;

    async fn execute(&mut self, statement: Statement) -> Result<u64, StoreError> {
        let (sql, values) = statement.into_parts();
        Ok(bind(&sql, values).execute(self).await?.rows_affected())
    }

    async fn fetch_all(&mut self, statement: Statement) -> Result<Vec<PgRow>, StoreError> {
        let (sql, values) = statement.into_parts();
        Ok(bind(&sql, values).fetch_all(self).await?)
    }

    async fn fetch_optional(&mut self, statement: Statement) -> Result<Option<PgRow>, StoreError> {
        let (sql, values) = statement.into_parts();
        Ok(bind(&sql, values).fetch_optional(self).await?)
    }
}

impl Record for PgRow {
    /// Integers of any width: counts are `BIGINT`, some columns `INTEGER`.
    fn int(&self, column: &str) -> Result<Option<i64>, StoreError> {
        let raw = self.try_get_raw(column)?;
        let width = (!raw.is_null()).then(|| raw.type_info().name().to_string());
        Ok(match width.as_deref() {
            None => None,
            Some("INT2") => Some(i64::from(self.try_get::<i16, _>(column)?)),
            Some("INT4") => Some(i64::from(self.try_get::<i32, _>(column)?)),
            Some(_) => Some(self.try_get::<i64, _>(column)?),
        })
    }

    fn text(&self, column: &str) -> Result<Option<String>, StoreError> {
        Ok(self.try_get(column)?)
    }

    fn time(&self, column: &str) -> Result<Option<DateTime<Utc>>, StoreError> {
        Ok(self.try_get(column)?)
    }

    fn bytes(&self, column: &str) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(self.try_get(column)?)
    }

    fn json<T: DeserializeOwned>(&self, column: &str) -> Result<Option<T>, StoreError> {
        Ok(self.try_get::<Option<sqlx::types::Json<T>>, _>(column)?.map(|json| json.0))
    }
}
