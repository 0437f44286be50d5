//! The principles PRODUCT.md sets for the engine, one test each.

use serde_json::json;

use crate::domain::guide::answers::Answers;
use crate::domain::guide::questions::{question, QUESTIONS};
use crate::domain::guide::recommendation::{Confidence, Execution, Organisation, Recommendation};

use super::recommend;
use crate::domain::guide::engine::personas::answers;

fn rec(value: serde_json::Value) -> Recommendation {
    recommend(&answers(value))
}

fn has_warning(r: &Recommendation, code: &str) -> bool {
    r.warnings.iter().any(|w| w.code == code)
}

/// Everything a team needs for microservices, except what the test takes away.
fn ready_for_microservices() -> serde_json::Value {
    json!({"stage": "scale", "starting_point": "distributed", "engineers": 150, "teams": 15,
           "scaling_divergence": "many", "independent_releases": "yes", "domain_clarity": "stable",
           "ops_maturity": "platform"})
}

fn with(mut base: serde_json::Value, key: &str, value: serde_json::Value) -> serde_json::Value {
    base[key] = value;
    base
}

#[test]
fn a_team_with_everything_microservices_need_gets_microservices() {
    let r = rec(ready_for_microservices());
    assert_eq!(r.organisation.choice, Organisation::Microservices);
    assert!(!has_warning(&r, "distributed_monolith_risk"));
}

#[test]
fn microservices_without_any_one_prerequisite_are_not_recommended_but_warned_about() {
    for (key, value) in [
        ("teams", json!(2)),
        ("independent_releases", json!("no")),
        ("domain_clarity", json!("unclear")),
        ("ops_maturity", json!("none")),
    ] {
        let r = rec(with(ready_for_microservices(), key, value.clone()));
        assert_ne!(r.organisation.choice, Organisation::Microservices, "{key} = {value}");
        let warned = r.warnings.iter().find(|w| w.code == "distributed_monolith_risk");
        if r.organisation.scores["microservices"] >= r.organisation.scores[r.organisation.choice.as_str()] {
            let warning = warned.unwrap_or_else(|| panic!("{key} = {value}: no warning"));
            assert!(warning.answers.contains(&key.to_string()), "{key}: {warning:?}");
        }
    }
}

#[test]
fn small_teams_and_unclear_domains_get_a_monolith_or_a_modular_monolith() {
    for engineers in [1, 3, 5, 8] {
        for clarity in ["unclear", "emerging", "stable"] {
            let r = rec(json!({"engineers": engineers, "domain_clarity": clarity, "independent_releases": "yes",
                               "scaling_divergence": "many"}));
            assert!(
                matches!(r.organisation.choice, Organisation::Monolith | Organisation::ModularMonolith),
                "{engineers} engineers, {clarity}: {}",
                r.organisation.choice
            );
        }
    }
    let unclear = rec(with(ready_for_microservices(), "domain_clarity", json!("unclear")));
    assert_ne!(unclear.organisation.choice, Organisation::Microservices);
}

#[test]
fn work_longer_than_15_minutes_never_runs_as_a_function() {
    let r = rec(json!({"longest_task": "hours", "load_shape": "spiky", "monthly_requests": 1000,
                       "cost_priority": "lowest_when_idle", "ops_maturity": "none"}));
    assert_ne!(r.execution.choice, Execution::Functions);
    assert_eq!(r.execution.scores["functions"], 0);
    assert!(has_warning(&r, "function_time_limit"));
    let slow = rec(json!({"avg_duration_ms": 1_000_000}));
    assert_eq!(slow.execution.scores["functions"], 0);
}

#[test]
fn persistent_connections_and_strict_latency_count_against_functions() {
    let base = json!({"load_shape": "spiky", "monthly_requests": 100_000, "cost_priority": "lowest_when_idle"});
    let plain = rec(base.clone()).execution.scores["functions"];
    let connections = rec(with(base.clone(), "persistent_connections", json!(true))).execution.scores["functions"];
    let strict = rec(with(base.clone(), "latency", json!("strict"))).execution.scores["functions"];
    assert!(connections < plain, "{connections} < {plain}");
    assert!(strict < plain, "{strict} < {plain}");
}

