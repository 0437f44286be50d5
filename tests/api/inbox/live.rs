//! Open inbox pages kept current: the event stream at `/inbox/events`, what it says, when it
//! ends, and the refreshes an open page makes by itself.

use std::time::Duration as StdDuration;

use super::*;

/// An open event stream, read one event at a time.
struct Stream {
    response: reqwest::Response,
    buffer: String,
}

impl Stream {
    async fn open(app: &TestApp, session: &Session) -> Stream {
        let response = app.get_as(session, "/inbox/events").await;
        assert_eq!(response.status(), 200);
        assert_eq!(response.headers()["content-type"], "text/event-stream");
        assert_eq!(response.headers()["cache-control"], "no-store");
        Stream { response, buffer: String::new() }
    }

    /// The data of the next `inbox` event; `None` when the stream ended. Gives up after a
    /// generous limit so that a missing event fails the test instead of hanging it.
    async fn next(&mut self) -> Option<serde_json::Value> {
        let limit = StdDuration::from_secs(30);
        tokio::time::timeout(limit, async {
            loop {
                if let Some(end) = self.buffer.find("\n\n") {
                    let block: String = self.buffer.drain(..end + 2).collect();
                    if !block.lines().any(|line| line == "event: inbox") {
                        continue; // a keep-alive comment
                    }
                    let data = block.lines().find_map(|line| line.strip_prefix("data: ")).expect("an event has data");
                    return Some(serde_json::from_str(data).expect("the data is JSON"));
                }
                match self.response.chunk().await {
                    Ok(Some(chunk)) => self.buffer.push_str(std::str::from_utf8(&chunk).unwrap()),
                    _ => return None,
                }
            }
        })
        .await
        .expect("no event and no end within the limit")
    }
}

fn revision(event: &serde_json::Value) -> String {
    event["revision"].as_str().expect("a revision").to_string()
}

#[tokio::test]
async fn an_open_inbox_hears_of_a_new_lead_and_of_a_change_made_by_a_colleague() {
    let app = spawn_app_with(&[("ARCHGUIDE_INBOX_POLL", "1s")]).await;
    let (admin, sales) = staffed(&app).await;
    let mut stream = Stream::open(&app, &sales).await;
    let first = stream.next().await.unwrap();
    assert_eq!(first["new_leads"], 0);

    let reference = app.send_lead(&[]).await;
    let arrived = stream.next().await.unwrap();
    assert_eq!(arrived["new_leads"], 1);
    assert_ne!(revision(&arrived), revision(&first));

    // A colleague's note changes the lead, not the number of new leads.
    let note = [("action", "note"), ("note", "Called them.")];
    assert_eq!(app.post_as(&admin, &format!("/inbox/leads/{reference}"), &note).await.status(), 303);
    let changed = stream.next().await.unwrap();
    assert_eq!(changed["new_leads"], 1);
    assert_ne!(revision(&changed), revision(&arrived));

    // Answering it leaves no new lead.
    let replied = [("action", "replied")];
    assert_eq!(app.post_as(&admin, &format!("/inbox/leads/{reference}"), &replied).await.status(), 303);
    assert_eq!(stream.next().await.unwrap()["new_leads"], 0);

    // The page the stream belongs to carries the revision it shows, and the script.
    let page = app.get_as(&sales, "/inbox").await.text().await.unwrap();
    let shown = app.get_as(&sales, "/inbox/events").await;
    let mut again = Stream { response: shown, buffer: String::new() };
    let now = revision(&again.next().await.unwrap());
    assert!(page.contains(&format!(r#"data-live-revision="{now}""#)), "{page}");
    assert!(page.contains(r#"<script src="/inbox.js" defer"#));
}

#[tokio::test]
async fn the_stream_ends_when_its_session_ends() {
    let app = spawn_app_with(&[("ARCHGUIDE_INBOX_POLL", "1s")]).await;
    let (_admin, sales) = staffed(&app).await;
    let mut stream = Stream::open(&app, &sales).await;
    stream.next().await.unwrap();
    // "Log out everywhere" from another tab; the next change finds the session gone.
    assert_eq!(app.post_as(&sales, "/inbox/logout", &[("everywhere", "1")]).await.status(), 303);
    app.send_lead(&[]).await;
    assert_eq!(stream.next().await, None, "the stream ended without sending the change");
    // Reconnecting is refused with 401 (not a redirect an event stream could not follow).
    assert_eq!(app.get_as(&sales, "/inbox/events").await.status(), 401);
}

#[tokio::test]
async fn a_page_refreshing_itself_does_not_keep_an_unattended_session_alive() {
    let clock = ManualClock::at(Utc::now());
    let app = spawn_app_with_clock(clock.clone(), &[]).await;
    app.add_staff(SALES.0, Role::Sales, SALES.1).await;
    let sales = app.login(SALES.0, SALES.1).await;
    let refresh = |path: &'static str| {
        app.client
            .get(format!("{}{path}", app.address))
            .header("cookie", &sales.cookie)
            .header("x-inbox-refresh", "1")
            .send()
    };
    clock.advance(Duration::minutes(20));
    assert_eq!(refresh("/inbox").await.unwrap().status(), 200, "the refresh itself is answered");
    clock.advance(Duration::minutes(15));
    // 35 minutes after the last thing the person did: the session is over.
    assert_eq!(app.get_as(&sales, "/inbox").await.status(), 303);

    // Whereas a person's own request counts as a use.
    let sales = app.login(SALES.0, SALES.1).await;
    clock.advance(Duration::minutes(20));
    assert_eq!(app.get_as(&sales, "/inbox").await.status(), 200);
    clock.advance(Duration::minutes(15));
    assert_eq!(app.get_as(&sales, "/inbox").await.status(), 200);
}

#[tokio::test]
async fn the_inbox_script_is_served_and_only_pages_that_keep_current_load_it() {
    let app = spawn_app().await;
    let (admin, _sales) = staffed(&app).await;
    let script = app.get("/inbox.js").await;
    assert_eq!(script.status(), 200);
    assert!(script.headers()["content-type"].to_str().unwrap().starts_with("text/javascript"));
    assert!(script.text().await.unwrap().contains("/inbox/events"));
    let reference = app.send_lead(&[]).await;
    for (path, loads) in [
        ("/inbox".to_string(), true),
        (format!("/inbox/leads/{reference}"), true),
        ("/inbox/dashboard".to_string(), false),
        ("/inbox/users".to_string(), false),
    ] {
        let html = app.get_as(&admin, &path).await.text().await.unwrap();
        assert_eq!(html.contains("/inbox.js"), loads, "{path}");
    }
    // No public page loads it.
    for path in ["/", "/learn", "/guide", "/contact", "/privacy"] {
        assert!(!app.get(path).await.text().await.unwrap().contains("/inbox.js"), "{path}");
    }
}
