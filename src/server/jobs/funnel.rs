//! The guide's funnel counts, gathered in memory and written in batches.
//!
//! Every step a visitor sees adds one to a count. Written one row update per view, a busy guide
//! queued more writes than the database could take, and each waiting write held memory until
//! its turn: the server grew by megabytes a second under load. Here a view only adds to a
//! counter in memory; one writer takes everything gathered so far, writes it, and takes what
//! gathered meanwhile. The writes follow the database's pace, and what waits is one number per
//! (event, step, day), however many visitors there are.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use chrono::NaiveDate;
use tokio::sync::{watch, Notify};

use crate::server::store::results::{FunnelEvent, FunnelStore};

type Key = (FunnelEvent, u32, NaiveDate);

/// Counts waiting to be written, and the writer's wake-up call.
#[derive(Debug, Default)]
pub struct FunnelCounts {
    waiting: Mutex<HashMap<Key, u64>>,
    wake: Notify,
}

impl FunnelCounts {
    /// Adds one to the count of `event` at `step` on `day`; the writer stores it shortly.
    pub fn add(&self, event: FunnelEvent, step: u32, day: NaiveDate) {
        *self.waiting.lock().expect("funnel counts lock").entry((event, step, day)).or_default() += 1;
        self.wake.notify_one();
    }

    /// Everything gathered so far, leaving nothing behind.
    fn take(&self) -> HashMap<Key, u64> {
        std::mem::take(&mut *self.waiting.lock().expect("funnel counts lock"))
    }

    /// Puts counts that could not be written back, for the next try.
    fn restore(&self, counts: impl IntoIterator<Item = (Key, u64)>) {
        let mut waiting = self.waiting.lock().expect("funnel counts lock");
        for (key, count) in counts {
            *waiting.entry(key).or_default() += count;
        }
    }
}

/// Writes the gathered counts until `stopped`, and once more after it, so that a clean stop
/// loses none.
pub struct FunnelWriter {
    pub counts: Arc<FunnelCounts>,
    pub store: Arc<dyn FunnelStore>,
    /// The counts go under the version in use when they are written (a publication moves
    /// the counts of the second before it along with it).
    pub engine: Arc<crate::server::advice::LiveEngine>,
}

impl FunnelWriter {
    pub async fn run(self, mut stopped: watch::Receiver<bool>) {
        loop {
            tokio::select! {
                _ = self.counts.wake.notified() => {}
                _ = async { stopped.wait_for(|stopped| *stopped).await.map(|_| ()) } => break,
            }
            if !self.write().await {
                // The database is not taking writes: wait a moment rather than retry at once.
                tokio::select! {
                    _ = tokio::time::sleep(std::time::Duration::from_secs(1)) => {}
                    _ = async { stopped.wait_for(|stopped| *stopped).await.map(|_| ()) } => break,
                }
                self.counts.wake.notify_one();
            }
        }
        self.write().await;
    }

    /// Writes what has gathered; whatever fails to be written goes back. False when a write failed.
    async fn write(&self) -> bool {
        let mut pending = self.counts.take().into_iter();
        while let Some((key, count)) = pending.next() {
            let (event, step, day) = key;
            let version = self.engine.current().model.version.clone();
            if let Err(error) = self.store.record(&version, event, step, day, count).await {
                tracing::warn!(%error, "writing the guide's funnel counts failed; they are kept for the next try");
                self.counts.restore(std::iter::once((key, count)).chain(pending));
                return false;
            }
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_gather_by_event_step_and_day_and_are_taken_once() {
        let counts = FunnelCounts::default();
        let day = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
        for _ in 0..1000 {
            counts.add(FunnelEvent::View, 1, day);
        }
        counts.add(FunnelEvent::View, 2, day);
        counts.add(FunnelEvent::Complete, 0, day.succ_opt().unwrap());
        let taken = counts.take();
        assert_eq!(taken.len(), 3);
        assert_eq!(taken[&(FunnelEvent::View, 1, day)], 1000);
        assert!(counts.take().is_empty(), "taken counts are gone");
        counts.add(FunnelEvent::View, 1, day);
        counts.restore(taken);
        assert_eq!(counts.take()[&(FunnelEvent::View, 1, day)], 1001, "a failed write's counts come back, added");
    }
}
