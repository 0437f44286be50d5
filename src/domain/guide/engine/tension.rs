//! Tensions: answers that pull in opposite directions, said plainly with the answers on each
//! side, instead of left to cancel out in the scores.

use crate::domain::guide::answers::{describe, Value};
use crate::domain::guide::questions::QUESTIONS;
use crate::domain::guide::recommendation::{Execution, Organisation, Warning};
use crate::domain::guide::situation::Situation;
use crate::domain::message::{Message, MessageArg};

use crate::domain::guide::engine::model::{display_value, Model, When};

/// The model's tensions that apply to these answers and this recommendation, in model order.
/// `given` holds the warnings found so far, for the tensions' `unless`.
pub fn tensions(
    model: &Model,
    situation: &Situation,
    organisation: Organisation,
    execution: Execution,
    given: &[Warning],
) -> Vec<Warning> {
    let mut found: Vec<Warning> = Vec::new();
    for t in &model.tensions {
        let said = |code: &String| given.iter().chain(found.iter()).any(|w| &w.code == code);
        if (!t.organisation.is_empty() && !t.organisation.contains(&organisation))
            || (!t.execution.is_empty() && !t.execution.contains(&execution))
            || t.unless.iter().any(said)
            || !t.requires.iter().all(|w| w.holds(situation))
        {
            continue;
        }
        let holding = |list: &[When]| list.iter().filter(|w| w.holds(situation)).cloned().collect::<Vec<_>>();
        let wants = holding(&t.wants);
        let against = holding(&t.against);
        if (!t.wants.is_empty() && wants.is_empty()) || (!t.against.is_empty() && against.is_empty()) {
            continue;
        }
        let wants: Vec<When> = t.requires.iter().cloned().chain(wants).collect();
        let mut answers: Vec<String> = Vec::new();
        for w in wants.iter().chain(against.iter()) {
            if !answers.iter().any(|a| a == w.question_id()) {
                answers.push(w.question_id().to_string());
            }
        }
        let message = Message::key(format!("tension-{}", t.code))
            .with("wants", quote(situation, &wants))
            .with("against", quote(situation, &against));
        found.push(Warning { code: t.code.clone(), message, answers });
    }
    found
}

/// The answers behind some conditions, for a sentence: "teams: 1 (assumed); who runs
/// production: the developers, by hand".
pub fn quote(situation: &Situation, conditions: &[When]) -> MessageArg {
    let mut seen: Vec<usize> = Vec::new();
    let mut parts = Vec::new();
    for w in conditions {
        if seen.contains(&w.question) {
            continue;
        }
        seen.push(w.question);
        let q = &QUESTIONS[w.question];
        let value = match situation.at(w.question) {
            Value::Choice(_) => display_value(situation, w.question),
            other => describe(q, other).into(),
        };
        let key = if situation.defaulted.contains(q.id) { "quoted-answer-assumed" } else { "quoted-answer" };
        parts.push(Message::key(key).with("topic", q.topic()).with("value", value));
    }
    MessageArg::Parts { parts }
}

#[cfg(test)]
#[path = "tension_tests.rs"]
mod tests;
