//! Booking a call for a lead: the starts offered to its visitor (the union of the free times
//! of everyone who may take it), and a posted start turned into a stored call with the person
//! routing picks. The database has the last word: a start taken meanwhile by another visitor,
//! on any instance, is refused there, and the next person free then is tried.

pub mod token;

use std::collections::BTreeSet;

use chrono::{DateTime, Datelike as _, Duration, Utc};

use crate::domain::booking::{day_of, free_slots, ranked, Candidate, Interval};
use crate::server::settings::MeetingSettings;
use crate::server::store::booking::{Bookable, Booking, BookingOutcome, NewBooking, StaffCall};
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

/// The call a visitor posted: its start, their zone, and what tells the person who takes it
/// (given them and the call's start).
pub struct Wanted<'a> {
    pub start: DateTime<Utc>,
    pub visitor_zone: &'a str,
    pub notify: &'a (dyn Fn(&Bookable, DateTime<Utc>) -> Vec<OutboxMessage> + Sync),
}

/// How a posted start went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Booked {
    Booked(Booking),
    /// Someone booked it meanwhile: the nearest starts still free.
    JustTaken { nearest: Vec<DateTime<Utc>> },
    /// It is not a start this lead is offered (past, too soon, unknown).
    NotOffered,
    /// The lead has its call already.
    AlreadyBooked,
}

/// The people who may take this lead's call, with their calls from now to the horizon.
struct Team {
    people: Vec<Bookable>,
    calls: Vec<StaffCall>,
}

impl Team {
    async fn for_lead(stores: &Stores, settings: &MeetingSettings, lead: LeadToBook<'_>, now: DateTime<Utc>) -> Result<Self, StoreError> {
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
        Ok(Team { people, calls })
    }

    fn calls_of(&self, staff_id: i64) -> Vec<Interval> {
        self.calls.iter().filter(|c| c.staff_id == staff_id).map(|c| c.call).collect()
    }

    fn free_of(&self, person: &Bookable, settings: &MeetingSettings, now: DateTime<Utc>) -> Vec<DateTime<Utc>> {
        free_slots(&person.availability, &settings.rules, &self.calls_of(person.staff_id), &[], now)
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
    stores: &Stores,
    settings: &MeetingSettings,
    lead: LeadToBook<'_>,
    now: DateTime<Utc>,
) -> Result<Vec<DateTime<Utc>>, StoreError> {
    Ok(Team::for_lead(stores, settings, lead, now).await?.offered(settings, now))
}

/// How many of the nearest free starts a visitor whose start was taken is shown first.
const NEAREST: usize = 6;

/// Books `start` for the lead with the person routing picks among those free then; when the
/// database refuses it for them (booked meanwhile), the next one free is tried.
pub async fn book(
    stores: &Stores,
    settings: &MeetingSettings,
    lead: LeadToBook<'_>,
    call: Wanted<'_>,
    now: DateTime<Utc>,
) -> Result<Booked, StoreError> {
    let Wanted { start, visitor_zone, notify } = call;
    if stores.bookings.booking_of(lead.id).await?.is_some() {
        return Ok(Booked::AlreadyBooked);
    }
    let team = Team::for_lead(stores, settings, lead, now).await?;
    if !team.possible(settings, now).contains(&start) {
        return Ok(Booked::NotOffered);
    }
    let length = settings.rules.length.as_chrono();
    for person in team.in_turn(start, settings, now) {
        let booking = NewBooking {
            uid: token::booking_uid(),
            lead_id: lead.id,
            staff_id: person.staff_id,
            call: Interval { start, end: start + length },
            busy_until: start + length + settings.rules.buffer.as_chrono(),
            visitor_zone: visitor_zone.to_string(),
            at: now,
            notifications: notify(person, start),
            day: day_of(person.availability.zone, start),
            per_day: settings.rules.per_day,
            detail: format!(
                "call booked: {}–{} UTC, with {}",
                start.format("%a %-d %b %Y %H:%M"),
                (start + length).format("%H:%M"),
                person.email
            ),
        };
        match stores.bookings.book(&booking).await? {
            BookingOutcome::Booked { .. } => {
                let stored = stores.bookings.booking_of(lead.id).await?;
                return Ok(stored.map_or(Booked::AlreadyBooked, Booked::Booked));
            }
            BookingOutcome::LeadHasOne => return Ok(Booked::AlreadyBooked),
            BookingOutcome::Taken => continue,
        }
    }
    // Everyone free at that start was booked meanwhile: the starts still free nearest to it.
    let mut still_free = Team::for_lead(stores, settings, lead, now).await?.offered(settings, now);
    still_free.sort_by_key(|s| (*s - start).num_seconds().abs());
    still_free.truncate(NEAREST);
    still_free.sort();
    Ok(Booked::JustTaken { nearest: still_free })
}
