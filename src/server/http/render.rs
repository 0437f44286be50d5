//! Rendering a page as the answer to a form post: a form posted back with problems is shown again
//! on its own page, with what the person typed, under the status the problem deserves.
//!
//! Handlers do not render: they answer with a `failure::PageAgain` (the page, the form's state,
//! the status), and `render_again`, a middleware of the route table, renders it once the handler
//! has returned. The server's code does not know the app: start-up gives the state a
//! `RenderPage` (the app's shell with every page's context), which `render_again` calls.

use std::future::Future;
use std::pin::Pin;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;

use crate::server::http::failure::{ExtraContext, PageAgain};
use crate::server::http::state::AppState;

/// Renders the app's page for `request` with the extra context: set once at start-up, by the
/// code that knows the app.
pub type RenderPage = fn(&AppState, Request<Body>, ExtraContext) -> Pin<Box<dyn Future<Output = Response> + Send>>;

/// Renders the page a handler answered with (a `PageAgain` in its response), keeping the
/// handler's status and the headers it added; any other response passes unchanged.
pub async fn render_again(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let Some(again) = response.extensions_mut().remove::<PageAgain>() else { return response };
    let (page, lang, session, form) = again.parts();
    let mut request = Request::builder().uri(page).body(Body::empty()).expect("a page's path is a valid URI");
    request.extensions_mut().insert(lang);
    if let Some(session) = session {
        request.extensions_mut().insert(session.clone());
    }
    let mut rendered = (state.render_page)(&state, request, form.clone()).await;
    *rendered.status_mut() = response.status();
    for (name, value) in again.headers() {
        rendered.headers_mut().append(name.clone(), value.clone());
    }
    rendered
}
