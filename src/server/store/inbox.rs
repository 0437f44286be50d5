//! What the inbox reads and changes: leads as staff see them, their history and the dashboard's
//! figures. A change is planned by the domain (`LeadChange::plan`) and written by `change.rs`.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use crate::domain::guide::recommendation::{Execution, Organisation, Recommendation};
use crate::domain::ids::{LeadReference, ResultId};
use crate::domain::leads::attribution::Attribution;
use crate::domain::leads::inbox::SourceTally;
use crate::domain::leads::inbox::{LeadCount, LeadCursor, LeadStats, LeadStatus, Sort};
use crate::domain::leads::lifecycle::{ChangeOutcome, EventKind, LeadChange};
use crate::domain::leads::promise::Timing;
use crate::domain::message::Message;
use crate::domain::period::Period;
use crate::domain::staff::StaffEmail;
use crate::server::store::lead_list::{push_contains, search_text, LeadPage, LeadQuery};
use crate::server::store::pulse::InboxPulse;

use super::StoreError;
use crate::server::store::sql::{Backend, Record, SqlStore, Statement};
use crate::server::store::staff::StaffUser;
use crate::server::store::thread::LeadReply;

/// A lead with everything the list, the detail page and the export show.
#[derive(Clone, Debug, PartialEq)]
pub struct Lead {
    pub id: i64,
    pub reference: LeadReference,
    pub name: String,
    pub email: String,
    pub company: Option<String>,
    pub role: Option<String>,
    pub message: String,
    pub preferred_contact: Option<String>,
    pub consent_version: String,
    pub consent_at: DateTime<Utc>,
    pub result_id: Option<ResultId>,
    pub source_page: String,
    pub status: LeadStatus,
    pub spam_reason: Option<String>,
    pub first_reply_at: Option<DateTime<Utc>>,
    /// Since when a reply is owed (its arrival, or an answer after our last reply); `None`
    /// once the last message was ours.
    pub owed_since: Option<DateTime<Utc>>,
    /// Why email to its address bounced, until staff correct it.
    pub undeliverable: Option<String>,
    pub created_at: DateTime<Utc>,
    pub assigned_to: Option<i64>,
    pub assignee_email: Option<StaffEmail>,
    pub erased_at: Option<DateTime<Utc>>,
    /// Where the visitor came from.
    pub attribution: Attribution,
    /// The attached guide result's one-line summary, if a result is attached.
    pub recommendation_summary: Option<Message>,
    /// The code of the language the lead wrote in (`en`, `es`).
    pub language: String,
    /// When the call its visitor booked starts, if one is booked.
    pub call_at: Option<DateTime<Utc>>,
}

impl Lead {
    /// Where a walk through the list in `sort` order stands once this lead was read: the
    /// reply-by order lists the leads owed a reply by the time they have waited since.
    pub fn cursor(&self, sort: Sort) -> LeadCursor {
        let at = match (sort, self.owed_since) {
            (Sort::ReplyBy, Some(since)) => since,
            _ => self.created_at,
        };
        LeadCursor { created_at: at, id: self.id, replied: self.owed_since.is_none() }
    }

    /// The times the reply promise is measured by.
    pub fn timing(&self) -> Timing {
        Timing { created: self.created_at, owed_since: self.owed_since, first_reply: self.first_reply_at }
    }
}

/// One line of a lead's history.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeadEvent {
    pub at: DateTime<Utc>,
    /// The staff member's email, or `visitor`.
    pub actor: String,
    pub kind: EventKind,
    pub detail: String,
}

/// How many leads each status holds, as `InboxStore::status_counts` counts them.
pub type StatusCounts = Vec<(LeadStatus, LeadCount)>;

