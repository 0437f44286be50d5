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

use crate::domain::lang::{Arg, Lang, NumberFormat};
use crate::domain::message::{in_sentence, Message, MessageArg};

include!(concat!(env!("OUT_DIR"), "/locales.rs"));

type Bundle = fluent_bundle::concurrent::FluentBundle<FluentResource>;

/// One language: its bundle of messages and what the files say about it.
pub struct Language {
    pub lang: Lang,
    /// The language's name for itself ("Español").
    pub name: String,
    pub numbers: NumberFormat,
    bundle: Bundle,
    /// The same files with the published model's words in place of `model.ftl` (see `words`):
    /// what the language's texts come from while a published version has words of its own.
    published: std::sync::RwLock<Option<std::sync::Arc<Bundle>>>,
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

/// A translation file as built in (`locales/{code}/{name}`), if there is one.
pub fn source(code: &str, name: &str) -> Option<&'static str> {
    LOCALE_FILES
        .iter()
        .find(|(c, _)| *c == code)
        .and_then(|(_, files)| files.iter().find(|(n, _)| *n == name))
        .map(|(_, text)| *text)
}

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

    /// The language with this code (a lead's, say), the default one when the site has none.
    pub fn language_of(&self, code: &str) -> &Language {
        self.language(self.find(code).unwrap_or_default())
    }

    /// The message `key` in `lang` with its arguments. A missing message is logged and shown as
    /// its key (the translation test keeps that from shipping).
    pub fn text(&self, lang: Lang, key: &str, args: &[(&str, Arg)]) -> String {
        self.language(lang).text(key, args)
    }

    /// A message in the default language (what staff read).
    pub fn text_of(&self, message: &Message) -> String {
        self.languages[0].write(message)
    }

    /// Whether `lang` has the message `key`.
    pub fn has(&self, lang: Lang, key: &str) -> bool {
        self.language(lang).has_message(key)
    }
}

impl Language {
    fn load(code: &'static str, sources: &'static [(&'static str, &'static str)]) -> Result<Self, String> {
        let mut bundle = new_bundle(code)?;
        let mut files = Vec::new();
        for (name, source) in sources {
            let ids = add_file(&mut bundle, code, name, source.to_string())?;
            files.push((*name, ids));
        }
        let mut language = Language {
            lang: Lang::new(code),
            name: String::new(),
            numbers: NumberFormat::default(),
            bundle,
            published: std::sync::RwLock::new(None),
            files,
        };
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

    /// Whether the language has the message `key` (with the published model's words, if any).
    pub fn has_message(&self, key: &str) -> bool {
        match &*self.published.read().unwrap_or_else(|e| e.into_inner()) {
            Some(published) => published.has_message(key),
            None => self.bundle.has_message(key),
        }
    }

    /// The message `key` with its arguments.
    pub fn text(&self, key: &str, args: &[(&str, Arg)]) -> String {
        let published = self.published.read().unwrap_or_else(|e| e.into_inner()).clone();
        let bundle = published.as_deref().unwrap_or(&self.bundle);
        let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
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
        let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
        if !errors.is_empty() {
            tracing::error!(lang = self.lang.code(), key, problem = %describe(&errors), "a text could not be formatted");
        }
        text.into_owned()
    }

    /// A name that may be the id of a message (a price table names its own servers by one):
    /// the message's words when it is one, the name as it is otherwise.
    pub fn named(&self, name: &str) -> String {
        if self.has_message(name) {
            self.text(name, &[])
        } else {
            name.to_string()
        }
    }

    /// A recommendation with every text in this language, product names and price sources
    /// included: what the API sends and pages show.
    pub fn recommendation(
        &self,
        recommendation: &crate::domain::guide::recommendation::Recommendation,
    ) -> crate::domain::guide::recommendation::Recommendation {
        let mut written = recommendation.written(|m| self.write(m));
        let assumptions = &mut written.cost.assumptions;
        for product in assumptions.products.values_mut() {
            *product = self.named(product);
        }
        for source in assumptions.sources.values_mut() {
            source.source = self.named(&source.source);
        }
        written
    }

    /// A message written in this language.
    pub fn write(&self, message: &Message) -> String {
        match message {
            Message::Plain(text) => text.clone(),
            Message::Keyed { key, args } => {
                let args: Vec<(&str, Arg)> = args.iter().map(|(name, arg)| (name.as_str(), self.arg(arg))).collect();
                self.text(key, &args)
            }
        }
    }

    fn arg(&self, arg: &MessageArg) -> Arg<'static> {
        match arg {
            MessageArg::Number(n) => Arg::Number(*n, 2),
            MessageArg::Text(text) => Arg::from(text.clone()),
            MessageArg::Usd { usd } => Arg::from(self.money(*usd)),
            MessageArg::Exact { exact } => Arg::from(format!("{exact}").replace('.', &self.numbers.decimal)),
            MessageArg::List { list } => Arg::from(self.list(list)),
            MessageArg::Parts { parts } => Arg::from(self.joined(parts)),
            MessageArg::Message(message) => Arg::from(self.write(message)),
            MessageArg::Lower { lower } => Arg::from(in_sentence(&self.write(lower))),
        }
    }

