//! Calls booked by visitors, and when each staff member takes them. The database itself keeps
//! one person to one call at a time (`bookings_never_overlap`: an exclusion constraint on
//! PostgreSQL, a check inside SQLite's single writer), so two instances booking the same
//! person's slot at the same moment cannot both win.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use crate::domain::booking::{parse_zone, Availability, DaysOff, Interval, WeeklyHours};
use crate::domain::leads::inbox::LeadStatus;

use super::StoreError;
use crate::server::store::outbox::OutboxMessage;
use crate::server::store::sql::{Backend, Record, SqlStore, Statement};

pub mod calendars;
mod writes;

/// A staff member who has said when they take calls.
#[derive(Clone, Debug, PartialEq)]
pub struct Bookable {
    pub staff_id: i64,
    pub email: String,
    pub availability: Availability,
    /// Their own meeting link, else the site's.
    pub meeting_link: Option<String>,
    /// When a visitor last booked a call with them, if ever.
    pub last_booked_at: Option<DateTime<Utc>>,
}

/// One booked call of one person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StaffCall {
    pub booking_id: i64,
    pub staff_id: i64,
    pub call: Interval,
}

/// A call to store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewBooking {
    pub uid: String,
    pub lead_id: i64,
    pub staff_id: i64,
    pub call: Interval,
    /// The call's end and the buffer after it.
    pub busy_until: DateTime<Utc>,
    pub visitor_zone: String,
    pub at: DateTime<Utc>,
    /// The line the lead's history gets: when, and with whom.
    pub detail: String,
    /// The person's day the call falls on (midnight to midnight in their zone), and how many
    /// calls it may hold.
    pub day: Interval,
    pub per_day: u32,
    /// What tells the person who takes it, sent through the outbox once the call is stored.
    pub notifications: Vec<OutboxMessage>,
}

/// How a booking went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BookingOutcome {
    Booked {
        id: i64,
    },
    /// Another call of the same person overlaps it, or their day is full (booked meanwhile).
    Taken,
    /// The lead has a call booked already.
    LeadHasOne,
    /// The call was moved or cancelled meanwhile (its sequence is not the one the change was
    /// written for): nothing changed.
    Changed,
}

/// The dashboard's figures about booked calls.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CallFigures {
    pub booked: u64,
    pub cancelled: u64,
    /// Leads received in the window whose visitor booked a call.
    pub leads_that_booked: u64,
}

/// One of a person's calls as their feed shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeedCall {
    pub uid: String,
    pub sequence: i64,
    pub call: Interval,
    pub reference: String,
    pub name: String,
    pub email: String,
    pub company: Option<String>,
    pub staff_email: String,
    pub changed_at: DateTime<Utc>,
}

/// A booked call moved to another time, with the same person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CallMove {
    pub booking_id: i64,
    /// The sequence the call had when the move was asked for; the move gives it one more.
    pub sequence: i64,
    pub lead_id: i64,
    pub staff_id: i64,
    pub call: Interval,
    pub busy_until: DateTime<Utc>,
    pub day: Interval,
    pub per_day: u32,
    /// `visitor`, or the staff member's address.
    pub actor: String,
    pub at: DateTime<Utc>,
    pub detail: String,
    /// Messages about the call not sent yet that this one replaces (a reminder of the old time).
    pub withdraw: Vec<String>,
    pub messages: Vec<OutboxMessage>,
}

/// A booked call cancelled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CallCancel {
    pub booking_id: i64,
    pub sequence: i64,
    pub lead_id: i64,
    pub actor: String,
    pub at: DateTime<Utc>,
    pub detail: String,
    pub withdraw: Vec<String>,
    pub messages: Vec<OutboxMessage>,
}

/// A stored call.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Booking {
    pub id: i64,
    pub uid: String,
    pub lead_id: i64,
    pub staff_id: i64,
    pub staff_email: String,
    /// The person's own meeting link, if they set one.
    pub meeting_link: Option<String>,
    pub call: Interval,
    pub visitor_zone: String,
    pub sequence: i64,
    pub created_at: DateTime<Utc>,
}

