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
    assert_eq!(questions.len(), 19);
    let cloud = questions.iter().find(|q| q["id"] == "cloud").unwrap();
    assert_eq!(cloud["default"], "aws");
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
        (json!({"teams": null}), "teams"),
        (json!({"cloud": "oracle"}), "cloud"),
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
    assert_eq!(doc["components"]["schemas"]["Answers"]["properties"].as_object().unwrap().len(), 19);
    let answers = &doc["components"]["schemas"]["Answers"];
    assert!(answers["description"].as_str().unwrap().contains("teams may not exceed engineers"));
    assert!(doc["components"]["schemas"]["Recommendation"]["properties"]["what_if"].is_object());
}

#[tokio::test]
async fn a_broken_model_file_stops_start_up_with_a_message_naming_the_setting() {
    let dir = tempfile::tempdir().unwrap();
    let model = dir.path().join("model.toml");
    std::fs::write(&model, "model_version = 1").unwrap();
    let mut env = crate::helpers::test_env(&dir);
    env.insert("ARCHGUIDE_MODEL_FILE".into(), model.display().to_string());
    let settings = archguide::server::settings::Settings::from_lookup(|k| env.get(k).cloned()).unwrap();
    let error = archguide::startup::Application::build(settings).await.err().expect("refused");
    assert!(error.to_string().starts_with("ARCHGUIDE_MODEL_FILE"), "{error}");
}

#[tokio::test]
async fn the_cloud_answer_picks_each_providers_products_prices_and_sources() {
    let app = spawn_app().await;
    let mut seen = Vec::new();
    for (cloud, functions, containers) in [
        ("aws", "AWS Lambda", "AWS Fargate"),
        ("azure", "Azure Functions", "Azure Container Apps"),
        ("gcp", "Cloud Run functions", "Cloud Run"),
    ] {
        let body = json!({"cloud": cloud, "monthly_requests": 50_000_000, "load_shape": "steady"}).to_string();
        let (status, r) = post(&app, "/api/v1/recommendation", &body).await;
        assert_eq!(status, 200, "{r}");
        let a = &r["cost"]["assumptions"];
        assert_eq!(a["cloud"], cloud);
        assert!(a["products"]["functions"].as_str().unwrap().starts_with(functions), "{a}");
        assert!(a["products"]["managed_containers"].as_str().unwrap().starts_with(containers), "{a}");
        for key in ["functions", "managed_containers", "kubernetes", "virtual_machines"] {
            assert!(a["sources"][key]["source"].as_str().unwrap().starts_with("https://"), "{cloud} {key}: {a}");
            assert_eq!(a["sources"][key]["as_of"].as_str().unwrap().len(), 10);
        }
        seen.push(r["cost"]["monthly_usd"].clone());
    }
    assert_ne!(seen[0], seen[1]);
    assert_ne!(seen[1], seen[2]);
}

#[tokio::test]
async fn a_system_that_must_run_on_premises_prices_its_own_servers() {
    let app = spawn_app().await;
    let body = json!({"portability": "required", "monthly_requests": 2_000_000}).to_string();
    let (_, r) = post(&app, "/api/v1/recommendation", &body).await;
    let a = &r["cost"]["assumptions"];
    assert_eq!(a["on_premises"], true);
    assert_eq!(a["products"]["virtual_machines"], "your own servers");
    assert!(a["vm_fleet"].as_str().unwrap().contains("1U server"), "{a}");
    assert!(a["formulas"]["virtual_machines"].as_str().unwrap().contains("PUE"), "{a}");
    assert!(!a["sources"]["virtual_machines"]["source"].as_str().unwrap().starts_with("https://"));
}

#[tokio::test]
async fn the_recommendation_lists_what_would_change_it_and_each_entry_holds() {
    let app = spawn_app().await;
    let answers = json!({"stage": "mvp", "engineers": 6, "teams": 1, "independent_releases": "yes",
        "load_shape": "variable", "monthly_requests": 3_000_000});
    let (_, r) = post(&app, "/api/v1/recommendation", &answers.to_string()).await;
    let what_if = r["what_if"].as_array().unwrap();
    assert!(what_if.iter().any(|w| w["question"] == "teams"), "{what_if:?}");
    for w in what_if {
        let mut changed = answers.clone();
        let to = w["to"].as_str().unwrap();
        changed[w["question"].as_str().unwrap()] = match to.parse::<f64>() {
            Ok(n) => json!(n),
            Err(_) if to == "true" || to == "false" => json!(to == "true"),
            Err(_) => json!(to),
        };
        let (status, again) = post(&app, "/api/v1/recommendation", &changed.to_string()).await;
        assert_eq!(status, 200, "{changed}: {again}");
        assert_eq!(again["organisation"]["choice"], w["organisation"], "{w}");
        assert_eq!(again["execution"]["choice"], w["execution"], "{w}");
    }
    let tension =
        r["warnings"].as_array().unwrap().iter().find(|w| w["code"] == "microservices_wish_without_prerequisites");
    let tension = tension.unwrap_or_else(|| panic!("{}", r["warnings"]));
    assert_eq!(tension["answers"], json!(["independent_releases", "teams"]));
    assert!(tension["message"].as_str().unwrap().contains("teams: 1"));
}

#[tokio::test]
async fn a_model_file_with_a_rule_no_language_can_explain_stops_start_up() {
    let dir = tempfile::tempdir().unwrap();
    let model = dir.path().join("model.toml");
    let shipped = archguide::domain::guide::engine::model::DEFAULT_MODEL_TOML;
    let extra = "\n[[rule]]\nid = \"org-new-rule\"\naxis = \"organisation\"\nwhen = { question = \"stage\", one_of = [\"idea\"] }\neffects = { monolith = 1 }\n";
    std::fs::write(&model, format!("{shipped}{extra}")).unwrap();
    let mut env = crate::helpers::test_env(&dir);
    env.insert("ARCHGUIDE_MODEL_FILE".into(), model.display().to_string());
    let settings = archguide::server::settings::Settings::from_lookup(|k| env.get(k).cloned()).unwrap();
    let error = archguide::startup::Application::build(settings).await.err().expect("refused");
    let error = error.to_string();
    assert!(error.starts_with("ARCHGUIDE_MODEL_FILE") && error.contains("'rule-org-new-rule'"), "{error}");
    // The shipped model as a file starts.
    std::fs::write(&model, shipped).unwrap();
    let settings = archguide::server::settings::Settings::from_lookup(|k| env.get(k).cloned()).unwrap();
    assert!(archguide::startup::Application::build(settings).await.is_ok());
}
