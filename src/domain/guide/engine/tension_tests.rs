//! One test per tension in the shipped model: it speaks up when its two sides meet, names the
//! answers on each side, and stays quiet when either side is missing.

use serde_json::{json, Value};

use crate::domain::guide::recommendation::{Execution, Organisation, Warning};
use crate::domain::guide::situation::Situation;

use super::super::model::Model;
use super::super::personas::answers;
use super::super::recommend;
use super::tensions;

use Execution::*;
use Organisation::*;

fn found(answers_json: Value, organisation: Organisation, execution: Execution) -> Vec<Warning> {
    let situation = Situation::from_answers(&answers(answers_json));
    tensions(&Model::default_model(), &situation, organisation, execution, &[])
}

fn the(code: &str, warnings: &[Warning]) -> Option<Warning> {
    warnings.iter().find(|w| w.code == code).cloned()
}

/// The tension speaks up for `yes`, naming `named`, and not for `no`.
fn check(code: &str, yes: (Value, Organisation, Execution), no: (Value, Organisation, Execution), named: &[&str]) {
    let warning =
        the(code, &found(yes.0.clone(), yes.1, yes.2)).unwrap_or_else(|| panic!("{code}: silent for {}", yes.0));
    assert_eq!(warning.answers, named, "{code}: {warning:?}");
    assert_eq!(warning.message.key_name(), Some(format!("tension-{code}").as_str()), "{code}");
    assert!(the(code, &found(no.0.clone(), no.1, no.2)).is_none(), "{code}: speaks up for {}", no.0);
}

#[test]
fn the_wish_for_microservices_without_their_prerequisites_names_both_sides() {
    check(
        "microservices_wish_without_prerequisites",
        (
            json!({"engineers": 6, "teams": 1, "independent_releases": "yes", "scaling_divergence": "many", "ops_maturity": "none"}),
            Monolith,
            ManagedContainers,
        ),
        (
            json!({"engineers": 6, "teams": 1, "independent_releases": "no", "ops_maturity": "none"}),
            Monolith,
            ManagedContainers,
        ),
        &["independent_releases", "scaling_divergence", "teams", "ops_maturity"],
    );
    let w = the(
        "microservices_wish_without_prerequisites",
        &found(json!({"engineers": 6, "independent_releases": "yes"}), Monolith, ManagedContainers),
    )
    .unwrap();
    let said = w.message.outline();
    assert!(
        said.contains("quoted-answer{topic: q-independent_releases-topic, value: q-independent_releases-yes}"),
        "{said}"
    );
    assert!(said.contains("quoted-answer-assumed{topic: q-teams-topic, value: q-teams-amount{value: 1}}"), "{said}");
}

#[test]
fn the_microservices_wish_is_not_said_twice_when_the_distributed_monolith_warning_says_it() {
    let r = recommend(&answers(
        json!({"stage": "scale", "starting_point": "distributed", "engineers": 150, "teams": 15,
        "scaling_divergence": "many", "independent_releases": "yes", "domain_clarity": "stable", "ops_maturity": "none"}),
    ));
    assert!(the("distributed_monolith_risk", &r.warnings).is_some(), "{:?}", r.warnings);
    assert!(the("microservices_wish_without_prerequisites", &r.warnings).is_none());
    let quiet = recommend(&answers(json!({"engineers": 5, "teams": 1, "independent_releases": "yes"})));
    assert!(the("microservices_wish_without_prerequisites", &quiet.warnings).is_some(), "{:?}", quiet.warnings);
}

#[test]
fn a_growing_product_deployed_by_hand_is_told_to_automate_first() {
    check(
        "growth_without_automation",
        (json!({"stage": "scale", "ops_maturity": "none"}), Monolith, ManagedContainers),
        (json!({"stage": "mvp", "ops_maturity": "none"}), Monolith, ManagedContainers),
        &["stage", "ops_maturity"],
    );
}

#[test]
fn many_engineers_in_one_team_is_a_team_problem_before_a_code_problem() {
    check(
        "one_team_too_large",
        (json!({"engineers": 30, "teams": 1}), ModularMonolith, ManagedContainers),
        (json!({"engineers": 30, "teams": 4}), ModularMonolith, ManagedContainers),
        &["engineers", "teams"],
    );
}

#[test]
fn own_servers_without_anyone_to_run_them_is_named() {
    check(
        "own_servers_without_operations",
        (json!({"portability": "required", "ops_maturity": "none"}), Monolith, VirtualMachines),
        (json!({"portability": "required", "ops_maturity": "basic"}), Monolith, VirtualMachines),
        &["portability", "ops_maturity"],
    );
}

