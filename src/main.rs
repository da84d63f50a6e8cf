//! The `ketnoi` binary: parses the command line and runs the library.

use clap::Parser;

// mimalloc: imports allocate and free many small strings across threads
// (parser and SQLite worker), where glibc's allocator spent a fifth of the
// time.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    let cli = ketnoi::cli::Cli::parse();
    ketnoi::cli::init_logging(cli.global.log_format);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(ketnoi::cli::run(cli));
    // Blocking work a stopped server abandoned (a password hash, a rebuild
    // step) must not keep the process alive.
    runtime.shutdown_timeout(std::time::Duration::from_secs(1));
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
