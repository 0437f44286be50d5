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
}

impl LiveEngine {
    pub fn new(engine: Engine, source: Source) -> Self {
        LiveEngine { current: RwLock::new((Arc::new(engine), source)) }
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
    pub fn replace(&self, engine: Engine, id: i64) {
        *self.current.write().unwrap_or_else(|e| e.into_inner()) = (Arc::new(engine), Source::Published(id));
    }
}

/// The engine a published version's texts make, under its version name. A version this build
/// cannot read any more (its rules changed since) is an error: the caller keeps what it has.
pub fn engine_of(version: &PublishedVersion) -> Result<Engine, String> {
    version
        .texts
        .engine(Some(&version.version))
        .map_err(|problems| [problems.model, problems.prices].into_iter().flatten().collect::<Vec<_>>().join("; "))
}

/// Puts a published version in use on this instance: its engine, and its words in every
/// language. Nothing changes when either does not read.
pub fn put_in_use(live: &LiveEngine, version: &PublishedVersion) -> Result<(), String> {
    let engine = engine_of(version)?;
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
