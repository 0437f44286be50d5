//! Languages of the public site: which one a path is in, the same page in another one, and
//! numbers written the way each language writes them.
//!
//! Which languages exist is data (one directory of translation files each, read by the server);
//! this module only knows that English is the default, served at the root, and that every other
//! language lives under `/{code}/` with the same paths below it.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

/// A language of the site, by its code (`en`, `es`, ...).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Lang(&'static str);

impl Default for Lang {
    fn default() -> Self {
        Lang::DEFAULT
    }
}

impl Lang {
    /// The language served at the root (`/learn`, not `/en/learn`).
    pub const DEFAULT: Lang = Lang("en");

    /// A language by its code. Only the server's list of languages should make these, so that
    /// every `Lang` has translations behind it.
    pub const fn new(code: &'static str) -> Self {
        Lang(code)
    }

    pub fn code(self) -> &'static str {
        self.0
    }

    pub fn is_default(self) -> bool {
        self == Lang::DEFAULT
    }

    /// What this language's paths start with: nothing for the default, `/es` for Spanish.
    pub fn prefix(self) -> String {
        if self.is_default() {
            String::new()
        } else {
            format!("/{}", self.0)
        }
    }

    /// A site path (as the default language writes it) in this language: `/learn` becomes
    /// `/es/learn`, `/` becomes `/es/`. Anything that is not a path of the site (another site,
    /// an anchor on the same page) is left as it is.
    ///
    /// ```
    /// use archguide::domain::lang::Lang;
    /// let es = Lang::new("es");
    /// assert_eq!(es.path("/learn#serverless"), "/es/learn#serverless");
    /// assert_eq!(es.path("/"), "/es/");
    /// assert_eq!(es.path("/guide?stage=mvp"), "/es/guide?stage=mvp");
    /// assert_eq!(es.path("#main"), "#main");
    /// assert_eq!(Lang::DEFAULT.path("/learn"), "/learn");
    /// ```
    pub fn path(self, path: &str) -> String {
        if self.is_default() || !path.starts_with('/') || path.starts_with("//") {
            return path.to_string();
        }
        format!("/{}{path}", self.0)
    }
}

/// The language code a path starts with, if any, and the path below it: `/es/learn` gives
/// `("es", "/learn")`, `/es` and `/es/` give `("es", "/")`. A first segment counts as a code
/// when it is two lower-case letters; whether that language exists is the caller's question.
///
/// ```
/// use archguide::domain::lang::split_path;
/// assert_eq!(split_path("/es/guide/result/abc"), Some(("es", "/guide/result/abc")));
/// assert_eq!(split_path("/es"), Some(("es", "/")));
/// assert_eq!(split_path("/learn"), None);
/// assert_eq!(split_path("/esx/learn"), None);
/// ```
pub fn split_path(path: &str) -> Option<(&str, &str)> {
    let rest = path.strip_prefix('/')?;
    let (code, below) = match rest.find('/') {
        Some(at) => (&rest[..at], &rest[at..]),
        None => (rest, "/"),
    };
    let is_code = code.len() == 2 && code.bytes().all(|b| b.is_ascii_lowercase());
    is_code.then_some((code, below))
}

/// How a language writes numbers (CLDR's symbols): `1,234.5` in English, `1234,5` and
/// `12.345,5` in Spanish.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NumberFormat {
    pub decimal: String,
    pub group: String,
    /// The fewest digits before the decimal point that are grouped at all: 1 in English
    /// (`1,234`), 2 in Spanish (`1234` but `12.345`).
    pub min_grouping: usize,
}

impl Default for NumberFormat {
    fn default() -> Self {
        NumberFormat { decimal: ".".into(), group: ",".into(), min_grouping: 1 }
    }
}

impl NumberFormat {
    /// `n` with at most `decimals` digits after the point (trailing zeros dropped) and its
    /// thousands grouped.
    ///
    /// ```
    /// use archguide::domain::lang::NumberFormat;
    /// let es = NumberFormat { decimal: ",".into(), group: ".".into(), min_grouping: 2 };
    /// assert_eq!(es.format(1234.5, 1), "1234,5");
    /// assert_eq!(es.format(12345.0, 0), "12.345");
    /// assert_eq!(NumberFormat::default().format(1234.567, 2), "1,234.57");
    /// ```
    pub fn format(&self, n: f64, decimals: usize) -> String {
        let text = format!("{:.*}", decimals, n.abs());
        let (whole, fraction) = match text.split_once('.') {
            Some((whole, fraction)) => (whole, fraction.trim_end_matches('0')),
            None => (text.as_str(), ""),
        };
        self.format_parts(n < 0.0 && text.bytes().any(|b| b.is_ascii_digit() && b != b'0'), whole, fraction)
    }

