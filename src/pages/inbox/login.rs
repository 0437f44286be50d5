//! `/inbox/login`: staff sign in. A plain form post; a refused login comes back with the email
//! still filled in and one message that does not say which part was wrong.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

use crate::page_data::inbox::{CodeFormState, LoginFormState};

#[component]
pub fn LoginPage() -> impl IntoView {
    let query = use_query_map().get_untracked();
    let state = use_context::<LoginFormState>()
        .unwrap_or_else(|| LoginFormState { next: query.get("next").unwrap_or_default(), ..LoginFormState::default() });
    let said_goodbye = query.get("bye").is_some() && state.error.is_none();
    let has_error = state.error.is_some();
    let input =
        "mt-1 block w-full rounded border border-slate-300 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-900";
    view! {
        <Title text="Log in · Inbox"/>
        <Meta name="robots" content="noindex, nofollow"/>
        <div class="mx-auto max-w-sm px-4 py-16">
            <h1 class="text-2xl font-bold tracking-tight">"Log in to the inbox"</h1>
            <p class="mt-2 text-sm text-slate-600 dark:text-slate-400">"For staff. Sessions end after 30 minutes without use, and 8 hours after logging in."</p>
            {said_goodbye.then(|| view! { <p role="status" class="mt-6 rounded-md bg-slate-100 p-3 dark:bg-slate-900">"You are logged out."</p> })}
            {state.error.clone().map(|error| view! {
                <p id="login-error" role="alert" class="mt-6 rounded-md border border-red-700 bg-red-50 p-3 text-red-900 dark:border-red-400 dark:bg-red-950 dark:text-red-100">{error}</p>
            })}
            <form method="post" action="/inbox/login" class="mt-6 space-y-4">
                <input type="hidden" name="next" value=state.next.clone()/>
                <div>
                    <label for="email" class="block font-medium">"Email"</label>
                    <input class=input id="email" name="email" type="email" autocomplete="username" required value=state.email.clone()
                        aria-invalid=has_error.then_some("true") aria-describedby=has_error.then_some("login-error")/>
                </div>
                <div>
                    <label for="password" class="block font-medium">"Password"</label>
                    <input class=input id="password" name="password" type="password" autocomplete="current-password" required
                        autofocus=has_error aria-invalid=has_error.then_some("true") aria-describedby=has_error.then_some("login-error")/>
                </div>
                <button class="w-full rounded bg-slate-900 px-4 py-2 font-medium text-white hover:bg-slate-700 dark:bg-white dark:text-slate-900">"Log in"</button>
            </form>
        </div>
    }
}

/// `/inbox/login/code`: the second step, for accounts with two-factor authentication. The
/// password was right; the session starts once a code is.
#[component]
pub fn LoginCodePage() -> impl IntoView {
    let state = use_context::<CodeFormState>().unwrap_or_default();
    let has_error = state.error.is_some();
    let input =
        "mt-1 block w-full rounded border border-slate-300 bg-white px-3 py-2 font-mono tracking-wider dark:border-slate-700 dark:bg-slate-900";
    view! {
        <Title text="Enter your code · Inbox"/>
        <Meta name="robots" content="noindex, nofollow"/>
        <div class="mx-auto max-w-sm px-4 py-16">
            <h1 class="text-2xl font-bold tracking-tight">"Enter your code"</h1>
            <p class="mt-2 text-sm text-slate-600 dark:text-slate-400">"Your password was right. Open your authenticator app and enter the 6-digit code it shows for this account. This step must be finished within 5 minutes."</p>
            {state.error.clone().map(|error| view! {
                <p id="code-error" role="alert" class="mt-6 rounded-md border border-red-700 bg-red-50 p-3 text-red-900 dark:border-red-400 dark:bg-red-950 dark:text-red-100">{error}</p>
            })}
            <form method="post" action="/inbox/login/code" class="mt-6 space-y-4">
                <div>
                    <label for="code" class="block font-medium">"Code"</label>
                    <input class=input id="code" name="code" type="text" autocomplete="one-time-code" required autofocus
                        spellcheck="false" autocapitalize="off" maxlength="32"
                        aria-invalid=has_error.then_some("true")
                        aria-describedby=if has_error { "code-error code-hint" } else { "code-hint" }/>
                    <p id="code-hint" class="mt-1 text-sm text-slate-600 dark:text-slate-400">"No phone at hand? Enter one of your recovery codes instead; each works once."</p>
                </div>
                <button class="w-full rounded bg-slate-900 px-4 py-2 font-medium text-white hover:bg-slate-700 dark:bg-white dark:text-slate-900">"Continue"</button>
            </form>
            <p class="mt-6 text-sm"><a class="underline" href="/inbox/login">"Log in again from the start"</a></p>
        </div>
    }
}
