//! The notification worker: queues reminders and overdue alerts as leads reach their deadlines,
//! and delivers the outbox's messages (notifications to staff by webhook and/or email, replies
//! to leads by email), retrying with growing delays. Messages survive restarts (they are rows),
//! each is claimed with a lease so one worker at a time works it, and a delivered message is
//! marked at once and never sent again.

use std::sync::Arc;
use std::time::Duration;

use hmac::{Hmac, Mac};
use sha2::Sha256;
use tokio::sync::{watch, Notify};

use crate::domain::leads::deadline::Deadline;
use crate::server::booking::calendars::Calendars;
use crate::server::clock::Clock;
use crate::server::jobs::mail::Mailer;
use crate::server::jobs::notification::Notification;
use crate::server::settings::Settings;
use crate::server::store::deadlines::{DeadlineStore, DueLead};
use crate::server::store::outbox::{CalendarWrite, CallEmail, Channel, OutboxItem, OutboxStore, ReplyEmail};
use crate::server::store::Stores;

/// Messages claimed at once. With the 10 s limit on each delivery, a batch takes at most 50 s,
/// inside the default 60 s lease, so no other worker takes over a message still being sent.
const BATCH: i64 = 5;
/// The longest one delivery may take.
const DELIVERY_TIMEOUT: Duration = Duration::from_secs(10);
const LONGEST_RETRY: Duration = Duration::from_secs(3600);

/// The signature header value for a webhook body sent at `timestamp`.
pub fn signature(secret: &str, timestamp: i64, body: &str) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("any key length works");
    mac.update(format!("{timestamp}.{body}").as_bytes());
    let bytes = mac.finalize().into_bytes();
    format!("sha256={}", bytes.iter().map(|b| format!("{b:02x}")).collect::<String>())
}

/// The running worker's parts.
pub struct Worker {
    outbox: Arc<dyn OutboxStore>,
    deadlines: Arc<dyn DeadlineStore>,
    settings: Arc<Settings>,
    clock: Arc<dyn Clock>,
    mailer: Option<Mailer>,
    calendars: Arc<Calendars>,
    http: reqwest::Client,
    wake: Arc<Notify>,
}

impl Worker {
    pub fn new(
        settings: Arc<Settings>,
        stores: &Stores,
        calendars: Arc<Calendars>,
        clock: Arc<dyn Clock>,
        wake: Arc<Notify>,
    ) -> Result<Self, String> {
        let mailer = settings
            .email
            .as_ref()
            .map(|email| Mailer::new(email, &settings.message_host(), settings.mailbox.as_ref()))
            .transpose()?;
        Ok(Worker {
            outbox: stores.outbox.clone(),
            deadlines: stores.deadlines.clone(),
            clock,
            mailer,
            calendars,
            http: reqwest::Client::builder().timeout(DELIVERY_TIMEOUT).build().map_err(|e| e.to_string())?,
            wake,
            settings,
        })
    }

    /// Works the outbox until `stop` turns true.
    pub async fn run(self, mut stop: watch::Receiver<bool>) {
        // Deadlines are checked once per poll interval, however busy delivering the worker is:
        // each check takes the database's write lock on SQLite.
        let mut next_check = tokio::time::Instant::now();
        loop {
            if tokio::time::Instant::now() >= next_check {
                self.check_deadlines().await;
                next_check = tokio::time::Instant::now() + self.settings.outbox_poll;
            }
            let worked = self.work_once().await;
            if *stop.borrow() {
                return;
            }
            if worked == 0 {
                tokio::select! {
                    _ = self.wake.notified() => {}
                    _ = tokio::time::sleep(self.settings.outbox_poll) => {}
                    _ = stop.changed() => return,
                }
            }
        }
    }

    /// Queues the reminders and overdue alerts that are due; returns how many leads it claimed.
    pub async fn check_deadlines(&self) -> usize {
        let now = self.clock.now();
        let promise = self.settings.reply_promise();
        let compose = |deadline: Deadline, lead: &DueLead| {
            Notification::deadline(deadline, lead, &promise, &self.settings.public_url).messages(&self.settings)
        };
        let mut claimed = 0;
        for deadline in Deadline::ALL {
            match self.deadlines.claim_due(*deadline, deadline.received_by(&promise, now), now, &compose).await {
                Ok(due) => {
                    for lead in &due {
                        tracing::info!(lead = %lead.reference, deadline = %deadline, recipients = lead.recipients.len(), "deadline notice queued");
                    }
                    claimed += due.len();
                }
                Err(error) => tracing::warn!(%error, %deadline, "checking deadlines failed"),
            }
        }
        claimed
    }

