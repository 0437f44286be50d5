//! The messages from the shared mailbox that matched no lead (`/inbox/unmatched`): listed for
//! staff, attached to a lead or discarded by a form post; and the files messages brought,
//! downloaded by staff only, always as an attachment under a safe name.

use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::domain::ids::LeadReference;
use crate::domain::leads::conversation::safe_file_name;
use crate::page_data::conversation::UnmatchedForm;
use crate::page_data::inbox::UnmatchedList;
use crate::server::handlers::inbox::thread::inbound_row;
use crate::server::handlers::inbox::views::{live_mark, viewer};
use crate::server::http::failure::{Cause, Failure, FormPage};
use crate::server::http::form::Posted;
use crate::server::http::staff::{Authenticated, Staff};
use crate::server::http::state::AppState;
use crate::server::store::thread::Attached;
use crate::server::store::StoreError;

/// The oldest unmatched messages the page shows at once.
const SHOWN: u32 = 50;

/// What the Unmatched page shows.
pub async fn list(state: &AppState, session: &Authenticated) -> Result<UnmatchedList, StoreError> {
    let live = live_mark(state).await?;
    let (messages, total) = state.stores.conversation.unmatched(SHOWN).await?;
    Ok(UnmatchedList {
        viewer: viewer(session),
        live,
        messages: messages.into_iter().map(inbound_row).collect(),
        total,
        mailbox: state.settings.mailbox.is_some(),
    })
}

fn unavailable(error: StoreError) -> Failure {
    Failure::failed(
        Cause::unavailable("changing an unmatched message", error),
        "The message could not be changed just now; nothing was changed. Please try again.",
    )
}

/// The attach form, as posted.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AttachForm {
    reference: String,
}

/// `POST /inbox/unmatched/{id}/attach`: the message joins the lead's conversation, as if it had
/// matched the lead when it came in (an answer is owed a reply from now).
pub async fn attach(
    State(state): State<AppState>,
    Staff(session): Staff,
    Path(id): Path<i64>,
    Posted { form, .. }: Posted<AttachForm>,
) -> Result<Response, Failure> {
    let page = FormPage::staff("/inbox/unmatched", &session);
    let refuse = |status: StatusCode, error: &str| {
        let typed = UnmatchedForm { message: id, reference: form.reference.clone(), error: error.to_string() };
        Failure::from(page.show(status, typed))
    };
    let Some(reference) = LeadReference::parse(&form.reference) else {
        return Err(refuse(StatusCode::UNPROCESSABLE_ENTITY, "Write the lead's reference, like AG-7K2Q9M."));
    };
    let outcome = state
        .stores
        .conversation
        .attach(id, &reference, &session.user, state.clock.now())
        .await
        .map_err(unavailable)?;
    match outcome {
        Attached::Done => {
            tracing::info!(message = id, lead = %reference, by = session.user.id, "unmatched message attached");
            Ok(Redirect::to("/inbox/unmatched?done=attached").into_response())
        }
        Attached::NoSuchLead => Err(refuse(
            StatusCode::UNPROCESSABLE_ENTITY,
            &format!("There is no lead {reference} to attach it to (or its personal data was erased)."),
        )),
        Attached::NoSuchMessage => {
            Err(refuse(StatusCode::CONFLICT, "That message was attached or discarded meanwhile."))
        }
    }
}

/// `POST /inbox/unmatched/{id}/discard`: the message and its files are deleted.
pub async fn discard(
    State(state): State<AppState>,
    Staff(session): Staff,
    Path(id): Path<i64>,
) -> Result<Response, Failure> {
    let gone = state.stores.conversation.discard(id).await.map_err(unavailable)?;
    if gone {
        tracing::info!(message = id, by = session.user.id, "unmatched message discarded");
    }
    // Discarded meanwhile by a colleague: the outcome is the same.
    Ok(Redirect::to("/inbox/unmatched?done=discarded").into_response())
}

/// `GET /inbox/attachments/{id}`: a file a message brought, for staff only. It is never shown
/// in the page: the browser is told to save it (`attachment`), not to guess its type
/// (`nosniff`), and not to run anything in it (a sandboxing CSP).
pub async fn download(
    State(state): State<AppState>,
    Staff(_session): Staff,
    Path(id): Path<i64>,
) -> Result<Response, Failure> {
    let file = state
        .stores
        .conversation
        .attachment(id)
        .await
        .map_err(|e| {
            Failure::failed(Cause::unavailable("reading an attachment", e), "The file could not be read just now.")
        })?
        .ok_or(Failure::NotFound("There is no such file (it was larger than the inbox keeps, or it was erased)."))?;
    let name = safe_file_name(&file.name);
    // The plain name for old clients (ASCII only), the exact one encoded (RFC 6266).
    let ascii: String = name.chars().map(|c| if c.is_ascii() && c != '"' && c != '\\' { c } else { '_' }).collect();
    let encoded = percent_encoding::utf8_percent_encode(&name, percent_encoding::NON_ALPHANUMERIC);
    let disposition = format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}");
    let content_type = if file.content_type.contains('/') && file.content_type.is_ascii() {
        file.content_type.clone()
    } else {
        "application/octet-stream".to_string()
    };
    let header =
        |value: &str| HeaderValue::from_str(value).unwrap_or(HeaderValue::from_static("application/octet-stream"));
    Ok((
        [
            (header::CONTENT_TYPE, header(&content_type)),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_str(&disposition).unwrap_or(HeaderValue::from_static("attachment")),
            ),
            (header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")),
            (header::CONTENT_SECURITY_POLICY, HeaderValue::from_static("sandbox; default-src 'none'")),
            (header::CACHE_CONTROL, HeaderValue::from_static("private, no-store")),
        ],
        file.content,
    )
        .into_response())
}
