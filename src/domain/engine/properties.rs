//! Properties that hold for every valid set of answers.

use proptest::prelude::*;
use serde_json::{json, Map, Value};

use crate::domain::answers::Answers;
use crate::domain::map::{ArchitectureMap, Cell, Standing};
use crate::domain::questions::{Input, QUESTIONS};
use crate::domain::recommendation::Execution;

use super::model::Model;
use super::recommend;

/// Any valid value for one question.
fn value_for(input: &'static Input) -> BoxedStrategy<Value> {
    match input {
        Input::Choice { options } => {
            proptest::sample::select(options.iter().map(|o| o.value).collect::<Vec<_>>()).prop_map(|v| json!(v)).boxed()
        }
        Input::Boolean { .. } => any::<bool>().prop_map(|b| json!(b)).boxed(),
        Input::Integer { min, max, .. } => ((*min as u64)..=(*max as u64)).prop_map(|n| json!(n)).boxed(),
        Input::Number { min, max, .. } => {
            // Log-uniform, so small and huge volumes are both well covered.
            let (lo, hi) = ((min + 1.0).ln(), (max + 1.0).ln());
            (lo..=hi).prop_map(|x| json!((x.exp() - 1.0).max(0.0))).boxed()
        }
    }
}

/// Any valid answer set: each question answered or not.
fn answers() -> impl Strategy<Value = Map<String, Value>> {
    let fields: Vec<_> =
        QUESTIONS.iter().map(|q| proptest::option::of(value_for(&q.input)).prop_map(move |v| (q.id, v))).collect();
    fields.prop_map(|pairs| {
        let mut map = Map::new();
        for (id, value) in pairs {
            if let Some(v) = value {
                map.insert(id.to_string(), v);
            }
        }
        // Teams never exceed engineers in a valid answer set.
        if let (Some(t), Some(e)) =
            (map.get("teams").and_then(Value::as_f64), map.get("engineers").and_then(Value::as_f64))
        {
            if t > e {
                map.insert("teams".into(), json!(e as u64));
            }
        }
        map
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_valid_answers_give_a_complete_recommendation(raw in answers()) {
        let parsed = Answers::from_json(&raw).expect("generated answers are valid");
        let r = recommend(&parsed);
        for score in r.organisation.scores.values().chain(r.execution.scores.values()) {
            prop_assert!(*score <= 100);
        }
        prop_assert!(!r.next_steps.is_empty());
        prop_assert!(r.cost.monthly_usd.functions >= 0.0);
        prop_assert!(r.cost.monthly_usd.managed_containers > 0.0);
    }

    #[test]
    fn the_same_answers_always_give_the_same_result(raw in answers()) {
        let parsed = Answers::from_json(&raw).unwrap();
        prop_assert_eq!(recommend(&parsed), recommend(&parsed));
    }

    #[test]
    fn more_teams_never_lower_the_microservices_score(raw in answers(), a in 1u64..200, b in 1u64..200) {
        let (fewer, more) = (a.min(b), a.max(b));
        let mut base = raw;
        base.insert("engineers".into(), json!(more.max(base.get("engineers").and_then(Value::as_u64).unwrap_or(1))));
        let score = |teams: u64| {
            let mut m = base.clone();
            m.insert("teams".into(), json!(teams));
            recommend(&Answers::from_json(&m).unwrap()).organisation.scores["microservices"]
        };
        prop_assert!(score(more) >= score(fewer));
    }

    #[test]
    fn work_measured_in_hours_never_runs_on_functions(raw in answers()) {
        let mut m = raw;
        m.insert("longest_task".into(), json!("hours"));
        let r = recommend(&Answers::from_json(&m).unwrap());
        prop_assert_ne!(r.execution.choice, Execution::Functions);
    }

    #[test]
    fn the_functions_cost_is_the_lambda_formula(raw in answers()) {
        let r = recommend(&Answers::from_json(&raw).unwrap());
        let a = &r.cost.assumptions;
        let gb_seconds = a.monthly_requests * a.avg_duration_ms / 1000.0 * a.memory_mb as f64 / 1024.0;
        let expected = a.monthly_requests * 0.20 / 1_000_000.0 + gb_seconds * 0.0000166667;
        prop_assert!((r.cost.monthly_usd.functions - (expected * 100.0).round() / 100.0).abs() < 0.011,
            "{} vs {}", r.cost.monthly_usd.functions, expected);
    }

    #[test]
    fn parsing_the_stored_form_of_answers_gives_the_same_answers(raw in answers()) {
        let parsed = Answers::from_json(&raw).unwrap();
        prop_assert_eq!(Answers::from_json(&parsed.to_json()).unwrap(), parsed.clone());
        let pairs = parsed.to_pairs();
        let form = Answers::from_form(pairs.iter().map(|(k, v)| (*k, v.as_str()))).unwrap();
        prop_assert_eq!(form, parsed);
    }

    #[test]
    fn the_map_marks_the_recommendation_as_the_best_fit_it_may_choose(raw in answers()) {
        let r = recommend(&Answers::from_json(&raw).unwrap());
        let map = ArchitectureMap::for_recommendation(&Model::default_model().combinations, &r);
        let marked: Vec<_> = map.cells.iter().filter(|c| standing(c) == Standing::Recommended).collect();
        prop_assert_eq!(marked.len(), 1);
        let best = marked[0];
        prop_assert_eq!((best.combination.organisation, best.combination.execution), (r.organisation.choice, r.execution.choice));
        let best_score = best.fit.unwrap().score;
        for cell in map.cells.iter().filter(|c| standing(c) != Standing::HeldBack) {
            prop_assert!(cell.fit.unwrap().score <= best_score, "{} beats the recommendation", cell.combination.title());
        }
        // Only a missing prerequisite holds a better-scoring organisation back, and the result says so.
        if map.cells.iter().any(|c| standing(c) == Standing::HeldBack) {
            prop_assert!(r.warnings.iter().any(|w| w.code == "distributed_monolith_risk"));
        }
    }
}

fn standing(cell: &Cell) -> Standing {
    cell.fit.expect("a result's map has a fit in every cell").standing
}
