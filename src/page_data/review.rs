//! The advice loop's pages: the consultants' verdict on the lead page, their agreement with the
//! guide on the dashboard, and the admins' model pages (the draft, its check, the cases).

use serde::{Deserialize, Serialize};

use crate::domain::guide::cost::PriceSection;
use crate::domain::guide::review::case::{CaseForm, CaseOutcome};
use crate::domain::guide::review::replay::Replay;
use crate::page_data::staff::{LiveMark, Viewer};

/// The verdict recorded on a lead.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VerdictView {
    /// The choices' ids (what the form starts with).
    pub organisation: String,
    pub execution: String,
    /// Both in words: "a modular monolith on managed containers".
    pub advised: String,
    pub note: String,
    pub by: String,
    pub at: String,
    /// The guide's advice it is set beside: "microservices on Kubernetes (model 1.3)".
    pub guide: Option<String>,
    /// Whether it agrees with the guide on both axes.
    pub agrees: Option<bool>,
}

/// The verdict form as typed, when it was refused.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VerdictForm {
    pub organisation: String,
    pub execution: String,
    pub note: String,
    /// Field name and message.
    pub errors: Vec<(String, String)>,
}

/// One model version's agreement with the consultants.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgreementRow {
    pub model_version: String,
    pub verdicts: u64,
    /// "67%".
    pub both: String,
    pub organisation: String,
    pub execution: String,
}

/// A verdict that differs from the guide, with the answers that led to it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DisagreementRow {
    pub reference: String,
    pub model_version: String,
    pub guide: String,
    pub verdict: String,
    pub note: String,
    pub by: String,
    pub at: String,
    pub result_id: Option<String>,
    /// Question and answer, in words.
    pub answers: Vec<(String, String)>,
}

/// The dashboard's part about the advice.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdviceSummary {
    pub agreement: Vec<AgreementRow>,
    pub disagreements: Vec<DisagreementRow>,
    /// Price book sections read longer ago than the limit: name, day read, age in days.
    pub stale_prices: Vec<(String, String, i64)>,
    /// The limit in words: "180 days".
    pub prices_max_age: String,
}

/// A published version in the list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionRow {
    pub id: i64,
    pub version: String,
    pub author: String,
    pub at: String,
    pub note: String,
    pub override_reason: Option<String>,
    pub live: bool,
}

/// `/inbox/model`: the published model and the draft.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModelPage {
    pub viewer: Viewer,
    pub live: LiveMark,
    /// The version in use and where it comes from.
    pub version: String,
    pub source: String,
    /// False while files decide the model (`ARCHGUIDE_MODEL_FILE`).
    pub editable: bool,
    pub prices: Vec<PriceRow>,
    pub versions: Vec<VersionRow>,
    pub audit: Vec<AuditRow>,
    pub cases: usize,
    /// The draft: the latest check's texts, or the published ones.
    pub draft: DraftForm,
    /// The latest check, when it is of the draft shown.
    pub latest_check: Option<i64>,
}

/// A price book section as the model page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriceRow {
    pub name: String,
    pub source: String,
    pub as_of: String,
    /// Older than `ARCHGUIDE_PRICES_MAX_AGE`.
    pub stale: bool,
}

impl PriceRow {
    pub fn new(section: PriceSection, stale: bool) -> Self {
        PriceRow { name: section.name, source: section.source, as_of: section.as_of, stale }
    }
}

/// A line of the audit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditRow {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub detail: String,
}

/// The draft's fields, and what is wrong with them after a refused check.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftForm {
    pub model: String,
    pub prices: String,
    pub model_error: Option<String>,
    pub prices_error: Option<String>,
    /// Each language's words for the model: its field is `words_{code}`.
    pub words: Vec<WordsField>,
}

/// One language's words for the model (its `model.ftl`) in the draft.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WordsField {
    pub code: String,
    /// The language's name for itself.
    pub name: String,
    pub text: String,
    pub error: Option<String>,
}

/// `/inbox/model/checks/{id}`: a check running, or its outcome, and the publish form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckPage {
    pub viewer: Viewer,
    pub live: LiveMark,
    pub id: i64,
    pub author: String,
    pub started: String,
    pub finished: Option<String>,
    /// Results replayed so far, of how many.
    pub done: u64,
    pub total: u64,
    pub replay_days: String,
    /// The version it was checked against, by name.
    pub against: String,
    /// A version was published since: this draft must be checked again before publishing.
    pub outdated: bool,
    pub cases: Vec<CaseOutcome>,
    pub replay: Option<Replay>,
    pub failure: Option<String>,
    /// The model's and the price book's lines that differ from the published version.
    pub diff: String,
    /// Message ids the draft needs that a language lacks: language name and ids.
    pub missing_words: Vec<(String, Vec<String>)>,
    /// The model version the draft names.
    pub draft_version: String,
    pub publish: PublishForm,
}

/// The publish form as typed, and why it was refused.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishForm {
    pub version: String,
    pub note: String,
    pub reason: String,
    pub errors: Vec<(String, String)>,
}

/// `/inbox/model/cases`: the library, and a form to add or edit a case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CasesPage {
    pub viewer: Viewer,
    pub live: LiveMark,
    pub cases: Vec<CaseRow>,
    /// The case being edited (`None`: a new one).
    pub editing: Option<i64>,
    pub form: CaseForm,
    pub errors: Vec<(String, String)>,
}

/// The case form as it comes back after a refused post: which case, what was typed, what is
/// wrong (field name and message).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseFormState {
    pub editing: Option<i64>,
    pub form: CaseForm,
    pub errors: Vec<(String, String)>,
}

/// A case in the library's list, with what the live model makes of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseRow {
    pub id: i64,
    pub title: String,
    pub accepted: String,
    pub got: String,
    pub passes: bool,
    pub source: String,
    pub note: String,
    pub retired: bool,
}
