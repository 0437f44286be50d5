//! The notifications outbox: messages written in a lead's own transaction, claimed with a lease
//! so that each is worked by one worker at a time, whichever instance it runs in.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use crate::domain::choice::choice_enum;

use super::StoreError;
use crate::server::store::sql::{Backend, Record, SqlStore, Statement};

choice_enum!(
    /// How a message travels: a notification to staff by email or webhook, a reply to a lead,
    /// an email about a booked call (to its visitor or its staff member), or a write to a staff
    /// member's own calendar.
    Channel { Email = "email", Webhook = "webhook", Reply = "reply", Call = "call", Calendar = "calendar" }
);

/// A reply to a lead as the outbox keeps it until it is sent.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ReplyEmail {
    pub reference: String,
    /// The lead's address.
    pub to: String,
    /// The staff member who wrote it: the answer goes to them, unless a shared mailbox is set
    /// up (then it goes there, into the lead's thread).
    pub reply_to: String,
    pub subject: String,
    pub body: String,
}

/// An email about a booked call as the outbox keeps it until it is sent: an invitation, a
/// change, a cancellation or a reminder, to the visitor or to the staff member.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CallEmail {
    pub reference: String,
    pub to: String,
    /// Who an answer reaches: the staff member, for the visitor's emails.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply_to: Option<String>,
    pub subject: String,
    pub body: String,
    /// The call as iCalendar, with the method it asks of the calendar (`REQUEST`, `CANCEL`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calendar: Option<CalendarPart>,
}

/// A call written into, or taken out of, its staff member's own calendar, as the outbox keeps it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CalendarWrite {
    pub staff_id: i64,
    pub uid: String,
    /// The call as a calendar resource; `None`: remove it.
    pub ics: Option<String>,
}

/// The outbox topic of a call's calendar writes: a newer one withdraws an older one not sent.
pub fn calendar_topic(uid: &str) -> String {
    format!("calendar:{uid}")
}

/// The `text/calendar` part of an email.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CalendarPart {
    pub method: String,
    pub ics: String,
}

/// A message to deliver once the change that queues it is stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutboxMessage {
    pub channel: Channel,
    pub payload: String,
    /// Not sent before this (a reminder); `None`: at once.
    pub due: Option<DateTime<Utc>>,
    /// What it is about (`reminder:<uid>`), so a later change can withdraw it unsent.
    pub topic: Option<String>,
}

impl OutboxMessage {
    /// A message sent as soon as it is stored.
    pub fn new(channel: Channel, payload: impl Into<String>) -> Self {
        OutboxMessage { channel, payload: payload.into(), due: None, topic: None }
    }

    /// Sent no sooner than `at`.
    pub fn due(mut self, at: DateTime<Utc>) -> Self {
        self.due = Some(at);
        self
    }

    /// About `topic`: `withdraw` takes it back while it waits.
    pub fn about(mut self, topic: impl Into<String>) -> Self {
        self.topic = Some(topic.into());
        self
    }
}

/// A notification waiting to be delivered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutboxItem {
    pub id: i64,
    pub channel: Channel,
    pub payload: String,
    pub attempts: i64,
}

#[async_trait]
pub trait OutboxStore: Send + Sync {
    /// Claims up to `limit` due messages until `lease_until`.
    async fn claim_due(
        &self,
        now: DateTime<Utc>,
        lease_until: DateTime<Utc>,
        limit: i64,
    ) -> Result<Vec<OutboxItem>, StoreError>;
    /// Whether a claimed message is still to be sent: a change to what it is about may have
    /// withdrawn it after it was claimed.
    async fn still_waiting(&self, id: i64) -> Result<bool, StoreError>;
    async fn mark_delivered(&self, id: i64, at: DateTime<Utc>) -> Result<(), StoreError>;
    async fn mark_failed(&self, id: i64, retry_at: DateTime<Utc>, error: &str) -> Result<(), StoreError>;
    /// Messages due by `now` and not delivered yet (one set for later, such as a reminder, is not
    /// waiting until then), how many of them failed at least once, and since when the oldest
    /// has waited (since it was due, or, once it failed, since it was queued).
    async fn backlog(&self, now: DateTime<Utc>) -> Result<Backlog, StoreError>;
}

/// What waits in the outbox.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Backlog {
    pub pending: u64,
    pub failing: u64,
    pub oldest: Option<DateTime<Utc>>,
}

#[async_trait]
impl<B: Backend> OutboxStore for SqlStore<B> {
    async fn claim_due(
        &self,
        now: DateTime<Utc>,
        lease_until: DateTime<Utc>,
        limit: i64,
    ) -> Result<Vec<OutboxItem>, StoreError> {
        let claim = Statement::new(format!(
            "UPDATE outbox SET locked_until = $1 WHERE id IN ( \
                 SELECT id FROM outbox WHERE delivered_at IS NULL AND next_attempt_at <= $2 \
                 AND (locked_until IS NULL OR locked_until <= $2) ORDER BY id LIMIT $3{}) \
             RETURNING id, channel, payload, attempts",
            B::SKIP_LOCKED
        ))
        .bind(lease_until)
        .bind(now)
        .bind(limit);
        let mut items = self
            .write_returning(claim)
            .await?
            .iter()
            .map(|r| {
                Ok(OutboxItem {
                    id: r.get("id")?,
                    channel: r.get("channel")?,
                    payload: r.get("payload")?,
                    attempts: r.get("attempts")?,
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        // RETURNING gives no order; the oldest message goes first.
        items.sort_by_key(|item| item.id);
        Ok(items)
    }

    async fn mark_delivered(&self, id: i64, at: DateTime<Utc>) -> Result<(), StoreError> {
        self.write(
            Statement::new(
                "UPDATE outbox SET delivered_at = $1, attempts = attempts + 1, locked_until = NULL, last_error = NULL \
                 WHERE id = $2 AND delivered_at IS NULL",
            )
            .bind(at)
            .bind(id),
        )
        .await?;
        Ok(())
    }

    async fn mark_failed(&self, id: i64, retry_at: DateTime<Utc>, error: &str) -> Result<(), StoreError> {
        self.write(
            Statement::new(
                "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = $1, locked_until = NULL, last_error = $2 \
                 WHERE id = $3 AND delivered_at IS NULL",
            )
            .bind(retry_at)
            .bind(error)
            .bind(id),
        )
        .await?;
        Ok(())
    }

    async fn still_waiting(&self, id: i64) -> Result<bool, StoreError> {
        let select = Statement::new("SELECT COUNT(*) AS n FROM outbox WHERE id = $1 AND delivered_at IS NULL").bind(id);
        Ok(self.read_one(select).await?.get::<u64>("n")? > 0)
    }

    async fn backlog(&self, now: DateTime<Utc>) -> Result<Backlog, StoreError> {
        let select = Statement::new(
            "SELECT COUNT(*) AS pending, COUNT(*) FILTER (WHERE attempts > 0) AS failing, \
             MIN(CASE WHEN attempts = 0 THEN next_attempt_at ELSE created_at END) AS oldest \
             FROM outbox WHERE delivered_at IS NULL AND (attempts > 0 OR next_attempt_at <= $1)",
        );
        let row = self.read_one(select.bind(now)).await?;
        Ok(Backlog { pending: row.get("pending")?, failing: row.get("failing")?, oldest: row.time("oldest")? })
    }
}
