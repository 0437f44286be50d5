//! One connection to the shared mailbox's IMAP server: logged in, its folder selected, and the
//! few commands the reader needs (what arrived after a UID, a message's bytes, flagging it seen
//! and moving it to the done folder, IDLE). TLS is rustls with the web's root certificates.

use std::sync::Arc;
use std::time::Duration;

use async_imap::extensions::idle::IdleResponse;
use async_imap::types::Fetch;
use async_imap::{Client, Session};
use futures::TryStreamExt;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpStream;
use tokio::sync::watch;

use crate::server::settings::mailbox::ImapUrl;

/// How long connecting, logging in and each command may take.
const COMMAND_TIMEOUT: Duration = Duration::from_secs(30);

/// A stream IMAP runs over: plain TCP (tests, a server on the same host) or TLS.
pub trait Stream: AsyncRead + AsyncWrite + Unpin + Send + std::fmt::Debug {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send + std::fmt::Debug> Stream for T {}

/// A logged-in connection with its folder selected.
pub struct Connection {
    session: Session<Box<dyn Stream>>,
    /// The folder's UIDVALIDITY.
    pub uid_validity: u32,
    /// Whether the server offers IDLE (RFC 2177), MOVE (RFC 6851) and UIDPLUS (RFC 4315).
    idle: bool,
    can_move: bool,
    uidplus: bool,
    /// The folder stored messages go to, if it exists.
    done_folder: Option<String>,
}

/// An IMAP failure, in words for the log and the inbox (never with the password).
fn failed(what: &str) -> impl Fn(async_imap::error::Error) -> String + '_ {
    move |e| format!("{what}: {e}")
}

async fn timed<T>(what: &str, future: impl std::future::Future<Output = Result<T, String>>) -> Result<T, String> {
    tokio::time::timeout(COMMAND_TIMEOUT, future).await.map_err(|_| format!("{what}: no answer in 30 s"))?
}

impl Connection {
    /// Connects, logs in and selects the URL's folder; `done_folder` is used if it exists.
    pub async fn open(url: &ImapUrl, done_folder: Option<&str>) -> Result<Connection, String> {
        timed("connecting to the mailbox", Self::open_now(url, done_folder)).await
    }

    async fn open_now(url: &ImapUrl, done_folder: Option<&str>) -> Result<Connection, String> {
        let tcp = TcpStream::connect((url.host.as_str(), url.port))
            .await
            .map_err(|e| format!("connecting to {}:{}: {e}", url.host, url.port))?;
        let stream: Box<dyn Stream> = if url.tls {
            let mut roots = tokio_rustls::rustls::RootCertStore::empty();
            roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
            let config =
                tokio_rustls::rustls::ClientConfig::builder().with_root_certificates(roots).with_no_client_auth();
            let name = tokio_rustls::rustls::pki_types::ServerName::try_from(url.host.clone())
                .map_err(|e| format!("the host name {}: {e}", url.host))?;
            let tls = tokio_rustls::TlsConnector::from(Arc::new(config))
                .connect(name, tcp)
                .await
                .map_err(|e| format!("TLS with {}: {e}", url.host))?;
            Box::new(tls)
        } else {
            Box::new(tcp)
        };
        let mut client = Client::new(stream);
        client
            .read_response()
            .await
            .map_err(|e| format!("reading the server's greeting: {e}"))?
            .ok_or("the server closed the connection before its greeting")?;
        let mut session = client
            .login(&url.username, &url.password)
            .await
            .map_err(|(e, _)| format!("logging in as {}: {e}", url.username))?;
        let capabilities = session.capabilities().await.map_err(failed("reading the server's capabilities"))?;
        let mailbox = session.select(&url.folder).await.map_err(failed("opening the folder"))?;
        let uid_validity = mailbox.uid_validity.ok_or("the folder has no UIDVALIDITY")?;
        let done_folder = match done_folder {
            Some(folder) if !folder.eq_ignore_ascii_case(&url.folder) => {
                let found: Vec<_> = session
                    .list(None, Some(folder))
                    .await
                    .map_err(failed("looking for the done folder"))?
                    .try_collect()
                    .await
                    .map_err(failed("looking for the done folder"))?;
                (!found.is_empty()).then(|| folder.to_string())
            }
            _ => None,
        };
        Ok(Connection {
            session,
            uid_validity,
            idle: capabilities.has_str("IDLE"),
            can_move: capabilities.has_str("MOVE"),
            uidplus: capabilities.has_str("UIDPLUS"),
            done_folder,
        })
    }

    /// The messages after UID `last`, oldest first: each UID and its size in bytes.
    pub async fn after(&mut self, last: u32) -> Result<Vec<(u32, u32)>, String> {
        let fetched: Vec<Fetch> = timed("listing new messages", async {
            self.session
                .uid_fetch(format!("{}:*", last.saturating_add(1)), "(UID RFC822.SIZE)")
                .await
                .map_err(failed("listing new messages"))?
                .try_collect()
                .await
                .map_err(failed("listing new messages"))
        })
        .await?;
        // `n:*` names the last message even when its UID is below n.
        let mut found: Vec<(u32, u32)> =
            fetched.iter().filter_map(|f| Some((f.uid?, f.size.unwrap_or(0)))).filter(|(uid, _)| *uid > last).collect();
        found.sort_unstable();
        found.dedup_by_key(|(uid, _)| *uid);
        Ok(found)
    }

