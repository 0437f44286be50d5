//! `/inbox/model/checks/{id}` (admins): a draft's check as it runs (the page reloads itself
//! every second until it is done) and its outcome: the cases that pass and fail with the choice
//! each got, how many stored results would change and how (transitions per axis, with examples
//! that link to the results), the changes against the published version, and the publish form.

use leptos::prelude::*;
use leptos_meta::Meta;
use leptos_router::hooks::use_params_map;

use crate::domain::guide::review::case::CaseCheck;
use crate::domain::guide::review::replay::Transition;
use crate::page_data::review::{CheckPage, PublishForm};

use super::super::{error_text, InboxFrame, InboxProblem};
use super::{ModelNav, ALERT, BUTTON, CARD, ERROR, INPUT};

#[server(prefix = "/inbox/api", endpoint = "model_check")]
pub async fn inbox_model_check(id: i64) -> Result<Option<CheckPage>, ServerFnError> {
    let (state, session) = crate::server::handlers::inbox::server_fn_session(true).await?;
    crate::server::handlers::model::check_page(&state, &session, id)
        .await
        .map_err(crate::server::handlers::inbox::internal)
}

#[component]
pub fn CheckPageView() -> impl IntoView {
    let id = use_params_map().get_untracked().get("id").and_then(|id| id.parse::<i64>().ok()).unwrap_or(0);
    let page = Resource::new_blocking(move || id, inbox_model_check);
    view! {
        <Suspense fallback=|| view! { <p class="px-4 py-10">"Loading the check…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(Some(page)) => view! { <CheckBody page/> }.into_any(),
                    Ok(None) => {
                        #[cfg(feature = "ssr")]
                        if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
                            response.set_status(axum::http::StatusCode::NOT_FOUND);
                        }
                        view! { <InboxProblem message="There is no such check.".to_string()/> }.into_any()
                    }
                    Err(error) => view! { <InboxProblem message=error_text(&error)/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn got(check: CaseCheck) -> String {
    match check {
        CaseCheck::Got { organisation, execution, .. } => format!("{organisation} on {execution}"),
        CaseCheck::Failed => "the engine failed".to_string(),
    }
}

/// A thousands-grouped count.
fn count(n: u64) -> String {
    crate::domain::guide::answers::plain_number(n as f64)
}

#[component]
fn CheckBody(page: CheckPage) -> impl IntoView {
    let publish = use_context::<PublishForm>().unwrap_or(page.publish.clone());
    // A check that stopped before it finished has a failure, and no longer reloads.
    let running = page.finished.is_none() && page.failure.is_none();
    let passed = page.cases.iter().filter(|c| c.draft.passed()).count();
    let failing = page.cases.len() - passed;
    let mut cases = page.cases.clone();
    // Failures first, then in library order.
    cases.sort_by_key(|c| c.draft.passed());
    let error =
        |field: &str| publish.errors.iter().filter(|(f, _)| f == field).map(|(_, m)| m.clone()).collect::<Vec<_>>();
    let (general, version_error, note_error, reason_error) =
        (error("publish"), error("version"), error("note"), error("reason"));
    let status = if running {
        format!("Running: {} of {} stored results replayed.", count(page.done), count(page.total))
    } else {
        format!("Finished {}.", page.finished.clone().unwrap_or_default())
    };
    view! {
        {running.then(|| view! { <Meta http_equiv="refresh" content="1"/> })}
        <InboxFrame viewer=page.viewer.clone() title=format!("Check {} of a draft", page.id) live=page.live.clone()>
            <ModelNav/>
            <p class="mt-4 text-sm">{format!("Draft version {} by {}, checked against {}, started {}.", page.draft_version, page.author, page.against, page.started)}</p>
            <p class="mt-1" role="status" data-check-status=if running { "running" } else { "finished" }>{status}</p>
            {running.then(|| view! { <progress class="mt-2 w-full max-w-md" max=page.total.max(1).to_string() value=page.done.to_string()>{format!("{} of {}", page.done, page.total)}</progress> })}
            {page.failure.clone().map(|f| view! { <p role="alert" class=ALERT>{f}</p> })}
            {page.outdated.then(|| view! { <p role="alert" class=ALERT>"Another version was published after this check: check the draft again before publishing it."</p> })}
            <section class=CARD aria-labelledby="cases-heading" data-cases>
                <h2 id="cases-heading" class="text-lg font-semibold">"Cases"</h2>
                <p class="mt-1" data-cases-summary>{if running { "Checked when the replay is done.".to_string() } else { format!("{passed} of {} pass, {failing} fail.", page.cases.len()) }}</p>
                <table class="mt-2 text-sm">
                    <thead><tr>
                        <th scope="col" class="pr-4 text-left">"Case"</th>
                        <th scope="col" class="pr-4 text-left">"Accepted"</th>
                        <th scope="col" class="pr-4 text-left">"The draft gives"</th>
                        <th scope="col" class="pr-4 text-left">"Published gives"</th>
                        <th scope="col" class="text-left">"Outcome"</th>
                    </tr></thead>
                    <tbody>
                        {cases.into_iter().map(|c| {
                            let accepted = format!("{} on {}",
                                c.organisation.iter().map(|o| o.as_str()).collect::<Vec<_>>().join(" or "),
                                c.execution.iter().map(|e| e.as_str()).collect::<Vec<_>>().join(" or "));
                            let outcome = match (c.draft.passed(), c.published.passed()) {
                                (true, _) => "passes",
                                (false, true) => "FAILS (passes now)",
                                (false, false) => "FAILS",
                            };
                            view! {
                                <tr data-case=c.id.to_string() data-outcome=if c.draft.passed() { "pass" } else { "fail" }>
                                    <th scope="row" class="pr-4 text-left font-normal"><a class="underline" href=format!("/inbox/model/cases#case-{}", c.id)>{c.title.clone()}</a></th>
                                    <td class="pr-4">{accepted}</td>
                                    <td class="pr-4">{got(c.draft)}</td>
                                    <td class="pr-4">{got(c.published)}</td>
                                    <td class:font-semibold=!c.draft.passed()>{outcome}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </section>
            <section class=CARD aria-labelledby="replay-heading" data-replay>
                <h2 id="replay-heading" class="text-lg font-semibold">{format!("Stored results of the last {}", page.replay_days)}</h2>
                {page.replay.clone().map(|r| view! {
                    <p class="mt-1" data-replay-summary>{format!(
                        "{} of {} results would change.{}",
                        count(r.changed), count(r.results),
                        if r.failed > 0 { format!(" The engine failed on {} of them.", count(r.failed)) } else { String::new() }
                    )}</p>
                    <TransitionTable caption="Organisation" rows=r.organisation.clone()/>
                    <TransitionTable caption="Execution" rows=r.execution.clone()/>
                })}
            </section>
            <section class=CARD aria-labelledby="diff-heading">
                <h2 id="diff-heading" class="text-lg font-semibold">"Changes against the published version"</h2>
                {if page.diff.is_empty() {
                    view! { <p class="mt-1 text-sm">"None: the draft is the published version."</p> }.into_any()
                } else {
                    view! { <pre class="mt-2 max-h-96 overflow-auto rounded bg-slate-50 p-3 text-xs dark:bg-slate-900" data-diff>{page.diff.clone()}</pre> }.into_any()
                }}
            </section>
            {(!page.missing_words.is_empty()).then(|| view! {
                <section class=CARD aria-labelledby="words-heading">
                    <h2 id="words-heading" class="text-lg font-semibold">"Words missing"</h2>
                    <ul class="mt-1 list-disc pl-5 text-sm" data-missing-words>
                        {page.missing_words.iter().map(|(language, ids)| view! { <li>{format!("{language}: {}", ids.join(", "))}</li> }).collect_view()}
                    </ul>
                </section>
            })}
            {(!running).then(|| view! {
                <section class=CARD aria-labelledby="publish-heading">
                    <h2 id="publish-heading" class="text-lg font-semibold">"Publish"</h2>
                    {general.iter().map(|m| view! { <p role="alert" class=ALERT>{m.clone()}</p> }).collect_view()}
                    <form method="post" action="/inbox/model/publish" class="mt-3 space-y-3">
                        <input type="hidden" name="check" value=page.id.to_string()/>
                        <div>
                            <label for="publish-version" class="block text-sm font-medium">"Version name"</label>
                            <input id="publish-version" name="version" required class=INPUT value=publish.version.clone()/>
                            {version_error.iter().map(|m| view! { <p class=ERROR>{m.clone()}</p> }).collect_view()}
                        </div>
                        <div>
                            <label for="publish-note" class="block text-sm font-medium">"What changed, and why"</label>
                            <textarea id="publish-note" name="note" rows="3" required class=INPUT>{crate::components::textarea::textarea_text(&publish.note)}</textarea>
                            {note_error.iter().map(|m| view! { <p class=ERROR>{m.clone()}</p> }).collect_view()}
                        </div>
                        {(failing > 0).then(|| view! {
                            <div>
                                <label for="publish-reason" class="block text-sm font-medium">{match failing {
                                    1 => "A case fails: why publish it all the same?".to_string(),
                                    n => format!("{n} cases fail: why publish it all the same?"),
                                }}</label>
                                <textarea id="publish-reason" name="reason" rows="2" class=INPUT>{crate::components::textarea::textarea_text(&publish.reason)}</textarea>
                                {reason_error.iter().map(|m| view! { <p class=ERROR>{m.clone()}</p> }).collect_view()}
                            </div>
                        })}
                        <button class=BUTTON>"Publish"</button>
                    </form>
                </section>
            })}
        </InboxFrame>
    }
}

/// One axis's transitions: from, to, how many, and a few results that make it.
#[component]
fn TransitionTable(caption: &'static str, rows: Vec<Transition>) -> impl IntoView {
    view! {
        <table class="mt-3 text-sm" data-transitions=caption.to_lowercase()>
            <caption class="text-left font-medium">{caption}</caption>
            <thead><tr><th scope="col" class="pr-4 text-left">"From → to"</th><th scope="col" class="pr-4 text-right">"Results"</th><th scope="col" class="text-left">"For example"</th></tr></thead>
            <tbody>
                {if rows.is_empty() {
                    view! { <tr><td colspan="3">"No change."</td></tr> }.into_any()
                } else {
                    rows.into_iter().map(|t| view! {
                        <tr data-from=t.from.clone() data-to=t.to.clone()>
                            <th scope="row" class="pr-4 text-left font-normal">{format!("{} → {}", t.from, t.to)}</th>
                            <td class="pr-4 text-right tabular-nums" data-count>{t.count.to_string()}</td>
                            <td>{t.examples.iter().map(|id| view! { <a class="mr-2 font-mono underline" href=format!("/guide/result/{id}")>{id.clone()}</a> }).collect_view()}</td>
                        </tr>
                    }).collect_view().into_any()
                }}
            </tbody>
        </table>
    }
}
