//! `/metrics` in the Prometheus text format: HTTP requests by route template and status with a
//! latency histogram, and, read when scraped, leads by status, leads overdue now, the outbox's
//! backlog, the database pool and the build.
//!
//! Served on the main listener to loopback clients only (anything else, including a request
//! passed on by a proxy, gets 404), or on its own listener when `ARCHGUIDE_METRICS_ADDR` is set.
//! Each application has its own recorder (nothing global), so several in one process stay apart.

use std::net::SocketAddr;
use std::sync::{Arc, OnceLock};
use std::time::Instant;

use axum::extract::{ConnectInfo, MatchedPath, Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle, PrometheusRecorder};

use crate::domain::leads::inbox::LeadFilter;
use crate::server::http::failure::{Cause, Failure};
use crate::server::http::state::AppState;
use crate::server::store::lead_list::LeadQuery;
use crate::server::store::StoreError;

/// Latency buckets, in seconds: from a cached page to a slow database.
const BUCKETS: [f64; 12] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0];

/// The route a request is counted under: the template of the route it matched in the route
/// table (`/guide/result/{id}`), set by `label_route` inside the router, or by the page cache for a
/// page it serves itself. A request that matched nothing (any path the site does not serve, a
/// scan of random addresses) stays `other`, so the number of series cannot grow with paths.
#[derive(Clone, Debug, Default)]
pub struct RouteLabel(Arc<OnceLock<String>>);

impl RouteLabel {
    /// Names the route, once; a later name (a page served again from the cache) changes nothing.
    pub fn set(&self, route: &str) {
        // Everything under `/pkg` is one route, whatever the file.
        let route = if route.starts_with("/pkg/") { "/pkg/{file}" } else { route };
        let _ = self.0.set(route.to_string());
    }

    /// The route, once named.
    pub fn get(&self) -> Option<&str> {
        self.0.get().map(String::as_str)
    }

    fn name(&self) -> String {
        self.get().unwrap_or("other").to_string()
    }
}

/// Names the route a request matched, from the route table (axum's `MatchedPath`), for
/// `count`: runs inside the router, before anything there can answer for the route.
pub async fn label_route(request: Request, next: Next) -> Response {
    if let (Some(label), Some(matched)) =
        (request.extensions().get::<RouteLabel>(), request.extensions().get::<MatchedPath>())
    {
        label.set(matched.as_str());
    }
    next.run(request).await
}

/// The recorder every request is counted in, and what renders it.
pub struct Metrics {
    recorder: PrometheusRecorder,
    handle: PrometheusHandle,
}

impl std::fmt::Debug for Metrics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Metrics")
    }
}

impl Default for Metrics {
    fn default() -> Self {
        let recorder =
            PrometheusBuilder::new().set_buckets(&BUCKETS).expect("the buckets are not empty").build_recorder();
        let handle = recorder.handle();
        let metrics = Metrics { recorder, handle };
        metrics.record(|| {
            metrics::describe_counter!(
                "archguide_http_requests_total",
                "HTTP requests answered, by route template, method and status."
            );
            metrics::describe_histogram!(
                "archguide_http_request_duration_seconds",
                metrics::Unit::Seconds,
                "Time to the response's headers, by route template."
            );
            metrics::describe_gauge!("archguide_leads", "Leads stored, by status.");
            metrics::describe_gauge!("archguide_leads_overdue", "Open leads past their reply-by time without a reply.");
            metrics::describe_gauge!("archguide_outbox_pending", "Notifications and replies not delivered yet.");
            metrics::describe_gauge!("archguide_outbox_failing", "Undelivered messages whose last attempt failed.");
            metrics::describe_gauge!(
                "archguide_outbox_oldest_pending_age_seconds",
                metrics::Unit::Seconds,
                "Age of the oldest undelivered message (0 when none waits)."
            );
            metrics::describe_gauge!("archguide_db_pool_connections", "Database connections open, by state.");
            metrics::describe_gauge!("archguide_build_info", "The running build (always 1), by version.");
        });
        metrics
    }
}

/// How often the latency samples gathered since the last time are folded into the buckets.
const UPKEEP_EVERY: std::time::Duration = std::time::Duration::from_secs(5);

