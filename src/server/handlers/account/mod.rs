//! `/inbox/account`'s actions: a signed-in staff member sets up a second factor (confirmed by a
//! code before it takes effect), moves it to a new phone, renews recovery codes and turns it
//! off, the last two with a current code or the password again.

pub mod attempts;
pub mod calls;
pub mod login;
pub mod two_factor;

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::domain::field_error::FieldError;
use crate::domain::staff::second_factor::{classify, show_recovery_code, show_secret, TypedCode};
use crate::page_data::inbox::{AccountFormState, AccountView, TotpSetup};
use crate::server::auth::password;
use crate::server::auth::session::token_hash;
use crate::server::auth::totp::{new_recovery_codes, Authenticator};
use crate::server::handlers::account::attempts::{record_attempt, throttle_check, too_many_message};
use crate::server::handlers::account::two_factor::{context, now_seconds, opened, use_totp, CodeForm, FactorError};
use crate::server::handlers::inbox::views::{minute, viewer};
use crate::server::http::client_ip::client_ip;
use crate::server::http::failure::{Cause, FormPage, PageAgain};
use crate::server::http::form::Posted;
use crate::server::http::staff::ACCOUNT_PATH;
use crate::server::http::staff::{Authenticated, Staff};
use crate::server::http::state::AppState;
use crate::server::store::logins::LoginOutcome;
use crate::server::store::staff::StaffUser;
use crate::server::store::two_factor::Enable;
use crate::server::store::StoreError;

/// What the account page shows the signed-in staff member.
pub async fn account_view(state: &AppState, session: &Authenticated) -> Result<AccountView, StoreError> {
    let user = &session.user;
    let recovery_codes_left =
        if user.has_two_factor() { state.stores.two_factor.recovery_codes_left(user.id).await? } else { 0 };
    let setup = match user.totp_pending.as_deref().map(|sealed| opened(state, user, sealed)) {
        Some(Ok(auth)) => match auth.qr_svg() {
            Ok(qr_svg) => Some(TotpSetup { secret: show_secret(&auth.secret_base32()), qr_svg }),
            Err(error) => {
                // The page still shows the secret's words to type in.
                Cause::broken("drawing a QR code", error).log();
                None
            }
        },
        Some(Err(error)) => {
            error.cause().log();
            None
        }
        None => None,
    };
    Ok(AccountView {
        viewer: viewer(session),
        two_factor_since: user.two_factor_since.map(minute),
        recovery_codes_left,
        can_set_up: state.settings.secret_key.is_some(),
        required: state.settings.require_two_factor,
        setup,
        calls: calls::calls_view(state, user.id).await?,
    })
}

fn account_page(session: &Authenticated) -> FormPage {
    FormPage::staff(ACCOUNT_PATH, session)
}

fn problem(field: &str, message: &str) -> AccountFormState {
    AccountFormState { errors: vec![FieldError::new(field, message)], ..AccountFormState::default() }
}

fn notice(message: &str) -> AccountFormState {
    AccountFormState { notice: Some(message.to_string()), ..AccountFormState::default() }
}

/// `POST /inbox/account/two-factor/start`: a new secret to scan, kept (sealed) until a code
/// confirms it. With a second factor already on, confirming it moves the account to the new
/// device.
pub async fn start_setup(State(state): State<AppState>, Staff(session): Staff) -> Result<Response, PageAgain> {
    let page = account_page(&session);
    let Some(key) = state.settings.secret_key.as_ref() else {
        let message = "Two-factor authentication cannot be set up on this server yet: an administrator must set ARCHGUIDE_SECRET_KEY.";
        return Err(page.show(StatusCode::CONFLICT, notice(message)));
    };
    let sealed = key.seal(&Authenticator::new_secret(), &context(&session.user));
    state.stores.two_factor.set_pending_totp(session.user.id, &sealed).await.map_err(|e| {
        let message = "The set-up could not start just now; please try again in a moment.";
        page.failed(Cause::unavailable("storing a new second-factor secret", e), notice(message))
    })?;
    Ok(Redirect::to(&format!("{ACCOUNT_PATH}#set-up")).into_response())
}

