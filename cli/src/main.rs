//! `zoom-user-update`: validate, dry-run, send and bulk-send Zoom user updates.
//!
//! Exit codes: 0 success, 1 invalid input or a failed update, 2 usage or configuration errors,
//! 130 interrupted.

#![forbid(unsafe_code)]

mod bulk;
mod common;
mod update;
mod validate;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use common::Failure;

/// Validate, dry-run and send Zoom "Update a user" requests (PATCH /users/{userId}).
#[derive(Debug, Parser)]
#[command(name = "zoom-user-update", version, about, long_about = None)]
struct Cli {
    /// Log to standard error what the client does (-v info, -vv debug, -vvv everything);
    /// RUST_LOG, when set, decides instead (e.g. RUST_LOG=zoom_user_update=debug). Tokens and
    /// secrets are never logged.
    #[arg(short, long, action = clap::ArgAction::Count, global = true)]
    verbose: u8,
    #[command(subcommand)]
    command: Command,
}

/// Turns on `tracing` output to standard error for `-v` or `RUST_LOG`.
fn init_logs(verbose: u8) {
    use std::io::IsTerminal;
    use tracing_subscriber::EnvFilter;
    let filter = match EnvFilter::try_from_default_env() {
        Ok(filter) => filter,
        Err(_) => EnvFilter::new(match verbose {
            0 => return,
            1 => "zoom_user_update=info",
            2 => "zoom_user_update=debug",
            _ => "trace",
        }),
    };
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .init();
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check a JSON body (or JSON Lines of bodies) against every rule of the spec.
    Validate(validate::ValidateArgs),
    /// Update one user, from flags or a JSON body; --dry-run prints the request instead.
    Update(Box<update::UpdateArgs>),
    /// Update many users from a JSON Lines file, paced and resumable.
    Bulk(bulk::BulkArgs),
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    init_logs(cli.verbose);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::from(2);
        }
    };
    let result = runtime.block_on(async {
        match cli.command {
            Command::Validate(args) => validate::run(args).await,
            Command::Update(args) => update::run(*args).await,
            Command::Bulk(args) => bulk::run(args).await,
        }
    });
    match result {
        Ok(code) => code,
        Err(Failure::Usage(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
        Err(Failure::Failed(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(1)
        }
    }
}
