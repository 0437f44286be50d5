//! `/inbox`: where staff work the leads. Every page loads its data through a server function
//! that checks the session itself; every action is a plain form post, so the whole day's work
//! can be done with JavaScript off.

pub mod account;
mod advice;
pub mod dashboard;
pub mod lead;
pub mod login;
pub mod model;
mod reply;
pub mod unmatched;
pub mod users;

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

use crate::domain::leads::inbox::{Assignee, LeadCount, LeadCursor, LeadFilter, LeadStatus, PageAt, Sort};
use crate::page_data::inbox::{Countdown, LeadList, LiveMark, Viewer};
use crate::page_data::url::with_query;

/// The inbox's lead list for these query pairs (status, assignee, q, source, from, to, sort,
/// after or before).
#[server(prefix = "/inbox/api", endpoint = "leads", input = leptos::server_fn::codec::Json)]
pub async fn inbox_leads(query: Vec<(String, String)>) -> Result<LeadList, ServerFnError> {
    let (state, session) = crate::server::handlers::inbox::server_fn_session(false).await?;
    crate::server::handlers::inbox::views::lead_list(&state, &session, &query)
        .await
        .map_err(crate::server::handlers::inbox::internal)
}

/// The frame of every staff page: its title, the staff navigation and the page's heading.
#[component]
///
/// With `live`, the page keeps itself current while it is open (with JavaScript): its parts
/// marked `data-live` are fetched again when the inbox moves, the countdowns tick and the tab's
/// title counts the new leads (`public/inbox.js`).
pub fn InboxFrame(
    viewer: Viewer,
    title: String,
    #[prop(optional)] live: Option<LiveMark>,
    children: Children,
) -> impl IntoView {
    let link = "rounded px-2 py-1 font-medium underline-offset-4 hover:underline";
    let (revision, now) = live.map(|live| (live.revision, live.now.to_string())).unzip();
    let script = revision.is_some().then(|| view! { <script src="/inbox.js" defer></script> });
    view! {
        <Title text=format!("{title} · Inbox")/>
        <Meta name="robots" content="noindex, nofollow"/>
        <div class="mx-auto max-w-6xl px-4 py-6" data-live-revision=revision data-live-now=now>
            <nav aria-label="Inbox" class="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 pb-3 dark:border-slate-800">
                <ul class="flex flex-wrap items-center gap-2 text-sm">
                    <li><a class=link href="/inbox">"Leads"</a></li>
                    <li><a class=link href="/inbox?status=spam">"Spam"</a></li>
                    <li><a class=link href="/inbox/unmatched">"Unmatched"</a></li>
                    <li><a class=link href="/inbox/dashboard">"Dashboard"</a></li>
                    {viewer.admin.then(|| view! { <li><a class=link href="/inbox/model">"Model"</a></li> })}
                    {viewer.admin.then(|| view! { <li><a class=link href="/inbox/users">"Users"</a></li> })}
                    <li><a class=link href="/inbox/account">"Your account"</a></li>
                </ul>
                <div class="flex flex-wrap items-center gap-2 text-sm">
                    <span class="text-slate-600 dark:text-slate-400">{format!("Signed in as {}", viewer.email)}</span>
                    <form method="post" action="/inbox/logout">
                        <button class="rounded border border-slate-300 px-3 py-1 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-900">"Log out"</button>
                    </form>
                    <form method="post" action="/inbox/logout">
                        <input type="hidden" name="everywhere" value="1"/>
                        <button class="rounded px-2 py-1 underline">"Log out everywhere"</button>
                    </form>
                </div>
            </nav>
            <h1 class="mt-6 text-2xl font-bold tracking-tight">{title}</h1>
            {children()}
            {script}
        </div>
    }
}

/// What a refused or failed staff page says.
#[component]
pub fn InboxProblem(message: String) -> impl IntoView {
    view! {
        <div class="mx-auto max-w-3xl px-4 py-10">
            <Title text="Inbox"/>
            <h1 class="text-2xl font-bold">"This page could not be shown"</h1>
            <p class="mt-4" role="alert">{message}</p>
            <p class="mt-4"><a class="underline" href="/inbox/login">"Log in"</a> " · " <a class="underline" href="/inbox">"Back to the leads"</a></p>
        </div>
    }
}

/// The words of a server function's error, without the framework's prefix.
pub fn error_text(error: &ServerFnError) -> String {
    match error {
        ServerFnError::ServerError(message) => message.clone(),
        other => other.to_string(),
    }
}

