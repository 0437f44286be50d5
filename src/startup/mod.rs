//! Start-up: the wiring above everything it wires. `cli` reads the command line, `Application`
//! opens the database, builds the state and binds the listener, `routes` is the one route table,
//! `pages` renders the app for the server, and the background jobs start and stop with it.
//!
//! `Application::build` binds the listener before it returns, so a caller (a test, say) can ask
//! for port 0 and learn the real port from `port()` before the server runs.

use std::future::{Future, IntoFuture};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::routing::get;
use axum::serve::ListenerExt;
use axum::Router;
use leptos::config::LeptosOptions;
use tokio::net::TcpListener;

use crate::domain::guide::review::case::seed_cases;
use crate::domain::staff::SessionPolicy;
use crate::server::advice::{self, watch::ModelWatch, LiveEngine, Source};
use crate::server::booking::calendars::Calendars;
use crate::server::booking::token::BookingTokens;
use crate::server::clock::{Clock, SystemClock};
use crate::server::http::form_token::FormTokens;
use crate::server::http::metrics;
use crate::server::http::rate_limit::RateLimiter;
use crate::server::http::state::{AppState, Shared};
use crate::server::http::static_files;
use crate::server::jobs::funnel::FunnelWriter;
use crate::server::jobs::live::Live;
use crate::server::jobs::outbox::Worker;
use crate::server::jobs::retention::RetentionJob;
use crate::server::mailbox::Reader;
use crate::server::settings::Settings;
use crate::server::store::database::{Database, DatabaseError};
use crate::server::store::Stores;

