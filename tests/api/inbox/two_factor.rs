//! The second factor: setting it up with a code computed here, logging in with and without it,
//! codes used once, recovery codes, throttling, the policy that requires it, and the reset from
//! the command line.

use archguide::server::auth::totp::Authenticator;

use super::*;

/// A key for sealing secrets, as `openssl rand -base64 32` prints one.
pub const KEY: &str = "uP/0ua1cEC5FvzxyhtBZhNFps5nD3oVkPNfaUp092p8=";
const CODE_PAGE: &str = "/inbox/login/code";

/// The text of the first element carrying `marker`.
pub(crate) fn text_after(html: &str, marker: &str) -> String {
    let start = html.find(marker).unwrap_or_else(|| panic!("no {marker} in the page"));
    let open = start + html[start..].find('>').unwrap() + 1;
    html[open..open + html[open..].find('<').unwrap()].trim().to_string()
}

/// The recovery codes a page shows.
pub(crate) fn recovery_codes(html: &str) -> Vec<String> {
    let start = html.find("data-recovery-codes").expect("the page shows recovery codes");
    let list = &html[start..start + html[start..].find("</ol>").unwrap()];
    list.split("<li>").skip(1).map(|item| item[..item.find('<').unwrap()].to_string()).collect()
}

fn cookies(response: &reqwest::Response) -> Vec<String> {
    response.headers().get_all("set-cookie").iter().map(|v| v.to_str().unwrap().to_string()).collect()
}

fn cookie_named(response: &reqwest::Response, name: &str) -> Option<String> {
    cookies(response)
        .into_iter()
        .find(|c| c.starts_with(&format!("{name}=")) && !c.contains("Max-Age=0"))
        .map(|c| c.split(';').next().unwrap().to_string())
}

/// An app on a clock the test moves, with the key, and a sales person logged in.
async fn app_with_clock(extra: &[(&str, &str)]) -> (TestApp, ManualClock, Session) {
    let clock = ManualClock::at(Utc::now());
    let mut settings = vec![("ARCHGUIDE_SECRET_KEY", KEY)];
    settings.extend_from_slice(extra);
    let app = spawn_app_with_clock(clock.clone(), &settings).await;
    app.add_staff(SALES.0, Role::Sales, SALES.1).await;
    let session = app.login(SALES.0, SALES.1).await;
    (app, clock, session)
}

fn now(clock: &ManualClock) -> u64 {
    use archguide::server::clock::Clock;
    clock.now().timestamp() as u64
}

/// Sets up the second factor from the account page, as a person with an app would: the test
/// reads the key the page shows and computes the code. Returns the app's authenticator and
/// the recovery codes shown.
async fn turn_on(app: &TestApp, clock: &ManualClock, session: &Session) -> (Authenticator, Vec<String>) {
    let start = app.post_as(session, "/inbox/account/two-factor/start", &[]).await;
    assert_eq!(start.status(), 303);
    assert_eq!(location(&start), "/inbox/account#set-up");
    let page = app.get_as(session, "/inbox/account").await.text().await.unwrap();
    assert!(
        page.contains("<svg") && page.contains("QR code that adds this account"),
        "the QR code is drawn in the page"
    );
    let secret = text_after(&page, "data-totp-secret");
    let app_side = Authenticator::from_base32(&secret, "AxiomTech", SALES.0).unwrap();

    let wrong = app.post_as(session, "/inbox/account/two-factor/confirm", &[("code", "000000")]).await;
    assert_eq!(wrong.status(), 422);
    assert!(wrong.text().await.unwrap().contains("That code does not match"));
    let code = app_side.code_at(now(clock));
    let confirm = app.post_as(session, "/inbox/account/two-factor/confirm", &[("code", &code)]).await;
    assert_eq!(confirm.status(), 200);
    let html = confirm.text().await.unwrap();
    assert!(html.contains("Two-factor authentication is on"), "{html}");
    let codes = recovery_codes(&html);
    assert_eq!(codes.len(), 10, "{codes:?}");
    assert!(codes.iter().all(|c| c.len() == 19 && c.matches('-').count() == 3), "{codes:?}");
    // Shown once: the page does not show them again.
    let again = app.get_as(session, "/inbox/account").await.text().await.unwrap();
    assert!(!again.contains("data-recovery-codes") && again.contains("10 of 10 recovery codes left"));
    (app_side, codes)
}

