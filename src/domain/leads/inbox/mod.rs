//! The inbox's rules: lead statuses, the reply-by promise, the list's filter as it appears in a
//! URL, notes, spreadsheet-safe export cells and the dashboard's figures.

use std::borrow::Cow;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::choice::choice_enum;
use crate::domain::field_error::FieldError;

mod page;
mod stats;
pub use page::{LeadCount, LeadCursor, PageAt};
pub use stats::{LeadStats, LeadTiming, StatsBounds, StatsCounts};

choice_enum!(
    /// Where a lead is in the pipeline. `Spam` leads live in their own view.
    LeadStatus { New = "new", Contacted = "contacted", Qualified = "qualified", Won = "won", Lost = "lost", Spam = "spam" }
);

impl LeadStatus {
    /// The statuses of the working pipeline, in order (everything but spam).
    pub const PIPELINE: [LeadStatus; 5] =
        [LeadStatus::New, LeadStatus::Contacted, LeadStatus::Qualified, LeadStatus::Won, LeadStatus::Lost];
    /// The statuses of a lead still in play: one of them without a reply past its window is overdue.
    pub const AWAITING_REPLY: [LeadStatus; 3] = [LeadStatus::New, LeadStatus::Contacted, LeadStatus::Qualified];

    /// The status as staff read it.
    pub fn label(self) -> &'static str {
        match self {
            LeadStatus::New => "New",
            LeadStatus::Contacted => "Contacted",
            LeadStatus::Qualified => "Qualified",
            LeadStatus::Won => "Won",
            LeadStatus::Lost => "Lost",
            LeadStatus::Spam => "Spam",
        }
    }
}

/// Whose leads the list shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Assignee {
    #[default]
    Anyone,
    /// The viewer's own leads.
    Mine,
    Unassigned,
}

impl Assignee {
    pub fn as_str(self) -> &'static str {
        match self {
            Assignee::Anyone => "",
            Assignee::Mine => "mine",
            Assignee::Unassigned => "unassigned",
        }
    }
}

/// The list's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Sort {
    #[default]
    Newest,
    Oldest,
    /// Unanswered leads first, the one closest to (or furthest past) its reply-by time on top.
    ReplyBy,
}

impl Sort {
    pub const ALL: [Sort; 3] = [Sort::Newest, Sort::Oldest, Sort::ReplyBy];

    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Newest => "newest",
            Sort::Oldest => "oldest",
            Sort::ReplyBy => "reply-by",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Sort::Newest => "Newest first",
            Sort::Oldest => "Oldest first",
            Sort::ReplyBy => "Reply-by time",
        }
    }
}

/// Search text longer than this is cut (nobody types more into a search box).
const MAX_SEARCH_CHARS: usize = 200;

/// What the lead list shows: the inbox's URL query, parsed.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct LeadFilter {
    /// `None`: every pipeline status (never spam).
    pub status: Option<LeadStatus>,
    pub assignee: Assignee,
    pub text: Option<String>,
    /// Where the leads came from (`Attribution::source_label`), lower-cased.
    pub source: Option<String>,
    pub from: Option<NaiveDate>,
    /// Inclusive: the whole day counts.
    pub to: Option<NaiveDate>,
    pub sort: Sort,
    /// Only leads whose visitor has a call booked (`call=booked`): the "call booked" state.
    pub call_booked: bool,
    /// Only leads whose person answered our reply and waits on us again (`waiting=us`).
    pub waiting: bool,
    /// Which page of the leads the filter selects.
    pub at: PageAt,
}

