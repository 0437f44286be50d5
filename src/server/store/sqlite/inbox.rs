//! The inbox's queries on SQLite.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sqlx::{QueryBuilder, Row, Sqlite};

use crate::domain::inbox::{LeadStatus, LeadTiming, ERASED};
use crate::server::store::inbox::{
    lead_order, lead_select, push_lead_filter, status_of, summary_of, ChangeOutcome, Failures, InboxStore, Lead,
    LeadChange, LeadEvent, LeadPage, LeadQuery, LeadState, LoginAttempt, LoginStore, CANCELLED_BY_ERASURE,
    ERASED_PAYLOAD,
};
use crate::server::store::{parse_sqlite_time, sqlite_time, StaffUser, StoreError};

use super::{staff_user, SqliteStore};

fn optional_time(row: &sqlx::sqlite::SqliteRow, column: &str) -> Result<Option<DateTime<Utc>>, StoreError> {
    row.get::<Option<String>, _>(column).as_deref().map(parse_sqlite_time).transpose()
}

fn lead(row: &sqlx::sqlite::SqliteRow) -> Result<Lead, StoreError> {
    Ok(Lead {
        id: row.get("id"),
        reference: row.get("reference"),
        name: row.get("name"),
        email: row.get("email"),
        company: row.get("company"),
        role: row.get("role"),
        message: row.get("message"),
        preferred_contact: row.get("preferred_contact"),
        consent_version: row.get("consent_version"),
        consent_at: parse_sqlite_time(row.get("consent_at"))?,
        result_id: row.get("result_id"),
        source_page: row.get("source_page"),
        status: status_of(row.get("status"))?,
        spam_reason: row.get("spam_reason"),
        first_reply_at: optional_time(row, "first_reply_at")?,
        created_at: parse_sqlite_time(row.get("created_at"))?,
        assigned_to: row.get("assigned_to"),
        assignee_email: row.get("assignee_email"),
        erased_at: optional_time(row, "erased_at")?,
        recommendation_summary: summary_of(row.get::<Option<String>, _>("recommendation").as_deref()),
    })
}

#[async_trait]
impl InboxStore for SqliteStore {
    async fn list_leads(&self, query: LeadQuery<'_>) -> Result<LeadPage, StoreError> {
        let mut count = QueryBuilder::<Sqlite>::new("SELECT COUNT(*) AS n FROM leads l");
        push_lead_filter(&mut count, &query, sqlite_time);
        let total: i64 = count.build().fetch_one(&self.db.reader).await?.get("n");

        let mut select = QueryBuilder::<Sqlite>::new(lead_select(""));
        push_lead_filter(&mut select, &query, sqlite_time);
        select.push(lead_order(query.filter.sort));
        if let Some(limit) = query.limit {
            select.push(" LIMIT ").push_bind(i64::from(limit)).push(" OFFSET ").push_bind(query.offset());
        }
        let rows = select.build().fetch_all(&self.db.reader).await?;
        Ok(LeadPage { leads: rows.iter().map(lead).collect::<Result<_, _>>()?, total: total as u64 })
    }

    async fn status_counts(&self) -> Result<Vec<(LeadStatus, u64)>, StoreError> {
        let rows =
            sqlx::query("SELECT status, COUNT(*) AS n FROM leads GROUP BY status").fetch_all(&self.db.reader).await?;
        rows.iter().map(|r| Ok((status_of(r.get("status"))?, r.get::<i64, _>("n") as u64))).collect()
    }

    async fn lead(&self, reference: &str) -> Result<Option<Lead>, StoreError> {
        let row = sqlx::query(&format!("{} WHERE l.reference = ?", lead_select("")))
            .bind(reference)
            .fetch_optional(&self.db.reader)
            .await?;
        row.as_ref().map(lead).transpose()
    }

    async fn events(&self, lead_id: i64) -> Result<Vec<LeadEvent>, StoreError> {
        let rows = sqlx::query("SELECT at, actor, kind, detail FROM lead_events WHERE lead_id = ? ORDER BY id")
            .bind(lead_id)
            .fetch_all(&self.db.reader)
            .await?;
        rows.iter()
            .map(|r| {
                Ok(LeadEvent {
                    at: parse_sqlite_time(r.get("at"))?,
                    actor: r.get("actor"),
                    kind: r.get("kind"),
                    detail: r.get("detail"),
                })
            })
            .collect()
    }

