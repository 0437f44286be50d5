//! The advice model's words (each language's `model.ftl`), edited with a draft of the model and
//! published with it: read here by the same rules as the built-in files, checked for the
//! messages a model needs, and put in use in place of the built-in `model.ftl`. The words in use
//! belong to the process: one process serves one instance of the site.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::{add_file, new_bundle, Bundle, Language, Locales, LOCALE_FILES};

/// The file the model's words live in.
pub const MODEL_WORDS: &str = "model.ftl";

impl Language {
    /// This language's files with `words` in place of its `model.ftl`, or what is wrong with
    /// the words (naming the line).
    fn with_words(&self, words: &str) -> Result<Bundle, String> {
        let code = self.lang.code();
        let sources = LOCALE_FILES.iter().find(|(c, _)| *c == code).map(|(_, files)| *files).unwrap_or_default();
        let mut bundle = new_bundle(code)?;
        for (name, source) in sources {
            let text = if *name == MODEL_WORDS { words.to_string() } else { source.to_string() };
            add_file(&mut bundle, code, name, text)?;
        }
        Ok(bundle)
    }
}

impl Locales {
    /// The built-in words of the model, per language code.
    pub fn built_in_words(&self) -> BTreeMap<String, String> {
        self.languages()
            .map(|l| {
                (l.lang.code().to_string(), super::source(l.lang.code(), MODEL_WORDS).unwrap_or_default().to_string())
            })
            .collect()
    }

    /// For each language whose words in `words` do not read, the problem (naming the line).
    pub fn word_problems(&self, words: &BTreeMap<String, String>) -> BTreeMap<String, String> {
        self.languages()
            .filter_map(|l| {
                let text = words.get(l.lang.code())?;
                l.with_words(text).err().map(|problem| (l.lang.code().to_string(), problem))
            })
            .collect()
    }

    /// For each language, the messages it lacks with `words` (a language `words` leaves out
    /// keeps its built-in words): the ones in `needed`, and the ones the words it replaces
    /// (`replaced`) have, which results stored before may still show. Language name and ids.
    pub fn missing_words(
        &self,
        needed: &[String],
        words: &BTreeMap<String, String>,
        replaced: &BTreeMap<String, String>,
    ) -> Vec<(String, Vec<String>)> {
        self.languages()
            .filter_map(|l| {
                let code = l.lang.code();
                let mut wanted: Vec<String> = needed.to_vec();
                for id in replaced.get(code).map(|text| message_ids(text)).unwrap_or_default() {
                    if !wanted.contains(&id) {
                        wanted.push(id);
                    }
                }
                let missing: Vec<String> = match words.get(code).map(|text| l.with_words(text)) {
                    Some(Ok(bundle)) => wanted.into_iter().filter(|k| !bundle.has_message(k)).collect(),
                    // Words that do not read were refused before; the built-in ones say nothing here.
                    Some(Err(_)) => Vec::new(),
                    None => wanted.into_iter().filter(|k| !l.bundle.has_message(k)).collect(),
                };
                (!missing.is_empty()).then(|| (l.name.clone(), missing))
            })
            .collect()
    }

    /// Puts a published version's words in use (the built-in ones for a language it leaves out,
    /// or has the built-in words for).
    pub fn use_words(&self, words: &BTreeMap<String, String>) -> Result<(), String> {
        let built_in = self.built_in_words();
        let mut bundles = Vec::new();
        for language in self.languages() {
            let code = language.lang.code();
            let bundle = match words.get(code).filter(|text| built_in.get(code) != Some(*text)) {
                Some(text) => Some(Arc::new(language.with_words(text)?)),
                None => None,
            };
            bundles.push(bundle);
        }
        for (language, bundle) in self.languages().zip(bundles) {
            *language.published.write().unwrap_or_else(|e| e.into_inner()) = bundle;
        }
        Ok(())
    }
}

/// The ids of the messages a Fluent text defines (none when it does not read).
fn message_ids(text: &str) -> Vec<String> {
    super::parse(text).map(|resource| super::ids_of(&resource)).unwrap_or_default()
}
