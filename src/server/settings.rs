//! Settings from environment variables, each with a documented default.
//!
//! Parsing happens once at start-up; a bad value stops the process with a one-line error that
//! names the variable, before anything listens.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use crate::brand::{parse_hex_colour, Brand};

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
    /// How long a claimed notification belongs to one worker before another may take it over.
    pub outbox_lease: Duration,
    /// The first retry delay of a failed notification; it doubles with every attempt, up to an hour.
    pub outbox_retry_base: Duration,
    /// A replacement for the shipped recommendation model, if any.
    pub model_file: Option<PathBuf>,
    /// A replacement for the shipped price table, if any.
    pub prices_file: Option<PathBuf>,
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
        write!(f, "EmailSettings {{ smtp_url: …, from: {}, to: {} }}", self.from, self.to)
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

impl Settings {
    /// Reads the settings from the process environment.
    pub fn from_env() -> Result<Self, SettingsError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads the settings through `lookup`, so tests can pass their own environment.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, SettingsError> {
        let get = |name: &'static str, default: &str| {
            lookup(name).map(|v| v.trim().to_string()).filter(|v| !v.is_empty()).unwrap_or_else(|| default.to_string())
        };

        let database_url = DatabaseUrl::parse(&get("DATABASE_URL", "sqlite://data/archguide.db"))
            .map_err(|e| SettingsError::new("DATABASE_URL", e))?;
        let site_addr = get("LEPTOS_SITE_ADDR", "127.0.0.1:3000")
            .parse()
            .map_err(|_| SettingsError::new("LEPTOS_SITE_ADDR", "expected an address like 127.0.0.1:3000"))?;
        let production = match get("LEPTOS_ENV", "DEV").to_ascii_lowercase().as_str() {
            "prod" | "production" => true,
            "dev" | "development" => false,
            other => return Err(SettingsError::new("LEPTOS_ENV", format!("'{other}' is neither DEV nor PROD"))),
        };
        let log_format = match get("ARCHGUIDE_LOG_FORMAT", "plain").as_str() {
            "plain" => LogFormat::Plain,
            "json" => LogFormat::Json,
            other => {
                return Err(SettingsError::new("ARCHGUIDE_LOG_FORMAT", format!("'{other}' is neither plain nor json")))
            }
        };
        let shutdown_grace = get("ARCHGUIDE_SHUTDOWN_GRACE_SECONDS", "8")
            .parse::<u64>()
            .ok()
            .filter(|s| (1..=3600).contains(s))
            .map(Duration::from_secs)
            .ok_or_else(|| SettingsError::new("ARCHGUIDE_SHUTDOWN_GRACE_SECONDS", "expected whole seconds, 1-3600"))?;
        let public_url = get("ARCHGUIDE_PUBLIC_URL", &format!("http://{site_addr}"));
        if !(public_url.starts_with("http://") || public_url.starts_with("https://")) {
            return Err(SettingsError::new("ARCHGUIDE_PUBLIC_URL", "expected an http:// or https:// URL"));
        }
        let default_brand = Brand::default();
        let brand = Brand {
            name: get("ARCHGUIDE_BRAND_NAME", &default_brand.name),
            tagline: get("ARCHGUIDE_BRAND_TAGLINE", &default_brand.tagline),
            accent: get("ARCHGUIDE_BRAND_ACCENT", &default_brand.accent),
            reply_within_hours: default_brand.reply_within_hours,
        };
        if parse_hex_colour(&brand.accent).is_none() {
            return Err(SettingsError::new("ARCHGUIDE_BRAND_ACCENT", "expected a colour written as #rrggbb"));
        }

