//! Staff members' own calendars as booking uses them: the busy times of everyone who may take a
//! call (a calendar that cannot be read keeps nothing busy, so a booking is never blocked by
//! it; the error is recorded for the person's account page and logged), and the writes of
//! their calls, which the outbox delivers and retries.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::domain::booking::Interval;
use crate::server::auth::sealing::SecretKey;
use crate::server::booking::caldav::{CalDav, Connection};
use crate::server::clock::Clock;
use crate::server::store::booking::calendars::{calendar_context, CalDavAccount, CalendarStore};
use crate::server::store::outbox::CalendarWrite;
use crate::server::store::StoreError;

pub struct Calendars {
    store: Arc<dyn CalendarStore>,
    key: Option<SecretKey>,
    caldav: CalDav,
    clock: Arc<dyn Clock>,
}

impl std::fmt::Debug for Calendars {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Calendars(…)")
    }
}

impl Calendars {
    pub fn new(store: Arc<dyn CalendarStore>, key: Option<SecretKey>, clock: Arc<dyn Clock>) -> Result<Self, String> {
        Ok(Calendars { store, key, caldav: CalDav::new()?, clock })
    }

    /// Whether calendars can be connected at all: their passwords are sealed with the
    /// server's key.
    pub fn can_connect(&self) -> bool {
        self.key.is_some()
    }

    /// Connects a person's calendar once a query of it works, so a wrong address or password
    /// is said at once; the password is stored sealed.
    pub async fn connect(&self, staff_id: i64, url: &str, username: &str, password: &str) -> Result<(), ConnectError> {
        let key = self.key.as_ref().ok_or(ConnectError::NoKey)?;
        let now = self.clock.now();
        let at = Connection { url, username, password };
        self.caldav.busy(at, now, now + chrono::Duration::days(1), Tz::UTC).await.map_err(ConnectError::Calendar)?;
        let account = CalDavAccount {
            staff_id,
            url: url.to_string(),
            username: username.to_string(),
            sealed_password: key.seal(password.as_bytes(), &calendar_context(staff_id)),
        };
        self.store.set_caldav(staff_id, Some(&account), now).await.map_err(ConnectError::Store)
    }

    /// The busy times of these people (each with their zone) between `from` and `to`, from
    /// their connected calendars.
    pub async fn busy_of(
        &self,
        people: &[(i64, Tz)],
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> HashMap<i64, Vec<Interval>> {
        let ids: Vec<i64> = people.iter().map(|(id, _)| *id).collect();
        let accounts = match self.store.caldav_of(&ids).await {
            Ok(accounts) => accounts,
            Err(error) => {
                tracing::warn!(%error, "reading the connected calendars failed; slots come from the database's calls alone");
                return HashMap::new();
            }
        };
        let reads = accounts.iter().map(|account| async move {
            let zone = people.iter().find(|(id, _)| *id == account.staff_id).map_or(Tz::UTC, |(_, z)| *z);
            let busy = match self.open(account) {
                Ok(password) => self.caldav.busy(connection(account, &password), from, to, zone).await,
                Err(error) => Err(error),
            };
            (account.staff_id, busy)
        });
        let mut out = HashMap::new();
        for (staff_id, busy) in futures::future::join_all(reads).await {
            match busy {
                Ok(busy) => {
                    self.note(staff_id, None).await;
                    out.insert(staff_id, busy);
                }
                Err(error) => {
                    tracing::warn!(staff_id, %error, "a staff calendar could not be read; its busy times are left out");
                    self.note(staff_id, Some(&error)).await;
                }
            }
        }
        out
    }

    /// Carries out a write the outbox delivers: the call put into, or taken out of, the
    /// person's calendar, if they still have one connected.
    pub async fn write(&self, write: CalendarWrite) -> Result<(), String> {
        let accounts = self.store.caldav_of(&[write.staff_id]).await.map_err(|e| e.to_string())?;
        let Some(account) = accounts.first() else { return Ok(()) };
        let password = self.open(account)?;
        let at = connection(account, &password);
        let written = match &write.ics {
            Some(ics) => self.caldav.put(at, &write.uid, ics).await,
            None => self.caldav.delete(at, &write.uid).await,
        };
        self.note(write.staff_id, written.as_ref().err().map(String::as_str)).await;
        written
    }

    fn open(&self, account: &CalDavAccount) -> Result<String, String> {
        let key =
            self.key.as_ref().ok_or("ARCHGUIDE_SECRET_KEY is not set, so the calendar's password cannot be read")?;
        let plain = key
            .open(&account.sealed_password, &calendar_context(account.staff_id))
            .map_err(|e| format!("the calendar's password: {e}"))?;
        String::from_utf8(plain).map_err(|_| "the calendar's password is not text".to_string())
    }

    async fn note(&self, staff_id: i64, error: Option<&str>) {
        if let Err(e) = self.store.note_calendar(staff_id, error, self.clock.now()).await {
            tracing::warn!(staff_id, error = %e, "recording how a staff calendar answered failed");
        }
    }
}

fn connection<'a>(account: &'a CalDavAccount, password: &'a str) -> Connection<'a> {
    Connection { url: &account.url, username: &account.username, password }
}

/// Why a calendar was not connected.
#[derive(Debug, thiserror::Error)]
pub enum ConnectError {
    #[error(
        "calendars cannot be connected until ARCHGUIDE_SECRET_KEY is set (their passwords are stored sealed with it)"
    )]
    NoKey,
    #[error("the calendar did not answer a query: {0}")]
    Calendar(String),
    #[error(transparent)]
    Store(StoreError),
}
