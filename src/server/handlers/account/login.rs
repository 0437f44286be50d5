//! `POST /inbox/login` and `POST /inbox/logout`.
//!
//! Guessing is throttled (see `attempts`).

use crate::domain::lang::Lang;
use std::net::SocketAddr;

use axum::extract::{ConnectInfo, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;

use crate::domain::staff::StaffEmail;
use crate::page_data::inbox::LoginFormState;
use crate::server::http::client_ip::client_ip;
use crate::server::http::form::field;
use crate::server::http::render::page_with;
use crate::server::http::state::AppState;
use crate::server::store::logins::LoginOutcome;

use crate::server::auth::password;
use crate::server::auth::session::token_hash;
use crate::server::handlers::account::attempts::{
    begin_session, record_attempt, throttle_check, too_many_message, UNAVAILABLE,
};
use crate::server::handlers::account::two_factor;
use crate::server::http::staff::{authenticate, clear_cookie, safe_next};

/// The same words for every failure, so the form does not tell which accounts exist.
const NO_MATCH: &str = "That email and password do not match an active account.";

pub async fn login(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Form(raw): Form<Vec<(String, String)>>,
) -> Response {
    let email = field(&raw, "email").trim().to_string();
    let password = field(&raw, "password").to_string();
    let next = safe_next(Some(field(&raw, "next")).filter(|n| !n.is_empty()));
    let again = |error: String, status| {
        let form = LoginFormState { email: email.clone(), next: next.clone(), error: Some(error) };
        let state = state.clone();
        async move { page_with(&state, Lang::DEFAULT, "/inbox/login", form, status, None).await }
    };
    if email.is_empty() || password.is_empty() {
        return again("Enter your email and your password.".into(), StatusCode::UNPROCESSABLE_ENTITY).await;
    }

    let ip = client_ip(peer.ip(), &headers, &state.settings.trusted_proxies).to_string();
    // An address that cannot be an account's is still counted (by what was typed) and refused
    // like any other.
    let account = StaffEmail::parse(&email).ok();
    let account_key = token_hash(account.as_ref().map_or(email.as_str(), StaffEmail::as_str));
    let record = |outcome, user_id| record_attempt(&state, &account_key, &ip, outcome, user_id);

    match throttle_check(&state, &account_key, &ip).await {
        Ok(None) => {}
        Ok(Some(wait)) => {
            record(LoginOutcome::Throttled, None).await;
            let mut response = again(too_many_message(), StatusCode::TOO_MANY_REQUESTS).await;
            response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(wait));
            return response;
        }
        Err(error) => {
            tracing::error!(%error, "reading login attempts failed");
            return again(UNAVAILABLE.into(), StatusCode::SERVICE_UNAVAILABLE).await;
        }
    }

    let found = match &account {
        Some(account) => state.stores.users.user_by_email(account).await,
        None => Ok(None),
    };
    let user = match found {
        Ok(user) => user,
        Err(error) => {
            tracing::error!(%error, "reading a staff account failed");
            return again(UNAVAILABLE.into(), StatusCode::SERVICE_UNAVAILABLE).await;
        }
    };
    // The password is checked even when there is no such account, against a hash nobody can
    // match, so a missing account takes as long to refuse as a wrong password.
    let stored = match &user {
        Some(user) => user.password_hash.clone(),
        None => password::dummy_hash().await,
    };
    let matches = password::verify(password, stored).await;
    let outcome = match &user {
        None => LoginOutcome::UnknownAccount,
        Some(user) if user.disabled => LoginOutcome::Disabled,
        Some(_) if !matches => LoginOutcome::WrongPassword,
        Some(_) => LoginOutcome::Success,
    };
    let user_id = user.as_ref().map(|u| u.id);
    let (Some(user), LoginOutcome::Success) = (user, outcome) else {
        record(outcome, user_id).await;
        return again(NO_MATCH.into(), StatusCode::UNAUTHORIZED).await;
    };
    // With a second factor, the password only earns the right to enter a code.
    if user.has_two_factor() {
        record(LoginOutcome::CodeAsked, user_id).await;
        return match two_factor::ask_for_code(&state, &user, &next).await {
            Ok(response) => response,
            Err(error) => {
                tracing::error!(%error, "storing a login challenge failed");
                again(UNAVAILABLE.into(), StatusCode::SERVICE_UNAVAILABLE).await
            }
        };
    }
    record(outcome, user_id).await;
    match begin_session(&state, &headers, user.id, &next).await {
        Ok(response) => response,
        Err(error) => {
            tracing::error!(%error, "storing a session failed");
            again(UNAVAILABLE.into(), StatusCode::SERVICE_UNAVAILABLE).await
        }
    }
}

/// Ends the session on the server (with `everywhere`, every session of the account), then
/// forgets the cookie. Works, and says goodbye, whether or not the session was still live.
pub async fn logout(
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(raw): Form<Vec<(String, String)>>,
) -> Response {
    if let Ok(Some(auth)) = authenticate(&state, "/inbox/logout", &headers).await {
        let ended = if field(&raw, "everywhere").is_empty() {
            state.stores.sessions.delete_session(&auth.token_hash).await
        } else {
            state.stores.sessions.delete_sessions_of(auth.user.id).await
        };
        if let Err(error) = ended {
            tracing::error!(%error, "ending a session failed");
            return (StatusCode::SERVICE_UNAVAILABLE, "The session could not be ended; please try again.")
                .into_response();
        }
    }
    let mut response = Redirect::to("/inbox/login?bye=1").into_response();
    response.headers_mut().insert(header::SET_COOKIE, clear_cookie());
    response
}
