//! The advice loop's storage, on both databases: verdicts kept one per lead and counted per
//! model version, the case library seeded once and kept, published versions that follow one
//! another (a second publication over the same version is refused), checks with their
//! progress, and the stored results read in pages for the replay.

use archguide::domain::guide::recommendation::{Execution, Organisation};
use archguide::domain::guide::review::case::{seed_cases, CaseSource};
use archguide::domain::guide::review::draft::ModelTexts;
use archguide::domain::guide::review::replay::Replay;
use archguide::domain::guide::review::verdict::Verdict;
use archguide::domain::leads::lifecycle::{GuideChoice, VerdictRecord};
use archguide::server::store::review::model::{NewVersion, Published};

use super::*;

async fn the_review_behaves(stores: &Stores) {
    let t0 = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
    stores.users.add_user(&email("sam@example.com"), Role::Sales, "x", t0).await.unwrap();
    let sam = stores.users.user_by_email(&email("sam@example.com")).await.unwrap().unwrap();
    for i in 1..=3 {
        stores.leads.insert(&record(i, &format!("Person {i}"), "Acme", t0, false), &[]).await.unwrap();
    }
    let guide = |version: &str| {
        Some(GuideChoice {
            model_version: version.into(),
            organisation: Organisation::Microservices,
            execution: Execution::Kubernetes,
        })
    };
    let verdict = |o, e, note: &str, guide| {
        LeadChange::Verdict(VerdictRecord {
            verdict: Verdict { organisation: o, execution: e, note: note.into() },
            guide,
        })
    };
    let agree = verdict(Organisation::Microservices, Execution::Kubernetes, "agreed", guide("1.0"));
    let half = verdict(Organisation::Microservices, Execution::ManagedContainers, "half", guide("1.0"));
    let none = verdict(Organisation::Monolith, Execution::Functions, "no result", None);
    for (i, change) in [(1, &agree), (2, &half), (3, &none)] {
        let outcome = stores.inbox.change_lead(&reference(&format!("AG-T{i:05}")), change, &sam, t0).await.unwrap();
        assert_eq!(outcome, ChangeOutcome::Done);
    }
    let agreement = stores.review.agreement().await.unwrap();
    assert_eq!(agreement.len(), 1, "a verdict without a guide result counts nowhere");
    assert_eq!(
        (agreement[0].verdicts, agreement[0].both, agreement[0].organisation, agreement[0].execution),
        (2, 1, 2, 1)
    );
    // A second verdict replaces the first: still one per lead.
    let changed = verdict(Organisation::Monolith, Execution::Kubernetes, "on second thought", guide("1.0"));
    stores.inbox.change_lead(&reference("AG-T00001"), &changed, &sam, t0 + Duration::hours(1)).await.unwrap();
    let agreement = stores.review.agreement().await.unwrap();
    assert_eq!((agreement[0].verdicts, agreement[0].both, agreement[0].organisation), (2, 0, 1));
    let lead = stores.inbox.lead(&reference("AG-T00001")).await.unwrap().unwrap();
    let stored = stores.review.verdict(lead.id).await.unwrap().unwrap();
    assert_eq!(
        (stored.organisation, stored.note.as_str(), stored.author.as_str()),
        (Organisation::Monolith, "on second thought", "sam@example.com")
    );
    let disagreements = stores.review.disagreements(10).await.unwrap();
    assert_eq!(disagreements.iter().map(|d| d.reference.as_str()).collect::<Vec<_>>(), ["AG-T00001", "AG-T00002"]);
    // Erasure takes the note, not the choices.
    stores.inbox.change_lead(&reference("AG-T00001"), &LeadChange::Erase, &sam, t0 + Duration::hours(2)).await.unwrap();
    let erased = stores.review.verdict(lead.id).await.unwrap().unwrap();
    assert_ne!(erased.note, "on second thought");
    assert_eq!(stores.review.agreement().await.unwrap()[0].verdicts, 2);

    // The library is seeded once, even when asked twice, and keeps what admins do.
    let seeds = seed_cases();
    assert_eq!(stores.review.seed_cases(&seeds, t0).await.unwrap(), seeds.len() as u64);
    assert_eq!(stores.review.seed_cases(&seeds, t0).await.unwrap(), 0);
    let cases = stores.review.cases().await.unwrap();
    assert_eq!(cases.len(), seeds.len());
    assert_eq!(cases[0].case, seeds[0]);
    let first = cases[0].id;
    assert!(stores.review.retire_case(first, true, "ann@example.com", t0).await.unwrap());
    let mut edited = seeds[1].clone();
    edited.organisation = vec![Organisation::Monolith, Organisation::ModularMonolith];
    edited.source = CaseSource::Lead;
    assert!(stores.review.edit_case(cases[1].id, &edited, "ann@example.com", t0).await.unwrap());
    assert!(!stores.review.edit_case(999_999, &edited, "ann@example.com", t0).await.unwrap());
    let cases = stores.review.cases().await.unwrap();
    assert_eq!(cases.last().unwrap().id, first, "retired cases come last");
    assert!(cases.last().unwrap().retired_at.is_some());
    assert_eq!(stores.review.case(cases[0].id).await.unwrap().unwrap().case, edited);

    // Versions follow one another; two publications over the same one: the second is refused.
    assert_eq!(stores.model.newest_version_id().await.unwrap(), 0);
    let texts = ModelTexts::shipped(Default::default());
    let check = stores.model.start_check("ann@example.com", &texts, 0, 3, t0).await.unwrap();
    stores.model.check_progress(check, 2, t0).await.unwrap();
    assert_eq!(stores.model.check(check).await.unwrap().unwrap().done, 2);
    let replay = Replay { results: 3, changed: 1, ..Replay::default() };
    stores.model.finish_check(check, &[], &replay, None, t0).await.unwrap();
    let run = stores.model.latest_check().await.unwrap().unwrap();
    assert_eq!((run.id, run.replay, run.finished_at.is_some()), (check, Some(replay), true));
    let new = |version: &'static str, follows: i64| NewVersion {
        version,
        texts: &texts,
        follows,
        author: "ann@example.com",
        note: "a note",
        diff: "",
        override_reason: None,
        check_id: Some(check),
        action: "publish",
        at: t0,
    };
    let Published::Done(one) = stores.model.publish(&new("1.1", 0)).await.unwrap() else { panic!("not published") };
    assert_eq!(stores.model.publish(&new("1.2", 0)).await.unwrap(), Published::Meanwhile);
    assert_eq!(stores.model.newest_version_id().await.unwrap(), one);
    // Two at once over the same version: exactly one wins.
    let (third, fourth) = (new("1.3", one), new("1.4", one));
    let (x, y) = tokio::join!(stores.model.publish(&third), stores.model.publish(&fourth));
    let outcomes = [x.unwrap(), y.unwrap()];
    assert_eq!(outcomes.iter().filter(|o| matches!(o, Published::Done(_))).count(), 1, "{outcomes:?}");
    assert_eq!(stores.model.versions(10).await.unwrap().len(), 2);
    let audit = stores.model.audit_lines(50).await.unwrap();
    assert!(audit.iter().any(|a| a.action == "check" && a.actor == "ann@example.com"));
    assert_eq!(audit.iter().filter(|a| a.action == "publish").count(), 2);

    // The replay reads the results stored since a moment, in order, page by page.
    for i in 0..7 {
        let answers = serde_json::json!({"engineers": i + 1}).as_object().unwrap().clone();
        stores.results.insert(&stored_result(answers, t0 + Duration::minutes(i))).await.unwrap();
    }
    let since = t0 + Duration::minutes(2);
    assert_eq!(stores.model.results_since(since).await.unwrap(), 5);
    let mut seen = Vec::new();
    let mut after = None;
    loop {
        let page = stores.model.results_page(since, after.as_ref(), 2).await.unwrap();
        let Some(last) = page.last() else { break };
        after = Some((last.created_at, last.id.clone()));
        seen.extend(page.into_iter().map(|r| r.answers["engineers"].as_i64().unwrap()));
    }
    assert_eq!(seen, [3, 4, 5, 6, 7]);
}

on_both_databases!(the_review_behaves: the_review_behaves_on_sqlite, the_review_behaves_on_postgres);
