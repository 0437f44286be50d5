//! Staff sessions: random tokens handed to the browser, stored only as hashes, ended after 30
//! minutes without use or 8 hours after login, whichever comes first. Time comes from a
//! `Clock`, so tests move it instead of sleeping.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use chrono::{DateTime, Duration, Utc};
use sha2::{Digest, Sha256};

/// Where the time comes from.
pub trait Clock: Send + Sync + std::fmt::Debug {
    fn now(&self) -> DateTime<Utc>;
}

/// The real time.
#[derive(Clone, Copy, Debug, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock that stands still until it is moved: for tests of timeouts and countdowns.
#[derive(Clone, Debug)]
pub struct ManualClock(std::sync::Arc<std::sync::Mutex<DateTime<Utc>>>);

impl ManualClock {
    /// A clock standing at `now`, to the microsecond: the precision both databases keep, so a
    /// time read back equals the time written.
    pub fn at(now: DateTime<Utc>) -> Self {
        use chrono::DurationRound;
        let now = now.duration_trunc(Duration::microseconds(1)).unwrap_or(now);
        ManualClock(std::sync::Arc::new(std::sync::Mutex::new(now)))
    }

    pub fn advance(&self, by: Duration) {
        *self.0.lock().expect("clock lock") += by;
    }
}

impl Clock for ManualClock {
    fn now(&self) -> DateTime<Utc> {
        *self.0.lock().expect("clock lock")
    }
}

/// How long a session lives.
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

/// A new session token (256 random bits) for the cookie.
pub fn new_token() -> String {
    use rand::Rng;
    let bytes: [u8; 32] = rand::rng().random();
    URL_SAFE_NO_PAD.encode(bytes)
}

/// What the database keeps of a token.
pub fn token_hash(token: &str) -> String {
    Sha256::digest(token.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
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
    fn tokens_are_random_and_only_their_hash_is_kept() {
        let (a, b) = (new_token(), new_token());
        assert_ne!(a, b);
        assert_eq!(a.len(), 43);
        assert_eq!(token_hash(&a).len(), 64);
        assert_ne!(token_hash(&a), a);
        assert_eq!(token_hash(&a), token_hash(&a));
    }
}
