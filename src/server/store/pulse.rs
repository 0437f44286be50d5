//! Where the inbox stands, read cheaply and often while someone has it open: the newest line of
//! any lead's history (every arrival and every change writes one), the replies still on their
//! way with their attempts so far, the leads waiting as new, and the answers waiting on us.

use serde::{Deserialize, Serialize};

use crate::domain::leads::inbox::LeadStatus;

use super::StoreError;
use crate::server::store::outbox::Channel;
use crate::server::store::sql::{Backend, Record, SqlStore, Statement};

pub(super) async fn pulse<B: Backend>(store: &SqlStore<B>) -> Result<InboxPulse, StoreError> {
    // Each part reads an index, the tallies or the few undelivered replies, never the whole
    // lead table.
    let select = Statement::new(
        "SELECT (SELECT COALESCE(MAX(id), 0) FROM lead_events) AS last_event, \
         (SELECT COALESCE(MAX(id), 0) FROM inbound_messages) AS last_message, \
         (SELECT CAST(COALESCE(SUM(n), 0) AS BIGINT) FROM lead_tallies WHERE status = $1) AS new_leads, \
         (SELECT COUNT(*) FROM leads WHERE owed_since IS NOT NULL AND first_reply_at IS NOT NULL \
          AND status <> $3) AS answers_waiting, \
         r.replies_waiting, r.reply_attempts \
         FROM (SELECT COUNT(*) AS replies_waiting, CAST(COALESCE(SUM(attempts), 0) AS BIGINT) AS reply_attempts \
               FROM outbox WHERE channel = $2 AND delivered_at IS NULL) AS r",
    )
    .bind(LeadStatus::New)
    .bind(Channel::Reply)
    .bind(LeadStatus::Spam);
    let row = store.read_one(select).await?;
    let (last_event, waiting, attempts): (i64, i64, i64) =
        (row.get("last_event")?, row.get("replies_waiting")?, row.get("reply_attempts")?);
    let last_message: i64 = row.get("last_message")?;
    Ok(InboxPulse {
        revision: format!("{last_event}.{last_message}.{waiting}.{attempts}"),
        new_leads: row.get("new_leads")?,
        answers_waiting: row.get("answers_waiting")?,
    })
}

/// Where the inbox stands, for a page that keeps itself current while it is open: `revision`
/// moves whenever a lead arrives or changes (its history grows: an answer that comes in writes
/// a line too), a message comes into the shared mailbox, or a reply's delivery moves on; `new_leads` counts the leads waiting as new, and
/// `answers_waiting` the leads whose person answered our reply and waits on us again.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxPulse {
    pub revision: String,
    pub new_leads: u64,
    pub answers_waiting: u64,
}
