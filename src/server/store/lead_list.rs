//! The inbox list's query: which leads a filter keeps (a search finds text anywhere in a lead's
//! searchable fields), in which order, a page at a time or walked a batch at a time after the
//! last lead read (the export).

use chrono::{DateTime, Utc};

use crate::domain::leads::inbox::{Assignee, LeadFilter, LeadStatus, Sort};
use crate::server::store::sql::Statement;

/// Which leads to read: the filter as the viewer sees it, and which slice of them.
#[derive(Clone, Copy, Debug)]
pub struct LeadQuery<'a> {
    pub filter: &'a LeadFilter,
    /// Whose leads "mine" means.
    pub viewer_id: i64,
    /// `None`: every matching lead (the export).
    pub limit: Option<u32>,
}

impl LeadQuery<'_> {
    pub fn offset(&self) -> i64 {
        self.limit.map_or(0, |limit| i64::from(limit) * i64::from(self.filter.page.saturating_sub(1)))
    }
}

/// Where a walk through the list stands: the last lead read, by what the list is ordered by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LeadCursor {
    pub created_at: DateTime<Utc>,
    pub id: i64,
    pub replied: bool,
}

/// Appends the condition that keeps only the leads after `cursor` in time order (`forward`:
/// oldest first) or before it (newest first). A row-value comparison, which both databases
/// answer from the index on the time (SQLite's indexes end with the row id).
pub(super) fn push_after(statement: &mut Statement, forward: bool, cursor: LeadCursor) {
    let op = if forward { " > " } else { " < " };
    statement.push(" AND (l.created_at, l.id)").push(op).push("(").push_bind(cursor.created_at);
    statement.push(", ").push_bind(cursor.id).push(")");
}

/// Appends the condition that keeps the answered leads, or the unanswered ones.
pub(super) fn push_replied(statement: &mut Statement, replied: bool) {
    statement.push(if replied { " AND l.first_reply_at IS NOT NULL" } else { " AND l.first_reply_at IS NULL" });
}

/// Text searched for literally with `LIKE` (`\` escapes), lower-cased, anywhere in a value.
pub(super) fn like_pattern(text: &str) -> String {
    let mut pattern = String::from("%");
    for c in text.to_lowercase().chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

/// What the search column holds for a lead: its searchable fields, lower-cased, each on its own
/// (a search never runs across two of them: the separator cannot be typed into a search box).
pub fn search_text(name: &str, email: &str, company: Option<&str>, message: &str) -> String {
    [name, email, company.unwrap_or_default(), message].join("\u{1f}").to_lowercase()
}

/// Appends the filter's `WHERE` clause.
pub(super) fn push_lead_filter(statement: &mut Statement, query: &LeadQuery<'_>) {
    match query.filter.status {
        Some(status) => statement.push(" WHERE l.status = ").push_bind(status),
        None => statement.push(" WHERE l.status <> ").push_bind(LeadStatus::Spam),
    };
    push_lead_conditions(statement, query);
}

/// Appends the filter's conditions but the status, each with `AND`.
pub(super) fn push_lead_conditions(statement: &mut Statement, query: &LeadQuery<'_>) {
    let filter = query.filter;
    match filter.assignee {
        Assignee::Anyone => {}
        Assignee::Mine => {
            statement.push(" AND l.assigned_to = ").push_bind(query.viewer_id);
        }
        Assignee::Unassigned => {
            statement.push(" AND l.assigned_to IS NULL");
        }
    }
    if let Some(text) = &filter.text {
        statement.push(" AND l.search LIKE ").push_bind(like_pattern(text)).push(" ESCAPE '\\'");
    }
    if let Some(source) = &filter.source {
        statement.push(" AND l.source = ").push_bind(source.as_str());
    }
    let (start, end) = filter.time_range();
    if let Some(start) = start {
        statement.push(" AND l.created_at >= ").push_bind(start);
    }
    if let Some(end) = end {
        statement.push(" AND l.created_at < ").push_bind(end);
    }
}

/// The list's `ORDER BY` clause.
pub(super) fn lead_order(sort: Sort) -> &'static str {
    match sort {
        Sort::Newest => " ORDER BY l.created_at DESC, l.id DESC",
        Sort::Oldest => " ORDER BY l.created_at ASC, l.id ASC",
        Sort::ReplyBy => " ORDER BY (CASE WHEN l.first_reply_at IS NULL THEN 0 ELSE 1 END), l.created_at ASC, l.id ASC",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_text_is_matched_literally() {
        assert_eq!(like_pattern("50%_off\\Ünï"), "%50\\%\\_off\\\\ünï%");
    }
}
