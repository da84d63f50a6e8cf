//! The `ketnoi` binary: parses the command line and runs the library.

use clap::Parser;

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
