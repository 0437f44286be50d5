//! `/book/{token}`: a visitor who asked to talk picks a time for the call. A plain form: each
//! free start a radio input named `slot` (RFC 3339, UTC), grouped by day in the visitor's zone,
//! and the zone itself; the page script only guesses the zone on a first visit.

use leptos::prelude::*;
use leptos_meta::Meta;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::components::page_meta::PageMeta;
use crate::i18n::Tr;
use crate::page_data::booking::{BookedCall, BookingFormState, BookingView, Offer, OfferedStart};

/// What the page shows for this link, in `zone` (else the page language's usual one).
#[server]
pub async fn load_booking(token: String, zone: Option<String>) -> Result<BookingView, ServerFnError> {
    use crate::server::http::failure::{for_server_fn, Cause};
    use crate::server::http::state::AppState;
    let state = use_context::<AppState>().ok_or_else(|| ServerFnError::new("no state"))?;
    crate::server::handlers::booking::view(&state, &token, zone.as_deref(), crate::i18n::page_lang()).await.map_err(
        |error| for_server_fn(Cause::unavailable("showing a booking page", error), "the times could not be read"),
    )
}

/// Zones offered in the zone field's list; any IANA name may be typed.
const ZONES: [&str; 16] = [
    "Europe/London",
    "Europe/Madrid",
    "Europe/Berlin",
    "Europe/Lisbon",
    "Atlantic/Canary",
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Los_Angeles",
    "America/Mexico_City",
    "America/Bogota",
    "America/Buenos_Aires",
    "America/Sao_Paulo",
    "Asia/Kolkata",
    "Asia/Tokyo",
    "Australia/Sydney",
];

