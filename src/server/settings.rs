//! Settings from environment variables, each with a documented default.
//!
//! Parsing happens once at start-up; a bad value stops the process with a one-line error that
//! names the variable, before anything listens.

use std::fmt::Display;
use std::net::SocketAddr;
use std::ops::RangeInclusive;
use std::path::PathBuf;
use std::str::FromStr;
use std::time::Duration;

use crate::brand::{parse_hex_colour, Brand};
use crate::domain::period::Period;
use crate::domain::promise::ReplyPromise;
use crate::domain::retention::Retention;

use super::auth::sealing::SecretKey;
use super::database::DatabaseUrl;

/// Everything the server needs to start, read from the environment.
#[derive(Clone, Debug)]
pub struct Settings {
    pub database_url: DatabaseUrl,
    /// Connections each instance keeps to PostgreSQL at most.
    pub db_pool_size: u32,
    pub site_addr: SocketAddr,
    pub site_root: PathBuf,
    pub production: bool,
    pub log_filter: String,
    pub log_format: LogFormat,
    pub shutdown_grace: Duration,
    /// Scheme and host visitors use; derived from the listening address unless configured.
    pub public_url: String,
    /// Whether `public_url` was configured (otherwise it follows the port actually bound).
    pub public_url_configured: bool,
    /// `Strict-Transport-Security` max-age in seconds; 0 sends no such header.
    pub hsts_max_age: u64,
    /// Requests handled at once; more are answered 503 at once instead of queueing.
    pub max_concurrent_requests: usize,
    pub brand: Brand,
    /// How long before a lead is due its reminder goes out (and the inbox flags it).
    pub reply_warn_before: Period,
    /// Posts faster than this after the form was shown are held as suspected spam (0: off).
    pub min_fill_seconds: u64,
    /// Contact form submissions allowed per client address and hour (0: no limit).
    pub contact_rate_limit: u32,
    /// Proxies whose `X-Forwarded-For` is believed; empty means the socket's peer is the client.
    pub trusted_proxies: Vec<super::client_ip::IpBlock>,
    pub webhook: Option<WebhookSettings>,
    pub email: Option<EmailSettings>,
    /// How often the notification worker looks for due messages when nothing wakes it.
    pub outbox_poll: Duration,
    /// How often an instance looks for inbox changes while an inbox page is open on it.
    pub inbox_poll: Period,
    /// How long leads, spam and login attempts are kept (the privacy notice says the same).
    pub retention: Retention,
    /// How often the retention job runs (and once at start-up).
    pub retention_every: Period,
    /// Where `/metrics` is served on a listener of its own (then not on the main one).
    pub metrics_addr: Option<SocketAddr>,
    /// How long a claimed notification belongs to one worker before another may take it over.
    pub outbox_lease: Duration,
    /// The first retry delay of a failed notification; it doubles with every attempt, up to an hour.
    pub outbox_retry_base: Duration,
    /// A replacement for the shipped recommendation model, if any.
    pub model_file: Option<PathBuf>,
    /// A replacement for the shipped price table, if any.
    pub prices_file: Option<PathBuf>,
    /// The key that seals staff accounts' second-factor secrets (`ARCHGUIDE_SECRET_KEY`); without
    /// it nobody can turn the second factor on.
    pub secret_key: Option<SecretKey>,
    /// Whether every staff account must have a second factor before it sees any lead
    /// (`ARCHGUIDE_REQUIRE_2FA`).
    pub require_two_factor: bool,
}

/// Where new-lead notifications go by webhook (a JSON POST signed with HMAC-SHA256).
#[derive(Clone)]
pub struct WebhookSettings {
    pub url: String,
    pub secret: String,
}

/// Where new-lead notifications go by email.
#[derive(Clone)]
pub struct EmailSettings {
    /// `smtp://user:password@host:587` (STARTTLS) or `smtps://…:465`; may hold a password.
    pub smtp_url: String,
    pub from: String,
    pub to: String,
    /// Where replies to leads come from (`ARCHGUIDE_REPLY_FROM`, else `from`).
    pub reply_from: String,
}

// Both hold secrets: their Debug output names only what is safe to log.
impl std::fmt::Debug for WebhookSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Chat webhooks carry their secret in the path: show the host only.
        let host = self.url.split("://").nth(1).and_then(|rest| rest.split('/').next()).unwrap_or_default();
        write!(f, "WebhookSettings {{ host: {host}, url and secret: … }}")
    }
}

impl std::fmt::Debug for EmailSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "EmailSettings {{ smtp_url: …, from: {}, to: {}, reply_from: {} }}",
            self.from, self.to, self.reply_from
        )
    }
}

