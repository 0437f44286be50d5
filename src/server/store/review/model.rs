//! The advice model's published versions (the newest is live on every instance), the checks run
//! on drafts before publishing them, the stored results a check replays, and the audit.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use crate::domain::guide::review::case::CaseOutcome;
use crate::domain::guide::review::draft::ModelTexts;
use crate::domain::guide::review::replay::Replay;
use crate::server::store::sql::{Backend, Conn, Record, SqlStore, Statement};
use crate::server::store::StoreError;

use super::audit;

/// A published version.
#[derive(Clone, Debug, PartialEq)]
pub struct PublishedVersion {
    pub id: i64,
    pub version: String,
    pub texts: ModelTexts,
    /// The row it replaced (0: the model shipped in the build).
    pub follows: i64,
    pub author: String,
    pub published_at: DateTime<Utc>,
    pub note: String,
    pub diff: String,
    pub override_reason: Option<String>,
    pub check_id: Option<i64>,
}

/// A version to publish.
#[derive(Clone, Debug)]
pub struct NewVersion<'a> {
    pub version: &'a str,
    pub texts: &'a ModelTexts,
    /// The version live when it was checked: publishing is refused when another came since.
    pub follows: i64,
    pub author: &'a str,
    pub note: &'a str,
    pub diff: &'a str,
    pub override_reason: Option<&'a str>,
    pub check_id: Option<i64>,
    /// `publish` or `rollback`, for the audit.
    pub action: &'a str,
    pub at: DateTime<Utc>,
}

/// What publishing did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Published {
    Done(i64),
    /// Another version was published since the one this was checked against.
    Meanwhile,
}

/// A check of a draft, running or done.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckRun {
    pub id: i64,
    pub author: String,
    pub started_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
    pub texts: ModelTexts,
    pub against: i64,
    pub total: u64,
    pub done: u64,
    pub cases: Option<Vec<CaseOutcome>>,
    pub replay: Option<Replay>,
    pub failure: Option<String>,
}

/// A line of the audit.
#[derive(Clone, Debug, PartialEq)]
pub struct AuditLine {
    pub at: DateTime<Utc>,
    pub actor: String,
    pub action: String,
    pub detail: String,
}

/// A stored result as the replay reads it.
#[derive(Clone, Debug)]
pub struct ReplayRow {
    pub id: String,
    pub created_at: DateTime<Utc>,
    pub answers: serde_json::Map<String, serde_json::Value>,
}

