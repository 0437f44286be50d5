//! Where notifications go: a signed webhook and/or email through an SMTP server. Both hold
//! secrets, so their `Debug` output names only what is safe to log.

use super::env::{Env, SettingsError};

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

/// Webhook notifications: off without a URL; a URL needs its signing secret.
pub(super) fn webhook(env: &Env<impl Fn(&str) -> Option<String>>) -> Result<Option<WebhookSettings>, SettingsError> {
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
pub(super) fn email(env: &Env<impl Fn(&str) -> Option<String>>) -> Result<Option<EmailSettings>, SettingsError> {
    let Some(smtp_url) = env.raw("ARCHGUIDE_SMTP_URL") else { return Ok(None) };
    let address = |name| env.raw(name).filter(|v| v.contains('@'));
    let to = address("ARCHGUIDE_NOTIFY_EMAIL_TO").ok_or_else(|| {
        SettingsError::new("ARCHGUIDE_NOTIFY_EMAIL_TO", "needed (an email address) when ARCHGUIDE_SMTP_URL is set")
    })?;
    let from = address("ARCHGUIDE_NOTIFY_EMAIL_FROM").unwrap_or_else(|| to.clone());
    let reply_from = address("ARCHGUIDE_REPLY_FROM").unwrap_or_else(|| from.clone());
    Ok(Some(EmailSettings { smtp_url, from, to, reply_from }))
}
