//! Replies written in the inbox: queued with the lead's change, their delivery read from the
//! outbox, and erased with the lead, on both databases.

use archguide::domain::leads::reply::ReplyDraft;
use archguide::server::store::thread::Delivery;

use super::*;

async fn replies_behave(stores: &Stores) {
    let t0 = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
    stores.users.add_user(&email("ann@example.com"), Role::Admin, "x", t0).await.unwrap();
    let ann = stores.users.user_by_email(&email("ann@example.com")).await.unwrap().unwrap();
    stores.leads.insert(&record(1, "Ada", "Acme", t0, false), &[]).await.unwrap();
    let lead = reference("AG-T00001");
    let draft = |subject: &str| LeadChange::Reply(ReplyDraft::parse(subject, "Hello Ada,\nthanks.").unwrap());
    let at = t0 + Duration::hours(1);
    assert_eq!(stores.inbox.change_lead(&lead, &draft("Re: one"), &ann, at).await.unwrap(), ChangeOutcome::Done);
    assert_eq!(stores.inbox.change_lead(&lead, &draft("Re: two"), &ann, at).await.unwrap(), ChangeOutcome::Done);
    let stored = stores.inbox.lead(&lead).await.unwrap().unwrap();
    assert_eq!((stored.status, stored.first_reply_at), (LeadStatus::Contacted, Some(at)), "the first reply counts");

    let queued = stores.outbox.claim_due(at, at + Duration::minutes(1), 10).await.unwrap();
    assert_eq!(queued.iter().map(|m| m.channel).collect::<Vec<_>>(), [Channel::Reply, Channel::Reply]);
    let payload: serde_json::Value = serde_json::from_str(&queued[0].payload).unwrap();
    assert_eq!(
        (payload["to"].as_str(), payload["reply_to"].as_str()),
        (Some("person1@example.com"), Some("ann@example.com"))
    );
    stores.outbox.mark_delivered(queued[0].id, at).await.unwrap();
    stores.outbox.mark_failed(queued[1].id, at + Duration::minutes(5), "550 no such mailbox").await.unwrap();
    let thread = stores.inbox.replies(stored.id).await.unwrap();
    assert_eq!(thread.iter().map(|r| r.subject.as_str()).collect::<Vec<_>>(), ["Re: one", "Re: two"]);
    assert_eq!(thread[0].delivery, Delivery::Sent { at });
    assert_eq!(thread[1].delivery, Delivery::Failed { reason: "550 no such mailbox".into(), attempts: 1 });
    assert_eq!((thread[0].author.as_str(), thread[0].body.as_str()), ("ann@example.com", "Hello Ada,\nthanks."));

    assert_eq!(stores.inbox.change_lead(&lead, &LeadChange::Erase, &ann, at).await.unwrap(), ChangeOutcome::Done);
    let thread = stores.inbox.replies(stored.id).await.unwrap();
    assert!(thread.iter().all(|r| r.subject == "[erased]" && r.body == "[erased]"), "{thread:?}");
    let events = stores.inbox.events(stored.id).await.unwrap();
    assert!(events.iter().filter(|e| e.kind.as_str() == "reply").all(|e| e.detail == "[erased]"));
    let later = at + Duration::hours(1);
    assert!(
        stores.outbox.claim_due(later, later + Duration::minutes(1), 10).await.unwrap().is_empty(),
        "nothing left to send"
    );
}

on_both_databases!(replies_behave: replies_behave_on_sqlite, replies_behave_on_postgres);