pub mod cli;
pub mod demo_data;
pub mod pages;
pub mod routes;
pub mod shutdown;
pub mod telemetry;
pub mod users_cli;

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error(transparent)]
    Database(#[from] DatabaseError),
    #[error(transparent)]
    Settings(#[from] crate::server::settings::SettingsError),
    #[error("{0}")]
    Notifications(String),
    #[error("the shared secrets could not be read or created: {0}")]
    Secrets(String),
    #[error("older leads could not be made searchable: {0}")]
    Search(String),
    #[error("the advice model's versions or cases could not be read: {0}")]
    Model(String),
    #[error("LEPTOS_SITE_ADDR: cannot listen on {addr}: {source}")]
    Bind { addr: SocketAddr, source: std::io::Error },
}

/// A server that is bound and ready to run.
pub struct Application {
    listener: TcpListener,
    router: Router,
    db: Database,
    port: u16,
    shutdown_grace: Duration,
    worker: Worker,
    /// Reads the shared mailbox, if one is set up.
    reader: Option<Reader>,
    live: Watcher,
    retention: RetentionJob,
    funnel: FunnelWriter,
    /// Follows the newest published model.
    model_watch: ModelWatch,
    /// What `/metrics` reports, kept from growing between scrapes.
    counters: Arc<metrics::Metrics>,
    /// `/metrics` on a listener of its own, when `ARCHGUIDE_METRICS_ADDR` asks for one.
    metrics: Option<(TcpListener, Router)>,
}

/// What keeps open inbox pages current: started with the server, stopped with it.
struct Watcher {
    live: Arc<Live>,
    stores: Stores,
    every: Duration,
}

impl Application {
    /// A signing key every instance shares, called `name`, made on first start.
    async fn shared_key(stores: &Stores, name: &str) -> Result<String, StartupError> {
        stores
            .secrets
            .get_or_create(name, &FormTokens::fresh_key())
            .await
            .map_err(|e| StartupError::Secrets(e.to_string()))
    }

    /// The form-token signer.
    pub async fn form_tokens(stores: &Stores) -> Result<FormTokens, StartupError> {
        Ok(FormTokens::new(Self::shared_key(stores, "form_token_key").await?.as_bytes()))
    }

    /// The booking links' signer.
    pub async fn booking_tokens(stores: &Stores) -> Result<BookingTokens, StartupError> {
        Ok(BookingTokens::new(Self::shared_key(stores, "booking_token_key").await?.as_bytes()))
    }

    /// Opens the database (running migrations), builds the routes and binds the listener.
    pub async fn build(settings: Settings) -> Result<Self, StartupError> {
        Self::build_with_clock(settings, Arc::new(SystemClock)).await
    }

    /// Like `build`, with the time that sessions and the inbox go by taken from `clock`.
    pub async fn build_with_clock(mut settings: Settings, clock: Arc<dyn Clock>) -> Result<Self, StartupError> {
        let built = settings.engine()?;
        let db = Database::connect_with_pool(&settings.database_url, settings.db_pool_size).await?;
        let addr = settings.site_addr;
        let listener = TcpListener::bind(addr).await.map_err(|source| StartupError::Bind { addr, source })?;
        let port = listener.local_addr().map_err(|source| StartupError::Bind { addr, source })?.port();
        if !settings.public_url_configured {
            let mut bound = addr;
            bound.set_port(port);
            settings.public_url = format!("http://{bound}");
        }
        let shutdown_grace = settings.shutdown_grace;
        let stores = Stores::new(&db);
        // Leads stored before the search column existed become searchable.
        let filled = stores.inbox.fill_search().await.map_err(|e| StartupError::Search(e.to_string()))?;
        if filled > 0 {
            tracing::info!(leads = filled, "filled the search column of older leads");
        }
        let engine = Arc::new(advice_model(&settings, &stores, built, clock.now()).await?);
        let form_tokens = Self::form_tokens(&stores).await?;
        let booking_tokens = Self::booking_tokens(&stores).await?;
        let leptos_options = leptos_options(&settings, port);
        let state = AppState::new(Shared {
            assets: static_files::asset_names(&leptos_options),
            leptos_options,
            form_tokens: Arc::new(form_tokens),
            booking_tokens: Arc::new(booking_tokens),
            calendars: Arc::new(
                Calendars::new(stores.calendars.clone(), settings.secret_key.clone(), clock.clone())
                    .map_err(StartupError::Notifications)?,
            ),
            contact_limiter: Arc::new(RateLimiter::new(settings.contact_rate_limit, Duration::from_secs(3600))),
            outbox_wake: Arc::new(tokio::sync::Notify::new()),
            clock,
            session_policy: SessionPolicy::default(),
            page_cache: Arc::default(),
            live: Arc::default(),
            metrics: Arc::default(),
            funnel: Arc::default(),
            render_page: pages::render_page,
            settings: Arc::new(settings),
            stores,
            db: db.clone(),
            engine,
        });
        let worker = Worker::new(
            state.settings.clone(),
            &state.stores,
            state.calendars.clone(),
            state.clock.clone(),
            state.outbox_wake.clone(),
        )
        .map_err(StartupError::Notifications)?;
        let reader = Reader::new(state.settings.clone(), state.stores.intake.clone(), state.clock.clone());
        let live = Watcher {
            live: state.live.clone(),
            stores: state.stores.clone(),
            every: state.settings.inbox_poll.as_std(),
        };
        let retention = RetentionJob {
            stores: state.stores.clone(),
            clock: state.clock.clone(),
            retention: state.settings.retention,
            sessions: state.session_policy,
            every: state.settings.retention_every.as_std(),
        };
        let funnel = FunnelWriter {
            counts: state.funnel.clone(),
            store: state.stores.funnel.clone(),
            engine: state.engine.clone(),
        };
        let cache = state.page_cache.clone();
        let model_watch = ModelWatch {
            engine: state.engine.clone(),
            store: state.stores.model.clone(),
            every: state.settings.model_poll.as_std(),
            changed: Box::new(move || cache.clear()),
        };
        let metrics = match state.settings.metrics_addr {
            Some(addr) => {
                let listener = TcpListener::bind(addr).await.map_err(|source| StartupError::Bind { addr, source })?;
                let routes = Router::new().route("/metrics", get(metrics::scrape)).with_state(state.clone());
                Some((listener, routes))
            }
            None => None,
        };
        let counters = state.metrics.clone();
        Ok(Self {
            listener,
            router: routes::router(state),
            db,
            port,
            shutdown_grace,
            worker,
            reader,
            live,
            retention,
            funnel,
            model_watch,
            counters,
            metrics,
        })
    }

    /// The port the server listens on (useful when it was asked for port 0).
    pub fn port(&self) -> u16 {
        self.port
    }

    /// Serves until `stop` resolves, then stops accepting connections and lets requests in
    /// flight finish, for at most the configured grace period.
    pub async fn run_until_stopped(self, stop: impl Future<Output = ()> + Send + 'static) -> std::io::Result<()> {
        let (stopping_tx, stopping_rx) = tokio::sync::oneshot::channel::<()>();
        let live = self.live.live.clone();
        let signal = async move {
            stop.await;
            tracing::info!("stopping: no new connections, finishing requests in flight");
            // Open inbox streams would hold the shutdown for its whole grace period.
            live.stop();
            let _ = stopping_tx.send(());
        };
        let listener = self.listener.tap_io(|tcp| {
            if let Err(err) = tcp.set_nodelay(true) {
                tracing::debug!("could not set TCP_NODELAY: {err}");
            }
        });
        let (stop_worker, worker_stopped) = tokio::sync::watch::channel(false);
        let Watcher { live, stores, every } = self.live;
        let watcher_stopped = worker_stopped.clone();
        let watcher = tokio::spawn(async move { live.watch(stores, every, watcher_stopped).await });
        let retention = tokio::spawn(self.retention.run(worker_stopped.clone()));
        let funnel = tokio::spawn(self.funnel.run(worker_stopped.clone()));
        tokio::spawn(self.model_watch.run(worker_stopped.clone()));
        tokio::spawn(self.counters.keep_up(worker_stopped.clone()));
        if let Some((listener, routes)) = self.metrics {
            let mut stopped = worker_stopped.clone();
            let until = async move {
                let _ = stopped.wait_for(|stopped| *stopped).await;
            };
            tokio::spawn(async move {
                if let Err(error) = axum::serve(listener, routes).with_graceful_shutdown(until).await {
                    tracing::error!(%error, "the metrics listener failed");
                }
            });
        }
        let reader = self.reader.map(|reader| tokio::spawn(reader.run(worker_stopped.clone())));
        let worker = tokio::spawn(self.worker.run(worker_stopped));
        let service = self.router.into_make_service_with_connect_info::<SocketAddr>();
        let server = axum::serve(listener, service).with_graceful_shutdown(signal).into_future();
        let grace = self.shutdown_grace;
        let deadline = async move {
            if stopping_rx.await.is_ok() {
                tokio::time::sleep(grace).await;
            } else {
                std::future::pending::<()>().await;
            }
        };
        tokio::select! {
            result = server => result?,
            _ = deadline => tracing::warn!("requests still in flight after {grace:?}; stopping anyway"),
        }
        let _ = stop_worker.send(true);
        let _ = watcher.await;
        // A run in the middle of a batch is cut off; what it did not reach, the next start does.
        if tokio::time::timeout(Duration::from_secs(2), retention).await.is_err() {
            tracing::warn!("the retention job did not stop in time");
        }
        if tokio::time::timeout(Duration::from_secs(2), funnel).await.is_err() {
            tracing::warn!("the guide's last funnel counts could not be written in time");
        }
        if let Some(reader) = reader {
            // What it stored is stored; what it had not reached yet, the next start reads.
            if tokio::time::timeout(Duration::from_secs(6), reader).await.is_err() {
                tracing::warn!("the mailbox reader did not stop in time");
            }
        }
        if tokio::time::timeout(Duration::from_secs(2), worker).await.is_err() {
            tracing::warn!("the notification worker did not stop in time; undelivered messages stay queued");
        }
        self.db.close().await;
        tracing::info!("stopped");
        Ok(())
    }
}

fn leptos_options(settings: &Settings, port: u16) -> LeptosOptions {
    let mut site_addr = settings.site_addr;
    site_addr.set_port(port);
    LeptosOptions::builder()
        .output_name("archguide")
        .site_root(settings.site_root.to_string_lossy().to_string())
        .site_pkg_dir("pkg")
        .site_addr(site_addr)
        .env(if settings.production { leptos::config::Env::PROD } else { leptos::config::Env::DEV })
        .hash_files(static_files::assets_are_hashed())
        .build()
}

/// The advice model to start with: the files' when they are set, else the newest published
/// version this build can read, else the shipped one. An empty case library is given the
/// build's cases first.
async fn advice_model(
    settings: &Settings,
    stores: &Stores,
    built: crate::domain::guide::engine::Engine,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<LiveEngine, StartupError> {
    let failed = |e: crate::server::store::StoreError| StartupError::Model(e.to_string());
    let seeded = stores.review.seed_cases(&seed_cases(), now).await.map_err(failed)?;
    if seeded > 0 {
        tracing::info!(cases = seeded, "the case library was given the build's cases");
    }
    if settings.model_from_files() {
        return Ok(LiveEngine::new(built, Source::Files));
    }
    let newest = stores.model.newest_version_id().await.map_err(failed)?;
    let Some(version) = stores.model.version(newest).await.map_err(failed)? else {
        return Ok(LiveEngine::new(built, Source::Shipped));
    };
    let live = LiveEngine::new(built, Source::Shipped);
    match advice::put_in_use(&live, &version) {
        Ok(()) => Ok(live),
        Err(problem) => {
            tracing::error!(version = %version.version, %problem, "this build cannot read the published model; the shipped one is used");
            Ok(live)
        }
    }
}
