//! Messages from the shared mailbox, on both databases: one reader at a time, the cursor moved
//! with each message stored, a message read twice stored once, each matched to its lead (or
//! left unmatched), every answer owed its own reply with its own reminder, a bounce marking
//! the address, and erasure taking the messages and their files.

use archguide::domain::leads::conversation::bounce::Bounce;
use archguide::domain::leads::conversation::{Attachment, InboundKind, InboundMail, MatchedBy};
use archguide::domain::leads::deadline::Deadline;
use archguide::domain::leads::promise::ReplyPromise;
use archguide::domain::leads::reply::ReplyDraft;
use archguide::server::store::deadlines::DueLead;
use archguide::server::store::thread::intake::{Arrival, BounceNotice, Intake, Matching};
use archguide::server::store::thread::Attached;

use super::*;

const MAILBOX: &str = "sales@127.0.0.1:143/INBOX";
const MATCHING: Matching<'static> = Matching { host: "guide.example.com", shared: "sales@axiomtech.example" };

fn mail(from: &str, subject: &str, text: &str) -> InboundMail {
    InboundMail {
        message_id: None,
        refers_to: Vec::new(),
        recipients: vec!["sales@axiomtech.example".into()],
        from: from.into(),
        from_name: None,
        subject: subject.into(),
        text: text.into(),
        kind: InboundKind::Answer,
        bounce: None,
        attachments: Vec::new(),
        notes: Vec::new(),
        whole: true,
    }
}

fn no_notice(_: &BounceNotice) -> Vec<OutboxMessage> {
    Vec::new()
}

async fn take(
    stores: &Stores,
    holder: &str,
    uid: u32,
    mail: &InboundMail,
    key: &str,
    at: DateTime<Utc>,
) -> Option<Intake> {
    let arrival = Arrival { uid, mail, key, size: 100 };
    stores.intake.take_in(MAILBOX, holder, arrival, MATCHING, &no_notice, at).await.unwrap()
}

