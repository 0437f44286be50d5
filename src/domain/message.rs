//! Texts in no particular language: what the domain says to people (a reason, a warning, a
//! problem with an answer) as the id of a message in the translation files and its arguments.
//! The server writes them in the reader's language; the domain never needs to know which.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Something to tell a person.
///
/// Serialised, a keyed message is `{"key": …, "args": {…}}`; a plain one is its text, which is
/// also what every message becomes once written in a language (the API sends that).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Message {
    /// Already in words: written for one language (staff-only texts), or stored before texts
    /// had ids.
    Plain(String),
    /// A message of the translation files, by id, with its arguments.
    Keyed {
        key: String,
        #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
        args: BTreeMap<String, MessageArg>,
    },
}

/// One argument of a message.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum MessageArg {
    /// A number, written with the language's separators (at most two decimals).
    Number(f64),
    /// Words that are the same in every language: a product's name, a value typed in.
    Text(String),
    /// An amount of US dollars: `$1,234` in English, `1234 US$` in Spanish.
    Usd { usd: f64 },
    /// A number with every digit it has (a price per second), with the language's decimal sign.
    Exact { exact: f64 },
    /// Several messages as the language lists them: "a, b and c".
    List { list: Vec<Message> },
    /// Clauses of one statement, each complete: "a; b; c".
    Parts { parts: Vec<Message> },
    /// Another message, written first: an option's label, say.
    Message(Message),
    /// Another message inside a sentence: its first letter in lower case, unless its first word
    /// is an abbreviation ("Yes" becomes "yes", "AWS" stays).
    Lower { lower: Message },
}

impl Message {
    /// The message `key`, without arguments yet.
    pub fn key(key: impl Into<String>) -> Self {
        Message::Keyed { key: key.into(), args: BTreeMap::new() }
    }

    /// This message with one more argument.
    pub fn with(mut self, name: &str, arg: impl Into<MessageArg>) -> Self {
        if let Message::Keyed { args, .. } = &mut self {
            args.insert(name.to_string(), arg.into());
        }
        self
    }

    /// The id of a keyed message.
    pub fn key_name(&self) -> Option<&str> {
        match self {
            Message::Keyed { key, .. } => Some(key),
            Message::Plain(_) => None,
        }
    }

    /// Whether this message or any it names is already in words (so it cannot follow the
    /// reader's language).
    pub fn has_plain(&self) -> bool {
        match self {
            Message::Plain(_) => true,
            Message::Keyed { args, .. } => args.values().any(|arg| match arg {
                MessageArg::Message(message) | MessageArg::Lower { lower: message } => message.has_plain(),
                MessageArg::List { list } | MessageArg::Parts { parts: list } => list.iter().any(Message::has_plain),
                _ => false,
            }),
        }
    }

    /// The message in no language, for logs and tests: its id with its arguments in braces,
    /// `reason{cost: $12.5, option: execution-functions}`; plain text as it is.
    pub fn outline(&self) -> String {
        match self {
            Message::Plain(text) => text.clone(),
            Message::Keyed { key, args } if args.is_empty() => key.clone(),
            Message::Keyed { key, args } => {
                let args: Vec<String> = args.iter().map(|(name, arg)| format!("{name}: {}", arg.outline())).collect();
                format!("{key}{{{}}}", args.join(", "))
            }
        }
    }

    /// This message with every message in it written by `write` (keyed ones only).
    pub fn written(&self, write: &impl Fn(&Message) -> String) -> Message {
        match self {
            Message::Plain(_) => self.clone(),
            keyed => Message::Plain(write(keyed)),
        }
    }
}

