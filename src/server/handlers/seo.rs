//! `/sitemap.xml` and `/robots.txt`, built from the public base URL.

use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;

use crate::i18n::locales::locales;
use crate::server::http::state::AppState;

/// The public pages, in the order the sitemap lists them.
pub const PUBLIC_PAGES: &[&str] = &["/", "/learn", "/learn/cases", "/guide", "/contact", "/privacy"];

/// Every public page in every language, each entry naming the page in all the others.
pub async fn sitemap(State(state): State<AppState>) -> impl IntoResponse {
    let base = &state.settings.public_url;
    let languages: Vec<_> = locales().languages().map(|l| l.lang).collect();
    let mut urls = String::new();
    for page in PUBLIC_PAGES {
        let alternates: String = languages
            .iter()
            .map(|lang| {
                format!(
                    "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{base}{}\"/>\n",
                    lang.code(),
                    lang.path(page)
                )
            })
            .collect();
        for lang in &languages {
            urls.push_str(&format!("  <url>\n    <loc>{base}{}</loc>\n{alternates}  </url>\n", lang.path(page)));
        }
    }
    let body = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n{urls}</urlset>\n"
    );
    ([(header::CONTENT_TYPE, "application/xml; charset=utf-8")], body)
}

pub async fn robots(State(state): State<AppState>) -> impl IntoResponse {
    let body = format!(
        "User-agent: *\nAllow: /\nDisallow: /inbox\nDisallow: /api/\nDisallow: /guide/result/\nDisallow: /book/\nDisallow: /es/book/\nDisallow: /calendar/\n\nSitemap: {}/sitemap.xml\n",
        state.settings.public_url
    );
    ([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], body)
}
