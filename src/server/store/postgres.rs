//! The stores on PostgreSQL.

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::{PgPool, Row};

use super::{parse_stored, FunnelEvent, FunnelStore, ResultId, ResultStore, StoreError, StoredResult};

pub struct PgStore {
    pool: PgPool,
}

impl PgStore {
    pub fn new(pool: PgPool) -> Self {
        Self { pool }
    }
}

#[async_trait]
impl ResultStore for PgStore {
    async fn insert(&self, result: &StoredResult) -> Result<(), StoreError> {
        let recommendation = serde_json::to_string(&result.recommendation).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        sqlx::query(
            "INSERT INTO guide_results (id, answers, recommendation, model_version, created_at) \
             VALUES ($1, $2::jsonb, $3::jsonb, $4, $5)",
        )
        .bind(result.id.as_str())
        .bind(serde_json::Value::Object(result.answers.clone()).to_string())
        .bind(recommendation)
        .bind(&result.model_version)
        .bind(result.created_at)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn get(&self, id: &ResultId) -> Result<Option<StoredResult>, StoreError> {
        let row = sqlx::query(
            "SELECT id, answers::text AS answers, recommendation::text AS recommendation, model_version, created_at \
             FROM guide_results WHERE id = $1",
        )
        .bind(id.as_str())
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let created_at: DateTime<Utc> = row.get("created_at");
        parse_stored(row.get("id"), row.get("answers"), row.get("recommendation"), row.get("model_version"), created_at)
            .map(Some)
    }
}

#[async_trait]
impl FunnelStore for PgStore {
    async fn record(&self, model_version: &str, event: FunnelEvent, step: u32, day: NaiveDate) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO guide_funnel (model_version, event, step, day, count) VALUES ($1, $2, $3, $4, 1) \
             ON CONFLICT (model_version, event, step, day) DO UPDATE SET count = guide_funnel.count + 1",
        )
        .bind(model_version)
        .bind(event.as_str())
        .bind(step as i32)
        .bind(day)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn totals(&self, model_version: &str) -> Result<Vec<(String, u32, u64)>, StoreError> {
        let rows = sqlx::query(
            "SELECT event, step, SUM(count)::BIGINT AS total FROM guide_funnel WHERE model_version = $1 \
             GROUP BY event, step ORDER BY event, step",
        )
        .bind(model_version)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| (r.get::<String, _>("event"), r.get::<i32, _>("step") as u32, r.get::<i64, _>("total") as u64))
            .collect())
    }
}
