//! The public JSON API (`/api/v1/...`): the question set, recommendations, and its description.

pub mod openapi;
pub mod recommendation;
