//! Messages from the shared mailbox coming into the store: who reads the mailbox (one instance
//! at a time, by a lease), where reading stands (the folder's UIDVALIDITY and the last UID
//! stored), and each message stored with its lead in one transaction that also moves the
//! cursor past it. A restart therefore reads nothing twice and skips nothing; a message read
//! again anyway (a folder whose UIDVALIDITY changed) is recognised by its key and stored once.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use crate::domain::ids::LeadReference;
use crate::domain::leads::conversation::address::{outbox_id, tag_of};
use crate::domain::leads::conversation::{InboundKind, InboundMail, MatchedBy};
use crate::domain::leads::inbox::LeadStatus;
use crate::domain::staff::StaffEmail;

use super::super::StoreError;
use super::receive::{bounced, receive};
use crate::server::store::outbox::{Channel, OutboxMessage};
use crate::server::store::sql::{Backend, Conn, Record, SqlStore, Statement};

/// Where reading a mailbox stands, for the instance that holds it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReaderClaim {
    /// The folder's UIDVALIDITY the cursor belongs to (`None`: never read).
    pub uid_validity: Option<u32>,
    /// The last UID stored: reading goes on after it.
    pub last_uid: u32,
}

/// What the intake needs to know of the site to match a message to its lead.
#[derive(Clone, Copy, Debug)]
pub struct Matching<'a> {
    /// The host of the `Message-ID`s the site gives what it sends.
    pub host: &'a str,
    /// The shared mailbox's address, whose plus-address tags name leads.
    pub shared: &'a str,
}

/// A delivery failure of email to a lead's address, for the person who wrote what bounced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BounceNotice {
    pub reference: LeadReference,
    pub name: String,
    pub company: Option<String>,
    /// Who wrote the message that bounced (else the lead's assignee; else nobody: the sales
    /// address hears of it).
    pub writer: Option<StaffEmail>,
}

/// What to send about a bounce (nothing when no channel is configured).
pub type ComposeBounce<'a> = &'a (dyn Fn(&BounceNotice) -> Vec<OutboxMessage> + Send + Sync);

/// A message the intake stored, or found already stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Intake {
    pub id: i64,
    /// The lead it belongs to; `None`: it waits in the Unmatched view.
    pub lead: Option<LeadReference>,
    pub matched_by: Option<MatchedBy>,
    /// It was stored before (read twice): nothing was written but the cursor.
    pub duplicate: bool,
}

/// A message as read from the mailbox, ready to store.
#[derive(Clone, Copy, Debug)]
pub struct Arrival<'a> {
    pub uid: u32,
    pub mail: &'a InboundMail,
    /// Its `Message-ID`, else a digest of its bytes: a message stored once is never stored again.
    pub key: &'a str,
    pub size: u64,
}

#[async_trait]
pub trait IntakeStore: Send + Sync {
    /// Takes, or keeps, the lease on reading `mailbox` for `holder` until `until`: where reading
    /// stands, or `None` while another instance holds it.
    async fn claim_mailbox(
        &self,
        mailbox: &str,
        holder: &str,
        now: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> Result<Option<ReaderClaim>, StoreError>;
    /// The folder has a UIDVALIDITY other than the cursor's: reading starts again from its first
    /// message (those stored already are recognised by their key). `false`: the lease is lost.
    async fn restart_mailbox(&self, mailbox: &str, holder: &str, uid_validity: u32) -> Result<bool, StoreError>;
    /// Stores a message, matched to its lead, and moves the cursor past its UID, in one
    /// transaction; `None` when `holder` no longer holds the lease (nothing is written).
    async fn take_in(
        &self,
        mailbox: &str,
        holder: &str,
        arrival: Arrival<'_>,
        matching: Matching<'_>,
        bounce: ComposeBounce<'_>,
        at: DateTime<Utc>,
    ) -> Result<Option<Intake>, StoreError>;
    /// Gives the lease up (the server is stopping).
    async fn release_mailbox(&self, mailbox: &str, holder: &str) -> Result<(), StoreError>;
    /// Records the outcome of a read: its failure, shown until a read succeeds, or success.
    async fn mailbox_outcome(&self, mailbox: &str, error: Option<&str>, at: DateTime<Utc>) -> Result<(), StoreError>;
    /// Where reading `mailbox` stands, if it was ever read.
    async fn mailbox_status(&self, mailbox: &str) -> Result<Option<MailboxStatus>, StoreError>;
}

/// Where reading a mailbox stands, as staff see it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MailboxStatus {
    pub last_read_at: Option<DateTime<Utc>>,
    /// The last read's failure, until a read succeeds.
    pub last_error: Option<(String, DateTime<Utc>)>,
}

