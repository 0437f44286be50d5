//! A booked call's changes: `POST /book/{token}/move` and `/cancel` for its visitor, the same for
//! staff from the lead page, `GET /book/{token}/call.ics` (the call for the visitor's calendar),
//! the lead page's line about the call, and the messages each change sends.

use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::{back_to, lead_lang, lead_of, meeting_link, parse_slot, slot_value, sources, BookingForm, BookingPage};
use crate::domain::booking::{parse_zone, Interval};
use crate::domain::lang::Lang;
use crate::i18n::locales::locales;
use crate::page_data::inbox::CallLine;
use crate::server::booking::invitation::{calendar_of, CallEvent, Party};
use crate::server::booking::letters::{CallChange, CallFacts};
use crate::server::booking::{cancel_call, move_call, offered_for_move, Changed};
use crate::server::http::failure::{Cause, Failure, FormPage, PageAgain};
use crate::server::http::form::Posted;
use crate::server::http::language::RequestLang;
use crate::server::http::state::AppState;
use crate::server::jobs::notification::Notification;
use crate::server::store::booking::{Bookable, Booking};
use crate::server::store::inbox::Lead;
use crate::server::store::outbox::{Channel, OutboxMessage};
use crate::server::store::StoreError;

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
    let result = lead
        .recommendation_summary
        .as_ref()
        .map(|summary| (locales().language(lang).write(summary), locales().language(Lang::default()).write(summary)));
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
        let note = Notification::booked(
            lead.reference.as_str(),
            &lead.name,
            lead.company.as_deref(),
            &when,
            person.email,
            &settings.public_url,
        );
        messages.extend(note.messages(settings).into_iter().filter(|m| m.channel == Channel::Webhook));
    }
    messages
}

/// Whether this person has a calendar connected that calls are written into.
pub async fn has_calendar(state: &AppState, staff_id: i64) -> Result<bool, StoreError> {
    Ok(!state.stores.calendars.caldav_of(&[staff_id]).await?.is_empty())
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
pub async fn cancel_booked(
    state: &AppState,
    lead: &Lead,
    booking: &Booking,
    actor: &str,
) -> Result<Changed, StoreError> {
    let visitor_zone = parse_zone(&booking.visitor_zone).unwrap_or(Tz::UTC);
    let calendar = has_calendar(state, booking.staff_id).await?;
    let bookable = state.stores.bookings.bookable().await?;
    let zone = bookable.iter().find(|p| p.staff_id == booking.staff_id).map_or(Tz::UTC, |p| p.availability.zone);
    let person = CallPerson {
        staff_id: booking.staff_id,
        email: &booking.staff_email,
        zone,
        own_link: booking.meeting_link.as_deref(),
    };
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
    let failed = |error| {
        Failure::failed(Cause::unavailable("downloading a call", error), "The call could not be read just now.")
    };
    let Some(lead) = lead_of(&state, &token).await.map_err(failed)? else {
        return Ok((StatusCode::NOT_FOUND, "This booking link is not valid.").into_response());
    };
    let Some(booking) = state.stores.bookings.booking_of(lead.id).await.map_err(failed)? else {
        return Ok((StatusCode::NOT_FOUND, "No call is booked for this link.").into_response());
    };
    let lang = lead_lang(&lead);
    let language = locales().language(lang);
    let brand = state.settings.brand.name.as_str();
    let summary =
        language.text("call-summary", &[("brand", brand.into()), ("reference", lead.reference.as_str().into())]);
    let link = meeting_link(&state, booking.meeting_link.as_deref(), &lead);
    let description = match &link {
        Some(link) => language.text("call-join", &[("link", link.as_str().into())]),
        None => String::new(),
    };
    let event = CallEvent {
        uid: &booking.uid,
        sequence: booking.sequence,
        call: booking.call,
        stamp: state.clock.now(),
        organizer: Party { name: &booking.staff_email, email: &booking.staff_email },
        attendee: Party { name: &lead.name, email: &lead.email },
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
