//! `/inbox/leads/{reference}`: one lead, ready for the call: who wrote and what, their guide
//! answers and recommendation as a brief, every action as a form, and the history of changes.

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::components::textarea::textarea_text;
use crate::domain::leads::inbox::LeadStatus;
use crate::domain::leads::lifecycle::EventKind;

use crate::page_data::inbox::{EventRow, LeadDetail, LeadFormState};
use crate::page_data::url::with_query;

use super::{error_text, CountdownBadge, InboxFrame, InboxProblem};
use crate::pages::inbox::advice::{BriefCard, VerdictCard};
use crate::pages::inbox::reply::ReplyCard;

/// One lead by its reference; `None` when there is no such lead.
#[server(prefix = "/inbox/api", endpoint = "lead")]
pub async fn inbox_lead(reference: String) -> Result<Option<LeadDetail>, ServerFnError> {
    let (state, session) = crate::server::handlers::inbox::server_fn_session(false).await?;
    crate::server::handlers::inbox::views::lead_detail(&state, &session, &reference)
        .await
        .map_err(crate::server::handlers::inbox::internal)
}

/// What a finished action says at the top of the page.
fn done_message(done: &str) -> Option<&'static str> {
    Some(match done {
        "status" => "Status changed.",
        "assign" => "Assignment changed.",
        "note" => "Note added.",
        "replied" => "Reply recorded.",
        "reply" => "Reply queued: it goes out in a moment.",
        "not_spam" => "Moved back to the inbox as a new lead.",
        "erase" => "Personal data erased.",
        "erase_person" => "Every lead from this address was erased.",
        "call_move" => "Call moved: the visitor and the person taking it get the new time.",
        "call_cancel" => "Call cancelled: the visitor and the person taking it are told.",
        "email" => "Address corrected: email goes to it again.",
        "verdict" => "Verdict recorded beside the guide's advice.",
        _ => return None,
    })
}

