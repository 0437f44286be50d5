//! Reading the environment: one small parser per kind of value, each error naming its variable.

use std::fmt::Display;
use std::ops::RangeInclusive;
use std::path::PathBuf;
use std::str::FromStr;
use std::time::Duration;

use crate::domain::period::Period;

/// A setting that could not be used; the message names the variable.
#[derive(Debug, thiserror::Error)]
#[error("{name}: {message}")]
pub struct SettingsError {
    pub name: &'static str,
    pub message: String,
}

impl SettingsError {
    pub(super) fn new(name: &'static str, message: impl Into<String>) -> Self {
        Self { name, message: message.into() }
    }
}

/// Reads variables through a lookup, one small parser per kind of value, so that each
/// variable's name is written once, beside its default, and every error names it.
pub(super) struct Env<F> {
    pub(super) lookup: F,
}

impl<F: Fn(&str) -> Option<String>> Env<F> {
    /// The value as set, if the variable is set and not blank (secrets and addresses are taken
    /// exactly as given).
    pub(super) fn raw(&self, name: &str) -> Option<String> {
        (self.lookup)(name).filter(|v| !v.trim().is_empty())
    }

    /// The trimmed value, if the variable is set and not blank.
    pub(super) fn get(&self, name: &str) -> Option<String> {
        self.raw(name).map(|v| v.trim().to_string())
    }

    pub(super) fn text(&self, name: &str, default: &str) -> String {
        self.get(name).unwrap_or_else(|| default.to_string())
    }

    /// The value read by `parse` (the default when unset), or the problem `parse` found.
    pub(super) fn read<T>(
        &self,
        name: &'static str,
        default: &str,
        parse: impl FnOnce(&str) -> Result<T, String>,
    ) -> Result<T, SettingsError> {
        parse(&self.text(name, default)).map_err(|message| SettingsError::new(name, message))
    }

    /// Like `read`, for a parser that only says no; `expected` says what would do.
    pub(super) fn parsed<T>(
        &self,
        name: &'static str,
        default: &str,
        expected: &str,
        parse: impl FnOnce(&str) -> Option<T>,
    ) -> Result<T, SettingsError> {
        self.read(name, default, |v| parse(v).ok_or_else(|| format!("expected {expected}")))
    }

    /// A whole number within `range`.
    pub(super) fn number<T>(
        &self,
        name: &'static str,
        default: T,
        range: RangeInclusive<T>,
        what: &str,
    ) -> Result<T, SettingsError>
    where
        T: FromStr + PartialOrd + Display,
    {
        let expected = format!("{what}, {}-{}", range.start(), range.end());
        self.parsed(name, &default.to_string(), &expected, |v| v.parse().ok().filter(|n| range.contains(n)))
    }

    pub(super) fn seconds(
        &self,
        name: &'static str,
        default: u64,
        range: RangeInclusive<u64>,
    ) -> Result<Duration, SettingsError> {
        self.number(name, default, range, "whole seconds").map(Duration::from_secs)
    }

    pub(super) fn millis(&self, name: &'static str, default: u64) -> Result<Duration, SettingsError> {
        self.number(name, default, 0..=u64::MAX, "milliseconds").map(Duration::from_millis)
    }

    /// One of a few words (any case).
    pub(super) fn choice<T: Copy>(
        &self,
        name: &'static str,
        default: &str,
        options: &[(&str, T)],
    ) -> Result<T, SettingsError> {
        let words: Vec<&str> = options.iter().map(|(word, _)| *word).collect();
        self.parsed(name, default, &format!("one of {}", words.join(", ")), |v| {
            options.iter().find(|(word, _)| word.eq_ignore_ascii_case(v)).map(|(_, value)| *value)
        })
    }

    pub(super) fn url(&self, name: &'static str, default: &str) -> Result<String, SettingsError> {
        self.parsed(name, default, "an http:// or https:// URL", |v| {
            (v.starts_with("http://") || v.starts_with("https://")).then(|| v.trim_end_matches('/').to_string())
        })
    }

    /// A length of time written like `24h`, `90m`, `45s`.
    pub(super) fn period(&self, name: &'static str, default: Period) -> Result<Period, SettingsError> {
        self.read(name, &default.setting(), Period::parse)
    }

    pub(super) fn path(&self, name: &str) -> Option<PathBuf> {
        self.get(name).map(PathBuf::from)
    }
}