async fn the_intake_behaves(stores: &Stores) {
    let t0 = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
    let lease = |at: DateTime<Utc>| at + Duration::minutes(2);
    stores.users.add_user(&email("sam@example.com"), Role::Sales, "x", t0).await.unwrap();
    let sam = stores.users.user_by_email(&email("sam@example.com")).await.unwrap().unwrap();
    for i in 1..=3 {
        stores.leads.insert(&record(i, &format!("Person {i}"), "Acme", t0, false), &[]).await.unwrap();
    }
    let (one, two) = (reference("AG-T00001"), reference("AG-T00002"));

    // One reader at a time: the second holder waits until the lease runs out.
    let claim = stores.intake.claim_mailbox(MAILBOX, "a", t0, lease(t0)).await.unwrap().unwrap();
    assert_eq!((claim.uid_validity, claim.last_uid), (None, 0));
    assert!(stores.intake.claim_mailbox(MAILBOX, "b", t0, lease(t0)).await.unwrap().is_none());
    assert!(stores.intake.restart_mailbox(MAILBOX, "a", 77).await.unwrap());

    // Sam replies to lead one; its answer names our message and matches by thread.
    let reply = LeadChange::Reply(ReplyDraft::parse("Re: hello", "Hi").unwrap());
    let t1 = t0 + Duration::hours(1);
    assert_eq!(stores.inbox.change_lead(&one, &reply, &sam, t1).await.unwrap(), ChangeOutcome::Done);
    let ours =
        stores.outbox.claim_due(t1, t1, 10).await.unwrap().into_iter().find(|m| m.channel == Channel::Reply).unwrap();
    let mut answer = mail("someone@else.example", "Re: hello", "Yes please.");
    answer.refers_to = vec!["x@y".into(), format!("archguide-outbox-{}@guide.example.com", ours.id)];
    answer.attachments = vec![Attachment {
        name: "plan.pdf".into(),
        content_type: "application/pdf".into(),
        size: 4,
        content: Some(b"%PDF".to_vec()),
    }];
    let t2 = t1 + Duration::hours(2);
    stores.intake.claim_mailbox(MAILBOX, "a", t2, lease(t2)).await.unwrap().unwrap();
    let intake = take(stores, "a", 5, &answer, "id:answer@x", t2).await.unwrap();
    assert_eq!(
        (intake.lead.as_ref(), intake.matched_by, intake.duplicate),
        (Some(&one), Some(MatchedBy::Thread), false)
    );
    // Read again (after a restart that lost its cursor, say): stored once, the cursor still moves.
    let again = take(stores, "a", 6, &answer, "id:answer@x", t2).await.unwrap();
    assert_eq!((again.id, again.duplicate), (intake.id, true));
    // An instance that lost the lease writes nothing.
    assert!(take(stores, "b", 7, &answer, "id:other@x", t2).await.is_none());
    let claim = stores.intake.claim_mailbox(MAILBOX, "a", t2, lease(t2)).await.unwrap().unwrap();
    assert_eq!((claim.uid_validity, claim.last_uid), (Some(77), 6));

    // The answer is owed its own reply, with its own reminder, and its text is searched.
    let lead = stores.inbox.lead(&one).await.unwrap().unwrap();
    assert_eq!((lead.first_reply_at, lead.owed_since), (Some(t1), Some(t2)));
    let found = stores.inbox.leads_from("person1@example.com").await.unwrap();
    assert_eq!(found, [one.clone()]);
    let compose = |_: Deadline, _: &DueLead| Vec::new();
    let promise = ReplyPromise::default();
    let soon = t2 + Duration::hours(21);
    let due =
        stores.deadlines.claim_due(Deadline::Reminder, Deadline::Reminder.received_by(&promise, soon), soon, &compose);
    let due: Vec<String> = due.await.unwrap().into_iter().map(|l| l.reference.to_string()).collect();
    assert!(due.contains(&one.to_string()), "{due:?}");
    let due =
        stores.deadlines.claim_due(Deadline::Reminder, Deadline::Reminder.received_by(&promise, soon), soon, &compose);
    assert!(!due.await.unwrap().iter().any(|l| l.reference == one), "one reminder per wait");
    let thread = stores.conversation.inbound(lead.id).await.unwrap();
    assert_eq!(thread.len(), 1);
    assert_eq!((thread[0].subject.as_str(), thread[0].attachments.len()), ("Re: hello", 1));
    let file = stores.conversation.attachment(thread[0].attachments[0].id).await.unwrap().unwrap();
    assert_eq!((file.content, file.lead), (b"%PDF".to_vec(), Some(one.clone())));

    // A reply settles it and ends the wait; a second answer starts a new one.
    let t3 = t2 + Duration::hours(3);
    assert_eq!(stores.inbox.change_lead(&one, &reply, &sam, t3).await.unwrap(), ChangeOutcome::Done);
    assert_eq!(stores.inbox.lead(&one).await.unwrap().unwrap().owed_since, None);
    stores.intake.claim_mailbox(MAILBOX, "a", t3, lease(t3)).await.unwrap().unwrap();
    let stats = stores.inbox.lead_stats(t3, Period::hours(24)).await.unwrap();
    assert_eq!(stats.median_first_reply, Some(Duration::hours(2)), "1 h to the first reply, 3 h to the answer");

    // Matching: a tagged address, then the sender's address, then nothing.
    let mut tagged = mail("x@y.example", "About us", "Tagged.");
    tagged.recipients = vec!["Sales+ag-t00002@axiomtech.example".into()];
    let intake = take(stores, "a", 8, &tagged, "id:tagged", t3).await.unwrap();
    assert_eq!((intake.lead.as_ref(), intake.matched_by), (Some(&two), Some(MatchedBy::Tag)));
    let intake = take(stores, "a", 9, &mail("PERSON3@example.com", "Hi", "From me."), "id:sender", t3).await.unwrap();
    assert_eq!((intake.lead.map(String::from), intake.matched_by), (Some("AG-T00003".into()), Some(MatchedBy::Sender)));
    let nobody = take(stores, "a", 10, &mail("who@nowhere.example", "Hi", "Lost."), "id:lost", t3).await.unwrap();
    let spam = take(stores, "a", 11, &mail("win@prizes.example", "Win", "Now."), "id:spam", t3).await.unwrap();
    assert_eq!((nobody.lead, nobody.matched_by), (None, None));
    let (unmatched, total) = stores.conversation.unmatched(10).await.unwrap();
    assert_eq!((unmatched.len(), total), (2, 2));
    assert_eq!(
        stores.conversation.attach(nobody.id, &reference("AG-T09999"), &sam, t3).await.unwrap(),
        Attached::NoSuchLead
    );
    assert_eq!(stores.conversation.attach(nobody.id, &two, &sam, t3).await.unwrap(), Attached::Done);
    assert_eq!(stores.conversation.attach(nobody.id, &two, &sam, t3).await.unwrap(), Attached::NoSuchMessage);
    assert!(stores.conversation.discard(spam.id).await.unwrap());
    assert_eq!(stores.conversation.unmatched(10).await.unwrap().1, 0);
    let lead_two = stores.inbox.lead(&two).await.unwrap().unwrap();
    let thread = stores.conversation.inbound(lead_two.id).await.unwrap();
    assert_eq!(thread.iter().map(|m| m.matched_by).collect::<Vec<_>>(), [Some(MatchedBy::Tag), Some(MatchedBy::Staff)]);
    assert_eq!(thread[1].attached_by.as_deref(), Some("sam@example.com"));

    // An automatic reply is kept and owes nothing.
    let mut away = mail("person1@example.com", "Out of office", "Back Monday.");
    away.kind = InboundKind::AutoReply;
    take(stores, "a", 12, &away, "id:away", t3).await.unwrap();
    assert_eq!(stores.inbox.lead(&one).await.unwrap().unwrap().owed_since, None);

    // A bounce of lead one's address marks it; the reply's writer hears of it.
    let mut bounce = mail("MAILER-DAEMON@mx.example", "Undelivered", "Could not deliver.");
    bounce.kind = InboundKind::Bounce;
    bounce.bounce = Some(Bounce {
        failed: vec!["person1@example.com".into()],
        reason: "5.1.1 smtp; 550 no such user".into(),
        original: Some(format!("<archguide-outbox-{}@guide.example.com>", ours.id)),
    });
    let told = std::sync::Mutex::new(Vec::new());
    let notice = |n: &BounceNotice| {
        told.lock().unwrap().push(n.clone());
        Vec::new()
    };
    let arrival = Arrival { uid: 13, mail: &bounce, key: "id:bounce", size: 100 };
    stores.intake.take_in(MAILBOX, "a", arrival, MATCHING, &notice, t3).await.unwrap().unwrap();
    assert_eq!(told.lock().unwrap()[0].writer.as_ref().map(|w| w.as_str()), Some("sam@example.com"));
    let lead = stores.inbox.lead(&one).await.unwrap().unwrap();
    assert_eq!(lead.undeliverable.as_deref(), Some("5.1.1 smtp; 550 no such user"));
    assert!(matches!(stores.inbox.change_lead(&one, &reply, &sam, t3).await.unwrap(), ChangeOutcome::Refused(_)));
    let fix = LeadChange::CorrectEmail("person1@example.org".into());
    assert_eq!(stores.inbox.change_lead(&one, &fix, &sam, t3).await.unwrap(), ChangeOutcome::Done);
    assert_eq!(stores.inbox.lead(&one).await.unwrap().unwrap().undeliverable, None);
    assert_eq!(stores.inbox.change_lead(&one, &reply, &sam, t3).await.unwrap(), ChangeOutcome::Done);

    // Erasure takes the messages and their files.
    let file_id = stores.conversation.inbound(lead.id).await.unwrap()[0].attachments[0].id;
    assert_eq!(stores.inbox.change_lead(&one, &LeadChange::Erase, &sam, t3).await.unwrap(), ChangeOutcome::Done);
    assert!(stores.conversation.inbound(lead.id).await.unwrap().is_empty());
    assert!(stores.conversation.attachment(file_id).await.unwrap().is_none());
    // What the person writes after their erasure matches nothing erased.
    let after = take(stores, "a", 14, &mail("person1@example.org", "Hello again", "Me again."), "id:again", t3).await;
    assert_eq!(after.unwrap().lead, None);
}

on_both_databases!(the_intake_behaves: the_intake_behaves_on_sqlite, the_intake_behaves_on_postgres);
