//! Personas described in plain words, with the organisation and execution a senior architect
//! would recommend to them. The engine must agree with every one.

use serde_json::json;

use crate::domain::guide::answers::Answers;
use crate::domain::guide::recommendation::{Execution, Organisation};
use crate::domain::guide::review::case::{seed_cases, CaseSource};

use super::recommend;

pub(super) fn answers(value: serde_json::Value) -> Answers {
    Answers::from_json(value.as_object().expect("an object")).expect("valid answers")
}

/// A persona: who they are, their answers, and the one choice per axis an architect gives them.
struct Persona {
    who: String,
    answers: serde_json::Value,
    organisation: Organisation,
    execution: Execution,
}

/// The people-described cases the case library starts with (`data/model_cases.toml`).
fn personas() -> Vec<Persona> {
    seed_cases()
        .into_iter()
        .filter(|c| c.source == CaseSource::Person)
        .map(|c| Persona {
            who: c.title,
            answers: serde_json::Value::Object(c.answers.to_json()),
            organisation: c.organisation[0],
            execution: c.execution[0],
        })
        .collect()
}

#[test]
fn every_persona_gets_the_recommendation_an_architect_would_give() {
    let mut wrong = Vec::new();
    for p in personas() {
        let r = recommend(&answers(p.answers.clone()));
        if r.organisation.choice != p.organisation || r.execution.choice != p.execution {
            wrong.push(format!(
                "{}: expected {} on {}, got {} on {} (org {:?}, exec {:?})",
                p.who,
                p.organisation,
                p.execution,
                r.organisation.choice,
                r.execution.choice,
                r.organisation.scores,
                r.execution.scores
            ));
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

#[test]
fn there_are_at_least_fifteen_personas() {
    assert!(personas().len() >= 15);
}

/// Two visitors per cloud: a quiet, spiky product and a busy, steady one.
fn cloud_visitors() -> Vec<(String, serde_json::Value)> {
    let mut out = Vec::new();
    for cloud in ["aws", "azure", "gcp"] {
        out.push((
            format!("A small team, spiky traffic, 2M requests a month, on {cloud}"),
            json!({"stage": "mvp", "engineers": 4, "teams": 1, "load_shape": "spiky", "monthly_requests": 2_000_000,
                "ops_maturity": "basic", "cost_priority": "lowest_when_idle", "cloud": cloud}),
        ));
        out.push((
            format!("A growing SaaS, steady traffic, 400M requests a month, on {cloud}"),
            json!({"stage": "growth", "starting_point": "monolith", "engineers": 25, "teams": 3, "load_shape": "steady",
                "monthly_requests": 400_000_000, "ops_maturity": "basic", "cost_priority": "predictable", "cloud": cloud}),
        ));
    }
    out
}

/// Prints the persona table with each persona's warnings and what-ifs (run with `--nocapture`).
#[test]
fn persona_table() {
    use crate::domain::guide::cost::usd;
    let everyone = personas().into_iter().map(|p| (p.who.to_string(), p.answers)).chain(cloud_visitors());
    for (who, answers_json) in everyone {
        let r = recommend(&answers(answers_json));
        let m = &r.cost.monthly_usd;
        println!("### {who}");
        println!(
            "{} on {} ({}); {}: functions {}, containers {}, VMs {}",
            r.organisation.choice,
            r.execution.choice,
            r.confidence,
            r.cost.assumptions.provider,
            usd(m.functions),
            usd(m.managed_containers),
            usd(m.virtual_machines)
        );
        let codes: Vec<&str> = r.warnings.iter().map(|w| w.code.as_str()).collect();
        println!("warnings: {}", if codes.is_empty() { "none".to_string() } else { codes.join(", ") });
        for w in &r.what_if {
            println!("  if {} = {}: {} on {}", w.question, w.to, w.organisation, w.execution);
        }
    }
}

/// Every persona against the model in the file `ARCHGUIDE_COMPARE_MODEL` names, if any: whether
/// it still gets its answer there (to try a change to the model before making it):
/// `ARCHGUIDE_COMPARE_MODEL=new-model.toml cargo test --features ssr --lib personas_against -- --nocapture`.
#[test]
fn personas_against_another_model() {
    use super::case_tests::engine_to_compare;
    use super::CostOptions;
    let Some(engine) = engine_to_compare() else { return };
    for p in personas() {
        let (organisation, execution) = engine.choices_for(&answers(p.answers), CostOptions::default());
        let agrees = organisation == p.organisation && execution == p.execution;
        println!(
            "{} {}: {organisation} on {execution} (wants {} on {})",
            if agrees { "ok" } else { "NO" },
            p.who,
            p.organisation,
            p.execution
        );
    }
}
