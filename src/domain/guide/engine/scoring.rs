//! Scores on one axis: base points, each matching rule's effects, exclusions, and the choice.

use crate::domain::guide::recommendation::Reason;
use crate::domain::guide::situation::Situation;
use crate::domain::message::Message;

use crate::domain::guide::engine::model::{display_value, Rule};

/// The scores of the four options on one axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Scores {
    pub points: [f64; 4],
    /// Ruled out by a hard limit: shown as 0 and never chosen.
    pub excluded: [bool; 4],
    /// Missing its prerequisites: shown with its score but never chosen.
    pub held_back: [bool; 4],
}

impl Scores {
    /// Applies every rule that holds, starting from `base`.
    pub fn from_rules(base: [f64; 4], rules: &[Rule<4>], situation: &Situation) -> Self {
        let mut scores = Scores { points: base, excluded: [false; 4], held_back: [false; 4] };
        for rule in rules.iter().filter(|r| r.when.holds(situation)) {
            for i in 0..4 {
                scores.points[i] += rule.effects[i];
                scores.excluded[i] |= rule.exclude[i];
            }
        }
        scores
    }

    /// Whether an option may be chosen.
    pub fn open(&self, i: usize) -> bool {
        !self.excluded[i] && !self.held_back[i]
    }

    /// The best option that may be chosen; ties go to the earlier one in `preference`.
    pub fn best(&self, preference: &[usize; 4]) -> usize {
        let mut best = preference[0];
        let mut best_points = f64::NEG_INFINITY;
        for &i in preference {
            if self.open(i) && self.points[i] > best_points {
                best = i;
                best_points = self.points[i];
            }
        }
        best
    }

    /// The best score among the other options that may be chosen.
    pub fn best_other(&self, skip: usize) -> f64 {
        (0..4).filter(|&i| i != skip && self.open(i)).map(|i| self.points[i]).fold(f64::NEG_INFINITY, f64::max)
    }

    /// Scores as shown: clamped to 0-100, excluded options at 0.
    pub fn shown(&self) -> [u8; 4] {
        let mut out = [0u8; 4];
        for i in 0..4 {
            if !self.excluded[i] {
                out[i] = self.points[i].clamp(0.0, 100.0).round() as u8;
            }
        }
        out
    }
}

/// The reasons behind the rules that hold: one per option a rule moves or excludes.
pub fn reasons(rules: &[Rule<4>], situation: &Situation, names: &[&str; 4]) -> Vec<Reason> {
    let mut out = Vec::new();
    for rule in rules.iter().filter(|r| r.when.holds(situation)) {
        let text =
            Message::key(format!("rule-{}", rule.id)).with("value", display_value(situation, rule.when.question));
        for i in 0..4 {
            let effect = if rule.exclude[i] || rule.effects[i] < 0.0 {
                "-"
            } else if rule.effects[i] > 0.0 {
                "+"
            } else {
                continue;
            };
            out.push(Reason {
                answer: rule.when.question_id().to_string(),
                effect: effect.to_string(),
                option: names[i].to_string(),
                text: text.clone(),
            });
        }
    }
    out
}
