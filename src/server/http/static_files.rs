//! The compiled assets under `/pkg` (script, wasm, stylesheet).
//!
//! When the build put a content hash in their names, a file under a given name never changes,
//! so browsers may keep it for a year; otherwise they must check every time.

use std::path::Path;
use std::sync::{LazyLock, OnceLock};

use axum::body::Bytes;
use axum::http::{header, HeaderMap, HeaderValue};

use crate::page_data::assets::Assets;
use tower::Layer;
use tower_http::services::ServeDir;
use tower_http::set_header::{SetResponseHeader, SetResponseHeaderLayer};

/// Serves `/pkg/{file}` from `site_root/pkg` (a file's path is its address under the site
/// root), preferring precompressed `.br`/`.gz` files when they exist.
pub fn pkg_service(site_root: &Path, hashed_names: bool) -> SetResponseHeader<ServeDir, HeaderValue> {
    let cache = if hashed_names {
        HeaderValue::from_static("public, max-age=31536000, immutable")
    } else {
        HeaderValue::from_static("no-cache")
    };
    let files = ServeDir::new(site_root).precompressed_br().precompressed_gzip();
    SetResponseHeaderLayer::overriding(header::CACHE_CONTROL, cache).layer(files)
}

/// The build's files by address: `/{pkg}/{output name}[.{hash}].{css,js,wasm}`, the hashes read
/// once from the `hash.txt` the build leaves beside the binary (its `css:`, `js:` and `wasm:`
/// lines), as leptos's own components would on every render.
pub fn asset_names(options: &leptos::config::LeptosOptions) -> Assets {
    let hashes = options
        .hash_files
        .then(|| std::fs::read_to_string(beside_binary(&options.hash_file)?).ok())
        .flatten()
        .unwrap_or_default();
    let named_by_the_build = options.hash_files || option_env!("LEPTOS_OUTPUT_NAME").is_some();
    addresses(&options.site_pkg_dir, &options.output_name, &hashes, named_by_the_build)
}

/// The addresses, given the hash file's text. A bundle not named by the build (cargo-leptos)
/// keeps wasm-bindgen's own name, `{name}_bg.wasm`.
fn addresses(pkg: &str, name: &str, hashes: &str, named_by_the_build: bool) -> Assets {
    let address = |kind: &str, extension: &str| {
        let hash = hashes.lines().find_map(|line| line.trim().strip_prefix(kind)?.strip_prefix(':').map(str::trim));
        match hash {
            Some(hash) => format!("/{pkg}/{name}.{hash}.{extension}"),
            None => format!("/{pkg}/{name}.{extension}"),
        }
    };
    let bundle = if named_by_the_build { address("wasm", "wasm") } else { format!("/{pkg}/{name}_bg.wasm") };
    Assets { stylesheet: address("css", "css"), loader: address("js", "js"), bundle }
}

/// Whether this build's assets carry content hashes: the build leaves `hash.txt` beside the binary.
pub fn assets_are_hashed() -> bool {
    beside_binary("hash.txt").is_some_and(|file| file.is_file())
}

/// The path of `name` in the folder of the running binary, where the build leaves `hash.txt`.
fn beside_binary(name: &str) -> Option<std::path::PathBuf> {
    Some(std::env::current_exe().ok()?.parent()?.join(name))
}

/// `/favicon.svg`. The files pages link outside `/pkg` (the favicon and the script that keeps
/// open inbox pages current) are built into the binary: they are tiny, and a deployment then
/// cannot miss them.
pub async fn favicon(headers: HeaderMap) -> axum::response::Response {
    static FAVICON: LazyLock<Embedded> =
        LazyLock::new(|| Embedded::new("image/svg+xml", include_bytes!("../../../public/favicon.svg")));
    FAVICON.respond(&headers)
}

/// `/inbox.js`: the script that keeps open inbox pages current.
pub async fn inbox_script(headers: HeaderMap) -> axum::response::Response {
    static INBOX: LazyLock<Embedded> =
        LazyLock::new(|| Embedded::new("text/javascript; charset=utf-8", include_bytes!("../../../public/inbox.js")));
    INBOX.respond(&headers)
}

/// One embedded file, and the same bytes compressed with brotli at its highest quality once, on
/// the first request that accepts brotli (the compression layer would compress them on every
/// request, at a faster setting that leaves them larger; doing it at start-up would delay the
/// first answer).
struct Embedded {
    content_type: &'static str,
    raw: &'static [u8],
    brotli: OnceLock<Bytes>,
}

impl Embedded {
    fn new(content_type: &'static str, raw: &'static [u8]) -> Self {
        Embedded { content_type, raw, brotli: OnceLock::new() }
    }

    fn compressed(&self) -> Bytes {
        let compress = || {
            // A window just large enough for these small files keeps the encoder's tables small.
            let params = brotli::enc::BrotliEncoderParams { quality: 11, lgwin: 16, ..Default::default() };
            let mut compressed = Vec::new();
            brotli::BrotliCompress(&mut &self.raw[..], &mut compressed, &params)
                .expect("compressing into memory cannot fail");
            Bytes::from(compressed)
        };
        self.brotli.get_or_init(compress).clone()
    }

    fn respond(&self, request: &HeaderMap) -> axum::response::Response {
        use axum::response::IntoResponse;
        let headers = [
            (header::CONTENT_TYPE, self.content_type),
            (header::CACHE_CONTROL, "public, max-age=86400"),
            (header::VARY, "accept-encoding"),
        ];
        if accepts_brotli(request) {
            (headers, [(header::CONTENT_ENCODING, "br")], self.compressed()).into_response()
        } else {
            (headers, self.raw).into_response()
        }
    }
}

/// Whether `Accept-Encoding` names `br` without refusing it (`br;q=0`).
fn accepts_brotli(request: &HeaderMap) -> bool {
    request
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .any(|coding| {
            let mut parts = coding.split(';').map(str::trim);
            parts.next().is_some_and(|name| name.eq_ignore_ascii_case("br"))
                && parts.all(|p| p.strip_prefix("q=").is_none_or(|q| q.parse::<f32>().is_ok_and(|q| q > 0.0)))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brotli_is_sent_only_to_clients_that_accept_it() {
        let with = |value: &str| {
            let mut headers = HeaderMap::new();
            headers.insert(header::ACCEPT_ENCODING, HeaderValue::from_str(value).unwrap());
            accepts_brotli(&headers)
        };
        assert!(with("gzip, deflate, br, zstd"));
        assert!(with("br;q=0.5, gzip"));
        assert!(with("BR"));
        assert!(!with("gzip, deflate"));
        assert!(!with("br;q=0, gzip"));
        assert!(!with("brotli"));
        assert!(!accepts_brotli(&HeaderMap::new()));
    }

    #[test]
    fn the_build_files_carry_the_hashes_the_build_wrote() {
        let hashes = "js: Jh\nwasm: Wh\ncss: Ch\n";
        let assets = |pkg: &str, stylesheet: &str, loader: &str, bundle: &str| Assets {
            stylesheet: format!("/{pkg}/{stylesheet}"),
            loader: format!("/{pkg}/{loader}"),
            bundle: format!("/{pkg}/{bundle}"),
        };
        assert_eq!(addresses("pkg", "app", hashes, true), assets("pkg", "app.Ch.css", "app.Jh.js", "app.Wh.wasm"));
        assert_eq!(addresses("pkg", "app", "", true), assets("pkg", "app.css", "app.js", "app.wasm"));
        assert_eq!(addresses("p", "app", "", false), assets("p", "app.css", "app.js", "app_bg.wasm"));
    }
}
