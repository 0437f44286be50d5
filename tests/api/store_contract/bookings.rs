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
    let mut ids = Vec::new();
    for i in 0..leads {
        stores.leads.insert(&record(i, "Visitor", "", t0, false), &[]).await.unwrap();
        let lead = stores.inbox.lead(&reference(&format!("AG-T{i:05}"))).await.unwrap().unwrap();
        ids.push(lead.id);
    }
    (sam.id, ids)
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
    assert!(!stores.health.is_failing(), "a slot taken is no failing database");

    let later = |lead: usize, start: &str| booking(leads[lead], sam, start, t0);
    // Starting inside the first call, or within its buffer after it, is refused; after it, not.
    assert_eq!(stores.bookings.book(&later(ATTEMPTS, "2026-12-08T09:15:00Z")).await.unwrap(), BookingOutcome::Taken);
    assert_eq!(stores.bookings.book(&later(ATTEMPTS, "2026-12-08T09:40:00Z")).await.unwrap(), BookingOutcome::Taken);
    assert!(matches!(
        stores.bookings.book(&later(ATTEMPTS, "2026-12-08T09:45:00Z")).await.unwrap(),
        BookingOutcome::Booked { .. }
    ));
    // Ending within the buffer before a call is refused too.
    assert_eq!(stores.bookings.book(&later(ATTEMPTS + 1, "2026-12-08T08:20:00Z")).await.unwrap(), BookingOutcome::Taken);
    // A lead holds one call at a time.
    let second = later(ATTEMPTS, "2026-12-08T14:00:00Z");
    assert_eq!(stores.bookings.book(&second).await.unwrap(), BookingOutcome::LeadHasOne);

    let calls = stores.bookings.calls_between("2026-12-08T00:00:00Z".parse().unwrap(), "2026-12-09T00:00:00Z".parse().unwrap());
    let starts: Vec<String> = calls.await.unwrap().iter().map(|c| c.call.start.to_rfc3339()).collect();
    assert_eq!(starts, ["2026-12-08T09:00:00+00:00", "2026-12-08T09:45:00+00:00"]);
    let mine = stores.bookings.booking_of(leads[ATTEMPTS]).await.unwrap().unwrap();
    assert_eq!((mine.staff_email.as_str(), mine.call.start.to_rfc3339()), ("sam@example.com", "2026-12-08T09:45:00+00:00".into()));
    assert_eq!(mine.visitor_zone, "America/New_York");
    assert!(stores.bookings.booking_of(leads[ATTEMPTS + 2]).await.unwrap().is_none());
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
