//! `/book/{token}`: what the booking page shows (free starts in the visitor's zone, or the call
//! booked with the times it may move to), `POST /book/{token}`, which books the start picked,
//! `POST /book/{token}/move` and `/cancel`, and `GET /book/{token}/call.ics`, the call for the
//! visitor's calendar. A start taken meanwhile comes back with the nearest free ones; a tampered
//! token or start stores nothing.

use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::Deserialize;

use crate::domain::booking::{parse_zone, Interval};
use crate::domain::lang::Lang;
use crate::domain::message::Message;
use crate::i18n::locales::locales;
use crate::page_data::inbox::CallLine;
use crate::page_data::booking::{BookedCall, BookingFormState, BookingView, Offer, OfferedDay, OfferedStart};
use crate::server::booking::invitation::calendar_of;
use crate::server::booking::letters::{when, CallChange, CallFacts};
use crate::server::booking::{book, cancel_call, move_call, offered, offered_for_move, Booked, Changed, LeadToBook, Sources, Wanted};
use crate::server::http::failure::{Cause, Failure, FormPage, PageAgain};
use crate::server::http::form::Posted;
use crate::server::http::language::RequestLang;
use crate::server::http::state::AppState;
use crate::server::jobs::notification::Notification;
use crate::server::settings::LINK_REFERENCE;
use crate::server::store::booking::{Bookable, Booking};
use crate::server::store::inbox::Lead;
use crate::server::store::outbox::{Channel, OutboxMessage};
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
        let moves = (!moves.is_empty())
            .then(|| Offer { zone: zone.name().to_string(), days: by_day(&moves, zone, lang), length: meetings.rules.length });
        return Ok(BookingView::Booked(booked_call(state, &booking, &lead, lang, moves)));
    }
    let zone = asked.unwrap_or_else(|| parse_zone(default_zone(lang)).expect("known zone"));
    let starts = offered(sources(state), to_book(&lead), now).await?;
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
        let offered = OfferedStart { value: slot_value(*start), label: local.format("%H:%M").to_string() };
        match days.last_mut() {
            Some(day) if day.label == label => day.starts.push(offered),
            _ => days.push(OfferedDay { label, starts: vec![offered] }),
        }
    }
    days
}

/// The meeting link of a call with this person for this lead.
fn meeting_link(state: &AppState, own: Option<&str>, lead: &Lead) -> Option<String> {
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
fn lead_lang(lead: &Lead) -> Lang {
    locales().find(&lead.language).unwrap_or_default()
}

/// The person who takes a call, as messages about it need them.
pub struct CallPerson<'a> {
    pub staff_id: i64,
    pub email: &'a str,
    pub zone: Tz,
    pub own_link: Option<&'a str>,
}

impl<'a> From<&'a Bookable> for CallPerson<'a> {
    fn from(person: &'a Bookable) -> Self {
        CallPerson {
            staff_id: person.staff_id,
            email: &person.email,
            zone: person.availability.zone,
            own_link: person.meeting_link.as_deref(),
        }
    }
}

/// The messages a change to a lead's call sends (`sequence`: the call's after the change).
pub fn call_messages(
    state: &AppState,
    lead: &Lead,
    person: CallPerson<'_>,
    calendar_connected: bool,
    call: (&str, i64, Interval, Tz),
    change: CallChange,
) -> Vec<OutboxMessage> {
    let (uid, sequence, interval, visitor_zone) = call;
    let settings = &state.settings;
    let lang = lead_lang(lead);
    let token = state.booking_tokens.issue(&lead.reference);
    let manage_url = format!("{}{}", settings.public_url, lang.path(&format!("/book/{token}")));
    let lead_url = format!("{}/inbox/leads/{}", settings.public_url, lead.reference);
    let link = meeting_link(state, person.own_link, lead);
    let result = lead.recommendation_summary.as_ref().map(|summary| {
        (locales().language(lang).write(summary), locales().language(Lang::default()).write(summary))
    });
    let facts = CallFacts {
        uid,
        sequence,
        call: interval,
        reference: lead.reference.as_str(),
        visitor_name: &lead.name,
        visitor_email: &lead.email,
        company: lead.company.as_deref(),
        lang,
        visitor_zone,
        staff_id: person.staff_id,
        staff_email: person.email,
        staff_zone: person.zone,
        link: link.as_deref(),
        result,
        manage_url: &manage_url,
        lead_url: &lead_url,
        brand: &settings.brand.name,
        calendar_connected,
    };
    let mut messages = facts.messages(change, state.settings.meetings.reminder, state.clock.now());
    if settings.email.is_none() {
        // Without an SMTP server no email can go; the calendar writes still do.
        messages.retain(|m| m.channel != Channel::Call);
    }
    if change == CallChange::Booked {
        // The team's chat hears of a new call too (the person has their invitation by email).
        let when = format!("{} UTC", interval.start.format("%a %-d %b %Y %H:%M"));
        let note = Notification::booked(lead.reference.as_str(), &lead.name, lead.company.as_deref(), &when, person.email, &settings.public_url);
        messages.extend(note.messages(settings).into_iter().filter(|m| m.channel == Channel::Webhook));
    }
    messages
}

