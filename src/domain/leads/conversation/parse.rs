//! Reading a raw message from the shared mailbox into an `InboundMail`, with the maintained
//! `mail-parser` crate (charsets, encoded words, multipart, HTML to text), inside limits: the
//! raw size, the depth of nested parts, the length of the text, the size of each attachment.
//! Built with the `mail` feature (the server has it; the fuzz target reads through here too).

use mail_parser::{Address, HeaderValue, Message, MessageParser, MimeHeaders, PartType};

use super::bounce::{failures, Bounce};
use super::{safe_file_name, Attachment, InboundKind, InboundMail, Signals};
use crate::domain::text::clean_text;

/// What a message may hold before parts of it are left out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Larger messages are not parsed at all (`too_large`).
    pub raw_bytes: usize,
    /// Larger attachments are listed but not kept.
    pub attachment_bytes: usize,
    /// Deeper nesting of parts is not read past.
    pub depth: usize,
    /// The text is cut after this many characters.
    pub text_chars: usize,
    /// At most this many attachments are listed.
    pub attachments: usize,
}

impl Limits {
    /// The limits for attachments of at most `attachment_bytes` each.
    pub fn with_attachments_up_to(attachment_bytes: usize) -> Self {
        Limits {
            raw_bytes: attachment_bytes.saturating_mul(4).max(25 * 1024 * 1024),
            attachment_bytes,
            depth: 12,
            text_chars: 100_000,
            attachments: 50,
        }
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits::with_attachments_up_to(10 * 1024 * 1024)
    }
}

/// The longest subject kept, in characters.
const SUBJECT_MAX: usize = 300;

/// Reads a raw message. Never fails: what cannot be read is said in `notes` (a message with no
/// headers at all still becomes a message from nobody, so that nothing is dropped silently).
pub fn read(raw: &[u8], limits: &Limits) -> InboundMail {
    if raw.len() > limits.raw_bytes {
        return too_large(raw, limits);
    }
    // The parser is trusted to read, not to never fail on a crafted message: a panic in it (a
    // debug build's assertion, say) leaves the message to be read for its headers alone.
    let parsed = std::panic::catch_unwind(|| MessageParser::default().parse(raw));
    let Ok(parsed) = parsed else {
        let mut mail = read_too_large(raw, raw.len(), limits);
        mail.notes =
            vec!["Its MIME structure could not be read: only its headers are shown, and it stays in the mailbox."
                .to_string()];
        mail.whole = false;
        return mail;
    };
    let Some(message) = parsed else {
        return InboundMail {
            message_id: None,
            refers_to: Vec::new(),
            recipients: Vec::new(),
            from: String::new(),
            from_name: None,
            subject: String::new(),
            text: String::new(),
            kind: InboundKind::Answer,
            bounce: None,
            attachments: Vec::new(),
            notes: vec!["The message could not be read as email: it has no headers.".to_string()],
            whole: true,
        };
    };
    let mut notes = Vec::new();
    let depth = depth_of(&message, 0, 0);
    let too_deep = depth > limits.depth;
    if too_deep {
        notes.push(format!(
            "Its parts are nested {depth} deep, more than the {} the inbox reads: only its headers are shown.",
            limits.depth
        ));
    }
    let mut mail = headers_of(&message);
    // What was not read stays in the mailbox, where staff can read it.
    mail.whole = !too_deep;
    if !too_deep {
        let text = message.body_text(0).map(|t| clean_text(&t)).unwrap_or_default();
        let chars = text.chars().count();
        mail.text = if chars > limits.text_chars {
            notes.push(format!("The text was cut at {} characters (it had {chars}).", limits.text_chars));
            text.chars().take(limits.text_chars).collect()
        } else {
            text
        };
        mail.attachments = attachments_of(&message, limits, &mut notes);
        if mail.kind == InboundKind::Bounce {
            mail.bounce = Some(bounce_of(&message));
        }
    }
    mail.notes = notes;
    mail
}

