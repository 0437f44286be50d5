//! What the staff pages show and what their forms come back with: built by the server (the
//! views in `server/inbox/views.rs`, the actions in `server/inbox/actions.rs`) and rendered by
//! the pages in `pages/inbox/`.

use serde::{Deserialize, Serialize};

use crate::domain::field_error::FieldError;
use crate::domain::guide::recommendation::Recommendation;
use crate::domain::leads::inbox::{LeadCount, LeadStatus, SourceTally};
use crate::domain::leads::lifecycle::EventKind;
use crate::page_data::conversation::{InboundRow, MailboxLine, ThreadEntry};
pub use crate::page_data::staff::{LiveMark, Viewer};

/// Leads on one page of the list.
pub const PAGE_SIZE: u32 = 25;

/// A lead's reply-by state in words, and its tone for colour.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Countdown {
    pub tone: String,
    pub label: String,
    /// While a reply is owed: when it is due (Unix seconds) and how long before that the
    /// warning starts (seconds), so that an open page can move the countdown on by itself.
    pub due: Option<(i64, i64)>,
    /// The person answered our reply and the answer is owed one.
    pub waiting_on_us: bool,
}

/// One row of the list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LeadRow {
    pub reference: String,
    pub name: String,
    pub company: Option<String>,
    pub summary: Option<String>,
    pub status: LeadStatus,
    /// UTC, to the minute.
    pub received: String,
    pub age: String,
    pub countdown: Countdown,
    pub assignee: Option<String>,
    /// When the call its visitor booked starts (UTC, to the minute), if one is booked.
    pub call: Option<String>,
}

/// One page of the list, with the counts above it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LeadList {
    pub viewer: Viewer,
    pub live: LiveMark,
    pub rows: Vec<LeadRow>,
    /// How many leads the filter selects on all pages.
    pub total: LeadCount,
    /// Whether this is the list's first page (nothing comes before it).
    pub first_page: bool,
    /// The cursor of the page before this one (`before=`), if there are leads before it.
    pub previous: Option<String>,
    /// The cursor of the page after this one (`after=`), if there are leads after it.
    pub next: Option<String>,
    pub counts: Vec<(LeadStatus, LeadCount)>,
    /// Filter values that were ignored, and why.
    pub errors: Vec<FieldError>,
}

/// One line of the history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventRow {
    pub at: String,
    pub actor: String,
    pub kind: EventKind,
    pub detail: String,
}

/// The guide result attached to a lead, as a brief for the call.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Brief {
    pub result_id: String,
    pub recommendation: Recommendation,
    /// Question and answer, in words.
    pub answers: Vec<(String, String)>,
}

/// Everything the lead page shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LeadDetail {
    pub viewer: Viewer,
    pub live: LiveMark,
    pub reference: String,
    pub name: String,
    pub email: String,
    pub company: Option<String>,
    pub role: Option<String>,
    pub message: String,
    pub preferred_contact: Option<String>,
    /// The consent record in words: which privacy notice, accepted when.
    pub consent: String,
    pub source_page: String,
    /// Where the visitor came from, in words, and the source the list filters by.
    pub came_from: String,
    pub source: String,
    /// The language the lead wrote in, by its own name and code: "Español (es)".
    pub language: String,
    pub status: LeadStatus,
    pub spam_reason: Option<String>,
    pub received: String,
    pub first_reply: Option<String>,
    pub countdown: Countdown,
    pub assigned_to: Option<i64>,
    /// Active staff who can be assigned leads: id and email.
    pub staff: Vec<(i64, String)>,
    /// When the personal data was erased, if it was.
    pub erased: Option<String>,
    /// How many unerased leads came from the same email address, this one included.
    pub same_address: usize,
    pub events: Vec<EventRow>,
    pub brief: Option<Brief>,
    /// The consultants' verdict, beside the brief.
    pub verdict: Option<crate::page_data::review::VerdictView>,
    /// Both sides of the conversation, oldest first.
    pub thread: Vec<ThreadEntry>,
    /// Whether replies can be sent from here (an SMTP server is configured).
    pub can_email: bool,
    /// The shared mailbox answers come back to, if one is set up.
    pub shared_mailbox: Option<String>,
    /// Why email to the lead's address bounced, until staff correct it.
    pub undeliverable: Option<String>,
    /// What the compose form starts with: subject and text.
    pub draft: (String, String),
    /// The call the visitor booked, if one is.
    pub call: Option<CallLine>,
}

/// A lead's booked call as the lead page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallLine {
    /// "Call booked: Tue 9 Dec, 10:00–10:30 Europe/Madrid, with sam@example.com".
    pub text: String,
    pub link: Option<String>,
    /// The starts it may move to, in the person's zone: the form's value and its label.
    pub moves: Vec<(String, String)>,
}

/// What comes back after an action that was refused: the reason, and the note as typed.
#[derive(Clone, Debug, Default)]
pub struct LeadFormState {
    pub message: String,
    pub note: String,
    /// The reply as typed, when sending it was refused.
    pub reply: Option<(String, String)>,
    /// The address as typed, when correcting it was refused.
    pub email: Option<String>,
    /// The verdict as typed, when recording it was refused.
    pub verdict: Option<crate::page_data::review::VerdictForm>,
}

