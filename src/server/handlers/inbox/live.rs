//! Keeps open inbox pages current: tells each open page over server-sent events at
//! `/inbox/events` when the inbox moved (`jobs::live` reads where it stands), so a lead that
//! arrived or changed on any instance reaches every open page within a poll or two. The page
//! then fetches itself again (`public/inbox.js`); without JavaScript it is reloaded by hand.

use std::convert::Infallible;
use std::time::Duration;

use axum::extract::State;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use futures::stream::{self, Stream};
use tokio::sync::watch;

use crate::server::http::failure::Cause;
use crate::server::http::staff::{still_live, Authenticated, Refusal, Staff};
use crate::server::http::state::AppState;
use crate::server::store::pulse::InboxPulse;

/// How often an open stream checks that its session is still live when nothing has changed, so
/// that a logout elsewhere, a disabled account or an expired session ends it.
const SESSION_CHECK: Duration = Duration::from_secs(20);

/// How long a browser waits before it reconnects a stream that ended.
const RECONNECT: Duration = Duration::from_secs(3);

/// `GET /inbox/events`: a stream of `inbox` events, each
/// `{"revision": "…", "new_leads": n, "answers_waiting": m}`,
/// the first at once and then one whenever the inbox moves. The guard checked the session
/// before it opened (without counting as a use); the stream checks it again before every event
/// and every `SESSION_CHECK`, and ends when it is over or the server stops.
pub async fn events(State(state): State<AppState>, Staff(session): Staff) -> Result<Response, Refusal> {
    // The first event is read now: what this instance read last may be from before anyone watched.
    let first = state
        .stores
        .inbox
        .pulse()
        .await
        .map_err(|e| Refusal::unavailable(Cause::unavailable("reading where the inbox stands", e)))?;
    let watching = Watching {
        pulse: state.live.pulse(),
        stopping: state.live.stopping(),
        first: Some(first),
        last: InboxPulse::default(),
        session,
        state,
    };
    Ok(Sse::new(stream_of(watching)).keep_alive(KeepAlive::new().interval(Duration::from_secs(15))).into_response())
}

/// One open stream.
struct Watching {
    state: AppState,
    session: Authenticated,
    pulse: watch::Receiver<InboxPulse>,
    stopping: watch::Receiver<bool>,
    first: Option<InboxPulse>,
    /// What this stream said last: the watcher's first read after a quiet spell may repeat it.
    last: InboxPulse,
}

/// Why a waiting stream woke up.
enum Wake {
    /// The inbox moved (`false`: the watcher is gone).
    Changed(bool),
    Stopping,
    /// Time to check the session again.
    Check,
}

impl Watching {
    async fn session_is_live(&self) -> bool {
        match still_live(&self.state, &self.session).await {
            Ok(live) => live,
            Err(error) => {
                // The browser reconnects, and the guard decides again.
                tracing::warn!(%error, "checking an inbox stream's session failed");
                false
            }
        }
    }

    /// The next event to send, or `None` when the stream is over.
    async fn next(&mut self) -> Option<InboxPulse> {
        if let Some(first) = self.first.take() {
            self.last = first.clone();
            return Some(first);
        }
        loop {
            let stopping = &mut self.stopping;
            let wake = tokio::select! {
                changed = self.pulse.changed() => Wake::Changed(changed.is_ok()),
                _ = async { stopping.wait_for(|stopping| *stopping).await.map(|_| ()) } => Wake::Stopping,
                _ = tokio::time::sleep(SESSION_CHECK) => Wake::Check,
            };
            match wake {
                Wake::Changed(false) | Wake::Stopping => return None,
                Wake::Changed(true) => {
                    let pulse = self.pulse.borrow_and_update().clone();
                    if pulse == self.last {
                        continue;
                    }
                    if !self.session_is_live().await {
                        return None;
                    }
                    self.last = pulse.clone();
                    return Some(pulse);
                }
                Wake::Check => {
                    if !self.session_is_live().await {
                        return None;
                    }
                }
            }
        }
    }
}

fn stream_of(watching: Watching) -> impl Stream<Item = Result<Event, Infallible>> {
    stream::unfold(watching, |mut watching| async move {
        let pulse = watching.next().await?;
        let event = Event::default().event("inbox").retry(RECONNECT).json_data(&pulse).ok()?;
        Some((Ok(event), watching))
    })
}
