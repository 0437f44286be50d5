//! The inbox list's query: which leads a filter keeps (a search finds text anywhere in a lead's
//! searchable fields), in which order, a page at a time or walked a batch at a time after the
//! last lead read (the export).

use crate::domain::leads::inbox::{Assignee, LeadCount, LeadCursor, LeadFilter, LeadStatus, PageAt, Sort};
use crate::server::store::inbox::{lead_from_row, Lead, LEAD_SELECT};
use crate::server::store::sql::{Backend, Record, SqlStore, Statement, TrigramTerm};
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
    pub(super) async fn lead_page(
        &self,
        query: LeadQuery<'_>,
        limit: u32,
        plan: SearchPlan,
    ) -> Result<LeadPage, StoreError> {
        let limit = limit as usize;
        // Whether leads remain on the far side is asked, not assumed: they may have moved on to
        // another status since the link was made.
        if let PageAt::Before(cursor) = query.filter.at {
            let mut leads = self.walk(query, plan, Some(cursor), true, limit + 1).await?;
            if leads.len() > limit {
                leads.truncate(limit);
                leads.reverse();
                let last = leads.last().map(|l| l.cursor(query.filter.sort));
                let more_after = !self.walk(query, plan, last, false, 1).await?.is_empty();
                return Ok(LeadPage { leads, more_before: true, more_after });
            }
            // Back at the start (leads may have left the list meanwhile): the first page, whole.
        }
        let after = match query.filter.at {
            PageAt::After(cursor) => Some(cursor),
            _ => None,
        };
        let mut leads = self.walk(query, plan, after, false, limit + 1).await?;
        let more_after = leads.len() > limit;
        leads.truncate(limit);
        let more_before = match (after, leads.first()) {
            (None, _) => false,
            (Some(_), None) => true,
            (Some(_), Some(first)) => {
                !self.walk(query, plan, Some(first.cursor(query.filter.sort)), true, 1).await?.is_empty()
            }
        };
        Ok(LeadPage { leads, more_before, more_after })
    }

    /// Up to `limit` leads of the query next to `from` (exclusive; from either end with
    /// `None`), in the list's order or, `backward`, against it. Each step reads one indexed
    /// range of the time order: newest or oldest first, or for "reply by" the unanswered leads
    /// oldest first and then the answered ones.
    pub(super) async fn walk(
        &self,
        query: LeadQuery<'_>,
        plan: SearchPlan,
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
            push_lead_filter::<B>(&mut select, &query, plan);
            if let Some(replied) = part {
                push_replied(&mut select, replied);
            }
            // The leads owed a reply in the reply-by order go by how long they have waited.
            let time = if part == Some(false) { "l.owed_since" } else { "l.created_at" };
            if let Some(cursor) = cursor {
                push_after(&mut select, time, ascending, cursor);
            }
            let direction = if ascending { "ASC" } else { "DESC" };
            select.push(&format!(" ORDER BY {time} {direction}, l.id {direction}"));
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
        plan: SearchPlan,
    ) -> Result<Vec<(LeadStatus, LeadCount)>, StoreError> {
        let filter = query.filter;
        let tallied = filter.assignee == Assignee::Anyone
            && filter.text.is_none()
            && !filter.call_booked
            && filter.time_range() == (None, None);
        let mut count;
        if tallied {
            count = Statement::new(
                "SELECT status, CAST(0 AS BIGINT) AS seen, CAST(SUM(n) AS BIGINT) AS n FROM lead_tallies",
            );
            if let Some(source) = &filter.source {
                count.push(" WHERE source = ").push_bind(source.as_str());
            }
            count.push(" GROUP BY status HAVING SUM(n) > 0");
        } else if filter.text.is_some() && plan == SearchPlan::Candidates {
            // Fewer than `SEARCH_FEW` leads hold the text's trigrams: they are counted by status
            // from the index's candidates (one status's index would read every lead it holds).
            count = Statement::new(
                "SELECT l.status AS status, CAST(0 AS BIGINT) AS seen, COUNT(*) AS n FROM leads l \
                 WHERE l.status IS NOT NULL",
            );
            push_lead_conditions::<B>(&mut count, &query, plan);
            count.push(" GROUP BY l.status");
        } else {
            let plan = SearchPlan::Reading;
            // A search read in order (common or short text) counts among each status's newest
            // `READ_AT_MOST` leads the other filters keep, and says "at least" past them.
            let read = filter.text.as_deref();
            let without_text = LeadFilter { text: None, ..filter.clone() };
            let others = LeadQuery { filter: &without_text, ..query };
            count = Statement::new("");
            for (i, status) in LeadStatus::ALL.iter().enumerate() {
                count.push(if i == 0 { "" } else { " UNION ALL " });
                count.push("SELECT ").push_bind(*status).push(" AS status, c.seen AS seen, c.n AS n FROM (SELECT ");
                match read {
                    Some(text) => {
                        count.push("COUNT(*) AS seen, COALESCE(SUM(CASE WHEN r.search LIKE ");
                        count.push_bind(like_pattern(text)).push(" ESCAPE '\\' THEN 1 ELSE 0 END), 0) AS n");
                        count.push(" FROM (SELECT l.search FROM leads l WHERE l.status = ").push_bind(*status);
                        push_lead_conditions::<B>(&mut count, &others, plan);
                        count.push(" ORDER BY l.created_at DESC LIMIT ").push_bind(READ_AT_MOST as i64 + 1);
                    }
                    None => {
                        count.push(
                            "CAST(0 AS BIGINT) AS seen, COUNT(*) AS n FROM (SELECT 1 FROM leads l WHERE l.status = ",
                        );
                        count.push_bind(*status);
                        push_lead_conditions::<B>(&mut count, &query, plan);
                        count.push(" LIMIT ").push_bind(LeadCount::LIMIT as i64 + 1);
                    }
                }
                count.push(") AS r) AS c");
            }
        }
        let rows = self.read_all(count).await?;
        let mut counts = Vec::new();
        for row in rows {
            let n: u64 = row.get("n")?;
            // Past the leads read, a status with no match among them may still hold some.
            let partly_read = row.get::<u64>("seen")? > READ_AT_MOST;
            if n > 0 || partly_read {
                let n = if tallied {
                    LeadCount::exact(n)
                } else if partly_read {
                    LeadCount { n: n.min(LeadCount::LIMIT), at_least: true }
                } else {
                    LeadCount::up_to_limit(n)
                };
                counts.push((row.get("status")?, n));
            }
        }
        Ok(counts)
    }
}

