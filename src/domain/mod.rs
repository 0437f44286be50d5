//! The product's rules in plain Rust: no web framework, no SQL, no I/O, so every rule can be
//! tested on its own. Three rooms, and a few pieces all of them share:
//! - `guide`: the question set, a visitor's answers, the recommendation engine, the cost model
//!   and the map of the idea;
//! - `leads`: a lead from the contact form to its last reply: parsing it, its life cycle, the
//!   inbox's filters, the reply promise, reminders and retention;
//! - `staff`: the people who work the inbox: accounts, roles, passwords' rules, second factor;
//! - `booking`: a call booked after "talk to us": staff hours, free slots, who takes the call.
//!
//! The arrows point one way: `leads` reads `staff` (who is reminded), and `guide` and `booking`
//! read neither.

pub mod booking;
pub mod choice;
pub mod email;
pub mod field_error;
pub mod guide;
pub mod ids;
pub mod lang;
pub mod leads;
pub mod message;
pub mod period;
pub mod staff;
pub mod text;
