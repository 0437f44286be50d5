//! The reader's language: the page's language, its texts (`Tr`), and links that stay in it and
//! carry the visit on (`carry`). Pages are rendered on the server, which holds the translations
//! (`locales`); the browser bundle carries none, so islands read their texts from what the
//! server rendered around them. Pages, components and server code all write in the reader's
//! language, so this room sits below all of them and imports only the domain.

pub mod carry;
#[cfg(feature = "ssr")]
pub mod locales;

#[cfg(feature = "ssr")]
use leptos::prelude::*;

use crate::domain::lang::{Arg, Lang};
use crate::domain::message::Message;
use crate::i18n::carry::link;

/// The site's languages and each one's name for itself, the default first: what the language
/// switch and the `hreflang` alternates list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Languages(pub Vec<(Lang, String)>);

/// The language of the page being rendered: the one its path starts with (the request's
/// language, set by `server::http::language`), English otherwise.
pub fn page_lang() -> Lang {
    #[cfg(feature = "ssr")]
    {
        use_context::<axum::http::request::Parts>()
            .and_then(|parts| parts.extensions.get::<Lang>().copied())
            .unwrap_or_default()
    }
    #[cfg(not(feature = "ssr"))]
    {
        Lang::default()
    }
}

/// The texts of the page being rendered, in its language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tr {
    pub lang: Lang,
}

impl Tr {
    /// The texts of the page being rendered.
    pub fn here() -> Self {
        Tr { lang: page_lang() }
    }

    /// The message `key`.
    pub fn t(&self, key: &str) -> String {
        self.args(key, &[])
    }

    /// The message `key` with its arguments.
    pub fn args(&self, key: &str, args: &[(&str, Arg)]) -> String {
        #[cfg(feature = "ssr")]
        {
            crate::i18n::locales::locales().text(self.lang, key, args)
        }
        // The browser bundle has no translations: islands leave the server's words in place.
        #[cfg(not(feature = "ssr"))]
        {
            let _ = (key, args);
            String::new()
        }
    }

    /// The message `key` as HTML: its text may hold `<strong>`, `<em>`, `<code>` and links to
    /// the site's own pages (`<a href="/learn">`), which lead to the page in this language and
    /// carry the visit's attribution. Arguments are escaped. The translation test allows no
    /// other markup.
    pub fn html(&self, key: &str, args: &[(&str, Arg)]) -> String {
        let escaped: Vec<(&str, Arg)> = args
            .iter()
            .map(|(name, arg)| match arg {
                Arg::Text(text) => (*name, Arg::from(escape(text))),
                other => (*name, other.clone()),
            })
            .collect();
        site_links(&self.args(key, &escaped), link)
    }

    /// A message of the domain, written in the page's language.
    pub fn message(&self, message: &Message) -> String {
        #[cfg(feature = "ssr")]
        {
            crate::i18n::locales::locales().language(self.lang).write(message)
        }
        #[cfg(not(feature = "ssr"))]
        {
            match message {
                Message::Plain(text) => text.clone(),
                Message::Keyed { key, .. } => key.clone(),
            }
        }
    }

    /// An amount of US dollars written the page language's way.
    pub fn money(&self, usd: f64) -> String {
        #[cfg(feature = "ssr")]
        {
            crate::i18n::locales::locales().language(self.lang).money(usd)
        }
        #[cfg(not(feature = "ssr"))]
        {
            format!("${usd:.0}")
        }
    }

    /// A day given as `YYYY-MM-DD` (or a month as `YYYY-MM`), written the page language's way
    /// (anything else as it is).
    pub fn date(&self, iso: &str) -> String {
        #[cfg(feature = "ssr")]
        {
            let language = crate::i18n::locales::locales().language(self.lang);
            if let Ok(day) = chrono::NaiveDate::parse_from_str(iso, "%Y-%m-%d") {
                return language.date(day);
            }
            match iso.split_once('-').map(|(y, m)| (y.parse::<i32>(), m.parse::<u32>())) {
                Some((Ok(year), Ok(month))) if (1..=12).contains(&month) => language.month(year, month),
                _ => iso.to_string(),
            }
        }
        #[cfg(not(feature = "ssr"))]
        {
            iso.to_string()
        }
    }

    /// A number written the page language's way.
    pub fn number(&self, n: f64, decimals: usize) -> String {
        #[cfg(feature = "ssr")]
        {
            crate::i18n::locales::locales().language(self.lang).number(n, decimals)
        }
        #[cfg(not(feature = "ssr"))]
        {
            crate::domain::lang::NumberFormat::default().format(n, decimals)
        }
    }

    /// A period in words ("24 hours", "24 horas").
    pub fn period(&self, period: crate::domain::period::Period) -> String {
        let (key, count) = period.message();
        self.args(key, &[("count", count.into())])
    }
}

/// `text` safe to put inside HTML.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `html` with every `href="/…"` passed through `to`.
fn site_links(html: &str, to: impl Fn(&str) -> String) -> String {
    const MARK: &str = "href=\"/";
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(MARK) {
        let start = at + MARK.len() - 1;
        let Some(length) = rest[start..].find('"') else { break };
        out.push_str(&rest[..at]);
        out.push_str("href=\"");
        out.push_str(&escape(&to(&rest[start..start + length])));
        out.push('"');
        rest = &rest[start + length + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_in_a_text_lead_to_the_page_in_its_language() {
        let html =
            r#"Read <a href="/learn#serverless">the explainer</a> or <a href="https://example.com/">elsewhere</a>."#;
        let out = site_links(html, |path| format!("/es{path}?utm_source=a&b"));
        assert_eq!(
            out,
            r#"Read <a href="/es/learn#serverless?utm_source=a&amp;b">the explainer</a> or <a href="https://example.com/">elsewhere</a>."#
        );
    }

    #[test]
    fn escaping_covers_what_could_open_markup() {
        assert_eq!(escape(r#"<a href="x">'&'</a>"#), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    }
}
