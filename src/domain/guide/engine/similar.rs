//! "Teams like yours": the published cases nearest to the answers, and for each one whose
//! accepted choices differ from the recommendation, the answer that makes the difference.

use crate::domain::guide::answers::Answers;
use crate::domain::guide::cases::{Nearness, PublishedCase};
use crate::domain::guide::questions::QUESTIONS;
use crate::domain::guide::recommendation::{CaseDifference, Execution, Organisation, SimilarCase};
use crate::domain::guide::situation::Situation;

use super::{CostOptions, Engine};

/// How many cases a result shows.
pub const SHOWN: usize = 3;

impl Engine {
    /// The cases nearest to `answers`, each said to agree or not with the choices made.
    pub fn similar_cases(&self, answers: &Answers, choices: (Organisation, Execution)) -> Vec<SimilarCase> {
        self.cases
            .nearest(answers, SHOWN)
            .into_iter()
            .map(|near| {
                let agrees = near.case.accepts(choices.0, choices.1);
                let difference = (!agrees).then(|| self.difference(answers, &near)).flatten();
                SimilarCase {
                    id: near.case.id.clone(),
                    company: near.case.company.clone(),
                    title: near.case.title.clone(),
                    url: near.case.url.clone(),
                    year: near.case.year(),
                    matched: near.matched.iter().map(|q| q.to_string()).collect(),
                    agrees,
                    difference,
                }
            })
            .collect()
    }

    /// The answer that makes the difference: the first (in the guide's order) whose value taken
    /// from the case would give choices the case accepts; when no single answer does, the first
    /// answer the two do not share.
    fn difference(&self, answers: &Answers, near: &Nearness) -> Option<CaseDifference> {
        let case = near.case;
        let differing: Vec<&'static str> = QUESTIONS
            .iter()
            .map(|q| q.id)
            .filter(|id| *id != "cloud" && !near.matched.contains(id) && case.answers.get(id).is_some())
            .collect();
        let accepted = |id: &'static str| {
            let changed = answers.with(id, case.answers.get(id).expect("filtered above"));
            let (organisation, execution) = self.choices(&Situation::from_answers(&changed), CostOptions::default());
            case.accepts(organisation, execution)
        };
        let question = differing.iter().copied().find(|id| accepted(id)).or_else(|| differing.first().copied())?;
        Some(CaseDifference { question: question.to_string(), theirs: written(case, question) })
    }
}

/// The case's answer to `question` as the API writes answers.
fn written(case: &PublishedCase, question: &str) -> String {
    case.answers
        .to_json()
        .get(question)
        .map(|v| v.as_str().map(str::to_string).unwrap_or_else(|| v.to_string()))
        .unwrap_or_default()
}
