//! The second factor: the login's second step, and what checking a code takes (the sealed
//! secret opened with the server's key, the code's time step used up). Setting it up, moving it
//! and turning it off are on the account page (`account.rs`).
//!
//! After a correct password, an account with a second factor gets a challenge: a random token
//! in its own cookie, stored only as a hash, that lives five minutes and grants nothing but the
//! right to enter a code. The session is created only when the code is right. A code is accepted
//! once (its time step must be later than the last one accepted), wrong codes count toward the
//! login throttling like wrong passwords, and recovery codes are single-use hashes.

use crate::domain::lang::Lang;
use std::net::SocketAddr;

use axum::extract::{ConnectInfo, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use chrono::Duration;

use crate::domain::staff::second_factor::{classify, TypedCode, CHALLENGE_MINUTES};
use crate::page_data::inbox::{CodeFormState, LoginFormState};
use crate::server::http::client_ip::client_ip;
use crate::server::http::form::field;
use crate::server::http::render::page_with;
use crate::server::http::state::AppState;
use crate::server::store::logins::LoginOutcome;
use crate::server::store::staff::StaffUser;
use crate::server::store::StoreError;

use crate::server::auth::sealing::SealError;
use crate::server::auth::session::{new_token, token_hash};
use crate::server::auth::totp::Authenticator;
use crate::server::handlers::account::attempts::{
    begin_session, record_attempt, throttle_check, too_many_message, UNAVAILABLE,
};
use crate::server::http::staff::{removal, token_cookie, token_in};
use crate::server::http::staff::{CHALLENGE_COOKIE, CODE_PATH};

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
    pub(super) fn log(&self) {
        tracing::error!(error = %self, "second factor");
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

async fn code_page(state: &AppState, error: &str, status: StatusCode) -> Response {
    page_with(state, Lang::DEFAULT, CODE_PATH, CodeFormState { error: Some(error.to_string()) }, status, None).await
}

/// Back to the password, with the reason, and without the challenge.
async fn start_again(state: &AppState, error: String, status: StatusCode) -> Response {
    let form = LoginFormState { error: Some(error), ..LoginFormState::default() };
    let mut response = page_with(state, Lang::DEFAULT, "/inbox/login", form, status, None).await;
    response.headers_mut().append(header::SET_COOKIE, removal(CHALLENGE_COOKIE));
    response
}

const WRONG_CODE: &str =
    "That code is not right, or it was used already. Enter the code your app shows now, or one of your recovery codes.";
const NO_KEY: &str = "The server cannot check codes from your app just now (its key is missing or has changed). Use one of your recovery codes, or ask an administrator.";

/// `POST /inbox/login/code`: the second step.
pub async fn second_step(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Form(raw): Form<Vec<(String, String)>>,
) -> Response {
    let expired = "That login took too long or has ended; please enter your email and password again.";
    let Some(token) = token_in(&headers, CHALLENGE_COOKIE) else {
        return start_again(&state, expired.into(), StatusCode::UNAUTHORIZED).await;
    };
    let hash = token_hash(&token);
    let challenge = match state.stores.two_factor.challenge(&hash).await {
        Ok(challenge) => challenge,
        Err(error) => {
            tracing::error!(%error, "reading a login challenge failed");
            return code_page(&state, UNAVAILABLE, StatusCode::SERVICE_UNAVAILABLE).await;
        }
    };
    let now = state.clock.now();
    let challenge = challenge.filter(|c| {
        now - c.created_at < Duration::minutes(CHALLENGE_MINUTES) && !c.user.disabled && c.user.has_two_factor()
    });
    let Some(challenge) = challenge else {
        let _ = state.stores.two_factor.delete_challenge(&hash).await;
        return start_again(&state, expired.into(), StatusCode::UNAUTHORIZED).await;
    };
    let user = challenge.user;
    let ip = client_ip(peer.ip(), &headers, &state.settings.trusted_proxies).to_string();
    let account_key = token_hash(user.email.as_str());
    let record = |outcome| record_attempt(&state, &account_key, &ip, outcome, Some(user.id));
    match throttle_check(&state, &account_key, &ip).await {
        Ok(None) => {}
        Ok(Some(wait)) => {
            record(LoginOutcome::Throttled).await;
            let _ = state.stores.two_factor.delete_challenge(&hash).await;
            let mut response = start_again(&state, too_many_message(), StatusCode::TOO_MANY_REQUESTS).await;
            response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(wait));
            return response;
        }
        Err(error) => {
            tracing::error!(%error, "reading login attempts failed");
            return code_page(&state, UNAVAILABLE, StatusCode::SERVICE_UNAVAILABLE).await;
        }
    }

    let sealed = user.totp_secret.clone().unwrap_or_default();
    let checked = match classify(field(&raw, "code")) {
        TypedCode::Malformed => {
            let message = "Enter the 6-digit code your app shows, or one of your recovery codes.";
            return code_page(&state, message, StatusCode::UNPROCESSABLE_ENTITY).await;
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
    let outcome = match checked {
        Ok(Some(outcome)) => outcome,
        Ok(None) => {
            record(LoginOutcome::WrongCode).await;
            return code_page(&state, WRONG_CODE, StatusCode::UNAUTHORIZED).await;
        }
        Err(FactorError::Store(error)) => {
            tracing::error!(%error, "checking a code failed");
            return code_page(&state, UNAVAILABLE, StatusCode::SERVICE_UNAVAILABLE).await;
        }
        Err(error) => {
            error.log();
            return code_page(&state, NO_KEY, StatusCode::SERVICE_UNAVAILABLE).await;
        }
    };
    record(outcome).await;
    if let Err(error) = state.stores.two_factor.delete_challenge(&hash).await {
        tracing::error!(%error, "ending a login challenge failed");
    }
    match begin_session(&state, &headers, user.id, &challenge.next).await {
        Ok(mut response) => {
            response.headers_mut().append(header::SET_COOKIE, removal(CHALLENGE_COOKIE));
            response
        }
        Err(error) => {
            tracing::error!(%error, "storing a session failed");
            code_page(&state, UNAVAILABLE, StatusCode::SERVICE_UNAVAILABLE).await
        }
    }
}
