//! The `ketnoi` binary: parses the command line and runs the library.

use clap::Parser;

// mimalloc: imports allocate and free many small strings across threads
// (parser and SQLite worker), where glibc's allocator spent a fifth of the
// time.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let cli = ketnoi::cli::Cli::parse();
    ketnoi::cli::init_logging(cli.global.log_format);
    match ketnoi::cli::run(cli).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
