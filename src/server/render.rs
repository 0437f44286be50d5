//! Rendering a page from a handler: a form posted back with problems is shown again on its own
//! page, with what the person typed, under the status the problem deserves.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::response::Response;
use leptos::prelude::provide_context;

use crate::domain::lang::Lang;

use super::auth::staff::Authenticated;
use super::startup::page_context;
use super::state::AppState;

/// Renders the page at `uri` (as the default language writes it) in `lang` with `value` in its context (the form's state, say), answering
/// with `status`. A staff page is rendered in the session of the request it answers.
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
    let options = state.leptos_options.clone();
    let base = page_context(state);
    let context = move || {
        base();
        provide_context(value.clone());
    };
    let render = leptos_axum::render_app_async_with_context(context, move || crate::app::shell(options.clone()));
    let mut request = Request::builder().uri(uri).body(Body::empty()).expect("a valid request");
    request.extensions_mut().insert(lang);
    if let Some(session) = session {
        request.extensions_mut().insert(session);
    }
    let mut response = render(request).await;
    *response.status_mut() = status;
    response
}
