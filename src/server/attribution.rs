//! The visit's attribution as a request shows it: the tags in its query or form, and the site
//! its `Referer` names when that is not this site (`domain::attribution` holds the rules).

use axum::http::{header, HeaderMap};

use crate::domain::attribution::Attribution;

/// Adds the referring site a request's `Referer` names, unless it is this site (the public
/// address, or the host the request was sent to).
pub fn with_referer(attribution: Attribution, headers: &HeaderMap, public_url: &str) -> Attribution {
    let text = |name| headers.get(name).and_then(|v| v.to_str().ok());
    let own: Vec<&str> = [Some(public_url), text(header::HOST)].into_iter().flatten().collect();
    attribution.with_referer(text(header::REFERER), &own)
}

/// Whether a request arrives from another site: its page then carries that site in its links,
/// so it is not the page everyone else gets.
pub fn referred_from_elsewhere(headers: &HeaderMap, public_url: &str) -> bool {
    with_referer(Attribution::default(), headers, public_url).referrer.is_some()
}

/// The attribution a posted form carries.
pub fn of_form(raw: &[(String, String)]) -> Attribution {
    Attribution::from_pairs(raw.iter().map(|(k, v)| (k.as_str(), v.as_str())))
}
