//! A per-client limit on contact form submissions, counted in this process (several
//! instances each count their own; see the README).

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// At most `limit` hits per client in any `window`; `limit == 0` turns the limit off.
#[derive(Debug)]
pub struct RateLimiter {
    limit: usize,
    window: Duration,
    hits: Mutex<HashMap<IpAddr, VecDeque<Instant>>>,
}

impl RateLimiter {
    pub fn new(limit: u32, window: Duration) -> Self {
        Self { limit: limit as usize, window, hits: Mutex::new(HashMap::new()) }
    }

    /// Counts a hit at `now` if the client is within its limit; otherwise says how long until
    /// it may try again.
    pub fn hit(&self, client: IpAddr, now: Instant) -> Result<(), Duration> {
        if self.limit == 0 {
            return Ok(());
        }
        let mut hits = self.hits.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if hits.len() > 10_000 {
            let window = self.window;
            hits.retain(|_, times| times.back().is_some_and(|t| now.duration_since(*t) < window));
        }
        let times = hits.entry(client).or_default();
        while times.front().is_some_and(|t| now.duration_since(*t) >= self.window) {
            times.pop_front();
        }
        if times.len() >= self.limit {
            let oldest = *times.front().expect("at the limit, so not empty");
            return Err(self.window.saturating_sub(now.duration_since(oldest)).max(Duration::from_secs(1)));
        }
        times.push_back(now);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hit_over_the_limit_is_refused_until_the_window_moves_on() {
        let limiter = RateLimiter::new(2, Duration::from_secs(3600));
        let ip: IpAddr = "192.0.2.1".parse().unwrap();
        let other: IpAddr = "192.0.2.2".parse().unwrap();
        let t0 = Instant::now();
        assert!(limiter.hit(ip, t0).is_ok());
        assert!(limiter.hit(ip, t0 + Duration::from_secs(10)).is_ok());
        let wait = limiter.hit(ip, t0 + Duration::from_secs(20)).unwrap_err();
        assert_eq!(wait, Duration::from_secs(3580));
        assert!(limiter.hit(other, t0 + Duration::from_secs(20)).is_ok(), "each client has its own count");
        assert!(limiter.hit(ip, t0 + Duration::from_secs(3601)).is_ok());
    }

    #[test]
    fn a_limit_of_zero_never_refuses() {
        let limiter = RateLimiter::new(0, Duration::from_secs(3600));
        let ip: IpAddr = "192.0.2.1".parse().unwrap();
        for _ in 0..100 {
            assert!(limiter.hit(ip, Instant::now()).is_ok());
        }
    }
}
