//! A booked call as iCalendar (RFC 5545): the invitation emails carry it with a method (RFC 5546:
//! `REQUEST` for a new or moved call, `CANCEL` for a cancelled one), while the visitor's download,
//! the staff member's feed and their CalDAV calendar hold it without one. The `UID` stays the same
//! for the call's whole life and the `SEQUENCE` grows with each move, so a calendar that has the
//! call updates it instead of adding a second one.

use chrono::{DateTime, Utc};
use icalendar::{Calendar, Component as _, Event, EventLike as _, EventStatus, Property};

use crate::domain::booking::Interval;

/// What a calendar is asked to do with the call.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// Add the call, or move it to the time given.
    Request,
    /// Remove it.
    Cancel,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Request => "REQUEST",
            Method::Cancel => "CANCEL",
        }
    }
}

/// Someone taking part: a name to show and an address.
#[derive(Clone, Copy, Debug)]
pub struct Party<'a> {
    pub name: &'a str,
    pub email: &'a str,
}

/// One call as calendars see it.
#[derive(Clone, Copy, Debug)]
pub struct CallEvent<'a> {
    pub uid: &'a str,
    pub sequence: i64,
    pub call: Interval,
    /// When this version of the call was written (`DTSTAMP`).
    pub stamp: DateTime<Utc>,
    /// The staff member who takes the call.
    pub organizer: Party<'a>,
    /// The visitor.
    pub attendee: Party<'a>,
    pub summary: &'a str,
    pub description: &'a str,
    /// The video-call link (`LOCATION` and `URL`).
    pub link: Option<&'a str>,
    pub cancelled: bool,
}

/// A name as a `CN` parameter holds it: a parameter value cannot escape a double quote (RFC 5545
/// §3.2), so one becomes a single quote.
fn common_name(name: &str) -> String {
    name.replace('"', "'")
}

impl CallEvent<'_> {
    /// The event; `stored` marks it as a copy a calendar keeps (a download, a feed, a CalDAV
    /// resource), which the calendar's own server must not send invitations for
    /// (`SCHEDULE-AGENT=CLIENT`, RFC 6638: the site sends them itself).
    fn event(&self, stored: bool) -> Event {
        let mut event = Event::new();
        event
            .uid(self.uid)
            .sequence(u32::try_from(self.sequence).unwrap_or(0))
            .timestamp(self.stamp)
            .starts(self.call.start)
            .ends(self.call.end)
            .summary(self.summary)
            .description(self.description)
            .status(if self.cancelled { EventStatus::Cancelled } else { EventStatus::Confirmed });
        let mut organizer = Property::new("ORGANIZER", format!("mailto:{}", self.organizer.email));
        organizer.add_parameter("CN", &common_name(self.organizer.name));
        let mut attendee = Property::new("ATTENDEE", format!("mailto:{}", self.attendee.email));
        attendee
            .add_parameter("CN", &common_name(self.attendee.name))
            .add_parameter("ROLE", "REQ-PARTICIPANT")
            .add_parameter("PARTSTAT", "NEEDS-ACTION")
            .add_parameter("RSVP", "FALSE");
        if stored {
            organizer.add_parameter("SCHEDULE-AGENT", "CLIENT");
            attendee.add_parameter("SCHEDULE-AGENT", "CLIENT");
        }
        event.append_property(organizer.done());
        event.append_property(attendee.done());
        if let Some(link) = self.link {
            event.location(link).url(link);
        }
        event.done()
    }
}

/// The calendar's own lines: RFC 5545's version and who wrote it.
fn calendar() -> Calendar {
    let mut calendar = Calendar::empty();
    calendar
        .append_property(Property::new("VERSION", "2.0"))
        .append_property(Property::new("PRODID", "-//archguide//booked calls//EN"))
        .append_property(Property::new("CALSCALE", "GREGORIAN"));
    calendar
}

/// The `text/calendar` part of an invitation email.
pub fn invitation(method: Method, call: &CallEvent<'_>) -> String {
    let mut calendar = calendar();
    calendar.append_property(Property::new("METHOD", method.as_str()));
    calendar.push(call.event(false));
    calendar.to_string()
}

/// A calendar holding calls as they stand, with no method: a download, a feed, a CalDAV
/// resource (RFC 4791 forbids a method in a stored calendar).
pub fn calendar_of(name: Option<&str>, calls: &[CallEvent<'_>]) -> String {
    let mut calendar = calendar();
    if let Some(name) = name {
        calendar.name(name);
    }
    for call in calls {
        calendar.push(call.event(true));
    }
    calendar.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone as _;

    fn call<'a>(description: &'a str, cancelled: bool) -> CallEvent<'a> {
        let start = Utc.with_ymd_and_hms(2026, 12, 9, 9, 0, 0).unwrap();
        CallEvent {
            uid: "3f1c0e9a@guide.example.com",
            sequence: 2,
            call: Interval { start, end: start + chrono::Duration::minutes(30) },
            stamp: Utc.with_ymd_and_hms(2026, 12, 4, 10, 0, 0).unwrap(),
            organizer: Party { name: "Sam Lee", email: "sam@example.com" },
            attendee: Party { name: "Doe, \"Jane\"; CTO", email: "jane@example.org" },
            summary: "Call with Example: AG-7K2Q9M",
            description,
            link: Some("https://meet.example.com/AG-7K2Q9M"),
            cancelled,
        }
    }

    #[test]
    fn an_invitation_has_its_method_uid_sequence_and_utc_times() {
        let ics = invitation(Method::Request, &call("Your guide result: a modular monolith", false));
        for line in [
            "METHOD:REQUEST",
            "UID:3f1c0e9a@guide.example.com",
            "SEQUENCE:2",
            "DTSTART:20261209T090000Z",
            "DTEND:20261209T093000Z",
            "DTSTAMP:20261204T100000Z",
            "STATUS:CONFIRMED",
            "ORGANIZER;CN=Sam Lee:mailto:sam@example.com",
            "LOCATION:https://meet.example.com/AG-7K2Q9M",
        ] {
            assert!(ics.contains(&format!("{line}\r\n")), "{line} missing from\n{ics}");
        }
        // A name with a comma or semicolon is quoted as a parameter; a quote in it cannot be.
        assert!(ics.contains("CN=\"Doe, 'Jane'; CTO\""), "{ics}");
        assert!(!ics.contains("SCHEDULE-AGENT"), "an invitation is scheduled by whoever receives it");
    }

    #[test]
    fn text_is_escaped_and_long_lines_folded() {
        let description = format!("One; two, three\nfour {}", "x".repeat(120));
        let ics = calendar_of(Some("Calls"), &[call(&description, true)]);
        assert!(!ics.contains("METHOD:"));
        assert!(ics.contains("DESCRIPTION:One\\; two\\, three\\nfour"), "{ics}");
        assert!(ics.contains("STATUS:CANCELLED"));
        // A stored copy: its calendar's server sends no invitations of its own.
        assert!(
            ics.replace("\r\n ", "").contains("ORGANIZER;CN=Sam Lee;SCHEDULE-AGENT=CLIENT:mailto:sam@example.com"),
            "{ics}"
        );
        assert!(ics.lines().all(|l| l.len() <= 75), "a line longer than 75 octets:\n{ics}");
    }
}