    async fn change_lead(
        &self,
        reference: &str,
        change: &LeadChange,
        actor: &StaffUser,
        at: DateTime<Utc>,
    ) -> Result<ChangeOutcome, StoreError> {
        let mut conn = self.db.writer.acquire().await?;
        // IMMEDIATE: the lead is read and written under one write lock.
        let mut tx = sqlx::Connection::begin_with(&mut *conn, "BEGIN IMMEDIATE").await?;
        let Some(row) =
            sqlx::query("SELECT id, status, first_reply_at, erased_at, assigned_to FROM leads WHERE reference = ?")
                .bind(reference)
                .fetch_optional(&mut *tx)
                .await?
        else {
            return Ok(ChangeOutcome::NoSuchLead);
        };
        let state = LeadState {
            id: row.get("id"),
            status: status_of(row.get("status"))?,
            replied: row.get::<Option<String>, _>("first_reply_at").is_some(),
            erased: row.get::<Option<String>, _>("erased_at").is_some(),
            assigned_to: row.get("assigned_to"),
        };
        let assignee = match change {
            LeadChange::Assign(Some(id)) => sqlx::query("SELECT * FROM staff_users WHERE id = ?")
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?
                .as_ref()
                .map(staff_user)
                .transpose()?,
            _ => None,
        };
        let plan = match change.plan(&state, assignee.as_ref()) {
            Ok(plan) => plan,
            Err(outcome) => return Ok(outcome),
        };
        let now = sqlite_time(at);
        if let Some(status) = plan.status {
            sqlx::query("UPDATE leads SET status = ? WHERE id = ?")
                .bind(status.as_str())
                .bind(state.id)
                .execute(&mut *tx)
                .await?;
        }
        if plan.first_reply {
            sqlx::query("UPDATE leads SET first_reply_at = ? WHERE id = ?")
                .bind(&now)
                .bind(state.id)
                .execute(&mut *tx)
                .await?;
        }
        if let Some(assignee) = plan.assign {
            sqlx::query("UPDATE leads SET assigned_to = ? WHERE id = ?")
                .bind(assignee)
                .bind(state.id)
                .execute(&mut *tx)
                .await?;
        }
        if plan.erase {
            sqlx::query(
                "UPDATE leads SET name = ?1, email = ?1, company = NULL, role = NULL, message = ?1, \
                 preferred_contact = NULL, erased_at = ?2 WHERE id = ?3",
            )
            .bind(ERASED)
            .bind(&now)
            .bind(state.id)
            .execute(&mut *tx)
            .await?;
            sqlx::query("UPDATE lead_events SET detail = ? WHERE lead_id = ? AND kind = 'note'")
                .bind(ERASED)
                .bind(state.id)
                .execute(&mut *tx)
                .await?;
            sqlx::query(
                "UPDATE outbox SET payload = ?1, \
                 last_error = CASE WHEN delivered_at IS NULL THEN ?2 ELSE last_error END, \
                 delivered_at = COALESCE(delivered_at, ?3) WHERE lead_id = ?4",
            )
            .bind(ERASED_PAYLOAD)
            .bind(CANCELLED_BY_ERASURE)
            .bind(&now)
            .bind(state.id)
            .execute(&mut *tx)
            .await?;
        }
        sqlx::query("INSERT INTO lead_events (lead_id, at, actor, kind, detail) VALUES (?, ?, ?, ?, ?)")
            .bind(state.id)
            .bind(&now)
            .bind(&actor.email)
            .bind(plan.event_kind)
            .bind(&plan.event_detail)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(ChangeOutcome::Done)
    }

    async fn lead_timings(&self, since: DateTime<Utc>) -> Result<Vec<LeadTiming>, StoreError> {
        let rows = sqlx::query(
            "SELECT status, created_at, first_reply_at FROM leads WHERE created_at >= ? \
             OR (first_reply_at IS NULL AND status IN ('new', 'contacted', 'qualified'))",
        )
        .bind(sqlite_time(since))
        .fetch_all(&self.db.reader)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(LeadTiming {
                    status: status_of(r.get("status"))?,
                    created_at: parse_sqlite_time(r.get("created_at"))?,
                    first_reply_at: optional_time(r, "first_reply_at")?,
                })
            })
            .collect()
    }

    async fn leads_per_model_version(&self) -> Result<Vec<(String, u64)>, StoreError> {
        let rows = sqlx::query(
            "SELECT g.model_version, COUNT(*) AS n FROM leads l JOIN guide_results g ON g.id = l.result_id \
             WHERE l.status <> 'spam' GROUP BY g.model_version",
        )
        .fetch_all(&self.db.reader)
        .await?;
        Ok(rows.iter().map(|r| (r.get("model_version"), r.get::<i64, _>("n") as u64)).collect())
    }
}

#[async_trait]
impl LoginStore for SqliteStore {
    async fn record_login(&self, attempt: &LoginAttempt) -> Result<(), StoreError> {
        sqlx::query("INSERT INTO login_attempts (at, account_key, user_id, ip, outcome) VALUES (?, ?, ?, ?, ?)")
            .bind(sqlite_time(attempt.at))
            .bind(&attempt.account_key)
            .bind(attempt.user_id)
            .bind(&attempt.ip)
            .bind(attempt.outcome.as_str())
            .execute(&self.db.writer)
            .await?;
        Ok(())
    }

    async fn login_failures(&self, account_key: &str, ip: &str, since: DateTime<Utc>) -> Result<Failures, StoreError> {
        let row = sqlx::query(
            "SELECT COALESCE(SUM(account_key = ?1), 0) AS account, \
                    COALESCE(SUM(account_key = ?1 AND ip = ?2), 0) AS pair, \
                    COALESCE(SUM(ip = ?2), 0) AS by_ip \
             FROM login_attempts WHERE at >= ?3 AND (account_key = ?1 OR ip = ?2) \
             AND outcome IN ('wrong_password', 'unknown_account', 'disabled')",
        )
        .bind(account_key)
        .bind(ip)
        .bind(sqlite_time(since))
        .fetch_one(&self.db.reader)
        .await?;
        Ok(Failures {
            account: row.get::<i64, _>("account") as u64,
            account_from_ip: row.get::<i64, _>("pair") as u64,
            ip: row.get::<i64, _>("by_ip") as u64,
        })
    }
}
