//! `POST /contact`: turns the form into a stored lead, then acknowledges it. Nothing is
//! acknowledged before the lead is committed; a rejected form is rendered again with the
//! visitor's values and a message beside each faulty field.

use std::net::SocketAddr;
use std::time::Instant;

use axum::extract::{ConnectInfo, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use leptos::prelude::use_context;

use crate::domain::ids::{LeadReference, ResultId};
use crate::domain::leads::lead::{LeadInput, NewLead};
use crate::domain::leads::spam::spam_reason;
use crate::page_data::contact::{ContactFormState, PRIVACY_VERSION};
use crate::page_data::url::carry;

use crate::domain::lang::Lang;
use crate::domain::message::Message;

use crate::server::http::client_ip::client_ip;
use crate::server::http::form::field;
use crate::server::http::language::RequestLang;
use crate::server::http::state::AppState;
use crate::server::jobs::notification::Notification;
use crate::server::store::leads::{LeadRecord, Stored};
use crate::server::store::StoreError;

/// A token for a contact form being rendered now (empty outside a request).
pub fn issue_token() -> String {
    use_context::<AppState>().map(|state| state.form_tokens.issue(state.clock.now())).unwrap_or_default()
}

pub async fn submit(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Form(raw): Form<Vec<(String, String)>>,
) -> Response {
    let input = lead_input(&raw);
    // Where the visitor came from travels on, also when the form comes back.
    let carried = crate::i18n::carry::of_form(&raw).pairs();
    let result = Some(field(&raw, "result").to_string()).filter(|r| !r.is_empty());
    let again = |errors, notice: Option<Message>, status| {
        let form = ContactFormState { input: input.clone(), result: result.clone(), errors, notice };
        render_form(state.clone(), lang, carry("/contact", &carried), form, status)
    };

    let lead = match NewLead::parse(&input) {
        Ok(lead) => lead,
        Err(errors) => return again(errors, None, StatusCode::UNPROCESSABLE_ENTITY).await,
    };
    let Some(token) = state.form_tokens.verify(field(&raw, "token")) else {
        return again(Vec::new(), Some(Message::key("contact-notice-again")), StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    let ip = client_ip(peer.ip(), &headers, &state.settings.trusted_proxies);
    if let Err(wait) = state.contact_limiter.hit(ip, Instant::now()) {
        let minutes = wait.as_secs().div_ceil(60);
        let notice = Message::key("contact-notice-busy").with("minutes", minutes);
        let mut response = again(Vec::new(), Some(notice), StatusCode::TOO_MANY_REQUESTS).await;
        response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(wait.as_secs()));
        return response;
    }

    let now = state.clock.now();
    let on_screen = now - token.issued_at;
    let min_fill = chrono::Duration::seconds(state.settings.min_fill_seconds as i64);
    let spam_reason = spam_reason(field(&raw, "website"), on_screen, min_fill);
    let (result_id, summary) = attached_result(&state, result.as_deref()).await.unzip();
    let record = LeadRecord {
        lead,
        reference: new_reference(),
        idempotency_key: token.key,
        consent_version: PRIVACY_VERSION.to_string(),
        result_id,
        source_page: "/contact".to_string(),
        attribution: crate::i18n::carry::of_form(&raw),
        spam_reason,
        created_at: now,
        language: lang.code().to_string(),
    };
    match store(&state, record, summary.as_deref()).await {
        Some(reference) => {
            Redirect::to(&carry(&lang.path(&format!("/contact/thanks?ref={reference}")), &carried)).into_response()
        }
        None => {
            let notice = Message::key("contact-notice-unavailable");
            again(Vec::new(), Some(notice), StatusCode::SERVICE_UNAVAILABLE).await
        }
    }
}

/// The contact form's fields as typed.
fn lead_input(raw: &[(String, String)]) -> LeadInput {
    LeadInput {
        name: field(raw, "name").to_string(),
        email: field(raw, "email").to_string(),
        company: field(raw, "company").to_string(),
        role: field(raw, "role").to_string(),
        message: field(raw, "message").to_string(),
        preferred_contact: field(raw, "preferred_contact").to_string(),
        consent: !field(raw, "consent").is_empty(),
    }
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
/// view) and wakes the notification worker. A reference drawn twice is drawn again; `None`
/// when the lead could not be stored.
async fn store(state: &AppState, mut record: LeadRecord, summary: Option<&str>) -> Option<LeadReference> {
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
                return Some(reference);
            }
            Err(StoreError::ReferenceTaken) => record.reference = new_reference(),
            Err(error) => {
                tracing::error!(%error, "storing a lead failed");
                return None;
            }
        }
    }
    tracing::error!(attempts = ATTEMPTS, "every reference drawn for a lead was taken");
    None
}

fn new_reference() -> LeadReference {
    use rand::Rng;
    let mut rng = rand::rng();
    LeadReference::generate(|below| rng.random_range(0..below))
}

/// Renders the contact page again with the visitor's values and the problems found.
async fn render_form(state: AppState, lang: Lang, uri: String, form: ContactFormState, status: StatusCode) -> Response {
    crate::server::http::render::page_with(&state, lang, &uri, form, status, None).await
}