impl MessageArg {
    fn outline(&self) -> String {
        let all = |list: &[Message]| list.iter().map(Message::outline).collect::<Vec<_>>().join(" | ");
        match self {
            MessageArg::Number(n) | MessageArg::Exact { exact: n } => format!("{n}"),
            MessageArg::Text(text) => text.clone(),
            MessageArg::Usd { usd } => format!("${usd}"),
            MessageArg::List { list } => format!("[{}]", all(list)),
            MessageArg::Parts { parts } => format!("[{}]", all(parts)),
            MessageArg::Message(message) | MessageArg::Lower { lower: message } => message.outline(),
        }
    }
}

impl From<&str> for Message {
    fn from(text: &str) -> Self {
        Message::Plain(text.to_string())
    }
}

impl From<String> for Message {
    fn from(text: String) -> Self {
        Message::Plain(text)
    }
}

impl From<f64> for MessageArg {
    fn from(n: f64) -> Self {
        MessageArg::Number(n)
    }
}

impl From<u64> for MessageArg {
    fn from(n: u64) -> Self {
        MessageArg::Number(n as f64)
    }
}

impl From<&str> for MessageArg {
    fn from(text: &str) -> Self {
        MessageArg::Text(text.to_string())
    }
}

impl From<String> for MessageArg {
    fn from(text: String) -> Self {
        MessageArg::Text(text)
    }
}

impl From<Message> for MessageArg {
    fn from(message: Message) -> Self {
        MessageArg::Message(message)
    }
}

impl From<Vec<Message>> for MessageArg {
    fn from(list: Vec<Message>) -> Self {
        MessageArg::List { list }
    }
}

/// `text` as it reads inside a sentence: the first letter in lower case, unless the first word
/// is an abbreviation.
///
/// ```
/// use archguide::domain::message::in_sentence;
/// assert_eq!(in_sentence("Yes, stable"), "yes, stable");
/// assert_eq!(in_sentence("AWS"), "AWS");
/// assert_eq!(in_sentence("Sí"), "sí");
/// ```
pub fn in_sentence(text: &str) -> String {
    let first_word = text.split_whitespace().next().unwrap_or("");
    if first_word.chars().filter(|c| c.is_uppercase()).count() > 1 {
        return text.to_string();
    }
    let mut chars = text.chars();
    chars.next().map(|first| first.to_lowercase().chain(chars).collect()).unwrap_or_default()
}

/// An amount of US dollars, as a message argument.
pub fn usd(amount: f64) -> MessageArg {
    MessageArg::Usd { usd: amount }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_keep_their_shape_through_json() {
        let message = Message::key("reason-cheapest")
            .with("volume", 2_600_000.0)
            .with("option", Message::key("execution-functions"))
            .with("cost", usd(12.5))
            .with("product", "AWS Lambda")
            .with("answers", vec![Message::key("q-teams-topic"), Message::from("legacy")]);
        let json = serde_json::to_value(&message).unwrap();
        assert_eq!(json["key"], "reason-cheapest");
        assert_eq!(json["args"]["cost"], serde_json::json!({"usd": 12.5}));
        assert_eq!(json["args"]["product"], "AWS Lambda");
        let back: Message = serde_json::from_value(json).unwrap();
        assert_eq!(back, message);
        assert!(back.has_plain(), "the list holds a plain text");
        assert!(!Message::key("a").with("b", Message::key("c")).has_plain());
    }

    #[test]
    fn an_outline_names_every_id_and_argument() {
        let message = Message::key("quoted-answer")
            .with("topic", Message::key("q-teams-topic"))
            .with("value", 1.0)
            .with("list", vec![Message::key("a"), Message::from("b")]);
        assert_eq!(message.outline(), "quoted-answer{list: [a | b], topic: q-teams-topic, value: 1}");
    }

    #[test]
    fn a_text_stored_before_texts_had_ids_reads_as_plain() {
        let old: Message = serde_json::from_str("\"At the idea stage the product will change shape\"").unwrap();
        assert_eq!(old, Message::Plain("At the idea stage the product will change shape".into()));
        assert_eq!(serde_json::to_string(&old).unwrap(), "\"At the idea stage the product will change shape\"");
    }
}