    /// An amount of US dollars: cents below ten dollars, whole dollars above.
    pub fn money(&self, usd: f64) -> String {
        let amount =
            if usd.abs() < 10.0 { self.numbers.format_fixed(usd, 2) } else { self.numbers.format(usd.round(), 0) };
        self.text("money-usd", &[("amount", amount.into())])
    }

    /// Messages as this language lists them: "a, b and c".
    pub fn list(&self, items: &[Message]) -> String {
        let mut written: Vec<String> = items.iter().map(|m| self.write(m)).collect();
        let Some(last) = written.pop() else { return String::new() };
        let Some(first) = written.first().cloned() else { return last };
        let head = written
            .into_iter()
            .skip(1)
            .fold(first, |done, next| self.text("list-comma", &[("first", done.into()), ("second", next.into())]));
        self.text("list-and", &[("first", head.into()), ("second", last.into())])
    }

    /// Clauses of one statement as this language joins them: "a; b; c".
    pub fn joined(&self, parts: &[Message]) -> String {
        let mut written = parts.iter().map(|m| self.write(m));
        let first = written.next().unwrap_or_default();
        written.fold(first, |done, next| self.text("list-parts", &[("first", done.into()), ("second", next.into())]))
    }

    /// A day written this language's way: "3 December 2026", "3 de diciembre de 2026".
    pub fn date(&self, date: chrono::NaiveDate) -> String {
        use chrono::Datelike;
        let month = self.text(&format!("month-{}", date.month()), &[]);
        self.text(
            "date",
            &[
                ("day", Arg::Number(date.day().into(), 0)),
                ("month", month.into()),
                ("year", Arg::Text(date.year().to_string().into())),
            ],
        )
    }

    /// A day with its day of the week: "Tuesday 8 December 2026".
    pub fn day_with_weekday(&self, date: chrono::NaiveDate) -> String {
        use chrono::Datelike;
        let weekday = self.text(&format!("weekday-{}", date.weekday().number_from_monday()), &[]);
        self.text("date-weekday", &[("weekday", weekday.into()), ("date", self.date(date).into())])
    }

    /// A month of a year written this language's way: "March 2023", "marzo de 2023".
    pub fn month(&self, year: i32, month: u32) -> String {
        let name = self.text(&format!("month-{month}"), &[]);
        self.text("date-month", &[("month", name.into()), ("year", Arg::Text(year.to_string().into()))])
    }

    /// A moment written this language's way, in UTC: "3 December 2026, 14:05 UTC".
    pub fn moment(&self, at: chrono::DateTime<chrono::Utc>) -> String {
        let time = at.format("%H:%M").to_string();
        self.text("date-time", &[("date", self.date(at.date_naive()).into()), ("time", time.into())])
    }

    /// A moment with its day of the week: "Thursday 3 December 2026, 14:05 UTC".
    pub fn moment_with_weekday(&self, at: chrono::DateTime<chrono::Utc>) -> String {
        let date = self.day_with_weekday(at.date_naive());
        self.text("date-time", &[("date", date.into()), ("time", at.format("%H:%M").to_string().into())])
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

/// An empty bundle for the language `code`, set up as every bundle of the site is.
fn new_bundle(code: &str) -> Result<Bundle, String> {
    let id: unic_langid::LanguageIdentifier =
        code.parse().map_err(|e| format!("'{code}' is not a language code: {e}"))?;
    let mut bundle = Bundle::new_concurrent(vec![id]);
    // The texts go into HTML and plain text, never next to right-to-left script.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(format_number));
    Ok(bundle)
}

/// A Fluent text read, or its problems each with its line. The parser must not take the server
/// down with it: a text it trips on (words an admin typed) is a problem like any other.
fn parse(source: &str) -> Result<FluentResource, String> {
    let owned = source.to_string();
    let parsed = std::panic::catch_unwind(move || FluentResource::try_new(owned))
        .map_err(|_| "the text could not be read (check the escapes in quoted text)".to_string())?;
    parsed.map_err(|(_, errors)| {
        let problems: Vec<String> = errors
            .iter()
            .map(|e| {
                let line =
                    source.get(..e.pos.start.min(source.len())).map_or(0, |before| before.matches('\n').count()) + 1;
                format!("line {line}: {:?}", e.kind)
            })
            .collect();
        problems.join("; ")
    })
}

/// The ids of the messages a file defines, in file order.
fn ids_of(resource: &FluentResource) -> Vec<String> {
    resource
        .entries()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(message) => Some(message.id.name.to_string()),
            _ => None,
        })
        .collect()
}

/// Adds a file's messages to a bundle; the ids of its messages, or what is wrong (with the line).
fn add_file(bundle: &mut Bundle, code: &str, name: &str, source: String) -> Result<Vec<String>, String> {
    let resource = parse(&source).map_err(|problem| format!("{code}/{name}: {problem}"))?;
    let ids = ids_of(&resource);
    bundle.add_resource(resource).map_err(|errors| format!("{code}/{name}: {}", describe(&errors)))?;
    Ok(ids)
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

mod words;

#[cfg(test)]
mod tests;
