//! Email through the configured SMTP server: notifications to staff and replies to leads, each
//! with a `Message-ID` that stays the same across attempts, so a delivery repeated after a
//! crash is recognisably the same mail.

use std::time::Duration;

use lettre::message::header::ContentType;
use lettre::message::{Mailbox, MultiPart, SinglePart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::domain::ids::LeadReference;
use crate::domain::leads::conversation::address::{message_id, tagged};
use crate::server::jobs::notification::Notification;
use crate::server::settings::{EmailSettings, MailboxSettings};
use crate::server::store::outbox::{CallEmail, ReplyEmail};

pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    /// Notifications come from here and, unless they name people, go to `sales`.
    from: Mailbox,
    sales: Mailbox,
    /// Replies to leads come from here.
    reply_from: Mailbox,
    /// The host part of Message-IDs (the site's host).
    domain: String,
    /// The shared mailbox answers come back to (with whether it takes plus-address tags);
    /// `None`: answers go to the staff member who wrote.
    shared: Option<(String, bool)>,
}

impl Mailer {
    pub fn new(settings: &EmailSettings, domain: &str, shared: Option<&MailboxSettings>) -> Result<Self, String> {
        let mailbox = |name: &str, value: &str| value.parse::<Mailbox>().map_err(|e| format!("{name}: {e}"));
        Ok(Mailer {
            transport: AsyncSmtpTransport::<Tokio1Executor>::from_url(&settings.smtp_url)
                .map_err(|e| format!("ARCHGUIDE_SMTP_URL: {e}"))?
                .timeout(Some(Duration::from_secs(15)))
                .build(),
            from: mailbox("ARCHGUIDE_NOTIFY_EMAIL_FROM", &settings.from)?,
            sales: mailbox("ARCHGUIDE_NOTIFY_EMAIL_TO", &settings.to)?,
            reply_from: mailbox("ARCHGUIDE_REPLY_FROM", &settings.reply_from)?,
            domain: domain.to_string(),
            shared: shared.map(|m| (m.reply_to.clone(), m.plus_tags)),
        })
    }

    fn message_id(&self, outbox_id: i64) -> Option<String> {
        Some(format!("<{}>", message_id(outbox_id, &self.domain)))
    }

    /// Where the lead's answer goes: the shared mailbox (tagged with the lead's reference where
    /// the host takes tags), else `writer`.
    fn answers_to(&self, reference: &str, writer: &str) -> Result<Mailbox, String> {
        let address = match (&self.shared, LeadReference::parse(reference)) {
            (Some((shared, true)), Some(reference)) => tagged(shared, &reference),
            (Some((shared, _)), _) => shared.clone(),
            (None, _) => writer.to_string(),
        };
        address.parse().map_err(|e| format!("the reply-to address {address}: {e}"))
    }

    async fn send(&self, message: Result<Message, lettre::error::Error>) -> Result<(), String> {
        let message = message.map_err(|e| e.to_string())?;
        self.transport.send(message).await.map(|_| ()).map_err(|e| format!("sending the email failed: {e}"))
    }

    /// A notification for staff: to the people it names, or to the sales address.
    pub async fn notify(&self, outbox_id: i64, note: Notification) -> Result<(), String> {
        let mut message = Message::builder().from(self.from.clone()).message_id(self.message_id(outbox_id));
        if note.to.is_empty() {
            message = message.to(self.sales.clone());
        }
        for address in &note.to {
            message = message.to(address.parse().map_err(|e| format!("the address {address}: {e}"))?);
        }
        self.send(message.subject(note.subject).header(ContentType::TEXT_PLAIN).body(note.text)).await
    }

    /// A reply to a lead, answered to the shared mailbox (or, without one, to the staff member
    /// who wrote it). Every field was checked when it was written (one-line subject, plain
    /// text, parsed addresses); lettre encodes the headers on top of that.
    pub async fn reply(&self, outbox_id: i64, reply: ReplyEmail) -> Result<(), String> {
        let to: Mailbox = reply.to.parse().map_err(|e| format!("the lead's address: {e}"))?;
        let reply_to = self.answers_to(&reply.reference, &reply.reply_to)?;
        let message = Message::builder()
            .from(self.reply_from.clone())
            .to(to)
            .reply_to(reply_to)
            .message_id(self.message_id(outbox_id))
            .subject(reply.subject)
            .header(ContentType::TEXT_PLAIN)
            .body(reply.body);
        self.send(message).await
    }

    /// An email about a booked call, from the address replies come from. With a calendar part,
    /// the text and the call are alternatives of one message (`text/calendar; method=…`), as
    /// calendar programs expect an invitation.
    pub async fn call(&self, outbox_id: i64, email: CallEmail) -> Result<(), String> {
        let to: Mailbox = email.to.parse().map_err(|e| format!("the address {}: {e}", email.to))?;
        let mut message = Message::builder()
            .from(self.reply_from.clone())
            .to(to)
            .message_id(self.message_id(outbox_id))
            .subject(email.subject);
        if let Some(writer) = &email.reply_to {
            message = message.reply_to(self.answers_to(&email.reference, writer)?);
        }
        let message = match email.calendar {
            None => message.header(ContentType::TEXT_PLAIN).body(email.body),
            Some(calendar) => {
                let kind = format!("text/calendar; charset=utf-8; method={}", calendar.method);
                let kind = ContentType::parse(&kind).map_err(|e| format!("the calendar part's type: {e}"))?;
                message.multipart(
                    MultiPart::alternative()
                        .singlepart(SinglePart::plain(email.body))
                        .singlepart(SinglePart::builder().header(kind).body(calendar.ics)),
                )
            }
        };
        self.send(message).await
    }
}
