//! The decision guide's rules: the questions and their answers, the situation they describe,
//! the engine that turns it into a recommendation, the cost model it weighs, and the map of
//! the idea it is drawn on.

pub mod answers;
pub mod cases;
pub mod cost;
pub mod engine;
pub mod map;
pub mod questions;
pub mod recommendation;
pub mod review;
pub mod situation;