/// Hashes of new recovery codes, and the codes as their owner is shown them once.
fn fresh_recovery_codes() -> (Vec<String>, Vec<String>) {
    let codes = new_recovery_codes();
    (codes.iter().map(|c| token_hash(c)).collect(), codes.iter().map(|c| show_recovery_code(c)).collect())
}

/// `POST /inbox/account/two-factor/confirm`: a code from the app confirms the new secret; the
/// second factor is on (or moved), and ten recovery codes are shown, once.
pub async fn confirm_setup(
    State(state): State<AppState>,
    Staff(session): Staff,
    Posted { form, .. }: Posted<CodeForm>,
) -> Result<Response, PageAgain> {
    let page = account_page(&session);
    let user = &session.user;
    let Some(sealed) = user.totp_pending.clone() else {
        let message = "There is no set-up in progress; start it again.";
        return Err(page.show(StatusCode::CONFLICT, notice(message)));
    };
    let TypedCode::Totp(code) = classify(&form.code) else {
        let form = problem("code", "Enter the 6-digit code your app shows for this account.");
        return Err(page.show(StatusCode::UNPROCESSABLE_ENTITY, form));
    };
    let auth = opened(&state, user, &sealed).map_err(|error| {
        error.cause().log();
        let message = "The set-up cannot be finished with the server's current key; start it again.";
        page.show(StatusCode::CONFLICT, notice(message))
    })?;
    let Some(step) = auth.accepted_step(&code, now_seconds(&state)).and_then(|s| i64::try_from(s).ok()) else {
        let form = problem("code", "That code does not match. Check that the app shows this account, and that the phone's clock is right, then enter the code it shows now.");
        return Err(page.show(StatusCode::UNPROCESSABLE_ENTITY, form));
    };
    let (hashes, shown) = fresh_recovery_codes();
    let enable = Enable {
        user_id: user.id,
        sealed_secret: &sealed,
        step,
        recovery_hashes: &hashes,
        keep_session: Some(&session.token_hash),
        at: state.clock.now(),
    };
    let enabled = state.stores.two_factor.enable_totp(enable).await.map_err(|e| {
        let message = "Two-factor authentication could not be turned on just now; nothing changed. Please try again.";
        page.failed(Cause::unavailable("turning the second factor on", e), notice(message))
    })?;
    if !enabled {
        let message = "The set-up changed meanwhile (in another tab?); scan the code shown now.";
        return Err(page.show(StatusCode::CONFLICT, notice(message)));
    }
    tracing::info!(user_id = user.id, replaced = user.has_two_factor(), "second factor turned on");
    let session = refreshed(&state, &session).await;
    let form = codes_shown("Two-factor authentication is on. Logging in now takes a code from your app.", shown);
    Ok(page.in_session(&session).show(StatusCode::OK, form).into_response())
}

/// The session with its account read again (after the account changed).
async fn refreshed(state: &AppState, session: &Authenticated) -> Authenticated {
    match state.stores.users.user_by_email(&session.user.email).await {
        Ok(Some(user)) => Authenticated { user, ..session.clone() },
        _ => session.clone(),
    }
}

/// Whether `typed` proves, again, that the signed-in person holds the account: a current code
/// from the app or the password. Wrong answers count toward the login throttling.
async fn proves_identity(
    state: &AppState,
    user: &StaffUser,
    typed: &str,
    ip: &str,
) -> Result<Result<(), (String, StatusCode)>, FactorError> {
    let account_key = token_hash(user.email.as_str());
    if throttle_check(state, &account_key, ip).await?.is_some() {
        record_attempt(state, &account_key, ip, LoginOutcome::Throttled, Some(user.id)).await;
        return Ok(Err((too_many_message(), StatusCode::TOO_MANY_REQUESTS)));
    }
    let (right, wrong) = match (classify(typed), user.totp_secret.as_deref()) {
        (TypedCode::Totp(code), Some(sealed)) => (use_totp(state, user, sealed, &code).await?, LoginOutcome::WrongCode),
        _ => (password::verify(typed.to_string(), user.password_hash.clone()).await, LoginOutcome::WrongPassword),
    };
    if right {
        Ok(Ok(()))
    } else {
        record_attempt(state, &account_key, ip, wrong, Some(user.id)).await;
        Ok(Err(("That is neither a current code from your app nor your password.".into(), StatusCode::UNAUTHORIZED)))
    }
}

