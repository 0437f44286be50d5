//! `/inbox/account`'s calls section: when the signed-in staff member takes calls visitors book
//! (hours in their own zone, days off, languages, their meeting link), their own CalDAV calendar
//! (connected once a query of it works; its password stored sealed), and the private feed of
//! their calls (`/calendar/{secret}.ics`), renewed here.

use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use rand::Rng as _;
use serde::Deserialize;

use crate::domain::booking::{read_availability, Availability};
use crate::domain::field_error::FieldError;
use crate::domain::leads::who;
use crate::page_data::inbox::{AccountFormState, AvailabilityFields, CallsAccount};
use crate::server::auth::session::token_hash;
use crate::server::booking::calendars::ConnectError;
use crate::server::booking::invitation::{calendar_of, CallEvent, Party};
use crate::server::handlers::inbox::views::minute;
use crate::server::http::failure::{Cause, Failure, FormPage, PageAgain};
use crate::server::http::form::Posted;
use crate::server::http::staff::{Staff, ACCOUNT_PATH};
use crate::server::http::state::AppState;
use crate::server::store::StoreError;

/// Where the calls section starts on the account page.
const SECTION: &str = "#calls";

/// The calls section as stored.
pub async fn calls_view(state: &AppState, staff_id: i64) -> Result<CallsAccount, StoreError> {
    let person = state.stores.bookings.bookable().await?.into_iter().find(|p| p.staff_id == staff_id);
    let calendar = state.stores.calendars.calendar_state(staff_id).await?;
    let hours = match &person {
        Some(person) => fields(&person.availability, person.meeting_link.as_deref()),
        None => AvailabilityFields { languages: "en".into(), ..AvailabilityFields::default() },
    };
    Ok(CallsAccount {
        hours,
        bookable: person.is_some(),
        calendar_url: calendar.url,
        calendar_username: calendar.username,
        calendar_error: calendar.last_error.zip(calendar.last_error_at.map(minute)),
        can_connect: state.calendars.can_connect(),
        has_feed: calendar.has_feed,
    })
}

fn fields(availability: &Availability, link: Option<&str>) -> AvailabilityFields {
    AvailabilityFields {
        zone: availability.zone.name().to_string(),
        hours: availability.hours.specs().join("\n"),
        off: availability.off.items().join("\n"),
        languages: availability.languages.join(","),
        link: link.unwrap_or_default().to_string(),
    }
}

fn page(session: &crate::server::http::staff::Authenticated) -> FormPage {
    FormPage::staff(ACCOUNT_PATH, session)
}

fn lines(text: &str) -> Vec<String> {
    text.lines().map(str::to_string).collect()
}

/// `POST /inbox/account/availability`: the hours form. A refused form comes back as typed, with
/// the problem beside its field.
pub async fn save_availability(
    State(state): State<AppState>,
    Staff(session): Staff,
    Posted { form, .. }: Posted<AvailabilityFields>,
) -> Result<Response, PageAgain> {
    let page = page(&session);
    let refuse = |field: &str, message: String| {
        let state = AccountFormState {
            errors: vec![FieldError::new(field, message)],
            hours: Some(form.clone()),
            ..Default::default()
        };
        page.show(StatusCode::UNPROCESSABLE_ENTITY, state)
    };
    let known: Vec<&str> = crate::i18n::locales::locales().languages().map(|l| l.lang.code()).collect();
    let languages: Vec<String> = form.languages.split(',').map(str::to_string).collect();
    let availability = read_availability(&form.zone, &lines(&form.hours), &languages, &lines(&form.off), &known)
        .map_err(|(field, message)| refuse(field, message))?;
    let link = form.link.trim();
    if !link.is_empty() && !(link.starts_with("https://") || link.starts_with("http://")) {
        return Err(refuse("link", format!("'{link}' is not a meeting link starting with https://")));
    }
    let link = (!link.is_empty()).then_some(link);
    state.stores.bookings.set_availability(session.user.id, &availability, link, state.clock.now()).await.map_err(
        |e| {
            let again = AccountFormState {
                notice: Some("Your hours could not be saved just now; please try again.".into()),
                hours: Some(form.clone()),
                ..Default::default()
            };
            page.failed(Cause::unavailable("saving a staff member's hours", e), again)
        },
    )?;
    Ok(Redirect::to(&format!("{ACCOUNT_PATH}{SECTION}")).into_response())
}

/// The calendar form.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CalendarForm {
    url: String,
    username: String,
    password: String,
}

