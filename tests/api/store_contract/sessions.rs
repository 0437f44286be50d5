//! Staff sessions on both databases.

use super::*;

/// Staff sessions: live while used, ended by idleness, age, a disabled account or "log out everywhere".
async fn sessions_behave(stores: &Stores) {
    let t0 = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
    let policy = SessionPolicy::default();
    assert!(stores
        .users
        .add_user(&email("sales@example.com"), Role::Sales, "$argon2id$placeholder", t0)
        .await
        .unwrap());
    assert!(
        !stores.users.add_user(&email("sales@example.com"), Role::Admin, "x", t0).await.unwrap(),
        "one account per email"
    );
    let user = stores.users.user_by_email(&email("sales@example.com")).await.unwrap().unwrap();

    let idle = token_hash("idle-token");
    stores.sessions.create_session(&idle, user.id, t0).await.unwrap();
    let seen = session_user(stores.sessions.as_ref(), &idle, t0 + Duration::minutes(10), &policy).await.unwrap();
    assert_eq!(seen.map(|u| u.email), Some(email("sales@example.com")));
    assert!(session_user(stores.sessions.as_ref(), &idle, t0 + Duration::minutes(41), &policy)
        .await
        .unwrap()
        .is_none());
    assert!(
        session_user(stores.sessions.as_ref(), &idle, t0 + Duration::minutes(11), &policy).await.unwrap().is_none(),
        "deleted"
    );

    let busy = token_hash("busy-token");
    stores.sessions.create_session(&busy, user.id, t0).await.unwrap();
    let mut now: DateTime<Utc> = t0;
    while now < t0 + Duration::hours(7) + Duration::minutes(40) {
        now += Duration::minutes(20);
        assert!(session_user(stores.sessions.as_ref(), &busy, now, &policy).await.unwrap().is_some(), "{now}");
    }
    assert!(session_user(stores.sessions.as_ref(), &busy, t0 + Duration::hours(8), &policy).await.unwrap().is_none());

    let a = token_hash("a");
    let b = token_hash("b");
    stores.sessions.create_session(&a, user.id, t0).await.unwrap();
    stores.sessions.create_session(&b, user.id, t0).await.unwrap();
    stores.sessions.delete_sessions_of(user.id).await.unwrap();
    assert!(session_user(stores.sessions.as_ref(), &a, t0, &policy).await.unwrap().is_none());
    assert!(session_user(stores.sessions.as_ref(), &b, t0, &policy).await.unwrap().is_none());

    let c = token_hash("c");
    stores.sessions.create_session(&c, user.id, t0).await.unwrap();
    assert!(stores.users.disable_user(&email("sales@example.com"), t0).await.unwrap());
    assert!(
        session_user(stores.sessions.as_ref(), &c, t0, &policy).await.unwrap().is_none(),
        "a disabled account has no session"
    );
}

on_both_databases!(sessions_behave: sessions_behave_on_sqlite, sessions_behave_on_postgres);

