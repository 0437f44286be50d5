//! The second factor: the login's second step, and what checking a code takes (the sealed
//! secret opened with the server's key, the code's time step used up). Setting it up, moving it
//! and turning it off are on the account page (`account.rs`).
//!
//! After a correct password, an account with a second factor gets a challenge: a random token
//! in its own cookie, stored only as a hash, that lives five minutes and grants nothing but the
//! right to enter a code. The session is created only when the code is right. A code is accepted
//! once (its time step must be later than the last one accepted), wrong codes count toward the
//! login throttling like wrong passwords, and recovery codes are single-use hashes.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Duration;
use serde::Deserialize;

use crate::domain::staff::second_factor::{classify, TypedCode, CHALLENGE_MINUTES};
use crate::page_data::inbox::{CodeFormState, LoginFormState};
use crate::server::auth::sealing::SealError;
use crate::server::auth::session::{new_token, token_hash};
use crate::server::auth::totp::Authenticator;
use crate::server::handlers::account::attempts::{
    begin_session, record_attempt, throttle_check, too_many_message, UNAVAILABLE,
};
use crate::server::http::client_ip::client_ip;
use crate::server::http::failure::{Cause, FormPage, PageAgain};
use crate::server::http::form::Posted;
use crate::server::http::staff::{removal, token_cookie, token_in};
use crate::server::http::staff::{CHALLENGE_COOKIE, CODE_PATH};
use crate::server::http::state::AppState;
use crate::server::store::logins::LoginOutcome;
use crate::server::store::staff::StaffUser;
use crate::server::store::StoreError;