        Ok(Self {
            database_url,
            db_pool_size: get("ARCHGUIDE_DB_POOL_SIZE", &super::database::DEFAULT_POOL_SIZE.to_string())
                .parse::<u32>()
                .ok()
                .filter(|n| (1..=1000).contains(n))
                .ok_or_else(|| {
                    SettingsError::new("ARCHGUIDE_DB_POOL_SIZE", "expected a number of connections, 1-1000")
                })?,
            site_addr,
            site_root: PathBuf::from(get("LEPTOS_SITE_ROOT", "target/site")),
            production,
            log_filter: lookup("ARCHGUIDE_LOG").or_else(|| lookup("RUST_LOG")).unwrap_or_else(|| "info".into()),
            log_format,
            shutdown_grace,
            public_url: public_url.trim_end_matches('/').to_string(),
            public_url_configured: lookup("ARCHGUIDE_PUBLIC_URL").is_some_and(|v| !v.trim().is_empty()),
            // A site served over HTTPS tells browsers to stay on HTTPS for a year by default.
            hsts_max_age: get(
                "ARCHGUIDE_HSTS_MAX_AGE",
                if public_url.starts_with("https://") { "31536000" } else { "0" },
            )
            .parse()
            .map_err(|_| SettingsError::new("ARCHGUIDE_HSTS_MAX_AGE", "expected whole seconds (0: no header)"))?,
            max_concurrent_requests: get("ARCHGUIDE_MAX_CONCURRENT_REQUESTS", "512")
                .parse::<usize>()
                .ok()
                .filter(|n| *n >= 1)
                .ok_or_else(|| {
                    SettingsError::new("ARCHGUIDE_MAX_CONCURRENT_REQUESTS", "expected a number of requests, at least 1")
                })?,
            brand,
            min_fill_seconds: get("ARCHGUIDE_MIN_FILL_SECONDS", "3")
                .parse()
                .ok()
                .filter(|s| *s <= 3600)
                .ok_or_else(|| SettingsError::new("ARCHGUIDE_MIN_FILL_SECONDS", "expected whole seconds, 0-3600"))?,
            contact_rate_limit: get("ARCHGUIDE_CONTACT_RATE_LIMIT", "10").parse().map_err(|_| {
                SettingsError::new("ARCHGUIDE_CONTACT_RATE_LIMIT", "expected a whole number of submissions per hour")
            })?,
            trusted_proxies: get("ARCHGUIDE_TRUSTED_PROXIES", "")
                .split(',')
                .filter(|s| !s.trim().is_empty())
                .map(super::client_ip::IpBlock::parse)
                .collect::<Result<_, _>>()
                .map_err(|e| SettingsError::new("ARCHGUIDE_TRUSTED_PROXIES", e))?,
            webhook: match (
                lookup("ARCHGUIDE_WEBHOOK_URL").filter(|v| !v.trim().is_empty()),
                lookup("ARCHGUIDE_WEBHOOK_SECRET"),
            ) {
                (None, _) => None,
                (Some(url), _) if !(url.starts_with("http://") || url.starts_with("https://")) => {
                    return Err(SettingsError::new("ARCHGUIDE_WEBHOOK_URL", "expected an http:// or https:// URL"))
                }
                (Some(url), Some(secret)) if !secret.trim().is_empty() => Some(WebhookSettings { url, secret }),
                (Some(_), _) => {
                    return Err(SettingsError::new(
                        "ARCHGUIDE_WEBHOOK_SECRET",
                        "needed to sign webhooks when ARCHGUIDE_WEBHOOK_URL is set",
                    ))
                }
            },
            email: match lookup("ARCHGUIDE_SMTP_URL").filter(|v| !v.trim().is_empty()) {
                None => None,
                Some(smtp_url) => {
                    let to = lookup("ARCHGUIDE_NOTIFY_EMAIL_TO").filter(|v| v.contains('@')).ok_or_else(|| {
                        SettingsError::new(
                            "ARCHGUIDE_NOTIFY_EMAIL_TO",
                            "needed (an email address) when ARCHGUIDE_SMTP_URL is set",
                        )
                    })?;
                    let from =
                        lookup("ARCHGUIDE_NOTIFY_EMAIL_FROM").filter(|v| v.contains('@')).unwrap_or_else(|| to.clone());
                    Some(EmailSettings { smtp_url, from, to })
                }
            },
            outbox_poll: Duration::from_millis(
                get("ARCHGUIDE_OUTBOX_POLL_MS", "2000")
                    .parse()
                    .map_err(|_| SettingsError::new("ARCHGUIDE_OUTBOX_POLL_MS", "expected milliseconds"))?,
            ),
            outbox_lease: Duration::from_secs(
                get("ARCHGUIDE_OUTBOX_LEASE_SECONDS", "60").parse::<u64>().ok().filter(|s| *s >= 1).ok_or_else(
                    || SettingsError::new("ARCHGUIDE_OUTBOX_LEASE_SECONDS", "expected whole seconds, at least 1"),
                )?,
            ),
            outbox_retry_base: Duration::from_millis(
                get("ARCHGUIDE_OUTBOX_RETRY_MS", "5000")
                    .parse()
                    .map_err(|_| SettingsError::new("ARCHGUIDE_OUTBOX_RETRY_MS", "expected milliseconds"))?,
            ),
            model_file: lookup("ARCHGUIDE_MODEL_FILE").filter(|v| !v.trim().is_empty()).map(PathBuf::from),
            prices_file: lookup("ARCHGUIDE_PRICES_FILE").filter(|v| !v.trim().is_empty()).map(PathBuf::from),
        })
    }
}

#[cfg(test)]
mod tests {
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
}

impl Settings {
    /// The recommendation engine: the shipped model and prices, or the files that replace them.
    pub fn engine(&self) -> Result<crate::domain::engine::Engine, SettingsError> {
        use crate::domain::cost::PriceTable;
        use crate::domain::engine::{model::Model, Engine};
        let read = |name: &'static str, path: &PathBuf| {
            std::fs::read_to_string(path)
                .map_err(|e| SettingsError::new(name, format!("cannot read {}: {e}", path.display())))
        };
        let model = match &self.model_file {
            Some(path) => Model::from_toml(&read("ARCHGUIDE_MODEL_FILE", path)?)
                .map_err(|e| SettingsError::new("ARCHGUIDE_MODEL_FILE", e))?,
            None => Model::default_model(),
        };
        let prices = match &self.prices_file {
            Some(path) => PriceTable::from_toml(&read("ARCHGUIDE_PRICES_FILE", path)?)
                .map_err(|e| SettingsError::new("ARCHGUIDE_PRICES_FILE", e))?,
            None => PriceTable::default_table(),
        };
        Ok(Engine { model, prices })
    }
}