#[async_trait]
pub trait BookingStore: Send + Sync {
    /// Says when a staff member takes calls (replacing what they said before).
    async fn set_availability(
        &self,
        staff_id: i64,
        availability: &Availability,
        meeting_link: Option<&str>,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError>;
    /// Every staff member who may take calls: active, with hours stored.
    async fn bookable(&self) -> Result<Vec<Bookable>, StoreError>;
    /// The calls booked and not cancelled that end after `from` and start before `to`.
    async fn calls_between(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Vec<StaffCall>, StoreError>;
    /// Stores a call, unless it overlaps one of the same person's, their day is full, or the
    /// lead has one.
    async fn book(&self, booking: &NewBooking) -> Result<BookingOutcome, StoreError>;
    /// The lead's call, booked and not cancelled.
    async fn booking_of(&self, lead_id: i64) -> Result<Option<Booking>, StoreError>;
    /// Moves a call (`Booked`), unless the new time overlaps another call of the person or
    /// their day is full (`Taken`), or the call changed meanwhile (`Changed`).
    async fn move_call(&self, change: &CallMove) -> Result<BookingOutcome, StoreError>;
    /// Cancels a call (`Booked`), unless it changed meanwhile (`Changed`).
    async fn cancel_call(&self, change: &CallCancel) -> Result<BookingOutcome, StoreError>;
    /// Calls booked since `since` (and how many of those were cancelled), and how many of the
    /// leads received since then (spam left out) booked one.
    async fn call_figures(&self, since: DateTime<Utc>) -> Result<CallFigures, StoreError>;
    /// A person's calls, booked and not cancelled, that end after `since`, earliest first.
    async fn calls_of(&self, staff_id: i64, since: DateTime<Utc>) -> Result<Vec<FeedCall>, StoreError>;
}

#[async_trait]
impl<B: Backend> BookingStore for SqlStore<B> {
    async fn set_availability(
        &self,
        staff_id: i64,
        availability: &Availability,
        meeting_link: Option<&str>,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let upsert = Statement::new(
            "INSERT INTO staff_availability (staff_id, zone, hours, days_off, languages, meeting_link, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (staff_id) DO UPDATE SET zone = EXCLUDED.zone, \
             hours = EXCLUDED.hours, days_off = EXCLUDED.days_off, languages = EXCLUDED.languages, \
             meeting_link = EXCLUDED.meeting_link, updated_at = EXCLUDED.updated_at",
        );
        let upsert = upsert
            .bind(staff_id)
            .bind(availability.zone.name())
            .bind(availability.hours.specs().join("\n"))
            .bind(availability.off.items().join("\n"))
            .bind(availability.languages.join(","))
            .bind(meeting_link)
            .bind(at);
        self.write(upsert).await?;
        Ok(())
    }

    async fn bookable(&self) -> Result<Vec<Bookable>, StoreError> {
        let select = Statement::new(
            "SELECT a.staff_id, u.email, a.zone, a.hours, a.days_off, a.languages, a.meeting_link, \
             (SELECT MAX(b.created_at) FROM bookings b WHERE b.staff_id = a.staff_id) AS last_booked_at \
             FROM staff_availability a JOIN staff_users u ON u.id = a.staff_id \
             WHERE u.disabled_at IS NULL ORDER BY a.staff_id",
        );
        let rows = self.read_all(select).await?;
        rows.iter()
            .map(|row| {
                let corrupt = |e: String| StoreError::Corrupt(format!("staff_availability: {e}"));
                let lines = |column: &str| -> Result<Vec<String>, StoreError> {
                    Ok(row
                        .get::<String>(column)?
                        .lines()
                        .filter(|l| !l.trim().is_empty())
                        .map(str::to_string)
                        .collect())
                };
                let availability = Availability {
                    zone: parse_zone(&row.get::<String>("zone")?).map_err(corrupt)?,
                    hours: WeeklyHours::parse(&lines("hours")?).map_err(corrupt)?,
                    off: DaysOff::parse(&lines("days_off")?).map_err(corrupt)?,
                    languages: row.get::<String>("languages")?.split(',').map(str::to_string).collect(),
                };
                Ok(Bookable {
                    staff_id: row.get("staff_id")?,
                    email: row.get("email")?,
                    availability,
                    meeting_link: row.get("meeting_link")?,
                    last_booked_at: row.time("last_booked_at")?,
                })
            })
            .collect()
    }

    async fn calls_between(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Vec<StaffCall>, StoreError> {
        let select = Statement::new(
            "SELECT id, staff_id, starts_at, ends_at FROM bookings \
             WHERE cancelled_at IS NULL AND busy_until > $1 AND starts_at < $2 ORDER BY starts_at",
        );
        let rows = self.read_all(select.bind(from).bind(to)).await?;
        rows.iter()
            .map(|row| {
                Ok(StaffCall {
                    booking_id: row.get("id")?,
                    staff_id: row.get("staff_id")?,
                    call: Interval { start: row.get("starts_at")?, end: row.get("ends_at")? },
                })
            })
            .collect()
    }

    async fn booking_of(&self, lead_id: i64) -> Result<Option<Booking>, StoreError> {
        let select = Statement::new(
            "SELECT b.id, b.uid, b.lead_id, b.staff_id, u.email, a.meeting_link, b.starts_at, b.ends_at, \
             b.visitor_zone, b.sequence, b.created_at FROM bookings b JOIN staff_users u ON u.id = b.staff_id \
             LEFT JOIN staff_availability a ON a.staff_id = b.staff_id \
             WHERE b.lead_id = $1 AND b.cancelled_at IS NULL",
        );
        let Some(row) = self.read_optional(select.bind(lead_id)).await? else { return Ok(None) };
        Ok(Some(Booking {
            id: row.get("id")?,
            uid: row.get("uid")?,
            lead_id: row.get("lead_id")?,
            staff_id: row.get("staff_id")?,
            staff_email: row.get("email")?,
            meeting_link: row.get("meeting_link")?,
            call: Interval { start: row.get("starts_at")?, end: row.get("ends_at")? },
            visitor_zone: row.get("visitor_zone")?,
            sequence: row.get("sequence")?,
            created_at: row.get("created_at")?,
        }))
    }

    async fn call_figures(&self, since: DateTime<Utc>) -> Result<CallFigures, StoreError> {
        let select = Statement::new(
            "SELECT (SELECT COUNT(*) FROM bookings WHERE created_at >= $1) AS booked, \
             (SELECT COUNT(*) FROM bookings WHERE created_at >= $1 AND cancelled_at IS NOT NULL) AS cancelled, \
             (SELECT COUNT(DISTINCT b.lead_id) FROM bookings b JOIN leads l ON l.id = b.lead_id \
              WHERE l.created_at >= $1 AND l.status <> $2) AS leads_that_booked",
        );
        let row = self.read_one(select.bind(since).bind(LeadStatus::Spam)).await?;
        Ok(CallFigures {
            booked: row.get("booked")?,
            cancelled: row.get("cancelled")?,
            leads_that_booked: row.get("leads_that_booked")?,
        })
    }

    async fn calls_of(&self, staff_id: i64, since: DateTime<Utc>) -> Result<Vec<FeedCall>, StoreError> {
        let select = Statement::new(
            "SELECT b.uid, b.sequence, b.starts_at, b.ends_at, b.created_at, l.reference, l.name, l.email, l.company, \
             u.email AS staff_email FROM bookings b JOIN leads l ON l.id = b.lead_id JOIN staff_users u ON u.id = b.staff_id \
             WHERE b.staff_id = $1 AND b.cancelled_at IS NULL AND b.ends_at > $2 AND l.erased_at IS NULL \
             ORDER BY b.starts_at",
        );
        let rows = self.read_all(select.bind(staff_id).bind(since)).await?;
        rows.iter()
            .map(|row| {
                Ok(FeedCall {
                    uid: row.get("uid")?,
                    sequence: row.get("sequence")?,
                    call: Interval { start: row.get("starts_at")?, end: row.get("ends_at")? },
                    reference: row.get("reference")?,
                    name: row.get("name")?,
                    email: row.get("email")?,
                    company: row.get("company")?,
                    staff_email: row.get("staff_email")?,
                    changed_at: row.get("created_at")?,
                })
            })
            .collect()
    }

    async fn book(&self, booking: &NewBooking) -> Result<BookingOutcome, StoreError> {
        self.book_call(booking).await
    }

    async fn move_call(&self, change: &CallMove) -> Result<BookingOutcome, StoreError> {
        self.move_booked_call(change).await
    }

    async fn cancel_call(&self, change: &CallCancel) -> Result<BookingOutcome, StoreError> {
        self.cancel_booked_call(change).await
    }
}
