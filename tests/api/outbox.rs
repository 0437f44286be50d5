//! Notifications about new leads: delivered once, retried when the receiver fails, kept across
//! restarts, signed, and carrying no more personal data than needed.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::helpers::{form_token, receiver, spawn_app_in, spawn_app_with, TestApp};

async fn wait_for(what: &str, mut done: impl FnMut() -> bool) {
    for _ in 0..100 {
        if done() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("timed out waiting for {what}");
}

async fn send_lead(app: &TestApp, website: &str) -> String {
    let token = form_token(&app.client, &app.address).await.unwrap();
    let response = app
        .post_form(
            "/contact",
            &[
                ("token", token.as_str()),
                ("name", "Zoë"),
                ("email", "zoe@example.com"),
                ("company", "Example GmbH"),
                ("message", "Our secret plans"),
                ("consent", "yes"),
                ("website", website),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    crate::helpers::reference_in(response.headers()["location"].to_str().unwrap())
}

fn webhook(url: &str) -> Vec<(&'static str, String)> {
    vec![
        ("ARCHGUIDE_WEBHOOK_URL", url.to_string()),
        ("ARCHGUIDE_WEBHOOK_SECRET", "test-secret".to_string()),
        ("ARCHGUIDE_OUTBOX_POLL_MS", "50".to_string()),
        ("ARCHGUIDE_OUTBOX_RETRY_MS", "100".to_string()),
    ]
}

fn pairs<'a>(v: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    v.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

#[tokio::test]
async fn a_new_lead_reaches_the_webhook_once_signed_and_without_email_or_message() {
    let hook = receiver(0).await;
    let settings = webhook(&hook.url);
    let app = spawn_app_with(&pairs(&settings)).await;
    let reference = send_lead(&app, "").await;
    wait_for("the webhook", || hook.received.lock().unwrap().len() == 1).await;
    tokio::time::sleep(Duration::from_millis(400)).await;
    let received = hook.received.lock().unwrap().clone();
    assert_eq!(received.len(), 1, "delivered once");
    let (headers, body) = &received[0];
    let timestamp: i64 = headers["x-archguide-timestamp"].to_str().unwrap().parse().unwrap();
    let expected = archguide::server::jobs::outbox::signature("test-secret", timestamp, body);
    assert_eq!(headers["x-archguide-signature"].to_str().unwrap(), expected);
    let json: serde_json::Value = serde_json::from_str(body).unwrap();
    assert_eq!(json["reference"], reference.as_str());
    assert!(json["text"].as_str().unwrap().contains("Zoë (Example GmbH)"));
    assert!(json["link"].as_str().unwrap().ends_with(&format!("/inbox/leads/{reference}")));
    assert!(!body.contains("zoe@example.com") && !body.contains("secret plans"));
}

#[tokio::test]
async fn a_failing_receiver_is_retried_until_it_succeeds_and_then_never_again() {
    let hook = receiver(2).await;
    let settings = webhook(&hook.url);
    let app = spawn_app_with(&pairs(&settings)).await;
    send_lead(&app, "").await;
    wait_for("three attempts", || hook.received.lock().unwrap().len() == 3).await;
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert_eq!(hook.received.lock().unwrap().len(), 3, "nothing after the success");
    let (attempts, delivered): (i64, Option<String>) =
        sqlx::query_as("SELECT attempts, delivered_at FROM outbox").fetch_one(&app.db().await).await.unwrap();
    assert_eq!(attempts, 3);
    assert!(delivered.is_some());
}

#[tokio::test]
async fn an_undelivered_notification_survives_a_restart() {
    // Nothing listens on this address: every attempt fails.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap();
    let down = webhook(&format!("http://{closed}/hook"));
    let app = spawn_app_with(&pairs(&down)).await;
    let reference = send_lead(&app, "").await;
    let dir = app.stop().await;

    let hook = receiver(0).await;
    let up = webhook(&hook.url);
    let app = spawn_app_in(dir, &pairs(&up)).await;
    wait_for("delivery after the restart", || hook.received.lock().unwrap().len() == 1).await;
    assert!(hook.received.lock().unwrap()[0].1.contains(&reference));
    drop(app);
}

#[tokio::test]
async fn suspected_spam_notifies_nobody() {
    let hook = receiver(0).await;
    let settings = webhook(&hook.url);
    let app = spawn_app_with(&pairs(&settings)).await;
    send_lead(&app, "http://spam.example").await;
    send_lead(&app, "").await;
    wait_for("the real lead's notification", || hook.received.lock().unwrap().len() == 1).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(hook.received.lock().unwrap().len(), 1);
    let queued: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM outbox").fetch_one(&app.db().await).await.unwrap();
    assert_eq!(queued, 1);
}

/// A minimal SMTP server that accepts every message and keeps what it was sent.
pub(crate) async fn smtp_sink() -> (String, Arc<Mutex<Vec<String>>>) {
    smtp_sink_refusing(0).await
}

/// Like `smtp_sink`, refusing the first `refusals` messages at their recipient (550).
pub(crate) async fn smtp_sink_refusing(refusals: usize) -> (String, Arc<Mutex<Vec<String>>>) {
    let refusals = Arc::new(std::sync::atomic::AtomicUsize::new(refusals));
    use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let messages = Arc::new(Mutex::new(Vec::new()));
    let kept = messages.clone();
    tokio::spawn(async move {
        loop {
            let (socket, _) = listener.accept().await.unwrap();
            let (kept, refusals) = (kept.clone(), refusals.clone());
            tokio::spawn(async move {
                let (read, mut write) = socket.into_split();
                let mut lines = BufReader::new(read).lines();
                write.write_all(b"220 sink ready\r\n").await.unwrap();
                let mut data: Option<String> = None;
                while let Ok(Some(line)) = lines.next_line().await {
                    if let Some(body) = data.as_mut() {
                        if line == "." {
                            kept.lock().unwrap().push(data.take().unwrap());
                            write.write_all(b"250 queued\r\n").await.unwrap();
                        } else {
                            body.push_str(&line);
                            body.push('\n');
                        }
                        continue;
                    }
                    let upper = line.to_ascii_uppercase();
                    let reply: &[u8] = if upper.starts_with("EHLO") || upper.starts_with("HELO") {
                        b"250 sink\r\n"
                    } else if upper.starts_with("DATA") {
                        data = Some(String::new());
                        b"354 go ahead\r\n"
                    } else if upper.starts_with("RCPT")
                        && refusals
                            .fetch_update(
                                std::sync::atomic::Ordering::SeqCst,
                                std::sync::atomic::Ordering::SeqCst,
                                |n| n.checked_sub(1),
                            )
                            .is_ok()
                    {
                        b"550 no such mailbox\r\n"
                    } else if upper.starts_with("QUIT") {
                        write.write_all(b"221 bye\r\n").await.unwrap();
                        return;
                    } else {
                        b"250 ok\r\n"
                    };
                    write.write_all(reply).await.unwrap();
                }
            });
        }
    });
    (format!("smtp://127.0.0.1:{port}"), messages)
}

#[tokio::test]
async fn a_new_lead_is_emailed_to_sales() {
    let (url, messages) = smtp_sink().await;
    let app = spawn_app_with(&[
        ("ARCHGUIDE_SMTP_URL", url.as_str()),
        ("ARCHGUIDE_NOTIFY_EMAIL_TO", "sales@example.com"),
        ("ARCHGUIDE_NOTIFY_EMAIL_FROM", "guide@example.com"),
        ("ARCHGUIDE_OUTBOX_POLL_MS", "50"),
    ])
    .await;
    let reference = send_lead(&app, "").await;
    wait_for("the email", || messages.lock().unwrap().len() == 1).await;
    let mail = messages.lock().unwrap()[0].clone();
    assert!(mail.contains(&format!("Subject: New lead {reference}")), "{mail}");
    assert!(mail.contains("To: sales@example.com"));
    assert!(!mail.contains("secret plans"));
}

#[tokio::test]
async fn an_unanswered_lead_gets_one_reminder_and_one_overdue_alert_and_an_answered_one_none() {
    use archguide::domain::staff::Role;
    use archguide::server::clock::ManualClock;
    let (url, messages) = smtp_sink().await;
    let clock = ManualClock::at(chrono::Utc::now());
    let app = crate::helpers::spawn_app_with_clock(
        clock.clone(),
        &[
            ("ARCHGUIDE_SMTP_URL", url.as_str()),
            ("ARCHGUIDE_NOTIFY_EMAIL_TO", "leads@example.com"),
            ("ARCHGUIDE_NOTIFY_EMAIL_FROM", "guide@example.com"),
            ("ARCHGUIDE_OUTBOX_POLL_MS", "50"),
            ("ARCHGUIDE_REPLY_WITHIN", "40s"),
            ("ARCHGUIDE_REMINDER_BEFORE", "30s"),
        ],
    )
    .await;
    app.add_staff("ann@example.com", Role::Admin, "correct horse battery staple").await;
    app.add_staff("sam@example.com", Role::Sales, "violet tuesday harbour lamp").await;
    let waiting = app.send_lead(&[("name", "Ada Waiting")]).await;
    let answered = app.send_lead(&[("name", "Bob Answered")]).await;
    let session = app.login("sam@example.com", "violet tuesday harbour lamp").await;
    let replied = app.post_as(&session, &format!("/inbox/leads/{answered}"), &[("action", "replied")]).await;
    assert_eq!(replied.status(), 303);
    wait_for("the two new-lead emails", || messages.lock().unwrap().len() == 2).await;

    clock.advance(chrono::Duration::seconds(11));
    wait_for("the reminder", || messages.lock().unwrap().len() == 3).await;
    clock.advance(chrono::Duration::seconds(30));
    wait_for("the overdue alert", || messages.lock().unwrap().len() == 4).await;
    // Time goes on; nothing more is sent about either lead.
    clock.advance(chrono::Duration::hours(1));
    tokio::time::sleep(Duration::from_millis(500)).await;
    let mails = messages.lock().unwrap().clone();
    assert_eq!(mails.len(), 4, "{mails:#?}");
    let reminder = &mails[2];
    assert!(reminder.contains(&format!("Subject: Reply soon: lead {waiting} from Ada Waiting")), "{reminder}");
    assert!(reminder.contains("To: sam@example.com"), "nobody is assigned: every sales account");
    assert!(reminder.contains("due within 30 seconds"));
    let alert = &mails[3];
    assert!(alert.contains(&format!("Subject: Overdue: lead {waiting} from Ada Waiting")), "{alert}");
    assert!(alert.contains("To: ann@example.com"));
    assert!(
        mails.iter().all(|m| !m.contains("Our secret plans") && !m.contains("zoe@example.com")),
        "no message or address"
    );
    assert!(!mails[2..].iter().any(|m| m.contains(&answered)), "the answered lead is left alone");
    println!("the reminder as it arrived:\n{reminder}\nthe overdue alert as it arrived:\n{alert}");

    // The clock moved past the session's life: log in again.
    let session = app.login("sam@example.com", "violet tuesday harbour lamp").await;
    let history = app.get_as(&session, &format!("/inbox/leads/{waiting}")).await.text().await.unwrap();
    assert!(history.contains(r#"data-event="reminded""#) && history.contains(r#"data-event="overdue""#));
}

#[tokio::test]
async fn a_reply_written_in_the_inbox_reaches_the_lead_and_a_refused_one_is_retried() {
    use archguide::domain::staff::Role;
    let (url, messages) = smtp_sink_refusing(1).await;
    let app = spawn_app_with(&[
        ("ARCHGUIDE_SMTP_URL", url.as_str()),
        ("ARCHGUIDE_NOTIFY_EMAIL_TO", "leads@example.com"),
        ("ARCHGUIDE_NOTIFY_EMAIL_FROM", "guide@example.com"),
        ("ARCHGUIDE_REPLY_FROM", "hello@example.com"),
        ("ARCHGUIDE_OUTBOX_POLL_MS", "50"),
        ("ARCHGUIDE_OUTBOX_RETRY_MS", "200"),
    ])
    .await;
    app.add_staff("sam@example.com", Role::Sales, "violet tuesday harbour lamp").await;
    let session = app.login("sam@example.com", "violet tuesday harbour lamp").await;
    // The new-lead notification meets the refusal, and is retried.
    let reference = app.send_lead(&[("name", "Zoë Ångström"), ("email", "zoe@example.com")]).await;
    wait_for("the retried notification", || messages.lock().unwrap().len() == 1).await;

    let page = format!("/inbox/leads/{reference}");
    let form = app.get_as(&session, &page).await.text().await.unwrap();
    assert!(
        form.contains("Re: your message to AxiomTech") && form.contains("Hello Zoë Ångström,"),
        "the form starts filled in"
    );
    for (subject, body, why) in [
        ("Re: hi\r\nBcc: everyone@example.com", "Hello", "A subject is one line."),
        ("Re: hi", "", "Write the reply."),
        ("Re: \u{202e}moc.elgoog", "Hello", "direction-changing"),
    ] {
        let refused = app.post_as(&session, &page, &[("action", "reply"), ("subject", subject), ("body", body)]).await;
        assert_eq!(refused.status(), 422, "{subject:?}");
        let html = refused.text().await.unwrap();
        assert!(html.contains(why), "{why}");
    }
    let kept = app
        .post_as(&session, &page, &[("action", "reply"), ("subject", "Re: kept"), ("body", &"x".repeat(20_001))])
        .await;
    assert!(kept.text().await.unwrap().contains("Re: kept"), "a refused reply comes back as typed");

    let body = "Hello Zoë,\n\nThank you. Could we talk on Tuesday?\n\nSam";
    let sent =
        app.post_as(&session, &page, &[("action", "reply"), ("subject", "Re: your message"), ("body", body)]).await;
    assert_eq!(sent.status(), 303);
    wait_for("the reply", || messages.lock().unwrap().len() == 2).await;
    let mail = messages.lock().unwrap()[1].clone();
    assert!(mail.contains("To: zoe@example.com"), "{mail}");
    assert!(mail.contains("Reply-To: sam@example.com"), "{mail}");
    assert!(mail.contains("From: hello@example.com"), "{mail}");
    assert!(mail.contains("Subject: Re: your message"), "{mail}");
    assert!(mail.contains("Could we talk on Tuesday?"), "{mail}");
    assert!(mail.to_ascii_lowercase().contains("content-type: text/plain"), "text only");
    println!("the reply as it arrived:\n{mail}");

    let html = app.get_as(&session, &page).await.text().await.unwrap();
    assert!(html.contains(r#"data-reply="sent""#), "the thread shows it sent");
    assert!(html.contains(r#"data-event="reply""#));
    let (status, replied): (String, Option<String>) =
        sqlx::query_as("SELECT status, first_reply_at FROM leads WHERE reference = ?")
            .bind(&reference)
            .fetch_one(&app.db().await)
            .await
            .unwrap();
    assert_eq!(status, "contacted", "replying is contacting");
    assert!(replied.is_some(), "the first reply is recorded");
}

#[tokio::test]
async fn a_reply_that_the_server_refuses_shows_as_failed_with_the_reason() {
    use archguide::domain::staff::Role;
    // Refuses the notification and the reply's first two attempts.
    let (url, messages) = smtp_sink_refusing(3).await;
    let app = spawn_app_with(&[
        ("ARCHGUIDE_SMTP_URL", url.as_str()),
        ("ARCHGUIDE_NOTIFY_EMAIL_TO", "leads@example.com"),
        ("ARCHGUIDE_OUTBOX_POLL_MS", "50"),
        ("ARCHGUIDE_OUTBOX_RETRY_MS", "60000"),
    ])
    .await;
    app.add_staff("sam@example.com", Role::Sales, "violet tuesday harbour lamp").await;
    let session = app.login("sam@example.com", "violet tuesday harbour lamp").await;
    let reference = app.send_lead(&[]).await;
    let page = format!("/inbox/leads/{reference}");
    let sent = app.post_as(&session, &page, &[("action", "reply"), ("subject", "Re: hi"), ("body", "Hello")]).await;
    assert_eq!(sent.status(), 303);
    let mut html = String::new();
    for _ in 0..100 {
        html = app.get_as(&session, &page).await.text().await.unwrap();
        if html.contains(r#"data-reply="failed""#) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(html.contains(r#"data-reply="failed""#), "the thread shows the failure");
    assert!(html.contains("Failed (attempt 1)") && html.contains("550") && html.contains("It is tried again"));
    assert!(messages.lock().unwrap().is_empty());
}
