//! Carrying the visit's attribution (campaign tags, referring site) from page to page without a
//! cookie: every link to one of the site's own pages and every form that leads on takes it
//! along, until the contact form stores it with the lead. On the server, the request shows the
//! attribution: the tags in its query or form, and the site its `Referer` names when that is
//! not this site (`domain::leads::attribution` holds the rules).

use leptos::prelude::*;

#[cfg(feature = "ssr")]
use axum::http::{header, HeaderMap};

use crate::domain::leads::attribution::{Attribution, KEYS};
use crate::page_data::url::carry;

/// The attribution of the page being rendered: the tags in its address and, on the first
/// page of a visit, the site that linked to it.
pub fn current() -> Attribution {
    let query = leptos_router::hooks::use_query_map().get_untracked();
    let values: Vec<(&str, String)> = KEYS.iter().filter_map(|key| query.get(key).map(|v| (*key, v))).collect();
    let attribution = Attribution::from_pairs(values.iter().map(|(k, v)| (*k, v.as_str())));
    #[cfg(feature = "ssr")]
    let attribution = match use_context::<axum::http::request::Parts>() {
        Some(parts) => {
            let public = use_context::<crate::page_data::url::PublicUrl>().map(|u| u.0).unwrap_or_default();
            with_referer(attribution, &parts.headers, &public)
        }
        None => attribution,
    };
    attribution
}

/// A link to one of the site's pages (written as the default language writes it) in the
/// language of the page being rendered, carrying the visit's attribution on.
pub fn link(href: &str) -> String {
    carry(&crate::i18n::page_lang().path(href), &current().pairs())
}

/// Hidden fields that carry the visit's attribution through a form.
#[component]
pub fn CarriedFields() -> impl IntoView {
    current()
        .pairs()
        .into_iter()
        .map(|(name, value)| view! { <input type="hidden" name=name value=value/> })
        .collect_view()
}

/// Adds the referring site a request's `Referer` names, unless it is this site (the public
/// address, or the host the request was sent to).
#[cfg(feature = "ssr")]
pub fn with_referer(attribution: Attribution, headers: &HeaderMap, public_url: &str) -> Attribution {
    let text = |name| headers.get(name).and_then(|v| v.to_str().ok());
    let own: Vec<&str> = [Some(public_url), text(header::HOST)].into_iter().flatten().collect();
    attribution.with_referer(text(header::REFERER), &own)
}

/// Whether a request arrives from another site: its page then carries that site in its links,
/// so it is not the page everyone else gets.
#[cfg(feature = "ssr")]
pub fn referred_from_elsewhere(headers: &HeaderMap, public_url: &str) -> bool {
    with_referer(Attribution::default(), headers, public_url).referrer.is_some()
}

/// The attribution a posted form carries.
#[cfg(feature = "ssr")]
pub fn of_form(raw: &[(String, String)]) -> Attribution {
    Attribution::from_pairs(raw.iter().map(|(k, v)| (k.as_str(), v.as_str())))
}
