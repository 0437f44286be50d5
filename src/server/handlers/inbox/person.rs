//! A person's own data, on their request (admins only): everything stored about one lead as a
//! JSON download, and the erasure of every lead sent from the same address in one step. Both are
//! posts, both are recorded in each lead's history.

use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::domain::ids::LeadReference;
use crate::domain::leads::lifecycle::{ChangeOutcome, EventKind, LeadChange};
use crate::page_data::inbox::LeadFormState;
use crate::server::http::failure::{Cause, Failure, FormPage};
use crate::server::http::form::Posted;
use crate::server::http::staff::Admin;
use crate::server::http::state::AppState;
use crate::server::store::inbox::Lead;
use crate::server::store::thread::Delivery;
use crate::server::store::StoreError;

const NO_SUCH_LEAD: &str = "There is no lead with this reference.";

/// A failure to read or record a person's data, as the admin is told it.
fn unavailable(error: StoreError) -> Failure {
    Failure::failed(
        Cause::unavailable("reading or recording a person's data", error),
        "This could not be done just now; please try again in a moment.",
    )
}

/// `POST /inbox/leads/{reference}/export.json`: everything stored about the lead's person, as
/// a download. The export is recorded in the history first, so the file shows it too.
pub async fn export(
    State(state): State<AppState>,
    Admin(session): Admin,
    Path(reference): Path<String>,
) -> Result<Response, Failure> {
    let reference = LeadReference::parse(&reference).ok_or(Failure::NotFound(NO_SUCH_LEAD))?;
    let recorded = state
        .stores
        .inbox
        .change_lead(&reference, &LeadChange::Export, &session.user, state.clock.now())
        .await
        .map_err(unavailable)?;
    match recorded {
        ChangeOutcome::Done => {}
        ChangeOutcome::NoSuchLead => return Err(Failure::NotFound(NO_SUCH_LEAD)),
        ChangeOutcome::Refused(why) => return Err(Failure::Conflict(why)),
    }
    let document = document(&state, &reference).await.map_err(unavailable)?.ok_or(Failure::NotFound(NO_SUCH_LEAD))?;
    tracing::info!(by = session.user.id, %reference, "a person's data exported");
    let disposition = format!("attachment; filename=\"{reference}.json\"");
    let body = serde_json::to_vec_pretty(&document).expect("JSON values serialise");
    Ok((
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("application/json")),
            (header::CONTENT_DISPOSITION, HeaderValue::from_str(&disposition).expect("a reference is ASCII")),
        ],
        body,
    )
        .into_response())
}

/// The export: the lead as stored, its consent record, where it came from, the attached guide
/// result, its notes, replies, the messages it sent back (with their files), booked call and
/// history.
async fn document(state: &AppState, reference: &LeadReference) -> Result<Option<Value>, StoreError> {
    let Some(lead) = state.stores.inbox.lead(reference).await? else { return Ok(None) };
    let events = state.stores.inbox.events(lead.id).await?;
    let replies = state.stores.inbox.replies(lead.id).await?;
    let call = state.stores.bookings.booking_of(lead.id).await?.map(|b| {
        json!({
            "starts_at": b.call.start,
            "ends_at": b.call.end,
            "time_zone": b.visitor_zone,
            "with": b.staff_email,
            "booked_at": b.created_at,
        })
    });
    let result = match &lead.result_id {
        Some(id) => state.stores.results.get(id).await?,
        None => None,
    };
    let notes: Vec<Value> = events
        .iter()
        .filter(|e| e.kind == EventKind::Note)
        .map(|e| json!({ "at": e.at, "by": e.actor, "text": e.detail }))
        .collect();
    let replies: Vec<Value> = replies
        .iter()
        .map(|r| {
            let delivery = match &r.delivery {
                Delivery::Queued => json!({ "state": "queued" }),
                Delivery::Sent { at } => json!({ "state": "sent", "at": at }),
                Delivery::Failed { reason, attempts } => {
                    json!({ "state": "failed", "reason": reason, "attempts": attempts })
                }
            };
            json!({ "at": r.at, "by": r.author, "subject": r.subject, "body": r.body, "delivery": delivery })
        })
        .collect();
    let mut messages = Vec::new();
    for message in state.stores.conversation.inbound(lead.id).await? {
        let mut files = Vec::new();
        for file in &message.attachments {
            // The files themselves, as they came: the person's data too.
            let content = match file.kept {
                true => state.stores.conversation.attachment(file.id).await?.map(|f| BASE64.encode(f.content)),
                false => None,
            };
            files.push(json!({
                "name": file.name,
                "content_type": file.content_type,
                "size": file.size,
                "content_base64": content,
            }));
        }
        messages.push(json!({
            "received_at": message.received_at,
            "kind": message.kind.as_str(),
            "from": message.from,
            "from_name": message.from_name,
            "subject": message.subject,
            "text": message.body,
            "attachments": files,
        }));
    }
    let history: Vec<Value> = events
        .iter()
        .map(|e| json!({ "at": e.at, "by": e.actor, "kind": e.kind.as_str(), "detail": e.detail }))
        .collect();
    let locales = crate::i18n::locales::locales();
    let language = locales.language_of(&lead.language);
    Ok(Some(json!({
        "exported_at": state.clock.now(),
        "lead": lead_json(&lead),
        "guide_result": result.map(|r| json!({
            "id": r.id.as_str(),
            "created_at": r.created_at,
            "answers": r.answers,
            // In the words the person read it in.
            "recommendation": r.recommendation.written(|m| language.write(m)),
        })),
        "notes": notes,
        "replies": replies,
        "messages_received": messages,
        "call": call,
        "history": history,
    })))
}

