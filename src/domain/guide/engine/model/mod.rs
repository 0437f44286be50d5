//! The recommendation model as data: read from TOML, checked against the question set, and
//! compiled into index-based rules so scoring is plain array arithmetic.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::domain::guide::answers::Value;
use crate::domain::guide::map::Combinations;
use crate::domain::guide::questions::{Input, QUESTIONS};
use crate::domain::message::{Message, MessageArg};

mod parse;
use crate::domain::guide::recommendation::{Execution, Organisation};
use crate::domain::guide::situation::Situation;

/// The model shipped with this build.
pub const DEFAULT_MODEL_TOML: &str = include_str!("../../../data/model.toml");

/// A next step or revisit signal: its message id, and whether it quotes the break-even volume
/// (it is left out when there is none).
/// A line of advice: the message and whether it needs the break-even volume.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub id: String,
    pub needs_break_even: bool,
}

/// How much the cost comparison weighs in the execution scores.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CostWeights {
    pub weight: f64,
    pub floor_usd: f64,
    pub expensive_ratio: f64,
    pub notable_usd: f64,
}

/// Score margins and answered shares that separate high, medium and low confidence.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfidenceThresholds {
    pub high_margin: f64,
    pub low_margin: f64,
    pub high_answered_share: f64,
    pub low_answered_share: f64,
}

/// A condition on one answer, by question position.
#[derive(Clone, Debug)]
pub struct When {
    pub question: usize,
    pub one_of: Option<Vec<&'static str>>,
    pub at_least: Option<f64>,
    pub at_most: Option<f64>,
}

impl When {
    pub fn holds(&self, situation: &Situation) -> bool {
        let value = situation.at(self.question);
        if let Some(values) = &self.one_of {
            return value.as_choice().is_some_and(|v| values.contains(&v));
        }
        let Some(n) = value.as_number() else { return false };
        self.at_least.is_none_or(|min| n >= min) && self.at_most.is_none_or(|max| n <= max)
    }

    pub fn question_id(&self) -> &'static str {
        QUESTIONS[self.question].id
    }
}

/// A rule for one axis; `N` is the number of options on that axis.
#[derive(Clone, Debug)]
pub struct Rule<const N: usize> {
    /// Its explanation is the message `rule-{id}`.
    pub id: String,
    pub when: When,
    pub effects: [f64; N],
    pub exclude: [bool; N],
}

/// A condition an organisation option needs before it may be chosen.
#[derive(Clone, Debug)]
pub struct Prerequisite {
    /// Its explanation is the message `prerequisite-{id}`.
    pub id: String,
    pub option: Organisation,
    pub requires: When,
}

/// Answers that pull in opposite directions, named in a warning instead of cancelling out in
/// the scores. It applies when every `requires` condition holds, at least one of `wants` (if
/// any) and one of `against` (if any) holds, the recommendation is one of `organisation` and
/// `execution` (if given), and none of the warnings in `unless` was given already.
#[derive(Clone, Debug)]
pub struct Tension {
    pub code: String,
    pub requires: Vec<When>,
    pub wants: Vec<When>,
    pub against: Vec<When>,
    pub organisation: Vec<Organisation>,
    pub execution: Vec<Execution>,
    pub unless: Vec<String>,
}

/// The checked, compiled model.
#[derive(Clone, Debug)]
pub struct Model {
    pub version: String,
    pub organisation_base: [f64; 4],
    pub execution_base: [f64; 4],
    pub organisation_rules: Vec<Rule<4>>,
    pub execution_rules: Vec<Rule<4>>,
    pub prerequisites: Vec<Prerequisite>,
    pub cost: CostWeights,
    pub confidence: ConfidenceThresholds,
    pub next_steps: BTreeMap<String, Vec<Line>>,
    pub revisit_when: BTreeMap<String, Vec<Line>>,
    /// What each organisation × execution pair is typically good for: the map of the idea.
    pub combinations: Combinations,
    /// Checked in file order; a tension's `unless` can name one above it.
    pub tensions: Vec<Tension>,
}

impl Model {
    /// The model shipped with this build.
    pub fn default_model() -> Self {
        Self::from_toml(DEFAULT_MODEL_TOML).expect("the shipped model is valid")
    }

    /// The numbers at which a rule or prerequisite on this question starts or stops holding:
    /// where a numeric answer can change a choice.
    pub fn thresholds(&self, question: usize) -> impl Iterator<Item = f64> + '_ {
        let integer = matches!(QUESTIONS[question].input, Input::Integer { .. });
        self.organisation_rules
            .iter()
            .chain(self.execution_rules.iter())
            .map(|r| &r.when)
            .chain(self.prerequisites.iter().map(|p| &p.requires))
            .filter(move |w| w.question == question)
            .flat_map(move |w| {
                let after_most = w.at_most.filter(|_| integer).map(|n| n + 1.0);
                [w.at_least, w.at_most, after_most].into_iter().flatten()
            })
    }

    /// The questions any organisation rule or prerequisite looks at, in question order.
    pub fn organisation_questions(&self) -> Vec<usize> {
        let mut indices: Vec<usize> = self
            .organisation_rules
            .iter()
            .map(|r| r.when.question)
            .chain(self.prerequisites.iter().map(|p| p.requires.question))
            .collect();
        indices.sort_unstable();
        indices.dedup();
        indices
    }
}

/// The answer quoted in a reason's text: a choice by its label, a number as it is.
pub fn display_value(situation: &Situation, question: usize) -> MessageArg {
    let q = &QUESTIONS[question];
    match situation.at(question) {
        Value::Choice(c) => q.option_label(c).map(|lower| MessageArg::Lower { lower }).unwrap_or_else(|| c.into()),
        Value::Number(n) => MessageArg::Number(n),
        Value::Bool(b) => MessageArg::from(Message::key(if b { "answer-yes" } else { "answer-no" })),
    }
}

impl Model {
    /// Every message the model's texts need, in every language.
    pub fn messages(&self) -> Vec<String> {
        let rules = self.organisation_rules.iter().map(|r| &r.id).chain(self.execution_rules.iter().map(|r| &r.id));
        let mut keys: Vec<String> = rules.map(|id| format!("rule-{id}")).collect();
        keys.extend(self.prerequisites.iter().map(|p| format!("prerequisite-{}", p.id)));
        keys.extend(self.tensions.iter().map(|t| format!("tension-{}", t.code)));
        keys.extend(self.next_steps.values().chain(self.revisit_when.values()).flatten().map(|l| l.id.clone()));
        for c in self.combinations.iter() {
            keys.extend([c.text().key_name(), c.short().key_name()].into_iter().flatten().map(str::to_string));
        }
        keys
    }
}
