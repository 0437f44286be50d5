//! A staff member's own calendar over CalDAV (RFC 4791), which Fastmail, iCloud, Nextcloud,
//! Zoho and Radicale speak: its busy times (a `calendar-query` REPORT over a time range; the
//! query asks the server to expand recurring events, and those a server hands back unexpanded
//! are expanded here), and their booked calls written into it (`PUT`) and taken out again
//! (`DELETE`), one resource per call named by its UID.

use std::time::Duration;

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone as _, Utc};
use chrono_tz::Tz;
use icalendar::{CalendarComponent, CalendarDateTime, Component as _, DatePerhapsTime, EventLike as _};

use crate::domain::booking::Interval;

/// How long one request to a calendar may take: a booking page waits for it, and falls back to
/// the database's calls when it is slower.
const TIMEOUT: Duration = Duration::from_secs(5);

/// Where a calendar is and how to sign in to it.
#[derive(Clone, Copy)]
pub struct Connection<'a> {
    /// The calendar collection's address, ending in `/`.
    pub url: &'a str,
    pub username: &'a str,
    pub password: &'a str,
}

impl std::fmt::Debug for Connection<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Connection").field("url", &self.url).field("username", &self.username).finish_non_exhaustive()
    }
}

/// Talks CalDAV over HTTP.
#[derive(Clone, Debug)]
pub struct CalDav {
    http: reqwest::Client,
}

impl CalDav {
    pub fn new() -> Result<Self, String> {
        let http = reqwest::Client::builder()
            .timeout(TIMEOUT)
            .redirect(reqwest::redirect::Policy::limited(3))
            .build()
            .map_err(|e| e.to_string())?;
        Ok(CalDav { http })
    }

    /// The busy times between `from` and `to`: every event that is not transparent or
    /// cancelled. Dates and floating times are read in `zone`, the person's own.
    pub async fn busy(
        &self,
        at: Connection<'_>,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        zone: Tz,
    ) -> Result<Vec<Interval>, String> {
        let (start, end) = (utc_stamp(from), utc_stamp(to));
        let query = format!(
            r#"<?xml version="1.0" encoding="utf-8"?>
<C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
  <D:prop><C:calendar-data><C:expand start="{start}" end="{end}"/></C:calendar-data></D:prop>
  <C:filter><C:comp-filter name="VCALENDAR"><C:comp-filter name="VEVENT">
    <C:time-range start="{start}" end="{end}"/>
  </C:comp-filter></C:comp-filter></C:filter>
</C:calendar-query>"#
        );
        let method = reqwest::Method::from_bytes(b"REPORT").expect("a valid method name");
        let response = self
            .http
            .request(method, collection(at.url))
            .basic_auth(at.username, Some(at.password))
            .header("depth", "1")
            .header("content-type", "application/xml; charset=utf-8")
            .body(query)
            .send()
            .await
            .map_err(|e| format!("the calendar could not be reached: {}", e.without_url()))?;
        let status = response.status();
        if status.as_u16() != 207 {
            return Err(format!("the calendar answered {status} to a query of its events"));
        }
        let body = response.text().await.map_err(|e| format!("reading the calendar's answer: {}", e.without_url()))?;
        let mut busy = Vec::new();
        for data in calendar_data(&body)? {
            busy.extend(busy_times(&data, zone, Interval { start: from, end: to })?);
        }
        busy.retain(|b| b.end > from && b.start < to);
        busy.sort_by_key(|b| b.start);
        Ok(busy)
    }

    /// Writes a call into the calendar (creating or replacing its resource).
    pub async fn put(&self, at: Connection<'_>, uid: &str, ics: &str) -> Result<(), String> {
        let response = self
            .http
            .put(resource(at.url, uid))
            .basic_auth(at.username, Some(at.password))
            .header("content-type", "text/calendar; charset=utf-8")
            .body(ics.to_string())
            .send()
            .await
            .map_err(|e| format!("the calendar could not be reached: {}", e.without_url()))?;
        match response.status() {
            status if status.is_success() => Ok(()),
            status => Err(format!("the calendar answered {status} to writing a call")),
        }
    }

