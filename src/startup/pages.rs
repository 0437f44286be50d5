//! The app as the server renders it: what every page can read through its context, the page
//! routes the app declares, and a page rendered for a handler (a form shown again with its
//! problems). The only place below `main` that knows both the app and the server's state.

use std::sync::Arc;

use axum::body::Body;
use axum::http::Request;
use axum::response::Response;
use leptos::prelude::provide_context;
use leptos_axum::generate_route_list;

use crate::app::{shell, App};
use crate::components::architecture_map::GeneralMap;
use crate::domain::guide::engine::Engine;
use crate::domain::guide::map::ArchitectureMap;
use crate::i18n::locales::locales;
use crate::i18n::Languages;
use crate::page_data::url::PublicUrl;
use crate::server::http::failure::ExtraContext;
use crate::server::http::state::AppState;

/// The app's routes, generated once per process. Generating them renders the app with resource
/// loading suppressed process-wide, so a page rendering at the same moment (another app in the
/// same test process) could wait forever on a resource; once is also all that is needed.
pub fn route_list() -> Vec<leptos_axum::AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<leptos_axum::AxumRouteListing>> = std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// What every rendered page can read through context, besides the state itself.
pub fn page_context(state: &AppState) -> impl Fn() + Clone + Send + Sync + 'static {
    let state = state.clone();
    // The map of the idea is drawn once per model in use (a publication draws it again).
    let drawn: Arc<std::sync::Mutex<Option<(Arc<Engine>, GeneralMap)>>> = Arc::default();
    let languages = Languages(locales().languages().map(|l| (l.lang, l.name.clone())).collect());
    move || {
        provide_context(state.clone());
        let engine = state.engine.current();
        let map = {
            let mut drawn = drawn.lock().unwrap_or_else(|e| e.into_inner());
            match &*drawn {
                Some((model, map)) if Arc::ptr_eq(model, &engine) => map.clone(),
                _ => {
                    let map = GeneralMap(Arc::new(ArchitectureMap::general(&engine.model.combinations)));
                    *drawn = Some((engine, map.clone()));
                    map
                }
            }
        };
        provide_context(map);
        provide_context(state.settings.brand.clone());
        provide_context(PublicUrl(state.settings.public_url.clone()));
        provide_context(state.settings.retention);
        provide_context(state.assets.clone());
        provide_context(languages.clone());
    }
}

/// A page of the app rendered for `request` with the handler's `extra` context: the state's
/// `RenderPage`.
pub fn render_page(
    state: &AppState,
    request: Request<Body>,
    extra: ExtraContext,
) -> std::pin::Pin<Box<dyn std::future::Future<Output = Response> + Send>> {
    let options = state.leptos_options.clone();
    let base = page_context(state);
    let context = move || {
        base();
        extra();
    };
    let render = leptos_axum::render_app_async_with_context(context, move || shell(options.clone()));
    Box::pin(render(request))
}
