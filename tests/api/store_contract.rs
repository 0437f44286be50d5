//! The same expectations of the stores, run on SQLite and on PostgreSQL.

use chrono::{DateTime, Duration, Utc};

use archguide::domain::answers::Answers;
use archguide::domain::engine::recommend;
use archguide::domain::ids::{LeadReference, ResultId};
use archguide::domain::inbox::{LeadFilter, LeadStatus};
use archguide::domain::lead::{LeadInput, NewLead};
use archguide::domain::lifecycle::{ChangeOutcome, LeadChange};
use archguide::domain::staff::Role;
use archguide::domain::staff::StaffEmail;
use archguide::server::auth::session::{token_hash, SessionPolicy};
use archguide::server::database::{Database, DatabaseUrl};
use archguide::server::store::inbox::LeadQuery;
use archguide::server::store::leads::{LeadRecord, Stored};
use archguide::server::store::logins::{LoginAttempt, LoginOutcome};
use archguide::server::store::outbox::{Channel, OutboxMessage};
use archguide::server::store::results::{FunnelEvent, FunnelTotal, StoredResult};
use archguide::server::store::staff::session_user;
use archguide::server::store::{StoreError, Stores};

use crate::helpers::TestPostgres;

fn email(text: &str) -> StaffEmail {
    StaffEmail::parse(text).unwrap()
}

fn reference(text: &str) -> LeadReference {
    LeadReference::parse(text).unwrap()
}

fn random_result_id() -> ResultId {
    ResultId::generate(|below| rand::random_range(0..below))
}

async fn open(url: &str) -> (Database, Stores) {
    let db = Database::connect(&DatabaseUrl::parse(url).unwrap()).await.expect("database opens");
    let stores = Stores::new(&db);
    (db, stores)
}

/// Staff sessions: live while used, ended by idleness, age, a disabled account or "log out everywhere".
async fn sessions_behave(stores: &Stores) {
    let t0 = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
    let policy = SessionPolicy::default();
    assert!(stores
        .users
        .add_user(&email("sales@example.com"), Role::Sales, "$argon2id$placeholder", t0)
        .await
        .unwrap());
    assert!(
        !stores.users.add_user(&email("sales@example.com"), Role::Admin, "x", t0).await.unwrap(),
        "one account per email"
    );
    let user = stores.users.user_by_email(&email("sales@example.com")).await.unwrap().unwrap();

    let idle = token_hash("idle-token");
    stores.sessions.create_session(&idle, user.id, t0).await.unwrap();
    let seen = session_user(stores.sessions.as_ref(), &idle, t0 + Duration::minutes(10), &policy).await.unwrap();
    assert_eq!(seen.map(|u| u.email), Some(email("sales@example.com")));
    assert!(session_user(stores.sessions.as_ref(), &idle, t0 + Duration::minutes(41), &policy)
        .await
        .unwrap()
        .is_none());
    assert!(
        session_user(stores.sessions.as_ref(), &idle, t0 + Duration::minutes(11), &policy).await.unwrap().is_none(),
        "deleted"
    );

    let busy = token_hash("busy-token");
    stores.sessions.create_session(&busy, user.id, t0).await.unwrap();
    let mut now: DateTime<Utc> = t0;
    while now < t0 + Duration::hours(7) + Duration::minutes(40) {
        now += Duration::minutes(20);
        assert!(session_user(stores.sessions.as_ref(), &busy, now, &policy).await.unwrap().is_some(), "{now}");
    }
    assert!(session_user(stores.sessions.as_ref(), &busy, t0 + Duration::hours(8), &policy).await.unwrap().is_none());

    let a = token_hash("a");
    let b = token_hash("b");
    stores.sessions.create_session(&a, user.id, t0).await.unwrap();
    stores.sessions.create_session(&b, user.id, t0).await.unwrap();
    stores.sessions.delete_sessions_of(user.id).await.unwrap();
    assert!(session_user(stores.sessions.as_ref(), &a, t0, &policy).await.unwrap().is_none());
    assert!(session_user(stores.sessions.as_ref(), &b, t0, &policy).await.unwrap().is_none());

    let c = token_hash("c");
    stores.sessions.create_session(&c, user.id, t0).await.unwrap();
    assert!(stores.users.disable_user(&email("sales@example.com"), t0).await.unwrap());
    assert!(
        session_user(stores.sessions.as_ref(), &c, t0, &policy).await.unwrap().is_none(),
        "a disabled account has no session"
    );
}

