//! The dashboard's figures: counts and reply times over the last 30 days, leads per guide model
//! version and per source (the last two from the tallies migration 0013 keeps, not by counting
//! every lead).

use chrono::{DateTime, Duration, Utc};

use crate::domain::leads::inbox::SourceTally;
use crate::domain::leads::inbox::{LeadStats, LeadStatus, StatsBounds, StatsCounts};
use crate::domain::period::Period;

use super::StoreError;
use crate::server::store::sql::{Backend, Record, SqlStore, Statement};

/// The dashboard's figures at `now`, counted by the database over indexed ranges (the last 30
/// days' leads, older ones still waiting for a reply, and the waits answers began), and the
/// median time to a reply, read as the one or two middle values of the replies sorted: what
/// `LeadStats::compute` makes of the same waits, with each reply time in whole milliseconds.
pub(super) async fn lead_stats<B: Backend>(
    store: &SqlStore<B>,
    now: DateTime<Utc>,
    within: Period,
) -> Result<LeadStats, StoreError> {
    let bounds = StatsBounds::at(now, within);
    let waited = B::millis_between("created_at", "first_reply_at");
    // Every wait for a reply, as rows of (status, when it began, when the reply came, whether
    // it is a lead's arrival): the last 30 days' leads, the older ones still waiting (read from
    // the index of unanswered ones alone: their status and time are all that index holds), and
    // the waits that answers began, in the last 30 days or still open.
    let waits = "SELECT status, created_at, first_reply_at, 1 AS arrival FROM leads WHERE created_at >= $1 \
         UNION ALL SELECT status, created_at, NULL AS first_reply_at, 1 AS arrival FROM leads \
         WHERE first_reply_at IS NULL AND created_at < $1 AND status IN ($2, $3, $4) \
         UNION ALL SELECT l.status, w.since AS created_at, w.answered_at AS first_reply_at, 0 AS arrival \
         FROM lead_waits w JOIN leads l ON l.id = w.lead_id WHERE w.since >= $1 OR w.answered_at IS NULL";
    let mut select = Statement::new(format!(
        "SELECT COUNT(CASE WHEN arrival = 1 AND created_at >= $5 AND created_at < $6 THEN 1 END) AS today, \
         COUNT(CASE WHEN arrival = 1 AND created_at >= $7 THEN 1 END) AS this_week, \
         COUNT(CASE WHEN arrival = 1 AND created_at >= $1 THEN 1 END) AS last_30_days, \
         COUNT(CASE WHEN first_reply_at IS NULL AND created_at <= $8 AND status IN ($2, $3, $4) THEN 1 END) \
         AS overdue_now, \
         COUNT(CASE WHEN created_at >= $1 AND (first_reply_at IS NOT NULL OR created_at <= $8) THEN 1 END) AS decided, \
         COUNT(CASE WHEN created_at >= $1 AND first_reply_at IS NOT NULL AND {waited} <= $9 THEN 1 END) AS in_time, \
         COUNT(CASE WHEN created_at >= $1 AND first_reply_at IS NOT NULL THEN 1 END) AS replied \
         FROM ({waits}) AS t WHERE status <> $10"
    ))
    .bind(bounds.month_ago);
    for status in LeadStatus::AWAITING_REPLY {
        select = select.bind(status);
    }
    let select = select
        .bind(bounds.today)
        .bind(bounds.tomorrow)
        .bind(bounds.week)
        .bind(bounds.due_by)
        .bind(bounds.within.num_milliseconds())
        .bind(LeadStatus::Spam);
    let row = store.read_one(select).await?;
    let counts = StatsCounts {
        today: row.get("today")?,
        this_week: row.get("this_week")?,
        last_30_days: row.get("last_30_days")?,
        overdue_now: row.get("overdue_now")?,
        decided: row.get("decided")?,
        in_time: row.get("in_time")?,
    };
    let replied: u64 = row.get("replied")?;
    // The middle reply, or the two middle ones of an even number.
    let (skip, take) = if replied % 2 == 1 { (replied / 2, 1) } else { (replied.saturating_sub(2) / 2, 2) };
    let middle = Statement::new(format!(
        "SELECT waited FROM (SELECT {waited} AS waited FROM leads \
         WHERE created_at >= $1 AND first_reply_at IS NOT NULL AND status <> $2 \
         UNION ALL SELECT {answered} AS waited FROM lead_waits w JOIN leads l ON l.id = w.lead_id \
         WHERE w.since >= $1 AND w.answered_at IS NOT NULL AND l.status <> $2) AS r \
         ORDER BY waited LIMIT $3 OFFSET $4",
        answered = B::millis_between("w.since", "w.answered_at"),
    ))
    .bind(bounds.month_ago)
    .bind(LeadStatus::Spam)
    .bind(take as i64)
    .bind(skip as i64);
    let middle: Vec<i64> = if replied == 0 {
        Vec::new()
    } else {
        store.read_all(middle).await?.iter().map(|r| r.get("waited")).collect::<Result<_, _>>()?
    };
    let median = (!middle.is_empty()).then(|| Duration::milliseconds(middle.iter().sum::<i64>() / middle.len() as i64));
    Ok(LeadStats::from_counts(counts, median))
}

/// Leads (spam left out) that came with a guide result, per model version of that result.
pub(super) async fn leads_per_model_version<B: Backend>(store: &SqlStore<B>) -> Result<Vec<(String, u64)>, StoreError> {
    let select = Statement::new(
        "SELECT model_version, CAST(SUM(n) AS BIGINT) AS n FROM lead_tallies \
         WHERE model_version <> '' AND status <> $1 GROUP BY model_version HAVING SUM(n) > 0",
    )
    .bind(LeadStatus::Spam);
    let rows = store.read_all(select).await?;
    rows.iter().map(|r| Ok((r.get("model_version")?, r.get("n")?))).collect()
}

/// Leads (spam left out) and won leads per source, most leads first, at most 50 sources.
pub(super) async fn leads_per_source<B: Backend>(store: &SqlStore<B>) -> Result<Vec<SourceTally>, StoreError> {
    let select = Statement::new(
        "SELECT source, CAST(SUM(n) AS BIGINT) AS leads, \
         CAST(COALESCE(SUM(n) FILTER (WHERE status = $1), 0) AS BIGINT) AS won FROM lead_tallies \
         WHERE status <> $2 GROUP BY source HAVING SUM(n) > 0 ORDER BY leads DESC, source LIMIT 50",
    )
    .bind(LeadStatus::Won)
    .bind(LeadStatus::Spam);
    let rows = store.read_all(select).await?;
    rows.iter()
        .map(|r| Ok(SourceTally { source: r.get("source")?, leads: r.get("leads")?, won: r.get("won")? }))
        .collect()
}
