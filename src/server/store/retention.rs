//! What the retention job reads and deletes: leads past their time (erased through the inbox's
//! erasure path, `InboxStore::expire_lead`, which takes their messages and files too),
//! unmatched messages as old, old login attempts and sessions that have ended.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use crate::domain::ids::LeadReference;
use crate::domain::leads::inbox::LeadStatus;
use crate::domain::leads::retention::Cutoffs;
#[cfg(test)]
use crate::domain::leads::retention::NOT_ACTIVITY;

use super::StoreError;
use crate::server::store::sql::{Backend, Conn, Record, SqlStore, Statement};

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
    /// Deletes the messages from the shared mailbox that matched no lead and came in before
    /// `before` (with their files); how many.
    async fn delete_unmatched(&self, before: DateTime<Utc>) -> Result<u64, StoreError>;
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
        // Two indexed ranges of the leads' last activity (kept by migration 0013's triggers):
        // the pipeline's leads before their cutoff and spam before its own.
        let mut select = Statement::new(
            "SELECT reference, status, last_activity_at FROM leads WHERE erased_at IS NULL AND status IN (",
        );
        for (i, status) in LeadStatus::PIPELINE.iter().enumerate() {
            select.push(if i == 0 { "" } else { ", " }).push_bind(*status);
        }
        select.push(") AND last_activity_at < ").push_bind(cutoffs.leads);
        select.push(
            " UNION ALL SELECT reference, status, last_activity_at FROM leads WHERE erased_at IS NULL AND status = ",
        );
        select.push_bind(LeadStatus::Spam).push(" AND last_activity_at < ").push_bind(cutoffs.spam);
        select.push(" ORDER BY last_activity_at, reference LIMIT ").push_bind(i64::from(limit));
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

    async fn delete_unmatched(&self, before: DateTime<Utc>) -> Result<u64, StoreError> {
        let mut tx = self.backend.begin_write().await?;
        let files = "DELETE FROM inbound_attachments WHERE message_id IN \
                     (SELECT id FROM inbound_messages WHERE lead_id IS NULL AND received_at < $1)";
        tx.execute(Statement::new(files).bind(before)).await?;
        let delete = Statement::new("DELETE FROM inbound_messages WHERE lead_id IS NULL AND received_at < $1");
        let deleted = tx.execute(delete.bind(before)).await?;
        tx.commit().await?;
        Ok(deleted)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_triggers_that_keep_the_last_activity_leave_out_what_the_domain_does() {
        let kinds: Vec<String> = NOT_ACTIVITY.iter().map(|kind| format!("'{}'", kind.as_str())).collect();
        let list = format!("NOT IN ({})", kinds.join(", "));
        for migration in [
            include_str!("../../../migrations/sqlite/0013_at_scale.sql"),
            include_str!("../../../migrations/postgres/0013_at_scale.sql"),
        ] {
            assert_eq!(migration.matches(&list).count(), 2, "{list}");
        }
    }
}
