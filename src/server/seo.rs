//! `/sitemap.xml` and `/robots.txt`, built from the public base URL.

use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;

use super::state::AppState;

/// The public pages, in the order the sitemap lists them.
pub const PUBLIC_PAGES: &[&str] = &["/", "/learn", "/guide", "/contact", "/privacy"];

pub async fn sitemap(State(state): State<AppState>) -> impl IntoResponse {
    let base = &state.settings.public_url;
    let urls: String = PUBLIC_PAGES.iter().map(|p| format!("  <url><loc>{base}{p}</loc></url>\n")).collect();
    let body = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n{urls}</urlset>\n"
    );
    ([(header::CONTENT_TYPE, "application/xml; charset=utf-8")], body)
}

pub async fn robots(State(state): State<AppState>) -> impl IntoResponse {
    let body = format!(
        "User-agent: *\nAllow: /\nDisallow: /inbox\nDisallow: /api/\nDisallow: /guide/result/\n\nSitemap: {}/sitemap.xml\n",
        state.settings.public_url
    );
    ([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], body)
}
