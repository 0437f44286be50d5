//! Parsing answers: field errors, round trips, and what empty fields and null mean.

use super::*;
use crate::domain::guide::situation::Situation;
use crate::domain::message::Message;
use serde_json::json;

fn json_errors(value: serde_json::Value) -> Vec<FieldError> {
    Answers::from_json(value.as_object().unwrap()).unwrap_err()
}

#[test]
fn unknown_ids_wrong_types_and_out_of_range_values_are_each_named() {
    let errors = json_errors(json!({
        "stage": "series_b", "engineers": "4", "teams": 2.5, "memory_mb": 64,
        "persistent_connections": "yes", "monthly_requests": -1, "colour": "blue",
        "load_shape": ["spiky"]
    }));
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "stage",
            "engineers",
            "teams",
            "load_shape",
            "monthly_requests",
            "memory_mb",
            "persistent_connections",
            "colour"
        ]
    );
    let message = |f: &str| errors.iter().find(|e| e.field == f).unwrap().message.outline();
    assert_eq!(message("stage"), "answer-one-of{allowed: idea, mvp, growth, scale}");
    assert_eq!(message("engineers"), "answer-number-got{got: kind-text}");
    assert_eq!(message("teams"), "answer-range-integer{max: 10000, min: 1}");
    assert_eq!(message("memory_mb"), "answer-range-integer{max: 10240, min: 128}");
    assert_eq!(message("colour"), "answer-unknown-question");
    assert_eq!(message("load_shape"), "answer-text-one-of{allowed: spiky, variable, steady, event, got: kind-list}");
}

#[test]
fn more_teams_than_engineers_is_refused() {
    let errors = json_errors(json!({"engineers": 3, "teams": 4}));
    assert_eq!(
        errors,
        vec![FieldError::new("teams", Message::key("answer-teams-over-engineers").with("engineers", 3.0))]
    );
}

#[test]
fn null_is_refused_and_empty_form_fields_mean_not_answered() {
    let errors = json_errors(json!({"teams": null, "stage": null}));
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["stage", "teams"]);
    assert_eq!(errors[0].message, Message::key("answer-null"), "{errors:?}");
    let form = Answers::from_form([("stage", ""), ("engineers", " 12 "), ("step", "3")]).unwrap();
    assert_eq!(form.len(), 1);
    assert_eq!(form.get("engineers"), Some(Value::Number(12.0)));
}

#[test]
fn forms_accept_text_for_numbers_and_yes_or_no_for_booleans() {
    let form = Answers::from_form([("monthly_requests", "1,000,000"), ("persistent_connections", "yes")]).unwrap();
    assert_eq!(form.get("monthly_requests"), Some(Value::Number(1e6)));
    assert_eq!(form.get("persistent_connections"), Some(Value::Bool(true)));
    let bad = Answers::from_form([("engineers", "lots")]).unwrap_err();
    assert_eq!(bad[0].message, Message::key("answer-number"));
}

#[test]
fn defaults_fill_the_gaps_and_depend_on_earlier_answers() {
    let spiky = Answers::from_json(json!({"load_shape": "spiky"}).as_object().unwrap()).unwrap();
    let s = Situation::from_answers(&spiky);
    assert_eq!(s.number("peak_to_average"), 20.0);
    assert!(s.defaulted.contains("peak_to_average"));
    let steady = Answers::from_json(json!({"load_shape": "steady"}).as_object().unwrap()).unwrap();
    let s = Situation::from_answers(&steady);
    assert_eq!(s.number("peak_to_average"), 1.5);
    assert!(!s.applicable.contains("peak_to_average"), "steady load skips the peak question");
}

#[test]
fn teams_given_without_engineers_raise_the_assumed_engineers() {
    let answers = Answers::from_json(json!({"teams": 12}).as_object().unwrap()).unwrap();
    let s = Situation::from_answers(&answers);
    assert_eq!(s.number("engineers"), 12.0);
}