    /// Takes a call out of the calendar; one already gone is fine.
    pub async fn delete(&self, at: Connection<'_>, uid: &str) -> Result<(), String> {
        let response = self
            .http
            .delete(resource(at.url, uid))
            .basic_auth(at.username, Some(at.password))
            .send()
            .await
            .map_err(|e| format!("the calendar could not be reached: {}", e.without_url()))?;
        match response.status() {
            status if status.is_success() || status.as_u16() == 404 || status.as_u16() == 410 => Ok(()),
            status => Err(format!("the calendar answered {status} to removing a call")),
        }
    }
}

/// The collection's address with its closing slash.
fn collection(url: &str) -> String {
    if url.ends_with('/') {
        url.to_string()
    } else {
        format!("{url}/")
    }
}

/// A call's resource in the collection: its UID's letters, digits, `-` and `_` (the random
/// part), and `.ics`.
fn resource(url: &str, uid: &str) -> String {
    let name: String = uid.chars().filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_')).collect();
    format!("{}{name}.ics", collection(url))
}

fn utc_stamp(at: DateTime<Utc>) -> String {
    at.format("%Y%m%dT%H%M%SZ").to_string()
}

/// The iCalendar texts a multistatus answer holds (`calendar-data` elements).
fn calendar_data(xml: &str) -> Result<Vec<String>, String> {
    let document = roxmltree::Document::parse(xml).map_err(|e| format!("the calendar's answer is not XML: {e}"))?;
    Ok(document
        .descendants()
        .filter(|n| n.has_tag_name(("urn:ietf:params:xml:ns:caldav", "calendar-data")))
        .filter_map(|n| n.text().map(str::to_string))
        .collect())
}

/// The most occurrences of one recurring event read in a window (a daily event over the
/// booking horizon needs a few dozen).
const MOST_OCCURRENCES: u16 = 1000;

/// The times one calendar object keeps its owner busy within `window`: each event that is not
/// transparent or cancelled, a recurring one at each of its occurrences (an occurrence moved
/// or cancelled on its own, by an event with its `RECURRENCE-ID`, counts as that event says).
fn busy_times(ics: &str, zone: Tz, window: Interval) -> Result<Vec<Interval>, String> {
    let calendar: icalendar::Calendar =
        ics.parse().map_err(|e| format!("an event the calendar holds does not read: {e}"))?;
    let events: Vec<&icalendar::Event> = calendar
        .components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(event) => Some(event),
            _ => None,
        })
        .collect();
    // Occurrences that an event of their own replaces.
    let replaced: Vec<(Option<&str>, DateTime<Utc>)> =
        events.iter().filter_map(|e| Some((e.get_uid(), instant(&e.get_recurrence_id()?, zone)?))).collect();
    let mut busy = Vec::new();
    for event in events {
        let transparent = event.property_value("TRANSP").is_some_and(|t| t.eq_ignore_ascii_case("TRANSPARENT"));
        let cancelled = event.property_value("STATUS").is_some_and(|s| s.eq_ignore_ascii_case("CANCELLED"));
        if transparent || cancelled {
            continue;
        }
        let Some(first) = span(event, zone) else { continue };
        if event.property_value("RRULE").is_none() || event.get_recurrence_id().is_some() {
            busy.push(first);
            continue;
        }
        let length = first.end - first.start;
        let rules = event.get_recurrence().map_err(|e| format!("a recurring event does not read: {e}"))?;
        let (from, to) = (window.start - length, window.end);
        let occurrences = rules
            .after(from.with_timezone(&icalendar::rrule::Tz::UTC))
            .before(to.with_timezone(&icalendar::rrule::Tz::UTC))
            .all(MOST_OCCURRENCES);
        for start in occurrences.dates.into_iter().map(|d| d.with_timezone(&Utc)) {
            if !replaced.contains(&(event.get_uid(), start)) {
                busy.push(Interval { start, end: start + length });
            }
        }
    }
    Ok(busy)
}

