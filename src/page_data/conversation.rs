//! What the staff pages show of the conversation with leads: a thread's messages both ways,
//! the messages that matched no lead, and where reading the shared mailbox stands.

use serde::{Deserialize, Serialize};

use crate::domain::leads::conversation::InboundKind;

/// One message of a lead's thread: ours, or theirs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThreadEntry {
    Reply(ReplyRow),
    Inbound(InboundRow),
}

/// A message that came into the shared mailbox, as staff read it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboundRow {
    pub id: i64,
    /// The lead it belongs to (`None`: unmatched).
    pub lead: Option<String>,
    pub at: String,
    /// "Ada Lovelace <ada@example.org>".
    pub from: String,
    pub subject: String,
    pub kind: InboundKind,
    pub kind_label: String,
    /// How it found its lead, in words.
    pub matched: String,
    /// What they wrote this time, as plain text.
    pub body: String,
    /// The history they quoted, folded under "show earlier".
    pub earlier: Option<String>,
    /// What was left out of it and why.
    pub notes: Vec<String>,
    pub attachments: Vec<FileRow>,
}

/// A file that came with a message: its name, type and size in words, and its download link
/// when it was kept.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileRow {
    pub label: String,
    pub link: Option<String>,
}

/// An unmatched message's attach form as it comes back: the reference as typed, and why it was
/// refused.
#[derive(Clone, Debug, Default)]
pub struct UnmatchedForm {
    pub message: i64,
    pub reference: String,
    pub error: String,
}

/// Where reading the shared mailbox stands, in words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailboxLine {
    /// "sales@axiomtech.example, last read 2026-12-07 10:04 UTC".
    pub text: String,
    /// The last read's failure, until a read succeeds.
    pub error: Option<String>,
    /// Messages waiting in the Unmatched view.
    pub unmatched: u64,
}

/// One reply in a lead's thread.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplyRow {
    pub at: String,
    pub author: String,
    pub subject: String,
    pub body: String,
    /// `queued`, `sent` or `failed`.
    pub state: String,
    /// The state in words: "Sent 2026-12-01 10:04 UTC", "Failed (attempt 2): … It is tried again.".
    pub detail: String,
}
