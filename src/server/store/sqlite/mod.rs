//! The stores on SQLite: reads from the reader pool, writes through the single writer.

mod inbox;
mod lead_writer;

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::Row;

use crate::domain::staff::Role;
use crate::server::store::{SessionRow, SessionStore};

use super::{
    parse_sqlite_time, parse_stored, sqlite_time, FunnelEvent, FunnelStore, LeadRecord, LeadStore, OutboxItem,
    OutboxMessage, OutboxStore, ResultId, ResultStore, SecretStore, StaffUser, StoreError, Stored, StoredResult,
    UserStore,
};
use crate::server::database::SqliteDb;

pub struct SqliteStore {
    db: SqliteDb,
    leads: lead_writer::LeadWriter,
}

impl SqliteStore {
    /// Must be called inside the runtime: it starts the task that writes leads.
    pub fn new(db: SqliteDb) -> Self {
        let leads = lead_writer::LeadWriter::start(db.writer.clone());
        Self { db, leads }
    }
}

#[async_trait]
impl ResultStore for SqliteStore {
    async fn insert(&self, result: &StoredResult) -> Result<(), StoreError> {
        let recommendation =
            serde_json::to_string(&result.recommendation).map_err(|e| StoreError::Corrupt(e.to_string()))?;
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
        let created_at =
            DateTime::parse_from_rfc3339(&created).map_err(|e| StoreError::Corrupt(e.to_string()))?.with_timezone(&Utc);
        parse_stored(row.get("id"), row.get("answers"), row.get("recommendation"), row.get("model_version"), created_at)
            .map(Some)
    }
}

#[async_trait]
impl FunnelStore for SqliteStore {
    async fn record(
        &self,
        model_version: &str,
        event: FunnelEvent,
        step: u32,
        day: NaiveDate,
    ) -> Result<(), StoreError> {
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

    async fn versions(&self) -> Result<Vec<String>, StoreError> {
        let rows = sqlx::query("SELECT DISTINCT model_version FROM guide_funnel ORDER BY model_version DESC")
            .fetch_all(&self.db.reader)
            .await?;
        Ok(rows.iter().map(|r| r.get("model_version")).collect())
    }
}

#[async_trait]
impl LeadStore for SqliteStore {
    async fn insert(&self, record: &LeadRecord, notifications: &[OutboxMessage]) -> Result<Stored, StoreError> {
        self.leads.insert(record, notifications).await
    }

