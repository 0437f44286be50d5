//! The inbox's reads and changes, and the login attempt log, on both databases.

use super::*;

/// Every page of the list in `sort` order, two leads a page, walked forward by each page's
/// link to the next; walking back from the last page by the links to the previous one meets the
/// same pages.
async fn pages(stores: &Stores, viewer_id: i64, sort: &str) -> Vec<Vec<String>> {
    let (order, _) = LeadFilter::from_pairs([("sort", sort)]);
    let page_at = |at: PageAt| async move {
        let (mut filter, _) = LeadFilter::from_pairs([("sort", sort)]);
        filter.at = at;
        stores.inbox.list_leads(LeadQuery { filter: &filter, viewer_id, limit: Some(2) }).await.unwrap()
    };
    let names = |page: &LeadPage| page.leads.iter().map(|l| l.reference.to_string()).collect::<Vec<_>>();
    let mut page = page_at(PageAt::First).await;
    assert!(!page.more_before);
    let mut forward = vec![names(&page)];
    while page.more_after {
        page = page_at(PageAt::After(page.leads.last().unwrap().cursor(order.sort))).await;
        assert!(page.more_before);
        forward.push(names(&page));
    }
    let mut backward = vec![names(&page)];
    while page.more_before {
        page = page_at(PageAt::Before(page.leads.first().unwrap().cursor(order.sort))).await;
        assert!(page.more_after);
        backward.insert(0, names(&page));
    }
    assert_eq!(forward, backward, "{sort}");
    forward
}

/// The inbox's reads and changes, and the login attempt log.
async fn inbox_behaves(stores: &Stores) {
    let t0 = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
    stores.users.add_user(&email("admin@example.com"), Role::Admin, "x", t0).await.unwrap();
    stores.users.add_user(&email("sales@example.com"), Role::Sales, "x", t0).await.unwrap();
    let admin = stores.users.user_by_email(&email("admin@example.com")).await.unwrap().unwrap();
    let sales = stores.users.user_by_email(&email("sales@example.com")).await.unwrap().unwrap();
    let hook = [OutboxMessage::new(Channel::Webhook, "{\"name\":\"Ada\"}")];
    for i in 0..5 {
        let company = if i % 2 == 0 { "Acme_1" } else { "Globex" };
        stores
            .leads
            .insert(&record(i, &format!("Person {i}"), company, t0 + Duration::hours(i as i64), false), &hook)
            .await
            .unwrap();
    }
    stores.leads.insert(&record(9, "Bot", "", t0, true), &[]).await.unwrap();

    // The first page of two, and how many leads the filter selects on all pages.
    let list = |pairs: &'static [(&'static str, &'static str)]| {
        let (filter, errors) = LeadFilter::from_pairs(pairs.iter().copied());
        assert!(errors.is_empty(), "{errors:?}");
        async move {
            let query = LeadQuery { filter: &filter, viewer_id: sales.id, limit: Some(2) };
            let page = stores.inbox.list_leads(query).await.unwrap();
            let counts = stores.inbox.status_counts(query).await.unwrap();
            let total: LeadCount = counts
                .iter()
                .filter(|(s, _)| filter.status.map_or(*s != LeadStatus::Spam, |wanted| *s == wanted))
                .map(|(_, n)| *n)
                .sum();
            (total.n, page.leads.iter().map(|l| l.reference.to_string()).collect::<Vec<_>>())
        }
    };
    assert_eq!(list(&[]).await, (5, vec!["AG-T00004".to_string(), "AG-T00003".to_string()]), "newest first, no spam");
    for sort in ["newest", "oldest", "reply-by"] {
        let walked = pages(stores, sales.id, sort).await;
        let mut all: Vec<String> = walked.concat();
        assert_eq!(walked.iter().map(Vec::len).collect::<Vec<_>>(), [2, 2, 1], "{sort}");
        all.sort();
        assert_eq!(all, ["AG-T00000", "AG-T00001", "AG-T00002", "AG-T00003", "AG-T00004"], "{sort}");
    }
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
    let counts_for = |pairs: &'static [(&'static str, &'static str)]| {
        let (filter, _) = LeadFilter::from_pairs(pairs.iter().copied());
        async move {
            let mut counts = stores
                .inbox
                .status_counts(LeadQuery { filter: &filter, viewer_id: sales.id, limit: None })
                .await
                .unwrap();
            counts.sort();
            counts
        }
    };
    let counts = counts_for(&[]).await;
    assert!(
        counts.contains(&(LeadStatus::New, LeadCount::exact(5)))
            && counts.contains(&(LeadStatus::Contacted, LeadCount::exact(1)))
            && !counts.iter().any(|(s, _)| *s == LeadStatus::Spam),
        "{counts:?}"
    );
    assert_eq!(
        counts_for(&[("q", "acme_1"), ("status", "won")]).await,
        [(LeadStatus::New, LeadCount::exact(3))],
        "the filter but its status"
    );
    assert_eq!(counts_for(&[("assignee", "mine")]).await, [(LeadStatus::Contacted, LeadCount::exact(1))]);
    assert_eq!(list(&[("q", "person 1")]).await.0, 0, "an erased lead is not found by what it said");
    // One lead answered, one more in the pipeline: "reply by" walks the unanswered, then it.
    let by_reply = pages(stores, sales.id, "reply-by").await;
    assert_eq!(by_reply.concat().last().map(String::as_str), Some("AG-T00001"));
    assert_eq!(by_reply.concat().len(), 6);
    let due = stores.outbox.claim_due(t0 + Duration::days(1), t0 + Duration::days(2), 10).await.unwrap();
    assert_eq!(due.len(), 4, "the erased lead's notification is cancelled");

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

    stores.leads.insert(&record(7, "ZOË ÅNGSTRÖM", "Ölwerk", t0, false), &[]).await.unwrap();
    assert_eq!(list(&[("q", "zoë")]).await.1, ["AG-T00007"], "case folds beyond ASCII");
    assert_eq!(list(&[("q", "ölwerk")]).await.1, ["AG-T00007"]);
}

