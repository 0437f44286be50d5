//! Public pages that are the same for every visitor, rendered once and then served from memory:
//! the home page, `/learn`, `/privacy`, and each guide result (a result never changes once
//! stored). The only part of such a page that must differ per response is the nonce of its
//! Content Security Policy, so each copy remembers the nonce it was rendered with, and every
//! response gets a fresh nonce in its place, in the body and in the policy header alike.
//!
//! Pages that change per visitor or per visit are never cached: the guide's steps (they count
//! views), the contact form (it carries a form token), the inbox, anything with a query string,
//! and a page a visitor reaches from another site (its links carry that site on).

use std::num::NonZeroUsize;
use std::sync::Mutex;

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use lru::LruCache;

use crate::server::http::metrics::RouteLabel;
use crate::server::http::state::AppState;

/// How many pages are kept (the most recently served); a result page is about 40 KB.
const CAPACITY: usize = 512;
/// A rendered page larger than this is served but not kept.
const MAX_PAGE_BYTES: usize = 512 * 1024;

/// The rendered pages, by path (with its language's prefix).
pub struct PageCache {
    pages: Mutex<LruCache<String, Page>>,
}

#[derive(Clone)]
struct Page {
    headers: HeaderMap,
    /// The body cut at every occurrence of the nonce it was rendered with, so a response is
    /// these pieces with the new nonce between them: one allocation and a few copies.
    pieces: Vec<Bytes>,
    nonce: String,
    /// The route it was rendered for, which a copy served from here is counted under.
    route: Option<String>,
}

impl std::fmt::Debug for PageCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PageCache").finish_non_exhaustive()
    }
}

impl Default for PageCache {
    fn default() -> Self {
        Self { pages: Mutex::new(LruCache::new(NonZeroUsize::new(CAPACITY).expect("not zero"))) }
    }
}

impl PageCache {
    /// Forgets every page (the advice model changed, and pages drawn from it with it).
    pub fn clear(&self) {
        self.pages.lock().unwrap_or_else(|e| e.into_inner()).clear();
    }
}

/// Whether the page at this path is the same for every visitor.
pub fn cacheable(path: &str) -> bool {
    match path {
        "/" | "/learn" | "/learn/cases" | "/privacy" => true,
        _ => path.strip_prefix("/guide/result/").is_some_and(|id| {
            !id.is_empty() && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        }),
    }
}

/// The nonce a page's policy names (`'nonce-…'`), if any.
fn nonce_of(headers: &HeaderMap) -> Option<String> {
    let policy = headers.get(header::CONTENT_SECURITY_POLICY)?.to_str().ok()?;
    let start = policy.find("'nonce-")? + "'nonce-".len();
    let length = policy[start..].find('\'')?;
    Some(policy[start..start + length].to_string()).filter(|n| !n.is_empty())
}

impl Page {
    fn new(headers: HeaderMap, body: Bytes, nonce: String, route: Option<String>) -> Self {
        let mut pieces = Vec::new();
        let mut rest = body;
        while let Some(at) = position_of(&rest, nonce.as_bytes()) {
            pieces.push(rest.slice(..at));
            rest = rest.slice(at + nonce.len()..);
        }
        pieces.push(rest);
        Self { headers, pieces, nonce, route }
    }

    /// This page's headers and body with `nonce` in place of the one it was rendered with.
    fn renewed(&self, nonce: &str) -> (HeaderMap, Vec<u8>) {
        let length = self.pieces.iter().map(Bytes::len).sum::<usize>() + nonce.len() * (self.pieces.len() - 1);
        let mut body = Vec::with_capacity(length);
        for (i, piece) in self.pieces.iter().enumerate() {
            if i > 0 {
                body.extend_from_slice(nonce.as_bytes());
            }
            body.extend_from_slice(piece);
        }
        let mut headers = self.headers.clone();
        if let Some(policy) = headers.get(header::CONTENT_SECURITY_POLICY).and_then(|p| p.to_str().ok()) {
            if let Ok(value) = HeaderValue::from_str(&policy.replace(&self.nonce, nonce)) {
                headers.insert(header::CONTENT_SECURITY_POLICY, value);
            }
        }
        headers.remove(header::CONTENT_LENGTH);
        (headers, body)
    }

