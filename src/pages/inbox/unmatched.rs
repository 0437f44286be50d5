//! `/inbox/unmatched`: messages from the shared mailbox that matched no lead. Staff attach each
//! to its lead (by reference) or discard it: nothing that comes in is dropped silently.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::page_data::conversation::{InboundRow, UnmatchedForm};
use crate::page_data::inbox::UnmatchedList;

use super::reply::InboundMessage;
use super::{error_text, InboxFrame, InboxProblem};

#[server(prefix = "/inbox/api", endpoint = "unmatched")]
pub async fn inbox_unmatched() -> Result<UnmatchedList, ServerFnError> {
    let (state, session) = crate::server::handlers::inbox::server_fn_session(false).await?;
    crate::server::handlers::inbox::unmatched::list(&state, &session)
        .await
        .map_err(crate::server::handlers::inbox::internal)
}

#[component]
pub fn UnmatchedPage() -> impl IntoView {
    let list = Resource::new_blocking(|| (), |_| inbox_unmatched());
    view! {
        <Suspense fallback=|| view! { <p class="px-4 py-10">"Loading the unmatched messages…"</p> }>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(list) => view! { <UnmatchedBody list/> }.into_any(),
                    Err(error) => view! { <InboxProblem message=error_text(&error)/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn UnmatchedBody(list: UnmatchedList) -> impl IntoView {
    let done = match use_query_map().get_untracked().get("done").as_deref() {
        Some("attached") => Some("Attached: the message is in the lead's conversation now."),
        Some("discarded") => Some("Discarded: the message and its files are deleted."),
        _ => None,
    };
    let form = use_context::<UnmatchedForm>();
    let shown = list.messages.len() as u64;
    view! {
        <InboxFrame viewer=list.viewer.clone() title="Unmatched messages".to_string() live=list.live.clone()>
            <p class="mt-4 text-sm text-slate-600 dark:text-slate-400">
                {if list.mailbox {
                    "Messages that came into the shared mailbox without naming a lead: no email of ours they answer, no lead's reply address, no open lead from their sender. Attach each to its lead, or discard it."
                } else {
                    "No shared mailbox is read on this server (ARCHGUIDE_IMAP_URL), so nothing comes in here."
                }}
            </p>
            {done.map(|d| view! { <p role="status" class="mt-4 rounded-md bg-emerald-50 p-3 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100">{d}</p> })}
            <div data-live="unmatched">
                <p class="mt-4 text-sm" role="status">
                    {match (list.total, shown < list.total) {
                        (0, _) => "Nothing is waiting.".to_string(),
                        (n, true) => format!("{n} messages wait; the oldest {shown} are shown."),
                        (n, false) => format!("{n} waiting."),
                    }}
                </p>
                <ol class="mt-3 space-y-6">
                    {list.messages.into_iter().map(|message| {
                        let problem = form.as_ref().filter(|f| f.message == message.id).cloned();
                        view! { <Unmatched message problem/> }
                    }).collect_view()}
                </ol>
            </div>
        </InboxFrame>
    }
}

/// One message, with its two actions.
#[component]
fn Unmatched(message: InboundRow, problem: Option<UnmatchedForm>) -> impl IntoView {
    let id = message.id;
    let input = "rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900";
    let button = "rounded bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 dark:bg-white dark:text-slate-900";
    let field = format!("attach-{id}");
    let error_id = format!("attach-{id}-error");
    let typed = problem.as_ref().map(|p| p.reference.clone()).unwrap_or_default();
    let error = problem.map(|p| p.error);
    view! {
        <li class="rounded-lg border border-slate-200 p-4 dark:border-slate-800" data-unmatched=id.to_string()>
            <ol><InboundMessage message/></ol>
            <div class="mt-3 flex flex-wrap items-end gap-4">
                <form method="post" action=format!("/inbox/unmatched/{id}/attach") class="flex flex-wrap items-end gap-2">
                    <div>
                        <label for=field.clone() class="block text-sm font-medium">"Lead reference"</label>
                        <input id=field name="reference" required class=input placeholder="AG-7K2Q9M" value=typed
                            aria-invalid=error.as_ref().map(|_| "true") aria-describedby=error.as_ref().map(|_| error_id.clone())/>
                    </div>
                    <button class=button>"Attach to this lead"</button>
                </form>
                <form method="post" action=format!("/inbox/unmatched/{id}/discard")>
                    <button class="rounded border border-red-700 px-3 py-1.5 text-sm font-medium text-red-800 hover:bg-red-50 dark:border-red-400 dark:text-red-300 dark:hover:bg-red-950">"Discard"</button>
                </form>
            </div>
            {error.map(|e| view! { <p id=error_id class="mt-1 text-sm text-red-800 dark:text-red-300">{e}</p> })}
        </li>
    }
}
