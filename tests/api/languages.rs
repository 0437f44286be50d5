//! The site in every language: Spanish under `/es/`, English at the root, each page naming the
//! other, and nothing chosen from the browser's `Accept-Language`.

use crate::helpers::{spawn_app, spawn_app_with};

/// The text between `<title>` and `</title>`.
fn title(html: &str) -> &str {
    html.split("<title>").nth(1).and_then(|t| t.split("</title>").next()).unwrap()
}

#[tokio::test]
async fn every_public_page_has_a_spanish_twin_under_es() {
    let app = spawn_app().await;
    for (path, english) in [
        ("/", "Microservices or serverless?"),
        ("/learn", "Microservices and serverless, explained"),
        ("/privacy", "Privacy"),
    ] {
        let spanish_path = if path == "/" { "/es/".to_string() } else { format!("/es{path}") };
        let response = app.get(&spanish_path).await;
        assert_eq!(response.status(), 200, "{spanish_path}");
        let html = response.text().await.unwrap();
        assert!(html.contains(r#"<html lang="es""#), "{spanish_path}");
        assert!(!title(&html).contains(english), "{spanish_path}: {}", title(&html));
        assert!(html.contains(r#"hreflang="en""#) && html.contains(r#"hreflang="es""#), "{spanish_path}");
        assert!(html.contains(r#"hreflang="x-default""#), "{spanish_path}");
        // The canonical address is the Spanish one; links lead on in Spanish.
        assert!(html.contains(&format!(r#"rel="canonical" href="http://127.0.0.1"#)), "{spanish_path}");
        assert!(html.contains(r#"href="/es/guide""#), "{spanish_path}");
        assert!(!html.contains(r#"href="/guide""#), "{spanish_path} links to an English page");
        let english_html = app.get(path).await.text().await.unwrap();
        assert!(title(&english_html).contains(english), "{path}");
    }
    let home = app.get("/es/").await.text().await.unwrap();
    assert!(home.contains("¿Microservicios o serverless? Responden a preguntas distintas."));
    assert!(home.contains("te respondemos en menos de 24 horas"));
}

#[tokio::test]
async fn the_language_switch_leads_to_the_same_page_with_the_same_answers() {
    let app = spawn_app().await;
    let english = app.get("/learn").await.text().await.unwrap();
    assert!(english.contains(r#"href="/es/learn" hreflang="es" lang="es""#), "{english}");
    let spanish = app.get("/es/learn").await.text().await.unwrap();
    assert!(spanish.contains(r#"href="/learn" hreflang="en" lang="en""#));
    assert!(spanish.contains(">English</a>"));
    // The guide keeps its answers in the address: switching keeps them, tags carried once.
    let guide = app.get("/guide?step=2&stage=mvp&utm_source=news").await.text().await.unwrap();
    assert!(guide.contains(r#"href="/es/guide?step=2&amp;stage=mvp&amp;utm_source=news""#), "{guide}");
}

#[tokio::test]
async fn es_alone_goes_to_es_slash_and_other_paths_under_it_are_not_found_in_spanish() {
    let app = spawn_app().await;
    let response = app.get("/es?utm_source=x").await;
    assert_eq!(response.status(), 308);
    assert_eq!(response.headers()["location"], "/es/?utm_source=x");

    for path in ["/es/inbox", "/es/api/v1/questions", "/es/nothing-here"] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 404, "{path}");
        let html = response.text().await.unwrap();
        assert!(html.contains("Esta página no existe"), "{path}");
        assert!(html.contains(r#"<html lang="es""#), "{path}");
    }
    // A language the site does not have is just an unknown path.
    let response = app.get("/fr/learn").await;
    assert_eq!(response.status(), 404);
    assert!(response.text().await.unwrap().contains("This page does not exist"));
}

#[tokio::test]
async fn the_browser_language_chooses_nothing() {
    let app = spawn_app().await;
    let url = format!("{}/learn", app.address);
    let response = app.client.get(&url).header("accept-language", "es-ES,es;q=0.9").send().await.unwrap();
    assert_eq!(response.status(), 200);
    let html = response.text().await.unwrap();
    assert!(html.contains(r#"<html lang="en""#));
}

#[tokio::test]
async fn each_language_of_a_page_is_cached_on_its_own() {
    let app = spawn_app().await;
    for _ in 0..2 {
        let english = app.get("/privacy").await.text().await.unwrap();
        let spanish = app.get("/es/privacy").await.text().await.unwrap();
        assert!(english.contains(r#"<html lang="en""#));
        assert!(spanish.contains(r#"<html lang="es""#));
    }
}

#[tokio::test]
async fn the_sitemap_names_every_page_in_every_language() {
    let app = spawn_app_with(&[("ARCHGUIDE_PUBLIC_URL", "https://guide.example.com")]).await;
    let xml = app.get("/sitemap.xml").await.text().await.unwrap();
    for path in ["/", "/learn", "/guide", "/contact", "/privacy"] {
        let spanish = if path == "/" { "/es/".to_string() } else { format!("/es{path}") };
        assert!(xml.contains(&format!("<loc>https://guide.example.com{spanish}</loc>")), "{spanish}");
        assert!(xml.contains(&format!(
            r#"<xhtml:link rel="alternate" hreflang="es" href="https://guide.example.com{spanish}"/>"#
        )));
    }
    assert_eq!(xml.matches("<url>").count(), 10);
}
