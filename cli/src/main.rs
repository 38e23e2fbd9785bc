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
    #[command(subcommand)]
    command: Command,
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
