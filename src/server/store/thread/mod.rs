//! A lead's thread, both ways: the replies written to it in the inbox, each with its email's
//! delivery as the outbox knows it (written with the change that queues them, `change.rs`),
//! and the messages that came back into the shared mailbox (`intake.rs` stores them), with the
//! files they brought. Messages that matched no lead wait here too, until staff attach them to
//! one or discard them.

pub mod intake;
mod receive;

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use crate::domain::ids::LeadReference;
use crate::domain::leads::conversation::{InboundKind, InboundMail, MatchedBy};
use crate::server::store::staff::StaffUser;

use super::StoreError;
use crate::server::store::sql::{Backend, Conn, Record, SqlStore, Statement};

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

/// A message that came into the shared mailbox, as the thread and the Unmatched view show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InboundMessage {
    pub id: i64,
    /// The lead it belongs to; `None`: unmatched.
    pub lead: Option<LeadReference>,
    pub received_at: DateTime<Utc>,
    pub kind: InboundKind,
    pub matched_by: Option<MatchedBy>,
    pub from: String,
    pub from_name: Option<String>,
    pub subject: String,
    /// Plain text, never HTML.
    pub body: String,
    /// What was left out of it and why.
    pub notes: Vec<String>,
    pub attachments: Vec<AttachmentInfo>,
    /// The staff member who attached it to its lead by hand.
    pub attached_by: Option<String>,
}

/// A file that came with a message, as listed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttachmentInfo {
    pub id: i64,
    pub name: String,
    pub content_type: String,
    pub size: u64,
    /// Whether its bytes were kept (they are not past the size limit).
    pub kept: bool,
}

/// A file to download, and the lead it belongs to (`None`: its message is unmatched).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttachmentFile {
    pub name: String,
    pub content_type: String,
    pub content: Vec<u8>,
    pub lead: Option<LeadReference>,
}

/// What attaching an unmatched message to a lead did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Attached {
    Done,
    /// The message is gone or already belongs to a lead.
    NoSuchMessage,
    /// No lead has that reference, or its personal data was erased.
    NoSuchLead,
}

#[async_trait]
pub trait ConversationStore: Send + Sync {
    /// The messages that came into a lead's thread, oldest first.
    async fn inbound(&self, lead_id: i64) -> Result<Vec<InboundMessage>, StoreError>;
    /// The messages that matched no lead, oldest first, at most `limit`, and how many there are.
    async fn unmatched(&self, limit: u32) -> Result<(Vec<InboundMessage>, u64), StoreError>;
    /// Attaches an unmatched message to a lead, as if it had matched it when it came in.
    async fn attach(
        &self,
        message: i64,
        lead: &LeadReference,
        by: &StaffUser,
        at: DateTime<Utc>,
    ) -> Result<Attached, StoreError>;
    /// Deletes an unmatched message and its files; `false` when it is gone or belongs to a lead.
    async fn discard(&self, message: i64) -> Result<bool, StoreError>;
    /// A file to download, if it was kept.
    async fn attachment(&self, id: i64) -> Result<Option<AttachmentFile>, StoreError>;
}

const INBOUND_SELECT: &str = "SELECT m.id, l.reference, m.received_at, m.kind, m.matched_by, m.from_address, \
     m.from_name, m.subject, m.body, m.notes, m.attached_by FROM inbound_messages m LEFT JOIN leads l ON l.id = m.lead_id";

impl<B: Backend> SqlStore<B> {
    /// Messages read by `select` (`INBOUND_SELECT` and its conditions), with their files.
    async fn inbound_messages(&self, select: Statement) -> Result<Vec<InboundMessage>, StoreError> {
        let rows = self.read_all(select).await?;
        let mut messages = Vec::with_capacity(rows.len());
        for row in &rows {
            let notes: String = row.get("notes")?;
            messages.push(InboundMessage {
                id: row.get("id")?,
                lead: row.parse_optional("reference")?,
                received_at: row.get("received_at")?,
                kind: row.get("kind")?,
                matched_by: row.text("matched_by")?.as_deref().and_then(MatchedBy::parse),
                from: row.get("from_address")?,
                from_name: row.get("from_name")?,
                subject: row.get("subject")?,
                body: row.get("body")?,
                notes: notes.lines().filter(|l| !l.is_empty()).map(str::to_string).collect(),
                attachments: Vec::new(),
                attached_by: row.get("attached_by")?,
            });
        }
        if messages.is_empty() {
            return Ok(messages);
        }
        let mut files = Statement::new(
            "SELECT id, message_id, name, content_type, size, CASE WHEN content IS NULL THEN 0 ELSE 1 END AS kept \
             FROM inbound_attachments WHERE message_id IN (",
        );
        for (i, message) in messages.iter().enumerate() {
            files.push(if i == 0 { "" } else { ", " }).push_bind(message.id);
        }
        files.push(") ORDER BY id");
        for row in self.read_all(files).await? {
            let owner: i64 = row.get("message_id")?;
            if let Some(message) = messages.iter_mut().find(|m| m.id == owner) {
                message.attachments.push(AttachmentInfo {
                    id: row.get("id")?,
                    name: row.get("name")?,
                    content_type: row.get("content_type")?,
                    size: row.get("size")?,
                    kept: row.get::<i64>("kept")? != 0,
                });
            }
        }
        Ok(messages)
    }
}

