//! The `archguide` binary: serves the site by default; `archguide --help` lists the subcommands.

/// jemalloc, for every allocation of the process, SQLite's too: allocation is a tenth of a page
/// request's time with the system allocator, and memory freed after a load goes back to the
/// operating system (its background thread returns pages unused for a second), where the system
/// allocator keeps it in each thread's arena.
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// jemalloc's settings, read as it starts: pages freed are given back after a second unused.
#[unsafe(export_name = "malloc_conf")]
pub static MALLOC_CONF: &[u8] = b"background_thread:true,dirty_decay_ms:1000,muzzy_decay_ms:0\0";

#[tokio::main]
async fn main() -> std::process::ExitCode {
    archguide::startup::cli::run().await
}
