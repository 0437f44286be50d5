use super::*;

/// One case in TOML, with `extra` lines added to its table and `answers` replacing its answers.
fn corpus(id: &str, extra: &str, answers: &str) -> String {
    format!(
        r#"
[[case]]
id = "{id}"
company = "Example"
title = "How we run things"
published = "2021-03-04"
url = "https://example.com/how-we-run-things"
source = "blog"
lesson = "fewer_parts"
organisation = ["monolith"]
execution = ["managed_containers"]
estimated = ["monthly_requests"]
{extra}
[case.answers]
{answers}
"#
    )
}

const FULL: &str = r#"stage = "growth"
starting_point = "distributed"
engineers = 12
teams = 2
load_shape = "steady"
monthly_requests = 3.0e7
avg_duration_ms = 80
memory_mb = 512
peak_to_average = 2
longest_task = "seconds"
persistent_connections = false
latency = "moderate"
scaling_divergence = "none"
independent_releases = "no"
ops_maturity = "basic"
domain_clarity = "stable"
portability = "none"
cost_priority = "predictable"
cloud = "aws"
"#;

fn answers(json: serde_json::Value) -> Answers {
    Answers::from_json(json.as_object().unwrap()).unwrap()
}

#[test]
fn the_shipped_corpus_is_valid_and_has_twenty_cases_or_more_from_both_directions() {
    let cases = Cases::default_cases();
    assert!(cases.iter().count() >= 20);
    for lesson in Lesson::ALL {
        assert!(cases.iter().filter(|c| c.lesson == *lesson).count() >= 3, "{lesson:?} has fewer than three cases");
    }
}

#[test]
fn a_valid_case_is_read_with_every_answer() {
    let cases = Cases::from_toml(&corpus("example-system", "", FULL)).unwrap();
    let case = cases.get("example-system").unwrap();
    assert_eq!(case.year(), 2021);
    assert_eq!(case.answers.len(), QUESTIONS.len());
    assert_eq!(case.estimated, vec!["monthly_requests"]);
    assert!(case.accepts(Organisation::Monolith, Execution::ManagedContainers));
    assert!(!case.accepts(Organisation::Microservices, Execution::ManagedContainers));
    assert_eq!(case.messages()[0], "case-example-system-did");
}

#[test]
fn a_case_missing_an_answer_or_with_an_unknown_value_is_refused_with_its_name() {
    let missing = FULL.replace("cloud = \"aws\"\n", "");
    let error = Cases::from_toml(&corpus("a", "", &missing)).unwrap_err();
    assert!(error.contains("case 1 (a)") && error.contains("'cloud' is not answered"), "{error}");

    let unknown = FULL.replace("\"steady\"", "\"lumpy\"");
    assert!(Cases::from_toml(&corpus("a", "", &unknown)).unwrap_err().contains("load_shape"));

    let stranger = format!("{FULL}mood = \"calm\"\n");
    assert!(Cases::from_toml(&corpus("a", "", &stranger)).unwrap_err().contains("mood"));
}

#[test]
fn a_case_without_a_dated_https_source_or_with_unknown_options_is_refused() {
    let bad = |from: &str, to: &str| Cases::from_toml(&corpus("a", "", FULL).replace(from, to)).unwrap_err();
    assert!(bad("https://example.com", "http://example.com").contains("https://"));
    assert!(bad("2021-03-04", "March 2021").contains("YYYY-MM"));
    assert!(bad("\"fewer_parts\"", "\"trendy\"").contains("lesson"));
    assert!(bad("[\"monolith\"]", "[\"big_ball_of_mud\"]").contains("organisation"));
    assert!(bad("[\"managed_containers\"]", "[]").contains("no execution"));
    assert!(bad("[\"monthly_requests\"]", "[\"traffic\"]").contains("traffic"));
    assert!(Cases::from_toml(&corpus("a", "", FULL).replace("2021-03-04", "2021-03")).is_ok());
}

#[test]
fn an_id_used_twice_is_refused() {
    let twice = format!("{}{}", corpus("same", "", FULL), corpus("same", "", FULL));
    assert!(Cases::from_toml(&twice).unwrap_err().contains("used twice"));
}

#[test]
fn the_nearest_case_shares_the_most_answers_and_says_which() {
    let small = corpus("small-team", "", FULL);
    let big = corpus(
        "big-company",
        "",
        &FULL
            .replace("engineers = 12", "engineers = 900")
            .replace("teams = 2", "teams = 90")
            .replace("\"none\"\nindependent", "\"many\"\nindependent"),
    );
    let cases = Cases::from_toml(&format!("{small}{big}")).unwrap();
    let visitor = answers(serde_json::json!({"engineers": 10, "teams": 2, "load_shape": "steady", "stage": "scale"}));
    let nearest = cases.nearest(&visitor, 2);
    assert_eq!(nearest[0].case.id, "small-team");
    assert_eq!(nearest[0].matched, vec!["engineers", "teams", "load_shape"]);
    assert!(nearest[0].distance < nearest[1].distance);
    assert_eq!(nearest[1].matched, vec!["load_shape"]);
}

#[test]
fn numbers_compare_by_order_of_magnitude_and_ordered_choices_by_place() {
    let engineers = &question("engineers").unwrap().input;
    let near = answer_distance("engineers", engineers, Value::Number(10.0), Value::Number(30.0));
    let far = answer_distance("engineers", engineers, Value::Number(10.0), Value::Number(10_000.0));
    assert!(near < MATCH && far == 1.0, "{near} {far}");
    let stage = &question("stage").unwrap().input;
    let step = answer_distance("stage", stage, Value::Choice("idea"), Value::Choice("mvp"));
    let across = answer_distance("stage", stage, Value::Choice("idea"), Value::Choice("scale"));
    assert!(step < across && across == 1.0);
    let shape = &question("load_shape").unwrap().input;
    assert_eq!(answer_distance("load_shape", shape, Value::Choice("spiky"), Value::Choice("variable")), 1.0);
}

#[test]
fn with_no_answers_every_case_is_equally_far() {
    let cases = Cases::default_cases();
    let nearest = cases.nearest(&Answers::default(), 3);
    assert!(nearest.iter().all(|n| n.distance == 1.0 && n.matched.is_empty()));
}