/// `proves_identity` for an account form: nothing when it holds, else the account page with the
/// problem next to `field_name`.
async fn asked_again(
    state: &AppState,
    session: &Authenticated,
    typed: &str,
    ip: &str,
    field_name: &str,
) -> Result<(), PageAgain> {
    let page = account_page(session);
    match proves_identity(state, &session.user, typed, ip).await {
        Ok(Ok(())) => Ok(()),
        Ok(Err((message, status))) => Err(page.show(status, problem(field_name, &message))),
        Err(error) => {
            let message = "Your code could not be checked just now; enter your password instead.";
            Err(page.failed(error.cause(), problem(field_name, message)))
        }
    }
}

/// The account page showing new recovery codes, this once.
fn codes_shown(notice: &str, codes: Vec<String>) -> AccountFormState {
    AccountFormState { notice: Some(notice.to_string()), recovery_codes: codes, ..AccountFormState::default() }
}

/// A form that asks again who you are.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ConfirmForm {
    /// A current code from the app, or the password.
    confirm: String,
}

/// `POST /inbox/account/two-factor/disable`: turns the second factor off, with a current code or
/// the password. Where every account must have one, it cannot be turned off (only moved).
pub async fn turn_off(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Staff(session): Staff,
    Posted { form, .. }: Posted<ConfirmForm>,
) -> Result<Response, PageAgain> {
    let page = account_page(&session);
    if state.settings.require_two_factor {
        let message = "Every account here must have two-factor authentication, so it cannot be turned off. To use another phone, set it up again below.";
        return Err(page.show(StatusCode::CONFLICT, notice(message)));
    }
    let user = &session.user;
    if !user.has_two_factor() {
        return Ok(page.show(StatusCode::OK, notice("Two-factor authentication is off.")).into_response());
    }
    let ip = client_ip(peer.ip(), &headers, &state.settings.trusted_proxies).to_string();
    asked_again(&state, &session, &form.confirm, &ip, "confirm").await?;
    state.stores.two_factor.disable_totp(user.id).await.map_err(|e| {
        let message = "Two-factor authentication could not be turned off just now; nothing changed.";
        page.failed(Cause::unavailable("turning the second factor off", e), notice(message))
    })?;
    tracing::info!(user_id = user.id, "second factor turned off");
    let session = refreshed(&state, &session).await;
    let message = "Two-factor authentication is off; your recovery codes no longer work.";
    Ok(page.in_session(&session).show(StatusCode::OK, notice(message)).into_response())
}

/// `POST /inbox/account/recovery-codes`: ten new recovery codes (the old ones stop working), with
/// a current code or the password.
pub async fn replace_recovery_codes(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Staff(session): Staff,
    Posted { form, .. }: Posted<ConfirmForm>,
) -> Result<Response, PageAgain> {
    let page = account_page(&session);
    let user = &session.user;
    if !user.has_two_factor() {
        let message = "Recovery codes come with two-factor authentication; set it up first.";
        return Err(page.show(StatusCode::CONFLICT, notice(message)));
    }
    let ip = client_ip(peer.ip(), &headers, &state.settings.trusted_proxies).to_string();
    asked_again(&state, &session, &form.confirm, &ip, "renew").await?;
    let (hashes, shown) = fresh_recovery_codes();
    state.stores.two_factor.replace_recovery_codes(user.id, &hashes).await.map_err(|e| {
        let message = "New recovery codes could not be made just now; the old ones still work.";
        page.failed(Cause::unavailable("replacing recovery codes", e), notice(message))
    })?;
    let form = codes_shown("New recovery codes; the old ones no longer work.", shown);
    Ok(page.show(StatusCode::OK, form).into_response())
}