#[component]
pub fn BookPage() -> impl IntoView {
    let token = use_params_map().get_untracked().get("token").unwrap_or_default();
    let own_path = format!("/book/{token}");
    let action = crate::i18n::page_lang().path(&own_path);
    let posted = use_context::<BookingFormState>();
    let asked = posted
        .as_ref()
        .map(|p| p.zone.clone())
        .filter(|z| !z.is_empty())
        .or_else(|| use_query_map().get_untracked().get("zone"));
    // The page script guesses the zone only when nobody chose one (a link, or a form posted).
    let guess = asked.is_none();
    let typed = asked.clone();
    // What the visitor just did (`?call=moved`, `?call=cancelled`), said once above the page.
    let done = use_query_map().get_untracked().get("call").and_then(|done| match done.as_str() {
        "moved" => Some("book-done-moved"),
        "cancelled" => Some("book-done-cancelled"),
        _ => None,
    });
    let view_of = Resource::new_blocking(move || (token.clone(), asked.clone()), |(t, z)| load_booking(t, z));
    let tr = Tr::here();
    view! {
        <PageMeta title=tr.t("book-title") description=tr.t("book-description") path=own_path/>
        // A link for one visitor: no search engine lists it.
        <Meta name="robots" content="noindex, nofollow"/>
        <div class="mx-auto max-w-2xl px-4 py-10">
            <h1 class="text-3xl font-bold tracking-tight">{tr.t("book-title")}</h1>
            {posted.as_ref().and_then(|p| p.notice.as_ref()).map(|notice| view! {
                <div role="alert" class="mt-6 rounded-md border border-red-700 bg-red-50 p-4 text-red-900 dark:border-red-400 dark:bg-red-950 dark:text-red-100">
                    {Tr::here().message(notice)}
                </div>
            })}
            {done.map(|key| view! {
                <p role="status" class="mt-6 rounded-md border border-slate-400 p-4 dark:border-slate-600">{Tr::here().t(key)}</p>
            })}
            <Suspense fallback=|| ()>
                {move || {
                    let nearest = posted.as_ref().map(|p| p.nearest.clone()).unwrap_or_default();
                    let action = action.clone();
                    let typed = typed.clone();
                    Suspend::new(async move {
                        match view_of.await {
                            Ok(BookingView::Offer(offer)) => view! {
                                <ZoneChoice zone=offer.zone.clone() action=action.clone() guess typed/>
                                <Offered offer nearest post_to=action.clone() submit=Tr::here().t("book-submit")/>
                            }.into_any(),
                            Ok(BookingView::Booked(call)) => view! { <Confirmed call nearest action=action.clone()/> }.into_any(),
                            Ok(BookingView::NoneFree) => view! {
                                <p class="mt-6">{Tr::here().t("book-none-free")}</p>
                            }.into_any(),
                            Ok(BookingView::Unknown) => {
                                #[cfg(feature = "ssr")]
                                if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
                                    response.set_status(axum::http::StatusCode::NOT_FOUND);
                                }
                                view! { <p class="mt-6">{Tr::here().t("book-unknown")}</p> }.into_any()
                            }
                            Err(_) => view! { <p class="mt-6" role="alert">{Tr::here().t("book-unavailable")}</p> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </div>
    }
}

/// The zone the times are written in, which the visitor may change. `typed` is the zone they
/// asked for: when it names no zone the times are in the page's usual one, and the field keeps
/// what they typed with a message beside it.
#[component]
fn ZoneChoice(zone: String, action: String, guess: bool, typed: Option<String>) -> impl IntoView {
    let tr = Tr::here();
    let unknown = typed.as_deref().is_some_and(|t| t.trim() != zone);
    let shown = if unknown { typed.unwrap_or_default() } else { zone };
    view! {
        <form method="get" action=action class="mt-6 flex flex-wrap items-end gap-3" data-zone-guess=guess.then_some("")>
            <div>
                <label for="zone" class="block text-sm font-medium">{tr.t("book-zone")}</label>
                <input id="zone" name="zone" list="zones" value=shown autocomplete="off"
                    aria-invalid=unknown.then_some("true") aria-describedby=unknown.then_some("zone-problem")
                    class="mt-1 rounded-md border border-slate-400 px-3 py-2 dark:border-slate-600 dark:bg-slate-900"/>
                {unknown.then(|| view! {
                    <p id="zone-problem" class="mt-1 text-sm text-red-700 dark:text-red-300">{Tr::here().t("book-zone-unknown")}</p>
                })}
                <datalist id="zones">{ZONES.iter().map(|z| view! { <option value=*z></option> }).collect_view()}</datalist>
            </div>
            <button type="submit" class="rounded-md border border-slate-400 px-4 py-2 dark:border-slate-600">{tr.t("book-zone-show")}</button>
        </form>
    }
}

/// The free starts, by day, as a form posted to `post_to`; the nearest to a start just taken
/// first.
#[component]
fn Offered(offer: Offer, nearest: Vec<String>, post_to: String, submit: String) -> impl IntoView {
    let tr = Tr::here();
    let zone = offer.zone.clone();
    let (first, rest): (Vec<OfferedStart>, Vec<_>) = (
        offer.days.iter().flat_map(|d| d.starts.iter()).filter(|s| nearest.contains(&s.value)).cloned().collect(),
        offer.days,
    );
    let first_labels: Vec<(String, OfferedStart)> = first
        .into_iter()
        .map(|start| {
            let day = rest.iter().find(|d| d.starts.contains(&start)).map(|d| d.label.clone()).unwrap_or_default();
            (day, start)
        })
        .collect();
    view! {
        <p class="mt-3 text-slate-700 dark:text-slate-300">{tr.args("book-lead", &[("length", tr.period(offer.length).into())])}</p>
        <form method="post" action=post_to class="mt-8 space-y-6">
            <input type="hidden" name="zone" value=zone.clone()/>
            {(!first_labels.is_empty()).then(|| view! {
                <fieldset class="rounded-md border border-slate-300 p-4 dark:border-slate-700">
                    <legend class="px-1 font-semibold">{Tr::here().t("book-nearest")}</legend>
                    <div class="mt-2 flex flex-wrap gap-3">
                        {first_labels.into_iter().map(|(day, start)| view! {
                            <StartChoice start label_prefix=Some(day)/>
                        }).collect_view()}
                    </div>
                </fieldset>
            })}
            {rest.into_iter().map(|day| {
                let starts: Vec<OfferedStart> = day.starts.into_iter().filter(|s| !nearest.contains(&s.value)).collect();
                (!starts.is_empty()).then(|| view! {
                    <fieldset>
                        <legend class="font-semibold">{day.label}</legend>
                        <div class="mt-2 flex flex-wrap gap-3">
                            {starts.into_iter().map(|start| view! { <StartChoice start label_prefix=None/> }).collect_view()}
                        </div>
                    </fieldset>
                })
            }).collect_view()}
            <p class="text-sm text-slate-700 dark:text-slate-300">{tr.args("book-times-in", &[("zone", zone.into())])}</p>
            <button type="submit" class="rounded-md bg-accent px-6 py-3 font-semibold text-white hover:opacity-90">{submit}</button>
        </form>
    }
}

/// One start as a radio input and its label.
#[component]
fn StartChoice(start: OfferedStart, label_prefix: Option<String>) -> impl IntoView {
    let id = format!("slot-{}", start.value.replace([':', '-'], ""));
    let label = match label_prefix {
        Some(day) => format!("{day}, {}", start.label),
        None => start.label,
    };
    view! {
        <label for=id.clone() class="flex items-center gap-2 rounded-md border border-slate-300 px-3 py-2 dark:border-slate-700">
            <input type="radio" id=id.clone() name="slot" value=start.value required=true/>
            {label}
        </label>
    }
}

/// The call as booked: its time, person and link, a download for the visitor's calendar, the
/// times it may move to (open at once when a move was just refused), and cancelling it.
#[component]
fn Confirmed(call: BookedCall, nearest: Vec<String>, action: String) -> impl IntoView {
    let tr = Tr::here();
    let with = call.with.clone();
    let open_moves = !nearest.is_empty();
    view! {
        <p class="mt-6 text-lg" role="status">
            {tr.args("book-confirmed", &[("when", call.when.into()), ("zone", call.zone.into()), ("with", call.with.into())])}
        </p>
        {call.link.map(|link| view! {
            <p class="mt-3">{Tr::here().t("book-link")} " " <a class="underline" href=link.clone()>{link.clone()}</a></p>
        })}
        <p class="mt-6">
            <a class="font-semibold underline" href=format!("{action}/call.ics") download="call.ics">{tr.t("book-add-calendar")}</a>
        </p>
        {call.moves.map(|moves| view! {
            <details class="mt-8 rounded-md border border-slate-300 p-4 dark:border-slate-700" open=open_moves>
                <summary class="cursor-pointer font-semibold">{Tr::here().t("book-change")}</summary>
                <p class="mt-3">{Tr::here().args("book-change-lead", &[("with", with.into())])}</p>
                <Offered offer=moves nearest post_to=format!("{action}/move") submit=Tr::here().t("book-change-submit")/>
            </details>
        })}
        <form method="post" action=format!("{action}/cancel") class="mt-8">
            <button type="submit" class="rounded-md border border-red-700 px-4 py-2 text-red-800 dark:border-red-400 dark:text-red-200">
                {tr.t("book-cancel-submit")}
            </button>
        </form>
    }
}
