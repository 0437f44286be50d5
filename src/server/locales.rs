//! The site's texts in every language: the Fluent files under `locales/{code}/`, embedded at
//! build time (see `build.rs`), parsed once, and formatted on the server. The browser bundle
//! carries none of them.
//!
//! Each language's directory holds the same files with the same message ids; the test in
//! `tests/translations.rs` fails when one lacks a message another has, or when a message is used
//! nowhere. Three messages describe the language itself: `language-name` (its own name for
//! itself, shown in the language switch) and `number-decimal`, `number-group`,
//! `number-min-grouping` (how it writes numbers).

use std::collections::BTreeSet;
use std::sync::LazyLock;

use fluent_bundle::types::{FluentNumber, FluentNumberOptions};
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use intl_memoizer::concurrent::IntlLangMemoizer;
use intl_memoizer::Memoizable;

use axum::extract::Request;
use axum::http::Uri;
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};

use crate::domain::lang::{split_path, Arg, Lang, NumberFormat};

include!(concat!(env!("OUT_DIR"), "/locales.rs"));

type Bundle = fluent_bundle::concurrent::FluentBundle<FluentResource>;

/// One language: its bundle of messages and what the files say about it.
pub struct Language {
    pub lang: Lang,
    /// The language's name for itself ("Español").
    pub name: String,
    pub numbers: NumberFormat,
    bundle: Bundle,
    /// Each file's name and the message ids it defines, in file order.
    files: Vec<(&'static str, Vec<String>)>,
}

/// Every language of the site; the first is the default.
pub struct Locales {
    languages: Vec<Language>,
}

static LOCALES: LazyLock<Locales> = LazyLock::new(|| match Locales::load(LOCALE_FILES) {
    Ok(locales) => locales,
    Err(problem) => panic!("the translation files under locales/ are broken: {problem}"),
});

/// The languages built into this binary.
pub fn locales() -> &'static Locales {
    &LOCALES
}

impl Locales {
    /// Parses every language's files. The default language must be among them.
    pub fn load(files: &'static [(&'static str, &'static [(&'static str, &'static str)])]) -> Result<Self, String> {
        let mut languages = Vec::new();
        for (code, sources) in files {
            languages.push(Language::load(code, sources)?);
        }
        let at = languages
            .iter()
            .position(|l| l.lang.is_default())
            .ok_or_else(|| format!("no files for the default language '{}'", Lang::DEFAULT.code()))?;
        languages.swap(0, at);
        Ok(Locales { languages })
    }

    /// The language with this code, if the site has it.
    pub fn find(&self, code: &str) -> Option<Lang> {
        self.languages.iter().map(|l| l.lang).find(|l| l.code() == code)
    }

    /// Every language, the default first.
    pub fn languages(&self) -> impl Iterator<Item = &Language> {
        self.languages.iter()
    }

    /// A language's messages (the default language's for one the site does not have).
    pub fn language(&self, lang: Lang) -> &Language {
        self.languages.iter().find(|l| l.lang == lang).unwrap_or(&self.languages[0])
    }

    /// The message `key` in `lang` with its arguments. A missing message is logged and shown as
    /// its key (the translation test keeps that from shipping).
    pub fn text(&self, lang: Lang, key: &str, args: &[(&str, Arg)]) -> String {
        self.language(lang).text(key, args)
    }

    /// Whether `lang` has the message `key`.
    pub fn has(&self, lang: Lang, key: &str) -> bool {
        self.language(lang).bundle.has_message(key)
    }
}

impl Language {
    fn load(code: &'static str, sources: &'static [(&'static str, &'static str)]) -> Result<Self, String> {
        let id: unic_langid::LanguageIdentifier =
            code.parse().map_err(|e| format!("'{code}' is not a language code: {e}"))?;
        let mut bundle = Bundle::new_concurrent(vec![id]);
        // The texts go into HTML and plain text, never next to right-to-left script.
        bundle.set_use_isolating(false);
        bundle.set_formatter(Some(format_number));
        let mut files = Vec::new();
        for (name, source) in sources {
            let resource = FluentResource::try_new(source.to_string())
                .map_err(|(_, errors)| format!("{code}/{name}: {}", describe(&errors)))?;
            let ids = resource
                .entries()
                .filter_map(|entry| match entry {
                    fluent_syntax::ast::Entry::Message(message) => Some(message.id.name.to_string()),
                    _ => None,
                })
                .collect();
            bundle.add_resource(resource).map_err(|errors| format!("{code}/{name}: {}", describe(&errors)))?;
            files.push((*name, ids));
        }
        let mut language =
            Language { lang: Lang::new(code), name: String::new(), numbers: NumberFormat::default(), bundle, files };
        let needed = |key: &str| {
            let text = language.text(key, &[]);
            if language.bundle.has_message(key) {
                Ok(text)
            } else {
                Err(format!("{code}: the message '{key}' is missing"))
            }
        };
        let name = needed("language-name")?;
        let numbers = NumberFormat {
            decimal: needed("number-decimal")?,
            group: needed("number-group")?,
            min_grouping: needed("number-min-grouping")?
                .parse()
                .map_err(|_| format!("{code}: number-min-grouping must be a whole number"))?,
        };
        language.name = name;
        language.numbers = numbers;
        Ok(language)
    }

