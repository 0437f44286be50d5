//! The inbox list's query: which leads a filter keeps (a search finds text anywhere in a lead's
//! searchable fields), in which order, a page at a time or walked a batch at a time after the
//! last lead read (the export).

use crate::domain::leads::inbox::{Assignee, LeadCount, LeadCursor, LeadFilter, LeadStatus, PageAt, Sort};
use crate::server::store::inbox::{lead_from_row, Lead, LEAD_SELECT};
use crate::server::store::sql::{Backend, Record, SqlStore, Statement};
use crate::server::store::StoreError;

/// Which leads to read: the filter as the viewer sees it, and how many at most.
#[derive(Clone, Copy, Debug)]
pub struct LeadQuery<'a> {
    pub filter: &'a LeadFilter,
    /// Whose leads "mine" means.
    pub viewer_id: i64,
    /// `None`: every matching lead (the export).
    pub limit: Option<u32>,
}

/// One page of the list, and whether there are leads on either side of it.
#[derive(Clone, Debug, PartialEq)]
pub struct LeadPage {
    pub leads: Vec<Lead>,
    pub more_before: bool,
    pub more_after: bool,
}

impl<B: Backend> SqlStore<B> {
    /// The page of the list the filter names (`filter.at`), at most `limit` leads.
    pub(super) async fn lead_page(&self, query: LeadQuery<'_>, limit: u32) -> Result<LeadPage, StoreError> {
        let limit = limit as usize;
        let mut page = match query.filter.at {
            PageAt::First | PageAt::After(_) => {
                let after = match query.filter.at {
                    PageAt::After(cursor) => Some(cursor),
                    _ => None,
                };
                let mut leads = self.walk(query, after, false, limit + 1).await?;
                let more_after = leads.len() > limit;
                leads.truncate(limit);
                LeadPage { leads, more_before: after.is_some(), more_after }
            }
            PageAt::Before(cursor) => {
                let mut leads = self.walk(query, Some(cursor), true, limit + 1).await?;
                if leads.len() <= limit {
                    // Back at the start (leads may have left the list meanwhile): the first
                    // page, whole.
                    let mut leads = self.walk(query, None, false, limit + 1).await?;
                    let more_after = leads.len() > limit;
                    leads.truncate(limit);
                    return Ok(LeadPage { leads, more_before: false, more_after });
                }
                leads.truncate(limit);
                leads.reverse();
                LeadPage { leads, more_before: true, more_after: true }
            }
        };
        // Whether the other side still holds leads is asked, not assumed: they may have moved
        // on to another status since the link was made.
        if let (PageAt::After(_), Some(first)) = (query.filter.at, page.leads.first()) {
            page.more_before = !self.walk(query, Some(first.cursor()), true, 1).await?.is_empty();
        }
        if let (PageAt::Before(_), Some(last)) = (query.filter.at, page.leads.last()) {
            page.more_after = !self.walk(query, Some(last.cursor()), false, 1).await?.is_empty();
        }
        Ok(page)
    }

    /// Up to `limit` leads of the query next to `from` (exclusive; from either end with
    /// `None`), in the list's order or, `backward`, against it. Each step reads one indexed
    /// range of the time order: newest or oldest first, or for "reply by" the unanswered leads
    /// oldest first and then the answered ones.
    pub(super) async fn walk(
        &self,
        query: LeadQuery<'_>,
        from: Option<LeadCursor>,
        backward: bool,
        limit: usize,
    ) -> Result<Vec<Lead>, StoreError> {
        let ascending = (query.filter.sort != Sort::Newest) != backward;
        let mut parts = if query.filter.sort == Sort::ReplyBy { vec![Some(false), Some(true)] } else { vec![None] };
        if backward {
            parts.reverse();
        }
        let mut leads = Vec::new();
        for part in parts {
            let cursor = match (part, from) {
                (Some(replied), Some(cursor)) if replied != cursor.replied => {
                    // A part the walk passed before it reached the cursor is skipped; the
                    // part after the cursor's is read from its start.
                    if (replied < cursor.replied) != backward {
                        continue;
                    }
                    None
                }
                (_, cursor) => cursor,
            };
            if leads.len() >= limit {
                break;
            }
            let mut select = Statement::new(LEAD_SELECT);
            push_lead_filter::<B>(&mut select, &query);
            if let Some(replied) = part {
                push_replied(&mut select, replied);
            }
            if let Some(cursor) = cursor {
                push_after(&mut select, ascending, cursor);
            }
            select.push(if ascending {
                " ORDER BY l.created_at ASC, l.id ASC"
            } else {
                " ORDER BY l.created_at DESC, l.id DESC"
            });
            select.push(" LIMIT ").push_bind((limit - leads.len()) as i64);
            for row in self.read_all(select).await? {
                leads.push(lead_from_row(&row)?);
            }
        }
        Ok(leads)
    }