fn lead_json(lead: &Lead) -> Value {
    json!({
        "reference": lead.reference.as_str(),
        "received_at": lead.created_at,
        "status": lead.status.as_str(),
        "name": lead.name,
        "email": lead.email,
        "company": lead.company,
        "role": lead.role,
        "preferred_contact": lead.preferred_contact,
        "message": lead.message,
        "language": lead.language,
        "consent": { "privacy_notice_version": lead.consent_version, "accepted_at": lead.consent_at },
        "sent_from_page": lead.source_page,
        "came_from": lead.attribution,
        "first_reply_at": lead.first_reply_at,
        "address_bounced": lead.undeliverable,
        "assigned_to": lead.assignee_email.as_ref().map(ToString::to_string),
        "erased_at": lead.erased_at,
    })
}

/// The form that erases a person, as posted.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ErasePersonForm {
    /// The person's email address, typed again to confirm.
    confirm: String,
}

/// `POST /inbox/leads/{reference}/erase-person`: erases every lead sent from this lead's email
/// address, once the admin typed that address to confirm.
pub async fn erase_person(
    State(state): State<AppState>,
    Admin(session): Admin,
    Path(reference): Path<String>,
    Posted { form, .. }: Posted<ErasePersonForm>,
) -> Result<Response, Failure> {
    let reference = LeadReference::parse(&reference).ok_or(Failure::NotFound(NO_SUCH_LEAD))?;
    let page = format!("/inbox/leads/{reference}");
    let lead =
        state.stores.inbox.lead(&reference).await.map_err(unavailable)?.ok_or(Failure::NotFound(NO_SUCH_LEAD))?;
    if lead.erased_at.is_some() || !form.confirm.trim().eq_ignore_ascii_case(&lead.email) {
        let form = LeadFormState {
            message: format!("Nothing was erased: type {} in the box to confirm.", lead.email),
            ..LeadFormState::default()
        };
        return Err(FormPage::staff(page, &session).show(StatusCode::UNPROCESSABLE_ENTITY, form).into());
    }
    let references = state.stores.inbox.leads_from(&lead.email).await.map_err(unavailable)?;
    let now = state.clock.now();
    for each in &references {
        // A lead erased meanwhile (by a colleague, or by retention) is as good as erased.
        state.stores.inbox.change_lead(each, &LeadChange::Erase, &session.user, now).await.map_err(unavailable)?;
    }
    tracing::info!(by = session.user.id, leads = references.len(), "every lead from one address erased");
    Ok(Redirect::to(&format!("{page}?done=erase_person&count={}", references.len())).into_response())
}