#[tokio::test]
async fn sessions_behave_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let (db, stores) = open(&format!("sqlite://{}", dir.path().join("contract.db").display())).await;
    sessions_behave(&stores).await;
    db.close().await;
}

#[tokio::test]
async fn sessions_behave_on_postgres() {
    let pg = TestPostgres::create().await;
    let (db, stores) = open(&pg.url).await;
    sessions_behave(&stores).await;
    db.close().await;
}

fn record(i: usize, name: &str, company: &str, at: DateTime<Utc>, spam: bool) -> LeadRecord {
    let input = LeadInput {
        name: name.to_string(),
        email: format!("person{i}@example.com"),
        company: company.to_string(),
        message: format!("Message number {i}"),
        consent: true,
        ..LeadInput::default()
    };
    LeadRecord {
        lead: NewLead::parse(&input).unwrap(),
        reference: reference(&format!("AG-T{i:05}")),
        idempotency_key: format!("key-{i}"),
        consent_version: "2026-11-01".into(),
        result_id: None,
        source_page: "/contact".into(),
        spam_reason: spam.then(|| "test".to_string()),
        created_at: at,
    }
}

/// The inbox's reads and changes, and the login attempt log.
async fn inbox_behaves(stores: &Stores) {
    let t0 = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
    stores.users.add_user(&email("admin@example.com"), Role::Admin, "x", t0).await.unwrap();
    stores.users.add_user(&email("sales@example.com"), Role::Sales, "x", t0).await.unwrap();
    let admin = stores.users.user_by_email(&email("admin@example.com")).await.unwrap().unwrap();
    let sales = stores.users.user_by_email(&email("sales@example.com")).await.unwrap().unwrap();
    let hook = [OutboxMessage { channel: Channel::Webhook, payload: "{\"name\":\"Ada\"}".into() }];
    for i in 0..5 {
        let company = if i % 2 == 0 { "Acme_1" } else { "Globex" };
        stores
            .leads
            .insert(&record(i, &format!("Person {i}"), company, t0 + Duration::hours(i as i64), false), &hook)
            .await
            .unwrap();
    }
    stores.leads.insert(&record(9, "Bot", "", t0, true), &[]).await.unwrap();

    let list = |pairs: &'static [(&'static str, &'static str)]| {
        let (filter, errors) = LeadFilter::from_pairs(pairs.iter().copied());
        assert!(errors.is_empty(), "{errors:?}");
        async move {
            let page = stores
                .inbox
                .list_leads(LeadQuery { filter: &filter, viewer_id: sales.id, limit: Some(2) })
                .await
                .unwrap();
            (page.total, page.leads.iter().map(|l| l.reference.to_string()).collect::<Vec<_>>())
        }
    };
    assert_eq!(list(&[]).await, (5, vec!["AG-T00004".to_string(), "AG-T00003".to_string()]), "newest first, no spam");
    assert_eq!(list(&[("page", "3")]).await, (5, vec!["AG-T00000".to_string()]));
    assert_eq!(list(&[("sort", "oldest")]).await.1, ["AG-T00000", "AG-T00001"]);
    assert_eq!(list(&[("status", "spam")]).await, (1, vec!["AG-T00009".to_string()]));
    assert_eq!(list(&[("q", "acme_1")]).await.0, 3, "case-insensitive, and _ is literal");
    assert_eq!(list(&[("q", "acme%1")]).await.0, 0, "% is literal");
    assert_eq!(list(&[("q", "NUMBER 3")]).await.1, ["AG-T00003"], "the message is searched");

    let change = |lead: &'static str, change: LeadChange, by| {
        let by = if by { admin.clone() } else { sales.clone() };
        async move { stores.inbox.change_lead(&reference(lead), &change, &by, t0 + Duration::hours(30)).await.unwrap() }
    };
    assert_eq!(change("AG-T00001", LeadChange::Assign(Some(sales.id)), false).await, ChangeOutcome::Done);
    assert_eq!(list(&[("assignee", "mine")]).await.1, ["AG-T00001"]);
    assert_eq!(list(&[("assignee", "unassigned")]).await.0, 4);
    assert_eq!(change("AG-T00001", LeadChange::Replied, false).await, ChangeOutcome::Done);
    assert!(matches!(change("AG-T00001", LeadChange::Replied, false).await, ChangeOutcome::Refused(_)));
    assert_eq!(change("AG-T00001", LeadChange::Note("Call back".into()), false).await, ChangeOutcome::Done);
    assert_eq!(change("AG-T00009", LeadChange::NotSpam, false).await, ChangeOutcome::Done);
    assert_eq!(change("AG-NQPE00", LeadChange::Replied, false).await, ChangeOutcome::NoSuchLead);
    assert_eq!(change("AG-T00001", LeadChange::Erase, true).await, ChangeOutcome::Done);

    let lead = stores.inbox.lead(&reference("AG-T00001")).await.unwrap().unwrap();
    assert_eq!(lead.status, LeadStatus::Contacted);
    assert_eq!(lead.first_reply_at, Some(t0 + Duration::hours(30)));
    assert_eq!(lead.assignee_email, Some(email("sales@example.com")));
    assert_eq!((lead.name.as_str(), lead.email.as_str(), lead.company.as_deref()), ("[erased]", "[erased]", None));
    assert!(lead.erased_at.is_some());
    let events = stores.inbox.events(lead.id).await.unwrap();
    let kinds: Vec<&str> = events.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(kinds, ["created", "assigned", "replied", "note", "erased"]);
    assert_eq!(events[3].detail, "[erased]");
    assert_eq!(events[4].actor, "admin@example.com");
    let counts = stores.inbox.status_counts().await.unwrap();
    assert!(counts.contains(&(LeadStatus::New, 5)) && counts.contains(&(LeadStatus::Contacted, 1)), "{counts:?}");
    let due = stores.outbox.claim_due(t0 + Duration::days(1), t0 + Duration::days(2), 10).await.unwrap();
    assert_eq!(due.len(), 4, "the erased lead's notification is cancelled");

    let timings = stores.inbox.lead_timings(t0 + Duration::hours(3)).await.unwrap();
    assert_eq!(timings.len(), 5, "two recent leads and three older ones still waiting for a reply");

    let attempt = |ip: &str, outcome| LoginAttempt {
        at: t0,
        account_key: token_hash("sales@example.com"),
        user_id: Some(sales.id),
        ip: ip.to_string(),
        outcome,
    };
    for (ip, outcome) in [
        ("10.0.0.1", LoginOutcome::WrongPassword),
        ("10.0.0.1", LoginOutcome::WrongPassword),
        ("10.0.0.2", LoginOutcome::WrongPassword),
        ("10.0.0.1", LoginOutcome::Success),
    ] {
        stores.logins.record_login(&attempt(ip, outcome)).await.unwrap();
    }
    let failures = stores.logins.login_failures(&token_hash("sales@example.com"), "10.0.0.1", t0).await.unwrap();
    assert_eq!((failures.account, failures.account_from_ip, failures.ip), (3, 2, 2));
    let later = stores
        .logins
        .login_failures(&token_hash("sales@example.com"), "10.0.0.1", t0 + Duration::minutes(1))
        .await
        .unwrap();
    assert_eq!(later.account, 0, "only failures inside the window count");
}

