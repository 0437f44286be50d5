//! The consultants' review of the advice: their verdicts on leads and how often they agree with
//! each model version (`ReviewStore`), the case library, and the model's published versions,
//! checks and audit (`model`).

pub mod model;

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use crate::domain::guide::answers::Answers;
use crate::domain::guide::recommendation::{Execution, Organisation};
use crate::domain::guide::review::case::{CaseSource, ModelCase};
use crate::domain::guide::review::verdict::Agreement;
use crate::server::store::sql::{Backend, Conn, Record, SqlStore, Statement};
use crate::server::store::StoreError;

/// A lead's verdict as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredVerdict {
    pub organisation: Organisation,
    pub execution: Execution,
    pub note: String,
    pub author: String,
    pub at: DateTime<Utc>,
    /// The guide's version and choices it is set beside.
    pub guide: Option<(String, Organisation, Execution)>,
}

/// A verdict that differs from the guide's advice, with the answers that led to it.
#[derive(Clone, Debug, PartialEq)]
pub struct Disagreement {
    pub reference: String,
    pub result_id: Option<String>,
    pub model_version: String,
    pub guide: (Organisation, Execution),
    pub verdict: (Organisation, Execution),
    pub note: String,
    pub author: String,
    pub at: DateTime<Utc>,
    pub answers: Option<Answers>,
}

/// A case of the library as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredCase {
    pub id: i64,
    pub case: ModelCase,
    pub created_by: String,
    pub updated_at: DateTime<Utc>,
    pub retired_at: Option<DateTime<Utc>>,
}

#[async_trait]
pub trait ReviewStore: Send + Sync {
    /// The verdict on a lead, if one was recorded.
    async fn verdict(&self, lead_id: i64) -> Result<Option<StoredVerdict>, StoreError>;
    /// Per model version (the most recently judged first): how many verdicts, and how many agree.
    async fn agreement(&self) -> Result<Vec<Agreement>, StoreError>;
    /// The latest verdicts that differ from the guide on either axis.
    async fn disagreements(&self, limit: u32) -> Result<Vec<Disagreement>, StoreError>;
    /// Every case: the ones in use first, then the retired ones, each oldest first.
    async fn cases(&self) -> Result<Vec<StoredCase>, StoreError>;
    async fn case(&self, id: i64) -> Result<Option<StoredCase>, StoreError>;
    /// Adds a case (and the audit line); its id.
    async fn add_case(&self, case: &ModelCase, by: &str, at: DateTime<Utc>) -> Result<i64, StoreError>;
    /// Replaces a case's fields; false when there is no such case.
    async fn edit_case(&self, id: i64, case: &ModelCase, by: &str, at: DateTime<Utc>) -> Result<bool, StoreError>;
    /// Retires a case (or brings it back); false when there is no such case.
    async fn retire_case(&self, id: i64, retire: bool, by: &str, at: DateTime<Utc>) -> Result<bool, StoreError>;
    /// Fills an empty library (never one that had cases, even retired ones); how many were added.
    async fn seed_cases(&self, cases: &[ModelCase], at: DateTime<Utc>) -> Result<u64, StoreError>;
}

/// A line of the model's audit.
pub(super) fn audit(at: DateTime<Utc>, actor: &str, action: &str, detail: &str) -> Statement {
    Statement::new("INSERT INTO model_audit (at, actor, action, detail) VALUES ($1, $2, $3, $4)")
        .bind(at)
        .bind(actor)
        .bind(action)
        .bind(detail)
}

fn joined<T: Copy>(options: &[T], id: impl Fn(T) -> &'static str) -> String {
    options.iter().map(|o| id(*o)).collect::<Vec<_>>().join(",")
}

fn split<T>(text: &str, parse: impl Fn(&str) -> Option<T>) -> Result<Vec<T>, StoreError> {
    text.split(',')
        .map(|id| parse(id).ok_or_else(|| StoreError::Corrupt(format!("unknown option '{id}' in a case"))))
        .collect()
}

const CASE_COLUMNS: &str =
    "id, title, answers, organisation, execution, note, source, source_detail, created_by, updated_at, retired_at";

