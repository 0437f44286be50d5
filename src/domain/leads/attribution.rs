//! Where a visitor came from: the campaign tags of the link they arrived by (`utm_source`,
//! `utm_medium`, `utm_campaign`) and the site that sent them (the external referrer of their
//! first page). No cookie holds it: it travels in the URLs of the pages they visit next and in
//! the forms they send, and is stored with their lead.

use serde::{Deserialize, Serialize};

/// The query keys the attribution travels under, in the order links carry them.
pub const KEYS: [&str; 4] = ["utm_source", "utm_medium", "utm_campaign", "referrer"];

/// The longest tag kept; longer ones are cut.
const MAX_TAG: usize = 100;

/// What a lead's source is when its visitor brought no tags and no referrer.
pub const DIRECT: &str = "direct";

/// Campaign tags and the referring site, each cleaned: campaign tags trimmed, lower-cased, without
/// control or invisible characters, at most 100 characters; the referrer a host name only.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attribution {
    pub source: Option<String>,
    pub medium: Option<String>,
    pub campaign: Option<String>,
    /// The host of the external page that linked to the visitor's first page.
    pub referrer: Option<String>,
}

impl Attribution {
    /// Reads the keys of `KEYS` from query or form pairs; other pairs are ignored.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut attribution = Attribution::default();
        for (key, value) in pairs {
            match key {
                "utm_source" => attribution.source = tag(value),
                "utm_medium" => attribution.medium = tag(value),
                "utm_campaign" => attribution.campaign = tag(value),
                "referrer" => attribution.referrer = host(value),
                _ => {}
            }
        }
        attribution
    }

    /// Adds the site a `Referer` header names, when the visit has no referrer yet and that
    /// site is not one of `own_hosts` (a page of this site is no referrer).
    pub fn with_referer(mut self, referer: Option<&str>, own_hosts: &[&str]) -> Self {
        if self.referrer.is_none() {
            let external = referer.and_then(host).filter(|h| !own_hosts.iter().any(|own| host_of(own) == *h));
            self.referrer = external;
        }
        self
    }

    pub fn is_empty(&self) -> bool {
        *self == Attribution::default()
    }

    /// The query pairs that carry it on, in the order of `KEYS`.
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        [&self.source, &self.medium, &self.campaign, &self.referrer]
            .into_iter()
            .zip(KEYS)
            .filter_map(|(value, key)| value.clone().map(|v| (key, v)))
            .collect()
    }

    /// The one word leads are counted and filtered by: the campaign's source, else the
    /// referring site, else `direct`.
    pub fn source_label(&self) -> String {
        self.source.clone().or_else(|| self.referrer.clone()).unwrap_or_else(|| DIRECT.to_string())
    }

    /// Everything known, for staff: "newsletter / email / spring-launch, via www.google.com".
    pub fn describe(&self) -> String {
        let tags: Vec<&str> =
            [&self.source, &self.medium, &self.campaign].into_iter().flatten().map(String::as_str).collect();
        match (tags.is_empty(), &self.referrer) {
            (true, None) => "Direct (no campaign tags, no referring site)".to_string(),
            (true, Some(site)) => format!("via {site}"),
            (false, None) => tags.join(" / "),
            (false, Some(site)) => format!("{}, via {site}", tags.join(" / ")),
        }
    }
}

/// A campaign tag as kept: trimmed, lower-cased, printable, at most `MAX_TAG` characters.
fn tag(raw: &str) -> Option<String> {
    let cleaned: String = raw
        .trim()
        .chars()
        .filter(|c| *c == ' ' || !(c.is_control() || crate::domain::text::invisible(*c)))
        .flat_map(char::to_lowercase)
        .take(MAX_TAG)
        .collect();
    let cleaned = cleaned.trim().to_string();
    (!cleaned.is_empty()).then_some(cleaned)
}