#[tokio::test]
async fn the_inbox_behaves_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let (db, stores) = open(&format!("sqlite://{}", dir.path().join("contract.db").display())).await;
    inbox_behaves(&stores).await;
    db.close().await;
}

#[tokio::test]
async fn the_inbox_behaves_on_postgres() {
    let pg = TestPostgres::create().await;
    let (db, stores) = open(&pg.url).await;
    inbox_behaves(&stores).await;
    db.close().await;
}

/// Guide results, funnel counts, leads, the outbox, shared secrets and staff accounts.
async fn core_stores_behave(stores: &Stores) {
    let t0 = DateTime::from_timestamp(1_800_000_000, 0).unwrap();

    let mut answers = serde_json::Map::new();
    answers.insert("stage".into(), "mvp".into());
    answers.insert("engineers".into(), 4.into());
    let result = StoredResult {
        id: random_result_id(),
        recommendation: recommend(&Answers::from_json(&answers).unwrap()),
        answers,
        model_version: "1.0.0".into(),
        created_at: t0,
    };
    stores.results.insert(&result).await.unwrap();
    assert_eq!(stores.results.get(&result.id).await.unwrap(), Some(result.clone()), "read back as written");
    assert_eq!(stores.results.get(&random_result_id()).await.unwrap(), None);

    let day = t0.date_naive();
    for (event, step, on) in [
        (FunnelEvent::View, 1, day),
        (FunnelEvent::View, 1, day),
        (FunnelEvent::View, 1, day.succ_opt().unwrap()),
        (FunnelEvent::View, 2, day),
        (FunnelEvent::Complete, 0, day),
    ] {
        stores.funnel.record("1.0.0", event, step, on).await.unwrap();
    }
    stores.funnel.record("0.9.0", FunnelEvent::View, 1, day).await.unwrap();
    let totals = stores.funnel.totals("1.0.0").await.unwrap();
    let total = |event, step, count| FunnelTotal { event, step, count };
    assert_eq!(
        totals,
        [total(FunnelEvent::Complete, 0, 1), total(FunnelEvent::View, 1, 3), total(FunnelEvent::View, 2, 1)]
    );
    assert_eq!(stores.funnel.versions().await.unwrap(), ["1.0.0", "0.9.0"]);

    let hook = |text: &str| OutboxMessage { channel: Channel::Webhook, payload: text.to_string() };
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

#[tokio::test]
async fn every_store_behaves_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let (db, stores) = open(&format!("sqlite://{}", dir.path().join("contract.db").display())).await;
    core_stores_behave(&stores).await;
    db.close().await;
}

#[tokio::test]
async fn every_store_behaves_on_postgres() {
    let pg = TestPostgres::create().await;
    let (db, stores) = open(&pg.url).await;
    core_stores_behave(&stores).await;
    db.close().await;
}

/// Leads arriving at the same moment (on SQLite they share one transaction): each is stored once
/// with its own notification, a repeat finds its lead, and one whose reference is taken fails
/// alone without undoing the others.
async fn leads_arriving_together_behave(stores: &Stores) {
    let t0 = Utc::now();
    let hook = |i: usize| OutboxMessage { channel: Channel::Webhook, payload: format!("lead {i}") };
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

#[tokio::test]
async fn leads_arriving_together_behave_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let (db, stores) = open(&format!("sqlite://{}", dir.path().join("together.db").display())).await;
    leads_arriving_together_behave(&stores).await;
    db.close().await;
}

#[tokio::test]
async fn leads_arriving_together_behave_on_postgres() {
    let pg = TestPostgres::create().await;
    let (db, stores) = open(&pg.url).await;
    leads_arriving_together_behave(&stores).await;
    db.close().await;
}