/// The second factor: a pending secret becomes the account's only if it is still the pending
/// one; a code's step is accepted once and only moving forwards; recovery codes work once; a
/// login challenge is found by its hash and old ones are swept; turning it off forgets it all.
async fn second_factor_behaves(stores: &Stores) {
    use archguide::server::store::two_factor::Enable;
    let t0 = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
    assert!(stores.users.add_user(&email("sales@example.com"), Role::Sales, "$argon2id$x", t0).await.unwrap());
    let user = stores.users.user_by_email(&email("sales@example.com")).await.unwrap().unwrap();
    assert!(!user.has_two_factor() && user.totp_pending.is_none());
    let two_factor = &stores.two_factor;
    assert!(!two_factor.accept_totp_step(user.id, 10).await.unwrap(), "no second factor, no code");

    two_factor.set_pending_totp(user.id, "v1.first").await.unwrap();
    two_factor.set_pending_totp(user.id, "v1.second").await.unwrap();
    let keep = token_hash("keep");
    let other = token_hash("other");
    stores.sessions.create_session(&keep, user.id, t0).await.unwrap();
    stores.sessions.create_session(&other, user.id, t0).await.unwrap();
    let hashes: Vec<String> = (0..10).map(|i| token_hash(&format!("code-{i}"))).collect();
    let enable = |sealed: &'static str| Enable {
        user_id: user.id,
        sealed_secret: sealed,
        step: 100,
        recovery_hashes: &hashes,
        keep_session: Some(&keep),
        at: t0,
    };
    assert!(!two_factor.enable_totp(enable("v1.first")).await.unwrap(), "replaced meanwhile");
    assert!(two_factor.enable_totp(enable("v1.second")).await.unwrap());
    let user = stores.users.user_by_email(&email("sales@example.com")).await.unwrap().unwrap();
    assert_eq!(user.totp_secret.as_deref(), Some("v1.second"));
    assert!(user.totp_pending.is_none() && user.two_factor_since == Some(t0));
    let policy = SessionPolicy::default();
    assert!(session_user(stores.sessions.as_ref(), &keep, t0, &policy).await.unwrap().is_some());
    assert!(session_user(stores.sessions.as_ref(), &other, t0, &policy).await.unwrap().is_none(), "others end");

    assert!(!two_factor.accept_totp_step(user.id, 100).await.unwrap(), "the confirming code is used");
    assert!(two_factor.accept_totp_step(user.id, 101).await.unwrap());
    assert!(!two_factor.accept_totp_step(user.id, 101).await.unwrap(), "once");
    assert!(!two_factor.accept_totp_step(user.id, 99).await.unwrap(), "never backwards");

    assert_eq!(two_factor.recovery_codes_left(user.id).await.unwrap(), 10);
    assert!(two_factor.use_recovery_code(user.id, &hashes[3], t0).await.unwrap());
    assert!(!two_factor.use_recovery_code(user.id, &hashes[3], t0).await.unwrap(), "once");
    assert!(!two_factor.use_recovery_code(user.id, &token_hash("made up"), t0).await.unwrap());
    assert_eq!(two_factor.recovery_codes_left(user.id).await.unwrap(), 9);
    two_factor.replace_recovery_codes(user.id, &hashes[..2]).await.unwrap();
    assert_eq!(two_factor.recovery_codes_left(user.id).await.unwrap(), 2);

    let old = token_hash("old challenge");
    let new = token_hash("new challenge");
    two_factor.create_challenge(&old, user.id, "/inbox", t0, t0 - Duration::minutes(5)).await.unwrap();
    let later = t0 + Duration::minutes(6);
    two_factor.create_challenge(&new, user.id, "/inbox/dashboard", later, later - Duration::minutes(5)).await.unwrap();
    assert!(two_factor.challenge(&old).await.unwrap().is_none(), "swept");
    let found = two_factor.challenge(&new).await.unwrap().unwrap();
    assert_eq!((found.next.as_str(), found.created_at, found.user.id), ("/inbox/dashboard", later, user.id));
    two_factor.delete_challenge(&new).await.unwrap();
    assert!(two_factor.challenge(&new).await.unwrap().is_none());

    let attempt = LoginAttempt {
        at: t0,
        account_key: token_hash("sales@example.com"),
        user_id: Some(user.id),
        ip: "192.0.2.1".into(),
        outcome: LoginOutcome::WrongCode,
    };
    stores.logins.record_login(&attempt).await.unwrap();
    for outcome in [LoginOutcome::CodeAsked, LoginOutcome::RecoveryCode] {
        stores.logins.record_login(&LoginAttempt { outcome, ..attempt.clone() }).await.unwrap();
    }
    let failures = stores.logins.login_failures(&attempt.account_key, "192.0.2.1", t0).await.unwrap();
    assert_eq!(failures.account_from_ip, 1, "a wrong code is a failure; asking for one is not");

    two_factor.create_challenge(&new, user.id, "/inbox", later, later).await.unwrap();
    assert!(two_factor.disable_totp(user.id).await.unwrap());
    let user = stores.users.user_by_email(&email("sales@example.com")).await.unwrap().unwrap();
    assert!(!user.has_two_factor() && user.two_factor_since.is_none());
    assert_eq!(two_factor.recovery_codes_left(user.id).await.unwrap(), 0);
    assert!(two_factor.challenge(&new).await.unwrap().is_none());
}

on_both_databases!(second_factor_behaves: second_factor_behaves_on_sqlite, second_factor_behaves_on_postgres);
