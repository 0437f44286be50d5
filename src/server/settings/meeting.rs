//! Booked calls: how long they last, how far apart, how soon and how far ahead, and the
//! meeting link a staff member without their own uses.

use super::env::{Env, SettingsError};
use crate::domain::booking::MeetingRules;
use crate::domain::period::Period;

/// What `{ref}` in a meeting link is replaced with: the lead's reference.
pub const LINK_REFERENCE: &str = "{ref}";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeetingSettings {
    pub rules: MeetingRules,
    /// `ARCHGUIDE_MEETING_LINK`: the video-call link of a staff member who has none of their own.
    pub default_link: Option<String>,
    /// `ARCHGUIDE_MEETING_REMINDER`: how long before a call its visitor is reminded of it (none
    /// for a call booked later than that).
    pub reminder: Period,
}

pub(super) fn meetings(env: &Env<impl Fn(&str) -> Option<String>>) -> Result<MeetingSettings, SettingsError> {
    let defaults = MeetingRules::default();
    let rules = MeetingRules {
        length: env.period("ARCHGUIDE_MEETING_LENGTH", defaults.length)?,
        buffer: match env.get("ARCHGUIDE_MEETING_BUFFER").as_deref() {
            // No time between calls is a choice a team may make; `Period` refuses zero.
            Some("0") => Period::seconds(0),
            _ => env.period("ARCHGUIDE_MEETING_BUFFER", defaults.buffer)?,
        },
        notice: env.period("ARCHGUIDE_MEETING_NOTICE", defaults.notice)?,
        horizon: env.period("ARCHGUIDE_MEETING_HORIZON", defaults.horizon)?,
        per_day: env.number("ARCHGUIDE_MEETINGS_PER_DAY", defaults.per_day, 1..=100, "a number of calls a day")?,
    };
    if rules.length > Period::hours(8) {
        return Err(SettingsError::new("ARCHGUIDE_MEETING_LENGTH", "at most 8h: a call is not a working day"));
    }
    if rules.horizon > Period::days(366) {
        return Err(SettingsError::new("ARCHGUIDE_MEETING_HORIZON", "at most 366d"));
    }
    let default_link = match env.get("ARCHGUIDE_MEETING_LINK") {
        None => None,
        Some(_) => Some(env.url("ARCHGUIDE_MEETING_LINK", "")?),
    };
    let reminder = env.period("ARCHGUIDE_MEETING_REMINDER", Period::hours(24))?;
    Ok(MeetingSettings { rules, default_link, reminder })
}
