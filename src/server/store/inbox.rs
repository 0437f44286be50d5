//! What the inbox reads and changes: leads as staff see them, their history, login attempts.
//! Each change is planned here, once, and carried out by each backend in one transaction.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use crate::domain::inbox::{Assignee, LeadFilter, LeadStatus, LeadTiming, Sort};

use super::{StaffUser, StoreError};

/// A lead with everything the list, the detail page and the export show.
#[derive(Clone, Debug, PartialEq)]
pub struct Lead {
    pub id: i64,
    pub reference: String,
    pub name: String,
    pub email: String,
    pub company: Option<String>,
    pub role: Option<String>,
    pub message: String,
    pub preferred_contact: Option<String>,
    pub consent_version: String,
    pub consent_at: DateTime<Utc>,
    pub result_id: Option<String>,
    pub source_page: String,
    pub status: LeadStatus,
    pub spam_reason: Option<String>,
    pub first_reply_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub assigned_to: Option<i64>,
    pub assignee_email: Option<String>,
    pub erased_at: Option<DateTime<Utc>>,
    /// The attached guide result's one-line summary, if a result is attached.
    pub recommendation_summary: Option<String>,
}

/// One page of the list.
#[derive(Clone, Debug, PartialEq)]
pub struct LeadPage {
    pub leads: Vec<Lead>,
    /// How many leads match the filter on all pages.
    pub total: u64,
}

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

/// One line of a lead's history.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeadEvent {
    pub at: DateTime<Utc>,
    /// The staff member's email, or `visitor`.
    pub actor: String,
    pub kind: String,
    pub detail: String,
}

/// Something staff do to a lead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LeadChange {
    Status(LeadStatus),
    /// Assign to the active user with this id, or to nobody.
    Assign(Option<i64>),
    Note(String),
    /// The first reply went out: records its time (once).
    Replied,
    /// A lead held as spam is real after all: back to `new`.
    NotSpam,
    /// Replaces the personal data (admins only; checked by the caller).
    Erase,
}

/// What a change did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChangeOutcome {
    Done,
    NoSuchLead,
    /// Nothing to do, and why (shown to the person who asked).
    Refused(String),
}

/// A lead's state as a change sees it.
#[derive(Clone, Copy, Debug)]
pub struct LeadState {
    pub id: i64,
    pub status: LeadStatus,
    pub replied: bool,
    pub erased: bool,
    pub assigned_to: Option<i64>,
}

/// What a backend writes for a change.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ChangePlan {
    pub status: Option<LeadStatus>,
    pub first_reply: bool,
    pub assign: Option<Option<i64>>,
    pub erase: bool,
    pub event_kind: &'static str,
    pub event_detail: String,
}

impl LeadChange {
    /// What to write, or why nothing will be. `assignee` is the user an `Assign(Some(_))`
    /// names, if that user exists.
    pub fn plan(&self, lead: &LeadState, assignee: Option<&StaffUser>) -> Result<ChangePlan, ChangeOutcome> {
        let refuse = |why: &str| Err(ChangeOutcome::Refused(why.to_string()));
        if lead.erased && !matches!(self, LeadChange::Status(_)) {
            return refuse("This lead's personal data was erased; only its status can still change.");
        }
        match self {
            LeadChange::Status(status) if *status == lead.status => refuse("The lead already has that status."),
            LeadChange::Status(status) => Ok(ChangePlan {
                status: Some(*status),
                event_kind: "status",
                event_detail: format!("status: {} → {}", lead.status, status),
                ..ChangePlan::default()
            }),
            LeadChange::Assign(user) if *user == lead.assigned_to => refuse("The lead is already assigned so."),
            LeadChange::Assign(Some(_)) => match assignee {
                Some(user) if !user.disabled => Ok(ChangePlan {
                    assign: Some(Some(user.id)),
                    event_kind: "assigned",
                    event_detail: format!("assigned to {}", user.email),
                    ..ChangePlan::default()
                }),
                _ => refuse("That person cannot be assigned leads (no such active account)."),
            },
            LeadChange::Assign(None) => Ok(ChangePlan {
                assign: Some(None),
                event_kind: "assigned",
                event_detail: "unassigned".into(),
                ..ChangePlan::default()
            }),
            LeadChange::Note(text) => {
                Ok(ChangePlan { event_kind: "note", event_detail: text.trim().to_string(), ..ChangePlan::default() })
            }
            LeadChange::Replied if lead.replied => refuse("The first reply was already recorded."),
            LeadChange::Replied => Ok(ChangePlan {
                first_reply: true,
                // Replying is contacting: a new lead moves on by itself.
                status: (lead.status == LeadStatus::New).then_some(LeadStatus::Contacted),
                event_kind: "replied",
                event_detail: if lead.status == LeadStatus::New {
                    "first reply sent; status: new → contacted".into()
                } else {
                    "first reply sent".into()
                },
                ..ChangePlan::default()
            }),
            LeadChange::NotSpam if lead.status != LeadStatus::Spam => refuse("The lead is not held as spam."),
            LeadChange::NotSpam => Ok(ChangePlan {
                status: Some(LeadStatus::New),
                event_kind: "status",
                event_detail: "not spam: status: spam → new".into(),
                ..ChangePlan::default()
            }),
            LeadChange::Erase => Ok(ChangePlan {
                erase: true,
                event_kind: "erased",
                event_detail: "personal data erased on request (name, email, company, role, message, notes)".into(),
                ..ChangePlan::default()
            }),
        }
    }
}

