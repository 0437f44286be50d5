//! Leads as the contact form hands them over: stored with their first history line and their
//! notifications in one transaction, exactly once per form.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use crate::domain::ids::{LeadReference, ResultId};
use crate::domain::leads::attribution::Attribution;
use crate::domain::leads::inbox::LeadStatus;
use crate::domain::leads::lead::NewLead;
use crate::domain::leads::lifecycle::EventKind;

use super::StoreError;
use crate::server::store::lead_list::search_text;
use crate::server::store::outbox::{Channel, OutboxMessage};
use crate::server::store::sql::{Backend, Conn, Record, SqlStore, Statement};

/// A lead as the contact form hands it to storage.
#[derive(Clone, Debug)]
pub struct LeadRecord {
    pub lead: NewLead,
    pub reference: LeadReference,
    /// The form's token: a form posted twice is one lead.
    pub idempotency_key: String,
    pub consent_version: String,
    pub result_id: Option<ResultId>,
    pub source_page: String,
    /// Where the visitor came from (campaign tags, referring site).
    pub attribution: Attribution,
    /// `None` for an ordinary lead; the reason when it is stored as suspected spam.
    pub spam_reason: Option<String>,
    pub created_at: DateTime<Utc>,
    /// The code of the language the form was sent in (`en`, `es`).
    pub language: String,
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
    pub fn status(&self) -> LeadStatus {
        if self.spam_reason.is_some() {
            LeadStatus::Spam
        } else {
            LeadStatus::New
        }
    }
}

/// What storing a lead did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Stored {
    /// A new lead.
    Created { reference: LeadReference, created_at: DateTime<Utc> },
    /// The same form was posted before: the lead stored then.
    AlreadyStored { reference: LeadReference, created_at: DateTime<Utc> },
}

/// Leads and their notifications.
#[async_trait]
pub trait LeadStore: Send + Sync {
    /// Stores the lead, its first history entry and its notifications in one transaction; a
    /// second call with the same idempotency key stores nothing and returns the first lead.
    async fn insert(&self, record: &LeadRecord, notifications: &[OutboxMessage]) -> Result<Stored, StoreError>;
    /// When the lead with this reference was received.
    async fn received_at(&self, reference: &LeadReference) -> Result<Option<DateTime<Utc>>, StoreError>;
}

#[async_trait]
impl<B: Backend> LeadStore for SqlStore<B> {
    async fn insert(&self, record: &LeadRecord, notifications: &[OutboxMessage]) -> Result<Stored, StoreError> {
        self.health.noted(self.backend.insert_lead(record, notifications).await)
    }

    async fn received_at(&self, reference: &LeadReference) -> Result<Option<DateTime<Utc>>, StoreError> {
        let row = self
            .read_optional(Statement::new("SELECT created_at FROM leads WHERE reference = $1").bind(reference.as_str()))
            .await?;
        row.map(|r| r.get("created_at")).transpose()
    }
}

/// One lead's statements, inside a transaction the caller holds and commits (each backend
/// decides how: see `Backend::insert_lead`).
pub async fn insert_lead<C: Conn + ?Sized>(
    conn: &mut C,
    record: &LeadRecord,
    notifications: &[OutboxMessage],
) -> Result<Stored, StoreError> {
    let lead = &record.lead;
    let insert = Statement::new(
        "INSERT INTO leads (reference, idempotency_key, name, email, company, role, message, preferred_contact, \
         consent_version, consent_at, result_id, source_page, status, spam_reason, created_at, search, \
         utm_source, utm_medium, utm_campaign, referrer, source, language, last_activity_at, owed_since) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $10, $15, $16, $17, $18, $19, $20, $21, $10, $10) \
         ON CONFLICT (idempotency_key) DO NOTHING RETURNING id",
    )
    .bind(record.reference.as_str())
    .bind(record.idempotency_key.as_str())
    .bind(lead.name.as_str())
    .bind(lead.email.as_str())
    .bind(lead.company.as_deref())
    .bind(lead.role.as_deref())
    .bind(lead.message.as_str())
    .bind(lead.preferred_contact.as_deref())
    .bind(record.consent_version.as_str())
    .bind(record.created_at)
    .bind(record.result_id.as_ref().map(ResultId::as_str))
    .bind(record.source_page.as_str())
    .bind(record.status())
    .bind(record.spam_reason.as_deref())
    .bind(search_text(&lead.name, lead.email.as_str(), lead.company.as_deref(), &lead.message))
    .bind(record.attribution.source.as_deref())
    .bind(record.attribution.medium.as_deref())
    .bind(record.attribution.campaign.as_deref())
    .bind(record.attribution.referrer.as_deref())
    .bind(record.attribution.source_label())
    .bind(record.language.as_str());
    let lead_id: i64 = match conn.fetch_optional(insert).await {
        Ok(Some(row)) => row.get("id")?,
        Ok(None) => return already_stored(conn, &record.idempotency_key).await,
        Err(StoreError::Database(e)) if is_reference_conflict(&e) => return Err(StoreError::ReferenceTaken),
        Err(e) => return Err(e),
    };
    conn.execute(
        Statement::new("INSERT INTO lead_events (lead_id, at, actor, kind, detail) VALUES ($1, $2, 'visitor', $3, $4)")
            .bind(lead_id)
            .bind(record.created_at)
            .bind(EventKind::Created)
            .bind(record.history_entry()),
    )
    .await?;
    for message in notifications {
        queue(conn, lead_id, message, record.created_at).await?;
    }
    Ok(Stored::Created { reference: record.reference.clone(), created_at: record.created_at })
}

