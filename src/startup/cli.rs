//! The command line: `archguide` serves; subcommands do operators' chores.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::server::settings::Settings;
use crate::server::store::backup;
use crate::server::store::database::Database;
use crate::server::store::Stores;
use crate::startup::users_cli::{self, UserCommand};
use crate::startup::Application;
use crate::startup::{demo_data, shutdown, telemetry};

#[derive(Parser)]
#[command(
    name = "archguide",
    version,
    about = "The architecture decision guide: site, guide and lead inbox in one binary.",
    after_help = "Settings come from environment variables; see the README for the full list.\n\
                  The most used: DATABASE_URL (default sqlite://data/archguide.db), \
                  LEPTOS_SITE_ADDR (default 127.0.0.1:3000), LEPTOS_SITE_ROOT (default target/site)."
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the site (what `archguide` does with no subcommand).
    Serve,
    /// Bring the database schema up to date, then exit.
    Migrate,
    /// Manage staff accounts.
    #[command(subcommand)]
    User(UserCommand),
    /// Print fresh contact-form tokens, one per line, as the form would carry them: for load
    /// tests that post many leads (each token makes one lead; a second post with it is a repeat).
    FormTokens {
        /// How many tokens.
        #[arg(default_value_t = 1)]
        count: u32,
    },
    /// Fill an empty database with N made-up leads in every state (and guide results), for
    /// trying the inbox or measuring it; refuses a database that holds leads unless --force.
    DemoData {
        /// How many leads.
        count: u64,
        /// Add them even though the database holds leads already.
        #[arg(long)]
        force: bool,
    },
    /// Write a consistent copy of the SQLite database to PATH while the server keeps running.
    Backup {
        /// Where the copy goes; it must not exist yet.
        path: std::path::PathBuf,
    },
    /// Put a backup in place of the SQLite database (stop the server first); the current file is
    /// kept beside it.
    Restore {
        /// The backup to restore.
        path: std::path::PathBuf,
    },
}

/// Runs the command line and turns every failure into a one-line message and an exit code.
pub async fn run() -> ExitCode {
    let cli = Cli::parse();
    let settings = match Settings::from_env().and_then(|s| telemetry::init(&s).map(|()| s)) {
        Ok(settings) => settings,
        Err(err) => {
            eprintln!("archguide: {err}");
            return ExitCode::from(2);
        }
    };
    let outcome = match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(settings).await,
        Command::Migrate => migrate(settings).await,
        Command::User(command) => users_cli::run(settings, command).await,
        Command::FormTokens { count } => form_tokens(settings, count).await,
        Command::DemoData { count, force } => demo_data::run(settings, count, force).await,
        Command::Backup { path } => backup::backup(&settings.database_url, &path).await.map(|done| println!("{done}")),
        Command::Restore { path } => backup::restore(&settings.database_url, &path, Database::newest_sqlite_schema())
            .await
            .map(|done| println!("{done}")),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("archguide: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn serve(settings: Settings) -> Result<(), String> {
    let addr = settings.site_addr;
    let app = Application::build(settings).await.map_err(|e| e.to_string())?;
    let mut shown = addr;
    shown.set_port(app.port());
    tracing::info!("listening on http://{shown}");
    app.run_until_stopped(shutdown::signal()).await.map_err(|e| format!("server error: {e}"))
}

async fn migrate(settings: Settings) -> Result<(), String> {
    let db = Database::connect(&settings.database_url).await.map_err(|e| e.to_string())?;
    db.close().await;
    tracing::info!("the database schema is up to date");
    Ok(())
}

async fn form_tokens(settings: Settings, count: u32) -> Result<(), String> {
    use std::io::Write as _;

    let db = Database::connect(&settings.database_url).await.map_err(|e| e.to_string())?;
    let tokens = Application::form_tokens(&Stores::new(&db)).await.map_err(|e| e.to_string())?;
    db.close().await;
    let now = crate::server::clock::Clock::now(&crate::server::clock::SystemClock);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for _ in 0..count {
        writeln!(out, "{}", tokens.issue(now)).map_err(|e| e.to_string())?;
    }
    out.flush().map_err(|e| e.to_string())
}
