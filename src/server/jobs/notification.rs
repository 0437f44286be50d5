//! What a notification to staff says (a new lead, a reminder, an overdue alert, a bounce): enough to act
//! on, and no more personal data than that, as the outbox stores it for each channel.

use serde::{Deserialize, Serialize};

use crate::domain::leads::deadline::Deadline;
use crate::domain::leads::promise::ReplyPromise;
use crate::domain::leads::who;
use crate::server::settings::Settings;
use crate::server::store::deadlines::DueLead;
use crate::server::store::outbox::{Channel, OutboxMessage};
use crate::server::store::thread::intake::BounceNotice;

/// What a notification says: enough to act on, and no more personal data than that.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notification {
    /// Slack-compatible: chat webhooks show this field.
    pub text: String,
    pub subject: String,
    pub reference: String,
    pub name: String,
    pub company: Option<String>,
    pub recommendation: Option<String>,
    pub link: String,
    /// Who the email goes to; empty: the configured sales address (`ARCHGUIDE_NOTIFY_EMAIL_TO`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub to: Vec<String>,
}

impl Notification {
    pub fn new(
        reference: &str,
        name: &str,
        company: Option<&str>,
        recommendation: Option<&str>,
        public_url: &str,
    ) -> Self {
        let link = format!("{public_url}/inbox/leads/{reference}");
        let who = who(name, company);
        let about = recommendation.map(|r| format!(" Guide result: {r}.")).unwrap_or_default();
        Notification {
            text: format!("New lead {reference} from {who}.{about} {link}"),
            subject: format!("New lead {reference} from {who}"),
            reference: reference.to_string(),
            name: name.to_string(),
            company: company.map(str::to_string),
            recommendation: recommendation.map(str::to_string),
            link,
            to: Vec::new(),
        }
    }

    /// A reminder or an overdue alert about a lead, to the people the deadline names.
    pub fn deadline(deadline: Deadline, lead: &DueLead, promise: &ReplyPromise, public_url: &str) -> Self {
        let reference = lead.reference.as_str();
        let link = format!("{public_url}/inbox/leads/{reference}");
        let who = who(&lead.name, lead.company.as_deref());
        Notification {
            text: format!("{} {link}", deadline.sentence(reference, &who, promise)),
            subject: deadline.subject(reference, &who),
            reference: reference.to_string(),
            name: lead.name.clone(),
            company: lead.company.clone(),
            recommendation: None,
            link,
            to: lead.recipients.iter().map(|e| e.to_string()).collect(),
        }
    }

    /// A call a visitor booked, to the person who takes it.
    pub fn booked(
        reference: &str,
        name: &str,
        company: Option<&str>,
        call: &str,
        with: &str,
        public_url: &str,
    ) -> Self {
        let link = format!("{public_url}/inbox/leads/{reference}");
        let who = who(name, company);
        Notification {
            text: format!("{who} booked a call with {with}: {call}. Lead {reference}: {link}"),
            subject: format!("Call booked: {reference} from {who}, {call}"),
            reference: reference.to_string(),
            name: name.to_string(),
            company: company.map(str::to_string),
            recommendation: None,
            link,
            to: vec![with.to_string()],
        }
    }

    /// Email to a lead's address bounced: to the person who wrote what bounced (else the sales
    /// address).
    pub fn bounce(notice: &BounceNotice, public_url: &str) -> Self {
        let reference = notice.reference.as_str();
        let link = format!("{public_url}/inbox/leads/{reference}");
        let who = who(&notice.name, notice.company.as_deref());
        Notification {
            // The address and the server's reason are on the lead's page, not in chat or mail.
            text: format!(
                "Email to {who} bounced: their mail server refused the address. Nothing more is sent to it until it is corrected on the lead's page. Lead {reference}: {link}"
            ),
            subject: format!("Bounced: email to lead {reference} from {who} was not delivered"),
            reference: reference.to_string(),
            name: notice.name.clone(),
            company: notice.company.clone(),
            recommendation: None,
            link,
            to: notice.writer.iter().map(|w| w.to_string()).collect(),
        }
    }

    /// One outbox message per configured channel.
    pub fn messages(&self, settings: &Settings) -> Vec<OutboxMessage> {
        let payload = serde_json::to_string(self).expect("a notification serialises");
        let mut out = Vec::new();
        if settings.webhook.is_some() {
            out.push(OutboxMessage::new(Channel::Webhook, payload.clone()));
        }
        if settings.email.is_some() {
            out.push(OutboxMessage::new(Channel::Email, payload));
        }
        out
    }
}