impl Metrics {
    /// Folds the latency samples gathered since the last time into the histograms' buckets,
    /// every few seconds until `stopped`. The recorder keeps each request's sample until then;
    /// without this they waited for `/metrics` to be read, and a server nobody scraped grew by
    /// some twenty bytes with every request it answered.
    pub async fn keep_up(self: std::sync::Arc<Self>, mut stopped: tokio::sync::watch::Receiver<bool>) {
        let mut ticks = tokio::time::interval(UPKEEP_EVERY);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tokio::select! {
                _ = ticks.tick() => self.handle.run_upkeep(),
                _ = async { stopped.wait_for(|stopped| *stopped).await.map(|_| ()) } => return,
            }
        }
    }

    /// Runs `f` with this application's recorder as the one the `metrics` macros write to.
    fn record(&self, f: impl FnOnce()) {
        metrics::with_local_recorder(&self.recorder, f);
    }

    fn request(&self, route: String, method: &str, status: StatusCode, seconds: f64) {
        let (method, status) = (method.to_string(), status.as_str().to_string());
        self.record(|| {
            metrics::counter!("archguide_http_requests_total", "route" => route.clone(), "method" => method, "status" => status)
                .increment(1);
            metrics::histogram!("archguide_http_request_duration_seconds", "route" => route).record(seconds);
        });
    }
}

/// Counts every request by the route it matched (see `RouteLabel`); the outermost layer but
/// one, so it times what the server does, and counts requests answered before routing (too
/// many at once) or cut off after it (too slow).
pub async fn count(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let label = RouteLabel::default();
    request.extensions_mut().insert(label.clone());
    let method = request.method().as_str().to_string();
    let started = Instant::now();
    let response = next.run(request).await;
    state.metrics.request(label.name(), &method, response.status(), started.elapsed().as_secs_f64());
    response
}

/// `GET /metrics` on the main listener: for loopback clients that came straight, not through a
/// proxy (which would make everyone a loopback client).
pub async fn local(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
) -> Response {
    let proxied = headers.contains_key("x-forwarded-for") || headers.contains_key(header::FORWARDED);
    if !peer.ip().is_loopback() || proxied || state.settings.metrics_addr.is_some() {
        return StatusCode::NOT_FOUND.into_response();
    }
    scrape(State(state)).await.into_response()
}

/// `GET /metrics`: the figures read now, then everything rendered.
pub async fn scrape(State(state): State<AppState>) -> Result<Response, Failure> {
    read_figures(&state).await.map_err(|e| {
        Failure::failed(Cause::unavailable("reading the figures for /metrics", e), "the database does not answer")
    })?;
    Ok(([(header::CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")], state.metrics.handle.render())
        .into_response())
}

async fn read_figures(state: &AppState) -> Result<(), StoreError> {
    let now = state.clock.now();
    let all = LeadFilter::default();
    let by_status = state.stores.inbox.status_counts(LeadQuery { filter: &all, viewer_id: 0, limit: None }).await?;
    let overdue = state.stores.inbox.lead_stats(now, state.settings.brand.reply_within).await?.overdue_now;
    let backlog = state.stores.outbox.backlog(state.clock.now()).await?;
    let oldest = backlog.oldest.map_or(0.0, |at| (now - at).num_milliseconds().max(0) as f64 / 1000.0);
    let (open, in_use) = state.db.pool_usage();
    state.metrics.record(|| {
        for status in crate::domain::leads::inbox::LeadStatus::ALL.iter().copied() {
            let count = by_status.iter().find(|(s, _)| *s == status).map_or(0, |(_, n)| n.n);
            metrics::gauge!("archguide_leads", "status" => status.as_str()).set(count as f64);
        }
        metrics::gauge!("archguide_leads_overdue").set(overdue as f64);
        metrics::gauge!("archguide_outbox_pending").set(backlog.pending as f64);
        metrics::gauge!("archguide_outbox_failing").set(backlog.failing as f64);
        metrics::gauge!("archguide_outbox_oldest_pending_age_seconds").set(oldest);
        metrics::gauge!("archguide_db_pool_connections", "state" => "in_use").set(f64::from(in_use));
        metrics::gauge!("archguide_db_pool_connections", "state" => "idle").set(f64::from(open - in_use));
        metrics::gauge!("archguide_build_info", "version" => env!("CARGO_PKG_VERSION")).set(1.0);
    });
    Ok(())
}
