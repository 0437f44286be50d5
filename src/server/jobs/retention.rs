//! The retention job: keeps the privacy notice's promise of how long things are kept. At
//! start-up and then every `ARCHGUIDE_RETENTION_INTERVAL` it erases the leads past their time
//! (through the inbox's erasure path, so the history says what happened and why), deletes login
//! attempts older than 90 days and the sessions that have ended.
//!
//! Every instance runs it. Two that run at once cannot both erase one lead: the erasure locks the
//! lead's row and refuses a lead already erased, and the deletes simply find nothing left.

use std::sync::Arc;

use tokio::sync::watch;

use crate::domain::leads::retention::Retention;

use crate::domain::staff::SessionPolicy;
use crate::server::clock::Clock;
use crate::server::store::{StoreError, Stores};

/// Leads erased per query; a run repeats until none is left.
const BATCH: u32 = 100;

/// What one run did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Swept {
    pub leads: u64,
    pub spam: u64,
    /// Messages that matched no lead, kept as long as leads are.
    pub unmatched: u64,
    pub login_attempts: u64,
    pub sessions: u64,
}

/// The job and what it needs.
pub struct RetentionJob {
    pub stores: Stores,
    pub clock: Arc<dyn Clock>,
    pub retention: Retention,
    pub sessions: SessionPolicy,
    pub every: std::time::Duration,
}

impl RetentionJob {
    /// Runs now and then every interval, until `stopped`.
    pub async fn run(self, mut stopped: watch::Receiver<bool>) {
        let mut ticks = tokio::time::interval(self.every);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tokio::select! {
                _ = ticks.tick() => {}
                _ = async { stopped.wait_for(|stopped| *stopped).await.map(|_| ()) } => return,
            }
            let started = std::time::Instant::now();
            match self.sweep().await {
                Ok(swept) if swept != Swept::default() => tracing::info!(
                    leads = swept.leads,
                    spam = swept.spam,
                    unmatched = swept.unmatched,
                    login_attempts = swept.login_attempts,
                    sessions = swept.sessions,
                    "retention: erased and deleted what was past its time"
                ),
                Ok(_) => {
                    tracing::info!(ms = started.elapsed().as_millis() as u64, "retention: nothing was past its time")
                }
                Err(error) => tracing::error!(%error, "the retention job failed; it runs again at its next interval"),
            }
        }
    }

    /// One run.
    pub async fn sweep(&self) -> Result<Swept, StoreError> {
        let now = self.clock.now();
        let cutoffs = self.retention.cutoffs(now);
        let mut swept = Swept::default();
        loop {
            let expired = self.stores.retention.expired_leads(&cutoffs, BATCH).await?;
            if expired.is_empty() {
                break;
            }
            let mut erased_any = false;
            for lead in &expired {
                let kept = if lead.spam { self.retention.spam } else { self.retention.leads };
                let outcome = self.stores.inbox.expire_lead(&lead.reference, &kept.words(), now).await?;
                if outcome == crate::domain::leads::lifecycle::ChangeOutcome::Done {
                    erased_any = true;
                    if lead.spam {
                        swept.spam += 1;
                    } else {
                        swept.leads += 1;
                    }
                }
            }
            // Another instance erased this batch first: what is left is its to finish.
            if !erased_any {
                break;
            }
        }
        swept.unmatched = self.stores.retention.delete_unmatched(cutoffs.leads).await?;
        swept.login_attempts = self.stores.retention.delete_login_attempts(cutoffs.login_attempts).await?;
        swept.sessions =
            self.stores.retention.delete_ended_sessions(now - self.sessions.idle, now - self.sessions.absolute).await?;
        self.stores.retention.compact().await?;
        Ok(swept)
    }
}
