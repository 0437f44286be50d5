//! Checking a draft of the model before it is published: every case of the library run
//! through the draft and the published model, and every guide result stored in the last
//! `ARCHGUIDE_REPLAY_DAYS` replayed through both. The check is stored first and runs beside the
//! requests, writing its progress as it goes, so its page can show how far it got.

use std::sync::Arc;

use crate::domain::guide::answers::Answers;
use crate::domain::guide::engine::Engine;
use crate::domain::guide::review::case::CaseOutcome;
use crate::domain::guide::review::draft::ModelTexts;
use crate::domain::guide::review::replay::{replay_one, Replay, Tally};
use crate::domain::period::Period;
use crate::server::clock::Clock;
use crate::server::store::{StoreError, Stores};

/// Results read and replayed in one go (the progress moves after each).
const PAGE: u32 = 5_000;

/// What a check needs.
pub struct Checker {
    pub stores: Stores,
    pub clock: Arc<dyn Clock>,
    /// How far back stored results are replayed.
    pub replay: Period,
}

impl Checker {
    /// Stores the check of `draft` (made from `texts`) against `published` (the version with
    /// row id `against`) and starts it; its id, for its page.
    pub async fn start(
        self,
        author: &str,
        texts: &ModelTexts,
        draft: Engine,
        published: Arc<Engine>,
        against: i64,
    ) -> Result<i64, StoreError> {
        let now = self.clock.now();
        let since = now - self.replay.as_chrono();
        let total = self.stores.model.results_since(since).await?;
        let id = self.stores.model.start_check(author, texts, against, total, now).await?;
        let draft = Arc::new(draft);
        tokio::spawn(async move {
            let outcome = self.run(id, since, &draft, &published).await;
            let now = self.clock.now();
            let (cases, replay, failure) = match outcome {
                Ok((cases, replay)) => (cases, replay, None),
                Err(error) => {
                    tracing::error!(check = id, %error, "a check of the model failed");
                    (Vec::new(), Replay::default(), Some("The check could not read the database; run it again."))
                }
            };
            if let Err(error) = self.stores.model.finish_check(id, &cases, &replay, failure, now).await {
                tracing::error!(check = id, %error, "a check's outcome could not be stored");
            }
        });
        Ok(id)
    }

    async fn run(
        &self,
        id: i64,
        since: chrono::DateTime<chrono::Utc>,
        draft: &Arc<Engine>,
        published: &Arc<Engine>,
    ) -> Result<(Vec<CaseOutcome>, Replay), StoreError> {
        let cases: Vec<_> = self.stores.review.cases().await?.into_iter().filter(|c| c.retired_at.is_none()).collect();
        let (d, p) = (draft.clone(), published.clone());
        let outcomes = tokio::task::spawn_blocking(move || {
            cases
                .into_iter()
                .map(|stored| CaseOutcome {
                    id: stored.id,
                    title: stored.case.title.clone(),
                    organisation: stored.case.organisation.clone(),
                    execution: stored.case.execution.clone(),
                    draft: stored.case.check(&d),
                    published: stored.case.check(&p),
                })
                .collect::<Vec<_>>()
        })
        .await
        .map_err(|e| StoreError::Corrupt(format!("the case check stopped: {e}")))?;
        let mut tally = Tally::default();
        let mut after = None;
        loop {
            let rows = self.stores.model.results_page(since, after.as_ref(), PAGE).await?;
            let Some(last) = rows.last() else { break };
            after = Some((last.created_at, last.id.clone()));
            let (d, p) = (draft.clone(), published.clone());
            tally = tokio::task::spawn_blocking(move || {
                for row in &rows {
                    // What the guide stored was checked when it came in; a row that no longer
                    // reads is not replayed.
                    let Ok(answers) = Answers::from_json(&row.answers) else { continue };
                    let (before, now) = replay_one(&p, &d, &answers);
                    tally.add(&row.id, before, now);
                }
                tally
            })
            .await
            .map_err(|e| StoreError::Corrupt(format!("the replay stopped: {e}")))?;
            self.stores.model.check_progress(id, tally.results(), self.clock.now()).await?;
        }
        Ok((outcomes, tally.figures()))
    }
}