impl LeadFilter {
    /// Reads the filter from query pairs. Unknown values are reported and ignored, so a
    /// mistyped link still shows a list.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> (Self, Vec<FieldError>) {
        let mut filter = LeadFilter::default();
        let mut errors = Vec::new();
        let date = |field: &str, value: &str, errors: &mut Vec<FieldError>| {
            NaiveDate::parse_from_str(value, "%Y-%m-%d").map_err(|_| {
                errors.push(FieldError::new(field, format!("'{value}' is not a date like 2026-11-27; it was ignored.")))
            })
        };
        for (key, value) in pairs {
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            match key {
                "status" => match LeadStatus::parse(value) {
                    Some(status) => filter.status = Some(status),
                    None => errors.push(FieldError::new("status", format!("There is no status '{value}'."))),
                },
                "assignee" => match value {
                    "mine" => filter.assignee = Assignee::Mine,
                    "unassigned" => filter.assignee = Assignee::Unassigned,
                    _ => errors.push(FieldError::new("assignee", "Choose anyone, mine or unassigned.")),
                },
                "q" => filter.text = Some(value.chars().take(MAX_SEARCH_CHARS).collect()),
                "source" => {
                    filter.source = Some(value.chars().take(MAX_SEARCH_CHARS).flat_map(char::to_lowercase).collect())
                }
                "waiting" => match value {
                    "us" => filter.waiting = true,
                    _ => errors.push(FieldError::new("waiting", "Choose any or waiting on us.")),
                },
                "call" => match value {
                    "booked" => filter.call_booked = true,
                    _ => errors.push(FieldError::new("call", "Choose any or call booked.")),
                },
                "from" => filter.from = date("from", value, &mut errors).ok(),
                "to" => filter.to = date("to", value, &mut errors).ok(),
                "sort" => match Sort::ALL.iter().find(|s| s.as_str() == value) {
                    Some(sort) => filter.sort = *sort,
                    None => errors.push(FieldError::new("sort", format!("There is no order '{value}'."))),
                },
                "after" | "before" => match LeadCursor::parse(value) {
                    Some(cursor) if key == "after" => filter.at = PageAt::After(cursor),
                    Some(cursor) => filter.at = PageAt::Before(cursor),
                    None => errors
                        .push(FieldError::new(key, "That link to a page of leads is broken; here is the first page.")),
                },
                _ => {}
            }
        }
        if let (Some(from), Some(to)) = (filter.from, filter.to) {
            if from > to {
                errors.push(FieldError::new("to", "The end date is before the start date; they were swapped."));
                (filter.from, filter.to) = (Some(to), Some(from));
            }
        }
        (filter, errors)
    }

    /// The filter as query pairs (empty values left out), without the page.
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if let Some(status) = self.status {
            pairs.push(("status", status.as_str().to_string()));
        }
        if self.assignee != Assignee::Anyone {
            pairs.push(("assignee", self.assignee.as_str().to_string()));
        }
        if let Some(text) = &self.text {
            pairs.push(("q", text.clone()));
        }
        if let Some(source) = &self.source {
            pairs.push(("source", source.clone()));
        }
        if self.call_booked {
            pairs.push(("call", "booked".to_string()));
        }
        if self.waiting {
            pairs.push(("waiting", "us".to_string()));
        }
        if let Some(from) = self.from {
            pairs.push(("from", from.to_string()));
        }
        if let Some(to) = self.to {
            pairs.push(("to", to.to_string()));
        }
        if self.sort != Sort::default() {
            pairs.push(("sort", self.sort.as_str().to_string()));
        }
        pairs
    }

    /// Whether anything but the status, the order and the page limits which leads are listed.
    pub fn narrows(&self) -> bool {
        self.assignee != Assignee::Anyone
            || self.text.is_some()
            || self.source.is_some()
            || self.call_booked
            || self.waiting
            || self.from.is_some()
            || self.to.is_some()
    }

    /// The first instant the list includes and the first it no longer includes.
    pub fn time_range(&self) -> (Option<DateTime<Utc>>, Option<DateTime<Utc>>) {
        let start = |d: NaiveDate| d.and_hms_opt(0, 0, 0).map(|t| t.and_utc());
        (self.from.and_then(start), self.to.and_then(|d| d.succ_opt()).and_then(start))
    }
}

/// Internal notes: at most this many characters.
pub const NOTE_MAX_CHARS: usize = 5000;

/// What is wrong with a note, if anything.
pub fn note_problem(text: &str) -> Option<String> {
    let chars = text.trim().chars().count();
    if chars == 0 {
        Some("Write something first.".into())
    } else if chars > NOTE_MAX_CHARS {
        Some(format!("A note may have at most {NOTE_MAX_CHARS} characters (this one has {chars})."))
    } else {
        None
    }
}

/// A value that a spreadsheet will show as text: a cell that begins with `=`, `+`, `-`, `@`, a
/// tab or a carriage return could be run as a formula, so it gets a leading `'`.
pub fn spreadsheet_safe(cell: &str) -> Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{cell}")),
        _ => Cow::Borrowed(cell),
    }
}

/// One stage of the guide's funnel.
#[derive(Clone, Debug, PartialEq)]
pub struct FunnelStage {
    pub label: String,
    pub count: u64,
    /// Share lost since the stage before, in percent (`None` for the first stage, or when the
    /// stage before counted nothing).
    pub drop_off_percent: Option<f64>,
}

/// The funnel of one model version: each step's views, then completions, then leads.
pub fn funnel_stages(step_views: &[(u32, u64)], completions: u64, leads: u64) -> Vec<FunnelStage> {
    let mut stages: Vec<(String, u64)> = step_views.iter().map(|(step, n)| (format!("Step {step}"), *n)).collect();
    stages.push(("Results".into(), completions));
    stages.push(("Leads".into(), leads));
    let mut previous: Option<u64> = None;
    stages
        .into_iter()
        .map(|(label, count)| {
            let drop_off_percent =
                previous.filter(|p| *p > 0).map(|p| (p.saturating_sub(count)) as f64 * 100.0 / p as f64);
            previous = Some(count);
            FunnelStage { label, count, drop_off_percent }
        })
        .collect()
}

/// What an erased lead's personal fields become.
pub const ERASED: &str = "[erased]";

/// Where leads came from, as the dashboard counts them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceTally {
    /// The campaign's source, the referring site, or `direct`.
    pub source: String,
    pub leads: u64,
    pub won: u64,
}

#[cfg(test)]
mod tests;
