//! Booked calls, on both databases: one person, one call at a time, whoever writes.

use archguide::domain::booking::{parse_zone, Availability, DaysOff, Interval, WeeklyHours};
use archguide::server::store::booking::{BookingOutcome, NewBooking};

use super::*;

/// How many visitors post the same person's slot at the same moment, through two instances.
const ATTEMPTS: usize = 24;

/// A staff member with hours, and `leads` leads; their ids.
async fn person_and_leads(stores: &Stores, leads: usize, t0: DateTime<Utc>) -> (i64, Vec<i64>) {
    stores.users.add_user(&email("sam@example.com"), Role::Sales, "hash", t0).await.unwrap();
    let sam = stores.users.user_by_email(&email("sam@example.com")).await.unwrap().unwrap();
    let availability = Availability {
        zone: parse_zone("Europe/Madrid").unwrap(),
        hours: WeeklyHours::parse(&["mon-fri 09:00-17:00"]).unwrap(),
        off: DaysOff::parse(&["2026-12-24..2027-01-02"]).unwrap(),
        languages: vec!["en".into(), "es".into()],
    };
    stores.bookings.set_availability(sam.id, &availability, Some("https://meet.example.com/sam"), t0).await.unwrap();
    (sam.id, leads_numbered(stores, 0, leads, t0).await)
}

fn booking(lead_id: i64, staff_id: i64, start: &str, at: DateTime<Utc>) -> NewBooking {
    let start: DateTime<Utc> = start.parse().unwrap();
    let end = start + Duration::minutes(30);
    NewBooking {
        uid: format!("booking-{lead_id}-{start}@test"),
        lead_id,
        staff_id,
        call: Interval { start, end },
        busy_until: end + Duration::minutes(15),
        visitor_zone: "America/New_York".into(),
        at,
        detail: format!("call booked: {start}"),
        day: Interval { start: start - Duration::hours(12), end: start + Duration::hours(12) },
        per_day: 6,
        notifications: vec![OutboxMessage::new(Channel::Email, format!("booked {start}"))],
    }
}

