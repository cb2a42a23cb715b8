//! `scrim hash-password`: read a proxy user's password from stdin and print the
//! Argon2id PHC string to put in `proxy_users` (the password itself is never
//! stored, echoed or logged).

use std::io::{BufRead, Write};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};

/// Read one line from stdin (without its line ending) and print its hash.
pub fn run() -> Result<ExitCode> {
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .context("cannot read the password from stdin")?;
    let password = line.trim_end_matches(['\r', '\n']);
    if password.is_empty() {
        bail!("no password on stdin (e.g. `printf '%s' \"$PW\" | scrim hash-password`)");
    }
    let hash = crate::proxy::access::hash_password(password)
        .map_err(|e| anyhow::anyhow!("hashing failed: {e}"))?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{hash}")?;
    Ok(ExitCode::SUCCESS)
}
