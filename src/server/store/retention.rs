//! What the retention job reads and deletes: leads past their time (erased through the inbox's
//! erasure path, `InboxStore::expire_lead`), old login attempts and sessions that have ended.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use crate::domain::ids::LeadReference;
use crate::domain::leads::inbox::LeadStatus;
use crate::domain::leads::retention::{Cutoffs, NOT_ACTIVITY};

use super::StoreError;
use crate::server::store::sql::{Backend, Record, SqlStore, Statement};

/// A lead past its time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expired {
    pub reference: LeadReference,
    pub spam: bool,
}

#[async_trait]
pub trait RetentionStore: Send + Sync {
    /// Unerased leads whose last activity (arrival, note, reply, status or assignment change;
    /// not the reminders the software sent) is before the cutoff for their kind, oldest first.
    async fn expired_leads(&self, cutoffs: &Cutoffs, limit: u32) -> Result<Vec<Expired>, StoreError>;
    /// Deletes login attempts made before `before`; how many.
    async fn delete_login_attempts(&self, before: DateTime<Utc>) -> Result<u64, StoreError>;
    /// Removes what the database's files may still hold of erased values (see
    /// `Backend::after_erasure`); each erasure does it too, this catches one that was held up.
    async fn compact(&self) -> Result<(), StoreError>;
    /// Deletes sessions idle since before `idle_before` or begun before `begun_before`; how many.
    async fn delete_ended_sessions(
        &self,
        idle_before: DateTime<Utc>,
        begun_before: DateTime<Utc>,
    ) -> Result<u64, StoreError>;
}

#[async_trait]
impl<B: Backend> RetentionStore for SqlStore<B> {
    async fn expired_leads(&self, cutoffs: &Cutoffs, limit: u32) -> Result<Vec<Expired>, StoreError> {
        let select = Statement::new(
            "SELECT reference, status FROM ( \
               SELECT l.id, l.reference, l.status, COALESCE( \
                 (SELECT MAX(e.at) FROM lead_events e WHERE e.lead_id = l.id AND e.kind NOT IN ($1, $2)), \
                 l.created_at) AS last_activity \
               FROM leads l WHERE l.erased_at IS NULL) AS active \
             WHERE (status <> $3 AND last_activity < $4) OR (status = $3 AND last_activity < $5) \
             ORDER BY id LIMIT $6",
        )
        .bind(NOT_ACTIVITY[0])
        .bind(NOT_ACTIVITY[1])
        .bind(LeadStatus::Spam)
        .bind(cutoffs.leads)
        .bind(cutoffs.spam)
        .bind(i64::from(limit));
        let rows = self.read_all(select).await?;
        rows.iter()
            .map(|r| {
                Ok(Expired {
                    reference: r.parse("reference")?,
                    spam: r.get::<LeadStatus>("status")? == LeadStatus::Spam,
                })
            })
            .collect()
    }

    async fn delete_login_attempts(&self, before: DateTime<Utc>) -> Result<u64, StoreError> {
        self.write(Statement::new("DELETE FROM login_attempts WHERE at < $1").bind(before)).await
    }

    async fn compact(&self) -> Result<(), StoreError> {
        self.backend.after_erasure().await
    }

    async fn delete_ended_sessions(
        &self,
        idle_before: DateTime<Utc>,
        begun_before: DateTime<Utc>,
    ) -> Result<u64, StoreError> {
        let delete = Statement::new("DELETE FROM staff_sessions WHERE last_seen_at < $1 OR created_at < $2");
        self.write(delete.bind(idle_before).bind(begun_before)).await
    }
}
