//! The guide's data: results (written once, read forever, behind their permanent links) and the
//! anonymous funnel counts per model version and day.

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};

use crate::domain::choice::choice_enum;
use crate::domain::guide::recommendation::Recommendation;
use crate::domain::ids::ResultId;

use super::StoreError;
use crate::server::store::sql::{Backend, Record, SqlStore, Statement};

/// One stored result.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredResult {
    pub id: ResultId,
    pub answers: serde_json::Map<String, serde_json::Value>,
    pub recommendation: Recommendation,
    pub model_version: String,
    pub created_at: DateTime<Utc>,
}

#[async_trait]
pub trait ResultStore: Send + Sync {
    async fn insert(&self, result: &StoredResult) -> Result<(), StoreError>;
    async fn get(&self, id: &ResultId) -> Result<Option<StoredResult>, StoreError>;
}

fn corrupt(error: serde_json::Error) -> StoreError {
    StoreError::Corrupt(error.to_string())
}

/// The statement that stores a result.
pub(super) fn insert_result(result: &StoredResult) -> Result<Statement, StoreError> {
    let recommendation = serde_json::to_value(&result.recommendation).map_err(corrupt)?;
    Ok(Statement::new(
        "INSERT INTO guide_results (id, answers, recommendation, model_version, created_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(result.id.as_str())
    .bind(serde_json::Value::Object(result.answers.clone()))
    .bind(recommendation)
    .bind(result.model_version.as_str())
    .bind(result.created_at))
}

#[async_trait]
impl<B: Backend> ResultStore for SqlStore<B> {
    async fn insert(&self, result: &StoredResult) -> Result<(), StoreError> {
        self.write(insert_result(result)?).await?;
        Ok(())
    }

    async fn get(&self, id: &ResultId) -> Result<Option<StoredResult>, StoreError> {
        let select = "SELECT id, answers, recommendation, model_version, created_at FROM guide_results WHERE id = $1";
        let Some(row) = self.read_optional(Statement::new(select).bind(id.as_str())).await? else { return Ok(None) };
        let missing = |column: &str| StoreError::Corrupt(format!("{column} is NULL"));
        Ok(Some(StoredResult {
            id: row.parse("id")?,
            answers: row.json("answers")?.ok_or_else(|| missing("answers"))?,
            recommendation: row.json("recommendation")?.ok_or_else(|| missing("recommendation"))?,
            model_version: row.get("model_version")?,
            created_at: row.get("created_at")?,
        }))
    }
}

choice_enum!(
    /// What the funnel counts: a step of the guide shown, or a result computed and stored.
    FunnelEvent { View = "view", Complete = "complete" }
);

/// One funnel count summed over all days: how often `event` happened at `step`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FunnelTotal {
    pub event: FunnelEvent,
    pub step: u32,
    pub count: u64,
}

/// Anonymous counters of guide step views and completions per model version and day.
#[async_trait]
pub trait FunnelStore: Send + Sync {
    async fn record(
        &self,
        model_version: &str,
        event: FunnelEvent,
        step: u32,
        day: NaiveDate,
        count: u64,
    ) -> Result<(), StoreError>;
    /// The counts of one model version, summed over all days, by event and step.
    async fn totals(&self, model_version: &str) -> Result<Vec<FunnelTotal>, StoreError>;
    /// The model versions that have counts, newest first.
    async fn versions(&self) -> Result<Vec<String>, StoreError>;
}

#[async_trait]
impl<B: Backend> FunnelStore for SqlStore<B> {
    async fn record(
        &self,
        model_version: &str,
        event: FunnelEvent,
        step: u32,
        day: NaiveDate,
        count: u64,
    ) -> Result<(), StoreError> {
        let count = i64::try_from(count).unwrap_or(i64::MAX);
        self.write(
            Statement::new(
                "INSERT INTO guide_funnel (model_version, event, step, day, count) VALUES ($1, $2, $3, $4, $5) \
                 ON CONFLICT (model_version, event, step, day) DO UPDATE SET count = guide_funnel.count + $5",
            )
            .bind(model_version)
            .bind(event)
            .bind(i64::from(step))
            .bind(day)
            .bind(count),
        )
        .await?;
        Ok(())
    }

    async fn totals(&self, model_version: &str) -> Result<Vec<FunnelTotal>, StoreError> {
        let rows = self
            .read_all(
                Statement::new(
                    "SELECT event, step, CAST(SUM(count) AS BIGINT) AS total FROM guide_funnel \
                     WHERE model_version = $1 GROUP BY event, step ORDER BY event, step",
                )
                .bind(model_version),
            )
            .await?;
        rows.iter()
            .map(|r| Ok(FunnelTotal { event: r.get("event")?, step: r.get("step")?, count: r.get("total")? }))
            .collect()
    }

    async fn versions(&self) -> Result<Vec<String>, StoreError> {
        let rows = self
            .read_all(Statement::new("SELECT DISTINCT model_version FROM guide_funnel ORDER BY model_version DESC"))
            .await?;
        rows.iter().map(|r| r.get("model_version")).collect()
    }
}
