//! The product's rules in plain Rust: no web framework, no SQL, no I/O, so every rule can be
//! tested on its own. The question set, the answers, the recommendation engine and the cost
//! model live here.

pub mod cost;