/// Colours for the reply-by states, chosen by the badge's `data-countdown` (which an open page
/// moves on by itself, see `public/inbox.js`); the words always say the same.
const COUNTDOWN_TONES: &str = "bg-slate-100 text-slate-800 ring-slate-400 dark:bg-slate-900 dark:text-slate-200 dark:ring-slate-600 \
    data-[countdown=overdue]:bg-red-100 data-[countdown=overdue]:text-red-900 data-[countdown=overdue]:ring-red-700 \
    dark:data-[countdown=overdue]:bg-red-950 dark:data-[countdown=overdue]:text-red-100 dark:data-[countdown=overdue]:ring-red-400 \
    data-[countdown=soon]:bg-amber-100 data-[countdown=soon]:text-amber-950 data-[countdown=soon]:ring-amber-700 \
    dark:data-[countdown=soon]:bg-amber-950 dark:data-[countdown=soon]:text-amber-100 dark:data-[countdown=soon]:ring-amber-400 \
    data-[countdown=on-track]:bg-emerald-50 data-[countdown=on-track]:text-emerald-900 data-[countdown=on-track]:ring-emerald-700 \
    dark:data-[countdown=on-track]:bg-emerald-950 dark:data-[countdown=on-track]:text-emerald-100 dark:data-[countdown=on-track]:ring-emerald-400";

/// The reply-by badge. While a reply is owed it carries when it is due and when the warning
/// starts, so that an open page ticks it on without asking the server.
#[component]
pub fn CountdownBadge(countdown: Countdown) -> impl IntoView {
    let (due, warn) = countdown.due.unzip();
    view! {
        <span
            data-countdown=countdown.tone.clone()
            data-due=due.map(|d| d.to_string())
            data-warn=warn.map(|w| w.to_string())
            class=format!("inline-block whitespace-nowrap rounded px-2 py-0.5 text-xs font-medium ring-1 {COUNTDOWN_TONES}")
        >
            {countdown.label}
        </span>
        {countdown.waiting_on_us.then(|| view! {
            <span data-waiting="us" class="ml-1 inline-block whitespace-nowrap rounded bg-sky-100 px-2 py-0.5 text-xs font-medium text-sky-900 dark:bg-sky-950 dark:text-sky-100">"Their answer: waiting on us"</span>
        })}
    }
}

