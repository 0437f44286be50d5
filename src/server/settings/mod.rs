//! Settings from environment variables, each with a documented default.
//!
//! Parsing happens once at start-up; a bad value stops the process with a one-line error that
//! names the variable, before anything listens.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use crate::brand::{parse_hex_colour, Brand};
use crate::domain::leads::promise::ReplyPromise;
use crate::domain::leads::retention::Retention;
use crate::domain::period::Period;

use crate::server::auth::sealing::SecretKey;

mod env;
mod ip_block;
pub mod mailbox;
mod meeting;
mod notify;

use crate::server::store::database::DatabaseUrl;
use env::Env;
pub use env::SettingsError;
pub use ip_block::IpBlock;
pub use mailbox::MailboxSettings;
pub use meeting::{MeetingSettings, LINK_REFERENCE};
pub use notify::{EmailSettings, WebhookSettings};

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
    pub trusted_proxies: Vec<IpBlock>,
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
    /// How often an instance looks for a newly published model.
    pub model_poll: Period,
    /// How far back a check of a draft model replays the stored guide results.
    pub replay_days: Period,
    /// A price book section read longer ago than this is flagged on the dashboard.
    pub prices_max_age: Period,
    /// The key that seals staff accounts' second-factor secrets (`ARCHGUIDE_SECRET_KEY`); without
    /// it nobody can turn the second factor on.
    pub secret_key: Option<SecretKey>,
    /// Whether every staff account must have a second factor before it sees any lead
    /// (`ARCHGUIDE_REQUIRE_2FA`).
    pub require_two_factor: bool,
    /// Calls visitors book (`ARCHGUIDE_MEETING_*`).
    pub meetings: MeetingSettings,
    /// The shared mailbox answers come back to, if one is set up.
    pub mailbox: Option<MailboxSettings>,
}

/// How log lines look: plain for people at a terminal, JSON for log collectors.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogFormat {
    Plain,
    Json,
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
                crate::server::store::database::DEFAULT_POOL_SIZE,
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
                v.split(',').filter(|s| !s.trim().is_empty()).map(IpBlock::parse).collect()
            })?,
            webhook: notify::webhook(&env)?,
            email: notify::email(&env)?,
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
            model_poll: env.period("ARCHGUIDE_MODEL_POLL", Period::seconds(2))?,
            replay_days: env.period("ARCHGUIDE_REPLAY_DAYS", Period::days(90))?,
            prices_max_age: env.period("ARCHGUIDE_PRICES_MAX_AGE", Period::days(180))?,
            secret_key,
            require_two_factor,
            meetings: meeting::meetings(&env)?,
            mailbox: mailbox::mailbox(&env)?,
        })
    }
}

impl Settings {
    /// The host the site names in the `Message-ID`s of what it sends (the public URL's).
    pub fn message_host(&self) -> String {
        self.public_url
            .split("://")
            .nth(1)
            .and_then(|rest| rest.split([':', '/']).next())
            .filter(|host| !host.is_empty())
            .unwrap_or("archguide.invalid")
            .to_string()
    }

    /// What the site promises a person who asks to talk, and when staff are warned.
    pub fn reply_promise(&self) -> ReplyPromise {
        ReplyPromise { within: self.brand.reply_within, warn_before: self.reply_warn_before }
    }

    /// Whether files decide the model (`ARCHGUIDE_MODEL_FILE` or `ARCHGUIDE_PRICES_FILE`):
    /// then nothing published in the browser is used.
    pub fn model_from_files(&self) -> bool {
        self.model_file.is_some() || self.prices_file.is_some()
    }

    /// The recommendation engine: the shipped model and prices, or the files that replace them.
    pub fn engine(&self) -> Result<crate::domain::guide::engine::Engine, SettingsError> {
        use crate::domain::guide::cost::PriceBook;
        use crate::domain::guide::engine::{model::Model, Engine};
        let locales = crate::i18n::locales::locales();
        let read = |name: &'static str, path: &PathBuf| {
            std::fs::read_to_string(path)
                .map_err(|e| SettingsError::new(name, format!("cannot read {}: {e}", path.display())))
        };
        let model = match &self.model_file {
            Some(path) => {
                let model = Model::from_toml(&read("ARCHGUIDE_MODEL_FILE", path)?)
                    .map_err(|e| SettingsError::new("ARCHGUIDE_MODEL_FILE", e))?;
                // A rule the translation files have no words for could not be explained.
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
        // The published cases are shipped with their words; a language without them is a
        // build that must not start.
        let cases = crate::domain::guide::cases::Cases::default_cases();
        for language in locales.languages() {
            if let Some(key) = cases.messages().into_iter().find(|key| !locales.has(language.lang, key)) {
                panic!("the message '{key}' is not in locales/{}/cases.ftl", language.lang.code());
            }
        }
        Ok(Engine { model, prices, cases })
    }
}

#[cfg(test)]
mod tests;
