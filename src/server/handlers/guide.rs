//! The guide's server side: storing a finished guide as a permanent result, and counting
//! anonymous step views for the funnel.

use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;

use crate::domain::guide::answers::Answers;
use crate::domain::guide::engine::{CostOptions, Engine};
use crate::domain::guide::recommendation::Recommendation;
use crate::page_data::guide::{answer_pairs, guide_url, step_of};
use crate::page_data::url::carry;

use crate::domain::ids::ResultId;
use crate::server::http::failure::{Cause, Failure};
use crate::server::http::language::RequestLang;
use crate::server::http::state::AppState;

use crate::server::store::results::{FunnelEvent, StoredResult};

/// `POST /guide/result`: stores the answers and their recommendation, then sends the visitor
/// to the result's permanent page. Invalid answers go back to their step, values kept.
pub async fn create_result(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    Form(raw): Form<Vec<(String, String)>>,
) -> Result<Response, Failure> {
    let typed = answer_pairs(&raw);
    let carried = crate::i18n::carry::of_form(&raw).pairs();
    let answers = match Answers::from_form(typed.iter().map(|(k, v)| (k.as_str(), v.as_str()))) {
        Ok(answers) => answers,
        Err(errors) => {
            let step = errors.iter().filter_map(|e| step_of(&e.field)).min().unwrap_or(1);
            return Ok(Redirect::to(&carry(&lang.path(&guide_url(&typed, step)), &carried)).into_response());
        }
    };
    let recommendation = state.engine.current().recommend(&answers, CostOptions::default());
    let result = StoredResult {
        id: new_result_id(),
        answers: answers.to_json(),
        model_version: recommendation.model_version.clone(),
        recommendation,
        created_at: state.clock.now(),
    };
    state.stores.results.insert(&result).await.map_err(|e| {
        let message = crate::i18n::locales::locales().text(lang, "guide-save-failed", &[]);
        Failure::failed(Cause::unavailable("storing a guide result", e), message)
    })?;
    state.funnel.add(FunnelEvent::Complete, 0, state.clock.now().date_naive());
    Ok(Redirect::to(&carry(&lang.path(&format!("/guide/result/{}", result.id.as_str())), &carried)).into_response())
}

/// A stored recommendation whose texts can follow the reader's language. Results stored before
/// texts had ids hold English words; when the model that computed one still runs and computes
/// the same result from its answers (same choices, scores and costs: prices may have moved),
/// that result, with ids for every text, is shown instead. Otherwise it is shown as stored.
pub fn with_keyed_texts(engine: &Engine, answers: &Answers, stored: Recommendation) -> Recommendation {
    if !stored.has_plain_texts() || stored.model_version != engine.model.version {
        return stored;
    }
    let again = engine.recommend(answers, CostOptions { free_tier: stored.cost.assumptions.free_tier_included });
    let same = again.organisation.choice == stored.organisation.choice
        && again.execution.choice == stored.execution.choice
        && again.organisation.scores == stored.organisation.scores
        && again.execution.scores == stored.execution.scores
        && again.cost.monthly_usd == stored.cost.monthly_usd
        && again.warnings.len() == stored.warnings.len();
    if same {
        again
    } else {
        stored
    }
}

/// A stored result as a page shows it: its texts in the reader's language where they can be
/// (`with_keyed_texts`), beside the published cases nearest to its answers in the corpus the
/// server has now (cases are evidence, not advice: a result made before a case was added
/// still shows it).
pub fn as_shown(engine: &Engine, answers: &Answers, stored: Recommendation) -> Recommendation {
    let mut shown = with_keyed_texts(engine, answers, stored);
    shown.similar_cases = engine.similar_cases(answers, (shown.organisation.choice, shown.execution.choice));
    shown
}

/// Counts one view of a guide step; the count reaches the database shortly after, so the page
/// never waits for it.
pub fn count_step_view(step: usize) {
    if let Some(state) = leptos::prelude::use_context::<AppState>() {
        state.funnel.add(FunnelEvent::View, step as u32, state.clock.now().date_naive());
    }
}

fn new_result_id() -> ResultId {
    use rand::Rng;
    let mut rng = rand::rng();
    ResultId::generate(|below| rng.random_range(0..below))
}
