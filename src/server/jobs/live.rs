//! Where the inbox stands, read by this instance while someone has an inbox page open on it:
//! `InboxStore::pulse` every `ARCHGUIDE_INBOX_POLL`, only while a page listens
//! (`handlers::inbox::live` streams it to the pages).
//!
//! Polling the database, not a message between instances, keeps both databases alike and needs
//! nothing beside them; the read is a few index lookups, made only while someone watches.

use std::time::Duration;

use tokio::sync::watch;

use crate::server::store::pulse::InboxPulse;
use crate::server::store::Stores;

/// Where the inbox stands as this instance last read it, and whether the server is stopping.
#[derive(Debug)]
pub struct Live {
    pulse: watch::Sender<InboxPulse>,
    stopping: watch::Sender<bool>,
}

impl Default for Live {
    fn default() -> Self {
        Live { pulse: watch::Sender::new(InboxPulse::default()), stopping: watch::Sender::new(false) }
    }
}

impl Live {
    /// Where the inbox moves next, as this instance reads it.
    pub fn pulse(&self) -> watch::Receiver<InboxPulse> {
        self.pulse.subscribe()
    }

    /// Whether the server is stopping.
    pub fn stopping(&self) -> watch::Receiver<bool> {
        self.stopping.subscribe()
    }

    /// Ends every open stream: the server is stopping and should not wait for them.
    pub fn stop(&self) {
        self.stopping.send_replace(true);
    }

    /// Reads where the inbox stands every `every` while any stream is open, until `stopped`.
    pub async fn watch(&self, stores: Stores, every: Duration, mut stopped: watch::Receiver<bool>) {
        let mut ticks = tokio::time::interval(every);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
        loop {
            tokio::select! {
                _ = ticks.tick() => {}
                _ = async { stopped.wait_for(|stopped| *stopped).await.map(|_| ()) } => return,
            }
            if self.pulse.receiver_count() == 0 {
                continue;
            }
            match stores.inbox.pulse().await {
                Ok(now) => {
                    self.pulse.send_if_modified(|last| {
                        let moved = *last != now;
                        *last = now;
                        moved
                    });
                }
                Err(error) => tracing::warn!(%error, "reading where the inbox stands failed"),
            }
        }
    }
}
