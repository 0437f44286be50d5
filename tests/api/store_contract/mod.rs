//! The same expectations of the stores, run on SQLite and on PostgreSQL.

mod bookings;
mod conversation;
mod core;
mod deadlines;
mod demo;
mod figures;
mod inbox;
mod replies;
mod review;
mod search;
mod sessions;
mod together;
mod walk;

use chrono::{DateTime, Duration, Utc};

use archguide::domain::guide::answers::Answers;
use archguide::domain::guide::engine::recommend;
use archguide::domain::ids::{LeadReference, ResultId};
use archguide::domain::leads::attribution::Attribution;
use archguide::domain::leads::inbox::{LeadCount, LeadFilter, LeadStatus, PageAt};
use archguide::domain::leads::lead::{LeadInput, NewLead};
use archguide::domain::leads::lifecycle::{ChangeOutcome, LeadChange};
use archguide::domain::leads::retention::Retention;
use archguide::domain::period::Period;
use archguide::domain::staff::Role;
use archguide::domain::staff::SessionPolicy;
use archguide::domain::staff::StaffEmail;
use archguide::server::auth::session::token_hash;
use archguide::server::store::database::{Database, DatabaseUrl};
use archguide::server::store::lead_list::{LeadPage, LeadQuery};
use archguide::server::store::leads::{LeadRecord, Stored};
use archguide::server::store::logins::{LoginAttempt, LoginOutcome};
use archguide::server::store::outbox::{Channel, OutboxMessage};
use archguide::server::store::results::{FunnelEvent, FunnelTotal, StoredResult};
use archguide::server::store::staff::session_user;
use archguide::server::store::{StoreError, Stores};

use crate::helpers::TestPostgres;

fn email(text: &str) -> StaffEmail {
    StaffEmail::parse(text).unwrap()
}

fn reference(text: &str) -> LeadReference {
    LeadReference::parse(text).unwrap()
}

fn random_result_id() -> ResultId {
    ResultId::generate(|below| rand::random_range(0..below))
}

/// A guide result for these answers, as the guide would store it.
fn stored_result(answers: serde_json::Map<String, serde_json::Value>, at: DateTime<Utc>) -> StoredResult {
    StoredResult {
        id: random_result_id(),
        recommendation: recommend(&Answers::from_json(&answers).unwrap()),
        answers,
        model_version: "1.0.0".into(),
        created_at: at,
    }
}

/// Stores on a fresh database, kept while the test runs.
struct Fresh {
    db: Database,
    /// Where it is, for a second instance.
    url: String,
    stores: Stores,
    _sqlite_dir: Option<tempfile::TempDir>,
    _postgres: Option<TestPostgres>,
}

impl Fresh {
    async fn open(url: &str) -> (Database, Stores) {
        let db = Database::connect(&DatabaseUrl::parse(url).unwrap()).await.expect("database opens");
        let stores = Stores::new(&db);
        (db, stores)
    }

    async fn sqlite() -> Fresh {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("contract.db").display());
        let (db, stores) = Self::open(&url).await;
        Fresh { db, stores, url, _sqlite_dir: Some(dir), _postgres: None }
    }

    async fn postgres() -> Fresh {
        let pg = TestPostgres::create().await;
        let (db, stores) = Self::open(&pg.url).await;
        Fresh { db, stores, url: pg.url.clone(), _sqlite_dir: None, _postgres: Some(pg) }
    }
}

/// One behaviour as two tests: on a fresh SQLite file and on a fresh PostgreSQL database.
macro_rules! on_both_databases {
    ($behaviour:ident: $on_sqlite:ident, $on_postgres:ident) => {
        #[tokio::test]
        async fn $on_sqlite() {
            let fresh = Fresh::sqlite().await;
            $behaviour(&fresh.stores).await;
            fresh.db.close().await;
        }

        #[tokio::test]
        async fn $on_postgres() {
            let fresh = Fresh::postgres().await;
            $behaviour(&fresh.stores).await;
            fresh.db.close().await;
        }
    };
}
use on_both_databases;

fn record(i: usize, name: &str, company: &str, at: DateTime<Utc>, spam: bool) -> LeadRecord {
    let input = LeadInput {
        name: name.to_string(),
        email: format!("person{i}@example.com"),
        company: company.to_string(),
        message: format!("Message number {i}"),
        consent: true,
        ..LeadInput::default()
    };
    LeadRecord {
        lead: NewLead::parse(&input).unwrap(),
        reference: reference(&format!("AG-T{i:05}")),
        idempotency_key: format!("key-{i}"),
        consent_version: "2026-11-01".into(),
        result_id: None,
        source_page: "/contact".into(),
        attribution: Attribution::default(),
        spam_reason: spam.then(|| "test".to_string()),
        created_at: at,
        language: if i % 2 == 0 { "en" } else { "es" }.to_string(),
    }
}
