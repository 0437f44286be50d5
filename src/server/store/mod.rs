//! Storage behind traits, one implementation per database, chosen at start-up from
//! `DATABASE_URL`. Handlers and server functions see only the traits.

pub mod inbox;
mod postgres;
mod sqlite;

use std::sync::Arc;

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};

use crate::domain::lead::NewLead;
use crate::domain::recommendation::Recommendation;
use crate::domain::staff::Role;

use super::database::Database;
use inbox::{InboxStore, LoginStore};

/// A storage failure; the detail is logged where it is handled and never shown to visitors.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("the reference number is already taken")]
    ReferenceTaken,
    #[error("stored data could not be read: {0}")]
    Corrupt(String),
    #[error("the write was not committed: {0}")]
    Commit(String),
}

/// A stored guide result's public id: 12 characters of Crockford base32 (60 random bits).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ResultId(String);

const ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";

impl ResultId {
    pub fn random() -> Self {
        use rand::Rng;
        let mut rng = rand::rng();
        ResultId((0..12).map(|_| ALPHABET[rng.random_range(0..32)] as char).collect())
    }

    /// Accepts only well-formed ids, so a malformed one never reaches the database.
    pub fn parse(raw: &str) -> Option<Self> {
        (raw.len() == 12 && raw.bytes().all(|b| ALPHABET.contains(&b))).then(|| ResultId(raw.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// One stored result.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredResult {
    pub id: ResultId,
    pub answers: serde_json::Map<String, serde_json::Value>,
    pub recommendation: Recommendation,
    pub model_version: String,
    pub created_at: DateTime<Utc>,
}

/// Guide results: written once, read forever.
#[async_trait]
pub trait ResultStore: Send + Sync {
    async fn insert(&self, result: &StoredResult) -> Result<(), StoreError>;
    async fn get(&self, id: &ResultId) -> Result<Option<StoredResult>, StoreError>;
}

/// What the funnel counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FunnelEvent {
    /// A step of the guide was shown.
    View,
    /// A result was computed and stored.
    Complete,
}

impl FunnelEvent {
    fn as_str(self) -> &'static str {
        match self {
            FunnelEvent::View => "view",
            FunnelEvent::Complete => "complete",
        }
    }
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
    ) -> Result<(), StoreError>;
    /// `(event, step, count)` summed over all days, for one model version.
    async fn totals(&self, model_version: &str) -> Result<Vec<(String, u32, u64)>, StoreError>;
    /// The model versions that have counts, newest first.
    async fn versions(&self) -> Result<Vec<String>, StoreError>;
}

/// A lead as the contact form hands it to storage.
#[derive(Clone, Debug)]
pub struct LeadRecord {
    pub lead: NewLead,
    pub reference: String,
    pub idempotency_key: String,
    pub consent_version: String,
    pub result_id: Option<ResultId>,
    pub source_page: String,
    /// `None` for an ordinary lead; the reason when it is stored as suspected spam.
    pub spam_reason: Option<String>,
    pub created_at: DateTime<Utc>,
}

impl LeadRecord {
    /// The first line of the lead's history.
    pub fn history_entry(&self) -> String {
        match &self.spam_reason {
            Some(reason) => format!("received from the contact form; held as suspected spam ({reason})"),
            None => "received from the contact form".to_string(),
        }
    }

    /// The status the lead starts in.
    pub fn status(&self) -> &'static str {
        if self.spam_reason.is_some() {
            "spam"
        } else {
            "new"
        }
    }
}

/// A notification to deliver after the lead is stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutboxMessage {
    pub channel: &'static str,
    pub payload: String,
}

/// What storing a lead did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Stored {
    /// A new lead.
    Created { reference: String, created_at: DateTime<Utc> },
    /// The same form was posted before: the lead stored then.
    AlreadyStored { reference: String, created_at: DateTime<Utc> },
}

