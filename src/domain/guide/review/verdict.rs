//! The advice the consultants actually gave after the call, set beside the guide's, and how
//! often the two agree for each model version.

use serde::{Deserialize, Serialize};

use crate::domain::field_error::FieldError;
use crate::domain::guide::recommendation::{Execution, Organisation};

/// The longest note a verdict keeps.
pub const NOTE_MAX: usize = 4_000;

/// What the consultants advised: one choice on each axis, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verdict {
    pub organisation: Organisation,
    pub execution: Execution,
    pub note: String,
}

impl Verdict {
    /// The verdict form's fields, or a message for each one that is wrong.
    pub fn parse(organisation: &str, execution: &str, note: &str) -> Result<Verdict, Vec<FieldError>> {
        let mut errors = Vec::new();
        let organisation = Organisation::parse(organisation.trim());
        if organisation.is_none() {
            errors.push(FieldError::new("organisation", "Choose how you advised them to organise the system."));
        }
        let execution = Execution::parse(execution.trim());
        if execution.is_none() {
            errors.push(FieldError::new("execution", "Choose how you advised them to run it."));
        }
        let note = note.trim();
        if note.chars().count() > NOTE_MAX {
            errors.push(FieldError::new("note", format!("Keep the note under {NOTE_MAX} characters.")));
        }
        match (organisation, execution, errors.is_empty()) {
            (Some(organisation), Some(execution), true) => {
                Ok(Verdict { organisation, execution, note: note.to_string() })
            }
            _ => Err(errors),
        }
    }

    /// The line the lead's history keeps: the verdict, and the guide's choice beside it.
    pub fn history_line(&self, guide: Option<(Organisation, Execution)>) -> String {
        let mut line = format!("verdict: {} on {}", self.organisation, self.execution);
        match guide {
            Some((o, e)) if (o, e) == (self.organisation, self.execution) => line.push_str(" (as the guide advised)"),
            Some((o, e)) => line.push_str(&format!(" (the guide advised {o} on {e})")),
            None => line.push_str(" (no guide result to compare)"),
        }
        if !self.note.is_empty() {
            line.push_str(": ");
            line.push_str(&self.note);
        }
        line
    }
}

/// How often the consultants agreed with one model version, over the leads with a verdict
/// whose guide result that version computed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agreement {
    pub model_version: String,
    pub verdicts: u64,
    /// Same organisation and same execution.
    pub both: u64,
    pub organisation: u64,
    pub execution: u64,
}

impl Agreement {
    /// A count as a whole percentage of the verdicts ("—" when there are none).
    pub fn percent(&self, count: u64) -> String {
        match self.verdicts {
            0 => "—".to_string(),
            n => format!("{}%", ((count as f64 / n as f64) * 100.0).round()),
        }
    }
}