/// Many visitors post the same slot of one person at once, half through another instance on the
/// same database: exactly one call is stored, the rest hear it was taken, and the store does not
/// take the refusals for a database that cannot write.
async fn one_person_takes_one_call_at_a_time(stores: &Stores, other_instance: &Stores) {
    let t0 = Utc::now();
    let (sam, leads) = person_and_leads(stores, ATTEMPTS + 3, t0).await;
    let bookable = stores.bookings.bookable().await.unwrap();
    assert_eq!(bookable.len(), 1);
    assert_eq!(bookable[0].availability.hours.specs(), ["mon-fri 09:00-17:00"]);
    assert_eq!(bookable[0].availability.off.items(), ["2026-12-24..2027-01-02"]);
    assert_eq!(bookable[0].meeting_link.as_deref(), Some("https://meet.example.com/sam"));

    let mut attempts = Vec::new();
    for (i, lead) in leads.iter().take(ATTEMPTS).enumerate() {
        let stores = if i % 2 == 0 { stores.clone() } else { other_instance.clone() };
        let wanted = booking(*lead, sam, "2026-12-08T09:00:00Z", t0);
        attempts.push(tokio::spawn(async move { stores.bookings.book(&wanted).await }));
    }
    let (mut booked, mut taken) = (0, 0);
    for attempt in attempts {
        match attempt.await.unwrap().unwrap() {
            BookingOutcome::Booked { .. } => booked += 1,
            BookingOutcome::Taken => taken += 1,
            other => panic!("{other:?}"),
        }
    }
    eprintln!("bookings of one slot at once: {ATTEMPTS} attempts, {booked} booked, {taken} taken");
    assert_eq!((booked, taken), (1, ATTEMPTS - 1));

    let later = |lead: usize, start: &str| booking(leads[lead], sam, start, t0);
    // Starting inside the first call, or within its buffer after it, is refused; after it, not.
    assert_eq!(stores.bookings.book(&later(ATTEMPTS, "2026-12-08T09:15:00Z")).await.unwrap(), BookingOutcome::Taken);
    assert_eq!(stores.bookings.book(&later(ATTEMPTS, "2026-12-08T09:40:00Z")).await.unwrap(), BookingOutcome::Taken);
    assert!(matches!(
        stores.bookings.book(&later(ATTEMPTS, "2026-12-08T09:45:00Z")).await.unwrap(),
        BookingOutcome::Booked { .. }
    ));
    // Ending within the buffer before a call is refused too.
    assert_eq!(
        stores.bookings.book(&later(ATTEMPTS + 1, "2026-12-08T08:20:00Z")).await.unwrap(),
        BookingOutcome::Taken
    );
    // A lead holds one call at a time.
    let second = later(ATTEMPTS, "2026-12-08T14:00:00Z");
    assert_eq!(stores.bookings.book(&second).await.unwrap(), BookingOutcome::LeadHasOne);

    // Each stored call queued its notification in its own transaction; the refused ones none.
    let now = Utc::now();
    let mut queued: Vec<String> = stores
        .outbox
        .claim_due(now, now + Duration::minutes(1), 100)
        .await
        .unwrap()
        .into_iter()
        .map(|m| m.payload)
        .collect();
    queued.sort();
    assert_eq!(queued, ["booked 2026-12-08 09:00:00 UTC", "booked 2026-12-08 09:45:00 UTC"]);

    let calls =
        stores.bookings.calls_between("2026-12-08T00:00:00Z".parse().unwrap(), "2026-12-09T00:00:00Z".parse().unwrap());
    let starts: Vec<String> = calls.await.unwrap().iter().map(|c| c.call.start.to_rfc3339()).collect();
    assert_eq!(starts, ["2026-12-08T09:00:00+00:00", "2026-12-08T09:45:00+00:00"]);
    let mine = stores.bookings.booking_of(leads[ATTEMPTS]).await.unwrap().unwrap();
    assert_eq!(
        (mine.staff_email.as_str(), mine.call.start.to_rfc3339()),
        ("sam@example.com", "2026-12-08T09:45:00+00:00".into())
    );
    assert_eq!(mine.visitor_zone, "America/New_York");
    // The call is the reply the site promised, and the lead's history says so.
    let lead = stores.inbox.lead(&reference(&format!("AG-T{ATTEMPTS:05}"))).await.unwrap().unwrap();
    assert_eq!(lead.first_reply_at.map(|t| t.timestamp_micros()), Some(t0.timestamp_micros()));
    assert_eq!(lead.owed_since, None, "nothing is owed: no reminder, no countdown");
    let events = stores.inbox.events(lead.id).await.unwrap();
    let booked: Vec<_> =
        events.iter().filter(|e| e.kind == archguide::domain::leads::lifecycle::EventKind::Booked).collect();
    assert_eq!(booked.len(), 1, "{events:?}");
    assert_eq!(
        (booked[0].actor.as_str(), booked[0].detail.as_str()),
        ("visitor", "call booked: 2026-12-08 09:45:00 UTC")
    );
    let untouched = stores.inbox.lead(&reference(&format!("AG-T{:05}", ATTEMPTS + 1))).await.unwrap().unwrap();
    assert_eq!(untouched.first_reply_at, None, "a refused booking changed nothing");
    assert!(stores.bookings.booking_of(leads[ATTEMPTS + 2]).await.unwrap().is_none());

    // A full day takes no more calls, however many visitors post different times of it at once.
    let more = leads_numbered(stores, ATTEMPTS + 3, 10, t0).await;
    let mut attempts = Vec::new();
    for (i, lead) in more.iter().enumerate() {
        let stores = if i % 2 == 0 { stores.clone() } else { other_instance.clone() };
        let mut wanted = booking(*lead, sam, &format!("2026-12-09T{:02}:00:00Z", 8 + i), t0);
        wanted.day =
            Interval { start: "2026-12-08T23:00:00Z".parse().unwrap(), end: "2026-12-09T23:00:00Z".parse().unwrap() };
        wanted.per_day = 3;
        attempts.push(tokio::spawn(async move { stores.bookings.book(&wanted).await }));
    }
    let mut booked = 0;
    for attempt in attempts {
        if let BookingOutcome::Booked { .. } = attempt.await.unwrap().unwrap() {
            booked += 1;
        }
    }
    eprintln!("one day's calls at once, at most 3: {} attempts, {booked} booked", more.len());
    assert_eq!(booked, 3);
}

/// `count` leads, numbered from `first`; their ids.
async fn leads_numbered(stores: &Stores, first: usize, count: usize, t0: DateTime<Utc>) -> Vec<i64> {
    let mut ids = Vec::new();
    for i in first..first + count {
        stores.leads.insert(&record(i, "Visitor", "", t0, false), &[]).await.unwrap();
        ids.push(stores.inbox.lead(&reference(&format!("AG-T{i:05}"))).await.unwrap().unwrap().id);
    }
    ids
}

