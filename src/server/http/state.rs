//! What every handler and server function can reach: settings, database, Leptos options.

use std::sync::Arc;

use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;

use crate::domain::staff::SessionPolicy;
use crate::server::booking::calendars::Calendars;
use crate::server::booking::token::BookingTokens;
use crate::server::clock::Clock;
use crate::server::http::form_token::FormTokens;
use crate::server::http::metrics::Metrics;
use crate::server::http::page_cache::PageCache;
use crate::server::http::rate_limit::RateLimiter;
use crate::server::http::render::RenderPage;
use crate::server::jobs::funnel::FunnelCounts;
use crate::server::jobs::live::Live;
use crate::server::settings::Settings;
use crate::server::store::database::Database;
use crate::server::store::Stores;

/// Shared by all requests. Every middleware and handler takes its own copy of the state, many
/// times per request, so a copy is one reference count: everything sits behind one `Arc`.
#[derive(Clone, Debug)]
pub struct AppState(Arc<Shared>);

impl AppState {
    pub fn new(shared: Shared) -> Self {
        Self(Arc::new(shared))
    }
}

impl std::ops::Deref for AppState {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.0
    }
}

/// What the state holds.
#[derive(Debug)]
pub struct Shared {
    pub leptos_options: LeptosOptions,
    /// The build's files by address, worked out once (see `static_files::asset_names`).
    pub assets: crate::page_data::assets::Assets,
    pub settings: Arc<Settings>,
    pub db: Database,
    /// The advice model in use (swapped when a version is published).
    pub engine: Arc<crate::server::advice::LiveEngine>,
    pub stores: Stores,
    pub form_tokens: Arc<FormTokens>,
    /// Signs the links visitors book their call with.
    pub booking_tokens: Arc<BookingTokens>,
    /// Staff members' own calendars: their busy times, their calls written into them.
    pub calendars: Arc<Calendars>,
    pub contact_limiter: Arc<RateLimiter>,
    /// Wakes the notification worker when a lead has just been stored.
    pub outbox_wake: Arc<tokio::sync::Notify>,
    /// Where staff sessions and the inbox read the time (a test moves it).
    pub clock: Arc<dyn Clock>,
    pub session_policy: SessionPolicy,
    /// Public pages rendered once (see `page_cache`).
    pub page_cache: Arc<PageCache>,
    /// Where the inbox stands, for the pages that keep themselves current (see `jobs::live`).
    pub live: Arc<Live>,
    /// What `/metrics` reports (see `metrics`).
    pub metrics: Arc<Metrics>,
    /// The guide's funnel counts on their way to the database (see `jobs::funnel`).
    pub funnel: Arc<FunnelCounts>,
    /// Renders one of the app's pages (see `http::render`).
    pub render_page: RenderPage,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}
