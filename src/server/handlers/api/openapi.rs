//! `GET /api/v1/openapi.json`: the API described in OpenAPI 3.1. The answers' schema is
//! generated from the question set, so the description cannot drift from what is accepted.

use axum::extract::State;
use axum::response::IntoResponse;
use axum::Json;
use serde_json::{json, Map, Value};

use crate::domain::guide::questions::{Input, QUESTIONS};
use crate::server::http::state::AppState;

/// How a request chooses the language of the texts: ids and values are the same in every one.
fn language_parameters() -> Vec<Value> {
    let codes: Vec<&str> = crate::i18n::locales::locales().languages().map(|l| l.lang.code()).collect();
    vec![
        json!({ "name": "lang", "in": "query", "required": false, "schema": { "type": "string", "enum": codes },
            "description": "The language of every text in the answer; takes precedence over Accept-Language" }),
        json!({ "name": "Accept-Language", "in": "header", "required": false, "schema": { "type": "string" },
            "description": "The languages the client reads, by preference; the first the guide has is used, \
                            English otherwise. The answer's Content-Language says which." }),
    ]
}

fn recommendation_parameters() -> Vec<Value> {
    let free_tier = json!({ "name": "free_tier", "in": "query", "required": false,
        "schema": { "type": "boolean", "default": false },
        "description": "Subtract the functions' monthly free tier in the cost comparison" });
    std::iter::once(free_tier).chain(language_parameters()).collect()
}

pub async fn document(State(state): State<AppState>) -> impl IntoResponse {
    Json(json!({
        "openapi": "3.1.0",
        "info": {
            "title": format!("{} architecture decision guide API", state.settings.brand.name),
            "version": "1",
            "description": "Recommends how to organise (monolith … microservices) and how to run \
                            (functions … virtual machines) a system, from answers to the guide's questions."
        },
        "servers": [{ "url": format!("{}/api/v1", state.settings.public_url) }],
        "paths": {
            "/questions": { "get": {
                "summary": "The question set: ids, texts, options, ranges, defaults and branching",
                "parameters": language_parameters(),
                "responses": {
                    "200": { "description": "The questions, their texts in the language asked for",
                        "content": { "application/json": { "schema": { "type": "object" } } } },
                    "422": { "description": "A language the guide does not have",
                        "content": { "application/json": { "schema": { "$ref": "#/components/schemas/FieldErrors" } } } }
                }
            }},
            "/recommendation": { "post": {
                "summary": "A recommendation for a set of answers; every answer is optional",
                "parameters": recommendation_parameters(),
                "requestBody": { "required": true, "content": { "application/json": {
                    "schema": { "$ref": "#/components/schemas/Answers" },
                    "example": { "stage": "mvp", "engineers": 4 } } } },
                "responses": {
                    "200": { "description": "The recommendation", "content": { "application/json": {
                        "schema": { "$ref": "#/components/schemas/Recommendation" } } } },
                    "400": { "description": "The body is not JSON", "content": { "application/json": {
                        "schema": { "$ref": "#/components/schemas/FieldErrors" } } } },
                    "422": { "description": "Unknown question ids, wrong types (null included), out-of-range values, \
                                             more teams than engineers, or a language the guide does not have",
                        "content": { "application/json": { "schema": { "$ref": "#/components/schemas/FieldErrors" } } } }
                }
            }}
        },
        "components": { "schemas": {
            "Answers": answers_schema(),
            "FieldErrors": { "type": "array", "items": { "type": "object", "required": ["field", "message"],
                "properties": { "field": { "type": "string" }, "message": { "type": "string" } } } },
            "Reason": { "type": "object", "required": ["answer", "effect", "option", "text"], "properties": {
                "answer": { "type": "string", "description": "the question id" },
                "effect": { "enum": ["+", "-"] }, "option": { "type": "string" }, "text": { "type": "string" } } },
            "Recommendation": recommendation_schema()
        }}
    }))
}

