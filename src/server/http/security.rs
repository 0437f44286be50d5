//! Protections every response and every request passes through: security headers, the refusal
//! of state-changing requests from other sites, and the page's Content Security Policy.

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::server::http::state::AppState;

/// The policy of a rendered page: scripts and styles from this site or carrying this
/// response's nonce (the hydration script, resource data, the brand colours), WebAssembly
/// compiled by the page's own script, nothing framed, no plugins, forms only to this site.
pub fn page_policy(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self' 'nonce-{nonce}'; img-src 'self' data:; font-src 'self'; connect-src 'self'; \
         object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// The policy of everything that is not a page (API answers, files, plain errors): nothing may
/// run or load.
const NOTHING_POLICY: &str =
    "default-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// Adds the security headers to every response; a page keeps the policy it set with its nonce.
pub async fn headers(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(NOTHING_POLICY));
    }
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("strict-origin-when-cross-origin"));
    headers.insert(HeaderName::from_static("cross-origin-opener-policy"), HeaderValue::from_static("same-origin"));
    headers.insert(HeaderName::from_static("cross-origin-resource-policy"), HeaderValue::from_static("same-origin"));
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), payment=(), usb=()"),
    );
    if state.settings.hsts_max_age > 0 {
        let value = format!("max-age={}; includeSubDomains", state.settings.hsts_max_age);
        headers.insert(header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_str(&value).expect("a valid header"));
    }
    response
}

/// Whether a request that may change something comes from this site. Browsers say where a
/// request comes from in `Sec-Fetch-Site`; older ones only send `Origin`, which must then name
/// this host (or the configured public address). Requests with neither are not from a browser
/// page (scripts, curl) and carry no ambient cookies worth forging.
pub fn from_this_site(headers: &HeaderMap, public_url: &str) -> bool {
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return matches!(site, "same-origin" | "none");
    }
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else { return true };
    if origin == public_url.trim_end_matches('/') {
        return true;
    }
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok()).unwrap_or_default();
    let origin_host = origin.split_once("://").map(|(_, rest)| rest).unwrap_or_default();
    !host.is_empty() && origin_host.eq_ignore_ascii_case(host)
}

/// Refuses every state-changing request from another site with 403, before anything runs.
pub async fn same_site_only(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let safe = matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if !safe && !from_this_site(request.headers(), &state.settings.public_url) {
        tracing::warn!(path = %loggable_path(request.uri().path()), "refused a cross-site request");
        return (
            StatusCode::FORBIDDEN,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            "Refused: this request came from another site.",
        )
            .into_response();
    }
    next.run(request).await
}

/// A request id from outside (a proxy in front) is kept only when it looks like one: at most 64
/// letters, digits, `-`, `_` or `.`. Anything else is dropped, and the request gets an id made
/// here, so no client can put what it likes into every log line of its request.
pub async fn sane_request_id(mut request: Request, next: Next) -> Response {
    let sane = |value: &HeaderValue| {
        let bytes = value.as_bytes();
        !bytes.is_empty() && bytes.len() <= 64 && bytes.iter().all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(b))
    };
    if request.headers().get(REQUEST_ID).is_some_and(|id| !sane(id)) {
        request.headers_mut().remove(REQUEST_ID);
    }
    next.run(request).await
}

/// The header that carries a request's id.
pub const REQUEST_ID: &str = "x-request-id";

/// A path as the log may hold it. A booking link's token (`/book/{token}`, in any language) is
/// what books, moves and shows a visitor's call, and a feed's secret (`/calendar/{secret}.ics`)
/// what reads a staff member's calls, so both are left out.
///
/// ```
/// use archguide::server::http::security::loggable_path;
/// assert_eq!(loggable_path("/es/book/AG-7K2M9Q.c2lnbmF0dXJl/move"), "/es/book/…");
/// assert_eq!(loggable_path("/calendar/c2VjcmV0.ics"), "/calendar/…");
/// assert_eq!(loggable_path("/learn"), "/learn");
/// ```
pub fn loggable_path(path: &str) -> std::borrow::Cow<'_, str> {
    for secret_below in ["/book/", "/calendar/"] {
        if let Some(at) = path.find(secret_below) {
            return format!("{}{secret_below}…", &path[..at]).into();
        }
    }
    path.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (k, v) in pairs {
            map.insert(*k, HeaderValue::from_static(v));
        }
        map
    }

    #[test]
    fn fetch_metadata_decides_when_the_browser_sends_it() {
        let public = "https://guide.example.com";
        assert!(from_this_site(&headers(&[("sec-fetch-site", "same-origin")]), public));
        assert!(from_this_site(&headers(&[("sec-fetch-site", "none")]), public));
        for other in ["cross-site", "same-site"] {
            let h = [("sec-fetch-site", other), ("origin", "https://guide.example.com")];
            assert!(!from_this_site(&headers(&h), public), "{other}");
        }
    }

    #[test]
    fn otherwise_the_origin_must_be_this_host_or_the_public_address() {
        let public = "https://guide.example.com";
        assert!(from_this_site(&headers(&[("origin", "https://guide.example.com")]), public));
        assert!(from_this_site(&headers(&[("origin", "http://127.0.0.1:3000"), ("host", "127.0.0.1:3000")]), public));
        assert!(!from_this_site(
            &headers(&[("origin", "https://evil.example"), ("host", "guide.example.com")]),
            public
        ));
        assert!(!from_this_site(&headers(&[("origin", "null"), ("host", "guide.example.com")]), public));
        assert!(from_this_site(&headers(&[]), public), "no browser, no ambient authority");
    }

    #[test]
    fn the_page_policy_allows_only_this_site_and_the_nonce() {
        let policy = page_policy("abc123");
        for part in [
            "script-src 'self' 'nonce-abc123' 'wasm-unsafe-eval'",
            "object-src 'none'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
        ] {
            assert!(policy.contains(part), "{part}");
        }
        assert!(!policy.contains("unsafe-inline"));
    }
}
