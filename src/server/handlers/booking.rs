//! `/book/{token}`: what the booking page shows (free starts in the visitor's zone, or the
//! call booked), and `POST /book/{token}`, which books the start picked. A start taken
//! meanwhile comes back with the nearest free ones; a tampered token or start stores nothing.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::Deserialize;

use crate::domain::booking::parse_zone;
use crate::domain::lang::Lang;
use crate::domain::message::Message;
use crate::i18n::locales::locales;
use crate::page_data::booking::{BookedCall, BookingFormState, BookingView, Offer, OfferedDay, OfferedStart};
use crate::server::booking::{book, offered, Booked, LeadToBook, Wanted};
use crate::server::http::failure::{Cause, FormPage, PageAgain};
use crate::server::http::form::Posted;
use crate::server::http::language::RequestLang;
use crate::server::http::state::AppState;
use crate::server::settings::LINK_REFERENCE;
use crate::server::jobs::notification::Notification;
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

/// The lead a booking link names, if the link is this site's and the lead may book.
async fn lead_of(state: &AppState, token: &str) -> Result<Option<Lead>, StoreError> {
    let Some(reference) = state.booking_tokens.verify(token) else { return Ok(None) };
    let lead = state.stores.inbox.lead(&reference).await?;
    // An erased lead has nobody to call; spam is never offered a call.
    Ok(lead.filter(|l| l.erased_at.is_none() && l.spam_reason.is_none()))
}

fn to_book(lead: &Lead) -> LeadToBook<'_> {
    LeadToBook { id: lead.id, language: &lead.language, assigned_to: lead.assigned_to }
}

/// What the booking page shows for `token`, with times in `zone` (else the language's own).
pub async fn view(
    state: &AppState,
    token: &str,
    zone: Option<&str>,
    lang: Lang,
) -> Result<BookingView, StoreError> {
    let Some(lead) = lead_of(state, token).await? else { return Ok(BookingView::Unknown) };
    let zone = zone.and_then(|z| parse_zone(z).ok()).unwrap_or_else(|| parse_zone(default_zone(lang)).expect("known zone"));
    let now = state.clock.now();
    let meetings = &state.settings.meetings;
    if let Some(booking) = state.stores.bookings.booking_of(lead.id).await? {
        return Ok(BookingView::Booked(booked_call(state, &booking, &lead, lang)));
    }
    let starts = offered(&state.stores, meetings, to_book(&lead), now).await?;
    if starts.is_empty() {
        return Ok(BookingView::NoneFree);
    }
    Ok(BookingView::Offer(Offer { zone: zone.name().to_string(), days: by_day(&starts, zone, lang), length: meetings.rules.length }))
}

/// A start as the form's `slot` value: RFC 3339 in UTC.
fn slot_value(start: DateTime<Utc>) -> String {
    start.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// The starts grouped by the day they fall on in `zone`.
fn by_day(starts: &[DateTime<Utc>], zone: Tz, lang: Lang) -> Vec<OfferedDay> {
    let language = locales().language(lang);
    let mut days: Vec<OfferedDay> = Vec::new();
    for start in starts {
        let local = start.with_timezone(&zone);
        let label = language.day_with_weekday(local.date_naive());
        let offered = OfferedStart {
            value: slot_value(*start),
            label: local.format("%H:%M").to_string(),
        };
        match days.last_mut() {
            Some(day) if day.label == label => day.starts.push(offered),
            _ => days.push(OfferedDay { label, starts: vec![offered] }),
        }
    }
    days
}

/// A booked call as its visitor reads it, in the zone they booked from.
fn booked_call(state: &AppState, booking: &Booking, lead: &Lead, lang: Lang) -> BookedCall {
    let zone = parse_zone(&booking.visitor_zone).unwrap_or(Tz::UTC);
    let (start, end) = (booking.call.start.with_timezone(&zone), booking.call.end.with_timezone(&zone));
    let language = locales().language(lang);
    let when = format!("{}, {}–{}", language.day_with_weekday(start.date_naive()), start.format("%H:%M"), end.format("%H:%M"));
    let link = booking
        .meeting_link
        .clone()
        .or_else(|| state.settings.meetings.default_link.clone())
        .map(|link| link.replace(LINK_REFERENCE, lead.reference.as_str()));
    BookedCall { when, zone: zone.name().to_string(), with: booking.staff_email.clone(), link }
}

/// The booking form as posted.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct BookingForm {
    /// The start picked, RFC 3339.
    slot: String,
    /// The visitor's IANA zone.
    zone: String,
}

pub async fn submit(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    Path(token): Path<String>,
    Posted { form, .. }: Posted<BookingForm>,
) -> Result<Response, PageAgain> {
    let page = FormPage::public(lang, format!("/book/{token}"));
    let again = |status, notice: &str, nearest: Vec<String>| {
        let state = BookingFormState { notice: Some(Message::key(notice)), zone: form.zone.clone(), nearest };
        page.show(status, state)
    };
    let unavailable = |error| page.failed(Cause::unavailable("booking a call", error), BookingFormState::default());
    let Some(lead) = lead_of(&state, &token).await.map_err(unavailable)? else {
        return Err(again(StatusCode::NOT_FOUND, "book-notice-unknown", Vec::new()));
    };
    let Ok(zone) = parse_zone(&form.zone) else {
        return Err(again(StatusCode::UNPROCESSABLE_ENTITY, "book-notice-zone", Vec::new()));
    };
    let Ok(start) = DateTime::parse_from_rfc3339(form.slot.trim()).map(|s| s.with_timezone(&Utc)) else {
        return Err(again(StatusCode::UNPROCESSABLE_ENTITY, "book-notice-pick", Vec::new()));
    };
    let now = state.clock.now();
    let settings = &state.settings;
    let notify = |person: &Bookable, start: DateTime<Utc>| {
        let call = format!("{} UTC", start.format("%a %-d %b %Y %H:%M"));
        let (name, company) = (lead.name.as_str(), lead.company.as_deref());
        let note = Notification::booked(lead.reference.as_str(), name, company, &call, &person.email, &settings.public_url);
        note.messages(settings)
    };
    let wanted = Wanted { start, visitor_zone: zone.name(), notify: &notify };
    let booked = book(&state.stores, &settings.meetings, to_book(&lead), wanted, now).await.map_err(unavailable)?;
    match booked {
        Booked::Booked(_) => {
            state.outbox_wake.notify_one();
            Ok(Redirect::to(&lang.path(&format!("/book/{token}"))).into_response())
        }
        Booked::AlreadyBooked => Ok(Redirect::to(&lang.path(&format!("/book/{token}"))).into_response()),
        Booked::JustTaken { nearest } => {
            let nearest = nearest.iter().copied().map(slot_value).collect();
            Err(again(StatusCode::CONFLICT, "book-notice-taken", nearest))
        }
        Booked::NotOffered => Err(again(StatusCode::UNPROCESSABLE_ENTITY, "book-notice-not-offered", Vec::new())),
    }
}

/// Whether the visitor of a lead just stored may book a call now: their link is this site's and
/// someone has a free time for them.
pub async fn can_book(state: &AppState, token: &str) -> Result<bool, StoreError> {
    let Some(lead) = lead_of(state, token).await? else { return Ok(false) };
    if state.stores.bookings.booking_of(lead.id).await?.is_some() {
        return Ok(true);
    }
    Ok(!offered(&state.stores, &state.settings.meetings, to_book(&lead), state.clock.now()).await?.is_empty())
}
