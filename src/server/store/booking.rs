//! Calls booked by visitors, and when each staff member takes them. The database itself keeps
//! one person to one call at a time (`bookings_never_overlap`: an exclusion constraint on
//! PostgreSQL, a check inside SQLite's single writer), so two instances booking the same
//! person's slot at the same moment cannot both win.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use crate::domain::booking::{parse_zone, Availability, DaysOff, Interval, WeeklyHours};
use crate::domain::leads::inbox::LeadStatus;
use crate::domain::leads::lifecycle::EventKind;

use super::StoreError;
use crate::server::store::leads::{queue, withdraw as withdraw_topic};
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
    Booked { id: i64 },
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

    async fn book(&self, booking: &NewBooking) -> Result<BookingOutcome, StoreError> {
        let booked = async {
            let mut tx = self.backend.begin_write().await?;
            if day_is_full::<B, _>(&mut *tx, booking.staff_id, booking.day, booking.per_day, None).await? {
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
            announce(&mut *tx, booking.lead_id, &[], &booking.notifications, booking.at).await?;
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

    async fn move_call(&self, change: &CallMove) -> Result<BookingOutcome, StoreError> {
        let moved = async {
            let mut tx = self.backend.begin_write().await?;
            if day_is_full::<B, _>(&mut *tx, change.staff_id, change.day, change.per_day, Some(change.booking_id)).await? {
                return Ok(BookingOutcome::Taken);
            }
            let update = Statement::new(
                "UPDATE bookings SET starts_at = $1, ends_at = $2, busy_until = $3, sequence = sequence + 1, \
                 changed_by = $4 WHERE id = $5 AND sequence = $6 AND cancelled_at IS NULL",
            );
            let update = update
                .bind(change.call.start)
                .bind(change.call.end)
                .bind(change.busy_until)
                .bind(change.actor.as_str())
                .bind(change.booking_id)
                .bind(change.sequence);
            match tx.execute(update).await {
                Ok(0) => return Ok(BookingOutcome::Changed),
                Ok(_) => {}
                Err(StoreError::Database(e)) if is_overlap(&e) => return Ok(BookingOutcome::Taken),
                Err(e) => return Err(e),
            }
            record_change(&mut *tx, change.lead_id, &change.actor, EventKind::CallMoved, &change.detail, change.at).await?;
            announce(&mut *tx, change.lead_id, &change.withdraw, &change.messages, change.at).await?;
            tx.commit().await?;
            Ok(BookingOutcome::Booked { id: change.booking_id })
        };
        match moved.await {
            refused @ Ok(BookingOutcome::Taken | BookingOutcome::Changed) => refused,
            written => self.health.noted(written),
        }
    }

    async fn cancel_call(&self, change: &CallCancel) -> Result<BookingOutcome, StoreError> {
        let cancelled = async {
            let mut tx = self.backend.begin_write().await?;
            let update = Statement::new(
                "UPDATE bookings SET cancelled_at = $1, sequence = sequence + 1, changed_by = $2 \
                 WHERE id = $3 AND sequence = $4 AND cancelled_at IS NULL",
            );
            let update = update.bind(change.at).bind(change.actor.as_str()).bind(change.booking_id).bind(change.sequence);
            if tx.execute(update).await? == 0 {
                return Ok(BookingOutcome::Changed);
            }
            record_change(&mut *tx, change.lead_id, &change.actor, EventKind::CallCancelled, &change.detail, change.at).await?;
            announce(&mut *tx, change.lead_id, &change.withdraw, &change.messages, change.at).await?;
            tx.commit().await?;
            Ok(BookingOutcome::Booked { id: change.booking_id })
        };
        match cancelled.await {
            refused @ Ok(BookingOutcome::Changed) => refused,
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

/// Whether the person's day (`day`) holds `per_day` calls already, `except` one being moved.
/// Their availability row is locked until the commit (SQLite's writer is one at a time
/// anyway), so two bookings of their last call of a day cannot both count one fewer.
async fn day_is_full<B: Backend, C: Conn + ?Sized>(
    tx: &mut C,
    staff_id: i64,
    day: Interval,
    per_day: u32,
    except: Option<i64>,
) -> Result<bool, StoreError> {
    let lock = format!("SELECT staff_id FROM staff_availability WHERE staff_id = $1{}", B::LOCK_ROWS);
    tx.fetch_optional(Statement::new(lock).bind(staff_id)).await?;
    let that_day = Statement::new(
        "SELECT COUNT(*) AS n FROM bookings WHERE staff_id = $1 AND cancelled_at IS NULL \
         AND starts_at >= $2 AND starts_at < $3 AND id <> $4",
    );
    let that_day = that_day.bind(staff_id).bind(day.start).bind(day.end).bind(except.unwrap_or(0));
    Ok(tx.fetch_one(that_day).await?.get::<u64>("n")? >= u64::from(per_day))
}

/// The lead's history line for a change to its call (its last activity follows, by trigger).
async fn record_change<C: Conn + ?Sized>(
    tx: &mut C,
    lead_id: i64,
    actor: &str,
    kind: EventKind,
    detail: &str,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    let event = Statement::new("INSERT INTO lead_events (lead_id, at, actor, kind, detail) VALUES ($1, $2, $3, $4, $5)");
    tx.execute(event.bind(lead_id).bind(at).bind(actor).bind(kind).bind(detail)).await?;
    Ok(())
}

/// Withdraws the messages about the call a change replaces, then queues its own.
async fn announce<C: Conn + ?Sized>(
    tx: &mut C,
    lead_id: i64,
    withdraw: &[String],
    messages: &[OutboxMessage],
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    let replaced = messages.iter().filter_map(|m| m.topic.clone());
    for topic in withdraw.iter().cloned().chain(replaced) {
        withdraw_topic(tx, &topic, "withdrawn: the call changed before it was sent", at).await?;
    }
    for message in messages {
        queue(tx, lead_id, message, at).await?;
    }
    Ok(())
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
