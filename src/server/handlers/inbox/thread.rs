//! The conversation as staff pages show it: a lead's thread both ways (its answers as text,
//! their quoted history folded, their files listed), and where reading the shared mailbox
//! stands.

use chrono::{DateTime, Utc};

use crate::domain::leads::conversation::quote::fold;
use crate::domain::leads::conversation::{file_size, MatchedBy};
use crate::page_data::conversation::{FileRow, InboundRow, MailboxLine, ThreadEntry};
use crate::server::handlers::inbox::views::{minute, reply_row};
use crate::server::http::state::AppState;
use crate::server::store::thread::{InboundMessage, LeadReply};
use crate::server::store::StoreError;

/// The thread, both ways, oldest first.
pub(super) fn thread(replies: Vec<LeadReply>, inbound: Vec<InboundMessage>) -> Vec<ThreadEntry> {
    let mut entries: Vec<(DateTime<Utc>, ThreadEntry)> = replies
        .into_iter()
        .map(|r| (r.at, ThreadEntry::Reply(reply_row(r))))
        .chain(inbound.into_iter().map(|m| (m.received_at, ThreadEntry::Inbound(inbound_row(m)))))
        .collect();
    entries.sort_by_key(|(at, _)| *at);
    entries.into_iter().map(|(_, entry)| entry).collect()
}

/// A message from the shared mailbox as staff read it: its quoted history folded.
pub fn inbound_row(message: InboundMessage) -> InboundRow {
    let folded = fold(&message.body);
    InboundRow {
        id: message.id,
        lead: message.lead.map(String::from),
        at: minute(message.received_at),
        from: match &message.from_name {
            Some(name) => format!("{name} <{}>", message.from),
            None => message.from.clone(),
        },
        subject: message.subject,
        kind: message.kind,
        kind_label: message.kind.label().to_string(),
        matched: match (message.matched_by, &message.attached_by) {
            (Some(MatchedBy::Staff), Some(by)) => format!("Attached by {by}"),
            (Some(MatchedBy::Thread), _) => "Answers our email".to_string(),
            (Some(MatchedBy::Tag), _) => "Sent to the lead's reply address".to_string(),
            (Some(MatchedBy::Sender), _) => "From the lead's address".to_string(),
            _ => "Matched no lead".to_string(),
        },
        body: folded.new,
        earlier: folded.earlier,
        notes: message.notes,
        attachments: message
            .attachments
            .into_iter()
            .map(|a| FileRow {
                link: a.kept.then(|| format!("/inbox/attachments/{}", a.id)),
                label: format!("{} ({}, {})", a.name, a.content_type, file_size(a.size)),
            })
            .collect(),
    }
}

/// Where reading the shared mailbox stands, if one is set up.
pub(super) async fn mailbox_line(state: &AppState) -> Result<Option<MailboxLine>, StoreError> {
    let Some(mailbox) = &state.settings.mailbox else { return Ok(None) };
    let status = state.stores.intake.mailbox_status(&mailbox.imap.name()).await?;
    let read = status
        .as_ref()
        .and_then(|s| s.last_read_at)
        .map_or("not read yet".to_string(), |at| format!("last read {}", minute(at)));
    Ok(Some(MailboxLine {
        text: format!("{}, {read}", mailbox.reply_to),
        error: status.and_then(|s| s.last_error).map(|(error, at)| format!("{} (since {})", error, minute(at))),
        unmatched: state.stores.conversation.unmatched(0).await?.1,
    }))
}
