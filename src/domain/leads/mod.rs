//! A lead's rules, from the contact form to its last reply: parsing what a visitor sent, where
//! the visit came from, spam signals, the life cycle and its history, the inbox's filters, the
//! reply promise with its reminders, and how long personal data is kept.

pub mod attribution;
pub mod deadline;
pub mod inbox;
pub mod lead;
pub mod lifecycle;
pub mod promise;
pub mod reply;
pub mod retention;
pub mod spam;
