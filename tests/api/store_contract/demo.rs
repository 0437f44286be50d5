//! Demo data's batches, on both databases: many leads in one transaction, each with its result
//! and its history, written as the site writes them.

use archguide::server::store::demo::DemoLead;

use super::*;

/// A batch stores every new lead with its result and its history (a refused change leaves the
/// rest), draws again a reference that is taken, and leaves a form already stored as it was.
async fn demo_batches_store_leads_with_their_history(stores: &Stores) {
    let t0 = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
    stores.users.add_user(&email("sales@example.com"), Role::Sales, "x", t0).await.unwrap();
    let sales = stores.users.user_by_email(&email("sales@example.com")).await.unwrap().unwrap();
    stores.leads.insert(&record(1, "Stored", "", t0, false), &[]).await.unwrap();

    let mut answers = serde_json::Map::new();
    answers.insert("stage".into(), "mvp".into());
    let result = stored_result(answers, t0);
    let at = |minutes: i64| t0 + Duration::minutes(minutes);
    let worked = DemoLead {
        result: Some(result.clone()),
        record: LeadRecord { result_id: Some(result.id.clone()), ..record(2, "Worked", "", at(1), false) },
        by: sales.clone(),
        history: vec![
            (LeadChange::Assign(Some(sales.id)), at(2)),
            (LeadChange::Replied, at(3)),
            (LeadChange::Status(LeadStatus::Won), at(4)),
            (LeadChange::Status(LeadStatus::Won), at(5)), // refused: it has that status already
            (LeadChange::Note("Signed.".into()), at(6)),
        ],
    };
    let twin = DemoLead {
        record: LeadRecord { reference: reference("AG-T00001"), ..record(3, "Twin", "", at(1), false) },
        result: None,
        by: sales.clone(),
        history: vec![(LeadChange::Status(LeadStatus::Lost), at(2))],
    };
    let again =
        DemoLead { record: record(1, "Again", "", at(1), false), result: None, by: sales.clone(), history: vec![] };
    assert_eq!(stores.demo.add_demo_leads(vec![worked, twin, again]).await.unwrap(), 2, "two new leads");

    let lead = stores.inbox.lead(&reference("AG-T00002")).await.unwrap().expect("stored");
    assert_eq!((lead.status, lead.assigned_to), (LeadStatus::Won, Some(sales.id)));
    assert_eq!(lead.first_reply_at, Some(at(3)));
    assert_eq!(
        lead.recommendation_summary,
        Some(result.recommendation.summary()),
        "its result's line, from its choices"
    );
    let kinds: Vec<String> =
        stores.inbox.events(lead.id).await.unwrap().iter().map(|e| format!("{:?}@{}", e.kind, e.at)).collect();
    assert_eq!(kinds.len(), 5, "received, assigned, replied, won, the note: {kinds:?}");

    let filter = LeadFilter::default();
    let query = LeadQuery { filter: &filter, viewer_id: sales.id, limit: Some(10) };
    let page = stores.inbox.list_leads(query).await.unwrap();
    let mut listed: Vec<(&str, String)> =
        page.leads.iter().map(|l| (l.name.as_str(), l.reference.to_string())).collect();
    listed.sort();
    assert_eq!(listed.len(), 3, "{listed:?}");
    assert_eq!(listed[0], ("Stored", "AG-T00001".to_string()), "the taken reference still names the first lead");
    assert_eq!(listed[1].0, "Twin");
    assert!(!["AG-T00001", "AG-T00002"].contains(&listed[1].1.as_str()), "the twin drew another reference");
    assert_eq!(listed[2], ("Worked", "AG-T00002".to_string()));
    let counts = stores.inbox.status_counts(query).await.unwrap();
    let count = |status: LeadStatus| counts.iter().find(|(s, _)| *s == status).map_or(0, |(_, n)| n.n);
    assert_eq!(
        (count(LeadStatus::New), count(LeadStatus::Won), count(LeadStatus::Lost)),
        (1, 1, 1),
        "the tallies follow"
    );
}

on_both_databases!(demo_batches_store_leads_with_their_history: demo_batches_on_sqlite, demo_batches_on_postgres);