/// Why a second factor could not be checked or set up.
#[derive(Debug, thiserror::Error)]
pub enum FactorError {
    #[error("the server has no ARCHGUIDE_SECRET_KEY to seal second-factor secrets with")]
    NoKey,
    #[error("a sealed second-factor secret did not open: {0}")]
    Sealed(#[from] SealError),
    #[error("a second-factor secret is unusable: {0}")]
    Secret(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl FactorError {
    /// The failure as a request reports it: the store's may pass in a moment, the rest need an
    /// administrator.
    pub(super) fn cause(&self) -> Cause {
        match self {
            FactorError::Store(error) => Cause::unavailable("checking a second factor", error),
            other => Cause::unavailable("using a second-factor secret", other),
        }
    }
}

/// Where a sealed secret belongs: one account's.
pub(super) fn context(user: &StaffUser) -> String {
    format!("totp:{}", user.id)
}

/// The account's authenticator from a sealed secret.
pub(super) fn opened(state: &AppState, user: &StaffUser, sealed: &str) -> Result<Authenticator, FactorError> {
    let key = state.settings.secret_key.as_ref().ok_or(FactorError::NoKey)?;
    let secret = key.open(sealed, &context(user))?;
    Authenticator::new(secret, &state.settings.brand.name, user.email.as_str()).map_err(FactorError::Secret)
}

pub(super) fn now_seconds(state: &AppState) -> u64 {
    u64::try_from(state.clock.now().timestamp()).unwrap_or_default()
}

/// Checks an app's code against a sealed secret and, if it is right, uses it up.
pub(super) async fn use_totp(
    state: &AppState,
    user: &StaffUser,
    sealed: &str,
    code: &str,
) -> Result<bool, FactorError> {
    let Some(step) = opened(state, user, sealed)?.accepted_step(code, now_seconds(state)) else { return Ok(false) };
    let step = i64::try_from(step).map_err(|_| FactorError::Secret("time step out of range".into()))?;
    Ok(state.stores.two_factor.accept_totp_step(user.id, step).await?)
}

fn challenge_cookie(token: &str) -> HeaderValue {
    // The browser forgets it when the server would refuse it anyway.
    let cookie = format!(
        "{}; Max-Age={}",
        token_cookie(CHALLENGE_COOKIE, token).to_str().unwrap_or_default(),
        CHALLENGE_MINUTES * 60
    );
    HeaderValue::from_str(&cookie).expect("a token is a valid header value")
}

/// After a correct password: remembers the login for a few minutes and asks for the code.
pub async fn ask_for_code(state: &AppState, user: &StaffUser, next: &str) -> Result<Response, StoreError> {
    let token = new_token();
    let now = state.clock.now();
    let expired_before = now - Duration::minutes(CHALLENGE_MINUTES);
    state.stores.two_factor.create_challenge(&token_hash(&token), user.id, next, now, expired_before).await?;
    let mut response = Redirect::to(CODE_PATH).into_response();
    response.headers_mut().append(header::SET_COOKIE, challenge_cookie(&token));
    Ok(response)
}

/// The code form again, saying why.
fn code_page(status: StatusCode, error: &str) -> PageAgain {
    FormPage::signed_out(CODE_PATH).show(status, CodeFormState { error: Some(error.to_string()) })
}

/// The code form again after a failure.
fn code_failed(cause: Cause, error: &str) -> PageAgain {
    FormPage::signed_out(CODE_PATH).failed(cause, CodeFormState { error: Some(error.to_string()) })
}

/// Back to the password, with the reason, and without the challenge.
fn start_again(status: StatusCode, error: String) -> PageAgain {
    let form = LoginFormState { error: Some(error), ..LoginFormState::default() };
    FormPage::signed_out("/inbox/login").show(status, form).with_header(header::SET_COOKIE, removal(CHALLENGE_COOKIE))
}

const WRONG_CODE: &str =
    "That code is not right, or it was used already. Enter the code your app shows now, or one of your recovery codes.";
const NO_KEY: &str = "The server cannot check codes from your app just now (its key is missing or has changed). Use one of your recovery codes, or ask an administrator.";

/// A code form as posted: the login's second step, or confirming a new authenticator.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CodeForm {
    /// A code from the app, or a recovery code.
    pub code: String,
}

/// `POST /inbox/login/code`: the second step.
pub async fn second_step(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Posted { form, .. }: Posted<CodeForm>,
) -> Result<Response, PageAgain> {
    let expired = "That login took too long or has ended; please enter your email and password again.";
    let Some(token) = token_in(&headers, CHALLENGE_COOKIE) else {
        return Err(start_again(StatusCode::UNAUTHORIZED, expired.into()));
    };
    let hash = token_hash(&token);
    let challenge = state
        .stores
        .two_factor
        .challenge(&hash)
        .await
        .map_err(|e| code_failed(Cause::unavailable("reading a login challenge", e), UNAVAILABLE))?;
    let now = state.clock.now();
    let challenge = challenge.filter(|c| {
        now - c.created_at < Duration::minutes(CHALLENGE_MINUTES) && !c.user.disabled && c.user.has_two_factor()
    });
    let Some(challenge) = challenge else {
        let _ = state.stores.two_factor.delete_challenge(&hash).await;
        return Err(start_again(StatusCode::UNAUTHORIZED, expired.into()));
    };
    let user = challenge.user;
    let ip = client_ip(peer.ip(), &headers, &state.settings.trusted_proxies).to_string();
    let account_key = token_hash(user.email.as_str());
    let record = |outcome| record_attempt(&state, &account_key, &ip, outcome, Some(user.id));
    let wait = throttle_check(&state, &account_key, &ip)
        .await
        .map_err(|e| code_failed(Cause::unavailable("reading login attempts", e), UNAVAILABLE))?;
    if let Some(wait) = wait {
        record(LoginOutcome::Throttled).await;
        let _ = state.stores.two_factor.delete_challenge(&hash).await;
        return Err(start_again(StatusCode::TOO_MANY_REQUESTS, too_many_message()).retry_after(wait));
    }

    let sealed = user.totp_secret.clone().unwrap_or_default();
    let checked = match classify(&form.code) {
        TypedCode::Malformed => {
            let message = "Enter the 6-digit code your app shows, or one of your recovery codes.";
            return Err(code_page(StatusCode::UNPROCESSABLE_ENTITY, message));
        }
        TypedCode::Totp(code) => {
            use_totp(&state, &user, &sealed, &code).await.map(|ok| ok.then_some(LoginOutcome::Success))
        }
        TypedCode::Recovery(code) => state
            .stores
            .two_factor
            .use_recovery_code(user.id, &token_hash(&code), now)
            .await
            .map(|ok| ok.then_some(LoginOutcome::RecoveryCode))
            .map_err(FactorError::from),
    };
    let outcome = checked.map_err(|error| match error {
        FactorError::Store(_) => code_failed(error.cause(), UNAVAILABLE),
        _ => code_failed(error.cause(), NO_KEY),
    })?;
    let Some(outcome) = outcome else {
        record(LoginOutcome::WrongCode).await;
        return Err(code_page(StatusCode::UNAUTHORIZED, WRONG_CODE));
    };
    record(outcome).await;
    if let Err(error) = state.stores.two_factor.delete_challenge(&hash).await {
        // The challenge expires by itself; the login goes on.
        Cause::unavailable("ending a login challenge", error).log();
    }
    let mut response = begin_session(&state, &headers, user.id, &challenge.next)
        .await
        .map_err(|e| code_failed(Cause::unavailable("storing a session", e), UNAVAILABLE))?;
    response.headers_mut().append(header::SET_COOKIE, removal(CHALLENGE_COOKIE));
    Ok(response)
}
