//! What a booked call sends, each time it is booked, moved or cancelled: an email to the visitor
//! in their language and one to the staff member, each with the call as an invitation; a
//! reminder to the visitor before the call; and the call written into, or taken out of, the
//! staff member's own calendar. All of it goes through the outbox, in the transaction that
//! changes the call.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::domain::booking::Interval;
use crate::domain::lang::{Arg, Lang};
use crate::domain::leads::who;
use crate::domain::period::Period;
use crate::i18n::locales::{locales, Language};
use crate::server::booking::invitation::{calendar_of, invitation, CallEvent, Method, Party};
use crate::server::store::outbox::{calendar_topic, CalendarPart, CalendarWrite, CallEmail, Channel, OutboxMessage};

/// What happened to the call.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CallChange {
    Booked,
    Moved,
    Cancelled,
}

/// Everything the messages about one call say.
#[derive(Clone, Debug)]
pub struct CallFacts<'a> {
    pub uid: &'a str,
    /// The invitations' SEQUENCE: 0 when booked, one more at each move or cancellation.
    pub sequence: i64,
    pub call: Interval,
    pub reference: &'a str,
    pub visitor_name: &'a str,
    pub visitor_email: &'a str,
    pub company: Option<&'a str>,
    pub lang: Lang,
    pub visitor_zone: Tz,
    pub staff_id: i64,
    pub staff_email: &'a str,
    pub staff_zone: Tz,
    /// The video-call link, `{ref}` already replaced.
    pub link: Option<&'a str>,
    /// The guide result's summary in the visitor's language and in English, if one is attached.
    pub result: Option<(String, String)>,
    /// Where the visitor moves or cancels the call (`/book/{token}`).
    pub manage_url: &'a str,
    /// The lead in the inbox.
    pub lead_url: &'a str,
    pub brand: &'a str,
    /// Whether the staff member has a calendar connected that the call is written into.
    pub calendar_connected: bool,
}

/// The outbox topic of a call's reminder: a move or a cancellation withdraws it.
pub fn reminder_topic(uid: &str) -> String {
    format!("reminder:{uid}")
}

/// A call's start and end on the day it falls on in `zone`: "Tuesday 9 December 2026,
/// 10:00–10:30".
pub fn when(language: &Language, call: Interval, zone: Tz) -> String {
    let (start, end) = (call.start.with_timezone(&zone), call.end.with_timezone(&zone));
    format!("{}, {}–{}", language.day_with_weekday(start.date_naive()), start.format("%H:%M"), end.format("%H:%M"))
}

