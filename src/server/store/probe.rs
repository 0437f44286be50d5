//! The readiness check's write: while writes fail, `/readyz` tries one of its own to learn when
//! they work again (see `health`).

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use crate::server::store::sql::{Backend, Conn, SqlStore, Statement};
use crate::server::store::StoreError;

/// The readiness check's write.
#[async_trait]
pub trait HealthStore: Send + Sync {
    /// Writes a row about the size of a lead (and its notifications) and commits it, noting the
    /// outcome in the store's `WriteHealth`.
    async fn probe_write(&self, at: DateTime<Utc>) -> Result<(), StoreError>;
}

/// What the probe writes: about as much as a lead with its notifications, so that a disk with
/// room for the probe has room for a lead.
const PROBE_BYTES: usize = 4096;

#[async_trait]
impl<B: Backend> HealthStore for SqlStore<B> {
    async fn probe_write(&self, at: DateTime<Utc>) -> Result<(), StoreError> {
        // Different bytes each time, so that no layer can skip writing them.
        let stamp = at.timestamp_micros().to_string();
        let filler = stamp.repeat(PROBE_BYTES / stamp.len().max(1) + 1);
        let statement = Statement::new(
            "INSERT INTO write_probe (id, at, filler) VALUES (1, $1, $2) \
             ON CONFLICT (id) DO UPDATE SET at = excluded.at, filler = excluded.filler",
        )
        .bind(at)
        .bind(filler);
        // In a transaction, as leads are written: a store whose transactions fail is not ready
        // even if a single statement would go through.
        let written = async {
            let mut tx = self.backend.begin_write().await?;
            tx.execute(statement).await?;
            tx.commit().await?;
            Ok(())
        };
        self.health.noted(written.await)
    }
}