    async fn received_at(&self, reference: &str) -> Result<Option<DateTime<Utc>>, StoreError> {
        let row = sqlx::query("SELECT created_at FROM leads WHERE reference = ?")
            .bind(reference)
            .fetch_optional(&self.db.reader)
            .await?;
        row.map(|r| parse_sqlite_time(r.get("created_at"))).transpose()
    }
}

/// One lead's statements, inside a transaction the caller holds (and commits).
async fn insert_lead(
    tx: &mut sqlx::SqliteConnection,
    record: &LeadRecord,
    notifications: &[OutboxMessage],
) -> Result<Stored, StoreError> {
    if let Some(row) = sqlx::query("SELECT reference, created_at FROM leads WHERE idempotency_key = ?")
        .bind(&record.idempotency_key)
        .fetch_optional(&mut *tx)
        .await?
    {
        let created_at = parse_sqlite_time(row.get("created_at"))?;
        return Ok(Stored::AlreadyStored { reference: row.get("reference"), created_at });
    }
    let now = sqlite_time(record.created_at);
    let lead = &record.lead;
    let inserted = sqlx::query(
        "INSERT INTO leads (reference, idempotency_key, name, email, company, role, message, preferred_contact, \
         consent_version, consent_at, result_id, source_page, status, spam_reason, created_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(&record.reference)
    .bind(&record.idempotency_key)
    .bind(&lead.name)
    .bind(lead.email.as_str())
    .bind(&lead.company)
    .bind(&lead.role)
    .bind(&lead.message)
    .bind(&lead.preferred_contact)
    .bind(&record.consent_version)
    .bind(&now)
    .bind(record.result_id.as_ref().map(|r| r.as_str()))
    .bind(&record.source_page)
    .bind(record.status())
    .bind(&record.spam_reason)
    .bind(&now)
    .fetch_one(&mut *tx)
    .await;
    let lead_id: i64 = match inserted {
        Ok(row) => row.get("id"),
        Err(e) if super::is_reference_conflict(&e) => return Err(StoreError::ReferenceTaken),
        Err(e) => return Err(e.into()),
    };
    sqlx::query(
        "INSERT INTO lead_events (lead_id, at, actor, kind, detail) VALUES (?, ?, 'visitor', 'created', ?)",
    )
    .bind(lead_id)
    .bind(&now)
    .bind(record.history_entry())
    .execute(&mut *tx)
    .await?;
    for message in notifications {
        sqlx::query(
            "INSERT INTO outbox (lead_id, channel, payload, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?)",
        )
        .bind(lead_id)
        .bind(message.channel)
        .bind(&message.payload)
        .bind(&now)
        .bind(&now)
        .execute(&mut *tx)
        .await?;
    }
    Ok(Stored::Created { reference: record.reference.clone(), created_at: record.created_at })
}

#[async_trait]
impl SecretStore for SqliteStore {
    async fn get_or_create(&self, name: &str, fresh: &str) -> Result<String, StoreError> {
        sqlx::query("INSERT INTO app_secrets (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")
            .bind(name)
            .bind(fresh)
            .execute(&self.db.writer)
            .await?;
        let row =
            sqlx::query("SELECT value FROM app_secrets WHERE name = ?").bind(name).fetch_one(&self.db.writer).await?;
        Ok(row.get("value"))
    }
}

#[async_trait]
impl OutboxStore for SqliteStore {
    async fn claim_due(
        &self,
        now: DateTime<Utc>,
        lease_until: DateTime<Utc>,
        limit: i64,
    ) -> Result<Vec<OutboxItem>, StoreError> {
        let now = sqlite_time(now);
        let rows = sqlx::query(
            "UPDATE outbox SET locked_until = ? WHERE id IN ( \
                 SELECT id FROM outbox WHERE delivered_at IS NULL AND next_attempt_at <= ? \
                 AND (locked_until IS NULL OR locked_until <= ?) ORDER BY id LIMIT ?) \
             RETURNING id, channel, payload, attempts",
        )
        .bind(sqlite_time(lease_until))
        .bind(&now)
        .bind(&now)
        .bind(limit)
        .fetch_all(&self.db.writer)
        .await?;
        Ok(rows
            .iter()
            .map(|r| OutboxItem {
                id: r.get("id"),
                channel: r.get("channel"),
                payload: r.get("payload"),
                attempts: r.get("attempts"),
            })
            .collect())
    }

    async fn mark_delivered(&self, id: i64, at: DateTime<Utc>) -> Result<(), StoreError> {
        sqlx::query("UPDATE outbox SET delivered_at = ?, attempts = attempts + 1, locked_until = NULL, last_error = NULL WHERE id = ?")
            .bind(sqlite_time(at))
            .bind(id)
            .execute(&self.db.writer)
            .await?;
        Ok(())
    }

    async fn mark_failed(&self, id: i64, retry_at: DateTime<Utc>, error: &str) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, locked_until = NULL, last_error = ? WHERE id = ?",
        )
        .bind(sqlite_time(retry_at))
        .bind(error)
        .bind(id)
        .execute(&self.db.writer)
        .await?;
        Ok(())
    }
}

