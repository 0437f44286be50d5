//! Publishing a checked draft (`POST /inbox/model/publish`) and putting an earlier version back
//! (`POST /inbox/model/rollback`). Both store a new version that follows the live one: when
//! another admin published in between, the database refuses the second, so every instance
//! ends on the same version. The instance that publishes uses the new version at once; the
//! others within `ARCHGUIDE_MODEL_POLL`.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::domain::guide::review::case::CaseCheck;
use crate::page_data::review::PublishForm;
use crate::server::advice::{published_texts, put_in_use, readable, shipped_texts};
use crate::server::http::failure::{Cause, Failure, FormPage};
use crate::server::http::form::Posted;
use crate::server::http::staff::{Admin, Authenticated};
use crate::server::http::state::AppState;
use crate::server::store::review::model::{NewVersion, Published, PublishedVersion};
use crate::server::store::StoreError;

use super::{missing_words, EDITS_OFF};

/// The longest version name and note.
const VERSION_MAX: usize = 40;
const NOTE_MAX: usize = 2_000;

/// The publish form, as posted.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PublishFields {
    /// The check's id.
    check: String,
    version: String,
    note: String,
    /// Why to publish although cases fail.
    reason: String,
}

fn unavailable(error: StoreError) -> Failure {
    Failure::failed(
        Cause::unavailable("publishing the model", error),
        "The model could not be published just now; nothing was changed. Please try again.",
    )
}

/// `POST /inbox/model/publish`.
pub async fn publish(
    State(state): State<AppState>,
    Admin(session): Admin,
    Posted { form, .. }: Posted<PublishFields>,
) -> Result<Response, Failure> {
    let check: i64 = form.check.trim().parse().map_err(|_| Failure::NotFound("There is no such check."))?;
    let page = FormPage::staff(format!("/inbox/model/checks/{check}"), &session);
    let mut errors: Vec<(String, String)> = Vec::new();
    let refuse = |status: StatusCode, errors: Vec<(String, String)>| {
        let typed =
            PublishForm { version: form.version.clone(), note: form.note.clone(), reason: form.reason.clone(), errors };
        Failure::from(page.show(status, typed))
    };
    let general = |message: &str| vec![("publish".to_string(), message.to_string())];
    let failed = |error: StoreError| {
        let why = "The model could not be published just now; nothing was changed. Please try again.";
        let typed = PublishForm {
            version: form.version.clone(),
            note: form.note.clone(),
            reason: form.reason.clone(),
            errors: general(why),
        };
        Failure::from(page.failed(Cause::unavailable("publishing the model", error), typed))
    };
    if !state.engine.editable() {
        return Err(refuse(StatusCode::CONFLICT, general(EDITS_OFF)));
    }
    let run =
        state.stores.model.check(check).await.map_err(failed)?.ok_or(Failure::NotFound("There is no such check."))?;
    if super::stalled(&run, state.clock.now()) {
        return Err(refuse(
            StatusCode::CONFLICT,
            general("The check stopped before it finished: check the draft again."),
        ));
    }
    if run.finished_at.is_none() {
        return Err(refuse(StatusCode::CONFLICT, general("The check is still running: publish once it is done.")));
    }
    if let Some(failure) = &run.failure {
        return Err(refuse(
            StatusCode::CONFLICT,
            general(&format!("The check did not finish ({failure}): check again.")),
        ));
    }
    let newest = state.stores.model.newest_version_id().await.map_err(failed)?;
    if newest != run.against {
        let why = "Another version was published after this check: check the draft again against it.";
        return Err(refuse(StatusCode::CONFLICT, general(why)));
    }
    let version = form.version.trim();
    if version.is_empty()
        || version.chars().count() > VERSION_MAX
        || !version.chars().all(|c| c.is_ascii_alphanumeric() || "._-+".contains(c))
    {
        errors.push((
            "version".into(),
            format!("Name the version: letters, digits and . _ - + only, at most {VERSION_MAX} characters."),
        ));
    }
    let note = form.note.trim();
    if note.is_empty() || note.chars().count() > NOTE_MAX {
        errors.push(("note".into(), "Say what changed and why (the note is kept with the version).".into()));
    }
    let cases = run.cases.clone().unwrap_or_default();
    let broken = cases.iter().filter(|c| c.draft == CaseCheck::Failed).count() as u64
        + run.replay.as_ref().map_or(0, |r| r.failed);
    if broken > 0 {
        errors.push((
            "publish".into(),
            format!("The draft makes the engine fail on {broken} cases or stored results: it cannot be published."),
        ));
    }
    let failing: Vec<&str> = cases.iter().filter(|c| !c.draft.passed()).map(|c| c.title.as_str()).collect();
    let reason = form.reason.trim();
    if !failing.is_empty() && reason.is_empty() {
        errors.push((
            "reason".into(),
            format!("Cases fail with this draft ({}): give the reason to publish it all the same.", failing.len()),
        ));
    }
    let against = state.stores.model.version(run.against).await.map_err(failed)?;
    let published = published_texts(against.as_ref());
    let missing = match run.texts.engine(None) {
        Ok(engine) => missing_words(&engine.model, &run.texts, &published),
        Err(_) => Vec::new(),
    };
    if !missing.is_empty() {
        let list: Vec<String> =
            missing.iter().map(|(language, ids)| format!("{language}: {}", ids.join(", "))).collect();
        errors.push((
            "publish".into(),
            format!("Some languages lack words the draft needs (add them to model.ftl first): {}.", list.join("; ")),
        ));
    }
    let earlier = state.stores.model.versions(u32::MAX).await.map_err(failed)?;
    if earlier.iter().any(|v| v.version == version && v.texts != run.texts)
        || (version == shipped_version() && run.texts != shipped_texts())
    {
        errors.push((
            "version".into(),
            format!("Version {version} was published before with other texts: name this one anew."),
        ));
    }
    if !errors.is_empty() {
        return Err(refuse(StatusCode::UNPROCESSABLE_ENTITY, errors));
    }
    let changes = run.texts.diff_from(&published);
    let new = NewVersion {
        version,
        texts: &run.texts,
        follows: run.against,
        author: session.user.email.as_str(),
        note,
        diff: &changes,
        override_reason: (!failing.is_empty()).then_some(reason),
        check_id: Some(run.id),
        action: "publish",
        at: state.clock.now(),
    };
    store_and_use(&state, &session, &new).await.map_err(|why| refuse(StatusCode::CONFLICT, general(&why)))
}

