//! A visitor's answers: parsed from raw input at the edge, with one error per faulty field,
//! then completed with defaults into a `Situation` the engine can read without checks.

use std::collections::BTreeMap;

use crate::domain::field_error::FieldError;
use crate::domain::guide::questions::{question, Input, Question, QUESTIONS};
use crate::domain::message::Message;

/// One valid answer.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Value {
    Choice(&'static str),
    Number(f64),
    Bool(bool),
}

impl Value {
    pub fn as_number(self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(n),
            _ => None,
        }
    }

    pub fn as_choice(self) -> Option<&'static str> {
        match self {
            Value::Choice(c) => Some(c),
            Value::Bool(b) => Some(if b { "true" } else { "false" }),
            _ => None,
        }
    }

    fn to_json(self) -> serde_json::Value {
        match self {
            Value::Choice(c) => c.into(),
            Value::Number(n) if n.fract() == 0.0 && n.abs() < 9e15 => (n as i64).into(),
            Value::Number(n) => n.into(),
            Value::Bool(b) => b.into(),
        }
    }
}

/// An answer as it arrived, before validation.
#[derive(Clone, Debug, PartialEq)]
pub enum RawValue {
    Text(String),
    Number(f64),
    Bool(bool),
    /// An empty form field: the same as no answer.
    Missing,
    /// Anything else (arrays, objects), named for the error message (`kind-{name}`).
    Other(&'static str),
}

impl From<&serde_json::Value> for RawValue {
    fn from(value: &serde_json::Value) -> Self {
        match value {
            serde_json::Value::Null => RawValue::Other("null"),
            serde_json::Value::Bool(b) => RawValue::Bool(*b),
            serde_json::Value::Number(n) => n.as_f64().map(RawValue::Number).unwrap_or(RawValue::Other("huge_number")),
            serde_json::Value::String(s) => RawValue::Text(s.clone()),
            serde_json::Value::Array(_) => RawValue::Other("list"),
            serde_json::Value::Object(_) => RawValue::Other("object"),
        }
    }
}

/// The answers a visitor gave, every one valid. Questions not answered are absent.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Answers {
    given: BTreeMap<&'static str, Value>,
}

impl Answers {
    /// Parses a JSON object (the API): unknown ids, wrong types (`null` too: a question not
    /// answered is left out) and out-of-range values are errors.
    pub fn from_json(object: &serde_json::Map<String, serde_json::Value>) -> Result<Self, Vec<FieldError>> {
        Self::parse(object.iter().map(|(k, v)| (k.as_str(), RawValue::from(v))), false)
    }

    /// Parses form fields (the guide's pages): every value arrives as text, empty means "not
    /// answered", and fields that are not questions are ignored (pages carry their own).
    pub fn from_form<'a>(fields: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Self, Vec<FieldError>> {
        let known = fields
            .into_iter()
            .filter(|(k, _)| question(k).is_some())
            .map(|(k, v)| (k, if v.trim().is_empty() { RawValue::Missing } else { RawValue::Text(v.to_string()) }));
        Self::parse(known, true)
    }

    fn parse<'a>(
        fields: impl IntoIterator<Item = (&'a str, RawValue)>,
        lenient: bool,
    ) -> Result<Self, Vec<FieldError>> {
        let mut answers = Answers::default();
        let mut errors = Vec::new();
        for (id, raw) in fields {
            let Some(q) = question(id) else {
                errors.push(FieldError::new(id, Message::key("answer-unknown-question")));
                continue;
            };
            if raw == RawValue::Missing {
                continue;
            }
            if raw == RawValue::Other("null") {
                errors.push(FieldError::new(id, Message::key("answer-null")));
                continue;
            }
            match parse_value(q, raw, lenient) {
                Ok(value) => {
                    answers.given.insert(q.id, value);
                }
                Err(message) => errors.push(FieldError::new(id, message)),
            }
        }
        if let (Some(Value::Number(teams)), Some(Value::Number(engineers))) =
            (answers.given.get("teams"), answers.given.get("engineers"))
        {
            if teams > engineers {
                errors.push(FieldError::new(
                    "teams",
                    Message::key("answer-teams-over-engineers").with("engineers", *engineers),
                ));
            }
        }
        if errors.is_empty() {
            Ok(answers)
        } else {
            errors.sort_by_key(|e| QUESTIONS.iter().position(|q| q.id == e.field).unwrap_or(usize::MAX));
            Err(errors)
        }
    }

    /// The answer to `id`, if given.
    pub fn get(&self, id: &str) -> Option<Value> {
        self.given.get(id).copied()
    }

    /// How many questions were answered.
    pub fn len(&self) -> usize {
        self.given.len()
    }

    pub fn is_empty(&self) -> bool {
        self.given.is_empty()
    }

    /// A copy with one answer set (used to ask "what if").
    pub fn with(&self, id: &'static str, value: Value) -> Self {
        let mut copy = self.clone();
        copy.given.insert(id, value);
        copy
    }

    /// The answers as a JSON object, the form the API takes and results are stored in.
    pub fn to_json(&self) -> serde_json::Map<String, serde_json::Value> {
        self.given.iter().map(|(k, v)| (k.to_string(), v.to_json())).collect()
    }

    /// The answers as text pairs, for URLs and hidden form fields.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        QUESTIONS.iter().filter_map(|q| self.given.get(q.id).map(|v| (q.id, display_plain(*v)))).collect()
    }
}