#[component]
pub fn LeadPage() -> impl IntoView {
    let reference = use_params_map().get_untracked().get("reference").unwrap_or_default();
    let lead = Resource::new_blocking(move || reference.clone(), inbox_lead);
    view! {
        <Suspense fallback=|| view! { <p class="px-4 py-10">"Loading the lead…"</p> }>
            {move || Suspend::new(async move {
                match lead.await {
                    Ok(Some(lead)) => view! { <LeadBody lead/> }.into_any(),
                    Ok(None) => {
                        #[cfg(feature = "ssr")]
                        if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
                            response.set_status(axum::http::StatusCode::NOT_FOUND);
                        }
                        view! { <InboxProblem message="There is no lead with this reference.".to_string()/> }.into_any()
                    }
                    Err(error) => view! { <InboxProblem message=error_text(&error)/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn LeadBody(lead: LeadDetail) -> impl IntoView {
    let feedback = use_context::<LeadFormState>();
    let done = use_query_map().get_untracked().get("done").and_then(|d| done_message(&d));
    let action = format!("/inbox/leads/{}", lead.reference);
    let card = "rounded-lg border border-slate-200 p-4 dark:border-slate-800";
    let button = "rounded bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 dark:bg-white dark:text-slate-900";
    let input = "rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900";
    let title = if lead.erased.is_some() { format!("Lead {}", lead.reference) } else { lead.name.clone() };
    let note_text = textarea_text(&feedback.as_ref().map(|f| f.note.clone()).unwrap_or_default());
    let typed = feedback.as_ref().and_then(|f| f.reply.clone());
    let email_typed = feedback.as_ref().and_then(|f| f.email.clone());
    let verdict_typed = feedback.as_ref().and_then(|f| f.verdict.clone());
    let problem = feedback.map(|f| f.message);
    let notes: Vec<EventRow> = lead.events.iter().filter(|e| e.kind == EventKind::Note).cloned().collect();
    let viewer_id = lead.viewer.id;
    let can_erase = lead.viewer.admin && lead.erased.is_none();
    let open = lead.erased.is_none();
    view! {
        <InboxFrame viewer=lead.viewer.clone() title=title live=lead.live.clone()>
            <p data-live="summary" class="mt-1 flex flex-wrap items-center gap-3 text-sm text-slate-600 dark:text-slate-400">
                <span class="font-mono">{lead.reference.clone()}</span>
                <span>{format!("Received {}", lead.received)}</span>
                <span>{format!("Status: {}", lead.status.label())}</span>
                <CountdownBadge countdown=lead.countdown.clone()/>
            </p>
            {done.map(|d| view! { <p role="status" class="mt-4 rounded-md bg-emerald-50 p-3 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100">{d}</p> })}
            {problem.map(|p| view! { <p role="alert" class="mt-4 rounded-md border border-red-700 bg-red-50 p-3 text-red-900 dark:border-red-400 dark:bg-red-950 dark:text-red-100">{p}</p> })}
            <div data-live="spam">
            {lead.spam_reason.clone().filter(|_| lead.status == LeadStatus::Spam).map(|reason| view! {
                <div class="mt-4 rounded-md border border-amber-700 bg-amber-50 p-3 text-amber-950 dark:bg-amber-950 dark:text-amber-100">
                    <p>{format!("Held as suspected spam: {reason}.")}</p>
                    <form method="post" action=action.clone() class="mt-2">
                        <input type="hidden" name="action" value="not_spam"/>
                        <button class=button>"Not spam: move to the inbox"</button>
                    </form>
                </div>
            })}
            </div>
            {lead.call.clone().map(|call| view! { <CallCard call action=action.clone() button=button/> })}
            <div class="mt-6 grid gap-6 lg:grid-cols-3">
                <div class="space-y-6 lg:col-span-2">
                    <section class=card aria-labelledby="contact-heading" data-live="contact">
                        <h2 id="contact-heading" class="text-lg font-semibold">"Contact"</h2>
                        {lead.erased.clone().map(|when| view! { <p class="mt-2">{format!("The personal data of this lead was erased on request ({when}).")}</p> })}
                        {lead.undeliverable.clone().map(|why| view! {
                            <div role="alert" data-undeliverable class="mt-3 rounded-md border border-red-700 bg-red-50 p-3 text-sm text-red-900 dark:border-red-400 dark:bg-red-950 dark:text-red-100">
                                <p>{format!("Email to this address bounced: {why}. Nothing more is sent to it until it is corrected.")}</p>
                            </div>
                        })}
                        {open.then(|| view! { <EmailForm action=action.clone() email=email_typed.clone().unwrap_or_else(|| lead.email.clone()) bounced=lead.undeliverable.is_some() button=button input=input/> })}
                        <dl class="mt-3 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
                            <dt class="font-medium">"Name"</dt><dd>{lead.name.clone()}</dd>
                            <dt class="font-medium">"Email"</dt>
                            <dd>{if open { view! { <a class="underline" href=format!("mailto:{}", lead.email)>{lead.email.clone()}</a> }.into_any() } else { lead.email.clone().into_any() }}</dd>
                            <dt class="font-medium">"Company"</dt><dd>{lead.company.clone().unwrap_or_else(|| "—".into())}</dd>
                            <dt class="font-medium">"Role"</dt><dd>{lead.role.clone().unwrap_or_else(|| "—".into())}</dd>
                            <dt class="font-medium">"Prefers"</dt><dd>{lead.preferred_contact.clone().unwrap_or_else(|| "no preference".into())}</dd>
                            <dt class="font-medium">"Consent"</dt><dd>{lead.consent.clone()}</dd>
                            <dt class="font-medium">"Sent from"</dt><dd>{lead.source_page.clone()}</dd>
                            <dt class="font-medium">"Language"</dt><dd data-language>{lead.language.clone()}</dd>
                            <dt class="font-medium">"Came from"</dt>
                            <dd data-came-from>
                                {lead.came_from.clone()} " · "
                                <a class="underline" href=with_query("/inbox", &[("source", lead.source.clone())])>{format!("leads from {}", lead.source)}</a>
                            </dd>
                            <dt class="font-medium">"First reply"</dt><dd>{lead.first_reply.clone().unwrap_or_else(|| "not yet".into())}</dd>
                        </dl>
                        <h3 class="mt-4 font-medium">"Message"</h3>
                        <p class="mt-1 whitespace-pre-wrap break-words rounded bg-slate-50 p-3 dark:bg-slate-900" data-message>{lead.message.clone()}</p>
                    </section>
                    {match lead.brief.clone() {
                        Some(brief) => view! { <BriefCard brief/> }.into_any(),
                        None => view! { <section class=card><h2 class="text-lg font-semibold">"Brief"</h2><p class="mt-2 text-sm">"This lead did not attach a guide result."</p></section> }.into_any(),
                    }}
                    <VerdictCard reference=lead.reference.clone() verdict=lead.verdict.clone() typed=verdict_typed.clone() open=open/>
                    <ReplyCard
                        action=action.clone()
                        thread=lead.thread.clone()
                        can_email=lead.can_email && lead.undeliverable.is_none()
                        open=open && lead.status != LeadStatus::Spam
                        draft=lead.draft.clone()
                        typed
                        shared_mailbox=lead.shared_mailbox.clone()
                    />
                    <section class=card aria-labelledby="history-heading" data-live="history">
                        <h2 id="history-heading" class="text-lg font-semibold">"History"</h2>
                        <ol class="mt-3 space-y-2 text-sm">
                            {lead.events.iter().map(|e| view! {
                                <li data-event=e.kind.as_str()>
                                    <span class="text-slate-600 dark:text-slate-400">{format!("{} · {} · ", e.at, e.actor)}</span>
                                    <span class="whitespace-pre-wrap break-words">{if e.kind == EventKind::Note { format!("note: {}", e.detail) } else { e.detail.clone() }}</span>
                                </li>
                            }).collect_view()}
                        </ol>
                    </section>
                </div>
                <div class="space-y-6">
                    <section class=card aria-labelledby="work-heading" data-live="work">
                        <h2 id="work-heading" class="text-lg font-semibold">"Work this lead"</h2>
                        {(open && lead.first_reply.is_none() && lead.status != LeadStatus::Spam).then(|| view! {
                            <form method="post" action=action.clone() class="mt-3">
                                <input type="hidden" name="action" value="replied"/>
                                <button class=button>"Mark replied"</button>
                                <p class="mt-1 text-xs text-slate-600 dark:text-slate-400">"Records the first reply now; a new lead becomes contacted."</p>
                            </form>
                        })}
                        {(open && lead.countdown.waiting_on_us).then(|| view! {
                            <form method="post" action=action.clone() class="mt-3">
                                <input type="hidden" name="action" value="replied"/>
                                <button class=button>"Mark their answer replied"</button>
                                <p class="mt-1 text-xs text-slate-600 dark:text-slate-400">"Records that their last answer was answered by phone or from your own mailbox."</p>
                            </form>
                        })}
                        <form method="post" action=action.clone() class="mt-4">
                            <input type="hidden" name="action" value="status"/>
                            <label for="status" class="block text-sm font-medium">"Status"</label>
                            <div class="mt-1 flex gap-2">
                                <select id="status" name="status" class=input>
                                    {LeadStatus::ALL.iter().map(|s| view! { <option value=s.as_str() selected=*s == lead.status>{s.label()}</option> }).collect_view()}
                                </select>
                                <button class=button>"Change status"</button>
                            </div>
                        </form>
                        {open.then(|| view! {
                            <form method="post" action=action.clone() class="mt-4">
                                <input type="hidden" name="action" value="assign"/>
                                <label for="assignee" class="block text-sm font-medium">"Assigned to"</label>
                                <div class="mt-1 flex gap-2">
                                    <select id="assignee" name="assignee" class=input>
                                        <option value="" selected=lead.assigned_to.is_none()>"Nobody"</option>
                                        {lead.staff.iter().map(|(id, email)| view! {
                                            <option value=id.to_string() selected=lead.assigned_to == Some(*id)>
                                                {if *id == viewer_id { format!("{email} (me)") } else { email.clone() }}
                                            </option>
                                        }).collect_view()}
                                    </select>
                                    <button class=button>"Assign"</button>
                                </div>
                            </form>
                        })}
                        {open.then(|| view! {
                            <form method="post" action=action.clone() class="mt-4">
                                <input type="hidden" name="action" value="note"/>
                                <label for="note" class="block text-sm font-medium">"Internal note"</label>
                                <textarea id="note" name="note" rows="4" maxlength="5000" required class=format!("{input} mt-1 block w-full")>{note_text.clone()}</textarea>
                                <button class=format!("{button} mt-2")>"Add note"</button>
                            </form>
                        })}
                    </section>
                    <div data-live="notes">
                    {(!notes.is_empty()).then(|| view! {
                        <section class=card aria-labelledby="notes-heading">
                            <h2 id="notes-heading" class="text-lg font-semibold">"Notes"</h2>
                            <ul class="mt-2 space-y-3 text-sm">
                                {notes.iter().map(|n| view! {
                                    <li><p class="whitespace-pre-wrap break-words">{n.detail.clone()}</p><p class="text-xs text-slate-600 dark:text-slate-400">{format!("{} · {}", n.actor, n.at)}</p></li>
                                }).collect_view()}
                            </ul>
                        </section>
                    })}
                    </div>
                    <div data-live="person">
                    {can_erase.then(|| view! { <PersonCard action=action.clone() email=lead.email.clone() leads=lead.same_address/> })}
                    </div>
                    <div data-live="erase">
                    {can_erase.then(|| view! {
                        <section class="rounded-lg border border-red-300 p-4 dark:border-red-900" aria-labelledby="erase-heading">
                            <h2 id="erase-heading" class="text-lg font-semibold">"Erase personal data"</h2>
                            <p class="mt-1 text-sm">"On the person's request: replaces name, email, company, role, message and notes. The history keeps that it happened. This cannot be undone."</p>
                            <form method="post" action=action.clone() class="mt-2">
                                <input type="hidden" name="action" value="erase"/>
                                <label for="confirm" class="block text-sm font-medium">{format!("Type {} to confirm", lead.reference)}</label>
                                <input id="confirm" name="confirm" required autocomplete="off" class=format!("{input} mt-1 block w-full")/>
                                <button class="mt-2 rounded bg-red-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-700">"Erase"</button>
                            </form>
                        </section>
                    })}
                    </div>
                </div>
            </div>
        </InboxFrame>
    }
}

/// The person's own data, on their request (admins): download it all, or erase every lead they sent.
#[component]
fn PersonCard(action: String, email: String, leads: usize) -> impl IntoView {
    let input =
        "mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900";
    let sent = if leads == 1 { "1 lead".to_string() } else { format!("{leads} leads") };
    view! {
        <section class="rounded-lg border border-slate-200 p-4 dark:border-slate-800" aria-labelledby="person-heading">
            <h2 id="person-heading" class="text-lg font-semibold">"The person's own data"</h2>
            <p class="mt-1 text-sm">"On their request: everything stored about them, or none of it. Both are recorded in the history."</p>
            <form method="post" action=format!("{action}/export.json") class="mt-3">
                <button class="rounded border border-slate-400 px-3 py-1.5 text-sm font-medium dark:border-slate-600">"Download everything (JSON)"</button>
            </form>
            <form method="post" action=format!("{action}/erase-person") class="mt-4">
                <p class="text-sm" data-same-address>{format!("{email} sent {sent} that still hold personal data.")}</p>
                <label for="confirm-person" class="mt-2 block text-sm font-medium">{format!("Type {email} to erase all of them")}</label>
                <input id="confirm-person" name="confirm" required autocomplete="off" class=input/>
                <button class="mt-2 rounded bg-red-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-700">"Erase every lead from this address"</button>
            </form>
        </section>
    }
}

/// The call the visitor booked: when and with whom, its link, and moving or cancelling it.
#[component]
fn CallCard(call: crate::page_data::inbox::CallLine, action: String, button: &'static str) -> impl IntoView {
    let can_move = !call.moves.is_empty();
    view! {
        <section class="mt-4 rounded-md border border-slate-300 p-3 dark:border-slate-700" aria-labelledby="call-heading" data-call="booked">
            <h2 id="call-heading" class="font-semibold">{call.text.clone()}</h2>
            {call.link.clone().map(|link| view! { <p class="mt-1 text-sm">"Link: " <a class="underline" href=link.clone()>{link.clone()}</a></p> })}
            <div class="mt-2 flex flex-wrap items-end gap-3">
                {can_move.then(|| view! {
                    <form method="post" action=action.clone() class="flex flex-wrap items-end gap-2">
                        <input type="hidden" name="action" value="call_move"/>
                        <div>
                            <label for="call-slot" class="block text-sm font-medium">"Move to"</label>
                            <select id="call-slot" name="slot" required class="mt-1 rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900">
                                {call.moves.iter().map(|(value, label)| view! { <option value=value.clone()>{label.clone()}</option> }).collect_view()}
                            </select>
                        </div>
                        <button class=button>"Move the call"</button>
                    </form>
                })}
                <form method="post" action=action.clone()>
                    <input type="hidden" name="action" value="call_cancel"/>
                    <button class=button>"Cancel the call"</button>
                </form>
            </div>
        </section>
    }
}

/// Correcting the lead's address: after a bounce (sends start again) or a typing mistake.
#[component]
fn EmailForm(action: String, email: String, bounced: bool, button: &'static str, input: &'static str) -> impl IntoView {
    view! {
        <details class="mt-3 text-sm" open=bounced>
            <summary class="cursor-pointer underline">"Correct the address"</summary>
            <form method="post" action=action class="mt-2 flex flex-wrap items-end gap-2">
                <input type="hidden" name="action" value="email"/>
                <div>
                    <label for="lead-email" class="block font-medium">"Email"</label>
                    <input id="lead-email" name="email" type="email" required maxlength="254" class=input value=email/>
                </div>
                <button class=button>"Save address"</button>
            </form>
        </details>
    }
}