/// A message larger than the limit: its headers alone are read, and it says why.
fn too_large(raw: &[u8], limits: &Limits) -> InboundMail {
    // The headers end with the first blank line; they are read alone.
    let end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|at| at + 4)
        .or_else(|| raw.windows(2).position(|w| w == b"\n\n").map(|at| at + 2));
    read_too_large(&raw[..end.unwrap_or(raw.len())], raw.len(), limits)
}

/// A message of `size` bytes, larger than the limit, of which only its headers `head` were
/// fetched: they are read, and it says why the rest is not.
pub fn read_too_large(head: &[u8], size: usize, limits: &Limits) -> InboundMail {
    let head = &head[..head.len().min(256 * 1024)];
    let headers = std::panic::catch_unwind(|| MessageParser::default().parse_headers(head).map(|m| headers_of(&m)));
    let mut mail = match headers {
        Ok(Some(mail)) => mail,
        _ => read(b"", limits),
    };
    mail.whole = false;
    mail.notes.retain(|n| !n.contains("no headers"));
    mail.notes.push(format!(
        "The message is {size} bytes, more than the {} the inbox keeps: only its headers are shown, and it stays in the mailbox.",
        limits.raw_bytes
    ));
    mail
}

/// How deep the message's parts nest.
fn depth_of(message: &Message<'_>, part: u32, level: usize) -> usize {
    // A part refers only to parts after it, so a cycle cannot occur; the level bounds the walk.
    if level > 64 {
        return level;
    }
    match message.parts.get(part as usize).map(|p| &p.body) {
        Some(PartType::Multipart(children)) => {
            children.iter().filter(|c| **c > part).map(|c| depth_of(message, *c, level + 1)).max().unwrap_or(level + 1)
        }
        Some(PartType::Message(inner)) => depth_of(inner, 0, level + 1),
        _ => level,
    }
}

/// Everything the headers say.
fn headers_of(message: &Message<'_>) -> InboundMail {
    let from = message.from().and_then(Address::first);
    let from_address = from.and_then(|a| a.address()).map(|a| plain(a, 254)).unwrap_or_default();
    let subject: String = message.subject().map(|s| s.replace(['\r', '\n'], " ")).unwrap_or_default();
    let subject: String = subject.chars().filter(|c| !c.is_control()).take(SUBJECT_MAX).collect();
    let raw = |name: &'static str| message.header_raw(name).map(str::trim).filter(|v| !v.is_empty());
    let report = message.content_type().is_some_and(|t| {
        t.ctype().eq_ignore_ascii_case("multipart")
            && t.subtype().is_some_and(|s| s.eq_ignore_ascii_case("report"))
            && t.attribute("report-type").is_some_and(|r| r.eq_ignore_ascii_case("delivery-status"))
    });
    let signals = Signals {
        auto_submitted: raw("Auto-Submitted"),
        autoreply_header: raw("X-Autoreply").is_some() || raw("X-Autorespond").is_some(),
        precedence: raw("Precedence"),
        from: &from_address,
        subject: &subject,
        report,
    };
    let kind = InboundKind::of(&signals);
    let mut refers_to = ids(message.in_reply_to());
    let mut references = ids(message.references());
    references.reverse();
    refers_to.extend(references);
    refers_to.dedup();
    let mut recipients: Vec<String> = message
        .to()
        .into_iter()
        .chain(message.cc())
        .flat_map(|a| a.iter())
        .filter_map(|a| a.address())
        .map(|a| plain(a, 254))
        .collect();
    for (name, value) in message.headers_raw() {
        if name.eq_ignore_ascii_case("Delivered-To") || name.eq_ignore_ascii_case("X-Original-To") {
            recipients.push(plain(value.trim().trim_start_matches('<').trim_end_matches('>'), 254));
        }
    }
    recipients.retain(|r| !r.is_empty());
    InboundMail {
        message_id: message.message_id().map(|id| plain(id, 250)).filter(|id| !id.is_empty()),
        refers_to: refers_to.into_iter().take(50).collect(),
        recipients: recipients.into_iter().take(100).collect(),
        from_name: from
            .and_then(|a| a.name())
            .map(|n| n.chars().filter(|c| !c.is_control()).take(200).collect::<String>())
            .filter(|n| !n.trim().is_empty()),
        from: from_address,
        subject,
        text: String::new(),
        kind,
        bounce: None,
        attachments: Vec::new(),
        notes: Vec::new(),
        whole: true,
    }
}

