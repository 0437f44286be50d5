//! The shared mailbox that answers come back to: read over IMAP (`ARCHGUIDE_IMAP_URL`), named in
//! the `Reply-To` of what the site sends leads (`ARCHGUIDE_REPLY_TO`). Its URL holds a password,
//! so its `Debug` output never shows it.

use std::time::Duration;

use super::env::{Env, SettingsError};
use crate::domain::period::Period;

/// Where the shared mailbox is and how it is read.
#[derive(Clone, PartialEq, Eq)]
pub struct MailboxSettings {
    pub imap: ImapUrl,
    /// The mailbox's address: replies to leads carry it as `Reply-To`.
    pub reply_to: String,
    /// Whether `Reply-To` carries the lead's reference as a plus-address tag
    /// (`sales+AG-7K2Q9M@…`); off for hosts that do not deliver such addresses.
    pub plus_tags: bool,
    /// How often the mailbox is read when its server does not offer IDLE, and how long one IDLE
    /// waits before the connection is checked.
    pub poll: Duration,
    /// Where a message goes once it is stored (if that folder exists); `None`: it stays, flagged
    /// as seen.
    pub done_folder: Option<String>,
    /// Attachments larger than this are listed but not kept.
    pub attachment_max: usize,
}

/// `imaps://user:password@host:993/INBOX`, read.
#[derive(Clone, PartialEq, Eq)]
pub struct ImapUrl {
    pub tls: bool,
    pub host: String,
    pub port: u16,
    pub username: String,
    pub password: String,
    pub folder: String,
}

impl ImapUrl {
    /// Reads `imaps://user:password@host[:port][/folder]` (`imap://` without TLS, for tests and
    /// a server on the same host). User and password may be percent-encoded.
    pub fn parse(text: &str) -> Result<ImapUrl, String> {
        let url = reqwest::Url::parse(text).map_err(|e| format!("not a URL: {e}"))?;
        let tls = match url.scheme() {
            "imaps" => true,
            "imap" => false,
            other => return Err(format!("expected imaps:// (or imap://), not {other}://")),
        };
        let host = url.host_str().filter(|h| !h.is_empty()).ok_or("the URL names no host")?.to_string();
        let decode = |part: &str| percent_encoding::percent_decode_str(part).decode_utf8_lossy().into_owned();
        let username = decode(url.username());
        if username.is_empty() {
            return Err("the URL names no user (imaps://user:password@host/INBOX)".into());
        }
        let password = url.password().map(decode).unwrap_or_default();
        let folder = decode(url.path().trim_start_matches('/'));
        Ok(ImapUrl {
            tls,
            port: url.port().unwrap_or(if tls { 993 } else { 143 }),
            host,
            username,
            password,
            folder: if folder.is_empty() { "INBOX".to_string() } else { folder },
        })
    }

    /// The mailbox as the database names it: user, host and folder, never the password.
    pub fn name(&self) -> String {
        format!("{}@{}:{}/{}", self.username, self.host, self.port, self.folder)
    }
}

impl std::fmt::Debug for ImapUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ImapUrl {{ {}, tls: {}, password: … }}", self.name(), self.tls)
    }
}

impl std::fmt::Debug for MailboxSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MailboxSettings")
            .field("imap", &self.imap)
            .field("reply_to", &self.reply_to)
            .field("plus_tags", &self.plus_tags)
            .field("poll", &self.poll)
            .field("done_folder", &self.done_folder)
            .field("attachment_max", &self.attachment_max)
            .finish()
    }
}

/// A size written like `10MB`, `512KB`, `1GB` or a number of bytes (units of 1024).
///
/// ```
/// use archguide::server::settings::mailbox::size;
/// assert_eq!(size("10MB"), Ok(10 * 1024 * 1024));
/// assert_eq!(size("512 kb"), Ok(512 * 1024));
/// assert_eq!(size("2048"), Ok(2048));
/// assert!(size("ten").is_err());
/// ```
pub fn size(text: &str) -> Result<usize, String> {
    let text = text.trim().to_ascii_uppercase();
    let digits = text.find(|c: char| !c.is_ascii_digit()).unwrap_or(text.len());
    let (number, unit) = text.split_at(digits);
    let number: usize = number.parse().map_err(|_| format!("expected a size like 10MB, not '{text}'"))?;
    let factor: usize = match unit.trim() {
        "" | "B" => 1,
        "KB" | "K" => 1024,
        "MB" | "M" => 1024 * 1024,
        "GB" | "G" => 1024 * 1024 * 1024,
        other => return Err(format!("expected a size like 10MB: '{other}' is not a unit (B, KB, MB, GB)")),
    };
    number.checked_mul(factor).filter(|n| *n > 0).ok_or_else(|| "the size must be above zero and sensible".to_string())
}

/// The shared mailbox: off without an IMAP URL; a URL needs the mailbox's address.
pub(super) fn mailbox(env: &Env<impl Fn(&str) -> Option<String>>) -> Result<Option<MailboxSettings>, SettingsError> {
    let Some(url) = env.raw("ARCHGUIDE_IMAP_URL") else { return Ok(None) };
    let imap = ImapUrl::parse(url.trim()).map_err(|message| SettingsError::new("ARCHGUIDE_IMAP_URL", message))?;
    let reply_to = env
        .get("ARCHGUIDE_REPLY_TO")
        .filter(|address| crate::domain::email::problem(address).is_none())
        .ok_or_else(|| {
            SettingsError::new(
                "ARCHGUIDE_REPLY_TO",
                "needed (the shared mailbox's email address) when ARCHGUIDE_IMAP_URL is set",
            )
        })?;
    let poll = env.period("ARCHGUIDE_IMAP_POLL", Period::seconds(30))?;
    if poll.as_secs() == 0 {
        return Err(SettingsError::new("ARCHGUIDE_IMAP_POLL", "must be at least 1s"));
    }
    let done_folder = env.text("ARCHGUIDE_IMAP_DONE_FOLDER", "Archive");
    Ok(Some(MailboxSettings {
        imap,
        reply_to,
        plus_tags: env.choice(
            "ARCHGUIDE_REPLY_TO_PLUS",
            "on",
            &[("on", true), ("off", false), ("true", true), ("false", false), ("yes", true), ("no", false)],
        )?,
        poll: Duration::from_secs(poll.as_secs()),
        done_folder: (!done_folder.eq_ignore_ascii_case("none")).then_some(done_folder),
        attachment_max: env.read("ARCHGUIDE_ATTACHMENT_MAX", "10MB", size)?,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_imap_url_is_read_with_its_defaults_and_never_shown_with_its_password() {
        let url = ImapUrl::parse("imaps://sales%40example.com:p%40ss@mail.example.com/INBOX").unwrap();
        assert_eq!(
            (url.tls, url.host.as_str(), url.port, url.username.as_str(), url.password.as_str(), url.folder.as_str()),
            (true, "mail.example.com", 993, "sales@example.com", "p@ss", "INBOX")
        );
        assert_eq!(ImapUrl::parse("imap://u:p@127.0.0.1:1143").unwrap().folder, "INBOX");
        assert_eq!(ImapUrl::parse("imap://u:p@127.0.0.1:1143").unwrap().port, 1143);
        assert!(!format!("{url:?}").contains("p@ss"));
        assert!(ImapUrl::parse("https://u:p@x/INBOX").is_err());
        assert!(ImapUrl::parse("imaps://mail.example.com/INBOX").is_err(), "no user");
    }
}