/// One stage of a funnel, ready to show.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StageView {
    pub label: String,
    pub count: u64,
    /// "25.0%" lost since the stage before.
    pub drop_off: Option<String>,
}

/// The funnel of one model version.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FunnelView {
    pub model_version: String,
    pub stages: Vec<StageView>,
}

/// Everything the dashboard shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Dashboard {
    pub viewer: Viewer,
    pub today: u64,
    pub this_week: u64,
    pub overdue_now: u64,
    pub last_30_days: u64,
    /// "3 h 20 min", or `None` without replies in the last 30 days.
    pub median_first_reply: Option<String>,
    /// "87%".
    pub answered_in_time: Option<String>,
    /// The promise in words: "24 hours".
    pub reply_within: String,
    pub funnels: Vec<FunnelView>,
    /// Leads (spam left out) and won leads per source, most leads first.
    pub sources: Vec<SourceTally>,
    /// Calls visitors booked in the last 30 days, and how many of them were cancelled.
    pub calls_booked: u64,
    pub calls_cancelled: u64,
    /// The share of the last 30 days' leads that booked a call: "12%".
    pub booked_share: Option<String>,
    /// The shared mailbox, if one is read.
    pub mailbox: Option<MailboxLine>,
    /// The consultants' agreement with the guide, and prices that need reading again.
    pub advice: crate::page_data::review::AdviceSummary,
}

/// One staff account.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserRow {
    pub email: String,
    pub role: String,
    pub disabled: bool,
    pub created: String,
    /// Whether logging in takes a code from an app as well as the password.
    pub two_factor: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserList {
    pub viewer: Viewer,
    pub users: Vec<UserRow>,
    /// Whether every account must have two-factor authentication.
    pub two_factor_required: bool,
}

/// The add form as it comes back: what was typed (never the password) and what was wrong; or
/// the outcome of an action.
#[derive(Clone, Debug, Default)]
pub struct UserFormState {
    pub email: String,
    pub role: String,
    pub errors: Vec<FieldError>,
    pub notice: Option<String>,
}

/// The form as it comes back after a refused login.
#[derive(Clone, Debug, Default)]
pub struct LoginFormState {
    pub email: String,
    /// Where to go after logging in.
    pub next: String,
    pub error: Option<String>,
}

/// The login's second step as it comes back after a refused code.
#[derive(Clone, Debug, Default)]
pub struct CodeFormState {
    pub error: Option<String>,
}

/// A new TOTP secret on its way to an authenticator app, until a code confirms it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TotpSetup {
    /// The secret in base32, in groups of four, for typing by hand.
    pub secret: String,
    /// The QR code of the `otpauth://` address, as an SVG element drawn by the server.
    pub qr_svg: String,
}

/// The account page: the viewer's second factor.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountView {
    pub viewer: Viewer,
    /// When the second factor was turned on (UTC, to the minute), if it is on.
    pub two_factor_since: Option<String>,
    pub recovery_codes_left: u64,
    /// Whether the server holds the key that seals secrets (without it nothing can be set up).
    pub can_set_up: bool,
    /// Whether every account must have a second factor.
    pub required: bool,
    /// A set-up in progress.
    pub setup: Option<TotpSetup>,
    /// When they take calls visitors book, and their calendar.
    pub calls: CallsAccount,
}

/// The account page's calls section: the person's hours as they wrote them, and their calendar.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallsAccount {
    pub hours: AvailabilityFields,
    /// Whether hours are stored (visitors may book them).
    pub bookable: bool,
    /// The connected CalDAV calendar's address and user name.
    pub calendar_url: Option<String>,
    pub calendar_username: Option<String>,
    /// The calendar's last failure and when (UTC, to the minute), until a read or write works.
    pub calendar_error: Option<(String, String)>,
    /// Whether calendars can be connected (the server has the key their passwords are sealed with).
    pub can_connect: bool,
    pub has_feed: bool,
}

/// The hours form's fields, as stored or as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AvailabilityFields {
    pub zone: String,
    /// One rule a line: `mon-fri 09:00-17:00`.
    pub hours: String,
    /// One day or range a line: `2026-12-24..2027-01-02`.
    pub off: String,
    pub languages: String,
    pub link: String,
}

/// What an account form comes back with: a problem with a field, a notice, or recovery codes
/// to show once.
#[derive(Clone, Debug, Default)]
pub struct AccountFormState {
    pub errors: Vec<FieldError>,
    pub notice: Option<String>,
    pub recovery_codes: Vec<String>,
    /// The hours as typed, when they came back refused.
    pub hours: Option<AvailabilityFields>,
    /// The calendar's address and user name as typed, when connecting it failed.
    pub calendar: Option<(String, String)>,
    /// A new feed address, shown this once.
    pub feed_url: Option<String>,
}

/// The messages that matched no lead.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnmatchedList {
    pub viewer: Viewer,
    pub live: LiveMark,
    pub messages: Vec<InboundRow>,
    /// How many there are in all (the page shows the oldest ones).
    pub total: u64,
    /// Whether a shared mailbox is read at all.
    pub mailbox: bool,
}
