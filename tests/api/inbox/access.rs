//! Who may reach what: every inbox route and server function, by role.

use super::*;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Who {
    Anonymous,
    Forged,
    Disabled,
    Sales,
    Admin,
}

/// Every inbox route and server function, and the answer each kind of caller gets.
#[tokio::test]
async fn the_access_control_matrix_holds_for_every_route_and_server_function() {
    let app = spawn_app().await;
    let (admin, sales) = staffed(&app).await;
    let reference = app.send_lead(&[]).await;
    // A disabled account whose session is still stored: the account check refuses it.
    let disabled = app.login(OTHER.0, OTHER.1).await;
    sqlx::query("UPDATE staff_users SET disabled_at = '2026-01-01T00:00:00Z' WHERE email = ?")
        .bind(OTHER.0)
        .execute(&app.db().await)
        .await
        .unwrap();
    let forged = Session { cookie: format!("__Host-archguide-session={}", "A".repeat(43)) };

    let lead_page = format!("/inbox/leads/{reference}");
    let pages = [
        "/inbox",
        "/inbox/dashboard",
        "/inbox/users",
        "/inbox/account",
        lead_page.as_str(),
        "/inbox/export.csv",
        "/inbox/unmatched",
        "/inbox/attachments/1",
        "/inbox/model",
        "/inbox/model/cases",
        "/inbox/model/checks/1",
    ];
    let mut results = Vec::new();
    for who in [Who::Anonymous, Who::Forged, Who::Disabled, Who::Sales, Who::Admin] {
        let session = match who {
            Who::Anonymous => None,
            Who::Forged => Some(&forged),
            Who::Disabled => Some(&disabled),
            Who::Sales => Some(&sales),
            Who::Admin => Some(&admin),
        };
        for page in pages {
            let response = get_maybe(&app, session, page).await;
            let expected = match (who, page) {
                (Who::Anonymous | Who::Forged | Who::Disabled, _) => 303,
                (Who::Sales, "/inbox/users" | "/inbox/model" | "/inbox/model/cases" | "/inbox/model/checks/1") => 403,
                // Admins reach the check page, and there is no such check.
                (_, "/inbox/model/checks/1") => 404,
                // Staff reach the download, and there is no such file.
                (_, "/inbox/attachments/1") => 404,
                _ => 200,
            };
            assert_eq!(response.status(), expected, "{who:?} GET {page}");
            if expected == 303 {
                assert!(location(&response).starts_with("/inbox/login?next="), "{who:?} GET {page}");
            }
            results.push(format!("{who:?} GET {page} {}", response.status().as_u16()));
        }
        // The event stream that keeps open pages current: no page, so no redirect.
        let events = get_maybe(&app, session, "/inbox/events").await;
        let expected = if matches!(who, Who::Sales | Who::Admin) { 200 } else { 401 };
        assert_eq!(events.status(), expected, "{who:?} GET /inbox/events");
        results.push(format!("{who:?} GET /inbox/events {}", events.status().as_u16()));
        drop(events);
        for endpoint in
            ["leads", "lead", "dashboard", "users", "account", "unmatched", "model", "model_cases", "model_check"]
        {
            let body = match endpoint {
                "leads" => serde_json::json!({ "query": [] }).to_string(),
                "lead" => format!("reference={reference}"),
                "model_check" => "id=1".to_string(),
                _ => String::new(),
            };
            let content_type =
                if endpoint == "leads" { "application/json" } else { "application/x-www-form-urlencoded" };
            let mut request = app
                .client
                .post(format!("{}/inbox/api/{endpoint}", app.address))
                .header("content-type", content_type)
                .body(body);
            if let Some(s) = session {
                request = request.header("cookie", &s.cookie);
            }
            let response = request.send().await.unwrap();
            let expected = match (who, endpoint) {
                (Who::Anonymous | Who::Forged | Who::Disabled, _) => 401,
                (Who::Sales, "users" | "model" | "model_cases" | "model_check") => 403,
                _ => 200,
            };
            assert_eq!(response.status(), expected, "{who:?} server function {endpoint}");
            results.push(format!("{who:?} POST /inbox/api/{endpoint} {}", response.status().as_u16()));
        }
        // Actions that change data: refused callers change nothing.
        let actions: Vec<(String, Vec<(&'static str, String)>)> = vec![
            (lead_page.clone(), vec![("action", "note".into()), ("note", format!("note by {who:?}"))]),
            (
                lead_page.clone(),
                vec![
                    ("action", "status".into()),
                    ("status", if who == Who::Admin { "won" } else { "qualified" }.into()),
                ],
            ),
            (
                lead_page.clone(),
                vec![("action", "reply".into()), ("subject", "Re: hi".into()), ("body", format!("reply by {who:?}"))],
            ),
            (format!("{lead_page}/export.json"), vec![("action", "export".into())]),
            // A wrong confirmation: an admin is told so, nobody else gets that far.
            (
                format!("{lead_page}/erase-person"),
                vec![("action", "erase-person".into()), ("confirm", "x@example.com".into())],
            ),
            (lead_page.clone(), vec![("action", "erase".into()), ("confirm", reference.clone())]),
            (
                "/inbox/users".into(),
                vec![
                    ("email", format!("new-{who:?}@example.com").to_lowercase()),
                    ("role", "admin".into()),
                    ("password", "purple walrus debates quietly".into()),
                ],
            ),
            ("/inbox/users/disable".into(), vec![("email", SALES.0.into())]),
            // No such unmatched message: staff are told so, after their session is checked.
            ("/inbox/unmatched/1/attach".into(), vec![("action", "attach".into()), ("reference", reference.clone())]),
            ("/inbox/unmatched/1/discard".into(), vec![("action", "discard".into())]),
            // The consultants' verdict: any staff member records one.
            (
                format!("{lead_page}/verdict"),
                vec![
                    ("action", "verdict".into()),
                    ("organisation", "monolith".into()),
                    ("execution", "functions".into()),
                ],
            ),
            // The model and its cases: admins only. A draft that does not read is refused after
            // the session is checked; there is no such check to publish, case to change, or
            // verdict on a lead without a guide result to make a case of.
            ("/inbox/model/check".into(), vec![("action", "model-check".into()), ("model", "x = [".into())]),
            ("/inbox/model/publish".into(), vec![("action", "model-publish".into()), ("check", "1".into())]),
            ("/inbox/model/rollback".into(), vec![("action", "model-rollback".into()), ("to", "7".into())]),
            ("/inbox/model/cases".into(), vec![("action", "case-add".into()), ("title", "".into())]),
            ("/inbox/model/cases/999".into(), vec![("action", "case-edit".into()), ("title", "".into())]),
            ("/inbox/model/cases/999/retire".into(), vec![("action", "case-retire".into()), ("retire", "yes".into())]),
            (
                "/inbox/model/cases/from-lead".into(),
                vec![("action", "case-from-lead".into()), ("reference", reference.clone())],
            ),
            // This app has no key to seal second-factor secrets: staff are told so, after their
            // session is checked; nobody has a second factor to turn off or renew codes for.
            ("/inbox/account/two-factor/start".into(), vec![("action", "two-factor-start".into())]),
            (
                "/inbox/account/two-factor/confirm".into(),
                vec![("action", "two-factor-confirm".into()), ("code", "123456".into())],
            ),
            (
                "/inbox/account/two-factor/disable".into(),
                vec![("action", "two-factor-off".into()), ("confirm", "x".into())],
            ),
            (
                "/inbox/account/recovery-codes".into(),
                vec![("action", "recovery-codes".into()), ("confirm", "x".into())],
            ),
        ];
        for (path, fields) in actions {
            let action = fields[0].1.clone();
            let response = post_maybe(&app, session, &path, &fields).await;
            let admin_only = path.starts_with("/inbox/users")
                || path.starts_with("/inbox/model")
                || ["erase", "export", "erase-person"].contains(&action.as_str());
            let expected = match who {
                Who::Anonymous | Who::Forged | Who::Disabled => 401,
                Who::Sales if admin_only => 403,
                _ if action == "export" || action == "two-factor-off" => 200,
                _ if action.starts_with("two-factor") || action == "recovery-codes" => 409,
                _ if action == "erase-person" => 422,
                _ if action == "attach" => 409,
                _ if action == "model-check" || action == "case-add" || action == "case-edit" => 422,
                _ if action.starts_with("model-") || action == "case-retire" => 404,
                _ if action == "case-from-lead" => 409,
                // The admin erased the lead's personal data above: only its status still changes.
                Who::Admin if action == "verdict" => 409,
                // This app has no SMTP server: staff are told so, after their session is checked.
                _ if action == "reply" => 409,
                _ => 303,
            };
            assert_eq!(response.status(), expected, "{who:?} POST {path} {action}");
            results.push(format!("{who:?} POST {path} {action} {}", response.status().as_u16()));
            if who == Who::Admin && path == "/inbox/users/disable" {
                // Re-enable for the rest of the matrix.
                sqlx::query("UPDATE staff_users SET disabled_at = NULL WHERE email = ?")
                    .bind(SALES.0)
                    .execute(&app.db().await)
                    .await
                    .unwrap();
            }
        }
    }
    // Only the sales person's and the admin's changes got through (the notes were erased with
    // the lead's personal data); refused callers changed nothing.
    let history: Vec<(String, String)> =
        sqlx::query_as("SELECT actor, kind FROM lead_events ORDER BY id").fetch_all(&app.db().await).await.unwrap();
    let actors: Vec<&str> = history.iter().map(|(actor, _)| actor.as_str()).collect();
    // The sales person's: a note, a status, a verdict. The admin's: a note, a status, the
    // export, the erasure.
    assert_eq!(actors, ["visitor", SALES.0, SALES.0, SALES.0, ADMIN.0, ADMIN.0, ADMIN.0, ADMIN.0], "{history:?}");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM staff_users WHERE email LIKE 'new-%'").await, 1);
    assert_eq!(scalar(&app, "SELECT email FROM staff_users WHERE email LIKE 'new-%'").await, "new-admin@example.com");
    // Server functions are not reachable by GET.
    assert_eq!(app.get_as(&admin, "/inbox/api/dashboard").await.status(), 405);
    println!("access-control matrix:\n{}", results.join("\n"));
}
