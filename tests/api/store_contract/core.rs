//! Guide results, funnel counts, leads, the outbox, shared secrets and staff accounts, on both databases.

use super::*;

/// Guide results, funnel counts, leads, the outbox, shared secrets and staff accounts.
async fn core_stores_behave(stores: &Stores) {
    let t0 = DateTime::from_timestamp(1_800_000_000, 0).unwrap();

    let mut answers = serde_json::Map::new();
    answers.insert("stage".into(), "mvp".into());
    answers.insert("engineers".into(), 4.into());
    let result = stored_result(answers, t0);
    stores.results.insert(&result).await.unwrap();
    assert_eq!(stores.results.get(&result.id).await.unwrap(), Some(result.clone()), "read back as written");
    assert_eq!(stores.results.get(&random_result_id()).await.unwrap(), None);

    let day = t0.date_naive();
    for (event, step, on, count) in [
        (FunnelEvent::View, 1, day, 1),
        (FunnelEvent::View, 1, day, 40),
        (FunnelEvent::View, 1, day.succ_opt().unwrap(), 1),
        (FunnelEvent::View, 2, day, 1),
        (FunnelEvent::Complete, 0, day, 1),
    ] {
        stores.funnel.record("1.0.0", event, step, on, count).await.unwrap();
    }
    stores.funnel.record("0.9.0", FunnelEvent::View, 1, day, 1).await.unwrap();
    let totals = stores.funnel.totals("1.0.0").await.unwrap();
    let total = |event, step, count| FunnelTotal { event, step, count };
    assert_eq!(
        totals,
        [total(FunnelEvent::Complete, 0, 1), total(FunnelEvent::View, 1, 42), total(FunnelEvent::View, 2, 1)]
    );
    assert_eq!(stores.funnel.versions().await.unwrap(), ["1.0.0", "0.9.0"]);

    let hook = |text: &str| OutboxMessage::new(Channel::Webhook, text.to_string());
    let mut first = record(1, "Ada", "Acme", t0, false);
    first.result_id = Some(result.id.clone());
    let stored = stores.leads.insert(&first, &[hook("one"), hook("two")]).await.unwrap();
    assert_eq!(stored, Stored::Created { reference: reference("AG-T00001"), created_at: t0 });
    let again =
        stores.leads.insert(&record(1, "Ada again", "Acme", t0 + Duration::seconds(5), false), &[hook("three")]).await;
    assert_eq!(
        again.unwrap(),
        Stored::AlreadyStored { reference: reference("AG-T00001"), created_at: t0 },
        "same form, same lead"
    );
    let mut clash = record(2, "Bob", "", t0, false);
    clash.reference = reference("AG-T00001");
    assert!(matches!(stores.leads.insert(&clash, &[hook("four")]).await, Err(StoreError::ReferenceTaken)));
    assert_eq!(stores.leads.received_at(&reference("AG-T00001")).await.unwrap(), Some(t0));
    assert_eq!(stores.leads.received_at(&reference("AG-NQPE00")).await.unwrap(), None);

    // The outbox: each message is claimed by one worker at a time, until its lease runs out.
    let now = t0 + Duration::seconds(1);
    let claimed = stores.outbox.claim_due(now, now + Duration::minutes(1), 10).await.unwrap();
    let payloads: Vec<&str> = claimed.iter().map(|m| m.payload.as_str()).collect();
    assert_eq!(payloads, ["one", "two"], "nothing from the rolled-back insert");
    assert!(stores.outbox.claim_due(now, now + Duration::minutes(1), 10).await.unwrap().is_empty(), "leased");
    stores.outbox.mark_delivered(claimed[0].id, now).await.unwrap();
    stores.outbox.mark_failed(claimed[1].id, now + Duration::minutes(5), "receiver said 500").await.unwrap();
    let later = now + Duration::minutes(2);
    assert!(
        stores.outbox.claim_due(later, later + Duration::minutes(1), 10).await.unwrap().is_empty(),
        "retry not due"
    );
    let retry = now + Duration::minutes(5);
    let due = stores.outbox.claim_due(retry, retry + Duration::minutes(1), 10).await.unwrap();
    assert_eq!((due.len(), due[0].payload.as_str(), due[0].attempts), (1, "two", 1));
    let expired = retry + Duration::minutes(2);
    assert_eq!(
        stores.outbox.claim_due(expired, expired + Duration::minutes(1), 10).await.unwrap().len(),
        1,
        "a lease that ran out"
    );

    assert_eq!(stores.secrets.get_or_create("key", "first").await.unwrap(), "first");
    assert_eq!(stores.secrets.get_or_create("key", "second").await.unwrap(), "first", "the first writer wins");

    assert!(stores.users.add_user(&email("b@example.com"), Role::Sales, "hash-b", t0).await.unwrap());
    assert!(stores.users.add_user(&email("a@example.com"), Role::Admin, "hash-a", t0).await.unwrap());
    assert!(!stores.users.add_user(&email("a@example.com"), Role::Sales, "x", t0).await.unwrap());
    let emails: Vec<String> = stores.users.users().await.unwrap().into_iter().map(|u| u.email.into()).collect();
    assert_eq!(emails, ["a@example.com", "b@example.com"]);
    assert!(stores.users.set_password(&email("b@example.com"), "hash-b2").await.unwrap());
    assert!(!stores.users.set_password(&email("nobody@example.com"), "x").await.unwrap());
    assert!(stores.users.disable_user(&email("b@example.com"), t0).await.unwrap());
    let b = stores.users.user_by_email(&email("b@example.com")).await.unwrap().unwrap();
    assert_eq!((b.password_hash.as_str(), b.disabled, b.role), ("hash-b2", true, Role::Sales));
    assert!(!stores.users.disable_user(&email("nobody@example.com"), t0).await.unwrap());
}

on_both_databases!(core_stores_behave: every_store_behaves_on_sqlite, every_store_behaves_on_postgres);
