//! Booking a call for a lead: the starts offered to its visitor (the union of the free times
//! of everyone who may take it), and a posted start turned into a stored call with the person
//! routing picks. The database has the last word: a start taken meanwhile by another visitor,
//! on any instance, is refused there, and the next person free then is tried.

pub mod caldav;
pub mod calendars;
pub mod invitation;
pub mod letters;
pub mod token;

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, Datelike as _, Duration, Utc};

use crate::domain::booking::{day_of, free_slots, ranked, Candidate, Interval};
use crate::server::booking::calendars::Calendars;
use crate::server::settings::MeetingSettings;
use crate::server::store::booking::{Bookable, Booking, BookingOutcome, CallCancel, CallMove, NewBooking, StaffCall};
use crate::server::store::outbox::OutboxMessage;
use crate::server::store::{StoreError, Stores};

/// What routing needs of the lead.
#[derive(Clone, Copy, Debug)]
pub struct LeadToBook<'a> {
    pub id: i64,
    /// The site language the visitor wrote in.
    pub language: &'a str,
    pub assigned_to: Option<i64>,
}

/// What tells the people of a call about it, given the person who takes it, the call's UID and
/// its time.
pub type Announce<'a> = &'a (dyn Fn(&Bookable, &str, Interval) -> Vec<OutboxMessage> + Sync);

/// The call a visitor posted: its start, their zone, and what tells everyone of it.
pub struct Wanted<'a> {
    pub start: DateTime<Utc>,
    pub visitor_zone: &'a str,
    pub notify: Announce<'a>,
}

/// How a posted start went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Booked {
    Booked(Booking),
    /// Someone booked it meanwhile: the nearest starts still free.
    JustTaken {
        nearest: Vec<DateTime<Utc>>,
    },
    /// It is not a start this lead is offered (past, too soon, unknown).
    NotOffered,
    /// The lead has its call already.
    AlreadyBooked,
}

/// Where booking reads people, calls and calendars.
#[derive(Clone, Copy)]
pub struct Sources<'a> {
    pub stores: &'a Stores,
    pub calendars: &'a Calendars,
    pub settings: &'a MeetingSettings,
}

/// The people who may take this lead's call, with their calls from now to the horizon and the
/// busy times of their own calendars.
struct Team {
    people: Vec<Bookable>,
    calls: Vec<StaffCall>,
    busy: HashMap<i64, Vec<Interval>>,
}

impl Team {
    async fn for_lead(from_where: Sources<'_>, lead: LeadToBook<'_>, now: DateTime<Utc>) -> Result<Self, StoreError> {
        let Sources { stores, calendars, settings } = from_where;
        let speaking: Vec<Bookable> =
            stores.bookings.bookable().await?.into_iter().filter(|p| p.availability.speaks(lead.language)).collect();
        // The lead's own person if they take calls; the team otherwise, so no visitor waits on
        // someone who set no hours.
        let people = match speaking.iter().find(|p| Some(p.staff_id) == lead.assigned_to) {
            Some(assignee) => vec![assignee.clone()],
            None => speaking,
        };
        // A week either side of the horizon: the calls a slot must clear, and those that count
        // toward each person's week.
        let from = now - Duration::days(7);
        let to = now + settings.rules.horizon.as_chrono() + Duration::days(7);
        let calls = stores.bookings.calls_between(from, to).await?;
        let zones: Vec<_> = people.iter().map(|p| (p.staff_id, p.availability.zone)).collect();
        let busy = calendars.busy_of(&zones, now, now + settings.rules.horizon.as_chrono() + Duration::days(1)).await;
        Ok(Team { people, calls, busy })
    }

    fn calls_of(&self, staff_id: i64) -> Vec<Interval> {
        self.calls.iter().filter(|c| c.staff_id == staff_id).map(|c| c.call).collect()
    }

    fn free_of(&self, person: &Bookable, settings: &MeetingSettings, now: DateTime<Utc>) -> Vec<DateTime<Utc>> {
        let busy = self.busy.get(&person.staff_id).map_or(&[][..], Vec::as_slice);
        free_slots(&person.availability, &settings.rules, &self.calls_of(person.staff_id), busy, now)
    }

    /// Every start someone's hours hold, their calls aside: what a visitor may have been
    /// offered a moment ago.
    fn possible(&self, settings: &MeetingSettings, now: DateTime<Utc>) -> BTreeSet<DateTime<Utc>> {
        self.people.iter().flat_map(|p| free_slots(&p.availability, &settings.rules, &[], &[], now)).collect()
    }

