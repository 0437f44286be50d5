//! The advice loop: the consultants' verdicts and their agreement with the guide, the case
//! library, and a draft of the model checked against the cases, replayed through the stored
//! results, published from one instance and used by the other within seconds, then rolled back.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use archguide::domain::guide::answers::Answers;
use archguide::domain::guide::engine::{CostOptions, Engine};
use archguide::domain::ids::ResultId;
use archguide::domain::staff::Role;
use archguide::server::store::database::{Database, DatabaseUrl};
use archguide::server::store::results::StoredResult;
use archguide::server::store::Stores;
use serde_json::{json, Value};

use crate::helpers::{add_staff_to, page, spawn_app, spawn_app_with, until_page_holds, Session, TestApp, TestPostgres};

const PASSWORD: &str = "a long enough password";

fn location(response: &reqwest::Response) -> String {
    response.headers()["location"].to_str().unwrap().to_string()
}

/// A guide result from the form, and a lead that attached it.
async fn lead_with_result(app: &TestApp, answers: &[(&str, &str)]) -> (String, String) {
    let result = app.post_form("/guide/result", answers).await;
    assert_eq!(result.status(), 303);
    let result_id = location(&result).rsplit('/').next().unwrap().to_string();
    let reference = app.send_lead(&[("result", &result_id)]).await;
    (reference, result_id)
}

/// The guide's choices for a stored result.
async fn guide_choice(app: &TestApp, result_id: &str) -> (String, String) {
    let stored: String = sqlx::query_scalar("SELECT recommendation FROM guide_results WHERE id = ?")
        .bind(result_id)
        .fetch_one(&app.db().await)
        .await
        .unwrap();
    let stored: Value = serde_json::from_str(&stored).unwrap();
    let choice = |axis: &str| stored[axis]["choice"].as_str().unwrap().to_string();
    (choice("organisation"), choice("execution"))
}

/// The section of a page that starts at `marker`, to its closing `</section>`.
fn section<'a>(html: &'a str, marker: &str) -> &'a str {
    let start = html.find(marker).unwrap_or_else(|| panic!("no {marker} in the page"));
    let rest = &html[start..];
    &rest[..rest.find("</section>").unwrap_or(rest.len())]
}

