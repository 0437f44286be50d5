//! The staff inbox on the server: the checks its server functions make, the data its pages
//! show, its form actions and its export.

pub mod actions;
pub mod export;
pub mod live;
pub mod person;
pub mod views;

use leptos::prelude::*;

use crate::server::http::staff::{require, require_admin, Authenticated};
use crate::server::http::state::AppState;
use crate::server::store::StoreError;

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
