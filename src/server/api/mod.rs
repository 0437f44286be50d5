//! The public JSON API (`/api/v1/...`): the question set, recommendations, and its description.

mod openapi;
mod recommendation;

use axum::routing::{get, post};
use axum::Router;

use super::state::AppState;

/// The API's routes, mounted under `/api/v1`.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/questions", get(recommendation::questions))
        .route("/recommendation", post(recommendation::recommend))
        .route("/openapi.json", get(openapi::document))
}
