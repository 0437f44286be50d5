//! `/inbox/model` (admins): the advice model in use and where its prices come from, the draft
//! (the model, the price book and each language's words for it) to check and publish, the versions published (each can be put back), and the audit. The
//! check of a draft is `check`, the case library `cases`.

pub mod cases;
pub mod check;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::components::textarea::textarea_text;
use crate::page_data::review::{DraftForm, ModelPage};

use super::{error_text, InboxFrame, InboxProblem};

pub(crate) const CARD: &str = "mt-6 rounded-lg border border-slate-200 p-4 dark:border-slate-800";
pub(crate) const BUTTON: &str = "rounded bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 dark:bg-white dark:text-slate-900";
pub(crate) const INPUT: &str =
    "mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900";
pub(crate) const ERROR: &str = "mt-1 whitespace-pre-wrap text-sm text-red-800 dark:text-red-300";
pub(crate) const NOTICE: &str =
    "mt-4 rounded-md bg-emerald-50 p-3 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100";
pub(crate) const ALERT: &str = "mt-4 rounded-md border border-red-700 bg-red-50 p-3 text-red-900 dark:border-red-400 dark:bg-red-950 dark:text-red-100";

#[server(prefix = "/inbox/api", endpoint = "model")]
pub async fn inbox_model() -> Result<ModelPage, ServerFnError> {
    let (state, session) = crate::server::handlers::inbox::server_fn_session(true).await?;
    crate::server::handlers::model::model_page(&state, &session).await.map_err(crate::server::handlers::inbox::internal)
}

