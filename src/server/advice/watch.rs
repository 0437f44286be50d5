//! Keeps this instance on the newest published model: reads the newest version's id every
//! `ARCHGUIDE_MODEL_POLL` (one index lookup) and, when it moved, loads that version and puts
//! it in use. Every instance does the same, so all are on the same version within one poll.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::watch;

use crate::server::store::review::model::ModelStore;

use super::{put_in_use, LiveEngine, Source};

/// The watch, ready to run.
pub struct ModelWatch {
    pub engine: Arc<LiveEngine>,
    pub store: Arc<dyn ModelStore>,
    pub every: Duration,
    /// Called after the model changed (the page cache forgets pages the old model drew).
    pub changed: Box<dyn Fn() + Send + Sync>,
}

impl ModelWatch {
    pub async fn run(self, mut stopped: watch::Receiver<bool>) {
        if self.engine.source() == Source::Files {
            return;
        }
        let mut ticks = tokio::time::interval(self.every);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
        // A version this build cannot read is reported once, not at every poll.
        let mut refused = 0;
        loop {
            tokio::select! {
                _ = ticks.tick() => {}
                _ = async { stopped.wait_for(|stopped| *stopped).await.map(|_| ()) } => return,
            }
            if let Err(error) = self.follow(&mut refused).await {
                tracing::warn!(%error, "reading the newest published model failed; the model in use stays");
            }
        }
    }

    async fn follow(&self, refused: &mut i64) -> Result<(), crate::server::store::StoreError> {
        let newest = self.store.newest_version_id().await?;
        if newest == self.engine.published_id() || newest == *refused || newest == 0 {
            return Ok(());
        }
        let Some(version) = self.store.version(newest).await? else { return Ok(()) };
        match put_in_use(&self.engine, &version) {
            Ok(()) => {
                (self.changed)();
                tracing::info!(version = %version.version, id = version.id, "the published model is in use");
            }
            Err(problem) => {
                *refused = newest;
                tracing::error!(version = %version.version, id = version.id, %problem, "this build cannot read the published model; the model in use stays");
            }
        }
        Ok(())
    }
}
