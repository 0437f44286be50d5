//! Everything that only exists on the server: settings, start-up, storage, HTTP plumbing.

pub mod api;
pub mod auth;
pub mod cli;
pub mod client_ip;
pub mod contact;
pub mod database;
pub mod form;
pub mod form_token;
pub mod guide;
pub mod health;
pub mod inbox;
pub mod mail;
pub mod outbox;
pub mod page_cache;
pub mod rate_limit;
pub mod render;
pub mod security;
pub mod seo;
pub mod settings;
pub mod shutdown;
pub mod startup;
pub mod state;
pub mod static_files;
pub mod store;
pub mod telemetry;
pub mod users_cli;
