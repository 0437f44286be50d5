//! The inbox's form posts. Each checks the session itself (the `Staff` and `Admin` arguments),
//! answers a done action with a redirect back to its page, and a refused one with the page
//! again, saying why, with what was typed still in place.

use crate::domain::lang::Lang;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;

use crate::domain::field_error::FieldError;
use crate::domain::ids::LeadReference;
use crate::domain::leads::inbox::{note_problem, LeadStatus};
use crate::domain::leads::lifecycle::{ChangeOutcome, LeadChange};
use crate::domain::leads::reply::ReplyDraft;
use crate::domain::staff::{Role, StaffEmail};
use crate::page_data::inbox::{LeadFormState, UserFormState};
use crate::server::auth::password;
use crate::server::http::form::field;
use crate::server::http::render::page_with;
use crate::server::http::staff::{Admin, Authenticated, Refusal, Staff};
use crate::server::http::state::AppState;

/// `POST /inbox/leads/{reference}`: one action on one lead, named by the `action` field.
pub async fn lead_action(
    State(state): State<AppState>,
    Staff(session): Staff,
    Path(reference): Path<String>,
    Form(raw): Form<Vec<(String, String)>>,
) -> Response {
    let Some(reference) = LeadReference::parse(&reference) else {
        return (StatusCode::NOT_FOUND, "There is no lead with this reference.").into_response();
    };
    let action = field(&raw, "action");
    let note = field(&raw, "note");
    let page = format!("/inbox/leads/{reference}");
    let refuse = |message: String, status: StatusCode| {
        let reply = (action == "reply").then(|| (field(&raw, "subject").to_string(), field(&raw, "body").to_string()));
        let form = LeadFormState { message, note: note.to_string(), reply };
        let (state, page, session) = (state.clone(), page.clone(), session.clone());
        async move { page_with(&state, Lang::DEFAULT, &page, form, status, Some(session)).await }
    };
    let change = match action {
        "status" => match LeadStatus::parse(field(&raw, "status")) {
            Some(status) => LeadChange::Status(status),
            None => return refuse("Choose one of the statuses.".into(), StatusCode::UNPROCESSABLE_ENTITY).await,
        },
        "assign" => match field(&raw, "assignee") {
            "" => LeadChange::Assign(None),
            id => match id.parse::<i64>() {
                Ok(id) => LeadChange::Assign(Some(id)),
                Err(_) => {
                    return refuse("Choose someone from the list.".into(), StatusCode::UNPROCESSABLE_ENTITY).await
                }
            },
        },
        "note" => match note_problem(note) {
            None => LeadChange::Note(note.to_string()),
            Some(problem) => return refuse(problem, StatusCode::UNPROCESSABLE_ENTITY).await,
        },
        "replied" => LeadChange::Replied,
        "reply" if state.settings.email.is_none() => {
            let why = "Email is not set up on this server: write from your mail program, then mark the lead replied.";
            return refuse(why.into(), StatusCode::CONFLICT).await;
        }
        "reply" => match ReplyDraft::parse(field(&raw, "subject"), field(&raw, "body")) {
            Ok(draft) => LeadChange::Reply(draft),
            Err(errors) => {
                let why = errors
                    .iter()
                    .map(|e| crate::i18n::locales::locales().text_of(&e.message))
                    .collect::<Vec<_>>()
                    .join(" ");
                return refuse(format!("The reply was not sent: {why}"), StatusCode::UNPROCESSABLE_ENTITY).await;
            }
        },
        "not_spam" => LeadChange::NotSpam,
        "erase" => {
            if !session.is_admin() {
                return Refusal::NotAllowed.into_response();
            }
            if field(&raw, "confirm").trim() != reference.as_str() {
                return refuse(
                    format!("Nothing was erased: type {reference} in the box to confirm."),
                    StatusCode::UNPROCESSABLE_ENTITY,
                )
                .await;
            }
            LeadChange::Erase
        }
        _ => return refuse("That action is not known.".into(), StatusCode::BAD_REQUEST).await,
    };
    match state.stores.inbox.change_lead(&reference, &change, &session.user, state.clock.now()).await {
        Ok(ChangeOutcome::Done) => {
            if action == "reply" {
                state.outbox_wake.notify_one();
            }
            Redirect::to(&format!("{page}?done={action}")).into_response()
        }
        Ok(ChangeOutcome::NoSuchLead) => {
            (StatusCode::NOT_FOUND, "There is no lead with this reference.").into_response()
        }
        Ok(ChangeOutcome::Refused(why)) => refuse(why, StatusCode::CONFLICT).await,
        Err(error) => {
            tracing::error!(%error, "changing a lead failed");
            refuse(
                "The change could not be saved just now; nothing was changed. Please try again.".into(),
                StatusCode::SERVICE_UNAVAILABLE,
            )
            .await
        }
    }
}

