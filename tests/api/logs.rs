//! The logs of a whole working day (the guide, a lead and its booking link, logins, the inbox,
//! an export, setting up and using a second factor) hold no lead's email or message, no
//! booking-link token, no password, no session token and nothing of the second factor (its
//! secret, codes, recovery codes, the login challenge, the server's key), even at debug level.

use std::time::Duration;

use archguide::server::auth::totp::Authenticator;

use crate::helpers::{add_staff_with_binary, form_token, login_at, test_env, Process};

const LEAD_EMAIL: &str = "secret.lead.person@example.com";
const LEAD_MESSAGE: &str = "Our confidential plan: MESSAGE-SECRET-4242";
const PASSWORD: &str = "PASSWORD-SECRET quiet mountain lake";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_run_logs_no_lead_data_passwords_or_session_tokens() {
    let dir = tempfile::tempdir().unwrap();
    let mut env = test_env(&dir);
    env.insert("ARCHGUIDE_LOG".into(), "debug".into());
    env.insert("ARCHGUIDE_SECRET_KEY".into(), crate::inbox::two_factor::KEY.into());
    add_staff_with_binary(&env, "sales@example.com", "sales", PASSWORD);
    let server = Process::start(&env);
    let base = server.address.clone();
    let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();

    // A visitor walks the guide and asks to talk.
    client.get(format!("{base}/guide?stage=growth&step=2")).send().await.unwrap();
    let result = client.post(format!("{base}/guide/result")).form(&[("stage", "growth")]).send().await.unwrap();
    let result_id = result.headers()["location"].to_str().unwrap().rsplit('/').next().unwrap().to_string();
    client.get(format!("{base}/contact?result={result_id}")).send().await.unwrap();
    let token = form_token(&client, &base).await.unwrap();
    let sent = client
        .post(format!("{base}/contact"))
        .form(&[
            ("token", token.as_str()),
            ("name", "Confidential Person"),
            ("email", LEAD_EMAIL),
            ("message", LEAD_MESSAGE),
            ("consent", "yes"),
            ("result", result_id.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(sent.status(), 303);
    let location = sent.headers()["location"].to_str().unwrap().to_string();
    let reference = crate::helpers::reference_in(&location);
    // The booking link: opened, and a time posted to it.
    let booking = location.split("book=").nth(1).unwrap().split('&').next().unwrap().to_string();
    client.get(format!("{base}/book/{booking}")).send().await.unwrap();
    let posted = client
        .post(format!("{base}/book/{booking}"))
        .form(&[("slot", "2026-12-07T10:00:00Z"), ("zone", "Europe/Madrid")])
        .send()
        .await
        .unwrap();
    assert_eq!(posted.status(), 422, "nobody takes calls here: nothing to book");
    let booking_signature = booking.split('.').nth(1).unwrap().to_string();

    // Staff: a password typed into the email box, a wrong password, then the real login.
    for (email, password) in [(PASSWORD, "x"), ("sales@example.com", "PASSWORD-SECRET wrong guess")] {
        let refused = client
            .post(format!("{base}/inbox/login"))
            .form(&[("email", email), ("password", password)])
            .send()
            .await
            .unwrap();
        assert_eq!(refused.status(), 401);
    }
    let cookie = login_at(&client, &base, "sales@example.com", PASSWORD).await;
    let session_token = cookie.split('=').nth(1).unwrap().to_string();
    let get = |path: String| client.get(format!("{base}{path}")).header("cookie", &cookie).send();
    assert_eq!(get(format!("/inbox?q={LEAD_EMAIL}")).await.unwrap().status(), 200);
    assert_eq!(get(format!("/inbox/leads/{reference}")).await.unwrap().status(), 200);
    assert_eq!(get("/inbox/export.csv".into()).await.unwrap().status(), 200);
    assert_eq!(get("/inbox/dashboard".into()).await.unwrap().status(), 200);
    let note = client
        .post(format!("{base}/inbox/leads/{reference}"))
        .header("cookie", &cookie)
        .form(&[("action", "note"), ("note", "Call about MESSAGE-SECRET-4242")])
        .send()
        .await
        .unwrap();
    assert_eq!(note.status(), 303);
    let post = |path: &str, fields: Vec<(&'static str, String)>| {
        client.post(format!("{base}{path}")).header("cookie", &cookie).form(&fields).send()
    };

    // A private feed of the staff member's calls: made, then read as a calendar app would.
    let made = post("/inbox/account/feed", vec![]).await.unwrap().text().await.unwrap();
    let feed_secret = made.split("/calendar/").nth(1).unwrap().split(".ics").next().unwrap().to_string();
    assert_eq!(client.get(format!("{base}/calendar/{feed_secret}.ics")).send().await.unwrap().status(), 200);

    // A second factor: set up, then a login that takes a code.
    assert_eq!(post("/inbox/account/two-factor/start", vec![]).await.unwrap().status(), 303);
    let page = get("/inbox/account".into()).await.unwrap().text().await.unwrap();
    let secret = crate::inbox::two_factor::text_after(&page, "data-totp-secret");
    let app_side = Authenticator::from_base32(&secret, "AxiomTech", "sales@example.com").unwrap();
    let now = || std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs();
    let setup_code = app_side.code_at(now());
    let confirmed = post("/inbox/account/two-factor/confirm", vec![("code", setup_code.clone())]).await.unwrap();
    let recovery = crate::inbox::two_factor::recovery_codes(&confirmed.text().await.unwrap());
    assert_eq!(recovery.len(), 10);
    let password_step = client
        .post(format!("{base}/inbox/login"))
        .form(&[("email", "sales@example.com"), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    let challenge = password_step.headers()["set-cookie"].to_str().unwrap().split(';').next().unwrap().to_string();
    let login_code = app_side.code_at(now() + 30);
    let second = client
        .post(format!("{base}/inbox/login/code"))
        .header("cookie", &challenge)
        .form(&[("code", login_code.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(second.status(), 303);

    let out = client
        .post(format!("{base}/inbox/logout"))
        .header("cookie", &cookie)
        .form(&[("everywhere", "1")])
        .send()
        .await
        .unwrap();
    assert_eq!(out.status(), 303);

    server.terminate();
    tokio::time::sleep(Duration::from_millis(500)).await;
    let logs = server.output.lock().unwrap().clone();
    assert!(logs.contains("login attempt") && logs.contains("/inbox/leads/"), "the run was logged:\n{logs}");
    assert!(logs.contains("/book/…"), "the booking link's requests were logged, without their token");
    assert!(logs.contains("/calendar/…"), "the feed's requests were logged, without its secret");
    let hash = archguide::server::auth::session::token_hash(&session_token);
    for secret in [
        LEAD_EMAIL,
        "secret.lead.person",
        "MESSAGE-SECRET",
        "Confidential Person",
        "PASSWORD-SECRET",
        &session_token,
        &hash,
        &token,
        &booking_signature,
        &feed_secret,
        &secret,
        &secret.replace(' ', ""),
        &app_side.uri(),
        &format!("code={setup_code}"),
        &format!("code={login_code}"),
        &recovery[0],
        &recovery[0].replace('-', ""),
        challenge.split('=').nth(1).unwrap(),
        crate::inbox::two_factor::KEY,
    ] {
        assert!(!logs.contains(secret), "the logs contain {secret}");
    }
    println!("{} log lines checked", logs.lines().count());
}
