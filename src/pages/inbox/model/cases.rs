//! `/inbox/model/cases` (admins): the case library. Each case shows the choices an architect
//! would accept and what the model in use gives; cases are added, edited, retired and brought
//! back with plain forms (`?edit={id}` fills the form with a case).

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::components::textarea::textarea_text;
use crate::domain::guide::recommendation::{Execution, Organisation};
use crate::domain::guide::review::case::CaseSource;
use crate::page_data::review::{CaseFormState, CasesPage};

use super::super::{error_text, InboxFrame, InboxProblem};
use super::{ModelNav, ALERT, BUTTON, CARD, ERROR, INPUT, NOTICE};

#[server(prefix = "/inbox/api", endpoint = "model_cases")]
pub async fn inbox_model_cases(edit: Option<i64>) -> Result<CasesPage, ServerFnError> {
    let (state, session) = crate::server::handlers::inbox::server_fn_session(true).await?;
    crate::server::handlers::model::cases::cases_page(&state, &session, edit)
        .await
        .map_err(crate::server::handlers::inbox::internal)
}

#[component]
pub fn CasesPageView() -> impl IntoView {
    let edit = use_query_map().get_untracked().get("edit").and_then(|id| id.parse::<i64>().ok());
    let page = Resource::new_blocking(move || edit, inbox_model_cases);
    view! {
        <Suspense fallback=|| view! { <p class="px-4 py-10">"Loading the cases…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => view! { <CasesBody page/> }.into_any(),
                    Err(error) => view! { <InboxProblem message=error_text(&error)/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn CasesBody(page: CasesPage) -> impl IntoView {
    let done = match use_query_map().get_untracked().get("done").as_deref() {
        Some("added") => Some("Case added: every check runs it from now on."),
        Some("edited") => Some("Case saved."),
        Some("retired") => Some("Case retired: checks leave it out."),
        Some("restored") => Some("Case back in use."),
        _ => None,
    };
    let state = use_context::<CaseFormState>().unwrap_or(CaseFormState {
        editing: page.editing,
        form: page.form.clone(),
        errors: page.errors.clone(),
    });
    let in_use = page.cases.iter().filter(|c| !c.retired).count();
    let failing = page.cases.iter().filter(|c| !c.retired && !c.passes).count();
    view! {
        <InboxFrame viewer=page.viewer.clone() title="The case library".to_string() live=page.live.clone()>
            <ModelNav/>
            {done.map(|d| view! { <p role="status" class=NOTICE>{d}</p> })}
            {(!state.errors.is_empty()).then(|| {
                let general = state.errors.iter().find(|(f, _)| f == "case").map(|(_, m)| m.clone());
                view! { <p role="alert" class=ALERT>{general.unwrap_or_else(|| "The case was not saved: see what is wrong below.".to_string())}</p> }
            })}
            <p class="mt-4">{format!("{in_use} cases in use; the model in use fails {failing} of them. A draft of the model is checked against every case in use before it can be published.")}</p>
            <table class="mt-4 text-sm" data-case-list>
                <thead><tr>
                    <th scope="col" class="pr-4 text-left">"Case"</th>
                    <th scope="col" class="pr-4 text-left">"Accepted"</th>
                    <th scope="col" class="pr-4 text-left">"The model in use gives"</th>
                    <th scope="col" class="pr-4 text-left">"Source"</th>
                    <th scope="col" class="text-left"><span class="sr-only">"Actions"</span></th>
                </tr></thead>
                <tbody>
                    {page.cases.iter().map(|c| view! {
                        <tr id=format!("case-{}", c.id) data-case=c.id.to_string() data-retired=c.retired.then_some("true") class:opacity-60=c.retired>
                            <th scope="row" class="pr-4 align-top text-left font-normal">
                                {c.title.clone()}{c.retired.then_some(" (retired)")}
                                {(!c.note.is_empty()).then(|| view! { <p class="text-xs text-slate-600 dark:text-slate-400">{c.note.clone()}</p> })}
                            </th>
                            <td class="pr-4 align-top">{c.accepted.clone()}</td>
                            <td class="pr-4 align-top">{format!("{}{}", c.got, if c.passes { "" } else { " (fails)" })}</td>
                            <td class="pr-4 align-top break-all">{c.source.clone()}</td>
                            <td class="align-top">
                                <a class="underline" href=format!("/inbox/model/cases?edit={}#case-form", c.id)>"Edit"</a>
                                <form method="post" action=format!("/inbox/model/cases/{}/retire", c.id)>
                                    <input type="hidden" name="retire" value=if c.retired { "no" } else { "yes" }/>
                                    <button class="underline">{if c.retired { "Bring back" } else { "Retire" }}</button>
                                </form>
                            </td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <CaseFormView state/>
        </InboxFrame>
    }
}

/// The form that adds a case, or edits one.
#[component]
fn CaseFormView(state: CaseFormState) -> impl IntoView {
    let error = |field: &str| state.errors.iter().find(|(f, _)| f == field).map(|(_, m)| m.clone());
    let form = state.form.clone();
    let (action, heading, button) = match state.editing {
        Some(id) => (format!("/inbox/model/cases/{id}"), format!("Edit case {id}"), "Save the case"),
        None => ("/inbox/model/cases".to_string(), "Add a case".to_string(), "Add the case"),
    };
    let problem =
        |field: &'static str| error(field).map(|m| view! { <p id=format!("case-{field}-error") class=ERROR>{m}</p> });
    let invalid = |field: &str| error(field).is_some().then_some("true");
    view! {
        <section id="case-form" class=CARD aria-labelledby="case-form-heading">
            <h2 id="case-form-heading" class="text-lg font-semibold">{heading}</h2>
            <form method="post" action=action class="mt-3 space-y-3">
                <div>
                    <label for="case-title" class="block text-sm font-medium">"Title"</label>
                    <input id="case-title" name="title" required class=INPUT value=form.title.clone() aria-invalid=invalid("title")/>
                    {problem("title")}
                </div>
                <div>
                    <label for="case-answers" class="block text-sm font-medium">"Answers, one "<code>"question = value"</code>" line each"</label>
                    <textarea id="case-answers" name="answers" rows="10" spellcheck="false" class=format!("{INPUT} font-mono text-xs") aria-invalid=invalid("answers")>{textarea_text(&form.answers)}</textarea>
                    {problem("answers")}
                </div>
                <fieldset aria-invalid=invalid("organisation")>
                    <legend class="text-sm font-medium">"Organisations an architect would accept"</legend>
                    {Organisation::ALL.iter().map(|o| {
                        let id = format!("case-org-{}", o.as_str());
                        let label_for = id.clone();
                        view! {
                            <label for=label_for class="mr-4 inline-flex items-center gap-1 text-sm">
                                <input type="checkbox" id=id name="organisation" value=o.as_str() checked=form.organisation.iter().any(|x| x == o.as_str())/>
                                {o.as_str()}
                            </label>
                        }
                    }).collect_view()}
                    {problem("organisation")}
                </fieldset>
                <fieldset aria-invalid=invalid("execution")>
                    <legend class="text-sm font-medium">"Ways of running it an architect would accept"</legend>
                    {Execution::ALL.iter().map(|e| {
                        let id = format!("case-exec-{}", e.as_str());
                        let label_for = id.clone();
                        view! {
                            <label for=label_for class="mr-4 inline-flex items-center gap-1 text-sm">
                                <input type="checkbox" id=id name="execution" value=e.as_str() checked=form.execution.iter().any(|x| x == e.as_str())/>
                                {e.as_str()}
                            </label>
                        }
                    }).collect_view()}
                    {problem("execution")}
                </fieldset>
                <div>
                    <label for="case-source" class="block text-sm font-medium">"Where it comes from"</label>
                    <select id="case-source" name="source" class=INPUT aria-invalid=invalid("source")>
                        {CaseSource::ALL.iter().map(|s| view! { <option value=s.as_str() selected=form.source == s.as_str()>{s.label()}</option> }).collect_view()}
                    </select>
                    {problem("source")}
                </div>
                <div>
                    <label for="case-source-detail" class="block text-sm font-medium">"Who, which write-up (its address) or which lead"</label>
                    <input id="case-source-detail" name="source_detail" required class=INPUT value=form.source_detail.clone() aria-invalid=invalid("source_detail")/>
                    {problem("source_detail")}
                </div>
                <div>
                    <label for="case-note" class="block text-sm font-medium">"Note"</label>
                    <textarea id="case-note" name="note" rows="3" class=INPUT aria-invalid=invalid("note")>{textarea_text(&form.note)}</textarea>
                    {problem("note")}
                </div>
                <button class=BUTTON>{button}</button>
            </form>
        </section>
    }
}
