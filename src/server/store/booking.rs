//! Calls booked by visitors, and when each staff member takes them. The database itself keeps
//! one person to one call at a time (`bookings_never_overlap`: an exclusion constraint on
//! PostgreSQL, a check inside SQLite's single writer), so two instances booking the same
//! person's slot at the same moment cannot both win.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use crate::domain::booking::{parse_zone, Availability, DaysOff, Interval, WeeklyHours};
use crate::domain::leads::lifecycle::EventKind;

use super::StoreError;
use crate::server::store::leads::queue;
use crate::server::store::outbox::OutboxMessage;
use crate::server::store::sql::{Backend, Conn, Record, SqlStore, Statement};

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
    Booked { id: i64 },
    /// Another call of the same person overlaps it, or their day is full (booked meanwhile).
    Taken,
    /// The lead has a call booked already.
    LeadHasOne,
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
                    Ok(row.get::<String>(column)?.lines().filter(|l| !l.trim().is_empty()).map(str::to_string).collect())
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
            "SELECT staff_id, starts_at, ends_at FROM bookings \
             WHERE cancelled_at IS NULL AND busy_until > $1 AND starts_at < $2 ORDER BY starts_at",
        );
        let rows = self.read_all(select.bind(from).bind(to)).await?;
        rows.iter()
            .map(|row| {
                Ok(StaffCall {
                    staff_id: row.get("staff_id")?,
                    call: Interval { start: row.get("starts_at")?, end: row.get("ends_at")? },
                })
            })
            .collect()
    }

    async fn book(&self, booking: &NewBooking) -> Result<BookingOutcome, StoreError> {
        let booked = async {
            let mut tx = self.backend.begin_write().await?;
            // The person's row is locked until the commit (SQLite's writer is one at a time
            // anyway), so two bookings of their last call of a day cannot both count five.
            let lock = format!("SELECT staff_id FROM staff_availability WHERE staff_id = $1{}", B::LOCK_ROWS);
            tx.fetch_optional(Statement::new(lock).bind(booking.staff_id)).await?;
            let that_day = Statement::new(
                "SELECT COUNT(*) AS n FROM bookings WHERE staff_id = $1 AND cancelled_at IS NULL \
                 AND starts_at >= $2 AND starts_at < $3",
            );
            let that_day = that_day.bind(booking.staff_id).bind(booking.day.start).bind(booking.day.end);
            if tx.fetch_one(that_day).await?.get::<u64>("n")? >= u64::from(booking.per_day) {
                return Ok(BookingOutcome::Taken);
            }
            let insert = Statement::new(
                "INSERT INTO bookings (uid, lead_id, staff_id, starts_at, ends_at, busy_until, visitor_zone, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
            );
            let insert = insert
                .bind(booking.uid.as_str())
                .bind(booking.lead_id)
                .bind(booking.staff_id)
                .bind(booking.call.start)
                .bind(booking.call.end)
                .bind(booking.busy_until)
                .bind(booking.visitor_zone.as_str())
                .bind(booking.at);
            // A refused insert leaves the transaction to roll back as it is dropped.
            let id: i64 = match tx.fetch_one(insert).await {
                Ok(row) => row.get("id")?,
                Err(StoreError::Database(e)) if is_overlap(&e) => return Ok(BookingOutcome::Taken),
                Err(StoreError::Database(e)) if is_second_for_lead(&e) => return Ok(BookingOutcome::LeadHasOne),
                Err(e) => return Err(e),
            };
            // The visitor chose when to talk: that is the reply the site promised, so no reminder
            // or overdue alert follows for this lead.
            let replied = Statement::new("UPDATE leads SET first_reply_at = $1 WHERE id = $2 AND first_reply_at IS NULL");
            tx.execute(replied.bind(booking.at).bind(booking.lead_id)).await?;
            let event = Statement::new(
                "INSERT INTO lead_events (lead_id, at, actor, kind, detail) VALUES ($1, $2, 'visitor', $3, $4)",
            );
            tx.execute(event.bind(booking.lead_id).bind(booking.at).bind(EventKind::Booked).bind(booking.detail.as_str()))
                .await?;
            for message in &booking.notifications {
                queue(&mut *tx, booking.lead_id, message, booking.at).await?;
            }
            tx.commit().await?;
            Ok(BookingOutcome::Booked { id })
        };
        match booked.await {
            // A booking refused for its content wrote nothing: it says nothing of whether the
            // database can write.
            refused @ Ok(BookingOutcome::Taken | BookingOutcome::LeadHasOne) => refused,
            written => self.health.noted(written),
        }
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
}

/// Whether the database refused a call for overlapping another of the same person: the
/// exclusion constraint's violation on PostgreSQL, the trigger's abort on SQLite.
fn is_overlap(error: &sqlx::Error) -> bool {
    error.as_database_error().is_some_and(|e| {
        e.constraint() == Some("bookings_never_overlap")
            || e.code().as_deref() == Some("23P01")
            || e.message().contains("bookings_never_overlap")
    })
}

/// Whether it refused a second call for one lead.
fn is_second_for_lead(error: &sqlx::Error) -> bool {
    error.as_database_error().is_some_and(|e| {
        e.is_unique_violation()
            && (e.constraint() == Some("bookings_one_per_lead") || e.message().contains("bookings.lead_id"))
    })
}