/// The password step; the challenge cookie it sets.
async fn password_step(app: &TestApp) -> String {
    let response =
        app.post_form("/inbox/login", &[("email", SALES.0), ("password", SALES.1), ("next", "/inbox/dashboard")]).await;
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), CODE_PAGE);
    assert!(cookie_named(&response, "__Host-archguide-session").is_none(), "no session before the code");
    let challenge = cookies(&response).into_iter().find(|c| c.starts_with("__Host-archguide-login=")).unwrap();
    for part in ["Secure", "HttpOnly", "SameSite=Strict", "Path=/", "Max-Age=300"] {
        assert!(challenge.contains(part), "{challenge} lacks {part}");
    }
    challenge.split(';').next().unwrap().to_string()
}

async fn code_step(app: &TestApp, challenge: &str, code: &str) -> reqwest::Response {
    app.client
        .post(format!("{}{CODE_PAGE}", app.address))
        .header("cookie", challenge)
        .form(&[("code", code)])
        .send()
        .await
        .unwrap()
}

async fn outcomes(app: &TestApp) -> Vec<String> {
    sqlx::query_scalar("SELECT outcome FROM login_attempts ORDER BY id").fetch_all(&app.db().await).await.unwrap()
}

#[tokio::test]
async fn set_up_with_a_computed_code_then_every_login_takes_a_code_that_works_once() {
    let (app, clock, session) = app_with_clock(&[]).await;
    let (app_side, _) = turn_on(&app, &clock, &session).await;
    // The secret is sealed at rest: nothing in the row is the secret or its base32.
    let stored = scalar(&app, "SELECT totp_secret FROM staff_users WHERE email = 'sales@example.com'").await;
    assert!(stored.starts_with("v1.") && !stored.contains(&app_side.secret_base32()), "{stored}");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM staff_recovery_codes WHERE code_hash LIKE '%-%'").await, 0);
    // The session that turned it on carries on.
    assert_eq!(app.get_as(&session, "/inbox").await.status(), 200);

    // The password alone: a challenge, no session; the challenge opens nothing.
    let challenge = password_step(&app).await;
    let peek = app.get_as(&Session { cookie: challenge.clone() }, "/inbox").await;
    assert_eq!(peek.status(), 303, "the half-logged-in state grants nothing");
    assert!(location(&peek).starts_with("/inbox/login?next="));
    let code_page =
        app.client.get(format!("{}{CODE_PAGE}", app.address)).header("cookie", &challenge).send().await.unwrap();
    assert_eq!(code_page.status(), 200);
    assert!(code_page.text().await.unwrap().contains("autocomplete=\"one-time-code\""));

    // A wrong code: refused, asked again, still no session.
    let wrong = code_step(&app, &challenge, "123456").await;
    assert_eq!(wrong.status(), 401);
    assert!(cookie_named(&wrong, "__Host-archguide-session").is_none());
    assert!(wrong.text().await.unwrap().contains("That code is not right"));

    // The code that confirmed the set-up was used: within its 30 seconds it opens nothing.
    let used = code_step(&app, &challenge, &app_side.code_at(now(&clock))).await;
    assert_eq!(used.status(), 401, "the set-up's code is used up");

    // Half a minute later, the app's new code: the session starts and the login goes where it
    // was headed.
    clock.advance(Duration::seconds(30));
    let code = app_side.code_at(now(&clock));
    let right = code_step(&app, &challenge, &format!("{} {}", &code[..3], &code[3..])).await;
    assert_eq!(right.status(), 303);
    assert_eq!(location(&right), "/inbox/dashboard");
    let session_cookie = cookie_named(&right, "__Host-archguide-session").expect("a session");
    assert!(cookies(&right).iter().any(|c| c.starts_with("__Host-archguide-login=") && c.contains("Max-Age=0")));
    assert_eq!(app.get_as(&Session { cookie: session_cookie }, "/inbox").await.status(), 200);
    // The challenge is gone: it cannot be used for another session.
    assert_eq!(code_step(&app, &challenge, &code).await.status(), 401);

    // The same code again, within its 30 seconds, in a new login: refused.
    let replay = code_step(&app, &password_step(&app).await, &code).await;
    assert_eq!(replay.status(), 401, "a code works once");
    // A step later (the clock moved on), the app's next code works; so does one step of drift.
    clock.advance(Duration::seconds(30));
    let drifted = app_side.code_at(now(&clock) + 30);
    assert_eq!(code_step(&app, &password_step(&app).await, &drifted).await.status(), 303, "one step of drift");
    clock.advance(Duration::seconds(90));
    let stale = app_side.code_at(now(&clock) - 60);
    assert_eq!(code_step(&app, &password_step(&app).await, &stale).await.status(), 401, "two steps old");

    let log = outcomes(&app).await;
    for outcome in ["code_asked", "wrong_code", "success"] {
        assert!(log.iter().any(|o| o == outcome), "{log:?}");
    }
}

