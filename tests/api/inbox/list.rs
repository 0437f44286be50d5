//! The lead list: filters, search, order, pages, counts and the reply-by countdown.

use super::*;

#[tokio::test]
async fn the_list_filters_searches_sorts_pages_and_counts() {
    let app = spawn_app().await;
    let (_admin, sales) = staffed(&app).await;
    for i in 0..27 {
        let name = format!("Person {i:02}");
        app.send_lead(&[("name", &name), ("company", if i % 2 == 0 { "Acme 100%" } else { "Globex" })]).await;
    }
    let spam = app.send_lead(&[("name", "Bot"), ("website", "http://spam.example")]).await;
    let html = app.get_as(&sales, "/inbox").await.text().await.unwrap();
    assert!(html.contains("All (27)") && html.contains("New (27)") && html.contains("Spam (1)"), "counts");
    assert!(html.contains("Showing 25 of 27"));
    assert!(html.find("Person 26").unwrap() < html.find("Person 25").unwrap(), "newest first");
    assert!(!html.contains(&spam), "spam stays out of the main list");
    assert!(!html.contains("rel=\"prev\"") && !html.contains("First page"));
    // The next page is named by the last lead shown, and leads back.
    let link = |html: &str, rel: &str| {
        let at = html.find(&format!("rel=\"{rel}\" href=\"")).unwrap_or_else(|| panic!("no {rel} link"));
        let href = &html[at + rel.len() + 13..];
        href[..href.find('"').unwrap()].replace("&amp;", "&")
    };
    let page2 = app.get_as(&sales, &link(&html, "next")).await.text().await.unwrap();
    assert!(page2.contains("Showing 2 of 27") && page2.contains("Person 00") && !page2.contains("Person 02"));
    assert!(!page2.contains("rel=\"next\"") && page2.contains("First page"));
    let back = app.get_as(&sales, &link(&page2, "prev")).await.text().await.unwrap();
    assert!(back.contains("Showing 25 of 27") && back.contains("Person 26") && back.contains("Person 02"));
    let broken = app.get_as(&sales, "/inbox?after=yesterday").await.text().await.unwrap();
    assert!(broken.contains("Showing 25 of 27") && broken.contains("link to a page of leads is broken"));
    let past_the_end = app.get_as(&sales, "/inbox?after=1.1.0").await.text().await.unwrap();
    assert!(past_the_end.contains("moved on") && past_the_end.contains("First page"));
    let oldest = app.get_as(&sales, "/inbox?sort=oldest").await.text().await.unwrap();
    assert!(oldest.find("Person 00").unwrap() < oldest.find("Person 01").unwrap());

    // Search is literal: "100%" matches the percent sign, not everything.
    let acme = app.get_as(&sales, "/inbox?q=acme+100%25").await.text().await.unwrap();
    assert!(acme.contains("of 14") || acme.contains("Showing 1–14 of 14"), "14 even-numbered leads");
    let none = app.get_as(&sales, "/inbox?q=0%25x").await.text().await.unwrap();
    assert!(none.contains("No leads match these filters."));

    let spam_view = app.get_as(&sales, "/inbox?status=spam").await.text().await.unwrap();
    assert!(spam_view.contains(&spam) && spam_view.contains("Suspected spam"));
    let spam_search = app.get_as(&sales, "/inbox?status=spam&q=bot").await.text().await.unwrap();
    assert!(spam_search.contains("Showing 1 of 1"), "the spam view's total counts with its filters");

    // Mine and unassigned.
    let first = app.send_lead(&[("name", "Mine Only")]).await;
    let me: i64 = count(&app, "SELECT id FROM staff_users WHERE email = 'sales@example.com'").await;
    let assigned = app
        .post_as(&sales, &format!("/inbox/leads/{first}"), &[("action", "assign"), ("assignee", &me.to_string())])
        .await;
    assert_eq!(assigned.status(), 303);
    let mine = app.get_as(&sales, "/inbox?assignee=mine").await.text().await.unwrap();
    assert!(mine.contains("Mine Only") && mine.contains("of 1"));
    let unassigned = app.get_as(&sales, "/inbox?assignee=unassigned").await.text().await.unwrap();
    assert!(!unassigned.contains("Mine Only") && unassigned.contains("of 27"));

    // Dates: today includes everything, yesterday nothing; bad values are reported, not fatal.
    let today = Utc::now().date_naive();
    let on_today = app.get_as(&sales, &format!("/inbox?from={today}&to={today}")).await.text().await.unwrap();
    assert!(on_today.contains("of 28"));
    let yesterday = today.pred_opt().unwrap();
    let before = app.get_as(&sales, &format!("/inbox?to={yesterday}")).await.text().await.unwrap();
    assert!(before.contains("No leads match these filters."));
    let bad = app.get_as(&sales, "/inbox?from=soon&status=closed").await;
    assert_eq!(bad.status(), 200);
    let bad = bad.text().await.unwrap();
    assert!(bad.contains("is not a date like") && bad.contains("There is no status"));
}

