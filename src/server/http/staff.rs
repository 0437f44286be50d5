//! Who is asking: the session cookie, the guard in front of every `/inbox` route, and the
//! checks each inbox handler and server function makes for itself.

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::cookie::{Cookie, SameSite};

use crate::domain::staff::Role;
use crate::page_data::url::encode;
use crate::server::http::cause::Cause;
use crate::server::http::state::AppState;
use crate::server::store::staff::{live_session_user, session_user, StaffUser};
use crate::server::store::StoreError;

use crate::server::auth::session::token_hash;

/// The session cookie. The `__Host-` prefix makes browsers insist on Secure, Path=/ and no
/// Domain, so no other site or subdomain can set or read it.
pub const SESSION_COOKIE: &str = "__Host-archguide-session";

/// A request made in a live session; put into the request's extensions by the guard.
#[derive(Clone, Debug)]
pub struct Authenticated {
    pub user: StaffUser,
    /// The hash of the session's token (what the database keys sessions by).
    pub token_hash: String,
}

impl Authenticated {
    pub fn is_admin(&self) -> bool {
        self.user.role == Role::Admin
    }
}

/// The session token a request carries, if any.
pub fn session_token(headers: &HeaderMap) -> Option<String> {
    token_in(headers, SESSION_COOKIE)
}

/// The token in the cookie called `name`, if the request carries one.
pub fn token_in(headers: &HeaderMap, name: &str) -> Option<String> {
    let jar = axum_extra::extract::cookie::CookieJar::from_headers(headers);
    // Tokens are 43 characters; anything else is not ours and not worth a database lookup.
    jar.get(name).map(|c| c.value().to_string()).filter(|t| t.len() == 43)
}

/// The cookie that carries a login's challenge between the password and the code.
pub const CHALLENGE_COOKIE: &str = "__Host-archguide-login";
/// Where the second step is.
pub const CODE_PATH: &str = "/inbox/login/code";
/// Where staff manage their second factor.
pub const ACCOUNT_PATH: &str = "/inbox/account";

/// The header an open inbox page sends when it fetches itself again to stay current.
pub const REFRESH_HEADER: &str = "x-inbox-refresh";

/// The stream that tells open inbox pages about changes.
pub const EVENTS_PATH: &str = "/inbox/events";

/// Whether a request was made by an open page on its own (its event stream, its refreshes)
/// rather than by a person: it is checked like any other, but does not count as a use of the
/// session, so a tab left open does not keep an unattended session alive.
pub fn made_by_the_page(path: &str, headers: &HeaderMap) -> bool {
    path == EVENTS_PATH || headers.contains_key(REFRESH_HEADER)
}

/// The live session a request carries, if it carries one. A live session's last use moves to
/// now, unless the page made the request on its own (`made_by_the_page`).
pub async fn authenticate(
    state: &AppState,
    path: &str,
    headers: &HeaderMap,
) -> Result<Option<Authenticated>, StoreError> {
    let Some(token) = session_token(headers) else { return Ok(None) };
    let hash = token_hash(&token);
    let (sessions, now, policy) = (&*state.stores.sessions, state.clock.now(), &state.session_policy);
    let user = if made_by_the_page(path, headers) {
        live_session_user(sessions, &hash, now, policy).await?
    } else {
        session_user(sessions, &hash, now, policy).await?
    };
    Ok(user.map(|user| Authenticated { user, token_hash: hash }))
}

/// Whether a session found earlier is still live, without counting as a use.
pub async fn still_live(state: &AppState, session: &Authenticated) -> Result<bool, StoreError> {
    let user =
        live_session_user(&*state.stores.sessions, &session.token_hash, state.clock.now(), &state.session_policy)
            .await?;
    Ok(user.is_some_and(|user| user.id == session.user.id))
}

/// Where an account without a second factor may go while every account must have one: its
/// account page (and the server function behind it) to set one up.
pub fn open_before_second_factor(path: &str) -> bool {
    path == ACCOUNT_PATH || path.starts_with("/inbox/account/") || path == "/inbox/api/account"
}

/// Whether the policy lets this session reach `path`.
fn policy_allows(state: &AppState, auth: &Authenticated, path: &str) -> bool {
    !state.settings.require_two_factor || auth.user.has_two_factor() || open_before_second_factor(path)
}