#[test]
fn on_premises_requirements_exclude_managed_services() {
    let r = rec(json!({"portability": "required", "load_shape": "spiky", "cost_priority": "lowest_when_idle"}));
    assert!(matches!(r.execution.choice, Execution::Kubernetes | Execution::VirtualMachines));
    assert_eq!(r.execution.scores["functions"], 0);
    assert_eq!(r.execution.scores["managed_containers"], 0);
    assert!(has_warning(&r, "on_premises_excludes_managed"));
}

#[test]
fn the_cost_model_not_a_rule_moves_steady_high_load_off_functions() {
    // Same answers except the volume: only the cost model can tell these apart.
    let base = json!({"load_shape": "variable", "cost_priority": "lowest_when_idle", "latency": "relaxed",
                      "ops_maturity": "basic", "avg_duration_ms": 200});
    let quiet = rec(with(base.clone(), "monthly_requests", json!(100_000)));
    let busy = rec(with(base.clone(), "monthly_requests", json!(5_000_000_000u64)));
    assert_eq!(quiet.execution.choice, Execution::Functions);
    assert_ne!(busy.execution.choice, Execution::Functions);
    assert!(busy.cost.monthly_usd.functions > busy.cost.monthly_usd.managed_containers);
}

#[test]
fn every_reason_names_a_real_answer_a_direction_and_an_option_of_its_axis() {
    let r = rec(ready_for_microservices());
    let check = |reasons: &[crate::domain::guide::recommendation::Reason], options: &[&str]| {
        assert!(!reasons.is_empty());
        for reason in reasons {
            assert!(question(&reason.answer).is_some(), "{reason:?}");
            assert!(reason.effect == "+" || reason.effect == "-", "{reason:?}");
            assert!(options.contains(&reason.option.as_str()), "{reason:?}");
            assert!(reason.text.key_name().is_some(), "a text without an id: {reason:?}");
        }
    };
    check(&r.organisation.reasons, &["monolith", "modular_monolith", "service_based", "microservices"]);
    check(&r.execution.reasons, &["functions", "managed_containers", "kubernetes", "virtual_machines"]);
    for w in &r.warnings {
        assert!(w.answers.iter().all(|a| question(a).is_some()), "{w:?}");
    }
}

#[test]
fn the_flip_names_a_change_that_really_flips_the_choice() {
    for value in [json!({}), ready_for_microservices(), json!({"engineers": 8, "teams": 2, "stage": "mvp"})] {
        let before = rec(value.clone());
        let flip = before.flip.clone().unwrap_or_else(|| panic!("{value}: some single change flips it"));
        let mut changed = value.as_object().unwrap().clone();
        let q = question(&flip.question).unwrap();
        let to = match &q.input {
            crate::domain::guide::questions::Input::Choice { .. } => json!(flip.to),
            crate::domain::guide::questions::Input::Boolean { .. } => json!(flip.to == "true"),
            _ => json!(flip.to.parse::<f64>().unwrap()),
        };
        changed.insert(flip.question.clone(), to);
        let after = recommend(&Answers::from_json(&changed).unwrap());
        assert_eq!(after.organisation.choice, flip.organisation, "{flip:?}");
        assert_ne!(after.organisation.choice, before.organisation.choice);
    }
}

#[test]
fn a_choice_no_single_change_can_move_has_no_flip() {
    let firm = rec(json!({"engineers": 30, "teams": 3, "stage": "growth"}));
    assert_eq!(firm.organisation.choice, Organisation::ModularMonolith);
    assert_eq!(firm.flip, None);
}

#[test]
fn unanswered_questions_lower_the_confidence() {
    assert_eq!(rec(json!({})).confidence, Confidence::Low);
    let full = json!({"stage": "idea", "starting_point": "greenfield", "engineers": 2, "load_shape": "spiky",
        "monthly_requests": 20_000, "peak_to_average": 50, "avg_duration_ms": 100, "memory_mb": 256,
        "longest_task": "seconds", "persistent_connections": false, "latency": "relaxed",
        "scaling_divergence": "none", "independent_releases": "no", "domain_clarity": "unclear",
        "ops_maturity": "none", "portability": "none", "cost_priority": "lowest_when_idle"});
    assert_ne!(rec(full).confidence, Confidence::Low);
}