    /// Every start at which someone is free, earliest first.
    fn offered(&self, settings: &MeetingSettings, now: DateTime<Utc>) -> Vec<DateTime<Utc>> {
        let all: BTreeSet<DateTime<Utc>> = self.people.iter().flat_map(|p| self.free_of(p, settings, now)).collect();
        all.into_iter().collect()
    }

    /// Those free at `start`, in the order routing prefers them.
    fn in_turn(&self, start: DateTime<Utc>, settings: &MeetingSettings, now: DateTime<Utc>) -> Vec<&Bookable> {
        let free: Vec<&Bookable> =
            self.people.iter().filter(|p| self.free_of(p, settings, now).contains(&start)).collect();
        let candidates: Vec<Candidate> = free
            .iter()
            .map(|p| Candidate {
                staff_id: p.staff_id,
                calls_that_week: self.calls_in_week_of(p, start),
                last_booked_at: p.last_booked_at,
            })
            .collect();
        ranked(&candidates).into_iter().filter_map(|id| free.iter().find(|p| p.staff_id == id).copied()).collect()
    }

    /// The person's calls in the week (Monday to Sunday, in their zone) that holds `start`.
    fn calls_in_week_of(&self, person: &Bookable, start: DateTime<Utc>) -> u32 {
        let zone = person.availability.zone;
        let week = start.with_timezone(&zone).iso_week();
        let calls = self.calls_of(person.staff_id);
        calls.iter().filter(|c| c.start.with_timezone(&zone).iso_week() == week).count() as u32
    }
}

/// The starts this lead's visitor may pick from, earliest first; none when nobody takes calls.
pub async fn offered(
    from_where: Sources<'_>,
    lead: LeadToBook<'_>,
    now: DateTime<Utc>,
) -> Result<Vec<DateTime<Utc>>, StoreError> {
    Ok(Team::for_lead(from_where, lead, now).await?.offered(from_where.settings, now))
}

/// How many of the nearest free starts a visitor whose start was taken is shown first.
const NEAREST: usize = 6;

/// The starts nearest to `start` among `free`, in order.
fn nearest(mut free: Vec<DateTime<Utc>>, start: DateTime<Utc>) -> Vec<DateTime<Utc>> {
    free.sort_by_key(|s| (*s - start).num_seconds().abs());
    free.truncate(NEAREST);
    free.sort();
    free
}

/// How the history writes a call's time: "Tue 9 Dec 2026 10:00–10:30 UTC".
fn when_utc(call: Interval) -> String {
    format!("{}–{} UTC", call.start.format("%a %-d %b %Y %H:%M"), call.end.format("%H:%M"))
}

/// And with whom: "Tue 9 Dec 2026 10:00–10:30 UTC, with sam@example.com".
fn call_line(call: Interval, with: &str) -> String {
    format!("{}, with {with}", when_utc(call))
}

/// Books `start` for the lead with the person routing picks among those free then; when the
/// database refuses it for them (booked meanwhile), the next one free is tried.
pub async fn book(
    from_where: Sources<'_>,
    lead: LeadToBook<'_>,
    call: Wanted<'_>,
    now: DateTime<Utc>,
) -> Result<Booked, StoreError> {
    let Sources { stores, settings, .. } = from_where;
    let Wanted { start, visitor_zone, notify } = call;
    if stores.bookings.booking_of(lead.id).await?.is_some() {
        return Ok(Booked::AlreadyBooked);
    }
    let team = Team::for_lead(from_where, lead, now).await?;
    if !team.possible(settings, now).contains(&start) {
        return Ok(Booked::NotOffered);
    }
    let length = settings.rules.length.as_chrono();
    for person in team.in_turn(start, settings, now) {
        let uid = token::booking_uid();
        let call = Interval { start, end: start + length };
        let booking = NewBooking {
            notifications: notify(person, &uid, call),
            uid,
            lead_id: lead.id,
            staff_id: person.staff_id,
            call,
            busy_until: call.end + settings.rules.buffer.as_chrono(),
            visitor_zone: visitor_zone.to_string(),
            at: now,
            day: day_of(person.availability.zone, start),
            per_day: settings.rules.per_day,
            detail: format!("call booked: {}", call_line(call, &person.email)),
        };
        match stores.bookings.book(&booking).await? {
            BookingOutcome::Booked { .. } => {
                let stored = stores.bookings.booking_of(lead.id).await?;
                return Ok(stored.map_or(Booked::AlreadyBooked, Booked::Booked));
            }
            BookingOutcome::LeadHasOne | BookingOutcome::Changed => return Ok(Booked::AlreadyBooked),
            BookingOutcome::Taken => continue,
        }
    }
    // Everyone free at that start was booked meanwhile: the starts still free nearest to it.
    let still_free = Team::for_lead(from_where, lead, now).await?.offered(settings, now);
    Ok(Booked::JustTaken { nearest: nearest(still_free, start) })
}

