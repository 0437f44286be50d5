//! The advice model in the browser, for admins: `/inbox/model` shows the published model, its
//! price book and its words, and a draft to edit; "Check" (`POST /inbox/model/check`) runs the
//! draft against the case library and replays the stored results through it
//! (`/inbox/model/checks/{id}`); "Publish" (`POST /inbox/model/publish`) stores it as the new
//! version, which every instance then uses; an earlier version is put back the same way
//! (`POST /inbox/model/rollback`). The case library is `cases`, the verdicts `verdict`.

pub mod cases;
mod publish;
pub mod verdict;

use std::collections::BTreeMap;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use crate::domain::guide::engine::model::Model;
use crate::domain::guide::review::draft::ModelTexts;
use crate::page_data::review::{
    AuditRow, CheckPage, DraftForm, ModelPage, PriceRow, PublishForm, VersionRow, WordsField,
};
use crate::server::advice::check::Checker;
use crate::server::advice::{published_texts, Source};
use crate::server::handlers::inbox::views::{live_mark, minute, viewer};
use crate::server::http::failure::{Cause, Failure, FormPage};
use crate::server::http::form::Posted;
use crate::server::http::staff::{Admin, Authenticated};
use crate::server::http::state::AppState;
use crate::server::store::review::model::CheckRun;
use crate::server::store::StoreError;

pub use publish::{publish, rollback};

/// The versions and audit lines the model page lists.
const LISTED: u32 = 20;

/// Why nothing can be published on this instance, when files decide its model.
const EDITS_OFF: &str = "The model comes from files on this server (ARCHGUIDE_MODEL_FILE or ARCHGUIDE_PRICES_FILE), \
     so nothing published here would be used: edits are off.";

/// Text as the browser posts it (CRLF line ends) as the files hold it.
fn unix_lines(text: &str) -> String {
    text.replace("\r\n", "\n")
}

/// The price book's sections, each flagged when read longer ago than the limit.
fn price_rows(state: &AppState) -> Vec<PriceRow> {
    let today = state.clock.now().date_naive();
    let sections = state.engine.current().prices.sections();
    sections
        .into_iter()
        .map(|s| {
            let stale = s.stale(today, state.settings.prices_max_age);
            PriceRow::new(s, stale)
        })
        .collect()
}

/// What `/inbox/model` shows.
pub async fn model_page(state: &AppState, session: &Authenticated) -> Result<ModelPage, StoreError> {
    let live = live_mark(state).await?;
    let engine = state.engine.current();
    // The newest published version: the one this instance uses, unless this build cannot read it.
    let published_id = state.stores.model.newest_version_id().await?;
    let published = state.stores.model.version(published_id).await?;
    let texts = published_texts(published.as_ref());
    let versions = state.stores.model.versions(LISTED).await?;
    let latest = state.stores.model.latest_check().await?;
    // The draft is the latest check's texts while nothing was published after it.
    let draft = latest.as_ref().filter(|c| c.against == published_id);
    Ok(ModelPage {
        viewer: viewer(session),
        live,
        version: engine.model.version.clone(),
        source: match state.engine.source() {
            Source::Shipped => "the model shipped with this build (nothing was published yet)".to_string(),
            Source::Published(_) => match &published {
                Some(v) => format!("published by {} on {}: {}", v.author, minute(v.published_at), v.note),
                None => "a published version".to_string(),
            },
            Source::Files => "files named by ARCHGUIDE_MODEL_FILE / ARCHGUIDE_PRICES_FILE".to_string(),
        },
        editable: state.engine.editable(),
        prices: price_rows(state),
        versions: versions
            .into_iter()
            .map(|v| VersionRow {
                live: v.id == published_id,
                id: v.id,
                version: v.version,
                author: v.author,
                at: minute(v.published_at),
                note: v.note,
                override_reason: v.override_reason,
            })
            .collect(),
        audit: state
            .stores
            .model
            .audit_lines(LISTED)
            .await?
            .into_iter()
            .map(|a| AuditRow { at: minute(a.at), actor: a.actor, action: a.action, detail: a.detail })
            .collect(),
        cases: state.stores.review.cases().await?.iter().filter(|c| c.retired_at.is_none()).count(),
        // Texts that were checked or published read: nothing is wrong with them.
        draft: draft_form(draft.map_or(&texts, |c| &c.texts), None, None, &BTreeMap::new()),
        latest_check: draft.map(|c| c.id),
    })
}

/// The draft's fields for each language's words, as the page names them.
fn words_field(code: &str) -> String {
    format!("words_{code}")
}

/// The draft form for `texts`, with what is wrong with each part (`words`: by language code).
fn draft_form(
    texts: &ModelTexts,
    model_error: Option<String>,
    prices_error: Option<String>,
    words: &BTreeMap<String, String>,
) -> DraftForm {
    DraftForm {
        model: texts.model.clone(),
        prices: texts.prices.clone(),
        model_error,
        prices_error,
        words: crate::i18n::locales::locales()
            .languages()
            .map(|l| WordsField {
                code: l.lang.code().to_string(),
                name: l.name.clone(),
                text: texts.words.get(l.lang.code()).cloned().unwrap_or_default(),
                error: words.get(l.lang.code()).cloned(),
            })
            .collect(),
    }
}