/// `/inbox`: the leads, newest first, with filters, counts, the reply-by countdown and pages.
#[component]
pub fn InboxPage() -> impl IntoView {
    let query: Vec<(String, String)> =
        use_query_map().get_untracked().into_iter().map(|(k, v)| (k.to_string(), v)).collect();
    // Parsed here for the form; the server parses the same pairs and reports what it ignored.
    let (filter, _) = LeadFilter::from_pairs(query.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let list = Resource::new_blocking(move || query.clone(), inbox_leads);
    view! {
        <Suspense fallback=|| view! { <p class="px-4 py-10">"Loading the leads…"</p> }>
            {move || {
                let filter = filter.clone();
                Suspend::new(async move {
                match list.await {
                    Ok(list) => view! { <LeadListBody list filter/> }.into_any(),
                    Err(error) => view! { <InboxProblem message=error_text(&error)/> }.into_any(),
                }
            })}}
        </Suspense>
    }
}

#[component]
fn LeadListBody(list: LeadList, filter: LeadFilter) -> impl IntoView {
    let spam_view = filter.status == Some(LeadStatus::Spam);
    let title = if spam_view { "Suspected spam" } else { "Leads" };
    let error_for = |field: &str| {
        list.errors.iter().find(|e| e.field == field).map(|e| crate::i18n::Tr::here().message(&e.message))
    };
    let (status_error, from_error, to_error) = (error_for("status"), error_for("from"), error_for("to"));
    let page_error = error_for("after").or_else(|| error_for("before"));
    let count_of =
        |status: LeadStatus| list.counts.iter().find(|(s, _)| *s == status).map_or(LeadCount::default(), |(_, n)| *n);
    let open_total: LeadCount = LeadStatus::PIPELINE.iter().map(|s| count_of(*s)).sum();
    let with_status = |status: Option<LeadStatus>| {
        // Spam has its own view, without the other filters.
        let base = if status == Some(LeadStatus::Spam) { LeadFilter::default() } else { filter.clone() };
        with_query("/inbox", &LeadFilter { status, at: PageAt::First, ..base }.pairs())
    };
    let tab = "rounded-full border px-3 py-1 text-sm aria-[current=page]:border-slate-900 aria-[current=page]:bg-slate-900 aria-[current=page]:text-white dark:aria-[current=page]:border-white dark:aria-[current=page]:bg-white dark:aria-[current=page]:text-slate-900 border-slate-300 dark:border-slate-700";
    let current = |on: bool| on.then_some("page");
    let mut tabs = vec![view! {
        <li><a class=tab href=with_status(None) aria-current=current(filter.status.is_none())>{format!("All ({open_total})")}</a></li>
    }
    .into_any()];
    for status in LeadStatus::ALL.iter().copied() {
        tabs.push(
            view! {
                <li>
                    <a class=tab href=with_status(Some(status)) aria-current=current(filter.status == Some(status))>
                        {format!("{} ({})", status.label(), count_of(status))}
                    </a>
                </li>
            }
            .into_any(),
        );
    }
    let export = with_query("/inbox/export.csv", &filter.pairs());
    let page_link = |at: PageAt| {
        let mut pairs = filter.pairs();
        pairs.extend(at.pair());
        with_query("/inbox", &pairs)
    };
    let cursor = |token: &Option<String>| token.as_deref().and_then(LeadCursor::parse);
    let first_page = (!list.first_page).then(|| page_link(PageAt::First));
    let previous_page = cursor(&list.previous).map(|c| page_link(PageAt::Before(c)));
    let next_page = cursor(&list.next).map(|c| page_link(PageAt::After(c)));
    let paged = first_page.is_some() || next_page.is_some();
    let (text, status, assignee, sort) =
        (filter.text.clone().unwrap_or_default(), filter.status, filter.assignee, filter.sort);
    let source = filter.source.clone().unwrap_or_default();
    let call_booked = filter.call_booked;
    let waiting = filter.waiting;
    let from = filter.from.map(|d| d.to_string()).unwrap_or_default();
    let to = filter.to.map(|d| d.to_string()).unwrap_or_default();
    let (viewer, total) = (list.viewer.clone(), list.total);
    let input =
        "mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900";
    let label = "block text-sm font-medium";
    let field_error = |message: Option<String>, id: &'static str| {
        message.map(|m| view! { <p id=id class="mt-1 text-sm text-red-800 dark:text-red-300">{m}</p> })
    };
    let rows = list.rows.clone();
    let empty = rows.is_empty();
    view! {
        <InboxFrame viewer title=title.to_string() live=list.live.clone()>
            <ul class="mt-4 flex flex-wrap gap-2" aria-label="Leads per status" data-live="counts">{tabs}</ul>
            <form method="get" action="/inbox" class="mt-6 grid gap-3 rounded-lg border border-slate-200 p-4 sm:grid-cols-2 lg:grid-cols-6 dark:border-slate-800" aria-label="Filter leads">
                <div class="lg:col-span-2">
                    <label class=label for="q">"Search"</label>
                    <input class=input id="q" name="q" type="search" value=text placeholder="Name, email, company or message"/>
                </div>
                <div>
                    <label class=label for="status">"Status"</label>
                    <select class=input id="status" name="status" aria-invalid=status_error.as_ref().map(|_| "true") aria-describedby=status_error.as_ref().map(|_| "status-error")>
                        <option value="" selected=status.is_none()>"All but spam"</option>
                        {LeadStatus::ALL.iter().map(|s| view! { <option value=s.as_str() selected=status == Some(*s)>{s.label()}</option> }).collect_view()}
                    </select>
                    {field_error(status_error.clone(), "status-error")}
                </div>
                <div>
                    <label class=label for="assignee">"Assigned to"</label>
                    <select class=input id="assignee" name="assignee">
                        <option value="" selected=assignee == Assignee::Anyone>"Anyone"</option>
                        <option value="mine" selected=assignee == Assignee::Mine>"Me"</option>
                        <option value="unassigned" selected=assignee == Assignee::Unassigned>"Nobody yet"</option>
                    </select>
                </div>
                <div>
                    <label class=label for="source">"Source"</label>
                    <input class=input id="source" name="source" type="text" value=source placeholder="newsletter, t.co, direct"/>
                </div>
                <div>
                    <label class=label for="call">"Calls"</label>
                    <select class=input id="call" name="call">
                        <option value="" selected=!call_booked>"Any"</option>
                        <option value="booked" selected=call_booked>"Call booked"</option>
                    </select>
                </div>
                <div>
                    <label class=label for="waiting">"Conversation"</label>
                    <select class=input id="waiting" name="waiting">
                        <option value="" selected=!waiting>"Any"</option>
                        <option value="us" selected=waiting>"Their answer waits on us"</option>
                    </select>
                </div>
                <div>
                    <label class=label for="from">"Received from"</label>
                    <input class=input id="from" name="from" type="date" value=from aria-invalid=from_error.as_ref().map(|_| "true") aria-describedby=from_error.as_ref().map(|_| "from-error")/>
                    {field_error(from_error.clone(), "from-error")}
                </div>
                <div>
                    <label class=label for="to">"Received until"</label>
                    <input class=input id="to" name="to" type="date" value=to aria-invalid=to_error.as_ref().map(|_| "true") aria-describedby=to_error.as_ref().map(|_| "to-error")/>
                    {field_error(to_error.clone(), "to-error")}
                </div>
                <div>
                    <label class=label for="sort">"Order"</label>
                    <select class=input id="sort" name="sort">
                        {Sort::ALL.iter().map(|s| view! { <option value=s.as_str() selected=sort == *s>{s.label()}</option> }).collect_view()}
                    </select>
                </div>
                <div class="flex items-end gap-3 lg:col-span-4">
                    <button class="rounded bg-slate-900 px-4 py-1.5 font-medium text-white hover:bg-slate-700 dark:bg-white dark:text-slate-900">"Show leads"</button>
                    <a class="underline" href="/inbox">"Clear filters"</a>
                    <a class="ml-auto underline" href=export download>"Export these leads (CSV)"</a>
                </div>
            </form>
            <div data-live="leads">
            {page_error.map(|m| view! { <p class="mt-6 text-sm text-red-800 dark:text-red-300" role="alert">{m}</p> })}
            <p class="mt-6 text-sm text-slate-600 dark:text-slate-400" role="status">
                {if empty && !list.first_page { "No leads on this page: the ones that were here moved on. Start again from the first page.".to_string() } else if empty { "No leads match these filters.".to_string() } else { format!("Showing {} of {total}", list.rows.len()) }}
            </p>
            {(!empty).then(|| view! {
                <div class="mt-2 overflow-x-auto">
                    <table class="w-full border-collapse text-left text-sm">
                        <caption class="sr-only">{title}</caption>
                        <thead>
                            <tr class="border-b border-slate-300 dark:border-slate-700">
                                <th scope="col" class="py-2 pr-3">"Lead"</th>
                                <th scope="col" class="py-2 pr-3">"Recommendation"</th>
                                <th scope="col" class="py-2 pr-3">"Status"</th>
                                <th scope="col" class="py-2 pr-3">"Received"</th>
                                <th scope="col" class="py-2 pr-3">"Reply by"</th>
                                <th scope="col" class="py-2">"Assigned to"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {rows.into_iter().map(|row| view! {
                                <tr class="border-b border-slate-200 align-top dark:border-slate-800" data-lead=row.reference.clone()>
                                    <td class="py-2 pr-3">
                                        <a class="font-medium underline" href=format!("/inbox/leads/{}", row.reference)>{row.name.clone()}</a>
                                        <div class="text-slate-600 dark:text-slate-400">{row.company.clone().unwrap_or_default()}</div>
                                        <div class="font-mono text-xs text-slate-500">{row.reference.clone()}</div>
                                    </td>
                                    <td class="py-2 pr-3">{row.summary.clone().unwrap_or_else(|| "No guide result".into())}</td>
                                    <td class="py-2 pr-3">
                                        {match (row.status, row.call.clone()) {
                                            // A new lead whose visitor booked a call waits for the call, not a reply.
                                            (LeadStatus::New, Some(at)) => view! { <span data-call="booked">{format!("Call booked {at}")}</span> }.into_any(),
                                            (status, _) => status.label().into_any(),
                                        }}
                                    </td>
                                    <td class="py-2 pr-3"><span class="whitespace-nowrap">{format!("{} ago", row.age)}</span><div class="text-xs text-slate-500">{row.received.clone()}</div></td>
                                    <td class="py-2 pr-3"><CountdownBadge countdown=row.countdown.clone()/></td>
                                    <td class="py-2">{row.assignee.clone().unwrap_or_else(|| "Nobody yet".into())}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            })}
            {paged.then(|| view! {
                <nav aria-label="Pages" class="mt-4 flex items-center gap-4 text-sm">
                    {first_page.map(|href| view! { <a class="underline" href=href>"First page"</a> })}
                    {previous_page.map(|href| view! { <a class="underline" rel="prev" href=href>"Previous page"</a> })}
                    {next_page.map(|href| view! { <a class="underline" rel="next" href=href>"Next page"</a> })}
                </nav>
            })}
            </div>
        </InboxFrame>
    }
}
