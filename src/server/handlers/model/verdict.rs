//! The consultants' verdict: recorded on the lead page after the call
//! (`POST /inbox/leads/{reference}/verdict`), shown beside the guide's brief, and counted on the
//! dashboard as the agreement of each model version with the people who give the advice.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::domain::guide::answers::Answers;
use crate::domain::guide::questions::question;
use crate::domain::guide::recommendation::{Execution, Organisation, Recommendation};
use crate::domain::guide::review::verdict::Verdict;
use crate::domain::ids::LeadReference;
use crate::domain::leads::lifecycle::{ChangeOutcome, GuideChoice, LeadChange, VerdictRecord};
use crate::page_data::inbox::LeadFormState;
use crate::page_data::review::{AdviceSummary, AgreementRow, DisagreementRow, VerdictForm, VerdictView};
use crate::server::handlers::inbox::views::minute;
use crate::server::http::failure::{Cause, Failure, FormPage};
use crate::server::http::form::Posted;
use crate::server::http::staff::Staff;
use crate::server::http::state::AppState;
use crate::server::store::StoreError;

const NO_SUCH_LEAD: &str = "There is no lead with this reference.";
/// The disagreements the dashboard lists.
const DISAGREEMENTS_SHOWN: u32 = 20;

/// The verdict form, as posted.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct VerdictFields {
    organisation: String,
    execution: String,
    note: String,
}

/// "microservices on Kubernetes", as staff read it.
pub fn choice_words(organisation: Organisation, execution: Execution) -> String {
    crate::i18n::locales::locales().text_of(&Recommendation::summary_of(organisation, execution))
}

/// `POST /inbox/leads/{reference}/verdict`: the advice the consultants gave, beside the guide's.
pub async fn record(
    State(state): State<AppState>,
    Staff(session): Staff,
    Path(reference): Path<String>,
    Posted { form, .. }: Posted<VerdictFields>,
) -> Result<Response, Failure> {
    let reference = LeadReference::parse(&reference).ok_or(Failure::NotFound(NO_SUCH_LEAD))?;
    let page = FormPage::staff(format!("/inbox/leads/{reference}"), &session);
    let typed = |message: &str, errors: Vec<(String, String)>| LeadFormState {
        message: message.to_string(),
        verdict: Some(VerdictForm {
            organisation: form.organisation.clone(),
            execution: form.execution.clone(),
            note: form.note.clone(),
            errors,
        }),
        ..LeadFormState::default()
    };
    let verdict = Verdict::parse(&form.organisation, &form.execution, &form.note).map_err(|errors| {
        let locales = crate::i18n::locales::locales();
        let errors = errors.into_iter().map(|e| (e.field, locales.text_of(&e.message))).collect();
        Failure::from(page.show(StatusCode::UNPROCESSABLE_ENTITY, typed("The verdict was not recorded.", errors)))
    })?;
    let unavailable = |e: StoreError| {
        let message = "The verdict could not be recorded just now; nothing was changed. Please try again.";
        Failure::from(page.failed(Cause::unavailable("recording a verdict", e), typed(message, Vec::new())))
    };
    let lead =
        state.stores.inbox.lead(&reference).await.map_err(unavailable)?.ok_or(Failure::NotFound(NO_SUCH_LEAD))?;
    let guide = match &lead.result_id {
        Some(id) => state.stores.results.get(id).await.map_err(unavailable)?.map(|stored| GuideChoice {
            model_version: stored.model_version,
            organisation: stored.recommendation.organisation.choice,
            execution: stored.recommendation.execution.choice,
        }),
        None => None,
    };
    let change = LeadChange::Verdict(VerdictRecord { verdict, guide });
    let outcome = state
        .stores
        .inbox
        .change_lead(&reference, &change, &session.user, state.clock.now())
        .await
        .map_err(unavailable)?;
    match outcome {
        ChangeOutcome::Done => Ok(Redirect::to(&format!("/inbox/leads/{reference}?done=verdict")).into_response()),
        ChangeOutcome::NoSuchLead => Err(Failure::NotFound(NO_SUCH_LEAD)),
        ChangeOutcome::Refused(why) => Err(page.show(StatusCode::CONFLICT, typed(&why, Vec::new())).into()),
    }
}

/// The verdict on a lead, for its page.
pub async fn view(state: &AppState, lead_id: i64) -> Result<Option<VerdictView>, StoreError> {
    let Some(stored) = state.stores.review.verdict(lead_id).await? else { return Ok(None) };
    let agrees = stored.guide.as_ref().map(|(_, o, e)| (*o, *e) == (stored.organisation, stored.execution));
    Ok(Some(VerdictView {
        organisation: stored.organisation.as_str().to_string(),
        execution: stored.execution.as_str().to_string(),
        advised: choice_words(stored.organisation, stored.execution),
        guide: stored.guide.map(|(version, o, e)| format!("{} (model {version})", choice_words(o, e))),
        agrees,
        note: stored.note,
        by: stored.author,
        at: minute(stored.at),
    }))
}

/// Answers as staff read them: each question's words and the answer's.
pub fn answers_in_words(answers: &Answers) -> Vec<(String, String)> {
    let english = |m: &crate::domain::message::Message| crate::i18n::locales::locales().text_of(m);
    answers
        .to_pairs()
        .into_iter()
        .map(|(id, value)| match question(id) {
            Some(q) => (english(&q.text()), q.option_label(&value).map(|m| english(&m)).unwrap_or(value)),
            None => (id.to_string(), value),
        })
        .collect()
}

/// The dashboard's part about the advice: the agreement per model version, the latest
/// disagreements, and the price book's sections read too long ago.
pub async fn summary(state: &AppState) -> Result<AdviceSummary, StoreError> {
    let agreement = state.stores.review.agreement().await?;
    let disagreements = state.stores.review.disagreements(DISAGREEMENTS_SHOWN).await?;
    let today = state.clock.now().date_naive();
    let max_age = state.settings.prices_max_age;
    let stale_prices = state
        .engine
        .current()
        .prices
        .sections()
        .into_iter()
        .filter(|s| s.stale(today, max_age))
        .map(|s| {
            let age = s.age_days(today).unwrap_or_default();
            (s.name, s.as_of, age)
        })
        .collect();
    Ok(AdviceSummary {
        agreement: agreement
            .into_iter()
            .map(|a| AgreementRow {
                both: a.percent(a.both),
                organisation: a.percent(a.organisation),
                execution: a.percent(a.execution),
                verdicts: a.verdicts,
                model_version: a.model_version,
            })
            .collect(),
        disagreements: disagreements
            .into_iter()
            .map(|d| DisagreementRow {
                reference: d.reference,
                model_version: d.model_version,
                guide: choice_words(d.guide.0, d.guide.1),
                verdict: choice_words(d.verdict.0, d.verdict.1),
                note: d.note,
                by: d.author,
                at: minute(d.at),
                result_id: d.result_id,
                answers: d.answers.as_ref().map(answers_in_words).unwrap_or_default(),
            })
            .collect(),
        stale_prices,
        prices_max_age: max_age.words(),
    })
}
