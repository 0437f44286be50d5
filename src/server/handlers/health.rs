//! Liveness and readiness for load balancers and orchestrators.

use axum::extract::State;
use axum::http::StatusCode;

use crate::server::http::failure::{readiness, Unready};
use crate::server::http::state::AppState;

/// `/healthz`: the process is up and answering.
pub async fn healthz() -> &'static str {
    "ok"
}

/// `/readyz`: the process can do its work: the database answers, and takes writes. After a
/// write failed (a full disk, say), it is ready again once a write of its own works.
pub async fn readyz(State(state): State<AppState>) -> (StatusCode, &'static str) {
    if state.stores.health.is_failing() {
        // The probe's outcome is noted in the store's health like any write's.
        let _ = state.stores.probe.probe_write(state.clock.now()).await;
        if state.stores.health.is_failing() {
            return readiness(Some(Unready::CannotWrite));
        }
    }
    readiness((!state.db.is_reachable().await).then_some(Unready::Unreachable))
}