impl CallFacts<'_> {
    fn organizer(&self) -> Party<'_> {
        Party { name: self.staff_email, email: self.staff_email }
    }

    fn attendee(&self) -> Party<'_> {
        Party { name: self.visitor_name, email: self.visitor_email }
    }

    /// The call as calendars see it, with the description written for `for_staff` or the
    /// visitor.
    fn event<'b>(
        &'b self,
        summary: &'b str,
        description: &'b str,
        stamp: DateTime<Utc>,
        cancelled: bool,
    ) -> CallEvent<'b> {
        CallEvent {
            uid: self.uid,
            sequence: self.sequence,
            call: self.call,
            stamp,
            organizer: self.organizer(),
            attendee: self.attendee(),
            summary,
            description,
            link: self.link,
            cancelled,
        }
    }

    fn visitor_language(&self) -> &'static Language {
        locales().language(self.lang)
    }

    /// The lines about the call the visitor's email and invitation share.
    fn visitor_details(&self, language: &Language, cancelled: bool) -> Vec<String> {
        let mut lines = vec![language.text("call-about", &[("reference", Arg::from(self.reference))])];
        if let Some((summary, _)) = &self.result {
            lines.push(language.text("call-result", &[("summary", Arg::from(summary.as_str()))]));
        }
        if let (Some(link), false) = (self.link, cancelled) {
            lines.push(language.text("call-join", &[("link", Arg::from(link))]));
        }
        lines.push(language.text("call-manage", &[("url", Arg::from(self.manage_url))]));
        lines
    }

    /// What the staff member's email and calendar say about the call, in English (the inbox's
    /// language).
    fn staff_details(&self, cancelled: bool) -> Vec<String> {
        let who = who(self.visitor_name, self.company);
        let mut lines = vec![format!("Lead {}: {who}, {}.", self.reference, self.visitor_email)];
        if let Some((_, summary)) = &self.result {
            lines.push(format!("Guide result: {summary}."));
        }
        lines.push(format!(
            "Their time: {} ({}).",
            when(locales().language(Lang::default()), self.call, self.visitor_zone),
            self.visitor_zone.name()
        ));
        if let (Some(link), false) = (self.link, cancelled) {
            lines.push(format!("Join: {link}"));
        }
        lines.push(format!("In the inbox: {}", self.lead_url));
        lines
    }

    fn staff_summary(&self) -> String {
        format!("Call: {}, {}", who(self.visitor_name, self.company), self.reference)
    }

    /// Every message the change sends, stamped `now`.
    pub fn messages(&self, change: CallChange, reminder: Period, now: DateTime<Utc>) -> Vec<OutboxMessage> {
        let cancelled = change == CallChange::Cancelled;
        let method = if cancelled { Method::Cancel } else { Method::Request };
        let language = self.visitor_language();
        let brand = Arg::from(self.brand);
        let visitor_when = when(language, self.call, self.visitor_zone);
        let with = Arg::from(self.staff_email);
        let zone = Arg::from(self.visitor_zone.name());
        let summary =
            language.text("call-summary", &[("brand", brand.clone()), ("reference", Arg::from(self.reference))]);
        let details = self.visitor_details(language, cancelled);
        let letter = |subject_key: &str, opening_key: &str, with_invitation: bool| {
            let mut body = vec![
                language.text("call-hello", &[("name", Arg::from(self.visitor_name))]),
                String::new(),
                language.text(
                    opening_key,
                    &[("with", with.clone()), ("when", Arg::from(visitor_when.as_str())), ("zone", zone.clone())],
                ),
                String::new(),
            ];
            body.extend(details.iter().cloned());
            if with_invitation {
                body.push(language.text("call-invitation", &[]));
            }
            body.push(String::new());
            body.push(language.text("call-regards", &[("brand", brand.clone())]));
            let subject =
                language.text(subject_key, &[("brand", brand.clone()), ("when", Arg::from(visitor_when.as_str()))]);
            (subject, body.join("\n"))
        };
        let (subject_key, opening_key) = match change {
            CallChange::Booked => ("call-subject-booked", "call-booked"),
            CallChange::Moved => ("call-subject-moved", "call-moved"),
            CallChange::Cancelled => ("call-subject-cancelled", "call-cancelled"),
        };
        let visitor_description = details.join("\n");
        let visitor_invitation = invitation(method, &self.event(&summary, &visitor_description, now, cancelled));
        let (subject, body) = letter(subject_key, opening_key, true);
        let mut out = vec![email(CallEmail {
            reference: self.reference.to_string(),
            to: self.visitor_email.to_string(),
            reply_to: Some(self.staff_email.to_string()),
            subject,
            body,
            calendar: Some(CalendarPart { method: method.as_str().to_string(), ics: visitor_invitation }),
        })];

        // The staff member's own email, with the call in their zone.
        let staff_when = format!(
            "{} {}",
            when(locales().language(Lang::default()), self.call, self.staff_zone),
            self.staff_zone.name()
        );
        let staff_subject = match change {
            CallChange::Booked => format!("Call booked: {}, {staff_when}", self.reference),
            CallChange::Moved => format!("Call moved: {}, now {staff_when}", self.reference),
            CallChange::Cancelled => format!("Call cancelled: {}, was {staff_when}", self.reference),
        };
        let (staff_summary, staff_description) = (self.staff_summary(), self.staff_details(cancelled).join("\n"));
        let staff_invitation = invitation(method, &self.event(&staff_summary, &staff_description, now, cancelled));
        out.push(email(CallEmail {
            reference: self.reference.to_string(),
            to: self.staff_email.to_string(),
            reply_to: None,
            subject: staff_subject,
            body: staff_description.clone(),
            calendar: Some(CalendarPart { method: method.as_str().to_string(), ics: staff_invitation }),
        }));

        // The reminder, unless the call is nearer than the reminder's lead time.
        let remind_at = self.call.start - reminder.as_chrono();
        if !cancelled && remind_at > now {
            let (subject, body) = letter("call-subject-reminder", "call-reminder", false);
            let reminder = CallEmail {
                reference: self.reference.to_string(),
                to: self.visitor_email.to_string(),
                reply_to: Some(self.staff_email.to_string()),
                subject,
                body,
                calendar: None,
            };
            out.push(email(reminder).due(remind_at).about(reminder_topic(self.uid)));
        }

        if self.calendar_connected {
            let ics =
                (!cancelled).then(|| calendar_of(None, &[self.event(&staff_summary, &staff_description, now, false)]));
            let write = CalendarWrite { staff_id: self.staff_id, uid: self.uid.to_string(), ics };
            let payload = serde_json::to_string(&write).expect("a calendar write serialises");
            out.push(OutboxMessage::new(Channel::Calendar, payload).about(calendar_topic(self.uid)));
        }
        out
    }
}

fn email(email: CallEmail) -> OutboxMessage {
    OutboxMessage::new(Channel::Call, serde_json::to_string(&email).expect("an email serialises"))
}
