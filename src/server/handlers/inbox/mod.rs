//! The staff inbox on the server: the checks its server functions make, the data its pages
//! show, its form actions and its export.

pub mod actions;
pub mod export;
pub mod live;
pub mod person;
mod thread;
pub mod unmatched;
pub mod views;

use leptos::prelude::*;

use crate::server::http::failure::{for_server_fn, refusal_for_server_fn, Cause};
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
    let session = session.map_err(refusal_for_server_fn)?;
    Ok((state, session))
}

/// A storage failure as an inbox server function reports it: logged once, vague to the caller.
pub fn internal(error: StoreError) -> ServerFnError {
    for_server_fn(
        Cause::unavailable("an inbox query", error),
        "The inbox could not load this just now; please try again in a moment.",
    )
}
