//! Errors in one place. Handlers return `Result` and use `?`; the error type says who asked, and
//! turning it into an answer happens here:
//!
//! - a browser's request (a form post, a download, an action that redirects): [`Failure`], which
//!   is either the form's page again with what was typed and why it was refused ([`PageAgain`],
//!   built from a [`FormPage`]), a refusal of the staff check, or a short text;
//! - the JSON API: [`ApiError`], the field errors as JSON;
//! - a server function (the data of a page): [`for_server_fn`], a `ServerFnError` with the status
//!   set on the page being rendered.
//!
//! When something a request needs fails (the database, mostly), the handler names what it was
//! doing in a [`Cause`]; the cause is logged here, once, inside the request's span (which
//! carries its `request_id`, also sent back as `x-request-id`), and the caller is told, in words
//! that say nothing of the cause, that it did not work just now (503) and what became of their
//! input.

use std::borrow::Cow;
use std::sync::Arc;

use axum::http::header::{HeaderName, RETRY_AFTER};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use leptos::prelude::provide_context;

use crate::domain::field_error::FieldError;
use crate::domain::lang::Lang;
pub use crate::server::http::cause::Cause;
use crate::server::http::language::in_language;
use crate::server::http::staff::{Authenticated, Refusal};

/// What a handler adds to a page's context (the state of the form it shows, say).
pub type ExtraContext = Arc<dyn Fn() + Send + Sync>;

/// The page a form was posted from, and whom it is shown to: the form comes back on it.
#[derive(Clone)]
pub struct FormPage {
    page: String,
    lang: Lang,
    session: Option<Authenticated>,
}

impl FormPage {
    /// A public page (`page` as the default language writes it), shown in `lang`.
    pub fn public(lang: Lang, page: impl Into<String>) -> Self {
        FormPage { page: page.into(), lang, session: None }
    }

    /// A staff page, rendered in the session of the request it answers.
    pub fn staff(page: impl Into<String>, session: &Authenticated) -> Self {
        FormPage { page: page.into(), lang: Lang::DEFAULT, session: Some(session.clone()) }
    }

    /// A staff page shown before anyone is signed in (the login and its second step).
    pub fn signed_out(page: impl Into<String>) -> Self {
        FormPage { page: page.into(), lang: Lang::DEFAULT, session: None }
    }

    /// The same page, now shown in `session` (after the account changed).
    pub fn in_session(self, session: &Authenticated) -> Self {
        FormPage { session: Some(session.clone()), ..self }
    }

    /// The page with `form` (its state: values, messages) in its context, answered with `status`.
    pub fn show<T>(&self, status: StatusCode, form: T) -> PageAgain
    where
        T: Clone + Send + Sync + 'static,
    {
        let form: ExtraContext = Arc::new(move || provide_context(form.clone()));
        PageAgain { page: self.clone(), form, status, headers: Vec::new(), cause: None }
    }

    /// The page with `form` (which says, in the visitor's words, what did not happen), after
    /// `cause`: logged, and answered with its status. The page's own data failing the same way
    /// is not logged again (`FailureLogged` in its context).
    pub fn failed<T>(&self, cause: Cause, form: T) -> PageAgain
    where
        T: Clone + Send + Sync + 'static,
    {
        let form: ExtraContext = Arc::new(move || {
            provide_context(form.clone());
            provide_context(FailureLogged);
        });
        PageAgain { page: self.clone(), form, status: cause.status(), headers: Vec::new(), cause: Some(cause) }
    }
}

/// A page shown as the answer to a form post: its form back with what was typed and what to do
/// about it. The handler's answer carries it; the page is rendered after the handler returns,
/// by `render::render_again`.
#[derive(Clone)]
pub struct PageAgain {
    page: FormPage,
    form: ExtraContext,
    status: StatusCode,
    headers: Vec<(HeaderName, HeaderValue)>,
    cause: Option<Cause>,
}

