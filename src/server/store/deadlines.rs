//! Leads owed a reply reaching a deadline: each wait's reminder and its overdue alert are claimed
//! once, with their notifications and history line, in one transaction. Instances checking at
//! the same moment claim different leads (row locks), and a claim survives restarts (a column).

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use crate::domain::ids::LeadReference;
use crate::domain::leads::deadline::Deadline;
use crate::domain::leads::inbox::LeadStatus;
use crate::domain::leads::lifecycle::EventKind;
use crate::domain::staff::{Role, StaffEmail};

use super::StoreError;
use crate::server::store::leads::queue;
use crate::server::store::outbox::OutboxMessage;
use crate::server::store::sql::{Backend, Conn, Record, SqlStore, Statement};

/// Leads claimed at most in one check; the next check takes the rest.
const BATCH: i64 = 50;

/// A lead that reached a deadline, and who is to hear about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DueLead {
    pub reference: LeadReference,
    pub name: String,
    pub company: Option<String>,
    pub recipients: Vec<StaffEmail>,
}

/// What to send about a due lead (nothing when no channel is configured).
pub type Compose<'a> = &'a (dyn Fn(Deadline, &DueLead) -> Vec<OutboxMessage> + Send + Sync);

#[async_trait]
pub trait DeadlineStore: Send + Sync {
    /// Claims the open, unanswered leads received by `received_by` that have not had this
    /// deadline's message yet, queues what `compose` makes for each, records it in their
    /// history, and returns them.
    async fn claim_due(
        &self,
        deadline: Deadline,
        received_by: DateTime<Utc>,
        at: DateTime<Utc>,
        compose: Compose<'_>,
    ) -> Result<Vec<DueLead>, StoreError>;
}

/// The column that records that a deadline's message went out (fixed names, never input).
fn column(deadline: Deadline) -> &'static str {
    match deadline {
        Deadline::Reminder => "reminded_at",
        Deadline::Overdue => "overdue_at",
    }
}

/// The leads a deadline is due for: open, owed a reply, not erased, owed since the instant in
/// the fourth placeholder from `first` or before (the first three hold the open statuses). An
/// answer that starts a new wait clears both columns, so each wait has its own reminder and
/// its own alert.
fn due(deadline: Deadline, first: usize) -> String {
    format!(
        "{column} IS NULL AND owed_since IS NOT NULL AND erased_at IS NULL \
         AND status IN (${first}, ${}, ${}) AND owed_since <= ${}",
        first + 1,
        first + 2,
        first + 3,
        column = column(deadline),
    )
}

/// Binds the values `due` names.
fn bind_due(statement: Statement, received_by: DateTime<Utc>) -> Statement {
    statement.bind(LeadStatus::New).bind(LeadStatus::Contacted).bind(LeadStatus::Qualified).bind(received_by)
}

#[async_trait]
impl<B: Backend> DeadlineStore for SqlStore<B> {
    async fn claim_due(
        &self,
        deadline: Deadline,
        received_by: DateTime<Utc>,
        at: DateTime<Utc>,
        compose: Compose<'_>,
    ) -> Result<Vec<DueLead>, StoreError> {
        // Most checks find nothing: a read says so without taking the write lock.
        let probe = Statement::new(format!("SELECT id FROM leads WHERE {} LIMIT 1", due(deadline, 1)));
        if self.read_optional(bind_due(probe, received_by)).await?.is_none() {
            return Ok(Vec::new());
        }
        let mut tx = self.backend.begin_write().await?;
        let claim = Statement::new(format!(
            "UPDATE leads SET {column} = $1 WHERE id IN ( \
                 SELECT id FROM leads WHERE {due} ORDER BY id LIMIT $6{skip}) \
             RETURNING id, reference, name, company, assigned_to",
            column = column(deadline),
            due = due(deadline, 2),
            skip = B::SKIP_LOCKED,
        ))
        .bind(at);
        let claim = bind_due(claim, received_by).bind(BATCH);
        let claimed = tx
            .fetch_all(claim)
            .await?
            .iter()
            .map(|r| {
                Ok((
                    r.get::<i64>("id")?,
                    r.get::<Option<i64>>("assigned_to")?,
                    r.parse::<LeadReference>("reference")?,
                    r.get::<String>("name")?,
                    r.get::<Option<String>>("company")?,
                ))
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        if claimed.is_empty() {
            return Ok(Vec::new());
        }
        let staff = active_staff(&mut *tx).await?;
        let roles: Vec<(StaffEmail, Role)> = staff.iter().map(|(_, e, r)| (e.clone(), *r)).collect();
        let kind = match deadline {
            Deadline::Reminder => EventKind::Reminded,
            Deadline::Overdue => EventKind::Overdue,
        };
        let mut due = Vec::with_capacity(claimed.len());
        for (lead_id, assigned_to, reference, name, company) in claimed {
            let assignee = staff.iter().find(|(id, _, _)| Some(*id) == assigned_to).map(|(_, email, _)| email);
            let lead = DueLead { reference, name, company, recipients: deadline.recipients(assignee, &roles) };
            for message in compose(deadline, &lead) {
                queue(&mut *tx, lead_id, &message, at).await?;
            }
            let event = "INSERT INTO lead_events (lead_id, at, actor, kind, detail) VALUES ($1, $2, 'system', $3, $4)";
            tx.execute(
                Statement::new(event).bind(lead_id).bind(at).bind(kind).bind(deadline.history(&lead.recipients)),
            )
            .await?;
            due.push(lead);
        }
        tx.commit().await?;
        Ok(due)
    }
}

/// The active accounts: id, email and role, by email.
async fn active_staff<C: Conn + ?Sized>(conn: &mut C) -> Result<Vec<(i64, StaffEmail, Role)>, StoreError> {
    let select = "SELECT id, email, role FROM staff_users WHERE disabled_at IS NULL ORDER BY email";
    let rows = conn.fetch_all(Statement::new(select)).await?;
    rows.iter().map(|r| Ok((r.get("id")?, r.parse("email")?, r.get("role")?))).collect()
}
