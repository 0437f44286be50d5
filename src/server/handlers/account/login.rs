//! `POST /inbox/login` and `POST /inbox/logout`.
//!
//! Guessing is throttled (see `attempts`).

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::domain::staff::StaffEmail;
use crate::page_data::inbox::LoginFormState;
use crate::server::auth::password;
use crate::server::auth::session::token_hash;
use crate::server::handlers::account::attempts::{
    begin_session, record_attempt, throttle_check, too_many_message, UNAVAILABLE,
};
use crate::server::handlers::account::two_factor;
use crate::server::http::client_ip::client_ip;
use crate::server::http::failure::{Cause, Failure, FormPage, PageAgain};
use crate::server::http::form::Posted;
use crate::server::http::staff::{authenticate, clear_cookie, safe_next};
use crate::server::http::state::AppState;
use crate::server::store::logins::LoginOutcome;

/// The login form as posted.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct LoginForm {
    email: String,
    password: String,
    /// Where to go once logged in (a path inside the inbox).
    next: String,
}

/// The same words for every failure, so the form does not tell which accounts exist.
const NO_MATCH: &str = "That email and password do not match an active account.";

pub async fn login(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Posted { form, .. }: Posted<LoginForm>,
) -> Result<Response, PageAgain> {
    let email = form.email.trim().to_string();
    let next = safe_next(Some(form.next.as_str()).filter(|n| !n.is_empty()));
    let page = FormPage::signed_out("/inbox/login");
    let typed =
        |error: &str| LoginFormState { email: email.clone(), next: next.clone(), error: Some(error.to_string()) };
    let unavailable = |cause| page.failed(cause, typed(UNAVAILABLE));
    if email.is_empty() || form.password.is_empty() {
        return Err(page.show(StatusCode::UNPROCESSABLE_ENTITY, typed("Enter your email and your password.")));
    }

    let ip = client_ip(peer.ip(), &headers, &state.settings.trusted_proxies).to_string();
    // An address that cannot be an account's is still counted (by what was typed) and refused
    // like any other.
    let account = StaffEmail::parse(&email).ok();
    let account_key = token_hash(account.as_ref().map_or(email.as_str(), StaffEmail::as_str));
    let record = |outcome, user_id| record_attempt(&state, &account_key, &ip, outcome, user_id);

    let wait = throttle_check(&state, &account_key, &ip)
        .await
        .map_err(|e| unavailable(Cause::unavailable("reading login attempts", e)))?;
    if let Some(wait) = wait {
        record(LoginOutcome::Throttled, None).await;
        return Err(page.show(StatusCode::TOO_MANY_REQUESTS, typed(&too_many_message())).retry_after(wait));
    }

    let user = match &account {
        Some(account) => state
            .stores
            .users
            .user_by_email(account)
            .await
            .map_err(|e| unavailable(Cause::unavailable("reading a staff account", e)))?,
        None => None,
    };
    // The password is checked even when there is no such account, against a hash nobody can
    // match, so a missing account takes as long to refuse as a wrong password.
    let stored = match &user {
        Some(user) => user.password_hash.clone(),
        None => password::dummy_hash().await,
    };
    let matches = password::verify(form.password, stored).await;
    let outcome = match &user {
        None => LoginOutcome::UnknownAccount,
        Some(user) if user.disabled => LoginOutcome::Disabled,
        Some(_) if !matches => LoginOutcome::WrongPassword,
        Some(_) => LoginOutcome::Success,
    };
    let user_id = user.as_ref().map(|u| u.id);
    let (Some(user), LoginOutcome::Success) = (user, outcome) else {
        record(outcome, user_id).await;
        return Err(page.show(StatusCode::UNAUTHORIZED, typed(NO_MATCH)));
    };
    // With a second factor, the password only earns the right to enter a code.
    if user.has_two_factor() {
        record(LoginOutcome::CodeAsked, user_id).await;
        return two_factor::ask_for_code(&state, &user, &next)
            .await
            .map_err(|e| unavailable(Cause::unavailable("storing a login challenge", e)));
    }
    record(outcome, user_id).await;
    begin_session(&state, &headers, user.id, &next)
        .await
        .map_err(|e| unavailable(Cause::unavailable("storing a session", e)))
}

/// The logout form as posted.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct LogoutForm {
    /// Any value: end every session of the account, not only this one.
    everywhere: String,
}

/// Ends the session on the server (with `everywhere`, every session of the account), then
/// forgets the cookie. Works, and says goodbye, whether or not the session was still live.
pub async fn logout(
    State(state): State<AppState>,
    headers: HeaderMap,
    Posted { form, .. }: Posted<LogoutForm>,
) -> Result<Response, Failure> {
    if let Ok(Some(auth)) = authenticate(&state, "/inbox/logout", &headers).await {
        let ended = if form.everywhere.is_empty() {
            state.stores.sessions.delete_session(&auth.token_hash).await
        } else {
            state.stores.sessions.delete_sessions_of(auth.user.id).await
        };
        ended.map_err(|e| {
            Failure::failed(
                Cause::unavailable("ending a session", e),
                "The session could not be ended; please try again.",
            )
        })?;
    }
    let mut response = Redirect::to("/inbox/login?bye=1").into_response();
    response.headers_mut().insert(header::SET_COOKIE, clear_cookie());
    Ok(response)
}