impl PageAgain {
    /// With this header as well (a cookie removed, say).
    pub fn with_header(mut self, name: HeaderName, value: HeaderValue) -> Self {
        self.headers.push((name, value));
        self
    }

    /// Refused for being too quick: try again in `seconds`.
    pub fn retry_after(self, seconds: impl Into<HeaderValue>) -> Self {
        self.with_header(RETRY_AFTER, seconds.into())
    }

    /// What to render: the page's path, its language and session, the form's context.
    pub fn parts(&self) -> (&str, Lang, Option<&Authenticated>, &ExtraContext) {
        (&self.page.page, self.page.lang, self.page.session.as_ref(), &self.form)
    }

    pub fn headers(&self) -> &[(HeaderName, HeaderValue)] {
        &self.headers
    }
}

impl IntoResponse for PageAgain {
    fn into_response(self) -> Response {
        if let Some(cause) = &self.cause {
            cause.log();
        }
        let mut response = self.status.into_response();
        response.extensions_mut().insert(self);
        response
    }
}

/// Why a browser's request (a form post, a download, an action) was not done.
pub enum Failure {
    /// Its form's page again, saying why.
    Page(PageAgain),
    /// The staff check refused (no session, not an administrator, ...).
    Refused(Refusal),
    /// Nothing by that name or reference: 404.
    NotFound(&'static str),
    /// Not possible as things stand (a lead already erased, ...): 409 with the reason.
    Conflict(String),
    /// Something it needed failed: logged, and answered with words for the visitor.
    Failed(Cause, Cow<'static, str>),
}

impl Failure {
    /// `cause`, told to the visitor as `message`.
    pub fn failed(cause: Cause, message: impl Into<Cow<'static, str>>) -> Self {
        Failure::Failed(cause, message.into())
    }
}

impl From<PageAgain> for Failure {
    fn from(page: PageAgain) -> Self {
        Failure::Page(page)
    }
}

impl From<Refusal> for Failure {
    fn from(refusal: Refusal) -> Self {
        Failure::Refused(refusal)
    }
}

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        match self {
            Failure::Page(page) => page.into_response(),
            Failure::Refused(refusal) => refusal.into_response(),
            Failure::NotFound(what) => (StatusCode::NOT_FOUND, what).into_response(),
            Failure::Conflict(why) => (StatusCode::CONFLICT, why).into_response(),
            Failure::Failed(cause, message) => {
                cause.log();
                (cause.status(), message).into_response()
            }
        }
    }
}

/// The JSON API's refusal: the problems with the request, each naming its field, as JSON.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub errors: Vec<FieldError>,
    /// The language the messages are written in, when one was asked for.
    pub lang: Option<Lang>,
}

impl ApiError {
    /// The request was read, but what it asks for is not valid (422).
    pub fn invalid(errors: Vec<FieldError>) -> Self {
        ApiError { status: StatusCode::UNPROCESSABLE_ENTITY, errors, lang: None }
    }

    /// Its messages are written in `lang`.
    pub fn in_language(self, lang: Lang) -> Self {
        ApiError { lang: Some(lang), ..self }
    }

    /// One field's problem (422).
    pub fn field(field: &str, message: &str) -> Self {
        Self::invalid(vec![FieldError::new(field, message)])
    }

    /// The body could not be read at all (400).
    pub fn unreadable(message: String) -> Self {
        ApiError { status: StatusCode::BAD_REQUEST, errors: vec![FieldError::new("", message)], lang: None }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let response = (self.status, Json(self.errors)).into_response();
        match self.lang {
            Some(lang) => in_language(lang, response),
            None => response,
        }
    }
}

/// In a page's context when the page answers a failure that was logged already (a form shown
/// again after the database failed): its own data failing the same way is not logged again.
#[derive(Clone, Copy, Debug)]
pub struct FailureLogged;

