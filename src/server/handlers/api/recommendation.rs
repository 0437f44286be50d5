//! `GET /api/v1/questions` and `POST /api/v1/recommendation`.

use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use serde_json::json;

use crate::domain::field_error::FieldError;
use crate::domain::guide::answers::Answers;
use crate::domain::guide::engine::CostOptions;
use crate::domain::guide::questions::{step_title, Input, Question, QUESTIONS, STEPS};
use crate::domain::message::Message;

use crate::i18n::locales::locales;
use crate::server::http::failure::ApiError;
use crate::server::http::language::{api_lang, in_language};
use crate::server::http::state::AppState;

#[derive(Debug, Deserialize)]
pub struct LangParams {
    /// The language of the texts (else `Accept-Language`, else English).
    lang: Option<String>,
}

/// The question set, with its steps and branching, its texts in the language asked for.
pub async fn questions(
    params: Result<Query<LangParams>, axum::extract::rejection::QueryRejection>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let Query(params) = params.map_err(|rejection| query_problem(&rejection))?;
    let lang = api_lang(params.lang.as_deref(), &headers).map_err(|problem| ApiError::field("lang", &problem))?;
    let language = locales().language(lang);
    let steps: Vec<String> = (1..=STEPS).map(|step| language.write(&step_title(step))).collect();
    let questions: Vec<serde_json::Value> = QUESTIONS.iter().map(|q| question_json(q, |m| language.write(m))).collect();
    Ok(in_language(lang, Json(json!({ "version": "v1", "steps": steps, "questions": questions })).into_response()))
}

/// One question as the API describes it: its structure, with every text written by `write`.
fn question_json(q: &Question, write: impl Fn(&Message) -> String) -> serde_json::Value {
    let mut value = serde_json::to_value(q).unwrap_or_default();
    value["text"] = json!(write(&q.text()));
    value["help"] = json!(write(&q.help()));
    value["topic"] = json!(write(&q.topic()));
    let input = &mut value["input"];
    match &q.input {
        Input::Choice { options } => {
            input["options"] = json!(options
                .iter()
                .map(|o| json!({
                    "value": o.value,
                    "label": q.option_label(o.value).map(|m| write(&m)).unwrap_or_default(),
                    "help": write(&q.option_help(o.value)),
                }))
                .collect::<Vec<_>>());
        }
        Input::Boolean {} => {
            for (name, value) in [("yes", "true"), ("no", "false")] {
                input[name] = json!(q.option_label(value).map(|m| write(&m)).unwrap_or_default());
            }
        }
        Input::Integer { presets, .. } | Input::Number { presets, .. } => {
            input["unit"] = json!(write(&q.unit()));
            input["presets"] = json!(presets
                .iter()
                .enumerate()
                .map(|(i, value)| json!({ "value": value, "label": write(&q.preset_label(i)) }))
                .collect::<Vec<_>>());
        }
    }
    value
}

#[derive(Debug, Deserialize)]
pub struct RecommendParams {
    /// Subtract the functions' monthly free tier from the cost comparison.
    #[serde(default)]
    free_tier: bool,
    /// The language of the texts (else `Accept-Language`, else English).
    lang: Option<String>,
}

/// Answers in, recommendation out; every problem with the input is a 4xx with field errors.
pub async fn recommend(
    State(state): State<AppState>,
    params: Result<Query<RecommendParams>, axum::extract::rejection::QueryRejection>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let Query(params) = params.map_err(|rejection| query_problem(&rejection))?;
    let lang = api_lang(params.lang.as_deref(), &headers).map_err(|problem| ApiError::field("lang", &problem))?;
    let language = locales().language(lang);
    let value: serde_json::Value =
        serde_json::from_slice(&body).map_err(|e| ApiError::unreadable(format!("the body is not valid JSON: {e}")))?;
    let object = value
        .as_object()
        .ok_or_else(|| ApiError::field("", "the body must be a JSON object mapping question ids to answers"))?;
    // Refused answers are told in the language asked for, and say so.
    let answers = Answers::from_json(object).map_err(|field_errors| {
        let written =
            field_errors.into_iter().map(|e| FieldError { message: language.write(&e.message).into(), ..e }).collect();
        ApiError::invalid(written).in_language(lang)
    })?;
    let recommendation = state.engine.current().recommend(&answers, CostOptions { free_tier: params.free_tier });
    Ok(in_language(lang, Json(language.recommendation(&recommendation)).into_response()))
}

/// What is wrong with a query string the endpoint could not read: a `lang` given twice, or a
/// `free_tier` that is not true or false.
fn query_problem(rejection: &axum::extract::rejection::QueryRejection) -> ApiError {
    if rejection.body_text().contains("lang") {
        let known: Vec<&str> = locales().languages().map(|l| l.lang.code()).collect();
        ApiError::field("lang", &format!("must be given once, as one of: {}", known.join(", ")))
    } else {
        ApiError::field("free_tier", "must be true or false")
    }
}
