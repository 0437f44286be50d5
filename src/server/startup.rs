//! Building the application: database, routes, middleware, listener.
//!
//! `Application::build` binds the listener before it returns, so a caller (a test, say) can ask
//! for port 0 and learn the real port from `port()` before the server runs.

use std::future::{Future, IntoFuture};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::error_handling::HandleErrorLayer;
use axum::extract::DefaultBodyLimit;
use axum::http::{Request, StatusCode};
use axum::middleware::from_fn_with_state;
use axum::routing::{get, post};
use axum::serve::ListenerExt;
use axum::Router;
use leptos::config::LeptosOptions;
use leptos::prelude::provide_context;
use leptos_axum::{generate_route_list, LeptosRoutes};
use tokio::net::TcpListener;
use tower::limit::GlobalConcurrencyLimitLayer;
use tower::ServiceBuilder;
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tracing::Level;

use crate::app::{shell, App};
use crate::components::architecture_map::GeneralMap;
use crate::components::i18n::Languages;
use crate::components::page_meta::PublicUrl;
use crate::domain::map::ArchitectureMap;

use super::auth::session::{Clock, SessionPolicy, SystemClock};
use super::auth::staff;
use super::database::{Database, DatabaseError};
use super::form_token::FormTokens;
use super::funnel::FunnelWriter;
use super::inbox::live::Live;
use super::outbox::Worker;
use super::page_cache;
use super::rate_limit::RateLimiter;
use super::retention::RetentionJob;
use super::settings::Settings;
use super::state::{AppState, Shared};
use super::store::Stores;
use super::{api, contact, guide, health, inbox, language, locales, metrics, security, seo, static_files};

/// How long one request may take before it is answered with 408.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// The largest request body anything on this site accepts.
const BODY_LIMIT: usize = 64 * 1024;