/// The version name of the model shipped in this build.
fn shipped_version() -> String {
    crate::domain::guide::engine::model::Model::default_model().version
}

/// Stores a version and uses it on this instance at once; one this build cannot read is not
/// stored.
async fn store_and_use(state: &AppState, session: &Authenticated, new: &NewVersion<'_>) -> Result<Response, String> {
    readable(new.texts, new.version).map_err(|problem| format!("This build cannot use that version: {problem}."))?;
    let published = state.stores.model.publish(new).await.map_err(|e| {
        tracing::error!(error = %e, "publishing the model failed");
        "The model could not be published just now; nothing was changed. Please try again.".to_string()
    })?;
    let id = match published {
        Published::Done(id) => id,
        Published::Meanwhile => {
            return Err("Another version was published a moment ago: check the draft again against it.".to_string())
        }
    };
    let stored = PublishedVersion {
        id,
        version: new.version.to_string(),
        texts: new.texts.clone(),
        follows: new.follows,
        author: new.author.to_string(),
        published_at: new.at,
        note: new.note.to_string(),
        diff: new.diff.to_string(),
        override_reason: new.override_reason.map(str::to_string),
        check_id: new.check_id,
    };
    match put_in_use(&state.engine, &stored) {
        Ok(()) => state.page_cache.clear(),
        Err(problem) => tracing::error!(%problem, "a version that was checked does not read"),
    }
    tracing::info!(version = new.version, id, by = session.user.id, action = new.action, "the model was published");
    Ok(Redirect::to(&format!("/inbox/model?done={}", new.action)).into_response())
}

/// The rollback form, as posted.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RollbackFields {
    /// The version to put back (0: the model shipped with the build).
    to: String,
}

/// `POST /inbox/model/rollback`: an earlier version (or the shipped model) published again, as
/// a new version with its texts and name.
pub async fn rollback(
    State(state): State<AppState>,
    Admin(session): Admin,
    Posted { form, .. }: Posted<RollbackFields>,
) -> Result<Response, Failure> {
    if !state.engine.editable() {
        return Err(Failure::Conflict(EDITS_OFF.to_string()));
    }
    let to: i64 = form.to.trim().parse().map_err(|_| Failure::NotFound("There is no such version."))?;
    let (version, texts) = if to == 0 {
        (shipped_version(), shipped_texts())
    } else {
        let earlier = state
            .stores
            .model
            .version(to)
            .await
            .map_err(unavailable)?
            .ok_or(Failure::NotFound("There is no such version."))?;
        (earlier.version, earlier.texts)
    };
    let newest = state.stores.model.newest_version_id().await.map_err(unavailable)?;
    if newest == to {
        return Err(Failure::Conflict("That version is the one in use.".to_string()));
    }
    let current = state.stores.model.version(newest).await.map_err(unavailable)?;
    let changes = texts.diff_from(&published_texts(current.as_ref()));
    let note = format!("Rolled back to version {version}");
    let new = NewVersion {
        version: &version,
        texts: &texts,
        follows: newest,
        author: session.user.email.as_str(),
        note: &note,
        diff: &changes,
        override_reason: None,
        check_id: None,
        action: "rollback",
        at: state.clock.now(),
    };
    store_and_use(&state, &session, &new).await.map_err(Failure::Conflict)
}
