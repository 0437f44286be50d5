//! The guide's form state, kept in the URL: which fields hold which answers, which step to
//! show, and where Back and Next lead. Pure functions, shared by the page and the POST handler.

use crate::domain::field_error::FieldError;
use crate::domain::guide::answers::Answers;
use crate::domain::guide::questions::{questions_in_step, QUESTIONS, STEPS};
use crate::domain::guide::situation::Situation;
use crate::domain::message::Message;

use crate::page_data::url::encode;

/// The value of a preset-or-exact radio group meaning "use the exact number field".
pub const EXACT: &str = "exact";

/// The suffix of the exact-number field beside a numeric question's presets.
pub const EXACT_SUFFIX: &str = "_exact";

/// Turns raw form or query pairs into answer pairs: a numeric question whose radio says
/// "exact" takes the number typed beside it.
pub fn answer_pairs(raw: &[(String, String)]) -> Vec<(String, String)> {
    let lookup = |key: &str| raw.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v.clone());
    let mut out = Vec::new();
    for q in QUESTIONS {
        let Some(value) = lookup(q.id) else { continue };
        let value = if value == EXACT { lookup(&format!("{}{EXACT_SUFFIX}", q.id)).unwrap_or_default() } else { value };
        out.push((q.id.to_string(), value));
    }
    out
}

/// The guide's state for one request.
pub struct GuideState {
    /// What the visitor typed, by question id (kept even when invalid, to show it again).
    pub typed: Vec<(String, String)>,
    pub answers: Answers,
    pub errors: Vec<FieldError>,
    pub situation: Situation,
    /// The step to show, counted from 1.
    pub step: usize,
}

impl GuideState {
    /// Reads the state from the URL's pairs; `requested_step` comes from the `step` field.
    pub fn from_pairs(raw: &[(String, String)]) -> Self {
        let typed = answer_pairs(raw);
        let (answers, errors) = match Answers::from_form(typed.iter().map(|(k, v)| (k.as_str(), v.as_str()))) {
            Ok(answers) => (answers, Vec::new()),
            Err(errors) => {
                // Keep every valid answer so the rest of the guide still adapts to them.
                let valid = typed.iter().filter(|(k, _)| !errors.iter().any(|e| &e.field == k));
                (Answers::from_form(valid.map(|(k, v)| (k.as_str(), v.as_str()))).unwrap_or_default(), errors)
            }
        };
        let situation = Situation::from_answers(&answers);
        let requested = raw
            .iter()
            .rev()
            .find(|(k, _)| k == "step")
            .and_then(|(_, v)| v.parse::<usize>().ok())
            .unwrap_or(1)
            .clamp(1, STEPS);
        let mut state = GuideState { typed, answers, errors, situation, step: requested };
        // A step with an error comes back first, before the visitor moves on.
        if let Some(first_error_step) = state.errors.iter().filter_map(|e| step_of(&e.field)).min() {
            state.step = state.step.min(first_error_step);
        }
        if !state.has_questions(state.step) {
            state.step = state.next_step(state.step).or(state.previous_step(state.step)).unwrap_or(1);
        }
        state
    }

    /// Whether any question of `step` applies to this visitor.
    pub fn has_questions(&self, step: usize) -> bool {
        questions_in_step(step).any(|q| self.situation.applicable.contains(q.id))
    }

    pub fn next_step(&self, from: usize) -> Option<usize> {
        (from + 1..=STEPS).find(|s| self.has_questions(*s))
    }

    pub fn previous_step(&self, from: usize) -> Option<usize> {
        (1..from).rev().find(|s| self.has_questions(*s))
    }

    /// The steps this visitor will see, for the progress bar.
    pub fn visible_steps(&self) -> Vec<usize> {
        (1..=STEPS).filter(|s| self.has_questions(*s)).collect()
    }

    /// What the visitor typed for `id` (or nothing).
    pub fn typed(&self, id: &str) -> Option<&str> {
        self.typed.iter().find(|(k, _)| k == id).map(|(_, v)| v.as_str())
    }

    pub fn error(&self, id: &str) -> Option<&Message> {
        self.errors.iter().find(|e| e.field == id).map(|e| &e.message)
    }
}

/// The step a question is asked on.
pub fn step_of(id: &str) -> Option<usize> {
    QUESTIONS.iter().find(|q| q.id == id).map(|q| q.step)
}

/// The URL of the guide at `step` with these answer pairs.
pub fn guide_url(pairs: &[(impl AsRef<str>, impl AsRef<str>)], step: usize) -> String {
    let mut url = String::from("/guide?");
    for (k, v) in pairs {
        url.push_str(&format!("{}={}&", encode(k.as_ref()), encode(v.as_ref())));
    }
    url.push_str(&format!("step={step}"));
    url
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
        items.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn an_exact_number_replaces_the_preset_radio() {
        let raw = pairs(&[("engineers", "exact"), ("engineers_exact", "7"), ("stage", "mvp"), ("step", "2")]);
        assert_eq!(answer_pairs(&raw), pairs(&[("stage", "mvp"), ("engineers", "7")]));
    }

    #[test]
    fn an_invalid_answer_sends_the_visitor_back_to_its_step_with_the_value_kept() {
        let state = GuideState::from_pairs(&pairs(&[("engineers", "exact"), ("engineers_exact", "0"), ("step", "5")]));
        assert_eq!(state.step, 2);
        assert_eq!(state.typed("engineers"), Some("0"));
        assert!(state.error("engineers").is_some());
    }

    #[test]
    fn steps_without_applicable_questions_are_skipped() {
        // Step 1's second question needs a stage past "idea"; the first still applies.
        let idea = GuideState::from_pairs(&pairs(&[("stage", "idea"), ("step", "1")]));
        assert!(idea.has_questions(1));
        assert_eq!(idea.next_step(1), Some(2));
        assert_eq!(idea.previous_step(2), Some(1));
        assert_eq!(idea.visible_steps().len(), STEPS);
    }

    #[test]
    fn the_guide_url_round_trips_through_the_state() {
        let url = guide_url(&[("stage", "growth"), ("monthly_requests", "1000000")], 3);
        assert_eq!(url, "/guide?stage=growth&monthly_requests=1000000&step=3");
        assert_eq!(encode("a b&c"), "a%20b%26c");
    }
}