#[async_trait]
impl<B: Backend> IntakeStore for SqlStore<B> {
    async fn claim_mailbox(
        &self,
        mailbox: &str,
        holder: &str,
        now: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> Result<Option<ReaderClaim>, StoreError> {
        self.write(
            Statement::new("INSERT INTO mailbox_readers (mailbox) VALUES ($1) ON CONFLICT (mailbox) DO NOTHING")
                .bind(mailbox),
        )
        .await?;
        let claim = Statement::new(
            "UPDATE mailbox_readers SET holder = $1, locked_until = $2 \
             WHERE mailbox = $3 AND (holder = $1 OR holder IS NULL OR locked_until IS NULL OR locked_until <= $4) \
             RETURNING uid_validity, last_uid",
        )
        .bind(holder)
        .bind(until)
        .bind(mailbox)
        .bind(now);
        let rows = self.write_returning(claim).await?;
        let Some(row) = rows.first() else { return Ok(None) };
        Ok(Some(ReaderClaim {
            uid_validity: row.get::<Option<i64>>("uid_validity")?.and_then(|v| u32::try_from(v).ok()),
            last_uid: u32::try_from(row.get::<i64>("last_uid")?).unwrap_or(0),
        }))
    }

    async fn restart_mailbox(&self, mailbox: &str, holder: &str, uid_validity: u32) -> Result<bool, StoreError> {
        let restart = Statement::new(
            "UPDATE mailbox_readers SET uid_validity = $1, last_uid = 0 WHERE mailbox = $2 AND holder = $3",
        )
        .bind(i64::from(uid_validity))
        .bind(mailbox)
        .bind(holder);
        Ok(self.write(restart).await? > 0)
    }

    async fn take_in(
        &self,
        mailbox: &str,
        holder: &str,
        arrival: Arrival<'_>,
        matching: Matching<'_>,
        bounce: ComposeBounce<'_>,
        at: DateTime<Utc>,
    ) -> Result<Option<Intake>, StoreError> {
        let mut tx = self.backend.begin_write().await?;
        // The cursor moves first: an instance that lost the lease writes nothing.
        let advance = Statement::new(
            "UPDATE mailbox_readers SET last_uid = $1, last_read_at = $2 \
             WHERE mailbox = $3 AND holder = $4 AND locked_until > $2 AND last_uid < $1",
        )
        .bind(i64::from(arrival.uid))
        .bind(at)
        .bind(mailbox)
        .bind(holder);
        if tx.execute(advance).await? == 0 {
            return Ok(None);
        }
        let existing = Statement::new("SELECT id, lead_id, matched_by FROM inbound_messages WHERE dedupe_key = $1");
        if let Some(row) = tx.fetch_optional(existing.bind(arrival.key)).await? {
            let lead = match row.get::<Option<i64>>("lead_id")? {
                Some(id) => reference_of(&mut *tx, id).await?,
                None => None,
            };
            let counted = "UPDATE mailbox_readers SET duplicates = duplicates + 1 WHERE mailbox = $1";
            tx.execute(Statement::new(counted).bind(mailbox)).await?;
            let intake = Intake {
                id: row.get("id")?,
                lead,
                matched_by: row.text("matched_by")?.as_deref().and_then(MatchedBy::parse),
                duplicate: true,
            };
            tx.commit().await?;
            return Ok(Some(intake));
        }
        let found = find_lead::<B, _>(&mut *tx, arrival.mail, matching).await?;
        let id = insert_message(&mut *tx, &arrival, found.as_ref(), at).await?;
        if let Some(lead) = &found {
            receive(&mut *tx, lead.id, arrival.mail, at).await?;
            if arrival.mail.kind == InboundKind::Bounce {
                bounced::<B, _>(&mut *tx, lead.id, &lead.reference, arrival.mail, matching, bounce, at).await?;
            }
        }
        tx.commit().await?;
        Ok(Some(Intake {
            id,
            lead: found.as_ref().map(|l| l.reference.clone()),
            matched_by: found.map(|l| l.by),
            duplicate: false,
        }))
    }

    async fn release_mailbox(&self, mailbox: &str, holder: &str) -> Result<(), StoreError> {
        let release = Statement::new(
            "UPDATE mailbox_readers SET holder = NULL, locked_until = NULL WHERE mailbox = $1 AND holder = $2",
        )
        .bind(mailbox)
        .bind(holder);
        self.write(release).await?;
        Ok(())
    }

    async fn mailbox_outcome(&self, mailbox: &str, error: Option<&str>, at: DateTime<Utc>) -> Result<(), StoreError> {
        let outcome = match error {
            Some(error) => Statement::new(
                "UPDATE mailbox_readers SET last_error = $1, last_error_at = $2 WHERE mailbox = $3",
            )
            .bind(error)
            .bind(at),
            None => Statement::new(
                "UPDATE mailbox_readers SET last_error = NULL, last_error_at = NULL, last_read_at = $1 WHERE mailbox = $2",
            )
            .bind(at),
        };
        self.write(outcome.bind(mailbox)).await?;
        Ok(())
    }

    async fn mailbox_status(&self, mailbox: &str) -> Result<Option<MailboxStatus>, StoreError> {
        let select =
            Statement::new("SELECT last_read_at, last_error, last_error_at FROM mailbox_readers WHERE mailbox = $1");
        let Some(row) = self.read_optional(select.bind(mailbox)).await? else { return Ok(None) };
        Ok(Some(MailboxStatus {
            last_read_at: row.time("last_read_at")?,
            last_error: row.text("last_error")?.zip(row.time("last_error_at")?),
        }))
    }
}

/// The lead a message was matched to.
#[derive(Clone, Debug)]
struct Found {
    id: i64,
    reference: LeadReference,
    by: MatchedBy,
}

async fn reference_of<C: Conn + ?Sized>(tx: &mut C, lead_id: i64) -> Result<Option<LeadReference>, StoreError> {
    let select = Statement::new("SELECT reference FROM leads WHERE id = $1").bind(lead_id);
    tx.fetch_optional(select).await?.map(|r| r.parse("reference")).transpose()
}

/// The lead a message belongs to: the one whose email it answers (`In-Reply-To`, `References`,
/// or for a bounce the returned copy's `Message-ID`), else the one its tagged address names,
/// else the newest open lead of its sender (for a bounce, of the address that failed). An
/// erased lead takes nothing: what its person writes again waits for staff.
async fn find_lead<B: Backend, C: Conn + ?Sized>(
    tx: &mut C,
    mail: &InboundMail,
    matching: Matching<'_>,
) -> Result<Option<Found>, StoreError> {
    let original = mail.bounce.as_ref().and_then(|b| b.original.as_deref());
    for id in original.into_iter().chain(mail.refers_to.iter().map(String::as_str)) {
        let Some(outbox) = outbox_id(id, matching.host) else { continue };
        let select = Statement::new(
            "SELECT l.id, l.reference FROM outbox o JOIN leads l ON l.id = o.lead_id \
             WHERE o.id = $1 AND o.channel IN ($2, $3) AND l.erased_at IS NULL",
        )
        .bind(outbox)
        .bind(Channel::Reply)
        .bind(Channel::Call);
        if let Some(row) = tx.fetch_optional(select).await? {
            return Ok(Some(Found { id: row.get("id")?, reference: row.parse("reference")?, by: MatchedBy::Thread }));
        }
    }
    for recipient in &mail.recipients {
        let Some(reference) = tag_of(recipient, matching.shared) else { continue };
        let select = Statement::new("SELECT id FROM leads WHERE reference = $1 AND erased_at IS NULL");
        if let Some(row) = tx.fetch_optional(select.bind(reference.as_str())).await? {
            return Ok(Some(Found { id: row.get("id")?, reference, by: MatchedBy::Tag }));
        }
    }
    let senders: Vec<&str> = match &mail.bounce {
        Some(bounce) => bounce.failed.iter().map(String::as_str).collect(),
        None => vec![mail.from.as_str()],
    };
    for sender in senders.into_iter().filter(|s| s.contains('@')) {
        let select = Statement::new(
            "SELECT id, reference FROM leads WHERE lower(email) = lower($1) AND erased_at IS NULL \
             AND status IN ($2, $3, $4) ORDER BY created_at DESC, id DESC LIMIT 1",
        )
        .bind(sender)
        .bind(LeadStatus::New)
        .bind(LeadStatus::Contacted)
        .bind(LeadStatus::Qualified);
        if let Some(row) = tx.fetch_optional(select).await? {
            return Ok(Some(Found { id: row.get("id")?, reference: row.parse("reference")?, by: MatchedBy::Sender }));
        }
    }
    Ok(None)
}

async fn insert_message<C: Conn + ?Sized>(
    tx: &mut C,
    arrival: &Arrival<'_>,
    found: Option<&Found>,
    at: DateTime<Utc>,
) -> Result<i64, StoreError> {
    let mail = arrival.mail;
    let insert = Statement::new(
        "INSERT INTO inbound_messages (lead_id, received_at, kind, matched_by, from_address, from_name, subject, \
         body, notes, message_id, dedupe_key, size) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) \
         RETURNING id",
    )
    .bind(found.map(|f| f.id))
    .bind(at)
    .bind(mail.kind)
    .bind(found.map(|f| f.by.as_str()))
    .bind(mail.from.as_str())
    .bind(mail.from_name.as_deref())
    .bind(mail.subject.as_str())
    .bind(mail.text.as_str())
    .bind(mail.notes.join("\n"))
    .bind(mail.message_id.as_deref())
    .bind(arrival.key)
    .bind(i64::try_from(arrival.size).unwrap_or(i64::MAX));
    let id: i64 = tx.fetch_one(insert).await?.get("id")?;
    for file in &mail.attachments {
        let insert = Statement::new(
            "INSERT INTO inbound_attachments (message_id, name, content_type, size, content) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(id)
        .bind(file.name.as_str())
        .bind(file.content_type.as_str())
        .bind(i64::try_from(file.size).unwrap_or(i64::MAX))
        .bind(file.content.clone());
        tx.execute(insert).await?;
    }
    Ok(id)
}
