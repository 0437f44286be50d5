//! `/metrics`: the Prometheus text format, checked by Prometheus's own `promtool`; route
//! templates, never raw paths; loopback clients only, or a listener of its own.

use std::io::Write;
use std::process::{Command, Stdio};

use crate::helpers::{spawn_app, spawn_app_with};

/// `promtool check metrics` on a scrape: its verdict and what it said. `None` when promtool is
/// not installed (scripts/setup.sh installs it with Debian's `prometheus`).
fn promtool(scrape: &str) -> Option<(bool, String)> {
    let mut child = Command::new("promtool")
        .args(["check", "metrics"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .ok()?;
    child.stdin.take().unwrap().write_all(scrape.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    let said = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    Some((out.status.success(), said))
}

#[tokio::test]
async fn metrics_pass_promtool_and_name_route_templates_not_paths() {
    let app = spawn_app().await;
    let reference = app.send_lead(&[]).await;
    app.send_lead(&[("website", "http://spam.example")]).await;
    assert_eq!(app.get("/learn").await.status(), 200);
    assert_eq!(app.get(&format!("/inbox/leads/{reference}")).await.status(), 303);
    assert_eq!(app.get("/wp-login.php").await.status(), 404);
    let response = app.get("/metrics").await;
    assert_eq!(response.status(), 200);
    assert!(response.headers()["content-type"].to_str().unwrap().starts_with("text/plain; version=0.0.4"));
    let scrape = response.text().await.unwrap();

    for line in [
        r#"archguide_http_requests_total{route="/learn",method="GET",status="200"} 1"#,
        r#"archguide_http_requests_total{route="/inbox/leads/{reference}",method="GET",status="303"} 1"#,
        r#"archguide_http_requests_total{route="other",method="GET",status="404"} 1"#,
        r#"archguide_leads{status="new"} 1"#,
        r#"archguide_leads{status="spam"} 1"#,
        r#"archguide_leads{status="won"} 0"#,
        "archguide_leads_overdue 0",
        "archguide_outbox_pending 0",
        r#"archguide_build_info{version=""#,
        r#"archguide_db_pool_connections{state="in_use"}"#,
        "# TYPE archguide_http_request_duration_seconds histogram",
        r#"archguide_http_request_duration_seconds_bucket{route="/learn",le="0.005"}"#,
    ] {
        assert!(scrape.contains(line), "missing {line} in\n{scrape}");
    }
    assert!(!scrape.contains(&reference) && !scrape.contains("wp-login"), "no raw path is a label");
    let Some((passed, said)) = promtool(&scrape) else {
        panic!("promtool is not installed: run scripts/setup.sh (Debian's prometheus package)");
    };
    assert!(passed, "promtool check metrics failed:\n{said}\n{scrape}");
    println!(
        "promtool check metrics: {} ({} lines checked)",
        if said.trim().is_empty() { "no problems" } else { said.trim() },
        scrape.lines().count()
    );
}

#[tokio::test]
async fn metrics_are_for_loopback_clients_that_came_straight_or_on_their_own_listener() {
    let app = spawn_app().await;
    let proxied = app.client.get(format!("{}/metrics", app.address)).header("x-forwarded-for", "203.0.113.7").send();
    assert_eq!(proxied.await.unwrap().status(), 404, "a request a proxy passed on is anyone's");

    let port = {
        let socket = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        socket.local_addr().unwrap().port()
    };
    let address = format!("127.0.0.1:{port}");
    let own = spawn_app_with(&[("ARCHGUIDE_METRICS_ADDR", address.as_str())]).await;
    assert_eq!(own.get("/metrics").await.status(), 404, "not on the main listener then");
    let scrape = own.client.get(format!("http://{address}/metrics")).send().await.unwrap();
    assert_eq!(scrape.status(), 200);
    assert!(scrape.text().await.unwrap().contains("archguide_leads{status=\"new\"} 0"));
}

#[tokio::test]
async fn requests_count_under_the_route_they_matched_in_every_language_and_from_the_page_cache() {
    let app = spawn_app().await;
    // The second is served from the page cache, the third is the Spanish page of the same route.
    for path in ["/learn", "/learn", "/es/learn"] {
        assert_eq!(app.get(path).await.status(), 200, "{path}");
    }
    let created = app.post_form("/guide/result", &[("stage", "mvp")]).await;
    assert_eq!(created.status(), 303);
    let result = created.headers()["location"].to_str().unwrap().to_string();
    assert_eq!(app.get(&result).await.status(), 200);
    assert_eq!(app.get("/es/inbox").await.status(), 404);
    assert_eq!(app.get("/pkg/no-such-file.js").await.status(), 404);
    let scrape = app.get("/metrics").await.text().await.unwrap();
    for line in [
        r#"archguide_http_requests_total{route="/learn",method="GET",status="200"} 3"#,
        r#"archguide_http_requests_total{route="/guide/result",method="POST",status="303"} 1"#,
        r#"archguide_http_requests_total{route="/guide/result/{id}",method="GET",status="200"} 1"#,
        r#"archguide_http_requests_total{route="/pkg/{file}",method="GET",status="404"} 1"#,
        r#"archguide_http_requests_total{route="other",method="GET",status="404"} 1"#,
    ] {
        assert!(scrape.contains(line), "missing {line} in\n{scrape}");
    }
    assert!(!scrape.contains("/es/") && !scrape.contains("no-such-file"), "no raw path is a label");
}