    /// The bytes of the messages with these UIDs (their headers only, `headers_only`), by UID,
    /// without marking them seen.
    pub async fn fetch(&mut self, uids: &[u32], headers_only: bool) -> Result<Vec<(u32, Vec<u8>)>, String> {
        if uids.is_empty() {
            return Ok(Vec::new());
        }
        let set = uid_set(uids);
        let what = if headers_only { "(UID BODY.PEEK[HEADER])" } else { "(UID BODY.PEEK[])" };
        let fetched: Vec<Fetch> = timed("reading messages", async {
            self.session
                .uid_fetch(set, what)
                .await
                .map_err(failed("reading messages"))?
                .try_collect()
                .await
                .map_err(failed("reading messages"))
        })
        .await?;
        // Only rows that carry what was asked for (a server may also send a row of flags alone,
        // when someone reads the mailbox elsewhere), once per UID.
        let mut messages: Vec<(u32, Vec<u8>)> = fetched
            .iter()
            .filter_map(|f| {
                let bytes = if headers_only { f.header() } else { f.body() };
                Some((f.uid?, bytes?.to_vec()))
            })
            .filter(|(uid, _)| uids.contains(uid))
            .collect();
        messages.sort_by_key(|(uid, _)| *uid);
        messages.dedup_by_key(|(uid, _)| *uid);
        // A message missing from the answer is not skipped: the read fails, and the next one
        // lists what is there (a message deleted meanwhile is then no longer asked for).
        if let Some(missing) = uids.iter().find(|uid| !messages.iter().any(|(u, _)| u == *uid)) {
            return Err(format!("the server did not send message {missing}"));
        }
        Ok(messages)
    }

    /// Marks stored messages seen and moves them to the done folder, if there is one. Failing
    /// here loses nothing: the cursor is past them already.
    pub async fn done(&mut self, uids: &[u32]) -> Result<(), String> {
        if uids.is_empty() {
            return Ok(());
        }
        let set = uid_set(uids);
        timed("marking messages seen", self.add_flag(&set, "\\Seen", "marking messages seen")).await?;
        let Some(folder) = self.done_folder.clone() else { return Ok(()) };
        timed("moving messages to the done folder", async {
            if self.can_move {
                self.session.uid_mv(&set, &folder).await.map_err(failed("moving messages"))?;
            } else if self.uidplus {
                self.session.uid_copy(&set, &folder).await.map_err(failed("copying messages"))?;
                self.add_flag(&set, "\\Deleted", "flagging copied messages").await?;
                let _: Vec<_> = self
                    .session
                    .uid_expunge(&set)
                    .await
                    .map_err(failed("removing copied messages"))?
                    .try_collect()
                    .await
                    .map_err(failed("removing copied messages"))?;
            }
            // Without either, a copy could not be removed without removing others: they stay.
            Ok(())
        })
        .await
    }

    /// Adds `flag` to the messages of `set`, quietly (the server sends nothing back per message).
    async fn add_flag(&mut self, set: &str, flag: &str, what: &str) -> Result<(), String> {
        let _: Vec<Fetch> = self
            .session
            .uid_store(set, format!("+FLAGS.SILENT ({flag})"))
            .await
            .map_err(failed(what))?
            .try_collect()
            .await
            .map_err(failed(what))?;
        Ok(())
    }

    /// Waits up to `at_most` for the server to say something arrived (IDLE), or just waits where
    /// it does not offer IDLE; returns early when `stop` turns true. The connection is checked
    /// afterwards either way.
    pub async fn wait(mut self, at_most: Duration, stop: &mut watch::Receiver<bool>) -> Result<Connection, String> {
        while self.session.unsolicited_responses.try_recv().is_ok() {}
        if !self.idle {
            tokio::select! {
                _ = tokio::time::sleep(at_most) => {}
                _ = stop.wait_for(|stopped| *stopped) => {}
            }
            timed("checking the connection", async { self.session.noop().await.map_err(failed("NOOP")) }).await?;
            return Ok(self);
        }
        let Connection { session, uid_validity, idle, can_move, uidplus, done_folder } = self;
        let mut handle = session.idle();
        timed("starting IDLE", async { handle.init().await.map_err(failed("starting IDLE")) }).await?;
        let outcome = {
            let (waiting, interrupt) = handle.wait_with_timeout(at_most);
            // The crate's own timeout starts again at every keep-alive the server sends: this
            // one does not, so the lease is renewed in time.
            let outcome = tokio::select! {
                outcome = waiting => outcome.map_err(failed("waiting in IDLE")),
                _ = tokio::time::sleep(at_most) => Ok(IdleResponse::Timeout),
                _ = stop.wait_for(|stopped| *stopped) => Ok(IdleResponse::ManualInterrupt),
            };
            drop(interrupt);
            outcome
        };
        outcome?;
        let session = timed("ending IDLE", async { handle.done().await.map_err(failed("ending IDLE")) }).await?;
        Ok(Connection { session, uid_validity, idle, can_move, uidplus, done_folder })
    }

    /// Logs out (the server is stopping, or the lease went to another instance).
    pub async fn close(mut self) {
        let _ = tokio::time::timeout(Duration::from_secs(5), self.session.logout()).await;
    }
}

/// UIDs as an IMAP set: `3,4,9`.
fn uid_set(uids: &[u32]) -> String {
    uids.iter().map(u32::to_string).collect::<Vec<_>>().join(",")
}
