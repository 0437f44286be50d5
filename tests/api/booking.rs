//! Booking a call from the thanks page: the link only its visitor gets, the free times in the
//! visitor's zone, a booked call confirmed, a time taken meanwhile, and links or times that
//! were never offered.

use archguide::domain::booking::{parse_zone, Availability, DaysOff, WeeklyHours};
use archguide::domain::staff::Role;
use archguide::server::clock::ManualClock;
use archguide::server::store::database::{Database, DatabaseUrl};
use archguide::server::store::Stores;

use crate::helpers::{spawn_app_with_clock, TestApp};

/// Monday 7 December 2026, 06:00 UTC: with four hours' notice the first free start is 10:00.
fn monday_morning() -> ManualClock {
    ManualClock::at("2026-12-07T06:00:00Z".parse().unwrap())
}

/// Gives `email` working hours (in UTC) as `archguide user availability` does.
async fn set_hours(app: &TestApp, email: &str, hours: &[&str]) {
    app.add_staff(email, Role::Sales, "a long enough password").await;
    let url = format!("sqlite://{}", app.data_dir.path().join("archguide.db").display());
    let db = Database::connect(&DatabaseUrl::parse(&url).unwrap()).await.unwrap();
    let stores = Stores::new(&db);
    let staff = archguide::domain::staff::StaffEmail::parse(email).unwrap();
    let id = stores.users.user_by_email(&staff).await.unwrap().unwrap().id;
    let availability = Availability {
        zone: parse_zone("UTC").unwrap(),
        hours: WeeklyHours::parse(hours).unwrap(),
        off: DaysOff::default(),
        languages: vec!["en".into(), "es".into()],
    };
    stores.bookings.set_availability(id, &availability, None, chrono::Utc::now()).await.unwrap();
    db.close().await;
}

/// Sends a lead and follows the form's answer: the booking link's token, from the thanks page's
/// address.
async fn lead_with_token(app: &TestApp, email: &str) -> (String, String) {
    let token = crate::helpers::form_token(&app.client, &app.address).await.unwrap();
    let fields =
        [("name", "Ada"), ("email", email), ("message", "Let us talk."), ("consent", "yes"), ("token", &token)];
    let response = app.post_form("/contact", &fields).await;
    assert_eq!(response.status(), 303);
    let location = response.headers()["location"].to_str().unwrap().to_string();
    let book = location.split("book=").nth(1).expect("the thanks page's address carries the booking link").to_string();
    (location, book.split('&').next().unwrap().to_string())
}

async fn text(response: reqwest::Response) -> (u16, String) {
    (response.status().as_u16(), response.text().await.unwrap())
}