    /// `n` with exactly `decimals` digits after the point (for money: `12.50`).
    pub fn format_fixed(&self, n: f64, decimals: usize) -> String {
        let text = format!("{:.*}", decimals, n.abs());
        let (whole, fraction) = text.split_once('.').unwrap_or((text.as_str(), ""));
        self.format_parts(n < 0.0 && text.bytes().any(|b| b.is_ascii_digit() && b != b'0'), whole, fraction)
    }

    fn format_parts(&self, negative: bool, whole: &str, fraction: &str) -> String {
        let mut out = String::new();
        if negative {
            out.push('-');
        }
        let grouped = whole.len() >= 4 && whole.len() >= 3 + self.min_grouping;
        for (i, c) in whole.chars().enumerate() {
            if grouped && i > 0 && (whole.len() - i) % 3 == 0 {
                out.push_str(&self.group);
            }
            out.push(c);
        }
        if !fraction.is_empty() {
            out.push_str(&self.decimal);
            out.push_str(fraction);
        }
        out
    }
}

/// An argument of a message: a number (written the language's way, and what plural variants
/// select on) or a text.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg<'a> {
    Text(Cow<'a, str>),
    /// The number and the most digits to show after the point.
    Number(f64, usize),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(text: &'a str) -> Self {
        Arg::Text(Cow::Borrowed(text))
    }
}

impl From<String> for Arg<'_> {
    fn from(text: String) -> Self {
        Arg::Text(Cow::Owned(text))
    }
}

impl From<f64> for Arg<'_> {
    fn from(n: f64) -> Self {
        Arg::Number(n, 2)
    }
}

impl From<u64> for Arg<'_> {
    fn from(n: u64) -> Self {
        Arg::Number(n as f64, 0)
    }
}

impl From<usize> for Arg<'_> {
    fn from(n: usize) -> Self {
        Arg::Number(n as f64, 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spanish() -> NumberFormat {
        NumberFormat { decimal: ",".into(), group: ".".into(), min_grouping: 2 }
    }

    #[test]
    fn english_groups_every_thousand() {
        let en = NumberFormat::default();
        for (n, d, text) in [
            (0.0, 0, "0"),
            (999.0, 0, "999"),
            (1000.0, 0, "1,000"),
            (1_234_567.0, 0, "1,234,567"),
            (0.5, 2, "0.5"),
            (2.0, 2, "2"),
            (-1234.5, 1, "-1,234.5"),
            (-0.001, 1, "0"),
        ] {
            assert_eq!(en.format(n, d), text, "{n}");
        }
        assert_eq!(en.format_fixed(1234.5, 2), "1,234.50");
    }

    #[test]
    fn spanish_leaves_four_digits_alone_and_groups_with_points() {
        let es = spanish();
        for (n, d, text) in [
            (1234.0, 0, "1234"),
            (9999.5, 1, "9999,5"),
            (10_000.0, 0, "10.000"),
            (1_234_567.25, 2, "1.234.567,25"),
            (0.25, 2, "0,25"),
        ] {
            assert_eq!(es.format(n, d), text, "{n}");
        }
        assert_eq!(es.format_fixed(12.5, 2), "12,50");
    }

    #[test]
    fn a_path_with_a_language_code_splits_into_both() {
        assert_eq!(split_path("/es/"), Some(("es", "/")));
        assert_eq!(split_path("/es/learn/"), Some(("es", "/learn/")));
        assert_eq!(split_path("/"), None);
        assert_eq!(split_path("/ES/learn"), None);
        assert_eq!(split_path("/e/learn"), None);
        assert_eq!(split_path("es/learn"), None);
    }

    #[test]
    fn other_sites_and_anchors_keep_their_address() {
        let es = Lang::new("es");
        assert_eq!(es.path("https://example.com/"), "https://example.com/");
        assert_eq!(es.path("//example.com/x"), "//example.com/x");
        assert_eq!(es.prefix(), "/es");
        assert_eq!(Lang::DEFAULT.prefix(), "");
    }
}
