//! Per-page `<head>` entries: title, description, canonical URL and sharing cards.

use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};

use crate::brand::Brand;
use crate::i18n::{page_lang, Languages};
use crate::page_data::url::PublicUrl;

/// Title, description, canonical link, the page in every language, Open Graph and Twitter card
/// tags for one page.
#[component]
pub fn PageMeta(
    /// The page's own title; the brand name is appended.
    title: String,
    /// One or two sentences for search results and link previews.
    description: String,
    /// The page's path as the default language writes it, starting with `/`.
    path: String,
) -> impl IntoView {
    let brand = use_context::<Brand>().unwrap_or_default();
    let base = use_context::<PublicUrl>().map(|u| u.0).unwrap_or_else(|| "http://127.0.0.1:3000".into());
    let lang = page_lang();
    let full_title = format!("{title} · {}", brand.name);
    let url = format!("{base}{}", lang.path(&path));
    let languages = use_context::<Languages>().unwrap_or_default().0;
    let alternates = languages
        .iter()
        .map(|(other, _)| view! { <Link rel="alternate" hreflang=other.code() href=format!("{base}{}", other.path(&path))/> })
        .collect_view();
    // Search engines send anyone whose language the site lacks to the default.
    let fallback = (languages.len() > 1)
        .then(|| view! { <Link rel="alternate" hreflang="x-default" href=format!("{base}{path}")/> });
    view! {
        <Title text=full_title.clone()/>
        <Meta name="description" content=description.clone()/>
        <Link rel="canonical" href=url.clone()/>
        {alternates}
        {fallback}
        <Meta property="og:type" content="website"/>
        <Meta property="og:site_name" content=brand.name/>
        <Meta property="og:title" content=full_title.clone()/>
        <Meta property="og:description" content=description.clone()/>
        <Meta property="og:url" content=url/>
        <Meta name="twitter:card" content="summary"/>
        <Meta name="twitter:title" content=full_title/>
        <Meta name="twitter:description" content=description/>
    }
}
