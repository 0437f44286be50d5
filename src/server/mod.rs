//! Everything that only exists on the server: settings, start-up, storage, HTTP plumbing.

pub mod api;
pub mod cli;
pub mod database;
pub mod guide;
pub mod health;
pub mod seo;
pub mod settings;
pub mod shutdown;
pub mod startup;
pub mod state;
pub mod static_files;
pub mod store;
pub mod telemetry;
