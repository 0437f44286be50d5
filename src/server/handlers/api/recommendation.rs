//! `GET /api/v1/questions` and `POST /api/v1/recommendation`.

use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use serde_json::json;

use crate::domain::field_error::FieldError;
use crate::domain::guide::answers::Answers;
use crate::domain::guide::engine::CostOptions;
use crate::domain::guide::questions::{step_title, Input, Question, QUESTIONS, STEPS};
use crate::domain::lang::Lang;
use crate::domain::message::Message;

use crate::i18n::locales::locales;
use crate::server::http::language::api_lang;
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
) -> Response {
    let asked = match params {
        Ok(Query(params)) => params.lang,
        Err(rejection) => return errors(StatusCode::UNPROCESSABLE_ENTITY, vec![query_problem(&rejection)]),
    };
    let lang = match api_lang(asked.as_deref(), &headers) {
        Ok(lang) => lang,
        Err(problem) => return errors(StatusCode::UNPROCESSABLE_ENTITY, vec![field_error("lang", &problem)]),
    };
    let language = locales().language(lang);
    let steps: Vec<String> = (1..=STEPS).map(|step| language.write(&step_title(step))).collect();
    let questions: Vec<serde_json::Value> = QUESTIONS.iter().map(|q| question_json(q, |m| language.write(m))).collect();
    in_language(lang, Json(json!({ "version": "v1", "steps": steps, "questions": questions })).into_response())
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

/// A response marked with the language of its texts (and that they depend on the request's).
fn in_language(lang: Lang, mut response: Response) -> Response {
    let headers = response.headers_mut();
    if let Ok(code) = HeaderValue::from_str(lang.code()) {
        headers.insert(header::CONTENT_LANGUAGE, code);
    }
    headers.append(header::VARY, HeaderValue::from_static("accept-language"));
    response
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
) -> Response {
    let params = match params {
        Ok(Query(params)) => params,
        Err(rejection) => return errors(StatusCode::UNPROCESSABLE_ENTITY, vec![query_problem(&rejection)]),
    };
    let lang = match api_lang(params.lang.as_deref(), &headers) {
        Ok(lang) => lang,
        Err(problem) => return errors(StatusCode::UNPROCESSABLE_ENTITY, vec![field_error("lang", &problem)]),
    };
    let language = locales().language(lang);
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
    let response = match Answers::from_json(object) {
        Ok(answers) => {
            let recommendation = state.engine.recommend(&answers, CostOptions { free_tier: params.free_tier });
            Json(language.recommendation(&recommendation)).into_response()
        }
        Err(field_errors) => {
            let written = field_errors
                .into_iter()
                .map(|e| FieldError { message: language.write(&e.message).into(), ..e })
                .collect();
            errors(StatusCode::UNPROCESSABLE_ENTITY, written)
        }
    };
    in_language(lang, response)
}

/// What is wrong with a query string the endpoint could not read: a `lang` given twice, or a
/// `free_tier` that is not true or false.
fn query_problem(rejection: &axum::extract::rejection::QueryRejection) -> FieldError {
    if rejection.body_text().contains("lang") {
        let known: Vec<&str> = locales().languages().map(|l| l.lang.code()).collect();
        field_error("lang", &format!("must be given once, as one of: {}", known.join(", ")))
    } else {
        field_error("free_tier", "must be true or false")
    }
}

fn field_error(field: &str, message: &str) -> FieldError {
    FieldError { field: field.to_string(), message: message.into() }
}

fn errors(status: StatusCode, errors: Vec<FieldError>) -> Response {
    (status, Json(errors)).into_response()
}
