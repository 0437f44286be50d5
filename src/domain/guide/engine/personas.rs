//! Personas described in plain words, with the organisation and execution a senior architect
//! would recommend to them. The engine must agree with every one.

use serde_json::json;

use crate::domain::guide::answers::Answers;
use crate::domain::guide::recommendation::{Execution, Organisation};

use super::recommend;

pub(super) fn answers(value: serde_json::Value) -> Answers {
    Answers::from_json(value.as_object().expect("an object")).expect("valid answers")
}

struct Persona {
    who: &'static str,
    answers: serde_json::Value,
    organisation: Organisation,
    execution: Execution,
}

fn personas() -> Vec<Persona> {
    use Execution::*;
    use Organisation::*;
    vec![
        Persona {
            who: "Two founders with an idea and no users yet",
            answers: json!({"stage": "idea", "starting_point": "greenfield", "engineers": 2, "load_shape": "spiky",
                "monthly_requests": 50_000, "ops_maturity": "none", "domain_clarity": "unclear", "cost_priority": "lowest_when_idle"}),
            organisation: Monolith,
            execution: Functions,
        },
        Persona {
            who: "A five-person startup with a first version and a daily traffic curve",
            answers: json!({"stage": "mvp", "starting_point": "greenfield", "engineers": 5, "teams": 1, "load_shape": "variable",
                "monthly_requests": 3_000_000, "avg_duration_ms": 150, "ops_maturity": "basic", "domain_clarity": "emerging",
                "cost_priority": "predictable", "latency": "moderate"}),
            organisation: Monolith,
            execution: ManagedContainers,
        },
        Persona {
            who: "A growing SaaS of 25 engineers in three teams, one code base, boundaries taking shape",
            answers: json!({"stage": "growth", "starting_point": "monolith", "engineers": 25, "teams": 3, "load_shape": "variable",
                "monthly_requests": 40_000_000, "avg_duration_ms": 120, "scaling_divergence": "some", "independent_releases": "some",
                "domain_clarity": "emerging", "ops_maturity": "basic", "cost_priority": "predictable"}),
            organisation: ModularMonolith,
            execution: ManagedContainers,
        },
        Persona {
            who: "A scale-up of 200 engineers in 20 teams with a platform team and stable domains",
            answers: json!({"stage": "scale", "starting_point": "distributed", "engineers": 200, "teams": 20, "load_shape": "variable",
                "monthly_requests": 3_000_000_000u64, "avg_duration_ms": 80, "scaling_divergence": "many", "independent_releases": "yes",
                "domain_clarity": "stable", "ops_maturity": "platform", "cost_priority": "performance_first", "latency": "strict"}),
            organisation: Microservices,
            execution: Kubernetes,
        },
        Persona {
            who: "Twelve engineers in four teams who want microservices but deploy by hand and are still learning the domain",
            answers: json!({"stage": "growth", "starting_point": "monolith", "engineers": 12, "teams": 4, "independent_releases": "yes",
                "scaling_divergence": "some", "domain_clarity": "unclear", "ops_maturity": "none", "load_shape": "variable",
                "monthly_requests": 5_000_000}),
            organisation: ModularMonolith,
            execution: ManagedContainers,
        },
        Persona {
            who: "A small team processing uploaded images from a queue, a few seconds each",
            answers: json!({"stage": "mvp", "engineers": 4, "teams": 1, "load_shape": "event", "monthly_requests": 800_000,
                "avg_duration_ms": 3_000, "memory_mb": 1024, "longest_task": "seconds", "latency": "relaxed",
                "ops_maturity": "basic", "cost_priority": "lowest_when_idle"}),
            organisation: Monolith,
            execution: Functions,
        },
        Persona {
            who: "A data team running nightly batch jobs that take two hours",
            answers: json!({"stage": "growth", "engineers": 6, "teams": 1, "load_shape": "event", "monthly_requests": 1_000,
                "avg_duration_ms": 600_000, "memory_mb": 4096, "longest_task": "hours", "latency": "relaxed",
                "ops_maturity": "basic", "cost_priority": "lowest_when_idle"}),
            organisation: Monolith,
            execution: ManagedContainers,
        },
        Persona {
            who: "A chat product of eight engineers in two teams holding websockets open all day",
            answers: json!({"stage": "mvp", "engineers": 8, "teams": 2, "load_shape": "variable", "monthly_requests": 20_000_000,
                "persistent_connections": true, "latency": "strict", "ops_maturity": "basic", "cost_priority": "predictable"}),
            organisation: ModularMonolith,
            execution: ManagedContainers,
        },
        Persona {
            who: "A bank's internal system of 30 engineers that must run on its own servers, with a platform team",
            answers: json!({"stage": "growth", "starting_point": "monolith", "engineers": 30, "teams": 3, "load_shape": "steady",
                "monthly_requests": 50_000_000, "portability": "required", "ops_maturity": "platform", "domain_clarity": "stable",
                "independent_releases": "some", "cost_priority": "predictable"}),
            organisation: ModularMonolith,
            // Until model 1.2 this persona wanted Kubernetes. The published cases of teams this size
            // on their own servers (37signals, Stack Overflow, Fastmail) run plain servers, and
            // nothing in these answers tells this bank from them: the cases win.
            execution: VirtualMachines,
        },
        Persona {
            who: "A two-person shop that must run on premises and has no operations practice",
            answers: json!({"stage": "mvp", "engineers": 2, "load_shape": "steady", "monthly_requests": 2_000_000,
                "portability": "required", "ops_maturity": "none", "cost_priority": "predictable"}),
            organisation: Monolith,
            execution: VirtualMachines,
        },
        Persona {
            who: "An ad-tech API with steady, very high load, a latency budget, six teams and only pipelines for operations",
            answers: json!({"stage": "scale", "starting_point": "distributed", "engineers": 60, "teams": 6, "load_shape": "steady",
                "monthly_requests": 20_000_000_000u64, "avg_duration_ms": 30, "scaling_divergence": "some", "independent_releases": "yes",
                "domain_clarity": "stable", "ops_maturity": "basic", "latency": "strict", "cost_priority": "performance_first"}),
            organisation: ServiceBased,
            execution: ManagedContainers,
        },
        Persona {
            who: "A marketing site's contact and signup API: almost no traffic, spikes on campaign days",
            answers: json!({"stage": "mvp", "engineers": 1, "load_shape": "spiky", "monthly_requests": 20_000,
                "peak_to_average": 100, "latency": "relaxed", "ops_maturity": "none", "cost_priority": "lowest_when_idle"}),
            organisation: Monolith,
            execution: Functions,
        },
        Persona {
            who: "An established e-commerce shop of 40 engineers in five teams evolving a monolith, checkout scales differently",
            answers: json!({"stage": "growth", "starting_point": "monolith", "engineers": 40, "teams": 5, "load_shape": "variable",
                "monthly_requests": 300_000_000, "scaling_divergence": "some", "independent_releases": "some",
                "domain_clarity": "stable", "ops_maturity": "basic", "cost_priority": "predictable"}),
            organisation: ServiceBased,
            execution: ManagedContainers,
        },
        Persona {
            who: "A startup of six that already split into eight services and deploys them by hand",
            answers: json!({"stage": "mvp", "starting_point": "distributed", "engineers": 6, "teams": 1, "load_shape": "variable",
                "monthly_requests": 1_000_000, "independent_releases": "no", "domain_clarity": "emerging", "ops_maturity": "none"}),
            organisation: Monolith,
            execution: ManagedContainers,
        },
        Persona {
            who: "A media company of 90 engineers in 9 teams with transcoding jobs that run for hours and a platform team",
            answers: json!({"stage": "scale", "starting_point": "distributed", "engineers": 90, "teams": 9, "load_shape": "event",
                "monthly_requests": 200_000_000, "avg_duration_ms": 400, "longest_task": "hours", "scaling_divergence": "many",
                "independent_releases": "yes", "domain_clarity": "stable", "ops_maturity": "platform", "cost_priority": "predictable"}),
            organisation: Microservices,
            execution: Kubernetes,
        },
        Persona {
            who: "A visitor who answers nothing at all",
            answers: json!({}),
            organisation: Monolith,
            execution: ManagedContainers,
        },
        Persona {
            who: "An IoT backend of 15 engineers ingesting sensor events around the clock at high volume",
            answers: json!({"stage": "growth", "engineers": 15, "teams": 2, "load_shape": "steady", "monthly_requests": 5_000_000_000u64,
                "avg_duration_ms": 40, "memory_mb": 256, "scaling_divergence": "some", "independent_releases": "some",
                "domain_clarity": "emerging", "ops_maturity": "basic", "cost_priority": "predictable"}),
            organisation: ModularMonolith,
            execution: ManagedContainers,
        },
    ]
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
