//! Every question with a value: the visitor's answers completed with defaults (some of which
//! depend on earlier answers), which questions apply to this visitor, and typed access for the
//! engine.

use std::collections::BTreeSet;

use crate::domain::choice::choice_enum;
use crate::domain::guide::answers::{Answers, Value};
pub use crate::domain::guide::cost::Cloud;
use crate::domain::guide::questions::{question_index, Condition, DefaultValue, Question, QUESTIONS};

/// Every question with a value: the visitor's answer or the default.
#[derive(Clone, Debug, PartialEq)]
pub struct Situation {
    /// One value per question, in the order of `QUESTIONS`.
    values: Vec<Value>,
    /// Questions that apply to this visitor but were not answered.
    pub defaulted: BTreeSet<&'static str>,
    /// Questions that apply to this visitor.
    pub applicable: BTreeSet<&'static str>,
}

impl Situation {
    /// Completes the answers with defaults, in question order (a default may depend on an
    /// earlier answer).
    pub fn from_answers(answers: &Answers) -> Self {
        let mut situation = Situation {
            values: Vec::with_capacity(QUESTIONS.len()),
            defaulted: BTreeSet::new(),
            applicable: BTreeSet::new(),
        };
        for q in QUESTIONS {
            let applies = q.applies_when.as_ref().is_none_or(|c| situation.holds(c));
            if applies {
                situation.applicable.insert(q.id);
            }
            let value = match answers.get(q.id) {
                Some(v) => v,
                None => {
                    if applies {
                        situation.defaulted.insert(q.id);
                    }
                    situation.default_for(q)
                }
            };
            situation.values.push(value);
        }
        // More teams than engineers is impossible; parsing refuses it when both are given, so
        // here the engineers were defaulted and the teams tell us there are at least that many.
        let teams = situation.number("teams");
        if teams > situation.number("engineers") {
            situation.set("engineers", Value::Number(teams));
        }
        situation
    }

    /// Whether a condition holds for the values known so far.
    pub fn holds(&self, condition: &Condition) -> bool {
        match condition {
            Condition::OneOf { question, values } => {
                self.known(question).and_then(|v| v.as_choice()).is_some_and(|v| values.contains(&v))
            }
            Condition::AtLeast { question, min } => {
                self.known(question).and_then(|v| v.as_number()).is_some_and(|v| v >= *min)
            }
        }
    }

    fn default_for(&self, q: &Question) -> Value {
        match &q.default {
            DefaultValue::Text(t) => Value::Choice(t),
            DefaultValue::Number(n) => Value::Number(*n),
            DefaultValue::Bool(b) => Value::Bool(*b),
            DefaultValue::Depends { question, cases } => {
                let on = self.known(question).and_then(|v| v.as_choice()).unwrap_or_default();
                let n = cases.iter().find(|(k, _)| *k == on).map(|(_, n)| *n).unwrap_or(cases[0].1);
                Value::Number(n)
            }
        }
    }

    /// The value of a question already resolved (while resolving, later ones are not yet).
    fn known(&self, id: &str) -> Option<Value> {
        self.values.get(question_index(id)?).copied()
    }

    /// The value of the question at `index` in `QUESTIONS` (the engine's fast path).
    pub fn at(&self, index: usize) -> Value {
        self.values[index]
    }

    /// A copy with one value changed (for "what if" questions); defaults are not recomputed.
    pub fn with(&self, index: usize, value: Value) -> Self {
        let mut copy = self.clone();
        copy.values[index] = value;
        copy
    }

    fn set(&mut self, id: &str, value: Value) {
        let index = question_index(id).expect("a known question");
        self.values[index] = value;
    }

    /// The value of any question.
    pub fn value(&self, id: &str) -> Value {
        self.known(id).expect("a known question")
    }

    /// The numeric value of a numeric question.
    pub fn number(&self, id: &str) -> f64 {
        self.value(id).as_number().expect("a numeric question")
    }

    /// The id of a choice (or "true"/"false" for a yes/no question).
    pub fn choice(&self, id: &str) -> &'static str {
        self.value(id).as_choice().expect("a choice question")
    }

    /// Whether the visitor answered `id` themselves.
    pub fn was_answered(&self, id: &str) -> bool {
        !self.defaulted.contains(id) && self.applicable.contains(id)
    }

    pub fn persistent_connections(&self) -> bool {
        matches!(self.value("persistent_connections"), Value::Bool(true))
    }
}

/// Typed getters on `Situation` for the choice questions the engine reasons about in code.
macro_rules! typed_getters {
    ($($method:ident: $ty:ident = $id:literal),+ $(,)?) => {
        impl Situation {
            $(
                pub fn $method(&self) -> $ty {
                    $ty::parse(self.choice($id)).expect("validated when parsed")
                }
            )+
        }
    };
}

typed_getters! {
    stage: Stage = "stage",
    starting_point: StartingPoint = "starting_point",
    load_shape: LoadShape = "load_shape",
    longest_task: LongestTask = "longest_task",
    latency: Latency = "latency",
    scaling_divergence: ScalingDivergence = "scaling_divergence",
    independent_releases: IndependentReleases = "independent_releases",
    ops_maturity: OpsMaturity = "ops_maturity",
    domain_clarity: DomainClarity = "domain_clarity",
    portability: Portability = "portability",
    cost_priority: CostPriority = "cost_priority",
    cloud: Cloud = "cloud",
}

choice_enum!(Stage { Idea = "idea", Mvp = "mvp", Growth = "growth", Scale = "scale" });
choice_enum!(StartingPoint { Greenfield = "greenfield", Monolith = "monolith", Distributed = "distributed" });
choice_enum!(LoadShape { Spiky = "spiky", Variable = "variable", Steady = "steady", Event = "event" });
choice_enum!(LongestTask { Seconds = "seconds", Minutes = "minutes", Hours = "hours" });
choice_enum!(Latency { Relaxed = "relaxed", Moderate = "moderate", Strict = "strict" });
choice_enum!(ScalingDivergence { None = "none", Some = "some", Many = "many" });
choice_enum!(IndependentReleases { No = "no", Some = "some", Yes = "yes" });
choice_enum!(OpsMaturity { None = "none", Basic = "basic", Platform = "platform" });
choice_enum!(DomainClarity { Unclear = "unclear", Emerging = "emerging", Stable = "stable" });
choice_enum!(Portability { None = "none", Preferred = "preferred", Required = "required" });
choice_enum!(CostPriority { LowestWhenIdle = "lowest_when_idle", Predictable = "predictable", PerformanceFirst = "performance_first" });