#[tokio::test]
async fn a_recovery_code_works_once_and_new_ones_replace_the_old() {
    let (app, clock, session) = app_with_clock(&[]).await;
    let (app_side, codes) = turn_on(&app, &clock, &session).await;
    let first = code_step(&app, &password_step(&app).await, &codes[0].to_uppercase()).await;
    assert_eq!(first.status(), 303, "a recovery code, typed in capitals");
    let again = code_step(&app, &password_step(&app).await, &codes[0]).await;
    assert_eq!(again.status(), 401, "used up");
    assert!(outcomes(&app).await.contains(&"recovery_code".to_string()));
    let page = app.get_as(&session, "/inbox/account").await.text().await.unwrap();
    assert!(page.contains("9 of 10 recovery codes left"));

    // New codes need the password or a current code again.
    let refused = app.post_as(&session, "/inbox/account/recovery-codes", &[("confirm", "not my password")]).await;
    assert_eq!(refused.status(), 401);
    clock.advance(Duration::seconds(30));
    let code = app_side.code_at(now(&clock));
    let renewed = app.post_as(&session, "/inbox/account/recovery-codes", &[("confirm", &code)]).await;
    assert_eq!(renewed.status(), 200);
    let fresh = recovery_codes(&renewed.text().await.unwrap());
    assert_eq!(fresh.len(), 10);
    assert_eq!(code_step(&app, &password_step(&app).await, &codes[1]).await.status(), 401, "old codes stop working");
    assert_eq!(code_step(&app, &password_step(&app).await, &fresh[1]).await.status(), 303);
}

#[tokio::test]
async fn wrong_codes_count_toward_the_login_throttling_and_the_second_step_lasts_five_minutes() {
    let (app, clock, session) = app_with_clock(&[]).await;
    let (app_side, _) = turn_on(&app, &clock, &session).await;
    let challenge = password_step(&app).await;
    for _ in 0..5 {
        assert_eq!(code_step(&app, &challenge, "999999").await.status(), 401);
    }
    let held = code_step(&app, &challenge, &app_side.code_at(now(&clock))).await;
    assert_eq!(held.status(), 429, "even the right code waits");
    assert!(held.headers().contains_key("retry-after"));
    assert!(held.text().await.unwrap().contains("Too many failed attempts"));
    // The password step is held too, and the challenge is gone.
    let password = app.post_form("/inbox/login", &[("email", SALES.0), ("password", SALES.1)]).await;
    assert_eq!(password.status(), 429);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM staff_login_challenges").await, 0);

    // After the window, a login whose code comes too late starts again from the password.
    clock.advance(Duration::minutes(16));
    let challenge = password_step(&app).await;
    clock.advance(Duration::minutes(5));
    let late = code_step(&app, &challenge, &app_side.code_at(now(&clock))).await;
    assert_eq!(late.status(), 401);
    assert!(late.text().await.unwrap().contains("That login took too long"));
    // A malformed code is explained, not counted.
    let challenge = password_step(&app).await;
    let malformed = code_step(&app, &challenge, "12345").await;
    assert_eq!(malformed.status(), 422);
    assert!(malformed.text().await.unwrap().contains("Enter the 6-digit code"));
    assert_eq!(code_step(&app, &challenge, &app_side.code_at(now(&clock))).await.status(), 303);
}

#[tokio::test]
async fn turning_it_off_takes_the_password_or_a_current_code() {
    let (app, clock, session) = app_with_clock(&[]).await;
    turn_on(&app, &clock, &session).await;
    let wrong = app.post_as(&session, "/inbox/account/two-factor/disable", &[("confirm", "123456")]).await;
    assert_eq!(wrong.status(), 401);
    assert!(wrong.text().await.unwrap().contains("neither a current code from your app nor your password"));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM staff_users WHERE totp_secret IS NOT NULL").await, 1);
    let off = app.post_as(&session, "/inbox/account/two-factor/disable", &[("confirm", SALES.1)]).await;
    assert_eq!(off.status(), 200);
    assert!(off.text().await.unwrap().contains("Two-factor authentication is off"));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM staff_recovery_codes").await, 0);
    // The password alone logs in again.
    app.login(SALES.0, SALES.1).await;
}

