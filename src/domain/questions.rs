//! The question set (v1): ids, texts, help, inputs, ranges, defaults, and when each applies.
//!
//! Ids and values are the API contract (see PRODUCT.md); the order here is the order the guide
//! asks them, grouped into steps of one screen each.

use serde::Serialize;

/// One question of the guide.
#[derive(Debug, Serialize)]
pub struct Question {
    pub id: &'static str,
    /// A few words naming what it asks, for sentences that quote answers ("teams: 1").
    pub topic: &'static str,
    /// The step (screen) the guide shows it on, counted from 1.
    pub step: usize,
    pub text: &'static str,
    pub help: &'static str,
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
    Choice { options: &'static [Opt] },
    Integer { min: f64, max: f64, unit: &'static str, presets: &'static [Preset] },
    Number { min: f64, max: f64, unit: &'static str, presets: &'static [Preset] },
    Boolean { yes: &'static str, no: &'static str },
}

/// One value of a choice question.
#[derive(Debug, Serialize)]
pub struct Opt {
    pub value: &'static str,
    pub label: &'static str,
    pub help: &'static str,
}

/// A ready-made value for a numeric question (a bucket the visitor can pick instead of typing).
#[derive(Debug, Serialize)]
pub struct Preset {
    pub value: f64,
    pub label: &'static str,
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
    /// The label people see for a choice value.
    pub fn option_label(&self, value: &str) -> Option<&'static str> {
        match &self.input {
            Input::Choice { options } => options.iter().find(|o| o.value == value).map(|o| o.label),
            _ => None,
        }
    }
}