#[component]
pub fn ModelPageView() -> impl IntoView {
    let page = Resource::new_blocking(|| (), |_| inbox_model());
    view! {
        <Suspense fallback=|| view! { <p class="px-4 py-10">"Loading the model…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => view! { <ModelBody page/> }.into_any(),
                    Err(error) => view! { <InboxProblem message=error_text(&error)/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The links between the model's pages.
#[component]
pub(crate) fn ModelNav() -> impl IntoView {
    view! {
        <p class="mt-2 flex flex-wrap gap-4 text-sm">
            <a class="underline" href="/inbox/model">"The model and its draft"</a>
            <a class="underline" href="/inbox/model/cases">"The case library"</a>
        </p>
    }
}

#[component]
fn ModelBody(page: ModelPage) -> impl IntoView {
    let done = match use_query_map().get_untracked().get("done").as_deref() {
        Some("publish") => Some("Published: this server uses the new version now, every other within seconds."),
        Some("rollback") => Some("Put back: this server uses that version now, every other within seconds."),
        _ => None,
    };
    // A refused check comes back with the draft as typed and what is wrong with it.
    let draft = use_context::<DraftForm>().unwrap_or(page.draft.clone());
    let refused =
        draft.model_error.is_some() || draft.prices_error.is_some() || draft.words.iter().any(|w| w.error.is_some());
    let editable = page.editable;
    view! {
        <InboxFrame viewer=page.viewer.clone() title="The advice model".to_string() live=page.live.clone()>
            <ModelNav/>
            {done.map(|d| view! { <p role="status" class=NOTICE>{d}</p> })}
            {refused.then(|| view! { <p role="alert" class=ALERT>"The draft was not checked: see what is wrong below."</p> })}
            <p class="mt-4" data-model-version>
                "In use: version " <strong>{page.version.clone()}</strong> {format!(", {}.", page.source)}
            </p>
            {(!editable).then(|| view! {
                <p role="status" class="mt-2 rounded-md bg-amber-50 p-3 text-amber-950 dark:bg-amber-950 dark:text-amber-100">
                    "Edits are off: the model comes from files on this server (ARCHGUIDE_MODEL_FILE or ARCHGUIDE_PRICES_FILE), and they win over anything published here."
                </p>
            })}
            <section class=CARD aria-labelledby="draft-heading">
                <h2 id="draft-heading" class="text-lg font-semibold">"Draft"</h2>
                <p class="mt-1 text-sm">{format!(
                    "Edit the model and the price book as TOML, and its words in each language, then check the draft: it is read by the same rules as at start-up, run against the {} cases in use and replayed through the stored results. Nothing is live until it is published.",
                    page.cases
                )}</p>
                {page.latest_check.map(|id| view! {
                    <p class="mt-1 text-sm"><a class="underline" href=format!("/inbox/model/checks/{id}")>"The latest check of this draft"</a></p>
                })}
                <form method="post" action="/inbox/model/check" class="mt-3 space-y-4">
                    <div>
                        <label for="draft-model" class="block text-sm font-medium">"Model (model.toml)"</label>
                        <textarea id="draft-model" name="model" rows="24" spellcheck="false" class=format!("{INPUT} font-mono text-xs")
                            aria-invalid=draft.model_error.is_some().then_some("true") aria-describedby=draft.model_error.is_some().then_some("draft-model-error")>
                            {textarea_text(&draft.model)}
                        </textarea>
                        {draft.model_error.clone().map(|e| view! { <p id="draft-model-error" class=ERROR>{e}</p> })}
                    </div>
                    <div>
                        <label for="draft-prices" class="block text-sm font-medium">"Price book (prices.toml)"</label>
                        <textarea id="draft-prices" name="prices" rows="12" spellcheck="false" class=format!("{INPUT} font-mono text-xs")
                            aria-invalid=draft.prices_error.is_some().then_some("true") aria-describedby=draft.prices_error.is_some().then_some("draft-prices-error")>
                            {textarea_text(&draft.prices)}
                        </textarea>
                        {draft.prices_error.clone().map(|e| view! { <p id="draft-prices-error" class=ERROR>{e}</p> })}
                    </div>
                    <p class="text-sm">"Every rule, prerequisite and tension is explained by a message of each language's model.ftl (rule-{id}, prerequisite-{id}, tension-{code}). A draft that needs a message a language lacks cannot be published."</p>
                    {draft.words.iter().map(|w| {
                        let id = format!("draft-words-{}", w.code);
                        let error_id = format!("{id}-error");
                        view! {
                            <div>
                                <label for=id.clone() class="block text-sm font-medium">{format!("Words in {} (locales/{}/model.ftl)", w.name, w.code)}</label>
                                <textarea id=id name=format!("words_{}", w.code) rows="12" spellcheck="false" class=format!("{INPUT} font-mono text-xs")
                                    aria-invalid=w.error.is_some().then_some("true") aria-describedby=w.error.is_some().then(|| error_id.clone())>
                                    {textarea_text(&w.text)}
                                </textarea>
                                {w.error.clone().map(|e| view! { <p id=error_id.clone() class=ERROR>{e}</p> })}
                            </div>
                        }
                    }).collect_view()}
                    <button class=BUTTON disabled=!editable>"Check the draft"</button>
                </form>
            </section>
            <section class=CARD aria-labelledby="prices-heading">
                <h2 id="prices-heading" class="text-lg font-semibold">"Where the prices come from"</h2>
                <table class="mt-2 text-sm" data-price-sections>
                    <thead><tr><th scope="col" class="pr-4 text-left">"Section"</th><th scope="col" class="pr-4 text-left">"Source"</th><th scope="col" class="text-left">"Read on"</th></tr></thead>
                    <tbody>
                        {page.prices.iter().map(|p| view! {
                            <tr data-stale=p.stale.then_some("true")>
                                <th scope="row" class="pr-4 text-left font-normal">{p.name.clone()}</th>
                                <td class="pr-4 break-all">{if p.source.starts_with("https://") {
                                    view! { <a class="underline" href=p.source.clone()>{p.source.clone()}</a> }.into_any()
                                } else {
                                    p.source.clone().into_any()
                                }}</td>
                                <td class="tabular-nums">{p.as_of.clone()}{p.stale.then_some(" (read again: too old)")}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </section>
            <section class=CARD aria-labelledby="published-heading">
                <h2 id="published-heading" class="text-lg font-semibold">"Published versions"</h2>
                {if page.versions.is_empty() {
                    view! { <p class="mt-2 text-sm">"None yet: the model shipped with this build is in use."</p> }.into_any()
                } else {
                    view! {
                        <table class="mt-2 text-sm" data-versions>
                            <thead><tr><th scope="col" class="pr-4 text-left">"Version"</th><th scope="col" class="pr-4 text-left">"Published"</th><th scope="col" class="pr-4 text-left">"Note"</th><th scope="col" class="text-left"><span class="sr-only">"Action"</span></th></tr></thead>
                            <tbody>
                                {page.versions.iter().map(|v| view! {
                                    <tr>
                                        <th scope="row" class="pr-4 text-left font-normal">{v.version.clone()}{v.live.then_some(" (in use)")}</th>
                                        <td class="pr-4">{format!("{} by {}", v.at, v.author)}</td>
                                        <td class="pr-4">{v.note.clone()}{v.override_reason.clone().map(|r| format!(" — published with failing cases: {r}"))}</td>
                                        <td>{(!v.live && editable).then(|| view! {
                                            <form method="post" action="/inbox/model/rollback">
                                                <input type="hidden" name="to" value=v.id.to_string()/>
                                                <button class="underline">{format!("Put back {}", v.version)}</button>
                                            </form>
                                        })}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                        {editable.then(|| view! {
                            <form method="post" action="/inbox/model/rollback" class="mt-2">
                                <input type="hidden" name="to" value="0"/>
                                <button class="text-sm underline">"Put back the model shipped with this build"</button>
                            </form>
                        })}
                    }.into_any()
                }}
            </section>
            <section class=CARD aria-labelledby="audit-heading">
                <h2 id="audit-heading" class="text-lg font-semibold">"Audit"</h2>
                <ul class="mt-2 space-y-1 text-sm" data-audit>
                    {page.audit.iter().map(|a| view! { <li>{format!("{} · {} · {}: {}", a.at, a.actor, a.action, a.detail)}</li> }).collect_view()}
                </ul>
            </section>
        </InboxFrame>
    }
}