    /// The message `key` with its arguments.
    pub fn text(&self, key: &str, args: &[(&str, Arg)]) -> String {
        let Some(pattern) = self.bundle.get_message(key).and_then(|m| m.value()) else {
            tracing::error!(lang = self.lang.code(), key, "a text is missing from the translation files");
            return key.to_string();
        };
        let mut fluent_args = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            match value {
                Arg::Text(text) => fluent_args.set(*name, FluentValue::from(text.as_ref())),
                Arg::Number(n, decimals) => {
                    let options =
                        FluentNumberOptions { maximum_fraction_digits: Some(*decimals), ..Default::default() };
                    fluent_args.set(*name, FluentValue::Number(FluentNumber::new(*n, options)));
                }
            }
        }
        let mut errors = Vec::new();
        let text = self.bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
        if !errors.is_empty() {
            tracing::error!(lang = self.lang.code(), key, problem = %describe(&errors), "a text could not be formatted");
        }
        text.into_owned()
    }

    /// A number written this language's way.
    pub fn number(&self, n: f64, decimals: usize) -> String {
        self.numbers.format(n, decimals)
    }

    /// Each file's name and the message ids it defines.
    pub fn files(&self) -> &[(&'static str, Vec<String>)] {
        &self.files
    }

    /// Every message id this language defines.
    pub fn keys(&self) -> BTreeSet<&str> {
        self.files.iter().flat_map(|(_, ids)| ids.iter().map(String::as_str)).collect()
    }
}

/// The first segments of the public pages, which every language mirrors under its prefix.
const PUBLIC_ROOTS: &[&str] = &["", "learn", "guide", "contact", "privacy"];

/// The language a request is in, from its path: a request for `/es/learn` is served as
/// `/learn` with Spanish in its extensions, so one route table serves every language. `/es`
/// alone is sent on to `/es/`. A path under a language's prefix that is not a public page
/// (`/es/inbox`) keeps its path, and answers the language's "not found" page. Nothing is read
/// from `Accept-Language`: a page's address alone says its language.
pub async fn from_path(mut request: Request, next: Next) -> Response {
    let path = request.uri().path();
    let Some((code, below)) = split_path(path) else { return next.run(request).await };
    let Some(lang) = locales().find(code).filter(|lang| !lang.is_default()) else {
        return next.run(request).await;
    };
    let query = request.uri().query().map(|q| format!("?{q}")).unwrap_or_default();
    if path.len() == code.len() + 1 {
        return Redirect::permanent(&format!("/{code}/{query}")).into_response();
    }
    let first = below.trim_start_matches('/').split('/').next().unwrap_or_default();
    if PUBLIC_ROOTS.contains(&first) {
        if let Ok(uri) = format!("{below}{query}").parse::<Uri>() {
            *request.uri_mut() = uri;
        }
    }
    request.extensions_mut().insert(lang);
    next.run(request).await
}

/// The language a request was made in (see `from_path`), for handlers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RequestLang(pub Lang);

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for RequestLang {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut axum::http::request::Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(RequestLang(parts.extensions.get::<Lang>().copied().unwrap_or_default()))
    }
}

fn describe<E: std::fmt::Debug>(errors: &[E]) -> String {
    errors.iter().map(|e| format!("{e:?}")).collect::<Vec<_>>().join("; ")
}

/// A language's number symbols, found by the bundle's memoizer for the bundle's language.
struct Symbols(NumberFormat);

impl Memoizable for Symbols {
    type Args = ();
    type Error = ();

    fn construct(lang: unic_langid::LanguageIdentifier, _: ()) -> Result<Self, ()> {
        let code = lang.language.as_str().to_string();
        let locales = locales();
        let lang = locales.find(&code).ok_or(())?;
        Ok(Symbols(locales.language(lang).numbers.clone()))
    }
}

/// How numbers in messages are written: with the language's own separators.
fn format_number(value: &FluentValue, intls: &IntlLangMemoizer) -> Option<String> {
    let FluentValue::Number(number) = value else { return None };
    let decimals = number.options.maximum_fraction_digits.unwrap_or(2);
    intls.with_try_get::<Symbols, _, _>((), |symbols| symbols.0.format(number.value, decimals)).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_messages_are_written_the_language_s_way() {
        let locales = locales();
        let es = locales.find("es").expect("Spanish is built in");
        let en = Lang::DEFAULT;
        assert_eq!(locales.language(es).number(12345.5, 1), "12.345,5");
        assert_eq!(locales.language(en).number(12345.5, 1), "12,345.5");
        assert_eq!(locales.text(en, "period-hours", &[("count", 24u64.into())]), "24 hours");
        assert_eq!(locales.text(es, "period-hours", &[("count", 1u64.into())]), "1 hora");
        assert_eq!(locales.text(es, "period-days", &[("count", 12345u64.into())]), "12.345 días");
    }

    #[test]
    fn a_missing_message_shows_its_key() {
        assert_eq!(locales().text(Lang::DEFAULT, "no-such-message", &[]), "no-such-message");
        assert!(!locales().has(Lang::DEFAULT, "no-such-message"));
    }

    #[test]
    fn the_default_language_comes_first() {
        let first = locales().languages().next().expect("a language");
        assert_eq!(first.lang, Lang::DEFAULT);
        assert_eq!(first.name, "English");
    }
}
