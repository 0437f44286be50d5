//! The case library (`/inbox/model/cases`, admins only): cases added, edited, retired and
//! brought back by form posts, and a disagreement on the dashboard turned into a case in one
//! click. Each case shows what the live model makes of it.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::domain::guide::answers::Answers;
use crate::domain::guide::review::case::{CaseCheck, CaseForm, CaseSource, ModelCase};
use crate::domain::ids::LeadReference;
use crate::page_data::review::{CaseFormState, CaseRow, CasesPage};
use crate::server::handlers::inbox::views::{live_mark, viewer};
use crate::server::http::failure::{Cause, Failure, FormPage};
use crate::server::http::form::Posted;
use crate::server::http::staff::{Admin, Authenticated};
use crate::server::http::state::AppState;
use crate::server::store::StoreError;

use super::verdict::choice_words;

fn listed<T: Copy>(options: &[T], words: impl Fn(T) -> &'static str) -> String {
    options.iter().map(|o| words(*o)).collect::<Vec<_>>().join(" or ")
}

/// What the case library page shows; `editing` fills the form with that case.
pub async fn cases_page(
    state: &AppState,
    session: &Authenticated,
    editing: Option<i64>,
) -> Result<CasesPage, StoreError> {
    let live = live_mark(state).await?;
    let engine = state.engine.current();
    let stored = state.stores.review.cases().await?;
    let form = editing.and_then(|id| stored.iter().find(|c| c.id == id)).map(|c| c.case.to_form());
    let cases = stored
        .into_iter()
        .map(|stored| {
            let (got, passes) = match stored.case.check(&engine) {
                CaseCheck::Got { organisation, execution, passed } => (choice_words(organisation, execution), passed),
                CaseCheck::Failed => ("the engine failed".to_string(), false),
            };
            CaseRow {
                id: stored.id,
                accepted: format!(
                    "{} on {}",
                    listed(&stored.case.organisation, |o| o.as_str()),
                    listed(&stored.case.execution, |e| e.as_str())
                ),
                got,
                passes,
                source: format!("{}: {}", stored.case.source.label(), stored.case.source_detail),
                note: stored.case.note,
                title: stored.case.title,
                retired: stored.retired_at.is_some(),
            }
        })
        .collect();
    Ok(CasesPage {
        viewer: viewer(session),
        live,
        cases,
        editing: editing.filter(|_| form.is_some()),
        form: form.unwrap_or_default(),
        errors: Vec::new(),
    })
}

/// The case form's fields from what was posted: ticked boxes come once per option.
fn case_form(pairs: &[(String, String)]) -> CaseForm {
    let one = |name: &str| pairs.iter().rev().find(|(k, _)| k == name).map(|(_, v)| v.clone()).unwrap_or_default();
    let many = |name: &str| pairs.iter().filter(|(k, _)| k == name).map(|(_, v)| v.clone()).collect();
    CaseForm {
        title: one("title"),
        answers: one("answers").replace("\r\n", "\n"),
        organisation: many("organisation"),
        execution: many("execution"),
        note: one("note"),
        source: one("source"),
        source_detail: one("source_detail"),
    }
}

fn unavailable(error: StoreError) -> Failure {
    Failure::failed(
        Cause::unavailable("changing the case library", error),
        "The case library could not be changed just now; nothing was changed. Please try again.",
    )
}

/// The page again with the case as typed, after the database failed.
fn not_saved(page: &FormPage, editing: Option<i64>, pairs: &[(String, String)], error: StoreError) -> Failure {
    let why = "The case could not be saved just now; nothing was changed. Please try again.";
    let typed = CaseFormState { editing, form: case_form(pairs), errors: vec![("case".into(), why.into())] };
    Failure::from(page.failed(Cause::unavailable("saving a case", error), typed))
}

/// The case, or the page again with what was typed and what is wrong.
fn read_case(page: &FormPage, editing: Option<i64>, pairs: &[(String, String)]) -> Result<ModelCase, Failure> {
    let form = case_form(pairs);
    ModelCase::from_form(&form).map_err(|errors| {
        let locales = crate::i18n::locales::locales();
        let errors = errors.into_iter().map(|e| (e.field, locales.text_of(&e.message))).collect();
        Failure::from(page.show(StatusCode::UNPROCESSABLE_ENTITY, CaseFormState { editing, form, errors }))
    })
}

