//! Logging: plain lines for people, JSON for collectors; the filter follows `ARCHGUIDE_LOG`.
//!
//! Every line goes to standard error, for every subcommand: standard output is kept for a
//! command's result (tokens, a backup's summary), so `archguide form-tokens 1000 > tokens.txt`
//! holds tokens only, whatever the database says meanwhile.

use std::io::IsTerminal;

use tracing_subscriber::EnvFilter;

use crate::server::settings::{LogFormat, Settings, SettingsError};

/// Installs the global subscriber. Call once, before anything logs.
pub fn init(settings: &Settings) -> Result<(), SettingsError> {
    let filter = EnvFilter::try_new(&settings.log_filter)
        .map_err(|e| SettingsError { name: "ARCHGUIDE_LOG", message: e.to_string() })?;
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal());
    // A second init (as in tests that start several apps) keeps the first subscriber.
    let _ = match settings.log_format {
        LogFormat::Plain => builder.try_init(),
        LogFormat::Json => builder.json().flatten_event(true).try_init(),
    };
    Ok(())
}
