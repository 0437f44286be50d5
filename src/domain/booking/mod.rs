//! Booking a call: when a staff member takes calls (their working hours in their own time zone,
//! days off, languages), which starts are free for a visitor, and who takes a call posted for a
//! start. Pure rules: the server reads the people, their calls and their calendars' busy times,
//! and hands them here.
//!
//! Times are instants (`DateTime<Utc>`) everywhere but in the hours themselves, which are wall
//! times of the person's zone: 09:00 stays 09:00 in Madrid across a change of the clocks, and
//! the instant it names moves.

mod hours;
mod routing;
mod slots;

pub use hours::{DaysOff, WeeklyHours};
pub use routing::{pick, ranked, Candidate};
pub use slots::{day_of, free_slots, Interval};

use chrono_tz::Tz;

use crate::domain::period::Period;

/// When one staff member takes calls.
#[derive(Clone, Debug, PartialEq)]
pub struct Availability {
    /// The zone their hours are written in.
    pub zone: Tz,
    pub hours: WeeklyHours,
    pub off: DaysOff,
    /// Language codes they take calls in (`en`, `es`).
    pub languages: Vec<String>,
}

impl Availability {
    pub fn speaks(&self, language: &str) -> bool {
        self.languages.iter().any(|l| l == language)
    }
}

/// Reads when a person takes calls as they wrote it (the account page's fields, the command
/// line's options): `known` are the site's language codes. An error names the field it is about
/// (`zone`, `hours`, `off`, `languages`).
pub fn read_availability(
    zone: &str,
    hours: &[String],
    languages: &[String],
    off: &[String],
    known: &[&str],
) -> Result<Availability, (&'static str, String)> {
    let mut codes = Vec::new();
    for code in languages.iter().map(|c| c.trim().to_lowercase()).filter(|c| !c.is_empty()) {
        if !known.contains(&code.as_str()) {
            return Err(("languages", format!("'{code}' is not a language of the site ({})", known.join(", "))));
        }
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    if codes.is_empty() {
        return Err(("languages", "name at least one language calls are taken in (en)".into()));
    }
    let hours: Vec<String> = hours.iter().map(|h| h.trim().to_string()).filter(|h| !h.is_empty()).collect();
    if hours.is_empty() {
        return Err(("hours", "write the hours calls are taken in, like mon-fri 09:00-17:00".into()));
    }
    let off: Vec<String> = off.iter().map(|o| o.trim().to_string()).filter(|o| !o.is_empty()).collect();
    Ok(Availability {
        zone: parse_zone(zone).map_err(|e| ("zone", e))?,
        hours: WeeklyHours::parse(&hours).map_err(|e| ("hours", e))?,
        off: DaysOff::parse(&off).map_err(|e| ("off", e))?,
        languages: codes,
    })
}

/// Reads an IANA zone name (`Europe/Madrid`), with an error naming it.
pub fn parse_zone(name: &str) -> Result<Tz, String> {
    name.trim().parse::<Tz>().map_err(|_| format!("'{name}' is not a time zone name like Europe/Madrid"))
}

/// The site's rules for every call.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MeetingRules {
    /// How long a call lasts; slots start this far apart.
    pub length: Period,
    /// Free time kept before and after each call and each busy time of the person's calendar.
    pub buffer: Period,
    /// No slot starts sooner than this from now.
    pub notice: Period,
    /// No slot starts later than this from now.
    pub horizon: Period,
    /// At most this many calls a day (the person's day) for one person.
    pub per_day: u32,
}

impl Default for MeetingRules {
    fn default() -> Self {
        MeetingRules {
            length: Period::seconds(30 * 60),
            buffer: Period::seconds(15 * 60),
            notice: Period::hours(4),
            horizon: Period::days(14),
            per_day: 6,
        }
    }
}
