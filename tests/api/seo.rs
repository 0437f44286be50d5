//! What search engines and link previews see.

use crate::helpers::{spawn_app, spawn_app_with};

fn meta(html: &str, attr: &str, name: &str) -> Option<String> {
    let marker = format!(r#"{attr}="{name}" content=""#);
    let at = html.find(&marker)? + marker.len();
    Some(html[at..].split('"').next()?.to_string())
}

#[tokio::test]
async fn every_public_page_has_its_own_title_description_and_sharing_tags() {
    let app = spawn_app().await;
    let mut seen = Vec::new();
    for path in ["/", "/learn", "/learn/cases", "/privacy", "/guide", "/contact"] {
        let html = app.get(path).await.text().await.unwrap();
        let description = meta(&html, "name", "description").unwrap_or_else(|| panic!("{path}: description"));
        let og_title = meta(&html, "property", "og:title").unwrap_or_else(|| panic!("{path}: og:title"));
        assert!(meta(&html, "name", "twitter:card").is_some(), "{path}");
        let canonical = html
            .split("<link")
            .find(|tag| tag.split('>').next().is_some_and(|t| t.contains(r#"rel="canonical""#)))
            .unwrap_or_else(|| panic!("{path}: canonical link"));
        assert!(
            canonical
                .contains(&format!(r#"href="http://127.0.0.1:{}{path}""#, app.address.rsplit(':').next().unwrap())),
            "{path}: {canonical}"
        );
        assert!(html.contains(r#"rel="icon""#), "{path}");
        seen.push((description, og_title));
    }
    let mut descriptions: Vec<_> = seen.iter().map(|s| s.0.clone()).collect();
    let mut titles: Vec<_> = seen.iter().map(|s| s.1.clone()).collect();
    descriptions.sort();
    descriptions.dedup();
    titles.sort();
    titles.dedup();
    assert_eq!(descriptions.len(), 6);
    assert_eq!(titles.len(), 6);
}

#[tokio::test]
async fn the_sitemap_lists_every_public_page_under_the_public_url() {
    let app = spawn_app_with(&[("ARCHGUIDE_PUBLIC_URL", "https://guide.example.com")]).await;
    let response = app.get("/sitemap.xml").await;
    assert_eq!(response.status(), 200);
    assert!(response.headers()["content-type"].to_str().unwrap().starts_with("application/xml"));
    let xml = response.text().await.unwrap();
    for path in ["/", "/learn", "/learn/cases", "/guide", "/contact", "/privacy"] {
        assert!(xml.contains(&format!("<loc>https://guide.example.com{path}</loc>")), "{path}: {xml}");
    }
}

#[tokio::test]
async fn robots_txt_points_at_the_sitemap_and_keeps_crawlers_out_of_the_inbox() {
    let app = spawn_app_with(&[("ARCHGUIDE_PUBLIC_URL", "https://guide.example.com")]).await;
    let robots = app.get("/robots.txt").await.text().await.unwrap();
    assert!(robots.contains("Sitemap: https://guide.example.com/sitemap.xml"));
    assert!(robots.lines().any(|l| l == "Disallow: /inbox"));
    assert!(robots.lines().any(|l| l == "Disallow: /book/"), "booking links are one visitor's");
    assert!(robots.lines().any(|l| l == "Disallow: /calendar/"), "feeds are one person's");
}

#[tokio::test]
async fn the_favicon_and_inbox_script_are_served_from_the_binary() {
    let app = spawn_app().await;
    for (path, content_type) in [("/favicon.svg", "image/svg+xml"), ("/inbox.js", "text/javascript; charset=utf-8")] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 200, "{path}");
        assert_eq!(response.headers()["content-type"], content_type);
        assert!(!response.bytes().await.unwrap().is_empty());
    }
    // Compressed once, on the first request that takes brotli: a browser that takes brotli
    // gets it compressed, one that does not gets the file as it is.
    let url = format!("{}/inbox.js", app.address);
    let plain = app.client.get(&url).send().await.unwrap();
    assert!(plain.headers().get("content-encoding").is_none());
    let plain = plain.bytes().await.unwrap();
    let compressed = app.client.get(&url).header("accept-encoding", "gzip, br").send().await.unwrap();
    assert_eq!(compressed.headers()["content-encoding"], "br");
    assert_eq!(compressed.headers()["vary"], "accept-encoding");
    let compressed = compressed.bytes().await.unwrap();
    assert!(compressed.len() < plain.len() / 2, "{} of {} bytes", compressed.len(), plain.len());
}
