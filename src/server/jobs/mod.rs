//! Work that runs beside the requests, started and stopped with the server: the outbox worker
//! that delivers notifications, reminders and replies (by webhook and mail), the retention job,
//! the guide's funnel counts on their way to the database, and the inbox's live pulse.

pub mod funnel;
pub mod live;
pub mod mail;
pub mod notification;
pub mod outbox;
pub mod retention;