#[tokio::test]
async fn a_visitor_books_a_call_in_their_own_zone_and_a_second_visitor_hears_it_was_just_taken() {
    let settings = [
        ("ARCHGUIDE_MEETING_LINK", "https://meet.example.com/{ref}"),
        // Nothing listens there: the notifications wait in the outbox, where the test reads them.
        ("ARCHGUIDE_WEBHOOK_URL", "http://127.0.0.1:9/hook"),
        ("ARCHGUIDE_WEBHOOK_SECRET", "a test secret"),
    ];
    let app = spawn_app_with_clock(monday_morning(), &settings).await;
    set_hours(&app, "sam@example.com", &["mon-fri 09:00-12:00"]).await;
    let (thanks, token) = lead_with_token(&app, "ada@example.com").await;
    let (status, page) = text(app.get(&thanks).await).await;
    assert_eq!(status, 200);
    assert!(page.contains(&format!("href=\"/book/{token}\"")), "the thanks page offers the booking");

    // Times shown in New York's zone, the form's values in UTC.
    let (status, page) = text(app.get(&format!("/book/{token}?zone=America/New_York")).await).await;
    assert_eq!(status, 200);
    assert!(page.contains("noindex"));
    assert!(page.contains(r#"name="slot" value="2026-12-07T10:00:00Z""#), "{page}");
    assert!(!page.contains(r#"value="2026-12-07T09:30:00Z""#), "four hours' notice");
    assert!(page.contains("Monday 7 December 2026") && page.contains("05:00"), "10:00 UTC is 05:00 in New York");
    assert!(page.contains(r#"name="zone" value="America/New_York""#));

    let pick = [("slot", "2026-12-07T10:00:00Z"), ("zone", "America/New_York")];
    let response = app.post_form(&format!("/book/{token}"), &pick).await;
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], format!("/book/{token}").as_str());
    let (_, confirmed) = text(app.get(&format!("/book/{token}")).await).await;
    let reference = thanks.split("ref=").nth(1).unwrap().split('&').next().unwrap();
    assert!(
        confirmed.contains(
            "Your call is booked: Monday 7 December 2026, 05:00–05:30 (America/New_York), with sam@example.com."
        ),
        "{confirmed}"
    );
    assert!(confirmed.contains(&format!("https://meet.example.com/{reference}")));
    // The person who takes it hears of it, through the outbox.
    let notes: Vec<String> = sqlx::query_scalar("SELECT payload FROM outbox WHERE payload LIKE '%Call booked%'")
        .fetch_all(&app.db().await)
        .await
        .unwrap();
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(
        notes[0].contains("Mon 7 Dec 2026 10:00 UTC") && notes[0].contains(r#""to":["sam@example.com"]"#),
        "{}",
        notes[0]
    );
    let (_, again) = text(app.get(&thanks).await).await;
    assert!(again.contains(&format!("href=\"/book/{token}\"")), "the thanks page still leads to the call");

    // Another visitor who was shown the same time posts it after the first.
    let (_, other) = lead_with_token(&app, "bob@example.com").await;
    let (status, page) = text(app.post_form(&format!("/book/{other}"), &pick).await).await;
    assert_eq!(status, 409);
    assert!(page.contains("That time was just taken by someone else"), "{page}");
    assert!(page.contains("The nearest free times"));
    assert!(!page.contains(r#"value="2026-12-07T10:00:00Z""#), "the taken time is not offered again");
    assert!(page.contains(r#"value="2026-12-07T11:00:00Z""#), "after the call and its quarter-hour buffer");
    assert!(page.contains(r#"name="zone" value="America/New_York""#), "the visitor's zone is kept");
}

#[tokio::test]
async fn a_tampered_link_a_time_never_offered_or_an_unknown_zone_books_nothing() {
    let app = spawn_app_with_clock(monday_morning(), &[]).await;
    set_hours(&app, "sam@example.com", &["mon-fri 09:00-12:00"]).await;
    let (_, token) = lead_with_token(&app, "ada@example.com").await;
    let (reference, signature) = token.split_once('.').unwrap();
    let last = if signature.ends_with('A') { 'B' } else { 'A' };
    let forged = format!("{reference}.{}{last}", &signature[..signature.len() - 1]);
    let good = [("slot", "2026-12-07T10:00:00Z"), ("zone", "Europe/Madrid")];
    let (status, page) = text(app.post_form(&format!("/book/{forged}"), &good).await).await;
    assert_eq!(status, 404);
    assert!(page.contains("This booking link is not valid: nothing was booked."));
    assert_eq!(app.get(&format!("/book/{forged}")).await.status(), 404);
    assert_eq!(app.get(&format!("/book/{reference}")).await.status(), 404, "a reference alone is no link");

    for (slot, zone, status, says) in [
        ("2026-12-07T05:00:00Z", "Europe/Madrid", 422, "That time cannot be booked"),
        ("2026-12-07T10:07:00Z", "Europe/Madrid", 422, "That time cannot be booked"),
        ("2026-12-07T13:00:00Z", "Europe/Madrid", 422, "That time cannot be booked"),
        ("tomorrow at ten", "Europe/Madrid", 422, "Pick one of the times below."),
        ("2026-12-07T10:00:00Z", "Mars/Olympus_Mons", 422, "That is not a time zone we know"),
    ] {
        let (got, page) = text(app.post_form(&format!("/book/{token}"), &[("slot", slot), ("zone", zone)]).await).await;
        assert_eq!(got, status, "{slot} {zone}");
        assert!(page.contains(says), "{slot} {zone}: {page}");
    }
    // A zone that does not exist comes back as typed, with a message beside it, and the times
    // in the page's usual zone.
    let bad = [("slot", "2026-12-07T10:00:00Z"), ("zone", "Mars/Olympus_Mons")];
    let (_, page) = text(app.post_form(&format!("/book/{token}"), &bad).await).await;
    assert!(
        page.contains(r#"value="Mars/Olympus_Mons""#) && page.contains(r#"aria-describedby="zone-problem""#),
        "{page}"
    );
    assert!(page.contains(r#"type="hidden" name="zone" value="Europe/London""#), "{page}");
    let (status, page) = text(app.get(&format!("/book/{token}?zone=Mars/Olympus_Mons")).await).await;
    assert_eq!(status, 200);
    assert!(page.contains(r#"id="zone-problem""#) && page.contains(r#"value="Mars/Olympus_Mons""#));
    let (_, page) = text(app.get(&format!("/book/{token}?zone=Asia/Tokyo")).await).await;
    assert!(!page.contains(r#"id="zone-problem""#), "a zone that exists is no problem");

    let db = app.db().await;
    let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM bookings").fetch_one(&db).await.unwrap();
    assert_eq!(stored, 0);
}

#[tokio::test]
async fn with_nobody_taking_calls_the_thanks_page_offers_no_booking() {
    let app = spawn_app_with_clock(monday_morning(), &[]).await;
    let (thanks, token) = lead_with_token(&app, "ada@example.com").await;
    let (status, page) = text(app.get(&thanks).await).await;
    assert_eq!(status, 200);
    assert!(!page.contains("/book/"), "no booking is offered when nobody takes calls");
    let (status, page) = text(app.get(&format!("/book/{token}")).await).await;
    assert_eq!(status, 200);
    assert!(page.contains("Nobody has a free time to offer in the next days."));
}

#[tokio::test]
async fn the_booking_page_speaks_spanish_under_es() {
    let app = spawn_app_with_clock(monday_morning(), &[]).await;
    set_hours(&app, "sam@example.com", &["mon-fri 09:00-12:00"]).await;
    let (_, token) = lead_with_token(&app, "ada@example.com").await;
    let (status, page) = text(app.get(&format!("/es/book/{token}")).await).await;
    assert_eq!(status, 200);
    assert!(page.contains("Reservar una llamada"));
    assert!(page.contains(r#"name="zone" value="Europe/Madrid""#), "a Spanish page starts in Madrid's zone");
    assert!(page.contains(&format!(r#"action="/es/book/{token}""#)));
}