/// The inbox's view of leads.
#[async_trait]
pub trait InboxStore: Send + Sync {
    async fn list_leads(&self, query: LeadQuery<'_>) -> Result<LeadPage, StoreError>;
    /// How many leads each status holds.
    async fn status_counts(&self) -> Result<Vec<(LeadStatus, u64)>, StoreError>;
    async fn lead(&self, reference: &str) -> Result<Option<Lead>, StoreError>;
    /// The lead's history, oldest first.
    async fn events(&self, lead_id: i64) -> Result<Vec<LeadEvent>, StoreError>;
    /// Applies a change and records it in the history, in one transaction.
    async fn change_lead(
        &self,
        reference: &str,
        change: &LeadChange,
        actor: &StaffUser,
        at: DateTime<Utc>,
    ) -> Result<ChangeOutcome, StoreError>;
    /// Leads received since `since`, and every older one still waiting for a reply.
    async fn lead_timings(&self, since: DateTime<Utc>) -> Result<Vec<LeadTiming>, StoreError>;
    /// Leads (spam left out) that came with a guide result, per model version of that result.
    async fn leads_per_model_version(&self) -> Result<Vec<(String, u64)>, StoreError>;
}

/// How a login attempt ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoginOutcome {
    Success,
    WrongPassword,
    UnknownAccount,
    Disabled,
    Throttled,
}

impl LoginOutcome {
    pub fn as_str(self) -> &'static str {
        match self {
            LoginOutcome::Success => "success",
            LoginOutcome::WrongPassword => "wrong_password",
            LoginOutcome::UnknownAccount => "unknown_account",
            LoginOutcome::Disabled => "disabled",
            LoginOutcome::Throttled => "throttled",
        }
    }
}

/// One login attempt, as recorded.
#[derive(Clone, Debug)]
pub struct LoginAttempt {
    pub at: DateTime<Utc>,
    pub account_key: String,
    pub user_id: Option<i64>,
    pub ip: String,
    pub outcome: LoginOutcome,
}

/// Failed attempts counted since some moment.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Failures {
    /// For the account, from anywhere.
    pub account: u64,
    /// For the account, from this address.
    pub account_from_ip: u64,
    /// From this address, for any account.
    pub ip: u64,
}

/// The login attempt log, which also throttles guessing.
#[async_trait]
pub trait LoginStore: Send + Sync {
    async fn record_login(&self, attempt: &LoginAttempt) -> Result<(), StoreError>;
    /// Failed attempts (wrong password, unknown or disabled account) since `since`.
    async fn login_failures(&self, account_key: &str, ip: &str, since: DateTime<Utc>) -> Result<Failures, StoreError>;
}

/// The columns every lead query reads; `json` casts the stored recommendation to text where
/// the database keeps it as JSON.
pub(super) fn lead_select(json_as_text: &str) -> String {
    format!(
        "SELECT l.id, l.reference, l.name, l.email, l.company, l.role, l.message, l.preferred_contact, \
         l.consent_version, l.consent_at, l.result_id, l.source_page, l.status, l.spam_reason, l.first_reply_at, \
         l.created_at, l.assigned_to, l.erased_at, u.email AS assignee_email, \
         g.recommendation{json_as_text} AS recommendation \
         FROM leads l LEFT JOIN staff_users u ON u.id = l.assigned_to LEFT JOIN guide_results g ON g.id = l.result_id"
    )
}