/// Leads and their notifications.
#[async_trait]
pub trait LeadStore: Send + Sync {
    /// Stores the lead, its first history entry and its notifications in one transaction; a
    /// second call with the same idempotency key stores nothing and returns the first lead.
    async fn insert(&self, record: &LeadRecord, notifications: &[OutboxMessage]) -> Result<Stored, StoreError>;
    /// When the lead with this reference was received.
    async fn received_at(&self, reference: &str) -> Result<Option<DateTime<Utc>>, StoreError>;
}

/// A notification waiting to be delivered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutboxItem {
    pub id: i64,
    pub channel: String,
    pub payload: String,
    pub attempts: i64,
}

/// The notifications outbox: claimed with a lease so that each message is worked by one
/// worker at a time, whichever instance it runs in.
#[async_trait]
pub trait OutboxStore: Send + Sync {
    /// Claims up to `limit` due messages until `lease_until`.
    async fn claim_due(
        &self,
        now: DateTime<Utc>,
        lease_until: DateTime<Utc>,
        limit: i64,
    ) -> Result<Vec<OutboxItem>, StoreError>;
    async fn mark_delivered(&self, id: i64, at: DateTime<Utc>) -> Result<(), StoreError>;
    async fn mark_failed(&self, id: i64, retry_at: DateTime<Utc>, error: &str) -> Result<(), StoreError>;
}

/// A staff account. The password hash is deliberately not `Serialize`-able or printed.
#[derive(Clone, PartialEq, Eq)]
pub struct StaffUser {
    pub id: i64,
    pub email: String,
    pub role: Role,
    pub password_hash: String,
    pub disabled: bool,
    pub created_at: DateTime<Utc>,
}

impl std::fmt::Debug for StaffUser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "StaffUser {{ id: {}, email: {}, role: {}, disabled: {} }}",
            self.id, self.email, self.role, self.disabled
        )
    }
}

/// Staff accounts.
#[async_trait]
pub trait UserStore: Send + Sync {
    /// Adds an account; `Ok(false)` when the email is taken.
    async fn add_user(
        &self,
        email: &str,
        role: Role,
        password_hash: &str,
        at: DateTime<Utc>,
    ) -> Result<bool, StoreError>;
    async fn users(&self) -> Result<Vec<StaffUser>, StoreError>;
    async fn user_by_email(&self, email: &str) -> Result<Option<StaffUser>, StoreError>;
    /// `Ok(false)` when there is no such account.
    async fn set_password(&self, email: &str, password_hash: &str) -> Result<bool, StoreError>;
    /// `Ok(false)` when there is no such account.
    async fn disable_user(&self, email: &str, at: DateTime<Utc>) -> Result<bool, StoreError>;
}

/// Staff sessions, by token hash.
#[async_trait]
pub trait SessionStore: Send + Sync {
    async fn create_session(&self, token_hash: &str, user_id: i64, at: DateTime<Utc>) -> Result<(), StoreError>;
    /// The session's start, last use and user, if the session exists.
    async fn session(&self, token_hash: &str) -> Result<Option<SessionRow>, StoreError>;
    /// Records a use of the session.
    async fn touch_session(&self, token_hash: &str, at: DateTime<Utc>) -> Result<(), StoreError>;
    /// Ends one session.
    async fn delete_session(&self, token_hash: &str) -> Result<(), StoreError>;
    /// Ends every session of one user (logout everywhere, a disabled account, a new password).
    async fn delete_sessions_of(&self, user_id: i64) -> Result<(), StoreError>;
}

/// A stored session as the stores return it.
pub struct SessionRow {
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
    pub user: StaffUser,
}

