//! The advice model every request uses, and how it changes without a restart: admins publish a
//! version from the browser (`handlers::model`), it is stored in the database, and every
//! instance notices the newest one within `ARCHGUIDE_MODEL_POLL` (`watch`). A draft is checked
//! against the case library and replayed through the stored results first (`check`).
//!
//! `ARCHGUIDE_MODEL_FILE` (or `ARCHGUIDE_PRICES_FILE`) wins when set: the instance keeps the
//! files' model and editing in the browser is off.

pub mod check;
pub mod watch;

use std::sync::{Arc, RwLock};

use crate::domain::guide::engine::Engine;
use crate::domain::guide::review::draft::ModelTexts;
use crate::server::store::review::model::PublishedVersion;

/// Where the live model comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// The model shipped in the build (nothing was published).
    Shipped,
    /// A published version (its row id).
    Published(i64),
    /// The files named by `ARCHGUIDE_MODEL_FILE` / `ARCHGUIDE_PRICES_FILE`: edits are off.
    Files,
}

/// The engine in use, swapped whole when a version is published: a request keeps the engine
/// it started with.
#[derive(Debug)]
pub struct LiveEngine {
    current: RwLock<(Arc<Engine>, Source)>,
    /// Held while a version is put in use (its words, then its engine), so that two switches at
    /// once (a publication and the watch) cannot leave the words of one with the engine of the
    /// other.
    switching: std::sync::Mutex<()>,
}

impl LiveEngine {
    pub fn new(engine: Engine, source: Source) -> Self {
        LiveEngine { current: RwLock::new((Arc::new(engine), source)), switching: std::sync::Mutex::new(()) }
    }

    /// The engine to answer with.
    pub fn current(&self) -> Arc<Engine> {
        self.current.read().unwrap_or_else(|e| e.into_inner()).0.clone()
    }

    pub fn source(&self) -> Source {
        self.current.read().unwrap_or_else(|e| e.into_inner()).1.clone()
    }

    /// The published version in use (0: the shipped model, or the files).
    pub fn published_id(&self) -> i64 {
        match self.source() {
            Source::Published(id) => id,
            Source::Shipped | Source::Files => 0,
        }
    }

    /// Whether admins may publish versions here (not while files decide the model).
    pub fn editable(&self) -> bool {
        self.source() != Source::Files
    }

    /// Puts a published version in use.
    fn replace(&self, engine: Engine, id: i64) {
        *self.current.write().unwrap_or_else(|e| e.into_inner()) = (Arc::new(engine), Source::Published(id));
    }
}

/// Whether this build can put these texts in use, named `version`: their engine reads, and so
/// do their words. A version this build cannot read any more (its rules changed since) is kept
/// out of use.
pub fn readable(texts: &ModelTexts, version: &str) -> Result<Engine, String> {
    let engine = texts
        .engine(Some(version))
        .map_err(|problems| [problems.model, problems.prices].into_iter().flatten().collect::<Vec<_>>().join("; "))?;
    let words = crate::i18n::locales::locales().word_problems(&texts.words);
    if let Some((code, problem)) = words.into_iter().next() {
        return Err(format!("the words in {code}: {problem}"));
    }
    Ok(engine)
}

/// Puts a published version in use on this instance: its words in every language, then its
/// engine. Nothing changes when either does not read, nor when a newer version is in use
/// already (versions only move forward: a rollback is a newer version too).
pub fn put_in_use(live: &LiveEngine, version: &PublishedVersion) -> Result<(), String> {
    let engine = readable(&version.texts, &version.version)?;
    let _switching = live.switching.lock().unwrap_or_else(|e| e.into_inner());
    if version.id < live.published_id() {
        return Ok(());
    }
    crate::i18n::locales::locales().use_words(&version.texts.words)?;
    live.replace(engine, version.id);
    Ok(())
}

/// The model, price book and words shipped in this build.
pub fn shipped_texts() -> ModelTexts {
    ModelTexts::shipped(crate::i18n::locales::locales().built_in_words())
}

/// The texts the live model was made from.
pub fn published_texts(version: Option<&PublishedVersion>) -> ModelTexts {
    version.map(|v| v.texts.clone()).unwrap_or_else(shipped_texts)
}
