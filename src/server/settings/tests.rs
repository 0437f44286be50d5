use super::*;
use std::collections::HashMap;

fn settings(pairs: &[(&str, &str)]) -> Result<Settings, SettingsError> {
    let env: HashMap<String, String> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    Settings::from_lookup(|k| env.get(k).cloned())
}

#[test]
fn defaults_need_no_environment_at_all() {
    let s = settings(&[]).unwrap();
    assert_eq!(s.site_addr.to_string(), "127.0.0.1:3000");
    assert_eq!(s.database_url, DatabaseUrl::Sqlite(PathBuf::from("data/archguide.db")));
    assert_eq!(s.log_format, LogFormat::Plain);
    assert_eq!(s.public_url, "http://127.0.0.1:3000");
    assert_eq!(s.brand, Brand::default());
    assert!(!s.production);
    assert_eq!(s.reply_promise(), ReplyPromise { within: Period::hours(24), warn_before: Period::hours(4) });
}

#[test]
fn the_reply_promise_and_its_warning_read_like_people_write_them() {
    let s = settings(&[("ARCHGUIDE_REPLY_WITHIN", "40s"), ("ARCHGUIDE_REMINDER_BEFORE", "30s")]).unwrap();
    assert_eq!(s.reply_promise(), ReplyPromise { within: Period::seconds(40), warn_before: Period::seconds(30) });
    assert_eq!(s.brand.reply_within.words(), "40 seconds");
}

#[test]
fn every_bad_value_names_its_variable() {
    for (name, value) in [
        ("DATABASE_URL", "mysql://localhost/x"),
        ("LEPTOS_SITE_ADDR", "localhost"),
        ("LEPTOS_ENV", "staging"),
        ("ARCHGUIDE_LOG_FORMAT", "xml"),
        ("ARCHGUIDE_SHUTDOWN_GRACE_SECONDS", "0"),
        ("ARCHGUIDE_PUBLIC_URL", "example.com"),
        ("ARCHGUIDE_BRAND_ACCENT", "red;}body{display:none"),
        ("ARCHGUIDE_MIN_FILL_SECONDS", "soon"),
        ("ARCHGUIDE_CONTACT_RATE_LIMIT", "-1"),
        ("ARCHGUIDE_TRUSTED_PROXIES", "10.0.0.0/8,proxy.local"),
        ("ARCHGUIDE_WEBHOOK_URL", "hooks.example.com"),
        ("ARCHGUIDE_OUTBOX_POLL_MS", "often"),
        ("ARCHGUIDE_REPLY_WITHIN", "24"),
        ("ARCHGUIDE_REPLY_WITHIN", "0s"),
        ("ARCHGUIDE_REMINDER_BEFORE", "soon"),
        ("ARCHGUIDE_MEETING_LENGTH", "30"),
        ("ARCHGUIDE_MEETING_LENGTH", "9h"),
        ("ARCHGUIDE_MEETING_BUFFER", "a bit"),
        ("ARCHGUIDE_MEETING_NOTICE", "0s"),
        ("ARCHGUIDE_MEETING_HORIZON", "400d"),
        ("ARCHGUIDE_MEETINGS_PER_DAY", "0"),
        ("ARCHGUIDE_MEETING_LINK", "meet.example.com/{ref}"),
    ] {
        let err = settings(&[(name, value)]).unwrap_err();
        assert_eq!(err.name, name, "{value}");
        assert!(err.to_string().starts_with(name));
    }
}

