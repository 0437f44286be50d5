//! Reading the shared mailbox: what leads write back comes into their threads.
//!
//! One instance reads at a time (a lease in the database, renewed while it reads). It reads the
//! messages after the last UID stored, each stored in a transaction that also moves the cursor
//! past it, then flags them seen and moves them to the done folder. Between reads it waits in
//! IDLE where the server offers it, else for `ARCHGUIDE_IMAP_POLL`. A message is untrusted
//! input: it is read by `domain::leads::conversation::parse` within limits.

pub mod imap;

use std::sync::Arc;
use std::time::Duration;

use sha2::{Digest, Sha256};
use tokio::sync::watch;

use crate::domain::leads::conversation::parse::{read, read_too_large, Limits};
use crate::server::clock::Clock;
use crate::server::jobs::notification::Notification;
use crate::server::settings::{MailboxSettings, Settings};
use crate::server::store::thread::intake::{Arrival, BounceNotice, IntakeStore, Matching, ReaderClaim};
use crate::server::store::StoreError;
use imap::Connection;

/// Messages read and stored in one round trip, and the bytes one round trip fetches at most
/// (a larger message goes alone).
const CHUNK: usize = 25;
const CHUNK_BYTES: u64 = 32 * 1024 * 1024;

/// How a round of reading ended.
#[derive(Debug)]
enum Ended {
    Stopping,
    /// Another instance holds the lease now.
    LeaseLost,
}

/// The running reader.
pub struct Reader {
    settings: Arc<Settings>,
    mailbox: MailboxSettings,
    intake: Arc<dyn IntakeStore>,
    clock: Arc<dyn Clock>,
    /// This instance, as the lease names it.
    holder: String,
    /// The host of the site's Message-IDs.
    host: String,
    limits: Limits,
}

impl Reader {
    /// A reader, if a shared mailbox is set up.
    pub fn new(settings: Arc<Settings>, intake: Arc<dyn IntakeStore>, clock: Arc<dyn Clock>) -> Option<Reader> {
        let mailbox = settings.mailbox.clone()?;
        let holder = format!("{}-{:016x}", std::process::id(), rand::random::<u64>());
        Some(Reader {
            host: settings.message_host(),
            limits: Limits::with_attachments_up_to(mailbox.attachment_max),
            mailbox,
            intake,
            clock,
            holder,
            settings,
        })
    }

    /// How long a lease lasts: well past one wait, so a reader renews it in time.
    fn lease(&self) -> chrono::Duration {
        chrono::Duration::from_std(self.mailbox.poll * 2 + Duration::from_secs(60)).expect("a small duration")
    }

    fn name(&self) -> String {
        self.mailbox.imap.name()
    }

    async fn claim(&self) -> Result<Option<ReaderClaim>, StoreError> {
        let now = self.clock.now();
        self.intake.claim_mailbox(&self.name(), &self.holder, now, now + self.lease()).await
    }

    /// Reads the mailbox until `stop` turns true.
    pub async fn run(self, mut stop: watch::Receiver<bool>) {
        let mut delay = self.mailbox.poll;
        loop {
            if *stop.borrow() {
                break;
            }
            let outcome = match self.claim().await {
                Ok(Some(claim)) => self.read_while_held(claim, &mut stop).await,
                Ok(None) => Ok(Ended::LeaseLost),
                Err(error) => Err(format!("claiming the mailbox: {error}")),
            };
            match outcome {
                Ok(Ended::Stopping) => break,
                Ok(Ended::LeaseLost) => delay = self.mailbox.poll,
                Err(error) => {
                    tracing::warn!(mailbox = %self.name(), %error, "reading the shared mailbox failed; it is tried again");
                    if let Err(error) = self.intake.mailbox_outcome(&self.name(), Some(&error), self.clock.now()).await
                    {
                        tracing::warn!(%error, "recording the mailbox's failure failed");
                    }
                    // A server that is down is not asked again and again.
                    delay = (delay * 2).min(Duration::from_secs(300)).max(self.mailbox.poll);
                }
            }
            tokio::select! {
                _ = tokio::time::sleep(delay) => {}
                _ = stop.wait_for(|stopped| *stopped) => break,
            }
        }
        if let Err(error) = self.intake.release_mailbox(&self.name(), &self.holder).await {
            tracing::warn!(%error, "giving up the mailbox's lease failed; it expires by itself");
        }
    }

    /// Connects and reads, then waits and reads again, for as long as this instance holds the
    /// lease.
    async fn read_while_held(&self, mut claim: ReaderClaim, stop: &mut watch::Receiver<bool>) -> Result<Ended, String> {
        let mut connection = Connection::open(&self.mailbox.imap, self.mailbox.done_folder.as_deref()).await?;
        if claim.uid_validity != Some(connection.uid_validity) {
            if claim.uid_validity.is_some() {
                tracing::warn!(mailbox = %self.name(), "the folder's UIDVALIDITY changed: reading it again from the start");
            }
            let restarted = self
                .intake
                .restart_mailbox(&self.name(), &self.holder, connection.uid_validity)
                .await
                .map_err(|e| e.to_string())?;
            if !restarted {
                connection.close().await;
                return Ok(Ended::LeaseLost);
            }
            claim = ReaderClaim { uid_validity: Some(connection.uid_validity), last_uid: 0 };
        }
        loop {
            match self.read_new(&mut connection, &mut claim, stop).await {
                Ok(true) => {}
                Ok(false) => {
                    connection.close().await;
                    return Ok(Ended::LeaseLost);
                }
                Err(error) => {
                    connection.close().await;
                    return Err(error);
                }
            }
            if let Err(error) = self.intake.mailbox_outcome(&self.name(), None, self.clock.now()).await {
                tracing::warn!(%error, "recording the mailbox's read failed");
            }
            if *stop.borrow() {
                connection.close().await;
                return Ok(Ended::Stopping);
            }
            connection = connection.wait(self.mailbox.poll, stop).await?;
            if *stop.borrow() {
                connection.close().await;
                return Ok(Ended::Stopping);
            }
            match self.claim().await.map_err(|e| e.to_string())? {
                Some(renewed) if renewed.uid_validity == claim.uid_validity => claim = renewed,
                _ => {
                    connection.close().await;
                    return Ok(Ended::LeaseLost);
                }
            }
        }
    }

