//! Everything that only exists on the server, in rooms whose arrows point one way (down this
//! list):
//! - `handlers`: what answers a request that is not a page: form posts, the JSON API, the
//!   inbox's data and actions, sign-in, health, SEO files;
//! - `http`: the plumbing every request goes through: the shared state, middleware (security
//!   headers, language, page cache, rate limit, metrics, client address, staff sessions), static
//!   files, rendering a page for a form post, form tokens;
//! - `jobs`: work that runs beside the requests: notifications and replies (the outbox and its
//!   mail), reminders, retention, the guide's funnel counts, the inbox's live pulse;
//! - `advice`: the advice model in use, following the newest published version, and the
//!   check of a draft against the cases and the stored results;
//! - `booking`: calls visitors book: the starts offered, who takes a call, booking links;
//! - `auth`: passwords, sessions, the second factor and the sealing of its secrets;
//! - `store`: the database: connecting, migrations, backups, and every query;
//! - `settings`: the environment read once into typed settings;
//! - `clock`: the one source of the time.
//!
//! Nothing here imports the app, its pages or components: start-up (`crate::startup`) wires
//! them together from above.

pub mod advice;
pub mod auth;
pub mod booking;
pub mod clock;
pub mod handlers;
pub mod http;
pub mod jobs;
pub mod mailbox;
pub mod settings;
pub mod store;
