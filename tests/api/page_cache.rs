//! Pages that are the same for every visitor are rendered once and served from memory; each
//! response still carries its own nonce, and pages that differ per visitor are never kept.

use crate::helpers::{form_token, spawn_app, TestApp};

/// The page's nonce (from its policy) and its body.
async fn page(app: &TestApp, path: &str) -> (String, String) {
    let response = app.get(path).await;
    assert_eq!(response.status(), 200, "{path}");
    let policy = response.headers()["content-security-policy"].to_str().unwrap().to_string();
    let at = policy.find("'nonce-").expect("a nonce") + "'nonce-".len();
    let nonce = policy[at..at + policy[at..].find('\'').unwrap()].to_string();
    (nonce, response.text().await.unwrap())
}

#[tokio::test]
async fn a_kept_page_differs_from_a_fresh_render_only_by_its_nonce() {
    let app = spawn_app().await;
    let result = app.post_form("/guide/result", &[("stage", "growth"), ("engineers", "12")]).await.headers()
        ["location"]
        .to_str()
        .unwrap()
        .to_string();
    for path in ["/", "/learn", "/privacy", result.as_str()] {
        let (rendered_nonce, rendered) = page(&app, path).await;
        let (kept_nonce, kept) = page(&app, path).await;
        assert_ne!(kept_nonce, rendered_nonce, "{path}: every response has its own nonce");
        assert!(!kept.contains(&rendered_nonce), "{path}: the old nonce is gone from the body");
        assert!(kept.contains(&format!(r#"<style nonce="{kept_nonce}">"#)), "{path}");
        assert_eq!(kept.replace(&kept_nonce, "N"), rendered.replace(&rendered_nonce, "N"), "{path}");
    }
    // An unknown result is not found each time, not kept as a page.
    assert_eq!(app.get("/guide/result/zzzzzzzzzzzz").await.status(), 404);
    assert_eq!(app.get("/guide/result/zzzzzzzzzzzz").await.status(), 404);
}

#[tokio::test]
async fn pages_that_differ_per_visitor_are_rendered_each_time() {
    let app = spawn_app().await;
    let base = app.address.clone();
    let first = form_token(&app.client, &base).await.expect("a form token");
    let second = form_token(&app.client, &base).await.expect("a form token");
    assert_ne!(first, second, "each contact form carries its own token");

    // The guide counts each step viewed: served from memory it could not.
    let db = app.db().await;
    for _ in 0..3 {
        assert_eq!(app.get("/guide").await.status(), 200);
    }
    let mut views = 0;
    for _ in 0..50 {
        views = sqlx::query_scalar::<_, i64>("SELECT COALESCE(SUM(count), 0) FROM guide_funnel WHERE event = 'view'")
            .fetch_one(&db)
            .await
            .unwrap();
        if views >= 3 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert_eq!(views, 3);
}