on_both_databases!(inbox_behaves: the_inbox_behaves_on_sqlite, the_inbox_behaves_on_postgres);

/// Where leads came from: stored with them, filtered by, and counted per source with the won
/// ones; and the inbox's pulse, which moves with every arrival and change.
async fn sources_and_the_pulse_behave(stores: &Stores) {
    let t0 = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
    stores.users.add_user(&email("sales@example.com"), Role::Sales, "x", t0).await.unwrap();
    let sales = stores.users.user_by_email(&email("sales@example.com")).await.unwrap().unwrap();
    let before = stores.inbox.pulse().await.unwrap();
    assert_eq!(before.new_leads, 0);
    let tagged = |pairs: &[(&str, &str)]| Attribution::from_pairs(pairs.iter().copied());
    let attributions = [
        tagged(&[("utm_source", "Newsletter"), ("utm_medium", "email"), ("utm_campaign", "spring")]),
        tagged(&[("utm_source", "newsletter")]),
        tagged(&[("referrer", "news.example.com")]),
        Attribution::default(),
    ];
    for (i, attribution) in attributions.iter().enumerate() {
        let lead = LeadRecord { attribution: attribution.clone(), ..record(i, "Person", "", t0, false) };
        stores.leads.insert(&lead, &[]).await.unwrap();
    }
    let spam = LeadRecord { attribution: tagged(&[("utm_source", "newsletter")]), ..record(8, "Bot", "", t0, true) };
    stores.leads.insert(&spam, &[]).await.unwrap();
    let arrived = stores.inbox.pulse().await.unwrap();
    assert_eq!(arrived.new_leads, 4, "spam is not new");
    assert_ne!(arrived.revision, before.revision);

    let lead = stores.inbox.lead(&reference("AG-T00000")).await.unwrap().unwrap();
    assert_eq!(lead.attribution, attributions[0]);
    assert_eq!(lead.attribution.source.as_deref(), Some("newsletter"));
    let won = LeadChange::Status(LeadStatus::Won);
    let outcome = stores.inbox.change_lead(&reference("AG-T00001"), &won, &sales, t0).await.unwrap();
    assert_eq!(outcome, ChangeOutcome::Done);
    let changed = stores.inbox.pulse().await.unwrap();
    assert_eq!(changed.new_leads, 3);
    assert_ne!(changed.revision, arrived.revision);
    assert_eq!(stores.inbox.pulse().await.unwrap(), changed, "nothing moved, nothing changes");

    let sources = stores.inbox.leads_per_source().await.unwrap();
    let counted: Vec<(&str, u64, u64)> = sources.iter().map(|s| (s.source.as_str(), s.leads, s.won)).collect();
    assert_eq!(counted, [("newsletter", 2, 1), ("direct", 1, 0), ("news.example.com", 1, 0)]);
    for (source, expected) in [("newsletter", 2), ("NEWS.example.com", 1), ("direct", 1), ("elsewhere", 0)] {
        let (filter, _) = LeadFilter::from_pairs([("source", source)]);
        let page =
            stores.inbox.list_leads(LeadQuery { filter: &filter, viewer_id: sales.id, limit: None }).await.unwrap();
        assert_eq!(page.leads.len(), expected, "{source}");
        let counts =
            stores.inbox.status_counts(LeadQuery { filter: &filter, viewer_id: sales.id, limit: None }).await.unwrap();
        let counted: u64 = counts.iter().filter(|(s, _)| *s != LeadStatus::Spam).map(|(_, n)| n.n).sum();
        assert_eq!(counted, expected as u64, "{source}: the tallies agree");
    }
}

