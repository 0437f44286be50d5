//! The lead page's thread: the replies written to the lead with where each stands, and the form
//! to write the next one (plain text, sent by email through the outbox).

use leptos::prelude::*;

use crate::components::textarea::textarea_text;
use crate::page_data::inbox::ReplyRow;

/// The thread and the compose form. `typed` is what a refused send came back with.
#[component]
pub fn ReplyCard(
    action: String,
    replies: Vec<ReplyRow>,
    can_email: bool,
    open: bool,
    draft: (String, String),
    typed: Option<(String, String)>,
) -> impl IntoView {
    let card = "rounded-lg border border-slate-200 p-4 dark:border-slate-800";
    let input =
        "mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900";
    let (subject, body) = typed.unwrap_or(draft);
    let state_class = |state: &str| match state {
        "sent" => "text-emerald-800 dark:text-emerald-300",
        "failed" => "text-red-800 dark:text-red-300",
        _ => "text-slate-600 dark:text-slate-400",
    };
    view! {
        <section class=card aria-labelledby="thread-heading" data-live="thread">
            <h2 id="thread-heading" class="text-lg font-semibold">"Replies"</h2>
            {replies.is_empty().then(|| view! { <p class="mt-2 text-sm">"No reply written here yet."</p> })}
            <ol class="mt-3 space-y-4">
                {replies.into_iter().map(|r| view! {
                    <li data-reply=r.state.clone() class="rounded bg-slate-50 p-3 text-sm dark:bg-slate-900">
                        <p class="font-medium">{r.subject}</p>
                        <p class="text-slate-600 dark:text-slate-400">{format!("{} · {}", r.at, r.author)}</p>
                        <p class=state_class(&r.state)>{r.detail}</p>
                        <p class="mt-2 whitespace-pre-wrap break-words">{r.body}</p>
                    </li>
                }).collect_view()}
            </ol>
            {match (open, can_email) {
                (false, _) => ().into_any(),
                (true, false) => view! {
                    <p class="mt-4 text-sm">"Email is not set up on this server, so replies cannot be sent from here: use the email link above, then mark the lead replied."</p>
                }.into_any(),
                (true, true) => view! {
                    <form method="post" action=action class="mt-4 space-y-3">
                        <input type="hidden" name="action" value="reply"/>
                        <div>
                            <label for="reply-subject" class="block text-sm font-medium">"Subject"</label>
                            <input class=input id="reply-subject" name="subject" required maxlength="200" value=subject/>
                        </div>
                        <div>
                            <label for="reply-body" class="block text-sm font-medium">"Reply (plain text)"</label>
                            <textarea class=input id="reply-body" name="body" rows="10" required maxlength="20000">{textarea_text(&body)}</textarea>
                        </div>
                        <button class="rounded bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 dark:bg-white dark:text-slate-900">"Send reply"</button>
                        <p class="text-xs text-slate-600 dark:text-slate-400">"Sent from the site's address; the answer comes to you. The first reply counts as the reply the site promises."</p>
                    </form>
                }.into_any(),
            }}
        </section>
    }
}
