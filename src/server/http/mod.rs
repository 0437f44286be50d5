//! The HTTP plumbing every request goes through: the state handlers share, the middleware
//! (security headers, the page's language, the page cache, the contact form's rate limit, the
//! request count, staff sessions), the client's address, static files, form tokens, reading
//! posted forms, rendering a page again for a form post, and turning every failure into an
//! answer (`failure`).

pub mod cause;
pub mod client_ip;
pub mod failure;
pub mod form;
pub mod form_token;
pub mod language;
pub mod metrics;
pub mod page_cache;
pub mod rate_limit;
pub mod render;
pub mod security;
pub mod staff;
pub mod state;
pub mod static_files;
