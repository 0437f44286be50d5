//! Writing a change to a lead: its state is read and locked, the domain plans the change, and
//! the plan and its history line are written in the same transaction.

use chrono::{DateTime, Utc};

use crate::domain::ids::LeadReference;
use crate::domain::leads::inbox::ERASED;
use crate::domain::leads::lifecycle::{ChangeOutcome, ChangePlan, Colleague, EventKind, LeadChange, LeadState};
use crate::domain::leads::retention::NOT_ACTIVITY;

use super::StoreError;
use crate::domain::leads::conversation::InboundKind;
use crate::server::store::lead_list::{answer_search_text, search_text};
use crate::server::store::leads::queue;
use crate::server::store::outbox::{calendar_topic, CalendarWrite, Channel, OutboxMessage, ReplyEmail};
use crate::server::store::sql::{Backend, Conn, Record, SqlStore, Statement};
use crate::server::store::staff::StaffUser;

/// History lines whose detail holds what the person wrote or who they are: erasure blanks them.
const PERSONAL_EVENTS: [EventKind; 7] = [
    EventKind::Note,
    EventKind::Reply,
    EventKind::Answered,
    EventKind::AutoReply,
    EventKind::Bounced,
    EventKind::EmailCorrected,
    EventKind::Verdict,
];

/// What an outbox message about an erased lead is left with.
const ERASED_PAYLOAD: &str = "{}";
/// Why a message that was still waiting will not be sent.
const CANCELLED_BY_ERASURE: &str = "cancelled: the lead's personal data was erased";

/// Who makes a change: a staff member, or the software itself.
#[derive(Clone, Copy, Debug)]
pub(super) enum Actor<'a> {
    Staff(&'a StaffUser),
    /// The retention job (`server::retention`).
    Retention,
}

impl Actor<'_> {
    /// How the history names it.
    fn name(&self) -> &str {
        match self {
            Actor::Staff(user) => user.email.as_str(),
            Actor::Retention => "retention",
        }
    }
}

pub(super) async fn change_lead<B: Backend>(
    store: &SqlStore<B>,
    reference: &LeadReference,
    change: &LeadChange,
    actor: Actor<'_>,
    at: DateTime<Utc>,
) -> Result<ChangeOutcome, StoreError> {
    let mut tx = store.backend.begin_write().await?;
    let (outcome, erased) = change_within::<B, _>(&mut *tx, reference, change, actor, at).await?;
    if !matches!(outcome, ChangeOutcome::Done) {
        return Ok(outcome);
    }
    tx.commit().await?;
    if erased {
        // What the erasure replaced must not linger in the database's files either.
        store.backend.after_erasure().await?;
    }
    Ok(outcome)
}

/// The change's statements inside a write transaction the caller holds and commits; the outcome
/// (a change that is refused writes nothing), and whether the lead's personal data was erased.
pub(super) async fn change_within<B: Backend, C: Conn + ?Sized>(
    tx: &mut C,
    reference: &LeadReference,
    change: &LeadChange,
    actor: Actor<'_>,
    at: DateTime<Utc>,
) -> Result<(ChangeOutcome, bool), StoreError> {
    let select = format!(
        "SELECT id, email, status, first_reply_at, owed_since, undeliverable_at, erased_at, assigned_to \
         FROM leads WHERE reference = $1{}",
        B::LOCK_ROWS
    );
    let Some(row) = tx.fetch_optional(Statement::new(select).bind(reference.as_str())).await? else {
        return Ok((ChangeOutcome::NoSuchLead, false));
    };
    let lead_id: i64 = row.get("id")?;
    let email: String = row.get("email")?;
    let state = LeadState {
        status: row.get("status")?,
        replied: row.time("first_reply_at")?.is_some(),
        owed: row.time("owed_since")?.is_some(),
        undeliverable: row.time("undeliverable_at")?.is_some(),
        email: &email,
        erased: row.time("erased_at")?.is_some(),
        assigned_to: row.get("assigned_to")?,
    };
    let colleague = match change {
        LeadChange::Assign(Some(id)) => {
            let select = Statement::new(format!(
                "SELECT {} FROM staff_users u WHERE u.id = $1",
                crate::server::store::staff::USER_COLUMNS
            ));
            tx.fetch_optional(select.bind(*id)).await?.as_ref().map(StaffUser::from_row).transpose()?
        }
        _ => None,
    };
    let colleague = colleague.as_ref().map(|u| Colleague { id: u.id, email: u.email.as_str(), disabled: u.disabled });
    let plan = match change.plan(&state, colleague) {
        Ok(plan) => plan,
        Err(outcome) => return Ok((outcome, false)),
    };
    let writer = match actor {
        Actor::Staff(writer) => Some(writer),
        Actor::Retention => None,
    };
    if plan.reply.is_some() && writer.is_none() {
        return Ok((ChangeOutcome::Refused("Only a staff member writes replies.".into()), false));
    }
    write_plan(&mut *tx, lead_id, &plan, actor.name(), at).await?;
    if let (Some(draft), Some(writer)) = (&plan.reply, writer) {
        let email = ReplyEmail {
            reference: reference.to_string(),
            to: email.clone(),
            reply_to: writer.email.to_string(),
            subject: draft.subject.clone(),
            body: draft.body.clone(),
        };
        queue_reply(&mut *tx, lead_id, &email, at).await?;
    }
    let event =
        Statement::new("INSERT INTO lead_events (lead_id, at, actor, kind, detail) VALUES ($1, $2, $3, $4, $5)")
            .bind(lead_id)
            .bind(at)
            .bind(actor.name())
            .bind(plan.event)
            .bind(plan.detail.as_str());
    tx.execute(event).await?;
    Ok((ChangeOutcome::Done, plan.erase))
}

