//! The conversation with a lead, both ways: what a message that comes back into the shared
//! mailbox is (an answer, an automatic reply, a delivery failure), which lead it belongs to, and
//! how it is shown (its quoted history folded, its attachments under safe names).
//!
//! A message is untrusted input. It is read by `parse` (with a maintained MIME parser, within
//! limits on size and nesting) into an `InboundMail`, which is all the rest of the code sees.

pub mod address;
pub mod bounce;
#[cfg(feature = "mail")]
pub mod parse;
pub mod quote;

use serde::{Deserialize, Serialize};

use crate::domain::choice::choice_enum;

choice_enum!(
    /// What wrote a message that came into the shared mailbox: the person (an answer), their
    /// mail program on its own (an out-of-office or other automatic reply), or a mail server
    /// that could not deliver ours (a bounce). Only an answer is owed a reply.
    InboundKind { Answer = "answer", AutoReply = "auto_reply", Bounce = "bounce" }
);

choice_enum!(
    /// How a message found its lead: it answers a message we sent (`In-Reply-To`/`References`),
    /// it was sent to the lead's tagged address (`sales+AG-XXXXXX@…`), it came from the lead's
    /// address, or a staff member attached it from the unmatched messages.
    MatchedBy { Thread = "thread", Tag = "tag", Sender = "sender", Staff = "staff" }
);

impl InboundKind {
    /// What the thread says beside a message of this kind.
    pub fn label(self) -> &'static str {
        match self {
            InboundKind::Answer => "Answer",
            InboundKind::AutoReply => "Automatic reply: not counted as an answer",
            InboundKind::Bounce => "Delivery failure",
        }
    }

    /// The kind a message's headers show. `report` is whether it is a delivery status report
    /// (`multipart/report; report-type=delivery-status`, RFC 3464).
    ///
    /// ```
    /// use archguide::domain::leads::conversation::{InboundKind, Signals};
    /// let plain = Signals { subject: "Re: your message", ..Signals::default() };
    /// assert_eq!(InboundKind::of(&plain), InboundKind::Answer);
    /// let away = Signals { auto_submitted: Some("auto-replied"), ..plain.clone() };
    /// assert_eq!(InboundKind::of(&away), InboundKind::AutoReply);
    /// ```
    pub fn of(signals: &Signals<'_>) -> InboundKind {
        if signals.report {
            return InboundKind::Bounce;
        }
        // RFC 3834: any value but `no` marks a message no person wrote.
        let auto_submitted = signals.auto_submitted.map(|v| v.split(';').next().unwrap_or("").trim().to_lowercase());
        if auto_submitted.is_some_and(|v| !v.is_empty() && v != "no") {
            return InboundKind::AutoReply;
        }
        if signals.autoreply_header {
            return InboundKind::AutoReply;
        }
        let precedence = signals.precedence.map(|v| v.trim().to_lowercase());
        if precedence.is_some_and(|p| matches!(p.as_str(), "bulk" | "auto_reply" | "junk" | "list")) {
            return InboundKind::AutoReply;
        }
        let local = signals.from.rsplit_once('@').map_or(signals.from, |(local, _)| local).to_lowercase();
        if matches!(local.as_str(), "mailer-daemon" | "postmaster") {
            return InboundKind::AutoReply;
        }
        let subject = signals.subject.trim().to_lowercase();
        if AWAY_SUBJECTS.iter().any(|start| subject.starts_with(start)) {
            return InboundKind::AutoReply;
        }
        InboundKind::Answer
    }
}

/// How out-of-office replies begin their subject, in the languages the site speaks and the
/// mail programs people use most (Outlook, Gmail, Apple Mail, Thunderbird).
const AWAY_SUBJECTS: &[&str] = &[
    "out of office",
    "out of the office",
    "automatic reply",
    "auto:",
    "autoreply",
    "auto-reply",
    "auto reply",
    "away from the office",
    "respuesta automática",
    "respuesta automatica",
    "fuera de la oficina",
    "ausente:",
    "réponse automatique",
    "abwesenheitsnotiz",
    "automatische antwort",
];

/// What a message's headers say about who wrote it.
#[derive(Clone, Debug, Default)]
pub struct Signals<'a> {
    /// `Auto-Submitted` (RFC 3834).
    pub auto_submitted: Option<&'a str>,
    /// Whether `X-Autoreply` or `X-Autorespond` is present.
    pub autoreply_header: bool,
    /// `Precedence`.
    pub precedence: Option<&'a str>,
    /// The sender's address.
    pub from: &'a str,
    pub subject: &'a str,
    /// Whether it is a delivery status report.
    pub report: bool,
}

/// A message that came into the shared mailbox, read and checked: everything the rest of the
/// code sees of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboundMail {
    /// Its `Message-ID`, without the angle brackets.
    pub message_id: Option<String>,
    /// The messages it answers: `In-Reply-To`, then `References` newest first, without brackets.
    pub refers_to: Vec<String>,
    /// Every address it was sent to (`To`, `Cc`, `Delivered-To`, `X-Original-To`).
    pub recipients: Vec<String>,
    /// The sender's address and name.
    pub from: String,
    pub from_name: Option<String>,
    pub subject: String,
    /// Plain text: the text part, or the HTML part turned into text; never HTML.
    pub text: String,
    pub kind: InboundKind,
    /// For a delivery failure, what failed.
    pub bounce: Option<bounce::Bounce>,
    pub attachments: Vec<Attachment>,
    /// What was left out of it and why ("the text was cut at 100,000 characters").
    pub notes: Vec<String>,
    /// Whether it was read whole; `false`: only its headers were (too large, or its structure
    /// could not be read), and it stays in the mailbox for staff to read there.
    #[serde(default = "read_whole")]
    pub whole: bool,
}

