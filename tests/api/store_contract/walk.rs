//! Walking the list a batch at a time (the export), counting leads, and the readiness check's
//! write, on both databases.

use super::*;

async fn walking_the_list_behaves(stores: &Stores) {
    let t0 = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
    stores.users.add_user(&email("sales@example.com"), Role::Sales, "x", t0).await.unwrap();
    let sales = stores.users.user_by_email(&email("sales@example.com")).await.unwrap().unwrap();
    assert_eq!(stores.inbox.lead_count().await.unwrap(), 0);
    // Ties on the time (three leads a minute) so the walk must order by id as well.
    for i in 0..9 {
        let at = t0 + Duration::minutes((i / 3) as i64);
        let company = if i % 2 == 0 { "Even Ltd" } else { "Odd plc" };
        stores.leads.insert(&record(i, &format!("Walker {i}"), company, at, false), &[]).await.unwrap();
    }
    stores.leads.insert(&record(20, "Bot", "", t0, true), &[]).await.unwrap();
    for i in [1, 4, 8] {
        let replied = LeadChange::Replied;
        stores.inbox.change_lead(&reference(&format!("AG-T{i:05}")), &replied, &sales, t0).await.unwrap();
    }
    assert_eq!(stores.inbox.lead_count().await.unwrap(), 10, "spam counts too");

    for pairs in [
        vec![],
        vec![("sort", "oldest")],
        vec![("sort", "reply-by")],
        vec![("q", "even")],
        vec![("sort", "reply-by"), ("q", "odd")],
        vec![("status", "spam")],
    ] {
        let (filter, errors) = LeadFilter::from_pairs(pairs.iter().copied());
        assert!(errors.is_empty(), "{errors:?}");
        let query = || LeadQuery { filter: &filter, viewer_id: sales.id, limit: None };
        let whole: Vec<String> =
            stores.inbox.list_leads(query()).await.unwrap().leads.iter().map(|l| l.reference.to_string()).collect();
        let mut walked = Vec::new();
        let mut after = None;
        loop {
            let batch = stores.inbox.leads_after(query(), after, 2).await.unwrap();
            walked.extend(batch.iter().map(|l| l.reference.to_string()));
            if batch.len() < 2 {
                break;
            }
            after = batch.last().map(|l| l.cursor(filter.sort));
        }
        assert!(!whole.is_empty(), "{pairs:?}");
        assert_eq!(walked, whole, "two at a time, every lead once, in the list's order: {pairs:?}");
    }

    // The readiness check's write works, again and again.
    for _ in 0..3 {
        stores.probe.probe_write(Utc::now()).await.unwrap();
    }
    assert!(!stores.health.is_failing());
}

on_both_databases!(
    walking_the_list_behaves: walking_the_list_behaves_on_sqlite,
    walking_the_list_behaves_on_postgres
);