fn case_from_row(row: &impl Record) -> Result<StoredCase, StoreError> {
    let answers: serde_json::Map<String, serde_json::Value> =
        row.json("answers")?.ok_or_else(|| StoreError::Corrupt("a case without answers".into()))?;
    let answers = Answers::from_json(&answers).map_err(|e| StoreError::Corrupt(format!("a case's answers: {e:?}")))?;
    Ok(StoredCase {
        id: row.get("id")?,
        case: ModelCase {
            title: row.get("title")?,
            answers,
            organisation: split(&row.get::<String>("organisation")?, Organisation::parse)?,
            execution: split(&row.get::<String>("execution")?, Execution::parse)?,
            note: row.get("note")?,
            source: CaseSource::parse(&row.get::<String>("source")?)
                .ok_or_else(|| StoreError::Corrupt("a case's source".into()))?,
            source_detail: row.get("source_detail")?,
        },
        created_by: row.get("created_by")?,
        updated_at: row.get("updated_at")?,
        retired_at: row.time("retired_at")?,
    })
}

/// `statement` with a case's fields bound as `$1` to `$7`: title, answers, organisation,
/// execution, note, source, source detail.
fn bind_case(statement: Statement, case: &ModelCase) -> Statement {
    statement
        .bind(case.title.as_str())
        .bind(serde_json::Value::Object(case.answers.to_json()))
        .bind(joined(&case.organisation, Organisation::as_str))
        .bind(joined(&case.execution, Execution::as_str))
        .bind(case.note.as_str())
        .bind(case.source.as_str())
        .bind(case.source_detail.as_str())
}

fn insert_case(case: &ModelCase, by: &str, at: DateTime<Utc>) -> Statement {
    let insert = Statement::new(
        "INSERT INTO model_cases (title, answers, organisation, execution, note, source, source_detail, created_by, \
         created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id",
    );
    bind_case(insert, case).bind(by).bind(at)
}

#[async_trait]
impl<B: Backend> ReviewStore for SqlStore<B> {
    async fn verdict(&self, lead_id: i64) -> Result<Option<StoredVerdict>, StoreError> {
        let select = Statement::new(
            "SELECT organisation, execution, note, author, at, model_version, guide_organisation, guide_execution \
             FROM lead_verdicts WHERE lead_id = $1",
        );
        let Some(row) = self.read_optional(select.bind(lead_id)).await? else { return Ok(None) };
        let guide = match (
            row.text("model_version")?,
            row.text("guide_organisation")?.as_deref().and_then(Organisation::parse),
            row.text("guide_execution")?.as_deref().and_then(Execution::parse),
        ) {
            (Some(version), Some(o), Some(e)) => Some((version, o, e)),
            _ => None,
        };
        Ok(Some(StoredVerdict {
            organisation: row.get("organisation")?,
            execution: row.get("execution")?,
            note: row.get("note")?,
            author: row.get("author")?,
            at: row.get("at")?,
            guide,
        }))
    }

    async fn agreement(&self) -> Result<Vec<Agreement>, StoreError> {
        let select = Statement::new(
            "SELECT model_version, COUNT(*) AS verdicts, \
             CAST(SUM(CASE WHEN organisation = guide_organisation AND execution = guide_execution THEN 1 ELSE 0 END) AS BIGINT) AS both_axes, \
             CAST(SUM(CASE WHEN organisation = guide_organisation THEN 1 ELSE 0 END) AS BIGINT) AS same_organisation, \
             CAST(SUM(CASE WHEN execution = guide_execution THEN 1 ELSE 0 END) AS BIGINT) AS same_execution \
             FROM lead_verdicts WHERE model_version IS NOT NULL GROUP BY model_version ORDER BY MAX(at) DESC",
        );
        let count = |row: &_, column: &str| -> Result<u64, StoreError> {
            Ok(u64::try_from(Record::int(row, column)?.unwrap_or(0)).unwrap_or(0))
        };
        self.read_all(select)
            .await?
            .iter()
            .map(|row| {
                Ok(Agreement {
                    model_version: row.get("model_version")?,
                    verdicts: count(row, "verdicts")?,
                    both: count(row, "both_axes")?,
                    organisation: count(row, "same_organisation")?,
                    execution: count(row, "same_execution")?,
                })
            })
            .collect()
    }

