//! Liveness and readiness for load balancers and orchestrators.

use axum::extract::State;
use axum::http::StatusCode;

use crate::server::http::failure::{readiness, Unready};
use crate::server::http::state::AppState;

/// `/healthz`: the process is up and answering.
pub async fn healthz() -> &'static str {
    "ok"
}

/// How long the readiness check waits for its own write.
const PROBE_LIMIT: std::time::Duration = std::time::Duration::from_secs(2);

/// `/readyz`: the process can do its work: the database answers, and takes writes. After a
/// write failed (a full disk, say), it is ready again once a write of its own works.
pub async fn readyz(State(state): State<AppState>) -> (StatusCode, &'static str) {
    if state.stores.health.is_failing() {
        // The probe's outcome is noted in the store's health like any write's; one at a time
        // every few seconds, and never longer than a load balancer waits.
        if state.stores.health.probe_due() {
            let probe = state.stores.probe.probe_write(state.clock.now());
            let _ = tokio::time::timeout(PROBE_LIMIT, probe).await;
        }
        if state.stores.health.is_failing() {
            return readiness(Some(Unready::CannotWrite));
        }
    }
    readiness((!state.db.is_reachable().await).then_some(Unready::Unreachable))
}
