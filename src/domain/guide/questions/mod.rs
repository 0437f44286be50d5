//! The question set (v1): ids, inputs, ranges, defaults, and when each applies.
//!
//! Ids and values are the API contract (see PRODUCT.md); the order here is the order the guide
//! asks them, grouped into steps of one screen each. The words (each question's text, help,
//! topic, unit and option labels) are messages of the translation files, named by `Question`'s
//! methods below.

use serde::Serialize;

use crate::domain::message::Message;

/// One question of the guide.
#[derive(Debug, Serialize)]
pub struct Question {
    pub id: &'static str,
    /// The step (screen) the guide shows it on, counted from 1.
    pub step: usize,
    pub input: Input,
    /// The value assumed when the question is not answered (see `DefaultValue::Depends` for the ones that
    /// depend on other answers).
    pub default: DefaultValue,
    /// The question is asked only when this holds; otherwise its default applies silently.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub applies_when: Option<Condition>,
}

/// How a question is answered.
#[derive(Debug, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Input {
    Choice {
        options: &'static [Opt],
    },
    /// `presets` are ready-made values (a bucket the visitor can pick instead of typing).
    Integer {
        min: f64,
        max: f64,
        presets: &'static [f64],
    },
    Number {
        min: f64,
        max: f64,
        presets: &'static [f64],
    },
    Boolean {},
}

/// One value of a choice question.
#[derive(Debug, Serialize)]
pub struct Opt {
    pub value: &'static str,
}

/// A default value; some depend on another answer.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum DefaultValue {
    Text(&'static str),
    Number(f64),
    Bool(bool),
    /// The value depends on the answer to `question`: `(answer, default)` pairs.
    Depends {
        question: &'static str,
        cases: &'static [(&'static str, f64)],
    },
}

/// When a question applies.
#[derive(Debug, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Condition {
    /// The answer to `question` is one of `values`.
    OneOf { question: &'static str, values: &'static [&'static str] },
    /// The answer to `question` is at least `min`.
    AtLeast { question: &'static str, min: f64 },
}

mod table;
pub use table::{QUESTIONS, STEPS};

/// The question with this id.
pub fn question(id: &str) -> Option<&'static Question> {
    QUESTIONS.iter().find(|q| q.id == id)
}

/// The position of a question in `QUESTIONS`.
pub fn question_index(id: &str) -> Option<usize> {
    QUESTIONS.iter().position(|q| q.id == id)
}

/// The questions of one step, in order.
pub fn questions_in_step(step: usize) -> impl Iterator<Item = &'static Question> {
    QUESTIONS.iter().filter(move |q| q.step == step)
}

impl Question {
    /// The message that asks it.
    pub fn text(&self) -> Message {
        Message::key(format!("q-{}", self.id))
    }

    /// The message that explains why it is asked.
    pub fn help(&self) -> Message {
        Message::key(format!("q-{}-help", self.id))
    }

    /// A few words naming what it asks, for sentences that quote answers ("teams: 1").
    pub fn topic(&self) -> Message {
        Message::key(format!("q-{}-topic", self.id))
    }

    /// What a numeric answer counts, shown beside its box ("engineers", "MB").
    pub fn unit(&self) -> Message {
        Message::key(format!("q-{}-unit", self.id))
    }

    /// A numeric answer with its unit ("200 milliseconds").
    pub fn amount(&self, value: f64) -> Message {
        Message::key(format!("q-{}-amount", self.id)).with("value", value)
    }

    /// The label of a choice value (`true` and `false` for yes/no questions); `None` for a
    /// value the question does not have.
    pub fn option_label(&self, value: &str) -> Option<Message> {
        let known = match &self.input {
            Input::Choice { options } => options.iter().any(|o| o.value == value),
            Input::Boolean {} => value == "true" || value == "false",
            _ => false,
        };
        known.then(|| Message::key(format!("q-{}-{value}", self.id)))
    }

    /// What a choice value means, under its label.
    pub fn option_help(&self, value: &str) -> Message {
        Message::key(format!("q-{}-{value}-help", self.id))
    }

    /// The label of a numeric question's ready-made value, by its position from 0.
    pub fn preset_label(&self, position: usize) -> Message {
        Message::key(format!("q-{}-preset-{}", self.id, position + 1))
    }

    /// Every message this question needs, in every language.
    pub fn messages(&self) -> Vec<String> {
        let mut keys = vec![format!("q-{}", self.id), format!("q-{}-help", self.id), format!("q-{}-topic", self.id)];
        match &self.input {
            Input::Choice { options } => {
                for o in options.iter() {
                    keys.push(format!("q-{}-{}", self.id, o.value));
                    keys.push(format!("q-{}-{}-help", self.id, o.value));
                }
            }
            Input::Boolean {} => keys.extend(["true", "false"].map(|v| format!("q-{}-{v}", self.id))),
            Input::Integer { presets, .. } | Input::Number { presets, .. } => {
                keys.push(format!("q-{}-unit", self.id));
                keys.push(format!("q-{}-amount", self.id));
                keys.extend((1..=presets.len()).map(|i| format!("q-{}-preset-{i}", self.id)));
            }
        }
        keys
    }
}

/// The title of a step (counted from 1).
pub fn step_title(step: usize) -> Message {
    Message::key(format!("step-{step}"))
}