/// The answer when the server is at its limit of requests in flight.
fn overloaded() -> axum::response::Response {
    use axum::response::IntoResponse;
    (
        StatusCode::SERVICE_UNAVAILABLE,
        [(axum::http::header::RETRY_AFTER, "1")],
        "The server is busy; please try again in a moment.",
    )
        .into_response()
}

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error(transparent)]
    Database(#[from] DatabaseError),
    #[error(transparent)]
    Settings(#[from] super::settings::SettingsError),
    #[error("{0}")]
    Notifications(String),
    #[error("the shared secrets could not be read or created: {0}")]
    Secrets(String),
    #[error("older leads could not be made searchable: {0}")]
    Search(String),
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
    live: Watcher,
    retention: RetentionJob,
    funnel: FunnelWriter,
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
    /// The form-token signer, with the key every instance shares (made on first start).
    pub async fn form_tokens(stores: &Stores) -> Result<FormTokens, StartupError> {
        let key = stores
            .secrets
            .get_or_create("form_token_key", &FormTokens::fresh_key())
            .await
            .map_err(|e| StartupError::Secrets(e.to_string()))?;
        Ok(FormTokens::new(key.as_bytes()))
    }

    /// Opens the database (running migrations), builds the routes and binds the listener.
    pub async fn build(settings: Settings) -> Result<Self, StartupError> {
        Self::build_with_clock(settings, Arc::new(SystemClock)).await
    }

    /// Like `build`, with the time that sessions and the inbox go by taken from `clock`.
    pub async fn build_with_clock(mut settings: Settings, clock: Arc<dyn Clock>) -> Result<Self, StartupError> {
        let engine = Arc::new(settings.engine()?);
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
        let form_tokens = Self::form_tokens(&stores).await?;
        let leptos_options = leptos_options(&settings, port);
        let state = AppState::new(Shared {
            assets: static_files::asset_names(&leptos_options),
            leptos_options,
            form_tokens: Arc::new(form_tokens),
            contact_limiter: Arc::new(RateLimiter::new(settings.contact_rate_limit, Duration::from_secs(3600))),
            outbox_wake: Arc::new(tokio::sync::Notify::new()),
            clock,
            session_policy: SessionPolicy::default(),
            page_cache: Arc::default(),
            live: Arc::default(),
            metrics: Arc::default(),
            funnel: Arc::default(),
            settings: Arc::new(settings),
            stores,
            db: db.clone(),
            engine,
        });
        let worker = Worker::new(state.settings.clone(), &state.stores, state.clock.clone(), state.outbox_wake.clone())
            .map_err(StartupError::Notifications)?;
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
            model_version: state.engine.model.version.clone(),
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
            router: router(state),
            db,
            port,
            shutdown_grace,
            worker,
            live,
            retention,
            funnel,
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

/// The app's routes, generated once per process. Generating them renders the app with resource
/// loading suppressed process-wide, so a page rendering at the same moment (another app in the
/// same test process) could wait forever on a resource; once is also all that is needed.
fn route_list() -> Vec<leptos_axum::AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<leptos_axum::AxumRouteListing>> = std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// What every rendered page can read through context, besides the state itself.
pub fn page_context(state: &AppState) -> impl Fn() + Clone + Send + Sync + 'static {
    let state = state.clone();
    let map = GeneralMap(Arc::new(ArchitectureMap::general(&state.engine.model.combinations)));
    let languages = Languages(locales::locales().languages().map(|l| (l.lang, l.name.clone())).collect());
    move || {
        provide_context(state.clone());
        provide_context(map.clone());
        provide_context(state.settings.brand.clone());
        provide_context(PublicUrl(state.settings.public_url.clone()));
        provide_context(state.settings.retention);
        provide_context(state.assets.clone());
        provide_context(languages.clone());
    }
}

fn router(state: AppState) -> Router {
    let max_concurrent = state.settings.max_concurrent_requests;
    let context = page_context(&state);
    // axum copies a route's handler for every request: the shell holds its options behind an
    // Arc so that copy is a reference count, not a copy of every option.
    let options = Arc::new(state.leptos_options.clone());
    let render_shell = move || shell(LeptosOptions::clone(&options));
    let pkg = static_files::pkg_service(&state.settings.site_root, state.leptos_options.hash_files);

    let router = Router::new()
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/metrics", get(metrics::local))
        .nest("/api/v1", api::routes())
        .route("/guide/result", post(guide::create_result))
        .route("/contact", post(contact::submit))
        .merge(static_files::embedded_routes());
    let routes = inbox::add_routes(router)
        .route("/sitemap.xml", get(seo::sitemap))
        .route("/robots.txt", get(seo::robots))
        .leptos_routes_with_context(&state, route_list(), context.clone(), render_shell)
        .nest_service("/pkg", pkg)
        .fallback(leptos_axum::file_and_error_handler_with_context::<AppState, _>(context, shell))
        // Every /inbox route, server functions included, passes the session check first.
        .layer(from_fn_with_state(state.clone(), staff::guard))
        // Before that, anything that could change data must come from this site.
        .layer(from_fn_with_state(state.clone(), security::same_site_only))
        // Nothing this site accepts is larger; bigger bodies are refused (413) before they are
        // read, for every route and server function.
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(RequestBodyLimitLayer::new(BODY_LIMIT))
        .with_state(state.clone());

    // What every request passes through, outermost first. It wraps the router as a whole (not
    // each route, as `Router::layer` does), so it is set up once per request, not once per
    // route copy, and the request limit below is one count for the whole server.
    let outer = ServiceBuilder::new()
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|request: &Request<Body>| {
                    // The path only: query strings are not worth the risk of logging answers.
                    tracing::info_span!("request", method = %request.method(), path = %request.uri().path())
                })
                .on_response(DefaultOnResponse::new().level(Level::INFO)),
        )
        .layer(from_fn_with_state(state.clone(), security::headers))
        // Every request counted by its route template, 503s and timeouts included.
        .layer(from_fn_with_state(state.clone(), metrics::count))
        // `/es/learn` is served as `/learn` in Spanish: one route table for every language.
        .layer(axum::middleware::from_fn(language::from_path))
        // Past this many requests at once, answer 503 straight away rather than queue.
        .layer(HandleErrorLayer::new(|_: tower::BoxError| async { overloaded() }))
        .load_shed()
        .layer(GlobalConcurrencyLimitLayer::new(max_concurrent))
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, REQUEST_TIMEOUT))
        .layer(CompressionLayer::new())
        // Pages that are the same for everyone are rendered once.
        .layer(from_fn_with_state(state, page_cache::serve))
        .service(routes);
    Router::new().fallback_service(outer)
}