/// The message ids a header lists, without their brackets.
fn ids(value: &HeaderValue<'_>) -> Vec<String> {
    let list = match value {
        HeaderValue::Text(id) => vec![id.to_string()],
        HeaderValue::TextList(ids) => ids.iter().map(|id| id.to_string()).collect(),
        _ => Vec::new(),
    };
    list.into_iter().filter(|id| id.len() <= 250).map(|id| plain(&id, 250)).filter(|id| !id.is_empty()).collect()
}

/// A header's value as stored: trimmed, without control characters (a NUL is no text to
/// either database), at most `max` characters.
fn plain(value: &str, max: usize) -> String {
    value.trim().chars().filter(|c| !c.is_control()).take(max).collect()
}

/// The files that came with the message: each listed with its name and size, and kept up to
/// the size limit. The parts of a delivery report and an inline image of an HTML body are not
/// the person's files and are not listed.
fn attachments_of(message: &Message<'_>, limits: &Limits, notes: &mut Vec<String>) -> Vec<Attachment> {
    let mut files = Vec::new();
    let mut skipped = 0;
    for part in message.attachments() {
        let content_type = part
            .content_type()
            .map(|t| format!("{}/{}", t.ctype(), t.subtype().unwrap_or("octet-stream")).to_lowercase())
            .unwrap_or_else(|| "application/octet-stream".to_string());
        if content_type == "message/delivery-status" || content_type == "text/rfc822-headers" {
            continue;
        }
        let (name, bytes): (String, &[u8]) = match &part.body {
            PartType::Message(inner) => (format!("{}.eml", inner.subject().unwrap_or("message")), inner.raw_message()),
            _ => (part.attachment_name().unwrap_or("attachment").to_string(), part.contents()),
        };
        if files.len() >= limits.attachments {
            skipped += 1;
            continue;
        }
        let size = bytes.len() as u64;
        if bytes.len() > limits.attachment_bytes {
            notes.push(format!(
                "{} ({size} bytes) is larger than the {} bytes the inbox keeps: it is listed, not kept.",
                safe_file_name(&name),
                limits.attachment_bytes
            ));
        }
        files.push(Attachment {
            name: safe_file_name(&name),
            content_type: content_type.chars().filter(|c| c.is_ascii_graphic()).take(100).collect(),
            size,
            content: (bytes.len() <= limits.attachment_bytes).then(|| bytes.to_vec()),
        });
    }
    if skipped > 0 {
        notes.push(format!("{skipped} more attachments were not kept (at most {} are).", limits.attachments));
    }
    files
}

/// What a delivery report says failed, and which message of ours it returns.
fn bounce_of(message: &Message<'_>) -> Bounce {
    let mut failed = Vec::new();
    let mut reason = String::new();
    let mut original = None;
    for part in &message.parts {
        let Some(kind) = part.content_type() else { continue };
        let subtype = kind.subtype().unwrap_or("").to_ascii_lowercase();
        match (kind.ctype().to_ascii_lowercase().as_str(), subtype.as_str()) {
            ("message", "delivery-status") | ("message", "global-delivery-status") => {
                let (addresses, why) = failures(&String::from_utf8_lossy(part.contents()));
                if reason.is_empty() {
                    reason = why;
                }
                failed.extend(addresses);
            }
            ("message", "rfc822") | ("message", "global") => {
                if let PartType::Message(inner) = &part.body {
                    original = original.or_else(|| inner.message_id().map(|id| plain(id, 250)));
                }
            }
            ("text", "rfc822-headers") => {
                let headers = MessageParser::default().parse_headers(part.contents());
                original = original.or_else(|| headers.and_then(|h| h.message_id().map(|id| plain(id, 250))));
            }
            _ => {}
        }
    }
    failed.dedup();
    Bounce { failed, reason, original }
}

#[cfg(test)]
#[path = "parse_tests.rs"]
mod tests;