    /// How many leads each status holds among those the query's filter selects, whatever
    /// status it asks for. The tallies answer exactly when only the source narrows the list;
    /// otherwise each status is counted up to `LeadCount::LIMIT`.
    pub(super) async fn count_statuses(
        &self,
        query: LeadQuery<'_>,
    ) -> Result<Vec<(LeadStatus, LeadCount)>, StoreError> {
        let filter = query.filter;
        let tallied =
            filter.assignee == Assignee::Anyone && filter.text.is_none() && filter.time_range() == (None, None);
        let mut count;
        if tallied {
            count = Statement::new("SELECT status, CAST(SUM(n) AS BIGINT) AS n FROM lead_tallies");
            if let Some(source) = &filter.source {
                count.push(" WHERE source = ").push_bind(source.as_str());
            }
            count.push(" GROUP BY status HAVING SUM(n) > 0");
        } else {
            count = Statement::new("");
            for (i, status) in LeadStatus::ALL.iter().enumerate() {
                count.push(if i == 0 { "" } else { " UNION ALL " });
                count
                    .push("SELECT ")
                    .push_bind(*status)
                    .push(" AS status, (SELECT COUNT(*) FROM (SELECT 1 FROM leads l");
                count.push(" WHERE l.status = ").push_bind(*status);
                push_lead_conditions::<B>(&mut count, &query);
                count.push(" LIMIT ").push_bind(LeadCount::LIMIT as i64 + 1).push(") AS c) AS n");
            }
        }
        let rows = self.read_all(count).await?;
        let mut counts = Vec::new();
        for row in rows {
            let n: u64 = row.get("n")?;
            if n > 0 {
                let n = if tallied { LeadCount::exact(n) } else { LeadCount::up_to_limit(n) };
                counts.push((row.get("status")?, n));
            }
        }
        Ok(counts)
    }
}

/// Appends the condition that keeps only the leads after `cursor` in time order (`ascending`:
/// oldest first) or before it (newest first). A row-value comparison, which both databases
/// answer from the index on the time (SQLite's indexes end with the row id).
pub(super) fn push_after(statement: &mut Statement, ascending: bool, cursor: LeadCursor) {
    let op = if ascending { " > " } else { " < " };
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

/// Appends the condition that keeps the leads whose search column holds `text` (lower-cased
/// here), found through the database's trigram index when the text is long enough for one.
pub(super) fn push_contains<B: Backend>(statement: &mut Statement, text: &str) {
    let text = text.to_lowercase();
    if let Some(filter) = B::TRIGRAM_FILTER.filter(|_| text.chars().count() >= 3) {
        // One quoted phrase: its trigrams, one after another, are the text.
        statement.push(filter).push_bind(format!("\"{}\"", text.replace('"', "\"\""))).push(")");
    }
    statement.push(" AND l.search LIKE ").push_bind(like_pattern(&text)).push(" ESCAPE '\\'");
}

/// What the search column holds for a lead: its searchable fields, lower-cased, each on its own
/// (a search never runs across two of them: the separator cannot be typed into a search box).
pub fn search_text(name: &str, email: &str, company: Option<&str>, message: &str) -> String {
    [name, email, company.unwrap_or_default(), message].join("\u{1f}").to_lowercase()
}

/// Appends the filter's `WHERE` clause.
pub(super) fn push_lead_filter<B: Backend>(statement: &mut Statement, query: &LeadQuery<'_>) {
    match query.filter.status {
        Some(status) => statement.push(" WHERE l.status = ").push_bind(status),
        None => statement.push(" WHERE l.status <> ").push_bind(LeadStatus::Spam),
    };
    push_lead_conditions::<B>(statement, query);
}

/// Appends the filter's conditions but the status, each with `AND`.
pub(super) fn push_lead_conditions<B: Backend>(statement: &mut Statement, query: &LeadQuery<'_>) {
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
        push_contains::<B>(statement, text);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_text_is_matched_literally() {
        assert_eq!(like_pattern("50%_off\\Ünï"), "%50\\%\\_off\\\\ünï%");
    }
}
