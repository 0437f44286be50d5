//! The booking page (`/book/{token}`) as the server builds it and the page shows it, and the
//! form as it comes back after a post that booked nothing.

use serde::{Deserialize, Serialize};

use crate::domain::message::Message;
use crate::domain::period::Period;

/// What the booking page shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum BookingView {
    /// The link was not made by this site, or its lead is gone.
    Unknown,
    /// Nobody takes calls in the next days: nothing to book, and the reply promise stands.
    NoneFree,
    /// Free starts to pick from, by day, in the visitor's zone.
    Offer(Offer),
    /// The call is booked.
    Booked(BookedCall),
}

/// The starts offered, written in `zone`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Offer {
    /// The IANA zone the times are written in.
    pub zone: String,
    pub days: Vec<OfferedDay>,
    /// How long a call lasts.
    pub length: Period,
}

/// One day's starts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OfferedDay {
    /// "Tuesday 8 December 2026".
    pub label: String,
    pub starts: Vec<OfferedStart>,
}

/// One start: the form's value and what the visitor reads.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OfferedStart {
    /// RFC 3339 in UTC: `2026-12-08T09:00:00Z`.
    pub value: String,
    /// "10:00".
    pub label: String,
}

/// A booked call as its visitor reads it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BookedCall {
    /// "Tuesday 8 December 2026, 10:00-10:30".
    pub when: String,
    pub zone: String,
    /// Who the call is with.
    pub with: String,
    /// The video-call link, if the site or the person has one.
    pub link: Option<String>,
    /// The starts the call may move to (its person's free times); `None` when they have none.
    pub moves: Option<Offer>,
}

/// The form as it comes back when nothing was booked.
#[derive(Clone, Debug, Default)]
pub struct BookingFormState {
    /// Why: taken meanwhile, not offered, a zone that does not exist.
    pub notice: Option<Message>,
    /// The zone the visitor asked for.
    pub zone: String,
    /// The starts to offer first (the nearest to one just taken), as form values.
    pub nearest: Vec<String>,
}