on_both_databases!(
    sources_and_the_pulse_behave: sources_and_the_pulse_behave_on_sqlite,
    sources_and_the_pulse_behave_on_postgres
);

/// What the retention job reads and deletes; two instances expiring one lead at once erase it once.
async fn retention_behaves(stores: &Stores) {
    let t0 = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
    stores.users.add_user(&email("sales@example.com"), Role::Sales, "x", t0).await.unwrap();
    let sales = stores.users.user_by_email(&email("sales@example.com")).await.unwrap().unwrap();
    stores.leads.insert(&record(0, "Quiet", "", t0, false), &[]).await.unwrap();
    stores.leads.insert(&record(1, "Worked", "", t0, false), &[]).await.unwrap();
    stores.leads.insert(&record(2, "Bot", "", t0, true), &[]).await.unwrap();
    let note = LeadChange::Note("still talking".into());
    stores.inbox.change_lead(&reference("AG-T00001"), &note, &sales, t0 + Duration::days(20)).await.unwrap();
    let retention = Retention { leads: Period::days(30), spam: Period::days(7), ..Retention::default() };
    let expired = |days: i64| {
        let cutoffs = retention.cutoffs(t0 + Duration::days(days));
        async move {
            let found = stores.retention.expired_leads(&cutoffs, 10).await.unwrap();
            found.into_iter().map(|e| (e.reference.to_string(), e.spam)).collect::<Vec<_>>()
        }
    };
    assert_eq!(expired(6).await, []);
    assert_eq!(expired(8).await, [("AG-T00002".to_string(), true)]);
    assert_eq!(expired(31).await, [("AG-T00000".to_string(), false), ("AG-T00002".to_string(), true)]);
    assert_eq!(expired(51).await.len(), 3, "the note kept the worked lead 20 days longer");

    let at = t0 + Duration::days(31);
    let quiet = reference("AG-T00000");
    let (first, second) =
        tokio::join!(stores.inbox.expire_lead(&quiet, "30 days", at), stores.inbox.expire_lead(&quiet, "30 days", at));
    let outcomes = [first.unwrap(), second.unwrap()];
    assert_eq!(outcomes.iter().filter(|o| **o == ChangeOutcome::Done).count(), 1, "{outcomes:?}");
    let lead = stores.inbox.lead(&reference("AG-T00000")).await.unwrap().unwrap();
    assert_eq!(lead.name, "[erased]");
    let events = stores.inbox.events(lead.id).await.unwrap();
    let erasures: Vec<_> = events.iter().filter(|e| e.kind.as_str() == "erased").collect();
    assert_eq!(erasures.len(), 1);
    assert_eq!(erasures[0].actor, "retention");
    assert!(erasures[0].detail.contains("no activity for 30 days"), "{}", erasures[0].detail);
    assert_eq!(expired(31).await, [("AG-T00002".to_string(), true)], "an erased lead is not expired again");

    let attempt = |at| LoginAttempt {
        at,
        account_key: token_hash("sales@example.com"),
        user_id: Some(sales.id),
        ip: "10.0.0.1".into(),
        outcome: LoginOutcome::Success,
    };
    stores.logins.record_login(&attempt(t0)).await.unwrap();
    stores.logins.record_login(&attempt(t0 + Duration::days(2))).await.unwrap();
    assert_eq!(stores.retention.delete_login_attempts(t0 + Duration::days(1)).await.unwrap(), 1);
    stores.sessions.create_session("old", sales.id, t0).await.unwrap();
    stores.sessions.create_session("new", sales.id, t0 + Duration::days(2)).await.unwrap();
    let deleted = stores.retention.delete_ended_sessions(t0 + Duration::days(1), t0 - Duration::days(1)).await.unwrap();
    assert_eq!(deleted, 1);
    assert!(stores.sessions.session("new").await.unwrap().is_some());
    stores.retention.compact().await.unwrap();
}

on_both_databases!(retention_behaves: retention_behaves_on_sqlite, retention_behaves_on_postgres);