/// `POST /inbox/model/cases`: a new case.
pub async fn add(
    State(state): State<AppState>,
    Admin(session): Admin,
    Posted { pairs, .. }: Posted<serde::de::IgnoredAny>,
) -> Result<Response, Failure> {
    let page = FormPage::staff("/inbox/model/cases", &session);
    let case = read_case(&page, None, &pairs)?;
    let id = state
        .stores
        .review
        .add_case(&case, session.user.email.as_str(), state.clock.now())
        .await
        .map_err(|e| not_saved(&page, None, &pairs, e))?;
    Ok(Redirect::to(&format!("/inbox/model/cases?done=added#case-{id}")).into_response())
}

/// `POST /inbox/model/cases/{id}`: a case's fields replaced.
pub async fn edit(
    State(state): State<AppState>,
    Admin(session): Admin,
    Path(id): Path<i64>,
    Posted { pairs, .. }: Posted<serde::de::IgnoredAny>,
) -> Result<Response, Failure> {
    let page = FormPage::staff(format!("/inbox/model/cases?edit={id}"), &session);
    let case = read_case(&page, Some(id), &pairs)?;
    let found = state
        .stores
        .review
        .edit_case(id, &case, session.user.email.as_str(), state.clock.now())
        .await
        .map_err(|e| not_saved(&page, Some(id), &pairs, e))?;
    if !found {
        return Err(Failure::NotFound("There is no such case."));
    }
    Ok(Redirect::to(&format!("/inbox/model/cases?done=edited#case-{id}")).into_response())
}

/// The retire form, as posted.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RetireFields {
    /// `yes` retires the case; anything else brings it back.
    retire: String,
}

/// `POST /inbox/model/cases/{id}/retire`: a case leaves the checks (or comes back to them).
pub async fn retire(
    State(state): State<AppState>,
    Admin(session): Admin,
    Path(id): Path<i64>,
    Posted { form, .. }: Posted<RetireFields>,
) -> Result<Response, Failure> {
    let retire = form.retire == "yes";
    let found = state
        .stores
        .review
        .retire_case(id, retire, session.user.email.as_str(), state.clock.now())
        .await
        .map_err(unavailable)?;
    if !found {
        return Err(Failure::NotFound("There is no such case."));
    }
    let done = if retire { "retired" } else { "restored" };
    Ok(Redirect::to(&format!("/inbox/model/cases?done={done}#case-{id}")).into_response())
}

/// The form behind a disagreement's button, as posted.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct FromLeadFields {
    reference: String,
}

/// `POST /inbox/model/cases/from-lead`: a lead's verdict becomes a case: the answers of the
/// lead's guide result, the consultants' choices as the accepted ones, their note.
pub async fn from_lead(
    State(state): State<AppState>,
    Admin(session): Admin,
    Posted { form, .. }: Posted<FromLeadFields>,
) -> Result<Response, Failure> {
    let no_verdict = "This lead has no verdict beside a guide result to make a case of.";
    let reference =
        LeadReference::parse(&form.reference).ok_or(Failure::NotFound("There is no lead with this reference."))?;
    let lead = state
        .stores
        .inbox
        .lead(&reference)
        .await
        .map_err(unavailable)?
        .ok_or(Failure::NotFound("There is no lead with this reference."))?;
    let verdict = state
        .stores
        .review
        .verdict(lead.id)
        .await
        .map_err(unavailable)?
        .ok_or_else(|| Failure::Conflict(no_verdict.into()))?;
    let result_id = lead.result_id.ok_or_else(|| Failure::Conflict(no_verdict.into()))?;
    let stored = state
        .stores
        .results
        .get(&result_id)
        .await
        .map_err(unavailable)?
        .ok_or_else(|| Failure::Conflict(no_verdict.into()))?;
    let answers = Answers::from_json(&stored.answers)
        .map_err(|_| Failure::Conflict("The lead's guide answers no longer read.".into()))?;
    let case = ModelCase {
        title: format!(
            "Lead {reference}: the consultants advised {}",
            choice_words(verdict.organisation, verdict.execution)
        ),
        answers,
        organisation: vec![verdict.organisation],
        execution: vec![verdict.execution],
        note: verdict.note,
        source: CaseSource::Lead,
        source_detail: reference.to_string(),
    };
    let id = state
        .stores
        .review
        .add_case(&case, session.user.email.as_str(), state.clock.now())
        .await
        .map_err(unavailable)?;
    tracing::info!(case = id, lead = %reference, by = session.user.id, "a verdict became a case");
    Ok(Redirect::to(&format!("/inbox/model/cases?done=added#case-{id}")).into_response())
}