/// The person who takes a booked call, and their calls but that one: a move keeps the person
/// (the visitor has their invitation), and may overlap the call's own old time.
async fn team_for_move(from_where: Sources<'_>, booking: &Booking, now: DateTime<Utc>) -> Result<Team, StoreError> {
    let Sources { stores, calendars, settings } = from_where;
    let people: Vec<Bookable> =
        stores.bookings.bookable().await?.into_iter().filter(|p| p.staff_id == booking.staff_id).collect();
    let to = now + settings.rules.horizon.as_chrono() + Duration::days(7);
    let mut calls = stores.bookings.calls_between(now - Duration::days(7), to).await?;
    calls.retain(|c| c.booking_id != booking.id);
    let zones: Vec<_> = people.iter().map(|p| (p.staff_id, p.availability.zone)).collect();
    let mut busy = calendars.busy_of(&zones, now, now + settings.rules.horizon.as_chrono() + Duration::days(1)).await;
    // The call itself, as the person's calendar holds it, does not keep them from moving it.
    for times in busy.values_mut() {
        times.retain(|b| *b != booking.call);
    }
    Ok(Team { people, calls, busy })
}

/// The starts a booked call may move to, earliest first: its person's free times. None when the
/// person no longer takes calls (the call can still be cancelled).
pub async fn offered_for_move(
    from_where: Sources<'_>,
    booking: &Booking,
    now: DateTime<Utc>,
) -> Result<Vec<DateTime<Utc>>, StoreError> {
    Ok(team_for_move(from_where, booking, now).await?.offered(from_where.settings, now))
}

/// How a move or a cancellation went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Changed {
    Done,
    /// Someone took that time meanwhile: the nearest free ones.
    JustTaken {
        nearest: Vec<DateTime<Utc>>,
    },
    /// Not a start the call may move to.
    NotOffered,
    /// The call was moved or cancelled meanwhile by someone else: nothing changed.
    Meanwhile,
}

/// Moves a booked call to `start` with the same person; `actor` is `visitor` or the staff
/// member's address. `notify` gets the call's new time.
pub async fn move_call(
    from_where: Sources<'_>,
    booking: &Booking,
    start: DateTime<Utc>,
    actor: &str,
    notify: Announce<'_>,
    now: DateTime<Utc>,
) -> Result<Changed, StoreError> {
    let Sources { stores, settings, .. } = from_where;
    let team = team_for_move(from_where, booking, now).await?;
    let Some(person) = team.people.first() else { return Ok(Changed::NotOffered) };
    if start == booking.call.start || !team.free_of(person, settings, now).contains(&start) {
        return Ok(Changed::NotOffered);
    }
    let call = Interval { start, end: start + settings.rules.length.as_chrono() };
    let change = CallMove {
        booking_id: booking.id,
        sequence: booking.sequence,
        lead_id: booking.lead_id,
        staff_id: booking.staff_id,
        call,
        busy_until: call.end + settings.rules.buffer.as_chrono(),
        day: day_of(person.availability.zone, start),
        per_day: settings.rules.per_day,
        actor: actor.to_string(),
        at: now,
        detail: format!(
            "call moved by {actor}: now {}, was {}",
            call_line(call, &person.email),
            when_utc(booking.call)
        ),
        withdraw: vec![letters::reminder_topic(&booking.uid)],
        messages: notify(person, &booking.uid, call),
    };
    Ok(match stores.bookings.move_call(&change).await? {
        BookingOutcome::Booked { .. } => Changed::Done,
        BookingOutcome::Changed | BookingOutcome::LeadHasOne => Changed::Meanwhile,
        BookingOutcome::Taken => {
            let free = team_for_move(from_where, booking, now).await?.offered(settings, now);
            Changed::JustTaken { nearest: nearest(free, start) }
        }
    })
}

/// Cancels a booked call; `messages` tell everyone of it.
pub async fn cancel_call(
    stores: &Stores,
    booking: &Booking,
    actor: &str,
    messages: Vec<OutboxMessage>,
    now: DateTime<Utc>,
) -> Result<Changed, StoreError> {
    let change = CallCancel {
        booking_id: booking.id,
        sequence: booking.sequence,
        lead_id: booking.lead_id,
        actor: actor.to_string(),
        at: now,
        detail: format!("call cancelled by {actor}: {}", call_line(booking.call, &booking.staff_email)),
        withdraw: vec![letters::reminder_topic(&booking.uid)],
        messages,
    };
    Ok(match stores.bookings.cancel_call(&change).await? {
        BookingOutcome::Booked { .. } => Changed::Done,
        _ => Changed::Meanwhile,
    })
}