async fn write_plan<C: Conn + ?Sized>(
    tx: &mut C,
    lead_id: i64,
    plan: &ChangePlan,
    actor: &str,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    // One statement for every column the change sets, its last activity too (which the
    // event's trigger would otherwise write in an update of its own): each update writes a new
    // version of the lead's row into each of its indexes (PostgreSQL).
    let mut update = Statement::new("UPDATE leads SET ");
    let mut columns = 0;
    let mut set = |update: &mut Statement, column: &str| {
        update.push(if columns == 0 { "" } else { ", " }).push(column).push(" = ");
        columns += 1;
    };
    if let Some(status) = plan.status {
        set(&mut update, "status");
        update.push_bind(status);
    }
    if plan.first_reply {
        set(&mut update, "first_reply_at");
        update.push_bind(at);
    }
    if plan.settles {
        set(&mut update, "owed_since");
        update.push("NULL");
    }
    if let Some(email) = &plan.email {
        set(&mut update, "email");
        update.push_bind(email.as_str());
        set(&mut update, "undeliverable");
        update.push("NULL");
        set(&mut update, "undeliverable_at");
        update.push("NULL");
    }
    if let Some(assignee) = plan.assign {
        set(&mut update, "assigned_to");
        update.push_bind(assignee);
    }
    if !NOT_ACTIVITY.contains(&plan.event) {
        // Never earlier than it was (as the trigger keeps it).
        set(&mut update, "last_activity_at");
        update.push("CASE WHEN last_activity_at < ").push_bind(at).push(" THEN ").push_bind(at);
        update.push(" ELSE last_activity_at END");
    }
    if columns > 0 {
        update.push(" WHERE id = ").push_bind(lead_id);
        tx.execute(update).await?;
    }
    if plan.settles {
        // The wait an answer began (if one did) ends with this reply.
        let answered = "UPDATE lead_waits SET answered_at = $1 WHERE lead_id = $2 AND answered_at IS NULL";
        tx.execute(Statement::new(answered).bind(at).bind(lead_id)).await?;
    }
    if plan.email.is_some() {
        refresh_search(tx, lead_id).await?;
    }
    if let Some(record) = &plan.verdict {
        let guide = record.guide.as_ref();
        let upsert = Statement::new(
            "INSERT INTO lead_verdicts (lead_id, organisation, execution, note, model_version, guide_organisation, \
             guide_execution, author, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
             ON CONFLICT (lead_id) DO UPDATE SET organisation = excluded.organisation, execution = excluded.execution, \
             note = excluded.note, model_version = excluded.model_version, \
             guide_organisation = excluded.guide_organisation, guide_execution = excluded.guide_execution, \
             author = excluded.author, at = excluded.at",
        )
        .bind(lead_id)
        .bind(record.verdict.organisation.as_str())
        .bind(record.verdict.execution.as_str())
        .bind(record.verdict.note.as_str())
        .bind(guide.map(|g| g.model_version.as_str()))
        .bind(guide.map(|g| g.organisation.as_str()))
        .bind(guide.map(|g| g.execution.as_str()))
        .bind(actor)
        .bind(at);
        tx.execute(upsert).await?;
    }
    if plan.erase {
        erase(tx, lead_id, at).await?;
    }
    Ok(())
}

/// Queues a reply for sending and keeps it in the lead's thread.
async fn queue_reply<C: Conn + ?Sized>(
    tx: &mut C,
    lead_id: i64,
    email: &ReplyEmail,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    let payload = serde_json::to_string(email).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    let outbox_id = queue(tx, lead_id, &OutboxMessage::new(Channel::Reply, payload), at).await?;
    let insert =
        "INSERT INTO lead_replies (lead_id, outbox_id, author, at, subject, body) VALUES ($1, $2, $3, $4, $5, $6)";
    tx.execute(
        Statement::new(insert)
            .bind(lead_id)
            .bind(outbox_id)
            .bind(email.reply_to.as_str())
            .bind(at)
            .bind(email.subject.as_str())
            .bind(email.body.as_str()),
    )
    .await?;
    Ok(())
}