/// When one event starts and ends, as instants.
fn span(event: &icalendar::Event, zone: Tz) -> Option<Interval> {
    let start = event.get_start()?;
    let end = match (event.get_end(), event.property_value("DURATION").and_then(duration)) {
        (Some(end), _) => Some(end),
        (None, Some(length)) => {
            instant(&start, zone).map(|s| DatePerhapsTime::DateTime(CalendarDateTime::Utc(s + length)))
        }
        // A day without an end lasts the day; a moment without one keeps nobody busy.
        (None, None) => match start {
            DatePerhapsTime::Date(day) => day.succ_opt().map(DatePerhapsTime::Date),
            DatePerhapsTime::DateTime(_) => None,
        },
    };
    let (start, end) = (instant(&start, zone)?, instant(&end?, zone)?);
    (start < end).then_some(Interval { start, end })
}

/// The instant a date or time names: UTC as written, a named zone's wall time, a floating time
/// or a day's start in the person's zone.
fn instant(at: &DatePerhapsTime, zone: Tz) -> Option<DateTime<Utc>> {
    let local =
        |naive: NaiveDateTime, zone: Tz| zone.from_local_datetime(&naive).earliest().map(|t| t.with_timezone(&Utc));
    match at {
        DatePerhapsTime::DateTime(CalendarDateTime::Utc(at)) => Some(*at),
        DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone { date_time, tzid }) => {
            local(*date_time, tzid.parse::<Tz>().unwrap_or(zone))
        }
        DatePerhapsTime::DateTime(CalendarDateTime::Floating(naive)) => local(*naive, zone),
        DatePerhapsTime::Date(day) => local(NaiveDate::and_hms_opt(day, 0, 0, 0)?, zone),
    }
}

