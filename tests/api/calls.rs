//! A booked call's whole life against real outside servers: a CalDAV calendar (Radicale) whose
//! busy times remove slots and which receives the call, an SMTP server (aiosmtpd, writing a
//! Maildir) that receives the invitations, and a calendar parser (Python's `icalendar`) that
//! reads them. The call is booked, reminded of, moved by its visitor and cancelled by staff;
//! a calendar that stops answering never blocks a booking.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use archguide::domain::staff::Role;
use archguide::server::clock::ManualClock;
use serde_json::Value;

use crate::helpers::{spawn_app_with_clock, Session, TestApp};
use crate::servers::{emails, free_port, python, radicale, received, smtp_server, Server};

/// An iCalendar text as the Python reader parsed it.
fn parsed_ics(text: &str) -> Value {
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(file.path(), text).unwrap();
    let out = Command::new(python())
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tools/read_calendar_mail.py"))
        .arg("ics")
        .arg(file.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn about_the_call(mail: &Value) -> bool {
    let subject = mail["subject"].as_str().unwrap_or_default();
    subject.contains("call") || subject.contains("Call")
}

/// The one event of an email's calendar part, checked against what every invitation carries.
fn event_of<'a>(mail: &'a Value, method: &str) -> &'a Value {
    let calendar = &mail["calendar"];
    assert_eq!(calendar["method"], method, "{mail:#?}");
    assert_eq!(mail["calendar_method_param"], method, "the part's content type names the method too");
    assert_eq!(calendar["events"].as_array().unwrap().len(), 1);
    &calendar["events"][0]
}

async fn text(response: reqwest::Response) -> (u16, String) {
    (response.status().as_u16(), response.text().await.unwrap())
}

/// A CalDAV request of the test's own, to set up or look at the staff member's calendar.
async fn dav(method: &str, url: &str, body: Option<&str>) -> (u16, String) {
    let request = reqwest::Client::new()
        .request(reqwest::Method::from_bytes(method.as_bytes()).unwrap(), url)
        .basic_auth("sam", Some("sam's calendar password"));
    let request = match body {
        Some(body) => request.header("content-type", "text/calendar; charset=utf-8").body(body.to_string()),
        None => request,
    };
    let response = request.send().await.unwrap();
    (response.status().as_u16(), response.text().await.unwrap())
}

/// The staff member's working day and their own calendar: a meeting on Tuesday 8 December
/// 10:00-11:00 and lunch every day 13:00-14:00, in Madrid.
async fn sams_calendar(radicale: &Server) -> String {
    let calendar = format!("http://127.0.0.1:{}/sam/calls/", radicale.port);
    assert_eq!(dav("MKCALENDAR", &calendar, None).await.0, 201);
    let event = |uid: &str, lines: &str| {
        format!(
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:{uid}\r\n\
             DTSTAMP:20261201T000000Z\r\n{lines}END:VEVENT\r\nEND:VCALENDAR\r\n"
        )
    };
    let meeting = event(
        "meeting",
        "DTSTART;TZID=Europe/Madrid:20261208T100000\r\nDTEND;TZID=Europe/Madrid:20261208T110000\r\nSUMMARY:Board\r\n",
    );
    let lunch = event(
        "lunch",
        "DTSTART;TZID=Europe/Madrid:20261130T130000\r\nDTEND;TZID=Europe/Madrid:20261130T140000\r\nRRULE:FREQ=DAILY\r\n",
    );
    assert_eq!(dav("PUT", &format!("{calendar}meeting.ics"), Some(&meeting)).await.0, 201);
    assert_eq!(dav("PUT", &format!("{calendar}lunch.ics"), Some(&lunch)).await.0, 201);
    calendar
}