/// Appends the condition that keeps only the leads after `cursor` in the order of `time` (a
/// fixed column name; `ascending`: oldest first) or before it (newest first). A row-value
/// comparison, which both databases answer from the index on the time (SQLite's indexes end
/// with the row id).
pub(super) fn push_after(statement: &mut Statement, time: &str, ascending: bool, cursor: LeadCursor) {
    let op = if ascending { " > " } else { " < " };
    statement.push(" AND (").push(time).push(", l.id)").push(op).push("(").push_bind(cursor.created_at);
    statement.push(", ").push_bind(cursor.id).push(")");
}

/// Appends the condition that keeps the leads owed nothing, or those owed a reply.
pub(super) fn push_replied(statement: &mut Statement, replied: bool) {
    statement.push(if replied { " AND l.owed_since IS NULL" } else { " AND l.owed_since IS NOT NULL" });
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

/// How a search finds its leads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum SearchPlan {
    /// The trigram index's few candidates first (`Backend::TRIGRAM_FILTER`).
    Candidates,
    /// Reading leads in order and matching each: the text is common, too short for trigrams, or
    /// the database's planner makes that choice itself.
    Reading,
}

/// The text as the trigram index is asked for it (`Backend::TRIGRAM_TERM`).
fn trigram_term<B: Backend>(text: &str) -> String {
    match B::TRIGRAM_TERM {
        // One quoted phrase of the full-text index: its trigrams, one after another, are the text.
        TrigramTerm::Phrase => format!("\"{}\"", text.to_lowercase().replace('"', "\"\"")),
        TrigramTerm::Like => like_pattern(text),
    }
}

/// Below this many candidates a search goes through the trigram index (`TRIGRAM_PROBE`).
const SEARCH_FEW: u64 = 2000;

/// How many of a status's leads a search read in order looks at to count its matches.
const READ_AT_MOST: u64 = 1_000;

/// How many of the newest leads show whether a text is common, where asking the trigram index
/// costs as much as its candidates are many (`Backend::GATHERS_CANDIDATES`).
const NEWEST: u64 = 1_000;

/// A page of the list and one more: as many matches as the newest leads must hold for reading
/// in order to fill the first page among them.
const PAGE_WORTH: u64 = 26;

