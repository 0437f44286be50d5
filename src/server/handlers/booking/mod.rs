//! `/book/{token}`: what the booking page shows (free starts in the visitor's zone, or the call
//! booked with the times it may move to) and `POST /book/{token}`, which books the start picked.
//! A start taken meanwhile comes back with the nearest free ones; a tampered token or start
//! stores nothing. Moving, cancelling and downloading a booked call are in `changes`.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::Deserialize;

pub mod changes;

use changes::call_messages;

use crate::domain::booking::{parse_zone, Interval};
use crate::domain::lang::Lang;
use crate::domain::message::Message;
use crate::i18n::locales::locales;
use crate::page_data::booking::{BookedCall, BookingFormState, BookingView, Offer, OfferedDay, OfferedStart};
use crate::server::booking::letters::{when, CallChange};
use crate::server::booking::{book, offered, offered_for_move, Booked, LeadToBook, Sources, Wanted};
use crate::server::http::failure::{Cause, FormPage, PageAgain};
use crate::server::http::form::Posted;
use crate::server::http::language::RequestLang;
use crate::server::http::state::AppState;
use crate::server::settings::LINK_REFERENCE;
use crate::server::store::booking::{Bookable, Booking};
use crate::server::store::inbox::Lead;
use crate::server::store::StoreError;

/// The zone a visitor's times are written in before they say otherwise: where most readers of
/// each language are.
pub fn default_zone(lang: Lang) -> &'static str {
    match lang.code() {
        "es" => "Europe/Madrid",
        _ => "Europe/London",
    }
}

/// Where booking reads people, calls and calendars.
pub fn sources(state: &AppState) -> Sources<'_> {
    Sources { stores: &state.stores, calendars: &state.calendars, settings: &state.settings.meetings }
}

/// The lead a booking link names, if the link is this site's and the lead may book.
pub(super) async fn lead_of(state: &AppState, token: &str) -> Result<Option<Lead>, StoreError> {
    let Some(reference) = state.booking_tokens.verify(token) else { return Ok(None) };
    let lead = state.stores.inbox.lead(&reference).await?;
    // An erased lead has nobody to call; spam is never offered a call.
    Ok(lead.filter(|l| l.erased_at.is_none() && l.spam_reason.is_none()))
}

pub(super) fn to_book(lead: &Lead) -> LeadToBook<'_> {
    LeadToBook { id: lead.id, language: &lead.language, assigned_to: lead.assigned_to }
}

/// What the booking page shows for `token`, with times in `zone` (else the language's own).
pub async fn view(state: &AppState, token: &str, zone: Option<&str>, lang: Lang) -> Result<BookingView, StoreError> {
    let Some(lead) = lead_of(state, token).await? else { return Ok(BookingView::Unknown) };
    let asked = zone.and_then(|z| parse_zone(z).ok());
    let now = state.clock.now();
    let meetings = &state.settings.meetings;
    if let Some(booking) = state.stores.bookings.booking_of(lead.id).await? {
        // The times the call may move to are written in the zone it was booked from, unless
        // the visitor asked for another.
        let zone = asked.or_else(|| parse_zone(&booking.visitor_zone).ok()).unwrap_or(Tz::UTC);
        let moves = offered_for_move(sources(state), &booking, now).await?;
        let moves = (!moves.is_empty()).then(|| Offer {
            zone: zone.name().to_string(),
            days: by_day(&moves, zone, lang),
            length: meetings.rules.length,
        });
        return Ok(BookingView::Booked(booked_call(state, &booking, &lead, lang, moves)));
    }
    let zone = asked.unwrap_or_else(|| parse_zone(default_zone(lang)).expect("known zone"));
    let starts = offered(sources(state), to_book(&lead), now).await?;
    if starts.is_empty() {
        return Ok(BookingView::NoneFree);
    }
    Ok(BookingView::Offer(Offer {
        zone: zone.name().to_string(),
        days: by_day(&starts, zone, lang),
        length: meetings.rules.length,
    }))
}

