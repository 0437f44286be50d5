//! The language of a request: from its path for pages (one route table serves every language),
//! from `?lang=` or `Accept-Language` for the API. The words themselves are in `locales`.

use axum::extract::Request;
use axum::http::{header, HeaderValue, Uri};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};

use crate::domain::lang::{split_path, Lang};

use crate::i18n::locales::locales;

/// The language an API request asks for: `?lang=es`, else the best of its `Accept-Language`
/// the site has, else the default. A `lang` the site does not have is an error (the API says so
/// with a 422); an `Accept-Language` it cannot serve is not.
pub fn api_lang(lang: Option<&str>, headers: &axum::http::HeaderMap) -> Result<Lang, String> {
    let locales = locales();
    if let Some(code) = lang {
        return locales.find(code).ok_or_else(|| {
            let known: Vec<&str> = locales.languages().map(|l| l.lang.code()).collect();
            format!("must be one of: {}", known.join(", "))
        });
    }
    let accepted = headers.get(axum::http::header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).unwrap_or("");
    Ok(preferred(accepted, |code| locales.find(code)).unwrap_or_default())
}

/// The first language of an `Accept-Language` header, by quality, that `known` knows (by its
/// primary subtag: `es-MX` is `es`).
pub fn preferred(header: &str, known: impl Fn(&str) -> Option<Lang>) -> Option<Lang> {
    let mut ranges: Vec<(f32, usize, String)> = header
        .split(',')
        .enumerate()
        .filter_map(|(order, part)| {
            let mut pieces = part.split(';');
            let tag = pieces.next()?.trim().to_ascii_lowercase();
            let quality = pieces
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            let primary = tag.split('-').next()?.to_string();
            (quality > 0.0 && !primary.is_empty() && primary != "*").then_some((quality, order, primary))
        })
        .collect();
    ranges.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    ranges.iter().find_map(|(_, _, code)| known(code))
}

/// The first segments of the public pages, which every language mirrors under its prefix.
const PUBLIC_ROOTS: &[&str] = &["", "learn", "guide", "contact", "privacy", "book"];

/// The language a request is in, from its path: a request for `/es/learn` is served as
/// `/learn` with Spanish in its extensions, so one route table serves every language. `/es`
/// alone is sent on to `/es/`. A path under a language's prefix that is not a public page
/// (`/es/inbox`) keeps its path, and answers the language's "not found" page. Nothing is read
/// from `Accept-Language`: a page's address alone says its language.
pub async fn from_path(mut request: Request, next: Next) -> Response {
    let path = request.uri().path();
    let Some((code, below)) = split_path(path) else { return next.run(request).await };
    let Some(lang) = locales().find(code).filter(|lang| !lang.is_default()) else {
        return next.run(request).await;
    };
    let query = request.uri().query().map(|q| format!("?{q}")).unwrap_or_default();
    if path.len() == code.len() + 1 {
        return Redirect::permanent(&format!("/{code}/{query}")).into_response();
    }
    if is_public_page(below) {
        if let Ok(uri) = format!("{below}{query}").parse::<Uri>() {
            *request.uri_mut() = uri;
        }
    }
    request.extensions_mut().insert(lang);
    next.run(request).await
}

/// Whether a path (as the default language writes it) is under one of the public pages, which
/// every language mirrors.
pub fn is_public_page(path: &str) -> bool {
    let first = path.trim_start_matches('/').split('/').next().unwrap_or_default();
    PUBLIC_ROOTS.contains(&first)
}

/// The language a request was made in (see `from_path`), for handlers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RequestLang(pub Lang);

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for RequestLang {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut axum::http::request::Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(RequestLang(parts.extensions.get::<Lang>().copied().unwrap_or_default()))
    }
}

/// A response marked with the language of its texts (and that they depend on the request's).
pub fn in_language(lang: Lang, mut response: Response) -> Response {
    let headers = response.headers_mut();
    if let Ok(code) = HeaderValue::from_str(lang.code()) {
        headers.insert(header::CONTENT_LANGUAGE, code);
    }
    headers.append(header::VARY, HeaderValue::from_static("accept-language"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_api_takes_the_best_language_the_browser_accepts() {
        let known = |code: &str| locales().find(code);
        let es = locales().find("es");
        assert_eq!(preferred("es-MX,es;q=0.9,en;q=0.8", known), es);
        assert_eq!(preferred("fr-FR, en;q=0.5, es;q=0.7", known), es);
        assert_eq!(preferred("en-GB,es;q=0.9", known), Some(Lang::DEFAULT));
        assert_eq!(preferred("es;q=0, fr", known), None);
        assert_eq!(preferred("", known), None);
        assert_eq!(preferred("*;q=0.5, de", known), None);
    }
}