/// `POST /inbox/account/calendar`: connects a CalDAV calendar once a query of it works.
pub async fn connect_calendar(
    State(state): State<AppState>,
    Staff(session): Staff,
    Posted { form, .. }: Posted<CalendarForm>,
) -> Result<Response, PageAgain> {
    let page = page(&session);
    let typed = Some((form.url.trim().to_string(), form.username.trim().to_string()));
    let refuse = |status, message: String| {
        let state = AccountFormState {
            errors: vec![FieldError::new("calendar", message)],
            calendar: typed.clone(),
            ..Default::default()
        };
        page.show(status, state)
    };
    let url = form.url.trim();
    if !(url.starts_with("https://") || url.starts_with("http://")) {
        return Err(refuse(
            StatusCode::UNPROCESSABLE_ENTITY,
            "Write the calendar's address, starting with https://.".into(),
        ));
    }
    match state.calendars.connect(session.user.id, url, form.username.trim(), &form.password).await {
        Ok(()) => Ok(Redirect::to(&format!("{ACCOUNT_PATH}{SECTION}")).into_response()),
        Err(ConnectError::Store(e)) => {
            let again = AccountFormState {
                notice: Some("The calendar could not be saved just now; please try again.".into()),
                calendar: typed.clone(),
                ..Default::default()
            };
            Err(page.failed(Cause::unavailable("connecting a calendar", e), again))
        }
        Err(error @ ConnectError::NoKey) => Err(refuse(StatusCode::CONFLICT, error.to_string())),
        Err(error @ ConnectError::Calendar(_)) => {
            tracing::info!(staff_id = session.user.id, %error, "a calendar was not connected");
            Err(refuse(
                StatusCode::UNPROCESSABLE_ENTITY,
                format!("Not connected: {error}. Check the address, the user name and the password."),
            ))
        }
    }
}

/// `POST /inbox/account/calendar/disconnect`.
pub async fn disconnect_calendar(State(state): State<AppState>, Staff(session): Staff) -> Result<Response, PageAgain> {
    let page = page(&session);
    state.stores.calendars.set_caldav(session.user.id, None, state.clock.now()).await.map_err(|e| {
        let again = AccountFormState {
            notice: Some("The calendar could not be disconnected just now; please try again.".into()),
            ..Default::default()
        };
        page.failed(Cause::unavailable("disconnecting a calendar", e), again)
    })?;
    Ok(Redirect::to(&format!("{ACCOUNT_PATH}{SECTION}")).into_response())
}

/// `POST /inbox/account/feed`: a new secret for the person's feed (the old address stops
/// working); the new address is shown this once.
pub async fn renew_feed(State(state): State<AppState>, Staff(session): Staff) -> Result<Response, PageAgain> {
    let page = page(&session);
    let secret = URL_SAFE_NO_PAD.encode(rand::rng().random::<[u8; 24]>());
    state.stores.calendars.renew_feed(session.user.id, &token_hash(&secret), state.clock.now()).await.map_err(|e| {
        let again = AccountFormState {
            notice: Some("A new feed address could not be made just now; please try again.".into()),
            ..Default::default()
        };
        page.failed(Cause::unavailable("renewing a calendar feed", e), again)
    })?;
    let feed_url = format!("{}/calendar/{secret}.ics", state.settings.public_url);
    Err(page.show(StatusCode::OK, AccountFormState { feed_url: Some(feed_url), ..Default::default() }))
}

/// `GET /calendar/{secret}.ics`: the person's booked calls, for any calendar app to subscribe
/// to. The secret is the only key; it says nothing about whose feed it is.
pub async fn feed(State(state): State<AppState>, Path(file): Path<String>) -> Result<Response, Failure> {
    let failed = |error| {
        Failure::failed(
            Cause::unavailable("serving a calendar feed", error),
            "The calendar could not be read just now.",
        )
    };
    let not_found = || Ok((StatusCode::NOT_FOUND, "There is no calendar at this address.").into_response());
    let Some(secret) = file.strip_suffix(".ics") else { return not_found() };
    let Some(staff_id) = state.stores.calendars.feed_owner(&token_hash(secret)).await.map_err(failed)? else {
        return not_found();
    };
    let since = state.clock.now() - chrono::Duration::days(30);
    let calls = state.stores.bookings.calls_of(staff_id, since).await.map_err(failed)?;
    let texts: Vec<(String, String)> = calls
        .iter()
        .map(|c| {
            let who = who(&c.name, c.company.as_deref());
            let link = format!("{}/inbox/leads/{}", state.settings.public_url, c.reference);
            (format!("Call: {who}, {}", c.reference), format!("Lead {}: {who}.\nIn the inbox: {link}", c.reference))
        })
        .collect();
    let events: Vec<CallEvent> = calls
        .iter()
        .zip(&texts)
        .map(|(c, (summary, description))| CallEvent {
            uid: &c.uid,
            sequence: c.sequence,
            call: c.call,
            stamp: c.changed_at,
            organizer: Party { name: &c.staff_email, email: &c.staff_email },
            attendee: Party { name: &c.name, email: &c.email },
            summary,
            description,
            link: None,
            cancelled: false,
        })
        .collect();
    let name = format!("{}: booked calls", state.settings.brand.name);
    Ok((
        [(header::CONTENT_TYPE, "text/calendar; charset=utf-8"), (header::CACHE_CONTROL, "private, no-store")],
        calendar_of(Some(&name), &events),
    )
        .into_response())
}
