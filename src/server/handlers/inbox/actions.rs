//! The inbox's form posts. Each checks the session itself (the `Staff` and `Admin` arguments),
//! answers a done action with a redirect back to its page, and a refused one with the page
//! again, saying why, with what was typed still in place.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::domain::field_error::FieldError;
use crate::domain::ids::LeadReference;
use crate::domain::leads::inbox::{note_problem, LeadStatus};
use crate::domain::leads::lifecycle::{ChangeOutcome, LeadChange};
use crate::domain::leads::reply::ReplyDraft;
use crate::domain::staff::{Role, StaffEmail};
use crate::page_data::inbox::{LeadFormState, UserFormState};
use crate::server::auth::password;
use crate::server::booking::Changed;
use crate::server::handlers::booking;
use crate::server::http::failure::{Cause, Failure, FormPage, PageAgain};
use crate::server::http::form::Posted;
use crate::server::http::staff::{Admin, Refusal, Staff};
use crate::server::http::state::AppState;

const NO_SUCH_LEAD: &str = "There is no lead with this reference.";

/// The lead page's forms as posted: every action's fields, of which each action reads its own.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct LeadActionForm {
    /// Which action: `status`, `assign`, `note`, `replied`, `reply`, `email`, `not_spam`,
    /// `erase`, `call_move` or `call_cancel`.
    action: String,
    status: String,
    /// A staff member's id, or empty for nobody.
    assignee: String,
    note: String,
    subject: String,
    body: String,
    /// The reference typed again, to confirm an erasure.
    confirm: String,
    /// The start a booked call moves to (RFC 3339).
    slot: String,
    /// The lead's corrected address.
    email: String,
}

/// `POST /inbox/leads/{reference}`: one action on one lead, named by the `action` field.
pub async fn lead_action(
    State(state): State<AppState>,
    Staff(session): Staff,
    Path(reference): Path<String>,
    Posted { form, .. }: Posted<LeadActionForm>,
) -> Result<Response, Failure> {
    let reference = LeadReference::parse(&reference).ok_or(Failure::NotFound(NO_SUCH_LEAD))?;
    let action = form.action.as_str();
    let page = FormPage::staff(format!("/inbox/leads/{reference}"), &session);
    // The lead page again with the note, and a refused reply, as typed.
    let typed = |message: String| LeadFormState {
        message,
        note: form.note.clone(),
        reply: (action == "reply").then(|| (form.subject.clone(), form.body.clone())),
        email: (action == "email").then(|| form.email.clone()),
        verdict: None,
    };
    let refuse = |status: StatusCode, message: String| Failure::from(page.show(status, typed(message)));
    let invalid = |message: &str| refuse(StatusCode::UNPROCESSABLE_ENTITY, message.to_string());
    if let "call_move" | "call_cancel" = action {
        let unavailable = |e| {
            let message = "The call could not be changed just now; nothing was changed. Please try again.";
            Failure::from(page.failed(Cause::unavailable("changing a booked call", e), typed(message.into())))
        };
        let lead =
            state.stores.inbox.lead(&reference).await.map_err(unavailable)?.ok_or(Failure::NotFound(NO_SUCH_LEAD))?;
        let Some(booking) = state.stores.bookings.booking_of(lead.id).await.map_err(unavailable)? else {
            return Err(refuse(StatusCode::CONFLICT, "This lead has no call booked.".into()));
        };
        let actor = session.user.email.as_str();
        let changed = if action == "call_cancel" {
            booking::changes::cancel_booked(&state, &lead, &booking, actor).await.map_err(unavailable)?
        } else {
            let start = booking::parse_slot(&form.slot).ok_or_else(|| invalid("Choose a time to move the call to."))?;
            booking::changes::move_booked(&state, &lead, &booking, start, actor).await.map_err(unavailable)?
        };
        return match changed {
            Changed::Done => Ok(Redirect::to(&format!("/inbox/leads/{reference}?done={action}")).into_response()),
            Changed::JustTaken { .. } => {
                Err(refuse(StatusCode::CONFLICT, "That time was just taken; choose another.".into()))
            }
            Changed::NotOffered => Err(invalid("The call cannot move to that time: it is not free for its person.")),
            Changed::Meanwhile => {
                Err(refuse(StatusCode::CONFLICT, "The call was changed meanwhile; here it is as it stands.".into()))
            }
        };
    }
    let change = match action {
        "status" => {
            LeadChange::Status(LeadStatus::parse(&form.status).ok_or_else(|| invalid("Choose one of the statuses."))?)
        }
        "assign" => match form.assignee.as_str() {
            "" => LeadChange::Assign(None),
            id => LeadChange::Assign(Some(id.parse::<i64>().map_err(|_| invalid("Choose someone from the list."))?)),
        },
        "note" => match note_problem(&form.note) {
            None => LeadChange::Note(form.note.clone()),
            Some(problem) => return Err(invalid(&problem)),
        },
        "replied" => LeadChange::Replied,
        "reply" if state.settings.email.is_none() => {
            let why = "Email is not set up on this server: write from your mail program, then mark the lead replied.";
            return Err(refuse(StatusCode::CONFLICT, why.into()));
        }
        "reply" => match ReplyDraft::parse(&form.subject, &form.body) {
            Ok(draft) => LeadChange::Reply(draft),
            Err(errors) => {
                let why = errors
                    .iter()
                    .map(|e| crate::i18n::locales::locales().text_of(&e.message))
                    .collect::<Vec<_>>()
                    .join(" ");
                return Err(invalid(&format!("The reply was not sent: {why}")));
            }
        },
        "email" => match crate::domain::email::parse(&form.email) {
            Ok(email) => LeadChange::CorrectEmail(email),
            Err(_) => return Err(invalid("The address was not saved: write an email address like name@example.com.")),
        },
        "not_spam" => LeadChange::NotSpam,
        "erase" => {
            if !session.is_admin() {
                return Err(Refusal::NotAllowed.into());
            }
            if form.confirm.trim() != reference.as_str() {
                return Err(invalid(&format!("Nothing was erased: type {reference} in the box to confirm.")));
            }
            LeadChange::Erase
        }
        _ => return Err(refuse(StatusCode::BAD_REQUEST, "That action is not known.".into())),
    };
    let outcome =
        state.stores.inbox.change_lead(&reference, &change, &session.user, state.clock.now()).await.map_err(|e| {
            let message = "The change could not be saved just now; nothing was changed. Please try again.";
            page.failed(Cause::unavailable("changing a lead", e), typed(message.into()))
        })?;
    match outcome {
        ChangeOutcome::Done => {
            if action == "reply" {
                state.outbox_wake.notify_one();
            }
            Ok(Redirect::to(&format!("/inbox/leads/{reference}?done={action}")).into_response())
        }
        ChangeOutcome::NoSuchLead => Err(Failure::NotFound(NO_SUCH_LEAD)),
        ChangeOutcome::Refused(why) => Err(refuse(StatusCode::CONFLICT, why)),
    }
}

