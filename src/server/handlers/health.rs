//! Liveness and readiness for load balancers and orchestrators.

use axum::extract::State;
use axum::http::StatusCode;

use crate::server::http::failure::readiness;
use crate::server::http::state::AppState;

/// `/healthz`: the process is up and answering.
pub async fn healthz() -> &'static str {
    "ok"
}

/// `/readyz`: the process can do its work, meaning the database answers.
pub async fn readyz(State(state): State<AppState>) -> (StatusCode, &'static str) {
    readiness(state.db.is_reachable().await)
}
