//! Storage behind traits, chosen at start-up from `DATABASE_URL`. Handlers and server functions
//! see only the traits (one per subject: results, funnel, leads, outbox, staff, sessions,
//! secrets, the second factor, the inbox, logins, bookings, the mailbox's intake, the
//! conversation, the consultants' review of the advice and the model's versions); each trait is
//! implemented once, in its subject's file, for `SqlStore<B>` with any backend `B` (`sql/`), so
//! every query is written once and runs on SQLite and on PostgreSQL.

pub mod backup;
pub mod booking;
mod change;
pub mod database;
pub mod deadlines;
pub mod demo;
mod figures;
pub mod health;
pub mod inbox;
pub mod lead_list;
pub mod leads;
pub mod logins;
pub mod outbox;
pub mod probe;
pub mod pulse;
pub mod results;
pub mod retention;
pub mod review;
mod sql;
pub mod staff;
pub mod thread;
pub mod two_factor;

use std::sync::Arc;

use crate::server::store::database::Database;
use booking::calendars::CalendarStore;
use booking::BookingStore;
use deadlines::DeadlineStore;
use demo::DemoStore;
use health::WriteHealth;
use inbox::InboxStore;
use leads::LeadStore;
use logins::LoginStore;
use outbox::OutboxStore;
use probe::HealthStore;
use results::{FunnelStore, ResultStore};
use retention::RetentionStore;
use review::model::ModelStore;
use review::ReviewStore;
use sql::{postgres::PgBackend, sqlite::SqliteBackend, Backend, SqlStore};
use staff::{SecretStore, SessionStore, UserStore};
use thread::intake::IntakeStore;
use thread::ConversationStore;
use two_factor::TwoFactorStore;

/// A storage failure; the detail is logged where it is handled and never shown to visitors.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("the reference number is already taken")]
    ReferenceTaken,
    #[error("stored data could not be read: {0}")]
    Corrupt(String),
    #[error("the write was not committed: {0}")]
    Commit(String),
}

/// Every store, for one database.
#[derive(Clone)]
pub struct Stores {
    pub results: Arc<dyn ResultStore>,
    pub funnel: Arc<dyn FunnelStore>,
    pub leads: Arc<dyn LeadStore>,
    pub outbox: Arc<dyn OutboxStore>,
    pub secrets: Arc<dyn SecretStore>,
    pub users: Arc<dyn UserStore>,
    pub sessions: Arc<dyn SessionStore>,
    pub two_factor: Arc<dyn TwoFactorStore>,
    pub inbox: Arc<dyn InboxStore>,
    pub logins: Arc<dyn LoginStore>,
    pub deadlines: Arc<dyn DeadlineStore>,
    pub retention: Arc<dyn RetentionStore>,
    pub bookings: Arc<dyn BookingStore>,
    pub calendars: Arc<dyn CalendarStore>,
    /// Messages read from the shared mailbox, on their way in.
    pub intake: Arc<dyn IntakeStore>,
    /// The messages that came back: in their leads' threads, or unmatched.
    pub conversation: Arc<dyn ConversationStore>,
    /// The consultants' verdicts and the case library.
    pub review: Arc<dyn ReviewStore>,
    /// The advice model's published versions, checks and audit.
    pub model: Arc<dyn ModelStore>,
    /// Made-up leads, many to a transaction (`archguide demo-data`).
    pub demo: Arc<dyn DemoStore>,
    /// The readiness check's write.
    pub probe: Arc<dyn HealthStore>,
    /// Whether writes work, from the outcome of each.
    pub health: Arc<WriteHealth>,
}

impl std::fmt::Debug for Stores {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Stores")
    }
}

impl Stores {
    /// Must be called inside the runtime (SQLite starts the task that writes leads).
    pub fn new(db: &Database) -> Self {
        match db {
            Database::Sqlite(db) => Self::on(SqliteBackend::new(db.clone())),
            Database::Postgres(pool) => Self::on(PgBackend::new(pool.clone())),
        }
    }

    fn on<B: Backend>(backend: B) -> Self {
        let health = Arc::new(WriteHealth::default());
        let store = Arc::new(SqlStore::new(backend, health.clone()));
        Stores {
            results: store.clone(),
            funnel: store.clone(),
            leads: store.clone(),
            outbox: store.clone(),
            secrets: store.clone(),
            users: store.clone(),
            sessions: store.clone(),
            two_factor: store.clone(),
            inbox: store.clone(),
            logins: store.clone(),
            deadlines: store.clone(),
            retention: store.clone(),
            bookings: store.clone(),
            calendars: store.clone(),
            intake: store.clone(),
            conversation: store.clone(),
            review: store.clone(),
            model: store.clone(),
            demo: store.clone(),
            probe: store,
            health,
        }
    }
}
