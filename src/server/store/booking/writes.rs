//! Writing calls: booking one, moving it, cancelling it, each in one transaction with its history
//! line and the messages that announce it. The database refuses what would overlap another call
//! of the same person; a person's day is counted with their row locked.

use chrono::{DateTime, Utc};

use super::{BookingOutcome, CallCancel, CallMove, NewBooking};
use crate::domain::booking::Interval;
use crate::domain::leads::lifecycle::EventKind;
use crate::server::store::leads::{queue, withdraw as withdraw_topic};
use crate::server::store::outbox::OutboxMessage;
use crate::server::store::sql::{Backend, Conn, Record, SqlStore, Statement};
use crate::server::store::StoreError;

impl<B: Backend> SqlStore<B> {
    pub(super) async fn book_call(&self, booking: &NewBooking) -> Result<BookingOutcome, StoreError> {
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
            // The visitor chose when to talk: that is the reply the site promised (and the answer
            // to whatever they wrote since), so no reminder or overdue alert follows for this lead.
            let replied = Statement::new(
                "UPDATE leads SET first_reply_at = COALESCE(first_reply_at, $1), owed_since = NULL WHERE id = $2",
            );
            tx.execute(replied.bind(booking.at).bind(booking.lead_id)).await?;
            let answered = "UPDATE lead_waits SET answered_at = $1 WHERE lead_id = $2 AND answered_at IS NULL";
            tx.execute(Statement::new(answered).bind(booking.at).bind(booking.lead_id)).await?;
            let event = Statement::new(
                "INSERT INTO lead_events (lead_id, at, actor, kind, detail) VALUES ($1, $2, 'visitor', $3, $4)",
            );
            tx.execute(
                event.bind(booking.lead_id).bind(booking.at).bind(EventKind::Booked).bind(booking.detail.as_str()),
            )
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

    pub(super) async fn move_booked_call(&self, change: &CallMove) -> Result<BookingOutcome, StoreError> {
        let moved = async {
            let mut tx = self.backend.begin_write().await?;
            if day_is_full::<B, _>(&mut *tx, change.staff_id, change.day, change.per_day, Some(change.booking_id))
                .await?
            {
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
            record_change(&mut *tx, change.lead_id, &change.actor, EventKind::CallMoved, &change.detail, change.at)
                .await?;
            announce(&mut *tx, change.lead_id, &change.withdraw, &change.messages, change.at).await?;
            tx.commit().await?;
            Ok(BookingOutcome::Booked { id: change.booking_id })
        };
        match moved.await {
            refused @ Ok(BookingOutcome::Taken | BookingOutcome::Changed) => refused,
            written => self.health.noted(written),
        }
    }

    pub(super) async fn cancel_booked_call(&self, change: &CallCancel) -> Result<BookingOutcome, StoreError> {
        let cancelled = async {
            let mut tx = self.backend.begin_write().await?;
            let update = Statement::new(
                "UPDATE bookings SET cancelled_at = $1, sequence = sequence + 1, changed_by = $2 \
                 WHERE id = $3 AND sequence = $4 AND cancelled_at IS NULL",
            );
            let update =
                update.bind(change.at).bind(change.actor.as_str()).bind(change.booking_id).bind(change.sequence);
            if tx.execute(update).await? == 0 {
                return Ok(BookingOutcome::Changed);
            }
            record_change(&mut *tx, change.lead_id, &change.actor, EventKind::CallCancelled, &change.detail, change.at)
                .await?;
            announce(&mut *tx, change.lead_id, &change.withdraw, &change.messages, change.at).await?;
            tx.commit().await?;
            Ok(BookingOutcome::Booked { id: change.booking_id })
        };
        match cancelled.await {
            refused @ Ok(BookingOutcome::Changed) => refused,
            written => self.health.noted(written),
        }
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
    let event =
        Statement::new("INSERT INTO lead_events (lead_id, at, actor, kind, detail) VALUES ($1, $2, $3, $4, $5)");
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