async fn set_up_sam(app: &TestApp, calendar: &str) -> Session {
    app.add_staff("sam@example.com", Role::Sales, "a long enough password").await;
    let sam = app.login("sam@example.com", "a long enough password").await;
    let (_, page) = text(app.get_as(&sam, "/inbox/account").await).await;
    assert!(page.contains(r#"data-bookable="no""#), "no hours yet");
    let hours = [
        ("zone", "Europe/Madrid"),
        ("hours", "mon-fri 09:00-17:00"),
        ("off", ""),
        ("languages", "en,es"),
        ("link", ""),
    ];
    let mut typo = hours.to_vec();
    typo[0] = ("zone", "Madrid");
    let refused = app.post_as(&sam, "/inbox/account/availability", &typo).await;
    let (status, page) = text(refused).await;
    assert_eq!(status, 422);
    assert!(
        page.contains("not a time zone name") && page.contains("mon-fri 09:00-17:00"),
        "kept as typed, with the problem"
    );
    assert_eq!(app.post_as(&sam, "/inbox/account/availability", &hours).await.status(), 303);

    let elsewhere = format!("http://127.0.0.1:{}/nothing/", free_port());
    let wrong = [("url", elsewhere.as_str()), ("username", "sam"), ("password", "")];
    let (status, page) = text(app.post_as(&sam, "/inbox/account/calendar", &wrong).await).await;
    assert_eq!(status, 422, "a calendar that does not answer is not connected");
    assert!(page.contains("Not connected"));
    let connect = [("url", calendar), ("username", "sam"), ("password", "sam's calendar password")];
    assert_eq!(app.post_as(&sam, "/inbox/account/calendar", &connect).await.status(), 303);
    let (_, page) = text(app.get_as(&sam, "/inbox/account").await).await;
    assert!(
        page.contains(r#"data-bookable="yes""#) && page.contains(r#"data-calendar="connected""#),
        "{}",
        &page[page.find("id=\"calls\"").unwrap_or(0)..]
    );
    assert!(
        !page.contains("sam&#x27;s calendar password") && !page.contains("sam's calendar password"),
        "the password is never shown"
    );
    sam
}

async fn lead_with_token(app: &TestApp) -> (String, String) {
    let token = crate::helpers::form_token(&app.client, &app.address).await.unwrap();
    let fields = [
        ("name", "Ada Lovelace"),
        ("email", "ada@example.org"),
        ("company", "Analytical Ltd"),
        ("message", "Let us talk about our monolith."),
        ("consent", "yes"),
        ("token", &token),
    ];
    let response = app.post_form("/contact", &fields).await;
    assert_eq!(response.status(), 303);
    let location = response.headers()["location"].to_str().unwrap().to_string();
    let book = location.split("book=").nth(1).unwrap().split('&').next().unwrap().to_string();
    (crate::helpers::reference_in(&location), book)
}

#[tokio::test]
async fn a_call_is_booked_around_the_persons_calendar_invited_reminded_moved_and_cancelled() {
    let radicale = radicale().await;
    let smtp = smtp_server().await;
    let calendar = sams_calendar(&radicale).await;
    // Monday 7 December 2026, 06:00 UTC.
    let clock = ManualClock::at("2026-12-07T06:00:00Z".parse().unwrap());
    let smtp_url = format!("smtp://127.0.0.1:{}", smtp.port);
    let settings = [
        ("ARCHGUIDE_SMTP_URL", smtp_url.as_str()),
        ("ARCHGUIDE_NOTIFY_EMAIL_TO", "sales@example.com"),
        ("ARCHGUIDE_REPLY_FROM", "hello@example.com"),
        ("ARCHGUIDE_OUTBOX_POLL_MS", "50"),
        ("ARCHGUIDE_SECRET_KEY", "Zm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyMTI="),
        ("ARCHGUIDE_MEETING_LINK", "https://meet.example.com/{ref}"),
        ("ARCHGUIDE_PUBLIC_URL", "https://guide.example.com"),
    ];
    let app = spawn_app_with_clock(clock.clone(), &settings).await;
    set_up_sam(&app, &calendar).await;
    let (reference, token) = lead_with_token(&app).await;

    // Tuesday in Madrid: 09:00 is free, then the meeting (10:00-11:00) and a quarter after it,
    // then 11:30 until lunch (13:00-14:00, every day) and its quarter.
    let (status, page) = text(app.get(&format!("/book/{token}?zone=Europe/Madrid")).await).await;
    assert_eq!(status, 200);
    let offered = |page: &str, utc: &str| page.contains(&format!(r#"name="slot" value="{utc}""#));
    assert!(offered(&page, "2026-12-08T08:00:00Z"), "09:00 Madrid");
    for busy in ["2026-12-08T08:30:00Z", "2026-12-08T09:00:00Z", "2026-12-08T09:30:00Z", "2026-12-08T10:00:00Z"] {
        assert!(!offered(&page, busy), "{busy} falls on the meeting or its buffer");
    }
    assert!(offered(&page, "2026-12-08T10:30:00Z"), "11:30 Madrid");
    for lunch in ["2026-12-08T11:30:00Z", "2026-12-08T12:00:00Z", "2026-12-08T12:30:00Z", "2026-12-09T12:00:00Z"] {
        assert!(!offered(&page, lunch), "{lunch} falls on lunch or its buffer");
    }

    // Booked at 11:30 Madrid: two invitations, the call in Sam's calendar.
    let pick = [("slot", "2026-12-08T10:30:00Z"), ("zone", "Europe/Madrid")];
    assert_eq!(app.post_form(&format!("/book/{token}"), &pick).await.status(), 303);
    let invited = emails(&smtp.dir, 2, about_the_call).await;
    let to_ada = invited.iter().find(|m| m["to"].as_str().unwrap().contains("ada@example.org")).unwrap();
    let to_sam = invited.iter().find(|m| m["to"].as_str().unwrap().contains("sam@example.com")).unwrap();
    assert!(to_ada["calendar_type"].as_str().unwrap().starts_with("text/calendar"));
    assert!(to_ada["reply_to"].as_str().unwrap().contains("sam@example.com"), "the visitor answers the person");
    assert!(
        to_ada["subject"].as_str().unwrap().contains("Tuesday 8 December 2026, 11:30–12:00"),
        "in the visitor's zone"
    );
    let body = to_ada["body"].as_str().unwrap();
    assert!(
        body.contains(&format!("https://meet.example.com/{reference}"))
            && body.contains(&format!("https://guide.example.com/book/{token}"))
    );
    let (ada_event, sam_event) = (event_of(to_ada, "REQUEST"), event_of(to_sam, "REQUEST"));
    let uid = ada_event["uid"].as_str().unwrap().to_string();
    for event in [ada_event, sam_event] {
        assert_eq!(event["uid"], uid.as_str(), "one UID for both");
        assert_eq!(event["sequence"], 0);
        assert_eq!(
            (event["dtstart"].as_str(), event["dtend"].as_str()),
            (Some("20261208T103000Z"), Some("20261208T110000Z"))
        );
        assert_eq!(event["organizer"], "mailto:sam@example.com");
        assert_eq!(event["attendee"], "mailto:ada@example.org");
        assert_eq!(event["location"], format!("https://meet.example.com/{reference}"));
        assert_eq!(event["url"], format!("https://meet.example.com/{reference}"));
    }
    assert!(sam_event["description"].as_str().unwrap().contains("Analytical Ltd"));
    let resource = |uid: &str| {
        format!(
            "{calendar}{}.ics",
            uid.chars().filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_')).collect::<String>()
        )
    };
    let mut stored = (0, String::new());
    for _ in 0..100 {
        stored = dav("GET", &resource(&uid), None).await;
        if stored.0 == 200 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(stored.0, 200, "the call is in Sam's calendar");
    let in_radicale = parsed_ics(&stored.1);
    assert_eq!(in_radicale["method"], "", "a stored calendar has no method");
    assert_eq!(in_radicale["events"][0]["dtstart"], "20261208T103000Z");

    // The visitor's page: the call, its .ics, and the times it may move to.
    let (_, page) = text(app.get(&format!("/book/{token}")).await).await;
    assert!(page.contains("Tuesday 8 December 2026, 11:30–12:00") && page.contains(&format!("/book/{token}/move")));
    let download = app.get(&format!("/book/{token}/call.ics")).await;
    assert_eq!(download.headers()["content-type"], "text/calendar; charset=utf-8");
    let downloaded = parsed_ics(&download.text().await.unwrap());
    assert_eq!(
        (downloaded["events"][0]["uid"].as_str(), downloaded["events"][0]["sequence"].as_i64()),
        (Some(uid.as_str()), Some(0))
    );

    // 24 hours before, the visitor is reminded (once).
    clock.advance(chrono::Duration::hours(5));
    let reminders = emails(&smtp.dir, 1, |m| m["subject"].as_str().unwrap_or_default().starts_with("Reminder")).await;
    assert!(reminders[0]["to"].as_str().unwrap().contains("ada@example.org") && reminders[0]["calendar"].is_null());

    // The visitor moves it to Wednesday 09:00 Madrid: the same UID, one more in SEQUENCE.
    let pick = [("slot", "2026-12-09T08:00:00Z"), ("zone", "Europe/Madrid")];
    let moved = app.post_form(&format!("/book/{token}/move"), &pick).await;
    assert_eq!(moved.status(), 303);
    assert_eq!(moved.headers()["location"], format!("/book/{token}?call=moved").as_str());
    let invited = emails(&smtp.dir, 5, about_the_call).await;
    let moved: Vec<&Value> = invited.iter().filter(|m| m["calendar"]["events"][0]["sequence"] == 1).collect();
    assert_eq!(moved.len(), 2, "the visitor and the person hear of the move");
    for mail in &moved {
        let event = event_of(mail, "REQUEST");
        assert_eq!((event["uid"].as_str(), event["dtstart"].as_str()), (Some(uid.as_str()), Some("20261209T080000Z")));
    }
    for _ in 0..100 {
        if dav("GET", &resource(&uid), None).await.1.contains("20261209T080000Z") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(dav("GET", &resource(&uid), None).await.1.contains("20261209T080000Z"), "moved in Sam's calendar");

    // Sam cancels it from the lead page: METHOD:CANCEL to both, gone from his calendar, and
    // the reminder of the new time never goes.
    let lead_page = format!("/inbox/leads/{reference}");
    // Hours went by: Sam signs in again.
    let sam = app.login("sam@example.com", "a long enough password").await;
    let (_, page) = text(app.get_as(&sam, &lead_page).await).await;
    assert!(page.contains("Call booked: Wed 9 Dec, 09:00–09:30 Europe/Madrid, with sam@example.com"), "{page}");
    let cancel = app.post_as(&sam, &lead_page, &[("action", "call_cancel")]).await;
    assert_eq!(cancel.status(), 303);
    let invited = emails(&smtp.dir, 7, about_the_call).await;
    let cancelled: Vec<&Value> = invited.iter().filter(|m| m["calendar"]["method"] == "CANCEL").collect();
    assert_eq!(cancelled.len(), 2);
    for mail in cancelled {
        let event = event_of(mail, "CANCEL");
        assert_eq!(
            (event["uid"].as_str(), event["sequence"].as_i64(), event["status"].as_str()),
            (Some(uid.as_str()), Some(2), Some("CANCELLED"))
        );
    }
    for _ in 0..100 {
        if dav("GET", &resource(&uid), None).await.0 == 404 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(dav("GET", &resource(&uid), None).await.0, 404, "removed from Sam's calendar");
    clock.advance(chrono::Duration::days(1));
    tokio::time::sleep(Duration::from_millis(500)).await;
    let sam = app.login("sam@example.com", "a long enough password").await;
    assert_eq!(
        received(&smtp.dir)
            .iter()
            .filter(|m| m["subject"].as_str().unwrap_or_default().starts_with("Reminder"))
            .count(),
        1
    );
    let (_, page) = text(app.get_as(&sam, &lead_page).await).await;
    assert!(
        page.contains("call cancelled by sam@example.com") && page.contains("call moved by visitor"),
        "the history says who"
    );

    // Sam's feed holds his calls: book again, read it as a calendar app would.
    let (status, page) = text(app.post_as(&sam, "/inbox/account/feed", &[]).await).await;
    assert_eq!(status, 200);
    assert!(page.contains("data-feed-url"));
    let feed = page.split("https://guide.example.com/calendar/").nth(1).unwrap_or_else(|| panic!("{page}"));
    let feed_path = format!("/calendar/{}", feed.split('<').next().unwrap());
    let pick = [("slot", "2026-12-09T14:00:00Z"), ("zone", "Europe/Madrid")];
    assert_eq!(app.post_form(&format!("/book/{token}"), &pick).await.status(), 303);
    let subscribed = app.get(&feed_path).await;
    assert_eq!(subscribed.status(), 200);
    let subscribed = parsed_ics(&subscribed.text().await.unwrap());
    let events = subscribed["events"].as_array().unwrap();
    assert_eq!(events.len(), 1, "{subscribed:#?}");
    assert_eq!(events[0]["dtstart"], "20261209T140000Z");
    assert_eq!(app.get(&format!("{}x.ics", feed_path.trim_end_matches(".ics"))).await.status(), 404);

    // In the inbox: the lead waits for its call in the list, the dashboard counts the calls, the
    // exports carry it.
    let (_, list) = text(app.get_as(&sam, "/inbox?call=booked").await).await;
    assert!(list.contains(&reference) && list.contains(r#"data-call="booked""#), "{list}");
    let (_, dashboard) = text(app.get_as(&sam, "/inbox/dashboard").await).await;
    assert!(dashboard.contains("Calls booked") && dashboard.contains("last 30 days, 1 cancelled"), "{dashboard}");
    let (_, csv) = text(app.get_as(&sam, "/inbox/export.csv?call=booked").await).await;
    assert!(csv.lines().next().unwrap().ends_with(",call_utc") && csv.contains("2026-12-09 14:00"), "{csv}");
    app.add_staff("ana@example.com", Role::Admin, "another long password").await;
    let ana = app.login("ana@example.com", "another long password").await;
    let export = app.post_as(&ana, &format!("{lead_page}/export.json"), &[]).await;
    let export: Value = export.json().await.unwrap();
    assert_eq!(export["call"]["starts_at"], "2026-12-09T14:00:00Z");
    let second_uid = downloaded_uid(&app, &token).await;
    assert_eq!(dav("GET", &resource(&second_uid), None).await.0, 200);

    // Erased on the person's request: the call goes, from Sam's calendar too.
    let erase = app.post_as(&ana, &lead_page, &[("action", "erase"), ("confirm", reference.as_str())]).await;
    assert_eq!(erase.status(), 303);
    for _ in 0..100 {
        if dav("GET", &resource(&second_uid), None).await.0 == 404 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(dav("GET", &resource(&second_uid), None).await.0, 404, "erased from Sam's calendar");
    assert_eq!(app.get(&format!("/book/{token}/call.ics")).await.status(), 404);
    let events = parsed_ics(&app.get(&feed_path).await.text().await.unwrap());
    assert!(events["events"].as_array().unwrap().is_empty());

    // Radicale stops answering: another visitor is still offered times from the database's
    // calls, and Sam's account page says what failed.
    drop(radicale);
    let (_, other) = lead_with_token(&app).await;
    let (status, page) = text(app.get(&format!("/book/{other}")).await).await;
    assert_eq!(status, 200);
    assert!(page.contains(r#"name="slot""#));
    let (_, account) = text(app.get_as(&sam, "/inbox/account").await).await;
    assert!(account.contains("data-calendar-error") && account.contains("could not be reached"), "{account}");
}

/// The UID of the call a visitor's link has booked, from its download.
async fn downloaded_uid(app: &TestApp, token: &str) -> String {
    let ics = app.get(&format!("/book/{token}/call.ics")).await.text().await.unwrap();
    parsed_ics(&ics)["events"][0]["uid"].as_str().unwrap().to_string()
}