/// Queues a message about a lead in the caller's transaction (due at once unless it says
/// when); its outbox id.
pub async fn queue<C: Conn + ?Sized>(
    conn: &mut C,
    lead_id: i64,
    message: &OutboxMessage,
    at: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let insert = "INSERT INTO outbox (lead_id, channel, payload, next_attempt_at, created_at, topic) \
                  VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";
    let insert = Statement::new(insert)
        .bind(lead_id)
        .bind(message.channel)
        .bind(message.payload.as_str())
        .bind(message.due.unwrap_or(at).max(at))
        .bind(at)
        .bind(message.topic.as_deref());
    let id: i64 = conn.fetch_one(insert).await?.get("id")?;
    // Nothing goes to a lead's address that bounced until staff correct it: an email to it is
    // kept in the outbox as not sent.
    if let Channel::Reply | Channel::Call = message.channel {
        let to = serde_json::from_str::<serde_json::Value>(&message.payload)
            .ok()
            .and_then(|payload| payload.get("to").and_then(|to| to.as_str()).map(str::to_string));
        if let Some(to) = to {
            let held = Statement::new(
                "UPDATE outbox SET delivered_at = $1, last_error = $2 WHERE id = $3 AND EXISTS ( \
                 SELECT 1 FROM leads WHERE id = $4 AND undeliverable_at IS NOT NULL AND lower(email) = lower($5))",
            )
            .bind(at)
            .bind(NOT_SENT_BOUNCED)
            .bind(id)
            .bind(lead_id)
            .bind(to);
            conn.execute(held).await?;
        }
    }
    Ok(id)
}

/// Why an email was kept back.
pub const NOT_SENT_BOUNCED: &str = "not sent: email to this address bounced, and it was not corrected since";

/// Takes back the messages about `topic` that have not gone yet (a reminder of a call that
/// moved, a calendar write a newer one replaces), in the caller's transaction: they stay in
/// the outbox as withdrawn, never sent.
pub async fn withdraw<C: Conn + ?Sized>(
    conn: &mut C,
    topic: &str,
    why: &str,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    let withdraw = "UPDATE outbox SET delivered_at = $1, last_error = $2, payload = '{}' \
                    WHERE topic = $3 AND delivered_at IS NULL";
    conn.execute(Statement::new(withdraw).bind(at).bind(why).bind(topic)).await?;
    Ok(())
}

/// The lead an earlier post of the same form stored.
async fn already_stored<C: Conn + ?Sized>(conn: &mut C, idempotency_key: &str) -> Result<Stored, StoreError> {
    let row = conn
        .fetch_one(
            Statement::new("SELECT reference, created_at FROM leads WHERE idempotency_key = $1").bind(idempotency_key),
        )
        .await?;
    Ok(Stored::AlreadyStored { reference: row.parse("reference")?, created_at: row.get("created_at")? })
}

/// Whether a database error is the unique constraint on the lead reference.
fn is_reference_conflict(error: &sqlx::Error) -> bool {
    error.as_database_error().is_some_and(|e| {
        e.is_unique_violation()
            && (e.constraint() == Some("leads_reference_key") || e.message().contains("leads.reference"))
    })
}