fn display_plain(value: Value) -> String {
    match value {
        Value::Choice(c) => c.to_string(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
    }
}

fn parse_value(q: &Question, raw: RawValue, lenient: bool) -> Result<Value, Message> {
    match &q.input {
        Input::Choice { options } => {
            let allowed = options.iter().map(|o| o.value).collect::<Vec<_>>().join(", ");
            match raw {
                RawValue::Text(text) => options
                    .iter()
                    .find(|o| o.value == text.trim())
                    .map(|o| Value::Choice(o.value))
                    .ok_or_else(|| Message::key("answer-one-of").with("allowed", allowed)),
                other => Err(Message::key("answer-text-one-of").with("allowed", allowed).with("got", kind(&other))),
            }
        }
        Input::Boolean {} => match raw {
            RawValue::Bool(b) => Ok(Value::Bool(b)),
            RawValue::Text(t) if lenient => match t.trim() {
                "true" | "yes" | "on" => Ok(Value::Bool(true)),
                "false" | "no" | "off" => Ok(Value::Bool(false)),
                _ => Err(Message::key("answer-yes-no")),
            },
            other => Err(Message::key("answer-boolean").with("got", kind(&other))),
        },
        Input::Integer { min, max, .. } | Input::Number { min, max, .. } => {
            let integer = matches!(q.input, Input::Integer { .. });
            let number = match raw {
                RawValue::Number(n) => n,
                RawValue::Text(t) if lenient => {
                    t.trim().replace(['_', ','], "").parse::<f64>().map_err(|_| Message::key("answer-number"))?
                }
                other => return Err(Message::key("answer-number-got").with("got", kind(&other))),
            };
            let range = if integer { "answer-range-integer" } else { "answer-range-number" };
            if !number.is_finite() || number < *min || number > *max || (integer && number.fract() != 0.0) {
                return Err(Message::key(range).with("min", *min).with("max", *max));
            }
            Ok(Value::Number(number))
        }
    }
}

/// What was sent instead of an answer, as words (`kind-text`, `kind-list`, ...).
fn kind(raw: &RawValue) -> Message {
    let name = match raw {
        RawValue::Text(_) => "text",
        RawValue::Number(_) => "number",
        RawValue::Bool(_) => "boolean",
        RawValue::Missing => "nothing",
        RawValue::Other(what) => what,
    };
    Message::key(format!("kind-{name}"))
}

/// An answer in words for people: a choice by its label, a number with its unit, yes or no.
pub fn describe(q: &Question, value: Value) -> Message {
    match value {
        Value::Choice(c) => q.option_label(c).unwrap_or_else(|| Message::from(c)),
        Value::Number(n) => q.amount(n),
        Value::Bool(b) => Message::key(if b { "answer-yes" } else { "answer-no" }),
    }
}

/// A number written for people: no trailing `.0`, thousands grouped.
pub fn plain_number(n: f64) -> String {
    if n.fract() != 0.0 || n.abs() >= 1e15 {
        return format!("{n}");
    }
    let digits = format!("{}", n.abs() as u64);
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    if n < 0.0 {
        format!("-{grouped}")
    } else {
        grouped
    }
}

#[cfg(test)]
mod tests;

/// Properties of answer parsing over arbitrary JSON: it never panics, an accepted answer set
/// holds only known questions, and every problem names a field that was sent.
#[cfg(test)]
mod properties {
    use proptest::prelude::*;
    use serde_json::{json, Map, Value};

    use super::*;
    use crate::domain::guide::questions::QUESTIONS;

    fn key() -> impl Strategy<Value = String> {
        prop_oneof![
            proptest::sample::select(QUESTIONS.iter().map(|q| q.id.to_string()).collect::<Vec<_>>()),
            "[a-z_]{1,12}",
            ".{0,8}",
        ]
    }

    fn value() -> impl Strategy<Value = Value> {
        let option = proptest::sample::select(
            QUESTIONS
                .iter()
                .flat_map(|q| match &q.input {
                    crate::domain::guide::questions::Input::Choice { options } => {
                        options.iter().map(|o| o.value).collect()
                    }
                    _ => Vec::new(),
                })
                .collect::<Vec<_>>(),
        );
        prop_oneof![
            option.prop_map(|v| json!(v)),
            any::<bool>().prop_map(|b| json!(b)),
            any::<i64>().prop_map(|n| json!(n)),
            (0u64..100_000_000_000).prop_map(|n| json!(n)),
            any::<f64>().prop_map(|x| serde_json::Number::from_f64(x).map(Value::Number).unwrap_or(Value::Null)),
            ".{0,12}".prop_map(|s| json!(s)),
            Just(Value::Null),
            Just(json!([1, "two"])),
            Just(json!({"nested": true})),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3_000))]

        #[test]
        fn any_json_object_is_either_accepted_whole_or_refused_field_by_field(
            pairs in proptest::collection::vec((key(), value()), 0..12)
        ) {
            let object: Map<String, Value> = pairs.into_iter().collect();
            match Answers::from_json(&object) {
                Ok(answers) => {
                    for (id, _) in answers.to_pairs() {
                        prop_assert!(object.contains_key(id), "{id} was not sent");
                    }
                    prop_assert!(object.keys().all(|k| QUESTIONS.iter().any(|q| q.id == k)));
                }
                Err(errors) => {
                    prop_assert!(!errors.is_empty());
                    for error in errors {
                        prop_assert!(object.contains_key(&error.field), "{} was not sent", error.field);
                        prop_assert!(!error.message.outline().is_empty());
                    }
                }
            }
        }
    }
}
