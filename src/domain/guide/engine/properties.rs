//! Properties that hold for every valid set of answers.

use proptest::prelude::*;
use serde_json::{json, Map, Value};

use crate::domain::guide::answers::Answers;
use crate::domain::guide::map::{ArchitectureMap, Cell, Standing};
use crate::domain::guide::questions::{Input, QUESTIONS};
use crate::domain::guide::recommendation::Execution;

use super::recommend;
use crate::domain::guide::engine::model::Model;

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
    fn the_functions_cost_on_aws_is_the_lambda_formula(raw in answers()) {
        let mut raw = raw;
        raw.insert("cloud".into(), json!("aws"));
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
            prop_assert!(cell.fit.unwrap().score <= best_score, "{} beats the recommendation", cell.combination.anchor());
        }
        // Only a missing prerequisite holds a better-scoring organisation back, and the result says so.
        if map.cells.iter().any(|c| standing(c) == Standing::HeldBack) {
            prop_assert!(r.warnings.iter().any(|w| w.code == "distributed_monolith_risk"));
        }
    }
}

proptest! {
    // Each case runs the engine once more for every entry: fewer cases, same reach.
    #![proptest_config(ProptestConfig::with_cases(60))]

    #[test]
    fn every_what_if_is_what_the_engine_says_for_the_changed_answers(raw in answers()) {
        let parsed = Answers::from_json(&raw).unwrap();
        let r = recommend(&parsed);
        for w in &r.what_if {
            let mut changed = raw.clone();
            let q = crate::domain::guide::questions::question(&w.question).expect("a question id");
            let value = match &q.input {
                Input::Choice { .. } => json!(w.to),
                Input::Boolean { .. } => json!(w.to == "true"),
                Input::Integer { .. } | Input::Number { .. } => json!(w.to.parse::<f64>().unwrap()),
            };
            changed.insert(w.question.clone(), value);
            let again = recommend(&Answers::from_json(&changed).expect("a what-if is a valid answer set"));
            prop_assert_eq!((again.organisation.choice, again.execution.choice), (w.organisation, w.execution),
                "{} = {}", w.question, w.to);
            prop_assert!((w.organisation, w.execution) != (r.organisation.choice, r.execution.choice));
        }
    }

    #[test]
    fn every_other_option_that_changes_a_choice_is_listed(raw in answers()) {
        let parsed = Answers::from_json(&raw).unwrap();
        let r = recommend(&parsed);
        let situation = crate::domain::guide::situation::Situation::from_answers(&parsed);
        for q in QUESTIONS.iter().filter(|q| situation.applicable.contains(q.id)) {
            let values: Vec<Value> = match &q.input {
                Input::Choice { options } => options.iter().map(|o| json!(o.value)).collect(),
                Input::Boolean { .. } => vec![json!(true), json!(false)],
                _ => continue,
            };
            for value in values {
                let mut changed = raw.clone();
                changed.insert(q.id.to_string(), value.clone());
                let again = recommend(&Answers::from_json(&changed).unwrap());
                let pair = (again.organisation.choice, again.execution.choice);
                if pair != (r.organisation.choice, r.execution.choice) {
                    let to = value.as_str().map(str::to_string).unwrap_or(value.to_string());
                    prop_assert!(r.what_if.iter().any(|w| w.question == q.id && w.to == to && (w.organisation, w.execution) == pair),
                        "{} = {} gives {:?}, not listed in {:?}", q.id, to, pair, r.what_if);
                }
            }
        }
    }
}

fn standing(cell: &Cell) -> Standing {
    cell.fit.expect("a result's map has a fit in every cell").standing
}
