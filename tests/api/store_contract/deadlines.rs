//! Reminders and overdue alerts, claimed once per lead, on both databases.

use archguide::domain::leads::deadline::Deadline;
use archguide::server::store::deadlines::DueLead;

use super::*;

async fn deadlines_behave(stores: &Stores) {
    let t0 = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
    stores.users.add_user(&email("ann@example.com"), Role::Admin, "x", t0).await.unwrap();
    stores.users.add_user(&email("sam@example.com"), Role::Sales, "x", t0).await.unwrap();
    stores.users.add_user(&email("sue@example.com"), Role::Sales, "x", t0).await.unwrap();
    stores.users.disable_user(&email("sue@example.com"), t0).await.unwrap();
    let sam = stores.users.user_by_email(&email("sam@example.com")).await.unwrap().unwrap();
    let admin = stores.users.user_by_email(&email("ann@example.com")).await.unwrap().unwrap();
    for i in 0..4 {
        stores
            .leads
            .insert(&record(i, &format!("Person {i}"), "", t0 + Duration::minutes(i as i64), false), &[])
            .await
            .unwrap();
    }
    stores.leads.insert(&record(8, "Bot", "", t0, true), &[]).await.unwrap();
    let at = t0 + Duration::hours(2);
    let change = |lead: &'static str, change: LeadChange| {
        let by = admin.clone();
        async move { stores.inbox.change_lead(&reference(lead), &change, &by, at).await.unwrap() }
    };
    assert_eq!(change("AG-T00000", LeadChange::Replied).await, ChangeOutcome::Done);
    assert_eq!(change("AG-T00001", LeadChange::Assign(Some(sam.id))).await, ChangeOutcome::Done);
    assert_eq!(change("AG-T00002", LeadChange::Status(LeadStatus::Lost)).await, ChangeOutcome::Done);

    let hook = |deadline: Deadline, lead: &DueLead| {
        let to: Vec<String> = lead.recipients.iter().map(|e| e.to_string()).collect();
        vec![OutboxMessage::new(Channel::Webhook, format!("{deadline} {} {}", lead.reference, to.join(",")))]
    };
    // Leads received up to t0 + 1 min have reached the reminder.
    let due = stores.deadlines.claim_due(Deadline::Reminder, t0 + Duration::minutes(1), at, &hook).await.unwrap();
    let got: Vec<(String, Vec<String>)> =
        due.iter().map(|d| (d.reference.to_string(), d.recipients.iter().map(|e| e.to_string()).collect())).collect();
    assert_eq!(
        got,
        [("AG-T00001".to_string(), vec!["sam@example.com".to_string()])],
        "answered, lost and spam leads are left alone"
    );
    assert!(
        stores
            .deadlines
            .claim_due(Deadline::Reminder, t0 + Duration::hours(1), at, &hook)
            .await
            .unwrap()
            .iter()
            .all(|d| d.reference.as_str() == "AG-T00003"),
        "a reminder goes once"
    );
    let overdue = stores.deadlines.claim_due(Deadline::Overdue, t0 + Duration::hours(1), at, &hook).await.unwrap();
    assert_eq!(overdue.len(), 2);
    assert!(overdue.iter().all(|d| d.recipients == [email("ann@example.com")]), "alerts go to the admins");
    assert!(stores
        .deadlines
        .claim_due(Deadline::Overdue, t0 + Duration::hours(1), at, &hook)
        .await
        .unwrap()
        .is_empty());

    let mut payloads: Vec<String> = stores
        .outbox
        .claim_due(at, at + Duration::minutes(1), 20)
        .await
        .unwrap()
        .into_iter()
        .map(|m| m.payload)
        .collect();
    payloads.sort();
    assert_eq!(
        payloads,
        [
            "overdue AG-T00001 ann@example.com",
            "overdue AG-T00003 ann@example.com",
            "reminder AG-T00001 sam@example.com",
            "reminder AG-T00003 sam@example.com",
        ],
        "sue is disabled, so an unassigned lead's reminder goes to sam only"
    );
    let lead = stores.inbox.lead(&reference("AG-T00001")).await.unwrap().unwrap();
    let kinds: Vec<&str> = stores.inbox.events(lead.id).await.unwrap().iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(kinds, ["created", "assigned", "reminded", "overdue"]);
}

on_both_databases!(deadlines_behave: deadlines_behave_on_sqlite, deadlines_behave_on_postgres);
