//! The case library: sets of answers with the choices an architect would accept for them, each
//! with a note and a source (a person, a published write-up, a lead the consultants advised).
//! A draft of the model must pass every case before it is published, or the admin says why not.

use serde::{Deserialize, Serialize};

use crate::domain::choice::choice_enum;
use crate::domain::field_error::FieldError;
use crate::domain::guide::answers::Answers;
use crate::domain::guide::cases::Cases;
use crate::domain::guide::engine::{CostOptions, Engine};
use crate::domain::guide::questions::QUESTIONS;
use crate::domain::guide::recommendation::{Execution, Organisation};

/// The people-described cases a new case library starts with (beside the published ones).
pub const SEED_CASES_TOML: &str = include_str!("../../data/model_cases.toml");

/// The longest title and note a case keeps.
pub const TITLE_MAX: usize = 200;
pub const NOTE_MAX: usize = 4_000;

choice_enum!(
    /// Where a case comes from.
    CaseSource { Person = "person", WriteUp = "write_up", Lead = "lead" }
);

impl CaseSource {
    /// The source in plain words.
    pub fn label(self) -> &'static str {
        match self {
            CaseSource::Person => "A person's judgement",
            CaseSource::WriteUp => "A published write-up",
            CaseSource::Lead => "A lead the consultants advised",
        }
    }
}

/// One case.
#[derive(Clone, Debug, PartialEq)]
pub struct ModelCase {
    pub title: String,
    pub answers: Answers,
    /// Every organisation an architect would accept (at least one).
    pub organisation: Vec<Organisation>,
    /// Every execution an architect would accept (at least one).
    pub execution: Vec<Execution>,
    pub note: String,
    pub source: CaseSource,
    /// Who, which write-up (its address), or which lead (its reference).
    pub source_detail: String,
}

/// What a model made of one case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CaseCheck {
    /// The choices it got, accepted or not.
    Got { organisation: Organisation, execution: Execution, passed: bool },
    /// The engine failed on the case's answers.
    Failed,
}

impl CaseCheck {
    pub fn passed(self) -> bool {
        matches!(self, CaseCheck::Got { passed: true, .. })
    }
}

/// A case's outcome in a check: what the draft made of it, and the published model.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseOutcome {
    pub id: i64,
    pub title: String,
    pub organisation: Vec<Organisation>,
    pub execution: Vec<Execution>,
    pub draft: CaseCheck,
    pub published: CaseCheck,
}

impl ModelCase {
    pub fn accepts(&self, organisation: Organisation, execution: Execution) -> bool {
        self.organisation.contains(&organisation) && self.execution.contains(&execution)
    }

    /// The case run through an engine: the whole recommendation a visitor would get, with the
    /// functions' free tier and without. A panic in the engine is a failed check, not a crash:
    /// a draft is run against every case before anyone can publish it.
    pub fn check(&self, engine: &Engine) -> CaseCheck {
        let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            engine.recommend(&self.answers, CostOptions { free_tier: true });
            let r = engine.recommend(&self.answers, CostOptions::default());
            (r.organisation.choice, r.execution.choice)
        }));
        match run {
            Ok((organisation, execution)) => {
                CaseCheck::Got { organisation, execution, passed: self.accepts(organisation, execution) }
            }
            Err(_) => CaseCheck::Failed,
        }
    }

    /// The answers as the case form shows them: one `question = value` line each, in question
    /// order (what `answers_from_text` reads back).
    pub fn answers_text(&self) -> String {
        answers_text(&self.answers)
    }

    /// A case from the case form's fields, or a message for each field that is wrong.
    pub fn from_form(form: &CaseForm) -> Result<ModelCase, Vec<FieldError>> {
        let mut errors = Vec::new();
        let title = form.title.trim();
        if title.is_empty() || title.chars().count() > TITLE_MAX {
            errors.push(FieldError::new("title", format!("Give the case a title of at most {TITLE_MAX} characters.")));
        }
        let answers = match answers_from_text(&form.answers) {
            Ok(answers) => Some(answers),
            Err(problem) => {
                errors.push(FieldError::new("answers", problem));
                None
            }
        };
        let organisation: Vec<Organisation> = form.organisation.iter().filter_map(|o| Organisation::parse(o)).collect();
        if organisation.is_empty() || organisation.len() != form.organisation.len() {
            errors.push(FieldError::new("organisation", "Tick every organisation an architect would accept."));
        }
        let execution: Vec<Execution> = form.execution.iter().filter_map(|e| Execution::parse(e)).collect();
        if execution.is_empty() || execution.len() != form.execution.len() {
            errors.push(FieldError::new("execution", "Tick every way of running it an architect would accept."));
        }
        let source = CaseSource::parse(form.source.trim());
        if source.is_none() {
            errors.push(FieldError::new("source", "Say where the case comes from."));
        }
        let source_detail = form.source_detail.trim();
        if source_detail.is_empty() || source_detail.chars().count() > TITLE_MAX {
            errors.push(FieldError::new(
                "source_detail",
                format!("Name the person, the write-up's address or the lead (at most {TITLE_MAX} characters)."),
            ));
        }
        let note = form.note.trim();
        if note.chars().count() > NOTE_MAX {
            errors.push(FieldError::new("note", format!("Keep the note under {NOTE_MAX} characters.")));
        }
        match (answers, source, errors.is_empty()) {
            (Some(answers), Some(source), true) => Ok(ModelCase {
                title: title.to_string(),
                answers,
                organisation: Organisation::ALL.iter().copied().filter(|o| organisation.contains(o)).collect(),
                execution: Execution::ALL.iter().copied().filter(|e| execution.contains(e)).collect(),
                note: note.to_string(),
                source,
                source_detail: source_detail.to_string(),
            }),
            _ => Err(errors),
        }
    }

    /// The case as its form shows it.
    pub fn to_form(&self) -> CaseForm {
        CaseForm {
            title: self.title.clone(),
            answers: self.answers_text(),
            organisation: self.organisation.iter().map(|o| o.as_str().to_string()).collect(),
            execution: self.execution.iter().map(|e| e.as_str().to_string()).collect(),
            note: self.note.clone(),
            source: self.source.as_str().to_string(),
            source_detail: self.source_detail.clone(),
        }
    }
}