#[test]
fn the_result_records_the_model_version_and_the_price_date() {
    let r = rec(json!({}));
    assert_eq!(r.model_version, crate::domain::guide::engine::model::Model::default_model().version);
    assert_eq!(r.cost.assumptions.prices_as_of.len(), 10);
}

#[test]
fn event_work_beside_a_container_core_gets_per_part_advice() {
    let r = rec(json!({"load_shape": "event", "monthly_requests": 2_000_000_000u64, "ops_maturity": "basic"}));
    assert_ne!(r.execution.choice, Execution::Functions);
    assert!(r.components.iter().any(|c| c.execution == Execution::Functions), "{:?}", r.components);
}

#[test]
fn the_json_uses_the_field_names_of_the_contract() {
    let value = serde_json::to_value(rec(json!({"stage": "mvp"}))).unwrap();
    let keys: Vec<&str> = value.as_object().unwrap().keys().map(|k| k.as_str()).collect();
    for key in [
        "model_version",
        "organisation",
        "execution",
        "components",
        "warnings",
        "cost",
        "confidence",
        "flip",
        "next_steps",
        "revisit_when",
    ] {
        assert!(keys.contains(&key), "{key}");
    }
    assert!(value["organisation"]["scores"]["modular_monolith"].is_u64());
    assert!(value["cost"]["monthly_usd"]["managed_containers"].is_f64());
    assert!(value["cost"]["assumptions"]["prices_as_of"].is_string());
    let reason = &value["organisation"]["reasons"][0];
    for key in ["answer", "effect", "option", "text"] {
        assert!(reason.get(key).is_some(), "{key}");
    }
}

#[test]
fn every_question_has_a_distinct_id_a_topic_and_a_step() {
    let mut ids: Vec<&str> = QUESTIONS.iter().map(|q| q.id).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), QUESTIONS.len());
    assert_eq!(ids.len(), 19);
    assert!(QUESTIONS.iter().all(|q| q.step >= 1 && q.step <= crate::domain::guide::questions::STEPS));
}

#[test]
fn each_clouds_own_function_limits_rule_functions_out() {
    // Spiky, idle-priced work that functions win on AWS, with a 2 GB handler: Azure's
    // Consumption plan gives a function at most 1.5 GB.
    let base = json!({"engineers": 2, "load_shape": "spiky", "monthly_requests": 100_000, "memory_mb": 2048,
                      "latency": "relaxed", "ops_maturity": "none", "cost_priority": "lowest_when_idle"});
    let aws = rec(with(base.clone(), "cloud", json!("aws")));
    assert_eq!(aws.execution.choice, Execution::Functions);
    let azure = rec(with(base, "cloud", json!("azure")));
    assert_ne!(azure.execution.choice, Execution::Functions);
    assert_eq!(azure.execution.scores["functions"], 0);
    let reason = azure.execution.reasons.iter().find(|r| r.answer == "memory_mb" && r.option == "functions");
    assert!(
        reason.is_some_and(|r| r.effect == "-" && r.text.outline().contains("limit: 1536")),
        "{:?}",
        azure.execution.reasons
    );
}

#[test]
fn jobs_of_minutes_on_functions_that_stop_at_ten_minutes_are_warned_about() {
    let base = json!({"engineers": 2, "load_shape": "event", "monthly_requests": 20_000, "longest_task": "minutes",
                      "latency": "relaxed", "ops_maturity": "none", "cost_priority": "lowest_when_idle"});
    for (cloud, warned) in [("azure", true), ("aws", false), ("gcp", false)] {
        let r = rec(with(base.clone(), "cloud", json!(cloud)));
        if r.execution.choice != Execution::Functions {
            continue;
        }
        let limit =
            r.warnings.iter().find(|w| w.code == "function_time_limit" && w.answers.contains(&"cloud".to_string()));
        assert_eq!(limit.is_some(), warned, "{cloud}: {:?}", r.warnings);
    }
    let azure = rec(with(base, "cloud", json!("azure")));
    assert_eq!(azure.execution.choice, Execution::Functions, "the case the warning is for");
}
