//! `POST /contact`: turns the form into a stored lead, then acknowledges it. Nothing is
//! acknowledged before the lead is committed; a rejected form is rendered again with the
//! visitor's values and a message beside each faulty field.

use std::net::SocketAddr;
use std::time::Instant;

use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use leptos::prelude::use_context;
use serde::Deserialize;

use crate::domain::ids::{LeadReference, ResultId};
use crate::domain::leads::lead::{LeadInput, NewLead};
use crate::domain::leads::spam::spam_reason;
use crate::domain::message::Message;
use crate::page_data::contact::{ContactFormState, PRIVACY_VERSION};
use crate::page_data::url::carry;
use crate::server::http::client_ip::client_ip;
use crate::server::http::failure::{Cause, FormPage, PageAgain};
use crate::server::http::form::Posted;
use crate::server::http::language::RequestLang;
use crate::server::http::state::AppState;
use crate::server::jobs::notification::Notification;
use crate::server::store::leads::{LeadRecord, Stored};
use crate::server::store::StoreError;

/// A token for a contact form being rendered now (empty outside a request).
pub fn issue_token() -> String {
    use_context::<AppState>().map(|state| state.form_tokens.issue(state.clock.now())).unwrap_or_default()
}

/// The contact form as posted.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ContactForm {
    name: String,
    email: String,
    company: String,
    role: String,
    message: String,
    preferred_contact: String,
    /// Any value: the visitor agreed to the privacy notice.
    consent: String,
    /// The id of the guide result the visitor came from, if any.
    result: String,
    /// The form token the page was rendered with.
    token: String,
    /// A field people do not see: only robots fill it in.
    website: String,
}

impl ContactForm {
    /// The lead's fields as typed.
    fn input(&self) -> LeadInput {
        LeadInput {
            name: self.name.clone(),
            email: self.email.clone(),
            company: self.company.clone(),
            role: self.role.clone(),
            message: self.message.clone(),
            preferred_contact: self.preferred_contact.clone(),
            consent: !self.consent.is_empty(),
        }
    }
}

pub async fn submit(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Posted { form, pairs }: Posted<ContactForm>,
) -> Result<Response, PageAgain> {
    let input = form.input();
    // Where the visitor came from travels on, also when the form comes back.
    let attribution = crate::i18n::carry::of_form(&pairs);
    let carried = attribution.pairs();
    let result = Some(form.result.clone()).filter(|r| !r.is_empty());
    let page = FormPage::public(lang, carry("/contact", &carried));
    let typed = |errors, notice: Option<Message>| ContactFormState {
        input: input.clone(),
        result: result.clone(),
        errors,
        notice,
    };

    let lead =
        NewLead::parse(&input).map_err(|errors| page.show(StatusCode::UNPROCESSABLE_ENTITY, typed(errors, None)))?;
    let Some(token) = state.form_tokens.verify(&form.token) else {
        let notice = Message::key("contact-notice-again");
        return Err(page.show(StatusCode::UNPROCESSABLE_ENTITY, typed(Vec::new(), Some(notice))));
    };
    let ip = client_ip(peer.ip(), &headers, &state.settings.trusted_proxies);
    if let Err(wait) = state.contact_limiter.hit(ip, Instant::now()) {
        let minutes = wait.as_secs().div_ceil(60);
        let notice = Message::key("contact-notice-busy").with("minutes", minutes);
        let busy = page.show(StatusCode::TOO_MANY_REQUESTS, typed(Vec::new(), Some(notice)));
        return Err(busy.retry_after(wait.as_secs()));
    }

    let now = state.clock.now();
    let on_screen = now - token.issued_at;
    let min_fill = chrono::Duration::seconds(state.settings.min_fill_seconds as i64);
    let spam_reason = spam_reason(&form.website, on_screen, min_fill);
    let (result_id, summary) = attached_result(&state, result.as_deref()).await.unzip();
    let record = LeadRecord {
        lead,
        reference: new_reference(),
        idempotency_key: token.key,
        consent_version: PRIVACY_VERSION.to_string(),
        result_id,
        source_page: "/contact".to_string(),
        attribution,
        spam_reason,
        created_at: now,
        language: lang.code().to_string(),
    };
    let reference = store(&state, record, summary.as_deref())
        .await
        .map_err(|cause| page.failed(cause, typed(Vec::new(), Some(Message::key("contact-notice-unavailable")))))?;
    // The booking link goes to whoever sent the form, and to nobody who only knows the reference.
    let book = state.booking_tokens.issue(&reference);
    let thanks = lang.path(&format!("/contact/thanks?ref={reference}&book={book}"));
    Ok(Redirect::to(&carry(&thanks, &carried)).into_response())
}

/// The guide result the form names, with its one-line summary, if it exists; an unknown or
/// unreadable one is dropped (the lead matters more than its attachment).
async fn attached_result(state: &AppState, id: Option<&str>) -> Option<(ResultId, String)> {
    let id = ResultId::parse(id?)?;
    match state.stores.results.get(&id).await {
        // Staff read the summary in the notification: English.
        Ok(Some(stored)) => Some((id, crate::i18n::locales::locales().text_of(&stored.recommendation.summary()))),
        _ => None,
    }
}

/// Stores the lead with its notifications (none for suspected spam: it waits in its own inbox
/// view) and wakes the notification worker. A reference drawn twice is drawn again.
async fn store(state: &AppState, mut record: LeadRecord, summary: Option<&str>) -> Result<LeadReference, Cause> {
    const ATTEMPTS: usize = 5;
    for _ in 0..ATTEMPTS {
        let notifications = match record.spam_reason {
            Some(_) => Vec::new(),
            None => Notification::new(
                record.reference.as_str(),
                &record.lead.name,
                record.lead.company.as_deref(),
                summary,
                &state.settings.public_url,
            )
            .messages(&state.settings),
        };
        match state.stores.leads.insert(&record, &notifications).await {
            Ok(Stored::Created { reference, .. } | Stored::AlreadyStored { reference, .. }) => {
                if !notifications.is_empty() {
                    state.outbox_wake.notify_one();
                }
                return Ok(reference);
            }
            Err(StoreError::ReferenceTaken) => record.reference = new_reference(),
            Err(error) => return Err(Cause::unavailable("storing a lead", error)),
        }
    }
    Err(Cause::unavailable("storing a lead", format!("all {ATTEMPTS} references drawn were taken")))
}

fn new_reference() -> LeadReference {
    use rand::Rng;
    let mut rng = rand::rng();
    LeadReference::generate(|below| rng.random_range(0..below))
}