    async fn disagreements(&self, limit: u32) -> Result<Vec<Disagreement>, StoreError> {
        let select = Statement::new(
            "SELECT l.reference, l.result_id, v.model_version, v.guide_organisation, v.guide_execution, \
             v.organisation, v.execution, v.note, v.author, v.at, g.answers \
             FROM lead_verdicts v JOIN leads l ON l.id = v.lead_id LEFT JOIN guide_results g ON g.id = l.result_id \
             WHERE v.guide_organisation IS NOT NULL \
             AND (v.organisation <> v.guide_organisation OR v.execution <> v.guide_execution) \
             ORDER BY v.at DESC LIMIT $1",
        );
        self.read_all(select.bind(i64::from(limit)))
            .await?
            .iter()
            .map(|row| {
                let answers: Option<serde_json::Map<String, serde_json::Value>> = row.json("answers")?;
                Ok(Disagreement {
                    reference: row.get("reference")?,
                    result_id: row.get("result_id")?,
                    model_version: row.get("model_version")?,
                    guide: (row.get("guide_organisation")?, row.get("guide_execution")?),
                    verdict: (row.get("organisation")?, row.get("execution")?),
                    note: row.get("note")?,
                    author: row.get("author")?,
                    at: row.get("at")?,
                    answers: answers.and_then(|a| Answers::from_json(&a).ok()),
                })
            })
            .collect()
    }

    async fn cases(&self) -> Result<Vec<StoredCase>, StoreError> {
        let select = format!(
            "SELECT {CASE_COLUMNS} FROM model_cases ORDER BY CASE WHEN retired_at IS NULL THEN 0 ELSE 1 END, id"
        );
        self.read_all(Statement::new(select)).await?.iter().map(case_from_row).collect()
    }

    async fn case(&self, id: i64) -> Result<Option<StoredCase>, StoreError> {
        let select = Statement::new(format!("SELECT {CASE_COLUMNS} FROM model_cases WHERE id = $1"));
        self.read_optional(select.bind(id)).await?.as_ref().map(case_from_row).transpose()
    }

    async fn add_case(&self, case: &ModelCase, by: &str, at: DateTime<Utc>) -> Result<i64, StoreError> {
        let mut tx = self.backend.begin_write().await?;
        let id: i64 = tx.fetch_one(insert_case(case, by, at)).await?.get("id")?;
        tx.execute(audit(at, by, "case_added", &format!("case {id}: {}", case.title))).await?;
        tx.commit().await?;
        Ok(id)
    }

    async fn edit_case(&self, id: i64, case: &ModelCase, by: &str, at: DateTime<Utc>) -> Result<bool, StoreError> {
        let mut tx = self.backend.begin_write().await?;
        let update = Statement::new(
            "UPDATE model_cases SET title = $1, answers = $2, organisation = $3, execution = $4, note = $5, \
             source = $6, source_detail = $7, updated_at = $8 WHERE id = $9",
        );
        let update = bind_case(update, case).bind(at).bind(id);
        if tx.execute(update).await? == 0 {
            return Ok(false);
        }
        tx.execute(audit(at, by, "case_edited", &format!("case {id}: {}", case.title))).await?;
        tx.commit().await?;
        Ok(true)
    }

    async fn retire_case(&self, id: i64, retire: bool, by: &str, at: DateTime<Utc>) -> Result<bool, StoreError> {
        let mut tx = self.backend.begin_write().await?;
        let update = Statement::new("UPDATE model_cases SET retired_at = $1, updated_at = $2 WHERE id = $3")
            .bind(retire.then_some(at))
            .bind(at)
            .bind(id);
        if tx.execute(update).await? == 0 {
            return Ok(false);
        }
        let action = if retire { "case_retired" } else { "case_restored" };
        tx.execute(audit(at, by, action, &format!("case {id}"))).await?;
        tx.commit().await?;
        Ok(true)
    }

    async fn seed_cases(&self, cases: &[ModelCase], at: DateTime<Utc>) -> Result<u64, StoreError> {
        // Every start after the first: one read, and no write that the database refuses.
        let seeded = Statement::new("SELECT id FROM model_audit WHERE action = 'cases_seeded'");
        if self.read_optional(seeded).await?.is_some() {
            return Ok(0);
        }
        let mut tx = self.backend.begin_write().await?;
        // The audit line is the library's "seeded once" mark (a unique index): of two instances
        // starting together, the second waits for the first and then adds nothing.
        let detail = format!("{} cases from the build", cases.len());
        match tx.execute(audit(at, "archguide", "cases_seeded", &detail)).await {
            Ok(_) => {}
            Err(StoreError::Database(e)) if e.as_database_error().is_some_and(|d| d.is_unique_violation()) => {
                return Ok(0)
            }
            Err(e) => return Err(e),
        }
        if tx.fetch_optional(Statement::new("SELECT id FROM model_cases LIMIT 1")).await?.is_some() {
            return Ok(0);
        }
        for case in cases {
            tx.fetch_one(insert_case(case, "archguide", at)).await?;
        }
        tx.commit().await?;
        Ok(cases.len() as u64)
    }
}
