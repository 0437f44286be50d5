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

/// A lead's times that the promise is measured by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timing {
    pub created: DateTime<Utc>,
    /// Since when a reply is owed: `None` once the last message was ours.
    pub owed_since: Option<DateTime<Utc>>,
    pub first_reply: Option<DateTime<Utc>>,
}

impl Timing {
    /// A lead that arrived at `created` and has not been answered.
    pub fn unanswered(created: DateTime<Utc>) -> Self {
        Timing { created, owed_since: Some(created), first_reply: None }
    }

    /// Whether the person answered after our reply and now waits on us again.
    pub fn waiting_on_us(&self) -> bool {
        self.owed_since.is_some() && self.first_reply.is_some()
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
    /// The state at `now`, under `promise`, of a lead received at `created`, owed a reply since
    /// `owed_since` (its arrival, or an answer after our last reply), first answered at
    /// `first_reply`.
    pub fn of(status: LeadStatus, timing: Timing, now: DateTime<Utc>, promise: &ReplyPromise) -> Self {
        if status == LeadStatus::Spam {
            return ReplyState::NotDue;
        }
        let Some(since) = timing.owed_since else {
            return match timing.first_reply {
                Some(replied) => ReplyState::Replied { after: replied - timing.created },
                // Erased, or never owed.
                None => ReplyState::NotDue,
            };
        };
        let left = promise.due(since) - now;
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
        let state = |now| ReplyState::of(LeadStatus::New, Timing::unanswered(at(0)), now, &promise);
        assert_eq!(state(at(0)).tone(), "on-track");
        assert_eq!(state(at(20)).label(), "On track: 4 h 0 min left");
        assert_eq!(state(at(20) + Duration::minutes(1)).tone(), "soon");
        assert_eq!(state(at(20) + Duration::minutes(1)).label(), "Reply soon: 3 h 59 min left");
        assert_eq!(state(at(24)).tone(), "overdue");
        assert_eq!(state(at(50)).label(), "Overdue by 1 d 2 h");
        let answered = Timing { created: at(0), owed_since: None, first_reply: Some(at(3)) };
        let replied = ReplyState::of(LeadStatus::Contacted, answered, at(50), &promise);
        assert_eq!(replied.label(), "Replied after 3 h 0 min");
        assert_eq!(ReplyState::of(LeadStatus::Spam, Timing::unanswered(at(0)), at(50), &promise), ReplyState::NotDue);
        assert!(state(at(50)).is_owed() && state(at(0)).is_owed());
        assert!(!replied.is_owed() && !ReplyState::NotDue.is_owed());
    }

    #[test]
    fn an_answer_after_our_reply_starts_its_own_countdown() {
        let promise = ReplyPromise::default();
        let again = Timing { created: at(0), owed_since: Some(at(30)), first_reply: Some(at(3)) };
        assert!(again.waiting_on_us() && !Timing::unanswered(at(0)).waiting_on_us());
        assert_eq!(ReplyState::of(LeadStatus::Qualified, again, at(31), &promise).label(), "On track: 23 h 0 min left");
        assert_eq!(ReplyState::of(LeadStatus::Qualified, again, at(55), &promise).label(), "Overdue by 1 h 0 min");
        let erased = Timing { created: at(0), owed_since: None, first_reply: None };
        assert_eq!(ReplyState::of(LeadStatus::New, erased, at(50), &promise), ReplyState::NotDue);
    }

    #[test]
    fn the_promise_and_its_warning_come_from_the_settings() {
        let promise =
            ReplyPromise { within: Period::parse("40s").unwrap(), warn_before: Period::parse("30s").unwrap() };
        let state = |seconds| {
            ReplyState::of(LeadStatus::New, Timing::unanswered(at(0)), at(0) + Duration::seconds(seconds), &promise)
        };
        assert_eq!(state(5).label(), "On track: 35 s left");
        assert_eq!(state(11).tone(), "soon");
        assert_eq!(state(40).tone(), "overdue");
        assert_eq!(promise.due(at(0)), at(0) + Duration::seconds(40));
    }
}
