//! What every way of proving who you are shares (a password, a code, a recovery code): counting
//! failed attempts and holding back an account or an address that fails too often, recording
//! each attempt, and starting the session once one succeeds.
//!
//! Guessing is throttled from the attempt log, which every instance shares: 5 failures for one
//! account from one address, 20 for one account from anywhere, or 50 from one address within 15
//! minutes refuse further attempts until older failures leave the window. The per-account limit
//! is four times the per-address one, so one attacker's address locks only itself out, and a
//! spread-out attack can hold an account for at most 15 minutes after it stops.

use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Duration;

use crate::server::auth::session::{new_token, token_hash};
use crate::server::http::cause::Cause;
use crate::server::http::staff::{session_cookie, session_token};
use crate::server::http::state::AppState;
use crate::server::store::logins::{Failures, LoginAttempt, LoginOutcome};
use crate::server::store::StoreError;

/// How far back failed attempts count.
pub const THROTTLE_WINDOW_MINUTES: i64 = 15;

/// Whether another attempt is allowed after these failures in the window.
pub fn throttled(failures: Failures) -> bool {
    failures.account_from_ip >= 5 || failures.account >= 20 || failures.ip >= 50
}

/// Starts a session for a user who has proved who they are, and sends them to `next`. A fresh
/// session id at every login: a session someone planted before cannot be upgraded.
pub async fn begin_session(
    state: &AppState,
    headers: &HeaderMap,
    user_id: i64,
    next: &str,
) -> Result<Response, StoreError> {
    if let Some(old) = session_token(headers) {
        state.stores.sessions.delete_session(&token_hash(&old)).await?;
    }
    let token = new_token();
    state.stores.sessions.create_session(&token_hash(&token), user_id, state.clock.now()).await?;
    let mut response = Redirect::to(next).into_response();
    response.headers_mut().append(header::SET_COOKIE, session_cookie(&token));
    Ok(response)
}

/// The throttling state for an account (by the hash of its email) from an address: `Ok(None)`
/// when another attempt is allowed, else the time to wait in seconds.
pub async fn throttle_check(state: &AppState, account_key: &str, ip: &str) -> Result<Option<i64>, StoreError> {
    let since = state.clock.now() - Duration::minutes(THROTTLE_WINDOW_MINUTES);
    let failures = state.stores.logins.login_failures(account_key, ip, since).await?;
    Ok(throttled(failures).then_some(THROTTLE_WINDOW_MINUTES * 60))
}

/// Records one attempt; the email typed is left out of the log (it may be a password typed in
/// the wrong box).
pub async fn record_attempt(
    state: &AppState,
    account_key: &str,
    ip: &str,
    outcome: LoginOutcome,
    user_id: Option<i64>,
) {
    tracing::info!(outcome = outcome.as_str(), user_id, ip = %ip, "login attempt");
    let attempt = LoginAttempt {
        at: state.clock.now(),
        account_key: account_key.to_string(),
        user_id,
        ip: ip.to_string(),
        outcome,
    };
    if let Err(error) = state.stores.logins.record_login(&attempt).await {
        // The attempt goes on; only its record is missing.
        Cause::unavailable("recording a login attempt", error).log();
    }
}

/// What a refused attempt says when there were too many.
pub fn too_many_message() -> String {
    format!(
        "Too many failed attempts. Please wait {THROTTLE_WINDOW_MINUTES} minutes before trying again, or ask an administrator to set a new password."
    )
}

pub const UNAVAILABLE: &str = "Logging in is unavailable just now; please try again in a moment.";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_address_is_held_back_sooner_than_the_account() {
        let failures = |account, account_from_ip, ip| Failures { account, account_from_ip, ip };
        assert!(!throttled(failures(4, 4, 4)));
        assert!(throttled(failures(5, 5, 5)), "five from one address");
        assert!(!throttled(failures(19, 1, 1)), "a spread-out attack below the account limit");
        assert!(throttled(failures(20, 1, 1)));
        assert!(throttled(failures(0, 0, 50)), "one address trying many accounts");
    }
}
