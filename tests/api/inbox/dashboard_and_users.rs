//! The dashboard and staff accounts.

use super::*;

#[tokio::test]
async fn the_dashboard_counts_leads_and_shows_the_guide_funnel_per_model_version() {
    let app = spawn_app().await;
    let (admin, _sales) = staffed(&app).await;
    for _ in 0..3 {
        app.get("/guide").await;
    }
    app.get("/guide?stage=mvp&step=2").await;
    let result = app.post_form("/guide/result", &[("stage", "mvp"), ("engineers", "3")]).await;
    let result_id = location(&result).rsplit('/').next().unwrap().to_string();
    app.send_lead(&[("result", &result_id)]).await;
    app.send_lead(&[]).await;
    // Step views are counted in the background; wait until they are.
    let mut html = String::new();
    for _ in 0..200 {
        let views: i64 = sqlx::query_scalar("SELECT COALESCE(SUM(count), 0) FROM guide_funnel WHERE event = 'view'")
            .fetch_one(&app.db().await)
            .await
            .unwrap();
        html = app.get_as(&admin, "/inbox/dashboard").await.text().await.unwrap();
        if views == 4 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    // Leave out the renderer's text markers (`<!>`), which it places after some text nodes.
    let html = html.replace("<!>", "");
    let version = archguide::domain::guide::engine::model::Model::default_model().version;
    assert!(html.contains(&format!("data-funnel=\"{version}\"")), "one funnel per model version");
    assert!(html.contains("role=\"img\""), "an SVG chart");
    let row = |label: &str| {
        let at = html.find(&format!(">{label}</th>")).unwrap_or_else(|| panic!("no {label} row in {html}"));
        html[at..].split("</tr>").next().unwrap().to_string()
    };
    assert!(row("Step 1").contains(">3<"));
    assert!(row("Step 2").contains(">1<") && row("Step 2").contains("66.7%"));
    assert!(row("Results").contains(">1<"));
    assert!(row("Leads").contains(">1<"), "only leads that attached a result count in the funnel");
    let today = &html[html.find(">Today<").unwrap()..];
    assert!(today[..200].contains(">2<"), "two leads today");
}

#[tokio::test]
async fn admins_add_and_disable_accounts_in_the_browser() {
    let app = spawn_app().await;
    let (admin, _sales) = staffed(&app).await;
    let weak = app
        .post_as(
            &admin,
            "/inbox/users",
            &[("email", "new@example.com"), ("role", "sales"), ("password", "password1234")],
        )
        .await;
    assert_eq!(weak.status(), 422);
    let html = weak.text().await.unwrap();
    assert!(
        html.contains("too common") && html.contains(r#"value="new@example.com""#) && !html.contains("password1234")
    );
    let added = app
        .post_as(
            &admin,
            "/inbox/users",
            &[("email", "New@Example.com"), ("role", "sales"), ("password", "lilac engine under moonlight")],
        )
        .await;
    assert_eq!(added.status(), 303);
    let taken = app
        .post_as(
            &admin,
            "/inbox/users",
            &[("email", "new@example.com"), ("role", "sales"), ("password", "lilac engine under moonlight")],
        )
        .await;
    assert_eq!(taken.status(), 409);
    let newcomer = app.login("new@example.com", "lilac engine under moonlight").await;
    assert_eq!(app.get_as(&newcomer, "/inbox").await.status(), 200);

    assert_eq!(app.post_as(&admin, "/inbox/users/disable", &[("email", "new@example.com")]).await.status(), 303);
    assert_eq!(app.get_as(&newcomer, "/inbox").await.status(), 303, "the session ended with the account");
    let refused = app
        .post_form("/inbox/login", &[("email", "new@example.com"), ("password", "lilac engine under moonlight")])
        .await;
    assert_eq!(refused.status(), 401);
    let own = app.post_as(&admin, "/inbox/users/disable", &[("email", ADMIN.0)]).await;
    assert_eq!(own.status(), 409);
    let users = app.get_as(&admin, "/inbox/users").await.text().await.unwrap();
    assert!(users.contains("new@example.com") && users.contains("Disabled"));
}