#[test]
fn a_webhook_needs_its_secret_and_email_needs_a_recipient() {
    let err = settings(&[("ARCHGUIDE_WEBHOOK_URL", "https://hooks.example.com/x")]).unwrap_err();
    assert_eq!(err.name, "ARCHGUIDE_WEBHOOK_SECRET");
    let err = settings(&[("ARCHGUIDE_SMTP_URL", "smtp://mail.example.com")]).unwrap_err();
    assert_eq!(err.name, "ARCHGUIDE_NOTIFY_EMAIL_TO");
    let s = settings(&[
        ("ARCHGUIDE_SMTP_URL", "smtp://user:hunter2@mail.example.com:587"),
        ("ARCHGUIDE_NOTIFY_EMAIL_TO", "sales@example.com"),
        ("ARCHGUIDE_WEBHOOK_URL", "https://hooks.example.com/services/T0/B0/pathsecret"),
        ("ARCHGUIDE_WEBHOOK_SECRET", "s3cret-value"),
    ])
    .unwrap();
    let shown = format!("{s:?}");
    for secret in ["hunter2", "s3cret-value", "pathsecret"] {
        assert!(!shown.contains(secret), "{shown}");
    }
    assert!(shown.contains("hooks.example.com"));
}

#[test]
fn brand_and_public_url_come_from_the_environment() {
    let s = settings(&[
        ("ARCHGUIDE_BRAND_NAME", "Acme Consulting"),
        ("ARCHGUIDE_BRAND_ACCENT", "#123456"),
        ("ARCHGUIDE_PUBLIC_URL", "https://acme.example/"),
        ("LEPTOS_ENV", "PROD"),
    ])
    .unwrap();
    assert_eq!(s.brand.name, "Acme Consulting");
    assert_eq!(s.brand.accent, "#123456");
    assert_eq!(s.public_url, "https://acme.example");
    assert!(s.production);
}

#[test]
fn the_second_factor_policy_needs_the_key_that_seals_its_secrets() {
    let s = settings(&[]).unwrap();
    assert!(s.secret_key.is_none() && !s.require_two_factor);
    let err = settings(&[("ARCHGUIDE_REQUIRE_2FA", "true")]).unwrap_err();
    assert_eq!(err.name, "ARCHGUIDE_SECRET_KEY");
    let key = "uP/0ua1cEC5FvzxyhtBZhNFps5nD3oVkPNfaUp092p8=";
    let err = settings(&[("ARCHGUIDE_SECRET_KEY", "too-short-to-be-a-key")]).unwrap_err();
    assert_eq!(err.name, "ARCHGUIDE_SECRET_KEY");
    assert!(!err.to_string().contains("too-short"), "{err}");
    let s = settings(&[("ARCHGUIDE_SECRET_KEY", key), ("ARCHGUIDE_REQUIRE_2FA", "true")]).unwrap();
    assert!(s.require_two_factor && s.secret_key.is_some());
    assert!(!format!("{s:?}").contains(key), "the key is never printed");
    assert_eq!(settings(&[("ARCHGUIDE_REQUIRE_2FA", "maybe")]).unwrap_err().name, "ARCHGUIDE_REQUIRE_2FA");
}

#[test]
fn calls_last_half_an_hour_with_a_quarter_between_unless_set_otherwise() {
    let defaults = settings(&[]).unwrap().meetings;
    assert_eq!(defaults.rules, crate::domain::booking::MeetingRules::default());
    assert_eq!(defaults.rules.length, Period::seconds(1800));
    assert_eq!(defaults.default_link, None);
    let set = settings(&[
        ("ARCHGUIDE_MEETING_LENGTH", "45m"),
        ("ARCHGUIDE_MEETING_BUFFER", "0"),
        ("ARCHGUIDE_MEETING_NOTICE", "1d"),
        ("ARCHGUIDE_MEETING_HORIZON", "30d"),
        ("ARCHGUIDE_MEETINGS_PER_DAY", "3"),
        ("ARCHGUIDE_MEETING_LINK", "https://meet.example.com/{ref}"),
    ])
    .unwrap()
    .meetings;
    assert_eq!(set.rules.length, Period::seconds(2700));
    assert_eq!(set.rules.buffer, Period::seconds(0));
    assert_eq!((set.rules.notice, set.rules.horizon, set.rules.per_day), (Period::days(1), Period::days(30), 3));
    assert_eq!(set.default_link.as_deref(), Some("https://meet.example.com/{ref}"));
}