#[tokio::test]
async fn the_policy_sends_accounts_without_a_second_factor_to_set_one_up_before_any_lead() {
    let (app, clock, session) = app_with_clock(&[("ARCHGUIDE_REQUIRE_2FA", "true")]).await;
    let reference = app.send_lead(&[]).await;
    for page in ["/inbox", "/inbox/dashboard", &format!("/inbox/leads/{reference}")] {
        let response = app.get_as(&session, page).await;
        assert_eq!(response.status(), 303, "{page}");
        assert_eq!(location(&response), "/inbox/account", "{page}");
    }
    let api = app
        .client
        .post(format!("{}/inbox/api/leads", app.address))
        .header("cookie", &session.cookie)
        .header("content-type", "application/json")
        .body(r#"{"query":[]}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(api.status(), 403, "server functions too");
    let note = app.post_as(&session, &format!("/inbox/leads/{reference}"), &[("action", "note"), ("note", "x")]).await;
    assert_eq!(note.status(), 403);
    assert!(note.text().await.unwrap().contains("href=\"/inbox/account\""), "the refusal says where to go");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM lead_events WHERE kind = 'note'").await, 0);
    let page = app.get_as(&session, "/inbox/account").await;
    assert_eq!(page.status(), 200);
    assert!(page.text().await.unwrap().contains("Every account here needs two-factor authentication"));

    turn_on(&app, &clock, &session).await;
    assert_eq!(app.get_as(&session, "/inbox").await.status(), 200);
    let off = app.post_as(&session, "/inbox/account/two-factor/disable", &[("confirm", SALES.1)]).await;
    assert_eq!(off.status(), 409, "it cannot be turned off where it is required");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM staff_users WHERE totp_secret IS NOT NULL").await, 1);
}

#[tokio::test]
async fn without_the_servers_key_nothing_can_be_set_up() {
    let app = spawn_app().await;
    app.add_staff(SALES.0, Role::Sales, SALES.1).await;
    let session = app.login(SALES.0, SALES.1).await;
    let page = app.get_as(&session, "/inbox/account").await.text().await.unwrap();
    assert!(page.contains("an administrator must first give the server its key"));
    let start = app.post_as(&session, "/inbox/account/two-factor/start", &[]).await;
    assert_eq!(start.status(), 409);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM staff_users WHERE totp_pending IS NOT NULL").await, 0);
}

#[tokio::test]
async fn an_administrator_resets_a_lost_second_factor_from_the_command_line() {
    let (app, clock, session) = app_with_clock(&[]).await;
    app.add_staff(ADMIN.0, Role::Admin, ADMIN.1).await;
    turn_on(&app, &clock, &session).await;
    let admin = app.login(ADMIN.0, ADMIN.1).await;
    let users = app.get_as(&admin, "/inbox/users").await.text().await.unwrap();
    let row = &users[users.find("data-user=\"sales@example.com\"").unwrap()..];
    assert!(row[..row.find("</tr>").unwrap()].contains("data-two-factor=\"on\""), "the users page shows who has it");

    let mut env = crate::helpers::test_env(&app.data_dir);
    env.insert("ARCHGUIDE_SECRET_KEY".into(), KEY.into());
    let reset = crate::helpers::command(&env)
        .args(["user", "reset-2fa", "Sales@Example.com"])
        .stdout(std::process::Stdio::piped())
        .output()
        .unwrap();
    assert!(reset.status.success(), "{}", String::from_utf8_lossy(&reset.stderr));
    assert!(String::from_utf8_lossy(&reset.stdout).contains("removed the second factor of sales@example.com"));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM staff_users WHERE totp_secret IS NOT NULL").await, 0);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM staff_recovery_codes").await, 0);
    assert_eq!(app.get_as(&session, "/inbox").await.status(), 303, "its sessions ended");
    app.login(SALES.0, SALES.1).await;
    let missing = crate::helpers::command(&env).args(["user", "reset-2fa", "nobody@example.com"]).output().unwrap();
    assert_eq!(missing.status.code(), Some(1));
}
