//! Every route the site answers, in one table: the pages (declared in `app.rs` and added here
//! by leptos), form posts, the JSON API, the inbox's actions and server functions, static files,
//! health and metrics, and the middleware every request passes through. `/metrics` counts each
//! request under the route it matched here (axum's `MatchedPath`), so no list of routes is kept
//! anywhere else.

use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::error_handling::HandleErrorLayer;
use axum::extract::DefaultBodyLimit;
use axum::http::{Request, StatusCode};
use axum::middleware::from_fn_with_state;
use axum::routing::{get, post};
use axum::Router;
use leptos::config::LeptosOptions;
use leptos_axum::LeptosRoutes;
use tower::limit::GlobalConcurrencyLimitLayer;
use tower::ServiceBuilder;
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::{DefaultOnFailure, DefaultOnResponse, TraceLayer};
use tracing::Level;

use crate::app::shell;
use crate::server::handlers::account::{self, login, two_factor};
use crate::server::handlers::{api, booking, contact, guide, health, inbox, model, seo};
use crate::server::http::state::AppState;
use crate::server::http::{failure, language, metrics, page_cache, render, security, staff, static_files};
use crate::startup::pages::{page_context, route_list};

/// How long one request may take before it is answered with 408.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// The largest request body anything on this site accepts, but a draft of the advice model.
const BODY_LIMIT: usize = 64 * 1024;
/// Where admins post a draft of the advice model (the model, the price book and every
/// language's words for it, about 70 KB as shipped), and the largest one it takes.
const DRAFT_PATH: &str = "/inbox/model/check";
const DRAFT_LIMIT: usize = 1024 * 1024;