/// The inbox's view of leads.
#[async_trait]
pub trait InboxStore: Send + Sync {
    /// The page of the list `query.filter.at` names, `query.limit` leads long (25 without).
    async fn list_leads(&self, query: LeadQuery<'_>) -> Result<LeadPage, StoreError>;
    /// The next `limit` leads of the query, in the list's order, after the lead `after` names
    /// (from the first with `None`): the export reads every lead this way, a batch at a time.
    async fn leads_after(
        &self,
        query: LeadQuery<'_>,
        after: Option<LeadCursor>,
        limit: u32,
    ) -> Result<Vec<Lead>, StoreError>;
    /// How many leads each status holds among those the query's filter selects, whatever
    /// status the filter asks for (statuses without leads left out): exactly when only the
    /// source narrows the list, else each up to `LeadCount::LIMIT`.
    async fn status_counts(&self, query: LeadQuery<'_>) -> Result<StatusCounts, StoreError>;
    /// The page and the counts together, a search planned once for both.
    async fn list_with_counts(&self, query: LeadQuery<'_>) -> Result<(LeadPage, StatusCounts), StoreError>;
    /// Fills the search column of leads stored before it existed; how many it filled.
    async fn fill_search(&self) -> Result<u64, StoreError>;
    async fn lead(&self, reference: &LeadReference) -> Result<Option<Lead>, StoreError>;
    /// The lead's history, oldest first.
    async fn events(&self, lead_id: i64) -> Result<Vec<LeadEvent>, StoreError>;
    /// The replies written to the lead, oldest first.
    async fn replies(&self, lead_id: i64) -> Result<Vec<LeadReply>, StoreError>;
    /// Applies a change and records it in the history, in one transaction.
    async fn change_lead(
        &self,
        reference: &LeadReference,
        change: &LeadChange,
        actor: &StaffUser,
        at: DateTime<Utc>,
    ) -> Result<ChangeOutcome, StoreError>;
    /// Erases a lead that was kept as long as the privacy notice says, through the same path as
    /// an erasure on request; the history names the retention job and how long it was kept.
    async fn expire_lead(
        &self,
        reference: &LeadReference,
        kept: &str,
        at: DateTime<Utc>,
    ) -> Result<ChangeOutcome, StoreError>;
    /// The unerased leads sent from this email address (compared as the search folds case),
    /// oldest first.
    async fn leads_from(&self, email: &str) -> Result<Vec<LeadReference>, StoreError>;
    /// The dashboard's figures about leads at `now`, replies due `within` their arrival.
    async fn lead_stats(&self, now: DateTime<Utc>, within: Period) -> Result<LeadStats, StoreError>;
    /// Leads (spam left out) that came with a guide result, per model version of that result.
    async fn leads_per_model_version(&self) -> Result<Vec<(String, u64)>, StoreError>;
    /// Leads (spam left out) and won leads per source, most leads first, at most 50 sources.
    async fn leads_per_source(&self) -> Result<Vec<SourceTally>, StoreError>;
    /// Where the inbox stands now, for pages that keep themselves current (see `pulse.rs`).
    async fn pulse(&self) -> Result<InboxPulse, StoreError>;
    /// How many leads the database holds, in any state (spam and erased ones included).
    async fn lead_count(&self) -> Result<u64, StoreError>;
}

/// The columns every lead query reads.
pub(super) const LEAD_SELECT: &str = "SELECT l.id, l.reference, l.name, l.email, l.company, l.role, l.message, \
     l.preferred_contact, l.consent_version, l.consent_at, l.result_id, l.source_page, l.status, l.spam_reason, \
     l.first_reply_at, l.owed_since, l.undeliverable, l.created_at, l.assigned_to, l.erased_at, u.email AS assignee_email, \
     l.utm_source, l.utm_medium, l.utm_campaign, l.referrer, l.language, \
     g.recommendation -> 'organisation' ->> 'choice' AS organisation, \
     g.recommendation -> 'execution' ->> 'choice' AS execution, \
     (SELECT b.starts_at FROM bookings b WHERE b.lead_id = l.id AND b.cancelled_at IS NULL) AS call_at \
     FROM leads l LEFT JOIN staff_users u ON u.id = l.assigned_to LEFT JOIN guide_results g ON g.id = l.result_id";

pub(super) fn lead_from_row(row: &impl Record) -> Result<Lead, StoreError> {
    // Only the two choices are read of a stored result (not its whole JSON, which lists and
    // exports would otherwise parse for every lead); a result whose choices the current code does
    // not know is shown without its summary, not as an error.
    let organisation = row.get::<Option<String>>("organisation")?.as_deref().and_then(Organisation::parse);
    let execution = row.get::<Option<String>>("execution")?.as_deref().and_then(Execution::parse);
    let recommendation_summary = organisation.zip(execution).map(|(o, e)| Recommendation::summary_of(o, e));
    Ok(Lead {
        id: row.get("id")?,
        reference: row.parse("reference")?,
        name: row.get("name")?,
        email: row.get("email")?,
        company: row.get("company")?,
        role: row.get("role")?,
        message: row.get("message")?,
        preferred_contact: row.get("preferred_contact")?,
        consent_version: row.get("consent_version")?,
        consent_at: row.get("consent_at")?,
        result_id: row.parse_optional("result_id")?,
        source_page: row.get("source_page")?,
        status: row.get("status")?,
        spam_reason: row.get("spam_reason")?,
        first_reply_at: row.get("first_reply_at")?,
        owed_since: row.get("owed_since")?,
        undeliverable: row.get("undeliverable")?,
        created_at: row.get("created_at")?,
        assigned_to: row.get("assigned_to")?,
        assignee_email: row.parse_optional("assignee_email")?,
        erased_at: row.get("erased_at")?,
        attribution: Attribution {
            source: row.get("utm_source")?,
            medium: row.get("utm_medium")?,
            campaign: row.get("utm_campaign")?,
            referrer: row.get("referrer")?,
        },
        recommendation_summary,
        language: row.get("language")?,
        call_at: row.time("call_at")?,
    })
}

#[async_trait]
impl<B: Backend> InboxStore for SqlStore<B> {
    async fn list_leads(&self, query: LeadQuery<'_>) -> Result<LeadPage, StoreError> {
        let plan = self.search_plan(query.filter.text.as_deref()).await?;
        self.lead_page(query, query.limit.unwrap_or(25), plan).await
    }

    async fn list_with_counts(&self, query: LeadQuery<'_>) -> Result<(LeadPage, StatusCounts), StoreError> {
        let plan = self.search_plan(query.filter.text.as_deref()).await?;
        let page = self.lead_page(query, query.limit.unwrap_or(25), plan).await?;
        let counts = self.count_statuses(LeadQuery { limit: None, ..query }, plan).await?;
        Ok((page, counts))
    }

    async fn leads_after(
        &self,
        query: LeadQuery<'_>,
        after: Option<LeadCursor>,
        limit: u32,
    ) -> Result<Vec<Lead>, StoreError> {
        let plan = self.search_plan(query.filter.text.as_deref()).await?;
        self.walk(query, plan, after, false, limit as usize).await
    }

    async fn status_counts(&self, query: LeadQuery<'_>) -> Result<StatusCounts, StoreError> {
        let plan = self.search_plan(query.filter.text.as_deref()).await?;
        self.count_statuses(query, plan).await
    }

    async fn fill_search(&self) -> Result<u64, StoreError> {
        let mut filled = 0;
        loop {
            let select =
                "SELECT id, name, email, company, message FROM leads WHERE search IS NULL ORDER BY id LIMIT 500";
            let rows = self.read_all(Statement::new(select)).await?;
            if rows.is_empty() {
                return Ok(filled);
            }
            let texts = rows
                .iter()
                .map(|row| {
                    let company: Option<String> = row.get("company")?;
                    let text = search_text(
                        &row.get::<String>("name")?,
                        &row.get::<String>("email")?,
                        company.as_deref(),
                        &row.get::<String>("message")?,
                    );
                    Ok((row.get::<i64>("id")?, text))
                })
                .collect::<Result<Vec<_>, StoreError>>()?;
            for (id, text) in texts {
                let update = Statement::new("UPDATE leads SET search = $1 WHERE id = $2 AND search IS NULL");
                filled += self.write(update.bind(text).bind(id)).await?;
            }
        }
    }

    async fn lead(&self, reference: &LeadReference) -> Result<Option<Lead>, StoreError> {
        let select = Statement::new(format!("{LEAD_SELECT} WHERE l.reference = $1")).bind(reference.as_str());
        self.read_optional(select).await?.as_ref().map(lead_from_row).transpose()
    }

    async fn events(&self, lead_id: i64) -> Result<Vec<LeadEvent>, StoreError> {
        let select = Statement::new("SELECT at, actor, kind, detail FROM lead_events WHERE lead_id = $1 ORDER BY id");
        let rows = self.read_all(select.bind(lead_id)).await?;
        rows.iter()
            .map(|r| {
                Ok(LeadEvent {
                    at: r.get("at")?,
                    actor: r.get("actor")?,
                    kind: r.get("kind")?,
                    detail: r.get("detail")?,
                })
            })
            .collect()
    }

    async fn replies(&self, lead_id: i64) -> Result<Vec<LeadReply>, StoreError> {
        crate::server::store::thread::replies(self, lead_id).await
    }

    async fn change_lead(
        &self,
        reference: &LeadReference,
        change: &LeadChange,
        actor: &StaffUser,
        at: DateTime<Utc>,
    ) -> Result<ChangeOutcome, StoreError> {
        crate::server::store::change::change_lead(
            self,
            reference,
            change,
            crate::server::store::change::Actor::Staff(actor),
            at,
        )
        .await
    }

    async fn expire_lead(
        &self,
        reference: &LeadReference,
        kept: &str,
        at: DateTime<Utc>,
    ) -> Result<ChangeOutcome, StoreError> {
        let change = LeadChange::Expire { kept: kept.to_string() };
        crate::server::store::change::change_lead(
            self,
            reference,
            &change,
            crate::server::store::change::Actor::Retention,
            at,
        )
        .await
    }

    async fn leads_from(&self, email: &str) -> Result<Vec<LeadReference>, StoreError> {
        // The search column narrows it down (it holds the address folded as Rust folds it);
        // the exact comparison is made here.
        let wanted = email.to_lowercase();
        let mut select = Statement::new("SELECT l.reference, l.email FROM leads l WHERE l.erased_at IS NULL");
        let plan = self.search_plan(Some(&wanted)).await?;
        push_contains::<B>(&mut select, &wanted, plan);
        select.push(" ORDER BY l.id");
        let rows = self.read_all(select).await?;
        let mut references = Vec::new();
        for row in &rows {
            if row.get::<String>("email")?.to_lowercase() == wanted {
                references.push(row.parse("reference")?);
            }
        }
        Ok(references)
    }

    async fn lead_stats(&self, now: DateTime<Utc>, within: Period) -> Result<LeadStats, StoreError> {
        crate::server::store::figures::lead_stats(self, now, within).await
    }

    async fn leads_per_model_version(&self) -> Result<Vec<(String, u64)>, StoreError> {
        crate::server::store::figures::leads_per_model_version(self).await
    }

    async fn leads_per_source(&self) -> Result<Vec<SourceTally>, StoreError> {
        crate::server::store::figures::leads_per_source(self).await
    }

    async fn lead_count(&self) -> Result<u64, StoreError> {
        self.read_one(Statement::new("SELECT COUNT(*) AS n FROM leads")).await?.get("n")
    }

    async fn pulse(&self) -> Result<InboxPulse, StoreError> {
        crate::server::store::pulse::pulse(self).await
    }
}
