//! What a draft of the model would change for the people who already used the guide: every
//! stored result's answers run through the published model and through the draft, and the
//! differences counted, per axis, as transitions (monolith → modular monolith: 84).
//!
//! The published model's choice today is the baseline, not the choice stored with the result:
//! a result computed by an older version would otherwise count as changed by this draft.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::domain::guide::answers::Answers;
use crate::domain::guide::engine::{CostOptions, Engine};
use crate::domain::guide::recommendation::{Execution, Organisation};

/// How many results each transition keeps as examples.
pub const EXAMPLES: usize = 3;

/// One choice pair, or `None` where the engine failed.
pub type Choices = Option<(Organisation, Execution)>;

/// Both engines' choices for one set of answers.
pub fn replay_one(published: &Engine, draft: &Engine, answers: &Answers) -> (Choices, Choices) {
    let run = |engine: &Engine| {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| engine.choices_for(answers, CostOptions::default())))
            .ok()
    };
    (run(published), run(draft))
}

/// A change of choice on one axis, how many results make it, and a few of them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Transition {
    pub from: String,
    pub to: String,
    pub count: u64,
    /// Result ids.
    pub examples: Vec<String>,
}

/// The replay's figures so far (or in full).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Replay {
    /// Results replayed.
    pub results: u64,
    /// Results whose organisation or execution would change.
    pub changed: u64,
    /// Results the draft could not compute (the engine failed), with a few of their ids.
    pub failed: u64,
    pub failed_examples: Vec<String>,
    /// Most frequent first, then by name.
    pub organisation: Vec<Transition>,
    pub execution: Vec<Transition>,
}

/// Counts results as they are replayed.
#[derive(Debug, Default)]
pub struct Tally {
    results: u64,
    changed: u64,
    failed: u64,
    failed_examples: Vec<String>,
    organisation: BTreeMap<(String, String), (u64, Vec<String>)>,
    execution: BTreeMap<(String, String), (u64, Vec<String>)>,
}

impl Tally {
    /// Counts one result: `id` with its choices under the published model and the draft.
    pub fn add(&mut self, id: &str, published: Choices, draft: Choices) {
        self.results += 1;
        let (Some((o1, e1)), Some((o2, e2))) = (published, draft) else {
            if draft.is_none() {
                self.failed += 1;
                if self.failed_examples.len() < EXAMPLES {
                    self.failed_examples.push(id.to_string());
                }
            }
            return;
        };
        if (o1, e1) != (o2, e2) {
            self.changed += 1;
        }
        let count = |map: &mut BTreeMap<(String, String), (u64, Vec<String>)>, from: &str, to: &str| {
            if from != to {
                let entry = map.entry((from.to_string(), to.to_string())).or_default();
                entry.0 += 1;
                if entry.1.len() < EXAMPLES {
                    entry.1.push(id.to_string());
                }
            }
        };
        count(&mut self.organisation, o1.as_str(), o2.as_str());
        count(&mut self.execution, e1.as_str(), e2.as_str());
    }

    /// How many results were counted.
    pub fn results(&self) -> u64 {
        self.results
    }

    /// The figures as they stand.
    pub fn figures(&self) -> Replay {
        let list = |map: &BTreeMap<(String, String), (u64, Vec<String>)>| {
            let mut out: Vec<Transition> = map
                .iter()
                .map(|((from, to), (count, examples))| Transition {
                    from: from.clone(),
                    to: to.clone(),
                    count: *count,
                    examples: examples.clone(),
                })
                .collect();
            out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| (&a.from, &a.to).cmp(&(&b.from, &b.to))));
            out
        };
        Replay {
            results: self.results,
            changed: self.changed,
            failed: self.failed,
            failed_examples: self.failed_examples.clone(),
            organisation: list(&self.organisation),
            execution: list(&self.execution),
        }
    }
}