/// How log lines look: plain for people at a terminal, JSON for log collectors.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogFormat {
    Plain,
    Json,
}

/// A setting that could not be used; the message names the variable.
#[derive(Debug, thiserror::Error)]
#[error("{name}: {message}")]
pub struct SettingsError {
    pub name: &'static str,
    pub message: String,
}

impl SettingsError {
    fn new(name: &'static str, message: impl Into<String>) -> Self {
        Self { name, message: message.into() }
    }
}

/// Reads variables through a lookup, one small parser per kind of value, so that each
/// variable's name is written once, beside its default, and every error names it.
struct Env<F> {
    lookup: F,
}

impl<F: Fn(&str) -> Option<String>> Env<F> {
    /// The value as set, if the variable is set and not blank (secrets and addresses are taken
    /// exactly as given).
    fn raw(&self, name: &str) -> Option<String> {
        (self.lookup)(name).filter(|v| !v.trim().is_empty())
    }

    /// The trimmed value, if the variable is set and not blank.
    fn get(&self, name: &str) -> Option<String> {
        self.raw(name).map(|v| v.trim().to_string())
    }

    fn text(&self, name: &str, default: &str) -> String {
        self.get(name).unwrap_or_else(|| default.to_string())
    }

    /// The value read by `parse` (the default when unset), or the problem `parse` found.
    fn read<T>(
        &self,
        name: &'static str,
        default: &str,
        parse: impl FnOnce(&str) -> Result<T, String>,
    ) -> Result<T, SettingsError> {
        parse(&self.text(name, default)).map_err(|message| SettingsError::new(name, message))
    }

    /// Like `read`, for a parser that only says no; `expected` says what would do.
    fn parsed<T>(
        &self,
        name: &'static str,
        default: &str,
        expected: &str,
        parse: impl FnOnce(&str) -> Option<T>,
    ) -> Result<T, SettingsError> {
        self.read(name, default, |v| parse(v).ok_or_else(|| format!("expected {expected}")))
    }

    /// A whole number within `range`.
    fn number<T>(
        &self,
        name: &'static str,
        default: T,
        range: RangeInclusive<T>,
        what: &str,
    ) -> Result<T, SettingsError>
    where
        T: FromStr + PartialOrd + Display,
    {
        let expected = format!("{what}, {}-{}", range.start(), range.end());
        self.parsed(name, &default.to_string(), &expected, |v| v.parse().ok().filter(|n| range.contains(n)))
    }

    fn seconds(&self, name: &'static str, default: u64, range: RangeInclusive<u64>) -> Result<Duration, SettingsError> {
        self.number(name, default, range, "whole seconds").map(Duration::from_secs)
    }

    fn millis(&self, name: &'static str, default: u64) -> Result<Duration, SettingsError> {
        self.number(name, default, 0..=u64::MAX, "milliseconds").map(Duration::from_millis)
    }

    /// One of a few words (any case).
    fn choice<T: Copy>(&self, name: &'static str, default: &str, options: &[(&str, T)]) -> Result<T, SettingsError> {
        let words: Vec<&str> = options.iter().map(|(word, _)| *word).collect();
        self.parsed(name, default, &format!("one of {}", words.join(", ")), |v| {
            options.iter().find(|(word, _)| word.eq_ignore_ascii_case(v)).map(|(_, value)| *value)
        })
    }

    fn url(&self, name: &'static str, default: &str) -> Result<String, SettingsError> {
        self.parsed(name, default, "an http:// or https:// URL", |v| {
            (v.starts_with("http://") || v.starts_with("https://")).then(|| v.trim_end_matches('/').to_string())
        })
    }

    /// A length of time written like `24h`, `90m`, `45s`.
    fn period(&self, name: &'static str, default: Period) -> Result<Period, SettingsError> {
        self.read(name, &default.setting(), Period::parse)
    }

    fn path(&self, name: &str) -> Option<PathBuf> {
        self.get(name).map(PathBuf::from)
    }
}

