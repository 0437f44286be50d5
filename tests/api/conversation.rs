//! The conversation, both ways, against real outside servers: an IMAP server (Dovecot, with a
//! local user) holding the shared mailbox, an SMTP server (aiosmtpd) receiving what the site
//! sends, and Python's imaplib delivering the lead's answers into the mailbox. Two instances
//! share one PostgreSQL database: a reply written on one comes back into the thread on the
//! other, is owed its own reply, and is reminded of; automatic replies, bounces, unmatched
//! messages and HTML are told apart; a restart reads nothing twice.

use std::time::{Duration, Instant};

use archguide::domain::staff::Role;
use archguide::server::clock::ManualClock;
use serde_json::Value;

use crate::helpers::{page, spawn_app_in, spawn_app_with_clock, until_page_holds, TestPostgres};
use crate::servers::{dovecot, emails, mailbox, smtp_server};

const PASSWORD: &str = "a long enough password";

/// The mail a server delivers into the shared mailbox, written to a file for imaplib.
fn deliver(imap_port: u16, messages: &[String]) {
    let files: Vec<tempfile::NamedTempFile> = messages
        .iter()
        .map(|m| {
            let file = tempfile::NamedTempFile::new().unwrap();
            std::fs::write(file.path(), m.replace('\n', "\r\n")).unwrap();
            file
        })
        .collect();
    let mut args = vec!["append".to_string()];
    args.extend(files.iter().map(|f| f.path().display().to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    assert_eq!(mailbox(imap_port, &args)["appended"], messages.len());
}

async fn add_staff(database_url: &str, email: &str, role: Role) {
    crate::helpers::add_staff_to(database_url, email, role, PASSWORD).await;
}

fn subject_starts(prefix: &'static str) -> impl Fn(&Value) -> bool {
    move |m| m["subject"].as_str().unwrap_or_default().starts_with(prefix)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn answers_come_back_into_the_thread_on_every_instance_and_each_is_owed_a_reply() {
    let pg = TestPostgres::create().await;
    let imap = dovecot().await;
    let smtp = smtp_server().await;
    let clock = ManualClock::at("2026-12-07T09:00:00Z".parse().unwrap());
    let (smtp_url, imap_url) =
        (format!("smtp://127.0.0.1:{}", smtp.port), format!("imap://sales:secret@127.0.0.1:{}/INBOX", imap.port));
    let settings = [
        ("DATABASE_URL", pg.url.as_str()),
        ("ARCHGUIDE_SMTP_URL", smtp_url.as_str()),
        ("ARCHGUIDE_NOTIFY_EMAIL_TO", "team@axiomtech.example"),
        ("ARCHGUIDE_REPLY_FROM", "hello@axiomtech.example"),
        ("ARCHGUIDE_OUTBOX_POLL_MS", "50"),
        ("ARCHGUIDE_PUBLIC_URL", "https://guide.example.com"),
        ("ARCHGUIDE_IMAP_URL", imap_url.as_str()),
        ("ARCHGUIDE_REPLY_TO", "sales@axiomtech.example"),
        ("ARCHGUIDE_IMAP_POLL", "1s"),
    ];
    let a = spawn_app_with_clock(clock.clone(), &settings).await;
    let b = spawn_app_with_clock(clock.clone(), &settings).await;
    add_staff(&pg.url, "sam@example.com", Role::Sales).await;
    let sam_a = a.login("sam@example.com", PASSWORD).await;

    // Ada's lead, answered from instance A: the answer is to go to the shared mailbox, tagged.
    let ada = a.send_lead(&[("name", "Ada Lovelace"), ("email", "ada@example.org"), ("company", "Engines Ltd")]).await;
    let reply =
        [("action", "reply"), ("subject", "Re: your message"), ("body", "Hello Ada,\nDoes Tuesday suit you?\nSam")];
    assert_eq!(a.post_as(&sam_a, &format!("/inbox/leads/{ada}"), &reply).await.status(), 303);
    let sent = emails(&smtp.dir, 1, |m| m["to"] == "ada@example.org").await.remove(0);
    assert_eq!(sent["reply_to"], format!("sales+{ada}@axiomtech.example"));
    let our_id = sent["message_id"].as_str().unwrap().to_string();
    assert!(our_id.starts_with("<archguide-outbox-") && our_id.ends_with("@guide.example.com>"), "{our_id}");

    // Her answer, an hour later, quoting ours as mail programs do, reaches the mailbox.
    clock.advance(chrono::Duration::hours(1));
    // Sessions end after a while without use: sign in again after each jump of the clock.
    let (sam_a, sam_b) = (a.login("sam@example.com", PASSWORD).await, b.login("sam@example.com", PASSWORD).await);
    deliver(imap.port, &[format!(
        "From: Ada Lovelace <ada@example.org>\nTo: sales+{ada}@axiomtech.example\nSubject: Re: Re: your message\n\
         Message-ID: <answer-1@example.org>\nIn-Reply-To: {our_id}\nReferences: {our_id}\n\
         Content-Type: text/plain; charset=utf-8\n\nTuesday works, 10:00?\n\nOn Mon, 7 Dec 2026, Sam wrote:\n> Hello Ada,\n> Does Tuesday suit you?\n"
    )]);
    // Both instances show both sides, whichever of them read the mailbox.
    let thread = until_page_holds(&b, &sam_b, &format!("/inbox/leads/{ada}"), "Tuesday works, 10:00?").await;
    assert!(
        thread.contains(r#"data-inbound="answer""#) && thread.contains("Answers our email"),
        "matched by In-Reply-To"
    );
    assert!(thread.contains("Show earlier messages") && thread.contains("Does Tuesday suit you?"));
    assert!(thread.find("Does Tuesday suit you?").unwrap() < thread.find("Tuesday works").unwrap(), "oldest first");
    assert!(thread.contains("(us)") && thread.contains("(them)"));
    let on_a = page(&a, &sam_a, &format!("/inbox/leads/{ada}")).await;
    assert!(on_a.contains("Tuesday works, 10:00?"));
    // Waiting on us, with its own reply-by time, in the list's filter and order.
    let waiting = page(&b, &sam_b, "/inbox?waiting=us&sort=reply-by").await;
    assert!(waiting.contains(&ada) && waiting.contains(r#"data-waiting="us""#), "{waiting}");
    assert!(waiting.contains("On track: 1 d 0 h left"), "its own 24 hours, from the answer: {waiting}");

    // 20 hours on, its one reminder goes to Sam; another check sends no second one.
    clock.advance(chrono::Duration::hours(20) + chrono::Duration::minutes(1));
    let (sam_a, sam_b) = (a.login("sam@example.com", PASSWORD).await, b.login("sam@example.com", PASSWORD).await);
    let reminder = emails(&smtp.dir, 1, subject_starts("Reply soon")).await.remove(0);
    assert_eq!(reminder["to"], "sam@example.com");
    assert!(reminder["body"].as_str().unwrap().contains("is waiting for a reply"));
    tokio::time::sleep(Duration::from_millis(500)).await;
    emails(&smtp.dir, 1, subject_starts("Reply soon")).await;

    // Sam answers from B: nothing is owed any more; then her out-of-office comes back, which
    // is shown, marked, and owed nothing.
    let again = [("action", "reply"), ("subject", "Re: Tuesday"), ("body", "Tuesday at 10:00 it is.")];
    assert_eq!(b.post_as(&sam_b, &format!("/inbox/leads/{ada}"), &again).await.status(), 303);
    let second = emails(&smtp.dir, 2, |m| m["to"] == "ada@example.org").await.remove(1);
    let second_id = second["message_id"].as_str().unwrap().to_string();
    deliver(imap.port, &[format!(
        "From: Ada Lovelace <ada@example.org>\nTo: sales+{ada}@axiomtech.example\nSubject: Automatic reply: Re: Tuesday\n\
         Auto-Submitted: auto-replied\nMessage-ID: <away-1@example.org>\nIn-Reply-To: {second_id}\n\n\
         I am away until Monday.\n"
    )]);
    let thread = until_page_holds(&a, &sam_a, &format!("/inbox/leads/{ada}"), "I am away until Monday.").await;
    assert!(thread.contains(r#"data-inbound="auto_reply""#) && thread.contains("not counted as an answer"));
    let waiting = page(&a, &sam_a, "/inbox?waiting=us").await;
    assert!(!waiting.contains(&ada), "an automatic reply owes nothing");

    // Bob's address bounces: the lead shows it, Sam hears of it, and no reply goes out until
    // the address is corrected.
    let bob = a.send_lead(&[("name", "Bob"), ("email", "bob@nowhere.example"), ("company", "")]).await;
    let to_bob = [("action", "reply"), ("subject", "Hello Bob"), ("body", "Shall we talk?")];
    assert_eq!(a.post_as(&sam_a, &format!("/inbox/leads/{bob}"), &to_bob).await.status(), 303);
    let bob_mail = emails(&smtp.dir, 1, |m| m["to"] == "bob@nowhere.example").await.remove(0);
    deliver(imap.port, &[format!(
        "From: Mail Delivery System <MAILER-DAEMON@mx.axiomtech.example>\nTo: hello@axiomtech.example\n\
         Subject: Undelivered Mail Returned to Sender\nAuto-Submitted: auto-replied\nMessage-ID: <bounce-1@mx.axiomtech.example>\n\
         Content-Type: multipart/report; report-type=delivery-status; boundary=\"r\"\n\n\
         --r\nContent-Type: text/plain\n\nThis is the mail system. Your message could not be delivered.\n\
         --r\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.axiomtech.example\n\n\
         Final-Recipient: rfc822; bob@nowhere.example\nAction: failed\nStatus: 5.1.1\n\
         Diagnostic-Code: smtp; 550 5.1.1 <bob@nowhere.example>: Recipient address rejected\n\n\
         --r\nContent-Type: text/rfc822-headers\n\nMessage-ID: {}\nSubject: Hello Bob\n\n--r--\n",
        bob_mail["message_id"].as_str().unwrap()
    )]);
    let bounced = until_page_holds(&b, &sam_b, &format!("/inbox/leads/{bob}"), "data-undeliverable").await;
    assert!(bounced.contains("Recipient address rejected") && bounced.contains(r#"data-inbound="bounce""#));
    let told = emails(&smtp.dir, 1, subject_starts("Bounced")).await.remove(0);
    assert_eq!(told["to"], "sam@example.com", "the writer of the bounced reply hears of it");
    let refused = b.post_as(&sam_b, &format!("/inbox/leads/{bob}"), &to_bob).await;
    assert_eq!(refused.status(), 409);
    assert!(refused.text().await.unwrap().contains("correct the address"));
    let corrected = [("action", "email"), ("email", "bob@somewhere.example")];
    assert_eq!(b.post_as(&sam_b, &format!("/inbox/leads/{bob}"), &corrected).await.status(), 303);
    assert_eq!(b.post_as(&sam_b, &format!("/inbox/leads/{bob}"), &to_bob).await.status(), 303);
    emails(&smtp.dir, 1, |m| m["to"] == "bob@somewhere.example").await;

    // A message that names no lead waits in the Unmatched view; staff attach one and discard
    // another. An HTML-only message with a script is shown as text.
    deliver(imap.port, &[
        "From: Carol <carol@elsewhere.example>\nTo: sales@axiomtech.example\nSubject: A question\nMessage-ID: <carol-1@elsewhere.example>\n\nDo you review architectures?\n".to_string(),
        "From: Spammer <win@prizes.example>\nTo: sales@axiomtech.example\nSubject: You won\nMessage-ID: <spam-1@prizes.example>\n\nClaim now.\n".to_string(),
        "From: Ada Lovelace <ada@example.org>\nTo: sales@axiomtech.example\nSubject: Our diagram\nMessage-ID: <html-1@example.org>\n\
         Content-Type: text/html; charset=utf-8\n\n<html><head><script>alert('x')</script></head><body><p>Here is <b>our</b> diagram.</p>\
         <img src=x onerror=alert(1)></body></html>\n".to_string(),
    ]);
    let unmatched = until_page_holds(&a, &sam_a, "/inbox/unmatched", "2 waiting.").await;
    assert!(unmatched.contains("Claim now.") && unmatched.contains("Do you review architectures?"), "{unmatched}");
    let ids: Vec<String> =
        unmatched.split("data-unmatched=\"").skip(1).map(|rest| rest.split('"').next().unwrap().to_string()).collect();
    assert_eq!(ids.len(), 2);
    let wrong = a.post_as(&sam_a, &format!("/inbox/unmatched/{}/attach", ids[0]), &[("reference", "AG-2222222")]).await;
    assert_eq!(wrong.status(), 422);
    assert!(wrong.text().await.unwrap().contains("AG-2222222"), "kept as typed");
    let attach = a.post_as(&sam_a, &format!("/inbox/unmatched/{}/attach", ids[0]), &[("reference", &ada)]).await;
    assert_eq!(attach.status(), 303);
    assert_eq!(a.post_as(&sam_a, &format!("/inbox/unmatched/{}/discard", ids[1]), &[]).await.status(), 303);
    let unmatched = page(&a, &sam_a, "/inbox/unmatched").await;
    assert!(unmatched.contains("Nothing is waiting."), "{unmatched}");
    let thread = until_page_holds(&b, &sam_b, &format!("/inbox/leads/{ada}"), "Here is our diagram.").await;
    assert!(thread.contains("Do you review architectures?") && thread.contains("Attached by sam@example.com"));
    assert!(!thread.contains("alert(") && !thread.contains("onerror"), "the HTML is text, its script gone");
    let waiting = page(&b, &sam_b, "/inbox?waiting=us").await;
    assert!(waiting.contains(&ada), "the HTML message is an answer: owed a reply again");
    // The search finds what she wrote.
    assert!(page(&b, &sam_b, "/inbox?q=diagram").await.contains(&ada));

    // Every message the mailbox received was stored once and moved to Archive, seen.
    let folders = mailbox(imap.port, &["folders"]);
    assert_eq!(folders["INBOX"].as_array().unwrap().len(), 0, "{folders}");
    let archived = folders["Archive"].as_array().unwrap();
    assert_eq!(archived.len(), 6);
    assert!(archived.iter().all(|m| m["flags"].as_array().unwrap().iter().any(|f| f == "\\Seen")));
    let pool = sqlx::PgPool::connect(&pg.url).await.unwrap();
    let (stored, duplicates): (i64, i64) = sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM inbound_messages), (SELECT CAST(COALESCE(SUM(duplicates), 0) AS BIGINT) FROM mailbox_readers)",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!((stored, duplicates), (5, 0), "six received, one discarded, none read twice");
    pool.close().await;

    // What she wrote is in her export, and goes with her erasure.
    add_staff(&pg.url, "ann@example.com", Role::Admin).await;
    let ann = a.login("ann@example.com", PASSWORD).await;
    let export = a.post_as(&ann, &format!("/inbox/leads/{ada}/export.json"), &[]).await;
    assert_eq!(export.status(), 200);
    let export: Value = export.json().await.unwrap();
    let texts: Vec<&str> =
        export["messages_received"].as_array().unwrap().iter().map(|m| m["text"].as_str().unwrap()).collect();
    assert_eq!(texts.len(), 4, "{texts:?}");
    assert!(texts[0].starts_with("Tuesday works, 10:00?"), "{texts:?}");
    let erase = [("action", "erase"), ("confirm", ada.as_str())];
    assert_eq!(a.post_as(&ann, &format!("/inbox/leads/{ada}"), &erase).await.status(), 303);
    let erased = page(&b, &sam_b, &format!("/inbox/leads/{ada}")).await;
    assert!(!erased.contains("Tuesday works") && !erased.contains("our diagram"), "erased with her");

    // The dashboard says where reading the mailbox stands, and when it fails.
    let dashboard = page(&b, &sam_b, "/inbox/dashboard").await;
    assert!(
        dashboard.contains("sales@axiomtech.example, last read") && dashboard.contains("0 messages matched no lead")
    );
    drop(imap);
    until_page_holds(&b, &sam_b, "/inbox/dashboard", "Reading it failed").await;
}

/// A thousand messages delivered at once, read by one instance that is stopped half-way and a
/// new one that takes over: each is stored once, none is read twice, and the time the reading
/// took is printed (the release build's figure is in the closing note of the feature).
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_thousand_messages_at_once_are_stored_once_across_a_restart() {
    let imap = dovecot().await;
    let imap_url = format!("imap://sales:secret@127.0.0.1:{}/INBOX", imap.port);
    let settings = [
        ("ARCHGUIDE_IMAP_URL", imap_url.as_str()),
        ("ARCHGUIDE_REPLY_TO", "sales@axiomtech.example"),
        ("ARCHGUIDE_IMAP_POLL", "1s"),
        // They stay in the folder: only the stored cursor keeps them from being read again.
        ("ARCHGUIDE_IMAP_DONE_FOLDER", "none"),
    ];
    let template = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(
        template.path(),
        "From: Visitor {n} <visitor{n}@example.org>\r\nTo: sales@axiomtech.example\r\nSubject: Question {n}\r\n\
         Message-ID: <bulk-{n}@example.org>\r\n\r\nQuestion number {n} about our architecture.\r\n",
    )
    .unwrap();
    let appended = mailbox(imap.port, &["many", "1000", &template.path().display().to_string()]);
    eprintln!("appended 1000 messages in {} s", appended["seconds"]);

    let started = Instant::now();
    let first = crate::helpers::spawn_app_with(&settings).await;
    let db = first.db().await;
    let count = |db: sqlx::SqlitePool| async move {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM inbound_messages").fetch_one(&db).await.unwrap()
    };
    let mut stored = 0;
    for _ in 0..600 {
        stored = count(db.clone()).await;
        if stored >= 300 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(stored >= 300, "the first instance read {stored}");
    db.close().await;
    let data = first.stop().await;
    let second = spawn_app_in(data, &settings).await;
    let db = second.db().await;
    for _ in 0..1500 {
        if count(db.clone()).await >= 1000 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let elapsed = started.elapsed();
    let (stored, distinct, duplicates, last_uid): (i64, i64, i64, i64) = sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM inbound_messages), (SELECT COUNT(DISTINCT message_id) FROM inbound_messages), \
         (SELECT SUM(duplicates) FROM mailbox_readers), (SELECT MAX(last_uid) FROM mailbox_readers)",
    )
    .fetch_one(&db)
    .await
    .unwrap();
    assert_eq!((stored, distinct, duplicates, last_uid), (1000, 1000, 0, 1000));
    let unmatched = sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM inbound_messages WHERE lead_id IS NULL")
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(unmatched, 1000, "no lead sent them: all wait in the Unmatched view");
    eprintln!("read and stored 1000 messages in {:.1} s, across a restart", elapsed.as_secs_f64());
    let folders = mailbox(imap.port, &["folders"]);
    let inbox = folders["INBOX"].as_array().unwrap();
    assert_eq!(inbox.len(), 1000);
    assert!(inbox.iter().all(|m| m["flags"].as_array().unwrap().iter().any(|f| f == "\\Seen")));
    db.close().await;
}