/// Renders the users page with the add form's state.
async fn users_page(state: &AppState, session: Authenticated, form: UserFormState, status: StatusCode) -> Response {
    page_with(state, Lang::DEFAULT, "/inbox/users", form, status, Some(session)).await
}

/// `POST /inbox/users`: an administrator adds an account.
pub async fn add_user(
    State(state): State<AppState>,
    Admin(session): Admin,
    Form(raw): Form<Vec<(String, String)>>,
) -> Response {
    let typed_email = field(&raw, "email").trim().to_string();
    let role = Role::parse(field(&raw, "role"));
    let password = field(&raw, "password").to_string();
    let mut errors = Vec::new();
    let email = match StaffEmail::parse(&typed_email) {
        Ok(email) => Some(email),
        Err(message) => {
            errors.push(FieldError::new("email", message));
            None
        }
    };
    if role.is_none() {
        errors.push(FieldError::new("role", "Choose sales or admin."));
    }
    if let Some(problem) =
        password::password_problem(&password, email.as_ref().map_or(typed_email.as_str(), StaffEmail::as_str))
    {
        errors.push(FieldError::new("password", problem));
    }
    let form = |errors, notice| UserFormState {
        email: typed_email.clone(),
        role: role.map(|r| r.to_string()).unwrap_or_default(),
        errors,
        notice,
    };
    let (Some(email), Some(role), true) = (email, role, errors.is_empty()) else {
        return users_page(&state, session, form(errors, None), StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    let hash = match password::hash(password).await {
        Ok(hash) => hash,
        Err(error) => {
            tracing::error!(%error, "hashing a password failed");
            return (StatusCode::INTERNAL_SERVER_ERROR, "The account could not be added.").into_response();
        }
    };
    match state.stores.users.add_user(&email, role, &hash, state.clock.now()).await {
        Ok(true) => {
            tracing::info!(by = session.user.id, role = %role, "staff account added");
            Redirect::to("/inbox/users?done=added").into_response()
        }
        Ok(false) => {
            let errors = vec![FieldError::new("email", "There is already an account with this email.")];
            users_page(&state, session, form(errors, None), StatusCode::CONFLICT).await
        }
        Err(error) => {
            tracing::error!(%error, "adding a staff account failed");
            (StatusCode::SERVICE_UNAVAILABLE, "The account could not be added just now.").into_response()
        }
    }
}

/// `POST /inbox/users/disable`: an administrator disables an account (not their own); its
/// sessions end at once.
pub async fn disable_user(
    State(state): State<AppState>,
    Admin(session): Admin,
    Form(raw): Form<Vec<(String, String)>>,
) -> Response {
    let notice = |text: String| UserFormState { notice: Some(text), ..UserFormState::default() };
    let Ok(email) = StaffEmail::parse(field(&raw, "email")) else {
        return users_page(&state, session, notice("There is no such account.".into()), StatusCode::NOT_FOUND).await;
    };
    if email == session.user.email {
        let form = notice("You cannot disable your own account; ask another administrator.".into());
        return users_page(&state, session, form, StatusCode::CONFLICT).await;
    }
    let user = match state.stores.users.user_by_email(&email).await {
        Ok(Some(user)) => user,
        Ok(None) => {
            return users_page(&state, session, notice("There is no such account.".into()), StatusCode::NOT_FOUND).await
        }
        Err(error) => {
            tracing::error!(%error, "reading a staff account failed");
            return (StatusCode::SERVICE_UNAVAILABLE, "The account could not be disabled just now.").into_response();
        }
    };
    let disabled = async {
        state.stores.users.disable_user(&email, state.clock.now()).await?;
        state.stores.sessions.delete_sessions_of(user.id).await
    };
    match disabled.await {
        Ok(()) => {
            tracing::info!(by = session.user.id, user = user.id, "staff account disabled");
            Redirect::to("/inbox/users?done=disabled").into_response()
        }
        Err(error) => {
            tracing::error!(%error, "disabling a staff account failed");
            (StatusCode::SERVICE_UNAVAILABLE, "The account could not be disabled just now.").into_response()
        }
    }
}
