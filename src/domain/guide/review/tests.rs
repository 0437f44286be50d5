use crate::domain::guide::engine::{CostOptions, Engine};
use crate::domain::guide::recommendation::{Execution, Organisation};

use super::case::{answers_from_text, seed_cases, CaseCheck, CaseForm, CaseSource, ModelCase};
use super::draft::{diff, located, ModelTexts};
use super::replay::{replay_one, Tally};
use super::verdict::{Agreement, Verdict};

#[test]
fn a_verdict_needs_both_choices_and_says_how_it_stands_to_the_guide() {
    let errors = Verdict::parse("", "kubernetes", "").unwrap_err();
    assert_eq!(errors.iter().map(|e| e.field.as_str()).collect::<Vec<_>>(), ["organisation"]);
    let verdict = Verdict::parse("modular_monolith", "managed_containers", " Fewer parts first. ").unwrap();
    assert_eq!(verdict.note, "Fewer parts first.");
    assert_eq!(
        verdict.history_line(Some((Organisation::Microservices, Execution::Kubernetes))),
        "verdict: modular_monolith on managed_containers (the guide advised microservices on kubernetes): Fewer parts first."
    );
    let same = verdict.history_line(Some((Organisation::ModularMonolith, Execution::ManagedContainers)));
    assert!(same.contains("as the guide advised"), "{same}");
    let agreement = Agreement { model_version: "1".into(), verdicts: 3, both: 1, organisation: 2, execution: 3 };
    assert_eq!(
        [agreement.percent(agreement.both), agreement.percent(agreement.organisation)],
        ["33%".to_string(), "67%".to_string()]
    );
    assert_eq!(Agreement::default().percent(0), "—");
}

#[test]
fn the_seed_cases_hold_the_people_and_the_published_write_ups_and_the_shipped_model_passes_them() {
    let cases = seed_cases();
    let people = cases.iter().filter(|c| c.source == CaseSource::Person).count();
    let write_ups = cases.iter().filter(|c| c.source == CaseSource::WriteUp).count();
    assert!(people >= 15 && write_ups >= 20, "{people} people, {write_ups} write-ups");
    let engine = Engine::default_engine();
    let failing: Vec<&str> = cases.iter().filter(|c| !c.check(&engine).passed()).map(|c| c.title.as_str()).collect();
    assert!(failing.is_empty(), "{failing:?}");
}

#[test]
fn a_case_goes_through_its_form_and_back() {
    let case = seed_cases().remove(2);
    let form = case.to_form();
    assert!(form.answers.contains("engineers = 25\n"), "{}", form.answers);
    assert_eq!(ModelCase::from_form(&form).unwrap(), case);
}

#[test]
fn a_case_form_with_mistakes_names_each_field() {
    let form = CaseForm {
        title: "".into(),
        answers: "engineers = \"many\"".into(),
        organisation: vec!["monolith".into(), "nonsense".into()],
        execution: vec![],
        source: "rumour".into(),
        ..CaseForm::default()
    };
    let fields: Vec<String> = ModelCase::from_form(&form).unwrap_err().into_iter().map(|e| e.field).collect();
    assert_eq!(fields, ["title", "answers", "organisation", "execution", "source", "source_detail"]);
    let broken = answers_from_text("engineers = 3\nteams = \n").unwrap_err();
    assert!(broken.contains("line 2"), "{broken}");
}

#[test]
fn a_case_counts_as_passed_only_with_an_accepted_choice_on_both_axes() {
    let mut case = seed_cases().remove(0);
    let engine = Engine::default_engine();
    let (organisation, execution) = engine.choices_for(&case.answers, CostOptions::default());
    assert_eq!(case.check(&engine), CaseCheck::Got { organisation, execution, passed: true });
    case.execution = vec![Execution::Kubernetes];
    assert!(!case.check(&engine).passed());
}

#[test]
fn the_replay_counts_transitions_per_axis_against_the_published_model() {
    let published = Engine::default_engine();
    let mut texts = ModelTexts::shipped(Default::default());
    // Microservices start far ahead: every organisation becomes microservices unless held back.
    texts.model = texts.model.replacen("microservices = 25\n", "microservices = 95\n", 1);
    assert_ne!(
        texts.model,
        ModelTexts::shipped(Default::default()).model,
        "the shipped model's base changed: update this test"
    );
    let draft = texts.engine(Some("draft")).unwrap();
    let mut tally = Tally::default();
    let cases = seed_cases();
    let mut expected_changes = 0;
    for (i, case) in cases.iter().enumerate() {
        let (before, after) = replay_one(&published, &draft, &case.answers);
        if before != after {
            expected_changes += 1;
        }
        tally.add(&format!("r{i}"), before, after);
    }
    let figures = tally.figures();
    assert_eq!(figures.results, cases.len() as u64);
    assert_eq!(figures.changed, expected_changes);
    assert!(figures.changed > 0);
    let to_micro: u64 = figures.organisation.iter().filter(|t| t.to == "microservices").map(|t| t.count).sum();
    assert!(to_micro > 0, "{figures:?}");
    assert!(figures.organisation.windows(2).all(|w| w[0].count >= w[1].count), "most frequent first");
    assert!(figures.organisation.iter().all(|t| !t.examples.is_empty() && t.examples.len() <= 3));
}

#[test]
fn draft_problems_name_their_line() {
    let mut texts = ModelTexts::shipped(Default::default());
    texts.model.push_str("\n[broken\n");
    let problems = texts.engine(None).unwrap_err();
    assert!(problems.model.as_deref().unwrap().contains("line"), "{problems:?}");
    assert_eq!(problems.prices, None);

    let mut texts = ModelTexts::shipped(Default::default());
    texts.model = texts.model.replacen("question = \"teams\"", "question = \"shoe_size\"", 1);
    let problem = texts.engine(None).unwrap_err().model.unwrap();
    assert!(problem.starts_with("line ") && problem.contains("shoe_size"), "{problem}");
    let named = located("a = 1\n[[rule]]\nid = \"x\"\n", "rule 1 (x): unknown question 'y'".into());
    assert_eq!(named, "line 3: rule 1 (x): unknown question 'y'");
}

#[test]
fn the_diff_shows_only_what_changed() {
    assert_eq!(diff("model.toml", "a\nb\n", "a\nb\n"), "");
    let d = diff("model.toml", "a\nb\nc\n", "a\nB\nc\n");
    assert!(d.contains("-b\n") && d.contains("+B\n") && d.contains("+++ draft/model.toml"), "{d}");
}