#[tokio::test]
async fn one_person_takes_one_call_at_a_time_on_sqlite() {
    let fresh = Fresh::sqlite().await;
    let (other_db, other) = Fresh::open(&fresh.url).await;
    one_person_takes_one_call_at_a_time(&fresh.stores, &other).await;
    other_db.close().await;
    fresh.db.close().await;
}

#[tokio::test]
async fn one_person_takes_one_call_at_a_time_on_postgres() {
    let fresh = Fresh::postgres().await;
    let (other_db, other) = Fresh::open(&fresh.url).await;
    one_person_takes_one_call_at_a_time(&fresh.stores, &other).await;
    other_db.close().await;
    fresh.db.close().await;
}

/// The booking service over the store: the starts offered are everyone's free times, each call
/// goes to the person with the fewest that week, a start booked meanwhile comes back with the
/// nearest free ones, and a start nobody's hours hold is refused.
async fn calls_are_routed_and_a_taken_start_offers_the_nearest(stores: &Stores) {
    use archguide::server::booking::calendars::Calendars;
    use archguide::server::booking::{
        book, cancel_call, move_call, offered, Booked, Changed, LeadToBook, Sources, Wanted,
    };
    use archguide::server::clock::SystemClock;
    use archguide::server::settings::Settings;
    use archguide::server::store::booking::Bookable;
    use archguide::server::store::outbox::{Channel, OutboxMessage};

    let now: DateTime<Utc> = "2026-12-07T06:00:00Z".parse().unwrap(); // a Monday
    let settings =
        Settings::from_lookup(|name| (name == "ARCHGUIDE_MEETING_HORIZON").then(|| "2d".to_string())).unwrap().meetings;
    let (_, leads) = person_and_leads(stores, 5, now).await;
    stores.users.add_user(&email("ana@example.com"), Role::Sales, "hash", now).await.unwrap();
    let ana = stores.users.user_by_email(&email("ana@example.com")).await.unwrap().unwrap().id;
    let english_mornings = Availability {
        zone: parse_zone("UTC").unwrap(),
        hours: WeeklyHours::parse(&["mon-fri 08:00-10:00"]).unwrap(),
        off: DaysOff::default(),
        languages: vec!["en".into()],
    };
    stores.bookings.set_availability(ana, &english_mornings, None, now).await.unwrap();
    let lead = |i: usize, language| LeadToBook { id: leads[i], language, assigned_to: None };
    let calendars = Calendars::new(stores.calendars.clone(), None, std::sync::Arc::new(SystemClock)).unwrap();
    let from_where = Sources { stores, calendars: &calendars, settings: &settings };
    let nobody = |_: &Bookable, _: &str, _: Interval| Vec::new();
    let wanted = |start: DateTime<Utc>, visitor_zone| Wanted { start, visitor_zone, notify: &nobody };
    let at = |text: &str| -> DateTime<Utc> { text.parse().unwrap() };

    // Sam works 09:00-17:00 in Madrid (08:00-16:00 UTC), Ana 08:00-10:00 UTC, in English only.
    let english = offered(from_where, lead(0, "en"), now).await.unwrap();
    let spanish = offered(from_where, lead(0, "es"), now).await.unwrap();
    assert_eq!(english.first(), Some(&at("2026-12-07T10:00:00Z")), "four hours' notice");
    assert_eq!(english, spanish, "Ana's hours lie within Sam's");
    let only_ana = LeadToBook { assigned_to: Some(ana), ..lead(0, "en") };
    let anas = offered(from_where, only_ana, now).await.unwrap();
    assert!(anas.iter().all(|s| s.format("%H").to_string() < "10".to_string()) && !anas.is_empty());

    // Both are free at 08:00 on Tuesday and neither was ever booked: the first account, then
    // the other one for the next call of the week.
    let booked_by = |outcome: Booked| match outcome {
        Booked::Booked(booking) => booking.staff_email,
        other => panic!("{other:?}"),
    };
    let tuesday_eight = at("2026-12-08T08:00:00Z");
    let first = book(from_where, lead(0, "en"), wanted(tuesday_eight, "Europe/Madrid"), now).await.unwrap();
    assert_eq!(booked_by(first), "sam@example.com");
    let second = book(from_where, lead(1, "en"), wanted(tuesday_eight, "Europe/Madrid"), now).await.unwrap();
    assert_eq!(booked_by(second), "ana@example.com", "Sam is busy then");
    let again = book(from_where, lead(0, "en"), wanted(at("2026-12-08T11:00:00Z"), "UTC"), now).await.unwrap();
    assert_eq!(again, Booked::AlreadyBooked);

    // Everyone free at 08:00 is taken now: the nearest starts still free come back.
    let taken = book(from_where, lead(2, "en"), wanted(tuesday_eight, "UTC"), now).await.unwrap();
    let Booked::JustTaken { nearest } = taken else { panic!("{taken:?}") };
    assert!(!nearest.contains(&tuesday_eight));
    // The calls end at 08:30 and keep a quarter after them.
    assert_eq!(nearest.first(), Some(&at("2026-12-08T09:00:00Z")), "{nearest:?}");
    assert_eq!(nearest.len(), 6);

    // A start in the past, off the half hours, or outside everyone's hours was never offered.
    for start in ["2026-12-07T05:00:00Z", "2026-12-08T09:07:00Z", "2026-12-08T20:00:00Z", "2026-12-12T10:00:00Z"] {
        let refused = book(from_where, lead(3, "en"), wanted(at(start), "UTC"), now).await.unwrap();
        assert_eq!(refused, Booked::NotOffered, "{start}");
    }
    assert!(stores.bookings.booking_of(leads[3]).await.unwrap().is_none());

    // Sam's call moves within his own free times (its own old time aside): not onto his other
    // call, nor where it is; a move raises the sequence, and one written for an older sequence changes nothing.
    let third = book(from_where, lead(3, "en"), wanted(at("2026-12-08T10:00:00Z"), "UTC"), now).await.unwrap();
    assert_eq!(booked_by(third), "sam@example.com");
    let sams = stores.bookings.booking_of(leads[0]).await.unwrap().unwrap();
    let reminder = |_: &Bookable, uid: &str, call: Interval| {
        let message = OutboxMessage::new(Channel::Webhook, format!("moved {uid}"));
        vec![message.due(call.start - Duration::hours(24)).about(format!("reminder:{uid}"))]
    };
    let to = |start: &str| move_call(from_where, &sams, at(start), "sam@example.com", &reminder, now);
    assert_eq!(to("2026-12-08T10:00:00Z").await.unwrap(), Changed::NotOffered, "his other call");
    assert_eq!(to("2026-12-08T08:00:00Z").await.unwrap(), Changed::NotOffered, "where it is");
    assert_eq!(to("2026-12-08T12:00:00Z").await.unwrap(), Changed::Done);
    let moved = stores.bookings.booking_of(leads[0]).await.unwrap().unwrap();
    assert_eq!(
        (moved.call.start, moved.sequence, moved.uid.as_str()),
        (at("2026-12-08T12:00:00Z"), 1, sams.uid.as_str())
    );
    assert_eq!(to("2026-12-08T13:00:00Z").await.unwrap(), Changed::Meanwhile, "written for sequence 0");
    // The reminder waits for its time: nothing is late in the outbox until then.
    assert_eq!(stores.outbox.backlog(now).await.unwrap().pending, 0);
    let due = at("2026-12-07T12:00:00Z");
    assert_eq!(stores.outbox.backlog(due).await.unwrap().pending, 1);
    assert_eq!(stores.outbox.backlog(due).await.unwrap().oldest, Some(due));

    // Cancelled: the reminder queued with the move is withdrawn unsent (even from a worker that
    // had just claimed it), and the lead may book again.
    let claimed = stores.outbox.claim_due(due, due + Duration::minutes(1), 10).await.unwrap();
    assert_eq!(claimed.len(), 1);
    assert!(stores.outbox.still_waiting(claimed[0].id).await.unwrap());
    let cancelled = cancel_call(stores, &moved, "visitor", Vec::new(), now).await.unwrap();
    assert_eq!(cancelled, Changed::Done);
    assert!(!stores.outbox.still_waiting(claimed[0].id).await.unwrap(), "the worker skips it");
    assert_eq!(cancel_call(stores, &moved, "visitor", Vec::new(), now).await.unwrap(), Changed::Meanwhile);
    assert!(stores.bookings.booking_of(leads[0]).await.unwrap().is_none());
    let backlog = stores.outbox.backlog(at("2026-12-09T00:00:00Z")).await.unwrap();
    assert_eq!(backlog.pending, 0, "the reminder of the moved call was withdrawn");
    let rebooked = book(from_where, lead(0, "en"), wanted(at("2026-12-08T12:00:00Z"), "UTC"), now).await.unwrap();
    assert_eq!(booked_by(rebooked), "sam@example.com");
}

on_both_databases!(calls_are_routed_and_a_taken_start_offers_the_nearest:
    calls_are_routed_on_sqlite, calls_are_routed_on_postgres);