    /// Claims and delivers the due messages; returns how many it worked.
    pub async fn work_once(&self) -> usize {
        let now = self.clock.now();
        let lease_until = now + chrono::Duration::from_std(self.settings.outbox_lease).expect("a small duration");
        let items = match self.outbox.claim_due(now, lease_until, BATCH).await {
            Ok(items) => items,
            Err(error) => {
                tracing::warn!(%error, "claiming notifications failed");
                return 0;
            }
        };
        for item in &items {
            // A batch is sent one message after another: one may have been withdrawn (a
            // reminder of a call that moved) since the batch was claimed.
            match self.outbox.still_waiting(item.id).await {
                Ok(true) => {}
                Ok(false) => continue,
                Err(error) => {
                    tracing::warn!(id = item.id, %error, "checking a claimed notification failed; it is tried later");
                    continue;
                }
            }
            let outcome = self.deliver(item).await;
            let marked = match outcome {
                Ok(()) => self.outbox.mark_delivered(item.id, self.clock.now()).await,
                Err(error) => {
                    let delay = self
                        .settings
                        .outbox_retry_base
                        .saturating_mul(2u32.saturating_pow(item.attempts.clamp(0, 20) as u32))
                        .min(LONGEST_RETRY);
                    tracing::warn!(id = item.id, channel = %item.channel, attempt = item.attempts + 1, %error, "a notification failed; it will be retried");
                    let retry_at = self.clock.now() + chrono::Duration::from_std(delay).expect("at most an hour");
                    self.outbox.mark_failed(item.id, retry_at, &error).await
                }
            };
            if let Err(error) = marked {
                tracing::error!(id = item.id, %error, "recording a notification's outcome failed");
            }
        }
        items.len()
    }

    async fn deliver(&self, item: &OutboxItem) -> Result<(), String> {
        match item.channel {
            Channel::Webhook => {
                let Some(webhook) = &self.settings.webhook else { return Err("no webhook is configured".into()) };
                let timestamp = self.clock.now().timestamp();
                let response = self
                    .http
                    .post(&webhook.url)
                    .header("content-type", "application/json")
                    .header("x-archguide-timestamp", timestamp.to_string())
                    .header("x-archguide-signature", signature(&webhook.secret, timestamp, &item.payload))
                    // The same for every attempt at this message: a crash between the receiver's
                    // answer and our record of it repeats the delivery, and the receiver can
                    // recognise the repeat.
                    .header("idempotency-key", format!("archguide-outbox-{}", item.id))
                    .body(item.payload.clone())
                    .send()
                    .await
                    .map_err(|e| format!("webhook request failed: {}", e.without_url()))?;
                if response.status().is_success() {
                    Ok(())
                } else {
                    Err(format!("the webhook answered {}", response.status()))
                }
            }
            Channel::Email => {
                let Some(mailer) = &self.mailer else { return Err("no SMTP server is configured".into()) };
                let note: Notification = serde_json::from_str(&item.payload).map_err(|e| e.to_string())?;
                mailer.notify(item.id, note).await
            }
            Channel::Reply => {
                let Some(mailer) = &self.mailer else { return Err("no SMTP server is configured".into()) };
                let reply: ReplyEmail = serde_json::from_str(&item.payload).map_err(|e| e.to_string())?;
                mailer.reply(item.id, reply).await
            }
            Channel::Call => {
                let Some(mailer) = &self.mailer else { return Err("no SMTP server is configured".into()) };
                let email: CallEmail = serde_json::from_str(&item.payload).map_err(|e| e.to_string())?;
                mailer.call(item.id, email).await
            }
            Channel::Calendar => {
                let write: CalendarWrite = serde_json::from_str(&item.payload).map_err(|e| e.to_string())?;
                self.calendars.write(write).await
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_notification_names_the_lead_and_links_to_it_without_email_or_message() {
        let n = Notification::new(
            "AG-7K2Q9M",
            "Zoë",
            Some("Example GmbH"),
            Some("a monolith on functions (FaaS)"),
            "https://guide.example.com",
        );
        assert_eq!(n.link, "https://guide.example.com/inbox/leads/AG-7K2Q9M");
        assert!(n.text.contains("Zoë (Example GmbH)") && n.text.contains("a monolith on functions"));
        let json = serde_json::to_string(&n).unwrap();
        assert!(!json.contains('@'));
    }

    #[test]
    fn the_signature_is_hmac_sha256_of_timestamp_and_body() {
        let s = signature("secret", 1_700_000_000, "{}");
        assert!(s.starts_with("sha256=") && s.len() == 7 + 64);
        assert_ne!(s, signature("other", 1_700_000_000, "{}"));
        assert_ne!(s, signature("secret", 1_700_000_001, "{}"));
    }
}
