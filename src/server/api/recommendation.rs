//! `GET /api/v1/questions` and `POST /api/v1/recommendation`.

use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use serde_json::json;

use crate::domain::answers::Answers;
use crate::domain::engine::CostOptions;
use crate::domain::field_error::FieldError;
use crate::domain::questions::{QUESTIONS, STEPS};

use crate::server::state::AppState;

/// The question set, with its steps and branching.
pub async fn questions() -> Response {
    Json(json!({ "version": "v1", "steps": STEPS, "questions": QUESTIONS })).into_response()
}

#[derive(Debug, Deserialize)]
pub struct RecommendParams {
    /// Subtract the functions' monthly free tier from the cost comparison.
    #[serde(default)]
    free_tier: bool,
}

/// Answers in, recommendation out; every problem with the input is a 4xx with field errors.
pub async fn recommend(
    State(state): State<AppState>,
    params: Result<Query<RecommendParams>, axum::extract::rejection::QueryRejection>,
    body: Bytes,
) -> Response {
    let Ok(Query(params)) = params else {
        return errors(StatusCode::UNPROCESSABLE_ENTITY, vec![field_error("free_tier", "must be true or false")]);
    };
    let value: serde_json::Value = match serde_json::from_slice(&body) {
        Ok(value) => value,
        Err(e) => {
            return errors(StatusCode::BAD_REQUEST, vec![field_error("", &format!("the body is not valid JSON: {e}"))]);
        }
    };
    let Some(object) = value.as_object() else {
        return errors(
            StatusCode::UNPROCESSABLE_ENTITY,
            vec![field_error("", "the body must be a JSON object mapping question ids to answers")],
        );
    };
    match Answers::from_json(object) {
        Ok(answers) => {
            let recommendation = state.engine.recommend(&answers, CostOptions { free_tier: params.free_tier });
            Json(recommendation).into_response()
        }
        Err(field_errors) => errors(StatusCode::UNPROCESSABLE_ENTITY, field_errors),
    }
}

fn field_error(field: &str, message: &str) -> FieldError {
    FieldError { field: field.to_string(), message: message.to_string() }
}

fn errors(status: StatusCode, errors: Vec<FieldError>) -> Response {
    (status, Json(errors)).into_response()
}
