//! What a message from the shared mailbox does to its lead: a line in its history; for an
//! answer, a reply owed from now on (with its own reminder and alert) and its text in the
//! search; for a bounce of the lead's address, the address marked and the writer told.

use chrono::{DateTime, Utc};

use crate::domain::ids::LeadReference;
use crate::domain::leads::conversation::address::{outbox_id, same_address};
use crate::domain::leads::conversation::{InboundKind, InboundMail};
use crate::domain::leads::lifecycle::EventKind;
use crate::domain::staff::StaffEmail;

use super::super::change::refresh_search;
use super::super::StoreError;
use super::intake::{BounceNotice, ComposeBounce, Matching};
use crate::server::store::leads::queue;
use crate::server::store::sql::{Backend, Conn, Record, Statement};

/// A message comes into a lead's thread: its history records it and, for an answer, a reply is
/// owed from now on (unless one already was: the wait goes on from its first unanswered
/// message), with its own reminder and alert; its text joins the lead's search.
pub(super) async fn receive<C: Conn + ?Sized>(
    tx: &mut C,
    lead_id: i64,
    mail: &InboundMail,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    let (kind, detail) = match mail.kind {
        InboundKind::Answer => (EventKind::Answered, format!("answer received: {}", mail.subject)),
        InboundKind::AutoReply => {
            (EventKind::AutoReply, format!("automatic reply received (not counted as an answer): {}", mail.subject))
        }
        InboundKind::Bounce => {
            let bounce = mail.bounce.as_ref();
            let failed = bounce.map(|b| b.failed.join(", ")).unwrap_or_default();
            let reason = bounce.map(|b| b.reason.as_str()).unwrap_or_default();
            (EventKind::Bounced, format!("delivery failure: {failed} could not be reached ({reason})"))
        }
    };
    let actor = if mail.kind == InboundKind::Bounce { "system" } else { "visitor" };
    let event = "INSERT INTO lead_events (lead_id, at, actor, kind, detail) VALUES ($1, $2, $3, $4, $5)";
    tx.execute(Statement::new(event).bind(lead_id).bind(at).bind(actor).bind(kind).bind(detail)).await?;
    if mail.kind != InboundKind::Answer {
        return Ok(());
    }
    // A new wait begins, with its own reminder and alert, unless a reply is owed already.
    let owed = Statement::new(
        "UPDATE leads SET owed_since = $1, reminded_at = NULL, overdue_at = NULL \
         WHERE id = $2 AND owed_since IS NULL AND erased_at IS NULL RETURNING first_reply_at",
    )
    .bind(at)
    .bind(lead_id);
    if let Some(row) = tx.fetch_optional(owed).await? {
        if row.time("first_reply_at")?.is_some() {
            let wait = "INSERT INTO lead_waits (lead_id, since) VALUES ($1, $2)";
            tx.execute(Statement::new(wait).bind(lead_id).bind(at)).await?;
        }
    }
    refresh_search(tx, lead_id).await
}

/// A delivery failure of the lead's own address: the address is marked undeliverable (nothing
/// more is sent to it until staff correct it), and the person who wrote what bounced hears of
/// it.
pub(super) async fn bounced<B: Backend, C: Conn + ?Sized>(
    tx: &mut C,
    lead_id: i64,
    reference: &LeadReference,
    mail: &InboundMail,
    matching: Matching<'_>,
    compose: ComposeBounce<'_>,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    let Some(bounce) = &mail.bounce else { return Ok(()) };
    let select =
        Statement::new(format!("SELECT email, name, company, assigned_to FROM leads WHERE id = $1{}", B::LOCK_ROWS));
    let Some(row) = tx.fetch_optional(select.bind(lead_id)).await? else { return Ok(()) };
    let email: String = row.get("email")?;
    // Only the address still stored: a bounce of one staff corrected since changes nothing.
    if !bounce.failed.iter().any(|f| same_address(f, &email)) {
        return Ok(());
    }
    let reason =
        if bounce.reason.is_empty() { "the mail server gave no reason".to_string() } else { bounce.reason.clone() };
    let mark = Statement::new("UPDATE leads SET undeliverable = $1, undeliverable_at = $2 WHERE id = $3")
        .bind(reason.as_str())
        .bind(at)
        .bind(lead_id);
    tx.execute(mark).await?;
    // Who wrote what bounced: the reply's author, else the lead's assignee.
    let mut writer = None;
    if let Some(outbox) = bounce.original.as_deref().and_then(|id| outbox_id(id, matching.host)) {
        let author = Statement::new("SELECT author FROM lead_replies WHERE outbox_id = $1").bind(outbox);
        writer = tx.fetch_optional(author).await?.map(|r| r.parse::<StaffEmail>("author")).transpose()?;
    }
    if writer.is_none() {
        if let Some(assignee) = row.get::<Option<i64>>("assigned_to")? {
            let active = Statement::new("SELECT email FROM staff_users WHERE id = $1 AND disabled_at IS NULL");
            writer =
                tx.fetch_optional(active.bind(assignee)).await?.map(|r| r.parse::<StaffEmail>("email")).transpose()?;
        }
    }
    let notice =
        BounceNotice { reference: reference.clone(), name: row.get("name")?, company: row.get("company")?, writer };
    for message in compose(&notice) {
        queue(&mut *tx, lead_id, &message, at).await?;
    }
    Ok(())
}
