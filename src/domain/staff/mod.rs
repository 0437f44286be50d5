//! Staff accounts: roles and the password rules (checked before anything is hashed).

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::choice::choice_enum;
use crate::domain::email::{self, EmailProblem, EMAIL_MAX};
use crate::domain::text::text_type;

pub mod second_factor;

choice_enum!(
    /// What a staff member may do: sales work leads; admins also manage users and erase data.
    Role { Admin = "admin", Sales = "sales" }
);

/// Passwords are at least this many characters long (any Unicode counts).
pub const PASSWORD_MIN_CHARS: usize = 12;
/// And at most this many: far more than anyone types, small enough to hash quickly. Longer ones
/// are refused, never truncated.
pub const PASSWORD_MAX_CHARS: usize = 1024;

/// What is wrong with a new password's length, if anything.
pub fn password_length_problem(password: &str) -> Option<String> {
    let chars = password.chars().count();
    if chars < PASSWORD_MIN_CHARS {
        Some(format!("A password needs at least {PASSWORD_MIN_CHARS} characters (this one has {chars})."))
    } else if chars > PASSWORD_MAX_CHARS {
        Some(format!("A password may have at most {PASSWORD_MAX_CHARS} characters."))
    } else {
        None
    }
}

/// A staff member's email address: valid, trimmed and lower-cased, so that an account is found
/// however its owner types it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct StaffEmail(String);

impl StaffEmail {
    /// ```
    /// use archguide::domain::staff::StaffEmail;
    /// assert_eq!(StaffEmail::parse(" Sales@Example.COM ").unwrap().as_str(), "sales@example.com");
    /// ```
    pub fn parse(raw: &str) -> Result<Self, String> {
        // Staff read English: the visitor-facing words of the problem are in the translation files.
        email::parse(raw).map(|e| StaffEmail(e.to_lowercase())).map_err(|problem| match problem {
            EmailProblem::Empty => "Please enter an email address.".to_string(),
            EmailProblem::TooLong => format!("An email address has at most {EMAIL_MAX} characters."),
            EmailProblem::Invalid => "This does not look like an email address (name@company.com).".to_string(),
        })
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

text_type!(StaffEmail, StaffEmail::parse);

/// How long a staff session lives: ended after 30 minutes without use or 8 hours after login,
/// whichever comes first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SessionPolicy {
    pub idle: Duration,
    pub absolute: Duration,
}

impl Default for SessionPolicy {
    fn default() -> Self {
        SessionPolicy { idle: Duration::minutes(30), absolute: Duration::hours(8) }
    }
}

impl SessionPolicy {
    /// Whether a session created at `created` and last used at `last_seen` is still valid at `now`.
    pub fn is_live(&self, created: DateTime<Utc>, last_seen: DateTime<Utc>, now: DateTime<Utc>) -> bool {
        now - last_seen < self.idle && now - created < self.absolute
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_session_ends_after_thirty_idle_minutes_or_eight_hours() {
        let policy = SessionPolicy::default();
        let login = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        assert!(policy.is_live(login, login, login + Duration::minutes(29)));
        assert!(!policy.is_live(login, login, login + Duration::minutes(30)), "idle timeout");
        // Used every 20 minutes, it still ends 8 hours after login.
        let busy = login + Duration::hours(7) + Duration::minutes(50);
        assert!(policy.is_live(login, busy, busy + Duration::minutes(9)));
        assert!(!policy.is_live(login, busy, login + Duration::hours(8)), "absolute timeout");
    }

    #[test]
    fn passwords_are_counted_in_characters_not_bytes() {
        assert!(password_length_problem("short").is_some());
        assert!(password_length_problem("ééééééééééé").is_some(), "11 characters, 22 bytes");
        assert!(password_length_problem("éééééééééééé").is_none());
        assert!(password_length_problem(&"x".repeat(128)).is_none());
        assert!(password_length_problem(&"x".repeat(PASSWORD_MAX_CHARS + 1)).is_some());
    }

    #[test]
    fn staff_emails_ignore_case() {
        assert_eq!(StaffEmail::parse(" Sales@Example.COM ").unwrap().as_str(), "sales@example.com");
        assert!(StaffEmail::parse("nobody").is_err());
    }
}
