//! How long the site keeps what it stores, as its privacy notice promises: leads for a time
//! after their last activity, suspected spam for a shorter time, login attempts for 90 days.
//! The retention job (`server::retention`) applies it; the privacy page words it from the same
//! values, so the two cannot drift apart.

use chrono::{DateTime, Utc};

use crate::domain::leads::lifecycle::EventKind;
use crate::domain::period::Period;

/// What is kept, and for how long.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Retention {
    /// A lead is erased this long after its last activity.
    pub leads: Period,
    /// A lead held as spam is erased this long after it arrived (or was last touched).
    pub spam: Period,
    /// Login attempts are deleted this long after they were made.
    pub login_attempts: Period,
}

impl Default for Retention {
    fn default() -> Self {
        Retention { leads: Period::days(730), spam: Period::days(30), login_attempts: Period::days(90) }
    }
}

/// The history lines that are not activity: what the software did on its own about a lead.
/// Migration 0013's triggers, which keep each lead's last activity, name the same kinds.
pub const NOT_ACTIVITY: [EventKind; 2] = [EventKind::Reminded, EventKind::Overdue];

/// Which leads and attempts are past their time at one moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cutoffs {
    /// Leads whose last activity is before this are erased.
    pub leads: DateTime<Utc>,
    pub spam: DateTime<Utc>,
    pub login_attempts: DateTime<Utc>,
}

impl Retention {
    pub fn cutoffs(&self, now: DateTime<Utc>) -> Cutoffs {
        Cutoffs {
            leads: now - self.leads.as_chrono(),
            spam: now - self.spam.as_chrono(),
            login_attempts: now - self.login_attempts.as_chrono(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_keeps_leads_two_years_spam_a_month_and_attempts_ninety_days() {
        let r = Retention::default();
        assert_eq!(
            (r.leads.words(), r.spam.words(), r.login_attempts.words()),
            ("730 days".into(), "30 days".into(), "90 days".into())
        );
        let now = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let cut = r.cutoffs(now);
        assert_eq!((now - cut.leads).num_days(), 730);
        assert_eq!((now - cut.spam).num_days(), 30);
        assert_eq!((now - cut.login_attempts).num_days(), 90);
    }
}
