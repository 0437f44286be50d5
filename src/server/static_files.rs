//! The compiled assets under `/pkg` (script, wasm, stylesheet).
//!
//! When the build put a content hash in their names, a file under a given name never changes,
//! so browsers may keep it for a year; otherwise they must check every time.

use std::path::Path;

use axum::http::{header, HeaderValue};
use tower::Layer;
use tower_http::services::ServeDir;
use tower_http::set_header::{SetResponseHeader, SetResponseHeaderLayer};

/// Serves `site_root/pkg`, preferring precompressed `.br`/`.gz` files when they exist.
pub fn pkg_service(site_root: &Path, hashed_names: bool) -> SetResponseHeader<ServeDir, HeaderValue> {
    let cache = if hashed_names {
        HeaderValue::from_static("public, max-age=31536000, immutable")
    } else {
        HeaderValue::from_static("no-cache")
    };
    let files = ServeDir::new(site_root.join("pkg")).precompressed_br().precompressed_gzip();
    SetResponseHeaderLayer::overriding(header::CACHE_CONTROL, cache).layer(files)
}

/// Whether this build's assets carry content hashes: the build leaves `hash.txt` beside the binary.
pub fn assets_are_hashed() -> bool {
    std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(|dir| dir.join("hash.txt")))
        .is_some_and(|file| file.is_file())
}

/// The files pages link outside `/pkg` (the favicon, the page script every page runs first, and
/// the script that keeps open inbox pages current), built into the binary: they are tiny, and a
/// deployment then cannot miss them.
pub fn embedded_routes() -> axum::Router<super::state::AppState> {
    use axum::routing::get;
    fn file(content_type: &'static str, body: &'static [u8]) -> impl axum::response::IntoResponse + Clone {
        ([(header::CONTENT_TYPE, content_type), (header::CACHE_CONTROL, "public, max-age=86400")], body)
    }
    let favicon = file("image/svg+xml", include_bytes!("../../public/favicon.svg"));
    let site = file("text/javascript; charset=utf-8", include_bytes!("../../public/site.js"));
    let inbox = file("text/javascript; charset=utf-8", include_bytes!("../../public/inbox.js"));
    axum::Router::new()
        .route("/favicon.svg", get(move || async move { favicon }))
        .route("/site.js", get(move || async move { site }))
        .route("/inbox.js", get(move || async move { inbox }))
}
