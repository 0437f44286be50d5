//! Leads are written to SQLite in groups: the leads waiting at one moment go into one
//! transaction, committed with one wait for the disk (`synchronous=FULL`), and each is
//! acknowledged only after that commit. One visitor's lead therefore waits for at most one
//! other commit, and under load the disk's flush time is shared instead of paid per lead.
//!
//! Each lead runs inside its own savepoint, so a lead that fails (its reference number was
//! taken) is undone alone and the others in the group are still stored. If the commit itself
//! fails, every lead in the group gets the error and none is acknowledged.

use sqlx::sqlite::SqlitePool;
use tokio::sync::{mpsc, oneshot};

use crate::server::store::leads::{insert_lead, LeadRecord, Stored};
use crate::server::store::outbox::OutboxMessage;
use crate::server::store::StoreError;

/// Most leads in one transaction.
const MAX_GROUP: usize = 64;
/// Leads waiting for the writer at most; a sender beyond that waits its turn.
const QUEUE: usize = 1024;

struct Job {
    record: LeadRecord,
    notifications: Vec<OutboxMessage>,
    reply: oneshot::Sender<Result<Stored, StoreError>>,
}

/// The handle that request handlers send leads through.
pub struct LeadWriter {
    jobs: mpsc::Sender<Job>,
}

impl LeadWriter {
    /// Starts the writing task on the current runtime; it stops when the handle is dropped.
    pub fn start(writer: SqlitePool) -> Self {
        let (jobs, queue) = mpsc::channel(QUEUE);
        tokio::spawn(run(writer, queue));
        Self { jobs }
    }

    /// Stores one lead (or finds it stored before) and returns once that is on disk.
    pub async fn insert(&self, record: &LeadRecord, notifications: &[OutboxMessage]) -> Result<Stored, StoreError> {
        let (reply, answer) = oneshot::channel();
        let job = Job { record: record.clone(), notifications: notifications.to_vec(), reply };
        self.jobs.send(job).await.map_err(|_| StoreError::Commit("the lead writer has stopped".into()))?;
        answer.await.map_err(|_| StoreError::Commit("the lead writer stopped before answering".into()))?
    }
}

async fn run(writer: SqlitePool, mut queue: mpsc::Receiver<Job>) {
    let mut group = Vec::with_capacity(MAX_GROUP);
    while queue.recv_many(&mut group, MAX_GROUP).await > 0 {
        let outcomes = match write_group(&writer, &group).await {
            Ok(outcomes) => outcomes,
            Err(error) => {
                // Each lead's request reports its own failure; this says they failed together.
                tracing::warn!(%error, leads = group.len(), "writing a group of leads failed");
                let message = error.to_string();
                group.iter().map(|_| Err(StoreError::Commit(message.clone()))).collect()
            }
        };
        for (job, outcome) in group.drain(..).zip(outcomes) {
            // The sender may have gone (the visitor closed the page); the lead is stored anyway
            // and a repeat of the same form finds it.
            let _ = job.reply.send(outcome);
        }
    }
}

/// One transaction for the whole group; the outcome of each lead, in order.
async fn write_group(writer: &SqlitePool, group: &[Job]) -> Result<Vec<Result<Stored, StoreError>>, StoreError> {
    let mut conn = writer.acquire().await?;
    // A lead is acknowledged to a person the moment its commit returns, so this commit waits
    // for the disk even though the rest of the site runs with synchronous=NORMAL.
    sqlx::query("PRAGMA synchronous = FULL").execute(&mut *conn).await?;
    let written = async {
        // IMMEDIATE takes the write lock up front, so nothing below can fail half-way with
        // SQLITE_BUSY.
        let mut tx = sqlx::Connection::begin_with(&mut *conn, "BEGIN IMMEDIATE").await?;
        let mut outcomes = Vec::with_capacity(group.len());
        for job in group {
            sqlx::query("SAVEPOINT lead").execute(&mut *tx).await?;
            let outcome = insert_lead(&mut *tx, &job.record, &job.notifications).await;
            if outcome.is_err() {
                sqlx::query("ROLLBACK TO lead").execute(&mut *tx).await?;
            }
            sqlx::query("RELEASE lead").execute(&mut *tx).await?;
            outcomes.push(outcome);
        }
        tx.commit().await?;
        Ok::<_, StoreError>(outcomes)
    }
    .await;
    sqlx::query("PRAGMA synchronous = NORMAL").execute(&mut *conn).await?;
    written
}
