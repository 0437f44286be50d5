//! The reply the site promises every lead: when it is due, where a lead stands against it, and
//! lengths of time as staff read them.

use chrono::{DateTime, Duration, Utc};

use crate::domain::leads::inbox::LeadStatus;
use crate::domain::period::Period;

/// What the site promises a person who asks to talk, and when staff are warned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReplyPromise {
    /// A reply within this long after the lead arrived.
    pub within: Period,
    /// Under this much time left, an unanswered lead is flagged (and its reminder sent).
    pub warn_before: Period,
}

impl Default for ReplyPromise {
    fn default() -> Self {
        ReplyPromise { within: Period::hours(24), warn_before: Period::hours(4) }
    }
}

impl ReplyPromise {
    /// When a lead received at `created` is due.
    pub fn due(&self, created: DateTime<Utc>) -> DateTime<Utc> {
        created + self.within.as_chrono()
    }
}

/// Where a lead stands against the reply-by promise.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReplyState {
    /// Answered, this long after it arrived.
    Replied { after: Duration },
    /// Unanswered with more than the warning time left.
    OnTrack { left: Duration },
    /// Unanswered with less than the warning time left.
    Soon { left: Duration },
    /// Unanswered past the promised time.
    Overdue { by: Duration },
    /// Held as spam: nobody owes it a reply.
    NotDue,
}

impl ReplyState {
    /// The state of a lead received at `created` (first answered at `replied`, if it was) at
    /// `now`, under `promise`.
    pub fn of(
        status: LeadStatus,
        created: DateTime<Utc>,
        replied: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
        promise: &ReplyPromise,
    ) -> Self {
        if let Some(replied) = replied {
            return ReplyState::Replied { after: replied - created };
        }
        if status == LeadStatus::Spam {
            return ReplyState::NotDue;
        }
        let left = promise.due(created) - now;
        if left <= Duration::zero() {
            ReplyState::Overdue { by: -left }
        } else if left < promise.warn_before.as_chrono() {
            ReplyState::Soon { left }
        } else {
            ReplyState::OnTrack { left }
        }
    }

    /// Whether a reply is still owed (the countdown is running).
    pub fn is_owed(self) -> bool {
        matches!(self, ReplyState::OnTrack { .. } | ReplyState::Soon { .. } | ReplyState::Overdue { .. })
    }

    /// A short machine name, used for styling and by tests.
    pub fn tone(self) -> &'static str {
        match self {
            ReplyState::Replied { .. } => "replied",
            ReplyState::OnTrack { .. } => "on-track",
            ReplyState::Soon { .. } => "soon",
            ReplyState::Overdue { .. } => "overdue",
            ReplyState::NotDue => "not-due",
        }
    }

    /// What staff read: the state in words, never by colour alone.
    pub fn label(self) -> String {
        match self {
            ReplyState::Replied { after } => format!("Replied after {}", span(after)),
            ReplyState::OnTrack { left } => format!("On track: {} left", span(left)),
            ReplyState::Soon { left } => format!("Reply soon: {} left", span(left)),
            ReplyState::Overdue { by } => format!("Overdue by {}", span(by)),
            ReplyState::NotDue => "No reply due".to_string(),
        }
    }
}

/// A duration as people say it: "3 h 20 min", "45 min", "2 d 4 h"; under a minute, "40 s".
pub fn span(d: Duration) -> String {
    let minutes = d.num_minutes().max(0);
    let (days, hours, mins) = (minutes / (24 * 60), minutes / 60 % 24, minutes % 60);
    match (days, hours) {
        (0, 0) if mins == 0 => format!("{} s", d.num_seconds().max(0)),
        (0, 0) => format!("{mins} min"),
        (0, _) => format!("{hours} h {mins} min"),
        _ => format!("{days} d {hours} h"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(hours: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000, 0).unwrap() + Duration::hours(hours)
    }

    #[test]
    fn the_reply_by_countdown_moves_from_on_track_to_soon_to_overdue() {
        let promise = ReplyPromise::default();
        let state = |now| ReplyState::of(LeadStatus::New, at(0), None, now, &promise);
        assert_eq!(state(at(0)).tone(), "on-track");
        assert_eq!(state(at(20)).label(), "On track: 4 h 0 min left");
        assert_eq!(state(at(20) + Duration::minutes(1)).tone(), "soon");
        assert_eq!(state(at(20) + Duration::minutes(1)).label(), "Reply soon: 3 h 59 min left");
        assert_eq!(state(at(24)).tone(), "overdue");
        assert_eq!(state(at(50)).label(), "Overdue by 1 d 2 h");
        let replied = ReplyState::of(LeadStatus::Contacted, at(0), Some(at(3)), at(50), &promise);
        assert_eq!(replied.label(), "Replied after 3 h 0 min");
        assert_eq!(ReplyState::of(LeadStatus::Spam, at(0), None, at(50), &promise), ReplyState::NotDue);
        assert!(state(at(50)).is_owed() && state(at(0)).is_owed());
        assert!(!replied.is_owed() && !ReplyState::NotDue.is_owed());
    }

    #[test]
    fn the_promise_and_its_warning_come_from_the_settings() {
        let promise =
            ReplyPromise { within: Period::parse("40s").unwrap(), warn_before: Period::parse("30s").unwrap() };
        let state =
            |seconds| ReplyState::of(LeadStatus::New, at(0), None, at(0) + Duration::seconds(seconds), &promise);
        assert_eq!(state(5).label(), "On track: 35 s left");
        assert_eq!(state(11).tone(), "soon");
        assert_eq!(state(40).tone(), "overdue");
        assert_eq!(promise.due(at(0)), at(0) + Duration::seconds(40));
    }
}