/// The host of a URL or of a bare host name, lower-cased, when it looks like one
/// (letters, digits, dots, dashes, at most 253 characters). Paths and queries are dropped:
/// they can carry what a visitor searched for.
fn host(raw: &str) -> Option<String> {
    let host = host_of(raw.trim());
    let valid = !host.is_empty()
        && host.len() <= 253
        && host.contains('.')
        && host.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
        && !host.starts_with(['.', '-']);
    valid.then_some(host)
}

/// `https://www.Example.com:8080/path?q` → `www.example.com`.
fn host_of(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let without_user = authority.rsplit('@').next().unwrap_or_default();
    without_user.split(':').next().unwrap_or_default().to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_read_from_pairs_and_cleaned() {
        let a = Attribution::from_pairs([
            ("utm_source", "  NewsLetter "),
            ("utm_medium", "e\u{200b}mail\u{7}"),
            ("utm_campaign", &"x".repeat(300)),
            ("step", "2"),
            ("referrer", "https://News.Example.com/some/path?q=secret"),
        ]);
        assert_eq!(a.source.as_deref(), Some("newsletter"));
        assert_eq!(a.medium.as_deref(), Some("email"));
        assert_eq!(a.campaign.as_deref().map(str::len), Some(100));
        assert_eq!(a.referrer.as_deref(), Some("news.example.com"));
        assert_eq!(Attribution::from_pairs([("utm_source", "   ")]), Attribution::default());
    }

    #[test]
    fn only_a_host_name_is_kept_as_the_referrer() {
        for bad in ["javascript:alert(1)", "localhost", "exa mple.com", "-bad.example", "", "<b>.com"] {
            assert_eq!(Attribution::from_pairs([("referrer", bad)]).referrer, None, "{bad}");
        }
        let with = |referer, own: &[&str]| Attribution::default().with_referer(referer, own).referrer;
        assert_eq!(with(Some("https://www.google.com/"), &["guide.example.com"]).as_deref(), Some("www.google.com"));
        assert_eq!(with(Some("https://guide.example.com/learn"), &["https://guide.example.com"]), None);
        assert_eq!(with(Some("http://127.0.0.1:3000/"), &["127.0.0.1:3000"]), None);
        assert_eq!(with(None, &[]), None);
        // A referrer carried in the URL wins over the header (the header then names our own page).
        let carried = Attribution::from_pairs([("referrer", "news.example.com")]);
        assert_eq!(
            carried.with_referer(Some("https://www.google.com/"), &[]).referrer.as_deref(),
            Some("news.example.com")
        );
    }

    #[test]
    fn the_pairs_carry_it_on_and_read_back_the_same() {
        let a = Attribution::from_pairs([("utm_source", "linkedin"), ("utm_campaign", "q1"), ("referrer", "t.co")]);
        let pairs = a.pairs();
        assert_eq!(
            pairs,
            [("utm_source", "linkedin".to_string()), ("utm_campaign", "q1".into()), ("referrer", "t.co".into())]
        );
        assert_eq!(Attribution::from_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str()))), a);
        assert!(Attribution::default().pairs().is_empty());
    }

    #[test]
    fn the_source_is_the_campaign_then_the_site_then_direct() {
        assert_eq!(
            Attribution::from_pairs([("utm_source", "newsletter"), ("referrer", "t.co")]).source_label(),
            "newsletter"
        );
        assert_eq!(Attribution::from_pairs([("referrer", "t.co")]).source_label(), "t.co");
        assert_eq!(Attribution::default().source_label(), "direct");
        let full = Attribution::from_pairs([
            ("utm_source", "newsletter"),
            ("utm_medium", "email"),
            ("utm_campaign", "spring"),
            ("referrer", "mail.example.com"),
        ]);
        assert_eq!(full.describe(), "newsletter / email / spring, via mail.example.com");
        assert_eq!(Attribution::default().describe(), "Direct (no campaign tags, no referring site)");
    }
}
