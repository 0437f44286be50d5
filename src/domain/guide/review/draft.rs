//! A draft of the advice model: its texts (the model and the price book, as TOML, and each
//! language's words for it), the model and prices checked by the same rules as at start-up,
//! with every problem naming its line; and the draft set against the published texts, line by
//! line. The words are Fluent, read by the site's translations (`i18n`), not here.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::domain::guide::cases::Cases;
use crate::domain::guide::cost::PriceBook;
use crate::domain::guide::engine::model::Model;
use crate::domain::guide::engine::Engine;

/// The texts of a model version: what admins edit, what a published version stores.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModelTexts {
    /// The model (`data/model.toml`'s shape).
    pub model: String,
    /// The price book (`data/prices.toml`'s shape).
    pub prices: String,
    /// Each language's words for the model (its `model.ftl`), by language code.
    #[serde(default)]
    pub words: BTreeMap<String, String>,
}

/// What is wrong with a draft, per text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftProblems {
    pub model: Option<String>,
    pub prices: Option<String>,
}

impl ModelTexts {
    /// The model and price book shipped in this build, with `words` (the built-in ones, which
    /// the translations hold).
    pub fn shipped(words: BTreeMap<String, String>) -> Self {
        ModelTexts {
            model: crate::domain::guide::engine::model::DEFAULT_MODEL_TOML.to_string(),
            prices: crate::domain::guide::cost::DEFAULT_PRICES_TOML.to_string(),
            words,
        }
    }

    /// The engine these texts make, named `version`, or what is wrong with each text.
    pub fn engine(&self, version: Option<&str>) -> Result<Engine, DraftProblems> {
        let model = Model::from_toml(&self.model).map_err(|e| located(&self.model, e));
        let prices = PriceBook::from_toml(&self.prices).map_err(|e| located(&self.prices, e));
        match (model, prices) {
            (Ok(mut model), Ok(prices)) => {
                if let Some(version) = version {
                    model.version = version.to_string();
                }
                Ok(Engine { model, prices, cases: Cases::default_cases() })
            }
            (model, prices) => Err(DraftProblems { model: model.err(), prices: prices.err() }),
        }
    }
}

impl ModelTexts {
    /// What differs from `published`, text by text (empty when nothing does).
    pub fn diff_from(&self, published: &ModelTexts) -> String {
        let mut all =
            [diff("model.toml", &published.model, &self.model), diff("prices.toml", &published.prices, &self.prices)]
                .concat();
        let languages: std::collections::BTreeSet<&String> = published.words.keys().chain(self.words.keys()).collect();
        for code in languages {
            let text = |texts: &ModelTexts| texts.words.get(code).cloned().unwrap_or_default();
            all.push_str(&diff(&format!("{code}/model.ftl"), &text(published), &text(self)));
        }
        all
    }
}

/// A problem with the line it is on added, where it names something the text holds. The TOML
/// reader names the line and column itself ("TOML parse error at line 3, column 7"); the
/// checks after it name a rule, option or section, which is looked up here.
pub fn located(text: &str, problem: String) -> String {
    if problem.contains("at line ") {
        return problem;
    }
    let head = problem.split(':').next().unwrap_or_default();
    let name = head
        .split(['(', ')', '\''])
        .nth(1)
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .or_else(|| head.split('.').next_back().filter(|s| !s.contains(' ')));
    let line = name.and_then(|name| {
        let quoted = format!("\"{name}\"");
        let dotted = format!(".{name}]");
        text.lines().position(|line| line.contains(&quoted) || line.trim_end().ends_with(&dotted))
    });
    match line {
        Some(at) => format!("line {}: {problem}", at + 1),
        None => problem,
    }
}

/// The lines that differ between two texts, in the unified format (`-` published, `+` draft),
/// with three lines of context; empty when they are the same.
pub fn diff(name: &str, published: &str, draft: &str) -> String {
    if published == draft {
        return String::new();
    }
    similar::TextDiff::from_lines(published, draft)
        .unified_diff()
        .context_radius(3)
        .header(&format!("published/{name}"), &format!("draft/{name}"))
        .to_string()
}