#[test]
fn paying_nothing_when_idle_while_holding_connections_open_is_named() {
    check(
        "idle_cost_with_open_connections",
        (json!({"cost_priority": "lowest_when_idle", "persistent_connections": true}), Monolith, ManagedContainers),
        (json!({"cost_priority": "lowest_when_idle", "persistent_connections": false}), Monolith, Functions),
        &["cost_priority", "persistent_connections"],
    );
}

#[test]
fn paying_nothing_when_idle_on_a_load_that_never_idles_is_named() {
    check(
        "idle_savings_on_steady_load",
        (json!({"cost_priority": "lowest_when_idle", "load_shape": "steady"}), Monolith, ManagedContainers),
        (json!({"cost_priority": "lowest_when_idle", "load_shape": "spiky"}), Monolith, Functions),
        &["cost_priority", "load_shape"],
    );
}

#[test]
fn performance_first_with_strict_latency_on_functions_replaces_the_plain_cold_start_warning() {
    check(
        "performance_first_on_functions",
        (json!({"cost_priority": "performance_first", "latency": "strict"}), Monolith, Functions),
        (json!({"cost_priority": "performance_first", "latency": "strict"}), Monolith, ManagedContainers),
        &["cost_priority", "latency"],
    );
    let both = found(json!({"cost_priority": "performance_first", "latency": "strict"}), Monolith, Functions);
    assert!(the("cold_start_latency", &both).is_none(), "said once: {both:?}");
    let relaxed = found(json!({"cost_priority": "performance_first", "latency": "moderate"}), Monolith, Functions);
    assert!(the("performance_first_on_functions", &relaxed).is_none());
}

#[test]
fn strict_latency_on_functions_warns_of_cold_starts() {
    check(
        "cold_start_latency",
        (json!({"latency": "strict"}), Monolith, Functions),
        (json!({"latency": "moderate"}), Monolith, Functions),
        &["latency"],
    );
}

#[test]
fn fast_answers_with_nothing_warm_is_named_when_the_cold_start_warning_does_not_say_it() {
    check(
        "fast_answers_at_no_idle_cost",
        (json!({"latency": "strict", "cost_priority": "lowest_when_idle"}), Monolith, ManagedContainers),
        (json!({"latency": "moderate", "cost_priority": "lowest_when_idle"}), Monolith, ManagedContainers),
        &["latency", "cost_priority"],
    );
    let on_functions = found(json!({"latency": "strict", "cost_priority": "lowest_when_idle"}), Monolith, Functions);
    assert!(the("fast_answers_at_no_idle_cost", &on_functions).is_none(), "{on_functions:?}");
}

#[test]
fn functions_with_open_connections_need_a_process_that_stays_up() {
    check(
        "functions_cannot_hold_connections",
        (json!({"persistent_connections": true}), Monolith, Functions),
        (json!({"persistent_connections": true}), Monolith, ManagedContainers),
        &["persistent_connections"],
    );
}

#[test]
fn a_predictable_bill_with_bursty_work_on_functions_is_named() {
    check(
        "predictable_bill_on_pay_per_use",
        (json!({"cost_priority": "predictable", "load_shape": "event"}), Monolith, Functions),
        (json!({"cost_priority": "predictable", "load_shape": "variable"}), Monolith, Functions),
        &["cost_priority", "load_shape"],
    );
}

#[test]
fn wishing_to_stay_portable_on_functions_gets_advice_against_lock_in() {
    check(
        "lock_in_on_functions",
        (json!({"portability": "preferred"}), Monolith, Functions),
        (json!({"portability": "none"}), Monolith, Functions),
        &["portability"],
    );
}

#[test]
fn kubernetes_without_a_platform_team_is_named() {
    check(
        "kubernetes_needs_a_platform_team",
        (json!({"ops_maturity": "none", "portability": "required"}), Monolith, Kubernetes),
        (json!({"ops_maturity": "platform"}), Monolith, Kubernetes),
        &["ops_maturity"],
    );
}

#[test]
fn every_tension_in_the_model_has_a_test_here() {
    let source = include_str!("tension_tests.rs");
    for t in &Model::default_model().tensions {
        assert!(source.contains(&format!("\"{}\",", t.code)), "tension '{}' has no test", t.code);
    }
}

#[test]
fn a_tension_with_one_side_or_an_unknown_name_is_refused_when_the_model_loads() {
    let base = crate::domain::guide::engine::model::DEFAULT_MODEL_TOML;
    let one_sided =
        format!("{base}\n[[tension]]\ncode = \"lonely\"\nwants = [{{ question = \"stage\", one_of = [\"idea\"] }}]\n");
    assert!(Model::from_toml(&one_sided).unwrap_err().contains("two sides"));
    let unknown = format!("{base}\n[[tension]]\ncode = \"odd\"\nwants = [{{ question = \"colour\", one_of = [\"red\"] }}]\nexecution = [\"functions\"]\n");
    assert!(Model::from_toml(&unknown).unwrap_err().contains("colour"));
}