/// Appends the filter's `WHERE` clause; `time` turns an instant into what the backend stores.
pub(super) fn push_lead_filter<'q, DB, T>(
    qb: &mut sqlx::QueryBuilder<'q, DB>,
    query: &LeadQuery<'_>,
    time: impl Fn(DateTime<Utc>) -> T,
) where
    DB: sqlx::Database,
    String: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
    i64: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
    T: sqlx::Encode<'q, DB> + sqlx::Type<DB> + 'q,
{
    let filter = query.filter;
    match filter.status {
        Some(status) => qb.push(" WHERE l.status = ").push_bind(status.as_str().to_string()),
        None => qb.push(" WHERE l.status <> 'spam'"),
    };
    match filter.assignee {
        Assignee::Anyone => {}
        Assignee::Mine => {
            qb.push(" AND l.assigned_to = ").push_bind(query.viewer_id);
        }
        Assignee::Unassigned => {
            qb.push(" AND l.assigned_to IS NULL");
        }
    }
    if let Some(pattern) = filter.like_pattern() {
        qb.push(" AND (");
        for (i, column) in ["l.name", "l.email", "COALESCE(l.company, '')", "l.message"].iter().enumerate() {
            if i > 0 {
                qb.push(" OR ");
            }
            qb.push(format!("LOWER({column}) LIKE ")).push_bind(pattern.clone()).push(" ESCAPE '\\'");
        }
        qb.push(")");
    }
    let (start, end) = filter.time_range();
    if let Some(start) = start {
        qb.push(" AND l.created_at >= ").push_bind(time(start));
    }
    if let Some(end) = end {
        qb.push(" AND l.created_at < ").push_bind(time(end));
    }
}

/// The list's `ORDER BY` clause.
pub(super) fn lead_order(sort: Sort) -> &'static str {
    match sort {
        Sort::Newest => " ORDER BY l.created_at DESC, l.id DESC",
        Sort::Oldest => " ORDER BY l.created_at ASC, l.id ASC",
        Sort::ReplyBy => " ORDER BY (l.first_reply_at IS NOT NULL), l.created_at ASC, l.id ASC",
    }
}

/// The one-line summary of a stored recommendation (`None` when there is none or it is unreadable).
pub(super) fn summary_of(recommendation: Option<&str>) -> Option<String> {
    recommendation
        .and_then(|json| serde_json::from_str::<crate::domain::recommendation::Recommendation>(json).ok())
        .map(|r| r.summary())
}

/// What a status column holds, or a corruption error.
pub(super) fn status_of(text: &str) -> Result<LeadStatus, StoreError> {
    LeadStatus::parse(text).ok_or_else(|| StoreError::Corrupt(format!("unknown lead status '{text}'")))
}

/// What an outbox message about an erased lead is left with.
pub(super) const ERASED_PAYLOAD: &str = "{}";
/// Why a message that was still waiting will not be sent.
pub(super) const CANCELLED_BY_ERASURE: &str = "cancelled: the lead's personal data was erased";

#[cfg(test)]
mod tests {
    use super::*;

    fn lead(status: LeadStatus) -> LeadState {
        LeadState { id: 1, status, replied: false, erased: false, assigned_to: None }
    }

    #[test]
    fn marking_a_new_lead_replied_also_moves_it_to_contacted() {
        let plan = LeadChange::Replied.plan(&lead(LeadStatus::New), None).unwrap();
        assert!(plan.first_reply);
        assert_eq!(plan.status, Some(LeadStatus::Contacted));
        let plan = LeadChange::Replied.plan(&lead(LeadStatus::Qualified), None).unwrap();
        assert_eq!(plan.status, None);
        let replied = LeadState { replied: true, ..lead(LeadStatus::Contacted) };
        assert!(matches!(LeadChange::Replied.plan(&replied, None), Err(ChangeOutcome::Refused(_))));
    }

    #[test]
    fn only_spam_can_be_declared_not_spam_and_erased_leads_keep_only_their_status() {
        assert_eq!(LeadChange::NotSpam.plan(&lead(LeadStatus::Spam), None).unwrap().status, Some(LeadStatus::New));
        assert!(LeadChange::NotSpam.plan(&lead(LeadStatus::New), None).is_err());
        let erased = LeadState { erased: true, ..lead(LeadStatus::New) };
        assert!(LeadChange::Note("x".into()).plan(&erased, None).is_err());
        assert!(LeadChange::Erase.plan(&erased, None).is_err());
        assert!(LeadChange::Status(LeadStatus::Lost).plan(&erased, None).is_ok());
    }

    #[test]
    fn leads_are_assigned_only_to_active_accounts() {
        let user = |disabled| StaffUser {
            id: 7,
            email: "sam@example.com".into(),
            role: crate::domain::staff::Role::Sales,
            password_hash: String::new(),
            disabled,
            created_at: Utc::now(),
        };
        let plan = LeadChange::Assign(Some(7)).plan(&lead(LeadStatus::New), Some(&user(false))).unwrap();
        assert_eq!(plan.assign, Some(Some(7)));
        assert_eq!(plan.event_detail, "assigned to sam@example.com");
        assert!(LeadChange::Assign(Some(7)).plan(&lead(LeadStatus::New), Some(&user(true))).is_err());
        assert!(LeadChange::Assign(Some(7)).plan(&lead(LeadStatus::New), None).is_err());
    }
}