/// A failure as a server function reports it: logged here (unless the page answers a failure
/// logged already), the status set on the page being rendered (or the server function's own
/// answer), and `message` for the caller.
pub fn for_server_fn(cause: Cause, message: &str) -> leptos::prelude::ServerFnError {
    if leptos::prelude::use_context::<FailureLogged>().is_none() {
        cause.log();
    }
    server_fn_error(cause.status(), message)
}

/// A refusal of the staff check as a server function reports it.
pub fn refusal_for_server_fn(refusal: Refusal) -> leptos::prelude::ServerFnError {
    server_fn_error(refusal.status(), refusal.message())
}

/// A server function's error: `status` set on the page being rendered (or on the server
/// function's own answer), `message` for the caller.
fn server_fn_error(status: StatusCode, message: &str) -> leptos::prelude::ServerFnError {
    if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(status);
    }
    leptos::prelude::ServerFnError::new(message)
}

/// The answer when the server is at its limit of requests in flight: try again in a second.
pub fn overloaded() -> Response {
    (StatusCode::SERVICE_UNAVAILABLE, [(RETRY_AFTER, "1")], "The server is busy; please try again in a moment.")
        .into_response()
}

/// Why the instance is not ready to take requests.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unready {
    /// The database does not answer.
    Unreachable,
    /// The database answers but refuses writes (the store said so once, when they began to fail).
    CannotWrite,
}

/// The readiness check's answer: ready, or not (503) and why.
pub fn readiness(unready: Option<Unready>) -> (StatusCode, &'static str) {
    match unready {
        None => (StatusCode::OK, "ready"),
        Some(Unready::Unreachable) => {
            tracing::warn!("readiness check failed: the database does not answer");
            (StatusCode::SERVICE_UNAVAILABLE, "database unreachable")
        }
        Some(Unready::CannotWrite) => (StatusCode::SERVICE_UNAVAILABLE, "database refuses writes"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failure_is_answered_with_its_cause_s_status_and_the_visitor_s_words() {
        let response =
            Failure::failed(Cause::unavailable("storing a lead", "disk full"), "Please try again.").into_response();
        assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
        let broken = Failure::failed(Cause::broken("hashing a password", "join error"), "No.").into_response();
        assert_eq!(broken.status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(Failure::NotFound("No such lead.").into_response().status(), StatusCode::NOT_FOUND);
        assert_eq!(Failure::Conflict("Erased already.".into()).into_response().status(), StatusCode::CONFLICT);
        assert_eq!(Failure::from(Refusal::NotAllowed).into_response().status(), StatusCode::FORBIDDEN);
    }

    #[test]
    fn a_page_again_carries_what_to_render_under_the_status_it_was_given() {
        let page = FormPage::public(Lang::DEFAULT, "/contact?utm_source=x");
        let response = page.show(StatusCode::TOO_MANY_REQUESTS, "typed".to_string()).retry_after(60u64).into_response();
        assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
        let again = response.extensions().get::<PageAgain>().expect("the page to render travels in the answer");
        let (path, lang, session, _) = again.parts();
        assert_eq!((path, lang, session.is_none()), ("/contact?utm_source=x", Lang::DEFAULT, true));
        assert_eq!(again.headers(), &[(RETRY_AFTER, HeaderValue::from(60u64))]);

        let failed = page.failed(Cause::unavailable("storing a lead", "gone"), ()).into_response();
        assert_eq!(failed.status(), StatusCode::SERVICE_UNAVAILABLE, "a failure's status, whatever was shown before");
    }

    #[test]
    fn an_api_error_is_json_in_the_language_its_messages_are_written_in() {
        let response = ApiError::field("lang", "must be one of: en, es").into_response();
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(response.headers().get("content-language").is_none());
        let es = Lang::new("es");
        let response = ApiError::invalid(Vec::new()).in_language(es).into_response();
        assert_eq!(response.headers()["content-language"], "es");
        assert_eq!(response.headers()["content-type"], "application/json");
        assert_eq!(ApiError::unreadable("not JSON".into()).into_response().status(), StatusCode::BAD_REQUEST);
    }
}