/// The session's user, if the session exists, is live under `policy` at `now`, and its user is
/// not disabled. A live session's last use moves to `now`; a dead one is deleted.
pub async fn session_user(
    sessions: &dyn SessionStore,
    token_hash: &str,
    now: DateTime<Utc>,
    policy: &crate::server::auth::session::SessionPolicy,
) -> Result<Option<StaffUser>, StoreError> {
    let Some(row) = sessions.session(token_hash).await? else { return Ok(None) };
    if row.user.disabled || !policy.is_live(row.created_at, row.last_seen_at, now) {
        sessions.delete_session(token_hash).await?;
        return Ok(None);
    }
    sessions.touch_session(token_hash, now).await?;
    Ok(Some(row.user))
}

/// Secrets shared by every instance on the database.
#[async_trait]
pub trait SecretStore: Send + Sync {
    /// The secret called `name`, created from `fresh` if there is none yet (first writer wins).
    async fn get_or_create(&self, name: &str, fresh: &str) -> Result<String, StoreError>;
}

/// Every store, for one database.
#[derive(Clone)]
pub struct Stores {
    pub results: Arc<dyn ResultStore>,
    pub funnel: Arc<dyn FunnelStore>,
    pub leads: Arc<dyn LeadStore>,
    pub outbox: Arc<dyn OutboxStore>,
    pub secrets: Arc<dyn SecretStore>,
    pub users: Arc<dyn UserStore>,
    pub sessions: Arc<dyn SessionStore>,
    pub inbox: Arc<dyn InboxStore>,
    pub logins: Arc<dyn LoginStore>,
}

impl std::fmt::Debug for Stores {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Stores")
    }
}

impl Stores {
    pub fn new(db: &Database) -> Self {
        match db {
            Database::Sqlite(db) => Self::all(Arc::new(sqlite::SqliteStore::new(db.clone()))),
            Database::Postgres(pool) => Self::all(Arc::new(postgres::PgStore::new(pool.clone()))),
        }
    }

    /// One backend serves every store.
    fn all<S>(store: Arc<S>) -> Self
    where
        S: ResultStore
            + FunnelStore
            + LeadStore
            + OutboxStore
            + SecretStore
            + UserStore
            + SessionStore
            + InboxStore
            + LoginStore
            + 'static,
    {
        Stores {
            results: store.clone(),
            funnel: store.clone(),
            leads: store.clone(),
            outbox: store.clone(),
            secrets: store.clone(),
            users: store.clone(),
            sessions: store.clone(),
            inbox: store.clone(),
            logins: store,
        }
    }
}

/// Whether a database error is the unique constraint on the lead reference.
fn is_reference_conflict(error: &sqlx::Error) -> bool {
    error.as_database_error().is_some_and(|e| {
        e.is_unique_violation()
            && (e.constraint() == Some("leads_reference_key") || e.message().contains("leads.reference"))
    })
}

/// Timestamps in SQLite: RFC 3339 in UTC with microseconds, so text order is time order.
pub fn sqlite_time(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
}

fn parse_sqlite_time(text: &str) -> Result<DateTime<Utc>, StoreError> {
    DateTime::parse_from_rfc3339(text).map(|t| t.with_timezone(&Utc)).map_err(|e| StoreError::Corrupt(e.to_string()))
}

fn parse_stored(
    id: String,
    answers: &str,
    recommendation: &str,
    model_version: String,
    created_at: DateTime<Utc>,
) -> Result<StoredResult, StoreError> {
    Ok(StoredResult {
        id: ResultId(id),
        answers: serde_json::from_str(answers).map_err(|e| StoreError::Corrupt(e.to_string()))?,
        recommendation: serde_json::from_str(recommendation).map_err(|e| StoreError::Corrupt(e.to_string()))?,
        model_version,
        created_at,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn result_ids_are_twelve_unambiguous_characters() {
        let id = ResultId::random();
        assert_eq!(id.as_str().len(), 12);
        assert_eq!(ResultId::parse(id.as_str()), Some(id));
        for bad in ["", "short", "0123456789AB", "0123456789ai", "0123456789abc", "../../etc/pa"] {
            assert_eq!(ResultId::parse(bad), None, "{bad}");
        }
    }
}
