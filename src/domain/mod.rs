//! The product's rules in plain Rust: no web framework, no SQL, no I/O, so every rule can be
//! tested on its own. The question set, the answers, the recommendation engine and the cost
//! model live here.

pub mod answers;
pub mod attribution;
pub mod choice;
pub mod cost;
pub mod deadline;
pub mod engine;
pub mod field_error;
pub mod ids;
pub mod inbox;
pub mod lang;
pub mod lead;
pub mod lifecycle;
pub mod map;
pub mod message;
pub mod period;
pub mod promise;
pub mod questions;
pub mod recommendation;
pub mod reply;
pub mod retention;
pub mod second_factor;
pub mod situation;
pub mod spam;
pub mod staff;
mod text;