/// Whether this person has a calendar connected that calls are written into.
pub async fn has_calendar(state: &AppState, staff_id: i64) -> Result<bool, StoreError> {
    Ok(!state.stores.calendars.caldav_of(&[staff_id]).await?.is_empty())
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

/// Reads a posted start.
pub fn parse_slot(slot: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(slot.trim()).ok().map(|s| s.with_timezone(&Utc))
}

/// The page a booking form came from, for its answers.
struct BookingPage<'a> {
    page: FormPage,
    zone: &'a str,
}

impl BookingPage<'_> {
    fn again(&self, status: StatusCode, notice: &str, nearest: Vec<DateTime<Utc>>) -> PageAgain {
        let nearest = nearest.into_iter().map(slot_value).collect();
        let state = BookingFormState { notice: Some(Message::key(notice)), zone: self.zone.to_string(), nearest };
        self.page.show(status, state)
    }

    fn unavailable(&self, doing: &'static str) -> impl Fn(StoreError) -> PageAgain + '_ {
        move |error| self.page.failed(Cause::unavailable(doing, error), BookingFormState::default())
    }
}

fn back_to(lang: Lang, token: &str, done: Option<&str>) -> Response {
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
        .caldav_of(&state.stores.bookings.bookable().await.map_err(page.unavailable("booking a call"))?.iter().map(|p| p.staff_id).collect::<Vec<_>>())
        .await
        .map_err(page.unavailable("booking a call"))?;
    let notify = |person: &Bookable, uid: &str, call: Interval| {
        let calendar = connected.iter().any(|c| c.staff_id == person.staff_id);
        call_messages(&state, &lead, person.into(), calendar, (uid, 0, call, zone), CallChange::Booked)
    };
    let wanted = Wanted { start, visitor_zone: zone.name(), notify: &notify };
    let booked = book(sources(&state), to_book(&lead), wanted, now).await.map_err(page.unavailable("booking a call"))?;
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

/// The lead and its booked call a visitor's link names, or the answer that there is none.
async fn booked_of(state: &AppState, token: &str, page: &BookingPage<'_>) -> Result<(Lead, Booking), PageAgain> {
    let Some(lead) = lead_of(state, token).await.map_err(page.unavailable("changing a call"))? else {
        return Err(page.again(StatusCode::NOT_FOUND, "book-notice-unknown", Vec::new()));
    };
    match state.stores.bookings.booking_of(lead.id).await.map_err(page.unavailable("changing a call"))? {
        Some(booking) => Ok((lead, booking)),
        None => Err(page.again(StatusCode::CONFLICT, "book-notice-no-call", Vec::new())),
    }
}

/// Moves a booked call to another start with the same person, for whoever may: the visitor
/// with their link (`actor` `visitor`), or staff from the lead page.
pub async fn move_booked(
    state: &AppState,
    lead: &Lead,
    booking: &Booking,
    start: DateTime<Utc>,
    actor: &str,
) -> Result<Changed, StoreError> {
    let visitor_zone = parse_zone(&booking.visitor_zone).unwrap_or(Tz::UTC);
    let calendar = has_calendar(state, booking.staff_id).await?;
    let sequence = booking.sequence + 1;
    let notify = |person: &Bookable, uid: &str, call: Interval| {
        call_messages(state, lead, person.into(), calendar, (uid, sequence, call, visitor_zone), CallChange::Moved)
    };
    let changed = move_call(sources(state), booking, start, actor, &notify, state.clock.now()).await?;
    if changed == Changed::Done {
        state.outbox_wake.notify_one();
    }
    Ok(changed)
}

/// Cancels a booked call, for the visitor or staff.
pub async fn cancel_booked(state: &AppState, lead: &Lead, booking: &Booking, actor: &str) -> Result<Changed, StoreError> {
    let visitor_zone = parse_zone(&booking.visitor_zone).unwrap_or(Tz::UTC);
    let calendar = has_calendar(state, booking.staff_id).await?;
    let bookable = state.stores.bookings.bookable().await?;
    let zone = bookable.iter().find(|p| p.staff_id == booking.staff_id).map_or(Tz::UTC, |p| p.availability.zone);
    let person = CallPerson { staff_id: booking.staff_id, email: &booking.staff_email, zone, own_link: booking.meeting_link.as_deref() };
    let messages = call_messages(
        state,
        lead,
        person,
        calendar,
        (&booking.uid, booking.sequence + 1, booking.call, visitor_zone),
        CallChange::Cancelled,
    );
    let changed = cancel_call(&state.stores, booking, actor, messages, state.clock.now()).await?;
    if changed == Changed::Done {
        state.outbox_wake.notify_one();
    }
    Ok(changed)
}

pub async fn move_by_visitor(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    Path(token): Path<String>,
    Posted { form, .. }: Posted<BookingForm>,
) -> Result<Response, PageAgain> {
    let page = BookingPage { page: FormPage::public(lang, format!("/book/{token}")), zone: &form.zone };
    let (lead, booking) = booked_of(&state, &token, &page).await?;
    let Some(start) = parse_slot(&form.slot) else {
        return Err(page.again(StatusCode::UNPROCESSABLE_ENTITY, "book-notice-pick", Vec::new()));
    };
    match move_booked(&state, &lead, &booking, start, "visitor").await.map_err(page.unavailable("moving a call"))? {
        Changed::Done => Ok(back_to(lang, &token, Some("moved"))),
        Changed::JustTaken { nearest } => Err(page.again(StatusCode::CONFLICT, "book-notice-taken", nearest)),
        Changed::NotOffered => Err(page.again(StatusCode::UNPROCESSABLE_ENTITY, "book-notice-not-offered", Vec::new())),
        Changed::Meanwhile => Err(page.again(StatusCode::CONFLICT, "book-notice-meanwhile", Vec::new())),
    }
}

pub async fn cancel_by_visitor(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    Path(token): Path<String>,
) -> Result<Response, PageAgain> {
    let page = BookingPage { page: FormPage::public(lang, format!("/book/{token}")), zone: "" };
    let (lead, booking) = booked_of(&state, &token, &page).await?;
    match cancel_booked(&state, &lead, &booking, "visitor").await.map_err(page.unavailable("cancelling a call"))? {
        Changed::Done => Ok(back_to(lang, &token, Some("cancelled"))),
        _ => Err(page.again(StatusCode::CONFLICT, "book-notice-meanwhile", Vec::new())),
    }
}

/// `GET /book/{token}/call.ics`: the booked call for the visitor's own calendar.
pub async fn download(State(state): State<AppState>, Path(token): Path<String>) -> Result<Response, Failure> {
    let failed = |error| Failure::failed(Cause::unavailable("downloading a call", error), "The call could not be read just now.");
    let Some(lead) = lead_of(&state, &token).await.map_err(failed)? else {
        return Ok((StatusCode::NOT_FOUND, "This booking link is not valid.").into_response());
    };
    let Some(booking) = state.stores.bookings.booking_of(lead.id).await.map_err(failed)? else {
        return Ok((StatusCode::NOT_FOUND, "No call is booked for this link.").into_response());
    };
    let lang = lead_lang(&lead);
    let language = locales().language(lang);
    let brand = state.settings.brand.name.as_str();
    let summary = language.text("call-summary", &[("brand", brand.into()), ("reference", lead.reference.as_str().into())]);
    let link = meeting_link(&state, booking.meeting_link.as_deref(), &lead);
    let description = match &link {
        Some(link) => language.text("call-join", &[("link", link.as_str().into())]),
        None => String::new(),
    };
    let event = crate::server::booking::invitation::CallEvent {
        uid: &booking.uid,
        sequence: booking.sequence,
        call: booking.call,
        stamp: state.clock.now(),
        organizer: crate::server::booking::invitation::Party { name: &booking.staff_email, email: &booking.staff_email },
        attendee: crate::server::booking::invitation::Party { name: &lead.name, email: &lead.email },
        summary: &summary,
        description: &description,
        link: link.as_deref(),
        cancelled: false,
    };
    let ics = calendar_of(None, &[event]);
    Ok((
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (header::CONTENT_DISPOSITION, "attachment; filename=\"call.ics\""),
            (header::CACHE_CONTROL, "private, no-store"),
        ],
        ics,
    )
        .into_response())
}

/// A lead's booked call as its lead page shows it, with the times it may move to in the zone of
/// the person who takes it.
pub async fn call_line(state: &AppState, lead: &Lead) -> Result<Option<CallLine>, StoreError> {
    let Some(booking) = state.stores.bookings.booking_of(lead.id).await? else { return Ok(None) };
    let bookable = state.stores.bookings.bookable().await?;
    let zone = bookable.iter().find(|p| p.staff_id == booking.staff_id).map_or(Tz::UTC, |p| p.availability.zone);
    let (start, end) = (booking.call.start.with_timezone(&zone), booking.call.end.with_timezone(&zone));
    let text = format!(
        "Call booked: {}, {}–{} {}, with {}",
        start.format("%a %-d %b"),
        start.format("%H:%M"),
        end.format("%H:%M"),
        zone.name(),
        booking.staff_email
    );
    let moves = offered_for_move(sources(state), &booking, state.clock.now())
        .await?
        .into_iter()
        .map(|s| (slot_value(s), s.with_timezone(&zone).format("%a %-d %b, %H:%M").to_string()))
        .collect();
    Ok(Some(CallLine { text, link: meeting_link(state, booking.meeting_link.as_deref(), lead), moves }))
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
