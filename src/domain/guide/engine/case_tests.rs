//! The published cases (`data/cases.toml`): for each, the engine must give a choice on both axes
//! that an architect would accept for the situation the company described.

use crate::domain::guide::cases::Cases;
use crate::domain::guide::engine::model::Model;
use crate::domain::guide::recommendation::{Execution, Organisation};

use super::{recommend, CostOptions, Engine};

#[test]
fn every_published_case_gets_an_accepted_choice_on_both_axes() {
    let cases = Cases::default_cases();
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|case| {
            let r = recommend(&case.answers);
            let (organisation, execution) = (r.organisation.choice, r.execution.choice);
            (!case.accepts(organisation, execution)).then(|| {
                format!(
                    "{} ({}): got {} on {}, accepted {:?} on {:?}",
                    case.id, case.company, organisation, execution, case.organisation, case.execution
                )
            })
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases disagree:\n{}",
        failures.len(),
        cases.iter().count(),
        failures.join("\n")
    );
}

/// Prints every case with its accepted choices and the engine's, and with the choices of another
/// model when `ARCHGUIDE_COMPARE_MODEL` names its file (to see what a change to the model does to
/// the cases): `ARCHGUIDE_COMPARE_MODEL=old-model.toml cargo test --features ssr --lib case_table
/// -- --nocapture`.
#[test]
fn case_table() {
    let engine = Engine::default_engine();
    let other = engine_to_compare();
    for case in engine.cases.iter() {
        let verdict = |(o, x): (Organisation, Execution)| if case.accepts(o, x) { "ok" } else { "NO" };
        let (organisation, execution) = engine.choices_for(&case.answers, CostOptions::default());
        let (compared_verdict, compared) = match &other {
            Some(e) => {
                let (o, x) = e.choices_for(&case.answers, CostOptions::default());
                (verdict((o, x)), format!("; {}: {o} on {x}", e.model.version))
            }
            None => ("", String::new()),
        };
        println!(
            "{} {compared_verdict} {} ({}, {}): {organisation} on {execution}{compared}; accepted {:?} on {:?}",
            verdict((organisation, execution)),
            case.id,
            case.company,
            case.published,
            case.organisation,
            case.execution
        );
    }
}

/// The shipped engine with the model in the file `ARCHGUIDE_COMPARE_MODEL` names, if it is set.
pub(super) fn engine_to_compare() -> Option<Engine> {
    let path = std::env::var("ARCHGUIDE_COMPARE_MODEL").ok()?;
    let text = std::fs::read_to_string(&path).expect("the model to compare with is readable");
    Some(Engine {
        model: Model::from_toml(&text).expect("the model to compare with is valid"),
        ..Engine::default_engine()
    })
}