#[tokio::test]
async fn verdicts_move_the_agreement_and_a_disagreement_becomes_a_case() {
    let app = spawn_app().await;
    let url = format!("sqlite://{}", app.data_dir.path().join("archguide.db").display());
    add_staff_to(&url, "ann@example.com", Role::Admin, PASSWORD).await;
    add_staff_to(&url, "sam@example.com", Role::Sales, PASSWORD).await;
    let admin = app.login("ann@example.com", PASSWORD).await;
    let sales = app.login("sam@example.com", PASSWORD).await;
    let small = [("stage", "mvp"), ("engineers", "4"), ("teams", "1"), ("monthly_requests", "2000000")];
    let big = [
        ("stage", "scale"),
        ("engineers", "200"),
        ("teams", "20"),
        ("ops_maturity", "platform"),
        ("domain_clarity", "stable"),
    ];
    let (first, first_result) = lead_with_result(&app, &small).await;
    let (second, second_result) = lead_with_result(&app, &big).await;
    let (org, exec) = guide_choice(&app, &first_result).await;

    // The brief shows each reason once, with the options it speaks for and against.
    let lead_page = page(&app, &sales, &format!("/inbox/leads/{first}")).await;
    let brief = section(&lead_page, "data-brief");
    let reasons: Vec<&str> = brief
        .split("data-reasons")
        .skip(1)
        .flat_map(|list| list[..list.find("</ul>").unwrap()].split("<li>").skip(1))
        .filter_map(|item| item.split("<p>").nth(1)?.split("</p>").next())
        .collect();
    assert!(reasons.len() >= 3, "{brief}");
    let mut seen = std::collections::BTreeSet::new();
    for reason in &reasons {
        assert!(seen.insert(*reason), "the brief repeats a reason: {reason}");
    }
    assert!(brief.contains("For ") || brief.contains("for "), "the options each reason speaks for are named");

    // A verdict without its choices is refused next to the fields, with the note kept.
    let refused = app
        .post_as(
            &sales,
            &format!("/inbox/leads/{first}/verdict"),
            &[("organisation", org.as_str()), ("note", "Kept note")],
        )
        .await;
    assert_eq!(refused.status(), 422);
    let html = refused.text().await.unwrap();
    assert!(html.contains("Choose how you advised them to run it.") && html.contains("Kept note"), "{html}");

    // Agreeing with the guide: 100%.
    let agreed = app
        .post_as(
            &sales,
            &format!("/inbox/leads/{first}/verdict"),
            &[("organisation", org.as_str()), ("execution", exec.as_str()), ("note", "As the guide said.")],
        )
        .await;
    assert_eq!(agreed.status(), 303);
    assert_eq!(location(&agreed), format!("/inbox/leads/{first}?done=verdict"));
    let lead_page = page(&app, &sales, &format!("/inbox/leads/{first}")).await;
    assert!(lead_page.contains("As the guide advised"), "the verdict sits beside the brief");
    assert!(lead_page.contains("(as the guide advised): As the guide said."), "the history records it");
    let version = archguide::domain::guide::engine::model::Model::default_model().version;
    let dashboard = page(&app, &sales, "/inbox/dashboard").await;
    let row = section(&dashboard, "data-agreement");
    assert!(row.contains(&format!("data-version=\"{version}\"")) && row.contains(">100%<"), "{row}");

    // Disagreeing on the other lead: the rate falls to 50% and the disagreement is listed.
    let (guide_org, _) = guide_choice(&app, &second_result).await;
    let advised = if guide_org == "monolith" { "service_based" } else { "monolith" };
    let disagreed = app
        .post_as(
            &sales,
            &format!("/inbox/leads/{second}/verdict"),
            &[
                ("organisation", advised),
                ("execution", "managed_containers"),
                ("note", "Their platform team is two people."),
            ],
        )
        .await;
    assert_eq!(disagreed.status(), 303);
    let dashboard = page(&app, &admin, "/inbox/dashboard").await;
    let table = section(&dashboard, "data-agreement");
    assert!(table.contains(">2<") && table.contains(">50%<"), "{table}");
    assert!(
        dashboard.contains(&format!("data-disagreement=\"{second}\""))
            && dashboard.contains("Their platform team is two people.")
    );
    assert!(dashboard.contains("Make it a case"), "admins turn it into a case");

    // One click makes it a case; sales staff cannot.
    let forbidden = app.post_as(&sales, "/inbox/model/cases/from-lead", &[("reference", second.as_str())]).await;
    assert_eq!(forbidden.status(), 403);
    let made = app.post_as(&admin, "/inbox/model/cases/from-lead", &[("reference", second.as_str())]).await;
    assert_eq!(made.status(), 303);
    let cases = page(&app, &admin, "/inbox/model/cases").await;
    assert!(cases.contains(&format!("Lead {second}: the consultants advised")), "the case is in the library");
    assert!(cases.contains(&format!("{advised} on managed_containers")));
    // The shipped model gives what the guide gave, so the new case fails with it: it says so.
    assert!(cases.contains("(fails)"));
    let audit = page(&app, &admin, "/inbox/model").await;
    assert!(audit.contains("ann@example.com · case_added"), "the audit names who added it");
}

/// Answers spread over the question set: every 7th a big organisation, the rest small to mid.
fn varied_answers(n: usize) -> serde_json::Map<String, Value> {
    let engineers = [2, 4, 6, 9, 12, 18, 25, 40, 80, 150][n % 10];
    let stages = ["idea", "mvp", "growth", "scale"];
    let shapes = ["spiky", "variable", "steady", "event"];
    let ops = ["none", "basic", "platform"];
    let mut answers = json!({
        "stage": stages[n % 4],
        "engineers": engineers,
        "teams": (engineers / 6).max(1),
        "load_shape": shapes[(n / 3) % 4],
        "monthly_requests": 10_000u64 * (1 + (n as u64 % 97)) * (1 + (n as u64 % 5) * 100),
        "ops_maturity": ops[(n / 5) % 3],
    });
    if n % 7 == 0 {
        answers["independent_releases"] = json!("yes");
        answers["domain_clarity"] = json!("stable");
    }
    answers.as_object().unwrap().clone()
}

