//! The JSON API: questions, recommendations and their 4xx answers to bad input.

use serde_json::{json, Value};

use crate::helpers::{spawn_app, TestApp};

async fn post(app: &TestApp, path: &str, body: &str) -> (u16, Value) {
    let response = app
        .client
        .post(format!("{}{path}", app.address))
        .header("Content-Type", "application/json")
        .body(body.to_string())
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

fn fields(errors: &Value) -> Vec<&str> {
    errors.as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect()
}

#[tokio::test]
async fn the_question_set_lists_every_question_with_its_options_and_branching() {
    let app = spawn_app().await;
    let body: Value = app.get("/api/v1/questions").await.json().await.unwrap();
    let questions = body["questions"].as_array().unwrap();
    assert_eq!(questions.len(), 18);
    assert_eq!(questions[0]["id"], "stage");
    assert_eq!(questions[0]["input"]["options"][0]["value"], "idea");
    let teams = questions.iter().find(|q| q["id"] == "teams").unwrap();
    assert_eq!(teams["applies_when"]["at_least"]["question"], "engineers");
}

#[tokio::test]
async fn a_valid_answer_set_gets_a_recommendation() {
    let app = spawn_app().await;
    let (status, body) = post(&app, "/api/v1/recommendation", r#"{"stage":"mvp","engineers":4}"#).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["organisation"]["choice"], "monolith");
    assert!(body["execution"]["choice"].is_string());
    assert!(body["cost"]["monthly_usd"]["functions"].is_number());
    assert!(body["model_version"].is_string());
}

#[tokio::test]
async fn an_empty_answer_set_takes_the_defaults() {
    let app = spawn_app().await;
    let (status, body) = post(&app, "/api/v1/recommendation", "{}").await;
    assert_eq!(status, 200);
    assert_eq!(body["confidence"], "low");
}

#[tokio::test]
async fn unknown_ids_wrong_types_and_out_of_range_values_answer_422_with_field_errors() {
    let app = spawn_app().await;
    let cases = [
        (json!({"colour": "blue"}), "colour"),
        (json!({"engineers": "four"}), "engineers"),
        (json!({"engineers": 0}), "engineers"),
        (json!({"engineers": 100001}), "engineers"),
        (json!({"memory_mb": 128.5}), "memory_mb"),
        (json!({"monthly_requests": 1e13}), "monthly_requests"),
        (json!({"stage": "seed"}), "stage"),
        (json!({"persistent_connections": "yes"}), "persistent_connections"),
        (json!({"engineers": 2, "teams": 3}), "teams"),
        (json!({"load_shape": {"kind": "spiky"}}), "load_shape"),
    ];
    for (body, field) in cases {
        let (status, errors) = post(&app, "/api/v1/recommendation", &body.to_string()).await;
        assert_eq!(status, 422, "{body}");
        assert_eq!(fields(&errors), [field], "{body}: {errors}");
        assert!(!errors[0]["message"].as_str().unwrap().is_empty());
    }
}

#[tokio::test]
async fn a_body_that_is_not_an_object_or_not_json_is_refused_without_a_server_error() {
    let app = spawn_app().await;
    let (status, errors) = post(&app, "/api/v1/recommendation", "[1,2]").await;
    assert_eq!(status, 422);
    assert_eq!(fields(&errors), [""]);
    let (status, _) = post(&app, "/api/v1/recommendation", "{not json").await;
    assert_eq!(status, 400);
    let (status, _) = post(&app, "/api/v1/recommendation", "").await;
    assert_eq!(status, 400);
    let (status, errors) = post(&app, "/api/v1/recommendation?free_tier=maybe", "{}").await;
    assert_eq!(status, 422);
    assert_eq!(fields(&errors), ["free_tier"]);
}

#[tokio::test]
async fn the_free_tier_switch_lowers_the_functions_cost() {
    let app = spawn_app().await;
    let body = r#"{"monthly_requests": 2000000}"#;
    let (_, without) = post(&app, "/api/v1/recommendation", body).await;
    let (_, with) = post(&app, "/api/v1/recommendation?free_tier=true", body).await;
    let cost = |v: &Value| v["cost"]["monthly_usd"]["functions"].as_f64().unwrap();
    assert!(cost(&with) < cost(&without));
    assert_eq!(with["cost"]["assumptions"]["free_tier_included"], true);
}

#[tokio::test]
async fn the_openapi_document_describes_both_endpoints_and_every_question() {
    let app = spawn_app().await;
    let doc: Value = app.get("/api/v1/openapi.json").await.json().await.unwrap();
    assert_eq!(doc["openapi"], "3.1.0");
    assert!(doc["paths"]["/questions"]["get"].is_object());
    assert!(doc["paths"]["/recommendation"]["post"]["responses"]["422"].is_object());
    assert_eq!(doc["components"]["schemas"]["Answers"]["properties"].as_object().unwrap().len(), 18);
}

#[tokio::test]
async fn a_broken_model_file_stops_start_up_with_a_message_naming_the_setting() {
    let dir = tempfile::tempdir().unwrap();
    let model = dir.path().join("model.toml");
    std::fs::write(&model, "model_version = 1").unwrap();
    let mut env = crate::helpers::test_env(&dir);
    env.insert("ARCHGUIDE_MODEL_FILE".into(), model.display().to_string());
    let settings = archguide::server::settings::Settings::from_lookup(|k| env.get(k).cloned()).unwrap();
    let error = archguide::server::startup::Application::build(settings).await.err().expect("refused");
    assert!(error.to_string().starts_with("ARCHGUIDE_MODEL_FILE"), "{error}");
}
