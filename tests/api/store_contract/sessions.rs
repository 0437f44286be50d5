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
