//! The one source of the time on the server: sessions, the inbox's countdowns, reminders and
//! retention all read a `Clock`, so tests move it instead of sleeping.

use chrono::{DateTime, Duration, Utc};

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
