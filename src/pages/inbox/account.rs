//! `/inbox/account`: a staff member's own account: two-factor authentication (set it up, move it
//! to a new phone, renew recovery codes, turn it off). Every action is a plain form post.

use leptos::prelude::*;

use crate::page_data::inbox::{AccountFormState, AccountView, TotpSetup};

use super::{error_text, InboxFrame, InboxProblem};

#[server(prefix = "/inbox/api", endpoint = "account")]
pub async fn inbox_account() -> Result<AccountView, ServerFnError> {
    let (state, session) = crate::server::handlers::inbox::server_fn_session(false).await?;
    crate::server::handlers::account::account_view(&state, &session)
        .await
        .map_err(crate::server::handlers::inbox::internal)
}

#[component]
pub fn AccountPage() -> impl IntoView {
    let account = Resource::new_blocking(|| (), |_| inbox_account());
    view! {
        <Suspense fallback=|| view! { <p class="px-4 py-10">"Loading your account…"</p> }>
            {move || Suspend::new(async move {
                match account.await {
                    Ok(view) => view! { <AccountBody view/> }.into_any(),
                    Err(error) => view! { <InboxProblem message=error_text(&error)/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

const INPUT: &str = "mt-1 block w-full max-w-xs rounded border border-slate-300 bg-white px-2 py-1 font-mono dark:border-slate-700 dark:bg-slate-900";
const BUTTON: &str = "rounded bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 dark:bg-white dark:text-slate-900";
const PLAIN_BUTTON: &str = "rounded border border-slate-400 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-900";
const ERROR: &str = "mt-1 text-sm text-red-800 dark:text-red-300";

#[component]
fn AccountBody(view: AccountView) -> impl IntoView {
    let form = use_context::<AccountFormState>().unwrap_or_default();
    let error_for = |field: &str| {
        form.errors.iter().find(|e| e.field == field).map(|e| crate::i18n::Tr::here().message(&e.message))
    };
    let (code_error, confirm_error, renew_error) = (error_for("code"), error_for("confirm"), error_for("renew"));
    let on = view.two_factor_since.is_some();
    let must_set_up = view.required && !on;
    let status = match &view.two_factor_since {
        Some(since) => format!(
            "On since {since}. Logging in takes your password and a code from your app. {} of 10 recovery codes left.",
            view.recovery_codes_left
        ),
        None => "Off: logging in takes only your password.".to_string(),
    };
    let start_label = if on { "Move to a new phone" } else { "Set up two-factor authentication" };
    view! {
        <InboxFrame viewer=view.viewer.clone() title="Your account".to_string()>
            {must_set_up.then(|| view! {
                <p role="alert" class="mt-4 rounded-md border border-amber-700 bg-amber-50 p-3 text-amber-950 dark:border-amber-400 dark:bg-amber-950 dark:text-amber-50">
                    "Every account here needs two-factor authentication. Set it up below to reach the leads."
                </p>
            })}
            {form.notice.clone().map(|n| view! { <p role="status" class="mt-4 rounded-md bg-slate-100 p-3 dark:bg-slate-900">{n}</p> })}
            {(!form.recovery_codes.is_empty()).then(|| view! { <RecoveryCodes codes=form.recovery_codes.clone()/> })}
            <section class="mt-6 max-w-2xl" aria-labelledby="two-factor-heading">
                <h2 id="two-factor-heading" class="text-lg font-semibold">"Two-factor authentication"</h2>
                <p class="mt-2" data-two-factor=if on { "on" } else { "off" }>{status}</p>
                {match view.setup.clone() {
                    Some(setup) => view! { <SetUp setup code_error=code_error.clone()/> }.into_any(),
                    None if !view.can_set_up => view! {
                        <p class="mt-3 text-sm text-slate-700 dark:text-slate-300">"It cannot be set up on this server yet: an administrator must first give the server its key (ARCHGUIDE_SECRET_KEY)."</p>
                    }.into_any(),
                    None => view! {
                        <form method="post" action="/inbox/account/two-factor/start" class="mt-3">
                            <button class=if on { PLAIN_BUTTON } else { BUTTON }>{start_label}</button>
                        </form>
                    }.into_any(),
                }}
            </section>
            {on.then(|| view! {
                <section class="mt-8 max-w-2xl" aria-labelledby="renew-heading">
                    <h2 id="renew-heading" class="text-lg font-semibold">"Recovery codes"</h2>
                    <p class="mt-2 text-sm">"Lost some, or used most of them? New codes replace all the old ones."</p>
                    <ConfirmForm action="/inbox/account/recovery-codes" id="renew-confirm" error=renew_error.clone() button="Make new recovery codes"/>
                </section>
            })}
            {(on && !view.required).then(|| view! {
                <section class="mt-8 max-w-2xl" aria-labelledby="off-heading">
                    <h2 id="off-heading" class="text-lg font-semibold">"Turn it off"</h2>
                    <p class="mt-2 text-sm">"Logging in will take only your password again, and your recovery codes stop working."</p>
                    <ConfirmForm action="/inbox/account/two-factor/disable" id="off-confirm" error=confirm_error.clone() button="Turn two-factor authentication off"/>
                </section>
            })}
        </InboxFrame>
    }
}

/// The QR code and the key, and the form that confirms them with a code.
#[component]
fn SetUp(setup: TotpSetup, code_error: Option<String>) -> impl IntoView {
    let has_error = code_error.is_some();
    view! {
        <div id="set-up" class="mt-4 rounded-lg border border-slate-200 p-4 dark:border-slate-800">
            <h3 class="font-semibold">"Set up your authenticator app"</h3>
            <ol class="mt-2 list-decimal space-y-3 pl-5">
                <li>
                    "Scan this QR code with an authenticator app (any app for time-based codes)."
                    <figure class="mt-2">
                        <div class="inline-block w-52 bg-white p-2 [&_svg]:block [&_svg]:h-auto [&_svg]:w-full" role="img" aria-label="QR code that adds this account to an authenticator app" inner_html=setup.qr_svg></div>
                        <figcaption class="mt-2 text-sm">
                            "Cannot scan it? Enter this key instead (time-based, 6 digits, every 30 seconds): "
                            <code class="whitespace-nowrap rounded bg-slate-100 px-1 font-mono dark:bg-slate-900" data-totp-secret="">{setup.secret}</code>
                        </figcaption>
                    </figure>
                </li>
                <li>
                    <form method="post" action="/inbox/account/two-factor/confirm">
                        <label for="setup-code" class="block font-medium">"Enter the code the app shows"</label>
                        <input class=INPUT id="setup-code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code"
                            required maxlength="9" autofocus=has_error
                            aria-invalid=has_error.then_some("true") aria-describedby=has_error.then_some("setup-code-error")/>
                        {code_error.map(|m| view! { <p id="setup-code-error" class=ERROR>{m}</p> })}
                        <button class=format!("mt-3 {BUTTON}")>"Confirm and turn on"</button>
                    </form>
                </li>
            </ol>
        </div>
    }
}

/// A form that asks, again, for a current code or the password.
#[component]
fn ConfirmForm(action: &'static str, id: &'static str, error: Option<String>, button: &'static str) -> impl IntoView {
    let has_error = error.is_some();
    let error_id = format!("{id}-error");
    view! {
        <form method="post" action=action class="mt-3">
            <label for=id class="block text-sm font-medium">"A current code from your app, or your password"</label>
            <input class=INPUT id=id name="confirm" type="password" autocomplete="off" required autofocus=has_error
                aria-invalid=has_error.then_some("true") aria-describedby=has_error.then_some(error_id.clone())/>
            {error.map(|m| view! { <p id=error_id class=ERROR>{m}</p> })}
            <button class=format!("mt-3 {PLAIN_BUTTON}")>{button}</button>
        </form>
    }
}

/// New recovery codes, shown this once.
#[component]
fn RecoveryCodes(codes: Vec<String>) -> impl IntoView {
    view! {
        <section class="mt-4 max-w-2xl rounded-lg border-2 border-slate-900 p-4 dark:border-slate-100" aria-labelledby="codes-heading">
            <h2 id="codes-heading" class="text-lg font-semibold">"Your recovery codes"</h2>
            <p class="mt-2 text-sm">"Each one logs you in once instead of a code from your app, if your phone is lost. Keep them somewhere safe and apart from your phone: they are shown only now."</p>
            <ol class="mt-3 grid grid-cols-2 gap-x-6 gap-y-1 font-mono" data-recovery-codes="">
                {codes.into_iter().map(|code| view! { <li>{code}</li> }).collect_view()}
            </ol>
        </section>
    }
}
