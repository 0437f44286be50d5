//! The dashboard's figures: reply timings, leads per guide model version and per source (the
//! last two from the tallies migration 0013 keeps, not by counting every lead).

use chrono::{DateTime, Utc};

use crate::domain::leads::inbox::SourceTally;
use crate::domain::leads::inbox::{LeadStatus, LeadTiming};

use super::StoreError;
use crate::server::store::sql::{Backend, Record, SqlStore, Statement};

/// Leads received since `since`, and every older one still waiting for a reply.
pub(super) async fn lead_timings<B: Backend>(
    store: &SqlStore<B>,
    since: DateTime<Utc>,
) -> Result<Vec<LeadTiming>, StoreError> {
    // Two indexed ranges: the recent leads, and the older ones still waiting (a small index).
    let mut select = Statement::new(
        "SELECT status, created_at, first_reply_at FROM leads WHERE created_at >= $1 \
         UNION ALL SELECT status, created_at, first_reply_at FROM leads \
         WHERE first_reply_at IS NULL AND created_at < $1 AND status IN ($2, $3, $4)",
    )
    .bind(since);
    for status in [LeadStatus::New, LeadStatus::Contacted, LeadStatus::Qualified] {
        select = select.bind(status);
    }
    let rows = store.read_all(select).await?;
    rows.iter()
        .map(|r| {
            Ok(LeadTiming {
                status: r.get("status")?,
                created_at: r.get("created_at")?,
                first_reply_at: r.get("first_reply_at")?,
            })
        })
        .collect()
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
