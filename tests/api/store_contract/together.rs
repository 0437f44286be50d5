//! Leads arriving at the same moment, on both databases.

use super::*;

/// Leads arriving at the same moment (on SQLite they share one transaction): each is stored once
/// with its own notification, a repeat finds its lead, and one whose reference is taken fails
/// alone without undoing the others.
async fn leads_arriving_together_behave(stores: &Stores) {
    let t0 = Utc::now();
    let hook = |i: usize| OutboxMessage::new(Channel::Webhook, format!("lead {i}"));
    stores.leads.insert(&record(100, "First", "", t0, false), &[hook(100)]).await.unwrap();
    let mut batch = Vec::new();
    for i in 0..40 {
        let mut lead = record(i, "Together", "", t0, false);
        if i == 7 {
            lead.reference = reference("AG-T00100"); // taken by `first`
        }
        if i == 8 {
            lead = record(100, "Repeat", "", t0, false); // the same form as `first` again
        }
        let stores = stores.clone();
        batch.push(tokio::spawn(async move { stores.leads.insert(&lead, &[hook(i)]).await }));
    }
    let mut created = 0;
    for (i, outcome) in outcomes(batch).await.into_iter().enumerate() {
        match (i, outcome) {
            (7, Err(StoreError::ReferenceTaken)) => {}
            (8, Ok(Stored::AlreadyStored { reference: stored, .. })) => {
                assert_eq!(stored, reference("AG-T00100"), "the repeat")
            }
            (_, Ok(Stored::Created { reference: stored, .. })) => {
                assert_eq!(stored, reference(&format!("AG-T{i:05}")));
                created += 1;
            }
            (i, other) => panic!("lead {i}: {other:?}"),
        }
    }
    assert_eq!(created, 38);
    let now = t0 + Duration::seconds(1);
    let mut payloads: Vec<String> = stores
        .outbox
        .claim_due(now, now + Duration::minutes(1), 100)
        .await
        .unwrap()
        .into_iter()
        .map(|m| m.payload)
        .collect();
    payloads.sort();
    let mut expected: Vec<String> =
        (0..40).filter(|i| *i != 7 && *i != 8).chain([100]).map(|i| format!("lead {i}")).collect();
    expected.sort();
    assert_eq!(payloads, expected, "one notification per stored lead, none from the failed one");
}

async fn outcomes(
    handles: Vec<tokio::task::JoinHandle<Result<Stored, StoreError>>>,
) -> Vec<Result<Stored, StoreError>> {
    let mut outcomes = Vec::new();
    for handle in handles {
        outcomes.push(handle.await.expect("the insert task"));
    }
    outcomes
}

on_both_databases!(leads_arriving_together_behave: leads_arriving_together_behave_on_sqlite, leads_arriving_together_behave_on_postgres);
