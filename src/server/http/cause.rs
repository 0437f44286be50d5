//! What failed when a request could not be done: logged once, in the request's span (see
//! `failure`, which turns it into an answer).

use std::fmt::Display;

use axum::http::StatusCode;

/// Something a request needed failed: what was being done, and the error. Logged once, when it
/// becomes an answer.
#[derive(Clone, Debug)]
pub struct Cause {
    doing: &'static str,
    error: String,
    status: StatusCode,
}

impl Cause {
    /// A part the request needs (the database) failed; it may work again in a moment (503).
    /// `doing` completes "… failed": "storing a lead".
    pub fn unavailable(doing: &'static str, error: impl Display) -> Self {
        Cause { doing, error: error.to_string(), status: StatusCode::SERVICE_UNAVAILABLE }
    }

    /// Something that should not fail did (500).
    pub fn broken(doing: &'static str, error: impl Display) -> Self {
        Cause { doing, error: error.to_string(), status: StatusCode::INTERNAL_SERVER_ERROR }
    }

    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// Logs the failure, in the span of the request it happened in.
    pub fn log(&self) {
        tracing::error!(error = %self.error, "{} failed", self.doing);
    }
}
