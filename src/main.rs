//! The `archguide` binary: serves the site by default; `archguide --help` lists the subcommands.

#[tokio::main]
async fn main() -> std::process::ExitCode {
    archguide::server::cli::run().await
}