#[async_trait]
pub trait ModelStore: Send + Sync {
    /// The id of the live version (0: none was published; the build's model is live).
    async fn newest_version_id(&self) -> Result<i64, StoreError>;
    async fn version(&self, id: i64) -> Result<Option<PublishedVersion>, StoreError>;
    /// The latest published versions, newest first.
    async fn versions(&self, limit: u32) -> Result<Vec<PublishedVersion>, StoreError>;
    async fn publish(&self, new: &NewVersion<'_>) -> Result<Published, StoreError>;
    /// Stores a draft's check before it runs (and the audit line); its id.
    async fn start_check(
        &self,
        author: &str,
        texts: &ModelTexts,
        against: i64,
        total: u64,
        at: DateTime<Utc>,
    ) -> Result<i64, StoreError>;
    async fn check_progress(&self, id: i64, done: u64, at: DateTime<Utc>) -> Result<(), StoreError>;
    async fn finish_check(
        &self,
        id: i64,
        cases: &[CaseOutcome],
        replay: &Replay,
        failure: Option<&str>,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError>;
    async fn check(&self, id: i64) -> Result<Option<CheckRun>, StoreError>;
    /// The latest check anyone ran: the draft the model page starts from.
    async fn latest_check(&self) -> Result<Option<CheckRun>, StoreError>;
    async fn audit_lines(&self, limit: u32) -> Result<Vec<AuditLine>, StoreError>;
    /// How many results were stored since `since`.
    async fn results_since(&self, since: DateTime<Utc>) -> Result<u64, StoreError>;
    /// The next results stored since `since`, in the order they were stored, after `after`.
    async fn results_page(
        &self,
        since: DateTime<Utc>,
        after: Option<&(DateTime<Utc>, String)>,
        limit: u32,
    ) -> Result<Vec<ReplayRow>, StoreError>;
}

const VERSION_COLUMNS: &str =
    "id, version, model, prices, words, follows, author, published_at, note, diff, override_reason, check_id";
const CHECK_COLUMNS: &str =
    "id, author, started_at, updated_at, finished_at, model, prices, words, against, total, done, cases, replay, failure";

/// A version's or a check's texts.
fn texts_from_row(row: &impl Record) -> Result<ModelTexts, StoreError> {
    Ok(ModelTexts {
        model: row.get("model")?,
        prices: row.get("prices")?,
        words: row.json("words")?.unwrap_or_default(),
    })
}

fn version_from_row(row: &impl Record) -> Result<PublishedVersion, StoreError> {
    Ok(PublishedVersion {
        id: row.get("id")?,
        version: row.get("version")?,
        texts: texts_from_row(row)?,
        follows: row.get("follows")?,
        author: row.get("author")?,
        published_at: row.get("published_at")?,
        note: row.get("note")?,
        diff: row.get("diff")?,
        override_reason: row.get("override_reason")?,
        check_id: row.get("check_id")?,
    })
}

fn check_from_row(row: &impl Record) -> Result<CheckRun, StoreError> {
    let count = |column: &str| -> Result<u64, StoreError> { Ok(u64::try_from(row.get::<i64>(column)?).unwrap_or(0)) };
    Ok(CheckRun {
        id: row.get("id")?,
        author: row.get("author")?,
        started_at: row.get("started_at")?,
        updated_at: row.get("updated_at")?,
        finished_at: row.time("finished_at")?,
        texts: texts_from_row(row)?,
        against: row.get("against")?,
        total: count("total")?,
        done: count("done")?,
        cases: row.json("cases")?,
        replay: row.json("replay")?,
        failure: row.get("failure")?,
    })
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<serde_json::Value, StoreError> {
    serde_json::to_value(value).map_err(|e| StoreError::Corrupt(e.to_string()))
}

#[async_trait]
impl<B: Backend> ModelStore for SqlStore<B> {
    async fn newest_version_id(&self) -> Result<i64, StoreError> {
        let row = self.read_one(Statement::new("SELECT COALESCE(MAX(id), 0) AS newest FROM model_versions")).await?;
        Ok(row.int("newest")?.unwrap_or(0))
    }

    async fn version(&self, id: i64) -> Result<Option<PublishedVersion>, StoreError> {
        let select = Statement::new(format!("SELECT {VERSION_COLUMNS} FROM model_versions WHERE id = $1"));
        self.read_optional(select.bind(id)).await?.as_ref().map(version_from_row).transpose()
    }

    async fn versions(&self, limit: u32) -> Result<Vec<PublishedVersion>, StoreError> {
        let select = Statement::new(format!("SELECT {VERSION_COLUMNS} FROM model_versions ORDER BY id DESC LIMIT $1"));
        self.read_all(select.bind(i64::from(limit))).await?.iter().map(version_from_row).collect()
    }

    async fn publish(&self, new: &NewVersion<'_>) -> Result<Published, StoreError> {
        let mut tx = self.backend.begin_write().await?;
        let newest = tx.fetch_one(Statement::new("SELECT COALESCE(MAX(id), 0) AS newest FROM model_versions")).await?;
        if newest.int("newest")?.unwrap_or(0) != new.follows {
            return Ok(Published::Meanwhile);
        }
        let insert = Statement::new(
            "INSERT INTO model_versions (version, model, prices, words, follows, author, published_at, note, diff, \
             override_reason, check_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
        )
        .bind(new.version)
        .bind(new.texts.model.as_str())
        .bind(new.texts.prices.as_str())
        .bind(to_json(&new.texts.words)?)
        .bind(new.follows)
        .bind(new.author)
        .bind(new.at)
        .bind(new.note)
        .bind(new.diff)
        .bind(new.override_reason)
        .bind(new.check_id);
        // Two admins publishing over the same version: the second waits on the first, then
        // breaks `follows`' uniqueness.
        let id: i64 = match tx.fetch_one(insert).await {
            Ok(row) => row.get("id")?,
            Err(StoreError::Database(e)) if e.as_database_error().is_some_and(|d| d.is_unique_violation()) => {
                return Ok(Published::Meanwhile)
            }
            Err(e) => return Err(e),
        };
        let mut detail = format!("version {} ({id}): {}", new.version, new.note);
        if let Some(reason) = new.override_reason {
            detail.push_str(&format!("; published with failing cases because: {reason}"));
        }
        tx.execute(audit(new.at, new.author, new.action, &detail)).await?;
        tx.commit().await?;
        Ok(Published::Done(id))
    }

    async fn start_check(
        &self,
        author: &str,
        texts: &ModelTexts,
        against: i64,
        total: u64,
        at: DateTime<Utc>,
    ) -> Result<i64, StoreError> {
        let mut tx = self.backend.begin_write().await?;
        let insert = Statement::new(
            "INSERT INTO model_checks (author, started_at, updated_at, model, prices, words, against, total, done) \
             VALUES ($1, $2, $2, $3, $4, $5, $6, $7, 0) RETURNING id",
        )
        .bind(author)
        .bind(at)
        .bind(texts.model.as_str())
        .bind(texts.prices.as_str())
        .bind(to_json(&texts.words)?)
        .bind(against)
        .bind(i64::try_from(total).unwrap_or(i64::MAX));
        let id: i64 = tx.fetch_one(insert).await?.get("id")?;
        tx.execute(audit(at, author, "check", &format!("check {id}: {total} stored results to replay"))).await?;
        tx.commit().await?;
        Ok(id)
    }

    async fn check_progress(&self, id: i64, done: u64, at: DateTime<Utc>) -> Result<(), StoreError> {
        let update = Statement::new("UPDATE model_checks SET done = $1, updated_at = $2 WHERE id = $3")
            .bind(i64::try_from(done).unwrap_or(i64::MAX))
            .bind(at)
            .bind(id);
        self.write(update).await?;
        Ok(())
    }

    async fn finish_check(
        &self,
        id: i64,
        cases: &[CaseOutcome],
        replay: &Replay,
        failure: Option<&str>,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let update = Statement::new(
            "UPDATE model_checks SET cases = $1, replay = $2, failure = $3, done = $4, updated_at = $5, \
             finished_at = $5 WHERE id = $6",
        )
        .bind(to_json(&cases)?)
        .bind(to_json(replay)?)
        .bind(failure)
        .bind(i64::try_from(replay.results).unwrap_or(i64::MAX))
        .bind(at)
        .bind(id);
        self.write(update).await?;
        Ok(())
    }

    async fn check(&self, id: i64) -> Result<Option<CheckRun>, StoreError> {
        let select = Statement::new(format!("SELECT {CHECK_COLUMNS} FROM model_checks WHERE id = $1"));
        self.read_optional(select.bind(id)).await?.as_ref().map(check_from_row).transpose()
    }

    async fn latest_check(&self) -> Result<Option<CheckRun>, StoreError> {
        let select = Statement::new(format!("SELECT {CHECK_COLUMNS} FROM model_checks ORDER BY id DESC LIMIT 1"));
        self.read_optional(select).await?.as_ref().map(check_from_row).transpose()
    }

    async fn audit_lines(&self, limit: u32) -> Result<Vec<AuditLine>, StoreError> {
        let select = Statement::new("SELECT at, actor, action, detail FROM model_audit ORDER BY id DESC LIMIT $1");
        self.read_all(select.bind(i64::from(limit)))
            .await?
            .iter()
            .map(|row| {
                Ok(AuditLine {
                    at: row.get("at")?,
                    actor: row.get("actor")?,
                    action: row.get("action")?,
                    detail: row.get("detail")?,
                })
            })
            .collect()
    }

    async fn results_since(&self, since: DateTime<Utc>) -> Result<u64, StoreError> {
        let select = Statement::new("SELECT COUNT(*) AS n FROM guide_results WHERE created_at >= $1").bind(since);
        Ok(u64::try_from(self.read_one(select).await?.int("n")?.unwrap_or(0)).unwrap_or(0))
    }

    async fn results_page(
        &self,
        since: DateTime<Utc>,
        after: Option<&(DateTime<Utc>, String)>,
        limit: u32,
    ) -> Result<Vec<ReplayRow>, StoreError> {
        let mut select = Statement::new("SELECT id, created_at, answers FROM guide_results WHERE ");
        match after {
            None => {
                select.push("created_at >= ").push_bind(since);
            }
            Some((at, id)) => {
                select.push("(created_at > ").push_bind(*at);
                select.push(" OR (created_at = ").push_bind(*at).push(" AND id > ").push_bind(id.as_str()).push("))");
            }
        }
        select.push(" ORDER BY created_at, id LIMIT ").push_bind(i64::from(limit));
        self.read_all(select)
            .await?
            .iter()
            .map(|row| {
                Ok(ReplayRow {
                    id: row.get("id")?,
                    created_at: row.get("created_at")?,
                    answers: row.json("answers")?.unwrap_or_default(),
                })
            })
            .collect()
    }
}
