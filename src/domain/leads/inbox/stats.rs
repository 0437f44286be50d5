//! The dashboard's figures about leads: how many arrived, how many are overdue, and how long
//! replies took, over every wait for a reply (a lead's first, and each answer's).

use chrono::{DateTime, Duration, Utc};

use super::LeadStatus;
use crate::domain::period::Period;

/// One wait for a reply, for the dashboard: a lead's, from its arrival to its first reply, or
/// one an answer began (`answer`), from the answer to the reply that followed it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LeadTiming {
    pub status: LeadStatus,
    /// When the wait began.
    pub created_at: DateTime<Utc>,
    /// When the reply that ended it went out.
    pub first_reply_at: Option<DateTime<Utc>>,
    /// Begun by an answer: counted among the replies, not among the leads that arrived.
    pub answer: bool,
}

/// The dashboard's figures about leads.
#[derive(Clone, Debug, PartialEq)]
pub struct LeadStats {
    pub today: u64,
    pub this_week: u64,
    pub overdue_now: u64,
    /// Over the waits of the last 30 days that were answered: a lead's for its first reply, and
    /// each answer's for the reply to it.
    pub median_first_reply: Option<Duration>,
    /// Share of the last 30 days' waits (old enough to be due, or already answered) answered in time.
    pub answered_in_time: Option<f64>,
    pub last_30_days: u64,
}

/// Where the dashboard's figures begin and end, at one moment: what a lead is counted in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StatsBounds {
    /// Midnight UTC today, and tomorrow.
    pub today: DateTime<Utc>,
    pub tomorrow: DateTime<Utc>,
    /// Midnight UTC on this week's Monday.
    pub week: DateTime<Utc>,
    pub month_ago: DateTime<Utc>,
    /// A lead received at or before this is past its reply window.
    pub due_by: DateTime<Utc>,
    /// The reply window.
    pub within: Duration,
}

impl StatsBounds {
    pub fn at(now: DateTime<Utc>, within: Period) -> Self {
        use chrono::Datelike;
        let today = now.date_naive().and_time(chrono::NaiveTime::MIN).and_utc();
        let window = within.as_chrono();
        StatsBounds {
            today,
            tomorrow: today + Duration::days(1),
            week: today - Duration::days(i64::from(now.weekday().num_days_from_monday())),
            month_ago: now - Duration::days(30),
            due_by: now - window,
            within: window,
        }
    }
}

/// The dashboard's figures as a database counts them (spam left out), over the last 30 days'
/// leads and the older ones still waiting for a reply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StatsCounts {
    pub today: u64,
    pub this_week: u64,
    pub last_30_days: u64,
    pub overdue_now: u64,
    /// The last 30 days' leads answered, or past their window.
    pub decided: u64,
    /// Of those, the ones answered within the window.
    pub in_time: u64,
}

impl LeadStats {
    /// Figures at `now` over `leads` (spam is left out). Weeks start on Monday, days at
    /// midnight UTC.
    pub fn compute(leads: &[LeadTiming], now: DateTime<Utc>, within: Period) -> Self {
        let bounds = StatsBounds::at(now, within);
        let waits: Vec<&LeadTiming> = leads.iter().filter(|l| l.status != LeadStatus::Spam).collect();
        let recent: Vec<&&LeadTiming> = waits.iter().filter(|l| l.created_at >= bounds.month_ago).collect();
        let real: Vec<&&LeadTiming> = waits.iter().filter(|l| !l.answer).collect();
        let mut replies: Vec<Duration> =
            recent.iter().filter_map(|l| l.first_reply_at.map(|r| r - l.created_at)).collect();
        replies.sort();
        let median_first_reply = match replies.len() {
            0 => None,
            n if n % 2 == 1 => Some(replies[n / 2]),
            n => Some((replies[n / 2 - 1] + replies[n / 2]) / 2),
        };
        // A lead still inside its window with no reply yet is neither in time nor late.
        let decided: Vec<&&&LeadTiming> =
            recent.iter().filter(|l| l.first_reply_at.is_some() || l.created_at <= bounds.due_by).collect();
        let counts = StatsCounts {
            today: real.iter().filter(|l| (bounds.today..bounds.tomorrow).contains(&l.created_at)).count() as u64,
            this_week: real.iter().filter(|l| l.created_at >= bounds.week).count() as u64,
            last_30_days: recent.iter().filter(|l| !l.answer).count() as u64,
            overdue_now: waits
                .iter()
                .filter(|l| l.first_reply_at.is_none() && l.created_at <= bounds.due_by)
                .filter(|l| LeadStatus::AWAITING_REPLY.contains(&l.status))
                .count() as u64,
            decided: decided.len() as u64,
            in_time: decided
                .iter()
                .filter(|l| l.first_reply_at.is_some_and(|r| r - l.created_at <= bounds.within))
                .count() as u64,
        };
        Self::from_counts(counts, median_first_reply)
    }

    /// The figures from their counts and the median time to a first reply.
    pub fn from_counts(counts: StatsCounts, median_first_reply: Option<Duration>) -> Self {
        LeadStats {
            today: counts.today,
            this_week: counts.this_week,
            overdue_now: counts.overdue_now,
            median_first_reply,
            answered_in_time: (counts.decided > 0).then(|| counts.in_time as f64 / counts.decided as f64),
            last_30_days: counts.last_30_days,
        }
    }
}
