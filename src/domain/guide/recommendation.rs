//! The recommendation's shape: the JSON contract of the API and of stored results.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::domain::choice::choice_enum;
use crate::domain::message::Message;

choice_enum!(
    /// How the system is organised.
    Organisation {
        Monolith = "monolith",
        ModularMonolith = "modular_monolith",
        ServiceBased = "service_based",
        Microservices = "microservices",
    }
);

choice_enum!(
    /// How the system runs.
    Execution {
        Functions = "functions",
        ManagedContainers = "managed_containers",
        Kubernetes = "kubernetes",
        VirtualMachines = "virtual_machines",
    }
);

choice_enum!(
    /// How firmly the answers support the choice.
    Confidence { High = "high", Medium = "medium", Low = "low" }
);

impl Organisation {
    /// The option in plain words, e.g. "a modular monolith".
    pub fn label(self) -> Message {
        Message::key(format!("organisation-{}", self.as_str()))
    }
}

impl Execution {
    /// The option in plain words, e.g. "managed containers".
    pub fn label(self) -> Message {
        Message::key(format!("execution-{}", self.as_str()))
    }
}

/// Everything the guide concludes from one set of answers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Recommendation {
    pub model_version: String,
    pub organisation: AxisResult<Organisation>,
    pub execution: AxisResult<Execution>,
    pub components: Vec<Component>,
    pub warnings: Vec<Warning>,
    pub cost: CostResult,
    pub confidence: Confidence,
    pub flip: Option<Flip>,
    /// Every other value of an answer that would change a choice (results stored before it
    /// existed have none).
    #[serde(default)]
    pub what_if: Vec<WhatIf>,
    pub next_steps: Vec<Message>,
    pub revisit_when: Vec<Message>,
    /// The published cases nearest to the answers (results stored before it existed have none).
    #[serde(default)]
    pub similar_cases: Vec<SimilarCase>,
}

impl Recommendation {
    /// One line for people: "a modular monolith on managed containers".
    pub fn summary(&self) -> Message {
        Self::summary_of(self.organisation.choice, self.execution.choice)
    }

    /// The same line from the two choices alone (what a list of leads reads of a stored result).
    pub fn summary_of(organisation: Organisation, execution: Execution) -> Message {
        Message::key("summary").with("organisation", organisation.label()).with("execution", execution.label())
    }

    /// Every text in it, in order: what `written` rewrites.
    fn texts_mut(&mut self) -> impl Iterator<Item = &mut Message> {
        let reasons =
            self.organisation.reasons.iter_mut().chain(self.execution.reasons.iter_mut()).map(|r| &mut r.text);
        let components = self.components.iter_mut().flat_map(|c| [&mut c.part, &mut c.why]);
        let warnings = self.warnings.iter_mut().map(|w| &mut w.message);
        let lines = self.next_steps.iter_mut().chain(self.revisit_when.iter_mut());
        let formulas = self.cost.assumptions.formulas.values_mut();
        reasons.chain(components).chain(warnings).chain(lines).chain(formulas)
    }

    /// The recommendation with every text written by `write` (in one language): what the API
    /// sends, where each text is a string.
    pub fn written(&self, write: impl Fn(&Message) -> String) -> Recommendation {
        let mut copy = self.clone();
        for text in copy.texts_mut() {
            *text = text.written(&write);
        }
        copy
    }

    /// Whether any text is already in words (a result stored before texts had ids): such a
    /// result reads the same in every language.
    pub fn has_plain_texts(&self) -> bool {
        self.clone().texts_mut().any(|t| t.has_plain())
    }
}

/// The choice on one axis, the score of every option (0-100), and why.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AxisResult<T> {
    pub choice: T,
    pub scores: BTreeMap<String, u8>,
    pub reasons: Vec<Reason>,
}

/// One answer's effect on one option.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reason {
    /// The question id whose answer caused it.
    pub answer: String,
    /// `+` for, `-` against.
    pub effect: String,
    pub option: String,
    pub text: Message,
}

/// Advice for one part of the workload that should run differently from the rest.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Component {
    pub part: Message,
    pub execution: Execution,
    pub why: Message,
}

/// An anti-pattern or limit the answers run into.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Warning {
    pub code: String,
    pub message: Message,
    pub answers: Vec<String>,
}

/// The single answer change that would change the organisation choice.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Flip {
    pub question: String,
    pub to: String,
    pub organisation: Organisation,
}

/// One answer changed to another value, and the choices the guide would then make.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WhatIf {
    pub question: String,
    pub to: String,
    pub organisation: Organisation,
    pub execution: Execution,
}

/// A published case near the visitor's answers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SimilarCase {
    pub id: String,
    pub company: String,
    pub title: String,
    pub url: String,
    pub year: u16,
    /// The questions answered as the case answers them, or nearly.
    pub matched: Vec<String>,
    /// Whether the case accepts both of the recommendation's choices.
    pub agrees: bool,
    /// For a case that does not agree: the answer where the visitor and the case part ways, and
    /// what the case answered.
    pub difference: Option<CaseDifference>,
}

/// Where a visitor's answers and a published case part ways.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CaseDifference {
    pub question: String,
    /// The case's answer, as the API writes it.
    pub theirs: String,
}

/// The monthly cost comparison for the visitor's traffic.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CostResult {
    pub monthly_usd: MonthlyUsd,
    pub break_even_monthly_requests: Option<f64>,
    pub assumptions: CostAssumptions,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MonthlyUsd {
    pub functions: f64,
    pub managed_containers: f64,
    pub virtual_machines: f64,
}

/// Everything the cost figures rest on, shown next to them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CostAssumptions {
    pub prices_as_of: String,
    pub region: String,
    pub currency: String,
    pub monthly_requests: f64,
    pub avg_duration_ms: f64,
    pub memory_mb: u32,
    pub peak_to_average: f64,
    pub free_tier_included: bool,
    pub cpu_share: f64,
    pub utilisation_target: f64,
    pub min_instances: u32,
    pub hours_per_month: f64,
    pub container_vcpu: f64,
    pub vm_fleet: String,
    pub kubernetes_monthly_usd: f64,
    /// Whether the Kubernetes figure includes a managed control plane (not when a platform team
    /// already runs a cluster).
    pub kubernetes_control_plane_included: bool,
    pub formulas: BTreeMap<String, Message>,
    /// Whose prices: `aws`, `azure` or `gcp` (results stored before the choice existed: AWS).
    #[serde(default = "aws")]
    pub cloud: String,
    /// The provider's name, e.g. "Microsoft Azure".
    #[serde(default)]
    pub provider: String,
    /// Virtual machines and Kubernetes priced as your own servers.
    #[serde(default)]
    pub on_premises: bool,
    /// Per execution option: the product priced (e.g. "Azure Container Apps (Consumption plan)").
    #[serde(default)]
    pub products: BTreeMap<String, String>,
    /// Per execution option: where its prices come from and when they were read.
    #[serde(default)]
    pub sources: BTreeMap<String, PriceSource>,
}

/// A price's origin: the provider's public pricing page (or the stated assumptions) and the date.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PriceSource {
    pub source: String,
    pub as_of: String,
}

fn aws() -> String {
    "aws".into()
}
