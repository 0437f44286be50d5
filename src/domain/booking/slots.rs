//! The free starts of one person: their hours of each day from the notice to the horizon,
//! cut into calls, less days off, full days, and anything within a buffer of their calls or
//! their calendar's busy times.

use chrono::{DateTime, Datelike as _, Duration, NaiveDateTime, TimeZone as _, Utc};
use chrono_tz::Tz;

use super::{Availability, MeetingRules};

/// A span of time, `start` included and `end` not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Interval {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

impl Interval {
    /// Whether the two share any instant once this one is widened by `margin` on both sides.
    fn meets(&self, other: &Interval, margin: Duration) -> bool {
        self.start - margin < other.end && other.start < self.end + margin
    }
}

/// The starts at which a call with this person fits, earliest first.
///
/// `calls` are the person's booked calls and `busy` the busy times of their own calendar; a
/// call keeps `rules.buffer` free on each side of both. A day (in the person's zone) that holds
/// `rules.per_day` calls offers nothing more.
///
/// ```
/// use archguide::domain::booking::{free_slots, parse_zone, Availability, DaysOff, MeetingRules, WeeklyHours};
/// let person = Availability {
///     zone: parse_zone("Europe/Madrid").unwrap(),
///     hours: WeeklyHours::parse(&["mon 09:00-10:30"]).unwrap(),
///     off: DaysOff::default(),
///     languages: vec!["en".into()],
/// };
/// // Friday 4 December 2026, noon in Madrid: Monday's three half hours, in UTC.
/// let now = "2026-12-04T11:00:00Z".parse().unwrap();
/// let rules = MeetingRules { horizon: archguide::domain::period::Period::days(4), ..MeetingRules::default() };
/// let starts: Vec<String> = free_slots(&person, &rules, &[], &[], now).iter().map(|s| s.to_rfc3339()).collect();
/// assert_eq!(starts, ["2026-12-07T08:00:00+00:00", "2026-12-07T08:30:00+00:00", "2026-12-07T09:00:00+00:00"]);
/// ```
pub fn free_slots(
    person: &Availability,
    rules: &MeetingRules,
    calls: &[Interval],
    busy: &[Interval],
    now: DateTime<Utc>,
) -> Vec<DateTime<Utc>> {
    let length = rules.length.as_chrono();
    let buffer = rules.buffer.as_chrono();
    let earliest = now + rules.notice.as_chrono();
    let latest = now + rules.horizon.as_chrono();
    let zone = person.zone;
    let mut free = Vec::new();
    let mut date = now.with_timezone(&zone).date_naive();
    while let Some(day_start) = instant(zone, date.and_hms_opt(0, 0, 0).expect("midnight exists")) {
        if day_start > latest {
            break;
        }
        let calls_that_day = calls.iter().filter(|c| c.start.with_timezone(&zone).date_naive() == date).count();
        if !person.off.contains(date) && calls_that_day < rules.per_day as usize {
            for (from, to) in person.hours.on(date.weekday()) {
                let (Some(from), Some(to)) = (instant(zone, date.and_time(*from)), instant(zone, date.and_time(*to)))
                else {
                    continue;
                };
                let mut start = from;
                while start + length <= to {
                    let slot = Interval { start, end: start + length };
                    let clear = !calls.iter().chain(busy).any(|taken| slot.meets(taken, buffer));
                    if start >= earliest && start <= latest && clear {
                        free.push(start);
                    }
                    start += length;
                }
            }
        }
        let Some(next) = date.succ_opt() else { break };
        date = next;
    }
    free
}

/// The person's day that holds `at`: from its midnight to the next, in `zone` (a day the clocks
/// change on is 23 or 25 hours long).
pub fn day_of(zone: Tz, at: DateTime<Utc>) -> Interval {
    let date = at.with_timezone(&zone).date_naive();
    let midnight = |date: chrono::NaiveDate| instant(zone, date.and_hms_opt(0, 0, 0).expect("midnight exists"));
    let start = midnight(date).unwrap_or(at - Duration::days(1));
    let end = date.succ_opt().and_then(midnight).unwrap_or(at + Duration::days(1));
    Interval { start, end }
}

/// The instant a wall time of `zone` names: the earlier one when the clocks go back and it
/// happens twice, and the first instant after the gap when they go forward and it never
/// happens (09:00 is never in a gap, but 02:30 in Madrid on the last Sunday of March is).
fn instant(zone: Tz, wall: NaiveDateTime) -> Option<DateTime<Utc>> {
    (0..=4)
        .find_map(|quarter| zone.from_local_datetime(&(wall + Duration::minutes(15 * quarter))).earliest())
        .map(|at| at.with_timezone(&Utc))
}

#[cfg(test)]
mod tests;
