//! Made-up leads for `archguide demo-data`, written with the site's own statements (a result as
//! the guide stores it, a lead as the contact form does, each change as staff make it, with every
//! trigger they fire) but many leads to a transaction: a million leads take minutes, not hours.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use rand::Rng;

use crate::domain::ids::LeadReference;
use crate::domain::leads::lifecycle::LeadChange;

use super::StoreError;
use crate::server::store::change::{change_within, Actor};
use crate::server::store::leads::{insert_lead, LeadRecord, Stored};
use crate::server::store::results::{insert_result, StoredResult};
use crate::server::store::sql::{Backend, Conn, SqlStore, Statement};
use crate::server::store::staff::StaffUser;

/// One made-up lead and what happened to it.
#[derive(Clone, Debug)]
pub struct DemoLead {
    /// The guide result it came with (stored first; the record names it).
    pub result: Option<StoredResult>,
    pub record: LeadRecord,
    /// Who worked on it.
    pub by: StaffUser,
    /// What they did, in order, and when.
    pub history: Vec<(LeadChange, DateTime<Utc>)>,
}

#[async_trait]
pub trait DemoStore: Send + Sync {
    /// Stores the leads, each with its result and its history, in one transaction; how many were
    /// new (a lead whose form key is already stored keeps its history, though its result is
    /// stored). A reference another lead holds is drawn again.
    async fn add_demo_leads(&self, leads: Vec<DemoLead>) -> Result<u64, StoreError>;
}

#[async_trait]
impl<B: Backend> DemoStore for SqlStore<B> {
    async fn add_demo_leads(&self, leads: Vec<DemoLead>) -> Result<u64, StoreError> {
        let mut tx = self.backend.begin_write().await?;
        let mut added = 0;
        for mut lead in leads {
            if let Some(result) = &lead.result {
                tx.execute(insert_result(result)?).await?;
            }
            // The write transaction holds the leads table (SQLite) or fails as a whole on a
            // reference taken meanwhile (PostgreSQL): the check keeps a drawn twin from failing it.
            while reference_taken(&mut *tx, &lead.record.reference).await? {
                lead.record.reference = LeadReference::generate(|below| rand::rng().random_range(0..below));
            }
            let Stored::Created { reference, .. } = insert_lead(&mut *tx, &lead.record, &[]).await? else {
                continue;
            };
            added += 1;
            for (change, at) in &lead.history {
                // A change the lead's state refuses (as staff could not make it either) wrote
                // nothing; the lead keeps the rest of its history.
                change_within::<B, _>(&mut *tx, &reference, change, Actor::Staff(&lead.by), *at).await?;
            }
        }
        tx.commit().await?;
        Ok(added)
    }
}

async fn reference_taken<C: Conn + ?Sized>(conn: &mut C, reference: &LeadReference) -> Result<bool, StoreError> {
    let select = Statement::new("SELECT 1 AS taken FROM leads WHERE reference = $1").bind(reference.as_str());
    Ok(conn.fetch_optional(select).await?.is_some())
}
