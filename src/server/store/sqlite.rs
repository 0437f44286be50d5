//! The stores on SQLite: reads from the reader pool, writes through the single writer.

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::Row;

use super::{parse_stored, FunnelEvent, FunnelStore, ResultId, ResultStore, StoreError, StoredResult};
use crate::server::database::SqliteDb;

pub struct SqliteStore {
    db: SqliteDb,
}

impl SqliteStore {
    pub fn new(db: SqliteDb) -> Self {
        Self { db }
    }
}

#[async_trait]
impl ResultStore for SqliteStore {
    async fn insert(&self, result: &StoredResult) -> Result<(), StoreError> {
        let recommendation = serde_json::to_string(&result.recommendation).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        sqlx::query(
            "INSERT INTO guide_results (id, answers, recommendation, model_version, created_at) VALUES (?, ?, ?, ?, ?)",
        )
        .bind(result.id.as_str())
        .bind(serde_json::Value::Object(result.answers.clone()).to_string())
        .bind(recommendation)
        .bind(&result.model_version)
        .bind(result.created_at.to_rfc3339())
        .execute(&self.db.writer)
        .await?;
        Ok(())
    }

    async fn get(&self, id: &ResultId) -> Result<Option<StoredResult>, StoreError> {
        let row = sqlx::query(
            "SELECT id, answers, recommendation, model_version, created_at FROM guide_results WHERE id = ?",
        )
        .bind(id.as_str())
        .fetch_optional(&self.db.reader)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let created: String = row.get("created_at");
        let created_at = DateTime::parse_from_rfc3339(&created)
            .map_err(|e| StoreError::Corrupt(e.to_string()))?
            .with_timezone(&Utc);
        parse_stored(row.get("id"), row.get("answers"), row.get("recommendation"), row.get("model_version"), created_at)
            .map(Some)
    }
}

#[async_trait]
impl FunnelStore for SqliteStore {
    async fn record(&self, model_version: &str, event: FunnelEvent, step: u32, day: NaiveDate) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO guide_funnel (model_version, event, step, day, count) VALUES (?, ?, ?, ?, 1) \
             ON CONFLICT (model_version, event, step, day) DO UPDATE SET count = count + 1",
        )
        .bind(model_version)
        .bind(event.as_str())
        .bind(step as i64)
        .bind(day.to_string())
        .execute(&self.db.writer)
        .await?;
        Ok(())
    }

    async fn totals(&self, model_version: &str) -> Result<Vec<(String, u32, u64)>, StoreError> {
        let rows = sqlx::query(
            "SELECT event, step, SUM(count) AS total FROM guide_funnel WHERE model_version = ? \
             GROUP BY event, step ORDER BY event, step",
        )
        .bind(model_version)
        .fetch_all(&self.db.reader)
        .await?;
        Ok(rows
            .iter()
            .map(|r| (r.get::<String, _>("event"), r.get::<i64, _>("step") as u32, r.get::<i64, _>("total") as u64))
            .collect())
    }
}