    /// Reads and stores what arrived after the cursor (up to a chunk more once `stop` turns
    /// true); `false` when the lease was lost.
    async fn read_new(
        &self,
        connection: &mut Connection,
        claim: &mut ReaderClaim,
        stop: &watch::Receiver<bool>,
    ) -> Result<bool, String> {
        let waiting = connection.after(claim.last_uid).await?;
        if !waiting.is_empty() {
            tracing::info!(mailbox = %self.name(), messages = waiting.len(), "reading the shared mailbox");
        }
        for chunk in chunks(&waiting) {
            if *stop.borrow() {
                break;
            }
            // The lease is renewed as reading goes on: a long backlog keeps it.
            match self.claim().await.map_err(|e| e.to_string())? {
                Some(renewed) if renewed.uid_validity == claim.uid_validity => {}
                _ => return Ok(false),
            }
            let (fits, large): (Vec<(u32, u32)>, Vec<(u32, u32)>) =
                chunk.iter().partition(|(_, size)| *size as usize <= self.limits.raw_bytes);
            let mut messages = connection.fetch(&fits.iter().map(|(uid, _)| *uid).collect::<Vec<_>>(), false).await?;
            messages.extend(connection.fetch(&large.iter().map(|(uid, _)| *uid).collect::<Vec<_>>(), true).await?);
            messages.sort_by_key(|(uid, _)| *uid);
            let mut stored = Vec::with_capacity(messages.len());
            for (uid, bytes) in messages {
                let size = chunk.iter().find(|(u, _)| *u == uid).map_or(bytes.len() as u32, |(_, s)| *s);
                let too_large = size as usize > self.limits.raw_bytes;
                let mail = if too_large {
                    read_too_large(&bytes, size as usize, &self.limits)
                } else {
                    read(&bytes, &self.limits)
                };
                // Of fixed length whatever the header holds.
                let key = match &mail.message_id {
                    Some(id) => format!("id:{:x}", Sha256::digest(id.as_bytes())),
                    None => format!("sha256:{:x}", Sha256::digest(&bytes)),
                };
                let arrival = Arrival { uid, mail: &mail, key: &key, size: u64::from(size) };
                let matching = Matching { host: &self.host, shared: &self.mailbox.reply_to };
                let compose = |notice: &BounceNotice| {
                    Notification::bounce(notice, &self.settings.public_url).messages(&self.settings)
                };
                let at = self.clock.now();
                let Some(intake) = self
                    .intake
                    .take_in(&self.name(), &self.holder, arrival, matching, &compose, at)
                    .await
                    .map_err(|e| format!("storing a message: {e}"))?
                else {
                    return Ok(false);
                };
                tracing::info!(
                    uid,
                    id = intake.id,
                    lead = intake.lead.as_ref().map(|l| l.as_str()).unwrap_or("unmatched"),
                    kind = %mail.kind,
                    duplicate = intake.duplicate,
                    "message from the shared mailbox stored"
                );
                claim.last_uid = uid;
                // A message not read whole (too large to keep, or past the parser) stays in the
                // mailbox, where staff can read it.
                if mail.whole {
                    stored.push(uid);
                }
            }
            if let Err(error) = connection.done(&stored).await {
                tracing::warn!(%error, "flagging stored messages failed; they are stored and will not be read again");
            }
        }
        Ok(true)
    }
}

/// The messages waiting, in round trips of at most `CHUNK` messages and `CHUNK_BYTES` bytes.
fn chunks(waiting: &[(u32, u32)]) -> Vec<Vec<(u32, u32)>> {
    let mut chunks: Vec<Vec<(u32, u32)>> = Vec::new();
    let mut bytes = 0u64;
    for message in waiting {
        let full = chunks.last().is_none_or(|chunk| chunk.len() >= CHUNK || bytes + u64::from(message.1) > CHUNK_BYTES);
        if full {
            chunks.push(Vec::new());
            bytes = 0;
        }
        bytes += u64::from(message.1);
        chunks.last_mut().expect("just pushed").push(*message);
    }
    chunks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_round_trip_fetches_at_most_so_many_messages_and_bytes() {
        let small: Vec<(u32, u32)> = (1..=60).map(|uid| (uid, 1000)).collect();
        assert_eq!(chunks(&small).iter().map(Vec::len).collect::<Vec<_>>(), [25, 25, 10]);
        let large = [(1, 20 << 20), (2, 20 << 20), (3, 40 << 20), (4, 1)];
        let sizes: Vec<Vec<u32>> = chunks(&large).iter().map(|c| c.iter().map(|m| m.0).collect()).collect();
        assert_eq!(sizes, [vec![1], vec![2], vec![3], vec![4]]);
    }
}
