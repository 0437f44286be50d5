//! A lead's thread: the replies written to it in the inbox, each with its email's delivery as
//! the outbox knows it. They are written with the change that queues them (`change.rs`).

use chrono::{DateTime, Utc};

use super::StoreError;
use crate::server::store::sql::{Backend, Record, SqlStore, Statement};

/// Where a reply's email stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Delivery {
    Queued,
    Sent {
        at: DateTime<Utc>,
    },
    /// The last attempt failed, and why; it is tried again later.
    Failed {
        reason: String,
        attempts: i64,
    },
}

/// One reply in a lead's thread.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeadReply {
    pub at: DateTime<Utc>,
    /// The staff member who wrote it.
    pub author: String,
    pub subject: String,
    pub body: String,
    pub delivery: Delivery,
}

pub(super) async fn replies<B: Backend>(store: &SqlStore<B>, lead_id: i64) -> Result<Vec<LeadReply>, StoreError> {
    let select = Statement::new(
        "SELECT r.at, r.author, r.subject, r.body, o.delivered_at, o.last_error, o.attempts \
         FROM lead_replies r JOIN outbox o ON o.id = r.outbox_id WHERE r.lead_id = $1 ORDER BY r.id",
    );
    let rows = store.read_all(select.bind(lead_id)).await?;
    rows.iter()
        .map(|r| {
            let delivery = match (r.time("delivered_at")?, r.text("last_error")?) {
                (Some(at), _) => Delivery::Sent { at },
                (None, Some(reason)) => Delivery::Failed { reason, attempts: r.get("attempts")? },
                (None, None) => Delivery::Queued,
            };
            Ok(LeadReply {
                at: r.get("at")?,
                author: r.get("author")?,
                subject: r.get("subject")?,
                body: r.get("body")?,
                delivery,
            })
        })
        .collect()
}
