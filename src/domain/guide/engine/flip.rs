//! "What would change it": the single answer change that flips the organisation choice.

use crate::domain::guide::answers::Value;
use crate::domain::guide::questions::{Input, QUESTIONS};
use crate::domain::guide::recommendation::{Flip, Organisation};
use crate::domain::guide::situation::Situation;

use super::Engine;
use crate::domain::guide::engine::model::Model;

/// The nearest single change (an adjacent option or the nearest preset number) to an answer
/// the organisation depends on that gives a different choice; `None` if no single change does.
pub fn find(model: &Model, situation: &Situation, current: Organisation) -> Option<Flip> {
    let mut best: Option<(usize, Flip)> = None;
    for question in model.organisation_questions() {
        for (distance, value) in alternatives(situation, question).into_iter().enumerate() {
            if best.as_ref().is_some_and(|(d, _)| *d <= distance) {
                break;
            }
            let what_if = situation.with(question, value);
            if !consistent(&what_if) {
                continue;
            }
            let choice = Engine::organisation_choice(model, &what_if);
            if choice != current {
                let to = match value {
                    Value::Choice(c) => c.to_string(),
                    Value::Number(n) => n.to_string(),
                    Value::Bool(b) => b.to_string(),
                };
                best = Some((distance, Flip { question: QUESTIONS[question].id.into(), to, organisation: choice }));
                break;
            }
        }
    }
    best.map(|(_, flip)| flip)
}

/// Other values for a question, nearest first.
fn alternatives(situation: &Situation, question: usize) -> Vec<Value> {
    let current = situation.at(question);
    match (&QUESTIONS[question].input, current) {
        (Input::Choice { options }, Value::Choice(now)) => {
            let at = options.iter().position(|o| o.value == now).unwrap_or(0) as isize;
            let mut others: Vec<(isize, usize, &'static str)> = options
                .iter()
                .enumerate()
                .filter(|(_, o)| o.value != now)
                .map(|(i, o)| ((i as isize - at).abs(), i, o.value))
                .collect();
            others.sort();
            others.into_iter().map(|(_, _, v)| Value::Choice(v)).collect()
        }
        (Input::Boolean { .. }, Value::Bool(b)) => vec![Value::Bool(!b)],
        (Input::Integer { presets, .. } | Input::Number { presets, .. }, Value::Number(now)) => {
            let mut others: Vec<(f64, f64)> =
                presets.iter().filter(|p| **p != now).map(|p| ((p.ln() - now.max(1e-9).ln()).abs(), *p)).collect();
            others.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
            others.into_iter().map(|(_, v)| Value::Number(v)).collect()
        }
        _ => Vec::new(),
    }
}

/// A what-if must still be a possible answer set: no more teams than engineers.
fn consistent(situation: &Situation) -> bool {
    situation.number("teams") <= situation.number("engineers")
}
