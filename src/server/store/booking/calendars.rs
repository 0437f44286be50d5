//! Staff members' own calendars: the CalDAV collection each may connect (its password stored
//! sealed, never in the clear), the last error reading or writing it, and the digest of their
//! private feed's secret.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::StoreError;
use crate::server::store::sql::{Backend, Record, SqlStore, Statement};

/// A connected CalDAV calendar.
#[derive(Clone, PartialEq, Eq)]
pub struct CalDavAccount {
    pub staff_id: i64,
    /// The calendar collection's address.
    pub url: String,
    pub username: String,
    /// Sealed with the server's key, bound to the account (`calendar_context`).
    pub sealed_password: String,
}

impl std::fmt::Debug for CalDavAccount {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CalDavAccount")
            .field("staff_id", &self.staff_id)
            .field("url", &self.url)
            .finish_non_exhaustive()
    }
}

/// What sealing a calendar password is bound to: the account it belongs to.
pub fn calendar_context(staff_id: i64) -> String {
    format!("caldav-password:{staff_id}")
}

/// What a staff member's account page shows of their calendar.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CalendarState {
    pub url: Option<String>,
    pub username: Option<String>,
    pub has_feed: bool,
    pub last_error: Option<String>,
    pub last_error_at: Option<DateTime<Utc>>,
}

#[async_trait]
pub trait CalendarStore: Send + Sync {
    /// Connects a CalDAV calendar (replacing one connected before), or disconnects it (`None`).
    async fn set_caldav(
        &self,
        staff_id: i64,
        account: Option<&CalDavAccount>,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError>;
    /// The connected calendars of these people.
    async fn caldav_of(&self, staff_ids: &[i64]) -> Result<Vec<CalDavAccount>, StoreError>;
    /// Records how the last read or write of a person's calendar went (`None`: it worked).
    async fn note_calendar(&self, staff_id: i64, error: Option<&str>, at: DateTime<Utc>) -> Result<(), StoreError>;
    /// What the person's account page shows.
    async fn calendar_state(&self, staff_id: i64) -> Result<CalendarState, StoreError>;
    /// Gives the person a new feed secret (its SHA-256 digest), so the old feed address stops
    /// working.
    async fn renew_feed(&self, staff_id: i64, digest: &str, at: DateTime<Utc>) -> Result<(), StoreError>;
    /// The active person whose feed secret has this digest.
    async fn feed_owner(&self, digest: &str) -> Result<Option<i64>, StoreError>;
}

#[async_trait]
impl<B: Backend> CalendarStore for SqlStore<B> {
    async fn set_caldav(
        &self,
        staff_id: i64,
        account: Option<&CalDavAccount>,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let upsert = Statement::new(
            "INSERT INTO staff_calendars (staff_id, updated_at, caldav_url, caldav_username, caldav_password) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (staff_id) DO UPDATE SET caldav_url = EXCLUDED.caldav_url, \
             caldav_username = EXCLUDED.caldav_username, caldav_password = EXCLUDED.caldav_password, \
             last_error = NULL, last_error_at = NULL, updated_at = EXCLUDED.updated_at",
        );
        let upsert = upsert
            .bind(staff_id)
            .bind(at)
            .bind(account.map(|a| a.url.as_str()))
            .bind(account.map(|a| a.username.as_str()))
            .bind(account.map(|a| a.sealed_password.as_str()));
        self.write(upsert).await?;
        Ok(())
    }

    async fn caldav_of(&self, staff_ids: &[i64]) -> Result<Vec<CalDavAccount>, StoreError> {
        if staff_ids.is_empty() {
            return Ok(Vec::new());
        }
        let mut select = Statement::new(
            "SELECT staff_id, caldav_url, caldav_username, caldav_password FROM staff_calendars \
             WHERE caldav_url IS NOT NULL AND staff_id IN (",
        );
        for (i, id) in staff_ids.iter().enumerate() {
            if i > 0 {
                select.push(", ");
            }
            select.push_bind(*id);
        }
        select.push(") ORDER BY staff_id");
        self.read_all(select)
            .await?
            .iter()
            .map(|row| {
                Ok(CalDavAccount {
                    staff_id: row.get("staff_id")?,
                    url: row.get("caldav_url")?,
                    username: row.get("caldav_username")?,
                    sealed_password: row.get("caldav_password")?,
                })
            })
            .collect()
    }

    async fn note_calendar(&self, staff_id: i64, error: Option<&str>, at: DateTime<Utc>) -> Result<(), StoreError> {
        // Only a change is written: a calendar read on every booking page does not write each time.
        let update = Statement::new(
            "UPDATE staff_calendars SET last_error = $1, last_error_at = $2 \
             WHERE staff_id = $3 AND last_error IS DISTINCT FROM $1",
        );
        let update = update.bind(error).bind(error.map(|_| at)).bind(staff_id);
        self.write(update).await?;
        Ok(())
    }

    async fn calendar_state(&self, staff_id: i64) -> Result<CalendarState, StoreError> {
        let select = Statement::new(
            "SELECT caldav_url, caldav_username, feed_digest, last_error, last_error_at \
             FROM staff_calendars WHERE staff_id = $1",
        );
        let Some(row) = self.read_optional(select.bind(staff_id)).await? else { return Ok(CalendarState::default()) };
        Ok(CalendarState {
            url: row.get("caldav_url")?,
            username: row.get("caldav_username")?,
            has_feed: row.get::<Option<String>>("feed_digest")?.is_some(),
            last_error: row.get("last_error")?,
            last_error_at: row.time("last_error_at")?,
        })
    }

    async fn renew_feed(&self, staff_id: i64, digest: &str, at: DateTime<Utc>) -> Result<(), StoreError> {
        let upsert = Statement::new(
            "INSERT INTO staff_calendars (staff_id, updated_at, feed_digest) VALUES ($1, $2, $3) \
             ON CONFLICT (staff_id) DO UPDATE SET feed_digest = EXCLUDED.feed_digest, updated_at = EXCLUDED.updated_at",
        );
        self.write(upsert.bind(staff_id).bind(at).bind(digest)).await?;
        Ok(())
    }

    async fn feed_owner(&self, digest: &str) -> Result<Option<i64>, StoreError> {
        let select = Statement::new(
            "SELECT c.staff_id FROM staff_calendars c JOIN staff_users u ON u.id = c.staff_id \
             WHERE c.feed_digest = $1 AND u.disabled_at IS NULL",
        );
        match self.read_optional(select.bind(digest)).await? {
            Some(row) => Ok(Some(row.get("staff_id")?)),
            None => Ok(None),
        }
    }
}
