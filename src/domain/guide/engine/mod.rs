//! The recommendation engine: answers in, a reasoned recommendation out.
//!
//! Deterministic: the same answers and model always give the same result. Every weight lives
//! in the model file (`src/domain/data/model.toml`); this code only knows how to apply them.

mod advice;
mod costing;
mod flip;
pub mod model;
mod scoring;
mod similar;
mod tension;
mod what_if;

use std::collections::BTreeMap;
use std::sync::OnceLock;

use crate::domain::guide::answers::Answers;
use crate::domain::guide::cases::Cases;
use crate::domain::guide::cost::{PriceBook, PriceTable};
use crate::domain::guide::recommendation::{
    AxisResult, Confidence, Execution, Organisation, Reason, Recommendation, Warning,
};
use crate::domain::guide::situation::{Portability, Situation};
use crate::domain::message::Message;

use model::{display_value, Model};
use scoring::Scores;

/// Organisation options in the order ties are broken: the simplest first.
const ORGANISATION_PREFERENCE: [usize; 4] = [0, 1, 2, 3];
/// Execution options in the order ties are broken: the least to operate first.
const EXECUTION_PREFERENCE: [usize; 4] = [1, 0, 3, 2];

const ORGANISATION_NAMES: [&str; 4] = ["monolith", "modular_monolith", "service_based", "microservices"];
const EXECUTION_NAMES: [&str; 4] = ["functions", "managed_containers", "kubernetes", "virtual_machines"];

/// A model and a price book: everything a recommendation depends on.
#[derive(Clone, Debug)]
pub struct Engine {
    pub model: Model,
    pub prices: PriceBook,
    /// The published cases a result is compared with.
    pub cases: Cases,
}

/// Choices the visitor makes about the cost comparison itself.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CostOptions {
    /// Subtract the functions' monthly free tier.
    pub free_tier: bool,
}

/// Recommends with the model and prices shipped in this build.
///
/// ```
/// use archguide::domain::guide::{answers::Answers, engine::recommend, recommendation::Organisation};
/// let answers = Answers::from_json(&serde_json::json!({"stage": "idea", "engineers": 2})
///     .as_object().unwrap().clone()).unwrap();
/// assert_eq!(recommend(&answers).organisation.choice, Organisation::Monolith);
/// ```
pub fn recommend(answers: &Answers) -> Recommendation {
    static DEFAULT: OnceLock<Engine> = OnceLock::new();
    DEFAULT.get_or_init(Engine::default_engine).recommend(answers, CostOptions::default())
}

impl Engine {
    /// The model and price table shipped in this build.
    pub fn default_engine() -> Self {
        Engine { model: Model::default_model(), prices: PriceBook::default_book(), cases: Cases::default_cases() }
    }

    /// The prices for this visitor: their cloud's, with the self-run options on their own
    /// servers when it must run on premises.
    pub fn prices_for(&self, situation: &Situation) -> &PriceTable {
        self.prices.table(situation.cloud(), situation.portability() == Portability::Required)
    }

    /// The full recommendation for these answers.
    pub fn recommend(&self, answers: &Answers, options: CostOptions) -> Recommendation {
        let situation = Situation::from_answers(answers);
        let prices = self.prices_for(&situation);
        let organisation = self.organisation(&situation);
        let costed = costing::price(&situation, prices, options);
        let execution = self.execution(&situation, prices, &costed);

        let org_choice = Organisation::ALL[organisation.choice];
        let exec_choice = Execution::ALL[execution.choice];
        let mut warnings = organisation.warnings;
        warnings.extend(advice::warnings(&situation, exec_choice, &costed));
        warnings.extend(advice::short_function_limit(&situation, exec_choice, prices));
        let tensions = tension::tensions(&self.model, &situation, org_choice, exec_choice, &warnings);
        warnings.extend(tensions);

        Recommendation {
            model_version: self.model.version.clone(),
            confidence: self.confidence(&situation, &organisation.scores, &execution.scores),
            flip: flip::find(&self.model, &situation, org_choice),
            what_if: what_if::find(self, answers, &situation, (org_choice, exec_choice), options),
            components: advice::components(&situation, exec_choice, &execution.scores),
            next_steps: self.lines(&self.model.next_steps, org_choice.as_str(), exec_choice.as_str(), &costed),
            revisit_when: self.lines(&self.model.revisit_when, org_choice.as_str(), exec_choice.as_str(), &costed),
            organisation: axis_result(org_choice, &organisation.scores, organisation.reasons, &ORGANISATION_NAMES),
            execution: axis_result(exec_choice, &execution.scores, execution.reasons, &EXECUTION_NAMES),
            similar_cases: self.similar_cases(answers, (org_choice, exec_choice)),
            cost: costed.result,
            warnings,
        }
    }

    /// Both choices for a set of answers, without reasons or texts.
    pub fn choices_for(&self, answers: &Answers, options: CostOptions) -> (Organisation, Execution) {
        self.choices(&Situation::from_answers(answers), options)
    }

    /// Both choices alone (no reasons, no texts): what the "what if" search asks many times.
    pub(crate) fn choices(&self, situation: &Situation, options: CostOptions) -> (Organisation, Execution) {
        let prices = self.prices_for(situation);
        let (per_option, _) = costing::per_option(situation, &costing::workload(situation, options), prices);
        let execution = self.execution_scores(situation, prices, &per_option).best(&EXECUTION_PREFERENCE);
        (Self::organisation_choice(&self.model, situation), Execution::ALL[execution])
    }