/// The session found by the guard, or (when called without it) looked up now.
pub async fn require(state: &AppState, parts: &axum::http::request::Parts) -> Result<Authenticated, Refusal> {
    if let Some(auth) = parts.extensions.get::<Authenticated>() {
        return Ok(auth.clone());
    }
    match authenticate(state, parts.uri.path(), &parts.headers).await {
        Ok(Some(auth)) if !policy_allows(state, &auth, parts.uri.path()) => Err(Refusal::SecondFactorFirst),
        Ok(Some(auth)) => Ok(auth),
        Ok(None) => Err(Refusal::NotLoggedIn),
        Err(error) => Err(Refusal::unavailable(Cause::unavailable("reading a session", error))),
    }
}

/// Like `require`, for admin-only actions.
pub async fn require_admin(state: &AppState, parts: &axum::http::request::Parts) -> Result<Authenticated, Refusal> {
    let auth = require(state, parts).await?;
    if auth.is_admin() {
        Ok(auth)
    } else {
        Err(Refusal::NotAllowed)
    }
}

/// A handler argument: the request's live session, or a refusal before the handler runs.
pub struct Staff(pub Authenticated);

impl axum::extract::FromRequestParts<AppState> for Staff {
    type Rejection = Refusal;

    async fn from_request_parts(parts: &mut axum::http::request::Parts, state: &AppState) -> Result<Self, Refusal> {
        require(state, parts).await.map(Staff)
    }
}

/// A handler argument: the request's live session of an administrator.
pub struct Admin(pub Authenticated);

impl axum::extract::FromRequestParts<AppState> for Admin {
    type Rejection = Refusal;

    async fn from_request_parts(parts: &mut axum::http::request::Parts, state: &AppState) -> Result<Self, Refusal> {
        require_admin(state, parts).await.map(Admin)
    }
}

/// Why a request was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// No live session: 401 (or, for a page, a redirect to the login).
    NotLoggedIn,
    /// A live session without the right role: 403.
    NotAllowed,
    /// Sessions cannot be read just now: 503.
    Unavailable,
    /// Every account must have a second factor and this one has none yet: 403 (a page goes to
    /// the account page to set it up).
    SecondFactorFirst,
}

impl Refusal {
    /// The check could not be made: `cause` logged (once, here), and the request refused.
    pub fn unavailable(cause: Cause) -> Refusal {
        cause.log();
        Refusal::Unavailable
    }

    pub fn status(self) -> StatusCode {
        match self {
            Refusal::NotLoggedIn => StatusCode::UNAUTHORIZED,
            Refusal::NotAllowed | Refusal::SecondFactorFirst => StatusCode::FORBIDDEN,
            Refusal::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
        }
    }

    pub fn message(self) -> &'static str {
        match self {
            Refusal::NotLoggedIn => "Please log in to the inbox.",
            Refusal::NotAllowed => "Only an administrator can do that.",
            Refusal::Unavailable => "The inbox is unavailable just now; please try again in a moment.",
            Refusal::SecondFactorFirst => {
                "Every account here needs two-factor authentication: set it up on your account page first."
            }
        }
    }
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        let (href, link) = match self {
            Refusal::SecondFactorFirst => (ACCOUNT_PATH, "Set it up"),
            _ => ("/inbox/login", "Log in"),
        };
        let body = format!(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{0}</title></head>\
             <body><h1>{0}</h1><p><a href=\"{href}\">{link}</a></p></body></html>",
            self.message()
        );
        let mut response = (self.status(), [(header::CONTENT_TYPE, "text/html; charset=utf-8")], body).into_response();
        if self == Refusal::NotLoggedIn {
            response.headers_mut().insert(header::SET_COOKIE, clear_cookie());
        }
        response
    }
}

/// Whether a path belongs to the staff area.
pub fn is_inbox_path(path: &str) -> bool {
    path == "/inbox" || path.starts_with("/inbox/")
}