impl Settings {
    /// Reads the settings from the process environment.
    pub fn from_env() -> Result<Self, SettingsError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads the settings through `lookup`, so tests can pass their own environment.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, SettingsError> {
        let env = Env { lookup };
        let database_url = env.read("DATABASE_URL", "sqlite://data/archguide.db", DatabaseUrl::parse)?;
        let site_addr: SocketAddr =
            env.parsed("LEPTOS_SITE_ADDR", "127.0.0.1:3000", "an address like 127.0.0.1:3000", |v| v.parse().ok())?;
        let public_url = env.url("ARCHGUIDE_PUBLIC_URL", &format!("http://{site_addr}"))?;
        let default_brand = Brand::default();
        let brand = Brand {
            name: env.text("ARCHGUIDE_BRAND_NAME", &default_brand.name),
            tagline: env.get("ARCHGUIDE_BRAND_TAGLINE"),
            accent: env.parsed(
                "ARCHGUIDE_BRAND_ACCENT",
                &default_brand.accent,
                "a colour written as #rrggbb",
                |v| parse_hex_colour(v).map(|_| v.to_string()),
            )?,
            reply_within: env.period("ARCHGUIDE_REPLY_WITHIN", default_brand.reply_within)?,
        };
        let secret_key = match env.raw("ARCHGUIDE_SECRET_KEY") {
            None => None,
            Some(text) => {
                Some(SecretKey::parse(&text).map_err(|message| SettingsError::new("ARCHGUIDE_SECRET_KEY", message))?)
            }
        };
        let require_two_factor = env.choice(
            "ARCHGUIDE_REQUIRE_2FA",
            "false",
            &[("false", false), ("true", true), ("0", false), ("1", true), ("no", false), ("yes", true)],
        )?;
        if require_two_factor && secret_key.is_none() {
            return Err(SettingsError::new(
                "ARCHGUIDE_SECRET_KEY",
                "needed (`openssl rand -base64 32`) when ARCHGUIDE_REQUIRE_2FA is true: it seals the second factor's secrets",
            ));
        }
        Ok(Self {
            database_url,
            db_pool_size: env.number(
                "ARCHGUIDE_DB_POOL_SIZE",
                super::database::DEFAULT_POOL_SIZE,
                1..=1000,
                "a number of connections",
            )?,
            site_addr,
            site_root: env.path("LEPTOS_SITE_ROOT").unwrap_or_else(|| PathBuf::from("target/site")),
            production: env.choice(
                "LEPTOS_ENV",
                "DEV",
                &[("dev", false), ("development", false), ("prod", true), ("production", true)],
            )?,
            log_filter: env.get("ARCHGUIDE_LOG").or_else(|| env.get("RUST_LOG")).unwrap_or_else(|| "info".into()),
            log_format: env.choice(
                "ARCHGUIDE_LOG_FORMAT",
                "plain",
                &[("plain", LogFormat::Plain), ("json", LogFormat::Json)],
            )?,
            shutdown_grace: env.seconds("ARCHGUIDE_SHUTDOWN_GRACE_SECONDS", 8, 1..=3600)?,
            public_url_configured: env.get("ARCHGUIDE_PUBLIC_URL").is_some(),
            // A site served over HTTPS tells browsers to stay on HTTPS for a year by default.
            hsts_max_age: env.number(
                "ARCHGUIDE_HSTS_MAX_AGE",
                if public_url.starts_with("https://") { 31_536_000 } else { 0 },
                0..=u64::MAX,
                "whole seconds (0: no header)",
            )?,
            public_url,
            max_concurrent_requests: env.number(
                "ARCHGUIDE_MAX_CONCURRENT_REQUESTS",
                512,
                1..=usize::MAX,
                "a number of requests",
            )?,
            brand,
            reply_warn_before: env.period("ARCHGUIDE_REMINDER_BEFORE", ReplyPromise::default().warn_before)?,
            min_fill_seconds: env.number("ARCHGUIDE_MIN_FILL_SECONDS", 3, 0..=3600, "whole seconds")?,
            contact_rate_limit: env.number(
                "ARCHGUIDE_CONTACT_RATE_LIMIT",
                10,
                0..=u32::MAX,
                "a whole number of submissions per hour",
            )?,
            trusted_proxies: env.read("ARCHGUIDE_TRUSTED_PROXIES", "", |v| {
                v.split(',').filter(|s| !s.trim().is_empty()).map(super::client_ip::IpBlock::parse).collect()
            })?,
            webhook: webhook(&env)?,
            email: email(&env)?,
            outbox_poll: env.millis("ARCHGUIDE_OUTBOX_POLL_MS", 2000)?,
            inbox_poll: env.period("ARCHGUIDE_INBOX_POLL", Period::seconds(2))?,
            retention: Retention {
                leads: env.period("ARCHGUIDE_LEAD_RETENTION", Retention::default().leads)?,
                spam: env.period("ARCHGUIDE_SPAM_RETENTION", Retention::default().spam)?,
                ..Retention::default()
            },
            retention_every: env.period("ARCHGUIDE_RETENTION_INTERVAL", Period::hours(1))?,
            metrics_addr: match env.get("ARCHGUIDE_METRICS_ADDR") {
                None => None,
                Some(_) => Some(
                    env.parsed("ARCHGUIDE_METRICS_ADDR", "", "an address like 127.0.0.1:9464", |v| v.parse().ok())?,
                ),
            },
            outbox_lease: env.seconds("ARCHGUIDE_OUTBOX_LEASE_SECONDS", 60, 1..=u64::MAX)?,
            outbox_retry_base: env.millis("ARCHGUIDE_OUTBOX_RETRY_MS", 5000)?,
            model_file: env.path("ARCHGUIDE_MODEL_FILE"),
            prices_file: env.path("ARCHGUIDE_PRICES_FILE"),
            secret_key,
            require_two_factor,
        })
    }
}

