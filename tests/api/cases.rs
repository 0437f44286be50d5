//! Published cases: in the API's recommendation, on a result page in both languages, and on
//! their own page.

use serde_json::{json, Value};

use archguide::domain::guide::cases::Cases;

use crate::helpers::spawn_app;

async fn recommend(app: &crate::helpers::TestApp, body: Value) -> Value {
    let response = app.client.post(format!("{}/api/v1/recommendation", app.address)).json(&body).send().await.unwrap();
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

#[tokio::test]
async fn a_recommendation_names_the_nearest_published_cases_with_the_answers_they_share() {
    let app = spawn_app().await;
    // Segment's situation, as its write-up describes it.
    let answers = json!({"stage": "scale", "starting_point": "distributed", "engineers": 3, "teams": 1,
        "load_shape": "event", "independent_releases": "no", "scaling_divergence": "some", "domain_clarity": "stable"});
    let body = recommend(&app, answers.clone()).await;
    let similar = body["similar_cases"].as_array().unwrap();
    assert_eq!(similar.len(), 3, "{similar:?}");
    assert_eq!(similar[0]["id"], "segment-destinations", "{similar:?}");
    let answered: Vec<&str> = answers.as_object().unwrap().keys().map(String::as_str).collect();
    for case in similar {
        assert!(case["url"].as_str().unwrap().starts_with("https://"), "{case}");
        assert!(case["year"].as_u64().unwrap() >= 2010, "{case}");
        assert!(!case["title"].as_str().unwrap().is_empty());
        for matched in case["matched"].as_array().unwrap() {
            assert!(answered.contains(&matched.as_str().unwrap()), "only answers given can match: {case}");
        }
        // A case that disagrees says where the two part ways; one that agrees does not.
        assert_eq!(case["agrees"] == json!(false), case["difference"].is_object(), "{case}");
    }
    let segment = &similar[0];
    assert_eq!(segment["agrees"], true, "the engine gives Segment's situation a choice Segment's case accepts");
    for question in ["engineers", "teams", "starting_point", "independent_releases"] {
        assert!(segment["matched"].as_array().unwrap().contains(&json!(question)), "{segment}");
    }
}

#[tokio::test]
async fn a_case_that_differs_names_the_answer_that_makes_the_difference() {
    let app = spawn_app().await;
    // Uber-like scale, but one team that deploys by hand: the nearest platform-scale cases
    // accepted microservices, which this team cannot run.
    let body = recommend(
        &app,
        json!({"stage": "scale", "starting_point": "distributed", "engineers": 2000, "teams": 1,
            "load_shape": "variable", "independent_releases": "yes", "scaling_divergence": "many",
            "ops_maturity": "platform", "domain_clarity": "stable"}),
    )
    .await;
    let differing: Vec<&Value> =
        body["similar_cases"].as_array().unwrap().iter().filter(|c| c["agrees"] == false).collect();
    assert!(!differing.is_empty(), "{body}");
    for case in differing {
        let question = case["difference"]["question"].as_str().unwrap();
        assert!(!question.is_empty() && question != "cloud", "{case}");
        assert!(!case["difference"]["theirs"].as_str().unwrap().is_empty(), "{case}");
    }
}

#[tokio::test]
async fn a_result_page_shows_teams_like_yours_in_its_language() {
    let app = spawn_app().await;
    for (prefix, heading, source) in
        [("", "Teams like yours", "Their own write-up: "), ("/es", "Equipos como el tuyo", "Su propio artículo: ")]
    {
        let response = app
            .post_form(&format!("{prefix}/guide/result"), &[("stage", "growth"), ("engineers", "6"), ("teams", "1")])
            .await;
        let location = response.headers()["location"].to_str().unwrap().to_string();
        let html = app.get(&location).await.text().await.unwrap();
        assert!(html.contains(heading), "{prefix}: {html}");
        assert_eq!(html.matches("data-case=").count(), 3, "{prefix}");
        assert!(html.contains(source), "{prefix}");
        assert!(
            html.contains(&format!("href=\"{prefix}/learn/cases\"")),
            "{prefix}: a link to the cases page in the same language"
        );
    }
}

#[tokio::test]
async fn the_cases_page_shows_every_case_with_its_source_in_both_languages() {
    let app = spawn_app().await;
    let cases = Cases::default_cases();
    for (path, lesson) in [("/learn/cases", "Back to fewer parts"), ("/es/learn/cases", "De vuelta a menos piezas")] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 200, "{path}");
        let html = response.text().await.unwrap();
        assert!(html.contains(lesson), "{path}");
        for case in cases.iter() {
            assert!(html.contains(&format!("id=\"{}\"", case.id)), "{path}: {}", case.id);
            assert!(html.contains(&format!("href=\"{}\"", case.url.replace('&', "&amp;"))), "{path}: {}", case.url);
        }
        // The guide agrees with every case it is tested against.
        assert!(!html.contains("data-guide-agrees=\"false\""), "{path}");
    }
    let explainer = app.get("/learn").await.text().await.unwrap();
    assert!(explainer.contains("href=\"/learn/cases\""));
}
