//! Carrying the visit's attribution (campaign tags, referring site) from page to page without a
//! cookie: every link to one of the site's own pages and every form that leads on takes it
//! along, until the contact form stores it with the lead.

use leptos::prelude::*;

use crate::domain::attribution::{Attribution, KEYS};
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
            let public = use_context::<super::page_meta::PublicUrl>().map(|u| u.0).unwrap_or_default();
            crate::server::attribution::with_referer(attribution, &parts.headers, &public)
        }
        None => attribution,
    };
    attribution
}

/// A link to one of the site's pages (written as the default language writes it) in the
/// language of the page being rendered, carrying the visit's attribution on.
pub fn link(href: &str) -> String {
    carry(&super::i18n::page_lang().path(href), &current().pairs())
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