/// `POST /inbox/model/check`: the draft (fields `model`, `prices` and `words_{code}`; a
/// language left out keeps the words in use) is read by the same rules as at start-up; a draft
/// that reads is stored with its check, which starts at once, and its page shows how far it got.
pub async fn check(
    State(state): State<AppState>,
    Admin(session): Admin,
    Posted { pairs, .. }: Posted<serde::de::IgnoredAny>,
) -> Result<Response, Failure> {
    let page = FormPage::staff("/inbox/model", &session);
    let field = |name: &str| pairs.iter().rev().find(|(k, _)| k == name).map(|(_, v)| unix_lines(v));
    let unavailable = |e: StoreError| {
        Failure::failed(
            Cause::unavailable("reading the published model", e),
            "The check could not start just now; nothing was stored. Please try again.",
        )
    };
    // A draft is checked against the newest published version, which publishing it replaces.
    let newest = state.stores.model.newest_version_id().await.map_err(unavailable)?;
    let in_use = published_texts(state.stores.model.version(newest).await.map_err(unavailable)?.as_ref());
    let words = crate::i18n::locales::locales()
        .languages()
        .map(|l| {
            let code = l.lang.code().to_string();
            let text = field(&words_field(&code)).or_else(|| in_use.words.get(&code).cloned()).unwrap_or_default();
            (code, text)
        })
        .collect();
    let texts =
        ModelTexts { model: field("model").unwrap_or_default(), prices: field("prices").unwrap_or_default(), words };
    if !state.engine.editable() {
        return Err(page
            .show(StatusCode::CONFLICT, draft_form(&texts, Some(EDITS_OFF.to_string()), None, &BTreeMap::new()))
            .into());
    }
    let words = crate::i18n::locales::locales().word_problems(&texts.words);
    let draft = match (texts.engine(None), words.is_empty()) {
        (Ok(draft), true) => draft,
        (outcome, _) => {
            let (model, prices) = outcome.err().map(|p| (p.model, p.prices)).unwrap_or_default();
            return Err(page.show(StatusCode::UNPROCESSABLE_ENTITY, draft_form(&texts, model, prices, &words)).into());
        }
    };
    let checker =
        Checker { stores: state.stores.clone(), clock: state.clock.clone(), replay: state.settings.replay_days };
    let id = checker.start(session.user.email.as_str(), &texts, draft, state.engine.current(), newest).await.map_err(
        |e| {
            let message = "The check could not start just now; your draft is below. Please try again.";
            let form = draft_form(&texts, Some(message.into()), None, &words);
            Failure::from(page.failed(Cause::unavailable("starting a check of the model", e), form))
        },
    )?;
    tracing::info!(check = id, by = session.user.id, "a check of a draft model started");
    Ok(Redirect::to(&format!("/inbox/model/checks/{id}")).into_response())
}

/// The message ids a language lacks with the draft's words, per language: the ones the draft's
/// model (`model`, read from `texts`) needs, and the ones the words it replaces (`published`)
/// have, which results stored before may still show.
pub fn missing_words(model: &Model, texts: &ModelTexts, published: &ModelTexts) -> Vec<(String, Vec<String>)> {
    crate::i18n::locales::locales().missing_words(&model.messages(), &texts.words, &published.words)
}

/// Whether a check stopped before it finished: its progress has not moved for a minute (the
/// instance running it stopped, say). It is never finished then; the draft is checked again.
pub fn stalled(run: &CheckRun, now: chrono::DateTime<chrono::Utc>) -> bool {
    run.finished_at.is_none() && now - run.updated_at > chrono::Duration::minutes(1)
}

/// What `/inbox/model/checks/{id}` shows (the page reads it every second while the check runs).
pub async fn check_page(state: &AppState, session: &Authenticated, id: i64) -> Result<Option<CheckPage>, StoreError> {
    let Some(run) = state.stores.model.check(id).await? else { return Ok(None) };
    let live = live_mark(state).await?;
    let against = state.stores.model.version(run.against).await?;
    let published = published_texts(against.as_ref());
    let newest = state.stores.model.newest_version_id().await?;
    let CheckRun { texts, .. } = &run;
    let diff = texts.diff_from(&published);
    // A checked draft always reads: it was read before it was stored.
    let model = texts.engine(None).map(|engine| engine.model).ok();
    let draft_version = model.as_ref().map(|m| m.version.clone()).unwrap_or_default();
    let stopped = stalled(&run, state.clock.now());
    Ok(Some(CheckPage {
        viewer: viewer(session),
        live,
        id,
        author: run.author.clone(),
        started: minute(run.started_at),
        finished: run.finished_at.map(minute),
        done: run.done,
        total: run.total,
        replay_days: state.settings.replay_days.words(),
        against: against.map_or_else(|| "the shipped model".to_string(), |v| format!("version {}", v.version)),
        outdated: newest != run.against,
        missing_words: model.as_ref().map(|m| missing_words(m, texts, &published)).unwrap_or_default(),
        publish: PublishForm { version: draft_version.clone(), ..PublishForm::default() },
        draft_version,
        diff,
        cases: run.cases.unwrap_or_default(),
        replay: run.replay,
        failure: if stopped {
            Some("This check stopped before it finished (the server running it may have restarted): check the draft again.".into())
        } else {
            run.failure
        },
    }))
}