pub fn router(state: AppState) -> Router {
    let max_concurrent = state.settings.max_concurrent_requests;
    let context = page_context(&state);
    // axum copies a route's handler for every request: the shell holds its options behind an
    // Arc so that copy is a reference count, not a copy of every option.
    let options = Arc::new(state.leptos_options.clone());
    let render_shell = move || shell(LeptosOptions::clone(&options));
    let pkg = static_files::pkg_service(&state.settings.site_root, state.leptos_options.hash_files);

    let routes = Router::new()
        // Operators.
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/metrics", get(metrics::local))
        // The JSON API.
        .route("/api/v1/questions", get(api::recommendation::questions))
        .route("/api/v1/recommendation", post(api::recommendation::recommend))
        .route("/api/v1/openapi.json", get(api::openapi::document))
        // The public site's form posts (its pages are the app's routes, added below).
        .route("/guide/result", post(guide::create_result))
        .route("/contact", post(contact::submit))
        .route("/book/{token}", post(booking::submit))
        .route("/book/{token}/move", post(booking::changes::move_by_visitor))
        .route("/book/{token}/cancel", post(booking::changes::cancel_by_visitor))
        .route("/book/{token}/call.ics", get(booking::changes::download))
        // Staff: signing in and the second factor. The inbox's pages are the app's routes at
        // the same paths (for GET); its server functions register themselves under /inbox/api.
        .route("/inbox/login", post(login::login))
        .route(staff::CODE_PATH, post(two_factor::second_step))
        .route("/inbox/logout", post(login::logout))
        .route("/inbox/account/two-factor/start", post(account::start_setup))
        .route("/inbox/account/two-factor/confirm", post(account::confirm_setup))
        .route("/inbox/account/two-factor/disable", post(account::turn_off))
        .route("/inbox/account/recovery-codes", post(account::replace_recovery_codes))
        .route("/inbox/account/availability", post(account::calls::save_availability))
        .route("/inbox/account/calendar", post(account::calls::connect_calendar))
        .route("/inbox/account/calendar/disconnect", post(account::calls::disconnect_calendar))
        .route("/inbox/account/feed", post(account::calls::renew_feed))
        .route("/calendar/{file}", get(account::calls::feed))
        // Staff: the inbox's actions, exports and live updates.
        .route("/inbox/leads/{reference}", post(inbox::actions::lead_action))
        .route("/inbox/leads/{reference}/export.json", post(inbox::person::export))
        .route("/inbox/leads/{reference}/erase-person", post(inbox::person::erase_person))
        .route("/inbox/unmatched/{id}/attach", post(inbox::unmatched::attach))
        .route("/inbox/unmatched/{id}/discard", post(inbox::unmatched::discard))
        .route("/inbox/attachments/{id}", get(inbox::unmatched::download))
        .route("/inbox/leads/{reference}/verdict", post(model::verdict::record))
        .route("/inbox/model/check", post(model::check))
        .route("/inbox/model/publish", post(model::publish))
        .route("/inbox/model/rollback", post(model::rollback))
        .route("/inbox/model/cases", post(model::cases::add))
        .route("/inbox/model/cases/from-lead", post(model::cases::from_lead))
        .route("/inbox/model/cases/{id}", post(model::cases::edit))
        .route("/inbox/model/cases/{id}/retire", post(model::cases::retire))
        .route("/inbox/users", post(inbox::actions::add_user))
        .route("/inbox/users/disable", post(inbox::actions::disable_user))
        .route("/inbox/export.csv", get(inbox::export::leads_csv))
        .route(staff::EVENTS_PATH, get(inbox::live::events))
        // Search engines and files built into the binary.
        .route("/sitemap.xml", get(seo::sitemap))
        .route("/robots.txt", get(seo::robots))
        .route("/favicon.svg", get(static_files::favicon))
        .route("/inbox.js", get(static_files::inbox_script))
        .leptos_routes_with_context(&state, route_list(), context.clone(), render_shell)
        .route_service("/pkg/{*file}", pkg)
        .fallback(leptos_axum::file_and_error_handler_with_context::<AppState, _>(context, shell))
        // A handler that answers with its form's page again (`failure::PageAgain`) has it
        // rendered here, once it has returned.
        .layer(from_fn_with_state(state.clone(), render::render_again))
        // Every /inbox route, server functions included, passes the session check first.
        .layer(from_fn_with_state(state.clone(), staff::guard))
        // Before that, anything that could change data must come from this site.
        .layer(from_fn_with_state(state.clone(), security::same_site_only))
        // Nothing this site accepts is larger; bigger bodies are refused (413) before they are
        // read, for every route and server function.
        .layer(DefaultBodyLimit::max(DRAFT_LIMIT))
        .layer(axum::middleware::from_fn(limit_body))
        // First of all, the route it matched in this table names the request in /metrics.
        .layer(axum::middleware::from_fn(metrics::label_route))
        .with_state(state.clone());

    // What every request passes through, outermost first. It wraps the router as a whole (not
    // each route, as `Router::layer` does), so it is set up once per request, not once per
    // route copy, and the request limit below is one count for the whole server.
    let outer = ServiceBuilder::new()
        // Every request has an id (the one a proxy in front gave it, else a new one), sent back
        // as `x-request-id` and named by every line logged while it is answered.
        .layer(axum::middleware::from_fn(security::sane_request_id))
        .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|request: &Request<Body>| {
                    let id =
                        request.headers().get(security::REQUEST_ID).and_then(|v| v.to_str().ok()).unwrap_or_default();
                    // The path only: query strings are not worth the risk of logging answers.
                    tracing::info_span!(
                        "request",
                        request_id = %id,
                        method = %request.method(),
                        path = %security::loggable_path(request.uri().path())
                    )
                })
                .on_response(DefaultOnResponse::new().level(Level::INFO))
                // A failed request is logged where it failed (`failure.rs`), once; the answer's
                // line above gives its status.
                .on_failure(DefaultOnFailure::new().level(Level::DEBUG)),
        )
        .layer(from_fn_with_state(state.clone(), security::headers))
        // Every request counted by the route it matched (see `label_route` above), 503s and
        // timeouts included.
        .layer(from_fn_with_state(state.clone(), metrics::count))
        // `/es/learn` is served as `/learn` in Spanish: one route table for every language.
        .layer(axum::middleware::from_fn(language::from_path))
        // Past this many requests at once, answer 503 straight away rather than queue.
        .layer(HandleErrorLayer::new(|_: tower::BoxError| async { failure::overloaded() }))
        .load_shed()
        .layer(GlobalConcurrencyLimitLayer::new(max_concurrent))
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, REQUEST_TIMEOUT))
        .layer(CompressionLayer::new())
        // Pages that are the same for everyone are rendered once.
        .layer(from_fn_with_state(state, page_cache::serve))
        .service(routes);
    Router::new().fallback_service(outer)
}

/// Refuses a body larger than its route takes (413): at once when its length says so, and when
/// it sends more than that once it is read. Only a draft of the advice model may be larger than
/// `BODY_LIMIT`.
async fn limit_body(request: axum::extract::Request, next: axum::middleware::Next) -> axum::response::Response {
    use axum::response::IntoResponse;
    let limit = if request.uri().path() == DRAFT_PATH { DRAFT_LIMIT } else { BODY_LIMIT };
    let declared =
        request.headers().get(axum::http::header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<usize>().ok());
    if declared.is_some_and(|length| length > limit) {
        return (axum::http::StatusCode::PAYLOAD_TOO_LARGE, "The request is too large.").into_response();
    }
    next.run(request.map(|body| axum::body::Body::new(http_body_util::Limited::new(body, limit)))).await
}