/// A `DURATION` value (`PT30M`, `P1DT2H`, `P2W`), positive only.
fn duration(text: &str) -> Option<chrono::Duration> {
    let text = text.trim().strip_prefix('+').unwrap_or(text.trim());
    let rest = text.strip_prefix('P')?;
    let (mut total, mut number, mut in_time) = (chrono::Duration::zero(), String::new(), false);
    for c in rest.chars() {
        match c {
            '0'..='9' => number.push(c),
            'T' => in_time = true,
            unit => {
                let n: i64 = std::mem::take(&mut number).parse().ok()?;
                total += match (unit, in_time) {
                    ('W', false) => chrono::Duration::weeks(n),
                    ('D', false) => chrono::Duration::days(n),
                    ('H', true) => chrono::Duration::hours(n),
                    ('M', true) => chrono::Duration::minutes(n),
                    ('S', true) => chrono::Duration::seconds(n),
                    _ => return None,
                };
            }
        }
    }
    number.is_empty().then_some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn events_in_utc_a_named_zone_a_day_and_with_a_duration_are_busy() {
        let ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n\
            BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20261209T090000Z\r\nDTEND:20261209T100000Z\r\nEND:VEVENT\r\n\
            BEGIN:VEVENT\r\nUID:b\r\nDTSTART;TZID=America/New_York:20261209T090000\r\nDURATION:PT1H30M\r\nEND:VEVENT\r\n\
            BEGIN:VEVENT\r\nUID:c\r\nDTSTART;VALUE=DATE:20261210\r\nEND:VEVENT\r\n\
            BEGIN:VEVENT\r\nUID:d\r\nDTSTART:20261211T090000Z\r\nDTEND:20261211T100000Z\r\nTRANSP:TRANSPARENT\r\nEND:VEVENT\r\n\
            BEGIN:VEVENT\r\nUID:e\r\nDTSTART:20261211T110000Z\r\nDTEND:20261211T120000Z\r\nSTATUS:CANCELLED\r\nEND:VEVENT\r\n\
            END:VCALENDAR\r\n";
        let window = Interval { start: at("2026-12-01T00:00:00Z"), end: at("2026-12-31T00:00:00Z") };
        let busy = busy_times(ics, chrono_tz::Europe::Madrid, window).unwrap();
        assert_eq!(
            busy,
            vec![
                Interval { start: at("2026-12-09T09:00:00Z"), end: at("2026-12-09T10:00:00Z") },
                Interval { start: at("2026-12-09T14:00:00Z"), end: at("2026-12-09T15:30:00Z") },
                // A whole day in Madrid: from its midnight (23:00 UTC the day before).
                Interval { start: at("2026-12-09T23:00:00Z"), end: at("2026-12-10T23:00:00Z") },
            ]
        );
    }

    #[test]
    fn a_recurring_event_is_busy_at_each_occurrence_in_the_window_but_those_moved_or_excluded() {
        // Lunch every day at 13:00 in Madrid from Monday 30 November; not on 9 December, and on
        // 10 December an hour later.
        let ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n\
            BEGIN:VEVENT\r\nUID:lunch\r\nDTSTART;TZID=Europe/Madrid:20261130T130000\r\n\
            DTEND;TZID=Europe/Madrid:20261130T140000\r\nRRULE:FREQ=DAILY\r\n\
            EXDATE;TZID=Europe/Madrid:20261209T130000\r\nEND:VEVENT\r\n\
            BEGIN:VEVENT\r\nUID:lunch\r\nRECURRENCE-ID;TZID=Europe/Madrid:20261210T130000\r\n\
            DTSTART;TZID=Europe/Madrid:20261210T140000\r\nDTEND;TZID=Europe/Madrid:20261210T150000\r\nEND:VEVENT\r\n\
            END:VCALENDAR\r\n";
        let window = Interval { start: at("2026-12-08T00:00:00Z"), end: at("2026-12-11T00:00:00Z") };
        let mut busy = busy_times(ics, chrono_tz::Europe::Madrid, window).unwrap();
        busy.sort_by_key(|b| b.start);
        assert_eq!(
            busy,
            vec![
                Interval { start: at("2026-12-08T12:00:00Z"), end: at("2026-12-08T13:00:00Z") },
                Interval { start: at("2026-12-10T13:00:00Z"), end: at("2026-12-10T14:00:00Z") },
            ]
        );
    }

    #[test]
    fn a_multistatus_answer_gives_its_calendar_data() {
        let xml = r#"<?xml version="1.0"?><multistatus xmlns="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
            <response><href>/cal/a.ics</href><propstat><prop><C:calendar-data>BEGIN:VCALENDAR&#13;
END:VCALENDAR</C:calendar-data></prop></propstat></response></multistatus>"#;
        assert_eq!(calendar_data(xml).unwrap(), vec!["BEGIN:VCALENDAR\r\nEND:VCALENDAR".to_string()]);
        assert!(calendar_data("not xml").is_err());
    }

    #[test]
    fn durations_read_as_rfc_5545_writes_them() {
        assert_eq!(duration("PT30M"), Some(chrono::Duration::minutes(30)));
        assert_eq!(duration("P1DT2H"), Some(chrono::Duration::hours(26)));
        assert_eq!(duration("P2W"), Some(chrono::Duration::weeks(2)));
        assert_eq!(duration("PT5"), None);
        assert_eq!(duration("-PT5M"), None);
    }

    #[test]
    fn a_resource_is_named_by_its_uid_alone() {
        assert_eq!(
            resource("https://dav.example.com/sam/calls", "ab-1_2/../x@booking"),
            "https://dav.example.com/sam/calls/ab-1_2xbooking.ics"
        );
    }
}