fn answers_schema() -> Value {
    let mut properties = Map::new();
    for q in QUESTIONS {
        let mut schema = match &q.input {
            Input::Choice { options } => {
                json!({ "type": "string", "enum": options.iter().map(|o| o.value).collect::<Vec<_>>() })
            }
            Input::Boolean { .. } => json!({ "type": "boolean" }),
            Input::Integer { min, max, .. } => json!({ "type": "integer", "minimum": min, "maximum": max }),
            Input::Number { min, max, .. } => json!({ "type": "number", "minimum": min, "maximum": max }),
        };
        // The schema is written in the default language.
        let text = crate::i18n::locales::locales().text_of(&q.text());
        schema["description"] =
            json!(if q.id == "teams" { format!("{text} At most the number of engineers.") } else { text });
        properties.insert(q.id.to_string(), schema);
    }
    json!({ "type": "object", "additionalProperties": false, "properties": properties,
            "description": "Every answer is optional: a question left out takes its documented default (null is \
                            not an answer). One rule JSON Schema cannot express: teams may not exceed engineers \
                            when both are given; such a body is answered with 422 and a field error for teams." })
}

fn recommendation_schema() -> Value {
    let axis = |options: &[&str]| {
        json!({ "type": "object", "required": ["choice", "scores", "reasons"], "properties": {
        "choice": { "enum": options },
        "scores": { "type": "object", "additionalProperties": { "type": "integer", "minimum": 0, "maximum": 100 } },
        "reasons": { "type": "array", "items": { "$ref": "#/components/schemas/Reason" } } } })
    };
    let executions = ["functions", "managed_containers", "kubernetes", "virtual_machines"];
    let organisations = ["monolith", "modular_monolith", "service_based", "microservices"];
    json!({ "type": "object", "required": ["model_version", "organisation", "execution", "components", "warnings",
                                           "cost", "confidence", "flip", "what_if", "next_steps", "revisit_when",
                                           "similar_cases"],
        "properties": {
            "model_version": { "type": "string" },
            "organisation": axis(&organisations),
            "execution": axis(&executions),
            "components": { "type": "array", "items": { "type": "object", "properties": {
                "part": { "type": "string" }, "execution": { "enum": executions }, "why": { "type": "string" } } } },
            "warnings": { "type": "array", "items": { "type": "object", "properties": {
                "code": { "type": "string" }, "message": { "type": "string" },
                "answers": { "type": "array", "items": { "type": "string" } } } } },
            "cost": { "type": "object", "properties": {
                "monthly_usd": { "type": "object", "properties": {
                    "functions": { "type": "number" }, "managed_containers": { "type": "number" },
                    "virtual_machines": { "type": "number" } } },
                "break_even_monthly_requests": { "type": ["number", "null"] },
                "assumptions": { "type": "object", "properties": { "prices_as_of": { "type": "string", "format": "date" } } } } },
            "confidence": { "enum": ["high", "medium", "low"] },
            "flip": { "oneOf": [{ "type": "null" }, { "type": "object", "properties": {
                "question": { "type": "string" }, "to": { "type": "string" }, "organisation": { "type": "string" } } }] },
            "what_if": { "type": "array", "description": "Every other value of an answer that would change \
                the organisation or the execution choice, with the choices it would give", "items": {
                "type": "object", "required": ["question", "to", "organisation", "execution"], "properties": {
                "question": { "type": "string" }, "to": { "type": "string" },
                "organisation": { "enum": organisations }, "execution": { "enum": executions } } } },
            "next_steps": { "type": "array", "items": { "type": "string" } },
            "revisit_when": { "type": "array", "items": { "type": "string" } },
            "similar_cases": { "type": "array", "maxItems": 3, "description": "The published cases nearest to \
                the answers (`/learn/cases`): the company's own write-up, the questions answered as the case \
                answers them, whether its accepted choices include this recommendation's, and if not, the \
                answer where the two part ways", "items": {
                "type": "object", "required": ["id", "title", "url", "year", "matched", "company", "agrees", "difference"],
                "properties": {
                "id": { "type": "string" }, "title": { "type": "string" }, "company": { "type": "string" },
                "url": { "type": "string", "format": "uri" }, "year": { "type": "integer" },
                "matched": { "type": "array", "items": { "type": "string" } }, "agrees": { "type": "boolean" },
                "difference": { "oneOf": [{ "type": "null" }, { "type": "object", "required": ["question", "theirs"],
                    "properties": { "question": { "type": "string" }, "theirs": { "type": "string" } } }] } } } }
        } })
}
