//! Whether the database takes writes. A failed write (a full disk, an I/O error, a lost
//! connection) turns the store to "failing" and says so once in the log; the next write that
//! works, or the readiness check's own probe write, turns it back and says that once too. While
//! it is failing, `/readyz` answers 503, so a load balancer sends visitors to an instance that
//! can take their leads.

use std::sync::Mutex;
use std::time::Instant;

use crate::server::store::StoreError;

/// The outcome of the writes seen so far: since when they fail, if they do.
#[derive(Debug, Default)]
pub struct WriteHealth {
    failing_since: Mutex<Option<Instant>>,
    /// When the readiness check last tried a write of its own.
    last_probe: Mutex<Option<Instant>>,
}

/// How often, at most, the readiness check tries a write while writes fail: however often it is
/// asked, it never competes with the leads for the writer.
const PROBE_EVERY: std::time::Duration = std::time::Duration::from_secs(2);

impl WriteHealth {
    /// Notes a write's outcome. An error that says nothing about the database's ability to
    /// write (a reference drawn twice, a row that breaks a constraint) leaves the state as it is.
    pub fn record<T>(&self, outcome: &Result<T, StoreError>) {
        let mut failing = self.failing_since.lock().unwrap_or_else(|e| e.into_inner());
        match outcome {
            Ok(_) => {
                if let Some(since) = failing.take() {
                    // About the store, not the request that happened to notice.
                    tracing::warn!(
                        parent: None,
                        after_seconds = since.elapsed().as_secs(),
                        "the database takes writes again; leads are accepted and /readyz answers 200"
                    );
                }
            }
            Err(error) if refuses_writes(error) => {
                if failing.is_none() {
                    *failing = Some(Instant::now());
                    tracing::error!(
                        parent: None,
                        %error,
                        "the database refuses writes: new leads get 503 and /readyz answers 503 until a write works again"
                    );
                }
            }
            Err(_) => {}
        }
    }

    /// Notes `outcome` (see `record`) and hands it back.
    pub fn noted<T>(&self, outcome: Result<T, StoreError>) -> Result<T, StoreError> {
        self.record(&outcome);
        outcome
    }

    /// Whether the readiness check may try a write now (and, if so, notes that it does).
    pub fn probe_due(&self) -> bool {
        let mut last = self.last_probe.lock().unwrap_or_else(|e| e.into_inner());
        let due = last.is_none_or(|at| at.elapsed() >= PROBE_EVERY);
        if due {
            *last = Some(Instant::now());
        }
        due
    }

    /// Whether the last write that could tell failed.
    pub fn is_failing(&self) -> bool {
        self.failing_since.lock().unwrap_or_else(|e| e.into_inner()).is_some()
    }
}

/// Whether an error means the database cannot write just now, rather than that this one write
/// was wrong.
fn refuses_writes(error: &StoreError) -> bool {
    match error {
        StoreError::Database(sqlx::Error::Database(db)) => matches!(db.kind(), sqlx::error::ErrorKind::Other),
        StoreError::Database(_) | StoreError::Commit(_) => true,
        StoreError::ReferenceTaken | StoreError::Corrupt(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_disk_turns_it_failing_and_the_next_write_that_works_turns_it_back() {
        let health = WriteHealth::default();
        assert!(!health.is_failing());
        let full: Result<(), StoreError> = Err(StoreError::Commit("database or disk is full".into()));
        health.record(&full);
        assert!(health.is_failing());
        health.record(&full);
        assert!(health.is_failing(), "still failing, said once");
        health.record(&Ok(()));
        assert!(!health.is_failing());
    }

    #[test]
    fn a_write_refused_for_its_own_content_says_nothing_about_the_database() {
        let health = WriteHealth::default();
        health.record::<()>(&Err(StoreError::ReferenceTaken));
        health.record::<()>(&Err(StoreError::Corrupt("bad JSON".into())));
        assert!(!health.is_failing());
    }
}