fn read_whole() -> bool {
    true
}

/// A file that came with a message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    /// Safe to offer as a download's name (`safe_file_name`).
    pub name: String,
    /// Its declared type, as `type/subtype`; only ever served as a download.
    pub content_type: String,
    pub size: u64,
    /// Its bytes, or `None` when it is larger than the inbox keeps (it is listed, not kept).
    #[serde(skip)]
    pub content: Option<Vec<u8>>,
}

/// A file name that is safe to offer as a download and to show: letters, digits and a few
/// marks of any script are kept, everything else (path separators, quotes, control and
/// direction characters) becomes `_`; no leading dot; at most 100 characters; never empty.
///
/// ```
/// use archguide::domain::leads::conversation::safe_file_name;
/// assert_eq!(safe_file_name("../../etc/passwd"), "_.._etc_passwd");
/// assert_eq!(safe_file_name("informe final.pdf"), "informe final.pdf");
/// assert_eq!(safe_file_name("\"x\r\n.exe"), "_x__.exe");
/// assert_eq!(safe_file_name(""), "attachment");
/// ```
pub fn safe_file_name(name: &str) -> String {
    let kept: String = name
        .chars()
        .map(|c| if c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | ' ' | '(' | ')') { c } else { '_' })
        .take(100)
        .collect();
    let kept = kept.trim().trim_start_matches('.').trim();
    if kept.is_empty() {
        "attachment".to_string()
    } else {
        kept.to_string()
    }
}

/// A size as people read it: "512 bytes", "14 KB", "2.5 MB".
///
/// ```
/// use archguide::domain::leads::conversation::file_size;
/// assert_eq!(file_size(512), "512 bytes");
/// assert_eq!(file_size(14_336), "14 KB");
/// assert_eq!(file_size(2_621_440), "2.5 MB");
/// ```
pub fn file_size(bytes: u64) -> String {
    const KB: u64 = 1024;
    const MB: u64 = 1024 * 1024;
    if bytes < KB {
        format!("{bytes} bytes")
    } else if bytes < MB {
        format!("{} KB", bytes.div_ceil(KB))
    } else {
        format!("{:.1} MB", bytes as f64 / MB as f64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(signals: Signals<'_>) -> InboundKind {
        InboundKind::of(&signals)
    }

    #[test]
    fn automatic_replies_are_told_apart_from_answers() {
        let base = Signals { from: "ada@example.org", subject: "Re: your message to AxiomTech", ..Signals::default() };
        assert_eq!(kind(base.clone()), InboundKind::Answer);
        assert_eq!(kind(Signals { auto_submitted: Some("no"), ..base.clone() }), InboundKind::Answer);
        assert_eq!(
            kind(Signals { auto_submitted: Some("auto-replied; owner-email=x"), ..base.clone() }),
            InboundKind::AutoReply
        );
        assert_eq!(kind(Signals { auto_submitted: Some("auto-generated"), ..base.clone() }), InboundKind::AutoReply);
        assert_eq!(kind(Signals { autoreply_header: true, ..base.clone() }), InboundKind::AutoReply);
        assert_eq!(kind(Signals { precedence: Some(" Bulk "), ..base.clone() }), InboundKind::AutoReply);
        assert_eq!(kind(Signals { precedence: Some("auto_reply"), ..base.clone() }), InboundKind::AutoReply);
        assert_eq!(kind(Signals { precedence: Some("first-class"), ..base.clone() }), InboundKind::Answer);
        for subject in ["Out of Office: back on Monday", "Automatic reply: Re: hello", "Respuesta automática: Re: hola"]
        {
            assert_eq!(kind(Signals { subject, ..base.clone() }), InboundKind::AutoReply, "{subject}");
        }
        assert_eq!(kind(Signals { subject: "Re: out of office hours support?", ..base.clone() }), InboundKind::Answer);
        assert_eq!(kind(Signals { from: "MAILER-DAEMON@mx.example.org", ..base.clone() }), InboundKind::AutoReply);
        assert_eq!(kind(Signals { report: true, ..base }), InboundKind::Bounce);
    }

    #[test]
    fn a_file_name_cannot_leave_its_folder_or_hide_its_type() {
        assert_eq!(safe_file_name("report\u{202e}fdp.exe"), "report_fdp.exe");
        assert_eq!(safe_file_name(".htaccess"), "htaccess");
        assert_eq!(safe_file_name("C:\\Users\\x.doc"), "C__Users_x.doc");
        assert_eq!(safe_file_name(&"a".repeat(300)).chars().count(), 100);
        assert_eq!(safe_file_name("résumé ñ.pdf"), "résumé ñ.pdf");
    }
}
