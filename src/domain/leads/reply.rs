//! A reply to a lead, written in the inbox and sent by email: parsed so that nothing typed can
//! add a header, hide what it says, or grow without bound.

use serde::{Deserialize, Serialize};

use crate::domain::field_error::FieldError;
use crate::domain::text::clean_text;

/// A subject has at most this many characters.
pub const SUBJECT_MAX: usize = 200;
/// A reply's text has at most this many characters.
pub const BODY_MAX: usize = 20_000;

/// Characters that change the direction of the text around them or hide themselves: a subject
/// with them could read differently from what it is.
fn deceptive(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

/// A reply ready to send.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplyDraft {
    /// One line.
    pub subject: String,
    /// Plain text, lines separated by `\n`.
    pub body: String,
}

impl ReplyDraft {
    /// Parses the compose form; every faulty field gets its own message.
    ///
    /// ```
    /// use archguide::domain::leads::reply::ReplyDraft;
    /// assert!(ReplyDraft::parse("Re: hello\r\nBcc: x@evil.example", "Hi").is_err());
    /// assert_eq!(ReplyDraft::parse(" Re: hello ", "Hi,\r\nthanks").unwrap().body, "Hi,\nthanks");
    /// ```
    pub fn parse(subject: &str, body: &str) -> Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        let trimmed = subject.trim();
        if trimmed.is_empty() {
            errors.push(FieldError::new("subject", "Write a subject."));
        } else if trimmed.chars().any(|c| c == '\r' || c == '\n') {
            errors.push(FieldError::new("subject", "A subject is one line."));
        } else if trimmed.chars().any(|c| c.is_control() || deceptive(c)) {
            errors.push(FieldError::new("subject", "The subject holds invisible or direction-changing characters."));
        } else if trimmed.chars().count() > SUBJECT_MAX {
            errors.push(FieldError::new("subject", format!("A subject has at most {SUBJECT_MAX} characters.")));
        }
        // Direction overrides and invisible marks are dropped from the text, where they have no
        // honest use in a plain-text email.
        let body: String = clean_text(body).chars().filter(|c| !deceptive(*c)).collect();
        let chars = body.chars().count();
        if chars == 0 {
            errors.push(FieldError::new("body", "Write the reply."));
        } else if chars > BODY_MAX {
            errors.push(FieldError::new(
                "body",
                format!("A reply has at most {BODY_MAX} characters (this one has {chars})."),
            ));
        }
        if errors.is_empty() {
            Ok(ReplyDraft { subject: trimmed.to_string(), body })
        } else {
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(result: Result<ReplyDraft, Vec<FieldError>>) -> Vec<String> {
        result.unwrap_err().into_iter().map(|e| e.field).collect()
    }

    #[test]
    fn a_subject_cannot_carry_a_header_or_hide_what_it_says() {
        for hostile in ["Hi\r\nBcc: all@example.com", "Hi\nthere", "Hi\u{202e}moc.live", "Hi\u{200b}", "Hi\u{7}", ""] {
            assert_eq!(fields(ReplyDraft::parse(hostile, "text")), ["subject"], "{hostile:?}");
        }
        assert_eq!(fields(ReplyDraft::parse(&"x".repeat(SUBJECT_MAX + 1), "text")), ["subject"]);
        assert!(ReplyDraft::parse(&"é".repeat(SUBJECT_MAX), "text").is_ok(), "characters, not bytes");
        assert!(ReplyDraft::parse("Ré: Zoë's question — 50% faster?", "text").is_ok());
    }

    #[test]
    fn the_text_is_plain_bounded_and_loses_direction_tricks() {
        let draft = ReplyDraft::parse("Re", "Hello\u{202e} there\u{0}\r\n\tBye").unwrap();
        assert_eq!(draft.body, "Hello there\n\tBye");
        assert_eq!(fields(ReplyDraft::parse("Re", " \r\n ")), ["body"]);
        assert_eq!(fields(ReplyDraft::parse("Re", &"x".repeat(BODY_MAX + 1))), ["body"]);
        assert_eq!(fields(ReplyDraft::parse("", "")), ["subject", "body"]);
    }
}
