//! `/inbox/account`: a staff member's own account: two-factor authentication (set it up, move it
//! to a new phone, renew recovery codes, turn it off), and the calls visitors book with them
//! (their hours, their own calendar, their feed). Every action is a plain form post.

use leptos::prelude::*;

use crate::page_data::inbox::{AccountFormState, AccountView, AvailabilityFields, CallsAccount, TotpSetup};

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
            <Calls calls=view.calls.clone() form=form.clone()/>
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

/// A labelled field of the calls forms, with its problem beside it.
#[component]
fn Field(
    id: &'static str,
    label: &'static str,
    hint: &'static str,
    value: String,
    error: Option<String>,
    lines: bool,
) -> impl IntoView {
    let has_error = error.is_some();
    let described = format!("{id}-hint{}", if has_error { format!(" {id}-error") } else { String::new() });
    view! {
        <div class="mt-3">
            <label for=id class="block text-sm font-medium">{label}</label>
            {if lines {
                view! { <textarea class=INPUT id=id name=id rows="3" aria-invalid=has_error.then_some("true") aria-describedby=described.clone()>{value}</textarea> }.into_any()
            } else {
                view! { <input class=INPUT id=id name=id type="text" value=value aria-invalid=has_error.then_some("true") aria-describedby=described.clone()/> }.into_any()
            }}
            <p id=format!("{id}-hint") class="mt-1 text-xs text-slate-700 dark:text-slate-300">{hint}</p>
            {error.map(|m| view! { <p id=format!("{id}-error") class=ERROR>{m}</p> })}
        </div>
    }
}

/// When visitors may book calls with this person, their own calendar and their feed.
#[component]
fn Calls(calls: CallsAccount, form: AccountFormState) -> impl IntoView {
    let error_for = |field: &str| {
        form.errors.iter().find(|e| e.field == field).map(|e| crate::i18n::Tr::here().message(&e.message))
    };
    let AvailabilityFields { zone, hours, off, languages, link } = form.hours.clone().unwrap_or(calls.hours.clone());
    let status = if calls.bookable {
        "Visitors can book calls with you in these hours."
    } else {
        "Visitors cannot book calls with you until you save your hours."
    };
    let (typed_url, typed_user) = form.calendar.clone().unwrap_or((
        calls.calendar_url.clone().unwrap_or_default(),
        calls.calendar_username.clone().unwrap_or_default(),
    ));
    let calendar_error = error_for("calendar");
    let has_calendar_error = calendar_error.is_some();
    view! {
        <section id="calls" class="mt-10 max-w-2xl" aria-labelledby="calls-heading">
            <h2 id="calls-heading" class="text-lg font-semibold">"Calls visitors book"</h2>
            <p class="mt-2" data-bookable=if calls.bookable { "yes" } else { "no" }>{status}</p>
            <form method="post" action="/inbox/account/availability" class="mt-2">
                <Field id="zone" label="Your time zone" hint="An IANA name, like Europe/Madrid." value=zone error=error_for("zone") lines=false/>
                <Field id="hours" label="Your hours" hint="One rule a line, in your zone: mon-fri 09:00-17:00, or mon,wed 09:00-12:00,13:00-17:00." value=hours error=error_for("hours") lines=true/>
                <Field id="off" label="Days off" hint="One a line: 2026-12-24..2027-01-02, or a single date." value=off error=error_for("off") lines=true/>
                <Field id="languages" label="Languages you take calls in" hint="The site's codes, separated by commas: en,es." value=languages error=error_for("languages") lines=false/>
                <Field id="link" label="Your meeting link (optional)" hint="A video-call address; without one the site's is used. {ref} becomes the lead's reference." value=link error=error_for("link") lines=false/>
                <button class=format!("mt-3 {BUTTON}")>"Save my hours"</button>
            </form>

            <h3 class="mt-8 font-semibold">"Your own calendar"</h3>
            <p class="mt-2 text-sm">"Connect a CalDAV calendar (Fastmail, iCloud, Nextcloud, Zoho and others): its busy times are kept free of calls, and your calls are written into it."</p>
            {calls.calendar_url.clone().map(|url| view! {
                <p class="mt-2" data-calendar="connected">"Connected: " <span class="break-all font-mono text-sm">{url}</span></p>
            })}
            {calls.calendar_error.clone().map(|(error, at)| view! {
                <p class="mt-2 rounded-md border border-amber-700 bg-amber-50 p-3 text-amber-950 dark:border-amber-400 dark:bg-amber-950 dark:text-amber-50" data-calendar-error="">
                    {format!("The calendar failed at {at}: {error}. Bookings go on without it, and writes are retried.")}
                </p>
            })}
            {if calls.can_connect {
                view! {
                    <form method="post" action="/inbox/account/calendar" class="mt-2">
                        <label for="calendar-url" class="mt-3 block text-sm font-medium">"Calendar address"</label>
                        <input class=INPUT id="calendar-url" name="url" type="url" value=typed_url required
                            aria-invalid=has_calendar_error.then_some("true") aria-describedby=has_calendar_error.then_some("calendar-error")/>
                        <label for="calendar-username" class="mt-3 block text-sm font-medium">"User name"</label>
                        <input class=INPUT id="calendar-username" name="username" type="text" value=typed_user autocomplete="off"/>
                        <label for="calendar-password" class="mt-3 block text-sm font-medium">"Password (an app password where the provider offers one)"</label>
                        <input class=INPUT id="calendar-password" name="password" type="password" autocomplete="off"/>
                        {calendar_error.map(|m| view! { <p id="calendar-error" class=ERROR>{m}</p> })}
                        <button class=format!("mt-3 {BUTTON}")>"Connect the calendar"</button>
                    </form>
                }.into_any()
            } else {
                view! { <p class="mt-2 text-sm">"Calendars cannot be connected on this server yet: an administrator must first give the server its key (ARCHGUIDE_SECRET_KEY)."</p> }.into_any()
            }}
            {calls.calendar_url.is_some().then(|| view! {
                <form method="post" action="/inbox/account/calendar/disconnect" class="mt-3">
                    <button class=PLAIN_BUTTON>"Disconnect the calendar"</button>
                </form>
            })}

            <h3 class="mt-8 font-semibold">"A feed of your calls"</h3>
            <p class="mt-2 text-sm">"For calendars without CalDAV (Outlook, Google): subscribe to this private address and your booked calls appear there. Anyone with the address can read it; a new one stops the old."</p>
            {form.feed_url.clone().map(|url| view! {
                <p class="mt-2 rounded-md border-2 border-slate-900 p-3 dark:border-slate-100">
                    "Your feed's address, shown this once: " <code class="break-all font-mono text-sm" data-feed-url="">{url}</code>
                </p>
            })}
            <form method="post" action="/inbox/account/feed" class="mt-3">
                <button class=PLAIN_BUTTON>{if calls.has_feed { "Make a new feed address" } else { "Make a feed address" }}</button>
            </form>
        </section>
    }
}