    fn respond(&self, nonce: &str) -> Response {
        let (headers, body) = self.renewed(nonce);
        let mut response = Response::new(Body::from(body));
        *response.headers_mut() = headers;
        response
    }
}

/// Where `needle` first occurs in `haystack`.
fn position_of(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|window| window == needle)
}

/// Serves a cacheable page from memory, or renders it and keeps a copy.
pub async fn serve(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let path = request.uri().path();
    // A visitor sent by another site gets that site carried in the page's links.
    if request.method() != Method::GET
        || request.uri().query().is_some()
        || !cacheable(path)
        || crate::i18n::carry::referred_from_elsewhere(request.headers(), &state.settings.public_url)
    {
        return next.run(request).await;
    }
    // The same path serves every language (see `language::from_path`).
    let lang = request.extensions().get::<crate::domain::lang::Lang>().copied().unwrap_or_default();
    let key = format!("{}{path}", lang.prefix());
    let cached = state.page_cache.pages.lock().expect("page cache lock").get(&key).cloned();
    let label = request.extensions().get::<RouteLabel>().cloned().unwrap_or_default();
    if let Some(page) = cached {
        if let Some(route) = &page.route {
            label.set(route);
        }
        return page.respond(&leptos::nonce::Nonce::new());
    }

    let response = next.run(request).await;
    let keep = response.status() == StatusCode::OK && !response.headers().contains_key(header::SET_COOKIE);
    let Some(nonce) = nonce_of(response.headers()).filter(|_| keep) else {
        return response;
    };
    let (parts, body) = response.into_parts();
    // The page is ours and about to be sent whole anyway: read all of it, keep it if small.
    let body = match axum::body::to_bytes(body, usize::MAX).await {
        Ok(body) => body,
        Err(error) => {
            tracing::error!(%error, "rendering a page failed");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    if body.len() <= MAX_PAGE_BYTES {
        let page = Page::new(parts.headers.clone(), body.clone(), nonce, label.get().map(str::to_string));
        state.page_cache.pages.lock().expect("page cache lock").put(key, page);
    }
    Response::from_parts(parts, Body::from(body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_pages_that_are_the_same_for_everyone_are_cached() {
        for yes in ["/", "/learn", "/privacy", "/guide/result/AbC123_x-9"] {
            assert!(cacheable(yes), "{yes}");
        }
        for no in ["/guide", "/contact", "/contact/thanks", "/inbox", "/guide/result/", "/guide/result/a/b", "/learn/"]
        {
            assert!(!cacheable(no), "{no}");
        }
    }

    #[test]
    fn a_cached_page_gets_a_new_nonce_in_body_and_policy() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("script-src 'nonce-old1'; style-src 'nonce-old1'"),
        );
        headers.insert(header::CONTENT_LENGTH, HeaderValue::from_static("52"));
        assert_eq!(nonce_of(&headers).as_deref(), Some("old1"));
        let body = Bytes::from_static(b"old1<script nonce=\"old1\"></script><style nonce=\"old1\">old");
        let page = Page::new(headers, body, "old1".into(), None);
        let (headers, body) = page.renewed("new-nonce");
        assert_eq!(
            headers[header::CONTENT_SECURITY_POLICY],
            "script-src 'nonce-new-nonce'; style-src 'nonce-new-nonce'"
        );
        assert_eq!(body, b"new-nonce<script nonce=\"new-nonce\"></script><style nonce=\"new-nonce\">old");
        assert!(headers.get(header::CONTENT_LENGTH).is_none());
    }

    #[test]
    fn a_policy_without_a_nonce_is_not_cached() {
        let mut headers = HeaderMap::new();
        headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static("default-src 'none'"));
        assert_eq!(nonce_of(&headers), None);
    }
}
