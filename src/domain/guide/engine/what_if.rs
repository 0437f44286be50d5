//! "What would change the advice": for every question that applies to the visitor, the other
//! values that would give a different organisation or execution, each found by running the
//! engine again on the changed answers (defaults recomputed, as for any visitor).

use std::collections::BTreeMap;

use crate::domain::guide::answers::{Answers, Value};
use crate::domain::guide::questions::{Input, Question, QUESTIONS};
use crate::domain::guide::recommendation::{Execution, Organisation, WhatIf};
use crate::domain::guide::situation::Situation;

use super::{CostOptions, Engine};

/// Every changed answer that changes a choice. Choice and yes/no questions list each value that
/// does; numeric questions list, for each different outcome, the value nearest to the current
/// one among the guide's presets (and, for counts such as engineers and teams, the model's
/// thresholds: "9 engineers" reads naturally, "900,001 ms" does not).
pub fn find(
    engine: &Engine,
    answers: &Answers,
    situation: &Situation,
    current: (Organisation, Execution),
    options: CostOptions,
) -> Vec<WhatIf> {
    let mut out = Vec::new();
    for (index, q) in QUESTIONS.iter().enumerate() {
        if !situation.applicable.contains(q.id) {
            continue;
        }
        let now = situation.at(index);
        let mut nearest: BTreeMap<(Organisation, Execution), (f64, Value)> = BTreeMap::new();
        for value in candidates(engine, q, index, now) {
            let changed = answers.with(q.id, value);
            if !possible(&changed) {
                continue;
            }
            let outcome = engine.choices(&Situation::from_answers(&changed), options);
            if outcome == current {
                continue;
            }
            match (value, now) {
                (Value::Number(n), Value::Number(at)) => {
                    let distance = (n.max(1e-9).ln() - at.max(1e-9).ln()).abs();
                    let keep = nearest.get(&outcome).is_none_or(|(d, _)| distance < *d);
                    if keep {
                        nearest.insert(outcome, (distance, value));
                    }
                }
                _ => out.push(entry(q, value, outcome)),
            }
        }
        let mut numbers: Vec<(f64, Value, (Organisation, Execution))> = nearest
            .into_iter()
            .map(|(outcome, (_, value))| (value.as_number().unwrap_or(0.0), value, outcome))
            .collect();
        numbers.sort_by(|a, b| a.0.total_cmp(&b.0));
        out.extend(numbers.into_iter().map(|(_, value, outcome)| entry(q, value, outcome)));
    }
    out
}

fn entry(q: &Question, value: Value, (organisation, execution): (Organisation, Execution)) -> WhatIf {
    let to = match value {
        Value::Choice(c) => c.to_string(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
    };
    WhatIf { question: q.id.to_string(), to, organisation, execution }
}

/// The values to try instead of `now`.
fn candidates(engine: &Engine, q: &Question, index: usize, now: Value) -> Vec<Value> {
    match (&q.input, now) {
        (Input::Choice { options }, _) => {
            options.iter().map(|o| Value::Choice(o.value)).filter(|v| *v != now).collect()
        }
        (Input::Boolean { .. }, Value::Bool(b)) => vec![Value::Bool(!b)],
        (Input::Integer { min, max, presets, .. } | Input::Number { min, max, presets, .. }, Value::Number(at)) => {
            let counts = matches!(q.input, Input::Integer { .. });
            let thresholds = engine.model.thresholds(index).filter(|_| counts);
            let mut values: Vec<f64> = presets.iter().copied().chain(thresholds).collect();
            values.retain(|v| (*min..=*max).contains(v) && *v != at);
            values.sort_by(f64::total_cmp);
            values.dedup();
            values.into_iter().map(Value::Number).collect()
        }
        _ => Vec::new(),
    }
}

/// A changed answer set must still be one a visitor could send: no more teams than engineers.
fn possible(answers: &Answers) -> bool {
    match (answers.get("teams"), answers.get("engineers")) {
        (Some(Value::Number(teams)), Some(Value::Number(engineers))) => teams <= engineers,
        _ => true,
    }
}
