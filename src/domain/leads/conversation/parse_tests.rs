//! Reading raw messages: charsets, HTML, attachments, bounces, and what is past the limits.

use super::*;

fn read_text(raw: &str) -> InboundMail {
    read(raw.as_bytes(), &Limits::default())
}

#[test]
fn charsets_encoded_words_and_threading_headers_are_read() {
    let mail = read_text(
        "From: =?ISO-8859-1?Q?Zo=EB?= <zoe@example.org>\r\nTo: Sales <sales+AG-7K2Q9M@example.com>\r\n\
         Delivered-To: sales@example.com\r\nSubject: =?UTF-8?B?UmU6IMK/SGFibGFtb3M/?=\r\n\
         Message-ID: <abc@mail.example.org>\r\nIn-Reply-To: <archguide-outbox-5@guide.example.com>\r\n\
         References: <a@x> <archguide-outbox-5@guide.example.com>\r\n\
         Content-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n\
         S=ED, el martes.\r\n",
    );
    assert_eq!(mail.from, "zoe@example.org");
    assert_eq!(mail.from_name.as_deref(), Some("Zoë"));
    assert_eq!(mail.subject, "Re: ¿Hablamos?");
    assert_eq!(mail.text.trim(), "Sí, el martes.");
    assert_eq!(mail.message_id.as_deref(), Some("abc@mail.example.org"));
    assert_eq!(mail.refers_to, ["archguide-outbox-5@guide.example.com", "a@x"]);
    assert_eq!(mail.recipients, ["sales+AG-7K2Q9M@example.com", "sales@example.com"]);
    assert_eq!(mail.kind, InboundKind::Answer);
}

#[test]
fn html_is_turned_into_text_and_its_scripts_are_dropped() {
    let mail = read_text(
        "From: a@example.org\r\nSubject: hi\r\nContent-Type: text/html; charset=utf-8\r\n\r\n\
         <html><head><script>alert('x')</script></head><body><p>Hello <b>there</b></p>\
         <img src=x onerror=alert(1)></body></html>\r\n",
    );
    assert!(mail.text.contains("Hello there"), "{:?}", mail.text);
    assert!(!mail.text.contains('<') && !mail.text.contains("alert"), "{:?}", mail.text);
}

#[test]
fn attachments_are_listed_and_kept_up_to_the_limit() {
    let raw = "From: a@example.org\r\nSubject: files\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n\
               --b\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n\
               --b\r\nContent-Type: application/pdf; name=\"../plan.pdf\"\r\nContent-Disposition: attachment; filename=\"../plan.pdf\"\r\n\
               Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n\
               --b\r\nContent-Type: application/zip\r\nContent-Disposition: attachment; filename=big.zip\r\n\r\n\
               0123456789012345678901234567890123456789\r\n--b--\r\n";
    let limits = Limits { attachment_bytes: 20, ..Limits::default() };
    let mail = read(raw.as_bytes(), &limits);
    assert_eq!(mail.text.trim(), "See attached.");
    assert_eq!(mail.attachments.len(), 2);
    assert_eq!(mail.attachments[0].name, "_plan.pdf");
    assert_eq!(mail.attachments[0].content.as_deref(), Some(&b"%PDF-1.4\n"[..]));
    assert_eq!(mail.attachments[1].content, None, "over the limit: listed, not kept");
    assert!(mail.notes[0].contains("big.zip"), "{:?}", mail.notes);
}

#[test]
fn a_delivery_report_names_the_address_and_our_message() {
    let raw = "From: Mail Delivery System <MAILER-DAEMON@mx.example.org>\r\nTo: hello@guide.example.com\r\n\
               Subject: Undelivered Mail Returned to Sender\r\nAuto-Submitted: auto-replied\r\n\
               Content-Type: multipart/report; report-type=delivery-status; boundary=r\r\n\r\n\
               --r\r\nContent-Type: text/plain\r\n\r\nYour message could not be delivered.\r\n\
               --r\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.org\r\n\r\n\
               Final-Recipient: rfc822; ada@example.org\r\nAction: failed\r\nStatus: 5.1.1\r\n\
               Diagnostic-Code: smtp; 550 no such user\r\n\r\n\
               --r\r\nContent-Type: text/rfc822-headers\r\n\r\nMessage-ID: <archguide-outbox-9@guide.example.com>\r\n\
               Subject: Re: your message\r\n\r\n--r--\r\n";
    let mail = read_text(raw);
    assert_eq!(mail.kind, InboundKind::Bounce);
    let bounce = mail.bounce.unwrap();
    assert_eq!(bounce.failed, ["ada@example.org"]);
    assert_eq!(bounce.reason, "5.1.1 smtp; 550 no such user");
    assert_eq!(bounce.original.as_deref(), Some("archguide-outbox-9@guide.example.com"));
    assert!(mail.attachments.is_empty(), "the report's own parts are not files: {:?}", mail.attachments);
}

#[test]
fn a_message_the_parser_fails_on_is_kept_for_its_headers_and_left_in_the_mailbox() {
    // Found by the fuzz target: it trips an assertion inside the MIME parser.
    let raw = "From: MAILER-DAEMON@mx.example.org\r\nSubject: Ufdelivered\r\n\
               Content-Type: multipart/rep;tro report-type=delivery-status; boundary=r\r\n\r\n--r\r\n\
               Content-Type: teipart/report; report-type=delivery-status; boundary=r\r\n\r\n--r\r\nConten\n--r\r\n\
               Content-Type: message/rfc822\r\n\r\nMess!ge-ID: <archguide-outbox-9@g\n--r\r\nConten\n--r\r\n\
               Content-Type: message/rfc822\r\n\r\nMess!guide.example.com>\r\nSubject: x\r\n\r\nbody\r\n--r--\r\n";
    let mail = read_text(raw);
    assert_eq!(mail.from, "MAILER-DAEMON@mx.example.org");
    if !mail.whole {
        assert!(mail.notes[0].contains("could not be read"), "{:?}", mail.notes);
    }
}

#[test]
fn what_is_too_large_or_too_deep_is_said_and_not_read() {
    let limits = Limits { raw_bytes: 200, ..Limits::default() };
    let big = format!("From: a@example.org\r\nSubject: big\r\n\r\n{}", "x".repeat(500));
    let mail = read(big.as_bytes(), &limits);
    assert_eq!((mail.from.as_str(), mail.subject.as_str(), mail.text.as_str()), ("a@example.org", "big", ""));
    assert!(mail.notes[0].contains("only its headers"), "{:?}", mail.notes);
    assert!(!mail.whole, "it stays in the mailbox");
    let mut deep = String::from("From: a@example.org\r\nSubject: deep\r\n");
    for level in 0..20 {
        deep.push_str(&format!("Content-Type: multipart/mixed; boundary=b{level}\r\n\r\n--b{level}\r\n"));
    }
    deep.push_str("Content-Type: text/plain\r\n\r\nhidden\r\n");
    let mail = read(deep.as_bytes(), &Limits::default());
    assert_eq!(mail.text, "");
    assert!(mail.notes[0].contains("nested"), "{:?}", mail.notes);
    assert!(read(b"", &Limits::default()).notes[0].contains("no headers"));
}
