//! Keeping the reply promise: before a lead is due its people are reminded, and when it is
//! overdue the admins are alerted. Each happens at most once per lead; the store claims it.

use chrono::{DateTime, Utc};

use crate::domain::choice::choice_enum;
use crate::domain::leads::promise::ReplyPromise;
use crate::domain::period::Period;
use crate::domain::staff::{Role, StaffEmail};

choice_enum!(
    /// A moment in an unanswered lead's life that someone must hear about.
    Deadline { Reminder = "reminder", Overdue = "overdue" }
);

impl Deadline {
    /// Leads owed a reply since this instant or before have reached the deadline at `now`.
    pub fn received_by(self, promise: &ReplyPromise, now: DateTime<Utc>) -> DateTime<Utc> {
        let before_due = match self {
            // A warning longer than the promise itself warns at once.
            Deadline::Reminder => promise.within.as_secs().saturating_sub(promise.warn_before.as_secs()),
            Deadline::Overdue => promise.within.as_secs(),
        };
        now - Period::seconds(before_due).as_chrono()
    }

    /// Who hears about it: for a reminder the assignee, or every active sales account when
    /// nobody is assigned (the admins when there is none); for an overdue lead the admins.
    /// `staff` are the active accounts.
    pub fn recipients(self, assignee: Option<&StaffEmail>, staff: &[(StaffEmail, Role)]) -> Vec<StaffEmail> {
        let with_role = |role| staff.iter().filter(|(_, r)| *r == role).map(|(e, _)| e.clone()).collect::<Vec<_>>();
        match self {
            Deadline::Reminder => match assignee.filter(|a| staff.iter().any(|(e, _)| e == *a)) {
                Some(assignee) => vec![assignee.clone()],
                None => {
                    Some(with_role(Role::Sales)).filter(|s| !s.is_empty()).unwrap_or_else(|| with_role(Role::Admin))
                }
            },
            Deadline::Overdue => with_role(Role::Admin),
        }
    }

    /// The subject of the message, for a lead and who sent it.
    pub fn subject(self, reference: &str, who: &str) -> String {
        match self {
            Deadline::Reminder => format!("Reply soon: lead {reference} from {who}"),
            Deadline::Overdue => format!("Overdue: lead {reference} from {who} has no reply"),
        }
    }

    /// The first line of the message.
    pub fn sentence(self, reference: &str, who: &str, promise: &ReplyPromise) -> String {
        match self {
            Deadline::Reminder => format!(
                "Lead {reference} from {who} is waiting for a reply; it is due within {}.",
                promise.warn_before.min(promise.within).words()
            ),
            Deadline::Overdue => format!(
                "Lead {reference} from {who} has waited {} for a reply, the time the site promises.",
                promise.within.words()
            ),
        }
    }

    /// The lead's history line, naming who was told.
    pub fn history(self, told: &[StaffEmail]) -> String {
        let who = if told.is_empty() {
            "nobody (no active account to tell)".to_string()
        } else {
            told.iter().map(StaffEmail::as_str).collect::<Vec<_>>().join(", ")
        };
        match self {
            Deadline::Reminder => format!("reminder before the reply is due, to {who}"),
            Deadline::Overdue => format!("overdue: no reply in the promised time; alert to {who}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn email(text: &str) -> StaffEmail {
        StaffEmail::parse(text).unwrap()
    }

    #[test]
    fn a_reminder_comes_the_warning_time_before_the_deadline_and_an_alert_at_it() {
        let promise =
            ReplyPromise { within: Period::parse("40s").unwrap(), warn_before: Period::parse("30s").unwrap() };
        let now = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        assert_eq!(Deadline::Reminder.received_by(&promise, now), now - chrono::Duration::seconds(10));
        assert_eq!(Deadline::Overdue.received_by(&promise, now), now - chrono::Duration::seconds(40));
        let eager = ReplyPromise { within: Period::hours(1), warn_before: Period::hours(2) };
        assert_eq!(Deadline::Reminder.received_by(&eager, now), now, "a warning longer than the promise: at once");
    }

    #[test]
    fn reminders_go_to_the_assignee_or_else_to_sales_and_alerts_to_the_admins() {
        let staff = [
            (email("ann@example.com"), Role::Admin),
            (email("sam@example.com"), Role::Sales),
            (email("sue@example.com"), Role::Sales),
        ];
        let sam = email("sam@example.com");
        assert_eq!(Deadline::Reminder.recipients(Some(&sam), &staff), [sam.clone()]);
        assert_eq!(Deadline::Reminder.recipients(None, &staff), [sam.clone(), email("sue@example.com")]);
        let gone = email("gone@example.com");
        assert_eq!(Deadline::Reminder.recipients(Some(&gone), &staff).len(), 2, "a disabled assignee: sales instead");
        assert_eq!(Deadline::Reminder.recipients(None, &staff[..1]), [email("ann@example.com")], "no sales: admins");
        assert_eq!(Deadline::Overdue.recipients(Some(&sam), &staff), [email("ann@example.com")]);
        assert_eq!(
            Deadline::Overdue.history(&[]),
            "overdue: no reply in the promised time; alert to nobody (no active account to tell)"
        );
    }
}