/// A start as the form's `slot` value: RFC 3339 in UTC.
pub(super) fn slot_value(start: DateTime<Utc>) -> String {
    start.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// The starts grouped by the day they fall on in `zone`.
pub(super) fn by_day(starts: &[DateTime<Utc>], zone: Tz, lang: Lang) -> Vec<OfferedDay> {
    let language = locales().language(lang);
    let mut days: Vec<OfferedDay> = Vec::new();
    for start in starts {
        let local = start.with_timezone(&zone);
        let label = language.day_with_weekday(local.date_naive());
        let offered = OfferedStart { value: slot_value(*start), label: local.format("%H:%M").to_string() };
        match days.last_mut() {
            Some(day) if day.label == label => day.starts.push(offered),
            _ => days.push(OfferedDay { label, starts: vec![offered] }),
        }
    }
    days
}

/// The meeting link of a call with this person for this lead.
pub(super) fn meeting_link(state: &AppState, own: Option<&str>, lead: &Lead) -> Option<String> {
    own.map(str::to_string)
        .or_else(|| state.settings.meetings.default_link.clone())
        .map(|link| link.replace(LINK_REFERENCE, lead.reference.as_str()))
}

/// A booked call as its visitor reads it, in the zone they booked from.
fn booked_call(state: &AppState, booking: &Booking, lead: &Lead, lang: Lang, moves: Option<Offer>) -> BookedCall {
    let zone = parse_zone(&booking.visitor_zone).unwrap_or(Tz::UTC);
    BookedCall {
        when: when(locales().language(lang), booking.call, zone),
        zone: zone.name().to_string(),
        with: booking.staff_email.clone(),
        link: meeting_link(state, booking.meeting_link.as_deref(), lead),
        moves,
    }
}

/// The visitor's language as the lead records it.
pub(super) fn lead_lang(lead: &Lead) -> Lang {
    locales().find(&lead.language).unwrap_or_default()
}

/// The booking form as posted.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct BookingForm {
    /// The start picked, RFC 3339.
    pub(super) slot: String,
    /// The visitor's IANA zone.
    pub(super) zone: String,
}

/// Reads a posted start.
pub fn parse_slot(slot: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(slot.trim()).ok().map(|s| s.with_timezone(&Utc))
}

/// The page a booking form came from, for its answers.
pub(super) struct BookingPage<'a> {
    pub(super) page: FormPage,
    pub(super) zone: &'a str,
}

impl BookingPage<'_> {
    pub(super) fn again(&self, status: StatusCode, notice: &str, nearest: Vec<DateTime<Utc>>) -> PageAgain {
        let nearest = nearest.into_iter().map(slot_value).collect();
        let state = BookingFormState { notice: Some(Message::key(notice)), zone: self.zone.to_string(), nearest };
        self.page.show(status, state)
    }

    pub(super) fn unavailable(&self, doing: &'static str) -> impl Fn(StoreError) -> PageAgain + '_ {
        move |error| self.page.failed(Cause::unavailable(doing, error), BookingFormState::default())
    }
}

pub(super) fn back_to(lang: Lang, token: &str, done: Option<&str>) -> Response {
    let page = lang.path(&format!("/book/{token}"));
    let to = match done {
        Some(done) => format!("{page}?call={done}"),
        None => page,
    };
    Redirect::to(&to).into_response()
}

pub async fn submit(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    Path(token): Path<String>,
    Posted { form, .. }: Posted<BookingForm>,
) -> Result<Response, PageAgain> {
    let page = BookingPage { page: FormPage::public(lang, format!("/book/{token}")), zone: &form.zone };
    let Some(lead) = lead_of(&state, &token).await.map_err(page.unavailable("booking a call"))? else {
        return Err(page.again(StatusCode::NOT_FOUND, "book-notice-unknown", Vec::new()));
    };
    let Ok(zone) = parse_zone(&form.zone) else {
        return Err(page.again(StatusCode::UNPROCESSABLE_ENTITY, "book-notice-zone", Vec::new()));
    };
    let Some(start) = parse_slot(&form.slot) else {
        return Err(page.again(StatusCode::UNPROCESSABLE_ENTITY, "book-notice-pick", Vec::new()));
    };
    let now = state.clock.now();
    let connected = state
        .stores
        .calendars
        .caldav_of(
            &state
                .stores
                .bookings
                .bookable()
                .await
                .map_err(page.unavailable("booking a call"))?
                .iter()
                .map(|p| p.staff_id)
                .collect::<Vec<_>>(),
        )
        .await
        .map_err(page.unavailable("booking a call"))?;
    let notify = |person: &Bookable, uid: &str, call: Interval| {
        let calendar = connected.iter().any(|c| c.staff_id == person.staff_id);
        call_messages(&state, &lead, person.into(), calendar, (uid, 0, call, zone), CallChange::Booked)
    };
    let wanted = Wanted { start, visitor_zone: zone.name(), notify: &notify };
    let booked =
        book(sources(&state), to_book(&lead), wanted, now).await.map_err(page.unavailable("booking a call"))?;
    match booked {
        Booked::Booked(_) => {
            state.outbox_wake.notify_one();
            Ok(back_to(lang, &token, None))
        }
        Booked::AlreadyBooked => Ok(back_to(lang, &token, None)),
        Booked::JustTaken { nearest } => Err(page.again(StatusCode::CONFLICT, "book-notice-taken", nearest)),
        Booked::NotOffered => Err(page.again(StatusCode::UNPROCESSABLE_ENTITY, "book-notice-not-offered", Vec::new())),
    }
}

/// Whether the visitor of a lead just stored may book a call now: their link is this site's and
/// someone has a free time for them.
pub async fn can_book(state: &AppState, token: &str) -> Result<bool, StoreError> {
    let Some(lead) = lead_of(state, token).await? else { return Ok(false) };
    if state.stores.bookings.booking_of(lead.id).await?.is_some() {
        return Ok(true);
    }
    Ok(!offered(sources(state), to_book(&lead), state.clock.now()).await?.is_empty())
}
