//! Rendering a page from a handler: a form posted back with problems is shown again on its own
//! page, with what the person typed, under the status the problem deserves.
//!
//! The server's code does not know the app: start-up gives the state a `RenderPage` (the app's
//! shell with every page's context) and handlers call it through `page_with`.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::response::Response;
use leptos::prelude::provide_context;

use crate::domain::lang::Lang;
use crate::server::http::staff::Authenticated;
use crate::server::http::state::AppState;

/// What a handler adds to a page's context (the state of the form it shows, say).
pub type ExtraContext = Arc<dyn Fn() + Send + Sync>;

/// Renders the app's page for `request` with the extra context: set once at start-up, by the
/// code that knows the app.
pub type RenderPage = fn(&AppState, Request<Body>, ExtraContext) -> Pin<Box<dyn Future<Output = Response> + Send>>;

/// Renders the page at `uri` (as the default language writes it) in `lang` with `value` in its
/// context (the form's state, say), answering with `status`. A staff page is rendered in the
/// session of the request it answers.
pub async fn page_with<T>(
    state: &AppState,
    lang: Lang,
    uri: &str,
    value: T,
    status: StatusCode,
    session: Option<Authenticated>,
) -> Response
where
    T: Clone + Send + Sync + 'static,
{
    let extra: ExtraContext = Arc::new(move || provide_context(value.clone()));
    let mut request = Request::builder().uri(uri).body(Body::empty()).expect("a valid request");
    request.extensions_mut().insert(lang);
    if let Some(session) = session {
        request.extensions_mut().insert(session);
    }
    let mut response = (state.render_page)(state, request, extra).await;
    *response.status_mut() = status;
    response
}