/// The form that adds an account, as posted.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct NewUserForm {
    email: String,
    /// `sales` or `admin`.
    role: String,
    password: String,
}

/// `POST /inbox/users`: an administrator adds an account.
pub async fn add_user(
    State(state): State<AppState>,
    Admin(session): Admin,
    Posted { form, .. }: Posted<NewUserForm>,
) -> Result<Response, PageAgain> {
    let page = FormPage::staff("/inbox/users", &session);
    let typed_email = form.email.trim().to_string();
    let role = Role::parse(&form.role);
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
        password::password_problem(&form.password, email.as_ref().map_or(typed_email.as_str(), StaffEmail::as_str))
    {
        errors.push(FieldError::new("password", problem));
    }
    let typed = |errors, notice: Option<&str>| UserFormState {
        email: typed_email.clone(),
        role: role.map(|r| r.to_string()).unwrap_or_default(),
        errors,
        notice: notice.map(str::to_string),
    };
    let (Some(email), Some(role), true) = (email, role, errors.is_empty()) else {
        return Err(page.show(StatusCode::UNPROCESSABLE_ENTITY, typed(errors, None)));
    };
    let not_added = "The account could not be added just now; please try again.";
    let hash = password::hash(form.password)
        .await
        .map_err(|e| page.failed(Cause::broken("hashing a password", e), typed(Vec::new(), Some(not_added))))?;
    let added = state.stores.users.add_user(&email, role, &hash, state.clock.now()).await.map_err(|e| {
        page.failed(Cause::unavailable("adding a staff account", e), typed(Vec::new(), Some(not_added)))
    })?;
    if !added {
        let errors = vec![FieldError::new("email", "There is already an account with this email.")];
        return Err(page.show(StatusCode::CONFLICT, typed(errors, None)));
    }
    tracing::info!(by = session.user.id, role = %role, "staff account added");
    Ok(Redirect::to("/inbox/users?done=added").into_response())
}

/// The form that disables an account, as posted.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AccountForm {
    email: String,
}

/// `POST /inbox/users/disable`: an administrator disables an account (not their own); its
/// sessions end at once.
pub async fn disable_user(
    State(state): State<AppState>,
    Admin(session): Admin,
    Posted { form, .. }: Posted<AccountForm>,
) -> Result<Response, PageAgain> {
    let page = FormPage::staff("/inbox/users", &session);
    let notice = |text: &str| UserFormState { notice: Some(text.to_string()), ..UserFormState::default() };
    let no_such = || page.show(StatusCode::NOT_FOUND, notice("There is no such account."));
    let email = StaffEmail::parse(&form.email).map_err(|_| no_such())?;
    if email == session.user.email {
        let message = "You cannot disable your own account; ask another administrator.";
        return Err(page.show(StatusCode::CONFLICT, notice(message)));
    }
    let failed = |cause| page.failed(cause, notice("The account could not be disabled just now; please try again."));
    let user = state
        .stores
        .users
        .user_by_email(&email)
        .await
        .map_err(|e| failed(Cause::unavailable("reading a staff account", e)))?
        .ok_or_else(no_such)?;
    let disabled = async {
        state.stores.users.disable_user(&email, state.clock.now()).await?;
        state.stores.sessions.delete_sessions_of(user.id).await
    };
    disabled.await.map_err(|e| failed(Cause::unavailable("disabling a staff account", e)))?;
    tracing::info!(by = session.user.id, user = user.id, "staff account disabled");
    Ok(Redirect::to("/inbox/users?done=disabled").into_response())
}