/// Replaces the lead's personal data, its notes, its replies, and its messages' payloads.
async fn erase<C: Conn + ?Sized>(tx: &mut C, lead_id: i64, at: DateTime<Utc>) -> Result<(), StoreError> {
    tx.execute(
        Statement::new(
            "UPDATE leads SET name = $1, email = $1, company = NULL, role = NULL, message = $1, \
             preferred_contact = NULL, search = '', erased_at = $2, owed_since = NULL, undeliverable = NULL \
             WHERE id = $3",
        )
        .bind(ERASED)
        .bind(at)
        .bind(lead_id),
    )
    .await?;
    let mut blank = Statement::new("UPDATE lead_events SET detail = ");
    blank.push_bind(ERASED).push(" WHERE lead_id = ").push_bind(lead_id).push(" AND kind IN (");
    for (i, kind) in PERSONAL_EVENTS.iter().enumerate() {
        blank.push(if i == 0 { "" } else { ", " }).push_bind(*kind);
    }
    blank.push(")");
    tx.execute(blank).await?;
    // What the person wrote back, and the files they sent (the attachments first: they refer
    // to their messages).
    tx.execute(
        Statement::new(
            "DELETE FROM inbound_attachments WHERE message_id IN (SELECT id FROM inbound_messages WHERE lead_id = $1)",
        )
        .bind(lead_id),
    )
    .await?;
    tx.execute(Statement::new("DELETE FROM inbound_messages WHERE lead_id = $1").bind(lead_id)).await?;
    // The consultants' choices still count in the agreement; what they wrote about the person goes.
    tx.execute(Statement::new("UPDATE lead_verdicts SET note = $1 WHERE lead_id = $2").bind(ERASED).bind(lead_id))
        .await?;
    // Nothing is owed to an erased lead: a wait its answer began is over, counted nowhere.
    tx.execute(Statement::new("DELETE FROM lead_waits WHERE lead_id = $1 AND answered_at IS NULL").bind(lead_id))
        .await?;
    tx.execute(
        Statement::new("UPDATE lead_replies SET subject = $1, body = $1 WHERE lead_id = $2").bind(ERASED).bind(lead_id),
    )
    .await?;
    tx.execute(
        Statement::new(
            "UPDATE outbox SET payload = $1, \
             last_error = CASE WHEN delivered_at IS NULL THEN $2 ELSE NULL END, \
             delivered_at = COALESCE(delivered_at, $3) WHERE lead_id = $4",
        )
        .bind(ERASED_PAYLOAD)
        .bind(CANCELLED_BY_ERASURE)
        .bind(at)
        .bind(lead_id),
    )
    .await?;
    // The person's calls go, and so do they from the calendars of the staff who take them: a
    // cancelled one too, whose removal may still have been waiting in the outbox (blanked above;
    // removing an event already gone is fine).
    let in_calendars = Statement::new(
        "SELECT b.uid, b.staff_id FROM bookings b JOIN staff_calendars c ON c.staff_id = b.staff_id \
         WHERE b.lead_id = $1 AND c.caldav_url IS NOT NULL",
    );
    for row in tx.fetch_all(in_calendars.bind(lead_id)).await? {
        let write = CalendarWrite { staff_id: row.get("staff_id")?, uid: row.get("uid")?, ics: None };
        let topic = calendar_topic(&write.uid);
        let payload = serde_json::to_string(&write).expect("a calendar write serialises");
        queue(tx, lead_id, &OutboxMessage::new(Channel::Calendar, payload).about(topic), at).await?;
    }
    tx.execute(Statement::new("DELETE FROM bookings WHERE lead_id = $1").bind(lead_id)).await?;
    Ok(())
}

/// Writes the lead's search column again from its fields and the answers it received (after
/// its address changed, or an answer was attached to it).
pub(super) async fn refresh_search<C: Conn + ?Sized>(tx: &mut C, lead_id: i64) -> Result<(), StoreError> {
    let select = Statement::new("SELECT name, email, company, message FROM leads WHERE id = $1").bind(lead_id);
    let Some(lead) = tx.fetch_optional(select).await? else { return Ok(()) };
    let answers = Statement::new("SELECT body FROM inbound_messages WHERE lead_id = $1 AND kind = $2 ORDER BY id");
    let answers = tx.fetch_all(answers.bind(lead_id).bind(InboundKind::Answer)).await?;
    let mut text = search_text(
        &lead.get::<String>("name")?,
        &lead.get::<String>("email")?,
        lead.get::<Option<String>>("company")?.as_deref(),
        &lead.get::<String>("message")?,
    );
    for answer in &answers {
        text.push_str(&answer_search_text(&answer.get::<String>("body")?));
    }
    tx.execute(Statement::new("UPDATE leads SET search = $1 WHERE id = $2").bind(text).bind(lead_id)).await?;
    Ok(())
}