#[tokio::test]
async fn the_reply_by_countdown_goes_from_on_track_to_soon_to_overdue_to_replied() {
    let clock = ManualClock::at(Utc::now());
    let app = spawn_app_with_clock(clock.clone(), &[]).await;
    app.add_staff(SALES.0, Role::Sales, SALES.1).await;
    let reference = app.send_lead(&[]).await;
    let state_of = |html: &str| {
        let row = &html[html.find(&format!(r#"data-lead="{reference}""#)).expect("the lead is listed")..];
        let at = row.find("data-countdown=\"").unwrap() + "data-countdown=\"".len();
        row[at..].split('"').next().unwrap().to_string()
    };
    // A fresh login each time: the clock jumps further than a session lives.
    async fn look(app: &TestApp, clock: &ManualClock, advance: Duration) -> (Session, String) {
        clock.advance(advance);
        let session = app.login(SALES.0, SALES.1).await;
        let html = app.get_as(&session, "/inbox").await.text().await.unwrap();
        (session, html)
    }
    let (_, html) = look(&app, &clock, Duration::hours(1)).await;
    assert_eq!(state_of(&html), "on-track");
    assert!(html.contains("On track: 23 h 0 min left"), "{}", state_of(&html));
    let (_, html) = look(&app, &clock, Duration::hours(20) + Duration::minutes(30)).await;
    assert_eq!(state_of(&html), "soon");
    assert!(html.contains("Reply soon: 2 h"));
    let (session, html) = look(&app, &clock, Duration::hours(3)).await;
    assert_eq!(state_of(&html), "overdue");
    assert!(html.contains("Overdue by 29 min") || html.contains("Overdue by 30 min"));
    let dashboard = app.get_as(&session, "/inbox/dashboard").await.text().await.unwrap().replace("<!>", "");
    let overdue = &dashboard[dashboard.find(">Overdue now<").unwrap()..];
    assert!(overdue[..200].contains(">1<"), "one lead overdue now");

    let replied = app.post_as(&session, &format!("/inbox/leads/{reference}"), &[("action", "replied")]).await;
    assert_eq!(replied.status(), 303);
    let html = app.get_as(&session, "/inbox").await.text().await.unwrap();
    assert_eq!(state_of(&html), "replied");
    assert!(html.contains("Replied after 1 d 0 h"));
}

#[tokio::test]
async fn search_folds_case_beyond_ascii_also_for_leads_stored_before_the_search_column() {
    let app = spawn_app().await;
    app.add_staff(SALES.0, Role::Sales, SALES.1).await;
    let reference = app.send_lead(&[("name", "ZOË ÅNGSTRÖM"), ("company", "Ölwerk AG")]).await;
    // As a lead stored by the version before the column existed.
    sqlx::query("UPDATE leads SET search = NULL").execute(&app.db().await).await.unwrap();
    let app = spawn_app_in(app.stop().await, &[]).await;
    let session = app.login(SALES.0, SALES.1).await;
    for query in ["zoë", "ångström", "ÖLWERK"] {
        let path = format!("/inbox?q={}", archguide::page_data::url::encode(query));
        let html = app.get_as(&session, &path).await.text().await.unwrap();
        assert!(html.contains(&format!(r#"data-lead="{reference}""#)), "{query} finds the lead");
    }
    let html = app.get_as(&session, "/inbox?q=nobody").await.text().await.unwrap().replace("<!>", "");
    assert!(!html.contains(&format!(r#"data-lead="{reference}""#)));
    assert!(html.contains("All (0)"), "the counts follow the search");
}