/// Webhook notifications: off without a URL; a URL needs its signing secret.
fn webhook(env: &Env<impl Fn(&str) -> Option<String>>) -> Result<Option<WebhookSettings>, SettingsError> {
    let Some(url) = env.raw("ARCHGUIDE_WEBHOOK_URL") else { return Ok(None) };
    if !(url.starts_with("http://") || url.starts_with("https://")) {
        return Err(SettingsError::new("ARCHGUIDE_WEBHOOK_URL", "expected an http:// or https:// URL"));
    }
    let secret = env.raw("ARCHGUIDE_WEBHOOK_SECRET").ok_or_else(|| {
        SettingsError::new("ARCHGUIDE_WEBHOOK_SECRET", "needed to sign webhooks when ARCHGUIDE_WEBHOOK_URL is set")
    })?;
    Ok(Some(WebhookSettings { url, secret }))
}

/// Email notifications: off without an SMTP server; a server needs a recipient.
fn email(env: &Env<impl Fn(&str) -> Option<String>>) -> Result<Option<EmailSettings>, SettingsError> {
    let Some(smtp_url) = env.raw("ARCHGUIDE_SMTP_URL") else { return Ok(None) };
    let address = |name| env.raw(name).filter(|v| v.contains('@'));
    let to = address("ARCHGUIDE_NOTIFY_EMAIL_TO").ok_or_else(|| {
        SettingsError::new("ARCHGUIDE_NOTIFY_EMAIL_TO", "needed (an email address) when ARCHGUIDE_SMTP_URL is set")
    })?;
    let from = address("ARCHGUIDE_NOTIFY_EMAIL_FROM").unwrap_or_else(|| to.clone());
    let reply_from = address("ARCHGUIDE_REPLY_FROM").unwrap_or_else(|| from.clone());
    Ok(Some(EmailSettings { smtp_url, from, to, reply_from }))
}

impl Settings {
    /// What the site promises a person who asks to talk, and when staff are warned.
    pub fn reply_promise(&self) -> ReplyPromise {
        ReplyPromise { within: self.brand.reply_within, warn_before: self.reply_warn_before }
    }

    /// The recommendation engine: the shipped model and prices, or the files that replace them.
    pub fn engine(&self) -> Result<crate::domain::engine::Engine, SettingsError> {
        use crate::domain::cost::PriceBook;
        use crate::domain::engine::{model::Model, Engine};
        let read = |name: &'static str, path: &PathBuf| {
            std::fs::read_to_string(path)
                .map_err(|e| SettingsError::new(name, format!("cannot read {}: {e}", path.display())))
        };
        let model = match &self.model_file {
            Some(path) => {
                let model = Model::from_toml(&read("ARCHGUIDE_MODEL_FILE", path)?)
                    .map_err(|e| SettingsError::new("ARCHGUIDE_MODEL_FILE", e))?;
                // A rule the translation files have no words for could not be explained.
                let locales = super::locales::locales();
                for language in locales.languages() {
                    if let Some(key) = model.messages().into_iter().find(|key| !locales.has(language.lang, key)) {
                        let problem = format!(
                            "the message '{key}' is not in the {} translation files (locales/{}/model.ftl)",
                            language.name,
                            language.lang.code()
                        );
                        return Err(SettingsError::new("ARCHGUIDE_MODEL_FILE", problem));
                    }
                }
                model
            }
            None => Model::default_model(),
        };
        let prices = match &self.prices_file {
            Some(path) => PriceBook::from_toml(&read("ARCHGUIDE_PRICES_FILE", path)?)
                .map_err(|e| SettingsError::new("ARCHGUIDE_PRICES_FILE", e))?,
            None => PriceBook::default_book(),
        };
        Ok(Engine { model, prices })
    }
}

#[cfg(test)]
mod tests;