fn staff_user(row: &sqlx::sqlite::SqliteRow) -> Result<StaffUser, StoreError> {
    Ok(StaffUser {
        id: row.get("id"),
        email: row.get("email"),
        role: Role::parse(row.get("role")).ok_or_else(|| StoreError::Corrupt("unknown role".into()))?,
        password_hash: row.get("password_hash"),
        disabled: row.get::<Option<String>, _>("disabled_at").is_some(),
        created_at: parse_sqlite_time(row.get("created_at"))?,
    })
}

#[async_trait]
impl UserStore for SqliteStore {
    async fn add_user(
        &self,
        email: &str,
        role: Role,
        password_hash: &str,
        at: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "INSERT INTO staff_users (email, role, password_hash, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (email) DO NOTHING",
        )
        .bind(email)
        .bind(role.as_str())
        .bind(password_hash)
        .bind(sqlite_time(at))
        .execute(&self.db.writer)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn users(&self) -> Result<Vec<StaffUser>, StoreError> {
        let rows = sqlx::query("SELECT * FROM staff_users ORDER BY email").fetch_all(&self.db.reader).await?;
        rows.iter().map(staff_user).collect()
    }

    async fn user_by_email(&self, email: &str) -> Result<Option<StaffUser>, StoreError> {
        let row = sqlx::query("SELECT * FROM staff_users WHERE email = ?")
            .bind(email)
            .fetch_optional(&self.db.reader)
            .await?;
        row.as_ref().map(staff_user).transpose()
    }

    async fn set_password(&self, email: &str, password_hash: &str) -> Result<bool, StoreError> {
        let done = sqlx::query("UPDATE staff_users SET password_hash = ? WHERE email = ?")
            .bind(password_hash)
            .bind(email)
            .execute(&self.db.writer)
            .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn disable_user(&self, email: &str, at: DateTime<Utc>) -> Result<bool, StoreError> {
        let done = sqlx::query("UPDATE staff_users SET disabled_at = COALESCE(disabled_at, ?) WHERE email = ?")
            .bind(sqlite_time(at))
            .bind(email)
            .execute(&self.db.writer)
            .await?;
        Ok(done.rows_affected() == 1)
    }
}

#[async_trait]
impl SessionStore for SqliteStore {
    async fn create_session(&self, token_hash: &str, user_id: i64, at: DateTime<Utc>) -> Result<(), StoreError> {
        sqlx::query("INSERT INTO staff_sessions (token_hash, user_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)")
            .bind(token_hash)
            .bind(user_id)
            .bind(sqlite_time(at))
            .bind(sqlite_time(at))
            .execute(&self.db.writer)
            .await?;
        Ok(())
    }

    async fn session(&self, token_hash: &str) -> Result<Option<SessionRow>, StoreError> {
        let row = sqlx::query(
            "SELECT s.created_at AS session_created, s.last_seen_at, u.* FROM staff_sessions s \
             JOIN staff_users u ON u.id = s.user_id WHERE s.token_hash = ?",
        )
        .bind(token_hash)
        .fetch_optional(&self.db.reader)
        .await?;
        let Some(row) = row else { return Ok(None) };
        Ok(Some(SessionRow {
            created_at: parse_sqlite_time(row.get("session_created"))?,
            last_seen_at: parse_sqlite_time(row.get("last_seen_at"))?,
            user: staff_user(&row)?,
        }))
    }

    async fn touch_session(&self, token_hash: &str, at: DateTime<Utc>) -> Result<(), StoreError> {
        sqlx::query("UPDATE staff_sessions SET last_seen_at = ? WHERE token_hash = ?")
            .bind(sqlite_time(at))
            .bind(token_hash)
            .execute(&self.db.writer)
            .await?;
        Ok(())
    }

    async fn delete_session(&self, token_hash: &str) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM staff_sessions WHERE token_hash = ?")
            .bind(token_hash)
            .execute(&self.db.writer)
            .await?;
        Ok(())
    }

    async fn delete_sessions_of(&self, user_id: i64) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM staff_sessions WHERE user_id = ?").bind(user_id).execute(&self.db.writer).await?;
        Ok(())
    }
}