/// Stands in front of every `/inbox` route except the login and logout: pages without a live
/// session redirect to the login (and come back afterwards); anything else answers 401. Where
/// every account must have a second factor, an account without one reaches only its account
/// page. The session found travels on in the request, and every staff response is marked
/// private.
pub async fn guard(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let path = request.uri().path().to_string();
    if !is_inbox_path(&path) {
        return next.run(request).await;
    }
    // The login, its second step and the logout work without a session (the logout ends one if
    // there is one).
    let mut response = if path == "/inbox/login" || path == CODE_PATH || path == "/inbox/logout" {
        next.run(request).await
    } else {
        match authenticate(&state, &path, request.headers()).await {
            Ok(Some(auth)) if !policy_allows(&state, &auth, &path) => {
                if matches!(*request.method(), Method::GET | Method::HEAD)
                    && path != EVENTS_PATH
                    && !path.starts_with("/inbox/api/")
                {
                    Redirect::to(ACCOUNT_PATH).into_response()
                } else {
                    Refusal::SecondFactorFirst.into_response()
                }
            }
            Ok(Some(auth)) => {
                request.extensions_mut().insert(auth);
                next.run(request).await
            }
            // The event stream is no page: a browser's EventSource cannot follow a login.
            Ok(None) if matches!(*request.method(), Method::GET | Method::HEAD) && path != EVENTS_PATH => {
                let back = request.uri().path_and_query().map(|p| p.as_str()).unwrap_or("/inbox");
                let mut response = Redirect::to(&format!("/inbox/login?next={}", encode(back))).into_response();
                response.headers_mut().insert(header::SET_COOKIE, clear_cookie());
                response
            }
            Ok(None) => Refusal::NotLoggedIn.into_response(),
            Err(error) => Refusal::unavailable(Cause::unavailable("reading a session", error)).into_response(),
        }
    };
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// Where to go after logging in: only a path inside the inbox, so the login page cannot be used
/// to send someone elsewhere.
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(next) if is_inbox_path(next.split(['?', '#']).next().unwrap_or_default()) && !next.contains('\\') => {
            next.to_string()
        }
        _ => "/inbox".to_string(),
    }
}

/// The cookie that carries a new session's token.
pub fn session_cookie(token: &str) -> HeaderValue {
    token_cookie(SESSION_COOKIE, token)
}

/// Removes the session cookie from the browser.
pub fn clear_cookie() -> HeaderValue {
    removal(SESSION_COOKIE)
}

fn host_cookie(name: &str, value: &str) -> Cookie<'static> {
    Cookie::build((name.to_string(), value.to_string()))
        .path("/")
        .secure(true)
        .http_only(true)
        .same_site(SameSite::Strict)
        .build()
}

/// A `__Host-` cookie called `name` carrying `token`: `Secure`, `HttpOnly`, `SameSite=Strict`,
/// `Path=/`.
pub fn token_cookie(name: &str, token: &str) -> HeaderValue {
    HeaderValue::from_str(&host_cookie(name, token).to_string()).expect("a token is a valid header value")
}

/// Removes the cookie called `name` from the browser.
pub fn removal(name: &str) -> HeaderValue {
    let mut cookie = host_cookie(name, "");
    cookie.make_removal();
    HeaderValue::from_str(&cookie.to_string()).expect("a valid header value")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cookie_is_host_only_secure_http_only_and_strict() {
        let value = session_cookie("abc").to_str().unwrap().to_string();
        for part in ["__Host-archguide-session=abc", "Path=/", "Secure", "HttpOnly", "SameSite=Strict"] {
            assert!(value.contains(part), "{value} lacks {part}");
        }
        assert!(!value.contains("Domain"), "{value}");
        assert!(clear_cookie().to_str().unwrap().contains("Max-Age=0"));
    }

    #[test]
    fn after_login_only_inbox_paths_are_followed() {
        assert_eq!(safe_next(Some("/inbox/leads/AG-7K2Q9M?x=1")), "/inbox/leads/AG-7K2Q9M?x=1");
        assert_eq!(safe_next(Some("/inbox")), "/inbox");
        for bad in ["https://evil.example/inbox", "//evil.example/inbox", "/inboxes", "/\\evil.example", "/inbox/\\x"] {
            assert_eq!(safe_next(Some(bad)), "/inbox", "{bad}");
        }
        assert_eq!(safe_next(None), "/inbox");
    }
}
