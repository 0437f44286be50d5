//! The staff inbox on the server: the checks its server functions make, the data its pages
//! show, its form actions and its export.

pub mod actions;
pub mod export;
pub mod live;
pub mod person;
pub mod views;

use axum::routing::{get, post};
use axum::Router;
use leptos::prelude::*;

use super::auth::staff::{require, require_admin, Authenticated};
use super::auth::{account, login, two_factor};
use super::state::AppState;
use super::store::StoreError;

/// Adds the inbox's form actions and export. Its pages are Leptos routes at the same paths
/// (for GET), and its server functions register themselves under `/inbox/api`.
pub fn add_routes(router: Router<AppState>) -> Router<AppState> {
    router
        .route("/inbox/login", post(login::login))
        .route(two_factor::CODE_PATH, post(two_factor::second_step))
        .route("/inbox/account/two-factor/start", post(account::start_setup))
        .route("/inbox/account/two-factor/confirm", post(account::confirm_setup))
        .route("/inbox/account/two-factor/disable", post(account::turn_off))
        .route("/inbox/account/recovery-codes", post(account::replace_recovery_codes))
        .route("/inbox/logout", post(login::logout))
        .route("/inbox/leads/{reference}", post(actions::lead_action))
        .route("/inbox/leads/{reference}/export.json", post(person::export))
        .route("/inbox/leads/{reference}/erase-person", post(person::erase_person))
        .route("/inbox/users", post(actions::add_user))
        .route("/inbox/users/disable", post(actions::disable_user))
        .route("/inbox/export.csv", get(export::leads_csv))
        .route(super::auth::staff::EVENTS_PATH, get(live::events))
}

/// The session a server function runs in, checked by the function itself whether it is
/// called by a page being rendered or over HTTP: without one it fails with 401 (403 when
/// `admin` is asked for and the user is not an administrator).
pub async fn server_fn_session(admin: bool) -> Result<(AppState, Authenticated), ServerFnError> {
    let state = use_context::<AppState>().ok_or_else(|| ServerFnError::new("the server is not ready"))?;
    let parts = use_context::<axum::http::request::Parts>().ok_or_else(|| ServerFnError::new("no request"))?;
    let session = if admin { require_admin(&state, &parts).await } else { require(&state, &parts).await };
    match session {
        Ok(session) => Ok((state, session)),
        Err(refusal) => {
            if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
                response.set_status(refusal.status());
            }
            Err(ServerFnError::new(refusal.message()))
        }
    }
}

/// A storage failure as a server function reports it: logged here, vague to the caller.
pub fn internal(error: StoreError) -> ServerFnError {
    tracing::error!(%error, "an inbox query failed");
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(axum::http::StatusCode::SERVICE_UNAVAILABLE);
    }
    ServerFnError::new("The inbox could not load this just now; please try again in a moment.")
}
