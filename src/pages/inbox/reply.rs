//! The lead page's thread, both ways: the replies written to the lead with where each stands,
//! the messages that came back into the shared mailbox (as plain text, their quoted history
//! folded, their files listed), and the form to write the next reply (plain text, sent by email
//! through the outbox).

use leptos::prelude::*;

use crate::components::textarea::textarea_text;
use crate::domain::leads::conversation::InboundKind;
use crate::page_data::conversation::{InboundRow, ThreadEntry};

/// The thread and the compose form. `typed` is what a refused send came back with.
#[component]
pub fn ReplyCard(
    action: String,
    thread: Vec<ThreadEntry>,
    can_email: bool,
    open: bool,
    draft: (String, String),
    typed: Option<(String, String)>,
    /// The shared mailbox answers come back to, if one is set up.
    shared_mailbox: Option<String>,
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
            <h2 id="thread-heading" class="text-lg font-semibold">"Conversation"</h2>
            {thread.is_empty().then(|| view! { <p class="mt-2 text-sm">"No reply written here yet."</p> })}
            <ol class="mt-3 space-y-4">
                {thread.into_iter().map(|entry| match entry {
                    ThreadEntry::Reply(r) => view! {
                        <li data-reply=r.state.clone() class="rounded bg-slate-50 p-3 text-sm dark:bg-slate-900">
                            <p class="font-medium">{r.subject}</p>
                            <p class="text-slate-600 dark:text-slate-400">{format!("{} · {} (us)", r.at, r.author)}</p>
                            <p class=state_class(&r.state)>{r.detail}</p>
                            <p class="mt-2 whitespace-pre-wrap break-words">{r.body}</p>
                        </li>
                    }.into_any(),
                    ThreadEntry::Inbound(m) => view! { <InboundMessage message=m/> }.into_any(),
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
                        <p class="text-xs text-slate-600 dark:text-slate-400">{match shared_mailbox {
                            Some(shared) => format!("Sent from the site's address; the answer comes back to {shared} and into this thread. Each reply answers the promise the site made for the message before it."),
                            None => "Sent from the site's address; the answer comes to you. The first reply counts as the reply the site promises.".to_string(),
                        }}</p>
                    </form>
                }.into_any(),
            }}
        </section>
    }
}

/// A message that came into the shared mailbox, shown as text: never as HTML.
#[component]
pub fn InboundMessage(message: InboundRow) -> impl IntoView {
    let tone = match message.kind {
        InboundKind::Answer => "border-l-4 border-sky-700 dark:border-sky-400",
        InboundKind::AutoReply => "border-l-4 border-slate-400",
        InboundKind::Bounce => "border-l-4 border-red-700 dark:border-red-400",
    };
    view! {
        <li data-inbound=message.kind.as_str() class=format!("rounded bg-white p-3 text-sm dark:bg-slate-950 {tone}")>
            <p class="font-medium">{message.subject}</p>
            <p class="text-slate-600 dark:text-slate-400">{format!("{} · {} (them)", message.at, message.from)}</p>
            <p class="text-slate-600 dark:text-slate-400">{format!("{} · {}", message.kind_label, message.matched)}</p>
            <p class="mt-2 whitespace-pre-wrap break-words" data-body>{message.body}</p>
            {message.earlier.map(|earlier| view! {
                <details class="mt-2">
                    <summary class="cursor-pointer text-slate-600 underline dark:text-slate-400">"Show earlier messages"</summary>
                    <p class="mt-2 whitespace-pre-wrap break-words text-slate-600 dark:text-slate-400">{earlier}</p>
                </details>
            })}
            {(!message.attachments.is_empty()).then(|| view! {
                <ul class="mt-2 space-y-1" aria-label="Attachments">
                    {message.attachments.into_iter().map(|file| view! {
                        <li>{match file.link {
                            Some(link) => view! { <a class="underline" href=link download>{file.label}</a> }.into_any(),
                            None => view! { <span>{format!("{} (not kept: larger than the inbox keeps)", file.label)}</span> }.into_any(),
                        }}</li>
                    }).collect_view()}
                </ul>
            })}
            {message.notes.into_iter().map(|note| view! { <p class="mt-1 text-xs text-slate-600 dark:text-slate-400">{note}</p> }).collect_view()}
        </li>
    }
}
