use crate::helpers::spawn_app;

#[tokio::test]
async fn an_unknown_url_answers_404_with_a_helpful_page() {
    let app = spawn_app().await;
    let response = app.get("/this/does/not/exist").await;
    assert_eq!(response.status(), 404);
    let html = response.text().await.unwrap();
    assert!(html.contains("This page does not exist"));
    assert!(html.contains(r#"href="/guide""#));
}

#[tokio::test]
async fn every_public_page_answers_200_with_its_own_title() {
    let app = spawn_app().await;
    let mut titles = Vec::new();
    for path in ["/", "/learn", "/guide", "/contact", "/privacy"] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 200, "{path}");
        let html = response.text().await.unwrap();
        assert!(html.starts_with("<!DOCTYPE html>"), "{path}");
        assert!(html.contains(r#"<html lang="en""#), "{path}");
        assert_eq!(html.matches("<h1").count(), 1, "{path} has exactly one h1");
        let title = html.split("<title>").nth(1).and_then(|t| t.split("</title>").next()).unwrap();
        assert!(title.contains("AxiomTech"), "{path}: {title}");
        titles.push(title.to_string());
    }
    titles.sort();
    titles.dedup();
    assert_eq!(titles.len(), 5, "each page has a distinct title");
}

#[tokio::test]
async fn the_brand_comes_from_settings() {
    let app = crate::helpers::spawn_app_with(&[
        ("ARCHGUIDE_BRAND_NAME", "Acme Consulting"),
        ("ARCHGUIDE_BRAND_ACCENT", "#1d4ed8"),
    ])
    .await;
    let html = app.get("/").await.text().await.unwrap();
    assert!(html.contains("Acme Consulting"));
    assert!(!html.contains("AxiomTech"));
    assert!(html.contains("--brand-accent:#1d4ed8"));
}

#[tokio::test]
async fn pages_are_compressed_for_clients_that_ask() {
    let app = spawn_app().await;
    let response =
        app.client.get(format!("{}/learn", app.address)).header("Accept-Encoding", "br").send().await.unwrap();
    assert_eq!(response.headers()["content-encoding"], "br");
}