    /// The organisation choice alone (no reasons): what the flip search asks many times.
    pub(crate) fn organisation_choice(model: &Model, situation: &Situation) -> Organisation {
        let scores = Scores::from_rules(model.organisation_base, &model.organisation_rules, situation);
        let (scores, _) = hold_back_without_prerequisites(model, situation, scores);
        Organisation::ALL[scores.best(&ORGANISATION_PREFERENCE)]
    }

    fn organisation(&self, situation: &Situation) -> AxisOutcome {
        let model = &self.model;
        let scores = Scores::from_rules(model.organisation_base, &model.organisation_rules, situation);
        let mut reasons = scoring::reasons(&model.organisation_rules, situation, &ORGANISATION_NAMES);
        let (scores, held_back) = hold_back_without_prerequisites(model, situation, scores);
        let mut warnings = Vec::new();
        if let Some((option, failed)) = held_back {
            for prerequisite in &failed {
                reasons.push(Reason {
                    answer: prerequisite.requires.question_id().to_string(),
                    effect: "-".into(),
                    option: option.as_str().into(),
                    text: Message::key(format!("prerequisite-{}", prerequisite.id))
                        .with("value", display_value(situation, prerequisite.requires.question)),
                });
            }
            warnings.push(advice::distributed_monolith(option, &failed));
        }
        warnings.extend(advice::already_distributed(model, situation));
        let choice = scores.best(&ORGANISATION_PREFERENCE);
        AxisOutcome { scores, choice, reasons, warnings }
    }

    /// Rules, cost points, and the provider's function limits.
    fn execution_scores(&self, situation: &Situation, prices: &PriceTable, per_option: &[f64; 4]) -> Scores {
        let model = &self.model;
        let mut scores = Scores::from_rules(model.execution_base, &model.execution_rules, situation);
        let cost_points = costing::points(per_option, &model.cost);
        for i in 0..4 {
            scores.points[i] += cost_points[i];
        }
        if advice::beyond_function_limits(situation, prices).contains(&true) {
            scores.excluded[0] = true;
        }
        scores
    }

    fn execution(&self, situation: &Situation, prices: &PriceTable, costed: &costing::Costed) -> AxisOutcome {
        let model = &self.model;
        let ruled_out_by_rules = model.execution_rules.iter().any(|r| r.exclude[0] && r.when.holds(situation));
        let scores = self.execution_scores(situation, prices, &costed.per_option);
        let mut reasons = scoring::reasons(&model.execution_rules, situation, &EXECUTION_NAMES);
        if !ruled_out_by_rules {
            reasons.extend(advice::function_limits(situation, prices));
        }
        reasons.extend(costing::reasons(situation, &costed.per_option, &model.cost, &scores.excluded));
        let choice = scores.best(&EXECUTION_PREFERENCE);
        AxisOutcome { scores, choice, reasons, warnings: Vec::new() }
    }

    fn confidence(&self, situation: &Situation, organisation: &Scores, execution: &Scores) -> Confidence {
        let thresholds = &self.model.confidence;
        let applicable = situation.applicable.len().max(1) as f64;
        let answered = (situation.applicable.len() - situation.defaulted.len()) as f64 / applicable;
        let margin = |s: &Scores, choice: usize| s.points[choice].min(100.0) - s.best_other(choice).min(100.0);
        let org_margin = margin(organisation, organisation.best(&ORGANISATION_PREFERENCE));
        let exec_margin = margin(execution, execution.best(&EXECUTION_PREFERENCE));
        let smallest = org_margin.min(exec_margin);
        if answered < thresholds.low_answered_share || smallest < thresholds.low_margin {
            Confidence::Low
        } else if answered >= thresholds.high_answered_share && smallest >= thresholds.high_margin {
            Confidence::High
        } else {
            Confidence::Medium
        }
    }

    fn lines(
        &self,
        table: &BTreeMap<String, Vec<model::Line>>,
        org: &str,
        exec: &str,
        costed: &costing::Costed,
    ) -> Vec<Message> {
        let break_even = costed.result.break_even_monthly_requests.map(costing::requests_in_words);
        [org, exec]
            .iter()
            .flat_map(|key| table.get(*key).into_iter().flatten())
            .filter_map(|line| match (&break_even, line.needs_break_even) {
                (_, false) => Some(Message::key(&line.id)),
                (Some(n), true) => Some(Message::key(&line.id).with("break_even", n.clone())),
                (None, true) => None,
            })
            .collect()
    }
}

struct AxisOutcome {
    scores: Scores,
    choice: usize,
    reasons: Vec<Reason>,
    warnings: Vec<Warning>,
}

/// When the best organisation lacks its prerequisites, it keeps its score (it fits the answers)
/// but is not chosen: the result warns instead of recommending it.
fn hold_back_without_prerequisites<'m>(
    model: &'m Model,
    situation: &Situation,
    mut scores: Scores,
) -> (Scores, Option<(Organisation, Vec<&'m model::Prerequisite>)>) {
    let top = scores.best(&ORGANISATION_PREFERENCE);
    let option = Organisation::ALL[top];
    let failed: Vec<_> =
        model.prerequisites.iter().filter(|p| p.option == option && !p.requires.holds(situation)).collect();
    if failed.is_empty() {
        return (scores, None);
    }
    scores.held_back[top] = true;
    (scores, Some((option, failed)))
}

fn axis_result<T>(choice: T, scores: &Scores, reasons: Vec<Reason>, names: &[&str; 4]) -> AxisResult<T> {
    AxisResult { choice, scores: names.iter().zip(scores.shown()).map(|(n, s)| (n.to_string(), s)).collect(), reasons }
}

#[cfg(test)]
mod case_tests;
#[cfg(test)]
mod map_tests;
#[cfg(test)]
mod personas;
#[cfg(test)]
mod principles;
#[cfg(test)]
mod properties;