/// Stores results straight in the database, as the guide would have.
async fn store_results(database_url: &str, engine: &Engine, count: usize) -> Vec<serde_json::Map<String, Value>> {
    let db = Database::connect(&DatabaseUrl::parse(database_url).unwrap()).await.unwrap();
    let stores = Stores::new(&db);
    let mut all = Vec::new();
    for n in 0..count {
        let answers = varied_answers(n);
        let parsed = Answers::from_json(&answers).unwrap();
        let recommendation = engine.recommend(&parsed, CostOptions::default());
        let result = StoredResult {
            id: ResultId::generate({
                let mut x = n as u64 * 7919 + 17;
                move |below| {
                    x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                    (x >> 33) as usize % below
                }
            }),
            answers: answers.clone(),
            model_version: recommendation.model_version.clone(),
            recommendation,
            created_at: chrono::Utc::now() - chrono::Duration::minutes(n as i64),
        };
        stores.results.insert(&result).await.unwrap();
        all.push(answers);
    }
    db.close().await;
    all
}

/// The model version the API answers with.
async fn api_version(app: &TestApp) -> String {
    let response = app
        .client
        .post(format!("{}/api/v1/recommendation", app.address))
        .body(r#"{"stage":"mvp"}"#)
        .header("content-type", "application/json")
        .send()
        .await
        .unwrap();
    let body: Value = response.json().await.unwrap();
    body["model_version"].as_str().unwrap().to_string()
}

async fn until_api_version(app: &TestApp, version: &str) -> Duration {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(15) {
        if api_version(app).await == version {
            return start.elapsed();
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the other instance never answered with version {version}");
}

/// A figure from the check page: the number in `data-count` of one transition row.
fn transition_count(html: &str, axis: &str, from: &str, to: &str) -> u64 {
    let table = section(html, &format!("data-transitions=\"{axis}\""));
    let Some(at) = table.find(&format!("data-from=\"{from}\" data-to=\"{to}\"")) else { return 0 };
    let cell = &table[at..];
    let after = &cell[cell.find("data-count").unwrap()..];
    let count = after[after.find('>').unwrap() + 1..].split('<').next().unwrap();
    count.replace(',', "").parse().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_draft_is_checked_replayed_published_on_every_instance_and_rolled_back() {
    let pg = TestPostgres::create().await;
    let settings = [("DATABASE_URL", pg.url.as_str()), ("ARCHGUIDE_MODEL_POLL", "1s")];
    let a = spawn_app_with(&settings).await;
    let b = spawn_app_with(&settings).await;
    add_staff_to(&pg.url, "ann@example.com", Role::Admin, PASSWORD).await;
    let admin: Session = a.login("ann@example.com", PASSWORD).await;
    let shipped = Engine::default_engine();
    let stored = store_results(&pg.url, &shipped, 400).await;

    // A draft that does not read is refused with its line, the typed text kept.
    let mut broken = archguide::server::advice::shipped_texts();
    broken.model = broken.model.replacen("[cost]", "[cost", 1);
    let refused =
        a.post_as(&admin, "/inbox/model/check", &[("model", &broken.model), ("prices", &broken.prices)]).await;
    assert_eq!(refused.status(), 422);
    let html = refused.text().await.unwrap();
    assert!(
        html.contains("TOML parse error at line") && html.contains("column"),
        "the error names its line and column"
    );
    assert!(html.contains("[cost\n") || html.contains("[cost\r\n"), "the draft comes back as typed");

    // A draft that favours microservices and no longer asks for independent releases first.
    let mut draft = archguide::server::advice::shipped_texts();
    draft.model = draft.model.replacen("microservices = 25\n", "microservices = 95\n", 1).replacen(
        "requires = { question = \"independent_releases\", one_of = [\"yes\"] }",
        "requires = { question = \"independent_releases\", one_of = [\"yes\", \"some\", \"no\"] }",
        1,
    );
    assert_ne!(draft, archguide::server::advice::shipped_texts());
    let draft_engine = draft.engine(None).unwrap();
    let mut expected: BTreeMap<(&str, String, String), u64> = BTreeMap::new();
    let mut changed = 0;
    for answers in &stored {
        let answers = Answers::from_json(answers).unwrap();
        let before = shipped.choices_for(&answers, CostOptions::default());
        let after = draft_engine.choices_for(&answers, CostOptions::default());
        if before != after {
            changed += 1;
        }
        if before.0 != after.0 {
            *expected.entry(("organisation", before.0.as_str().into(), after.0.as_str().into())).or_default() += 1;
        }
        if before.1 != after.1 {
            *expected.entry(("execution", before.1.as_str().into(), after.1.as_str().into())).or_default() += 1;
        }
    }
    let to_micro: u64 = expected
        .iter()
        .filter(|((axis, _, to), _)| *axis == "organisation" && to == "microservices")
        .map(|(_, n)| n)
        .sum();
    assert!(to_micro >= 60, "the draft must flip many results to microservices: {expected:?}");

    let checked = a.post_as(&admin, "/inbox/model/check", &[("model", &draft.model), ("prices", &draft.prices)]).await;
    assert_eq!(checked.status(), 303);
    let check_path = location(&checked);
    assert!(check_path.starts_with("/inbox/model/checks/"), "{check_path}");
    let report = until_page_holds(&a, &admin, &check_path, "data-check-status=\"finished\"").await;
    assert!(report.contains(&format!("{changed} of 400 results would change.")), "{}", section(&report, "data-replay"));
    for ((axis, from, to), count) in &expected {
        assert_eq!(transition_count(&report, axis, from, to), *count, "{axis}: {from} → {to}");
    }
    let example = section(&report, "data-transitions=\"organisation\"");
    assert!(example.contains("href=\"/guide/result/"), "examples link to the results");
    assert!(report.contains("data-outcome=\"fail\""), "the draft fails cases");
    assert!(report.contains("+microservices = 95"), "the diff shows the change");

    // A failing case blocks publication until a reason is given.
    let id = check_path.rsplit('/').next().unwrap();
    let blocked = a
        .post_as(
            &admin,
            "/inbox/model/publish",
            &[("check", id), ("version", "2.0-micro"), ("note", "Everyone gets microservices.")],
        )
        .await;
    assert_eq!(blocked.status(), 422);
    let html = blocked.text().await.unwrap();
    assert!(html.contains("Cases fail with this draft ("), "{}", section(&html, "publish-heading"));
    assert_eq!(api_version(&b).await, shipped.model.version);

    let published = a
        .post_as(
            &admin,
            "/inbox/model/publish",
            &[
                ("check", id),
                ("version", "2.0-micro"),
                ("note", "Everyone gets microservices."),
                ("reason", "A trial for one day."),
            ],
        )
        .await;
    assert_eq!(published.status(), 303, "{}", published.text().await.unwrap());
    assert_eq!(api_version(&a).await, "2.0-micro", "the publishing instance uses it at once");
    let took = until_api_version(&b, "2.0-micro").await;
    println!("the other instance answered with the published version {took:?} after it was published");

    // A second publication of the same check is refused: it was made against the old version.
    let again = a
        .post_as(
            &admin,
            "/inbox/model/publish",
            &[("check", id), ("version", "2.1"), ("note", "Again."), ("reason", "x")],
        )
        .await;
    assert_eq!(again.status(), 409);

    // Rolling back is publishing the earlier version again.
    let back = b.post_as(&admin, "/inbox/model/rollback", &[("to", "0")]).await;
    assert_eq!(back.status(), 303);
    assert_eq!(api_version(&b).await, shipped.model.version);
    until_api_version(&a, &shipped.model.version).await;
    // The words: a rule a draft adds needs its message in every language. Words that do not
    // read are refused with their line; a language without the message blocks publication and
    // is listed; with it, the words are in use on the other instance too.
    let shipped_texts = archguide::server::advice::shipped_texts();
    let mut worded = shipped_texts.clone();
    worded.model.push_str(
        "\n[[rule]]\nid = \"org-trial-many-teams\"\naxis = \"organisation\"\nwhen = { question = \"teams\", at_least = 40 }\neffects = { microservices = 1 }\n",
    );
    let en = format!("{}\nrule-org-trial-many-teams = Forty teams or more: a trial rule.\n", worded.words["en"]);
    let es_with =
        format!("{}\nrule-org-trial-many-teams = Cuarenta equipos o más: una regla de prueba.\n", worded.words["es"]);
    let post_words = |es: String| {
        let fields = vec![
            ("model", worded.model.clone()),
            ("prices", worded.prices.clone()),
            ("words_en", en.clone()),
            ("words_es", es),
        ];
        let (a, admin) = (&a, &admin);
        async move {
            let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            a.post_as(admin, "/inbox/model/check", &fields).await
        }
    };
    let refused = post_words(format!("{}\nrule-broken = {{\n", worded.words["es"])).await;
    assert_eq!(refused.status(), 422);
    let html = refused.text().await.unwrap();
    assert!(html.contains("es/model.ftl: line"), "the words' problem names its line");
    let lacking = post_words(worded.words["es"].clone()).await;
    assert_eq!(lacking.status(), 303);
    let lacking_path = location(&lacking);
    let report = until_page_holds(&a, &admin, &lacking_path, "data-check-status=\"finished\"").await;
    let missing = section(&report, "data-missing-words");
    assert!(missing.contains("Español: rule-org-trial-many-teams") && !missing.contains("English"), "{missing}");
    let id = lacking_path.rsplit('/').next().unwrap();
    let refused = a
        .post_as(&admin, "/inbox/model/publish", &[("check", id), ("version", "2.1-words"), ("note", "A trial rule.")])
        .await;
    assert_eq!(refused.status(), 422);
    assert!(refused.text().await.unwrap().contains("Some languages lack words the draft needs"));
    let complete = post_words(es_with.clone()).await;
    let complete_path = location(&complete);
    until_page_holds(&a, &admin, &complete_path, "data-check-status=\"finished\"").await;
    let id = complete_path.rsplit('/').next().unwrap();
    let published = a
        .post_as(&admin, "/inbox/model/publish", &[("check", id), ("version", "2.1-words"), ("note", "A trial rule.")])
        .await;
    assert_eq!(published.status(), 303);
    until_api_version(&b, "2.1-words").await;
    let spanish = b
        .client
        .post(format!("{}/api/v1/recommendation?lang=es", b.address))
        .header("content-type", "application/json")
        .body(r#"{"teams": 45, "engineers": 400}"#)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(spanish.contains("Cuarenta equipos o más: una regla de prueba."), "{spanish}");
    // And back to the build's model and words.
    let back = a.post_as(&admin, "/inbox/model/rollback", &[("to", "0")]).await;
    assert_eq!(back.status(), 303);
    until_api_version(&b, &shipped.model.version).await;
    assert_eq!(
        archguide::i18n::locales::locales().text(
            archguide::domain::lang::Lang::DEFAULT,
            "rule-org-trial-many-teams",
            &[]
        ),
        "rule-org-trial-many-teams"
    );
    let _ = shipped_texts;

    let model = page(&a, &admin, "/inbox/model").await;
    let audit = section(&model, "data-audit");
    for action in
        ["ann@example.com · check", "ann@example.com · publish", "ann@example.com · rollback", "A trial for one day."]
    {
        assert!(audit.contains(action), "the audit lacks {action}: {audit}");
    }
    assert!(model.contains("2.0-micro"), "the versions list holds the published one");
}

#[tokio::test]
async fn price_book_sections_read_too_long_ago_are_flagged_with_their_source() {
    use archguide::server::clock::ManualClock;
    // The shipped price book was read on 2026-12-02.
    let clock = ManualClock::at(chrono::DateTime::parse_from_rfc3339("2027-03-01T09:00:00Z").unwrap().into());
    let fresh = crate::helpers::spawn_app_with_clock(clock.clone(), &[]).await;
    let stale = crate::helpers::spawn_app_with_clock(clock, &[("ARCHGUIDE_PRICES_MAX_AGE", "60d")]).await;
    let mut sessions = Vec::new();
    for app in [&fresh, &stale] {
        let url = format!("sqlite://{}", app.data_dir.path().join("archguide.db").display());
        add_staff_to(&url, "ann@example.com", Role::Admin, PASSWORD).await;
        sessions.push(app.login("ann@example.com", PASSWORD).await);
    }
    let model = page(&fresh, &sessions[0], "/inbox/model").await;
    let sections = section(&model, "data-price-sections");
    assert!(
        sections.contains("https://aws.amazon.com/lambda/pricing/") && sections.contains("2026-12-02"),
        "{sections}"
    );
    assert!(!sections.contains("data-stale"), "89 days is within the default 180");
    assert!(!page(&fresh, &sessions[0], "/inbox/dashboard").await.contains("data-stale-prices"));

    let model = page(&stale, &sessions[1], "/inbox/model").await;
    assert!(section(&model, "data-price-sections").contains("data-stale"), "older than 60 days");
    let dashboard = page(&stale, &sessions[1], "/inbox/dashboard").await;
    let warning = &dashboard[dashboard.find("data-stale-prices").expect("the dashboard warns")..];
    assert!(
        warning.contains("Prices read more than 60 days ago")
            && warning.contains("AWS: functions: read 2026-12-02 (89 days ago)"),
        "{warning}"
    );
}
