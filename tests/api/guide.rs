//! The guide's pages: steps in the URL, errors back on their step, permanent results.

use crate::helpers::{spawn_app, TestApp};

async fn post_form(app: &TestApp, path: &str, body: &str) -> reqwest::Response {
    app.client
        .post(format!("{}{path}", app.address))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(body.to_string())
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn the_guide_starts_at_step_one_and_keeps_earlier_answers_in_hidden_fields() {
    let app = spawn_app().await;
    let first = app.get("/guide").await.text().await.unwrap();
    assert!(first.contains("Step 1 of 6"));
    let third = app.get("/guide?stage=growth&engineers=exact&engineers_exact=12&step=3").await.text().await.unwrap();
    assert!(third.contains("Step 3 of 6: Your traffic"));
    assert!(third.contains(r#"<input type="hidden" name="stage" value="growth""#), "{third}");
    assert!(third.contains(r#"<input type="hidden" name="engineers" value="12""#));
}

#[tokio::test]
async fn an_invalid_answer_brings_its_step_back_with_the_value_and_a_message() {
    let app = spawn_app().await;
    let page = app.get("/guide?engineers=exact&engineers_exact=0&step=4").await.text().await.unwrap();
    assert!(page.contains("Step 2 of 6"), "{page}");
    assert!(page.contains("This answer must be a whole number from 1 to 100,000."));
    assert!(page.contains(r#"value="0""#), "the typed value is kept");
    assert!(page.contains(r#"aria-invalid="true""#));
}

#[tokio::test]
async fn finishing_the_guide_stores_a_result_with_a_permanent_link() {
    let app = spawn_app().await;
    let response = post_form(
        &app,
        "/guide/result",
        "stage=growth&engineers=exact&engineers_exact=25&teams=4&monthly_requests=10000000",
    )
    .await;
    assert_eq!(response.status(), 303);
    let location = response.headers()["location"].to_str().unwrap().to_string();
    let id = location.strip_prefix("/guide/result/").expect("a result link");
    assert_eq!(id.len(), 12);
    for _ in 0..2 {
        let page = app.get(&location).await;
        assert_eq!(page.status(), 200);
        let html = page.text().await.unwrap();
        assert!(html.contains("Build a modular monolith on managed containers"), "{html}");
        assert!(html.contains(&format!("/contact?result={id}")));
        assert!(html.contains("What it would cost to run, per month"));
    }
}

#[tokio::test]
async fn an_invalid_final_post_goes_back_to_the_faulty_step_without_storing() {
    let app = spawn_app().await;
    let response = post_form(&app, "/guide/result", "stage=growth&memory_mb=exact&memory_mb_exact=5").await;
    assert_eq!(response.status(), 303);
    let location = response.headers()["location"].to_str().unwrap();
    assert!(location.starts_with("/guide?"), "{location}");
    assert!(location.contains("memory_mb=5") && location.ends_with("step=4"), "{location}");
}

#[tokio::test]
async fn unknown_and_malformed_result_ids_answer_404() {
    let app = spawn_app().await;
    assert_eq!(app.get("/guide/result/zzzzzzzzzzzz").await.status(), 404);
    assert_eq!(app.get("/guide/result/not-an-id").await.status(), 404);
}

#[tokio::test]
async fn step_views_and_completions_are_counted_without_personal_data() {
    let app = spawn_app().await;
    // Many visitors at once: every view counts, gathered into a few writes.
    let views = (0..120).map(|_| app.get("/guide"));
    futures::future::join_all(views).await;
    app.get("/guide?step=2").await;
    post_form(&app, "/guide/result", "stage=mvp").await;
    let db = app.data_dir.path().join("archguide.db");
    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}", db.display())).await.unwrap();
    let expected: Vec<(String, i64, i64)> =
        vec![("complete".into(), 0, 1), ("view".into(), 1, 120), ("view".into(), 2, 1)];
    // The counts reach the database shortly after the pages are sent; wait for them.
    let mut rows: Vec<(String, i64, i64)> = Vec::new();
    for _ in 0..100 {
        rows = sqlx::query_as("SELECT event, step, count FROM guide_funnel ORDER BY event, step")
            .fetch_all(&pool)
            .await
            .unwrap();
        if rows == expected {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(rows, expected);
}

async fn finish(app: &TestApp, answers: &str) -> String {
    let response = post_form(app, "/guide/result", answers).await;
    assert_eq!(response.status(), 303);
    response.headers()["location"].to_str().unwrap().to_string()
}

#[tokio::test]
async fn a_result_names_the_chosen_clouds_products_with_their_pricing_pages_and_what_would_change_it() {
    let app = spawn_app().await;
    let location =
        finish(&app, "stage=mvp&engineers=exact&engineers_exact=6&teams=1&cloud=azure&independent_releases=yes").await;
    let html = app.get(&location).await.text().await.unwrap();
    assert!(html.contains("Functions (Azure Functions (Consumption plan))"), "{html}");
    assert!(html.contains("Managed containers (Azure Container Apps (Consumption plan))"));
    assert!(
        html.contains("Microsoft Azure&#x27;s on-demand prices in East US")
            || html.contains("Microsoft Azure's on-demand prices in East US"),
        "{html}"
    );
    assert!(html.contains(r#"href="https://azure.microsoft.com/en-us/pricing/details/container-apps/""#));
    assert!(html.contains("What would change the advice"));
    assert!(html.contains("Teams: 1"), "the visitor's own answer heads a row");
    // The tension between the wish and the team, in the visitor's words.
    assert!(html.contains("parts that ship on their own: yes"), "{html}");
}

#[tokio::test]
async fn a_result_stored_before_clouds_and_what_ifs_existed_still_shows_as_it_was() {
    let app = spawn_app().await;
    let location = finish(&app, "stage=growth&engineers=exact&engineers_exact=25&teams=4").await;
    let id = location.strip_prefix("/guide/result/").unwrap();
    let db = app.data_dir.path().join("archguide.db");
    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}", db.display())).await.unwrap();
    let (stored,): (String,) = sqlx::query_as("SELECT recommendation FROM guide_results WHERE id = $1")
        .bind(id)
        .fetch_one(&pool)
        .await
        .unwrap();
    let mut old: serde_json::Value = serde_json::from_str(&stored).unwrap();
    old.as_object_mut().unwrap().remove("what_if");
    let assumptions = old["cost"]["assumptions"].as_object_mut().unwrap();
    for field in ["cloud", "provider", "on_premises", "products", "sources"] {
        assumptions.remove(field);
    }
    sqlx::query("UPDATE guide_results SET recommendation = $1 WHERE id = $2")
        .bind(old.to_string())
        .bind(id)
        .execute(&pool)
        .await
        .unwrap();
    let page = app.get(&location).await;
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains("Functions (AWS Lambda)"), "{html}");
    assert!(html.contains("AWS&#x27;s on-demand prices") || html.contains("AWS's on-demand prices"));
    assert!(!html.contains("What would change the advice"));
}