#[async_trait]
impl<B: Backend> ConversationStore for SqlStore<B> {
    async fn inbound(&self, lead_id: i64) -> Result<Vec<InboundMessage>, StoreError> {
        let select = Statement::new(format!("{INBOUND_SELECT} WHERE m.lead_id = $1 ORDER BY m.id"));
        self.inbound_messages(select.bind(lead_id)).await
    }

    async fn unmatched(&self, limit: u32) -> Result<(Vec<InboundMessage>, u64), StoreError> {
        let select = Statement::new(format!("{INBOUND_SELECT} WHERE m.lead_id IS NULL ORDER BY m.id LIMIT $1"));
        let messages = self.inbound_messages(select.bind(i64::from(limit))).await?;
        let count = Statement::new("SELECT COUNT(*) AS n FROM inbound_messages WHERE lead_id IS NULL");
        Ok((messages, self.read_one(count).await?.get("n")?))
    }

    async fn attach(
        &self,
        message: i64,
        lead: &LeadReference,
        by: &StaffUser,
        at: DateTime<Utc>,
    ) -> Result<Attached, StoreError> {
        let mut tx = self.backend.begin_write().await?;
        let select = Statement::new(format!(
            "SELECT kind, from_address, subject, body FROM inbound_messages WHERE id = $1 AND lead_id IS NULL{}",
            B::LOCK_ROWS
        ));
        let Some(row) = tx.fetch_optional(select.bind(message)).await? else { return Ok(Attached::NoSuchMessage) };
        let lead_row = Statement::new("SELECT id FROM leads WHERE reference = $1 AND erased_at IS NULL");
        let Some(lead_row) = tx.fetch_optional(lead_row.bind(lead.as_str())).await? else {
            return Ok(Attached::NoSuchLead);
        };
        let lead_id: i64 = lead_row.get("id")?;
        let attach =
            Statement::new("UPDATE inbound_messages SET lead_id = $1, matched_by = $2, attached_by = $3 WHERE id = $4")
                .bind(lead_id)
                .bind(MatchedBy::Staff)
                .bind(by.email.as_str())
                .bind(message);
        tx.execute(attach).await?;
        // The thread takes it as it would have when it came in (a bounce attached by hand is
        // recorded, but marks no address: its failed address was not the lead's, or it would
        // have matched).
        let mail = InboundMail {
            message_id: None,
            refers_to: Vec::new(),
            recipients: Vec::new(),
            from: row.get("from_address")?,
            from_name: None,
            subject: row.get("subject")?,
            text: row.get("body")?,
            kind: row.get("kind")?,
            bounce: None,
            attachments: Vec::new(),
            notes: Vec::new(),
            whole: true,
        };
        receive::receive(&mut *tx, lead_id, &mail, at).await?;
        tx.commit().await?;
        Ok(Attached::Done)
    }

    async fn discard(&self, message: i64) -> Result<bool, StoreError> {
        let mut tx = self.backend.begin_write().await?;
        let files = "DELETE FROM inbound_attachments WHERE message_id IN \
                     (SELECT id FROM inbound_messages WHERE id = $1 AND lead_id IS NULL)";
        tx.execute(Statement::new(files).bind(message)).await?;
        let gone = tx
            .execute(Statement::new("DELETE FROM inbound_messages WHERE id = $1 AND lead_id IS NULL").bind(message))
            .await?;
        tx.commit().await?;
        Ok(gone > 0)
    }

    async fn attachment(&self, id: i64) -> Result<Option<AttachmentFile>, StoreError> {
        let select = Statement::new(
            "SELECT a.name, a.content_type, a.content, l.reference FROM inbound_attachments a \
             JOIN inbound_messages m ON m.id = a.message_id LEFT JOIN leads l ON l.id = m.lead_id \
             WHERE a.id = $1 AND a.content IS NOT NULL",
        );
        let Some(row) = self.read_optional(select.bind(id)).await? else { return Ok(None) };
        Ok(Some(AttachmentFile {
            name: row.get("name")?,
            content_type: row.get("content_type")?,
            content: row.bytes("content")?.unwrap_or_default(),
            lead: row.parse_optional("reference")?,
        }))
    }
}