impl<B: Backend> SqlStore<B> {
    /// How to find the leads holding `text`.
    pub(super) async fn search_plan(&self, text: Option<&str>) -> Result<SearchPlan, StoreError> {
        let Some(text) = text.filter(|t| t.chars().count() >= 3) else { return Ok(SearchPlan::Reading) };
        if B::GATHERS_CANDIDATES {
            // Text that the newest leads hold as often as `SEARCH_FEW` in all of them would is
            // common: reading in order finds a page at once, where the index would first gather
            // every candidate (a hundred thousand for a common word at a million leads).
            let newest = Statement::new(
                "SELECT COUNT(*) AS n, (SELECT CAST(COALESCE(SUM(n), 0) AS BIGINT) FROM lead_tallies) AS total \
                 FROM (SELECT l.search FROM leads l ORDER BY l.created_at DESC LIMIT $1) AS r \
                 WHERE r.search LIKE $2 ESCAPE '\\'",
            );
            let row = self.read_one(newest.bind(NEWEST as i64).bind(like_pattern(text))).await?;
            let (held, total): (u64, u64) = (row.get("n")?, row.get("total")?);
            // And a page's worth of them among the newest: reading in order then stops there,
            // where text a few recent leads hold would be read for through every older lead.
            if held >= PAGE_WORTH && held * total >= SEARCH_FEW * NEWEST {
                return Ok(SearchPlan::Reading);
            }
        }
        let probe = Statement::new(B::TRIGRAM_PROBE).bind(trigram_term::<B>(text)).bind(SEARCH_FEW as i64);
        let candidates: u64 = self.read_one(probe).await?.get("n")?;
        Ok(if candidates < SEARCH_FEW { SearchPlan::Candidates } else { SearchPlan::Reading })
    }
}

/// Appends the condition that keeps the leads whose search column holds `text` (lower-cased
/// here), narrowed first to the trigram index's candidates when the plan says so.
pub(super) fn push_contains<B: Backend>(statement: &mut Statement, text: &str, plan: SearchPlan) {
    let text = text.to_lowercase();
    if plan == SearchPlan::Candidates && text.chars().count() >= 3 {
        statement.push(B::TRIGRAM_FILTER).push_bind(trigram_term::<B>(&text)).push(")");
    }
    statement.push(" AND l.search LIKE ").push_bind(like_pattern(&text)).push(" ESCAPE '\\'");
}

/// What the search column holds for a lead: its searchable fields, lower-cased, each on its own
/// (a search never runs across two of them: the separator cannot be typed into a search box).
pub fn search_text(name: &str, email: &str, company: Option<&str>, message: &str) -> String {
    [name, email, company.unwrap_or_default(), message].join("\u{1f}").to_lowercase()
}

/// What an answer adds to its lead's search column: its text, lower-cased, as one more field
/// (at most `ANSWER_SEARCHED` characters of it).
pub fn answer_search_text(body: &str) -> String {
    let mut text = String::from("\u{1f}");
    text.extend(body.chars().take(ANSWER_SEARCHED).flat_map(char::to_lowercase));
    text
}

/// How much of each answer the search reads.
const ANSWER_SEARCHED: usize = 20_000;

/// Appends the filter's `WHERE` clause.
pub(super) fn push_lead_filter<B: Backend>(statement: &mut Statement, query: &LeadQuery<'_>, plan: SearchPlan) {
    match query.filter.status {
        Some(status) => statement.push(" WHERE l.status = ").push_bind(status),
        None => statement.push(" WHERE l.status <> ").push_bind(LeadStatus::Spam),
    };
    push_lead_conditions::<B>(statement, query, plan);
}

/// Appends the filter's conditions but the status, each with `AND`.
pub(super) fn push_lead_conditions<B: Backend>(statement: &mut Statement, query: &LeadQuery<'_>, plan: SearchPlan) {
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
        push_contains::<B>(statement, text, plan);
    }
    if let Some(source) = &filter.source {
        statement.push(" AND l.source = ").push_bind(source.as_str());
    }
    if filter.waiting {
        statement.push(" AND l.owed_since IS NOT NULL AND l.first_reply_at IS NOT NULL");
    }
    if filter.call_booked {
        statement.push(" AND EXISTS (SELECT 1 FROM bookings b WHERE b.lead_id = l.id AND b.cancelled_at IS NULL)");
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