/// The case form's fields, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseForm {
    pub title: String,
    /// One `question = value` line per answer.
    pub answers: String,
    pub organisation: Vec<String>,
    pub execution: Vec<String>,
    pub note: String,
    pub source: String,
    pub source_detail: String,
}

/// Answers as `question = value` lines (TOML), in question order.
pub fn answers_text(answers: &Answers) -> String {
    let json = answers.to_json();
    let mut text = String::new();
    for q in QUESTIONS {
        let Some(value) = json.get(q.id) else { continue };
        let written = match value {
            serde_json::Value::String(s) => format!("\"{s}\""),
            other => other.to_string(),
        };
        text.push_str(&format!("{} = {written}\n", q.id));
    }
    text
}

/// Answers from `question = value` lines: TOML, checked as the guide checks a visitor's. None at
/// all is a case too: the visitor who answers nothing.
pub fn answers_from_text(text: &str) -> Result<Answers, String> {
    let table: serde_json::Map<String, serde_json::Value> =
        toml::from_str(text).map_err(|e| format!("The answers are not `question = value` lines: {e}"))?;
    Answers::from_json(&table).map_err(|errors| {
        let problems: Vec<String> = errors.iter().map(|e| format!("{}: {}", e.field, e.message.outline())).collect();
        format!("Some answers are not ones the guide takes: {}.", problems.join("; "))
    })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSeed {
    #[serde(rename = "case")]
    cases: Vec<RawSeedCase>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSeedCase {
    title: String,
    organisation: Vec<String>,
    execution: Vec<String>,
    source: String,
    source_detail: String,
    #[serde(default)]
    note: String,
    answers: serde_json::Map<String, serde_json::Value>,
}

/// The cases a new library starts with: the people-described ones (`data/model_cases.toml`),
/// then every published case with its write-up as the source.
pub fn seed_cases() -> Vec<ModelCase> {
    let raw: RawSeed = toml::from_str(SEED_CASES_TOML)
        .unwrap_or_else(|e| panic!("data/model_cases.toml does not read: {}", e.message()));
    let mut cases: Vec<ModelCase> = raw
        .cases
        .into_iter()
        .map(|raw| {
            let form = CaseForm {
                title: raw.title,
                answers: answers_text(&Answers::from_json(&raw.answers).expect("the shipped cases' answers are valid")),
                organisation: raw.organisation,
                execution: raw.execution,
                note: raw.note,
                source: raw.source,
                source_detail: raw.source_detail,
            };
            ModelCase::from_form(&form)
                .unwrap_or_else(|e| panic!("the shipped case '{}' is invalid: {e:?}", form.title))
        })
        .collect();
    for published in Cases::default_cases().iter() {
        cases.push(ModelCase {
            // "Stack Overflow: The Architecture", not "Stack Overflow: Stack Overflow: …".
            title: if published.title.starts_with(&published.company) {
                published.title.clone()
            } else {
                format!("{}: {}", published.company, published.title)
            },
            answers: published.answers.clone(),
            organisation: published.organisation.clone(),
            execution: published.execution.clone(),
            note: format!("Published case '{}' ({}).", published.id, published.published),
            source: CaseSource::WriteUp,
            source_detail: published.url.clone(),
        });
    }
    cases
}
