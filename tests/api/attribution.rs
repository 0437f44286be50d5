//! Where leads come from: campaign tags and the referring site travel through the site and the
//! guide in the URL (no cookie), are stored with the lead, and show in the inbox, its filter,
//! the export and the dashboard.

use archguide::domain::staff::Role;

use crate::helpers::{spawn_app, TestApp};

const TAGS: &str = "utm_source=newsletter&amp;utm_medium=email&amp;utm_campaign=spring";

fn location(response: &reqwest::Response) -> String {
    response.headers()["location"].to_str().unwrap().to_string()
}

/// The value of the first hidden field called `name` in a page.
fn hidden(html: &str, name: &str) -> Option<String> {
    let marker = format!(r#"<input type="hidden" name="{name}" value=""#);
    let at = html.find(&marker)? + marker.len();
    html[at..].split('"').next().map(str::to_string)
}

/// A page as a visitor gets it who followed a link on `referer`.
async fn referred_page(app: &TestApp, path: &str, referer: &str) -> String {
    let response = app.client.get(format!("{}{path}", app.address)).header("referer", referer).send().await.unwrap();
    response.text().await.unwrap()
}

async fn page(app: &TestApp, path: &str) -> String {
    let response = app.get(path).await;
    assert_eq!(response.status(), 200, "{path}");
    response.text().await.unwrap()
}

#[tokio::test]
async fn campaign_tags_travel_from_the_landing_page_through_the_guide_into_the_lead() {
    let app = spawn_app().await;
    // The visitor lands from a newsletter link; every link to the site's pages carries its tags.
    let home = page(&app, "/?utm_source=Newsletter&utm_medium=email&utm_campaign=Spring").await;
    for path in ["/guide", "/learn", "/contact", "/privacy"] {
        assert!(home.contains(&format!(r#"href="{path}?{TAGS}""#)), "{path} lacks the tags:\n{home}");
    }
    assert!(home.contains(&format!(r#"href="/learn?{TAGS}#serverless""#)), "before the fragment");

    // The guide's steps carry them as hidden fields, so does its last step's post.
    let step =
        page(&app, "/guide?utm_source=newsletter&utm_medium=email&utm_campaign=spring&stage=growth&step=2").await;
    assert_eq!(hidden(&step, "utm_source").as_deref(), Some("newsletter"));
    assert_eq!(hidden(&step, "utm_campaign").as_deref(), Some("spring"));
    let finished = app
        .post_form(
            "/guide/result",
            &[("stage", "growth"), ("utm_source", "newsletter"), ("utm_medium", "email"), ("utm_campaign", "spring")],
        )
        .await;
    assert_eq!(finished.status(), 303);
    let result = location(&finished);
    assert!(result.ends_with("?utm_source=newsletter&utm_medium=email&utm_campaign=spring"), "{result}");
    let id = result.trim_start_matches("/guide/result/").split('?').next().unwrap().to_string();
    let result_page = page(&app, &result).await;
    assert!(result_page.contains(&format!(r#"href="/contact?result={id}&amp;{TAGS}""#)), "{result_page}");
    let canonical = result_page
        .split("<link")
        .find(|tag| tag.split('>').next().is_some_and(|t| t.contains(r#"rel="canonical""#)))
        .expect("a canonical link");
    assert!(canonical.contains(&format!(r#"/guide/result/{id}""#)), "the canonical link stays clean: {canonical}");

    // The contact form keeps them when it comes back with an error, and stores them.
    let form =
        page(&app, &format!("/contact?result={id}&utm_source=newsletter&utm_medium=email&utm_campaign=spring")).await;
    let token = hidden(&form, "token").unwrap();
    let fields = |name: &'static str| {
        vec![
            ("token", token.clone()),
            ("result", id.clone()),
            ("name", name.to_string()),
            ("email", "ada@example.com".to_string()),
            ("message", "We are planning a platform.".to_string()),
            ("consent", "yes".to_string()),
            ("utm_source", hidden(&form, "utm_source").unwrap()),
            ("utm_medium", hidden(&form, "utm_medium").unwrap()),
            ("utm_campaign", hidden(&form, "utm_campaign").unwrap()),
        ]
    };
    let refused = app.post_form("/contact", &[("utm_source", "newsletter"), ("name", "")]).await;
    assert_eq!(refused.status(), 422);
    assert_eq!(hidden(&refused.text().await.unwrap(), "utm_source").as_deref(), Some("newsletter"));
    let sent: Vec<(&str, String)> = fields("Ada Campaign");
    let sent: Vec<(&str, &str)> = sent.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let response = app.post_form("/contact", &sent).await;
    assert_eq!(response.status(), 303);
    assert!(location(&response).contains("&utm_source=newsletter&utm_medium=email&utm_campaign=spring"));
    let stored: (Option<String>, Option<String>, Option<String>, Option<String>, String) = sqlx::query_as(
        "SELECT utm_source, utm_medium, utm_campaign, referrer, source FROM leads WHERE name = 'Ada Campaign'",
    )
    .fetch_one(&app.db().await)
    .await
    .unwrap();
    assert_eq!(
        stored,
        (Some("newsletter".into()), Some("email".into()), Some("spring".into()), None, "newsletter".into())
    );
}

#[tokio::test]
async fn the_site_that_sent_a_visitor_is_carried_but_never_what_they_searched_for() {
    let app = spawn_app().await;
    let referred = referred_page(&app, "/learn", "https://www.Google.com/search?q=secret+project").await;
    assert!(referred.contains(r#"href="/guide?referrer=www.google.com""#), "{referred}");
    assert!(!referred.contains("secret"));
    // The page everyone else gets (from the cache, too) carries nothing.
    for _ in 0..2 {
        let plain = page(&app, "/learn").await;
        assert!(plain.contains(r#"href="/guide""#) && !plain.contains("referrer="), "{plain}");
    }
    // A link from one of the site's own pages is no referrer.
    let own = referred_page(&app, "/learn", &format!("{}/", app.address)).await;
    assert!(!own.contains("referrer="));
    // Once carried, the referrer stays what it was, whatever page links on.
    let next = referred_page(
        &app,
        "/guide?referrer=www.google.com",
        &format!("{}/learn?referrer=www.google.com", app.address),
    )
    .await;
    assert_eq!(hidden(&next, "referrer").as_deref(), Some("www.google.com"));
}

#[tokio::test]
async fn staff_see_filter_export_and_count_leads_by_source() {
    let app = spawn_app().await;
    app.add_staff("admin@example.com", Role::Admin, "correct horse battery staple").await;
    let admin = app.login("admin@example.com", "correct horse battery staple").await;
    let tagged =
        app.send_lead(&[("name", "Nora News"), ("utm_source", "newsletter"), ("utm_campaign", "spring")]).await;
    app.send_lead(&[("name", "Rita Referred"), ("referrer", "news.example.com")]).await;
    app.send_lead(&[("name", "Dan Direct")]).await;
    let won = app.post_as(&admin, &format!("/inbox/leads/{tagged}"), &[("action", "status"), ("status", "won")]).await;
    assert_eq!(won.status(), 303);

    let lead = app.get_as(&admin, &format!("/inbox/leads/{tagged}")).await.text().await.unwrap();
    assert!(lead.contains("newsletter / spring"), "{lead}");
    assert!(lead.contains(r#"href="/inbox?source=newsletter""#));

    let filtered = app.get_as(&admin, "/inbox?source=news.example.com").await.text().await.unwrap();
    assert!(filtered.contains("Rita Referred") && !filtered.contains("Nora News") && !filtered.contains("Dan Direct"));

    let csv = app.get_as(&admin, "/inbox/export.csv").await.text().await.unwrap();
    let mut lines = csv.trim_start_matches('\u{feff}').lines();
    assert!(lines
        .next()
        .unwrap()
        .ends_with("source_page,source,utm_source,utm_medium,utm_campaign,referrer,language,call_utc"));
    let rows: Vec<&str> = lines.collect();
    assert!(
        rows.iter().any(|r| r.contains("Nora News") && r.ends_with("/contact,newsletter,newsletter,,spring,,en,")),
        "{csv}"
    );
    assert!(rows
        .iter()
        .any(|r| r.contains("Rita Referred") && r.ends_with(",news.example.com,,,,news.example.com,en,")));
    assert!(rows.iter().any(|r| r.contains("Dan Direct") && r.ends_with(",direct,,,,,en,")));

    // Without the renderer's text markers (`<!>`).
    let dashboard = app.get_as(&admin, "/inbox/dashboard").await.text().await.unwrap().replace("<!>", "");
    let table = &dashboard[dashboard.find("data-sources").expect("the sources table")..];
    let cells = |source: &str| {
        let at = table.find(&format!(">{source}</a>")).unwrap_or_else(|| panic!("{source} in {table}"));
        let numbers: Vec<String> = table[at..]
            .split("tabular-nums\">")
            .skip(1)
            .take(2)
            .map(|cell| cell.split('<').next().unwrap().to_string())
            .collect();
        numbers
    };
    assert_eq!(cells("newsletter"), ["1", "1"]);
    assert_eq!(cells("news.example.com"), ["1", "0"]);
    assert_eq!(cells("direct"), ["1", "0"]);
}
